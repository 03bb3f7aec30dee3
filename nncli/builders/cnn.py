"""Trace builder for a whole small CNN on one image: conv → ReLU → max pool → flatten →
fully connected → softmax."""

import numpy as np

from nncli.maths.activations import relu, softmax
from nncli.maths.conv import conv2d, output_size, receptive_field
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


def forward(image, kernels, W, b):
    """The network's stages. image: (H, W), kernels: (F, K, K), W: (F·H″·W″, C), b: (C,).

    conv: (F, H′, W′) = conv2d without bias, stride 1, no padding (cross-correlation, as
    torch.nn.functional.conv2d); relu: same shape; pool: (F, H″, W″), 2×2 max pool, stride 2;
    flat: (F·H″·W″,) in C-order (as torch.flatten); logits: (C,); probs: softmax(logits).
    """
    conv = conv2d(image[None, None], kernels[:, None], None)[0]
    rect = relu(conv)
    pool = max_pool2d(rect[None], POOL)[0]
    flat = pool.reshape(-1)
    logits = dense(flat[None], W, b)[0]
    return {"conv": conv, "relu": rect, "pool": pool, "flat": flat, "logits": logits,
            "probs": softmax(logits)}


def build_cnn(image, ctx, kernels=None, classes=3, seed=0) -> Trace:
    """Explain the forward pass of conv → ReLU → max pool → flatten → dense → softmax.

    image: (H, W); kernels: (F, K, K) (default: a vertical- and a horizontal-edge kernel);
    the dense layer's weights come from `fc_parameters(F·H″·W″, classes, seed)`.
    Outputs: conv, relu, pool, flat, logits, probs (shapes as in `forward`).
    """
    t = ctx.t
    image = np.asarray(image, dtype=np.float64)
    default_kernels = kernels is None
    kernels = DEFAULT_KERNELS if default_kernels else np.asarray(kernels, dtype=np.float64)
    H, Wd = image.shape
    F, K = kernels.shape[0], kernels.shape[1]
    OH, OW = output_size(H, K), output_size(Wd, K)
    PH, PW = output_size(OH, POOL, 0, POOL), output_size(OW, POOL, 0, POOL)
    n = F * PH * PW
    W, b = fc_parameters(n, classes, seed)
    s = forward(image, kernels, W, b)
    shape = lambda a: "×".join(str(d) for d in a.shape)
    maps = range(F) if ctx.all_steps else range(min(F, SHOWN_MAPS))
    per_map = lambda name, a: Row([Matrix(f"{name}[{f}]", a[f], heat=True) for f in maps])

    steps = [Step(t("net.title"), [Text(t("net.text")), Diagram([
        t("net.diagram.conv", h=H, w=Wd, f=F, k=K, oh=OH, ow=OW),
        t("net.diagram.pool", p=POOL, f=F, ph=PH, pw=PW, n=n),
        t("net.diagram.fc", n=n, c=classes),
    ])])]
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
    steps.append(Step(t("flat.title", shape=shape(s["pool"]), n=n), [
        Text(t("flat.text", end0=PH * PW - 1)), Matrix("flat", s["flat"])]))
    steps.append(_fc_step(s["flat"], W, b, s["logits"], ctx))
    labels = [t("class", k=c) for c in range(classes)]
    best = int(np.argmax(s["probs"]))
    steps.append(Step(t("softmax.title"), [
        Text(t("softmax.text", c=classes, best=ctx.n(s["probs"][best]), k=best)),
        Bars(labels, s["probs"], 0.0, 1.0, title=t("softmax.bars")),
    ]))
    steps.append(_params_step(H, Wd, F, K, n, classes, ctx))
    steps.append(_receptive_step(K, ctx))
    return Trace(
        "cnn",
        {"kernel": K, "kernels": F, "pool": POOL, "classes": classes, "seed": seed},
        {"input": image, "kernels": kernels, "fc_W": W, "fc_b": b},
        steps, s,
        title=t("title", h=H, w=Wd, f=F, k=K, p=POOL, c=classes),
    )


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


def _params_step(H, Wd, F, K, n, classes, ctx) -> Step:
    t = ctx.t
    hw = H * Wd
    rows = [
        [t("params.conv", f=F, k=K), f"{F * K * K:,}", f"{F:,}"],
        [t("params.fc", n=n, c=classes), f"{n * classes:,}", f"{classes:,}"],
        [t("params.dense", hw=hw), f"{hw * hw:,}", f"{hw:,}"],
    ]
    return Step(t("params.title"), [
        Text(t("params.text", h=H, w=Wd, hw=hw, dense=f"{hw * hw:,}", k=K, kk=K * K)),
        Table([t("params.col.layer"), t("params.col.weights"), t("params.col.biases")], rows),
    ])


def _receptive_step(K, ctx) -> Step:
    t = ctx.t
    stages = [(t("rf.conv"), K, 1), (t("rf.pool"), POOL, POOL), (t("rf.conv2", k=K), K, 1)]
    rows = []
    for index, (name, kernel, stride) in enumerate(stages):
        field = receptive_field([s[1] for s in stages[:index + 1]], [s[2] for s in stages[:index + 1]])
        rows.append([name, f"{kernel}×{kernel}", str(stride), f"{field}×{field}"])
    rows.append([t("rf.fc"), "—", "—", t("rf.all")])
    return Step(t("rf.title"), [
        Text(t("rf.text", k=K)),
        Table([t("rf.col.stage"), t("rf.col.kernel"), t("rf.col.stride"), t("rf.col.field")], rows),
    ])
