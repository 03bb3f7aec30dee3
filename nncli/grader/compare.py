"""Judge one learner outcome against the expected value, in nncli's own process.

Pure functions of NumPy arrays and plain values: no text, no I/O. A problem is a Finding
(a text key of nncli/texts/<lang>/grader.py, "compare.<key>", and the values to fill in);
report code turns it into a sentence.

The order of the checks, first problem wins:
  inputs changed in place -> not an array (list, None, object array, ...) -> a tuple where one
  array is due or the other way round, or the wrong number of values -> dtype (ints or float32
  where float64 is due) -> shape -> NaN/inf where a finite value is due -> values (outside
  |received - expected| <= atol + rtol·|expected|, as numpy.isclose) -> for a function whose
  contract promises stability (catalogue Function.quiet): a RuntimeWarning raised by a call
  whose values were right ("warned").
A case of predicted labels (Case.agreement) asks instead for an array of the expected shape
whose labels equal the expected ones often enough ("agreement").

A wrong answer is then diagnosed (`diagnose`): its values are judged again cast to float64,
so that a known mistake (case.py's Mistake, mostly transformations of the reference,
transforms.py) is recognised whatever the dtype, and every problem is told, most telling
first: the mistake, what is wrong with the values, then the dtype, with the reason its
values show (right once cast; fractions dropped; off by the precision of float32; or only
that the contract asks for float64). Passing answers never reach this.
"""

import numpy as np

STATUSES = ("passed", "failed", "error", "not_started")


class Finding:
    """key: which problem ("shape", "values", ...); values: what the sentence needs."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values

    def __repr__(self):
        return f"Finding({self.key!r}, {self.values!r})"


class CaseVerdict:
    """status: one of STATUSES; finding: the Finding (None when passed or not started);
    mistake: the recognised Mistake (case.py), or None; also: the other problems found, after
    the finding and the mistake in the order they are told (a dtype that is not float64)."""

    __slots__ = ("status", "finding", "mistake", "also")

    def __init__(self, status: str, finding=None, mistake=None, also=()):
        self.status = status
        self.finding = finding
        self.mistake = mistake
        self.also = tuple(also)

    @property
    def mistake_key(self):
        return self.mistake.key if self.mistake is not None else None

    def __repr__(self):
        return (f"CaseVerdict({self.status!r}, {self.finding!r}, mistake={self.mistake_key!r}, "
                f"also={self.also!r})")


# ---------------------------------------------------------------- describing values

def describe(value) -> tuple:
    """What a value is, as a problem (text key, values) worded at the report ("an array of
    dtype object and shape (2,)", "a list of 3 items"); an Unsupported brings its own."""
    description = getattr(value, "description", None)
    if isinstance(description, tuple) and not isinstance(value, np.ndarray):
        return description
    if value is None:
        return ("value.none", {})
    if isinstance(value, np.ndarray):
        return ("value.array", {"dtype": str(value.dtype), "shape": shape_text(value.shape)})
    if isinstance(value, (list, tuple, dict, set)):
        count = len(value)
        return ("value.container_one" if count == 1 else "value.container",
                {"kind": type(value).__name__, "count": count})
    if isinstance(value, bool):
        return ("value.python_bool", {"value": str(value)})
    if isinstance(value, (int, float, np.number)):
        return ("value.number", {"value": repr(value), "kind": type(value).__name__})
    return ("value.other", {"kind": type(value).__name__})


def shape_text(shape) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def index_text(index) -> str:
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def number_text(x) -> str:
    x = float(x)
    if np.isnan(x):
        return "nan"
    if np.isinf(x):
        return "inf" if x > 0 else "-inf"
    return f"{x:.6g}"


# ---------------------------------------------------------------- in-place changes

def changed_arguments(before, after, names=()):
    """The names of the arguments whose arrays differ after the call.

    before: the inputs as handed over (tuple, or dict for keyword arguments); after: the same
    arguments as the learner's process saw them after the call (missing entries are skipped).
    A dict argument (the transformer's params) is changed when any of its arrays is; its
    entry is named "params['W1']".
    """
    if isinstance(before, dict):
        items = [(key, before[key], after.get(key) if isinstance(after, dict) else None)
                 for key in before]
    else:
        after = tuple(after or ())
        items = [(i, value, after[i] if i < len(after) else None)
                 for i, value in enumerate(before)]
    def named(name):  # only when changed: the names are read from a file
        if type(name) is not int:
            return name
        return names[name] if name < len(names) else f"argument {name + 1}"

    changed = []
    for name, old, new in items:
        if new is None or new is old:  # the sandbox says None for an argument left alone
            continue
        if isinstance(old, np.ndarray) and isinstance(new, np.ndarray):
            if not _same_array(old, new):
                changed.append(named(name))
        elif isinstance(old, dict) and isinstance(new, dict):
            changed.extend(f"{named(name)}[{key!r}]" for key in old
                           if isinstance(old[key], np.ndarray) and isinstance(new.get(key), np.ndarray)
                           and not _same_array(old[key], new[key]))
    return changed


def _same_array(a, b) -> bool:
    return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))


