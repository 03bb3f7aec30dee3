"""Trace builder for the sinusoidal positional encoding: a few entries by hand, the whole
table, why attention needs it, and the dot products that depend only on the distance."""

import math

import numpy as np

from nncli.maths.attention import self_attention
from nncli.maths.positional import positional_encoding
from nncli.trace import Equation, Matrix, Row, Step, Table, Text, Trace

DEMO_WORDS = ("dog", "bites", "man")   # their labels come from the texts ("order.words")
SWAP = (2, 1, 0)          # "man bites dog": the same words, first and last swapped
MAX_SHIFT_ROWS = 8        # rows of the "depends only on k" table
DEMO_DIM = 4              # width of the word vectors in the order demo (kept narrow to read)


def demo_embeddings(seed, d):
    """(3, min(d, DEMO_DIM)) word vectors in {−1, 0, 1} for "dog", "bites", "man", drawn with
    `seed` until the three rows differ (two equal words would hide the point)."""
    rng = np.random.default_rng(seed)
    while True:
        E = rng.integers(-1, 2, size=(len(DEMO_WORDS), min(d, DEMO_DIM))).astype(np.float64)
        if len({tuple(r) for r in E}) == len(DEMO_WORDS):
            return E


def demo_labels(ctx):
    """The row labels of the demo sentence and of its swapped twin, in the learner's language."""
    words = ctx.t("order.words").split()
    return words, [words[k] for k in SWAP]


def column_labels(d):
    """'sin0', 'cos0', 'sin1', … : the function and the pair index i of each column."""
    return [f"{'sin' if c % 2 == 0 else 'cos'}{c // 2}" for c in range(d)]


def hand_entries(T, d):
    """(position, column) pairs worked out by hand: fast and slow columns, sin and cos."""
    wanted = [(1, 0), (1, 1), (min(2, T - 1), min(2, d - 1)), (T - 1, max(0, d - 2))]
    seen = []
    for p, c in wanted:
        if (p, c) not in seen and p < T and c < d:
            seen.append((p, c))
    return seen


def build_positional(T, d, embeddings, ctx) -> Trace:
    """Explain PE (T, d): PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(same).

    embeddings: (3, e) word vectors of the order demo ("dog bites man"), e ≤ d, which uses
    its own e-wide encoding positional_encoding(3, e). Row-vector convention: row p of PE is added to the embedding of the token at position p.
    """
    t = ctx.t
    pe = positional_encoding(T, d)
    labels = column_labels(d)
    pairs = (d + 1) // 2
    steps = [_order_step(embeddings, ctx)]

    freq_rows = [[str(i), f"{2 * i}/{d} = {ctx.n(2 * i / d)}", ctx.n(10000 ** (2 * i / d)),
                  ctx.n(2 * math.pi * 10000 ** (2 * i / d))] for i in range(min(pairs, 8))]
    steps.append(Step(t("formula.title"), [
        Text(t("formula.text")),
        Equation("PE(pos, 2i)   = sin(pos / 10000^(2i/d))"),
        Equation("PE(pos, 2i+1) = cos(pos / 10000^(2i/d))"),
        Text(t("formula.pairs", d=d, pairs=pairs)),
        Table([t("col.i"), "2i/d", "10000^(2i/d)", t("col.wavelength")], freq_rows),
    ] + ([Text(t("formula.more_pairs", count=pairs - 8))] if pairs > 8 else [])
      + ([Text(t("formula.odd", d=d))] if d % 2 else [])))

    hand = []
    for p, c in hand_entries(T, d):
        i = c // 2
        exponent = 2 * i / d
        scale = 10000 ** exponent
        angle = p / scale
        value = math.sin(angle) if c % 2 == 0 else math.cos(angle)
        fn = "sin" if c % 2 == 0 else "cos"
        hand += [
            Text(t("hand.entry", p=p, c=c, fn=fn, i=i)),
            Equation(t("hand.scale", twoi=2 * i, d=d, exponent=ctx.n(exponent), scale=ctx.n(scale))),
            Equation(t("hand.angle", p=p, scale=ctx.n(scale), angle=ctx.n(angle), fn=fn,
                       value=ctx.n(value))),
        ]
    steps.append(Step(t("hand.title"), [Text(t("hand.text"))] + hand + [
        Text(t("hand.zero", row=ctx.vec(pe[0, :min(d, 8)]) + (" …" if d > 8 else "")))]))

    steps.append(Step(t("table.title", T=T, d=d), [
        Text(t("table.text")),
        Matrix("pe", pe, heat=True, label="PE", row_labels=[f"pos {p}" for p in range(T)],
               col_labels=labels),
        Text(t("table.reading")),
    ]))

    steps.append(_fix_step(embeddings, ctx))
    if T >= 2 and d >= 2:
        steps.append(_distance_step(pe, T, d, ctx))
    return Trace("positional", {"tokens": T, "dim": d}, {"embeddings": embeddings}, steps,
                 {"pe": pe}, title=t("title", T=T, d=d))


