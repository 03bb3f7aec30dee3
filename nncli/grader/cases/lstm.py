"""Hidden cases of the "lstm" exercise: lstm_step and lstm_forward."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, normal
from nncli.grader.transforms import declare, gate_orders, outputs_swapped, zeroed

from nncli.maths import lstm
from nncli.maths import activations as _act
sigmoid, tanh = _act.sigmoid, _act.tanh


def _wrong_step(g_through=tanh, state_tanh=True):
    """An LSTM step that squashes g with `g_through`, and maybe skips tanh(c_t)."""

    def step(x_t, s_prev, c_prev, W, U, b):
        a = np.asarray(x_t) @ W + np.asarray(s_prev) @ U + b
        i, f, g, o = np.split(a, 4, axis=-1)
        i, f, o, g = sigmoid(i), sigmoid(f), sigmoid(o), g_through(g)
        c_t = f * c_prev + i * g
        return (o * tanh(c_t) if state_tanh else o * c_t), c_t

    return step


def _forward_with(step, carried=True):
    def forward(x, s0, c0, W, U, b):
        x = np.asarray(x)
        s, c = s0, c0
        states, cells = [], []
        for t in range(x.shape[1]):
            if carried:
                s, c = step(x[:, t], s, c, W, U, b)
                states.append(s), cells.append(c)
            else:
                s_t, c_t = step(x[:, t], s0, c0, W, U, b)
                states.append(s_t), cells.append(c_t)
        return np.stack(states, axis=1), np.stack(cells, axis=1)

    return forward


# the same transformations of the reference for a step and for a whole sequence: W, U and b
# hold the four gates' column blocks, in PyTorch's order i, f, g, o
_TRANSFORMS = [*gate_orders("W", "U", "b"), zeroed("b"), outputs_swapped("lstm_outputs_swapped")]
_WRONG_STEPS = (
    ("lstm_sigmoid_on_g", _wrong_step(g_through=sigmoid)),
    ("lstm_state_without_tanh", _wrong_step(state_tanh=False)),
)
STEP = declare("lstm", "lstm_step", lstm.lstm_step, _TRANSFORMS) + [
    Mistake(key, fn) for key, fn in _WRONG_STEPS]
FORWARD = declare("lstm", "lstm_forward", lstm.lstm_forward, _TRANSFORMS) + [
    Mistake(key, _forward_with(fn)) for key, fn in _WRONG_STEPS] + [
    Mistake("state_not_carried", _forward_with(lstm.lstm_step, carried=False))]


def _weights(rng, D, H):
    return normal(rng, D, 4 * H, scale=0.8), normal(rng, H, 4 * H, scale=0.8), normal(rng, 4 * H)


def _step_cases(rng):
    name, expected = "lstm_step", lstm.lstm_step

    def case(label, N, D, H, zero_state=False):
        s, c = (np.zeros((N, H)), np.zeros((N, H))) if zero_state else (
            normal(rng, N, H, scale=0.5), normal(rng, N, H))
        shown = dims(N=N, D=D, H=H) + (", zero state and cell" if zero_state else "")
        return Case(name, f"{label}: {shown}", (normal(rng, N, D), s, c, *_weights(rng, D, H)),
                    expected, mistakes=STEP)

    cases = [
        case("edge: one unit", 1, 1, 1),
        case("edge: D≠H", 2, 3, 2, zero_state=True),
        case("edge: batch of 1", 1, 2, 3),
    ]
    for i in range(1, 4):
        N, D = (int(n) for n in rng.integers(1, 5, size=2))
        cases.append(case(f"random {i}", N, D, int(rng.integers(2, 5))))
    return cases


def _forward_cases(rng):
    name, expected = "lstm_forward", lstm.lstm_forward

    def case(label, N, T, D, H):
        return Case(name, f"{label}: {dims(N=N, T=T, D=D, H=H)}",
                    (normal(rng, N, T, D), normal(rng, N, H, scale=0.5), normal(rng, N, H),
                     *_weights(rng, D, H)), expected, mistakes=FORWARD)

    cases = [
        case("edge: a single time step", 2, 1, 3, 2),
        case("edge: batch of 1", 1, 5, 2, 3),
        case("edge: one unit", 2, 4, 1, 1),
    ]
    for i in range(1, 4):
        N, D = (int(n) for n in rng.integers(1, 4, size=2))
        T, H = int(rng.integers(2, 7)), int(rng.integers(2, 5))
        cases.append(case(f"random {i}", N, T, D, H))
    return cases


def cases(rng):
    return _step_cases(rng) + _forward_cases(rng)
