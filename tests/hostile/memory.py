"""Memory bombs: one huge array, and a list that grows until memory runs out."""
import numpy as np


def huge_array(x):
    return np.ones(10**10)


def growing_list(x):
    blocks = []
    while True:
        blocks.append(np.ones(1 << 20))


def fine(x):
    return x * 2.0
