"""Helpers shared by the exercise tests: load an exercise file, run its hidden cases."""

import copy
import importlib
import importlib.util

import numpy as np

from nncli.catalogue import EXERCISES


def load_file(path, name):
    """Import the Python file at `path` as a fresh module called `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_source(source, name):
    """Import Python `source` text as a fresh module called `name`."""
    spec = importlib.util.spec_from_loader(name, loader=None)
    module = importlib.util.module_from_spec(spec)
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)
    return module


def hidden_cases(exercise_name, seed):
    module = importlib.import_module(f"nncli.grader.cases.{exercise_name}")
    return module.cases(np.random.default_rng(seed))


def call(fn, case):
    """Call fn on deep copies of the case's inputs: (result, args after the call)."""
    args = copy.deepcopy(case.args)
    kwargs = copy.deepcopy(case.kwargs)
    return fn(*args, **kwargs), args


def as_parts(value):
    """The arrays of a result: a tuple's items, a dict's values in key order, a number as a
    0-d array."""
    parts = []
    for part in value if isinstance(value, tuple) else (value,):
        if isinstance(part, dict):
            parts.extend(np.asarray(part[key]) for key in sorted(part))
        else:
            parts.append(part if isinstance(part, np.ndarray) else np.asarray(part))
    return tuple(parts)


def close(a, b, rtol, atol) -> bool:
    """Same structure, same shapes, values within rtol/atol (NaN never matches)."""
    a, b = as_parts(a), as_parts(b)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        x, y = np.asarray(x), np.asarray(y)
        if x.shape != y.shape or not np.allclose(x, y, rtol=rtol, atol=atol):
            return False
    return True


def right(case, got, want, rtol=None) -> bool:
    """Whether `got` passes `case` against `want`: within the tolerances, or for predicted
    labels (case.agreement) equal to them in at least that fraction of the places."""
    if case.agreement is not None:
        got, want = np.asarray(got), np.asarray(want)
        return got.shape == want.shape and np.mean(got == want) >= case.agreement
    return close(got, want, case.rtol if rtol is None else rtol, case.atol)


def same_inputs(a, b) -> bool:
    """Whether two argument tuples hold equal values (arrays, dicts of arrays, numbers)."""
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_inputs(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same_inputs(x, y) for x, y in zip(a, b))
    if isinstance(a, np.ndarray):
        return (isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape
                and np.array_equal(a, b))
    return type(a) is type(b) and a == b


def by_function(exercise_name, seed):
    """{function name: [cases]} in catalogue order."""
    exercise = next(e for e in EXERCISES if e.name == exercise_name)
    out = {name: [] for name in exercise.function_names}
    for case in hidden_cases(exercise_name, seed):
        out[case.function].append(case)
    return out
