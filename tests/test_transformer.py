"""transformer: layer norm against mean/variance written out (torch.nn.LayerNorm's
convention), the encoder layer composed by hand from per-head loops, the vocabulary
softmax, the builder and the CLI."""

import math

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.transformer import PARAM_NAMES, build_transformer, random_parameters
from nncli.maths.positional import positional_encoding
from nncli.maths.transformer import encoder_layer, feed_forward, layer_norm, next_token_distribution

EPS = 1e-5


def loop_layer_norm(row, gamma, beta, eps=EPS):
    """torch.nn.LayerNorm as equations: μ = Σx/d, σ² = Σ(x − μ)²/d (biased),
    y = (x − μ)/√(σ² + ε)·γ + β."""
    d = len(row)
    mu = sum(row) / d
    var = sum((v - mu) ** 2 for v in row) / d
    return [(v - mu) / math.sqrt(var + eps) * g + b for v, g, b in zip(row, gamma, beta)]


def loop_softmax(row):
    m = max(row)
    e = [math.exp(v - m) for v in row]
    return [v / sum(e) for v in e]


def loop_matmul(A, B):
    return [[sum(A[i][k] * B[k][j] for k in range(len(B))) for j in range(len(B[0]))] for i in range(len(A))]


def hand_encoder(x, p, h):
    """One post-norm encoder layer for one sequence x (T, d), built from separate loops:
    per-head attention with explicit dot products, concatenation, Wo, residual + layer
    norm, ReLU feed-forward, residual + layer norm."""
    x = np.asarray(x, dtype=float)
    T, d = x.shape
    dh = d // h
    Q, K, V = (loop_matmul(x.tolist(), p[n].tolist()) for n in ("Wq", "Wk", "Wv"))
    concat = [[0.0] * d for _ in range(T)]
    for head in range(h):
        cols = range(head * dh, (head + 1) * dh)
        for i in range(T):
            scores = [sum(Q[i][c] * K[j][c] for c in cols) / math.sqrt(dh) for j in range(T)]
            weights = loop_softmax(scores)
            for c in cols:
                concat[i][c] = sum(weights[j] * V[j][c] for j in range(T))
    attn = loop_matmul(concat, p["Wo"].tolist())
    y = [loop_layer_norm([x[i][c] + attn[i][c] for c in range(d)], p["gamma1"], p["beta1"]) for i in range(T)]
    hidden = [[max(0.0, v + b) for v, b in zip(row, p["b1"])] for row in loop_matmul(y, p["W1"].tolist())]
    ffn = [[v + b for v, b in zip(row, p["b2"])] for row in loop_matmul(hidden, p["W2"].tolist())]
    return np.array([loop_layer_norm([y[i][c] + ffn[i][c] for c in range(d)], p["gamma2"], p["beta2"])
                     for i in range(T)])


def test_layer_norm_hand_worked():
    # x = [1, 2, 3, 4]: μ = 2.5, σ² = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25 (biased)
    y = layer_norm([1.0, 2, 3, 4], np.ones(4), np.zeros(4))
    expected = (np.array([1.0, 2, 3, 4]) - 2.5) / math.sqrt(1.25 + 1e-5)
    np.testing.assert_allclose(y, expected, rtol=1e-14)
    # −1.5/√1.25 = −3/√5 = −1.3416408; ε shrinks it by √(1.25/1.25001) ≈ 1 − 4e−6 → −1.3416354
    assert y[0] == pytest.approx(-1.3416354, abs=1e-7)
    # a constant row has σ² = 0: ε keeps it finite and the output is β
    np.testing.assert_allclose(layer_norm([3.0, 3, 3], [2.0, 2, 2], [0.1, 0.2, 0.3]), [0.1, 0.2, 0.3])


@pytest.mark.parametrize("seed,shape", [(0, (4,)), (1, (3, 5)), (2, (2, 3, 8))])
def test_layer_norm_matches_equations(seed, shape):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=shape) * 3
    gamma, beta = rng.normal(size=shape[-1]), rng.normal(size=shape[-1])
    expected = np.array([loop_layer_norm(r, gamma, beta) for r in x.reshape(-1, shape[-1])]).reshape(shape)
    np.testing.assert_allclose(layer_norm(x, gamma, beta), expected, rtol=1e-12, atol=1e-12,
                               err_msg=f"shape={shape}")


