"""Hidden cases of the "neuron" exercise: perceptron and dense."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, ints, normal

from nncli.maths import neuron


def _perceptron_ge(x, w, b):
    return (np.asarray(x) @ w + b >= 0).astype(np.float64)


def _perceptron_sign(x, w, b):
    return np.where(np.asarray(x) @ w + b > 0, 1.0, -1.0)


def _perceptron_no_bias(x, w, b):
    return (np.asarray(x) @ w > 0).astype(np.float64)


def _dense_no_bias(x, W, b):
    return np.asarray(x) @ W


def _dense_transposed(x, W, b):
    return (np.asarray(x) @ W + b).T


def _dense_weights_transposed(x, W, b):
    return np.asarray(x) @ np.asarray(W).T + b


PERCEPTRON = [Mistake("perceptron_ge", _perceptron_ge),
              Mistake("perceptron_sign", _perceptron_sign),
              Mistake("missing_bias", _perceptron_no_bias)]
DENSE = [Mistake("missing_bias", _dense_no_bias),
         Mistake("transposed_result", _dense_transposed)]
DENSE_SQUARE = DENSE + [Mistake("weights_transposed", _dense_weights_transposed)]


def _perceptron_cases(rng):
    name, expected = "perceptron", neuron.perceptron
    cases = [
        Case(name, "edge: the AND gate on the four 0/1 inputs",
             (np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([1.0, 1.0]),
              -1.5), expected, mistakes=PERCEPTRON),
        Case(name, "edge: sums of exactly 0 give 0.0",
             (np.array([[1.0, 1.0], [2.0, 1.0], [0.0, 0.0], [1.0, 2.0]]), np.array([1.0, -1.0]),
              0.0), expected, mistakes=PERCEPTRON),
        Case(name, "edge: batch of 1, D=1", (np.array([[2.0]]), np.array([-1.0]), 3.0),
             expected, mistakes=PERCEPTRON),
    ]
    for i in range(1, 4):
        N, D = int(rng.integers(2, 7)), int(rng.integers(1, 6))
        if i < 3:  # whole numbers: some sums are exactly 0
            x, w, b = ints(rng, -2, 2, N, D), ints(rng, -2, 2, D), float(rng.integers(-1, 2))
            kind = "whole numbers"
        else:
            x, w, b = normal(rng, N, D), normal(rng, D), float(rng.normal())
            kind = "real numbers"
        cases.append(Case(name, f"random {i}: {dims(N=N, D=D)}, {kind}", (x, w, b), expected,
                          mistakes=PERCEPTRON))
    return cases


def _dense_cases(rng):
    name, expected = "dense", neuron.dense
    cases = [
        Case(name, "edge: batch of 1, D=3 M=2",
             (np.array([[1.0, 2.0, 3.0]]), np.array([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]]),
              np.array([0.5, -0.5])), expected, mistakes=DENSE),
        Case(name, "edge: square weights, N=2 D=3 M=3",
             (normal(rng, 2, 3), normal(rng, 3, 3), normal(rng, 3)), expected,
             mistakes=DENSE_SQUARE),
        Case(name, "edge: one output neuron, N=4 D=2 M=1",
             (normal(rng, 4, 2), normal(rng, 2, 1), np.array([2.0])), expected, mistakes=DENSE),
    ]
    for i in range(1, 4):
        N, D, M = (int(n) for n in rng.choice(np.arange(1, 8), size=3, replace=False))
        cases.append(Case(name, f"random {i}: {dims(N=N, D=D, M=M)}",
                          (normal(rng, N, D), normal(rng, D, M), normal(rng, M)), expected,
                          mistakes=DENSE))
    return cases


def cases(rng):
    return _perceptron_cases(rng) + _dense_cases(rng)
