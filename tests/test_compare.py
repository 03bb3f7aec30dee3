"""grader/compare.py: each kind of wrong answer gets its own finding, with the numbers that
make it teach (index, expected, received), worked out by hand in each test."""

import numpy as np
import pytest

from nncli.grader.case import Case, Mistake
from nncli.grader.compare import (
    CaseVerdict, Finding, changed_arguments, compare, compare_array, describe, judge_case,
    recognise, shape_text,
)
from nncli.texts import Texts

RTOL, ATOL = 1e-6, 1e-9


class Outcome:
    """A stand-in for the sandbox's CallOutcome."""

    def __init__(self, status="returned", value=None, args_after=None, error=None):
        self.status, self.value, self.args_after, self.error = status, value, args_after, error
        self.traceback = None


class Unsupported:
    def __init__(self, description):
        self.description = description


def test_right_array_passes_within_tolerance():
    e = np.array([[1.0, -2.0], [3.0, 1e-12]])
    r = e * (1 + 5e-7) + 1e-10
    assert compare_array(e, r, RTOL, ATOL) is None


def test_largest_error_is_located_and_counted():
    e = np.arange(6, dtype=np.float64).reshape(2, 3)
    r = e.copy()
    r[0, 1] += 0.5
    r[1, 2] -= 2.0          # the largest error: 2 at [1, 2], expected 5
    f = compare_array(e, r, RTOL, ATOL)
    assert f.key == "values"
    assert f.values["count"] == 2 and f.values["total"] == 6
    assert f.values["index"] == "[1, 2]"
    assert f.values["expected_value"] == "5" and f.values["received_value"] == "3"
    assert f.values["error"] == "2"


def test_relative_tolerance_scales_with_the_expected_value():
    e = np.array([1e6, 1.0])
    assert compare_array(e, np.array([1e6 + 0.5, 1.0]), RTOL, ATOL) is None   # 0.5 <= 1
    f = compare_array(e, np.array([1e6, 1.0 + 1e-5]), RTOL, ATOL)             # 1e-5 > 1e-6
    assert f.key == "values" and f.values["index"] == "[1]"


def test_shape_mismatch_names_both_shapes_and_spots_a_transpose():
    e = np.zeros((2, 3))
    f = compare_array(e, np.zeros((3, 2)), RTOL, ATOL)
    assert f.key == "shape"
    assert (f.values["expected"], f.values["received"]) == ("(2, 3)", "(3, 2)")
    assert f.values["hint"] == "axes_swapped"
    assert compare_array(e, np.zeros((2, 1, 3)), RTOL, ATOL).values["hint"] == "extra_axis"
    assert compare_array(np.zeros((2, 1)), np.zeros(2), RTOL, ATOL).values["hint"] == "missing_axis"
    assert compare_array(e, np.zeros(6), RTOL, ATOL).values["hint"] == "same_size"
    assert compare_array(e, np.zeros(5), RTOL, ATOL).values["hint"] == ""
    assert shape_text((4,)) == "(4,)"


def test_nan_and_inf_are_named_where_a_finite_value_is_due():
    e = np.array([0.0, 1.0, 0.5])
    r = np.array([np.nan, 1.0, np.inf])
    f = compare_array(e, r, RTOL, ATOL)
    assert f.key == "not_finite"
    assert f.values["count"] == 2 and f.values["index"] == "[0]"
    assert f.values["received_value"] == "nan" and f.values["expected_value"] == "0"


def test_verdict_agrees_with_isclose_for_every_special_value():
    """Right or wrong as np.isclose(equal_nan=True) says, for finite, infinite and NaN values
    on either side (an infinite expected value is never met by a finite one, whatever the
    relative tolerance), and no overflow warning for huge values of opposite signs."""
    import warnings

    specials = [0.0, 1.0, -1.0, 1e-12, 1e308, -1e308, np.inf, -np.inf, np.nan]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for want in specials:
            for got in specials:
                e, r = np.array([want, 2.0]), np.array([got, 2.0])
                right = bool(np.isclose(got, want, rtol=0.5, atol=ATOL, equal_nan=True))
                finding = compare_array(e, r, 0.5, ATOL)
                assert (finding is None) == right, (want, got, finding)


