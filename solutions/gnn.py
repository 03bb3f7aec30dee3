"""Reference solution of the "gnn" exercise: the GCN layer of Kipf and Welling (2017)."""

import numpy as np


def relu(x):
    """Given in full: max(0, x)."""
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


def adjacency_from_edges(edges, n_nodes):
    """Worked example (not graded): edges [(i, j), ...] -> (V, V) symmetric 0/1 matrix."""
    A = np.zeros((n_nodes, n_nodes))
    for i, j in edges:
        A[i, j] = 1.0
        A[j, i] = 1.0
    return A


def normalize_adjacency(A):
    """A (V, V) -> D^(−½) (A + I) D^(−½), D the degrees of A + I.

    Written with the diagonal matrix of the formula; every degree is at least 1 (the
    self-loop), so the inverse square roots always exist, even for an isolated node.
    """
    A = np.asarray(A, dtype=np.float64)
    A_tilde = A + np.eye(A.shape[0])
    degrees = A_tilde.sum(axis=1)
    D_inv_sqrt = np.diag(1.0 / np.sqrt(degrees))
    return D_inv_sqrt @ A_tilde @ D_inv_sqrt


def gcn_layer(A, X, W):
    """A (V, V), X (V, F), W (F, F′) -> (V, F′) = relu(Â · X · W).

    Â · X replaces each node's features by a weighted mean-like mix over itself and its
    neighbours; · W then maps F features to F′ for every node with the same weights.
    """
    X = np.asarray(X, dtype=np.float64)
    return relu(normalize_adjacency(A) @ X @ np.asarray(W, dtype=np.float64))
