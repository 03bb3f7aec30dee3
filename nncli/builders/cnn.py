"""Trace builder for a whole small CNN on one image: one or more conv → ReLU → max pool
stages, then flatten → fully connected → softmax."""

import numpy as np

from nncli.maths.activations import relu, softmax
from nncli.maths.conv import conv2d, output_size, receptive_field, seen_indices
from nncli.maths.neuron import dense
from nncli.maths.pool import max_pool2d
from nncli.trace import Bars, Diagram, Equation, Matrix, Row, Step, Table, Text, Trace

POOL = 2
SHOWN_TERMS = 8    # terms of a logit written out
SHOWN_CLASSES = 4  # logits written out term by term
SHOWN_MAPS = 4     # feature maps drawn per stage (--all-steps: every one)
DEFAULT_IMAGE = np.array([
    [0, 0, 1, 1, 0, 0],
    [0, 0, 1, 1, 0, 0],
    [0, 0, 1, 1, 0, 0],
    [1, 1, 1, 1, 1, 1],
    [0, 0, 1, 1, 0, 0],
    [0, 0, 1, 1, 0, 0],
], dtype=np.float64)
DEFAULT_KERNELS = np.array([
    [[1, 0, -1], [1, 0, -1], [1, 0, -1]],   # vertical edges
    [[1, 1, 1], [0, 0, 0], [-1, -1, -1]],   # horizontal edges
], dtype=np.float64)


def fc_parameters(n_in: int, classes: int, seed: int):
    """The fully connected layer: W (n_in, classes) normal with standard deviation
    1/√n_in (so the logits stay of order 1 for any input size) and b (classes,) normal with
    standard deviation 0.1, both rounded to 2 decimals so they stay readable."""
    rng = np.random.default_rng(seed)
    W = np.round(rng.normal(0, 1 / np.sqrt(n_in), (n_in, classes)), 2)
    return W, np.round(rng.normal(0, 0.1, classes), 2)


def later_kernels(F: int, K: int, stages: int, seed: int) -> list:
    """The kernels of stages 2, 3, …: each (F, F, K, K), small integers in [−1, 1] drawn
    from the seed, so every output map mixes all F maps of the stage before."""
    rng = np.random.default_rng(seed + 100)
    return [rng.integers(-1, 2, size=(F, F, K, K)).astype(np.float64) for _ in range(stages - 1)]


def stage_padding(K: int, stage: int) -> int:
    """Stage 1 has no padding; later stages pad by ⌊(K − 1)/2⌋ so small maps keep their size."""
    return 0 if stage == 0 else (K - 1) // 2


def stage_sizes(H: int, W: int, K: int, stages: int) -> list:
    """[(conv rows, conv cols, pooled rows, pooled cols)] for each stage."""
    sizes = []
    for stage in range(stages):
        p = stage_padding(K, stage)
        ch, cw = output_size(H, K, p), output_size(W, K, p)
        H, W = output_size(ch, POOL, 0, POOL), output_size(cw, POOL, 0, POOL)
        sizes.append((ch, cw, H, W))
    return sizes


def forward(image, kernels, W, b, later=()):
    """The network's stages. image: (H, W), kernels: (F, K, K), W: (F·H″·W″, C), b: (C,);
    later: kernels (F, F, K, K) of the stages after the first.

    conv: (F, H′, W′) = conv2d without bias, stride 1, no padding (cross-correlation, as
    torch.nn.functional.conv2d); relu: same shape; pool: (F, H″, W″), 2×2 max pool, stride 2.
    Stage s ≥ 2 adds conv{s}, relu{s}, pool{s}: conv2d of the previous pool with padding
    ⌊(K − 1)/2⌋, ReLU, max pool. flat: the last pool, (F·H″·W″,) in C-order (as
    torch.flatten); logits: (C,); probs: softmax(logits).
    """
    conv = conv2d(image[None, None], kernels[:, None], None)[0]
    rect = relu(conv)
    pool = max_pool2d(rect[None], POOL)[0]
    out = {"conv": conv, "relu": rect, "pool": pool}
    for stage, w in enumerate(later, start=2):
        conv = conv2d(pool[None], w, None, 1, stage_padding(w.shape[-1], stage - 1))[0]
        rect = relu(conv)
        pool = max_pool2d(rect[None], POOL)[0]
        out.update({f"conv{stage}": conv, f"relu{stage}": rect, f"pool{stage}": pool})
    flat = pool.reshape(-1)
    logits = dense(flat[None], W, b)[0]
    out.update({"flat": flat, "logits": logits, "probs": softmax(logits)})
    return out


