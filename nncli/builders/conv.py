"""Trace builders for convolution: 2D cell by cell, and 1D as flip, shift, multiply, sum."""

import unicodedata

import numpy as np

from nncli.maths.conv import output_size, pad2d, receptive_field, seen_indices
from nncli.trace import Diagram, Equation, Matrix, Row, Step, Text, Trace

FULL_DETAIL_CELLS = 16  # up to this many output cells, every one is shown
FEW_CELLS = 4           # above it, this many are shown, then a summary


def build_conv2d(x, kernel, ctx, bias=0.0, padding=0, stride=1, flip=False) -> Trace:
    """Explain one 2D cross-correlation (or true convolution with flip=True).

    x: (H, W) input; kernel: (KH, KW); bias: scalar. Output (H′, W′) with
    H′ = ⌊(H + 2·padding − KH)/stride⌋ + 1. The outputs equal
    torch.nn.functional.conv2d(x[None, None], kernel[None, None], [bias], stride, padding)[0, 0],
    with the kernel flipped on both axes first when flip is set.
    """
    t = ctx.t
    x = np.asarray(x, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    H, W = x.shape
    used = kernel[::-1, ::-1] if flip else kernel
    KH, KW = used.shape
    OH, OW = output_size(H, KH, padding, stride), output_size(W, KW, padding, stride)
    padded = pad2d(x, padding)
    pad_cells = [(i, j) for i in range(padded.shape[0]) for j in range(padded.shape[1])
                 if not (padding <= i < padding + H and padding <= j < padding + W)]

    steps = [Step(t("setup.title"), [
        Text(t("setup.text", kh=KH, kw=KW, params=KH * KW + 1)),
        Row([Matrix("input", x, label=t("matrix.input")),
             Matrix("kernel", kernel, label=t("matrix.kernel"))]
            + ([Matrix("flipped kernel", used, label=t("matrix.flipped"))] if flip else [])),
        Text(t("setup.flip") if flip else t("setup.corr")),
        Equation(t("setup.size")),
        Equation(t("setup.size.numbers", h=H, w=W, p=padding, kh=KH, kw=KW, s=stride, oh=OH, ow=OW)),
    ])]
    if padding:
        steps.append(Step(t("pad.title", p=padding), [
            Text(t("pad.text")), Matrix("padded input", padded, dim=pad_cells, label=t("matrix.padded"))]))
    dropped_rows = padded.shape[0] - ((OH - 1) * stride + KH)
    dropped_cols = padded.shape[1] - ((OW - 1) * stride + KW)
    if dropped_rows or dropped_cols:
        key = "stride.drop" + (".rows" if not dropped_cols else ".cols" if not dropped_rows else "")
        steps[-1].blocks.append(Text(t(key, rows=dropped_rows, cols=dropped_cols)))
    if stride > min(KH, KW) and (OH > 1 or OW > 1):
        steps[-1].blocks.append(Text(t("stride.gap", s=stride)))

    output = np.full((OH, OW), np.nan)
    total = OH * OW
    limit = total if total <= FULL_DETAIL_CELLS else FEW_CELLS
    for index in range(total):
        i, j = divmod(index, OW)
        r, c = i * stride, j * stride
        window = padded[r:r + KH, c:c + KW]
        products = window * used
        output[i, j] = products.sum() + bias
        if not ctx.shown(index, limit):
            continue
        cells = [(r + a, c + b) for a in range(KH) for b in range(KW)]
        terms = " + ".join(f"{ctx.term(v)}×{ctx.term(k)}" for v, k in zip(window.ravel(), used.ravel()))
        steps.append(Step(t("cell.title", i=i, j=j), [
            Text(t("cell.text" if padding else "cell.text.nopad", r=r, c=c)),
            Row([
                Matrix("padded input" if padding else "input", padded, highlight=cells, dim=pad_cells,
                       label=t("cell.window" if padding else "cell.window.nopad")),
                Matrix("kernel", used, label=t("matrix.kernel")),
                Matrix("products", products, label=t("cell.products")),
                Matrix("output", output.copy(), highlight=[(i, j)], label=t("cell.output")),
            ]),
            Equation(f"{terms} + {ctx.term(bias)} = {ctx.n(output[i, j])}"),
            Text(t("cell.land", value=ctx.n(output[i, j]), i=i, j=j)),
        ]))
    if total > limit and not ctx.all_steps:
        steps.append(ctx.skipped_step(t("more.title"), total - limit))

    steps.append(Step(t("result.title"), [
        Text(t("result.text", oh=OH, ow=OW)),
        Matrix("output", output, heat=True, label=t("cell.output")),
    ]))
    steps.append(receptive_step(KH, KW, stride, ctx))
    return Trace(
        "conv",
        {"dim": 2, "padding": padding, "stride": stride, "bias": bias, "flip": flip},
        {"input": x, "kernel": kernel},
        steps,
        {"output": output},
        title=t("title2d", h=H, w=W, kh=KH, kw=KW, p=padding, s=stride),
    )


STACKED = 3           # layers in the receptive-field example
PICTURE_CELLS = 12    # the receptive-field picture shows fields up to this many cells a side


def receptive_step(KH, KW, stride, ctx) -> Step:
    """How far one cell sees when layers like this one (KH×KW kernel, this stride) are
    stacked: the recurrence per axis, and a picture of the input cells each layer's cell
    (0, 0) reads."""
    t = ctx.t
    rows = [receptive_field([KH] * n, [stride] * n) for n in range(1, STACKED + 1)]
    cols = [receptive_field([KW] * n, [stride] * n) for n in range(1, STACKED + 1)]
    blocks = [
        Text(t("receptive.text", kh=KH, kw=KW, s=stride, r2h=rows[1], r2w=cols[1],
               r3h=rows[2], r3w=cols[2])),
        Equation(t("receptive.rule")),
        Equation(t("receptive.rows", steps=_recurrence(KH, stride))),
        Equation(t("receptive.cols", steps=_recurrence(KW, stride))),
    ]
    shown = sum(1 for r, c in zip(rows, cols) if max(r, c) <= PICTURE_CELLS)
    if shown >= 2:
        blocks += [Text(t("receptive.picture", layers=shown)),
                   Diagram(field_picture(KH, KW, stride, shown))]
    if stride > min(KH, KW):
        blocks.append(Text(t("receptive.gaps", s=stride)))
    blocks.append(Text(t("receptive.deeper")))
    return Step(t("receptive.title"), blocks)


def _recurrence(kernel, stride) -> str:
    """'1 + 2×1 = 3,  3 + 2×2 = 7,  7 + 2×4 = 15': r_l = r_{l−1} + (k − 1)·j_{l−1}."""
    field, jump, parts = 1, 1, []
    for _ in range(STACKED):
        parts.append(f"{field} + {kernel - 1}×{jump} = {field + (kernel - 1) * jump}")
        field, jump = field + (kernel - 1) * jump, jump * stride
    return ",   ".join(parts)


def field_picture(KH, KW, stride, layers) -> list:
    """The input around cell (0, 0) of `layers` stacked layers, no padding: each input cell
    marked with the first layer whose cell (0, 0) reads it ('1', '2', …), '·' if none."""
    first = {}
    for n in range(layers, 0, -1):
        rows = seen_indices(0, [(KH, stride, 0)] * n)
        cols = seen_indices(0, [(KW, stride, 0)] * n)
        for r in rows:
            for c in cols:
                first[r, c] = n
    height = 1 + max(r for r, _ in first)
    width = 1 + max(c for _, c in first)
    return [" ".join(str(first.get((r, c), "·")) for c in range(width)) for r in range(height)]


def build_conv1d(f, g, ctx) -> Trace:
    """Explain the full discrete convolution (f∗g)[n] = Σ_k f[k]·g[n−k].

    f: (L,), g: (K,) -> output (L+K−1,), equal to numpy.convolve(f, g).
    """
    t = ctx.t
    f = np.asarray(f, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    L, K = len(f), len(g)
    N = L + K - 1
    flipped = g[::-1]
    steps = [
        Step(t("setup1d.title"), [Text(t("setup1d.text", n=N)), Row([Matrix("f", f), Matrix("g", g)])]),
        Step(t("flip1d.title"), [Text(t("flip1d.text", flipped=ctx.vec(flipped))), Matrix("g flipped", flipped, label=t("matrix.g_flipped"))]),
    ]
    output = np.zeros(N)
    limit = N if N <= FULL_DETAIL_CELLS else FEW_CELLS
    width = max(len(ctx.n(v)) for v in np.concatenate([f, g])) + 2
    for n in range(N):
        ks = [k for k in range(L) if 0 <= n - k < K]
        output[n] = sum(f[k] * g[n - k] for k in ks)
        if not ctx.shown(n, limit):
            continue
        terms = " + ".join(f"f[{k}]·g[{n - k}]" for k in ks)
        numbers = " + ".join(f"{ctx.term(f[k])}×{ctx.term(g[n - k])}" for k in ks)
        steps.append(Step(t("shift1d.title", n=n), [
            Text(t("shift1d.text", n=n, k0=ks[0], k1=ks[-1])),
            Diagram(_train_picture(f, flipped, n, K, width, ctx)),
            Equation(f"(f∗g)[{n}] = {terms}"),
            Equation(f"= {numbers} = {ctx.n(output[n])}"),
        ]))
    if N > limit and not ctx.all_steps:
        steps.append(ctx.skipped_step(t("more.title"), N - limit))
    steps.append(Step(t("result1d.title"), [Text(t("result1d.text", n=N)), Matrix("f∗g", output),
                                            Text(t("result1d.layers"))]))
    return Trace("conv", {"dim": 1}, {"f": f, "g": g}, steps, {"output": output},
                 title=t("title1d", l=L, k=K))


def _train_picture(f, flipped, n, K, width, ctx):
    """Two text rows: f fixed (the tunnel) and the flipped g shifted by n (the train).

    Position k of f sits in column k + K − 1, so the train's start (k = n − K + 1) is
    never left of column 0.
    """
    L = len(f)
    columns = L + 2 * (K - 1)
    tunnel = [""] * columns
    train = [""] * columns
    for k in range(L):
        tunnel[k + K - 1] = ctx.n(f[k])
    for m in range(K):
        train[n + m] = ctx.n(flipped[m])
    row = lambda cells: "".join(c.rjust(width) if c else " " * width for c in cells)
    names = [ctx.t("train.f"), ctx.t("train.g")]
    name_width = max(display_width(name) for name in names) + 1
    pad = lambda name: name + " " * (name_width - display_width(name))
    return [pad(names[0]) + row(tunnel), pad(names[1]) + row(train)]


def display_width(text: str) -> int:
    """Terminal columns taken by `text`: two for each wide (CJK) character, so a Chinese
    row label pads the same as an English one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
