"""self-attention: the trace against loops written from the equations, a two-token case
done on paper, causal rows, and the CLI (alias qkv, --words, --causal, JSON, export)."""

import math

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.self_attention import build_self_attention
from nncli.trace import Equation, Matrix, iter_blocks

TOL = dict(rtol=1e-12, atol=1e-12)


def loop_self_attention(X, Wq, Wk, Wv, causal):
    """Q, K, V, scores, weights, output, each entry from its own sum."""
    T, d = X.shape
    proj = lambda W: np.array([[sum(X[i, m] * W[m, k] for m in range(d)) for k in range(W.shape[1])]
                               for i in range(T)])
    Q, K, V = proj(Wq), proj(Wk), proj(Wv)
    dk = Q.shape[1]
    S = np.array([[sum(Q[i, m] * K[j, m] for m in range(dk)) / math.sqrt(dk) for j in range(T)] for i in range(T)])
    W = np.zeros((T, T))
    for i in range(T):
        allowed = [j for j in range(T) if not causal or j <= i]
        top = max(S[i, j] for j in allowed)
        exps = {j: math.exp(S[i, j] - top) for j in allowed}
        total = sum(exps.values())
        for j in allowed:
            W[i, j] = exps[j] / total
    Z = np.array([[sum(W[i, j] * V[j, k] for j in range(T)) for k in range(V.shape[1])] for i in range(T)])
    return dict(Q=Q, K=K, V=V, scores=S, weights=W, output=Z)


@pytest.mark.parametrize("T,d,dk,dv,causal", [(3, 4, 4, 4, False), (3, 4, 4, 4, True), (1, 2, 2, 2, True),
                                              (5, 3, 2, 4, False), (6, 4, 3, 2, True)])
def test_builder_matches_loops(T, d, dk, dv, causal):
    rng = np.random.default_rng(T * 1000 + d * 100 + dk * 10 + dv)
    X = rng.integers(-1, 2, size=(T, d)).astype(float)
    Wq, Wk = rng.integers(-1, 2, size=(d, dk)).astype(float), rng.integers(-1, 2, size=(d, dk)).astype(float)
    Wv = rng.integers(-1, 2, size=(d, dv)).astype(float)
    trace = build_self_attention(X, Wq, Wk, Wv, Context("self_attention"), causal=causal)
    want = loop_self_attention(X, Wq, Wk, Wv, causal)
    for name, value in want.items():
        np.testing.assert_allclose(trace.outputs[name], value, **TOL, err_msg=f"{name}, T={T} d={d} causal={causal}")


def test_two_tokens_on_paper():
    # X = I, W_q = I, W_k = √2·ln3·I: scores = ln3 on the diagonal, 0 off it, after ÷√2.
    # Row softmax: [3, 1]/4 and [1, 3]/4. V = X·diag(4, 8) = diag(4, 8).
    # Z row 0 = 3/4·[4, 0] + 1/4·[0, 8] = [3, 2]; row 1 = 1/4·[4, 0] + 3/4·[0, 8] = [1, 6].
    X, Wq, Wk, Wv = np.eye(2), np.eye(2), math.sqrt(2) * math.log(3) * np.eye(2), np.diag([4.0, 8.0])
    trace = build_self_attention(X, Wq, Wk, Wv, Context("self_attention"))
    np.testing.assert_allclose(trace.outputs["scores"], [[math.log(3), 0], [0, math.log(3)]], **TOL)
    np.testing.assert_allclose(trace.outputs["weights"], [[0.75, 0.25], [0.25, 0.75]], **TOL)
    np.testing.assert_allclose(trace.outputs["output"], [[3, 2], [1, 6]], **TOL)
    # causal: row 0 only sees itself → [4, 0]; row 1 unchanged → [1, 6]
    causal = build_self_attention(X, Wq, Wk, Wv, Context("self_attention"), causal=True)
    np.testing.assert_allclose(causal.outputs["weights"], [[1, 0], [0.25, 0.75]], **TOL)
    np.testing.assert_allclose(causal.outputs["output"], [[4, 0], [1, 6]], **TOL)
    # scores are reported before masking
    np.testing.assert_allclose(causal.outputs["scores"], trace.outputs["scores"], **TOL)


