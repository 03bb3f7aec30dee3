"""The warnings a learner's call raises come back with its outcome, through the private pipe
(never through what the learner prints), capped in number and length."""

import numpy as np
import pytest

import sandboxing as sandbox
from nncli.grader.sandbox import wire

OVERFLOW = "RuntimeWarning: overflow encountered in exp"


def run_source(tmp_path, source, calls):
    path = tmp_path / "learner.py"
    path.write_text(source)
    return sandbox.start(path, calls, timeout=5.0).wait()


def sigmoid_calls(*arrays):
    return [("sigmoid", (np.array(a, dtype=np.float64),), {}) for a in arrays]


NAIVE = "import numpy as np\n\ndef sigmoid(x):\n    return 1.0 / (1.0 + np.exp(-x))\n"


# ---- the wire ---------------------------------------------------------------------------

def test_warnings_round_trip_through_a_frame():
    sent = [wire.warning_text("overflow encountered in exp", RuntimeWarning),
            wire.warning_text(UserWarning("ünïcode ✓"), UserWarning)]
    assert sent == [OVERFLOW, "UserWarning: ünïcode ✓"]
    header, _ = wire.split(bytearray(wire.frame({"kind": "call", "warnings": sent})), 1 << 20)
    assert wire.warnings_field(header["warnings"]) == tuple(sent)


def test_the_parent_caps_what_the_child_sends():
    many = [f"RuntimeWarning: number {i}" for i in range(wire.MAX_WARNINGS + 7)]
    assert wire.warnings_field(many) == tuple(many[:wire.MAX_WARNINGS])
    long = "RuntimeWarning: " + "x" * 10_000
    (kept,) = wire.warnings_field([long])
    assert len(kept) == wire.MAX_WARNING_TEXT and kept.endswith("…")
    assert wire.warnings_field(None) == ()
    assert wire.warnings_field([]) == ()


@pytest.mark.parametrize("bad", ["RuntimeWarning: one string", [1, 2], {"a": "b"}, [None], 3])
def test_a_warnings_field_that_is_not_a_list_of_strings_is_malformed(bad):
    with pytest.raises(wire.Malformed):
        wire.warnings_field(bad)


def test_a_warning_nncli_cannot_turn_into_text_is_still_reported():
    class Hostile(Warning):
        def __str__(self):
            raise RuntimeError("no")

    assert wire.warning_text(Hostile(), Hostile) == "Warning: a warning nncli could not read"


# ---- the learner's process ----------------------------------------------------------------

def test_a_naive_sigmoid_reports_its_overflow_on_every_call_that_overflows(tmp_path):
    result = run_source(tmp_path, NAIVE, sigmoid_calls([-1000.0, 0.0, 1000.0], [1.0, 2.0],
                                                       [-1000.0]))
    first, quiet, again = result.outcomes
    assert [o.status for o in result.outcomes] == ["returned"] * 3
    np.testing.assert_allclose(first.value, [0.0, 0.5, 1.0], rtol=0, atol=0)
    assert first.warnings == (OVERFLOW,)
    assert quiet.warnings == ()
    # the same line warned before: Python's default filter would stay silent here
    assert again.warnings == (OVERFLOW,)
    assert "RuntimeWarning" not in result.stderr  # recorded, not printed


def test_printing_a_warning_is_not_raising_one(tmp_path):
    source = ("import sys\nimport numpy as np\n\ndef sigmoid(x):\n"
              "    print('RuntimeWarning: overflow encountered in exp', file=sys.stderr)\n"
              "    print('RuntimeWarning: overflow encountered in exp')\n"
              "    z = np.exp(-np.abs(x))\n"
              "    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))\n")
    result = run_source(tmp_path, source, sigmoid_calls([-1000.0, 1000.0]))
    (outcome,) = result.outcomes
    assert outcome.status == "returned" and outcome.warnings == ()
    assert OVERFLOW in result.stderr and OVERFLOW in result.stdout


def test_a_filter_set_at_import_does_not_hide_a_calls_warnings(tmp_path):
    source = "import warnings\nwarnings.filterwarnings('ignore')\n" + NAIVE
    (outcome,) = run_source(tmp_path, source, sigmoid_calls([1000.0, -1000.0])).outcomes
    assert outcome.warnings == (OVERFLOW,)


def test_the_learners_own_seterr_is_kept(tmp_path):
    """np.seterr is the learner's to set: 'ignore' silences NumPy (accepted), 'raise' makes
    the overflow an exception."""
    ignored = "import numpy as np\nnp.seterr(all='ignore')\n" + NAIVE
    (outcome,) = run_source(tmp_path, ignored, sigmoid_calls([-1000.0])).outcomes
    assert outcome.status == "returned" and outcome.warnings == ()
    raised = "import numpy as np\nnp.seterr(all='raise')\n" + NAIVE
    (outcome,) = run_source(tmp_path, raised, sigmoid_calls([-1000.0])).outcomes
    assert outcome.status == "raised" and "FloatingPointError" in outcome.error


def test_many_warnings_are_capped_and_the_call_still_returns(tmp_path):
    source = ("import warnings\nimport numpy as np\n\ndef sigmoid(x):\n"
              "    for i in range(20000):\n"
              "        warnings.warn(f'number {i % 50} ' + 'y' * 1000, RuntimeWarning)\n"
              "    return x\n")
    (outcome,) = run_source(tmp_path, source, sigmoid_calls([1.0])).outcomes
    assert outcome.status == "returned"
    assert len(outcome.warnings) == wire.MAX_WARNINGS
    assert outcome.warnings[0].startswith("RuntimeWarning: number 0 yyy")
    assert all(len(w) <= wire.MAX_WARNING_TEXT for w in outcome.warnings)


def test_warnings_of_a_call_that_raises_come_back_with_the_exception(tmp_path):
    source = ("import numpy as np\n\ndef sigmoid(x):\n    np.exp(x)\n"
              "    raise ValueError('gave up')\n")
    (outcome,) = run_source(tmp_path, source, sigmoid_calls([1000.0])).outcomes
    assert outcome.status == "raised" and "gave up" in outcome.error
    assert outcome.warnings == (OVERFLOW,)
