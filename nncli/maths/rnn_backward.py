"""Backpropagation through time for the tanh RNN of rnn.py, as PyTorch's autograd gives it.

Dimensions: N sequences, T steps, D inputs, H hidden units. With a_t = x_t·W_in +
S_{t−1}·W_s + b and S_t = tanh(a_t), the gradient reaching S_t is the loss's own (dstates[:, t])
plus what step t + 1 sends back; ∂L/∂a_t = that gradient ⊙ (1 − S_t²); the weights are shared
by every step, so their gradients are sums over the steps.
"""

import numpy as np

from nncli.maths.rnn import rnn_forward


def rnn_step_backward(ds, x_t, s_prev, s_t, W_in, W_s):
    """One step back. ds: (N, H) = ∂L/∂S_t, x_t: (N, D), s_prev: (N, H), s_t: (N, H) the
    step's output, W_in: (D, H), W_s: (H, H) -> (dx_t (N, D), ds_prev (N, H), dW_in (D, H),
    dW_s (H, H), db (H,))."""
    da = np.asarray(ds, dtype=np.float64) * (1.0 - np.asarray(s_t, dtype=np.float64) ** 2)
    x_t = np.asarray(x_t, dtype=np.float64)
    s_prev = np.asarray(s_prev, dtype=np.float64)
    return (da @ np.asarray(W_in, dtype=np.float64).T, da @ np.asarray(W_s, dtype=np.float64).T,
            x_t.T @ da, s_prev.T @ da, da.sum(axis=0))


def rnn_backward(dstates, x, s0, W_in, W_s, b):
    """The whole sequence back. dstates: (N, T, H) = ∂L/∂S_t for every t of
    rnn_forward(x, s0, W_in, W_s, b); x: (N, T, D), s0: (N, H) -> (dx (N, T, D), ds0 (N, H),
    dW_in (D, H), dW_s (H, H), db (H,))."""
    x = np.asarray(x, dtype=np.float64)
    s0 = np.asarray(s0, dtype=np.float64)
    dstates = np.asarray(dstates, dtype=np.float64)
    states = rnn_forward(x, s0, W_in, W_s, b)
    dx = np.zeros_like(x)
    dW_in = np.zeros(np.shape(W_in))
    dW_s = np.zeros(np.shape(W_s))
    db = np.zeros(np.shape(b))
    carried = np.zeros_like(s0)
    for t in reversed(range(x.shape[1])):
        s_prev = states[:, t - 1] if t > 0 else s0
        dx[:, t], carried, dWi, dWs, dbt = rnn_step_backward(
            dstates[:, t] + carried, x[:, t], s_prev, states[:, t], W_in, W_s)
        dW_in += dWi
        dW_s += dWs
        db += dbt
    return dx, carried, dW_in, dW_s, db
