"""Trace builder for a plain RNN: the chain unrolled through time, every pre-activation
written out, then backpropagation through time as one gradient norm per step."""

import numpy as np

from nncli import numfmt
from nncli.maths.rnn import bptt_grad_norms, rnn_forward, step_jacobians
from nncli.trace import Bars, Diagram, Equation, Matrix, Row, Step, Table, Text, Trace

FULL_DETAIL_STEPS = 6  # up to this many time steps, every one is shown in full
FIRST_STEPS = 3        # above it: this many, a summary, and the last one
MAX_UNITS = 6          # hidden units written out entry by entry (more: the first few)
FIRST_UNITS = 3
MAX_TERMS = 6          # products written out in one sum (more: first ones, …, last)
MAX_BARS = 24          # gradient bars drawn (more: the last NEAR_BARS steps)
NEAR_BARS = 20
MAX_COLS = 6           # columns of a matrix that fit 80 terminal columns with 3 decimals


def sub(name, t):
    """'S_3', 'S_−1': a symbol with a time index (true minus sign)."""
    return f"{name}_{t}" if t >= 0 else f"{name}_\u2212{-t}"


def products(ctx, left, right):
    """'0.5×0.3 + (−1)×0.2' (long sums keep their first and last products around '…')."""
    pairs = [f"{ctx.term(a)}×{ctx.term(b)}" for a, b in zip(left, right)]
    if len(pairs) > MAX_TERMS:
        pairs = pairs[:MAX_TERMS - 2] + ["…", pairs[-1]]
    return " + ".join(pairs)


def narrow(ctx, name, array, label=None, **kw):
    """A Matrix of at most MAX_COLS columns (the first ones, said in the label), so 3-decimal
    numbers are never cut short in an 80-column terminal; --json keeps every value."""
    array = np.asarray(array)
    label = label or name
    if array.ndim >= 1 and array.shape[-1] > MAX_COLS:
        label = ctx.t("first.cols", label=label, k=MAX_COLS, n=array.shape[-1])
        array = array[..., :MAX_COLS]
        kw["highlight"] = [i for i in kw.get("highlight", ()) if i[-1] < MAX_COLS]
    return Matrix(name, array, label=label, **kw)


def small(ctx, x):
    """A norm as text, in scientific notation when it would round to 0 at this precision."""
    return ctx.n(x) if x == 0 or abs(x) >= 10 ** -ctx.precision else f"{x:.2e}".replace("-", numfmt.MINUS)


def time_labels(T):
    return [f"t={t}" for t in range(T)]


def shown_units(H):
    return range(H) if H <= MAX_UNITS else range(FIRST_UNITS)


def norm_bars(ctx, norms, title, all_bars):
    """Bars of ‖∂S_{T−1}/∂S_t‖ (or another per-step norm), bounded to the last steps, plus
    a note on those not drawn."""
    T = len(norms)
    start = 0 if all_bars or T <= MAX_BARS else T - NEAR_BARS
    hi = float(np.max(norms)) or 1.0
    blocks = [Bars([f"t={t}" for t in range(start, T)], norms[start:], lo=0.0, hi=hi, title=title)]
    if start:
        blocks.append(Text(ctx.t("bptt.not_drawn", last=start - 1, most=ctx.n(np.max(norms[:start])))))
    return blocks


def check_step(state, reference, magnitude, terms):
    """Assert that one step worked out here equals the reference step within rounding.

    Both start from the same previous state, so the only difference is the order of
    summation: at most `terms`·ε·Σ|products| per pre-activation, and tanh does not
    enlarge it. (Comparing whole runs would not work: a chaotic chain amplifies a
    rounding difference of 1e-16 to any size after enough steps.)
    """
    eps = np.finfo(np.float64).eps
    tolerance = 2 * eps * (terms * magnitude + 1)
    assert np.all(np.abs(state - reference) <= tolerance), "a worked step differs from rnn_forward"


