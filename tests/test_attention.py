"""attention: the maths module (batched shapes, masks, big scores) and the encoder–decoder
trace against loops written from the equations and a case done on paper."""

import math

import numpy as np
import pytest

from nncli.builders.attention import build_attention
from nncli.builders.context import Context
from nncli.maths.attention import (attention_context, causal_mask, merge_heads, scaled_dot_product_attention,
                                   self_attention, softmax_parts, split_heads)
from nncli.trace import Bars, Equation, Table, iter_blocks

TOL = dict(rtol=1e-12, atol=1e-12)


def loop_softmax(row):
    """exp / Σ exp with −∞ entries giving 0, written as loops (no max shift: inputs are small)."""
    exps = [0.0 if v == -math.inf else math.exp(v) for v in row]
    total = sum(exps)
    return np.array([e / total for e in exps])


def loop_attention(s, h):
    """e_i = Σ_k s_k h_ik, α = softmax(e), c_k = Σ_i α_i h_ik, each as loops."""
    T, H = h.shape
    e = np.array([sum(s[k] * h[i, k] for k in range(H)) for i in range(T)])
    a = loop_softmax(e)
    c = np.array([sum(a[i] * h[i, k] for i in range(T)) for k in range(H)])
    return e, a, c


def loop_sdpa(Q, K, V, allowed=None):
    """One (T, d) attention: scores, softmax and weighted sum as loops; allowed[i][j] False = −∞."""
    Tq, d = Q.shape
    Tk = K.shape[0]
    S = np.array([[sum(Q[i, m] * K[j, m] for m in range(d)) / math.sqrt(d) for j in range(Tk)] for i in range(Tq)])
    if allowed is not None:
        S = np.where(allowed, S, -math.inf)
    W = np.array([loop_softmax(S[i]) for i in range(Tq)])
    Z = np.array([[sum(W[i, j] * V[j, m] for j in range(Tk)) for m in range(V.shape[1])] for i in range(Tq)])
    return Z, W


# maths/attention.py

def test_attention_context_batched_matches_loops():
    rng = np.random.default_rng(1)
    s, h = rng.normal(size=(3, 5)), rng.normal(size=(3, 7, 5))
    context, alpha = attention_context(s, h)
    assert context.shape == (3, 5) and alpha.shape == (3, 7)
    for n in range(3):
        _, a, c = loop_attention(s[n], h[n])
        np.testing.assert_allclose(alpha[n], a, **TOL, err_msg=f"alpha, batch item {n}")
        np.testing.assert_allclose(context[n], c, **TOL, err_msg=f"context, batch item {n}")


def test_sdpa_batched_shapes_and_broadcast_mask():
    rng = np.random.default_rng(2)
    Q, K, V = rng.normal(size=(2, 3, 4, 5)), rng.normal(size=(2, 3, 6, 5)), rng.normal(size=(2, 3, 6, 7))
    mask = rng.random((4, 6)) < 0.6
    mask[:, 0] = True  # every query may attend somewhere
    out, weights = scaled_dot_product_attention(Q, K, V, mask)
    assert out.shape == (2, 3, 4, 7) and weights.shape == (2, 3, 4, 6)
    for n in range(2):
        for k in range(3):
            z, w = loop_sdpa(Q[n, k], K[n, k], V[n, k], mask)
            np.testing.assert_allclose(weights[n, k], w, **TOL, err_msg=f"weights n={n} head={k}")
            np.testing.assert_allclose(out[n, k], z, **TOL, err_msg=f"out n={n} head={k}")
    assert np.all(weights[..., ~mask] == 0)


def test_causal_mask_and_rows():
    m = causal_mask(4)
    assert m.dtype == bool and m[2, 0] and m[2, 2] and not m[2, 3] and m.sum() == 10
    rng = np.random.default_rng(3)
    X = rng.normal(size=(2, 4, 3))
    _, w = self_attention(X, *rng.normal(size=(3, 3, 3)), mask=m)
    np.testing.assert_allclose(w.sum(-1), 1.0, **TOL)
    assert np.all(w[:, ~m] == 0)
    np.testing.assert_allclose(w[:, 0, 0], 1.0, **TOL)


def test_large_scores_stay_finite():
    Q = np.array([[1000.0, -2000.0], [3000.0, 500.0]])
    out, w = scaled_dot_product_attention(Q, Q, np.eye(2))
    assert np.all(np.isfinite(out)) and np.all(np.isfinite(w))
    np.testing.assert_allclose(w.sum(-1), 1.0, **TOL)
    # scores/√2: row 0 is [5e6, −1.5e6]/√2 → weight 1 on key 0
    np.testing.assert_allclose(w[0], [1.0, 0.0], **TOL)
    _, a = attention_context(np.array([[50.0, 50.0]]), np.array([[[100.0, 0.0], [-100.0, 0.0]]]))
    np.testing.assert_allclose(a, [[1.0, 0.0]], **TOL)


