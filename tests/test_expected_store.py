"""The expected values `nncli grade` computes once: written by a child, read back equal."""

import sys

import numpy as np

from nncli.catalogue import EXERCISES
from nncli.grader import expected_store, session


def test_store_round_trip_equals_direct_computation(tmp_path):
    plans = [(e.name, session.make_cases(e, 7)) for e in EXERCISES]
    path = str(tmp_path / "expected.bin")
    had_maths = any(name.startswith("nncli.maths") for name in sys.modules)
    expected_store.write_in_child(path, plans)
    if not had_maths:  # the values (and the maths behind them) stayed in the child
        assert not any(name.startswith("nncli.maths") for name in sys.modules)
    store = expected_store.Store(path)
    for name, cases in plans:
        stored = store.for_plan(name, cases)
        direct = [session.expected_value(case) for case in cases]
        assert len(stored) == len(direct) == len(cases)
        for index, ((kind_a, a), (kind_b, b)) in enumerate(zip(stored, direct)):
            assert kind_a == kind_b == "ok", (name, index)
            if isinstance(b, tuple):
                assert isinstance(a, tuple) and len(a) == len(b), (name, index)
                for part_a, part_b in zip(a, b):
                    np.testing.assert_array_equal(part_a, part_b, err_msg=f"{name} case {index}")
            else:
                np.testing.assert_array_equal(a, b, err_msg=f"{name} case {index}")


def test_a_failing_child_is_reported(tmp_path):
    class Broken:
        function, args, kwargs = "f", (), {}

        @staticmethod
        def expected():
            raise ValueError("a bug of ours")

    path = str(tmp_path / "expected.bin")
    expected_store.write_in_child(path, [("x", [Broken()])])
    assert expected_store.Store(path).for_plan("x", [Broken()])[0] == ("internal", "ValueError: a bug of ours")


def test_raw_format_keeps_dtype_and_shape(tmp_path):
    arrays = {"scalar": np.array(3.5), "empty": np.zeros((0, 3)), "mask": np.array([True, False]),
              "ints": np.arange(6).reshape(2, 3), "fortran": np.asfortranarray(np.ones((2, 3))),
              "note": "a message"}
    path = str(tmp_path / "x.bin")
    expected_store._save(path, arrays)
    loaded = expected_store._load(path)
    assert loaded["note"] == "a message"
    for key, value in arrays.items():
        if key == "note":
            continue
        assert loaded[key].dtype == value.dtype and loaded[key].shape == value.shape, key
        np.testing.assert_array_equal(loaded[key], value, err_msg=key)
