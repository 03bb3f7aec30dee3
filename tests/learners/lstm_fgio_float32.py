"""LSTM written from a textbook that packs the gates forget, candidate, input, output, and
keeps its tensors in float32 to save memory."""

import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_step(x_t, s_prev, c_prev, W, U, b):
    x_t, s_prev, c_prev = (np.asarray(a, dtype=np.float32) for a in (x_t, s_prev, c_prev))
    W, U, b = (np.asarray(a, dtype=np.float32) for a in (W, U, b))
    H = s_prev.shape[1]
    z = x_t @ W + s_prev @ U + b
    f = _sigmoid(z[:, :H])
    g = np.tanh(z[:, H:2 * H])
    i = _sigmoid(z[:, 2 * H:3 * H])
    o = _sigmoid(z[:, 3 * H:])
    c = f * c_prev + i * g
    s = o * np.tanh(c)
    return s, c


def lstm_forward(x, s0, c0, W, U, b):
    N, T, _ = x.shape
    H = s0.shape[1]
    states = np.zeros((N, T, H), dtype=np.float32)
    cells = np.zeros((N, T, H), dtype=np.float32)
    s, c = s0, c0
    for t in range(T):
        s, c = lstm_step(x[:, t, :], s, c, W, U, b)
        states[:, t, :] = s
        cells[:, t, :] = c
    return states, cells