def build_cnn(image, ctx, kernels=None, classes=3, seed=0, stages=1) -> Trace:
    """Explain the forward pass of `stages` × (conv → ReLU → max pool), then flatten →
    dense → softmax.

    image: (H, W); kernels: (F, K, K) of stage 1 (default: a vertical- and a
    horizontal-edge kernel); later stages' kernels come from `later_kernels`, the dense
    layer's from `fc_parameters(F·H″·W″, classes, seed)`. Outputs as in `forward`.
    """
    t = ctx.t
    image = np.asarray(image, dtype=np.float64)
    default_kernels = kernels is None
    kernels = DEFAULT_KERNELS if default_kernels else np.asarray(kernels, dtype=np.float64)
    H, Wd = image.shape
    F, K = kernels.shape[0], kernels.shape[1]
    sizes = stage_sizes(H, Wd, K, stages)
    OH, OW, PH, PW = sizes[0]
    n = F * sizes[-1][2] * sizes[-1][3]
    later = later_kernels(F, K, stages, seed)
    W, b = fc_parameters(n, classes, seed)
    s = forward(image, kernels, W, b, later)
    shape = lambda a: "×".join(str(d) for d in a.shape)
    maps = range(F) if ctx.all_steps else range(min(F, SHOWN_MAPS))
    per_map = lambda name, a: Row([Matrix(f"{name}[{f}]", a[f], heat=True) for f in maps])

    diagram = [t("net.diagram.conv", h=H, w=Wd, f=F, k=K, oh=OH, ow=OW),
               t("net.diagram.pool", p=POOL, f=F, ph=PH, pw=PW)]
    for ch, cw, ph, pw in sizes[1:]:
        diagram += [t("net.diagram.conv_more", f=F, k=K, oh=ch, ow=cw),
                    t("net.diagram.pool", p=POOL, f=F, ph=ph, pw=pw)]
    diagram += [t("net.diagram.flat", n=n), t("net.diagram.fc", n=n, c=classes)]
    steps = [Step(t("net.title"), [Text(t("net.text")), Diagram(diagram)])]
    steps.append(Step(t("input.title"), [
        Text(t("input.text", h=H, w=Wd, k=K)),
        Row([Matrix("input", image, heat=True, label=t("matrix.input"))]
            + [Matrix(f"kernel {f}", kernels[f], label=t("matrix.kernel", f=f)) for f in maps]),
    ] + ([Text(t("input.default_kernels"))] if default_kernels else [])))

    window = image[:K, :K]
    terms = " + ".join(f"{ctx.term(v)}×{ctx.term(k)}" for v, k in zip(window.ravel(), kernels[0].ravel()))
    steps.append(Step(t("conv.title", f=F, oh=OH, ow=OW), [
        Text(t("conv.text", h=H, k=K, oh=OH, ow=OW)), per_map("conv", s["conv"]),
        Equation(t("conv.example", f=0, terms=terms, value=ctx.n(s["conv"][0, 0, 0]))),
    ]))
    zeroed = int(np.sum(s["conv"] < 0))
    steps.append(Step(t("relu.title", shape=shape(s["relu"])), [
        Text(t("relu.text", zeroed=f"{zeroed:,}", total=f"{s['conv'].size:,}")), per_map("relu", s["relu"])]))
    # the worked window: the one with the largest pooled value (the first such, row-major)
    pf, pi, pj = np.unravel_index(int(np.argmax(s["pool"])), s["pool"].shape)
    window = s["relu"][pf, pi * POOL:(pi + 1) * POOL, pj * POOL:(pj + 1) * POOL].ravel()
    steps.append(Step(t("pool.title", p=POOL, shape=shape(s["pool"])), [
        Text(t("pool.text", p=POOL, h=OH, oh=PH, ow=PW)), per_map("pool", s["pool"]),
        Equation(t("pool.example", f=pf, i=pi, j=pj, values=", ".join(ctx.n(v) for v in window),
                   value=ctx.n(s["pool"][pf, pi, pj]))),
    ]))
    for stage in range(2, stages + 1):
        steps.append(_later_stage_step(stage, s, later[stage - 2], K, per_map, ctx))
    last = s["pool"] if stages == 1 else s[f"pool{stages}"]
    lh, lw = last.shape[1:]
    steps.append(Step(t("flat.title", shape=shape(last), n=n), [
        Text(t("flat.text", end0=lh * lw - 1)), Matrix("flat", s["flat"])]))
    steps.append(_fc_step(s["flat"], W, b, s["logits"], ctx))
    labels = [t("class", k=c) for c in range(classes)]
    best = int(np.argmax(s["probs"]))
    steps.append(Step(t("softmax.title"), [
        Text(t("softmax.text", c=classes, best=ctx.n(s["probs"][best]), k=best)),
        Bars(labels, s["probs"], 0.0, 1.0, title=t("softmax.bars")),
    ]))
    steps.append(_params_step(H, Wd, F, K, n, classes, stages, ctx))
    steps.append(_receptive_step(image, K, sizes, ctx))
    params = {"kernel": K, "kernels": F, "pool": POOL, "classes": classes, "seed": seed}
    inputs = {"input": image, "kernels": kernels, "fc_W": W, "fc_b": b}
    if stages > 1:
        params["stages"] = stages
        inputs.update({f"kernels{stage}": w for stage, w in enumerate(later, start=2)})
    return Trace("cnn", params, inputs, steps, s,
                 title=t("title", h=H, w=Wd, f=F, k=K, p=POOL, c=classes))


