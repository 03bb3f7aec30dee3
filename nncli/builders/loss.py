"""Trace builder for the losses: mean squared error, then a stable softmax and cross-entropy
on a small batch, and the gradient (p − onehot(y)) / N written out for one row."""

import numpy as np

from nncli.maths.loss import mse, mse_backward, one_hot, softmax_cross_entropy
from nncli.trace import Equation, Matrix, Row, Step, Table, Text, Trace

ROWS_SHOWN = 8   # rows of a per-example table before "… n more"
EXP_LIMIT = np.log(np.finfo(np.float64).max)  # ≈ 709.78: e^z overflows float64 above it


def build_loss(logits, y, pred, target, ctx, row=0) -> Trace:
    """Explain MSE on (pred, target) and softmax cross-entropy on (logits, y).

    logits: (N, C) raw scores, y: (N,) integer labels in 0 … C−1; pred, target: (M,) a
    regression batch; row: the example whose softmax and gradient are written out.
    Outputs: probs (N, C), loss (mean over the batch, as torch.nn.functional.cross_entropy),
    dlogits (N, C) = (probs − onehot(y)) / N, mse (as torch.nn.functional.mse_loss), dpred (M,).
    """
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    pred = np.asarray(pred, dtype=np.float64)
    target = np.asarray(target, dtype=np.float64)
    N, C = z.shape
    loss, dlogits = softmax_cross_entropy(z, y)
    m = z.max(axis=1, keepdims=True)
    exps = np.exp(z - m)
    probs = exps / exps.sum(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(exps.sum(axis=1))
    per_row = lse - z[np.arange(N), y]
    steps = [
        Step(ctx.t("why.title"), [Text(ctx.t("why.text"))]),
        _mse_step(pred, target, ctx),
        _softmax_step(z, row, m, exps, probs, lse, ctx),
        _cross_entropy_step(z, y, probs, per_row, loss, ctx),
        _gradient_step(z, y, probs, dlogits, row, ctx),
    ]
    return Trace(
        "loss", {"row": row},
        {"logits": z, "y": y, "pred": pred, "target": target},
        steps,
        {"probs": probs, "loss": np.float64(loss), "dlogits": dlogits,
         "mse": np.float64(mse(pred, target)), "dpred": mse_backward(pred, target)},
        title=ctx.t("title", n=N, c=C),
    )


def _shown(ctx, count):
    return count if ctx.all_steps or count <= ROWS_SHOWN else ROWS_SHOWN


def _more(ctx, count, shown):
    return [Text(ctx.cli_texts("skipped", count=count - shown))] if shown < count else []


def _mse_step(pred, target, ctx) -> Step:
    t, n = ctx.t, ctx.n
    M = pred.size
    diff = pred - target
    value = mse(pred, target)
    grad = mse_backward(pred, target)
    shown = _shown(ctx, M)
    rows = [[i, pred[i], target[i], diff[i], diff[i] ** 2, grad[i]] for i in range(shown)]
    squares = " + ".join(n(v) for v in (diff ** 2)[:shown]) + (" + …" if shown < M else "")
    big = int(np.argmax(np.abs(diff)))
    total = float(np.sum(diff ** 2))
    blocks = [
        Text(t("mse.text")),
        Table([t("col.i"), "ŷ", "t", "ŷ − t", "(ŷ − t)²", t("col.dpred")], rows),
        *_more(ctx, M, shown),
        Equation(f"MSE = ({squares}) / {M} = {n(total)} / {M} = {n(value)}"),
        Equation(t("mse.grad", m=M)),
    ]
    if total > 0 and M > 1:
        blocks.append(Text(t("mse.share", i=big, err=n(diff[big]),
                             share=n(100 * diff[big] ** 2 / total))))
    blocks.append(Text(t("mse.torch")))
    return Step(t("mse.title"), blocks)


def _softmax_step(z, r, m, exps, probs, lse, ctx) -> Step:
    t, n = ctx.t, ctx.n
    C = z.shape[1]
    shown = _shown(ctx, C)
    rows = [[c, z[r, c], z[r, c] - m[r, 0], exps[r, c], probs[r, c]] for c in range(shown)]
    total = exps[r].sum()
    blocks = [
        Text(t("softmax.text")),
        Equation(f"m = max(z{r}) = {n(m[r, 0])}"),
        Table([t("col.c"), "z", "z − m", "e^(z − m)", "p = e^(z − m) / Σ"], rows),
        *_more(ctx, C, shown),
        Equation(f"Σ e^(z − m) = {' + '.join(n(v) for v in exps[r, :shown])}"
                 f"{' + …' if shown < C else ''} = {n(total)}"),
        Equation(t("softmax.lse", m=n(m[r, 0]), total=n(total), lse=n(lse[r]))),
    ]
    if m[r, 0] > EXP_LIMIT:
        blocks.append(Text(t("softmax.overflow", m=n(m[r, 0]))))
    else:
        blocks.append(Text(t("softmax.why", limit=n(EXP_LIMIT))))
    blocks += [Text(t("softmax.batch")), Matrix("probs", probs, heat=True, label="p = softmax(z)")]
    return Step(t("softmax.title", row=r), blocks)


def _cross_entropy_step(z, y, probs, per_row, loss, ctx) -> Step:
    t, n = ctx.t, ctx.n
    N = z.shape[0]
    shown = _shown(ctx, N)
    rows = [[i, int(y[i]), probs[i, y[i]], per_row[i]] for i in range(shown)]
    worst = int(np.argmax(per_row))
    blocks = [
        Text(t("ce.text")),
        Table([t("col.n"), "y", "p[n, y]", "−log p[n, y]"], rows),
        *_more(ctx, N, shown),
        Equation(f"L = ({' + '.join(n(v) for v in per_row[:shown])}{' + …' if shown < N else ''})"
                 f" / {N} = {n(loss)}"),
    ]
    if N > 1:
        blocks.append(Text(t("ce.worst", n=worst, y=int(y[worst]), p=n(probs[worst, y[worst]]),
                             loss=n(per_row[worst]))))
    chance = np.log(z.shape[1])
    key = "ce.same" if np.isclose(loss, chance, rtol=1e-12) else "ce.chance" if loss > chance else "ce.better"
    blocks.append(Text(t(key, c=z.shape[1], chance=n(chance), loss=n(loss))))
    return Step(t("ce.title"), blocks)


def _gradient_step(z, y, probs, dlogits, r, ctx) -> Step:
    t, n = ctx.t, ctx.n
    N, C = z.shape
    onehot = one_hot(y, C)
    shown = _shown(ctx, C)
    lines = [Equation(f"∂L/∂z[{r},{c}] = ({n(probs[r, c])} − {int(onehot[r, c])}) / {N} = {n(dlogits[r, c])}")
             for c in range(shown)]
    return Step(t("grad.title", row=r), [
        Text(t("grad.derive", y=int(y[r]))),
        Equation("L_n = −z_y + log Σ_j e^(z_j)"),
        Equation("∂L_n/∂z_c = −[c = y] + e^(z_c) / Σ_j e^(z_j) = p_c − [c = y]"),
        Text(t("grad.mean", n=N)),
        *lines, *_more(ctx, C, shown),
        Row([Matrix("probs", probs, label="p"), Matrix("onehot", onehot, label="onehot(y)"),
             Matrix("dlogits", dlogits, heat=True, highlight=[(r, c) for c in range(shown)],
                    label=f"(p − onehot(y)) / {N}")]),
        Text(t("grad.signs" if dlogits[r, y[r]] < 0 else "grad.certain", y=int(y[r]), r=r,
               g=n(dlogits[r, y[r]]))),
        Text(t("grad.torch")),
    ])
