"""decoder: cross-attention and the post-norm decoder layer against a composition written
with per-head, per-position loops in PyTorch's convention (nn.TransformerDecoderLayer with
norm_first=False, ReLU, no dropout, zero attention biases, an additive −∞ causal mask), the
builder, greedy decoding and the CLI."""

import math

import numpy as np
import pytest
from test_transformer import loop_layer_norm, loop_matmul, loop_softmax

from nncli.builders.context import Context
from nncli.builders.decoder import (EOS, PARAM_NAMES, build_decoder, random_parameters, target_ids,
                                    unchanged_key)
from nncli.maths.attention import cross_attention, multi_head_attention
from nncli.maths.positional import positional_encoding
from nncli.maths.transformer import decoder_layer

RTOL, ATOL = 1e-10, 1e-12


def loop_attention(queries, keys, values, W, h, causal):
    """torch.nn.MultiheadAttention(d, h, bias=False)(queries, keys, values), weights per head:
    in_proj as three (d, d) blocks, head k on columns k·d/h …, scores q·k/√(d/h) with
    position j > i skipped when causal (−∞ added), softmax, weighted sum, out_proj."""
    Wq, Wk, Wv, Wo = (W[n].tolist() for n in ("q", "k", "v", "o"))
    Q, K, V = loop_matmul(queries, Wq), loop_matmul(keys, Wk), loop_matmul(values, Wv)
    T, S, d = len(Q), len(K), len(Wq)
    dh = d // h
    concat = [[0.0] * d for _ in range(T)]
    weights = np.zeros((h, T, S))
    for head in range(h):
        cols = range(head * dh, (head + 1) * dh)
        for i in range(T):
            seen = [j for j in range(S) if not causal or j <= i]
            w = loop_softmax([sum(Q[i][c] * K[j][c] for c in cols) / math.sqrt(dh) for j in seen])
            for j, wj in zip(seen, w):
                weights[head, i, j] = wj
            for c in cols:
                concat[i][c] = sum(wj * V[j][c] for j, wj in zip(seen, w))
    return loop_matmul(concat, Wo), weights


def hand_decoder(y, memory, p, h):
    """One post-norm decoder layer for one sentence y (T, d) and memory (S, d), as
    TransformerDecoderLayer.forward: x = norm1(x + sa(x)), x = norm2(x + mha(x, mem)),
    x = norm3(x + ff(x)). Returns (out, self weights, cross weights)."""
    y, memory = np.asarray(y, float).tolist(), np.asarray(memory, float).tolist()
    T, d = len(y), len(y[0])
    sa_w = {"q": p["Wq"], "k": p["Wk"], "v": p["Wv"], "o": p["Wo"]}
    ca_w = {"q": p["Wq_x"], "k": p["Wk_x"], "v": p["Wv_x"], "o": p["Wo_x"]}
    sa, self_w = loop_attention(y, y, y, sa_w, h, causal=True)
    x1 = [loop_layer_norm([y[i][c] + sa[i][c] for c in range(d)], p["gamma1"], p["beta1"]) for i in range(T)]
    ca, cross_w = loop_attention(x1, memory, memory, ca_w, h, causal=False)
    x2 = [loop_layer_norm([x1[i][c] + ca[i][c] for c in range(d)], p["gamma2"], p["beta2"]) for i in range(T)]
    hidden = [[max(0.0, v + b) for v, b in zip(row, p["b1"])] for row in loop_matmul(x2, p["W1"].tolist())]
    ff = [[v + b for v, b in zip(row, p["b2"])] for row in loop_matmul(hidden, p["W2"].tolist())]
    out = [loop_layer_norm([x2[i][c] + ff[i][c] for c in range(d)], p["gamma3"], p["beta3"]) for i in range(T)]
    return np.array(out), self_w, cross_w


def normal_parameters(rng, d, dff, V=3):
    p = {n: rng.normal(size=(d, d)) for n in PARAM_NAMES[:8]}
    p.update(W1=rng.normal(size=(d, dff)), b1=rng.normal(size=dff), W2=rng.normal(size=(dff, d)),
             b2=rng.normal(size=d), W_vocab=rng.normal(size=(d, V)), b_vocab=rng.normal(size=V))
    for k in "123":
        p["gamma" + k], p["beta" + k] = rng.normal(size=d), rng.normal(size=d)
    return p