def _later_stage_step(stage, s, kernels, K, per_map, ctx) -> Step:
    """Stage 2, 3, …: conv over all F maps of the stage before, ReLU, max pool."""
    t = ctx.t
    conv, rect, pool = s[f"conv{stage}"], s[f"relu{stage}"], s[f"pool{stage}"]
    F = kernels.shape[0]
    p = stage_padding(K, stage - 1)
    before = s["pool"] if stage == 2 else s[f"pool{stage - 1}"]
    window = np.pad(before, ((0, 0), (p, p), (p, p)))[:, :K, :K]
    partial = [float(np.sum(window[c] * kernels[0, c])) for c in range(F)]
    return Step(t("stage.title", stage=stage, shape=shape_text(pool)), [
        Text(t("stage.text", stage=stage, f=F, k=K, p=p, before=shape_text(before),
               conv=shape_text(conv), pool=shape_text(pool))),
        Equation(t("stage.example", stage=stage, terms=" + ".join(ctx.n(v) for v in partial),
                   value=ctx.n(conv[0, 0, 0]))),
        per_map(f"conv{stage}", conv), per_map(f"relu{stage}", rect), per_map(f"pool{stage}", pool),
    ])


def shape_text(a) -> str:
    return "×".join(str(d) for d in np.shape(a))


