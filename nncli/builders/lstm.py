"""Trace builder for an LSTM: each gate with its numbers, the cell update entry by entry,
and why the cell path lets gradients survive where a plain RNN's fade."""

import numpy as np

from nncli.builders.rnn import (FIRST_STEPS, FULL_DETAIL_STEPS, narrow, norm_bars, products,
                                shown_units, small, sub, time_labels)
from nncli.maths.activations import sigmoid, tanh
from nncli.maths.lstm import lstm_forward
from nncli.maths.rnn import bptt_grad_norms
from nncli.trace import Bars, Equation, Row, Step, Text, Trace

GATES = ("i", "f", "g", "o")  # PyTorch's order of the column blocks


def gate_blocks(W, U, b):
    """{gate: (W_k, U_k, b_k)}: the column blocks of the packed weights, order i, f, g, o."""
    H = U.shape[0]
    return {k: (W[:, n * H:(n + 1) * H], U[:, n * H:(n + 1) * H], b[n * H:(n + 1) * H])
            for n, k in enumerate(GATES)}


def cell_path_norms(forget):
    """‖∂c_{T−1}/∂c_t‖_F along the cell path with the gates held fixed, for t = 0 … T−1.

    forget: (T, H) forget gates. ∂c_k/∂c_{k−1} = diag(f_k), so the product from t+1 to T−1
    is diag(f_{t+1}⊙…⊙f_{T−1}), whose norm is that vector's length (√H for t = T−1).
    """
    T, H = forget.shape
    out = np.zeros(T)
    keep = np.ones(H)
    out[T - 1] = np.sqrt(H)
    for t in range(T - 2, -1, -1):
        keep = keep * forget[t + 1]
        out[t] = np.sqrt(np.sum(keep ** 2))
    return out


def run_gates(x, W, U, b, s0, c0):
    """Every gate at every step of one sequence: dict gate -> (T, H), plus states and cells."""
    states, cells = lstm_forward(x[None], s0[None], c0[None], W, U, b)
    states, cells = states[0], cells[0]
    prev = np.vstack([s0[None], states[:-1]])
    a = x @ W + prev @ U + b
    H = len(s0)
    pre = {k: a[:, n * H:(n + 1) * H] for n, k in enumerate(GATES)}
    gates = {k: (tanh(v) if k == "g" else sigmoid(v)) for k, v in pre.items()}
    return gates, pre, states, cells


