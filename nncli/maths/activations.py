"""Activation functions and their derivatives, elementwise on any shape (softmax along an axis).

All are written to stay finite for inputs of any size (|x| of 1000 and more).
"""

import numpy as np


def relu(x):
    """max(0, x)."""
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


def relu_grad(x):
    """1 where x > 0, else 0 (the subgradient 0 is taken at x = 0, as PyTorch does)."""
    return (np.asarray(x, dtype=np.float64) > 0).astype(np.float64)


def sigmoid(x):
    """1 / (1 + e^−x), computed as e^x / (1 + e^x) for negative x so exp never overflows."""
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def sigmoid_grad(x):
    """σ(x)·(1 − σ(x))."""
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x):
    """(e^x − e^−x)/(e^x + e^−x) = 2σ(2x) − 1."""
    return 2.0 * sigmoid(2.0 * np.asarray(x, dtype=np.float64)) - 1.0


def tanh_grad(x):
    """1 − tanh(x)²."""
    return 1.0 - tanh(x) ** 2


def softmax(x, axis=-1):
    """exp(x − max) / Σ exp(x − max) along `axis`; subtracting the max keeps exp finite."""
    x = np.asarray(x, dtype=np.float64)
    shifted = x - np.max(x, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)