# --- maths ------------------------------------------------------------------------------

@pytest.mark.parametrize("seed,Tq,Tk,d,h", [(0, 3, 5, 4, 2), (1, 1, 2, 6, 3), (2, 4, 1, 4, 4)])
def test_cross_attention_matches_loops(seed, Tq, Tk, d, h):
    rng = np.random.default_rng(seed)
    X, M = rng.normal(size=(2, Tq, d)), rng.normal(size=(2, Tk, d))
    W = {n: rng.normal(size=(d, d)) for n in "qkvo"}
    out, weights = cross_attention(X, M, W["q"], W["k"], W["v"], W["o"], h)
    assert out.shape == (2, Tq, d) and weights.shape == (2, h, Tq, Tk)
    for n in range(2):
        hand, hand_w = loop_attention(X[n].tolist(), M[n].tolist(), M[n].tolist(), W, h, causal=False)
        np.testing.assert_allclose(out[n], hand, rtol=RTOL, atol=ATOL, err_msg=f"seed={seed} item {n}")
        np.testing.assert_allclose(weights[n], hand_w, rtol=RTOL, atol=ATOL, err_msg=f"seed={seed} item {n}")


def test_self_attention_is_cross_attention_over_itself():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(1, 4, 6))
    W = [rng.normal(size=(6, 6)) for _ in range(4)]
    a, wa = multi_head_attention(X, *W, 3)
    b, wb = cross_attention(X, X, *W, 3)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(wa, wb)


@pytest.mark.parametrize("seed,T,S,d,h,dff", [(0, 3, 4, 4, 2, 8), (1, 5, 2, 6, 3, 4), (2, 1, 1, 4, 1, 2),
                                              (3, 4, 6, 8, 8, 16)])
def test_decoder_layer_equals_pytorch_convention_by_hand(seed, T, S, d, h, dff):
    rng = np.random.default_rng(seed)
    p = normal_parameters(rng, d, dff)
    y, memory = rng.normal(size=(2, T, d)), rng.normal(size=(2, S, d))
    r = decoder_layer(y, memory, p, h)
    for n in range(2):
        out, self_w, cross_w = hand_decoder(y[n], memory[n], p, h)
        what = f"seed={seed} T={T} S={S} d={d} heads={h} batch item {n}"
        np.testing.assert_allclose(r["out"][n], out, rtol=RTOL, atol=ATOL, err_msg=what)
        np.testing.assert_allclose(r["self_weights"][n], self_w, rtol=RTOL, atol=ATOL, err_msg=what)
        np.testing.assert_allclose(r["cross_weights"][n], cross_w, rtol=RTOL, atol=ATOL, err_msg=what)
    # causal: nothing above the diagonal, every row a distribution
    assert np.all(np.triu(r["self_weights"], k=1) == 0)
    np.testing.assert_allclose(r["self_weights"].sum(-1), 1.0, atol=1e-12)
    np.testing.assert_allclose(r["cross_weights"].sum(-1), 1.0, atol=1e-12)


def test_decoder_rows_do_not_see_later_words():
    """Changing the last target word leaves every earlier output row as it was."""
    rng = np.random.default_rng(7)
    p = normal_parameters(rng, 4, 6)
    y, memory = rng.normal(size=(1, 4, 4)), rng.normal(size=(1, 3, 4))
    other = y.copy()
    other[0, -1] += 5.0
    a, b = decoder_layer(y, memory, p, 2)["out"], decoder_layer(other, memory, p, 2)["out"]
    np.testing.assert_allclose(a[0, :-1], b[0, :-1], rtol=0, atol=1e-12)
    assert np.max(np.abs(a[0, -1] - b[0, -1])) > 1e-3


# --- builder ----------------------------------------------------------------------------

WORDS = ["I", "drink", "green", "tea"]


def build(seed=0, T=3, S=4, d=4, h=2, dff=8, steps=3, words=WORDS, ctx=None):
    E, memory, p = random_parameters(seed, len(words) + 1, S, d, dff)
    ids = target_ids(T, len(words))
    trace = build_decoder(E, memory, p, h, words, ids, [f"s{i}" for i in range(S)], steps,
                          ctx or Context("decoder"))
    return trace, E, memory, p, ids