def build_lstm(x, W, U, b, s0, c0, ctx, long_x=None, forget_bias=0.0) -> Trace:
    """Explain an LSTM over one sequence, gates in PyTorch order i, f, g, o.

    x: (T, D), W: (D, 4H), U: (H, 4H), b: (4H,), s0, c0: (H,). long_x: optional (T′, D)
    longer input run with the same weights for the gradient comparison. forget_bias: how
    much of b_f was added on purpose (only worded, already inside b). Outputs (each
    (T, H)): states, cells, input_gate, forget_gate, candidate, output_gate; states and
    cells equal lstm_forward(x[None], s0[None], c0[None], W, U, b) of nncli.maths.lstm.
    """
    t_ = ctx.t
    x, W, U, b, s0, c0 = (np.asarray(a, dtype=np.float64) for a in (x, W, U, b, s0, c0))
    T, D = x.shape
    H = U.shape[0]
    blocks = gate_blocks(W, U, b)
    gates, pre, states, cells = run_gates(x, W, U, b, s0, c0)

    setup = [
        Text(t_("setup.text", prev="s_{t−1}")),
        Equation(f"i = σ(x_t·W_i + s_{{t−1}}·U_i + b_i)     {t_('setup.eq.i')}"),
        Equation(f"f = σ(x_t·W_f + s_{{t−1}}·U_f + b_f)     {t_('setup.eq.f')}"),
        Equation(f"g = tanh(x_t·W_g + s_{{t−1}}·U_g + b_g)  {t_('setup.eq.g')}"),
        Equation(f"o = σ(x_t·W_o + s_{{t−1}}·U_o + b_o)     {t_('setup.eq.o')}"),
        Equation("c_t = f⊙c_{t−1} + i⊙g      s_t = o⊙tanh(c_t)"),
        Text(t_("setup.sigma")),
        narrow(ctx, "x", x, label=t_("setup.x"), row_labels=time_labels(T)),
        Text(t_("setup.packed", d=D, h=H, h4=4 * H)),
        Text(t_("setup.torch", h=H, d=D, h4=4 * H)),
    ]
    for n, k in enumerate(GATES):
        cols = f"{n * H}:{(n + 1) * H}"
        Wk, Uk, bk = blocks[k]
        setup.append(Row([narrow(ctx, f"W_{k}", Wk, label=f"W_{k} = W[:, {cols}]"),
                          narrow(ctx, f"U_{k}", Uk, label=f"U_{k} = U[:, {cols}]"),
                          narrow(ctx, f"b_{k}", bk, label=f"b_{k} = b[{cols}]")]))
    setup.append(Text(t_("setup.start", s0=ctx.vec(s0), c0=ctx.vec(c0))))
    if forget_bias:
        key = "setup.forget_bias" if forget_bias == 1 else "setup.forget_bias.other"
        setup.append(Text(t_(key, fb=ctx.n(forget_bias))))
    steps = [Step(t_("setup.title"), setup)]

    limit = T if T <= FULL_DETAIL_STEPS else FIRST_STEPS
    for t in range(T):
        if ctx.shown(t, limit) or t == T - 1:
            if t == T - 1 and t >= limit and not ctx.all_steps:
                steps.append(ctx.skipped_step(t_("more.title"), T - 1 - limit))
            s_prev = s0 if t == 0 else states[t - 1]
            c_prev = c0 if t == 0 else cells[t - 1]
            steps.append(time_step(ctx, t, x[t], s_prev, c_prev, blocks,
                                   {k: v[t] for k, v in pre.items()},
                                   {k: v[t] for k, v in gates.items()}, states[t], cells[t],
                                   first=(t == 0)))

    steps.append(Step(t_("result.title"), [
        Text(t_("result.text", t=T, h=H)),
        narrow(ctx, "states", states, heat=True, label=t_("result.states"), row_labels=time_labels(T)),
        narrow(ctx, "cells", cells, heat=True, label=t_("result.cells"), row_labels=time_labels(T)),
        narrow(ctx, "forget gate", gates["f"], heat=True, label=t_("result.forget"),
               row_labels=time_labels(T)),
    ]))
    steps.append(gradient_step(ctx, x if long_x is None or len(long_x) <= T else long_x,
                               W, U, b, s0, c0, blocks))

    return Trace(
        "lstm",
        {"steps": T, "hidden": H, "features": D, "forget_bias": forget_bias},
        {"x": x, "W": W, "U": U, "b": b, "s0": s0, "c0": c0},
        steps,
        {"states": states, "cells": cells, "input_gate": gates["i"], "forget_gate": gates["f"],
         "candidate": gates["g"], "output_gate": gates["o"]},
        title=t_("title", t=T, d=D, h=H),
    )


