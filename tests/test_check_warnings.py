"""Numerical warnings in the verdict: a function whose contract promises stability
(catalogue Function.quiet: sigmoid, tanh, softmax) fails a case that returned the right values
with a RuntimeWarning, and the message teaches why; any other warning is a note that changes
no verdict. Only warnings the learner's calls really raised count, never printed ones."""

import numpy as np
import pytest

from nncli.catalogue import EXERCISES, find_exercise
from nncli.exercise_files import solution_path
from nncli.grader.case import Case
from nncli.grader.compare import Finding, judge_case, runtime_warning
from nncli.grader.sandbox.results import CallOutcome
from nncli.grader.session import finding_text
from nncli.grader.wording import warning_kind, warning_phrase
from nncli.texts import Texts
from test_i18n import CJK, english_runs

EN, ZH = Texts("grader", "en"), Texts("grader", "zh")
OVERFLOW = "RuntimeWarning: overflow encountered in exp"

NAIVE_SIGMOID = "def sigmoid(x):\n    return 1.0 / (1.0 + np.exp(-x))\n"
# the classic near miss: both branches are right, but np.where computes both for every element
WHERE_SIGMOID = ("def sigmoid(x):\n"
                 "    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))\n")


@pytest.fixture
def ws(tmp_path, monkeypatch):
    root = tmp_path / "ws"
    (root / ".nncli").mkdir(parents=True)
    monkeypatch.setenv("NNCLI_WORKSPACE", str(root))
    monkeypatch.chdir(tmp_path)
    return root


def with_function(name, function_source):
    """The reference solution of exercise `name` with one function appended (it replaces the
    solution's function of the same name, being defined later)."""
    return solution_path(name).read_text() + "\n\n" + function_source


def by_function(data):
    return {t["name"]: t for e in data["exercises"] for t in e["tests"]}


def flat(text):
    return " ".join(text.split())


# ---- the catalogue ---------------------------------------------------------------------------

def test_the_functions_that_promise_stability_are_quiet():
    quiet = {(e.name, f.name) for e in EXERCISES for f in e.functions if f.quiet}
    assert quiet == {("activations", "sigmoid"), ("activations", "tanh"),
                     ("activations", "softmax"), ("backprop", "softmax_cross_entropy")}


# ---- judging one call --------------------------------------------------------------------------

def _case(function="sigmoid"):
    return Case(function, "edge: inputs of ±1000", (np.array([-1000.0, 1000.0]),),
                lambda x: np.array([0.0, 1.0]))


def test_a_right_value_with_a_runtime_warning_fails_only_a_quiet_function():
    case = _case()
    outcome = CallOutcome("returned", np.array([0.0, 1.0]), args_after=case.args,
                          warnings=("UserWarning: unrelated", OVERFLOW))
    loud = judge_case(case, outcome, np.array([0.0, 1.0]), quiet=True)
    assert loud.status == "failed" and loud.finding.key == "warned"
    assert loud.finding.values == {"function": "sigmoid",
                                   "warning": "overflow encountered in exp",
                                   "warnings": ("UserWarning: unrelated", OVERFLOW)}
    assert judge_case(case, outcome, np.array([0.0, 1.0]), quiet=False).status == "passed"


def test_wrong_values_are_reported_before_a_warning():
    case = _case()
    outcome = CallOutcome("returned", np.array([0.5, 1.0]), args_after=case.args,
                          warnings=(OVERFLOW,))
    verdict = judge_case(case, outcome, np.array([0.0, 1.0]), quiet=True)
    assert verdict.finding.key == "values"


def test_only_runtime_warnings_make_a_quiet_function_fail():
    case = _case()
    for warnings in [("UserWarning: overflow encountered in exp",), ("DeprecationWarning: x",),
                     ("RuntimeWarningish without a separator",), ()]:
        outcome = CallOutcome("returned", np.array([0.0, 1.0]), args_after=case.args,
                              warnings=warnings)
        assert runtime_warning(outcome) is None, warnings
        assert judge_case(case, outcome, np.array([0.0, 1.0]), quiet=True).status == "passed"


