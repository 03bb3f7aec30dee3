"""Exercise "lstm": long short-term memory, one step and then a whole sequence.

Task: write lstm_step and lstm_forward. An LSTM carries two things from step to step: the
cell c, a memory changed only by gated additions, and the state s, what the cell shows to
the outside. Per step, with a = x_t·W + s_{t−1}·U + b split into four H-wide column blocks:

    i = σ(a[:, 0:H])      input gate: how much of the candidate to write
    f = σ(a[:, H:2H])     forget gate: how much of the old cell to keep
    g = tanh(a[:, 2H:3H]) candidate values (tanh, not σ: they may be negative)
    o = σ(a[:, 3H:4H])    output gate: how much of the cell to show
    c_t = f ⊙ c_{t−1} + i ⊙ g
    s_t = o ⊙ tanh(c_t)

The blocks are in PyTorch's order i, f, g, o: W = weight_ih_l0.T, U = weight_hh_l0.T and
b = bias_ih_l0 + bias_hh_l0 of torch.nn.LSTM(D, H, batch_first=True). ⊙ is the entrywise
product (NumPy's *).

Named dimensions: N sequences in the batch, T time steps, D input features, H hidden units.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(x is (N, T, D)); row vectors are multiplied on the right (x_t @ W); inputs are never
modified in place. np.tanh may be used here.

Check your work with:  nncli check lstm
"""

import numpy as np


def sigmoid(x):
    """Given in full (from the activations exercise): σ(x) = 1 / (1 + e^(−x)), overflow-free.

    Inputs:
    - x: array of any shape
    Returns:
    - out: float64 array of x's shape, in (0, 1)
    """
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
    """One LSTM step, gates in PyTorch order i, f, g, o.

    Inputs:
    - x_t: (N, D) the inputs of this time step
    - s_prev: (N, H) the previous states s_{t−1}
    - c_prev: (N, H) the previous cells c_{t−1}
    - W: (D, 4H) input weights, column blocks i, f, g, o
    - U: (H, 4H) state weights, column blocks i, f, g, o
    - b: (4H,) biases, blocks i, f, g, o
    Returns a tuple (s_t, c_t):
    - s_t: (N, H) float64, the new states
    - c_t: (N, H) float64, the new cells
    """
    raise NotImplementedError


def lstm_forward(x, s0, c0, W, U, b):
    """Run the LSTM over whole sequences, the same weights at every step.

    Inputs:
    - x: (N, T, D) N sequences of T steps with D features each
    - s0: (N, H) the initial states; c0: (N, H) the initial cells
    - W: (D, 4H), U: (H, 4H), b: (4H,) as in lstm_step
    Returns a tuple (states, cells):
    - states: (N, T, H) float64, states[:, t] = s_t
    - cells: (N, T, H) float64, cells[:, t] = c_t
    """
    raise NotImplementedError