def build_rnn(x, W_in, W_s, b, s0, ctx, long_x=None, shapes=None) -> Trace:
    """Explain S_t = tanh(x_t·W_in + S_{t−1}·W_s + b) over one sequence, then BPTT.

    x: (T, D), W_in: (D, H), W_s: (H, H), b: (H,), s0: (H,) the state before the first step.
    long_x: optional (T′, D) longer input (T′ > T) run with the same weights to show the
    fade over more steps. shapes: optional dict of W_out (H, 1), W_in_dec (1, H),
    W_s_dec (H, H), b_dec (H,) to work the four patterns and the self-loop variant on numbers
    (nncli.builders.rnn_shapes; its outputs are added). Outputs: states (T, H), row t = S_t, equal to
    rnn_forward(x[None], s0[None], …)[0]; grad_norms (T,), entry t = ‖∂S_{T−1}/∂S_t‖_F.
    """
    t_ = ctx.t
    x, W_in, W_s, b, s0 = (np.asarray(a, dtype=np.float64) for a in (x, W_in, W_s, b, s0))
    T, D = x.shape
    H = W_s.shape[0]
    per_step = D * H + H * H + H

    steps = [Step(t_("setup.title"), [
        Text(t_("setup.text", prev="S_{t−1}")),
        Equation("S_t = tanh(x_t·W_in + S_{t−1}·W_s + b)"),
        Text(t_("setup.rows", d=D, h=H)),
        Row([narrow(ctx, "x", x, label=t_("setup.x"), row_labels=time_labels(T)),
             narrow(ctx, "W_in", W_in), narrow(ctx, "W_s", W_s), narrow(ctx, "b", b),
             narrow(ctx, "s0", s0, label=t_("setup.s0"))]),
        Text(t_("setup.columns", d=D, h=H, prev="S_{t−1}")),
    ])]

    steps.append(Step(t_("unroll.title"), [
        Text(t_("unroll.text")),
        Diagram(chain_picture(T)),
        Text(t_("unroll.shared", d=D, h=H)),
        Equation(f"D·H + H·H + H = {D}×{H} + {H}×{H} + {H} = {per_step}"),
        Text(t_("unroll.separate", t=T, each=per_step, total=T * per_step)),
    ]))

    reference = rnn_forward(x[None], s0[None], W_in, W_s, b)[0]
    states = np.full((T, H), np.nan)  # filled step by step: nan marks "not computed yet"
    s = s0
    limit = T if T <= FULL_DETAIL_STEPS else FIRST_STEPS
    for t in range(T):
        from_input, from_memory = x[t] @ W_in, s @ W_s
        pre = from_input + from_memory + b
        check_step(np.tanh(pre), reference[t], np.abs(x[t]) @ np.abs(W_in)
                   + np.abs(s) @ np.abs(W_s) + np.abs(b), terms=D + H + 1)
        states[t] = reference[t]
        if ctx.shown(t, limit) or t == T - 1:
            if t == T - 1 and t >= limit and not ctx.all_steps:
                steps.append(ctx.skipped_step(t_("more.title"), T - 1 - limit))
            steps.append(time_step(ctx, t, x[t], s, W_in, W_s, b, from_input, from_memory, pre,
                                   states))
        s = states[t]

    steps.append(Step(t_("states.title"), [
        Text(t_("states.text", t=T, h=H)),
        narrow(ctx, "states", states, heat=True, label=t_("states.label"),
               row_labels=time_labels(T)),
    ]))

    norms = bptt_grad_norms(x, s0, W_in, W_s, b)
    if T >= 2:
        steps.append(jacobian_step(ctx, states, W_s, norms))
    steps.append(bptt_step(ctx, norms, W_s, H, T))
    if long_x is not None and len(long_x) > T:
        long_norms = bptt_grad_norms(long_x, s0, W_in, W_s, b)
        steps.append(long_step(ctx, long_norms, H))
    steps.append(patterns_step(ctx, shown=shapes is not None))
    inputs = {"x": x, "W_in": W_in, "W_s": W_s, "b": b, "s0": s0}
    outputs = {"states": states, "grad_norms": norms}
    if shapes is not None:
        from nncli.builders.rnn_shapes import shapes_steps

        more, examples = shapes_steps(x, W_in, W_s, b, s0, shapes, ctx)
        steps += more
        inputs.update(shapes)
        outputs.update(examples)
    return Trace("rnn", {"steps": T, "hidden": H, "features": D}, inputs, steps, outputs,
                 title=t_("title", t=T, d=D, h=H))


def time_step(ctx, t, x_t, s_prev, W_in, W_s, b, from_input, from_memory, pre, states):
    t_ = ctx.t
    prev, cur = sub("S", t - 1), sub("S", t)
    H = len(b)
    blocks = [
        Text(t_("step.text", t=t, x=ctx.vec(x_t), prev=prev, s=ctx.vec(s_prev))),
        Text(t_("step.entry", prev=prev)),
    ]
    units = shown_units(H)
    for j in units:
        blocks.append(Equation(f"a[{j}] = ({products(ctx, x_t, W_in[:, j])})"))
        blocks.append(Equation(f"     + ({products(ctx, s_prev, W_s[:, j])}) + {ctx.term(b[j])}"))
        blocks.append(Equation(
            f"     = {ctx.n(from_input[j])} + {ctx.term(from_memory[j])} + {ctx.term(b[j])}"
            f" = {ctx.n(pre[j])}    {cur}[{j}] = tanh({ctx.n(pre[j])}) = {ctx.n(states[t, j])}"))
    if len(units) < H:
        blocks.append(Text(t_("step.more_units", shown=len(units), h=H)))
    blocks += [
        Equation(f"{cur} = tanh({ctx.vec(pre)}) = {ctx.vec(states[t])}"),
        narrow(ctx, "states", states.copy(), highlight=[(t, j) for j in range(H)],
               label=t_("states.label"), row_labels=time_labels(len(states))),
    ]
    return Step(t_("step.title", t=t), blocks)


