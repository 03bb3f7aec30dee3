"""Small 2-D classification data sets that no straight line separates.

Every function: n points, a numpy Generator -> (X (n, 2) float64, y (n,) int64 labels).
"""

import numpy as np

DATASETS = ("xor", "moons", "spiral")
CLASSES = {"xor": 2, "moons": 2, "spiral": 3}


def xor(n: int, rng, noise: float = 0.2):
    """Points scattered around the four corners of the unit square (0, 0), (0, 1), (1, 0),
    (1, 1), labelled x1 XOR x2 of their corner: the problem of `nncli explain neuron`."""
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    which = np.arange(n) % 4
    X = corners[which] + rng.normal(0.0, noise, size=(n, 2))
    return X, np.array([0, 1, 1, 0], dtype=np.int64)[which]


def moons(n: int, rng, noise: float = 0.2):
    """Two interleaved half circles: class 0 on (cos t, sin t), class 1 on
    (1 − cos t, 0.5 − sin t), t uniform in [0, π], plus Gaussian noise."""
    y = np.arange(n, dtype=np.int64) % 2
    t = rng.uniform(0.0, np.pi, size=n)
    X = np.where(y[:, None] == 0, np.column_stack([np.cos(t), np.sin(t)]),
                 np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)]))
    return X + rng.normal(0.0, noise, size=(n, 2)), y


def spiral(n: int, rng, noise: float = 0.2, classes: int = 3):
    """`classes` arms winding out of the origin, as in CS231n's example: radius r uniform in
    [0, 1], angle 4r + 2πk/classes for arm k, plus noise on the angle."""
    y = np.arange(n, dtype=np.int64) % classes
    r = rng.uniform(0.05, 1.0, size=n)
    angle = 4.0 * r + 2.0 * np.pi * y / classes + rng.normal(0.0, noise, size=n)
    return np.column_stack([r * np.sin(angle), r * np.cos(angle)]), y


def make(name: str, n: int, rng, noise: float = 0.2):
    """The data set called `name` (one of DATASETS)."""
    return {"xor": xor, "moons": moons, "spiral": spiral}[name](n, rng, noise)
