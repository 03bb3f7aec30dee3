"""Trace builder for the CNN timeline: what each architecture changed, its parameters counted
layer by layer, and the arithmetic behind three of the changes: small stacked kernels (VGG),
1×1 convolutions that cut channels (GoogLeNet), and the skip connection (ResNet)."""

import numpy as np

from nncli.maths.cnn_models import MODELS, alexnet
from nncli.maths.conv import conv2d, corr2d, pad2d, receptive_field
from nncli.maths.layer_count import Conv, count, linear_share
from nncli.maths.residual import residual_branch, stack
from nncli.trace import Equation, Matrix, Row, Step, Table, Text, Trace

START = 1.0          # the number fed to the residual stack
HIDDEN = 2           # hidden units of each residual branch F
ROWS_SHOWN = 12      # blocks of the stack listed one by one


class Sizes:
    """The sizes of the 1×1 example: an H×H map with `channels` channels, cut to `reduce`
    channels by 1×1 before a 3×3 convolution to `filters` channels (padding keeps H×H)."""

    __slots__ = ("channels", "reduce", "filters", "size")

    def __init__(self, channels=192, reduce=96, filters=128, size=28):
        self.channels, self.reduce, self.filters, self.size = channels, reduce, filters, size


def random_blocks(seed, n):
    """n residual branches (w1 (HIDDEN,), b1 (HIDDEN,), w2 (HIDDEN,), b2) with one decimal:
    w1, w2 in [−0.5, 0.5], so |F′| ≤ 0.5, as small as in a freshly initialised network;
    b1 in [−0.2, 0.2] and b2 in [0.2, 0.5], so |F(x) − b2| ≤ x/2 + 0.2 and x + F(x) ≥ x/2:
    a residual block never turns a positive x into 0."""
    rng = np.random.default_rng(seed)
    tenths = lambda low, high, shape: rng.integers(low, high + 1, size=shape) / 10.0
    return [(tenths(-5, 5, HIDDEN), tenths(-2, 2, HIDDEN), tenths(-5, 5, HIDDEN), float(tenths(2, 5, ())))
            for _ in range(n)]


def random_kernels(seed):
    """Two 3×3 kernels of small integers (−1 … 1) with no zero row or column at the border,
    so their composition fills the whole 5×5."""
    rng = np.random.default_rng(seed)
    while True:
        k = rng.integers(-1, 2, size=(2, 3, 3)).astype(np.float64)
        edges = [k[:, 0], k[:, -1], k[:, :, 0], k[:, :, -1]]
        if all(np.any(e != 0, axis=1).all() for e in edges):
            return k


def stacked_kernel(k1, k2):
    """The one kernel equal to cross-correlating with k1, then with k2 (no activation between):
    c[w] = Σ_{u+v=w} k1[u]·k2[v], the full convolution of the two. (K, K) ×2 -> (2K−1, 2K−1)."""
    K = k2.shape[0]
    return corr2d(pad2d(k1, K - 1), k2[::-1, ::-1])


def build_architectures(sizes, n_blocks, seed, ctx) -> Trace:
    """Explain the timeline, the parameter counts (maths.cnn_models), the 3×3 stacks, the 1×1
    bottleneck for `sizes`, and a stack of `n_blocks` residual blocks drawn with `seed`."""
    models = [{"name": name, "year": year, "params": count(make()),
               "linear_share": linear_share(make())} for name, year, make in MODELS]
    k1, k2 = random_kernels(seed)
    blocks = random_blocks(seed, n_blocks)
    res, plain = stack(START, blocks, skip=True), stack(START, blocks, skip=False)
    steps = [_timeline(ctx), _counts(models, ctx), _alexnet(ctx), _small_kernels(k1, k2, sizes, ctx),
             _bottleneck(sizes, ctx), _residual_block(blocks[0], ctx), _residual_stack(res, plain, ctx)]
    outputs = {"models": [{k: m[k] for k in ("name", "year", "params")} for m in models],
               "stacked_kernel": stacked_kernel(k1, k2),
               "residual_gradient": res[2], "plain_gradient": plain[2]}
    return Trace("architectures", {"channels": sizes.channels, "reduce": sizes.reduce,
                                   "filters": sizes.filters, "size": sizes.size, "blocks": n_blocks},
                 {"kernel1": k1, "kernel2": k2, "start": START}, steps, outputs, title=ctx.t("title"))


