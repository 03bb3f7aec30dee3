"""The gradients of softmax and of scaled dot-product attention (attention.py), as PyTorch.

y = softmax(x) along an axis has the Jacobian ∂y_i/∂x_j = y_i (δ_ij − y_j), so the gradient
dx = y ⊙ (dy − Σ_j dy_j y_j), the sum taken along that axis. Attention out = P V with
P = softmax(Q Kᵀ/√d, masked): dV = Pᵀ dout, dP = dout Vᵀ, dS = softmax's backward of dP,
dQ = dS K/√d, dK = dSᵀ Q/√d. A masked score has P = 0, so no gradient flows through it.
"""

import numpy as np

from nncli.maths.attention import scaled_dot_product_attention


def softmax_backward(dout, y, axis: int = -1):
    """dout: ∂L/∂y, y = softmax(x, axis), both the same shape -> dx = ∂L/∂x of that shape."""
    dout = np.asarray(dout, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return y * (dout - np.sum(dout * y, axis=axis, keepdims=True))


def scaled_dot_product_attention_backward(dout, Q, K, V, mask=None):
    """dout: (..., Tq, dv) = ∂L/∂out of attention.scaled_dot_product_attention(Q, K, V, mask);
    Q: (..., Tq, d), K: (..., Tk, d), V: (..., Tk, dv), mask: bool broadcastable to
    (..., Tq, Tk), True = may attend -> (dQ, dK, dV) shaped as Q, K, V."""
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    dout = np.asarray(dout, dtype=np.float64)
    _, P = scaled_dot_product_attention(Q, K, V, mask)
    scale = 1.0 / np.sqrt(Q.shape[-1])
    dV = np.swapaxes(P, -1, -2) @ dout
    dS = softmax_backward(dout @ np.swapaxes(V, -1, -2), P)
    return dS @ K * scale, np.swapaxes(dS, -1, -2) @ Q * scale, dV