def chain_picture(T):
    """The unrolled chain as text: each x_t drops into its S_t through W_in, and each state
    passes to the next through W_s. Long chains show the first three cells, '…', the last."""
    cells = list(range(T)) if T <= 5 else [0, 1, 2, None, T - 1]
    chain, columns = "S_\u22121", []
    for t in cells:
        if t is None:
            chain += " ···"
            continue
        chain += " ──W_s──▶ "
        columns.append((len(chain), t))
        chain += f"S_{t}"
    rows = ["", "", ""]
    for column, t in columns:
        for r, text in enumerate((f"x_{t}", "│ W_in", "▼")):
            rows[r] = rows[r].ljust(column) + text
    return rows + [chain]


def jacobian_step(ctx, states, W_s, norms):
    t_ = ctx.t
    T, H = states.shape
    last = states[T - 1]
    jac = step_jacobians(states, W_s)[T - 2]
    return Step(t_("jac.title"), [
        Text(t_("jac.text", last=sub("S", T - 1), prev=sub("S", T - 2))),
        Equation(f"∂{sub('S', T - 1)}/∂{sub('S', T - 2)} = diag(1 − {sub('S', T - 1)}²)·W_sᵀ"),
        Row([narrow(ctx, "1 − S²", 1 - last ** 2, label=f"1 − {sub('S', T - 1)}²"),
             narrow(ctx, "W_s^T", W_s.T, label="W_sᵀ"),
             narrow(ctx, "jacobian", jac, label=f"∂{sub('S', T - 1)}/∂{sub('S', T - 2)}")]),
        Text(t_("jac.entry", j=0, k=0 if H == 1 else 1,
                value=ctx.n(jac[0, 0 if H == 1 else 1]))),
        Text(t_("jac.norm", norm=ctx.n(norms[T - 2]), t=T - 2)),
    ])


def bptt_step(ctx, norms, W_s, H, T):
    t_ = ctx.t
    sigma = float(np.linalg.norm(W_s, 2))
    blocks = [
        Text(t_("bptt.text", last=sub("S", T - 1))),
        Equation(f"∂{sub('S', T - 1)}/∂S_t = J_{T - 1}·J_{T - 2}·…·J_(t+1),"
                 f"   J_k = diag(1 − S_k²)·W_sᵀ"),
    ]
    blocks += norm_bars(ctx, norms, t_("bptt.bars", last=sub("S", T - 1)), ctx.all_steps)
    blocks.append(Text(t_("bptt.last", h=H, root=ctx.n(np.sqrt(H)))))
    if T >= 2:
        key = {"fade": "bptt.fade", "kept": "bptt.fade_mild", "grow": "bptt.grow"}[trend(norms[0], norms[-1])]
        blocks.append(Text(t_(key, back=T - 1, first=small(ctx, norms[0]), last=ctx.n(norms[-1]),
                              ratio=ctx.n(norms[0] / norms[-1]),
                              percent=numfmt.num(100 * norms[0] / norms[-1], 1))))
    blocks.append(Text(t_("bptt.bound", sigma=ctx.n(sigma))))
    return Step(t_("bptt.title"), blocks)


FADED = 0.1  # a norm below this fraction of where it started counts as faded


def trend(first, start) -> str:
    """'fade', 'kept' or 'grow': how a gradient norm `first` far back compares with the
    norm `start` where it set out."""
    if first < FADED * start:
        return "fade"
    return "kept" if first <= start else "grow"


def long_step(ctx, norms, H):
    t_ = ctx.t
    T = len(norms)
    root = float(np.sqrt(H))
    ten = T - 1 - 10
    blocks = [Text(t_("long.text", t=T))]
    blocks += norm_bars(ctx, norms, t_("bptt.bars", last=sub("S", T - 1)), ctx.all_steps)
    blocks.append(Text(t_("long." + trend(norms[0], root), first=small(ctx, norms[0]),
                          root=ctx.n(root), percent=numfmt.num(100 * norms[0] / root, 1),
                          ratio=ctx.n(norms[0] / root))))
    blocks.append(Text(t_("long.ten." + trend(norms[ten], root), value=small(ctx, norms[ten]),
                          t=ten, percent=numfmt.num(100 * norms[ten] / root, 1),
                          ratio=ctx.n(norms[ten] / root))))
    blocks.append(Text(t_("long.lstm")))
    return Step(t_("long.title", t=T), blocks)


def patterns_step(ctx, shown=False):
    t_ = ctx.t
    rows = [[t_(f"pattern.{k}"), t_(f"pattern.{k}.shape"), t_(f"pattern.{k}.example")]
            for k in ("one_many", "many_one", "n_n", "n_m")]
    return Step(t_("pattern.title"), [
        Text(t_("pattern.text")),
        Table([t_("pattern.col.name"), t_("pattern.col.shape"), t_("pattern.col.example")], rows),
        Text(t_("pattern.this")),
        Text(t_("pattern.below" if shown else "pattern.flag")),
    ])
