"""Long short-term memory: gates, one step, a whole sequence.

Convention: row vectors, batch first, weights packed in column blocks in PyTorch's order
i, f, g, o:  a = x_t·W + s_{t−1}·U + b,  W: (D, 4H), U: (H, 4H), b: (4H,), with
W = weight_ih_l0.T, U = weight_hh_l0.T, b = bias_ih_l0 + bias_hh_l0 of torch.nn.LSTM.
  i = σ(a[:, 0:H])   f = σ(a[:, H:2H])   g = tanh(a[:, 2H:3H])   o = σ(a[:, 3H:4H])
  c_t = f⊙c_{t−1} + i⊙g,   s_t = o⊙tanh(c_t)
Dimensions: N sequences, T time steps, D input features, H hidden units.
"""

import numpy as np

from nncli.maths.activations import sigmoid, tanh


def lstm_gates(x_t, s_prev, W, U, b):
    """The four gates of one step.

    x_t: (N, D), s_prev: (N, H), W: (D, 4H), U: (H, 4H), b: (4H,) -> (i, f, g, o) each (N, H):
    input gate, forget gate, candidate (tanh), output gate.
    """
    a = (np.asarray(x_t, dtype=np.float64) @ np.asarray(W, dtype=np.float64)
         + np.asarray(s_prev, dtype=np.float64) @ np.asarray(U, dtype=np.float64)
         + np.asarray(b, dtype=np.float64))
    a_i, a_f, a_g, a_o = np.split(a, 4, axis=-1)
    return sigmoid(a_i), sigmoid(a_f), tanh(a_g), sigmoid(a_o)


def lstm_step(x_t, s_prev, c_prev, W, U, b):
    """One step: x_t (N, D), s_prev (N, H), c_prev (N, H) -> (s_t, c_t) each (N, H)."""
    i, f, g, o = lstm_gates(x_t, s_prev, W, U, b)
    c_t = f * np.asarray(c_prev, dtype=np.float64) + i * g
    return o * tanh(c_t), c_t


def lstm_forward(x, s0, c0, W, U, b):
    """A whole sequence with the same weights at every step.

    x: (N, T, D), s0: (N, H), c0: (N, H) -> (states, cells) each (N, T, H).
    """
    x = np.asarray(x, dtype=np.float64)
    s = np.asarray(s0, dtype=np.float64)
    c = np.asarray(c0, dtype=np.float64)
    N, T, _ = x.shape
    H = s.shape[-1]
    states, cells = np.zeros((N, T, H)), np.zeros((N, T, H))
    for t in range(T):
        s, c = lstm_step(x[:, t], s, c, W, U, b)
        states[:, t], cells[:, t] = s, c
    return states, cells
