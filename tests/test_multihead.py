"""multihead: the trace against PyTorch's nn.MultiheadAttention written as equations in the
column form (stacked transposed weights, a "blocked" mask), every divisor head count, and
the CLI (alias mha, bad --heads)."""

import math

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.multihead import build_multihead, valid_heads
from nncli.builders.self_attention import build_self_attention

TOL = dict(rtol=1e-11, atol=1e-12)


def torch_style_mha(X, Wq, Wk, Wv, Wo, h, blocked=None):
    """nn.MultiheadAttention(d, h, bias=False) as equations: in_proj_weight = [Wqᵀ; Wkᵀ; Wvᵀ]
    (3d×d) applied to each token as a column, q = W_in[:d]·x, …; per head a (T×T) softmax
    with scores set to −∞ where blocked[i, j] is True; out_t = out_proj.weight·concat_t,
    out_proj.weight = Woᵀ. Returns (out (T, d), weights (h, T, T))."""
    T, d = X.shape
    dh = d // h
    W_in = np.vstack([Wq.T, Wk.T, Wv.T])
    W_out = Wo.T
    cols = [W_in @ X[t] for t in range(T)]                    # each (3d,)
    q = [c[:d] for c in cols]
    k = [c[d:2 * d] for c in cols]
    v = [c[2 * d:] for c in cols]
    weights = np.zeros((h, T, T))
    concat = np.zeros((T, d))
    for head in range(h):
        sl = slice(head * dh, (head + 1) * dh)
        for i in range(T):
            scores = []
            for j in range(T):
                if blocked is not None and blocked[i, j]:
                    scores.append(-math.inf)
                else:
                    scores.append(float(np.dot(q[i][sl], k[j][sl])) / math.sqrt(dh))
            top = max(scores)
            exps = [0.0 if s == -math.inf else math.exp(s - top) for s in scores]
            for j in range(T):
                weights[head, i, j] = exps[j] / sum(exps)
            concat[i, sl] = sum(weights[head, i, j] * v[j][sl] for j in range(T))
    out = np.array([W_out @ concat[t] for t in range(T)])
    return out, weights


def random_case(seed, T, d):
    rng = np.random.default_rng(seed)
    X = rng.integers(-1, 2, size=(T, d)).astype(float)
    return (X, *(rng.integers(-1, 2, size=(d, d)).astype(float) for _ in range(4)))


@pytest.mark.parametrize("d", [4, 6, 12])
@pytest.mark.parametrize("causal", [False, True])
def test_every_divisor_head_count_matches_torch_equations(d, causal):
    for h in valid_heads(d):
        X, Wq, Wk, Wv, Wo = random_case(d * 10 + h, 5, d)
        trace = build_multihead(X, Wq, Wk, Wv, Wo, h, Context("multihead"), causal=causal)
        blocked = ~np.tril(np.ones((5, 5), dtype=bool)) if causal else None   # True = blocked
        out, weights = torch_style_mha(X, Wq, Wk, Wv, Wo, h, blocked)
        np.testing.assert_allclose(trace.outputs["output"], out, **TOL, err_msg=f"d={d} h={h} causal={causal}")
        np.testing.assert_allclose(trace.outputs["weights"], weights, **TOL, err_msg=f"d={d} h={h} causal={causal}")
        assert trace.outputs["weights"].shape == (h, 5, 5)
        np.testing.assert_allclose(trace.outputs["weights"].sum(-1), 1.0, **TOL)
        if causal:
            assert np.all(trace.outputs["weights"][:, np.triu_indices(5, 1)[0], np.triu_indices(5, 1)[1]] == 0)


def test_valid_heads():
    assert valid_heads(4) == [1, 2, 4] and valid_heads(6) == [1, 2, 3, 6] and valid_heads(7) == [1, 7]


