"""The backward passes of nncli.maths (conv, pooling, RNN through time, softmax and attention)
against central finite differences of the forward passes and a second formulation each, in
float64. The conventions are PyTorch's: gradients of sum(dout * forward(...)) with respect to
every input, max pooling's gradient to the first maximum (row-major) of a tied window."""

import numpy as np
import pytest

from nncli.maths import attention, conv, pool, rnn
from nncli.maths.attention_backward import scaled_dot_product_attention_backward, softmax_backward
from nncli.maths.activations import softmax
from nncli.maths.conv_backward import conv2d_backward, conv2d_input_gradient_full
from nncli.maths.gradcheck import numerical_gradient
from nncli.maths.pool_backward import avg_pool2d_backward, max_pool2d_backward
from nncli.maths.rnn_backward import rnn_backward, rnn_step_backward

FD = dict(rtol=1e-6, atol=1e-8)     # central differences, h = 1e-5: error about h² ≈ 1e-10
EXACT = dict(rtol=1e-12, atol=1e-12)


def fd(forward, dout, arrays, index):
    """∂ sum(dout · forward(*arrays)) / ∂ arrays[index], by central differences."""
    arrays = [np.array(a, dtype=np.float64) for a in arrays]

    def loss(value):
        arrays[index] = value
        return float(np.sum(dout * forward(*arrays)))

    return numerical_gradient(loss, arrays[index].copy())


@pytest.mark.parametrize("stride, padding, shape", [(1, 0, (2, 3, 5, 6)), (2, 1, (1, 2, 6, 5)),
                                                    (3, 2, (2, 1, 7, 7)), (2, 0, (1, 2, 6, 6))])
def test_conv2d_backward_matches_finite_differences(stride, padding, shape):
    rng = np.random.default_rng(stride * 10 + padding)
    x = rng.standard_normal(shape)
    w = rng.standard_normal((3, shape[1], 3, 2))
    b = rng.standard_normal(3)
    out = conv.conv2d(x, w, b, stride, padding)
    dout = rng.standard_normal(out.shape)
    dx, dw, db = conv2d_backward(dout, x, w, stride, padding)
    forward = lambda x_, w_, b_: conv.conv2d(x_, w_, b_, stride, padding)  # noqa: E731
    for got, index, name in [(dx, 0, "dx"), (dw, 1, "dw"), (db, 2, "db")]:
        np.testing.assert_allclose(got, fd(forward, dout, [x, w, b], index), **FD,
                                   err_msg=f"{name} stride={stride} padding={padding}")
    assert dx.shape == x.shape


def test_conv2d_input_gradient_is_the_full_convolution_with_the_flipped_kernel():
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((2, 3, 6, 5)), rng.standard_normal((4, 3, 3, 2))
    dout = rng.standard_normal(conv.conv2d(x, w).shape)
    np.testing.assert_allclose(conv2d_backward(dout, x, w)[0], conv2d_input_gradient_full(dout, w),
                               **EXACT)
    unflipped = conv2d_backward(dout, x, w[:, :, ::-1, ::-1])[0]
    assert not np.allclose(unflipped, conv2d_backward(dout, x, w)[0])


@pytest.mark.parametrize("K, S, shape", [(2, None, (2, 2, 4, 6)), (3, 2, (1, 3, 7, 6)),
                                         (2, 3, (1, 1, 8, 8)), (3, 1, (2, 1, 5, 5))])
def test_pool_backward_matches_finite_differences(K, S, shape):
    rng = np.random.default_rng(K * 7 + (S or 0))
    x = rng.standard_normal(shape)          # no ties: the max is differentiable
    dout = rng.standard_normal(pool.max_pool2d(x, K, S).shape)
    for forward, backward in [(pool.max_pool2d, max_pool2d_backward),
                              (pool.avg_pool2d, avg_pool2d_backward)]:
        got = backward(dout, x, K, S)
        want = fd(lambda x_: forward(x_, K, S), dout, [x], 0)
        np.testing.assert_allclose(got, want, **FD, err_msg=f"{forward.__name__} K={K} S={S}")


def test_max_pool_backward_sends_a_tie_to_the_first_maximum_and_adds_overlaps():
    x = np.array([[[[1.0, 3.0, 3.0],
                    [3.0, 0.0, 2.0],
                    [1.0, 1.0, 1.0]]]])
    # K=2, S=1: windows at (0,0) (0,1) (1,0) (1,1); maxima 3 at (0,1), 3 at (0,1), 3 at (1,0), 2 at (1,2)
    dout = np.array([[[[1.0, 10.0], [100.0, 1000.0]]]])
    want = np.zeros((1, 1, 3, 3))
    want[0, 0, 0, 1] = 1.0 + 10.0           # tied with (1,0) in the first window: the first wins
    want[0, 0, 1, 0] = 100.0
    want[0, 0, 1, 2] = 1000.0
    np.testing.assert_array_equal(max_pool2d_backward(dout, x, 2, 1), want)
    every = np.ones((1, 1, 4, 4))            # all tied: each window's gradient to its top-left
    got = max_pool2d_backward(np.ones((1, 1, 2, 2)), every, 2)
    np.testing.assert_array_equal(got[0, 0], [[1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0]])


