"""Trace builder for one Transformer encoder layer (post-norm, as Vaswani et al. 2017), the
decoder's extra attention and mask, and the output softmax over a tiny vocabulary."""

import numpy as np

from nncli.maths.activations import relu, softmax
from nncli.maths.attention import causal_mask, merge_heads, scaled_dot_product_attention, softmax_parts, split_heads
from nncli.maths.positional import positional_encoding
from nncli.maths.transformer import layer_norm
from nncli.builders.transformer_parts import (EPS, ROWS_SHOWN, TERMS_SHOWN, flow_lines, layer_norm_lines,
                                              mask_picture, sum_text)
from nncli.trace import Diagram, Equation, Matrix, Row, Step, Table, Text, Trace

HEADS_SHOWN = 2      # heads shown in full; the others are summarised

PARAM_NAMES = ("Wq", "Wk", "Wv", "Wo", "W1", "b1", "W2", "b2",
               "gamma1", "beta1", "gamma2", "beta2", "W_vocab", "b_vocab")


def random_parameters(seed, T, d, d_ff, V):
    """X (T, d) small integers and every parameter with one decimal, from one seeded stream:
    Wq, Wk, Wv, Wo (d, d), W1 (d, d_ff), b1 (d_ff,), W2 (d_ff, d), b2 (d,), gamma1, beta1,
    gamma2, beta2 (d,) with gamma near 1, W_vocab (d, V), b_vocab (V,)."""
    rng = np.random.default_rng(seed)
    tenths = lambda low, high, shape: rng.integers(low, high + 1, size=shape) / 10.0
    X = rng.integers(-2, 3, size=(T, d)).astype(np.float64)
    p = {name: tenths(-5, 5, (d, d)) for name in ("Wq", "Wk", "Wv", "Wo")}
    p["W1"], p["b1"] = tenths(-5, 5, (d, d_ff)), tenths(-2, 2, (d_ff,))
    p["W2"], p["b2"] = tenths(-5, 5, (d_ff, d)), tenths(-2, 2, (d,))
    for k in ("1", "2"):
        p["gamma" + k], p["beta" + k] = 1.0 + tenths(-3, 3, (d,)), tenths(-2, 2, (d,))
    p["W_vocab"], p["b_vocab"] = tenths(-10, 10, (d, V)), tenths(-2, 2, (V,))
    return X, p


