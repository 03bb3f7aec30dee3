"""Softmax that subtracts the largest entry of the whole array; the rest is right."""

import numpy as np


def relu(x):
    return np.where(x > 0, x, 0.0)


def sigmoid(x):
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


def tanh(x):
    return 2 * sigmoid(2 * x) - 1


def softmax(x, axis=-1):
    e = np.exp(x - x.max())
    return e / e.sum(axis=axis, keepdims=True)
