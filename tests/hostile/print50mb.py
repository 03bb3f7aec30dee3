"""Prints 50 MB (one line of 50,000,000 characters) and still returns the right answer."""
import numpy as np


def relu(x):
    print("x" * 50_000_000)
    return np.maximum(x, 0.0)
