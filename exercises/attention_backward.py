"""Exercise "attention_backward": the gradients of softmax and of scaled dot-product attention.

Task: write softmax_backward, which sends a gradient back through y = softmax(x) along an
axis, and scaled_dot_product_attention_backward, the gradients of the "attention" exercise's
out = softmax(Q Kᵀ / √d, masked) V with respect to Q, K and V. Every output of a softmax
depends on every input of its slice: ∂y_i/∂x_j = y_i (δ_ij − y_j), so the gradient is not
elementwise. Attention is three steps to undo in reverse order: the weighted sum with V, the
softmax, the scaled scores. A key a query may not attend to has weight exactly 0 for it, and
no gradient flows between them.

As PyTorch's autograd on torch.nn.functional.softmax and scaled_dot_product_attention (with
a bool mask, True = may attend). softmax and scaled_dot_product_attention are given below.

Named dimensions: Tq queries, Tk keys (and values), d the size of a query and a key, dv the
size of a value; any leading batch (and head) axes come first.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first;
inputs are never modified in place.

Check your gradients against central differences of the functions below, then:
    nncli check attention_backward
"""

import numpy as np


def softmax(x, axis=-1):
    """Given: a stable softmax along `axis`, the shape of x."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Given (the "attention" exercise's function): Q (..., Tq, d), K (..., Tk, d),
    V (..., Tk, dv), mask bool broadcastable to (..., Tq, Tk) ->
    (out (..., Tq, dv), weights (..., Tq, Tk))."""
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights @ V, weights


def softmax_backward(dout, y, axis=-1):
    """The gradient through y = softmax(x, axis).

    Inputs:
    - dout: the gradient of the loss with respect to y, any shape
    - y: softmax(x, axis), the same shape; axis: the axis it normalised
    Returns:
    - dx: the gradient with respect to x, that shape
    """
    raise NotImplementedError


def scaled_dot_product_attention_backward(dout, Q, K, V, mask=None):
    """The gradients of out, the first result of scaled_dot_product_attention(Q, K, V, mask).

    Inputs:
    - dout: (..., Tq, dv), the gradient of the loss with respect to out
    - Q: (..., Tq, d); K: (..., Tk, d); V: (..., Tk, dv)
    - mask: None, or bool broadcastable to (..., Tq, Tk), True = may attend (every query
      may attend to at least one key)
    Returns a tuple (dQ, dK, dV):
    - dQ: (..., Tq, d); dK: (..., Tk, d); dV: (..., Tk, dv)
    """
    raise NotImplementedError
