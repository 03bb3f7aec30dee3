"""nncli.maths.loss, mlp and gradcheck against independent computations: loops, a scalar
reverse-mode autograd (tests/scalar_autograd.py, what PyTorch autograd computes) and central
finite differences, all in float64."""

import math

import numpy as np
import pytest

from nncli.maths.gradcheck import numerical_gradient, relative_error
from nncli.maths.loss import (cross_entropy, log_softmax, log_sum_exp, mse, mse_backward,
                              one_hot, softmax, softmax_cross_entropy)
from nncli.maths.mlp import (PARAM_NAMES, accuracy, dense_backward, init_mlp, mlp_forward,
                             mlp_loss, mlp_loss_and_grads, predict, relu_backward, sgd_step,
                             train_mlp)
import scalar_autograd as ag

TOL = dict(rtol=1e-8, atol=1e-10)
FD = dict(rtol=1e-6, atol=1e-8)  # central differences with h = 1e-5: error about h² ≈ 1e-10


def random_params(rng, D=3, H=5, C=4):
    return {"W1": rng.normal(size=(D, H)), "b1": rng.normal(size=H),
            "W2": rng.normal(size=(H, C)), "b2": rng.normal(size=C)}


def test_softmax_and_cross_entropy_match_plain_loops():
    rng = np.random.default_rng(1)
    z, y = rng.normal(size=(5, 4)) * 3, np.array([0, 3, 1, 1, 2])
    for n in range(5):
        total = sum(math.exp(v) for v in z[n])
        for c in range(4):
            assert softmax(z)[n, c] == pytest.approx(math.exp(z[n, c]) / total, rel=1e-12), (n, c)
        assert log_sum_exp(z)[n] == pytest.approx(math.log(total), rel=1e-12), n
    expected = sum(-math.log(math.exp(z[n, y[n]]) / sum(math.exp(v) for v in z[n]))
                   for n in range(5)) / 5
    assert cross_entropy(z, y) == pytest.approx(expected, rel=1e-12)
    assert softmax_cross_entropy(z, y)[0] == pytest.approx(expected, rel=1e-12)


def test_softmax_is_stable_for_huge_logits():
    z = np.array([[1000.0, 0.0, -1000.0], [1000.0, 1000.0, 1000.0], [-1000.0, -1000.0, -999.0]])
    p = softmax(z)
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p[0], [1.0, math.exp(-1000), 0.0], rtol=0, atol=1e-300)
    np.testing.assert_allclose(p[1], [1 / 3] * 3, rtol=1e-15)
    e = 1 / (2 + math.e)
    np.testing.assert_allclose(p[2], [e, e, math.e * e], rtol=1e-14)
    np.testing.assert_allclose(log_softmax(z)[1], [-math.log(3)] * 3, rtol=1e-14)
    loss, d = softmax_cross_entropy(z, [2, 0, 0])
    # row 0: −log p[2] = 2000; row 1: log 3; row 2: log(2 + e) − (−1000 + 1000) … shifted
    assert loss == pytest.approx((2000 + math.log(3) + math.log(2 + math.e)) / 3, rel=1e-14)
    assert np.all(np.isfinite(d))


def test_cross_entropy_gradient_is_p_minus_onehot_over_n():
    rng = np.random.default_rng(2)
    z, y = rng.normal(size=(6, 3)), rng.integers(0, 3, size=6)
    loss, d = softmax_cross_entropy(z, y)
    np.testing.assert_allclose(d, (softmax(z) - one_hot(y, 3)) / 6, **TOL)
    np.testing.assert_allclose(d, numerical_gradient(lambda v: cross_entropy(v, y), z.copy()), **FD)
    zv = ag.values(z)
    out = ag.cross_entropy(zv, y)
    out.backward()
    assert loss == pytest.approx(out.data, rel=1e-12)
    np.testing.assert_allclose(d, ag.grads(zv), **TOL)
    # every row of the gradient sums to 0: the probabilities sum to 1, the one-hot too
    np.testing.assert_allclose(d.sum(axis=1), 0.0, atol=1e-15)


def test_mse_and_its_gradient():
    rng = np.random.default_rng(3)
    pred, target = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    expected = sum((pred[i, j] - target[i, j]) ** 2 for i in range(4) for j in range(3)) / 12
    assert mse(pred, target) == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(mse_backward(pred, target),
                               numerical_gradient(lambda p: mse(p, target), pred.copy()), **FD)
    np.testing.assert_allclose(mse_backward(pred, target), (pred - target) / 6, **TOL)


def test_dense_backward_against_autograd_and_finite_differences():
    rng = np.random.default_rng(4)
    x, W, b, dout = rng.normal(size=(5, 3)), rng.normal(size=(3, 2)), rng.normal(size=2), rng.normal(size=(5, 2))
    dx, dW, db = dense_backward(dout, x, W)
    assert dx.shape == (5, 3) and dW.shape == (3, 2) and db.shape == (2,)
    xv, Wv, bv = ag.values(x), ag.values(W), ag.values(b)
    out = xv @ Wv + bv
    total = sum((out * dout).ravel().tolist(), ag.Value(0.0))  # Σ out·dout has gradient dout
    total.backward()
    for name, got, ref in (("dx", dx, xv), ("dW", dW, Wv), ("db", db, bv)):
        np.testing.assert_allclose(got, ag.grads(ref), **TOL, err_msg=name)
    f = lambda W_: float(np.sum((x @ W_ + b) * dout))
    np.testing.assert_allclose(dW, numerical_gradient(f, W.copy()), **FD)


