"""A plain (Elman) recurrent network with tanh, and the gradient norms of backpropagation
through time.

Convention: row vectors, batch first, S_t = tanh(x_t·W_in + S_{t−1}·W_s + b), as
torch.nn.RNN with W_in = weight_ih_l0.T, W_s = weight_hh_l0.T, b = bias_ih_l0 + bias_hh_l0.
Dimensions: N sequences, T time steps, D input features, H hidden units.
"""

import numpy as np

from nncli.maths.activations import tanh


def rnn_step(x_t, s_prev, W_in, W_s, b):
    """One time step.

    x_t: (N, D), s_prev: (N, H), W_in: (D, H), W_s: (H, H), b: (H,) -> s_t: (N, H).
    """
    x_t = np.asarray(x_t, dtype=np.float64)
    s_prev = np.asarray(s_prev, dtype=np.float64)
    return tanh(x_t @ np.asarray(W_in, dtype=np.float64)
                + s_prev @ np.asarray(W_s, dtype=np.float64)
                + np.asarray(b, dtype=np.float64))


def rnn_forward(x, s0, W_in, W_s, b):
    """The network unrolled over a whole sequence, the same weights at every step.

    x: (N, T, D), s0: (N, H), W_in: (D, H), W_s: (H, H), b: (H,) -> states: (N, T, H),
    states[:, t] = S_t.
    """
    x = np.asarray(x, dtype=np.float64)
    s = np.asarray(s0, dtype=np.float64)
    N, T, _ = x.shape
    states = np.zeros((N, T, s.shape[-1]))
    for t in range(T):
        s = rnn_step(x[:, t], s, W_in, W_s, b)
        states[:, t] = s
    return states


def step_jacobians(states, W_s):
    """J_t = ∂S_t/∂S_{t−1} = diag(1 − S_t²)·W_sᵀ for t = 1 … T−1 (row i: output unit i).

    states: (T, H) of one sequence, W_s: (H, H) -> (T−1, H, H); entry k is J_{k+1}.
    """
    states = np.asarray(states, dtype=np.float64)
    W_s = np.asarray(W_s, dtype=np.float64)
    return (1.0 - states[1:] ** 2)[:, :, None] * W_s.T[None, :, :]


def bptt_jacobians(x, s0, W_in, W_s, b):
    """∂S_{T−1}/∂S_t for every t of one sequence, by the chain rule backwards in time.

    x: (T, D), s0: (H,) -> (T, H, H); entry t is J_{T−1}·…·J_{t+1} (the identity for t = T−1).
    """
    states = rnn_forward(np.asarray(x, dtype=np.float64)[None], np.asarray(s0)[None],
                         W_in, W_s, b)[0]
    T, H = states.shape
    jac = step_jacobians(states, W_s)
    out = np.zeros((T, H, H))
    acc = np.eye(H)
    out[T - 1] = acc
    for t in range(T - 2, -1, -1):
        acc = acc @ jac[t]  # jac[t] = ∂S_{t+1}/∂S_t
        out[t] = acc
    return out


def bptt_grad_norms(x, s0, W_in, W_s, b):
    """Frobenius norm of ∂S_{T−1}/∂S_t for t = 0 … T−1 of one sequence.

    x: (T, D), s0: (H,) -> (T,); the last entry is ‖I‖ = √H. Small entries far from the end
    mean early states barely change the last one: the gradient has faded.
    """
    jac = bptt_jacobians(x, s0, W_in, W_s, b)
    return np.sqrt(np.sum(jac ** 2, axis=(1, 2)))
