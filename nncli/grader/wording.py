"""The sandbox's, compare's and the hidden cases' fixed English phrases, worded in the
learner's language.

The sandbox (sandbox*.py) and compare.describe report what happened in fixed English
strings ("called sys.exit(3)", "killed by signal 11 (segmentation fault)", "a list of 3
items"); the hidden cases name themselves in English ("edge: stride 2 does not divide: N=2
..."). They stay English there, as data. Here, at the report layer, each known string is
matched and rewritten from a text key of nncli/texts/<lang>/grader.py; an unknown string
(a Python exception message, a new phrase) is kept as it is, never lost.
"""

import re

# ---------------------------------------------------------------- sandbox strings

_SIGNALS = {
    "segmentation fault": "signal.segv", "bus error": "signal.bus",
    "floating-point exception": "signal.fpe", "illegal instruction": "signal.ill",
    "aborted": "signal.abrt", "killed, perhaps out of memory": "signal.kill",
    "CPU time limit reached": "signal.xcpu", "file size limit reached": "signal.xfsz",
    "terminated": "signal.term", "broken pipe": "signal.pipe", "unknown signal": "signal.unknown",
}

_FIXED = {
    "called sys.exit()": "sandbox.exit_none",
    "stopped by nncli": "sandbox.stopped",
    "sent more data than it could hold": "sandbox.too_much",
    "sent results nncli could not read": "sandbox.unreadable",
    "the file could not be loaded": "sandbox.not_loaded",
    "nncli could not read back what this call returned": "sandbox.not_read_back",
    "an exception": "sandbox.an_exception",
    "None": "value.none",
    # descriptions of returned values (sandbox_wire.describe, compare.describe)
    "a bool": "value.bool", "an int": "value.int", "a float": "value.float", "a str": "value.str",
    "an object nncli could not describe": "value.object_unknown",
    "a value nncli could not read back": "value.unreadable",
}

# (pattern, key, names of the groups in order); the first match wins
_PATTERNS = [
    (r"called sys\.exit\((?P<code>.*)\)", "sandbox.exit"),
    (r"ran out of memory \(limit (?P<limit>[^)]*)\)", "sandbox.memory"),
    (r"killed by signal (?P<number>\d+) \((?P<name>.*)\)", "sandbox.signal"),
    (r"exited with status (?P<code>-?\d+) \(the sandbox could not be set up\)", "sandbox.exit_setup"),
    (r"exited with status (?P<code>-?\d+) \(its results could not be sent\)", "sandbox.exit_contact"),
    (r"exited with status (?P<code>-?\d+)", "sandbox.exit_status"),
    (r"the process ended while the file was loading: (?P<reason>.*)", "sandbox.ended_loading"),
    (r"could not start a process: (?P<reason>.*)", "sandbox.cannot_start"),
    (r"the file could not be read: (?P<reason>.*)", "sandbox.file_unreadable"),
    (r"the grader could not isolate this file \((?P<reason>.*)\); it was not run",
     "sandbox.not_isolated"),
    (r"(?P<error>\w+): importing (?P<module>[\w.]+) is not allowed in an exercise file",
     "sandbox.import_refused"),
    (r"a NumPy scalar of dtype (?P<dtype>\w+)", "value.numpy_scalar"),
    (r"an array of dtype (?P<dtype>\w+) and shape (?P<shape>\(.*\))", "value.array"),
    (r"an array of dtype (?P<dtype>\w+)", "value.array_dtype"),
    (r"a (?P<kind>list|tuple|dict|set) of 1 item", "value.container_one"),
    (r"a (?P<kind>list|tuple|dict|set) of (?P<count>\d+) items", "value.container"),
    (r"an object of type (?P<kind>.+)", "value.object"),
    (r"the bool (?P<value>True|False)", "value.python_bool"),
    (r"the number (?P<value>\S+) \(a Python (?P<kind>\w+), not an array\)", "value.number"),
    (r"a (?P<kind>\w+)", "value.other"),
]
_COMPILED = [(re.compile(pattern), key) for pattern, key in _PATTERNS]


def problem_text(problem, t) -> str:
    """A problem of the sandbox, (key, values), worded for t (a value ("key", k) is itself the
    text k); a learner's own text is worded by `phrase`."""
    if isinstance(problem, tuple) and len(problem) == 2:
        key, values = problem
        worded = {name: (t(value[1]) if isinstance(value, tuple) and value[:1] == ("key",)
                         else problem_text(value, t) if isinstance(value, tuple)
                         else value) for name, value in values.items()}
        return t(key, **worded)
    return phrase(problem, t)


def phrase(text, t) -> str:
    """One fixed string of the sandbox or of compare.describe in t's language (t: a Texts of
    "grader"); a string not known here comes back unchanged. Only the first line of a
    several-line text is worded; the rest is a traceback, kept as Python wrote it but for
    its heading line, which becomes check.traceback."""
    if not text:
        return text
    first, newline, rest = text.partition("\n")
    heading = "Traceback (most recent call last):"
    if t.lang != "en" and rest.startswith(heading):
        rest = t("check.traceback") + rest[len(heading):]
    return _phrase_line(first, t) + newline + rest


def _phrase_line(line: str, t) -> str:
    if t.lang == "en":
        return line
    key = _FIXED.get(line)
    if key is not None:
        return t(key)
    for pattern, key in _COMPILED:
        match = pattern.fullmatch(line)
        if match:
            values = match.groupdict()
            if key == "sandbox.signal":
                values["name"] = t(_SIGNALS[values["name"]]) if values["name"] in _SIGNALS \
                    else values["name"]
            elif key in ("sandbox.ended_loading", "sandbox.cannot_start"):
                values["reason"] = _phrase_line(values["reason"], t)
            return t(key, **values)
    return line


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


def warning_advice(function: str, message: str, t) -> str:
    """What a warning in a function that must stay quiet means, and how to avoid it: the
    text "warned.<kind>.<function>" when there is one, else "warned.<kind>"."""
    kind = warning_kind(message)
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
