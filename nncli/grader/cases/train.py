"""Hidden cases of the "train" exercise: fit_predict on 2-D data sets no straight line
separates (XOR, two moons, spirals), judged by the accuracy of its predicted labels.

Each case trains on one draw of a data set and predicts a second draw of it; the expected
labels are drawn again from the case's own seed when the case is judged, never kept."""

import numpy as np

from nncli.grader.case import Case, Mistake

ACCURACY = 0.9


def xor(rng, n):
    """Four clouds around (±1, ±1); the class is 1 where the signs differ (N, 2), (N,)."""
    corners = rng.integers(0, 2, size=(n, 2))
    X = (2.0 * corners - 1.0) + rng.standard_normal((n, 2)) * 0.3
    return X, (corners[:, 0] ^ corners[:, 1]).astype(np.int64)


def moons(rng, n):
    """Two interleaving half circles of radius 1, with noise of 0.1."""
    y = rng.integers(0, 2, size=n)
    angle = rng.random(n) * np.pi
    X = np.where(y[:, None] == 0,
                 np.stack([np.cos(angle), np.sin(angle)], axis=1),
                 np.stack([1.0 - np.cos(angle), 0.5 - np.sin(angle)], axis=1))
    return X + rng.standard_normal((n, 2)) * 0.1, y.astype(np.int64)


def spirals(rng, n, classes=3):
    """`classes` arms winding once around the origin, a little noise on the angle."""
    y = rng.integers(0, classes, size=n)
    r = rng.random(n) * 0.9 + 0.1
    angle = 2 * np.pi * y / classes + 1.5 * np.pi * r + rng.standard_normal(n) * 0.12
    return np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1), y.astype(np.int64)


DATA = {"xor": (xor, 2), "moons": (moons, 2), "spirals": (spirals, 3)}


def draw(kind, seed, n_train, n_test):
    """(X_train, y_train, X_test, y_test) of data set `kind`, two draws from one seed."""
    make = DATA[kind][0]
    rng = np.random.default_rng(seed)
    X_train, y_train = make(rng, n_train)
    X_test, y_test = make(rng, n_test)
    return X_train, y_train, X_test, y_test


class _TestLabels:
    """The expected value of a case: its test labels, drawn again from its seed."""

    __slots__ = ("kind", "seed", "n_train", "n_test")

    def __init__(self, kind, seed, n_train, n_test):
        self.kind, self.seed, self.n_train, self.n_test = kind, seed, n_train, n_test

    def __call__(self, *args, **kwargs):
        return draw(self.kind, self.seed, self.n_train, self.n_test)[3]


def _one_class(c):
    def wrong(X_train, y_train, X_test, n_classes, seed):
        return np.full(np.shape(X_test)[0], c, dtype=np.int64)

    return wrong


def _linear(X_train, y_train, X_test, n_classes, seed):
    """What a linear model (softmax regression, no hidden layer) predicts."""
    mean, std = X_train.mean(axis=0), X_train.std(axis=0) + 1e-12
    A, B = (X_train - mean) / std, (X_test - mean) / std
    W, b = np.zeros((2, n_classes)), np.zeros(n_classes)
    onehot = np.eye(n_classes)[y_train]
    for _ in range(300):
        z = A @ W + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        d = (p - onehot) / len(A)
        W -= 1.0 * A.T @ d
        b -= 1.0 * d.sum(axis=0)
    return np.argmax(B @ W + b, axis=1)


def _case(label, kind, seed, n_train=200, n_test=200):
    X_train, y_train, X_test, _ = draw(kind, seed, n_train, n_test)
    C = DATA[kind][1]
    mistakes = [Mistake("train_one_class", _one_class(c)) for c in range(C)]
    if kind == "moons":     # elsewhere a linear model comes close to predicting one class
        mistakes.append(Mistake("train_linear", _linear))
    return Case("fit_predict", f"{label}: {kind}, {n_train} training points",
                (X_train, y_train, X_test, C, seed % 1000), _TestLabels(kind, seed, n_train, n_test),
                mistakes=mistakes, agreement=ACCURACY)


def cases(rng):
    seeds = [int(s) for s in rng.integers(0, 2 ** 31, size=4)]
    other = str(rng.choice(["xor", "spirals"]))
    return [_case("edge: XOR, the problem one perceptron cannot solve", "xor", seeds[0]),
            _case("edge: three spirals", "spirals", seeds[1], n_train=300),
            _case("random 1", "moons", seeds[2]),
            _case("random 2", other, seeds[3], n_train=300 if other == "spirals" else 200)]