@pytest.mark.parametrize("function, words", [
    ("sigmoid", ["e^x / (1 + e^x)", "e^(−|x|)", "np.where"]),
    ("tanh", ["e^(−2|x|)", "sign of x"]),
    ("softmax", ["maximum", "e^0 = 1"]),
    ("lstm_step", ["float64's range", "no step overflows"]),  # the general overflow text
])
def test_the_advice_fits_the_function(function, words):
    text = finding_text(Finding("warned", function=function,
                                warning="overflow encountered in exp"), EN)
    assert text.startswith(f"{function} returned the right numbers, but NumPy warned: "
                           "overflow encountered in exp. ")
    for word in words:
        assert word in text, (function, word)
    chinese = finding_text(Finding("warned", function=function,
                                   warning="overflow encountered in exp"), ZH)
    assert "NumPy 发出了警告：exp 运算溢出了。" in chinese
    assert not english_runs(chinese), english_runs(chinese)


@pytest.mark.parametrize("message, kind, chinese", [
    ("overflow encountered in exp", "overflow", "exp 运算溢出了"),
    ("invalid value encountered in divide", "invalid", "divide 运算得到了无效值 NaN"),
    ("divide by zero encountered in log", "divide", "log 运算中除以了零"),
    ("overflow encountered in scalar power", "overflow", "scalar power 运算溢出了"),
    ("Mean of empty slice.", "other", "Mean of empty slice."),
])
def test_numpys_warnings_are_worded_and_others_kept(message, kind, chinese):
    assert warning_kind(message) == kind
    assert warning_phrase(message, ZH) == chinese
    assert warning_phrase(message, EN) == message
    assert warning_phrase(f"RuntimeWarning: {message}", EN) == f"RuntimeWarning: {message}"
    if kind != "other":
        assert warning_phrase(f"RuntimeWarning: {message}", ZH) == f"RuntimeWarning：{chinese}"


def test_the_advice_for_a_nan_names_the_unchosen_branch():
    text = finding_text(Finding("warned", function="sigmoid",
                                warning="invalid value encountered in divide"), EN)
    assert "np.where" in text and "both branches" in text


# ---- nncli check, end to end --------------------------------------------------------------------

@pytest.mark.parametrize("source", [NAIVE_SIGMOID, WHERE_SIGMOID], ids=["naive", "np.where"])
def test_a_sigmoid_that_overflows_fails_with_a_message_that_teaches(run, ws, source):
    (ws / "activations.py").write_text(with_function("activations", source))
    r = run("check", "activations", "--json", "--seed", "5")
    assert r.code == 1
    tests = by_function(r.json())
    assert {n: t["status"] for n, t in tests.items()} == {
        "relu": "passed", "sigmoid": "failed", "tanh": "passed", "softmax": "passed"}
    message = flat(tests["sigmoid"]["message"])
    assert 'Case "edge: inputs of ±1000 and ±50, shape (2, 3)"' in message
    assert ("sigmoid returned the right numbers, but NumPy warned: overflow encountered in exp."
            in message)
    assert "e^(−|x|)" in message
    # the reason follows the warnings: the naive formula overflows and 1 / (1 + inf) is 0;
    # np.where's other branch also made a NaN (inf / inf) that it threw away
    naive = source == NAIVE_SIGMOID
    assert ("1 / (1 + inf) happens to be 0" in message) == naive
    assert ("np.where threw that branch away" in message) == (not naive)
    assert r.json()["exercises"][0]["score"] == 1 + 2 + 3


