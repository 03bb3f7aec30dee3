"""Backward passes of attention and of one Transformer encoder layer (the forwards are in
attention.py and transformer.py).

Each function takes the gradient of a loss with respect to the forward's output (d…) and
the forward's inputs, and returns the gradients with respect to those inputs, with their
shapes: what PyTorch autograd computes for the same forward.

y = softmax(x) along an axis has the Jacobian ∂y_i/∂x_j = y_i (δ_ij − y_j), so the gradient
dx = y ⊙ (dy − Σ_j dy_j y_j), the sum taken along that axis. Attention out = P V with
P = softmax(Q Kᵀ/√d, masked): dV = Pᵀ dout, dP = dout Vᵀ, dS = softmax's backward of dP,
dQ = dS K/√d, dK = dSᵀ Q/√d. A masked score has P = 0, so no gradient flows through it.
"""

import numpy as np

from nncli.maths.attention import merge_heads, scaled_dot_product_attention, split_heads
from nncli.maths.mlp import relu_backward
from nncli.maths.transformer import layer_norm


def softmax_backward(dout, y, axis=-1):
    """y = softmax(x, axis); dout: dL/dy, the shape of y -> dL/dx = y ⊙ (dout − Σ dout ⊙ y)."""
    dout = np.asarray(dout, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return y * (dout - np.sum(dout * y, axis=axis, keepdims=True))


def scaled_dot_product_attention_backward(dout, Q, K, V, mask=None):
    """Gradients of out = softmax(Q Kᵀ / √d [masked]) V.

    dout: (..., Tq, dv); Q: (..., Tq, d), K: (..., Tk, d), V: (..., Tk, dv); mask as the
    forward (True = may attend; every query has an allowed key) -> (dQ, dK, dV) shaped as
    Q, K, V. Masked positions have weight 0 and pass no gradient.
    """
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    dout = np.asarray(dout, dtype=np.float64)
    _, weights = scaled_dot_product_attention(Q, K, V, mask)
    scale = 1.0 / np.sqrt(Q.shape[-1])
    dV = np.swapaxes(weights, -1, -2) @ dout
    dscores = softmax_backward(dout @ np.swapaxes(V, -1, -2), weights) * scale
    return dscores @ K, np.swapaxes(dscores, -1, -2) @ Q, dV


def multi_head_attention_backward(dout, X, Wq, Wk, Wv, Wo, n_heads: int, mask=None):
    """Gradients of attention.multi_head_attention's output.

    dout: (N, T, d), X: (N, T, d), each W: (d, d) -> (dX (N, T, d), dWq, dWk, dWv, dWo (d, d)).
    """
    X = np.asarray(X, dtype=np.float64)
    Q, K, V = (split_heads(X @ W, n_heads) for W in (Wq, Wk, Wv))
    heads, _ = scaled_dot_product_attention(Q, K, V, mask)
    concat = merge_heads(heads)
    dWo = np.einsum("ntd,nte->de", concat, dout)
    dheads = split_heads(dout @ np.asarray(Wo, dtype=np.float64).T, n_heads)
    dQ, dK, dV = (merge_heads(g) for g in scaled_dot_product_attention_backward(dheads, Q, K, V, mask))
    dX = dQ @ np.asarray(Wq).T + dK @ np.asarray(Wk).T + dV @ np.asarray(Wv).T
    dWq, dWk, dWv = (np.einsum("ntd,nte->de", X, g) for g in (dQ, dK, dV))
    return dX, dWq, dWk, dWv, dWo


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    """Gradients of transformer.layer_norm over the last axis.

    dout, x: (..., d), gamma: (d,) -> (dx (..., d), dgamma (d,), dbeta (d,)), dgamma and
    dbeta summed over every leading axis.
    """
    x = np.asarray(x, dtype=np.float64)
    dout = np.asarray(dout, dtype=np.float64)
    mean = x.mean(axis=-1, keepdims=True)
    inv = 1.0 / np.sqrt(((x - mean) ** 2).mean(axis=-1, keepdims=True) + eps)
    xhat = (x - mean) * inv
    lead = tuple(range(x.ndim - 1))
    dxhat = dout * np.asarray(gamma, dtype=np.float64)
    dx = inv * (dxhat - dxhat.mean(axis=-1, keepdims=True)
                - xhat * (dxhat * xhat).mean(axis=-1, keepdims=True))
    return dx, np.sum(dout * xhat, axis=lead), np.sum(dout, axis=lead)


def encoder_layer_backward(dout, x, params, n_heads: int, eps=1e-5):
    """Gradients of transformer.encoder_layer(x, params, n_heads) (post-norm).

    dout, x: (N, T, d); params as encoder_layer -> (dx (N, T, d), grads keyed as params).
    """
    from nncli.maths.attention import multi_head_attention
    from nncli.maths.mlp import dense_backward

    p = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
    x = np.asarray(x, dtype=np.float64)
    attn, _ = multi_head_attention(x, p["Wq"], p["Wk"], p["Wv"], p["Wo"], n_heads)
    r1 = x + attn
    y = layer_norm(r1, p["gamma1"], p["beta1"], eps)
    pre = y @ p["W1"] + p["b1"]
    hidden = np.maximum(pre, 0.0)
    r2 = y + hidden @ p["W2"] + p["b2"]
    g = {}
    dr2, g["gamma2"], g["beta2"] = layer_norm_backward(dout, r2, p["gamma2"], eps)
    flat = lambda a: a.reshape(-1, a.shape[-1])
    dhidden, g["W2"], g["b2"] = dense_backward(flat(dr2), flat(hidden), p["W2"])
    dpre = relu_backward(dhidden, flat(pre))
    dy_ffn, g["W1"], g["b1"] = dense_backward(dpre, flat(y), p["W1"])
    dy = dr2 + dy_ffn.reshape(y.shape)
    dr1, g["gamma1"], g["beta1"] = layer_norm_backward(dy, r1, p["gamma1"], eps)
    dx_attn, g["Wq"], g["Wk"], g["Wv"], g["Wo"] = multi_head_attention_backward(
        dr1, x, p["Wq"], p["Wk"], p["Wv"], p["Wo"], n_heads)
    return dr1 + dx_attn, g
