"""Reference solution of the "rnn" exercise: a tanh recurrent network, one step and unrolled."""

import numpy as np


def running_sum(x):
    """Worked example (not graded): x (N, T, D) -> (N, T, D), out[:, t] = Σ_{τ≤t} x[:, τ]."""
    x = np.asarray(x, dtype=np.float64)
    N, T, D = x.shape
    out = np.zeros((N, T, D))
    total = np.zeros((N, D))
    for t in range(T):
        total = total + x[:, t]
        out[:, t] = total
    return out


def rnn_step(x_t, s_prev, W_in, W_s, b):
    """x_t (N, D), s_prev (N, H), W_in (D, H), W_s (H, H), b (H,) -> (N, H).

    Each row is one sequence: its input and its previous state are both row vectors,
    multiplied on the right by their weight matrices; b is broadcast over the N rows.
    """
    x_t = np.asarray(x_t, dtype=np.float64)
    s_prev = np.asarray(s_prev, dtype=np.float64)
    return np.tanh(x_t @ W_in + s_prev @ W_s + b)


def rnn_forward(x, s0, W_in, W_s, b):
    """x (N, T, D), s0 (N, H) -> states (N, T, H), states[:, t] = S_t.

    The state is carried from each step into the next; every state is stored.
    """
    x = np.asarray(x, dtype=np.float64)
    s = np.asarray(s0, dtype=np.float64)
    N, T, D = x.shape
    states = np.zeros((N, T, s.shape[1]))
    for t in range(T):
        s = rnn_step(x[:, t], s, W_in, W_s, b)
        states[:, t] = s
    return states
