"""neuron: perceptron and dense against loops, the builder against a hand-worked neuron and
a loop over the layer's neurons, XOR, and the CLI."""

import math

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.neuron import build_neuron
from nncli.maths.neuron import dense, perceptron
from nncli.trace import Table


def dense_loop(x, W, b):
    N, D = x.shape
    M = W.shape[1]
    out = np.zeros((N, M))
    for n in range(N):
        for m in range(M):
            out[n, m] = sum(x[n, d] * W[d, m] for d in range(D)) + b[m]
    return out


def test_dense_and_perceptron_match_loops():
    rng = np.random.default_rng(7)
    x, W, b = rng.normal(size=(5, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    np.testing.assert_allclose(dense(x, W, b), dense_loop(x, W, b), rtol=1e-12, atol=1e-12)
    w, bias = rng.normal(size=4), 0.3
    expected = [1.0 if sum(x[n, d] * w[d] for d in range(4)) + bias > 0 else 0.0 for n in range(5)]
    assert list(perceptron(x, w, bias)) == expected
    # z exactly 0 gives 0 (strict >)
    assert perceptron(np.array([[1.0, 1.0]]), [1.0, -1.0], 0.0)[0] == 0.0


# default example: z = 2×0.5 + (−1)×(−0.25) + 0.5×1 + (−1) = 1 + 0.25 + 0.5 − 1 = 0.75
X, W0, B = np.array([2.0, -1.0, 0.5]), np.array([0.5, -0.25, 1.0]), -1.0


@pytest.mark.parametrize("activation,expected", [
    ("relu", 0.75), ("sigmoid", 1 / (1 + math.exp(-0.75))), ("tanh", math.tanh(0.75)), ("step", 1.0)])
def test_hand_worked_neuron(activation, expected):
    trace = build_neuron(X, W0, B, Context("neuron"), activation=activation)
    assert float(trace.outputs["z"]) == pytest.approx(0.75, abs=1e-15)
    assert float(trace.outputs["y"]) == pytest.approx(expected, rel=1e-12), activation


def test_negative_z():
    # z = 1×(−1) + 0 = −1: ReLU 0, step 0, tanh(−1)
    for activation, expected in (("relu", 0.0), ("step", 0.0), ("tanh", math.tanh(-1.0))):
        trace = build_neuron([1.0], [-1.0], 0.0, Context("neuron"), activation=activation)
        assert float(trace.outputs["y"]) == pytest.approx(expected, rel=1e-12), activation


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "tanh", "step"])
def test_layer_matches_neuron_loop(activation):
    rng = np.random.default_rng(11)
    x, w = rng.normal(size=5), rng.normal(size=5)
    trace = build_neuron(x, w, 0.2, Context("neuron"), activation=activation, neurons=6, seed=4)
    W, b = trace.inputs["layer_W"], trace.inputs["layer_b"]
    assert W.shape == (5, 6) and b.shape == (6,)
    np.testing.assert_array_equal(W[:, 0], w)  # neuron 0 of the layer is the neuron explained
    assert b[0] == 0.2
    f = {"relu": lambda z: max(z, 0.0), "sigmoid": lambda z: 1 / (1 + math.exp(-z)),
         "tanh": math.tanh, "step": lambda z: 1.0 if z > 0 else 0.0}[activation]
    for m in range(6):
        z = sum(x[d] * W[d, m] for d in range(5)) + b[m]
        assert trace.outputs["layer_z"][m] == pytest.approx(z, rel=1e-12, abs=1e-12), f"neuron {m}"
        assert trace.outputs["layer_y"][m] == pytest.approx(f(z), rel=1e-12, abs=1e-12), f"neuron {m}"
    assert trace.outputs["layer_z"][0] == pytest.approx(float(trace.outputs["z"]), rel=1e-12)


def test_xor_table_is_xor():
    trace = build_neuron(X, W0, B, Context("neuron"))
    table = next(b for b in trace.steps[-1].blocks if isinstance(b, Table))
    for x1, x2, h1, h2, y in table.rows:
        assert y == float(int(x1) ^ int(x2)), (x1, x2)
        assert h1 == float(x1 + x2 >= 1) and h2 == float(x1 + x2 >= 2)


def test_cli_default_shows_every_term(run):
    result = run("explain", "neuron")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "2×0.5 + (−1)×(−0.25) + 0.5×1 + (−1)" in result.stdout
    assert "x (1×3) @ W (3×4) + b (4) → z (1×4)" in result.stdout
    data = run("explain", "neuron", "--activation", "step", "--json").json()
    assert {"topic", "params", "inputs", "steps", "outputs"} <= set(data)
    assert {"x", "w", "b"} <= set(data["inputs"])
    assert {"z", "y", "layer_z", "layer_y"} <= set(data["outputs"])
    assert data["outputs"]["z"] == pytest.approx(0.75) and data["outputs"]["y"] == 1.0


def test_cli_options(run):
    data = run("explain", "neuron", "--x", "1 2", "--w", "3 -1", "--b", "0.5", "--json").json()
    assert data["outputs"]["z"] == pytest.approx(1 * 3 + 2 * -1 + 0.5)
    big = run("explain", "neuron", "--size", "500", "--neurons", "64")
    assert big.code == 0 and len(big.stdout.splitlines()) < 200


@pytest.mark.parametrize("args,needle", [
    (["--x", "1 2 3", "--w", "1 2"], "2 weights for 3 inputs"),
    (["--x", "1 a"], '"a"'),
    (["--activation", "softplus"], "--activation"),
    (["--neurons", "0"], "--neurons"),
    (["--b", "nan"], "--b"),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "neuron", *args)
    assert result.code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_export_txt_and_width_80(run, tmp_path, monkeypatch):
    path = tmp_path / "neuron.txt"
    assert run("explain", "neuron", "--export", str(path)).code == 0
    assert "XOR" in path.read_text()
    monkeypatch.setenv("COLUMNS", "80")
    for args in ([], ["--size", "40", "--neurons", "20"], ["--activation", "step"]):
        out = run("explain", "neuron", *args).stdout
        assert max(len(line) for line in out.splitlines()) <= 80, args