def build_transformer(X, params, n_heads, words, vocab, ctx, trained=False) -> Trace:
    """Explain encoder_layer(X + PE) and softmax(output·W_vocab + b_vocab).

    X: (T, d) embeddings of the input `words` (T labels); params as random_parameters;
    n_heads divides d; vocab: V output words. Row vectors: x @ W. trained: the weights
    were learned, so the sentences about random weights are left out.
    """
    t = ctx.t
    X = np.asarray(X, dtype=np.float64)
    p = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
    T, d = X.shape
    d_ff, V, dh = p["W1"].shape[1], len(vocab), d // n_heads
    pe = positional_encoding(T, d)
    X0 = X + pe
    tok = list(words)

    steps = [Step(t("flow.title"), [Text(t("flow.text")),
                                    Diagram(_flow_diagram(t, T, d, n_heads, dh, d_ff, V)),
                                    *([] if trained else [Text(t("flow.rows"))])])]
    steps.append(Step(t("embed.title"), [
        Text(t("embed.text", words=" ".join(tok), d=d)),
        Row([Matrix("X", X, row_labels=tok), Matrix("PE", pe, row_labels=tok),
             Matrix("X0", X0, label="X₀ = X + PE", row_labels=tok)]),
    ]))

    Q, K, Vv = (X0 @ p[name] for name in ("Wq", "Wk", "Wv"))
    steps.append(Step(t("qkv.title"), [
        Text(t("qkv.text", h=n_heads, dh=dh)),
        Row([Matrix("Q", Q, label="Q = X₀·Wq", row_labels=tok),
             Matrix("K", K, label="K = X₀·Wk", row_labels=tok),
             Matrix("V", Vv, label="V = X₀·Wv", row_labels=tok)]),
    ]))
    Qh, Kh, Vh = (split_heads(M[None], n_heads)[0] for M in (Q, K, Vv))
    heads, weights = scaled_dot_product_attention(Qh, Kh, Vh)          # (h, T, dh), (h, T, T)
    for h in range(n_heads):
        if not ctx.shown(h, HEADS_SHOWN):
            continue
        scores = Qh[h] @ Kh[h].T / np.sqrt(dh)
        j = 1 if T > 1 else 0
        dot = sum_text([f"{ctx.term(a)}×{ctx.term(b)}" for a, b in zip(Qh[h, 0], Kh[h, j])])
        steps.append(Step(t("head.title", h=h, c0=h * dh, c1=(h + 1) * dh - 1), [
            Text(t("head.text", h=h, c0=h * dh, c1=(h + 1) * dh - 1, dh=dh)),
            Equation(f"score[0, {j}] = ({dot}) / √{dh} = {ctx.n(scores[0, j])}"),
            Row([Matrix("scores", scores, label="Q_h·K_hᵀ/√d_h", row_labels=tok, col_labels=tok,
                        highlight=[(0, j)]),
                 Matrix("weights", weights[h], label=t("head.weights"), row_labels=tok,
                        col_labels=tok, heat=True),
                 Matrix("head", heads[h], label=t("head.out", h=h), row_labels=tok)]),
            Text(t("head.read", word=tok[0], top=tok[int(np.argmax(weights[h, 0]))],
                   w=ctx.n(weights[h, 0].max()))),
        ]))
    if n_heads > HEADS_SHOWN and not ctx.all_steps:
        steps.append(ctx.skipped_step(t("head.more"), n_heads - HEADS_SHOWN))
    concat = merge_heads(heads[None])[0]
    attn = concat @ p["Wo"]
    steps.append(Step(t("concat.title"), [
        Text(t("concat.text", h=n_heads, dh=dh, d=d)),
        Row([Matrix("concat", concat, label=t("concat.label"), row_labels=tok),
             Matrix("attention", attn, label=t("concat.out"), row_labels=tok)]),
    ]))

    R1 = X0 + attn
    Y = layer_norm(R1, p["gamma1"], p["beta1"], EPS)
    steps.append(Step(t("norm1.title"), [
        Text(t("norm1.text")),
        Matrix("X0 + attention", R1, label=t("norm1.sum"), row_labels=tok),
        Text(t("norm.row", word=tok[0])),
    ] + layer_norm_lines(R1[0], p["gamma1"], p["beta1"], "1", ctx) + [
        Matrix("Y", Y, label=t("norm1.out"), row_labels=tok),
        Text(t("norm.torch")),
        Text(t("norm.prenorm")),
    ]))

    hidden = Y @ p["W1"] + p["b1"]
    act = relu(hidden)
    F = act @ p["W2"] + p["b2"]
    steps.append(Step(t("ffn.title"), [
        Text(t("ffn.text", d=d, d_ff=d_ff)),
        Equation("FFN(y) = ReLU(y·W1 + b1)·W2 + b2"),
        Matrix("Y·W1 + b1", hidden, row_labels=tok),
        Matrix("ReLU", act, label=t("ffn.relu"), row_labels=tok,
               dim=[tuple(i) for i in np.argwhere(hidden <= 0)]),
        Matrix("FFN", F, label="ReLU(…)·W2 + b2", row_labels=tok),
    ]))

    R2 = Y + F
    out = layer_norm(R2, p["gamma2"], p["beta2"], EPS)
    mean, var = R2.mean(axis=1), R2.var(axis=1)
    rows = [[w, ctx.n(m), ctx.n(v)] for w, m, v in zip(tok, mean, var)][:ROWS_SHOWN]
    steps.append(Step(t("norm2.title"), [
        Text(t("norm2.text")),
        Matrix("Y + FFN", R2, row_labels=tok),
        Table([t("col.token"), t("col.mean"), t("col.var")], rows),
        Matrix("encoder_output", out, label=t("norm2.out"), row_labels=tok, heat=True),
        Text(t("norm2.next")),
    ]))

    steps.append(_decoder_step(Qh[0], Kh[0], tok, ctx))

    logits = out @ p["W_vocab"] + p["b_vocab"]
    m, shifted, exps, total, probs = softmax_parts(logits)
    last = T - 1
    exp_terms = sum_text([ctx.n(e) for e in exps[last]])
    picks = [[w, vocab[int(np.argmax(probs[i]))], ctx.n(probs[i].max())] for i, w in enumerate(tok)]
    steps.append(Step(t("out.title"), [
        Text(t("out.text", V=V, vocab=", ".join(vocab))),
        Matrix("logits", logits, label=t("out.logits"), row_labels=tok,
               col_labels=list(vocab)),
        Text(t("out.softmax", word=tok[last])),
        Equation(t("out.max", m=ctx.n(m[last, 0]))),
        Equation(t("out.exps", values=ctx.vec(exps[last][:TERMS_SHOWN]) + (" …" if V > TERMS_SHOWN else ""))),
        Equation(t("out.sum", terms=exp_terms, total=ctx.n(total[last, 0]))),
        Matrix("probs", probs, label=t("out.probs"), row_labels=tok, col_labels=list(vocab), heat=True,
               highlight=[(i, int(np.argmax(probs[i]))) for i in range(T)]),
        Table([t("col.token"), t("col.next"), t("col.prob")], picks[:ROWS_SHOWN]),
        *([] if trained else [Text(t("out.untrained"))]),
    ]))
    steps.append(Step(t("stack.title"), [Text(t("stack.text")), Diagram(t("stack.diagram").split("\n")),
                                         Text(t("stack.numbers"))]))
    steps.append(Step(t("column.title"), [Text(t("column.text"))]))
    inputs = {"X": X, **{k: p[k] for k in PARAM_NAMES}}
    return Trace("transformer", {"tokens": T, "dim": d, "heads": n_heads, "ff": d_ff, "vocab": V,
                                 "words": " ".join(tok), "vocabulary": " ".join(vocab), "eps": EPS},
                 inputs, steps, {"encoder_output": out, "probs": probs},
                 title=t("title", T=T, d=d, h=n_heads, d_ff=d_ff, V=V))


