"""Hidden cases of the "rnn" exercise: rnn_step and rnn_forward."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, normal

from nncli.maths import rnn


def _step_no_bias(x_t, s_prev, W_in, W_s, b):
    return rnn.rnn_step(x_t, s_prev, W_in, W_s, np.zeros_like(b))


def _step_ws_transposed(x_t, s_prev, W_in, W_s, b):
    return rnn.rnn_step(x_t, s_prev, W_in, np.asarray(W_s).T, b)


def _step_no_tanh(x_t, s_prev, W_in, W_s, b):
    return np.asarray(x_t) @ W_in + np.asarray(s_prev) @ W_s + b


def _forward_no_bias(x, s0, W_in, W_s, b):
    return rnn.rnn_forward(x, s0, W_in, W_s, np.zeros_like(b))


def _forward_ws_transposed(x, s0, W_in, W_s, b):
    return rnn.rnn_forward(x, s0, W_in, np.asarray(W_s).T, b)


def _forward_shifted(x, s0, W_in, W_s, b):
    """states[:, t] = S_{t−1}: s0 stored first, the last state lost."""
    states = rnn.rnn_forward(x, s0, W_in, W_s, b)
    return np.concatenate([np.asarray(s0)[:, None], states[:, :-1]], axis=1)


def _forward_not_carried(x, s0, W_in, W_s, b):
    x = np.asarray(x)
    return np.stack([rnn.rnn_step(x[:, t], s0, W_in, W_s, b) for t in range(x.shape[1])], axis=1)


STEP = [Mistake("recurrent_weights_transposed", _step_ws_transposed),
        Mistake("missing_bias", _step_no_bias),
        Mistake("rnn_no_activation", _step_no_tanh)]
FORWARD = [Mistake("recurrent_weights_transposed", _forward_ws_transposed),
           Mistake("rnn_states_shifted", _forward_shifted),
           Mistake("state_not_carried", _forward_not_carried),
           Mistake("missing_bias", _forward_no_bias)]


def _weights(rng, D, H, scale=0.6):
    return normal(rng, D, H, scale=scale), normal(rng, H, H, scale=scale), normal(rng, H, scale=0.3)


def _step_cases(rng):
    name, expected = "rnn_step", rnn.rnn_step
    cases = [
        Case(name, "edge: one number each, N=1 D=1 H=1",
             (np.array([[0.5]]), np.array([[-1.0]]), np.array([[2.0]]), np.array([[0.5]]),
              np.array([0.1])), expected, mistakes=STEP),
        Case(name, "edge: D≠H, N=2 D=3 H=2", (normal(rng, 2, 3), normal(rng, 2, 2),
                                             *_weights(rng, 3, 2)), expected, mistakes=STEP),
        Case(name, "edge: large inputs saturate tanh, N=2 D=2 H=3",
             (normal(rng, 2, 2, scale=100.0), normal(rng, 2, 3), *_weights(rng, 2, 3)),
             expected, mistakes=STEP),
    ]
    for i in range(1, 4):
        N, D, H = (int(n) for n in rng.integers(1, 6, size=3))
        H = max(H, 2)
        cases.append(Case(name, f"random {i}: {dims(N=N, D=D, H=H)}",
                          (normal(rng, N, D), normal(rng, N, H), *_weights(rng, D, H)),
                          expected, mistakes=STEP))
    return cases


def _forward_cases(rng):
    name, expected = "rnn_forward", rnn.rnn_forward

    def case(label, N, T, D, H):
        return Case(name, f"{label}: {dims(N=N, T=T, D=D, H=H)}",
                    (normal(rng, N, T, D), normal(rng, N, H, scale=0.5), *_weights(rng, D, H)),
                    expected, mistakes=FORWARD)

    cases = [
        case("edge: a single time step", 2, 1, 3, 2),
        case("edge: batch of 1", 1, 4, 2, 3),
        case("edge: one input feature", 3, 5, 1, 2),
    ]
    for i in range(1, 4):
        N, D = (int(n) for n in rng.integers(1, 4, size=2))
        T, H = int(rng.integers(2, 7)), int(rng.integers(2, 5))
        cases.append(case(f"random {i}", N, T, D, H))
    return cases


def cases(rng):
    return _step_cases(rng) + _forward_cases(rng)