@pytest.mark.parametrize("seed,T,S,d,h,dff", [(0, 3, 4, 4, 2, 8), (7, 5, 2, 6, 3, 5), (2, 1, 1, 2, 1, 1)])
def test_builder_outputs_equal_the_hand_layer(seed, T, S, d, h, dff):
    trace, E, memory, p, ids = build(seed, T, S, d, h, dff)
    Y = E[ids]
    out, self_w, cross_w = hand_decoder(Y + positional_encoding(T, d), memory, p, h)
    o = trace.outputs
    np.testing.assert_allclose(o["decoder_output"], out, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(o["self_weights"], self_w, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(o["cross_weights"], cross_w, rtol=RTOL, atol=ATOL)
    logits = out @ p["W_vocab"] + p["b_vocab"]
    np.testing.assert_allclose(o["probs"], [loop_softmax(r) for r in logits.tolist()], rtol=RTOL)
    assert o["self_weights"].shape == (h, T, T) and o["cross_weights"].shape == (h, T, S)
    assert o["probs"].shape == (T, len(WORDS) + 1)
    assert set(trace.inputs) == {"Y", "memory", "embedding", *PARAM_NAMES}
    np.testing.assert_array_equal(trace.inputs["Y"], Y)


def hand_greedy(E, memory, p, h, ids, steps, V):
    """Greedy decoding by hand: the argmax of the last row, appended, until </s> (index V − 1)."""
    ids = list(ids)
    for _ in range(steps):
        out, _, _ = hand_decoder(E[ids] + positional_encoding(len(ids), E.shape[1]), memory, p, h)
        pick = int(np.argmax(out[-1] @ p["W_vocab"] + p["b_vocab"]))
        ids.append(pick + 1)
        if pick == V - 1:
            break
    return ids


@pytest.mark.parametrize("seed", range(8))
def test_greedy_appends_the_argmax_and_stops_at_the_end_word(seed):
    trace, E, memory, p, ids = build(seed, steps=4)
    V = len(WORDS) + 1
    expected = hand_greedy(E, memory, p, 2, ids, 4, V)
    assert trace.outputs["generated"].tolist() == expected
    decoded = trace.params["decoded"].split()
    assert decoded[:3] == ["<s>", "I", "drink"]
    ended = expected[-1] == V
    assert (decoded[-1] == EOS) == ended
    last = trace.steps[-1].blocks
    text = " ".join(b.text for b in last if hasattr(b, "text"))
    assert ("so decoding stops" in text) == ended and ("--steps limit" in text) == (not ended)


def test_both_endings_occur_among_the_seeds():
    """The test above sees a sentence that ends with </s> and one that is cut by --steps."""
    endings = {build(seed, steps=4)[0].params["decoded"].endswith(EOS) for seed in range(8)}
    assert endings == {True, False}


def test_greedy_step_states_what_the_numbers_show():
    trace, *_ = build(0, steps=3)
    steps = {s.title: s for s in trace.steps}
    step2 = next(s for t, s in steps.items() if t.startswith("Greedy step 2"))
    texts = [b.text for b in step2.blocks if hasattr(b, "text")]
    assert any("came out the same" in t for t in texts)
    assert unchanged_key(0.0) == "greedy.same"
    assert unchanged_key(1e-13) == "greedy.same"
    assert unchanged_key(0.25) == "greedy.changed"   # a layer without the mask


def test_worked_numbers_agree_with_the_matrices():
    from nncli.maths.transformer import layer_norm
    from nncli.trace import Equation, iter_blocks

    ctx = Context("decoder")
    trace, E, memory, p, ids = build(0, ctx=ctx)
    equations = [b.text for s in trace.steps for b in iter_blocks(s.blocks) if isinstance(b, Equation)]
    Y0 = E[ids] + positional_encoding(3, 4)
    Q, K = Y0 @ p["Wq"], Y0 @ p["Wk"]
    assert f"score[2, 0] = ({ctx.term(Q[2, 0])}×{ctx.term(K[0, 0])} + {ctx.term(Q[2, 1])}×" \
           f"{ctx.term(K[0, 1])}) / √2 = {ctx.n(Q[2, :2] @ K[0, :2] / math.sqrt(2))}" in equations
    sa, _ = multi_head_attention(Y0[None], p["Wq"], p["Wk"], p["Wv"], p["Wo"], 2, np.tril(np.ones((3, 3), bool)))
    row = Y0[2] + sa[0, 2]
    assert f"μ = ({' + '.join(ctx.term(v) for v in row)}) / 4 = {ctx.n(row.mean())}" in equations
    assert "  = " + ctx.vec(layer_norm(row, p["gamma1"], p["beta1"])) in equations
    total = 1 / trace.outputs["probs"][2].max()        # Σ e^(logit − m), the largest term being 1
    assert any(e.startswith("sum = ") and e.endswith("= " + ctx.n(total)) for e in equations)


# --- CLI --------------------------------------------------------------------------------

def test_cli_default_and_json_equal_the_hand_layer(run):
    result = run("explain", "decoder")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    for needle in ("Masked self-attention", "Encoder–decoder attention", "(3 of 3)", "most likely next word",
                   "argmax = ", "KV cache"):
        assert needle in result.stdout, needle
    data = run("explain", "decoder", "--json").json()
    ins = {k: np.array(v) for k, v in data["inputs"].items()}
    assert set(ins) == {"Y", "memory", "embedding", *PARAM_NAMES}
    shapes = {"Y": (3, 4), "memory": (4, 4), "W1": (4, 8), "b1": (8,), "W2": (8, 4), "b2": (4,),
              "W_vocab": (4, 5), "b_vocab": (5,), "embedding": (5, 4)}
    shapes.update({n: (4, 4) for n in PARAM_NAMES[:8]})
    shapes.update({f"{g}{k}": (4,) for g in ("gamma", "beta") for k in "123"})
    assert {k: v.shape for k, v in ins.items()} == shapes
    assert data["params"]["heads"] == 2
    out, self_w, cross_w = hand_decoder(ins["Y"] + positional_encoding(3, 4), ins["memory"], ins, 2)
    o = {k: np.array(v) for k, v in data["outputs"].items()}
    np.testing.assert_allclose(o["decoder_output"], out, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(o["self_weights"], self_w, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(o["cross_weights"], cross_w, rtol=RTOL, atol=ATOL)
    logits = out @ ins["W_vocab"] + ins["b_vocab"]
    np.testing.assert_allclose(o["probs"], [loop_softmax(r) for r in logits.tolist()], rtol=RTOL)


def test_cli_sizes_words_and_heads(run):
    data = run("explain", "decoder", "--tokens", "5", "--source", "2", "--dim", "6", "--heads", "3",
               "--ff", "5", "--steps", "0", "--words", "a b,c", "--json").json()
    assert np.array(data["outputs"]["probs"]).shape == (5, 4)
    assert np.array(data["outputs"]["cross_weights"]).shape == (3, 5, 2)
    assert data["params"]["words"] == "<s> a b c a"
    assert not any(s["title"].startswith("Greedy") for s in data["steps"])
    assert sum(s.get("skipped") == 1 for s in data["steps"]) == 2     # a third head, twice
    every = run("explain", "decoder", "--dim", "6", "--heads", "3", "--all-steps", "--json").json()
    assert sum(", head " in s["title"] for s in every["steps"]) == 6
    big = run("explain", "decoder", "--tokens", "16", "--source", "16", "--dim", "64", "--heads", "8",
              "--ff", "256", "--steps", "8")
    assert big.code == 0 and len(big.stdout.splitlines()) < 1000


def test_chinese_uses_chinese_words(run):
    data = run("explain", "decoder", "--lang", "zh", "--json").json()
    assert data["params"]["words"] == "<s> 我 喝"
    english = run("explain", "decoder", "--json").json()
    np.testing.assert_array_equal(data["outputs"]["probs"], english["outputs"]["probs"])


@pytest.mark.parametrize("args,needle", [
    (["--dim", "4", "--heads", "3"], "does not divide"),
    (["--tokens", "17"], "--tokens 17 is too large: at most 16, since each one adds a row"),
    (["--tokens", "0"], "--tokens 0"),
    (["--source", "100"], "--source 100"),
    (["--dim", "65"], "no longer fit a terminal"),
    (["--steps", "9"], "runs the whole layer again"),
    (["--ff", "x"], "--ff"),
    (["--words", "one"], "between 2 and 50 words"),
    (["--words", "a <s> b"], '"<s>" marks the start or the end'),
    (["--words", "a,b,a"], '"a" appears more than once'),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "decoder", *args)
    assert result.code == 2, result.stdout
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
