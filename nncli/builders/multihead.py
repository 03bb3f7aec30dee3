"""Trace builder for multi-head self-attention, one sequence, batch-free."""

import numpy as np

from nncli.builders.attention import sub, terms_shown, terms_text, vec_text
from nncli.builders.self_attention import token_labels, upper_cells
from nncli.maths.attention import causal_mask, merge_heads, multi_head_attention, softmax_parts, split_heads
from nncli.trace import Equation, Matrix, Row, Step, Text, Trace

HEAD_LIMIT = 4   # heads explained in full (and drawn side by side) unless --all-steps


def valid_heads(d: int) -> list:
    """The head counts that split d evenly: the divisors of d."""
    return [h for h in range(1, d + 1) if d % h == 0]


def build_multihead(X, Wq, Wk, Wv, Wo, n_heads, ctx, words=None, causal=False, seed=None,
                    trained=False) -> Trace:
    """Explain multi-head self-attention with n_heads heads.

    X: (T, d); Wq, Wk, Wv, Wo: (d, d); n_heads divides d, d_head = d / n_heads; head k uses
    columns k·d_head … (k+1)·d_head − 1 of Q, K, V. Outputs weights (n_heads, T, T) and
    output (T, d) = concat(heads)·Wo, equal to torch.nn.MultiheadAttention(d, n_heads,
    bias=False) with in_proj_weight = [Wqᵀ; Wkᵀ; Wvᵀ], out_proj.weight = Woᵀ.
    trained: the vectors are trained embeddings, not random stand-ins.
    """
    t = ctx.t
    X, Wq, Wk, Wv, Wo = (np.asarray(a, dtype=np.float64) for a in (X, Wq, Wk, Wv, Wo))
    T, d = X.shape
    h = int(n_heads)
    dh = d // h
    labels = token_labels(T, words)
    mask = causal_mask(T) if causal else None
    output, weights = (a[0] for a in multi_head_attention(X[None], Wq, Wk, Wv, Wo, h, mask))
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    Qh, Kh, Vh = (split_heads(M[None], h)[0] for M in (Q, K, V))
    Zh = weights @ Vh                                   # (h, T, dh)
    concat = merge_heads(Zh[None])[0]                   # (T, d)
    col_heads = [f"h{k}" for k in range(h) for _ in range(dh)]
    hidden = upper_cells(T) if causal else []
    i, j = (1, 0) if T > 1 else (0, 0)

    def columns(k, key):
        a, b = k * dh, (k + 1) * dh - 1
        return t(key + ".one", k=k, a=a) if a == b else t(key, k=k, a=a, b=b)

    shown_heads = range(h) if ctx.all_steps else range(min(h, HEAD_LIMIT))
    inputs = [Text(t("inputs.text", tokens=T, dim=d))]
    if seed is not None:
        inputs.append(Text(t("inputs.random", seed=seed)))
    if words and not trained:
        inputs.append(Text(t("inputs.words")))
    inputs += [Row([Matrix("X", X, row_labels=labels), Matrix("Wq", Wq, label="W_q"),
                    Matrix("Wk", Wk, label="W_k"), Matrix("Wv", Wv, label="W_v"),
                    Matrix("Wo", Wo, label="W_o")]),
               Text(t("inputs.convention"))]
    ranges = t("proj.range.sep").join(columns(k, "proj.range") for k in shown_heads)
    if len(shown_heads) < h:
        ranges += t("proj.range.sep") + "…"

    steps = [
        Step(t("why.title"), [Text(t("why.text")), Text(t("why.cost")), Text(t("why.not"))]),
        Step(t("inputs.title"), inputs),
        Step(t("proj.title"), [
            Text(t("proj.text", tokens=T, dim=d, ranges=ranges)),
            Row([Matrix(n, M, row_labels=labels, col_labels=col_heads) for n, M in (("Q", Q), ("K", K), ("V", V))]),
            Text(t("proj.labels")),
        ]),
    ]
    if causal:
        allowed = causal_mask(T)
        steps.append(Step(t("mask.title"), [
            Text(t("mask.text")), Text(t("mask.conventions")),
            Row([Matrix("may attend", allowed.astype(np.float64), label=t("mask.allowed"),
                        row_labels=labels, col_labels=labels),
                 Matrix("blocked", (~allowed).astype(np.float64), label=t("mask.blocked"),
                        row_labels=labels, col_labels=labels)]),
        ]))

    for k in range(h):
        if not ctx.shown(k, HEAD_LIMIT):
            continue
        scores = Qh[k] @ Kh[k].T / np.sqrt(dh)
        dot = Qh[k][i] @ Kh[k][j]
        row = np.where(mask[i], scores[i], -np.inf) if causal else scores[i]
        m, _, exps, total, probs = softmax_parts(row)
        steps.append(Step(columns(k, "head.title"), [
            Row([Matrix(f"Q{k}", Qh[k], label=f"Q{sub(k)}", row_labels=labels),
                 Matrix(f"K{k}", Kh[k], label=f"K{sub(k)}", row_labels=labels),
                 Matrix(f"V{k}", Vh[k], label=f"V{sub(k)}", row_labels=labels)]),
            Text(t("head.text", dh=dh)),
            Equation(f"q{sub(i)}·k{sub(j)} = {terms_text(ctx, zip(Qh[k][i], Kh[k][j]))} = {ctx.n(dot)};"
                     f"   {ctx.n(dot)} / √{dh} = {ctx.n(scores[i, j])}"),
            Text(t("head.softmax", k=sub(k), i=i)),
            Equation(t("head.row.scores", scores=vec_text(ctx, row), m=ctx.n(m[0]))),
            Equation(t("head.row.exps", exps=vec_text(ctx, exps), total=ctx.n(total[0]))),
            Equation(t("head.row.weights", weights=vec_text(ctx, probs))),
            Row([Matrix(f"scores{k}", np.where(mask, scores, -np.inf) if causal else scores, highlight=[(i, j)],
                        dim=hidden, label=t("scores.label.causal" if causal else "scores.label", k=sub(k), dh=dh),
                        row_labels=labels, col_labels=labels),
                 Matrix(f"weights{k}", weights[k], heat=True, dim=hidden, label=f"weights{sub(k)}",
                        row_labels=labels, col_labels=labels),
                 Matrix(f"Z{k}", Zh[k], label=f"Z{sub(k)}", row_labels=labels)]),
        ]))
    if len(shown_heads) < h:
        steps.append(ctx.skipped_step(t("more.title"), h - len(shown_heads)))

    side = [Text(t("side.text")),
            Row([Matrix(f"weights{k}", weights[k], heat=True, dim=hidden, label=t("side.label", k=k),
                        row_labels=labels, col_labels=labels) for k in shown_heads])]
    if len(shown_heads) < h:
        side.append(Text(t("side.more", count=h - len(shown_heads))))
    r, c = i, 0
    out_lines = [Equation(f"output[{r},{c}] = {terms_text(ctx, zip(concat[r], Wo[:, c]))} = {ctx.n(output[r, c])}")]
    steps += [
        Step(t("side.title"), side),
        Step(t("concat.title"), [
            Text(t("concat.text", tokens=T, dh=dh, dim=d)),
            Matrix("concat", concat, row_labels=labels, col_labels=col_heads),
        ]),
        Step(t("out.title"), [
            Text(t("out.text", dim=d)), *out_lines,
            Row([Matrix("concat", concat, highlight=[(r, m) for m in range(terms_shown(ctx, d))], row_labels=labels,
                        col_labels=col_heads),
                 Matrix("Wo", Wo, highlight=[(m, c) for m in range(terms_shown(ctx, d))], label="W_o"),
                 Matrix("output", output, highlight=[(r, c)], row_labels=labels)]),
            Text(t("out.result", tokens=T, dim=d)),
        ]),
        Step(t("torch.title"), [Text(t("torch.text"))] + ([Text(t("torch.mask"))] if causal else [])),
    ]
    return Trace(
        "multihead",
        {"tokens": T, "dim": d, "heads": h, "d_head": dh, "causal": causal, "words": labels},
        {"X": X, "Wq": Wq, "Wk": Wk, "Wv": Wv, "Wo": Wo},
        steps,
        {"weights": weights, "output": output},
        title=t("title", tokens=T, dim=d, heads=h, dh=dh, causal=t("title.causal") if causal else ""),
    )
