"""activation: the builder against scalar math-module formulas, finite differences and a
softmax loop; stability at ±1000; the CLI."""

import math
import warnings

import numpy as np
import pytest

from nncli.builders.activation import build_activation
from nncli.builders.context import Context
from nncli.maths import activations as act

VALUES = [-3.0, -1.0, 0.0, 0.5, 2.0, 6.0, -0.25, 4.5]


def scalar_reference(x):
    """Each function from its definition with Python's math module, one value at a time."""
    sig = 1.0 / (1.0 + math.exp(-x))
    return {"relu": x if x > 0 else 0.0, "sigmoid": sig, "tanh": math.tanh(x),
            "relu_grad": 1.0 if x > 0 else 0.0, "sigmoid_grad": sig * (1 - sig),
            "tanh_grad": 1 - math.tanh(x) ** 2}


def softmax_loop(xs):
    exps = [math.exp(v) for v in xs]  # no shift: fine for these moderate values
    total = sum(exps)
    return [e / total for e in exps]


def test_builder_outputs_match_scalar_definitions():
    trace = build_activation(np.array(VALUES), Context("activation"))
    for i, x in enumerate(VALUES):
        for name, expected in scalar_reference(x).items():
            assert trace.outputs[name][i] == pytest.approx(expected, rel=1e-12, abs=1e-14), f"{name}({x})"
    np.testing.assert_allclose(trace.outputs["softmax"], softmax_loop(VALUES), rtol=1e-12,
                               err_msg=f"softmax({VALUES})")


@pytest.mark.parametrize("name", ["sigmoid", "tanh"])
def test_slopes_match_central_differences(name):
    x = np.linspace(-5, 5, 41)
    h = 1e-5
    f, grad = getattr(act, name), getattr(act, f"{name}_grad")
    numeric = (f(x + h) - f(x - h)) / (2 * h)
    np.testing.assert_allclose(grad(x), numeric, rtol=1e-6, atol=1e-9, err_msg=name)


def test_hand_worked_values():
    # σ(0) = 1/2, σ′(0) = 1/4, tanh′(0) = 1; softmax of equal scores is uniform
    assert act.sigmoid(0.0) == 0.5 and act.sigmoid_grad(0.0) == 0.25 and act.tanh_grad(0.0) == 1.0
    np.testing.assert_allclose(act.softmax(np.array([2.0, 2.0, 2.0, 2.0])), [0.25] * 4, rtol=1e-15)
    # softmax([0, ln 3]) = [1/4, 3/4]
    np.testing.assert_allclose(act.softmax(np.array([0.0, math.log(3)])), [0.25, 0.75], rtol=1e-12)


def test_extreme_inputs_are_finite_and_silent():
    """±1000: no overflow, no invalid value, no division by zero and no warning. (e^−1000
    underflows to 0, which is the right answer, so underflow alone is allowed.)"""
    x = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        trace = build_activation(x, Context("activation"))
    for name, values in trace.outputs.items():
        assert np.all(np.isfinite(values)), f"{name}({x}) = {values}"
    out = trace.outputs
    assert out["sigmoid"][0] == 0.0 and out["sigmoid"][-1] == 1.0
    assert out["tanh"][0] == -1.0 and out["tanh"][-1] == 1.0
    assert out["sigmoid_grad"][-1] == 0.0 and out["tanh_grad"][0] == 0.0
    np.testing.assert_allclose(out["softmax"], [0, 0, 0, 0, 1], atol=1e-300)
    assert out["relu"][-1] == 1000.0


def test_big_input_table_is_bounded():
    x = np.linspace(-6, 6, 5000)
    trace = build_activation(x, Context("activation"))
    relu_step = trace.steps[1]
    table = next(b for b in relu_step.blocks if type(b).__name__ == "Table")
    assert len(table.rows) == 10
    assert any("4,990 more" in getattr(b, "text", "") for b in relu_step.blocks)


def test_cli_default(run):
    result = run("explain", "activation")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "σ(0.5) = 1 / (1 + e^−0.5) = 1 / (1 + 0.607) = 0.622" in result.stdout
    data = run("explain", "activation", "--json").json()
    assert {"topic", "params", "inputs", "steps", "outputs"} <= set(data)
    assert data["topic"] == "activation"
    assert data["inputs"]["x"] == [-3, -1, 0, 0.5, 2, 6]
    assert {"relu", "sigmoid", "tanh", "softmax"} <= set(data["outputs"])
    assert data["outputs"]["relu"] == [0, 0, 0, 0.5, 2, 6]
    assert sum(data["outputs"]["softmax"]) == pytest.approx(1.0, rel=1e-12)


def test_cli_size_seed_is_reproducible(run):
    a = run("explain", "activation", "--size", "7", "--seed", "3", "--json").json()
    b = run("explain", "activation", "--size", "7", "--seed", "3", "--json").json()
    assert a["inputs"]["x"] == b["inputs"]["x"] and len(a["inputs"]["x"]) == 7


@pytest.mark.parametrize("args,needle", [
    (["--input", "1 x 2"], '"x"'),
    (["--input", "1 2; 3 4"], "one row of values"),
    (["--size", "0"], "--size"),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "activation", *args)
    assert result.code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_export_txt_and_width_80(run, tmp_path, monkeypatch):
    path = tmp_path / "activation.txt"
    assert run("explain", "activation", "--export", str(path)).code == 0
    assert "Saturation" in path.read_text()
    monkeypatch.setenv("COLUMNS", "80")
    for args in ([], ["--size", "300"], ["--input", "-1000 1000"]):
        out = run("explain", "activation", *args).stdout
        assert max(len(line) for line in out.splitlines()) <= 80, args
