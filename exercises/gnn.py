"""Exercise "gnn": one layer of a graph convolutional network (Kipf and Welling, 2017).

Task: write normalize_adjacency and gcn_layer. In a graph, each node has a feature vector
(a row of X) and its neighbours are given by the adjacency matrix A (A[i, j] = 1 when
nodes i and j are joined). One GCN layer lets every node mix its own features with its
neighbours', then passes the mix through a shared weight matrix and ReLU:

    Â = D^(−½) (A + I) D^(−½),  D the diagonal matrix of the degrees of A + I
    H = relu(Â · X · W)

Adding I (a self-loop on every node) keeps each node's own features in the mix, and counts
the node in its own degree. The symmetric normalisation makes entry (i, j) of Â equal
1/√(d_i·d_j), so nodes with many neighbours do not get ever larger sums.

Named dimensions: V nodes, F input features, F′ output features.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(here there is no batch axis: one graph at a time, and the node axis V comes first); row
vectors are multiplied on the right (row p of X is node p's features, and X @ W
transforms every node at once); inputs are never modified in place.

Check your work with:  nncli check gnn
"""

import numpy as np


def relu(x):
    """Given in full (from the activations exercise): max(0, x). Any shape -> same shape."""
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


def adjacency_from_edges(edges, n_nodes):
    """Worked example (not graded): the adjacency matrix of an undirected graph.

    Each edge (i, j) sets A[i, j] and A[j, i] to 1: undirected means symmetric.

    Inputs:
    - edges: a list of pairs (i, j) of node numbers, i ≠ j
    - n_nodes: V
    Returns:
    - A: (V, V) float64 of 0s and 1s, symmetric, zero diagonal
    """
    A = np.zeros((n_nodes, n_nodes))
    for i, j in edges:
        A[i, j] = 1.0
        A[j, i] = 1.0
    return A


def normalize_adjacency(A):
    """The normalised adjacency with self-loops: D^(−½) (A + I) D^(−½).

    Inputs:
    - A: (V, V) symmetric 0/1 adjacency, zero diagonal (no self-loops yet)
    Returns:
    - A_hat: (V, V) float64; entry (i, j) is 1/√(d_i·d_j) where A + I has a 1, else 0,
      with d_i the degree of node i in A + I (its neighbours plus itself)
    """
    raise NotImplementedError


def gcn_layer(A, X, W):
    """One graph convolution layer: relu(normalize_adjacency(A) · X · W).

    Inputs:
    - A: (V, V) symmetric 0/1 adjacency, zero diagonal
    - X: (V, F) node features, one row per node
    - W: (F, F′) weights shared by all nodes
    Returns:
    - H: (V, F′) float64, the new node features
    """
    raise NotImplementedError
