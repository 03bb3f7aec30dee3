"""Trace builder for one Transformer decoder layer (post-norm, as Vaswani et al. 2017) on the
target so far, the softmax over the vocabulary that predicts each next word, and greedy
decoding that feeds every chosen word back."""

import numpy as np

from nncli.builders.transformer_parts import (EPS, ROWS_SHOWN, TERMS_SHOWN, flow_lines, layer_norm_lines,
                                              mask_picture, sum_text)
from nncli.maths.attention import causal_mask, softmax_parts, split_heads
from nncli.maths.positional import positional_encoding
from nncli.maths.transformer import decoder_layer
from nncli.trace import Bars, Diagram, Equation, Matrix, Row, Step, Table, Text, Trace

BOS, EOS = "<s>", "</s>"   # start of a sentence (read, never written), end (written, never read)
SOURCE = ("je", "bois", "du", "thé", "vert")   # "I drink green tea", the source the memory encodes
HEADS_SHOWN = 2            # heads of each attention shown in full; the others are summarised
GREEDY_SHOWN = 3           # greedy steps shown with their bars; the table lists every one
SAME_ROWS_ATOL = 1e-12     # rows "unchanged" after a word is appended, up to rounding

PARAM_NAMES = ("Wq", "Wk", "Wv", "Wo", "Wq_x", "Wk_x", "Wv_x", "Wo_x", "W1", "b1", "W2", "b2",
               "gamma1", "beta1", "gamma2", "beta2", "gamma3", "beta3", "W_vocab", "b_vocab")


def vocabularies(words):
    """(tokens the decoder reads: <s> and the words, with embedding rows; words it writes:
    the words and </s>, with one logit each). Output word j is input token j + 1."""
    return [BOS, *words], [*words, EOS]


def target_ids(T, n_words):
    """The target so far: <s> and then the first T − 1 words (repeated if needed), as input ids."""
    return [0] + [1 + i % n_words for i in range(T - 1)]


def random_parameters(seed, V, S, d, d_ff):
    """From one seeded stream: embedding (V, d) small integers, one row per token read
    (<s> and V − 1 words), memory (S, d) with one
    decimal (an encoder output is layer-normed, so of order 1), and the decoder parameters
    with one decimal: Wq … Wo_x (d, d), W1 (d, d_ff), b1 (d_ff,), W2 (d_ff, d), b2 (d,),
    gamma1 … beta3 (d,) with gamma near 1, W_vocab (d, V), b_vocab (V,), one column per
    word written (V − 1 words and </s>)."""
    rng = np.random.default_rng(seed)
    tenths = lambda low, high, shape: rng.integers(low, high + 1, size=shape) / 10.0
    embedding = rng.integers(-2, 3, size=(V, d)).astype(np.float64)
    memory = tenths(-15, 15, (S, d))
    p = {name: tenths(-5, 5, (d, d)) for name in PARAM_NAMES[:8]}
    p["W1"], p["b1"] = tenths(-5, 5, (d, d_ff)), tenths(-2, 2, (d_ff,))
    p["W2"], p["b2"] = tenths(-5, 5, (d_ff, d)), tenths(-2, 2, (d,))
    for k in ("1", "2", "3"):
        p["gamma" + k], p["beta" + k] = 1.0 + tenths(-3, 3, (d,)), tenths(-2, 2, (d,))
    p["W_vocab"], p["b_vocab"] = tenths(-10, 10, (d, V)), tenths(-2, 2, (V,))
    return embedding, memory, p


def run_decoder(embedding, memory, params, n_heads, ids):
    """The decoder layer on the words `ids` (embedding rows + positional encoding) reading
    `memory` (S, d): decoder_layer's results for one sentence (batch axis dropped), plus
    Y (T, d), pe, Y0 = Y + pe, logits (T, V) and probs (T, V)."""
    Y = embedding[ids]
    pe = positional_encoding(len(ids), Y.shape[1])
    r = {k: v[0] for k, v in decoder_layer((Y + pe)[None], memory[None], params, n_heads).items()}
    r.update(Y=Y, pe=pe, Y0=Y + pe)
    r["logits"] = r["out"] @ params["W_vocab"] + params["b_vocab"]
    r["probs"] = softmax_parts(r["logits"])[-1]
    return r