def test_relu_backward_masks_by_input_with_slope_zero_at_zero():
    x = np.array([[-1.0, 0.0, 2.0], [3.0, -0.0, -2.0]])
    dout = np.array([[5.0, 6.0, -7.0], [-8.0, 9.0, 10.0]])
    # the mask comes from x (x > 0), not from the sign of dout
    np.testing.assert_array_equal(relu_backward(dout, x), [[0.0, 0.0, -7.0], [-8.0, 0.0, 0.0]])
    rng = np.random.default_rng(5)
    x, dout = rng.normal(size=(4, 6)), rng.normal(size=(4, 6))
    f = lambda v: float(np.sum(np.maximum(v, 0) * dout))
    np.testing.assert_allclose(relu_backward(dout, x), numerical_gradient(f, x.copy()), **FD)


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_mlp_gradients_equal_autograd_and_finite_differences(seed):
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(4, 3)), rng.integers(0, 4, size=4)
    params = random_params(rng)
    loss, grads = mlp_loss_and_grads(X, y, params)
    assert set(grads) == set(PARAM_NAMES)
    leaves = {k: ag.values(v) for k, v in params.items()}
    h = np.vectorize(lambda v: v.relu(), otypes=[object])(X @ leaves["W1"] + leaves["b1"])
    out = ag.cross_entropy(h @ leaves["W2"] + leaves["b2"], y)
    out.backward()
    assert loss == pytest.approx(out.data, rel=1e-12)
    for k in PARAM_NAMES:
        assert grads[k].shape == params[k].shape, k
        np.testing.assert_allclose(grads[k], ag.grads(leaves[k]), **TOL, err_msg=k)

        def f(v, k=k):
            return mlp_loss(X, y, {**params, k: v})

        np.testing.assert_allclose(grads[k], numerical_gradient(f, params[k].copy()), **FD,
                                   err_msg=f"{k} (finite differences)")


def test_mlp_forward_matches_a_loop():
    rng = np.random.default_rng(9)
    X, params = rng.normal(size=(2, 3)), random_params(rng)
    fwd = mlp_forward(X, params)
    for n in range(2):
        h = [max(sum(X[n, d] * params["W1"][d, j] for d in range(3)) + params["b1"][j], 0.0)
             for j in range(5)]
        for c in range(4):
            z = sum(h[j] * params["W2"][j, c] for j in range(5)) + params["b2"][c]
            assert fwd.z2[n, c] == pytest.approx(z, rel=1e-12), (n, c)


def test_sgd_step_returns_a_new_dict_and_leaves_inputs_alone():
    rng = np.random.default_rng(10)
    params = random_params(rng)
    grads = random_params(rng)
    before = {k: v.copy() for k, v in params.items()}
    grads_before = {k: v.copy() for k, v in grads.items()}
    new = sgd_step(params, grads, 0.1)
    assert new is not params
    for k in PARAM_NAMES:
        np.testing.assert_array_equal(params[k], before[k])
        np.testing.assert_array_equal(grads[k], grads_before[k])
        np.testing.assert_allclose(new[k], before[k] - 0.1 * grads_before[k], rtol=1e-15)


def test_gradcheck_helpers():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    np.testing.assert_allclose(numerical_gradient(lambda v: float(np.sum(v ** 3)), x.copy()),
                               3 * x ** 2, rtol=1e-9)
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_error([1.0], [3.0]) == pytest.approx(0.5)


def test_train_mlp_is_repeated_sgd_steps():
    rng = np.random.default_rng(11)
    X, y = rng.normal(size=(8, 2)), rng.integers(0, 2, size=8)
    Xv, yv = rng.normal(size=(5, 2)), rng.integers(0, 2, size=5)
    params = init_mlp(2, 6, 2, seed=3)
    hist = train_mlp(X, y, params, epochs=4, lr=0.5, X_val=Xv, y_val=yv, snapshot_at=(0, 2))
    assert hist.losses.shape == (5,) and hist.val_losses.shape == (5,)
    p = params
    for k in range(5):
        assert hist.losses[k] == pytest.approx(mlp_loss(X, y, p), rel=1e-12), k
        assert hist.val_losses[k] == pytest.approx(mlp_loss(Xv, yv, p), rel=1e-12), k
        if k == 2:
            for name in PARAM_NAMES:
                np.testing.assert_allclose(hist.snapshots[2][name], p[name], rtol=1e-15)
        if k < 4:
            p = sgd_step(p, mlp_loss_and_grads(X, y, p)[1], 0.5)
    for name in PARAM_NAMES:
        np.testing.assert_allclose(hist.params[name], p[name], rtol=1e-15)
    assert accuracy(X, y, p) == float(np.mean(predict(X, p) == y))
    assert train_mlp(X, y, params, epochs=3, lr=0.5).val_losses.size == 0
