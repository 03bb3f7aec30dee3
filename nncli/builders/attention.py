"""Trace builder for encoder–decoder attention, and the pieces the self-attention and
multihead traces share (a dot product written out, a softmax written out)."""

import numpy as np

from nncli import numfmt
from nncli.maths.attention import attention_context, softmax_parts
from nncli.texts import Texts
from nncli.trace import Bars, Equation, Matrix, Row, Step, Table, Text, Trace

TERM_LIMIT = 8    # up to this many terms, a sum is written out in full
FEW_TERMS = 4     # above it, this many, then "… (n more terms)"
ROW_LIMIT = 8     # up to this many tokens, every row of a table or list is shown
FEW_ROWS = 4      # above it, this many, then a summary line
BARS_LIMIT = 12   # up to this many weights, bars; above, a heat row (cropped by the view)

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(i: int) -> str:
    """A subscript index: sub(12) == '₁₂'."""
    return str(i).translate(_SUBSCRIPTS)


def shared_texts(ctx) -> Texts:
    """The texts shared by the attention family (they live with the `attention` topic)."""
    return Texts("attention", ctx.lang)


def terms_shown(ctx, count: int) -> int:
    """How many of `count` terms of a sum are written out."""
    return count if ctx.all_steps or count <= TERM_LIMIT else FEW_TERMS


def terms_text(ctx, pairs) -> str:
    """'a×b + c×d + …' for (a, b) pairs, cut to FEW_TERMS terms beyond TERM_LIMIT unless --all-steps."""
    pairs = list(pairs)
    shown = pairs[:terms_shown(ctx, len(pairs))]
    text = " + ".join(f"{ctx.term(a)}×{ctx.term(b)}" for a, b in shown)
    if len(shown) < len(pairs):
        text += " + " + shared_texts(ctx)("more.terms", count=numfmt.count(len(pairs) - len(shown)))
    return text


def sum_text(ctx, values) -> str:
    """'a + b + c' (cut like terms_text)."""
    values = list(values)
    shown = values[:terms_shown(ctx, len(values))]
    text = " + ".join(ctx.n(v) for v in shown)
    if len(shown) < len(values):
        text += " + " + shared_texts(ctx)("more.terms", count=numfmt.count(len(values) - len(shown)))
    return text


def vec_text(ctx, values) -> str:
    """'[a, b, c]' (cut like terms_text)."""
    values = list(values)
    shown = values[:terms_shown(ctx, len(values))]
    text = ", ".join(ctx.n(v) for v in shown)
    if len(shown) < len(values):
        text += ", " + shared_texts(ctx)("more.terms", count=numfmt.count(len(values) - len(shown)))
    return f"[{text}]"


def rows_shown(ctx, count: int) -> int:
    """How many of `count` token rows to write out in full."""
    return count if ctx.all_steps or count <= ROW_LIMIT else FEW_ROWS


def more_rows(ctx, count: int) -> Text:
    """The line that stands for `count` rows computed the same way but not written out."""
    return Text(ctx.cli_texts("skipped", count=numfmt.count(count)))


def softmax_blocks(ctx, scores, labels, e: str, a: str):
    """max, a table (score, score − max, exp, weight) and the sum, for one row of scores.

    scores: (T,) possibly with −∞ (masked); labels: T row labels; e, a: the symbols of a
    score and a weight ("e", "α"). Returns (blocks, weights (T,)).
    """
    t = shared_texts(ctx)
    m, shifted, exps, total, weights = softmax_parts(scores)
    shown = rows_shown(ctx, len(scores))
    table = Table(
        [t("softmax.col.token"), t("softmax.col.score", e=e), t("softmax.col.shift", e=e),
         t("softmax.col.exp", e=e), t("softmax.col.weight", a=a)],
        [[labels[i], scores[i], shifted[i], exps[i], weights[i]] for i in range(shown)],
    )
    blocks = [Equation(t("softmax.max", m=ctx.n(m[0]))), table]
    if shown < len(scores):
        blocks.append(more_rows(ctx, len(scores) - shown))
    blocks.append(Equation(t("softmax.sum", terms=sum_text(ctx, exps), total=ctx.n(total[0]))))
    return blocks, weights


def weight_picture(ctx, name, weights, labels, title):
    """Bars for a few weights, a heat row (cropped by the view) for many."""
    if len(weights) <= BARS_LIMIT:
        return Bars(labels, weights, 0.0, 1.0, title=title)
    return Matrix(name, weights, heat=True, label=title, col_labels=labels)


def build_attention(s, h, ctx, seed=None) -> Trace:
    """Explain dot-product encoder–decoder attention for one decoder step.

    s: (H,) decoder state; h: (T, H) encoder states, one per row ->
    outputs scores (T,) e_i = s·h_i, alpha (T,) = softmax(e), context (H,) = Σ_i alpha_i h_i.
    Row-vector convention: e = h·s (textbooks: e = Hᵀs with the h_i as columns of H).
    seed: the seed that drew s and h, or None when the learner gave them.
    """
    t = ctx.t
    s = np.asarray(s, dtype=np.float64)
    h = np.asarray(h, dtype=np.float64)
    T, H = h.shape
    context, alpha = (a[0] for a in attention_context(s[None], h[None]))
    scores = h @ s
    labels = [f"h{sub(i + 1)}" for i in range(T)]

    inputs = [Text(t("inputs.text", hidden=H, tokens=T))]
    if seed is not None:
        inputs.append(Text(t("inputs.random", seed=seed)))
    inputs += [Row([Matrix("s", s), Matrix("h", h, row_labels=labels)]), Text(t("inputs.convention"))]

    shown = rows_shown(ctx, T)
    score_lines = [Equation(f"e{sub(i + 1)} = s·h{sub(i + 1)} = {terms_text(ctx, zip(s, h[i]))}"
                            f" = {ctx.n(scores[i])}") for i in range(shown)]
    if shown < T:
        score_lines.append(more_rows(ctx, T - shown))

    soft, weights = softmax_blocks(ctx, scores, labels, "e", "α")
    context_lines = [Equation(f"c[{k}] = {terms_text(ctx, zip(weights, h[:, k]))} = {ctx.n(context[k])}")
                     for k in range(rows_shown(ctx, H))]
    if len(context_lines) < H:
        context_lines.append(more_rows(ctx, H - len(context_lines)))
    top = int(np.argmax(weights))

    steps = [
        Step(t("why.title"), [Text(t("why.text")), Text(t("why.fix"))]),
        Step(t("inputs.title"), inputs),
        Step(t("scores.title"), [Text(t("scores.text")), *score_lines,
                                 Matrix("scores", scores, label="e", col_labels=labels),
                                 Text(t("scores.other"))]),
        Step(t("softmax.title"), [Text(t("softmax.text")), *soft,
                                  weight_picture(ctx, "alpha", weights, labels, t("softmax.bars")),
                                  Text(t("softmax.check", total=ctx.n(weights.sum())))]),
        Step(t("context.title"), [Text(t("context.text")), *context_lines,
                                  Text(shared_texts(ctx)("rounding", precision=ctx.precision)),
                                  Matrix("context", context, label="c"),
                                  Text(t("context.result", hidden=H, top=sub(top + 1),
                                         alpha=ctx.n(weights[top])))]),
        Step(t("each.title"), [Text(t("each.text")), Text(t("each.learn"))]),
    ]
    return Trace("attention", {"tokens": T, "hidden": H}, {"s": s, "h": h}, steps,
                 {"scores": scores, "alpha": alpha, "context": context},
                 title=t("title", hidden=H, tokens=T))
