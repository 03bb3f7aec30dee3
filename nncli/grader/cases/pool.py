"""Hidden cases of the "pool" exercise: max_pool2d and avg_pool2d."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, normal

from nncli.maths import pool


def _partial(reduce):
    """Pooling that also keeps windows cut off at the bottom and right edges (ceil mode)."""

    def wrong(x, kernel_size=2, stride=None):
        x = np.asarray(x, dtype=np.float64)
        K = kernel_size
        S = K if stride is None else stride
        N, C, H, W = x.shape
        rows, cols = -(-(H - K) // S) + 1, -(-(W - K) // S) + 1
        # as PyTorch's ceil mode: a last window must start inside the map
        rows -= (rows - 1) * S >= H
        cols -= (cols - 1) * S >= W
        out = np.zeros((N, C, rows, cols))
        for i in range(rows):
            for j in range(cols):
                out[:, :, i, j] = reduce(x[:, :, i * S:i * S + K, j * S:j * S + K], axis=(2, 3))
        return out

    return wrong


def _with_stride(fn, which):
    def wrong(x, kernel_size=2, stride=None):
        if which == "one":          # None taken as 1
            return fn(x, kernel_size, 1 if stride is None else stride)
        return fn(x, kernel_size, None)  # the stride argument ignored

    return wrong


def _avg_sum(x, kernel_size=2, stride=None):
    return pool.avg_pool2d(x, kernel_size, stride) * kernel_size ** 2


def _mistakes(fn, reduce, K, S, H, W):
    """The mistakes that give a different answer for these sizes."""
    step = K if S is None else S
    out = []
    if S is None and K > 1:
        out.append(Mistake("pool_default_stride", _with_stride(fn, "one")))
    if S is not None and S != K:
        out.append(Mistake("stride_ignored", _with_stride(fn, "ignored")))
    if (H - K) % step or (W - K) % step:
        out.append(Mistake("pool_partial_windows", _partial(reduce)))
    if fn is pool.avg_pool2d and K > 1:
        out.append(Mistake("avg_pool_sum", _avg_sum))
    return out


def _case(name, fn, reduce, label, x, K, S, pass_kernel=True):
    N, C, H, W = x.shape
    kwargs = {}
    if pass_kernel:
        kwargs["kernel_size"] = K
    if S is not None:
        kwargs["stride"] = S
    shown = dims(N=N, C=C, H=H, W=W, K=K, stride=S)
    return Case(name, f"{label}: {shown}", (x,), fn, kwargs=kwargs,
                mistakes=_mistakes(fn, reduce, K, S, H, W))


def _cases_of(name, fn, reduce, rng):
    hand = np.array([[1.0, 3.0, 2.0, 0.0], [4.0, -1.0, 5.0, 6.0],
                     [7.0, 2.0, -3.0, 1.0], [0.0, 8.0, 4.0, 2.0]])[None, None]
    cases = [
        _case(name, fn, reduce, "edge: defaults (K=2, stride None)", hand, 2, None,
              pass_kernel=False),
        _case(name, fn, reduce, "edge: odd sizes, the last row and column dropped",
              normal(rng, 1, 2, 5, 7), 2, None),
        _case(name, fn, reduce, "edge: overlapping windows", normal(rng, 2, 1, 7, 6), 3, 2),
        _case(name, fn, reduce, "edge: stride larger than the window", normal(rng, 1, 1, 8, 8),
              2, 3),
        _case(name, fn, reduce, "edge: only negative values", -np.abs(normal(rng, 1, 3, 4, 6)) - 1,
              2, None),
        _case(name, fn, reduce, "edge: window as large as the map", normal(rng, 2, 2, 3, 3), 3,
              None),
    ]
    for i in range(1, 4):
        N, C = (int(n) for n in rng.integers(1, 4, size=2))
        K = int(rng.integers(2, 4))
        H, W = (int(n) for n in rng.integers(K, 10, size=2))
        S = None if i == 1 else int(rng.integers(1, 4))
        cases.append(_case(name, fn, reduce, f"random {i}", normal(rng, N, C, H, W), K, S))
    return cases


def cases(rng):
    return (_cases_of("max_pool2d", pool.max_pool2d, np.max, rng)
            + _cases_of("avg_pool2d", pool.avg_pool2d, np.mean, rng))