def _timeline(ctx):
    t = ctx.t
    rows = [["1980", "Neocognitron", t("time.neocognitron")]]
    rows += [[str(year), name, t(f"time.{name}")] for name, year, _ in MODELS]
    return Step(t("time.title"), [Text(t("time.text")),
                                  Table([t("col.year"), t("col.model"), t("col.change")], rows)])


def _counts(models, ctx):
    t = ctx.t
    rows = [[m["name"], str(m["year"]), f"{m['params']:,}", f"{100 * m['linear_share']:.1f}%"]
            for m in models]
    most = max(models, key=lambda m: m["linear_share"])
    least = min(models, key=lambda m: m["linear_share"])
    biggest = max(models, key=lambda m: m["params"])
    return Step(t("count.title"), [
        Text(t("count.text")),
        Table([t("col.model"), t("col.year"), t("col.params"), t("col.fc")], rows),
        Text(t("count.shares", most=most["name"], most_share=f"{100 * most['linear_share']:.1f}%",
               least=least["name"], least_share=f"{100 * least['linear_share']:.1f}%",
               biggest=biggest["name"], params=f"{biggest['params']:,}")),
        Text(t("count.which")),
    ])


def _alexnet(ctx):
    t = ctx.t
    layers = alexnet()
    rows = [[l.name, l.shape(), f"{l.params:,}"] for l in layers]
    rows.append([t("col.total"), "", f"{count(layers):,}"])
    conv = layers[0]
    return Step(t("alexnet.title"), [
        Text(t("alexnet.text")),
        Equation(t("alexnet.conv", c_out=conv.c_out, c_in=conv.c_in, k=conv.k, weights=f"{conv.weights:,}",
                   params=f"{conv.params:,}")),
        Equation(t("alexnet.fc", n_in=f"{layers[5].n_in:,}", n_out=f"{layers[5].n_out:,}",
                   params=f"{layers[5].params:,}")),
        Table([t("col.layer"), t("col.shape"), t("col.params")], rows),
        Text(t("alexnet.share", share=f"{100 * linear_share(layers):.1f}%")),
    ])


def _small_kernels(k1, k2, sizes, ctx):
    t = ctx.t
    C = sizes.channels
    rows = []
    for n, big in ((2, 5), (3, 7)):
        small = [Conv("", C, C, 3)] * n
        rows.append([t("small.stack", n=n), f"{receptive_field([3] * n, [1] * n)}×{receptive_field([3] * n, [1] * n)}",
                     str(9 * n), f"{count(small):,}"])
        rows.append([t("small.one", k=big), f"{receptive_field([big], [1])}×{receptive_field([big], [1])}",
                     str(big * big), f"{Conv('', C, C, big).params:,}"])
    combined = stacked_kernel(k1, k2)
    impulse = np.zeros((9, 9))
    impulse[4, 4] = 1.0
    through = conv2d(conv2d(impulse[None, None], k1[None, None], padding=1), k2[None, None], padding=1)[0, 0]
    seen = [tuple(i) for i in np.argwhere(through != 0)]
    return Step(t("small.title"), [
        Text(t("small.text", C=C)),
        Table([t("col.layers"), t("col.field"), t("col.pair"), t("col.params_c", C=C)], rows),
        Text(t("small.compose")),
        Row([Matrix("k1", k1), Matrix("k2", k2), Matrix("k1 ⋆ k2", combined, label=t("small.combined"))]),
        Text(t("small.impulse")),
        Matrix("impulse", through, label=t("small.impulse_out"), highlight=seen),
        Text(t("small.limits")),
    ])


