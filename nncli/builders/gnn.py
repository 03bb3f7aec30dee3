"""Trace builder for one graph-convolution layer (Kipf and Welling, 2017):
self-loops, degrees, symmetric normalisation, message passing per node, then × W and ReLU."""

import numpy as np

from nncli.maths.activations import relu
from nncli.maths.gnn import normalize_adjacency
from nncli.trace import Equation, Matrix, Row, Step, Table, Text, Trace

FULL_DETAIL_NODES = 6   # up to this many nodes, every message-passing step is shown
FEW_NODES = 3           # above it, this many, then a summary
TABLE_ROWS = 12         # rows of the neighbour table shown
TERMS_PER_LINE = 3      # weighted terms per line of a node's sum


def random_graph(seed, V):
    """A connected random graph on V nodes: each node k ≥ 1 joins a random earlier node,
    then about V/3 extra edges. Returns sorted (i, j) pairs with i < j."""
    rng = np.random.default_rng(seed)
    edges = {tuple(sorted((k, int(rng.integers(0, k))))) for k in range(1, V)}
    for _ in range(V // 3):
        i, j = (int(v) for v in rng.choice(V, size=2, replace=False)) if V >= 2 else (0, 0)
        if i != j:
            edges.add((min(i, j), max(i, j)))
    return sorted(edges)


def adjacency(edges, V):
    """(V, V) symmetric 0/1 matrix of an undirected edge list."""
    A = np.zeros((V, V))
    for i, j in edges:
        A[i, j] = A[j, i] = 1.0
    return A


def row_sum_blocks(A_hat, ctx):
    """Why Â is normalised, and what its row sums say: Â is an average only when every row
    adds up to 1 (for a connected graph: when all nodes have the same degree)."""
    t = ctx.t
    sums = A_hat.sum(axis=1)
    blocks = [Equation(t("rowsum.eq", sums=ctx.vec(sums)))] if len(sums) <= FULL_DETAIL_NODES else []
    if np.allclose(sums, 1.0, rtol=0, atol=1e-12):
        return blocks + [Text(t("rowsum.one"))]
    low, high = int(np.argmin(sums)), int(np.argmax(sums))
    return blocks + [Text(t("rowsum.not_one", lo=ctx.n(sums[low]), i=low, hi=ctx.n(sums[high]),
                            j=high))]


def build_gnn(A, X, W, ctx) -> Trace:
    """Explain relu(Â·X·W), Â = D^−½ (A + I) D^−½, D the degrees of A + I.

    A: (V, V) symmetric 0/1 adjacency without self-loops; X: (V, F) node features, one row
    per node; W: (F, F′). Row-vector convention as in Kipf and Welling's H′ = σ(Â H W).
    """
    t = ctx.t
    A, X, W = (np.asarray(a, dtype=np.float64) for a in (A, X, W))
    V = A.shape[0]
    A_tilde = A + np.eye(V)
    deg = A_tilde.sum(axis=1)
    A_hat = normalize_adjacency(A)
    H = A_hat @ X
    Z = H @ W
    out = relu(Z)
    nodes = [str(v) for v in range(V)]
    neighbours = [[j for j in range(V) if A[i, j]] for i in range(V)]

    rows = [[str(i), ", ".join(map(str, nb)) or "—", ctx.vec(X[i])] for i, nb in enumerate(neighbours)]
    steps = [Step(t("graph.title"), [
        Text(t("graph.text", V=V, E=int(A.sum() // 2), F=X.shape[1])),
        Table([t("col.node"), t("col.neighbours"), t("col.features")], rows[:TABLE_ROWS]),
    ] + ([Text(t("graph.more", count=V - TABLE_ROWS))] if V > TABLE_ROWS else []) + [
        Text(t("graph.grid")),
    ])]

    steps.append(Step(t("loops.title"), [
        Text(t("loops.text")),
        Row([Matrix("A", A, row_labels=nodes, col_labels=nodes),
             Matrix("A + I", A_tilde, row_labels=nodes, col_labels=nodes,
                    highlight=[(i, i) for i in range(V)])]),
    ]))

    deg_lines = [Equation(t("deg.eq", i=i, terms=" + ".join(ctx.n(v) for v in A_tilde[i] if v),
                            d=ctx.n(deg[i]), inv=ctx.n(1 / np.sqrt(deg[i]))))
                 for i in range(min(V, TABLE_ROWS))]
    steps.append(Step(t("deg.title"), [Text(t("deg.text"))] + deg_lines
                      + ([Text(t("graph.more", count=V - TABLE_ROWS))] if V > TABLE_ROWS else [])))

    i, j = _example_edge(A, deg)
    blocks = [Text(t("norm.text")), Equation("Â = D^−½ (A + I) D^−½,   Â[i, j] = 1/√(dᵢ·dⱼ)")]
    if i is not None:
        blocks.append(Equation(t("norm.edge", i=i, j=j, di=ctx.n(deg[i]), dj=ctx.n(deg[j]),
                                 v=ctx.n(A_hat[i, j]))))
    blocks += [
        Equation(t("norm.self", i=0, d=ctx.n(deg[0]), v=ctx.n(A_hat[0, 0]))),
        Matrix("A_hat", A_hat, label="Â", row_labels=nodes, col_labels=nodes, heat=True,
               highlight=[(i, j)] if i is not None else []),
        *row_sum_blocks(A_hat, ctx),
    ]
    steps.append(Step(t("norm.title"), blocks))

    limit = V if V <= FULL_DETAIL_NODES else FEW_NODES
    for i in range(V):
        if not ctx.shown(i, limit):
            continue
        sources = [i] + neighbours[i]
        table = [[str(j), f"1/√({ctx.n(deg[i])}×{ctx.n(deg[j])}) = {ctx.n(A_hat[i, j])}",
                  ctx.vec(X[j]), ctx.vec(A_hat[i, j] * X[j])] for j in sources]
        terms = [f"{ctx.n(A_hat[i, j])}×{ctx.vec(X[j])}" for j in sources]
        lines = [" + ".join(terms[k:k + TERMS_PER_LINE]) for k in range(0, len(terms), TERMS_PER_LINE)]
        steps.append(Step(t("node.title", i=i), [
            Text(t("node.text", i=i, others=", ".join(map(str, neighbours[i])) or t("node.none"))),
            Table([t("col.from"), t("col.weight"), "x_j", t("col.weighted")], table),
            Equation(f"H[{i}] = {lines[0]}"),
        ] + [Equation(f"     + {line}") for line in lines[1:]] + [
            Equation(f"     = {ctx.vec(H[i])}"),
        ]))
    if V > limit and not ctx.all_steps:
        steps.append(ctx.skipped_step(t("node.more"), V - limit))
    steps.append(Step(t("gather.title"), [
        Text(t("gather.text")),
        Row([Matrix("A_hat", A_hat, label="Â"), Matrix("X", X), Matrix("H", H, label="H = Â·X")]),
    ]))

    k_terms = " + ".join(f"{ctx.term(H[0, f])}×{ctx.term(W[f, 0])}" for f in range(X.shape[1]))
    steps.append(Step(t("weights.title"), [
        Text(t("weights.text", F=X.shape[1], Fo=W.shape[1])),
        Row([Matrix("H", H, highlight=[(0, f) for f in range(X.shape[1])]),
             Matrix("W", W, highlight=[(f, 0) for f in range(X.shape[1])]),
             Matrix("Z", Z, label="Z = H·W", highlight=[(0, 0)])]),
        Equation(f"Z[0, 0] = {k_terms} = {ctx.n(Z[0, 0])}"),
        Text(t("weights.relu")),
        Matrix("output", out, label="ReLU(Z)", row_labels=nodes, heat=True,
               dim=[tuple(idx) for idx in np.argwhere(Z <= 0)]),
        Text(t("weights.column")),
    ]))
    steps.append(Step(t("links.title"), [Text(t("links.grid")), Text(t("links.attention")),
                                         Text(t("links.layers"))]))
    return Trace("gnn", {"nodes": V, "features": X.shape[1], "out_features": W.shape[1]},
                 {"A": A, "X": X, "W": W}, steps, {"A_hat": A_hat, "output": out},
                 title=t("title", V=V, E=int(A.sum() // 2), F=X.shape[1], Fo=W.shape[1]))


def _example_edge(A, deg):
    """An edge (i, j) whose endpoints have different degrees if there is one, else the first."""
    edges = [(i, j) for i in range(A.shape[0]) for j in range(A.shape[0]) if A[i, j]]
    if not edges:
        return None, None
    return next(((i, j) for i, j in edges if deg[i] != deg[j]), edges[0])