def test_split_merge_heads_columns():
    X = np.arange(2 * 3 * 6, dtype=float).reshape(2, 3, 6)
    parts = split_heads(X, 3)
    assert parts.shape == (2, 3, 3, 2)
    np.testing.assert_array_equal(parts[1, 2], X[1][:, 4:6])  # head 2 = columns 4, 5
    np.testing.assert_array_equal(merge_heads(parts), X)


@pytest.mark.parametrize("row", [[1.0, 2.0, 3.0], [0.0, -np.inf, 2.0], [800.0, 0.0, -800.0]])
def test_softmax_parts(row):
    m, shifted, exps, total, probs = softmax_parts(np.array(row))
    finite = [v for v in row if v != -np.inf]
    assert m[0] == max(finite)
    np.testing.assert_allclose(exps, [math.exp(v - max(finite)) if v != -np.inf else 0.0 for v in row], **TOL)
    np.testing.assert_allclose(total[0], sum(exps), **TOL)
    np.testing.assert_allclose(probs.sum(), 1.0, **TOL, err_msg=f"row={row}")
    if max(abs(v) for v in finite) < 50:
        np.testing.assert_allclose(probs, loop_softmax(row), **TOL, err_msg=f"row={row}")


# builders/attention.py

def test_hand_worked_case():
    # s = [ln 3, 0], h₁ = [1, 0], h₂ = [0, 1]: e = [ln 3, 0], e^e = [3, 1], α = [3/4, 1/4], c = α
    s = np.array([math.log(3), 0.0])
    h = np.eye(2)
    trace = build_attention(s, h, Context("attention"))
    np.testing.assert_allclose(trace.outputs["scores"], [math.log(3), 0], **TOL)
    np.testing.assert_allclose(trace.outputs["alpha"], [0.75, 0.25], **TOL)
    np.testing.assert_allclose(trace.outputs["context"], [0.75, 0.25], **TOL)


def test_equations_are_written_term_by_term():
    s, h = np.array([1.0, -1.0, 2.0]), np.array([[2.0, 0.0, 1.0], [-1.0, 1.0, 0.0]])
    trace = build_attention(s, h, Context("attention"))
    equations = [b.text for step in trace.steps for b in iter_blocks(step.blocks) if isinstance(b, Equation)]
    # e₁ = 1·2 + (−1)·0 + 2·1 = 4, e₂ = −1 − 1 + 0 = −2
    assert "e₁ = s·h₁ = 1×2 + (−1)×0 + 2×1 = 4" in equations
    assert "e₂ = s·h₂ = 1×(−1) + (−1)×1 + 2×0 = −2" in equations
    assert "max = 4" in equations
    # exp(0) = 1, exp(−6) = 0.00248 → shown as 0.002; sum 1.002
    assert "sum = 1 + 0.002 = 1.002" in equations
    table = next(b for step in trace.steps for b in iter_blocks(step.blocks) if isinstance(b, Table))
    np.testing.assert_allclose([row[4] for row in table.rows], loop_softmax([4.0, -2.0]), **TOL)
    bars = next(b for step in trace.steps for b in iter_blocks(step.blocks) if isinstance(b, Bars))
    np.testing.assert_allclose(bars.values, trace.outputs["alpha"], **TOL)


@pytest.mark.parametrize("T,H", [(1, 1), (4, 3), (6, 2), (13, 5)])
def test_builder_matches_loops(T, H):
    rng = np.random.default_rng(T * 100 + H)
    s, h = rng.integers(-2, 3, size=H).astype(float), rng.integers(-2, 3, size=(T, H)).astype(float)
    trace = build_attention(s, h, Context("attention"))
    e, a, c = loop_attention(s, h)
    for name, want in (("scores", e), ("alpha", a), ("context", c)):
        np.testing.assert_allclose(trace.outputs[name], want, **TOL, err_msg=f"{name}, T={T} H={H}")


def test_many_tokens_are_summarised_and_all_steps_shows_them():
    rng = np.random.default_rng(5)
    s, h = rng.integers(-1, 2, size=40).astype(float), rng.integers(-1, 2, size=(100, 40)).astype(float)
    equations = lambda tr: [b.text for st in tr.steps for b in iter_blocks(st.blocks) if isinstance(b, Equation)]
    short = equations(build_attention(s, h, Context("attention")))
    assert sum(x.startswith("e") for x in short) < 10
    assert all(len(x) < 200 for x in short), max(short, key=len)
    full = equations(build_attention(s, h, Context("attention", all_steps=True)))
    assert sum(x.startswith("e") for x in full) == 100


