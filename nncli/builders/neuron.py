"""Trace builder for one neuron (z = x·w + b, y = f(z)) and a layer of them (x @ W + b)."""

import numpy as np

from nncli.maths.activations import relu, sigmoid, tanh
from nncli.maths.neuron import dense, perceptron
from nncli.trace import Diagram, Equation, Matrix, Row, Step, Table, Text, Trace

ACTIVATIONS = {
    "relu": ("ReLU", relu),
    "sigmoid": ("σ", sigmoid),
    "tanh": ("tanh", tanh),
    "step": ("step", lambda z: (np.asarray(z, dtype=np.float64) > 0).astype(np.float64)),
}
SHOWN_TERMS = 8     # terms of a weighted sum written out before "… n more terms"
SHOWN_NEURONS = 4   # neurons of the layer written out term by term
DIAGRAM_INPUTS = 6  # inputs drawn in the neuron picture
SECOND_LAYER = 2    # neurons of the second layer in the "two layers are one" example
XOR = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


def layer_parameters(w, b, neurons: int, seed: int):
    """The layer shown after the neuron: W (D, M) whose column 0 is w, b (M,) whose entry 0
    is b; the other columns and biases are multiples of 0.5 in [−2, 2] drawn from the
    stream seed + 3 (the explain command draws random x, w and b from seed … seed + 2)."""
    rng = np.random.default_rng(seed + 3)
    D = len(w)
    W = np.column_stack([w, rng.integers(-4, 5, size=(D, neurons - 1)) / 2.0])
    bias = np.concatenate([[b], rng.integers(-2, 3, size=neurons - 1) / 2.0])
    W2 = rng.integers(-4, 5, size=(neurons, SECOND_LAYER)) / 2.0
    b2 = rng.integers(-2, 3, size=SECOND_LAYER) / 2.0
    return W, bias, W2, b2


def build_neuron(x, w, b, ctx, activation="relu", neurons=4, seed=0) -> Trace:
    """Explain one neuron, then a layer of `neurons` neurons with the same inputs.

    x: (D,) inputs, w: (D,) weights, b: scalar bias; activation: relu | sigmoid | tanh | step
    (step: the perceptron, 1 where z > 0 else 0). Outputs: z = x·w + b and y = f(z)
    (scalars); layer_z = x @ W + b_layer and layer_y = f(layer_z), each (M,), with W (D, M)
    from `layer_parameters` (row-vector convention, as torch.nn.Linear with W transposed).
    """
    t = ctx.t
    x = np.asarray(x, dtype=np.float64).ravel()
    w = np.asarray(w, dtype=np.float64).ravel()
    b = float(b)
    D = len(x)
    name, f = ACTIVATIONS[activation]
    z = float(dense(x[None, :], w[:, None], [b])[0, 0])
    y = float(perceptron(x[None, :], w, b)[0]) if activation == "step" else float(f(z))

    W, bias, W2, b2 = layer_parameters(w, b, neurons, seed)
    layer_z = dense(x[None, :], W, bias)[0]
    layer_y = f(layer_z)

    steps = [
        Step(t("setup.title"), [
            Text(t("setup.text")),
            Row([Matrix("x", x), Matrix("w", w), Matrix("b", np.float64(b))]),
            Diagram(_neuron_picture(x, w, b, name, ctx)),
        ]),
        Step(t("sum.title"), [Text(t("sum.text")), *_sum_equations(x, w, b, z, ctx)]),
        _activation_step(z, y, activation, ctx),
        _layer_step(x, W, bias, layer_z, layer_y, activation, ctx),
        _deep_step(x, W, bias, W2, b2, activation, ctx),
        _xor_step(ctx),
    ]
    return Trace(
        "neuron",
        {"activation": activation, "neurons": neurons, "seed": seed},
        {"x": x, "w": w, "b": np.float64(b), "layer_W": W, "layer_b": bias},
        steps,
        {"z": np.float64(z), "y": np.float64(y), "layer_z": layer_z, "layer_y": layer_y},
        title=t("title", d=D, act=name, m=neurons),
    )


JOINTS = {(False, False, True): "─", (False, True, False): "┐", (True, False, False): "┘",
          (True, True, False): "┤", (False, True, True): "┬", (True, False, True): "┴",
          (True, True, True): "┼", (False, False, False): "─"}


def _neuron_picture(x, w, b, name, ctx):
    """Inputs times weights on the left, joined into Σ + b, then f, then y."""
    shown = min(len(x), DIAGRAM_INPUTS)
    xs = [f"x{i} = {ctx.n(x[i])}" for i in range(shown)]
    ws = [f"w{i} = {ctx.n(w[i])}" for i in range(shown)]
    xw, ww = max(map(len, xs)), max(map(len, ws))
    middle = (shown - 1) // 2
    lines = []
    for i in range(shown):
        joint = JOINTS[(i > 0, i < shown - 1, i == middle)]
        tail = f"─► Σ + b ─► z ─► {name} ─► y" if i == middle else ""
        lines.append(f"{xs[i].ljust(xw)}  ×  {ws[i].ljust(ww)} ─{joint}{tail}")
    if len(x) > shown:
        lines.append(ctx.t("setup.more", count=len(x) - shown))
    return lines