def _fc_step(flat, W, b, logits, ctx) -> Step:
    t = ctx.t
    n, C = W.shape
    blocks = [Text(t("fc.text", n=n, c=C)),
              Row([Matrix("W", W), Matrix("b", b), Matrix("logits", logits)])]
    shown_classes = C if ctx.all_steps else min(C, SHOWN_CLASSES)
    shown_terms = n if ctx.all_steps else min(n, SHOWN_TERMS)
    for c in range(shown_classes):
        terms = [f"{ctx.term(flat[i])}×{ctx.term(W[i, c])}" for i in range(shown_terms)]
        if shown_terms < n:
            terms.append(t("fc.more", count=n - shown_terms))
        terms.append(ctx.term(b[c]))
        blocks.append(Equation(t("fc.class", c=c, terms=" + ".join(terms), value=ctx.n(logits[c]))))
    if shown_classes < C:
        blocks.append(Text(t("fc.more_classes", count=C - shown_classes)))
    return Step(t("fc.title", n=n, c=C), blocks)


def _params_step(H, Wd, F, K, n, classes, stages, ctx) -> Step:
    t = ctx.t
    hw = H * Wd
    rows = [[t("params.conv", f=F, k=K), f"{F * K * K:,}", f"{F:,}"]]
    for stage in range(2, stages + 1):
        rows.append([t("params.conv_more", stage=stage, f=F, k=K), f"{F * F * K * K:,}", "0"])
    rows += [
        [t("params.fc", n=n, c=classes), f"{n * classes:,}", f"{classes:,}"],
        [t("params.dense", hw=hw), f"{hw * hw:,}", f"{hw:,}"],
    ]
    return Step(t("params.title"), [
        Text(t("params.text", h=H, w=Wd, hw=hw, dense=f"{hw * hw:,}", k=K, kk=K * K)),
        Table([t("params.col.layer"), t("params.col.weights"), t("params.col.biases")], rows),
    ])


def stage_layers(K: int, stages: int) -> list:
    """[(name key, kernel, stride, padding)] of the conv and pool layers, in order."""
    layers = []
    for stage in range(stages):
        layers += [("rf.conv", K, 1, stage_padding(K, stage)), ("rf.pool", POOL, POOL, 0)]
    return layers


def seen_cells(layers, cell, shape) -> list:
    """The image cells (row, column) that cell (i, j) after `layers` reads, padding left out.
    layers: [(kernel, stride, padding)]; shape: the image's (H, W)."""
    rows = [r for r in seen_indices(cell[0], layers) if 0 <= r < shape[0]]
    cols = [c for c in seen_indices(cell[1], layers) if 0 <= c < shape[1]]
    return [(r, c) for r in rows for c in cols]


def _receptive_step(image, K, sizes, ctx) -> Step:
    t = ctx.t
    layers = stage_layers(K, len(sizes))
    rows, pictures = [], []
    for index, (key, kernel, stride, _) in enumerate(layers):
        stage = index // 2 + 1
        field = receptive_field([l[1] for l in layers[:index + 1]], [l[2] for l in layers[:index + 1]])
        name = t(key) + (t("rf.stage", stage=stage) if len(sizes) > 1 else "")
        rows.append([name, f"{kernel}×{kernel}", str(stride), f"{field}×{field}"])
        height, width = sizes[stage - 1][2 * (index % 2):2 * (index % 2) + 2]
        cell = ((height - 1) // 2, (width - 1) // 2)
        seen = seen_cells([l[1:] for l in layers[:index + 1]], cell, image.shape)
        pictures.append(Matrix("input", image, highlight=seen,
                               label=t("rf.picture.label", name=name, i=cell[0], j=cell[1])))
    more = receptive_field([l[1] for l in layers] + [K], [l[2] for l in layers] + [1])
    rows.append([t("rf.conv2", k=K), f"{K}×{K}", "1", f"{more}×{more}"])
    rows.append([t("rf.fc"), "—", "—", t("rf.all")])
    blocks = [
        Text(t("rf.text", k=K)),
        Table([t("rf.col.stage"), t("rf.col.kernel"), t("rf.col.stride"), t("rf.col.field")], rows),
        Text(t("rf.picture")),
        Row(pictures),
    ]
    if len(sizes) == 1:
        blocks.append(Text(t("rf.stages")))
    return Step(t("rf.title"), blocks)
