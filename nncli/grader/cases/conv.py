"""Hidden cases of the "conv" exercise: conv1d, pad2d, corr2d, conv2d."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, normal

from nncli.maths import conv


def _conv1d_not_flipped(f, g):
    return conv.conv1d_full(f, np.asarray(g)[::-1])


def _conv1d_valid(f, g):
    K, L = len(g), len(f)
    return conv.conv1d_full(f, g)[K - 1:L]


def _pad_one_side(x, p):
    x = np.asarray(x, dtype=np.float64)
    H, W = x.shape[-2:]
    out = np.zeros(x.shape[:-2] + (H + 2 * p, W + 2 * p))
    out[..., :H, :W] = x
    return out


def _pad_all_axes(x, p):
    return np.pad(np.asarray(x, dtype=np.float64), p)


def _corr2d_flipped(x, k):
    return conv.corr2d(x, np.asarray(k)[::-1, ::-1])


def _corr2d_transposed(x, k):
    return conv.corr2d(x, k).T


def _conv2d_flipped(x, w, b=None, stride=1, padding=0):
    return conv.conv2d(x, np.asarray(w)[:, :, ::-1, ::-1], b, stride, padding)


def _conv2d_stride_ignored(x, w, b=None, stride=1, padding=0):
    return conv.conv2d(x, w, b, 1, padding)


def _conv2d_padding_ignored(x, w, b=None, stride=1, padding=0):
    return conv.conv2d(x, w, b, stride, 0)


def _conv2d_no_bias(x, w, b=None, stride=1, padding=0):
    return conv.conv2d(x, w, None, stride, padding)


NOT_FLIPPED = Mistake("conv_not_flipped", _conv1d_not_flipped)
VALID_ONLY = Mistake("conv_valid_only", _conv1d_valid)
PAD_ONE_SIDE = Mistake("pad_one_side", _pad_one_side)
PAD_ALL_AXES = Mistake("pad_all_axes", _pad_all_axes)
CORR_FLIPPED = Mistake("kernel_flipped", _corr2d_flipped)
CORR_TRANSPOSED = Mistake("transposed_result", _corr2d_transposed)


def _conv1d_cases(rng):
    name, expected = "conv1d", conv.conv1d_full
    cases = [
        Case(name, "edge: f=[1, 2, 3], g=[0, 1, 0.5]",
             (np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5])), expected,
             mistakes=[NOT_FLIPPED, VALID_ONLY]),
        Case(name, "edge: kernel of length 1", (np.array([1.0, -2.0, 4.0]), np.array([2.0])),
             expected),
        Case(name, "edge: kernel longer than the signal, L=2 K=4",
             (np.array([1.0, -1.0]), np.array([1.0, 2.0, 3.0, 4.0])), expected,
             mistakes=[NOT_FLIPPED]),
    ]
    for i in range(1, 4):
        L, K = int(rng.integers(3, 9)), int(rng.integers(2, 6))
        mistakes = [NOT_FLIPPED] + ([VALID_ONLY] if L >= K else [])
        cases.append(Case(name, f"random {i}: {dims(L=L, K=K)}",
                          (normal(rng, L), normal(rng, K)), expected, mistakes=mistakes))
    return cases


def _pad2d_cases(rng):
    name, expected = "pad2d", conv.pad2d
    cases = [
        Case(name, "edge: p=0 gives x unchanged, (2, 3)", (normal(rng, 2, 3), 0), expected),
        Case(name, "edge: non-square (3, 2), p=1",
             (np.arange(1.0, 7.0).reshape(3, 2), 1), expected, mistakes=[PAD_ONE_SIDE]),
        Case(name, "edge: 4D (2, 3, 2, 4), p=2", (normal(rng, 2, 3, 2, 4), 2), expected,
             mistakes=[PAD_ONE_SIDE, PAD_ALL_AXES]),
    ]
    for i in range(1, 3):
        shape = tuple(int(n) for n in rng.integers(1, 5, size=int(rng.integers(3, 5))))
        p = int(rng.integers(1, 3))
        cases.append(Case(name, f"random {i}: shape {shape}, p={p}", (normal(rng, *shape), p),
                          expected, mistakes=[PAD_ONE_SIDE, PAD_ALL_AXES]))
    return cases


def _corr2d_cases(rng):
    name, expected = "corr2d", conv.corr2d
    cases = [
        Case(name, "edge: 3×3 input, 2×2 kernel",
             (np.arange(9.0).reshape(3, 3), np.array([[1.0, 2.0], [3.0, 4.0]])), expected,
             mistakes=[CORR_FLIPPED]),
        Case(name, "edge: non-square 4×6 input, non-square 2×3 kernel",
             (normal(rng, 4, 6), normal(rng, 2, 3)), expected,
             mistakes=[CORR_FLIPPED, CORR_TRANSPOSED]),
        Case(name, "edge: kernel as large as the input, 3×4",
             (normal(rng, 3, 4), normal(rng, 3, 4)), expected, mistakes=[CORR_FLIPPED]),
        Case(name, "edge: 1×1 kernel, 2×5 input", (normal(rng, 2, 5), np.array([[-2.0]])),
             expected, mistakes=[CORR_TRANSPOSED]),
    ]
    for i in range(1, 4):
        H, W = (int(n) for n in rng.integers(3, 9, size=2))
        KH, KW = int(rng.integers(1, min(H, 4) + 1)), int(rng.integers(2, min(W, 4) + 1))
        cases.append(Case(name, f"random {i}: {dims(H=H, W=W, KH=KH, KW=KW)}",
                          (normal(rng, H, W), normal(rng, KH, KW)), expected,
                          mistakes=[CORR_FLIPPED, CORR_TRANSPOSED]))
    return cases


def _conv2d_case(rng, label, N, C, F, H, W, KH, KW, stride, padding, bias, kwargs=True):
    x, w = normal(rng, N, C, H, W), normal(rng, F, C, KH, KW)
    b = normal(rng, F) if bias else None
    mistakes = [Mistake("kernel_flipped", _conv2d_flipped)]
    if stride > 1:
        mistakes.append(Mistake("stride_ignored", _conv2d_stride_ignored))
    if padding > 0:
        mistakes.append(Mistake("padding_ignored", _conv2d_padding_ignored))
    if bias:
        mistakes.append(Mistake("missing_bias", _conv2d_no_bias))
    if kwargs:
        args, kw = (x, w, b), {"stride": stride, "padding": padding}
    else:  # the defaults: conv2d(x, w)
        args, kw = (x, w), {}
    full = f"{label}: {dims(N=N, C=C, F=F, H=H, W=W, KH=KH, KW=KW, stride=stride, padding=padding)}"
    full += "" if bias else ", no bias"
    return Case("conv2d", full, args, conv.conv2d, kwargs=kw, mistakes=mistakes)


def _conv2d_cases(rng):
    cases = [
        _conv2d_case(rng, "edge: defaults conv2d(x, w)", 1, 1, 1, 4, 4, 3, 3, 1, 0, False,
                     kwargs=False),
        _conv2d_case(rng, "edge: stride 2 does not divide", 1, 2, 2, 8, 7, 3, 3, 2, 0, True),
        _conv2d_case(rng, "edge: padding 1 keeps the size", 2, 1, 3, 5, 5, 3, 3, 1, 1, True),
        _conv2d_case(rng, "edge: non-square kernel", 2, 3, 2, 6, 5, 2, 3, 2, 1, True),
        _conv2d_case(rng, "edge: 1×1 kernel with padding", 1, 3, 2, 3, 4, 1, 1, 1, 1, True),
        _conv2d_case(rng, "edge: stride 3 with padding 2", 1, 1, 2, 7, 6, 3, 2, 3, 2, True),
    ]
    for i in range(1, 4):
        N, C, F = (int(n) for n in rng.integers(1, 4, size=3))
        H, W = (int(n) for n in rng.integers(4, 9, size=2))
        KH, KW = (int(n) for n in rng.integers(1, 4, size=2))
        stride, padding = int(rng.integers(1, 4)), int(rng.integers(0, 3))
        cases.append(_conv2d_case(rng, f"random {i}", N, C, F, H, W, KH, KW, stride, padding,
                                  bool(rng.integers(0, 2)) or i == 1))
    return cases


def cases(rng):
    return _conv1d_cases(rng) + _pad2d_cases(rng) + _corr2d_cases(rng) + _conv2d_cases(rng)
