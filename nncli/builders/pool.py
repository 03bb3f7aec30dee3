"""Trace builder for 2D max and average pooling, window by window."""

import numpy as np

from nncli.maths.conv import output_size
from nncli.maths.pool import avg_pool2d, max_pool2d
from nncli.trace import Equation, Matrix, Row, Step, Text, Trace

FULL_DETAIL_WINDOWS = 16  # up to this many windows, every one is shown
FEW_WINDOWS = 4           # above it, this many are shown, then a summary


def uncovered(size: int, kernel: int, stride: int):
    """Indices along one axis that lie in no window: (trailing, gaps). `trailing` is the floor
    remainder after the last window; `gaps` lie between windows (only when stride > kernel)."""
    count = output_size(size, kernel, 0, stride)
    end = (count - 1) * stride + kernel
    covered = {start + a for start in range(0, count * stride, stride) for a in range(kernel)}
    gaps = [i for i in range(end) if i not in covered]
    return list(range(end, size)), gaps


def _ranges(indices) -> str:
    """[4, 5, 7] -> '4–5, 7'."""
    parts, start = [], None
    for k, i in enumerate(indices):
        if start is None:
            start = i
        if k + 1 == len(indices) or indices[k + 1] != i + 1:
            parts.append(str(start) if start == i else f"{start}–{i}")
            start = None
    return ", ".join(parts)


def build_pool(x, ctx, mode="max", window=2, stride=None) -> Trace:
    """Explain max or average pooling of one map.

    x: (H, W); mode: "max" | "avg"; window K; stride S (None means K); no padding.
    Output (H′, W′), H′ = ⌊(H − K)/S⌋ + 1, equal to torch.nn.functional.max_pool2d /
    avg_pool2d(x[None, None], K, S)[0, 0]. Ties in a max window: the first in row-major order.
    """
    t = ctx.t
    x = np.asarray(x, dtype=np.float64)
    K = int(window)
    S = K if stride is None else int(stride)
    H, W = x.shape
    OH, OW = output_size(H, K, 0, S), output_size(W, K, 0, S)
    mode_name = t(f"mode.{mode}")

    setup = [Text(t(f"setup.{mode}", k=K)), Matrix("input", x, label=t("window.input")),
             Equation(t("setup.size")),
             Equation(t("setup.size.numbers", h=H, w=W, k=K, s=S, oh=OH, ow=OW))]
    for axis, size in (("rows", H), ("cols", W)):
        trailing, gaps = uncovered(size, K, S)
        if trailing:
            setup.append(Text(t(f"drop.{axis}", which=_ranges(trailing), count=len(trailing), s=S)))
        if gaps:
            setup.append(Text(t(f"gap.{axis}", which=_ranges(gaps), count=len(gaps), s=S, k=K)))
    steps = [Step(t("setup.title"), setup)]

    output = np.full((OH, OW), np.nan)
    total = OH * OW
    limit = total if total <= FULL_DETAIL_WINDOWS else FEW_WINDOWS
    for index in range(total):
        i, j = divmod(index, OW)
        r, c = i * S, j * S
        patch = x[r:r + K, c:c + K]
        if mode == "max":
            flat = int(np.argmax(patch))  # argmax returns the first maximum in row-major order
            output[i, j] = patch.ravel()[flat]
        else:
            output[i, j] = patch.mean()
        if not ctx.shown(index, limit):
            continue
        cells = [(r + a, c + b) for a in range(K) for b in range(K)]
        blocks = [Text(t("window.text", r0=r, r1=r + K - 1, c0=c, c1=c + K - 1))]
        if mode == "max":
            wr, wc = divmod(flat, K)
            blocks.append(Row([
                Matrix("input", x, highlight=cells, label=t("window.input")),
                Matrix("window", patch, highlight=[(wr, wc)], label=t("window.window")),
                Matrix("output", output.copy(), highlight=[(i, j)], label=t("window.output")),
            ]))
            blocks.append(Equation(f"max({', '.join(ctx.n(v) for v in patch.ravel())}) = {ctx.n(output[i, j])}"))
            ties = int(np.sum(patch == output[i, j]))
            key = "window.tie" if ties > 1 else "window.winner"
            blocks.append(Text(t(key, value=ctx.n(output[i, j]), count=ties, r=r + wr, c=c + wc)))
        else:
            blocks.append(Row([
                Matrix("input", x, highlight=cells, label=t("window.input")),
                Matrix("window", patch, label=t("window.window")),
                Matrix("output", output.copy(), highlight=[(i, j)], label=t("window.output")),
            ]))
            terms = " + ".join(ctx.term(v) for v in patch.ravel())
            blocks.append(Equation(f"({terms}) / {K * K} = {ctx.n(patch.sum())} / {K * K} = {ctx.n(output[i, j])}"))
        blocks.append(Text(t("window.land", value=ctx.n(output[i, j]), i=i, j=j)))
        steps.append(Step(t("window.title", i=i, j=j), blocks))
    if total > limit and not ctx.all_steps:
        steps.append(ctx.skipped_step(t("more.title"), total - limit))

    other = "avg" if mode == "max" else "max"
    other_fn = avg_pool2d if other == "avg" else max_pool2d
    other_out = other_fn(x[None, None], K, S)[0, 0]
    steps.append(Step(t("result.title"), [
        Text(t("result.text", h=H, w=W, before=H * W, oh=OH, ow=OW, after=OH * OW)),
        Row([Matrix("output", output, heat=True, label=t("result.other", mode=mode_name)),
             Matrix(f"{other} output", other_out, heat=True,
                    label=t("result.other", mode=t(f"mode.{other}")))]),
    ]))
    return Trace("pool", {"mode": mode, "window": K, "stride": S}, {"input": x}, steps,
                 {"output": output}, title=t("title", mode=mode_name, h=H, w=W, k=K, s=S))