def _bottleneck(sz, ctx):
    t = ctx.t
    direct = Conv("", sz.channels, sz.filters, 3)
    cut, after = Conv("", sz.channels, sz.reduce, 1), Conv("", sz.reduce, sz.filters, 3)
    hw = sz.size * sz.size
    w0, w1 = direct.weights, cut.weights + after.weights
    m0, m1 = direct.macs(sz.size, sz.size), cut.macs(sz.size, sz.size) + after.macs(sz.size, sz.size)
    rows = [[t("bottle.direct", C=sz.channels, F=sz.filters), f"{w0:,}", f"{m0:,}"],
            [t("bottle.cut", C=sz.channels, R=sz.reduce), f"{cut.weights:,}", f"{cut.macs(sz.size, sz.size):,}"],
            [t("bottle.after", R=sz.reduce, F=sz.filters), f"{after.weights:,}", f"{after.macs(sz.size, sz.size):,}"],
            [t("bottle.both"), f"{w1:,}", f"{m1:,}"]]
    return Step(t("bottle.title"), [
        Text(t("bottle.text", H=sz.size, C=sz.channels, R=sz.reduce, F=sz.filters)),
        Equation(t("bottle.eq_direct", C=sz.channels, F=sz.filters, w=f"{w0:,}", hw=f"{hw:,}", m=f"{m0:,}")),
        Equation(t("bottle.eq_cut", C=sz.channels, R=sz.reduce, F=sz.filters,
                   w=f"{w1:,}", hw=f"{hw:,}", m=f"{m1:,}")),
        Table([t("col.path"), t("col.weights"), t("col.macs")], rows),
        Text(t("bottle.saves" if w1 < w0 else "bottle.costs", share=f"{100 * w1 / w0:.1f}%")),
        Text(t("bottle.dense")),
    ])


def _residual_block(params, ctx):
    t, n = ctx.t, ctx.n
    w1, b1, w2, b2 = params
    x = START
    f, df = residual_branch(x, *params)
    pre = x + f
    z = w1 * x + b1
    hidden = " + ".join(f"{ctx.term(a)}·relu({ctx.term(b)}·{n(x)} + {ctx.term(c)})" for a, b, c in zip(w2, w1, b1))
    slope = " + ".join(f"{ctx.term(a)}·{n(float(zz > 0))}·{ctx.term(b)}" for a, b, zz in zip(w2, w1, z))
    grad = float(pre > 0) * (1 + df)
    return Step(t("res.title"), [
        Text(t("res.text")),
        Equation(f"F(x) = {hidden} + {ctx.term(b2)} = {n(f)}"),
        Equation(f"y = relu(x + F(x)) = relu({n(x)} + {ctx.term(f)}) = {n(max(pre, 0.0))}"),
        Text(t("res.grad")),
        Equation(f"∂F/∂x = {slope} = {n(df)}"),
        Equation(f"∂y/∂x = relu′({n(pre)})·(1 + ∂F/∂x) = {n(float(pre > 0))}·(1 + {ctx.term(df)}) = {n(grad)}"),
        Text(t("res.skip", one=n(1.0))),
    ])


def _residual_stack(res, plain, ctx):
    t, n = ctx.t, ctx.n
    (xs, factors, grad), (pxs, pfactors, pgrad) = res, plain
    L = len(factors)
    rows = [[str(l + 1), n(xs[l]), n(factors[l]), n(pxs[l]), n(pfactors[l])]
            for l in range(L)][:ROWS_SHOWN if not ctx.all_steps else L]
    return Step(t("stack.title", L=L), [
        Text(t("stack.text", L=L, x=n(START))),
        Table([t("col.block"), t("col.x_res"), t("col.f_res"), t("col.x_plain"), t("col.f_plain")], rows),
        *([Text(ctx.cli_texts("skipped", count=f"{L - ROWS_SHOWN:,}"))] if L > ROWS_SHOWN and not ctx.all_steps else []),
        Equation(t("stack.products", res=_g(grad), plain=_g(pgrad))),
        Text(t(compare_key(grad, pgrad), ratio=_g(abs(grad) / abs(pgrad)) if pgrad else "")),
    ])


def _g(x) -> str:
    """A product of many slopes, readable however small: 3 significant digits (8.85e−12)."""
    return f"{x:.3g}".replace("-", "−")


def compare_key(res, plain) -> str:
    """Which sentence compares the two gradients: the plain one is 0 (a dead ReLU stopped
    it), smaller than the residual one, or not smaller."""
    if plain == 0:
        return "stack.plain_zero" if res != 0 else "stack.both_zero"
    return "stack.res_larger" if abs(res) > abs(plain) else "stack.plain_larger"