def _attend(X):
    """Plain self-attention of the demo, Wq = Wk = Wv = I: softmax(X Xᵀ / √d) X."""
    eye = np.eye(X.shape[1])
    out, _ = self_attention(X[None], eye, eye, eye)
    return out[0]


def _order_step(E, ctx):
    t = ctx.t
    swapped = E[list(SWAP)]
    d = E.shape[1]
    out_a, out_b = _attend(E), _attend(swapped)
    same = np.allclose(out_a[0], out_b[2], rtol=1e-12, atol=1e-12)
    words, words_b = demo_labels(ctx)
    return Step(t("order.title"), [
        Text(t("order.text", e=d)),
        Row([Matrix("X", E, label=t("order.sentence_a"), row_labels=words),
             Matrix("X swapped", swapped, label=t("order.sentence_b"), row_labels=words_b)]),
        Equation("out = softmax(X·Xᵀ / √d)·X"),
        Row([Matrix("out", out_a, label=t("order.out_a"), row_labels=words,
                    highlight=[(0, j) for j in range(d)]),
             Matrix("out swapped", out_b, label=t("order.out_b"), row_labels=words_b,
                    highlight=[(2, j) for j in range(d)])]),
        Text(t("order.same" if same else "order.differs")),
    ])


def _fix_step(E, ctx):
    t = ctx.t
    d = E.shape[1]
    pe = positional_encoding(3, d)
    swapped = E[list(SWAP)]
    out_a, out_b = _attend(E + pe), _attend(swapped + pe)
    gap = float(np.max(np.abs(out_a[0] - out_b[2])))
    words, words_b = demo_labels(ctx)
    return Step(t("fix.title"), [
        Text(t("fix.text", e=d)),
        Row([Matrix("X + PE", E + pe, label=t("fix.sentence_a"), row_labels=words),
             Matrix("X swapped + PE", swapped + pe, label=t("fix.sentence_b"), row_labels=words_b)]),
        Row([Matrix("out", out_a, label=t("order.out_a"), row_labels=words,
                    highlight=[(0, j) for j in range(d)]),
             Matrix("out swapped", out_b, label=t("order.out_b"), row_labels=words_b,
                    highlight=[(2, j) for j in range(d)])]),
        Text(t("fix.result", gap=ctx.n(gap))),
    ])


def _distance_step(pe, T, d, ctx):
    t = ctx.t
    dots = pe @ pe.T
    k = 1
    omegas = 1.0 / 10000 ** (np.arange(0, d - 1, 2) / d)        # one per complete sin/cos pair
    closed = float(np.sum(np.cos(k * omegas)))
    terms = " + ".join(f"cos({ctx.n(k * w)})" for w in omegas[:6]) + (" + …" if len(omegas) > 6 else "")
    rows = [[f"PE({p})·PE({p + k})", ctx.n(dots[p, p + k])] for p in range(min(T - k, MAX_SHIFT_ROWS))]
    blocks = [
        Text(t("dist.text")),
        Matrix("PE·PEᵀ", dots, heat=True, label=t("dist.matrix"),
               row_labels=[str(p) for p in range(T)], col_labels=[str(p) for p in range(T)]),
        Text(t("dist.diagonals", diag=ctx.n(dots[0, 0]))),
        Table([t("dist.col.pair"), t("dist.col.dot")], rows),
        Equation("PE(p)·PE(p+k) = Σᵢ [sin(p·ωᵢ)·sin((p+k)·ωᵢ) + cos(p·ωᵢ)·cos((p+k)·ωᵢ)]"),
        Equation("              = Σᵢ cos(k·ωᵢ)"),
        Equation(f"k = {k}:  {terms} = {ctx.n(closed)}"),
        Text(t("dist.why")),
    ]
    if d % 2:
        blocks.append(Text(t("dist.odd")))
    return Step(t("dist.title"), blocks)
