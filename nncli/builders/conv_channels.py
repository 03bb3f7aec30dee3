"""Trace builder for a convolution layer over several input channels: each filter sums one
cross-correlation per input channel, as CNN Explainer draws it."""

import numpy as np

from nncli.maths.conv import corr2d, pad2d
from nncli.trace import Equation, Matrix, Row, Step, Text, Trace

SHOWN = 4  # channels and filters drawn in full (--all-steps: every one)


def channel_parts(x, kernel, padding=0, stride=1):
    """The per-channel partial sums of every filter.

    x: (C, H, W); kernel: (F, C, KH, KW) -> (F, C, H′, W′), entry [f, c] the
    cross-correlation of channel c with kernel[f, c]; summed over c (plus the bias) it is
    filter f's output, as torch.nn.functional.conv2d computes it.
    """
    padded = pad2d(x, padding)
    return np.array([[corr2d(padded[c], kernel[f, c], stride) for c in range(x.shape[0])]
                     for f in range(kernel.shape[0])])


def build_conv_channels(x, kernel, ctx, bias=None, padding=0, stride=1) -> Trace:
    """Explain one convolution layer: C input channels, F filters of C×KH×KW.

    x: (C, H, W); kernel: (F, C, KH, KW); bias: (F,) or None. Output (F, H′, W′), equal to
    torch.nn.functional.conv2d(x[None], kernel, bias, stride, padding)[0].
    """
    t = ctx.t
    x = np.asarray(x, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    C, H, W = x.shape
    F, _, KH, KW = kernel.shape
    b = np.zeros(F) if bias is None else np.asarray(bias, dtype=np.float64)
    parts = channel_parts(x, kernel, padding, stride)
    output = parts.sum(axis=1) + b[:, None, None]
    OH, OW = output.shape[1:]
    channels = range(C) if ctx.all_steps else range(min(C, SHOWN))
    filters = range(F) if ctx.all_steps else range(min(F, SHOWN))

    steps = [Step(t("ch.setup.title"), [
        Text(t("ch.setup.text", c=C, f=F, kh=KH, kw=KW, h=H, w=W, oh=OH, ow=OW,
               params=F * C * KH * KW + F, weights=F * C * KH * KW)),
        Row([Matrix(f"input[{c}]", x[c], label=t("ch.input", c=c)) for c in channels]),
        *_more(ctx, C - len(channels)),
        Equation(t("setup.size.numbers", h=H, w=W, p=padding, kh=KH, kw=KW, s=stride, oh=OH, ow=OW)),
    ])]
    for f in filters:
        steps.append(_filter_step(f, x, kernel, b, parts, output, padding, stride, channels, ctx))
    if len(filters) < F:
        steps.append(ctx.skipped_step(t("ch.more_filters"), F - len(filters)))
    steps.append(Step(t("ch.result.title"), [
        Text(t("ch.result.text", f=F, oh=OH, ow=OW, c=C)),
        Row([Matrix(f"output[{f}]", output[f], heat=True, label=t("ch.output", f=f)) for f in filters]),
    ]))
    inputs = {"input": x, "kernel": kernel}
    if bias is not None:
        inputs["bias"] = b
    return Trace("conv", {"dim": 2, "padding": padding, "stride": stride, "channels": C, "filters": F},
                 inputs, steps, {"output": output},
                 title=t("title.channels", c=C, h=H, w=W, f=F, kh=KH, kw=KW, p=padding, s=stride))


def _more(ctx, count):
    return [Text(ctx.t("ch.more_channels", count=count))] if count > 0 else []


def _filter_step(f, x, kernel, b, parts, output, padding, stride, channels, ctx) -> Step:
    """Filter f: its cell (0, 0) channel by channel, then its whole map as the sum of the
    per-channel maps."""
    t = ctx.t
    C = x.shape[0]
    KH, KW = kernel.shape[2:]
    padded = pad2d(x, padding)
    window = [(a, c) for a in range(KH) for c in range(KW)]
    blocks = [Text(t("ch.filter.text", f=f, c=C, kh=KH, kw=KW))]
    for c in channels:
        products = padded[c, :KH, :KW] * kernel[f, c]
        terms = " + ".join(f"{ctx.term(v)}×{ctx.term(k)}"
                           for v, k in zip(padded[c, :KH, :KW].ravel(), kernel[f, c].ravel()))
        blocks += [
            Row([Matrix(f"input[{c}]", padded[c], highlight=window,
                        label=t("ch.window", c=c) if padding == 0 else t("ch.window.padded", c=c)),
                 Matrix(f"kernel[{f}][{c}]", kernel[f, c], label=t("ch.kernel", f=f, c=c))]),
            Equation(t("ch.partial", c=c, terms=terms, value=ctx.n(products.sum()))),
        ]
    blocks += _more(ctx, C - len(channels))
    partials = " + ".join(ctx.term(parts[f, c, 0, 0]) for c in range(C))
    blocks += [
        Equation(t("ch.cell", f=f, partials=partials, bias=ctx.term(b[f]), value=ctx.n(output[f, 0, 0]))),
        Text(t("ch.maps", f=f)),
        Row([Matrix(f"part[{f}][{c}]", parts[f, c], heat=True, label=t("ch.part", c=c)) for c in channels]
            + [Matrix(f"output[{f}]", output[f], heat=True, highlight=[(0, 0)], label=t("ch.output", f=f))]),
    ]
    return Step(t("ch.filter.title", f=f), blocks)