def test_one_head_is_self_attention_times_wo():
    X, Wq, Wk, Wv, Wo = random_case(3, 4, 4)
    single = build_self_attention(X, Wq, Wk, Wv, Context("self_attention"))
    multi = build_multihead(X, Wq, Wk, Wv, Wo, 1, Context("multihead"))
    np.testing.assert_allclose(multi.outputs["output"], single.outputs["output"] @ Wo, **TOL)
    np.testing.assert_allclose(multi.outputs["weights"][0], single.outputs["weights"], **TOL)


def test_two_heads_on_paper():
    # d = 2, two heads of width 1, two tokens. X = I, W_q = W_v = W_o = I, W_k = diag(ln 3, 0).
    # Head 0 (column 0): q = [1, 0], k = [ln 3, 0] → scores row 0 = [ln 3, 0], row 1 = [0, 0];
    #   weights [[3/4, 1/4], [1/2, 1/2]]; v = [1, 0] → Z₀ = [3/4, 1/2].
    # Head 1 (column 1): k = [0, 0] → every weight 1/2; v = [0, 1] → Z₁ = [1/2, 1/2].
    X, Wq, Wv, Wo = np.eye(2), np.eye(2), np.eye(2), np.eye(2)
    Wk = np.diag([math.log(3), 0.0])
    trace = build_multihead(X, Wq, Wk, Wv, Wo, 2, Context("multihead"))
    np.testing.assert_allclose(trace.outputs["weights"], [[[0.75, 0.25], [0.5, 0.5]], [[0.5, 0.5], [0.5, 0.5]]], **TOL)
    np.testing.assert_allclose(trace.outputs["output"], [[0.75, 0.5], [0.5, 0.5]], **TOL)


def test_many_heads_are_summarised():
    X, Wq, Wk, Wv, Wo = random_case(1, 4, 16)
    trace = build_multihead(X, Wq, Wk, Wv, Wo, 16, Context("multihead"))
    assert sum(s.title.startswith("Head ") for s in trace.steps) == 4
    assert [s.skipped for s in trace.steps if s.skipped] == [12]
    full = build_multihead(X, Wq, Wk, Wv, Wo, 16, Context("multihead", all_steps=True))
    assert sum(s.title.startswith("Head ") for s in full.steps) == 16


def test_cli_mha_alias_json(run):
    result = run("explain", "mha", "--causal", "--words", "a b c d")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout and "blocked" in result.stdout
    data = run("explain", "multihead", "--heads", "4", "--dim", "8", "--json").json()
    assert data["params"]["heads"] == 4
    assert set(data["inputs"]) == {"X", "Wq", "Wk", "Wv", "Wo"} and set(data["outputs"]) == {"weights", "output"}
    assert np.shape(data["outputs"]["weights"]) == (4, 3, 3) and np.shape(data["outputs"]["output"]) == (3, 8)
    inputs = [np.array(data["inputs"][k]) for k in ("X", "Wq", "Wk", "Wv", "Wo")]
    out, weights = torch_style_mha(*inputs, 4)
    np.testing.assert_allclose(data["outputs"]["output"], out, **TOL)
    np.testing.assert_allclose(data["outputs"]["weights"], weights, **TOL)


@pytest.mark.parametrize("args,valid", [(["--heads", "3"], "1, 2, 4"), (["--heads", "4", "--dim", "6"], "1, 2, 3, 6"),
                                        (["--heads", "5", "--input", "1 2 3"], "1, 3")])
def test_cli_bad_heads_exit_2_one_line(run, args, valid):
    result = run("explain", "multihead", *args)
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "--heads" in result.stderr and f"valid head counts: {valid}" in result.stderr


def test_cli_export_txt_and_bounded(run, tmp_path):
    path = tmp_path / "mha.txt"
    assert run("explain", "mha", "--export", str(path)).code == 0
    text = path.read_text(encoding="utf-8")
    assert "Concatenate the heads" in text and "in_proj_weight" in text
    result = run("explain", "mha", "--tokens", "40", "--dim", "64", "--heads", "16")
    assert result.code == 0 and "more computed the same way" in result.stdout
    assert len(result.stdout.splitlines()) < 800
