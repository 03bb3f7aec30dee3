"""Exercise "rnn": a recurrent network, one step and then a whole sequence.

Task: write rnn_step, which mixes the input of one time step with the state carried from
the step before, S_t = tanh(x_t·W_in + S_{t−1}·W_s + b), and rnn_forward, which runs that
step along a sequence with the same weights at every step and keeps every state.

The state is the network's memory: S_t depends on x_t and, through S_{t−1}, on every
earlier input. The same W_in, W_s and b are used at every step, however long the sequence.

Named dimensions: N sequences in the batch, T time steps, D input features, H hidden units.
As torch.nn.RNN(D, H, batch_first=True) with W_in = weight_ih_l0.T, W_s = weight_hh_l0.T
and b = bias_ih_l0 + bias_hh_l0.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(x is (N, T, D)); row vectors are multiplied on the right (x_t @ W_in, not W_in @ x_t);
inputs are never modified in place. np.tanh may be used here.

Check your work with:  nncli check rnn
"""

import numpy as np


def running_sum(x):
    """Worked example (not graded): a loop over time that keeps every step's result.

    out[:, t] = x[:, 0] + … + x[:, t]. The output is allocated once, then filled one time
    step at a time while a running value is carried from each step to the next: the same
    shape of loop as rnn_forward.

    Inputs:
    - x: (N, T, D)
    Returns:
    - out: (N, T, D) float64
    """
    x = np.asarray(x, dtype=np.float64)
    N, T, D = x.shape
    out = np.zeros((N, T, D))
    total = np.zeros((N, D))
    for t in range(T):
        total = total + x[:, t]
        out[:, t] = total
    return out


def rnn_step(x_t, s_prev, W_in, W_s, b):
    """One step of a tanh RNN: S_t = tanh(x_t·W_in + S_{t−1}·W_s + b).

    Inputs:
    - x_t: (N, D) the inputs of this time step
    - s_prev: (N, H) the states of the previous step, S_{t−1}
    - W_in: (D, H) input-to-state weights
    - W_s: (H, H) state-to-state weights
    - b: (H,) bias
    Returns:
    - s_t: (N, H) float64, the new states
    """
    raise NotImplementedError


def rnn_forward(x, s0, W_in, W_s, b):
    """Run the RNN over whole sequences, the same weights at every step.

    Inputs:
    - x: (N, T, D) N sequences of T steps with D features each
    - s0: (N, H) the initial states S_{−1}
    - W_in: (D, H), W_s: (H, H), b: (H,) as in rnn_step
    Returns:
    - states: (N, T, H) float64, states[:, t] = S_t, the state after reading x[:, t]
      (s0 itself is not included)
    """
    raise NotImplementedError
