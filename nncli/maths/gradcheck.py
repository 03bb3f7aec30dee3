"""Numerical gradients by central differences, and the relative error used to compare them.

Central differences (f(x + h) − f(x − h)) / 2h have an error of order h², about 1e-10 for
h = 1e-5 in float64 on smooth functions: close enough to check an analytic gradient.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5) -> np.ndarray:
    """∂f/∂x by central differences, one entry at a time.

    f: a function of x returning a scalar; x: float64 array of any shape, changed in place
    while f is evaluated and restored after -> an array of x's shape.
    """
    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        plus = f(x)
        x[i] = old - h
        minus = f(x)
        x[i] = old
        grad[i] = (plus - minus) / (2 * h)
    return grad


def relative_error(a, b) -> float:
    """max |a − b| / max(|a| + |b|, 1e-12) over all entries: 0 when equal, ≤ 1 always."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)))
