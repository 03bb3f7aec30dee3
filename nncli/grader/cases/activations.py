"""Hidden cases of the "activations" exercise: relu, sigmoid, tanh, softmax."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import normal

from nncli.maths import activations as act


def _relu_step(x):
    return (np.asarray(x) > 0).astype(np.float64)


def _sigmoid_sign(x):
    return act.sigmoid(-np.asarray(x, dtype=np.float64))


def _tanh_half(x):
    return 2.0 * act.sigmoid(x) - 1.0


def _softmax_wrong_axis(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    other = 0 if axis % x.ndim == x.ndim - 1 else x.ndim - 1
    return act.softmax(x, axis=other)


def _softmax_whole_array(x, axis=-1):
    e = np.exp(np.asarray(x, dtype=np.float64) - np.max(x))
    return e / e.sum()


def _softmax_overflow(x, axis=-1):
    with np.errstate(all="ignore"):
        e = np.exp(np.asarray(x, dtype=np.float64))
        return e / e.sum(axis=axis, keepdims=True)


def _softmax_global_max(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(all="ignore"):
        e = np.exp(x - np.max(x))
        return e / e.sum(axis=axis, keepdims=True)


RELU = [Mistake("relu_step", _relu_step)]
SIGMOID = [Mistake("sigmoid_sign", _sigmoid_sign)]
TANH = [Mistake("tanh_half", _tanh_half)]
SOFTMAX = [Mistake("softmax_wrong_axis", _softmax_wrong_axis),
           Mistake("softmax_whole_array", _softmax_whole_array),
           Mistake("softmax_overflow", _softmax_overflow),
           Mistake("softmax_global_max", _softmax_global_max)]


def _random_shape(rng):
    ndim = int(rng.integers(1, 4))
    return tuple(int(n) for n in rng.integers(1, 6, size=ndim))


def _elementwise(name, expected, mistakes, rng, scale, extremes):
    cases = [
        Case(name, "edge: mixed signs and zero, shape (7,)",
             (np.array([-3.0, -1.0, -0.25, 0.0, 0.25, 1.0, 3.0]),), expected, mistakes=mistakes),
        Case(name, "edge: inputs of ±1000 and ±50, shape (2, 3)",
             (np.array([[-1000.0, -50.0, 0.0], [1000.0, 50.0, -1e-8]]),), expected,
             mistakes=mistakes),
        Case(name, "edge: one column, shape (4, 1)", (normal(rng, 4, 1, scale=scale),),
             expected, mistakes=mistakes),
    ]
    if extremes:
        cases.append(Case(name, "edge: tiny inputs near 0, shape (3,)",
                          (np.array([-1e-12, 1e-9, 2e-6]),), expected, mistakes=mistakes))
    for i in range(1, 4):
        shape = _random_shape(rng)
        cases.append(Case(name, f"random {i}: shape {shape}", (normal(rng, *shape, scale=scale),),
                          expected, mistakes=mistakes))
    return cases


def _softmax_cases(rng):
    name = "softmax"
    cases = [
        Case(name, "edge: entries of ±1000, shape (2, 3), axis -1 by default",
             (np.array([[1000.0, 999.0, -1000.0], [-1000.0, -1000.0, -999.0]]),), act.softmax,
             mistakes=SOFTMAX),
        Case(name, "edge: 1D, shape (5,), values near 1000",
             (np.array([1000.0, 1001.0, 998.0, 1000.5, 990.0]),), act.softmax,
             mistakes=[Mistake("softmax_overflow", _softmax_overflow)]),
        Case(name, "edge: axis=0 on a non-square (3, 2)", (normal(rng, 3, 2, scale=2.0),),
             act.softmax, kwargs={"axis": 0}, mistakes=SOFTMAX),
        Case(name, "edge: axis=1 of a 3D (2, 3, 4)", (normal(rng, 2, 3, 4, scale=2.0),),
             act.softmax, kwargs={"axis": 1}, mistakes=SOFTMAX),
        Case(name, "edge: one column, shape (4, 1): every entry is 1",
             (normal(rng, 4, 1),), act.softmax, mistakes=[SOFTMAX[0]]),
        Case(name, "edge: equal entries, shape (2, 4): uniform rows",
             (np.full((2, 4), 7.0),), act.softmax, mistakes=SOFTMAX),
    ]
    for i in range(1, 4):
        ndim = int(rng.integers(2, 4))
        shape = tuple(int(n) for n in rng.integers(2, 6, size=ndim))
        axis = int(rng.integers(-1, ndim))
        kwargs = {} if axis == -1 and i == 1 else {"axis": axis}
        shown = "axis -1 by default" if not kwargs else f"axis={axis}"
        cases.append(Case(name, f"random {i}: shape {shape}, {shown}",
                          (normal(rng, *shape, scale=3.0),), act.softmax, kwargs=kwargs,
                          mistakes=SOFTMAX))
    return cases


def cases(rng):
    return (
        _elementwise("relu", act.relu, RELU, rng, 2.0, extremes=False)
        + _elementwise("sigmoid", act.sigmoid, SIGMOID, rng, 5.0, extremes=True)
        + _elementwise("tanh", act.tanh, TANH, rng, 3.0, extremes=True)
        + _softmax_cases(rng)
    )
