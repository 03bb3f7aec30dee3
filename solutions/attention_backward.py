"""Reference solution of the "attention_backward" exercise: softmax's backward pass and the
gradients of scaled dot-product attention."""

import numpy as np


def softmax(x, axis=-1):
    """Given: a stable softmax."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Given: the "attention" exercise's function."""
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights @ V, weights


def softmax_backward(dout, y, axis=-1):
    """dx_j = Σ_i dout_i y_i (δ_ij − y_j) = y_j (dout_j − Σ_i dout_i y_i)."""
    dout = np.asarray(dout, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return y * (dout - np.sum(dout * y, axis=axis, keepdims=True))


def scaled_dot_product_attention_backward(dout, Q, K, V, mask=None):
    """out = P V, P = softmax(S), S = Q Kᵀ/√d: back through each, in reverse order."""
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    dout = np.asarray(dout, dtype=np.float64)
    _, P = scaled_dot_product_attention(Q, K, V, mask)
    dV = np.swapaxes(P, -1, -2) @ dout
    dP = dout @ np.swapaxes(V, -1, -2)
    dS = softmax_backward(dP, P, axis=-1) / np.sqrt(Q.shape[-1])
    return dS @ K, np.swapaxes(dS, -1, -2) @ Q, dV