# ---------------------------------------------------------------- one returned value

def compare(expected, received, rtol: float, atol: float):
    """None when `received` is right; otherwise the first Finding. `expected` is an ndarray or
    a tuple of ndarrays; `received` whatever came back (ndarray, tuple, or an Unsupported)."""
    if isinstance(expected, tuple):
        if not isinstance(received, tuple):
            if isinstance(received, np.ndarray):
                return Finding("tuple_wanted", count=len(expected))
            if _is_list_of(received, len(expected)):
                return Finding("list_not_tuple", count=len(expected))
            return Finding("not_tuple", count=len(expected), received=describe(received))
        if len(received) != len(expected):
            return Finding("tuple_length", count=len(expected), received=len(received))
        for item, (want, got) in enumerate(zip(expected, received)):
            finding = compare_value(want, got, rtol, atol)
            if finding is not None:
                finding.values.update(item=item + 1, items=len(expected))
                return finding
        return None
    if isinstance(received, tuple):
        return Finding("tuple_unwanted", received=len(received))
    return compare_value(expected, received, rtol, atol)


def compare_value(expected, received, rtol: float, atol: float):
    """One returned value: an array, or a dict of arrays (each compared by its key); a plain
    number counts as a 0-d float64 array where a 0-d array (a loss) is due."""
    if isinstance(expected, dict):
        if not isinstance(received, dict):
            return Finding("dict_wanted", keys=_keys_text(expected), received=describe(received))
        if set(received) != set(expected):
            return Finding("dict_keys", keys=_keys_text(expected), received=_keys_text(received))
        for key in expected:
            finding = compare_array(expected[key], received[key], rtol, atol)
            if finding is not None:
                finding.values["entry"] = key
                return finding
        return None
    if np.ndim(expected) == 0 and type(received) in (int, float):
        received = np.asarray(float(received))
    return compare_array(expected, received, rtol, atol)


def _keys_text(d) -> str:
    return ", ".join(repr(k) for k in d) or "none"


def _is_list_of(received, count) -> bool:
    """Whether `received` is a list (as the sandbox describes it) of `count` items."""
    key, values = describe(received)
    return (key in ("value.container", "value.container_one") and values.get("kind") == "list"
            and values.get("count") == count)


