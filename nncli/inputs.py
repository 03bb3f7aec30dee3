"""Matrices from the command line: text like "1 2 3; 4 5 6", or a .npy, .csv or .txt file.

Every problem becomes a one-line UsageProblem that names the option, the bad token and
how to write it instead (texts in ``nncli/texts/<lang>/errors.py``).
"""

import os

import numpy as np

from nncli.errors import UsageProblem

FILE_SUFFIXES = (".npy", ".csv", ".txt")
MOST_VALUES = 1 << 20  # numbers in one option: a 1024×1024 map, more than any view explains
MOST_TEXT_BYTES = 64 << 20  # a text file of 2^20 numbers fits in this many bytes


def parse_number(text: str, option: str) -> float:
    """One finite number ("−" read as a minus sign); a one-line UsageProblem otherwise."""
    try:
        value = float(text.strip().replace("\u2212", "-"))
    except ValueError:
        raise UsageProblem.of("number.not_number", option=option, token=text) from None
    if not np.isfinite(value):
        raise UsageProblem.of("matrix.not_finite", option=option)
    return value


def parse_matrix(text: str, option: str) -> np.ndarray:
    """The array given to `option` (e.g. "--input"): float64, shape (n,) for one row, (r, c) otherwise."""
    text = text.strip()
    if not text:
        raise UsageProblem.of("matrix.empty", option=option)
    if text.lower().endswith(FILE_SUFFIXES) or os.path.isfile(text):
        return _load_file(text, option)
    return _parse_rows(text.split(";"), option)


def _parse_rows(rows, option: str) -> np.ndarray:
    parsed = []
    if sum(len(row) for row in rows) > 2 * MOST_VALUES * 4:  # cheap early bound on the text
        raise UsageProblem.of("matrix.too_many", option=option, most=f"{MOST_VALUES:,}")
    for r, row in enumerate(rows, start=1):
        tokens = row.replace(",", " ").split()
        if not tokens:
            raise UsageProblem.of("matrix.empty_row", option=option, row=r)
        values = []
        for c, token in enumerate(tokens, start=1):
            try:
                values.append(float(token.replace("\u2212", "-")))
            except ValueError:
                raise UsageProblem.of("matrix.not_number", option=option, token=token,
                                      row=r, col=c) from None
        if parsed and len(values) != len(parsed[0]):
            raise UsageProblem.of("matrix.ragged", option=option, row=r, count=len(values),
                                  first=len(parsed[0]))
        parsed.append(values)
    if len(parsed) * len(parsed[0]) > MOST_VALUES:
        raise UsageProblem.of("matrix.too_many", option=option, most=f"{MOST_VALUES:,}")
    array = np.array(parsed, dtype=np.float64)
    if not np.all(np.isfinite(array)):
        raise UsageProblem.of("matrix.not_finite", option=option)
    return array[0] if len(parsed) == 1 else array


def _load_file(path: str, option: str) -> np.ndarray:
    if not os.path.isfile(path):
        raise UsageProblem.of("file.missing", option=option, path=path)
    try:
        if path.lower().endswith(".npy"):
            array = np.load(path, allow_pickle=False, mmap_mode="r")  # the header first
            if array.size > MOST_VALUES:
                raise UsageProblem.of("matrix.too_many", option=option, most=f"{MOST_VALUES:,}")
            if array.dtype.kind not in "biuf":  # complex, text, dates: not real numbers
                raise UsageProblem.of("file.not_real", option=option, path=path, dtype=str(array.dtype))
            array = np.array(array, dtype=np.float64)
        else:
            if os.path.getsize(path) > MOST_TEXT_BYTES:
                raise UsageProblem.of("matrix.too_many", option=option, most=f"{MOST_VALUES:,}")
            with open(path, encoding="utf-8") as handle:
                lines = [line for line in handle.read().splitlines() if line.strip() and not line.lstrip().startswith("#")]
            if not lines:
                raise UsageProblem.of("file.empty", option=option, path=path)
            return _parse_rows(lines, f'{option} ("{path}")')
    except UsageProblem:
        raise
    except ValueError:  # not a .npy array of numbers, or not text (UnicodeDecodeError)
        key = "file.not_npy" if path.lower().endswith(".npy") else "file.not_text"
        raise UsageProblem.of(key, option=option, path=path) from None
    except OSError as error:
        detail = error.strerror or " ".join(str(error).split())  # one line
        raise UsageProblem.of("file.unreadable", option=option, path=path, error=detail) from None
    if array.ndim > 2 or array.size == 0:
        raise UsageProblem.of("file.shape", option=option, path=path, shape=array.shape)
    if not np.all(np.isfinite(array)):
        raise UsageProblem.of("matrix.not_finite", option=option)
    return array


def require_dims(array: np.ndarray, option: str, dims, what: str) -> np.ndarray:
    """Check array.ndim is in `dims`; a 1-D vector is lifted to one row when 2 is wanted.

    what: the errors text "dims.<what>" that says what was expected ("matrix", "row", ...).
    """
    if array.ndim == 1 and 2 in dims and 1 not in dims:
        array = array[None, :]
    if array.ndim not in dims:
        raise UsageProblem.of(f"dims.{what}", option=option, shape=array.shape)
    return array


def random_ints(seed: int, shape, low: int = -2, high: int = 3) -> np.ndarray:
    """Small random integers in [low, high) as float64, so the arithmetic stays readable."""
    rng = np.random.default_rng(seed)
    return rng.integers(low, high, size=shape).astype(np.float64)