def _sum_equations(x, w, b, z, ctx):
    D = len(x)
    shown = range(D) if ctx.all_steps or D <= SHOWN_TERMS else range(SHOWN_TERMS)
    more = D - len(shown)
    tail = [ctx.t("sum.more", count=more)] if more else []
    symbols = " + ".join([f"x{i}·w{i}" for i in shown] + tail + ["b"])
    factors = " + ".join([f"{ctx.term(x[i])}×{ctx.term(w[i])}" for i in shown] + tail + [ctx.term(b)])
    products = " + ".join([ctx.term(x[i] * w[i]) for i in shown] + tail + [ctx.term(b)])
    return [Equation(f"z = {symbols}"), Equation(f"  = {factors}"),
            Equation(f"  = {products} = {ctx.n(z)}")]


def _activation_step(z, y, activation, ctx) -> Step:
    t = ctx.t
    name = ACTIVATIONS[activation][0]
    if activation == "step":
        equation = t("act.step.eq.on" if z > 0 else "act.step.eq.off", z=ctx.n(z))
    else:
        equation = t(f"act.{activation}.eq", z=ctx.n(z), zt=ctx.term(z), y=ctx.n(y))
    rows = [[label, ACTIVATIONS[key][1](z)] for key, (label, _) in ACTIVATIONS.items()]
    return Step(t("act.title", act=name), [
        Text(t(f"act.{activation}")), Equation(equation),
        Text(t("act.compare")), Table([t("col.f"), t("col.y")], [[f"{r[0]}(z)", float(r[1])] for r in rows]),
    ])


def _layer_step(x, W, bias, layer_z, layer_y, activation, ctx) -> Step:
    t = ctx.t
    name = ACTIVATIONS[activation][0]
    D, M = W.shape
    blocks = [
        Text(t("layer.text")),
        Equation(t("layer.shapes", n=1, d=D, m=M, act=name)),
        Row([Matrix("x", x[None, :]), Matrix("W", W), Matrix("b", bias),
             Matrix("z", layer_z[None, :], label=t("layer.z")),
             Matrix("y", layer_y[None, :], heat=True, label=t("layer.y"))]),
    ]
    shown = M if ctx.all_steps or M <= SHOWN_NEURONS else SHOWN_NEURONS
    for k in range(shown):
        terms = [f"{ctx.term(x[i])}×{ctx.term(W[i, k])}" for i in range(min(D, SHOWN_TERMS))]
        if D > SHOWN_TERMS and not ctx.all_steps:
            terms.append(t("sum.more", count=D - SHOWN_TERMS))
        elif D > SHOWN_TERMS:
            terms += [f"{ctx.term(x[i])}×{ctx.term(W[i, k])}" for i in range(SHOWN_TERMS, D)]
        blocks.append(Equation(t("layer.neuron", k=k, terms=" + ".join(terms + [ctx.term(bias[k])]),
                                 z=ctx.n(layer_z[k]), y=ctx.n(layer_y[k]))))
    if M > shown:
        blocks.append(Text(t("layer.more", count=M - shown)))
    blocks.append(Text(t("layer.batch", d=D, m=M)))
    return Step(t("layer.title", m=M), blocks)


def _deep_step(x, W, bias, W2, b2, activation, ctx) -> Step:
    t = ctx.t
    name, f = ACTIVATIONS[activation]
    D, M = W.shape
    two = dense(dense(x[None, :], W, bias), W2, b2)[0]
    one = dense(x[None, :], W @ W2, bias @ W2 + b2)[0]
    bent = dense(f(dense(x[None, :], W, bias)), W2, b2)[0]
    return Step(t("deep.title"), [
        Text(t("deep.lift", d=D, m=M) if M > D else t("deep.squeeze", d=D, m=M, more=D + 1)),
        Text(t("deep.text")),
        Diagram([t("deep.diagram", d=D, m=M, k=SECOND_LAYER, act=name)]),
        Equation(t("deep.collapse")),
        Text(t("deep.numbers", m=M, k=SECOND_LAYER, two=ctx.vec(two), one=ctx.vec(one),
               act=name, bent=ctx.vec(bent))),
    ] + ([Text(t("deep.same", act=name))] if np.allclose(bent, two) else []))


def _xor_step(ctx) -> Step:
    t = ctx.t
    s = XOR.sum(axis=1, keepdims=True)
    h1 = perceptron(s, [1.0], -0.5)
    h2 = perceptron(s, [1.0], -1.5)
    y = perceptron(np.column_stack([h1, h2]), [1.0, -1.0], -0.5)
    rows = [[XOR[i, 0], XOR[i, 1], h1[i], h2[i], y[i]] for i in range(4)]
    return Step(t("xor.title"), [
        Text(t("xor.text")),
        Table([t("col.x1"), t("col.x2"), t("col.h1"), t("col.h2"), t("col.xor")], rows),
    ])
