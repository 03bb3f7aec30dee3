"""loss: the builder's numbers against a scalar autograd, loops and finite differences;
its sentences against inputs where the opposite holds; the CLI."""

import math

import numpy as np
import pytest

import scalar_autograd as ag
from nncli.builders.context import Context
from nncli.builders.loss import build_loss
from nncli.maths.gradcheck import numerical_gradient
from nncli.maths.loss import cross_entropy

TOL = dict(rtol=1e-8, atol=1e-12)


def texts(trace):
    return "\n".join(getattr(b, "text", "") for s in trace.steps for b in s.blocks)


def build(logits, y, pred=(1.0, 2.0), target=(0.0, 2.5), row=0):
    return build_loss(np.array(logits, dtype=float), np.array(y), np.array(pred), np.array(target),
                      Context("loss"), row=row)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_outputs_equal_autograd_and_finite_differences(seed):
    rng = np.random.default_rng(seed)
    logits, y = rng.normal(size=(5, 4)) * 2, rng.integers(0, 4, size=5)
    pred, target = rng.normal(size=6), rng.normal(size=6)
    trace = build(logits, y, pred, target)
    z = ag.values(logits)
    loss = ag.cross_entropy(z, y)
    loss.backward()
    out = trace.outputs
    assert float(out["loss"]) == pytest.approx(loss.data, rel=1e-12)
    np.testing.assert_allclose(out["dlogits"], ag.grads(z), **TOL)
    np.testing.assert_allclose(out["probs"], ag.data(ag.softmax_rows(ag.values(logits))), **TOL)
    np.testing.assert_allclose(out["dlogits"], numerical_gradient(lambda v: cross_entropy(v, y), logits.copy()),
                               rtol=1e-6, atol=1e-9)
    assert float(out["mse"]) == pytest.approx(sum((a - b) ** 2 for a, b in zip(pred, target)) / 6, rel=1e-12)
    p = ag.values(pred)
    diffs = [(p[i] - target[i]) * (p[i] - target[i]) for i in range(6)]
    (sum(diffs[1:], diffs[0]) / 6).backward()
    np.testing.assert_allclose(out["dpred"], ag.grads(p), **TOL)


def test_default_example_by_hand():
    trace = build([[2, 1, -1], [0, 3, 1], [1, 2, 2]], [0, 2, 1], [2.5, 0, 1], [3, -0.5, 2])
    e = math.exp
    expected = sum(math.log(sum(e(v) for v in z)) - z[label] for label, z in
                   [(0, [2, 1, -1]), (2, [0, 3, 1]), (1, [1, 2, 2])]) / 3
    assert float(trace.outputs["loss"]) == pytest.approx(expected, rel=1e-12)
    assert float(trace.outputs["mse"]) == pytest.approx((0.25 + 0.25 + 1) / 3, rel=1e-12)
    text = texts(trace)
    assert "Example 1 costs the most" in text          # −log p of row 1 is the largest
    assert "more than a uniform guess" in text         # 1.127 > log 3 = 1.099
    assert "66.667% of the sum" in text               # 1 of 1.5
    assert "would make e^z overflow" in text           # max 2 < 709.78: the general warning


def test_huge_logits_stay_finite_and_the_sentences_follow_the_numbers():
    trace = build([[1000, 0, -1000], [-1000, 1000, 999]], [0, 1])
    out = trace.outputs
    assert np.all(np.isfinite(out["probs"])) and np.all(np.isfinite(out["dlogits"]))
    # row 0 is certain (p = 1 to float64), row 1: log(1 + e^−1)
    assert float(out["loss"]) == pytest.approx(math.log1p(math.exp(-1)) / 2, rel=1e-12)
    text = texts(trace)
    assert "does not fit in a float64" in text and "would make e^z overflow" not in text
    assert "already gives it probability 1" in text     # row 0's gradient entry is 0
    assert "less than a uniform guess" in text
    negative = texts(build([[1, 2]], [1]))
    assert "is negative" in negative and "already gives it probability 1" not in negative
    same = texts(build([[0.5, 0.5, 0.5]], [2]))
    assert "exactly what this batch costs" in same


def test_cli_json_and_options(run):
    data = run("explain", "loss", "--json").json()
    assert {"logits", "y"} <= set(data["inputs"]) and {"probs", "loss", "dlogits"} <= set(data["outputs"])
    assert data["inputs"]["y"] == [0, 2, 1]
    custom = run("explain", "loss", "--logits", "1 2; 3 -1", "--labels", "1 0", "--json").json()
    z = np.array([[1.0, 2.0], [3.0, -1.0]])
    assert custom["outputs"]["loss"] == pytest.approx(cross_entropy(z, [1, 0]), rel=1e-12)
    big = run("explain", "loss", "--batch", "500", "--classes", "40")
    assert big.code == 0 and len(big.stdout.splitlines()) < 200
    zh = run("explain", "loss", "--lang", "zh")
    assert zh.code == 0 and "交叉熵" in zh.stdout


@pytest.mark.parametrize("args,needle", [
    (["--labels", "0 1"], "2 labels for 3 rows"),
    (["--labels", "0 1 3"], "3 is not a class"),
    (["--labels", "0 1 0.5"], "0.5 is not a class"),
    (["--target", "1 2"], "--target"),
    (["--row", "3"], "--row"),
    (["--classes", "1"], "--classes"),
    (["--logits", "1 x"], '"x"'),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "loss", *args)
    assert result.code == 2, result.stderr
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_width_80(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for args in ([], ["--batch", "20", "--classes", "9"], ["--lang", "zh"]):
        out = run("explain", "loss", *args).stdout
        assert max(len(line) for line in out.splitlines()) <= 80, args