def test_cli_default_json_and_text(run):
    result = run("explain", "attention")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout and "α = exp ÷ sum" in result.stdout
    data = run("explain", "attention", "--json").json()
    assert set(data["inputs"]) == {"s", "h"} and set(data["outputs"]) == {"scores", "alpha", "context"}
    h, s = np.array(data["inputs"]["h"]), np.array(data["inputs"]["s"])
    assert h.shape == (4, 3) and s.shape == (3,)
    e, a, c = loop_attention(s, h)
    np.testing.assert_allclose(data["outputs"]["scores"], e, **TOL)
    np.testing.assert_allclose(data["outputs"]["alpha"], a, **TOL)
    np.testing.assert_allclose(data["outputs"]["context"], c, **TOL)


def test_cli_options_and_seed(run):
    data = run("explain", "attention", "--tokens", "6", "--hidden", "2", "--seed", "4", "--json").json()
    assert np.shape(data["inputs"]["h"]) == (6, 2) and np.shape(data["outputs"]["alpha"]) == (6,)
    again = run("explain", "attention", "--tokens", "6", "--hidden", "2", "--seed", "4", "--json").json()
    assert again["inputs"] == data["inputs"]
    given = run("explain", "attention", "--input", "1 0; 0 1", "--query", "2 0", "--json").json()
    np.testing.assert_allclose(given["outputs"]["alpha"], [math.e ** 2 / (math.e ** 2 + 1), 1 / (math.e ** 2 + 1)], **TOL)


@pytest.mark.parametrize("args,needle", [
    (["--input", "1 0; 0 1", "--query", "1 2 3"], "--query"),
    (["--input", "1 0; 0 1", "--tokens", "3"], "--tokens 3"),
    (["--query", "1 x 2"], '"x"'),
])
def test_cli_bad_input_one_line(run, args, needle):
    result = run("explain", "attention", *args)
    assert result.code == 2 and needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_export_txt(run, tmp_path):
    path = tmp_path / "attention.txt"
    assert run("explain", "attention", "--export", str(path)).code == 0
    assert "Context: c = Σ αᵢhᵢ" in path.read_text(encoding="utf-8")


def test_cli_big_input_is_bounded(run):
    result = run("explain", "attention", "--tokens", "200", "--hidden", "64")
    assert result.code == 0 and "more computed the same way" in result.stdout
    assert len(result.stdout.splitlines()) < 200


# --- seq2seq over several decoder steps (--outputs) ---------------------------------------

def test_every_decoder_step_equals_a_loop_over_steps():
    rng = np.random.default_rng(3)
    S, h = rng.normal(size=(5, 3)), rng.normal(size=(4, 3))
    trace = build_attention(S, h, Context("attention"))
    for k, s in enumerate(S):
        scores = [sum(a * b for a, b in zip(s, row)) for row in h]
        exps = [math.exp(v - max(scores)) for v in scores]
        alpha = [e / sum(exps) for e in exps]
        context = [sum(alpha[i] * h[i][j] for i in range(4)) for j in range(3)]
        np.testing.assert_allclose(trace.outputs["alphas"][k], alpha, rtol=1e-12, err_msg=f"step {k}")
        np.testing.assert_allclose(trace.outputs["contexts"][k], context, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(trace.outputs["alpha"], trace.outputs["alphas"][0], rtol=1e-15)
    fixed = next(s for s in trace.steps if s.title.startswith("Without attention"))
    same = next(b for b in iter_blocks(fixed.blocks) if getattr(b, "name", "") == "c")
    assert np.array_equal(same.array, np.tile(h[-1], (5, 1)))


def test_ties_for_the_largest_weight_are_all_named():
    h = np.array([[1.0, 0], [1, 0], [0, 1]])
    trace = build_attention(np.array([[1.0, 0], [0, 1]]), h, Context("attention"))
    text = " ".join(b.text for b in iter_blocks(trace.steps[-1].blocks) if hasattr(b, "text"))
    assert "on h₁, h₂;" in text and "on h₃;" in text


def test_cli_outputs_json_and_default_keys(run):
    plain = run("explain", "attention", "--json").json()
    assert set(plain["inputs"]) == {"s", "h"} and set(plain["outputs"]) == {"scores", "alpha", "context"}
    data = run("explain", "attention", "--outputs", "3", "--json").json()
    assert np.array(data["outputs"]["alphas"]).shape == (3, 4)
    assert np.array(data["outputs"]["contexts"]).shape == (3, 3)
    assert data["inputs"]["s"] == data["inputs"]["S"][0]
    given = run("explain", "attention", "--input", "1 0; 0 1", "--query", "1 0; 0 1; 1 1", "--json").json()
    assert np.array(given["outputs"]["alphas"]).shape == (3, 2)
    bad = run("explain", "attention", "--query", "1 0 0; 0 1 0", "--outputs", "3")
    assert bad.code == 2 and "--outputs 3" in bad.stderr
