"""Exercise "activations": the nonlinear functions between layers.

Task: write relu, sigmoid, tanh and softmax in NumPy. Each takes an array of any shape and
returns a new float64 array of the same shape (softmax normalises along one axis).

Without a nonlinearity, stacked layers collapse into one linear map: x @ W1 @ W2 is just
x @ (W1 @ W2). These functions are what lets depth add power.

Rules that the hidden tests check:
- sigmoid must give finite values with no overflow warning for |x| up to 1000
  (np.exp(1000) overflows to inf);
- tanh must be built from exponentials or from sigmoid: np.tanh is not allowed here;
- softmax must stay finite for inputs around ±1000 (subtract the maximum first: softmax does
  not change when the same number is subtracted from every entry).

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first;
row vectors are multiplied on the right (a layer computes x @ W + b); inputs are never
modified in place.

Check your work with:  nncli check activations
"""

import numpy as np


def leaky_relu(x, slope=0.01):
    """Worked example (not graded): the leaky ReLU, max(x, slope·x) for 0 < slope < 1.

    np.where picks, entry by entry, from the second argument where the condition holds
    and from the third elsewhere. Both are computed for every entry first.

    Inputs:
    - x: array of any shape
    - slope: the factor applied to negative inputs
    Returns:
    - out: float64 array of x's shape
    """
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, x, slope * x)


def relu(x):
    """The rectified linear unit: max(0, x), entry by entry.

    Inputs:
    - x: array of any shape
    Returns:
    - out: float64 array of x's shape; negative entries become 0
    """
    raise NotImplementedError


def sigmoid(x):
    """The logistic function σ(x) = 1 / (1 + e^(−x)), entry by entry.

    Its values lie in (0, 1). It must stay finite, without overflow warnings, for |x| up to
    1000: e^(−x) overflows for x = −1000, but e^x / (1 + e^x) does not.

    Inputs:
    - x: array of any shape
    Returns:
    - out: float64 array of x's shape
    """
    raise NotImplementedError


def tanh(x):
    """The hyperbolic tangent (e^x − e^(−x)) / (e^x + e^(−x)), entry by entry, without np.tanh.

    Its values lie in (−1, 1); it must stay finite for |x| up to 1000.

    Inputs:
    - x: array of any shape
    Returns:
    - out: float64 array of x's shape
    """
    raise NotImplementedError


def softmax(x, axis=-1):
    """Softmax along one axis: exp(x_i) / Σ_j exp(x_j), so each slice along `axis` sums to 1.

    Must stay finite for inputs around ±1000.

    Inputs:
    - x: array of any shape, e.g. (N, C) scores of N examples over C classes
    - axis: the axis to normalise along (the last one by default)
    Returns:
    - out: float64 array of x's shape, positive, summing to 1 along `axis`
    """
    raise NotImplementedError