def compare_array(expected: np.ndarray, received, rtol: float, atol: float):
    """None when `received` is an array like `expected` within tolerance; else a Finding."""
    expected = np.asarray(expected)
    if type(received) is np.ndarray and received.dtype == expected.dtype \
            and received.shape == expected.shape and expected.dtype.kind == "f":
        # Most answers are right: same dtype and shape, every value within tolerance. Where a
        # received value is NaN or infinite the test below is false, and the full
        # comparison decides (so it does for expected values that are not all finite).
        allowed = _allowed_gap(expected, rtol, atol)
        if allowed is not None:
            with np.errstate(over="ignore", invalid="ignore"):
                if np.count_nonzero(np.abs(received - expected) <= allowed) == expected.size:
                    return None
    if not isinstance(received, np.ndarray):
        return Finding("not_array", received=describe(received), shape=shape_text(expected.shape))
    finding = _dtype_problem(expected.dtype, received.dtype)
    if finding is not None:
        return finding
    if received.shape != expected.shape:
        return Finding("shape", expected=shape_text(expected.shape),
                       received=shape_text(received.shape),
                       hint=_shape_hint(expected.shape, received.shape))
    if expected.dtype.kind == "b":
        wrong = received != expected
        if wrong.any():
            index = np.unravel_index(int(np.argmax(wrong)), wrong.shape)
            return Finding("values_bool", count=int(wrong.sum()), total=wrong.size,
                           index=index_text(index), expected_value=str(bool(expected[index])),
                           received_value=str(bool(received[index])))
        return None
    e = expected.astype(np.float64, copy=False)
    r = received.astype(np.float64, copy=False)
    finite = np.isfinite(e)
    bad = ~np.isfinite(r) & finite
    if bad.any():
        index = np.unravel_index(int(np.argmax(bad)), bad.shape)
        return Finding("not_finite", count=int(bad.sum()), total=bad.size,
                       index=index_text(index), expected_value=number_text(e[index]),
                       received_value=number_text(r[index]))
    with np.errstate(invalid="ignore", over="ignore"):
        wrong = ~np.isclose(r, e, rtol=rtol, atol=atol, equal_nan=True)
        if not wrong.any():
            return None
        error = np.where(wrong, np.abs(r - e), -1.0)
        error = np.where(np.isnan(error), np.inf, error)
        index = np.unravel_index(int(np.argmax(error)), error.shape)
        gap = abs(r[index] - e[index])
    return Finding("values", count=int(wrong.sum()), total=wrong.size, shape=shape_text(e.shape),
                   index=index_text(index),
                   expected_value=number_text(e[index]), received_value=number_text(r[index]),
                   error=number_text(gap), rtol=f"{rtol:g}", atol=f"{atol:g}")


_ALLOWED = {}  # id(expected) -> (expected, rtol, atol, allowed gap or None)


def _allowed_gap(expected, rtol, atol):
    """atol + rtol * |expected|, the gap allowed at each value of an expected float array
    whose values are all finite (else None), made once per array: in `nncli grade` the
    answers of every student meet the same expected values (which are never changed)."""
    known = _ALLOWED.get(id(expected))
    if known is not None and known[0] is expected and known[1:3] == (rtol, atol):
        return known[3]
    allowed = atol + rtol * np.abs(expected) if np.isfinite(expected).all() else None
    if len(_ALLOWED) >= 4096:
        _ALLOWED.clear()
    _ALLOWED[id(expected)] = (expected, rtol, atol, allowed)
    return allowed


def _dtype_problem(want: np.dtype, got: np.dtype):
    if got.kind == "O":
        return Finding("object_array")
    if want.kind == "f":
        if got.kind in "biu":
            return Finding("dtype_int", received=str(got))
        if got.kind == "c":
            return Finding("dtype_complex", received=str(got))
        if got.kind != "f":
            return Finding("dtype_other", received=str(got), expected=str(want))
        if got.itemsize < want.itemsize:
            return Finding("dtype_narrow", received=str(got), expected=str(want))
        return None
    if want.kind == "b" and got.kind != "b":
        return Finding("dtype_other", received=str(got), expected=str(want))
    return None


def _shape_hint(want, got) -> str:
    """A text key suffix (empty when nothing useful can be said) about how shapes differ."""
    if len(want) == len(got) and sorted(want) == sorted(got):
        return "axes_swapped"
    if tuple(n for n in got if n != 1) == tuple(n for n in want if n != 1):
        return "extra_axis" if len(got) > len(want) else "missing_axis"
    if int(np.prod(got, dtype=np.int64)) == int(np.prod(want, dtype=np.int64)):
        return "same_size"
    return ""


