"""The ways one recurrent chain is used (one to many, many to one, n to n, n to m), each on
a tiny numeric example, and the self-loop variant whose W_s is diagonal.

Convention as nncli.maths.rnn: row vectors, S_t = tanh(x_t·W_in + S_{t−1}·W_s + b); an
output y_t = S_t·W_out (one number per step) is read wherever the pattern reads one.
"""

import numpy as np

from nncli.maths.rnn import rnn_forward
from nncli.trace import Equation, Step, Table, Text

SHORT = 3  # time steps of each example


def run_chain(x, s0, W_in, W_s, b):
    """States (T, H) of one sequence x (T, D) from s0 (H,)."""
    return rnn_forward(np.asarray(x, dtype=np.float64)[None], np.asarray(s0)[None], W_in, W_s, b)[0]


def decode(state, steps, W_in_dec, W_s_dec, b_dec, W_out):
    """A decoder chain from the encoder's last state: step 0 reads 0 (start), each later
    step reads the previous output y. Returns (states (steps, H), outputs (steps,))."""
    s, y, states, outputs = state, 0.0, [], []
    for _ in range(steps):
        s = np.tanh(np.array([y]) @ W_in_dec + s @ W_s_dec + b_dec)
        y = float(s @ W_out[:, 0])
        states.append(s)
        outputs.append(y)
    return np.array(states), np.array(outputs)


def shape_examples(x, W_in, W_s, b, s0, extra):
    """Every pattern's numbers. x: (T, D), the first SHORT rows are used; extra: W_out (H, 1),
    W_in_dec (1, H), W_s_dec (H, H), b_dec (H,). Returns name -> array."""
    x = np.asarray(x, dtype=np.float64)[:SHORT]
    W_out = extra["W_out"]
    one = np.zeros_like(x)
    one[0] = x[0]
    states_one = run_chain(one, s0, W_in, W_s, b)
    states = run_chain(x, s0, W_in, W_s, b)
    _, decoded = decode(states[-1], len(x) + 1, extra["W_in_dec"], extra["W_s_dec"], extra["b_dec"], W_out)
    diagonal = np.diag(np.diag(W_s))
    return {
        "one_to_many": (states_one @ W_out)[:, 0],
        "many_to_one": (states[-1:] @ W_out)[:, 0],
        "n_to_n": (states @ W_out)[:, 0],
        "n_to_m": decoded,
        "self_loop_states": run_chain(x, s0, W_in, diagonal, b),
    }


def shapes_steps(x, W_in, W_s, b, s0, extra, ctx):
    """Two steps: the four patterns with numbers, then the self-loop variant."""
    t = ctx.t
    x = np.asarray(x, dtype=np.float64)[:SHORT]
    n = len(x)
    ex = shape_examples(x, W_in, W_s, b, s0, extra)
    full = run_chain(x, s0, W_in, W_s, b)
    ys = lambda values: ", ".join(ctx.n(v) for v in values)
    rows = [
        [t("pattern.one_many"), t("shapes.in.one", x=ctx.vec(x[0])), ys(ex["one_to_many"])],
        [t("pattern.many_one"), t("shapes.in.all", n=n), ys(ex["many_to_one"])],
        [t("pattern.n_n"), t("shapes.in.all", n=n), ys(ex["n_to_n"])],
        [t("pattern.n_m"), t("shapes.in.all", n=n), ys(ex["n_to_m"])],
    ]
    H = W_s.shape[0]
    patterns = Step(t("shapes.title"), [
        Text(t("shapes.text", n=n)),
        Equation("y_t = S_t·W_out"),
        Table([t("pattern.col.name"), t("shapes.col.in"), t("shapes.col.out")], rows),
        Text(t("shapes.read", n=n, m=n + 1)),
    ])
    diff = float(np.max(np.abs(ex["self_loop_states"] - full)))
    loop = Step(t("loop.title"), [
        Text(t("loop.text", h=H)),
        Equation("S_t = tanh(x_t·W_in + S_{t−1} ⊙ w + b),   w = diag(W_s)"),
        Table([t("shapes.col.step"), t("loop.col.full"), t("loop.col.loop")],
              [[f"t={k}", ctx.vec(full[k]), ctx.vec(ex["self_loop_states"][k])] for k in range(n)]),
        Text(t("loop.compare", h=H, full=H * H, diff=ctx.n(diff))),
    ])
    return [patterns, loop], ex