def test_one_expected_array_judged_with_other_tolerances_or_after_a_0d_answer():
    """The allowed gap of an expected array is kept between answers (a class meets the same
    expected values): a stricter tolerance on the same array is still applied."""
    e = np.array([1.0, 2.0])
    r = np.array([1.001, 2.0])
    assert compare_array(e, r, 1e-2, 0.0) is None
    assert compare_array(e, r, 1e-6, 0.0).key == "values"
    assert compare_array(e, r, 0.0, 1e-2) is None
    assert compare_array(np.array(0.5), np.array(0.5), RTOL, ATOL) is None
    assert compare_array(np.array(0.5), np.array(0.6), RTOL, ATOL).key == "values"


def test_ints_where_floats_are_due():
    f = compare_array(np.array([1.0, 0.0]), np.array([1, 0]), RTOL, ATOL)
    assert f.key == "dtype_int" and "int" in f.values["received"]
    assert compare_array(np.array([1.0]), np.array([True]), RTOL, ATOL).key == "dtype_int"


def test_float32_and_complex_and_object_arrays():
    assert compare_array(np.ones(2), np.ones(2, np.float32), RTOL, ATOL).key == "dtype_narrow"
    assert compare_array(np.ones(2), np.ones(2, complex), RTOL, ATOL).key == "dtype_complex"
    assert compare_array(np.ones(2), np.array([1.0, None]), RTOL, ATOL).key == "object_array"


@pytest.mark.parametrize("received,words", [
    ([1.0, 2.0], "a list of 2 items"),
    (None, "None"),
    (3.0, "the number 3.0"),
    (Unsupported(("value.container", {"kind": "dict", "count": 2})), "a dict of 2 items"),
])
def test_not_an_array_says_what_it_was(received, words):
    from nncli.grader.wording import problem_text
    from nncli.texts import Texts

    f = compare_array(np.ones(2), received, RTOL, ATOL)
    assert f.key == "not_array"
    assert words in problem_text(f.values["received"], Texts("grader", "en"))
    assert f.values["shape"] == "(2,)"


def test_tuples_right_length_and_item_numbered():
    e = (np.ones((2, 2)), np.zeros((2, 2)))
    assert compare(e, (np.ones((2, 2)), np.zeros((2, 2))), RTOL, ATOL) is None
    assert compare(e, np.ones((2, 2)), RTOL, ATOL).key == "tuple_wanted"
    f = compare(e, (np.ones((2, 2)),) * 3, RTOL, ATOL)
    assert f.key == "tuple_length" and (f.values["count"], f.values["received"]) == (2, 3)
    f = compare(e, (np.ones((2, 2)), np.ones((2, 2))), RTOL, ATOL)
    assert f.key == "values" and f.values["item"] == 2 and f.values["items"] == 2
    assert (f.values["count"], f.values["total"]) == (4, 4)         # counts of that item
    assert compare(np.ones(2), (np.ones(2), np.ones(2)), RTOL, ATOL).key == "tuple_unwanted"
    assert compare(e, [np.ones((2, 2)), np.zeros((2, 2))], RTOL, ATOL).key == "list_not_tuple"
    assert compare(e, [np.ones((2, 2))] * 3, RTOL, ATOL).key == "not_tuple"   # 3 items, not 2


def test_changed_arguments_names_the_array_changed():
    x, w = np.ones((2, 3)), np.arange(3.0)
    assert changed_arguments((x, w, 0.5), (x.copy(), w.copy(), None), ("x", "w", "b")) == []
    bumped = w.copy()
    bumped[1] = 7
    assert changed_arguments((x, w, 0.5), (x.copy(), bumped, None), ("x", "w", "b")) == ["w"]
    params = {"W1": np.ones(2), "b1": np.zeros(2)}
    after = {"W1": np.ones(2), "b1": np.array([0.0, 1.0])}
    assert changed_arguments((params,), (after,), ("params",)) == ["params['b1']"]
    # NaN inputs that stay NaN are unchanged
    n = np.array([np.nan, 1.0])
    assert changed_arguments((n,), (n.copy(),), ("x",)) == []


def test_argument_names_are_read_only_for_a_changed_argument():
    class Names:  # as session's: the template's names, read from a file when asked
        read = 0

        def __len__(self):
            Names.read += 1
            return 2

        def __getitem__(self, index):
            Names.read += 1
            return ("x", "w")[index]

    x, w = np.ones(2), np.zeros(2)
    assert changed_arguments((x, w), (None, w.copy()), Names()) == []
    assert Names.read == 0
    assert changed_arguments((x, w), (None, w + 1), Names()) == ["w"]


