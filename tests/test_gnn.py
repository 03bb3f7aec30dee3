"""gnn: the normalised adjacency from degrees, the layer as a per-node neighbour sum,
hand-worked small graphs, edge parsing, and the CLI."""

import math

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.gnn import adjacency, build_gnn, random_graph
from nncli.maths.gnn import gcn_layer, normalize_adjacency


def loop_a_hat(A):
    """D^−½ (A + I) D^−½ built as three matrices, D from the degrees counted by hand."""
    V = len(A)
    A_tilde = [[A[i][j] + (1.0 if i == j else 0.0) for j in range(V)] for i in range(V)]
    degrees = [sum(row) for row in A_tilde]
    D_inv_sqrt = np.diag([1 / math.sqrt(d) for d in degrees])
    return D_inv_sqrt @ np.array(A_tilde) @ D_inv_sqrt


def loop_gcn(A, X, W):
    """ReLU((Σ_j Â[i, j] X[j]) · W) node by node, with Â[i, j] = 1/√(dᵢ dⱼ) over i's
    neighbours and itself."""
    V = len(A)
    deg = [1 + sum(A[i]) for i in range(V)]
    out = []
    for i in range(V):
        h = np.zeros(X.shape[1])
        for j in range(V):
            if i == j or A[i][j]:
                h += X[j] / math.sqrt(deg[i] * deg[j])
        out.append([max(0.0, sum(h[f] * W[f, k] for f in range(X.shape[1]))) for k in range(W.shape[1])])
    return np.array(out)


def test_two_node_graph_by_hand():
    A = np.array([[0.0, 1], [1, 0]])
    # both degrees are 2 (the neighbour and itself): every entry is 1/√(2·2) = 1/2
    np.testing.assert_allclose(normalize_adjacency(A), [[0.5, 0.5], [0.5, 0.5]], rtol=1e-15)
    X, W = np.array([[2.0, -1], [4, 3]]), np.array([[1.0], [-1]])
    # H = [[3, 1], [3, 1]], H·W = [[2], [2]]
    np.testing.assert_allclose(gcn_layer(A, X, W), [[2.0], [2.0]], rtol=1e-15)


def test_path_of_three_by_hand():
    A = adjacency([(0, 1), (1, 2)], 3)   # degrees with self-loops 2, 3, 2
    a_hat = normalize_adjacency(A)
    assert a_hat[0, 1] == pytest.approx(1 / math.sqrt(6), rel=1e-14)
    assert a_hat[1, 1] == pytest.approx(1 / 3, rel=1e-14)
    assert a_hat[0, 2] == 0
    isolated = normalize_adjacency(np.zeros((2, 2)))
    np.testing.assert_array_equal(isolated, np.eye(2))


@pytest.mark.parametrize("seed,V,F,Fo", [(0, 5, 2, 2), (1, 9, 3, 4), (2, 30, 5, 1), (3, 1, 2, 2)])
def test_layer_matches_neighbour_sum(seed, V, F, Fo):
    rng = np.random.default_rng(seed)
    A = adjacency(random_graph(seed, V), V)
    X, W = rng.normal(size=(V, F)), rng.normal(size=(F, Fo))
    np.testing.assert_allclose(normalize_adjacency(A), loop_a_hat(A.tolist()), rtol=1e-12, atol=1e-15,
                               err_msg=f"seed={seed} V={V}")
    np.testing.assert_allclose(gcn_layer(A, X, W), loop_gcn(A.tolist(), X, W), rtol=1e-10, atol=1e-12,
                               err_msg=f"seed={seed} V={V}")
    assert np.allclose(normalize_adjacency(A), normalize_adjacency(A).T)


def test_random_graph_is_connected_and_simple():
    for seed in range(5):
        edges = random_graph(seed, 12)
        assert all(i < j for i, j in edges)
        reached, frontier = {0}, [0]
        while frontier:
            node = frontier.pop()
            for i, j in edges:
                for a, b in ((i, j), (j, i)):
                    if a == node and b not in reached:
                        reached.add(b)
                        frontier.append(b)
        assert reached == set(range(12)), f"seed={seed}"


