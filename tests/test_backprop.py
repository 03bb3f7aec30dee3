"""backprop: every output against a scalar autograd and finite differences, the new loss
against a step taken by hand, the sentences against inputs where the opposite holds; the CLI."""

import numpy as np
import pytest

import scalar_autograd as ag
from nncli.builders.backprop import build_backprop
from nncli.builders.context import Context
from nncli.maths.gradcheck import numerical_gradient
from nncli.maths.mlp import PARAM_NAMES, mlp_loss

TOL = dict(rtol=1e-8, atol=1e-12)
DEFAULT = {"X": [[1, 2], [2, -1]], "y": [0, 1], "W1": [[0.5, -1, 1], [0.5, 0.5, -0.5]],
           "b1": [0, 0.5, -0.5], "W2": [[1, -1], [-0.5, 1], [0.5, 0.5]], "b2": [0, 0]}


def texts(trace):
    return "\n".join(getattr(b, "text", "") for s in trace.steps for b in s.blocks)


def autograd_loss(X, y, params):
    """The loss built from scalar Values, and the leaves of each parameter."""
    leaves = {k: ag.values(v) for k, v in params.items()}
    h = np.vectorize(lambda v: v.relu(), otypes=[object])(np.asarray(X, float) @ leaves["W1"] + leaves["b1"])
    return ag.cross_entropy(h @ leaves["W2"] + leaves["b2"], y), leaves


def as_params(d):
    return {k: np.array(d[k], dtype=float) for k in PARAM_NAMES}


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_gradients_and_new_loss_equal_autograd(seed):
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(4, 3)), rng.integers(0, 3, size=4)
    params = {"W1": rng.normal(size=(3, 5)), "b1": rng.normal(size=5),
              "W2": rng.normal(size=(5, 3)), "b2": rng.normal(size=3)}
    trace = build_backprop(X, y, params, 0.3, Context("backprop"))
    loss, leaves = autograd_loss(X, y, params)
    loss.backward()
    assert float(trace.outputs["loss"]) == pytest.approx(loss.data, rel=1e-12)
    for k in PARAM_NAMES:
        np.testing.assert_allclose(trace.outputs["d" + k], ag.grads(leaves[k]), **TOL, err_msg=k)
        f = lambda v, k=k: mlp_loss(X, y, {**params, k: v})
        np.testing.assert_allclose(trace.outputs["d" + k], numerical_gradient(f, params[k].copy()),
                                   rtol=1e-6, atol=1e-8, err_msg=k)
    stepped = {k: params[k] - 0.3 * ag.grads(leaves[k]) for k in PARAM_NAMES}
    assert float(trace.outputs["new_loss"]) == pytest.approx(autograd_loss(X, y, stepped)[0].data, rel=1e-12)


def test_default_example_and_its_sentences():
    trace = build_backprop(DEFAULT["X"], DEFAULT["y"], as_params(DEFAULT), 0.5, Context("backprop"))
    out = trace.outputs
    # dz2 row 1 = (p − onehot(1)) / 2 with p = softmax([1.5, 0.5]); dW2[2] = 2 × dz2[1] (h[1,2] = 2, h[0,2] = 0)
    p1 = np.exp([1.5, 0.5]) / np.exp([1.5, 0.5]).sum()
    np.testing.assert_allclose(out["dW2"][2], 2 * (p1 - [0, 1]) / 2, rtol=1e-12)
    np.testing.assert_array_equal(out["dW1"][:, 2], [0, 0])  # unit 2: z1 = −0.5 then dh = 0
    text = texts(trace)
    assert "2 of the 6 entries have z1 ≤ 0" in text
    assert "The loss went down" in text and "went up" not in text
    assert "They agree to many digits" in text
    up = texts(build_backprop(DEFAULT["X"], DEFAULT["y"], as_params(DEFAULT), 5.0, Context("backprop")))
    assert "The loss went up" in up and "went down" not in up


def test_all_positive_hidden_layer_says_so():
    params = as_params({**DEFAULT, "W1": [[1, 1, 1], [0, 0, 0]], "b1": [1, 1, 1]})
    text = texts(build_backprop([[1, 0], [2, 0]], [0, 1], params, 0.5, Context("backprop")))
    assert "Every z1 is positive" in text and "entries have z1 ≤ 0" not in text


def test_zero_gradient_leaves_the_loss_alone():
    # one example, both logits equal and both classes... a zero gradient needs p = onehot: two
    # identical rows with opposite labels cancel every weight gradient
    params = as_params(DEFAULT)
    trace = build_backprop([[1, 2], [1, 2]], [0, 1], {**params, "W2": np.zeros((3, 2))}, 0.5, Context("backprop"))
    for k in PARAM_NAMES:
        np.testing.assert_allclose(trace.outputs["d" + k], 0.0, atol=1e-15)
    assert "the gradient is 0" in texts(trace)


def test_cli_json(run):
    data = run("explain", "backprop", "--json").json()
    assert {"X", "y", "W1", "b1", "W2", "b2"} <= set(data["inputs"])
    assert {"loss", "dW1", "db1", "dW2", "db2", "new_loss"} <= set(data["outputs"])
    assert data["params"]["lr"] == 0.5 and data["outputs"]["new_loss"] < data["outputs"]["loss"]
    custom = run("explain", "backprop", "--x", "1 0; 0 1; 1 1", "--labels", "1 0 1", "--hidden", "4",
                 "--classes", "2", "--lr", "0.1", "--json").json()
    assert np.array(custom["inputs"]["W1"]).shape == (2, 4) and np.array(custom["outputs"]["dW2"]).shape == (4, 2)
    big = run("explain", "backprop", "--batch", "64", "--inputs", "16", "--hidden", "16", "--classes", "10")
    assert big.code == 0 and len(big.stdout.splitlines()) < 400  # sums and matrices are cut


@pytest.mark.parametrize("args,needle", [
    (["--w1", "1 2"], "--w1: shape 2"),
    (["--b2", "1 2 3"], "--b2"),
    (["--labels", "0 2"], "2 is not a class"),
    (["--lr", "0"], "--lr"),
    (["--lr", "nan"], "--lr"),
    (["--hidden", "0"], "--hidden"),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "backprop", *args)
    assert result.code == 2, result.stderr
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_width_80(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for args in ([], ["--lang", "zh"], ["--batch", "8", "--hidden", "8", "--classes", "4"]):
        out = run("explain", "backprop", *args).stdout
        assert max(len(line) for line in out.splitlines()) <= 80, args
