"""Trace builder for scaled dot-product self-attention, one sequence, batch-free."""

import numpy as np

from nncli.builders.attention import more_rows, rows_shown, softmax_blocks, sub, terms_text
from nncli.maths.attention import causal_mask, scaled_dot_product_attention
from nncli.trace import Equation, Matrix, Row, Step, Text, Trace


def token_labels(T: int, words=None) -> list:
    """The words when given, else t0, t1, …"""
    return list(words) if words else [f"t{i}" for i in range(T)]


def upper_cells(T: int) -> list:
    """(i, j) with j > i: the cells a causal mask hides."""
    return [(i, j) for i in range(T) for j in range(i + 1, T)]


def build_self_attention(X, Wq, Wk, Wv, ctx, words=None, causal=False, seed=None, trained=False) -> Trace:
    """Explain self-attention Z = softmax(Q·Kᵀ/√d_k [+ causal mask])·V.

    X: (T, d) one token per row; Wq, Wk: (d, d_k); Wv: (d, d_v). Outputs Q, K (T, d_k),
    V (T, d_v), scores (T, T) = Q·Kᵀ/√d_k before masking, weights (T, T), output (T, d_v).
    Row-vector convention (Q = X·Wq); equal to
    torch.nn.functional.scaled_dot_product_attention(Q, K, V, is_causal=causal).
    words: T labels or None (t0, t1, …); seed: the seed of a random example, else None;
    trained: the vectors are trained embeddings, not random stand-ins.
    """
    t = ctx.t
    X, Wq, Wk, Wv = (np.asarray(a, dtype=np.float64) for a in (X, Wq, Wk, Wv))
    T, d = X.shape
    dk, dv = Wq.shape[1], Wv.shape[1]
    labels = token_labels(T, words)
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    scores = Q @ K.T / np.sqrt(dk)
    mask = causal_mask(T) if causal else None
    output, weights = scaled_dot_product_attention(Q, K, V, mask)
    masked = np.where(mask, scores, -np.inf) if causal else scores
    hidden = upper_cells(T) if causal else []
    i = 1 if T > 1 else 0   # the row written out: in a causal trace it has one masked entry
    j = 0

    inputs = [Text(t("inputs.text", tokens=T, dim=d))]
    if seed is not None:
        inputs.append(Text(t("inputs.random", seed=seed)))
    if words and not trained:
        inputs.append(Text(t("inputs.words")))
    inputs += [Matrix("X", X, row_labels=labels), Text(t("inputs.convention"))]

    one = Equation(f"Q[{i},0] = x{sub(i)}·W_q[:,0] = {terms_text(ctx, zip(X[i], Wq[:, 0]))} = {ctx.n(Q[i, 0])}")
    dot = Q[i] @ K[j]
    score_steps = [
        Text(t("score.text")),
        Equation(f"q{sub(i)}·k{sub(j)} = {terms_text(ctx, zip(Q[i], K[j]))} = {ctx.n(dot)}"),
        Equation(f"S[{i},{j}] = {ctx.n(dot)} / √{dk} = {ctx.n(dot)} / {ctx.n(np.sqrt(dk))} = {ctx.n(scores[i, j])}"),
        Text(t("score.all")),
        Matrix("scores", scores, highlight=[(i, j)], label="S = Q·Kᵀ/√d_k", row_labels=labels, col_labels=labels),
    ]
    if not causal:
        score_steps.append(Text(t("score.causal_hint")))

    soft, _ = softmax_blocks(ctx, masked[i], labels, "s", "w")
    if causal:
        soft.append(Text(t("softmax.masked")))

    out_lines = [Equation(f"Z[{i},{k}] = {terms_text(ctx, zip(weights[i], V[:, k]))} = {ctx.n(output[i, k])}")
                 for k in range(rows_shown(ctx, dv))]
    out_more = [more_rows(ctx, dv - len(out_lines))] if len(out_lines) < dv else []

    steps = [
        Step(t("why.title"), [Text(t("why.text")), Text(t("why.roles"))]),
        Step(t("inputs.title"), inputs),
        Step(t("proj.title"), [
            Text(t("proj.text")),
            Row([Matrix("Wq", Wq, label="W_q"), Matrix("Wk", Wk, label="W_k"), Matrix("Wv", Wv, label="W_v")]),
            Equation(t("proj.shapes", tokens=T, dim=d, dk=dk, dv=dv)),
            Text(t("proj.one", i=i, k=0)), one,
            Row([Matrix("Q", Q, highlight=[(i, 0)], row_labels=labels), Matrix("K", K, row_labels=labels),
                 Matrix("V", V, row_labels=labels)]),
        ]),
        Step(t("score.title", wi=labels[i], wj=labels[j]), score_steps),
    ]
    if causal:
        steps.append(Step(t("mask.title"), [
            Text(t("mask.text")),
            Matrix("masked scores", masked, dim=hidden, label=t("mask.label"), row_labels=labels, col_labels=labels),
        ]))
    steps += [
        Step(t("softmax.title", i=i, word=labels[i]), [Text(t("softmax.text")), *soft]),
        Step(t("weights.title"), [
            Text(t("weights.text", sums=", ".join(ctx.n(v) for v in weights.sum(axis=1)[:rows_shown(ctx, T)])
                   + (", …" if rows_shown(ctx, T) < T else ""))),
            Matrix("weights", weights, heat=True, dim=hidden, row_labels=labels, col_labels=labels),
            *([Text(t("weights.causal"))] if causal else []),
        ]),
        Step(t("output.title"), [
            Text(t("output.text", i=i, si=sub(i))), *out_lines, *out_more,
            Row([Matrix("weights", weights, highlight=[(i, c) for c in range(rows_shown(ctx, T))],
                        row_labels=labels, col_labels=labels),
                 Matrix("V", V, row_labels=labels),
                 Matrix("Z", output, highlight=[(i, k) for k in range(len(out_lines))], row_labels=labels)]),
            Text(t("output.result", tokens=T, dv=dv)),
            Text(t("output.torch", causal=t("output.torch.causal") if causal else "")),
        ]),
    ]
    return Trace(
        "self-attention",
        {"tokens": T, "dim": d, "d_k": dk, "d_v": dv, "causal": causal, "words": labels},
        {"X": X, "Wq": Wq, "Wk": Wk, "Wv": Wv},
        steps,
        {"Q": Q, "K": K, "V": V, "scores": scores, "weights": weights, "output": output},
        title=t("title", tokens=T, dim=d, dk=dk, causal=t("title.causal") if causal else ""),
    )