def compare_labels(expected, received, agreement: float):
    """None when `received` holds the expected labels in at least the fraction `agreement` of
    the places; otherwise a Finding ("agreement", or what compare_array says of a value that
    is not an array of numbers of the expected shape)."""
    expected = np.asarray(expected)
    if not isinstance(received, np.ndarray) or received.dtype.kind not in "biuf" \
            or received.shape != expected.shape:
        return compare_array(expected.astype(np.float64), received, 0.0, 0.0)
    right = int(np.count_nonzero(received == expected))
    if right >= agreement * expected.size:
        return None
    return Finding("agreement", right=right, total=expected.size,
                   percent=f"{100.0 * right / max(expected.size, 1):.1f}",
                   needed=f"{100.0 * agreement:g}")


# ---------------------------------------------------------------- mistakes

def matches(wrong, received, rtol: float, atol: float, agreement=None) -> bool:
    """True when `received` equals a known wrong answer (same structure, shape, values; for
    labels, in the fraction `agreement` of the places)."""
    try:
        if agreement is not None:
            return compare_labels(_as_result(wrong), received, agreement) is None
        return compare(_as_result(wrong), received, rtol, atol) is None
    except Exception:  # noqa: BLE001 - a wrong answer that cannot be formed matches nothing
        return False


def _as_result(value):
    """A computed answer in the form compare takes: arrays, dicts of arrays, a tuple."""
    def one(v):
        return {k: np.asarray(x) for k, x in v.items()} if isinstance(v, dict) else np.asarray(v)

    if isinstance(value, (tuple, list)):
        return tuple(one(v) for v in value)
    return one(value)


def recognised(case, received):
    """The first of case.mistakes (a Mistake) whose wrong answer the learner returned, or
    None. Each wrong answer is computed once per case, on copies of its inputs."""
    for mistake in case.mistakes:
        wrong = wrong_answer(case, mistake)
        if wrong is not None and matches(wrong, received, case.rtol, case.atol,
                                         getattr(case, "agreement", None)):
            return mistake
    return None


def recognise(case, received):
    """The key of the mistake `recognised` finds, or None."""
    mistake = recognised(case, received)
    return mistake.key if mistake is not None else None


def wrong_answer(case, mistake):
    """The wrong answer of `mistake` on the case's inputs, or None where it cannot be formed
    (kept in case.wrong_answers when the case has that cache)."""
    cache = getattr(case, "wrong_answers", None)
    if cache is not None and mistake in cache:
        return cache[mistake]
    try:
        with np.errstate(all="ignore"):
            wrong = _as_result(mistake.wrong(*_copies(case.args), **_copies(case.kwargs)))
    except Exception:  # noqa: BLE001 - not applicable to this case
        wrong = None
    if cache is not None:
        cache[mistake] = wrong
    return wrong


def _copies(values):
    def copy(v):
        if isinstance(v, np.ndarray):
            return v.copy()
        if isinstance(v, dict):
            return {k: copy(x) for k, x in v.items()}
        return v

    if isinstance(values, dict):
        return {k: copy(v) for k, v in values.items()}
    return tuple(copy(v) for v in values)


# ---------------------------------------------------------------- every problem of a wrong answer

# findings after which the values are worth comparing with the known mistakes
_RECOGNISABLE = ("shape", "values", "not_finite", "tuple_length", "tuple_wanted",
                 "tuple_unwanted", "agreement")
# precision a narrow float type keeps: relative differences within this many of its epsilon
# are what storing and computing in it costs
_PRECISION_EPSILONS = 64