def test_equations_and_masked_matrix():
    X = np.array([[1.0, 0.0], [2.0, 1.0]])
    W = np.eye(2)
    trace = build_self_attention(X, W, W, W, Context("self_attention"), causal=True, words=["a", "b"])
    equations = [b.text for st in trace.steps for b in iter_blocks(st.blocks) if isinstance(b, Equation)]
    # q₁ = [2, 1], k₀ = [1, 0]: 2×1 + 1×0 = 2, ÷ √2 = 1.414
    assert "q₁·k₀ = 2×1 + 1×0 = 2" in equations
    assert "S[1,0] = 2 / √2 = 2 / 1.414 = 1.414" in equations
    masked = next(b for st in trace.steps for b in iter_blocks(st.blocks)
                  if isinstance(b, Matrix) and b.name == "masked scores")
    assert masked.array[0, 1] == -np.inf and masked.row_labels == ["a", "b"]


def test_causal_rows_sum_to_one_with_zeros_above_diagonal():
    rng = np.random.default_rng(9)
    X, W = rng.normal(size=(7, 4)), rng.normal(size=(3, 4, 4))
    w = build_self_attention(X, *W, Context("self_attention"), causal=True).outputs["weights"]
    np.testing.assert_allclose(w.sum(axis=1), 1.0, **TOL)
    assert np.all(w[np.triu_indices(7, 1)] == 0) and np.all(w[np.tril_indices(7)] > 0)


def test_cli_qkv_alias_words_causal(run):
    result = run("explain", "qkv", "--words", "the cat sat", "--causal")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout and "−∞" in result.stdout and "cat" in result.stdout
    data = run("explain", "self-attention", "--words", "the cat sat on", "--json").json()
    assert data["params"]["words"] == ["the", "cat", "sat", "on"]
    assert set(data["inputs"]) == {"X", "Wq", "Wk", "Wv"}
    assert set(data["outputs"]) == {"Q", "K", "V", "scores", "weights", "output"}
    shapes = {k: np.shape(v) for k, v in data["outputs"].items()}
    assert shapes == {"Q": (4, 4), "K": (4, 4), "V": (4, 4), "scores": (4, 4), "weights": (4, 4), "output": (4, 4)}
    inputs = {k: np.array(v) for k, v in data["inputs"].items()}
    want = loop_self_attention(inputs["X"], inputs["Wq"], inputs["Wk"], inputs["Wv"], False)
    for name, value in want.items():
        np.testing.assert_allclose(data["outputs"][name], value, **TOL, err_msg=name)


def test_cli_defaults_and_options(run):
    data = run("explain", "self-attention", "--json").json()
    assert np.shape(data["inputs"]["X"]) == (3, 4) and data["params"]["words"] == ["t0", "t1", "t2"]
    data = run("explain", "self-attention", "--tokens", "5", "--dim", "2", "--causal", "--json").json()
    w = np.array(data["outputs"]["weights"])
    assert w.shape == (5, 5) and np.all(w[np.triu_indices(5, 1)] == 0)
    given = run("explain", "self-attention", "--input", "1 0; 0 1", "--wq", "1 0; 0 1", "--wk", "0 0; 0 0",
                "--wv", "2 0; 0 4", "--json").json()
    np.testing.assert_allclose(given["outputs"]["output"], [[1, 2], [1, 2]], **TOL)  # equal weights ½, ½


@pytest.mark.parametrize("args,needle", [
    (["--words", "a b", "--tokens", "3"], "--tokens 3"),
    (["--input", "1 2; 3 4", "--words", "a b c"], "--words"),
    (["--input", "1 2; 3 4", "--wq", "1 2 3; 4 5 6; 7 8 9"], "--wq"),
    (["--input", "1 2; 3 4", "--wq", "1; 1", "--wk", "1 0; 0 1"], "--wk"),
])
def test_cli_bad_input_one_line(run, args, needle):
    result = run("explain", "self-attention", *args)
    assert result.code == 2 and needle in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_export_txt_and_bounded(run, tmp_path):
    path = tmp_path / "sa.txt"
    assert run("explain", "qkv", "--causal", "--export", str(path)).code == 0
    assert "Causal mask" in path.read_text(encoding="utf-8")
    result = run("explain", "self-attention", "--tokens", "60", "--dim", "32")
    assert result.code == 0 and "more computed the same way" in result.stdout
    assert len(result.stdout.splitlines()) < 400
