"""Verdicts on code written the way students write it (tests/learners/): each file gets the
right status and a message that names its real mistake, first, in English and in Chinese,
and no message states a cause its values do not show."""

import shutil

import pytest

from nncli.catalogue import find_exercise
from nncli.grader import session
from nncli.grader.case import Mistake
from nncli.grader.session import mistake_text
from nncli.texts import Texts
from nncli.workspace import Workspace
from test_i18n import CJK

LEARNERS = __import__("pathlib").Path(__file__).parent / "learners"
SEED = 7


def gates(order):
    return Mistake(f"gates_order_{order}", None, "gates_order", {"order": ", ".join(order)})


def named(key):
    return Mistake(key, None)


# file, exercise, {function: (status, the mistake named first or None, grader text keys that
# must appear in the message, grader text keys that must not)}
FILES = [
    ("lstm_fgio_float32", "lstm", {
        "lstm_step": ("failed", gates("fgio"), ["compare.dtype_narrow"],
                      ["compare.dtype_narrow_precision", "compare.dtype_narrow_only"]),
        "lstm_forward": ("failed", gates("fgio"), ["compare.dtype_narrow"],
                         ["compare.dtype_narrow_precision"])}),
    ("lstm_float32_right", "lstm", {
        "lstm_step": ("failed", None, ["compare.dtype_narrow_only"],
                      ["compare.dtype_narrow_precision"]),
        "lstm_forward": ("failed", None, ["compare.dtype_narrow_only"], [])}),
    ("lstm_list_no_bias", "lstm", {
        "lstm_step": ("failed", None, ["compare.list_not_tuple"], []),
        "lstm_forward": ("failed", named("missing_bias"), [], [])}),
    ("neuron_plus_minus_one", "neuron", {
        "perceptron": ("failed", named("perceptron_sign"), ["compare.dtype_int"],
                       ["compare.dtype_int_truncated", "compare.dtype_int_only"]),
        "dense": ("passed", None, [], [])}),
    ("neuron_int_truncated", "neuron", {
        "perceptron": ("passed", None, [], []),
        "dense": ("failed", None, ["compare.dtype_int_truncated"], [])}),
    ("activations_first_try", "activations", {
        "relu": ("passed", None, [], []),
        "sigmoid": ("failed", None, ["warned.overflow_discarded.sigmoid"],
                    ["warned.overflow.sigmoid"]),
        "tanh": ("passed", None, [], []),
        "softmax": ("failed", named("softmax_overflow"), ["compare.not_finite_warned"], [])}),
    ("activations_global_max", "activations", {
        "sigmoid": ("passed", None, [], []),
        "softmax": ("failed", named("softmax_global_max"), [], ["compare.not_finite"])}),
    ("multihead_mask_ignored", "multihead", {
        "split_heads": ("passed", None, [], []),
        "merge_heads": ("passed", None, [], []),
        "multi_head_attention": ("failed", named("mask_ignored"), [], [])}),
    ("transformer_eps_fixed", "transformer", {
        "layer_norm": ("failed", Mistake("eps_hard_coded", None, values={"used": "1e-06"}),
                       [], [])}),
]

_results = {}


def check(tmp_path_factory, name, exercise, lang):
    if (name, lang) not in _results:
        root = tmp_path_factory.mktemp(f"{name}_{lang}")
        (root / ".nncli").mkdir()
        shutil.copy(LEARNERS / f"{name}.py", root / f"{exercise}.py")
        result = session.run(Workspace(root, "option"), [find_exercise(exercise)], SEED,
                             lang=lang)
        _results[name, lang] = {t.name: t for e in result.exercises for t in e.tests}
    return _results[name, lang]


def _stem(text):
    """The text before its first placeholder: what any filling of it starts with."""
    return text.split("{")[0]


def _tail(text):
    """The text after its last placeholder: what tells it from its siblings."""
    tail = text.split("}")[-1]
    assert len(tail) > 10, text
    return tail


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name, exercise, verdicts", FILES, ids=[f[0] for f in FILES])
def test_a_learner_file_is_told_its_real_mistake_first(tmp_path_factory, name, exercise,
                                                       verdicts, lang):
    t = Texts("grader", lang)
    tests = check(tmp_path_factory, name, exercise, lang)
    for function, (status, mistake, told, untold) in verdicts.items():
        test = tests[function]
        where = f"{name}.{function} ({lang}): {test.message}"
        assert test.status == status, where
        lines = test.message.split("\n")
        if mistake is not None:    # named, and before anything else about the values
            assert lines[1] == t("check.mistake", text=mistake_text(mistake, lang)), where
        else:
            assert _stem(t("check.mistake", text="")) not in test.message, where
        for key in told:
            assert _stem(t(key)) in test.message, f"{key} missing: {where}"
        for key in untold:
            assert _tail(t(key)) not in test.message, f"{key} said: {where}"
        if lang == "zh" and status != "passed":
            assert CJK.search(test.message), where