def diagnose(case, received, expected, finding):
    """Every problem of a wrong answer, most telling first: (finding, mistake, also).

    The values are judged cast to float64 first, so that a known mistake is named whatever
    the dtype: ±1 given as integers is recognised as ±1, gates in another order as that
    order. finding: what is wrong with the values (the dtype alone when, cast to float64,
    they are right); mistake: the Mistake they match, or None; also: the dtype problem when
    there is one besides, worded from what the values show (see _dtype_finding)."""
    cast = as_float64(received, expected)
    if cast is received:
        mistake = recognised(case, received) if finding.key in _RECOGNISABLE else None
        return finding, mistake, ()
    agreement = getattr(case, "agreement", None)
    if agreement is not None:
        value_finding = compare_labels(expected, cast, agreement)
    else:
        value_finding = compare(expected, cast, case.rtol, case.atol)
    if value_finding is None:
        return _dtype_finding(expected, received, cast, case, right=True), None, ()
    mistake = recognised(case, cast) if value_finding.key in _RECOGNISABLE else None
    dtype = _dtype_finding(expected, received, cast, case, right=False,
                           recognised=mistake is not None)
    if dtype is not None and dtype.key == "dtype_int_truncated":
        mistake = None   # the dropped fractions explain every value; a match is a coincidence
    return value_finding, mistake, (() if dtype is None else (dtype,))


def as_float64(value, expected):
    """`value` with each array of integers, booleans or a float narrower than float64 cast to
    float64 where `expected` is float64 (a tuple item by item); the very object when nothing
    needed a cast."""
    if isinstance(value, tuple):
        if not isinstance(expected, tuple) or len(expected) != len(value):
            return value
        items = tuple(as_float64(v, e) for v, e in zip(value, expected))
        return value if all(a is b for a, b in zip(items, value)) else items
    if isinstance(value, dict) or isinstance(expected, dict):
        if not (isinstance(value, dict) and isinstance(expected, dict)) \
                or value.keys() != expected.keys():
            return value
        entries = {k: as_float64(value[k], expected[k]) for k in value}
        return value if all(entries[k] is value[k] for k in value) else entries
    if isinstance(value, np.ndarray) and np.asarray(expected).dtype.kind == "f" and (
            value.dtype.kind in "biu" or (value.dtype.kind == "f" and value.dtype.itemsize < 8)):
        return value.astype(np.float64)
    return value


def _dtype_finding(expected, received, cast, case, right, recognised=False):
    """The dtype problem of the first item whose dtype is not the one due, with the reason the
    values show: "_only" when cast to float64 they are right; for integers "_truncated" when
    they are the expected values with the fractions dropped; for a narrow float "_precision"
    when they are off by no more than its precision and no mistake explains them."""
    for item, key, want, got, got64 in _value_pairs(expected, received, cast):
        if not isinstance(got, np.ndarray) or got is got64:
            continue
        finding = _dtype_problem(np.asarray(want).dtype, got.dtype)
        if finding is None:
            continue
        reason = ""
        if right:
            reason = "_only"
        elif finding.key == "dtype_int" and _fractions_dropped(want, got64):
            reason = "_truncated"
        elif finding.key == "dtype_narrow" and not recognised and _within_precision(
                want, got64, got.dtype, case):
            reason = "_precision"
        finding.key += reason
        if item is not None:
            finding.values.update(item=item + 1, items=len(expected))
        if key is not None:
            finding.values["entry"] = key
        return finding
    return None


def _value_pairs(expected, received, cast):
    """(tuple item or None, dict key or None, expected, received, cast) for every array of a
    result: a tuple's items, and the entries of a dict (alone or in a tuple)."""
    def entries(want, got, got64):
        if isinstance(want, dict) and isinstance(got, dict) and isinstance(got64, dict):
            return [(k, want[k], got[k], got64[k]) for k in want if k in got and k in got64]
        return [(None, want, got, got64)]

    if isinstance(expected, tuple) and isinstance(received, tuple):
        return [(item, *entry) for item, parts in enumerate(zip(expected, received, cast))
                for entry in entries(*parts)]
    return [(None, *entry) for entry in entries(expected, received, cast)]


