"""One neuron and one fully connected layer.

Row-vector convention, as torch.nn.Linear computes it (with W stored transposed): each
example is a row of x, and a layer is x @ W + b.
"""

import numpy as np


def perceptron(x, w, b) -> np.ndarray:
    """The perceptron: a step of the weighted sum.

    x: (N, D) examples, w: (D,) weights, b: scalar bias -> (N,) with 1.0 where
    x·w + b > 0 and 0.0 otherwise (a sum of exactly 0 gives 0).
    """
    x = np.asarray(x, dtype=np.float64)
    z = x @ np.asarray(w, dtype=np.float64) + float(b)
    return (z > 0).astype(np.float64)


def dense(x, W, b) -> np.ndarray:
    """A fully connected layer without activation: x @ W + b.

    x: (N, D) examples, W: (D, M) weights (column m feeds neuron m), b: (M,) biases
    -> (N, M), entry [n, m] = Σ_d x[n, d]·W[d, m] + b[m].
    """
    x = np.asarray(x, dtype=np.float64)
    return x @ np.asarray(W, dtype=np.float64) + np.asarray(b, dtype=np.float64)