def test_a_forbidden_library_is_refused_by_pointing_at_the_stated_rule(tmp_path_factory):
    for lang in ("en", "zh"):
        root = tmp_path_factory.mktemp(f"gnn_{lang}")
        (root / ".nncli").mkdir()
        shutil.copy(LEARNERS / "gnn_scipy_sparse.py", root / "gnn.py")
        result = session.run(Workspace(root, "option"), [find_exercise("gnn")], SEED, lang=lang)
        problem = result.exercises[0].problem
        assert problem == Texts("grader", lang)("check.file.forbidden_import_rule", name="gnn",
                                                 module="scipy.sparse", line=5)
        assert all(t.points == 0 for t in result.exercises[0].tests)


# ---- the reasons, chosen from the values ------------------------------------------------------

def _case(expected_value, mistakes=()):
    from nncli.grader.case import Case

    return Case("f", "edge: x", (), lambda: expected_value, mistakes=mistakes)


def _diagnosed(case, received):
    import numpy as np

    from nncli.grader.compare import compare, diagnose

    want = np.asarray(case.expected())
    return diagnose(case, received, want, compare(want, received, case.rtol, case.atol))


def test_float32_is_blamed_on_precision_only_when_the_values_are_off_by_its_precision():
    import numpy as np

    want = np.array([0.1234567, -2.345678, 3.1])
    finding, _, also = _diagnosed(_case(want), want.astype(np.float32))
    assert finding.key == "dtype_narrow_only" and also == ()      # within tolerance once cast
    off = (want * (1 + 3e-6)).astype(np.float32)                   # beyond rtol 1e-6, by little
    finding, _, also = _diagnosed(_case(want), off)
    assert finding.key == "values" and also[0].key == "dtype_narrow_precision"
    far = (want + 0.5).astype(np.float32)                           # a real mistake
    finding, _, also = _diagnosed(_case(want), far)
    assert finding.key == "values" and also[0].key == "dtype_narrow"


def test_integers_are_said_to_drop_fractions_only_when_they_did():
    import numpy as np

    want = np.array([1.5, -2.25, 3.0])
    assert _diagnosed(_case(want), np.array([1, -2, 3]))[2][0].key == "dtype_int_truncated"
    assert _diagnosed(_case(want), np.array([1, 0, 3]))[2][0].key == "dtype_int"
    assert _diagnosed(_case(np.array([1.0, 0.0])), np.array([1, 0]))[0].key == "dtype_int_only"
    # whole expected values: nothing to drop, whatever the integers are
    assert _diagnosed(_case(np.array([1.0, 0.0])), np.array([1, -1]))[2][0].key == "dtype_int"


def test_a_mistake_is_recognised_on_the_values_cast_to_float64():
    import numpy as np

    sign = Mistake("perceptron_sign", lambda: np.array([1.0, -1.0]))
    finding, mistake, also = _diagnosed(_case(np.array([1.0, 0.0]), [sign]), np.array([1, -1]))
    assert mistake is sign and finding.key == "values" and also[0].key == "dtype_int"


def test_the_overflow_advice_of_sigmoid_follows_the_warnings_the_call_raised():
    from nncli.grader.wording import warning_advice

    t = Texts("grader", "en")
    overflow = "RuntimeWarning: overflow encountered in exp"
    invalid = "RuntimeWarning: invalid value encountered in divide"
    alone = warning_advice("sigmoid", "overflow encountered in exp", t, (overflow,))
    assert alone == t("warned.overflow.sigmoid") and "1 / (1 + inf)" in alone
    both = warning_advice("sigmoid", "overflow encountered in exp", t, (overflow, invalid))
    assert both == t("warned.overflow_discarded.sigmoid") and "1 / (1 + inf)" not in both


# ---- the rules, stated from the catalogue -----------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_template_states_the_rules_and_each_forbidden_call(lang):
    import ast

    from nncli.catalogue import EXERCISES, FORBIDDEN_MODULES
    from nncli.exercise_files import rules_lines, template_text

    for exercise in EXERCISES:
        docstring = " ".join(ast.get_docstring(ast.parse(template_text(exercise.name, lang)))
                             .split())
        lines = rules_lines(exercise, lang)
        assert all(" ".join(line.split()).replace(" ", "") in docstring.replace(" ", "")
                   for line in lines), exercise.name
        for module in set(FORBIDDEN_MODULES) - {"nncli", "solutions"}:
            assert module in lines[0]
        for function in exercise.functions:
            for call in function.forbidden:
                assert call.replace("numpy.", "np.") in " ".join(lines), (exercise.name, call)
    assert ("NumPy" in rules_lines(find_exercise("gnn"), lang)[0]
            and len(rules_lines(find_exercise("gnn"), lang)) == 1)
    assert len(rules_lines(find_exercise("activations"), lang)) == 2   # np.tanh in tanh
