"""A dense layer that fills an output array made with np.zeros_like(x, dtype=int): every
value loses its fraction."""

import numpy as np


def perceptron(x, w, b):
    return (x @ w + b > 0).astype(np.float64)


def dense(x, W, b):
    N, M = x.shape[0], W.shape[1]
    out = np.zeros((N, M), dtype=int)
    for n in range(N):
        for m in range(M):
            out[n, m] = x[n] @ W[:, m] + b[m]
    return out
