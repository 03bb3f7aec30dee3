"""Reference solution of the "bptt" exercise: one step back through a tanh RNN, then the whole
sequence."""

import numpy as np


def rnn_step(x_t, s_prev, W_in, W_s, b):
    """Given: the "rnn" exercise's step."""
    return np.tanh(np.asarray(x_t, dtype=np.float64) @ W_in
                   + np.asarray(s_prev, dtype=np.float64) @ W_s + b)


def rnn_forward(x, s0, W_in, W_s, b):
    """Given: the "rnn" exercise's network."""
    x = np.asarray(x, dtype=np.float64)
    s = np.asarray(s0, dtype=np.float64)
    states = np.zeros((x.shape[0], x.shape[1], s.shape[1]))
    for t in range(x.shape[1]):
        s = rnn_step(x[:, t], s, W_in, W_s, b)
        states[:, t] = s
    return states


def rnn_step_backward(ds, x_t, s_prev, s_t, W_in, W_s):
    """ds (N, H) -> (dx_t, ds_prev, dW_in, dW_s, db); da = ds ⊙ (1 − s_t²) is the gradient
    before the tanh, shared by every term of the sum inside it."""
    da = np.asarray(ds, dtype=np.float64) * (1.0 - np.asarray(s_t, dtype=np.float64) ** 2)
    x_t = np.asarray(x_t, dtype=np.float64)
    s_prev = np.asarray(s_prev, dtype=np.float64)
    return da @ np.asarray(W_in).T, da @ np.asarray(W_s).T, x_t.T @ da, s_prev.T @ da, da.sum(axis=0)


def rnn_backward(dstates, x, s0, W_in, W_s, b):
    """dstates (N, T, H) -> (dx, ds0, dW_in, dW_s, db), walking from t = T − 1 down to 0."""
    x = np.asarray(x, dtype=np.float64)
    s0 = np.asarray(s0, dtype=np.float64)
    dstates = np.asarray(dstates, dtype=np.float64)
    states = rnn_forward(x, s0, W_in, W_s, b)
    dx = np.zeros_like(x)
    dW_in = np.zeros(np.shape(W_in))
    dW_s = np.zeros(np.shape(W_s))
    db = np.zeros(np.shape(b))
    carried = np.zeros_like(s0)              # what step t + 1 sends back to S_t
    for t in range(x.shape[1] - 1, -1, -1):
        s_prev = states[:, t - 1] if t > 0 else s0
        dx[:, t], carried, dWi, dWs, dbt = rnn_step_backward(
            dstates[:, t] + carried, x[:, t], s_prev, states[:, t], W_in, W_s)
        dW_in += dWi
        dW_s += dWs
        db += dbt
    return dx, carried, dW_in, dW_s, db
