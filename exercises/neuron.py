"""Exercise "neuron": the perceptron and a fully connected layer.

Task: write `perceptron`, one neuron with a step activation, and `dense`, a layer of M
neurons that all see the same inputs, each with its own weights and bias.

A neuron computes a weighted sum of its inputs plus a bias, z = x·w + b. The perceptron
answers 1 when z > 0 and 0 otherwise (z exactly 0 gives 0). A dense layer does the same
weighted sum for M neurons at once and gives the sums themselves, with no activation.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(one example per row of x); row vectors are multiplied on the right, so a layer computes
x @ W + b with W of shape (D, M), as torch.nn.Linear does with its weight transposed;
inputs are never modified in place.

Check your work with:  nncli check neuron
"""

import numpy as np

# Worked example (not graded): weights and bias that make a perceptron compute logical AND
# of two 0/1 inputs. x·w + b = x1 + x2 − 1.5 is positive only when both inputs are 1.
AND_WEIGHTS = np.array([1.0, 1.0])
AND_BIAS = -1.5


def weighted_sums(x, w):
    """Worked example (not graded): x·w for every example, without a bias.

    x @ w multiplies each row of x by w entry by entry and adds up: a (N, D) matrix times a
    (D,) vector gives a (N,) vector.

    Inputs:
    - x: (N, D) N examples with D features each
    - w: (D,) one weight per feature
    Returns:
    - z: (N,) float64, z[n] = Σ_d x[n, d]·w[d]
    """
    return np.asarray(x, dtype=np.float64) @ np.asarray(w, dtype=np.float64)


def perceptron(x, w, b):
    """A perceptron: the step function of the weighted sum.

    Inputs:
    - x: (N, D) N examples with D features each
    - w: (D,) weights
    - b: a number, the bias
    Returns:
    - out: (N,) float64, 1.0 where x[n]·w + b > 0, else 0.0 (a sum of exactly 0 gives 0.0)
    """
    raise NotImplementedError


def dense(x, W, b):
    """A fully connected layer without activation: x @ W + b.

    Inputs:
    - x: (N, D) N examples with D features each
    - W: (D, M) weights; column m holds the weights of neuron m
    - b: (M,) biases, one per neuron
    Returns:
    - out: (N, M) float64, out[n, m] = Σ_d x[n, d]·W[d, m] + b[m]
    """
    raise NotImplementedError