def test_builder_outputs_and_node_steps():
    A = adjacency([(0, 1), (1, 2), (2, 3)], 4)
    X = np.array([[1.0, 0], [0, 1], [2, -1], [-1, 1]])
    W = np.array([[1.0, -1], [2, 0]])
    trace = build_gnn(A, X, W, Context("gnn"))
    np.testing.assert_allclose(trace.outputs["A_hat"], loop_a_hat(A.tolist()), rtol=1e-12)
    np.testing.assert_allclose(trace.outputs["output"], loop_gcn(A.tolist(), X, W), rtol=1e-12)
    assert sum(s.title.startswith("Message passing at node") for s in trace.steps) == 4
    big = build_gnn(adjacency(random_graph(0, 40), 40), np.ones((40, 2)), np.ones((2, 2)), Context("gnn"))
    assert [s.skipped for s in big.steps if s.skipped] == [37]


def test_cli_default_json(run):
    result = run("explain", "gnn")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    data = run("explain", "gnn", "--json").json()
    assert set(data["inputs"]) == {"A", "X", "W"} and set(data["outputs"]) == {"A_hat", "output"}
    A, X, W = (np.array(data["inputs"][k]) for k in ("A", "X", "W"))
    assert A.shape == (5, 5) and X.shape == (5, 2) and W.shape == (2, 2)
    np.testing.assert_allclose(data["outputs"]["A_hat"], loop_a_hat(A.tolist()), rtol=1e-12)
    np.testing.assert_allclose(data["outputs"]["output"], loop_gcn(A.tolist(), X, W), rtol=1e-12)


def test_cli_edges_and_nodes(run):
    data = run("explain", "gnn", "--edges", "0-1, 1-2,2-3", "--features", "3", "--out-features", "1",
               "--json").json()
    A = np.array(data["inputs"]["A"])
    expected = np.zeros((4, 4))
    for i, j in ((0, 1), (1, 2), (2, 3)):
        expected[i, j] = expected[j, i] = 1
    np.testing.assert_array_equal(A, expected)
    assert np.array(data["outputs"]["output"]).shape == (4, 1)
    # 2-node graph: the worked entry 1/√(2×2) = 0.5
    out = run("explain", "gnn", "--edges", "0-1").stdout
    assert "Â[0, 1] = 1/√(d0·d1) = 1/√(2×2) = 0.5" in out
    padded = run("explain", "gnn", "--edges", "0-1", "--nodes", "3", "--json").json()
    assert np.array(padded["inputs"]["A"]).shape == (3, 3)


@pytest.mark.parametrize("args,needle", [
    (["--edges", "0-x"], '"0-x"'),
    (["--edges", "0-1,,1-2"], "not an edge"),
    (["--edges", "0-1-2"], '"0-1-2"'),
    (["--edges", "2-2"], "itself"),
    (["--edges", "0-5", "--nodes", "3"], "node 5"),
    (["--edges", ""], "no edges"),
    (["--edges", "-1-2"], "not an edge"),
    (["--nodes", "0"], "--nodes"),
    (["--features", "0"], "--features"),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "gnn", *args)
    assert result.code == 2, result.stdout
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_big_graph_bounded_and_export(run, tmp_path):
    result = run("explain", "gnn", "--nodes", "200", "--features", "16")
    assert result.code == 0 and "more computed the same way" in result.stdout
    assert len(result.stdout.splitlines()) < 400
    path = tmp_path / "gnn.txt"
    assert run("explain", "gnn", "--export", str(path)).code == 0
    assert "Message passing at node 0" in path.read_text()


def test_worked_sums_agree_with_the_matrices():
    from nncli.trace import Equation, iter_blocks

    ctx = Context("gnn")
    A = adjacency([(0, 1), (1, 2), (1, 3), (2, 3)], 4)
    X = np.array([[1.0, 2], [0, -1], [3, 1], [-2, 0]])
    trace = build_gnn(A, X, np.eye(2), ctx)
    equations = [b.text for s in trace.steps for b in iter_blocks(s.blocks) if isinstance(b, Equation)]
    H = loop_a_hat(A.tolist()) @ X
    results = [e for e in equations if e.startswith("     = ")]
    assert results == ["     = " + ctx.vec(H[i]) for i in range(4)]
    # degrees with self-loops 2, 4, 3, 3: node 0's edge to node 1 is 1/√(2×4) = 0.354
    assert "Â[0, 1] = 1/√(d0·d1) = 1/√(2×4) = 0.354" in equations