def test_avg_pool_backward_shares_are_a_kth_squared_and_add_where_windows_overlap():
    got = avg_pool2d_backward(np.ones((1, 1, 2, 2)), np.zeros((1, 1, 3, 3)), 2, 1)
    np.testing.assert_allclose(got[0, 0], np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 4, **EXACT)


def _rnn_inputs(rng, N=2, T=4, D=3, H=5):
    return (rng.standard_normal((N, T, D)), rng.standard_normal((N, H)) * 0.5,
            rng.standard_normal((D, H)) * 0.5, rng.standard_normal((H, H)) * 0.5,
            rng.standard_normal(H) * 0.5)


def test_rnn_step_backward_matches_finite_differences():
    rng = np.random.default_rng(3)
    x, s0, W_in, W_s, b = _rnn_inputs(rng)
    x_t = x[:, 0]
    s_t = rnn.rnn_step(x_t, s0, W_in, W_s, b)
    ds = rng.standard_normal(s_t.shape)
    got = rnn_step_backward(ds, x_t, s0, s_t, W_in, W_s)
    arrays = [x_t, s0, W_in, W_s, b]
    for index, name in enumerate(["dx_t", "ds_prev", "dW_in", "dW_s", "db"]):
        np.testing.assert_allclose(got[index], fd(rnn.rnn_step, ds, arrays, index), **FD,
                                   err_msg=name)


@pytest.mark.parametrize("T", [1, 2, 6])
def test_rnn_backward_matches_finite_differences_through_every_step(T):
    rng = np.random.default_rng(T)
    x, s0, W_in, W_s, b = _rnn_inputs(rng, T=T)
    dstates = rng.standard_normal((2, T, 5))
    got = rnn_backward(dstates, x, s0, W_in, W_s, b)
    arrays = [x, s0, W_in, W_s, b]
    for index, name in enumerate(["dx", "ds0", "dW_in", "dW_s", "db"]):
        np.testing.assert_allclose(got[index], fd(rnn.rnn_forward, dstates, arrays, index), **FD,
                                   err_msg=f"{name} T={T}")


def test_rnn_backward_of_the_last_state_alone_equals_the_product_of_step_jacobians():
    """A second formulation: ∂S_T/∂S_0 is the product of the per-step Jacobians (rnn.py)."""
    rng = np.random.default_rng(8)
    x, s0, W_in, W_s, b = _rnn_inputs(rng, N=1, T=5)
    dstates = np.zeros((1, 5, 5))
    dstates[0, -1] = rng.standard_normal(5)
    ds0 = rnn_backward(dstates, x, s0, W_in, W_s, b)[1]
    states = np.concatenate([s0[:, None], rnn.rnn_forward(x, s0, W_in, W_s, b)], axis=1)[0]
    jac = np.eye(5)
    for J in rnn.step_jacobians(states, W_s):      # J_t = ∂S_t/∂S_{t−1}
        jac = J @ jac
    np.testing.assert_allclose(ds0[0], dstates[0, -1] @ jac, **EXACT)


@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_softmax_backward_is_the_jacobian_product_and_matches_finite_differences(axis):
    rng = np.random.default_rng(4 + axis)
    x, dout = rng.standard_normal((3, 4, 5)), rng.standard_normal((3, 4, 5))
    y = softmax(x, axis=axis)
    got = softmax_backward(dout, y, axis)
    np.testing.assert_allclose(got, fd(lambda x_: softmax(x_, axis=axis), dout, [x], 0), **FD)
    moved_y, moved_d = np.moveaxis(y, axis, -1), np.moveaxis(dout, axis, -1)
    jacobian = moved_y[..., :, None] * (np.eye(moved_y.shape[-1]) - moved_y[..., None, :])
    want = np.einsum("...i,...ij->...j", moved_d, jacobian)
    np.testing.assert_allclose(got, np.moveaxis(want, -1, axis), **EXACT)


@pytest.mark.parametrize("masked", [False, True])
def test_attention_backward_matches_finite_differences(masked):
    rng = np.random.default_rng(5 + masked)
    Q, K, V = rng.standard_normal((2, 3, 4)), rng.standard_normal((2, 5, 4)), rng.standard_normal((2, 5, 2))
    mask = None
    if masked:
        mask = rng.random((3, 5)) < 0.5
        mask[:, 0] = True
    dout = rng.standard_normal((2, 3, 2))
    got = scaled_dot_product_attention_backward(dout, Q, K, V, mask)
    forward = lambda q, k, v: attention.scaled_dot_product_attention(q, k, v, mask)[0]  # noqa: E731
    for index, name in enumerate(["dQ", "dK", "dV"]):
        np.testing.assert_allclose(got[index], fd(forward, dout, [Q, K, V], index), **FD,
                                   err_msg=f"{name} masked={masked}")


def test_masked_keys_get_no_gradient_from_the_queries_that_cannot_see_them():
    rng = np.random.default_rng(9)
    Q, K, V = (rng.standard_normal((4, 3)) for _ in range(3))
    mask = attention.causal_mask(4)
    dout = np.zeros((4, 3))
    dout[0] = 1.0                              # only query 0, which sees key 0 alone
    _, dK, dV = scaled_dot_product_attention_backward(dout, Q, K, V, mask)
    np.testing.assert_array_equal(dK[1:], 0.0)
    np.testing.assert_array_equal(dV[1:], 0.0)
    np.testing.assert_allclose(dV[0], 1.0, **EXACT)   # its weight on key 0 is exactly 1
