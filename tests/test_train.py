"""train: the loss curves against steps taken by a scalar autograd, the data sets, the
overfitting sentence with inputs where it happens and where it does not; the CLI."""

import numpy as np
import pytest

import scalar_autograd as ag
from nncli.builders.context import Context
from nncli.builders.train import build_train, overfitting
from nncli.maths.datasets import CLASSES, DATASETS, make
from nncli.maths.mlp import PARAM_NAMES, init_mlp


def texts(trace):
    return "\n".join(getattr(b, "text", "") for s in trace.steps for b in s.blocks)


def autograd_step(X, y, params, lr):
    """(loss, params after one step) with every gradient from the scalar autograd."""
    leaves = {k: ag.values(v) for k, v in params.items()}
    h = np.vectorize(lambda v: v.relu(), otypes=[object])(X @ leaves["W1"] + leaves["b1"])
    loss = ag.cross_entropy(h @ leaves["W2"] + leaves["b2"], y)
    loss.backward()
    return loss.data, {k: params[k] - lr * ag.grads(leaves[k]) for k in PARAM_NAMES}


def test_json_curves_equal_steps_of_a_scalar_autograd(run):
    data = run("explain", "train", "--samples", "6", "--hidden", "3", "--epochs", "4", "--lr", "0.7",
               "--data", "spiral", "--json").json()
    i, o = data["inputs"], data["outputs"]
    assert {"X", "y", "X_val", "y_val", "W1", "b1", "W2", "b2"} <= set(i)
    assert {"losses", "val_losses", "W1", "b1", "W2", "b2", "accuracy"} <= set(o)
    assert data["params"]["epochs"] == 4 and data["params"]["lr"] == 0.7
    X, y = np.array(i["X"]), np.array(i["y"])
    Xv, yv = np.array(i["X_val"]), np.array(i["y_val"])
    params = {k: np.array(i[k]) for k in PARAM_NAMES}
    assert len(o["losses"]) == len(o["val_losses"]) == 5
    for k in range(5):
        val, _ = autograd_step(Xv, yv, params, 0.0)
        loss, stepped = autograd_step(X, y, params, 0.7)
        assert o["losses"][k] == pytest.approx(loss, rel=1e-10), k
        assert o["val_losses"][k] == pytest.approx(val, rel=1e-10), k
        if k < 4:
            params = stepped
    for k in PARAM_NAMES:
        np.testing.assert_allclose(np.array(o[k]), params[k], rtol=1e-9, atol=1e-12, err_msg=k)
    h = np.maximum(X @ params["W1"] + params["b1"], 0)
    assert o["accuracy"] == pytest.approx(np.mean(np.argmax(h @ params["W2"] + params["b2"], 1) == y))


@pytest.mark.parametrize("name", DATASETS)
def test_datasets_shapes_balance_and_seeds(name):
    X, y = make(name, 60, np.random.default_rng(0))
    assert X.shape == (60, 2) and y.shape == (60,) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [60 // CLASSES[name]] * CLASSES[name]
    np.testing.assert_array_equal(make(name, 60, np.random.default_rng(0))[0], X)
    assert not np.allclose(make(name, 60, np.random.default_rng(1))[0], X)


def test_xor_labels_follow_the_corners():
    X, y = make("xor", 400, np.random.default_rng(3), noise=0.05)
    corner = np.round(X).astype(int)
    np.testing.assert_array_equal(y, corner[:, 0] ^ corner[:, 1])


def test_overfitting_rule_on_made_up_curves():
    falling = np.linspace(1.0, 0.1, 11)
    turning = np.array([1.0, 0.8, 0.6, 0.5, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75])
    assert overfitting(falling, turning)[:3] == (4, 0.45, 0.75)
    assert overfitting(falling, falling) is None                   # both fall
    assert overfitting(turning, turning) is None                   # training rises too
    assert overfitting(falling, turning - np.r_[np.zeros(5), np.linspace(0.04, 0.29, 6)]) is None  # rise 0.01: noise


def test_overfitting_is_said_when_and_only_when_it_happens():
    def run_train(samples, hidden, epochs):
        X, y = make("xor", samples, np.random.default_rng(0))
        Xv, yv = make("xor", 200, np.random.default_rng(1))
        return build_train(X, y, Xv, yv, init_mlp(2, hidden, 2, 2), epochs, 0.5, Context("train"))

    over = run_train(16, 100, 5000)
    val, losses = over.outputs["val_losses"], over.outputs["losses"]
    k = int(np.argmin(val))
    assert val[-1] > val[k] + 0.02 and losses[-1] < losses[k]  # the numbers show it
    assert "Overfitting: from epoch" in texts(over) and "No sign of overfitting" not in texts(over)
    fine = run_train(100, 16, 1000)
    assert "No sign of overfitting" in texts(fine) and "Overfitting:" not in texts(fine)
    assert fine.outputs["val_accuracy"] > 0.9  # XOR learned: what one perceptron cannot do


def test_too_large_a_learning_rate_is_named(run):
    out = run("explain", "train", "--lr", "10", "--epochs", "50", "--data", "moons").stdout
    data = run("explain", "train", "--lr", "10", "--epochs", "50", "--data", "moons", "--json").json()
    said = "ended higher than it began" in out
    assert said and data["outputs"]["losses"][-1] > data["outputs"]["losses"][0]
    assert "ended higher than it began" not in run("explain", "train").stdout


def test_cli_default_draws_regions_and_curves(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("explain", "train")
    assert result.code == 0, result.stderr
    out = result.stdout
    assert "XOR" in out and "after 1000 updates" in out and "└──" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    zh = run("explain", "train", "--lang", "zh", "--data", "spiral", "--epochs", "50")
    assert zh.code == 0 and "过拟合" in zh.stdout


@pytest.mark.parametrize("args,needle", [
    (["--epochs", "0"], "--epochs"), (["--epochs", "20001"], "--epochs"),
    (["--lr", "0"], "--lr"), (["--lr", "11"], "--lr"),
    (["--hidden", "257"], "--hidden"), (["--samples", "3"], "--samples"),
    (["--data", "circles"], "--data"),
])
def test_cli_bounds_are_one_line_exit_2(run, args, needle):
    result = run("explain", "train", *args)
    assert result.code == 2, result.stderr
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