def _decoder_step(Q, K, tok, ctx):
    """The causal mask drawn, and applied to head 0's scores as a decoder would."""
    t = ctx.t
    T = len(tok)
    mask = causal_mask(T)
    scores = np.where(mask, Q @ K.T / np.sqrt(Q.shape[1]), -np.inf)
    weights = softmax(scores, axis=-1)
    picture = mask_picture(mask, tok)
    blocked = [tuple(i) for i in np.argwhere(~mask)]
    return Step(t("dec.title"), [
        Text(t("dec.text")),
        Diagram(t("dec.blocks").split("\n")),
        Text(t("dec.mask")),
        Diagram(picture),
        Row([Matrix("masked scores", scores, label=t("dec.scores"), row_labels=tok, col_labels=tok,
                    dim=blocked),
             Matrix("masked weights", weights, label=t("dec.weights"), row_labels=tok,
                    col_labels=tok, dim=blocked)]),
        Text(t("dec.after")),
        Diagram(t("dec.cross").split("\n")),
        Text(t("dec.cross_text")),
    ])


def _flow_diagram(t, T, d, h, dh, d_ff, V):
    lines = [
        ("flow.words", f"{T} {t('flow.tokens')}"),
        ("flow.embed", f"X   {T}×{d}"),
        ("flow.pe", f"X₀  {T}×{d}"),
        ("flow.qkv", f"{T}×{d} ×3"),
        ("flow.split", f"{h} × ({T}×{dh})"),
        ("flow.attend", f"{T}×{T} → {T}×{dh}"),
        ("flow.concat", f"{T}×{d}"),
        ("flow.norm1", f"Y   {T}×{d}"),
        ("flow.ffn1", f"{T}×{d_ff}"),
        ("flow.ffn2", f"{T}×{d}"),
        ("flow.norm2", f"{T}×{d}"),
        ("flow.vocab", f"{T}×{V}"),
    ]
    texts = [t(key, h=h, dh=dh) for key, _ in lines]
    return flow_lines(texts, [shape for _, shape in lines])