class _Trace:
    """What every step function reads: the numbers of the first pass and the labels."""

    def __init__(self, embedding, memory, params, n_heads, words, ids, source, ctx):
        self.E, self.memory, self.p, self.h = embedding, memory, params, n_heads
        self.read, self.vocab = vocabularies(words)
        self.ids, self.ctx, self.t = list(ids), ctx, ctx.t
        self.tok = [self.read[i] for i in ids]
        self.src = list(source)
        self.T, self.d = len(ids), embedding.shape[1]
        self.S, self.V = memory.shape[0], len(self.vocab)
        self.dh, self.d_ff = self.d // n_heads, params["W1"].shape[1]
        self.r = run_decoder(embedding, memory, params, n_heads, self.ids)


def build_decoder(embedding, memory, params, n_heads, words, ids, source, greedy_steps, ctx) -> Trace:
    """Explain decoder_layer(Y + PE, memory), softmax(output·W_vocab + b_vocab), and
    `greedy_steps` steps of greedy decoding.

    words: the V − 1 words of the example; embedding: (V, d) rows for <s> and the words;
    Y = embedding[ids] (T, d), the target so far; W_vocab (d, V) scores the words and </s>;
    memory: (S, d) the encoder output, rows labelled by the
    `source` words; params as random_parameters; n_heads divides d. Row vectors: x @ W.
    """
    s = _Trace(np.asarray(embedding, dtype=np.float64), np.asarray(memory, dtype=np.float64),
               {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}, n_heads, words, ids,
               source, ctx)
    steps = [block for make in (_flow, _inputs, _self_attention, _add_norm1, _cross_attention,
                                _add_norm2, _feed_forward, _add_norm3, _output)
             for block in make(s)]
    generated, greedy = _greedy(s, greedy_steps)
    steps += greedy
    r = s.r
    inputs = {"Y": r["Y"], "memory": s.memory, "embedding": s.E, **{k: s.p[k] for k in PARAM_NAMES}}
    outputs = {"self_weights": r["self_weights"], "cross_weights": r["cross_weights"],
               "decoder_output": r["out"], "probs": r["probs"], "generated": np.array(generated)}
    params_out = {"tokens": s.T, "source": s.S, "dim": s.d, "heads": n_heads, "ff": s.d_ff,
                  "vocab": s.V, "steps": greedy_steps, "eps": EPS, "words": " ".join(s.tok),
                  "vocabulary": " ".join(s.vocab), "source_words": " ".join(s.src),
                  "decoded": " ".join(_words(s, generated))}
    return Trace("decoder", params_out, inputs, steps, outputs,
                 title=s.t("title", T=s.T, S=s.S, d=s.d, h=n_heads, d_ff=s.d_ff, V=s.V))


def _words(s, ids) -> list:
    """The tokens read, by input id (</s>, id V, ends a decoded sentence)."""
    return [s.read[i] if i < len(s.read) else EOS for i in ids]


def _flow(s):
    t, T, S, d = s.t, s.T, s.S, s.d
    rows = [("flow.target", f"{T} {t('flow.tokens')}"), ("flow.embed", f"Y₀  {T}×{d}"),
            ("flow.self", f"{T}×{T} → {T}×{d}"), ("flow.norm1", f"A   {T}×{d}"),
            ("flow.memory", f"{S}×{d}"), ("flow.cross", f"{T}×{S} → {T}×{d}"),
            ("flow.norm2", f"B   {T}×{d}"), ("flow.ffn", f"{T}×{s.d_ff} → {T}×{d}"),
            ("flow.norm3", f"{T}×{d}"), ("flow.vocab", f"{T}×{s.V}")]
    texts = [t(key, h=s.h) for key, _ in rows]
    return [Step(t("flow.title"), [Text(t("flow.text")), Diagram(flow_lines(texts, [r[1] for r in rows])),
                                   Text(t("flow.rows"))])]


