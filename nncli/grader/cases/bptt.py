"""Hidden cases of the "bptt" exercise: rnn_step_backward and rnn_backward."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, normal

from nncli.maths import rnn_backward as back
from nncli.maths import rnn


def _no_tanh_derivative(ds, x_t, s_prev, s_t, W_in, W_s):
    """The gradient passed through tanh as it is, without the factor 1 − s_t²."""
    return back.rnn_step_backward(ds, x_t, s_prev, np.zeros_like(s_t), W_in, W_s)


def _tanh_of_state(ds, x_t, s_prev, s_t, W_in, W_s):
    """1 − tanh(s_t)² used, as if s_t were the sum before the tanh."""
    return back.rnn_step_backward(ds, x_t, s_prev, np.tanh(s_t), W_in, W_s)


def _recurrent_transposed(ds, x_t, s_prev, s_t, W_in, W_s):
    dx, ds_prev, dW_in, dW_s, db = back.rnn_step_backward(ds, x_t, s_prev, s_t, W_in, W_s)
    return dx, ds_prev, dW_in, dW_s.T, db


def _step(label, rng, N, D, H):
    x_t, s_prev = normal(rng, N, D), normal(rng, N, H, scale=0.5)
    W_in, W_s, b = normal(rng, D, H, scale=0.5), normal(rng, H, H, scale=0.5), normal(rng, H)
    s_t = np.tanh(x_t @ W_in + s_prev @ W_s + b)    # an input: nncli.maths stays unloaded
    mistakes = [Mistake("bptt_no_tanh_derivative", _no_tanh_derivative),
                Mistake("bptt_tanh_of_state", _tanh_of_state)]
    if H > 1:
        mistakes.append(Mistake("bptt_recurrent_grad_transposed", _recurrent_transposed))
    return Case("rnn_step_backward", f"{label}: {dims(N=N, D=D, H=H)}",
                (normal(rng, N, H), x_t, s_prev, s_t, W_in, W_s), back.rnn_step_backward,
                mistakes=mistakes)


def _walk(carry: bool, accumulate: bool):
    """rnn_backward with one of its two sums left out: `carry` False sends each step only the
    loss's own gradient (never what the next step sends back); `accumulate` False keeps the
    weight gradients of the last step computed (t = 0) instead of their sum over the steps."""

    def wrong(dstates, x, s0, W_in, W_s, b):
        x = np.asarray(x, dtype=np.float64)
        s0 = np.asarray(s0, dtype=np.float64)
        states = rnn.rnn_forward(x, s0, W_in, W_s, b)
        dx = np.zeros_like(x)
        sums = [np.zeros(np.shape(W_in)), np.zeros(np.shape(W_s)), np.zeros(np.shape(b))]
        carried = np.zeros_like(s0)
        for t in range(x.shape[1] - 1, -1, -1):
            ds = dstates[:, t] + carried if carry else dstates[:, t]
            dx[:, t], carried, *grads = back.rnn_step_backward(
                ds, x[:, t], states[:, t - 1] if t else s0, states[:, t], W_in, W_s)
            sums = [a + g for a, g in zip(sums, grads)] if accumulate else grads
        return (dx, carried, *sums)

    return wrong


def _sequence(label, rng, N, T, D, H, dstates=None):
    x, s0 = normal(rng, N, T, D), normal(rng, N, H, scale=0.5)
    W_in, W_s, b = normal(rng, D, H, scale=0.5), normal(rng, H, H, scale=0.5), normal(rng, H)
    if dstates is None:
        dstates = normal(rng, N, T, H)
    mistakes = []
    if T > 1:
        mistakes += [Mistake("bptt_not_carried", _walk(carry=False, accumulate=True)),
                     Mistake("bptt_not_accumulated", _walk(carry=True, accumulate=False))]
    return Case("rnn_backward", f"{label}: {dims(N=N, T=T, D=D, H=H)}",
                (dstates, x, s0, W_in, W_s, b), back.rnn_backward, mistakes=mistakes)


def cases(rng):
    last_only = np.zeros((2, 5, 3))
    last_only[:, -1] = normal(rng, 2, 3)
    out = [_step("edge: one sequence", rng, 1, 3, 4),
           _step("edge: one hidden unit", rng, 3, 2, 1)]
    out += [_step(f"random {i}", rng, *(int(n) for n in rng.integers(2, 6, size=3)))
            for i in range(1, 4)]
    out += [_sequence("edge: one time step", rng, 2, 1, 3, 4),
            _sequence("edge: a loss on the last state only", rng, 2, 5, 2, 3, dstates=last_only),
            _sequence("edge: one sequence", rng, 1, 4, 2, 3)]
    out += [_sequence(f"random {i}", rng, *(int(n) for n in rng.integers(2, 6, size=4)))
            for i in range(1, 4)]
    return out
