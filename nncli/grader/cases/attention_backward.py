"""Hidden cases of the "attention_backward" exercise: softmax_backward and
scaled_dot_product_attention_backward."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import alternating, causal, dims, mask_with_true_per_row, normal
from nncli.maths import attention_backward as back


def _diagonal(dout, y, axis=-1):
    """Only the diagonal of the Jacobian: dout ⊙ y (1 − y), as if each output saw one input."""
    y = np.asarray(y, dtype=np.float64)
    return np.asarray(dout, dtype=np.float64) * y * (1.0 - y)


def _no_subtraction(dout, y, axis=-1):
    return np.asarray(dout, dtype=np.float64) * np.asarray(y, dtype=np.float64)


def _softmax_case(label, rng, shape, axis=None, scale=1.0):
    x = normal(rng, *shape, scale=scale)
    kwargs = {} if axis is None else {"axis": axis}
    e = np.exp(x - x.max(axis=-1 if axis is None else axis, keepdims=True))
    y = e / e.sum(axis=-1 if axis is None else axis, keepdims=True)  # an input: nncli.maths unloaded
    mistakes = [Mistake("softmax_grad_diagonal", _diagonal),
                Mistake("softmax_grad_no_subtraction", _no_subtraction)]
    shown = f"shape {shape}" + ("" if axis is None else f", axis {axis}")
    return Case("softmax_backward", f"{label}: {shown}", (normal(rng, *shape), y),
                back.softmax_backward, kwargs=kwargs, mistakes=mistakes)


def _softmax_cases(rng):
    cases = [_softmax_case("edge: default axis", rng, (3, 4)),
             _softmax_case("edge: axis 0", rng, (4, 3), axis=0),
             _softmax_case("edge: nearly one-hot rows", rng, (2, 5), scale=20.0),
             _softmax_case("edge: a middle axis of three", rng, (2, 3, 4), axis=1)]
    for i in range(1, 4):
        shape = tuple(int(n) for n in rng.integers(2, 5, size=int(rng.integers(2, 4))))
        axis = int(rng.integers(-len(shape), len(shape)))
        cases.append(_softmax_case(f"random {i}", rng, shape, axis))
    return cases


def _unscaled(dout, Q, K, V, mask=None):
    """dQ and dK without the 1/√d of the scores (dV is unchanged)."""
    dQ, dK, dV = back.scaled_dot_product_attention_backward(dout, Q, K, V, mask)
    root = np.sqrt(np.shape(Q)[-1])
    return dQ * root, dK * root, dV


def _mask_ignored(dout, Q, K, V, mask=None):
    """The backward pass run as if nothing were masked."""
    return back.scaled_dot_product_attention_backward(dout, Q, K, V, None)


def _attention_case(label, rng, lead, Tq, Tk, d, dv, mask=None):
    Q, K, V = normal(rng, *lead, Tq, d), normal(rng, *lead, Tk, d), normal(rng, *lead, Tk, dv)
    mistakes = [Mistake("attention_grad_unscaled", _unscaled)] if d > 1 else []
    kwargs = {}
    if mask is not None:
        kwargs["mask"] = mask
        mistakes.append(Mistake("attention_grad_mask_ignored", _mask_ignored))
    shown = dims(Tq=Tq, Tk=Tk, d=d, dv=dv) + ("" if not lead else f", leading axes {lead}")
    return Case("scaled_dot_product_attention_backward", f"{label}: {shown}",
                (normal(rng, *lead, Tq, dv), Q, K, V), back.scaled_dot_product_attention_backward,
                kwargs=kwargs, mistakes=mistakes)


def _attention_cases(rng):
    cases = [_attention_case("edge: no batch axis, no mask", rng, (), 3, 4, 2, 3),
             _attention_case("edge: causal mask", rng, (2,), 4, 4, 3, 2, mask=causal(4)),
             _attention_case("edge: alternating mask, batch and heads", rng, (2, 2), 3, 3, 4, 2,
                             mask=alternating(3)),
             _attention_case("edge: one key", rng, (1,), 3, 1, 2, 2),
             _attention_case("edge: d=1", rng, (2,), 2, 3, 1, 2)]
    for i in range(1, 4):
        N, Tq, Tk, d, dv = (int(n) for n in rng.integers(1, 6, size=5))
        mask = mask_with_true_per_row(rng, Tq, Tk) if i > 1 else None
        cases.append(_attention_case(f"random {i}", rng, (N,), Tq, Tk, max(d, 2), dv, mask))
    return cases


def cases(rng):
    return _softmax_cases(rng) + _attention_cases(rng)