def _fractions_dropped(want, got64) -> bool:
    """Whether the integers received are the expected values with their fractions dropped
    (truncated, floored or rounded), and the expected values have fractions to drop."""
    want = np.asarray(want, dtype=np.float64)
    if want.shape != got64.shape or not np.all(np.isfinite(want)) or np.all(want == np.round(want)):
        return False
    return any(np.array_equal(cut(want), got64) for cut in (np.trunc, np.floor, np.round))


def _within_precision(want, got64, dtype, case) -> bool:
    want = np.asarray(want, dtype=np.float64)
    if want.shape != got64.shape:
        return False
    loose = _PRECISION_EPSILONS * float(np.finfo(dtype).eps)
    with np.errstate(invalid="ignore", over="ignore"):
        return bool(np.allclose(got64, want, rtol=max(case.rtol, loose),
                                atol=max(case.atol, loose * float(np.max(np.abs(want), initial=1.0)))))


# ---------------------------------------------------------------- one case

def runtime_warning(outcome):
    """The message of the first RuntimeWarning the call raised ("overflow encountered in
    exp"), or None. NumPy's floating-point warnings are RuntimeWarnings."""
    for text in getattr(outcome, "warnings", None) or ():
        category, separator, message = text.partition(": ")
        if separator and category == "RuntimeWarning":
            return message
    return None


def judge_case(case, outcome, expected, names=(), file_problem=None, quiet=False) -> CaseVerdict:
    """The verdict of one call.

    case: the Case (args, kwargs, rtol, atol, mistakes); outcome: the sandbox's CallOutcome
    (status, value, args_after, error, warnings); expected: the right result, computed here;
    names: the function's parameter names, for in-place messages; file_problem: a Finding
    saying why calls that did not run did not (timeout, crash), used for status "not_run";
    quiet: right values are not enough, the call must not raise a RuntimeWarning either.
    """
    status = outcome.status
    if status == "not_implemented":
        return CaseVerdict("not_started")
    if status == "missing":
        return CaseVerdict("error", Finding("missing", function=case.function))
    if status == "raised":
        return CaseVerdict("error", Finding("raised", error=outcome.error or ("sandbox.an_exception", {})))
    if status != "returned":
        return CaseVerdict("error", file_problem or Finding("not_run"))
    changed = _changed(case, outcome, names)
    agreement = getattr(case, "agreement", None)
    if agreement is not None:
        finding = compare_labels(expected, outcome.value, agreement)
    else:
        finding = compare(expected, outcome.value, case.rtol, case.atol)
    if changed:
        in_place = Finding("in_place", arguments=", ".join(changed), count=len(changed))
        if finding is None:
            return CaseVerdict("failed", in_place)
        finding, mistake, also = diagnose(case, outcome.value, expected, finding)
        return CaseVerdict("failed", in_place, mistake, (finding, *also))
    if finding is None:
        warning = runtime_warning(outcome) if quiet else None
        if warning is not None:
            return CaseVerdict("failed", Finding("warned", function=case.function,
                                                 warning=warning,
                                                 warnings=tuple(outcome.warnings or ())))
        return CaseVerdict("passed")
    finding, mistake, also = diagnose(case, outcome.value, expected, finding)
    warning = runtime_warning(outcome) if finding.key == "not_finite" else None
    if warning is not None:      # the cause the call itself reported, rather than a guess
        finding.key, finding.values["warning"] = "not_finite_warned", warning
    return CaseVerdict("failed", finding, mistake, also)


def _changed(case, outcome, names):
    """Names of the inputs the call changed: positional ones from outcome.args_after, keyword
    ones from outcome.kwargs_after (missing entries are not checked)."""
    after = getattr(outcome, "args_after", None) or ()
    kwargs_after = getattr(outcome, "kwargs_after", None) or {}
    return (changed_arguments(case.args, after, names)
            + changed_arguments(case.kwargs, kwargs_after))