def _inputs(s):
    t, r = s.t, s.r
    return [Step(t("inputs.title"), [
        Text(t("inputs.target", words=" ".join(s.tok), d=s.d, bos=BOS)),
        Row([Matrix("Y", r["Y"], row_labels=s.tok), Matrix("PE", r["pe"], row_labels=s.tok),
             Matrix("Y0", r["Y0"], label="Y₀ = Y + PE", row_labels=s.tok)]),
        Text(t("inputs.memory", S=s.S, source=" ".join(s.src))),
        Matrix("memory", s.memory, label=t("inputs.memory_label"), row_labels=s.src, heat=True),
    ])]


def _heads(s, Q, K, V, weights, mask, cols, kind):
    """Steps for the first HEADS_SHOWN heads of one attention: scores (masked entries −∞),
    weights and output, with the score of the last query row against key 0 written out.
    Q: (T, d), K, V: (Tk, d); weights: (h, T, Tk); mask: (T, Tk) bool or None."""
    ctx, t = s.ctx, s.t
    Qh, Kh, Vh = (split_heads(M[None], s.h)[0] for M in (Q, K, V))
    steps = []
    for h in range(s.h):
        if not ctx.shown(h, HEADS_SHOWN):
            continue
        scores = Qh[h] @ Kh[h].T / np.sqrt(s.dh)
        blocked = [] if mask is None else [tuple(i) for i in np.argwhere(~mask)]
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        i = s.T - 1
        dot = sum_text([f"{ctx.term(a)}×{ctx.term(b)}" for a, b in zip(Qh[h, i], Kh[h, 0])])
        top = int(np.argmax(weights[h, i]))
        steps.append(Step(t(f"{kind}.head.title", h=h, c0=h * s.dh, c1=(h + 1) * s.dh - 1), [
            Equation(f"score[{i}, 0] = ({dot}) / √{s.dh} = {ctx.n(scores[i, 0])}"),
            Row([Matrix("scores", scores, label=t(f"{kind}.head.scores"), row_labels=s.tok,
                        col_labels=cols, highlight=[(i, 0)], dim=blocked),
                 Matrix("weights", weights[h], label=t("head.weights"), row_labels=s.tok,
                        col_labels=cols, heat=True, dim=blocked),
                 Matrix("head", weights[h] @ Vh[h], label=t("head.out", h=h), row_labels=s.tok)]),
            Text(t(f"{kind}.head.read", word=s.tok[i], top=cols[top], w=ctx.n(weights[h, i, top]))),
        ]))
    if s.h > HEADS_SHOWN and not ctx.all_steps:
        steps.append(ctx.skipped_step(t("head.more"), s.h - HEADS_SHOWN))
    return steps


def _self_attention(s):
    t, r, p = s.t, s.r, s.p
    mask = causal_mask(s.T)
    Q, K, V = (r["Y0"] @ p[n] for n in ("Wq", "Wk", "Wv"))
    intro = Step(t("self.title"), [
        Text(t("self.text", h=s.h, dh=s.dh)),
        Diagram(mask_picture(mask, s.tok)),
        Text(t("self.mask")),
        Row([Matrix("Q", Q, label="Q = Y₀·Wq", row_labels=s.tok),
             Matrix("K", K, label="K = Y₀·Wk", row_labels=s.tok),
             Matrix("V", V, label="V = Y₀·Wv", row_labels=s.tok)]),
    ])
    heads = _heads(s, Q, K, V, r["self_weights"], mask, s.tok, "self")
    return [intro, *heads, Step(t("self.concat.title"), [
        Text(t("concat.text", h=s.h, dh=s.dh, d=s.d)),
        Matrix("self_attention", r["self_attn"], label=t("self.concat.out"), row_labels=s.tok)])]