def test_the_same_failure_in_chinese(run, ws, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    (ws / "activations.py").write_text(with_function("activations", NAIVE_SIGMOID))
    r = run("check", "activations", "--lang", "zh", "--seed", "5")
    assert r.code == 1
    text = r.stdout.replace("\n", "").replace(" ", "")
    assert "sigmoid返回的数值是对的，但NumPy发出了警告：exp运算溢出了。" in text
    assert "1/(1+inf)恰好等于0" in text and "np.where会对每个元素把两个分支都算一遍" in text
    assert not english_runs(r.stdout), english_runs(r.stdout)
    data = run("check", "activations", "--lang", "zh", "--seed", "5", "--json").json()
    message = by_function(data)["sigmoid"]["message"]
    assert CJK.search(message) and "exp 运算溢出了" in message


def test_a_tanh_built_on_a_naive_sigmoid_fails_too(run, ws):
    source = NAIVE_SIGMOID + "\n\ndef tanh(x):\n    return 2.0 * sigmoid(2.0 * x) - 1.0\n"
    (ws / "activations.py").write_text(with_function("activations", source))
    tests = by_function(run("check", "activations", "--json", "--seed", "2").json())
    assert tests["tanh"]["status"] == "failed"
    assert "tanh returned the right numbers, but NumPy warned" in flat(tests["tanh"]["message"])
    assert "e^(−2|x|)" in tests["tanh"]["message"]


def test_the_reference_solutions_pass_with_no_warning(run, ws):
    for exercise in EXERCISES:
        (ws / f"{exercise.name}.py").write_text(solution_path(exercise.name).read_text())
    for seed in ("1", "9"):
        r = run("check", "--json", "--seed", seed)
        assert r.code == 0, r.stdout
        for name, test in by_function(r.json()).items():
            assert test["status"] == "passed", (name, test["message"])
            assert "warn" not in test["message"].lower(), (name, test["message"])


def test_a_warning_in_a_function_that_is_not_quiet_is_a_note_only(run, ws):
    """dense warns (an exp that overflows, its result thrown away); perceptron warns and is
    wrong. Their verdicts are those of the same code without the warning."""
    warns = "    np.exp(np.full(2, 1000.0))\n"
    dense = ("def dense(x, W, b):\n" + warns + "    return x @ W + b\n")
    perceptron = ("def perceptron(x, w, b):\n" + warns
                  + "    return (x @ w + b >= 0).astype(np.float64)\n")  # >= where > is due
    quiet = {"dense": dense.replace(warns, ""), "perceptron": perceptron.replace(warns, "")}
    (ws / "neuron.py").write_text(with_function("neuron", dense + "\n\n" + perceptron))
    noisy = by_function(run("check", "neuron", "--json", "--seed", "3").json())
    (ws / "neuron.py").write_text(with_function("neuron", "\n\n".join(quiet.values())))
    clean = by_function(run("check", "neuron", "--json", "--seed", "3").json())
    assert noisy["dense"]["status"] == clean["dense"]["status"] == "passed"
    assert noisy["perceptron"]["status"] == clean["perceptron"]["status"] == "failed"
    for name in ("dense", "perceptron"):
        assert noisy[name]["message"].startswith(clean[name]["message"]), name
        note = noisy[name]["message"][len(clean[name]["message"]):]
        assert note.startswith("\nNote: on case \"") and OVERFLOW in note, name
        assert "does not change the verdict" in note
        assert "warn" not in clean[name]["message"].lower()


def test_a_note_shows_for_a_passed_function_only_with_verbose(run, ws):
    dense = "def dense(x, W, b):\n    np.exp(np.full(2, 1000.0))\n    return x @ W + b\n"
    (ws / "neuron.py").write_text(with_function("neuron", dense))
    plain = run("check", "neuron", "--seed", "3")
    verbose = run("check", "neuron", "--seed", "3", "--verbose")
    assert plain.code == verbose.code == 0
    assert "Note: on case" not in plain.stdout
    assert "neuron.dense: passed" in verbose.stdout and OVERFLOW in flat(verbose.stdout)


def test_a_warning_that_is_not_numpys_does_not_fail_a_quiet_function(run, ws):
    source = ("import warnings\n\n"
              "def sigmoid(x):\n    warnings.warn('sigmoid is slow here', UserWarning)\n"
              "    z = np.exp(-np.abs(x))\n"
              "    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))\n")
    (ws / "activations.py").write_text(with_function("activations", source))
    r = run("check", "activations", "--json", "--seed", "5")
    assert r.code == 0
    sigmoid = by_function(r.json())["sigmoid"]
    assert sigmoid["status"] == "passed"
    assert "UserWarning: sigmoid is slow here" in sigmoid["message"]


def test_printing_a_warning_changes_nothing(run, ws):
    source = ("import sys\n\n"
              "def sigmoid(x):\n"
              "    print('RuntimeWarning: overflow encountered in exp', file=sys.stderr)\n"
              "    print('sigmoid.py:3: RuntimeWarning: overflow encountered in exp')\n"
              "    z = np.exp(-np.abs(x))\n"
              "    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))\n")
    (ws / "activations.py").write_text(with_function("activations", source))
    printed = by_function(run("check", "activations", "--json", "--seed", "5").json())
    (ws / "activations.py").write_text(solution_path("activations").read_text())
    reference = by_function(run("check", "activations", "--json", "--seed", "5").json())
    assert printed["sigmoid"]["status"] == "passed"
    assert printed["sigmoid"]["message"] == reference["sigmoid"]["message"]
    assert OVERFLOW in printed["sigmoid"]["output"]  # shown as output, nothing more


def test_find_exercise_still_gives_the_catalogue_function():
    assert find_exercise("activations").function("sigmoid").quiet
    assert not find_exercise("neuron").function("dense").quiet
