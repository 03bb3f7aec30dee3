"""Hidden cases of the "multihead" exercise: split_heads, merge_heads, multi_head_attention."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import (alternating, causal, dims, every_row_has_true,
                                        mask_with_true_per_row, normal)
from nncli.grader.transforms import declare, ignored

from nncli.maths import attention as att


def _split_interleaved(X, n_heads):
    X = np.asarray(X, dtype=np.float64)
    N, T, d = X.shape
    return X.reshape(N, T, d // n_heads, n_heads).transpose(0, 3, 1, 2)


def _split_plain_reshape(X, n_heads):
    X = np.asarray(X, dtype=np.float64)
    N, T, d = X.shape
    return X.reshape(N, n_heads, T, d // n_heads)


def _merge_interleaved(X):
    X = np.asarray(X, dtype=np.float64)
    N, h, T, dh = X.shape
    return X.transpose(0, 2, 3, 1).reshape(N, T, dh * h)


def _merge_plain_reshape(X):
    X = np.asarray(X, dtype=np.float64)
    N, h, T, dh = X.shape
    return X.reshape(N, T, h * dh)


def _mha(X, Wq, Wk, Wv, Wo, n_heads, mask=None, split=att.split_heads, merge=att.merge_heads,
         scale_width=None, project=True, invert=False):
    """Multi-head attention with one piece changed (see the keyword arguments)."""
    X = np.asarray(X, dtype=np.float64)
    Q, K, V = (split(X @ W, n_heads) for W in (Wq, Wk, Wv))
    if scale_width is not None:  # divide by √scale_width instead of √(d/h)
        Q = Q * np.sqrt(Q.shape[-1] / scale_width)
    if mask is not None and invert:
        mask = ~np.asarray(mask)
    heads, weights = att.scaled_dot_product_attention(Q, K, V, mask)
    out = merge(heads)
    return (out @ Wo if project else out), weights


def _mha_interleaved(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    return _mha(X, Wq, Wk, Wv, Wo, n_heads, mask, split=_split_interleaved,
                merge=_merge_interleaved)


def _mha_scaled_by_d(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    return _mha(X, Wq, Wk, Wv, Wo, n_heads, mask, scale_width=np.shape(X)[-1])


def _mha_no_projection(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    return _mha(X, Wq, Wk, Wv, Wo, n_heads, mask, project=False)


def _mha_mask_inverted(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    return _mha(X, Wq, Wk, Wv, Wo, n_heads, mask, invert=True)


MASK_IGNORED = declare("multihead", "multi_head_attention", att.multi_head_attention,
                       [ignored("mask")])
SPLIT = [Mistake("heads_interleaved", _split_interleaved),
         Mistake("heads_reshaped_without_transpose", _split_plain_reshape)]
MERGE = [Mistake("heads_interleaved", _merge_interleaved),
         Mistake("heads_reshaped_without_transpose", _merge_plain_reshape)]


def _divisors(d):
    return [h for h in range(1, d + 1) if d % h == 0]


def _split_cases(rng):
    name, expected = "split_heads", att.split_heads
    cases = [Case(name, "edge: by hand, N=1 T=2 d=4 h=2",
                  (np.arange(8.0).reshape(1, 2, 4), 2), expected, mistakes=SPLIT)]
    for h in _divisors(6):
        cases.append(Case(name, f"edge: every head count of d=6, {dims(N=2, T=3, d=6, h=h)}",
                          (normal(rng, 2, 3, 6), h), expected, mistakes=SPLIT))
    for i in range(1, 3):
        d = int(rng.choice([4, 8, 12]))
        h = int(rng.choice(_divisors(d)[1:]))
        N, T = (int(n) for n in rng.integers(1, 4, size=2))
        cases.append(Case(name, f"random {i}: {dims(N=N, T=T, d=d, h=h)}",
                          (normal(rng, N, T, d), h), expected, mistakes=SPLIT))
    return cases


def _merge_cases(rng):
    name, expected = "merge_heads", att.merge_heads
    cases = [Case(name, "edge: by hand, N=1 h=2 T=2 d_head=2",
                  (np.arange(8.0).reshape(1, 2, 2, 2),), expected, mistakes=MERGE),
             Case(name, "edge: a single token, N=2 h=3 T=1 d_head=2",
                  (normal(rng, 2, 3, 1, 2),), expected, mistakes=MERGE)]
    for h in (1, 2, 3, 6):
        cases.append(Case(name, f"edge: {dims(N=2, h=h, T=3, d_head=6 // h)}",
                          (normal(rng, 2, h, 3, 6 // h),), expected, mistakes=MERGE))
    for i in range(1, 3):
        N, h, T, dh = (int(n) for n in rng.integers(1, 5, size=4))
        cases.append(Case(name, f"random {i}: {dims(N=N, h=h, T=T, d_head=dh)}",
                          (normal(rng, N, h, T, dh),), expected, mistakes=MERGE))
    return cases


def _mha_case(rng, label, N, T, d, h, mask=None):
    X = normal(rng, N, T, d)
    weights = tuple(normal(rng, d, d, scale=1.0 / np.sqrt(d)) for _ in range(4))
    mistakes = [Mistake("missing_output_projection", _mha_no_projection)]
    if h > 1:
        mistakes[:0] = [Mistake("heads_interleaved", _mha_interleaved),
                        Mistake("scaled_by_d_model", _mha_scaled_by_d)]
    kwargs = {}
    shown = dims(N=N, T=T, d=d, h=h)
    if mask is not None:
        kwargs["mask"] = mask
        shown += f", mask {tuple(np.shape(mask))}"
        if every_row_has_true(~mask, (N, h, T, T)):
            mistakes.append(Mistake("mask_inverted", _mha_mask_inverted))
        mistakes += MASK_IGNORED
    return Case("multi_head_attention", f"{label}: {shown}", (X, *weights, h),
                att.multi_head_attention, kwargs=kwargs, mistakes=mistakes)


def _mha_cases(rng):
    cases = [_mha_case(rng, "edge: every head count of d=6", 2, 3, 6, h) for h in _divisors(6)]
    cases += [
        _mha_case(rng, "edge: a single token", 2, 1, 4, 2),
        _mha_case(rng, "edge: batch of 1, causal mask", 1, 4, 4, 2, mask=causal(4)),
        _mha_case(rng, "edge: alternating mask", 2, 4, 4, 2, mask=alternating(4)),
        _mha_case(rng, "edge: random mask per example", 2, 3, 6, 3,
                  mask=mask_with_true_per_row(rng, 2, 1, 3, 3)),
    ]
    for i in range(1, 3):
        d = int(rng.choice([4, 6, 8]))
        h = int(rng.choice(_divisors(d)[1:]))
        N, T = int(rng.integers(1, 3)), int(rng.integers(2, 5))
        cases.append(_mha_case(rng, f"random {i}", N, T, d, h,
                               mask=causal(T) if i == 2 else None))
    return cases


def cases(rng):
    return _split_cases(rng) + _merge_cases(rng) + _mha_cases(rng)
