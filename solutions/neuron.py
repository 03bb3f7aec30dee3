"""Reference solution of the "neuron" exercise: the perceptron and a dense layer."""

import numpy as np

# Worked example (not graded): a perceptron computing logical AND of two 0/1 inputs.
AND_WEIGHTS = np.array([1.0, 1.0])
AND_BIAS = -1.5


def weighted_sums(x, w):
    """Worked example (not graded): x (N, D), w (D,) -> (N,), z[n] = Σ_d x[n, d]·w[d]."""
    return np.asarray(x, dtype=np.float64) @ np.asarray(w, dtype=np.float64)


def perceptron(x, w, b):
    """x (N, D), w (D,), b a number -> (N,) float64: 1.0 where x·w + b > 0, else 0.0."""
    z = weighted_sums(x, w) + b
    # A comparison gives booleans; the contract asks for floats.
    return (z > 0).astype(np.float64)


def dense(x, W, b):
    """x (N, D), W (D, M), b (M,) -> (N, M) = x @ W + b.

    Row n of x @ W is example n pushed through every neuron at once; b, of shape (M,),
    is broadcast over the N rows, so neuron m gets its own bias b[m] in every example.
    """
    x = np.asarray(x, dtype=np.float64)
    return x @ np.asarray(W, dtype=np.float64) + np.asarray(b, dtype=np.float64)
