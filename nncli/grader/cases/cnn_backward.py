"""Hidden cases of the "cnn_backward" exercise: conv2d_backward, max_pool2d_backward and
avg_pool2d_backward."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, ints, normal

from nncli.maths import conv
from nncli.maths import conv_backward as back
from nncli.maths import pool_backward as pool_back


# ---------------------------------------------------------------- conv2d_backward

def _not_flipped(dout, x, w, stride=1, padding=0):
    """dx as the full convolution of dout with the kernel as it is, not rotated by 180°."""
    dx = back.conv2d_backward(dout, x, np.asarray(w)[:, :, ::-1, ::-1], stride, padding)[0]
    _, dw, db = back.conv2d_backward(dout, x, w, stride, padding)
    return dx, dw, db


def _padding_kept(dout, x, w, stride=1, padding=0):
    xp = conv.pad2d(x, padding)
    dx, dw, db = back.conv2d_backward(dout, xp, w, stride, 0)
    return dx, dw, db


def _conv_db_per_example(dout, x, w, stride=1, padding=0):
    dx, dw, _ = back.conv2d_backward(dout, x, w, stride, padding)
    return dx, dw, np.asarray(dout, dtype=np.float64).sum(axis=(2, 3))


def _conv(label, rng, N, C, H, W, F, KH, KW, stride=1, padding=0):
    x, w = normal(rng, N, C, H, W), normal(rng, F, C, KH, KW)
    out_shape = (N, F, (H + 2 * padding - KH) // stride + 1, (W + 2 * padding - KW) // stride + 1)
    kwargs = {}
    if stride != 1:
        kwargs["stride"] = stride
    if padding:
        kwargs["padding"] = padding
    mistakes = [Mistake("conv_grad_db_per_example", _conv_db_per_example)]
    if (KH, KW) != (1, 1):
        mistakes.append(Mistake("conv_grad_kernel_not_flipped", _not_flipped))
    if padding:
        mistakes.append(Mistake("conv_grad_padding_kept", _padding_kept))
    shown = dims(N=N, C=C, H=H, W=W, F=F, KH=KH, KW=KW, stride=stride, padding=padding)
    return Case("conv2d_backward", f"{label}: {shown}", (normal(rng, *out_shape), x, w),
                back.conv2d_backward, kwargs=kwargs, mistakes=mistakes)


def _conv_cases(rng):
    cases = [_conv("edge: one channel, one filter", rng, 1, 1, 4, 4, 1, 2, 2),
             _conv("edge: padding 1", rng, 2, 2, 4, 5, 3, 3, 3, padding=1),
             _conv("edge: stride 2 does not divide", rng, 1, 2, 6, 7, 2, 3, 2, stride=2),
             _conv("edge: kernel as large as the input", rng, 2, 1, 3, 3, 2, 3, 3),
             _conv("edge: 1×1 kernel", rng, 2, 3, 3, 4, 2, 1, 1)]
    for i in range(1, 4):
        N, C, F = (int(n) for n in rng.integers(1, 4, size=3))
        KH, KW = (int(n) for n in rng.integers(1, 4, size=2))
        padding, stride = int(rng.integers(0, 3)), int(rng.integers(1, 3))
        H, W = (int(n) for n in rng.integers(max(KH, KW) + 1, 8, size=2))
        cases.append(_conv(f"random {i}", rng, N, C, H, W, F, KH, KW, stride, padding))
    return cases


# ---------------------------------------------------------------- pooling

def _to_every_input(dout, x, kernel_size=2, stride=None):
    """Each window's whole gradient to every one of its inputs (not shared, not to the max)."""
    return pool_back.avg_pool2d_backward(dout, x, kernel_size, stride) * kernel_size ** 2


def _every_tie(dout, x, kernel_size=2, stride=None):
    """Each window's gradient to every input equal to its maximum."""
    x = np.asarray(x, dtype=np.float64)
    K = kernel_size
    S = K if stride is None else stride
    dx = np.zeros_like(x)
    for i in range(np.shape(dout)[2]):
        for j in range(np.shape(dout)[3]):
            window = x[:, :, i * S:i * S + K, j * S:j * S + K]
            top = window.max(axis=(2, 3), keepdims=True)
            dx[:, :, i * S:i * S + K, j * S:j * S + K] += (window == top) * dout[:, :, i:i + 1, j:j + 1]
    return dx


def _overwritten(backward):
    """Overlapping windows: the last window's share replaces the earlier ones."""

    def wrong(dout, x, kernel_size=2, stride=None):
        K = kernel_size
        S = K if stride is None else stride
        dx = np.zeros(np.shape(x))
        for i in range(np.shape(dout)[2]):
            for j in range(np.shape(dout)[3]):
                one = np.zeros_like(dout)
                one[:, :, i, j] = dout[:, :, i, j]
                part = backward(one, x, K, stride)
                rows, cols = slice(i * S, i * S + K), slice(j * S, j * S + K)
                dx[:, :, rows, cols] = part[:, :, rows, cols]
        return dx

    return wrong


def _pool_mistakes(name, x, K, S):
    out = []
    overlap = S is not None and S < K
    if name == "max_pool2d_backward":
        out.append(Mistake("max_pool_grad_everywhere", _to_every_input))
        out.append(Mistake("max_pool_grad_averaged", pool_back.avg_pool2d_backward))
        out.append(Mistake("max_pool_grad_every_tie", _every_tie))
        if overlap:
            out.append(Mistake("pool_grad_overwritten", _overwritten(pool_back.max_pool2d_backward)))
    else:
        out.append(Mistake("avg_pool_grad_not_divided", _to_every_input))
        if overlap:
            out.append(Mistake("pool_grad_overwritten", _overwritten(pool_back.avg_pool2d_backward)))
    return out


def _pool(name, label, rng, x, K, S, pass_kernel=True):
    N, C, H, W = x.shape
    S_ = K if S is None else S
    dout = normal(rng, N, C, (H - K) // S_ + 1, (W - K) // S_ + 1)
    kwargs = {"kernel_size": K} if pass_kernel else {}
    if S is not None:
        kwargs["stride"] = S
    return Case(name, f"{label}: {dims(N=N, C=C, H=H, W=W, K=K, stride=S)}", (dout, x),
                getattr(pool_back, name), kwargs=kwargs, mistakes=_pool_mistakes(name, x, K, S))


def _pool_cases(name, rng):
    cases = [_pool(name, "edge: defaults (K=2, stride None)", rng, normal(rng, 1, 2, 4, 4), 2, None,
                   pass_kernel=False),
             _pool(name, "edge: tied maxima", rng, ints(rng, 0, 2, 2, 1, 4, 6), 2, None),
             _pool(name, "edge: overlapping windows", rng, ints(rng, -3, 3, 1, 2, 5, 5), 3, 1),
             _pool(name, "edge: odd sizes, the last row and column dropped", rng,
                   normal(rng, 2, 1, 5, 7), 2, None),
             _pool(name, "edge: stride larger than the window", rng, normal(rng, 1, 1, 7, 7), 2, 3)]
    for i in range(1, 4):
        N, C = (int(n) for n in rng.integers(1, 4, size=2))
        K = int(rng.integers(2, 4))
        H, W = (int(n) for n in rng.integers(K, 9, size=2))
        S = None if i == 1 else int(rng.integers(1, 4))
        cases.append(_pool(name, f"random {i}", rng, ints(rng, -4, 4, N, C, H, W), K, S))
    return cases


def cases(rng):
    return (_conv_cases(rng) + _pool_cases("max_pool2d_backward", rng)
            + _pool_cases("avg_pool2d_backward", rng))
