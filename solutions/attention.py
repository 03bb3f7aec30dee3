"""Reference solution of the "attention" exercise: encoder-decoder attention, scaled
dot-product attention with a boolean mask (True = may attend), self-attention."""

import numpy as np


def softmax(x, axis=-1):
    """Given in full: a stable softmax along `axis` (−inf entries get weight 0)."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def causal_mask(T):
    """Worked example (not graded): (T, T) bool, True on and below the diagonal."""
    return np.tril(np.ones((T, T), dtype=bool))


def attention_context(s, h):
    """s (N, H), h (N, T, H) -> (context (N, H), alpha (N, T)).

    h @ s[:, :, None] is a batch of (T, H) @ (H, 1) products: the T scores of each example.
    """
    s = np.asarray(s, dtype=np.float64)
    h = np.asarray(h, dtype=np.float64)
    scores = (h @ s[:, :, None])[:, :, 0]                  # (N, T), e_t = h_t·s
    alpha = softmax(scores, axis=1)                        # over the T encoder states
    context = np.sum(alpha[:, :, None] * h, axis=1)        # (N, H)
    return context, alpha


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Q (…, Tq, d), K (…, Tk, d), V (…, Tk, dv), mask bool (True = may attend) ->
    (out (…, Tq, dv), weights (…, Tq, Tk)).

    Row i of the scores holds query i against every key; softmax runs along that row
    (the last axis), so each query's weights over the keys sum to 1.
    """
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    d = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)       # (…, Tq, Tk)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)           # blocked: e^(−∞) = 0
    weights = softmax(scores, axis=-1)
    return weights @ V, weights


def self_attention(X, Wq, Wk, Wv, mask=None):
    """X (N, T, d_model), Wq, Wk (d_model, d_k), Wv (d_model, d_v) ->
    (out (N, T, d_v), weights (N, T, T))."""
    X = np.asarray(X, dtype=np.float64)
    return scaled_dot_product_attention(X @ Wq, X @ Wk, X @ Wv, mask)
