"""Graph convolution of Kipf and Welling (2017): symmetric normalisation with self-loops.

Named dimensions: V nodes, F input features, F′ output features. Row p of X is node p's
feature vector (row-vector convention: X @ W).
"""

import numpy as np

from nncli.maths.activations import relu


def normalize_adjacency(A):
    """A: (V, V) symmetric 0/1 adjacency without self-loops -> D^−½ (A + I) D^−½ (V, V),
    D the diagonal of the degrees of A + I (each node counts itself), so entry (i, j) of an
    edge or of the diagonal is 1/√(d_i·d_j)."""
    A = np.asarray(A, dtype=np.float64)
    A_tilde = A + np.eye(A.shape[0])
    inv_sqrt = 1.0 / np.sqrt(A_tilde.sum(axis=1))
    return inv_sqrt[:, None] * A_tilde * inv_sqrt[None, :]


def gcn_layer(A, X, W):
    """A: (V, V), X: (V, F), W: (F, F′) -> relu(normalize_adjacency(A)·X·W), (V, F′)."""
    X = np.asarray(X, dtype=np.float64)
    return relu(normalize_adjacency(A) @ X @ np.asarray(W, dtype=np.float64))
