"""Reference solution of the "lstm" exercise: gates in PyTorch order i, f, g, o."""

import numpy as np


def sigmoid(x):
    """Given in full: σ(x) = 1 / (1 + e^(−x)), computed without overflow. Any shape."""
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def split_gates(a):
    """Worked example (not graded): the four gate blocks of a packed pre-activation.

    a has 4H columns in PyTorch's order i, f, g, o, and block k is a[:, k·H:(k+1)·H]. The
    same slicing picks the gates out of x_t·W + s_{t−1}·U + b in lstm_step.

    Inputs:
    - a: (N, 4H)
    Returns a tuple (a_i, a_f, a_g, a_o):
    - each (N, H) float64
    """
    a = np.asarray(a, dtype=np.float64)
    H = a.shape[1] // 4
    return tuple(a[:, k * H:(k + 1) * H] for k in range(4))


def lstm_step(x_t, s_prev, c_prev, W, U, b):
    """x_t (N, D), s_prev (N, H), c_prev (N, H), W (D, 4H), U (H, 4H), b (4H,) -> (s_t, c_t).

    One matrix product per input gives all four gates' sums at once; the H-wide column
    blocks are then read in the order i, f, g, o.
    """
    x_t = np.asarray(x_t, dtype=np.float64)
    s_prev = np.asarray(s_prev, dtype=np.float64)
    c_prev = np.asarray(c_prev, dtype=np.float64)
    H = s_prev.shape[1]
    a = x_t @ W + s_prev @ U + b          # (N, 4H)
    i = sigmoid(a[:, 0:H])                # input gate
    f = sigmoid(a[:, H:2 * H])            # forget gate
    g = np.tanh(a[:, 2 * H:3 * H])        # candidate, in (−1, 1)
    o = sigmoid(a[:, 3 * H:4 * H])        # output gate
    c_t = f * c_prev + i * g
    s_t = o * np.tanh(c_t)
    return s_t, c_t


def lstm_forward(x, s0, c0, W, U, b):
    """x (N, T, D), s0 (N, H), c0 (N, H) -> (states, cells), each (N, T, H)."""
    x = np.asarray(x, dtype=np.float64)
    s = np.asarray(s0, dtype=np.float64)
    c = np.asarray(c0, dtype=np.float64)
    N, T, D = x.shape
    H = s.shape[1]
    states = np.zeros((N, T, H))
    cells = np.zeros((N, T, H))
    for t in range(T):
        s, c = lstm_step(x[:, t], s, c, W, U, b)
        states[:, t] = s
        cells[:, t] = c
    return states, cells
