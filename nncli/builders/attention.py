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
    """Explain dot-product encoder–decoder attention for one decoder step, or for several.

    s: (H,) decoder state, or (M, H) the states of M decoder steps (row 0 is worked out in
    full); h: (T, H) encoder states, one per row -> outputs scores (T,) e_i = s·h_i,
    alpha (T,) = softmax(e), context (H,) = Σ_i alpha_i h_i for s (row 0). With M states
    also S (M, H) in the inputs and alphas (M, T), contexts (M, H) in the outputs.
    Row-vector convention: e = h·s (textbooks: e = Hᵀs with the h_i as columns of H).
    seed: the seed that drew s and h, or None when the learner gave them.
    """
    t = ctx.t
    S = np.atleast_2d(np.asarray(s, dtype=np.float64))
    s = S[0]
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
    ]
    inputs = {"s": s, "h": h}
    outputs = {"scores": scores, "alpha": alpha, "context": context}
    params = {"tokens": T, "hidden": H}
    if len(S) == 1:
        steps.append(Step(t("each.title"), [Text(t("each.text")), Text(t("each.seq2seq")),
                                            Text(t("each.learn"))]))
    else:
        contexts, alphas = attention_context(S, np.broadcast_to(h, (len(S),) + h.shape))
        steps.insert(1, fixed_context_step(S, h, ctx))
        steps.append(every_step(S, alphas, contexts, labels, ctx))
        inputs["S"] = S
        outputs.update({"alphas": alphas, "contexts": contexts})
        params["outputs"] = len(S)
    return Trace("attention", params, inputs, steps, outputs, title=t("title", hidden=H, tokens=T))


def _chain(M) -> str:
    """'c₀ = c₁ = c₂', or 'c₀ = c₁ = … = c₉' for many steps."""
    names = [f"c{sub(k)}" for k in range(M)]
    return " = ".join(names if M <= 4 else names[:2] + ["…", names[-1]])


def _largest(weights) -> str:
    """'h₂', or 'h₁, h₂, h₃' when several weights tie for the largest."""
    top = np.flatnonzero(np.isclose(weights, np.max(weights), rtol=1e-12, atol=1e-15))
    return ", ".join(f"h{sub(i + 1)}" for i in top)


def step_labels(M) -> list:
    return [f"s{sub(k)}" for k in range(M)]


def fixed_context_step(S, h, ctx) -> Step:
    """Seq2seq without attention: every decoder step gets the same c, the last encoder state."""
    t = ctx.t
    M, T = len(S), len(h)
    same = np.broadcast_to(h[-1], S.shape)
    return Step(t("fixed.title"), [
        Text(t("fixed.text", m=M, last=f"h{sub(T)}")),
        Equation(t("fixed.eq", chain=_chain(M), last=f"h{sub(T)}", c=ctx.vec(h[-1]))),
        Row([Matrix("S", S, label=t("fixed.states"), row_labels=step_labels(M)),
             Matrix("c", same, label=t("fixed.contexts"), row_labels=step_labels(M))]),
        Text(t("fixed.after")),
    ])


def every_step(S, alphas, contexts, labels, ctx) -> Step:
    """Attention for every decoder step: its own c_t, and the whole α matrix as a heatmap."""
    t = ctx.t
    M = len(S)
    rows = step_labels(M)
    shown = rows_shown(ctx, M)
    lines = [Equation(t("every.row", k=k, ck=f"c{sub(k)}", top=_largest(alphas[k]),
                        alpha=ctx.n(np.max(alphas[k])), c=ctx.vec(contexts[k])))
             for k in range(shown)]
    if shown < M:
        lines.append(more_rows(ctx, M - shown))
    return Step(t("every.title", m=M), [
        Text(t("every.text", m=M)),
        Matrix("alphas", alphas, heat=True, label=t("every.matrix"), row_labels=rows, col_labels=labels),
        *lines,
        Matrix("contexts", contexts, label=t("every.contexts"), row_labels=rows),
        Text(t("every.after")),
        Text(t("each.learn")),
    ])
