"""Exercise "bptt": backpropagation through time, for the recurrent network of "rnn".

Task: write rnn_step_backward, the gradients of one step S_t = tanh(x_t·W_in + S_{t−1}·W_s + b),
and rnn_backward, which walks the whole sequence backwards. The gradient that reaches S_t is
the loss's own, dstates[:, t], plus what step t + 1 sends back through S_t; tanh passes it on
times 1 − S_t²; the same W_in, W_s and b serve every step, so their gradients add up over
the steps. Each pass back through W_s multiplies the gradient once more: over many steps it
can fade away (or blow up), which is why the LSTM was invented.

As PyTorch's autograd through torch.nn.RNN(D, H, batch_first=True), with W_in =
weight_ih_l0.T, W_s = weight_hh_l0.T and b = bias_ih_l0 + bias_hh_l0 (rnn_step and
rnn_forward below are the "rnn" exercise's, given).

Named dimensions: N sequences in the batch, T time steps, D input features, H hidden units.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(x is (N, T, D)); row vectors are multiplied on the right; inputs are never modified in
place.

Check your gradients against central differences of rnn_forward, then:
    nncli check bptt
"""

import numpy as np


def rnn_step(x_t, s_prev, W_in, W_s, b):
    """Given (the "rnn" exercise's step): x_t (N, D), s_prev (N, H) -> s_t (N, H)."""
    return np.tanh(np.asarray(x_t, dtype=np.float64) @ W_in
                   + np.asarray(s_prev, dtype=np.float64) @ W_s + b)


def rnn_forward(x, s0, W_in, W_s, b):
    """Given (the "rnn" exercise's network): x (N, T, D), s0 (N, H) -> states (N, T, H),
    states[:, t] = S_t."""
    x = np.asarray(x, dtype=np.float64)
    s = np.asarray(s0, dtype=np.float64)
    states = np.zeros((x.shape[0], x.shape[1], s.shape[1]))
    for t in range(x.shape[1]):
        s = rnn_step(x[:, t], s, W_in, W_s, b)
        states[:, t] = s
    return states


def rnn_step_backward(ds, x_t, s_prev, s_t, W_in, W_s):
    """The gradients of one step s_t = tanh(x_t @ W_in + s_prev @ W_s + b).

    Inputs:
    - ds: (N, H), the gradient of the loss with respect to s_t
    - x_t: (N, D); s_prev: (N, H); s_t: (N, H), the step's output
    - W_in: (D, H); W_s: (H, H)
    Returns a tuple (dx_t, ds_prev, dW_in, dW_s, db):
    - dx_t: (N, D); ds_prev: (N, H); dW_in: (D, H); dW_s: (H, H); db: (H,)
    """
    raise NotImplementedError


def rnn_backward(dstates, x, s0, W_in, W_s, b):
    """The gradients of a loss through every step of rnn_forward(x, s0, W_in, W_s, b).

    Inputs:
    - dstates: (N, T, H), the gradient of the loss with respect to each state S_t
    - x: (N, T, D); s0: (N, H); W_in: (D, H); W_s: (H, H); b: (H,)
    Returns a tuple (dx, ds0, dW_in, dW_s, db):
    - dx: (N, T, D); ds0: (N, H); dW_in: (D, H); dW_s: (H, H); db: (H,)
    """
    raise NotImplementedError