def _add_norm1(s):
    t, r, i = s.t, s.r, s.T - 1
    total = r["Y0"] + r["self_attn"]
    return [Step(t("norm1.title"), [
        Text(t("norm1.text")),
        Matrix("Y0 + self_attention", total, label=t("norm1.sum"), row_labels=s.tok),
        Text(t("norm.row", word=s.tok[i])),
        *layer_norm_lines(total[i], s.p["gamma1"], s.p["beta1"], "1", s.ctx),
        Matrix("A", r["add_norm1"], label=t("norm1.out"), row_labels=s.tok),
        Text(t("norm.torch")),
    ])]


def _cross_attention(s):
    t, r, p = s.t, s.r, s.p
    Q = r["add_norm1"] @ p["Wq_x"]
    K, V = s.memory @ p["Wk_x"], s.memory @ p["Wv_x"]
    intro = Step(t("cross.title"), [
        Text(t("cross.text")),
        Diagram(t("cross.diagram").split("\n")),
        Row([Matrix("Q", Q, label="Q = A·Wq_x", row_labels=s.tok),
             Matrix("K", K, label="K = memory·Wk_x", row_labels=s.src),
             Matrix("V", V, label="V = memory·Wv_x", row_labels=s.src)]),
        Text(t("cross.shape", T=s.T, S=s.S)),
    ])
    heads = _heads(s, Q, K, V, r["cross_weights"], None, s.src, "cross")
    return [intro, *heads, Step(t("cross.concat.title"), [
        Text(t("concat.text", h=s.h, dh=s.dh, d=s.d)),
        Matrix("cross_attention", r["cross_attn"], label=t("cross.concat.out"), row_labels=s.tok)])]


def _norm_table(s, total):
    rows = [[w, s.ctx.n(m), s.ctx.n(v)] for w, m, v in zip(s.tok, total.mean(axis=1), total.var(axis=1))]
    return Table([s.t("col.token"), s.t("col.mean"), s.t("col.var")], rows[:ROWS_SHOWN])


def _add_norm2(s):
    t, r = s.t, s.r
    total = r["add_norm1"] + r["cross_attn"]
    return [Step(t("norm2.title"), [
        Text(t("norm2.text")),
        Matrix("A + cross_attention", total, label=t("norm2.sum"), row_labels=s.tok),
        _norm_table(s, total),
        Matrix("B", r["add_norm2"], label=t("norm2.out"), row_labels=s.tok),
    ])]


def _feed_forward(s):
    t, r, p = s.t, s.r, s.p
    hidden = r["add_norm2"] @ p["W1"] + p["b1"]
    return [Step(t("ffn.title"), [
        Text(t("ffn.text", d=s.d, d_ff=s.d_ff)),
        Equation("FFN(b) = ReLU(b·W1 + b1)·W2 + b2"),
        Matrix("B·W1 + b1", hidden, row_labels=s.tok),
        Matrix("ReLU", np.maximum(hidden, 0), label=t("ffn.relu"), row_labels=s.tok,
               dim=[tuple(i) for i in np.argwhere(hidden <= 0)]),
        Matrix("FFN", r["ffn"], label="ReLU(…)·W2 + b2", row_labels=s.tok),
    ])]


def _add_norm3(s):
    t, r = s.t, s.r
    total = r["add_norm2"] + r["ffn"]
    return [Step(t("norm3.title"), [
        Text(t("norm3.text")),
        Matrix("B + FFN", total, row_labels=s.tok),
        _norm_table(s, total),
        Matrix("decoder_output", r["out"], label=t("norm3.out"), row_labels=s.tok, heat=True),
    ])]


