"""Trace builder for activation functions: ReLU, sigmoid, tanh (value and slope) and softmax."""

import numpy as np

from nncli.maths.activations import relu, relu_grad, sigmoid, sigmoid_grad, softmax, tanh, tanh_grad
from nncli.trace import Bars, Equation, Matrix, Plot, Step, Table, Text, Trace

TABLE_ROWS = 10        # values listed in a table before the rest is summarised
PLOT_X = np.linspace(-6.0, 6.0, 33)  # 33 samples: one per plot column
SATURATION_X = (0.0, 1.0, 2.0, 5.0, 10.0)
CHAIN_LAYERS = 10


def build_activation(x, ctx) -> Trace:
    """Explain ReLU, sigmoid, tanh and softmax on the values x.

    x: (N,) values. Outputs (each (N,)): relu, sigmoid, tanh and softmax (over the whole
    vector), and the slopes relu_grad, sigmoid_grad, tanh_grad, as nncli.maths.activations
    computes them (the conventions of torch.relu, torch.sigmoid, torch.tanh, torch.softmax).
    """
    t = ctx.t
    x = np.asarray(x, dtype=np.float64).ravel()
    values = {
        "relu": relu(x), "sigmoid": sigmoid(x), "tanh": tanh(x), "softmax": softmax(x),
        "relu_grad": relu_grad(x), "sigmoid_grad": sigmoid_grad(x), "tanh_grad": tanh_grad(x),
    }
    rows = range(len(x)) if ctx.all_steps else range(min(len(x), TABLE_ROWS))
    more = len(x) - len(rows)
    # the example value of the worked equations: the first positive one, else the first
    example = int(np.argmax(x > 0)) if np.any(x > 0) else 0

    def table(name, fx, grad, head, slope_head):
        blocks = [Table([t("col.x"), head, slope_head],
                        [[x[i], fx[i], grad[i]] for i in rows])]
        if more:
            blocks.append(Text(t("table.more", count=f"{more:,}")))
        return blocks

    def plot(name, f, g, head, slope_head):
        return Plot(PLOT_X, {head: f(PLOT_X), slope_head: g(PLOT_X)})

    xe = x[example]
    steps = [
        Step(t("setup.title"), [Text(t("setup.text")), Matrix("x", x)]),
        Step(t("relu.title"), [
            Text(t("relu.text")), Equation(t("relu.formula")),
            Equation(t("relu.example", x=ctx.n(xe), y=ctx.n(values["relu"][example]))),
            *table("relu", values["relu"], values["relu_grad"], "ReLU(x)", "ReLU′(x)"),
            Text(t("plot.note")), plot("relu", relu, relu_grad, "ReLU(x)", "ReLU′(x)"),
        ]),
        Step(t("sigmoid.title"), [
            Text(t("sigmoid.text")), Equation(t("sigmoid.formula")),
            Equation(t("sigmoid.example", x=ctx.n(xe), xt=ctx.term(xe), y=ctx.n(values["sigmoid"][example]),
                       e=ctx.n(np.exp(-xe)) if xe > -700 else "∞")),
            Equation(t("sigmoid.example.slope", x=ctx.n(xe), y=ctx.n(values["sigmoid"][example]),
                       g=ctx.n(values["sigmoid_grad"][example]))),
            *table("sigmoid", values["sigmoid"], values["sigmoid_grad"], "σ(x)", "σ′(x)"),
            plot("sigmoid", sigmoid, sigmoid_grad, "σ(x)", "σ′(x)"),
        ]),
        Step(t("tanh.title"), [
            Text(t("tanh.text")), Equation(t("tanh.formula")),
            Equation(t("tanh.example", x=ctx.n(xe), y=ctx.n(values["tanh"][example]),
                       yt=ctx.term(values["tanh"][example]),
                       g=ctx.n(values["tanh_grad"][example]))),
            *table("tanh", values["tanh"], values["tanh_grad"], "tanh(x)", "tanh′(x)"),
            plot("tanh", tanh, tanh_grad, "tanh(x)", "tanh′(x)"),
        ]),
        _saturation_step(x, ctx),
        Step(t("why.title"), [Text(t("why.text"))]),
        _softmax_step(x, values["softmax"], rows, more, ctx),
    ]
    return Trace("activation", {"n": int(len(x))}, {"x": x}, steps, values, title=t("title", n=len(x)))


def _saturation_step(x, ctx) -> Step:
    t = ctx.t
    probe = np.array(SATURATION_X)
    big = float(x[int(np.argmax(np.abs(x)))])  # the learner's value farthest from 0, sign kept
    rows = [[v, relu_grad(v), sigmoid_grad(v), tanh_grad(v)] for v in probe]
    return Step(t("sat.title"), [
        Text(t("sat.text")),
        Table([t("col.x"), t("col.slope_relu"), t("col.slope_sigmoid"), t("col.slope_tanh")], rows),
        Text(t("sat.largest" if big > 0 else "sat.largest.not_positive", x=ctx.n(big),
               sg=ctx.n(sigmoid_grad(big)), tg=ctx.n(tanh_grad(big)), rg=ctx.n(relu_grad(big)))),
        Text(t("sat.chain", layers=CHAIN_LAYERS, product=ctx.n(0.25 ** CHAIN_LAYERS))),
    ])


def _softmax_step(x, p, rows, more, ctx) -> Step:
    t = ctx.t
    m = float(np.max(x))
    e = np.exp(x - m)
    shown = [ctx.n(e[i]) for i in rows] + (["…"] if more else [])
    blocks = [
        Text(t("softmax.text")),
        Equation(t("softmax.formula", m=ctx.n(m))),
        Equation(t("softmax.sum", terms=" + ".join(shown), total=ctx.n(e.sum()))),
        Table([t("col.x"), t("col.shifted"), t("col.exp"), t("col.p")],
              [[x[i], x[i] - m, e[i], p[i]] for i in rows]),
    ]
    if more:
        blocks.append(Text(t("table.more", count=f"{more:,}")))
    blocks.append(Bars([f"x = {ctx.n(x[i])}" for i in rows], p[list(rows)], 0.0, 1.0,
                       title=t("bars.title")))
    return Step(t("softmax.title"), blocks)
