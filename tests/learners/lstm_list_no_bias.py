"""An LSTM step that hands its two results back in a list, and a sequence loop that forgot
the bias (written before the bias was added to the notes)."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm_step(x_t, s_prev, c_prev, W, U, b):
    H = s_prev.shape[-1]
    gates = x_t @ W + s_prev @ U + b
    i = sigmoid(gates[:, 0:H])
    f = sigmoid(gates[:, H:2 * H])
    g = np.tanh(gates[:, 2 * H:3 * H])
    o = sigmoid(gates[:, 3 * H:4 * H])
    c_t = f * c_prev + i * g
    s_t = o * np.tanh(c_t)
    return [s_t, c_t]


def lstm_forward(x, s0, c0, W, U, b):
    N, T, D = x.shape
    H = s0.shape[1]
    states = np.zeros((N, T, H))
    cells = np.zeros((N, T, H))
    s, c = s0.copy(), c0.copy()
    for t in range(T):
        a = x[:, t] @ W + s @ U
        i, f, g, o = (a[:, k * H:(k + 1) * H] for k in range(4))
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        s = sigmoid(o) * np.tanh(c)
        states[:, t] = s
        cells[:, t] = c
    return states, cells
