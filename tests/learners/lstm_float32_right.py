"""A right LSTM whose arrays are float32 throughout."""

import numpy as np


def sig(v):
    return 1 / (1 + np.exp(-v))


def lstm_step(x_t, s_prev, c_prev, W, U, b):
    x_t, s_prev, c_prev, W, U, b = [a.astype(np.float32) for a in (x_t, s_prev, c_prev, W, U, b)]
    i, f, g, o = np.split(x_t @ W + s_prev @ U + b, 4, axis=1)
    c_t = sig(f) * c_prev + sig(i) * np.tanh(g)
    return sig(o) * np.tanh(c_t), c_t


def lstm_forward(x, s0, c0, W, U, b):
    s, c, states, cells = s0, c0, [], []
    for t in range(x.shape[1]):
        s, c = lstm_step(x[:, t], s, c, W, U, b)
        states.append(s)
        cells.append(c)
    return np.stack(states, axis=1), np.stack(cells, axis=1)
