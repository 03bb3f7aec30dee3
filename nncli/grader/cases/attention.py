"""Hidden cases of the "attention" exercise: attention_context,
scaled_dot_product_attention, self_attention."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import (alternating, causal, dims, every_row_has_true,
                                        mask_with_true_per_row, normal)

from nncli.maths import attention as att
from nncli.maths.activations import softmax


# attention_context -----------------------------------------------------------------------

def _context_over_batch(s, h):
    scores = np.einsum("nth,nh->nt", h, s)
    alpha = softmax(scores, axis=0)
    return np.einsum("nt,nth->nh", alpha, h), alpha


def _context_scaled(s, h):
    return att.attention_context(np.asarray(s) / np.sqrt(np.shape(s)[-1]), h)


CONTEXT = [Mistake("softmax_wrong_axis", _context_over_batch),
           Mistake("attention_context_scaled", _context_scaled)]


def _context_cases(rng):
    name, expected = "attention_context", att.attention_context

    def case(label, N, T, H, scale=1.0, mistakes=CONTEXT):
        return Case(name, f"{label}: {dims(N=N, T=T, H=H)}",
                    (normal(rng, N, H, scale=scale), normal(rng, N, T, H, scale=scale)),
                    expected, mistakes=mistakes)

    cases = [
        Case(name, "edge: by hand, N=1 T=3 H=2",
             (np.array([[1.0, 0.0]]), np.array([[[1.0, 2.0], [0.0, 1.0], [-1.0, 0.5]]])),
             expected, mistakes=CONTEXT[1:]),
        case("edge: a single encoder state", 2, 1, 3),
        case("edge: scores near ±1000 (stable softmax)", 2, 4, 3, scale=20.0),
        case("edge: T≠H, batch of 3", 3, 5, 2),
    ]
    for i in range(1, 4):
        N, T, H = (int(n) for n in rng.integers(2, 6, size=3))
        cases.append(case(f"random {i}", N, T, H))
    return cases


# scaled_dot_product_attention ------------------------------------------------------------

def _sdpa(Q, K, V, mask=None, scale=True, axis=-1, invert=False, use_mask=True):
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2)
    if scale:
        scores = scores / np.sqrt(Q.shape[-1])
    if mask is not None and use_mask:
        keep = ~np.asarray(mask) if invert else np.asarray(mask)
        scores = np.where(keep, scores, -np.inf)
    weights = softmax(scores, axis=axis)
    return weights @ V, weights


def _no_scaling(Q, K, V, mask=None):
    return _sdpa(Q, K, V, mask, scale=False)


def _over_queries(Q, K, V, mask=None):
    return _sdpa(Q, K, V, mask, axis=-2)


def _mask_inverted(Q, K, V, mask=None):
    return _sdpa(Q, K, V, mask, invert=True)


def _mask_ignored(Q, K, V, mask=None):
    return _sdpa(Q, K, V, mask, use_mask=False)


def _sdpa_mistakes(score_shape, mask):
    """The mistakes that apply: softmax over the queries needs a True in every column,
    an inverted mask a False in every row, to stay finite."""
    out = [Mistake("missing_scaling", _no_scaling)]
    if score_shape[-2] > 1 and (mask is None or every_row_has_true(
            np.swapaxes(np.broadcast_to(mask, score_shape), -1, -2), score_shape[:-2]
            + score_shape[-2:][::-1])):
        out.append(Mistake("softmax_wrong_axis", _over_queries))
    if mask is not None:
        if every_row_has_true(~np.asarray(mask), score_shape):
            out.append(Mistake("mask_inverted", _mask_inverted))
        out.append(Mistake("mask_ignored", _mask_ignored))
    return out


def _sdpa_case(rng, label, lead, Tq, Tk, d, dv, mask=None, scale=1.0):
    Q, K = normal(rng, *lead, Tq, d, scale=scale), normal(rng, *lead, Tk, d, scale=scale)
    V = normal(rng, *lead, Tk, dv)
    score_shape = tuple(lead) + (Tq, Tk)
    kwargs = {} if mask is None else {"mask": mask}
    shown = f"leading axes {tuple(lead)}, " + dims(Tq=Tq, Tk=Tk, d=d, dv=dv)
    if mask is not None:
        shown += f", mask {tuple(np.shape(mask))}"
    return Case("scaled_dot_product_attention", f"{label}: {shown}", (Q, K, V),
                att.scaled_dot_product_attention, kwargs=kwargs,
                mistakes=_sdpa_mistakes(score_shape, mask))


def _sdpa_cases(rng):
    cases = [
        _sdpa_case(rng, "edge: no batch axis", (), 2, 3, 2, 4),
        _sdpa_case(rng, "edge: one query, one key", (2,), 1, 1, 3, 2),
        _sdpa_case(rng, "edge: causal mask", (2,), 4, 4, 3, 3, mask=causal(4)),
        _sdpa_case(rng, "edge: random mask per example", (2,), 3, 5, 2, 3,
                   mask=mask_with_true_per_row(rng, 2, 3, 5)),
        _sdpa_case(rng, "edge: key-padding mask", (2,), 3, 4, 3, 2,
                   mask=np.array([[[True, True, False, False]], [[True, True, True, False]]])),
        _sdpa_case(rng, "edge: wide vectors, scaling matters", (1,), 3, 3, 16, 2),
        _sdpa_case(rng, "edge: batch and heads axes", (2, 3), 3, 3, 4, 2, mask=causal(3)),
    ]
    for i in range(1, 4):
        lead = tuple(int(n) for n in rng.integers(1, 4, size=int(rng.integers(0, 3))))
        Tq, Tk, d, dv = (int(n) for n in rng.integers(1, 6, size=4))
        mask = mask_with_true_per_row(rng, *lead, Tq, Tk) if i != 1 else None
        cases.append(_sdpa_case(rng, f"random {i}", lead, Tq, Tk, d, dv, mask=mask))
    return cases


# self_attention --------------------------------------------------------------------------

def _self_wrong(fn):
    def wrong(X, Wq, Wk, Wv, mask=None):
        X = np.asarray(X)
        return fn(X @ Wq, X @ Wk, X @ Wv, mask)

    return wrong


def _self_scaled_by_d_model(X, Wq, Wk, Wv, mask=None):
    X = np.asarray(X)
    factor = np.sqrt(np.shape(Wq)[1] / X.shape[-1])  # √d_k / √d_model
    return att.scaled_dot_product_attention(X @ Wq * factor, X @ Wk, X @ Wv, mask)


def _self_case(rng, label, N, T, d_model, d_k, d_v, mask=None):
    X = normal(rng, N, T, d_model)
    Wq, Wk = normal(rng, d_model, d_k), normal(rng, d_model, d_k)
    Wv = normal(rng, d_model, d_v)
    score_shape = (N, T, T)
    mistakes = [Mistake(m.key, _self_wrong(m.wrong)) for m in _sdpa_mistakes(score_shape, mask)]
    if d_model != d_k:
        mistakes.append(Mistake("scaled_by_d_model", _self_scaled_by_d_model))
    kwargs = {} if mask is None else {"mask": mask}
    shown = dims(N=N, T=T, d_model=d_model, d_k=d_k, d_v=d_v)
    if mask is not None:
        shown += f", mask {tuple(np.shape(mask))}"
    return Case("self_attention", f"{label}: {shown}", (X, Wq, Wk, Wv),
                att.self_attention, kwargs=kwargs, mistakes=mistakes)


def _self_cases(rng):
    cases = [
        _self_case(rng, "edge: a single token", 1, 1, 3, 2, 4),
        _self_case(rng, "edge: causal mask, d_k≠d_v", 2, 4, 5, 3, 2, mask=causal(4)),
        _self_case(rng, "edge: alternating mask", 2, 3, 4, 4, 3, mask=alternating(3)),
        _self_case(rng, "edge: random mask per example", 2, 3, 3, 2, 2,
                   mask=mask_with_true_per_row(rng, 2, 3, 3)),
    ]
    for i in range(1, 4):
        N, T = (int(n) for n in rng.integers(1, 4, size=2))
        d_model, d_k, d_v = (int(n) for n in rng.integers(2, 7, size=3))
        mask = causal(T) if i == 2 else None
        cases.append(_self_case(rng, f"random {i}", N, T, d_model, d_k, d_v, mask=mask))
    return cases


def cases(rng):
    return _context_cases(rng) + _sdpa_cases(rng) + _self_cases(rng)
