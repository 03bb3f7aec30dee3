"""Matrices from the command line: text like "1 2 3; 4 5 6", or a .npy, .csv or .txt file.

Every problem becomes a one-line UsageProblem that names the option, the bad token and
how to write it instead.
"""

import os

import numpy as np

from nncli.errors import UsageProblem

FILE_SUFFIXES = (".npy", ".csv", ".txt")
HOW = 'write rows split by ";" and numbers by spaces or commas, e.g. "1 2 3; 4 5 6"'


def parse_matrix(text: str, option: str) -> np.ndarray:
    """The array given to `option` (e.g. "--input"): float64, shape (n,) for one row, (r, c) otherwise."""
    text = text.strip()
    if text.lower().endswith(FILE_SUFFIXES) or os.path.isfile(text):
        return _load_file(text, option)
    return _parse_rows(text.split(";"), option)


def _parse_rows(rows, option: str) -> np.ndarray:
    parsed = []
    for r, row in enumerate(rows, start=1):
        tokens = row.replace(",", " ").split()
        if not tokens:
            raise UsageProblem(f"{option}: row {r} is empty; {HOW}.")
        values = []
        for c, token in enumerate(tokens, start=1):
            try:
                values.append(float(token.replace("\u2212", "-")))
            except ValueError:
                raise UsageProblem(
                    f'{option}: "{token}" (row {r}, number {c}) is not a number; {HOW}.'
                ) from None
        if parsed and len(values) != len(parsed[0]):
            raise UsageProblem(
                f"{option}: row {r} has {len(values)} numbers but row 1 has {len(parsed[0])};"
                " every row needs the same count."
            )
        parsed.append(values)
    array = np.array(parsed, dtype=np.float64)
    if not np.all(np.isfinite(array)):
        raise UsageProblem(f"{option}: every number must be finite (no inf or nan).")
    return array[0] if len(parsed) == 1 else array


def _load_file(path: str, option: str) -> np.ndarray:
    if not os.path.isfile(path):
        raise UsageProblem(f'{option}: file "{path}" does not exist; give a path to a .npy, .csv or .txt file, or the numbers themselves.')
    try:
        if path.lower().endswith(".npy"):
            array = np.load(path, allow_pickle=False)
            array = np.asarray(array, dtype=np.float64)
        else:
            with open(path, encoding="utf-8") as handle:
                lines = [line for line in handle.read().splitlines() if line.strip() and not line.lstrip().startswith("#")]
            if not lines:
                raise UsageProblem(f'{option}: file "{path}" holds no numbers.')
            return _parse_rows(lines, f'{option} ("{path}")')
    except UsageProblem:
        raise
    except (OSError, ValueError) as error:
        raise UsageProblem(f'{option}: cannot read "{path}": {error}.') from None
    if array.ndim > 2 or array.size == 0:
        raise UsageProblem(f'{option}: "{path}" must hold a non-empty vector or matrix, not shape {array.shape}.')
    if not np.all(np.isfinite(array)):
        raise UsageProblem(f"{option}: every number must be finite (no inf or nan).")
    return array


def require_dims(array: np.ndarray, option: str, dims, what: str) -> np.ndarray:
    """Check array.ndim is in `dims`; a 1-D vector is lifted to one row when 2 is wanted."""
    if array.ndim == 1 and 2 in dims and 1 not in dims:
        array = array[None, :]
    if array.ndim not in dims:
        raise UsageProblem(f"{option}: expected {what}, got shape {array.shape}.")
    return array


def random_ints(seed: int, shape, low: int = -2, high: int = 3) -> np.ndarray:
    """Small random integers in [low, high) as float64, so the arithmetic stays readable."""
    rng = np.random.default_rng(seed)
    return rng.integers(low, high, size=shape).astype(np.float64)