def test_feed_forward_matches_loops():
    rng = np.random.default_rng(3)
    x, W1, b1, W2, b2 = (rng.normal(size=s) for s in ((3, 4), (4, 6), (6,), (6, 4), (4,)))
    hidden = [[max(0.0, v + b) for v, b in zip(r, b1)] for r in loop_matmul(x.tolist(), W1.tolist())]
    expected = np.array(loop_matmul(hidden, W2.tolist())) + b2
    np.testing.assert_allclose(feed_forward(x, W1, b1, W2, b2), expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("seed,T,d,h,dff", [(0, 3, 4, 2, 8), (1, 5, 6, 3, 4), (2, 1, 4, 1, 2), (3, 4, 8, 8, 16)])
def test_encoder_layer_equals_hand_composition(seed, T, d, h, dff):
    rng = np.random.default_rng(seed)
    p = {n: rng.normal(size=(d, d)) for n in ("Wq", "Wk", "Wv", "Wo")}
    p.update(W1=rng.normal(size=(d, dff)), b1=rng.normal(size=dff), W2=rng.normal(size=(dff, d)),
             b2=rng.normal(size=d), gamma1=rng.normal(size=d), beta1=rng.normal(size=d),
             gamma2=rng.normal(size=d), beta2=rng.normal(size=d))
    x = rng.normal(size=(2, T, d))
    out = encoder_layer(x, p, h)
    for n in range(2):
        np.testing.assert_allclose(out[n], hand_encoder(x[n], p, h), rtol=1e-10, atol=1e-10,
                                   err_msg=f"seed={seed} T={T} d={d} heads={h} batch item {n}")


def test_next_token_distribution():
    rng = np.random.default_rng(4)
    hs, W, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 7)), rng.normal(size=7)
    probs = next_token_distribution(hs, W, b)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    expected = [loop_softmax([sum(hs[i, k] * W[k, v] for k in range(4)) + b[v] for v in range(7)]) for i in range(3)]
    np.testing.assert_allclose(probs, expected, rtol=1e-12)
    # hand case: logits [0, ln 3] give probabilities [1/4, 3/4]
    np.testing.assert_allclose(next_token_distribution([[1.0]], [[0.0, math.log(3)]], [0.0, 0.0]),
                               [[0.25, 0.75]], rtol=1e-14)


@pytest.mark.parametrize("seed,T,d,h,dff,V", [(0, 3, 4, 2, 8, 6), (7, 5, 6, 3, 5, 4), (2, 1, 2, 1, 1, 2)])
def test_builder_outputs(seed, T, d, h, dff, V):
    X, p = random_parameters(seed, T, d, dff, V)
    vocab = [f"w{i}" for i in range(V)]
    words = [vocab[i % V] for i in range(T)]
    trace = build_transformer(X, p, h, words, vocab, Context("transformer"))
    enc = hand_encoder(X + positional_encoding(T, d), p, h)
    np.testing.assert_allclose(trace.outputs["encoder_output"], enc, rtol=1e-10, atol=1e-12)
    logits = enc @ p["W_vocab"] + p["b_vocab"]
    np.testing.assert_allclose(trace.outputs["probs"], [loop_softmax(r) for r in logits.tolist()], rtol=1e-10)
    np.testing.assert_allclose(trace.outputs["probs"].sum(axis=1), 1.0, atol=1e-12)
    assert set(trace.inputs) == {"X", *PARAM_NAMES}


def test_cli_default_and_json(run):
    result = run("explain", "transformer")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "σ² = (" in result.stdout and "most likely word" in result.stdout
    # the encoder's rows saw the later words: the next word is the decoder's topic
    assert "most likely next word" not in result.stdout
    assert "nncli explain decoder" in result.stdout
    data = run("explain", "transformer", "--json").json()
    assert set(data["inputs"]) == {"X", *PARAM_NAMES}
    ins = {k: np.array(v) for k, v in data["inputs"].items()}
    shapes = {"X": (3, 4), "Wq": (4, 4), "Wk": (4, 4), "Wv": (4, 4), "Wo": (4, 4), "W1": (4, 8),
              "b1": (8,), "W2": (8, 4), "b2": (4,), "gamma1": (4,), "beta1": (4,), "gamma2": (4,),
              "beta2": (4,), "W_vocab": (4, 6), "b_vocab": (6,)}
    assert {k: v.shape for k, v in ins.items()} == shapes
    assert set(data["outputs"]) == {"encoder_output", "probs"}
    enc = hand_encoder(ins["X"] + positional_encoding(3, 4), ins, data["params"]["heads"])
    np.testing.assert_allclose(data["outputs"]["encoder_output"], enc, rtol=1e-10, atol=1e-12)
    probs = np.array(data["outputs"]["probs"])
    assert probs.shape == (3, 6)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-12)