def _relu_case(x, mistakes=()):
    return Case("relu", "edge: negatives", (x,), lambda x: np.maximum(x, 0.0), mistakes=mistakes)


def test_judge_case_statuses():
    x = np.array([-1.0, 2.0])
    case = _relu_case(x)
    expected = np.array([0.0, 2.0])
    assert judge_case(case, Outcome(value=expected.copy(), args_after=(x.copy(),)),
                      expected, ("x",)).status == "passed"
    assert judge_case(case, Outcome("not_implemented"), expected).status == "not_started"
    v = judge_case(case, Outcome("raised", error="ValueError: bad"), expected)
    assert (v.status, v.finding.key, v.finding.values["error"]) == ("error", "raised", "ValueError: bad")
    assert judge_case(case, Outcome("missing"), expected).finding.key == "missing"
    timeout = Finding("timeout")
    assert judge_case(case, Outcome("not_run"), expected, file_problem=timeout).finding is timeout


def test_in_place_change_fails_even_with_the_right_value():
    x = np.array([-1.0, 2.0])
    expected = np.array([0.0, 2.0])
    v = judge_case(_relu_case(x), Outcome(value=expected.copy(), args_after=(expected.copy(),)),
                   expected, ("x",))
    assert v.status == "failed" and v.finding.key == "in_place"
    assert v.finding.values["arguments"] == "x"


def test_a_known_mistake_is_recognised_and_only_when_it_fits():
    x = np.array([[-1.0, 2.0, 3.0], [0.5, -4.0, 1.0]])
    mistakes = [Mistake("transposed", lambda x: np.maximum(x, 0).T),
                Mistake("abs_instead", lambda x: np.abs(x))]
    case = _relu_case(x, mistakes)
    expected = np.maximum(x, 0.0)
    v = judge_case(case, Outcome(value=np.abs(x), args_after=(x.copy(),)), expected, ("x",))
    assert (v.status, v.finding.key, v.mistake_key) == ("failed", "values", "abs_instead")
    v = judge_case(case, Outcome(value=expected.T.copy(), args_after=(x.copy(),)), expected)
    assert (v.finding.key, v.mistake_key) == ("shape", "transposed")
    v = judge_case(case, Outcome(value=x * 2, args_after=(x.copy(),)), expected)
    assert v.mistake is None
    assert recognise(case, [1, 2]) is None          # a list matches no wrong answer


def test_a_mistake_that_raises_or_edits_its_inputs_does_no_harm():
    x = np.array([1.0, -1.0])

    def clobber(x):
        x[:] = 99.0
        return x

    def broken(x):
        raise ValueError("not for this case")

    case = _relu_case(x, [Mistake("broken", broken), Mistake("clobber", clobber)])
    assert recognise(case, np.array([99.0, 99.0])) == "clobber"
    assert x.tolist() == [1.0, -1.0]


def test_every_finding_key_has_a_text():
    t = Texts("grader")
    keys = ["missing", "raised", "not_run", "in_place", "not_array", "not_tuple", "tuple_wanted",
            "tuple_unwanted", "tuple_length", "object_array", "dtype_int", "dtype_complex",
            "dtype_narrow", "dtype_other", "shape", "not_finite", "values", "values_bool"]
    for key in keys:
        assert t.has(f"compare.{key}"), key
    for hint in ("axes_swapped", "extra_axis", "missing_axis", "same_size"):
        assert t.has(f"compare.shape.{hint}")


def test_describe_is_a_key_worded_at_the_report():
    from nncli.grader.wording import problem_text
    from nncli.texts import Texts

    en = Texts("grader", "en")
    assert describe(np.zeros((2, 3))) == ("value.array", {"dtype": "float64", "shape": "(2, 3)"})
    assert problem_text(describe(np.zeros((2, 3))), en) == \
        "an array of dtype float64 and shape (2, 3)"
    assert problem_text(describe((1, 2, 3)), en) == "a tuple of 3 items"
    assert problem_text(describe([1]), en) == "a list of 1 item"
    assert isinstance(CaseVerdict("passed").finding, type(None))
