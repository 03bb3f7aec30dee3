"""A perceptron from a course that labels the two classes +1 and -1, with integer outputs;
the dense layer is right."""

import numpy as np


def perceptron(x, w, b):
    out = []
    for row in x:
        total = b
        for xi, wi in zip(row, w):
            total += xi * wi
        out.append(1 if total > 0 else -1)
    return np.array(out)


def dense(x, W, b):
    return np.dot(x, W) + b