def test_cli_options_and_many_heads_summarised(run):
    data = run("explain", "transformer", "--tokens", "4", "--dim", "6", "--heads", "3", "--ff", "5",
               "--words", "a,b,c", "--json").json()
    assert np.array(data["outputs"]["probs"]).shape == (4, 3)
    assert np.array(data["outputs"]["encoder_output"]).shape == (4, 6)
    assert any(s.get("skipped") == 1 for s in data["steps"])
    every = run("explain", "transformer", "--dim", "6", "--heads", "3", "--all-steps", "--json").json()
    assert sum(s["title"].startswith("Head ") for s in every["steps"]) == 3
    big = run("explain", "transformer", "--tokens", "32", "--dim", "64", "--heads", "8", "--ff", "256")
    assert big.code == 0 and len(big.stdout.splitlines()) < 800


@pytest.mark.parametrize("args,needle", [
    (["--dim", "4", "--heads", "3"], "does not divide"),
    (["--words", "one"], "between 2 and 50"),
    (["--words", " , "], "at least one word"),
    (["--words", "a,b,a"], '"a" appears more than once'),
    (["--tokens", "0"], "--tokens"),
    (["--ff", "x"], "--ff"),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "transformer", *args)
    assert result.code == 2, result.stdout
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_export_txt(run, tmp_path):
    path = tmp_path / "t.txt"
    assert run("explain", "transformer", "--export", str(path)).code == 0
    assert "Add and layer norm" in path.read_text()


def test_worked_numbers_agree_with_the_matrices():
    """The numbers written out in the text (one score, one layer-norm row, one softmax) are
    the ones in the matrices and outputs."""
    from nncli.maths.transformer import layer_norm as ln
    from nncli.trace import Equation, iter_blocks

    ctx = Context("transformer")
    X, p = random_parameters(0, 3, 4, 8, 6)
    trace = build_transformer(X, p, 2, ["the", "cat", "sat"], ["the", "cat", "sat", "on", "a", "mat"], ctx)
    equations = [b.text for s in trace.steps for b in iter_blocks(s.blocks) if isinstance(b, Equation)]
    X0 = X + positional_encoding(3, 4)
    Q, K = X0 @ p["Wq"], X0 @ p["Wk"]
    score = Q[0, :2] @ K[1, :2] / math.sqrt(2)
    assert any(e.startswith("score[0, 1]") and e.endswith("= " + ctx.n(score)) for e in equations)
    from nncli.maths.attention import multi_head_attention

    attn, _ = multi_head_attention(X0[None], p["Wq"], p["Wk"], p["Wv"], p["Wo"], 2)
    row = X0[0] + attn[0, 0]
    assert f"μ = ({' + '.join(ctx.term(v) for v in row)}) / 4 = {ctx.n(row.mean())}" in equations
    assert f"σ² = ({' + '.join(ctx.n((v - row.mean()) ** 2) for v in row)}) / 4 = {ctx.n(row.var())}" in equations
    assert "  = " + ctx.vec(ln(row, p["gamma1"], p["beta1"])) in equations
    logits = trace.outputs["encoder_output"][2] @ p["W_vocab"] + p["b_vocab"]
    exps = np.exp(logits - logits.max())
    assert any(e.startswith("sum = ") and e.endswith("= " + ctx.n(exps.sum())) for e in equations)


def test_the_chinese_example_sentence_is_in_chinese(run):
    """The example words follow the learner's language; --words still wins."""
    zh = run("explain", "transformer", "--lang", "zh")
    assert zh.code == 0 and "小猫" in zh.stdout and "cat" not in zh.stdout
    en = run("explain", "transformer")
    assert "the cat sat" in en.stdout and "小猫" not in en.stdout
    chosen = run("explain", "transformer", "--lang", "zh", "--words", "我 喝 茶")
    assert "我" in chosen.stdout and "小猫" not in chosen.stdout