def time_step(ctx, t, x_t, s_prev, c_prev, blocks, pre, gate, s_t, c_t, first):
    t_ = ctx.t
    H = len(s_t)
    sp, cp = sub("s", t - 1), sub("c", t - 1)
    units = shown_units(H)
    out = [Text(t_("step.text", t=t, x=ctx.vec(x_t), sp=sp, s=ctx.vec(s_prev), cp=cp,
                   c=ctx.vec(c_prev)))]
    a = np.vstack([pre[k] for k in GATES])
    out.append(Text(t_("step.a", sp=sp)))
    out.append(narrow(ctx, "a", a, label=t_("step.a.label"), row_labels=list(GATES)))
    if first:
        out.append(Text(t_("step.a.entry", sp=sp)))
        for k in GATES:
            Wk, Uk, bk = blocks[k]
            out.append(Equation(f"a_{k}[0] = ({products(ctx, x_t, Wk[:, 0])})"))
            out.append(Equation(f"       + ({products(ctx, s_prev, Uk[:, 0])}) + {ctx.term(bk[0])}"
                                f" = {ctx.n(pre[k][0])}"))
    out.append(Equation(f"f = σ(a_f) = σ({ctx.vec(pre['f'])}) = {ctx.vec(gate['f'])}"))
    out.append(Equation(f"i = σ(a_i) = σ({ctx.vec(pre['i'])}) = {ctx.vec(gate['i'])}"))
    out.append(Equation(f"g = tanh(a_g) = tanh({ctx.vec(pre['g'])}) = {ctx.vec(gate['g'])}"))
    out.append(Equation(f"o = σ(a_o) = σ({ctx.vec(pre['o'])}) = {ctx.vec(gate['o'])}"))
    labels, values = [], []
    for k in ("f", "i", "o"):
        labels += [f"{k}[{j}]" for j in units]
        values += [gate[k][j] for j in units]
    out.append(Bars(labels, np.array(values), 0.0, 1.0, title=t_("step.bars")))
    if first:
        out.append(Text(t_("step.gates")))
    out.append(Text(t_("step.cell", t=t, cp=cp)))
    for j in units:
        out.append(Equation(
            f"c_{t}[{j}] = {ctx.n(gate['f'][j])}×{ctx.term(c_prev[j])} + "
            f"{ctx.n(gate['i'][j])}×{ctx.term(gate['g'][j])} = "
            f"{ctx.n(gate['f'][j] * c_prev[j])} + {ctx.term(gate['i'][j] * gate['g'][j])}"
            f" = {ctx.n(c_t[j])}"))
    out.append(Text(t_("step.state", t=t)))
    for j in units:
        out.append(Equation(
            f"s_{t}[{j}] = {ctx.n(gate['o'][j])}×tanh({ctx.n(c_t[j])}) = "
            f"{ctx.n(gate['o'][j])}×{ctx.term(np.tanh(c_t[j]))} = {ctx.n(s_t[j])}"))
    if len(units) < H:
        out.append(Text(t_("step.more_units", shown=len(units), h=H)))
    out.append(Equation(f"c_{t} = {ctx.vec(c_t)}"))
    out.append(Equation(f"s_{t} = {ctx.vec(s_t)}"))
    return Step(t_("step.title", t=t), out)


def gradient_step(ctx, x, W, U, b, s0, c0, blocks):
    """The cell path's gradient norms against a plain RNN made of the candidate's weights."""
    t_ = ctx.t
    T, H = len(x), len(s0)
    gates, _, _, _ = run_gates(x, W, U, b, s0, c0)
    cell = cell_path_norms(gates["f"])
    Wg, Ug, bg = blocks["g"]
    rnn = bptt_grad_norms(x, s0, Wg, Ug, bg)
    last = T - 1
    back = min(10, T - 1)
    out = [
        Text(t_("grad.text", prev="c_{t−1}")),
        Equation("∂c_t/∂c_{t−1} = diag(f_t)    ∂c_{T−1}/∂c_t = diag(f_{t+1}⊙f_{t+2}⊙…⊙f_{T−1})"),
        Text(t_("grad.compare", t=T)),
    ]
    out += norm_bars(ctx, cell, t_("grad.bars.cell", last=sub("c", last)), ctx.all_steps)
    out += norm_bars(ctx, rnn, t_("grad.bars.rnn", last=sub("S", last)), ctx.all_steps)
    out.append(Text(t_("grad.numbers", back=back, t=last - back, cell=small(ctx, cell[last - back]),
                       rnn=small(ctx, rnn[last - back]), root=ctx.n(np.sqrt(H)))))
    out.append(Text(t_("grad.why")))
    return Step(t_("grad.title"), out)