def _output(s):
    t, r, ctx = s.t, s.r, s.ctx
    m, _, exps, total, probs = softmax_parts(r["logits"])
    i = s.T - 1
    more = " …" if s.V > TERMS_SHOWN else ""
    picks = [[" ".join(s.tok[:k + 1]), s.vocab[int(np.argmax(probs[k]))], ctx.n(probs[k].max())]
             for k in range(s.T)]
    return [Step(t("out.title"), [
        Text(t("out.text", V=s.V, vocab=" ".join(s.vocab))),
        Matrix("logits", r["logits"], label=t("out.logits"), row_labels=s.tok, col_labels=s.vocab),
        Text(t("out.softmax", word=s.tok[i])),
        Equation(t("out.max", m=ctx.n(m[i, 0]))),
        Equation(t("out.exps", values=ctx.vec(exps[i][:TERMS_SHOWN]) + more)),
        Equation(t("out.sum", terms=sum_text([ctx.n(e) for e in exps[i]]), total=ctx.n(total[i, 0]))),
        Matrix("probs", probs, label=t("out.probs"), row_labels=s.tok, col_labels=s.vocab, heat=True,
               highlight=[(k, int(np.argmax(probs[k]))) for k in range(s.T)]),
        Text(t("out.rows")),
        Table([t("col.seen"), t("col.next"), t("col.prob")], picks[-ROWS_SHOWN:]),
        Text(t("out.training")),
    ])]


def unchanged_key(change) -> str:
    """'greedy.same' when the rows computed before a word was appended came out again with
    at most `change` = SAME_ROWS_ATOL of difference (rounding), 'greedy.changed' otherwise."""
    return "greedy.same" if change <= SAME_ROWS_ATOL else "greedy.changed"


def _greedy(s, n_steps):
    """Greedy decoding from the target so far: run the layer, take the argmax of the last
    row, append it, until n_steps words or </s>. Returns (all input ids, </s> as V; steps)."""
    t, ctx = s.t, s.ctx
    ids, rows, steps = list(s.ids), [], []
    if n_steps == 0:
        return ids, []
    steps.append(Step(t("greedy.title"), [Text(t("greedy.text", eos=EOS))]))
    previous = None
    for k in range(n_steps):
        r = run_decoder(s.E, s.memory, s.p, s.h, ids) if k else s.r
        probs = r["probs"][-1]
        pick = int(np.argmax(probs))
        words = " ".join(_words(s, ids))
        rows.append([str(k + 1), words, s.vocab[pick], ctx.n(probs[pick])])
        if ctx.shown(k, GREEDY_SHOWN):
            blocks = [Text(t("greedy.step", words=words))]
            if previous is not None:
                change = float(np.max(np.abs(r["out"][:-1] - previous)))
                blocks.append(Text(t(unchanged_key(change), diff=ctx.n(change))))
            blocks += [Bars([w + (" ◀" if j == pick else "  ") for j, w in enumerate(s.vocab)], probs,
                            title=t("greedy.bars")),
                       Equation(t("greedy.argmax", word=s.vocab[pick], p=ctx.n(probs[pick]),
                                  words=" ".join(_words(s, ids + [pick + 1]))))]
            steps.append(Step(t("greedy.step.title", k=k + 1, word=s.vocab[pick]), blocks))
        previous = r["out"]
        ids.append(pick + 1)
        if s.vocab[pick] == EOS:
            break
    if len(rows) > GREEDY_SHOWN and not ctx.all_steps:
        steps.append(ctx.skipped_step(t("greedy.more"), len(rows) - GREEDY_SHOWN))
    ended = ids[-1] == len(s.read)
    steps.append(Step(t("greedy.done.title"), [
        Table([t("col.step"), t("col.input"), t("col.pick"), t("col.prob")], rows),
        Text(t("greedy.ended" if ended else "greedy.stopped", eos=EOS, words=" ".join(_words(s, ids)))),
        Text(t("greedy.untrained")),
    ]))
    return ids, steps
