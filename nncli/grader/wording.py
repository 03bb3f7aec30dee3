"""Words chosen at the report, in the learner's language, for what the grader found.

The sandbox and compare report problems as (text key, values) ("sandbox.signal" with the
number and the signal's own key, "value.container" with kind and count); `problem_text`
words them from nncli/texts/<lang>/grader.py. What the learner's code said (an exception's
message, a traceback) stays as Python wrote it, but for the traceback's heading. NumPy's
warnings and the hidden cases' labels are English data of NumPy's and of the cases: the
known ones are worded here from their texts, an unknown one is kept as it is, never lost.
"""

import re


def problem_text(problem, t) -> str:
    """A problem of the sandbox, (key, values), worded for t (a value ("key", k) is itself the
    text k); a learner's own text is worded by `phrase`."""
    if isinstance(problem, tuple) and len(problem) == 2:
        key, values = problem
        worded = {name: (t(value[1]) if isinstance(value, tuple) and value[:1] == ("key",)
                         else problem_text(value, t) if isinstance(value, tuple)
                         else value) for name, value in values.items()}
        try:  # formatted even without values, so that a missing one is noticed
            return t(key, _formatted=True, **worded)
        except (KeyError, IndexError, ValueError):  # a learner's process named a key
            return key                              # without its values: shown as data
    return phrase(problem, t)


def phrase(text, t) -> str:
    """A learner's own text (an exception's message and its traceback) for t: kept as it
    is, but for the traceback's heading, which becomes check.traceback."""
    if not text or t.lang == "en":
        return text
    first, newline, rest = text.partition("\n")
    heading = "Traceback (most recent call last):"
    if rest.startswith(heading):
        rest = t("check.traceback") + rest[len(heading):]
    return first + newline + rest


def finding_values(finding, t) -> dict:
    """The values of a compare.Finding, with its English descriptions worded for t."""
    values = dict(finding.values)
    for name in ("received", "error"):
        if isinstance(values.get(name), (str, tuple)):
            values[name] = problem_text(values[name], t)
    if isinstance(values.get("warning"), str):
        values["warning"] = warning_phrase(values["warning"], t)
    return values


# ---------------------------------------------------------------- warnings

# NumPy's floating-point warnings: "overflow encountered in exp", "invalid value encountered
# in divide", "divide by zero encountered in log", "overflow encountered in scalar power"
_NUMPY_WARNING = re.compile(
    r"(?P<kind>overflow|divide by zero|invalid value|underflow) encountered in (?P<op>.+)")
_WARNING_KINDS = {"overflow": "overflow", "divide by zero": "divide",
                  "invalid value": "invalid", "underflow": "underflow"}


def warning_kind(message: str) -> str:
    """"overflow", "divide", "invalid" or "underflow" for a NumPy floating-point warning's
    message; "other" for any other message."""
    match = _NUMPY_WARNING.fullmatch(message)
    return _WARNING_KINDS[match.group("kind")] if match else "other"


def warning_phrase(text: str, t) -> str:
    """A warning as the sandbox reports it ("RuntimeWarning: overflow encountered in exp"), or
    its message alone, in t's language: NumPy's floating-point messages are worded from the
    "numpy.<kind>" texts, any other message is kept as it is."""
    if t.lang == "en" or not text:
        return text
    category, separator, message = text.partition(": ")
    if not separator or not category.isidentifier():
        category, message = "", text
    match = _NUMPY_WARNING.fullmatch(message)
    if match is None:
        return text
    worded = t(f"numpy.{_WARNING_KINDS[match.group('kind')]}", op=match.group("op"))
    return t("check.warning_text", category=category, message=worded) if category else worded


def warning_advice(function: str, message: str, t, warnings=()) -> str:
    """What a warning in a function that must stay quiet means, and how to avoid it: the
    text "warned.<kind>.<function>" when there is one, else "warned.<kind>".

    warnings: every warning of the call ("RuntimeWarning: ..."). An overflow that came with
    an invalid value (inf / inf, inf − inf) made a NaN the answer does not hold: a branch
    np.where computed and threw away ("overflow_discarded"), not a step that happened to
    turn inf into a right number."""
    kind = warning_kind(message)
    if kind == "overflow" and any(warning_kind(w.partition(": ")[2] or w) == "invalid"
                                  for w in warnings):
        kind = "overflow_discarded"
    key = f"warned.{kind}.{function}"
    return t(key if t.has(key) else f"warned.{kind}")


# ---------------------------------------------------------------- case labels

# a number, a ±number, or a tuple of numbers: "(2, 3)", "()", "(4,)"
_NUMBERS = re.compile(r"\((?:[±\-]?\d+(?:\.\d+)?(?:, ?)?)*\)|(?<![\w.])[±\-]?\d+(?:\.\d+)?")


def _segments(label: str):
    """The label cut at ": " and ", " outside brackets, with the separators: a list of
    (separator before, text)."""
    parts, depth, start, separator = [], 0, 0, ""
    i = 0
    while i < len(label):
        char = label[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and char in ":," and label[i + 1:i + 2] == " ":
            parts.append((separator, label[start:i]))
            separator = char
            start = i + 2
            i += 2
            continue
        i += 1
    parts.append((separator, label[start:]))
    return parts


def _is_formula(segment: str) -> bool:
    """N=2 D=3 H=2, d_k≠d_v, f=[1, 2, 3]: names and values, nothing to translate."""
    bare = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", segment)
    return all(("=" in token or "≠" in token) for token in bare.split())


def label_template(segment: str):
    """("stride {0} with padding {1}", ["3", "2"]) for "stride 3 with padding 2"."""
    values = []

    def slot(match):
        values.append(match.group(0))
        return "{" + str(len(values) - 1) + "}"

    return _NUMBERS.sub(slot, segment), values


def case_label(label: str, t) -> str:
    """A hidden case's label in t's language: known phrases translated from the language's
    CASE_LABELS table (English template -> template), formulas and unknown phrases kept."""
    if t.lang == "en" or not label:
        return label
    import importlib

    try:
        table = importlib.import_module(f"nncli.texts.{t.lang}.grader").CASE_LABELS
    except (ImportError, AttributeError):
        return label
    out = []
    for separator, segment in _segments(label):
        if separator:
            out.append(t("case.sep" + (".colon" if separator == ":" else ".comma")))
        if _is_formula(segment):
            out.append(segment)
            continue
        template, values = label_template(segment)
        translated = table.get(template)
        out.append(translated.format(*values) if translated is not None else segment)
    return "".join(out)


def label_phrases(label: str) -> list:
    """The templates of a label's segments that need a translation (for the tests)."""
    return [label_template(s)[0] for _, s in _segments(label) if not _is_formula(s)]
