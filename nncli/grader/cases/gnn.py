"""Hidden cases of the "gnn" exercise: normalize_adjacency and gcn_layer."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, normal

from nncli.maths import gnn
from nncli.maths.activations import relu


def _graph(n_nodes, edges):
    A = np.zeros((n_nodes, n_nodes))
    for i, j in edges:
        A[i, j] = A[j, i] = 1.0
    return A


def _random_graph(rng, V, p=0.4, ring=False):
    A = np.triu((rng.random((V, V)) < p).astype(np.float64), k=1)
    if ring:  # every node gets two neighbours at least
        for i in range(V):
            A[min(i, (i + 1) % V), max(i, (i + 1) % V)] = 1.0
    return A + A.T


def _sym_norm(M, degrees):
    r = 1.0 / np.sqrt(degrees)
    return r[:, None] * M * r[None, :]


def _no_self_loops(A):
    A = np.asarray(A, dtype=np.float64)
    return _sym_norm(A, A.sum(axis=1))


def _row_normalized(A):
    A_tilde = np.asarray(A, dtype=np.float64) + np.eye(len(A))
    return A_tilde / A_tilde.sum(axis=1, keepdims=True)


def _degree_without_self_loop(A):
    A = np.asarray(A, dtype=np.float64)
    return _sym_norm(A + np.eye(len(A)), A.sum(axis=1))


def _gcn_with(normalize, activate=True):
    def wrong(A, X, W):
        out = normalize(A) @ X @ W
        return relu(out) if activate else out

    return wrong


def _unnormalized(A):
    return np.asarray(A, dtype=np.float64) + np.eye(len(A))


def _graphs(rng):
    """(label, A) pairs: fixed graphs first, then random ones."""
    graphs = [
        ("edge: a path of 3 nodes", _graph(3, [(0, 1), (1, 2)])),
        ("edge: an isolated node", _graph(4, [(0, 1), (1, 2)])),
        ("edge: a single node", np.zeros((1, 1))),
        ("edge: a complete graph of 4 nodes",
         _graph(4, [(i, j) for i in range(4) for j in range(i + 1, 4)])),
        ("edge: a star of 5 nodes", _graph(5, [(0, j) for j in range(1, 5)])),
    ]
    for i in range(1, 3):
        V = int(rng.integers(3, 8))
        graphs.append((f"random {i}: V={V}", _random_graph(rng, V, ring=(i == 1))))
    return graphs


def _norm_mistakes(A):
    out = [Mistake("row_normalized", _row_normalized)]
    if np.all(np.asarray(A).sum(axis=1) > 0):  # no isolated node: degrees of A are not 0
        out[:0] = [Mistake("no_self_loops", _no_self_loops),
                   Mistake("degree_without_self_loop", _degree_without_self_loop)]
    return out


def cases(rng):
    out = []
    graphs = _graphs(rng)
    for label, A in graphs:
        out.append(Case("normalize_adjacency", label, (A,), gnn.normalize_adjacency,
                        mistakes=_norm_mistakes(A)))
    for label, A in graphs:
        V = len(A)
        F, F_out = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        mistakes = [Mistake("gcn_no_relu", _gcn_with(gnn.normalize_adjacency, activate=False)),
                    Mistake("gcn_unnormalized", _gcn_with(_unnormalized))]
        if np.all(A.sum(axis=1) > 0):
            mistakes.insert(0, Mistake("no_self_loops", _gcn_with(_no_self_loops)))
        out.append(Case("gcn_layer", f"{label}, {dims(F=F, F_out=F_out)}",
                        (A, normal(rng, V, F), normal(rng, F, F_out)), gnn.gcn_layer,
                        mistakes=mistakes))
    return out
