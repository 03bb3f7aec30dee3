"""Returns everything but a float64 array: the sandbox reports what it was."""
import numpy as np


def a_list(x):
    return [1.0, 2.0, 3.0]


def object_array(x):
    return np.array([1.0, "two", None], dtype=object)


def ints(x):
    return np.arange(3)


def nan(x):
    return np.array([np.nan, 1.0, np.inf])


def none(x):
    x + 1


def a_dict(x):
    return {"out": x}


def a_tuple(x):
    return x, [1, 2], np.float64(2.0)


def scalar(x):
    return np.float64(2.0)


def in_place(x, params):
    x[0] = 99.0
    params["W"] *= 2.0
    return x
