"""Attention: encoder-decoder dot-product attention, scaled dot-product attention, heads,
and multi-head attention over another sequence (cross-attention).

Conventions: row vectors multiplied on the right (X @ W); boolean masks mean True = may
attend, as torch.nn.functional.scaled_dot_product_attention (nn.MultiheadAttention's
boolean masks mean the opposite: True = blocked).
"""

import numpy as np

from nncli.maths.activations import softmax


def attention_context(s, h):
    """Dot-product attention of a decoder state over encoder states.

    s: (N, H) decoder state; h: (N, T, H) encoder states ->
    (context (N, H), alpha (N, T)) with e_t = h_t·s, alpha = softmax(e), context = Σ_t alpha_t h_t.
    """
    s = np.asarray(s, dtype=np.float64)
    h = np.asarray(h, dtype=np.float64)
    scores = np.einsum("nth,nh->nt", h, s)
    alpha = softmax(scores, axis=-1)
    return np.einsum("nt,nth->nh", alpha, h), alpha


def scaled_dot_product_attention(Q, K, V, mask=None):
    """softmax(Q Kᵀ / √d + mask) V.

    Q: (..., Tq, d), K: (..., Tk, d), V: (..., Tk, dv); mask: bool broadcastable to
    (..., Tq, Tk), True = may attend -> (out (..., Tq, dv), weights (..., Tq, Tk)).
    """
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights @ V, weights


def causal_mask(T: int) -> np.ndarray:
    """(T, T) bool, True on and below the diagonal: position i may attend to j ≤ i."""
    return np.tril(np.ones((T, T), dtype=bool))


def self_attention(X, Wq, Wk, Wv, mask=None):
    """X: (N, T, d_model), Wq, Wk: (d_model, d_k), Wv: (d_model, d_v) ->
    (out (N, T, d_v), weights (N, T, T))."""
    X = np.asarray(X, dtype=np.float64)
    return scaled_dot_product_attention(X @ Wq, X @ Wk, X @ Wv, mask)


def split_heads(X, n_heads: int):
    """(N, T, d) -> (N, n_heads, T, d/n_heads); head k takes columns k·d/h … (k+1)·d/h − 1."""
    X = np.asarray(X, dtype=np.float64)
    N, T, d = X.shape
    return X.reshape(N, T, n_heads, d // n_heads).transpose(0, 2, 1, 3)


def merge_heads(X):
    """(N, h, T, d_head) -> (N, T, h·d_head), the inverse of split_heads."""
    X = np.asarray(X, dtype=np.float64)
    N, h, T, dh = X.shape
    return X.transpose(0, 2, 1, 3).reshape(N, T, h * dh)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads: int, mask=None):
    """X: (N, T, d), each W: (d, d); mask as scaled_dot_product_attention ->
    (out (N, T, d), weights (N, n_heads, T, T)); out = merge(heads) @ Wo.

    Equals torch.nn.MultiheadAttention(d, n_heads, bias=False, batch_first=True) with
    in_proj_weight = [Wqᵀ; Wkᵀ; Wvᵀ] and out_proj.weight = Woᵀ (average_attn_weights=False).
    """
    return cross_attention(X, X, Wq, Wk, Wv, Wo, n_heads, mask)


def cross_attention(X, memory, Wq, Wk, Wv, Wo, n_heads: int, mask=None):
    """Multi-head attention whose queries come from X and keys and values from `memory`
    (encoder–decoder attention when memory is the encoder output; self-attention when it is X).

    X: (N, Tq, d), memory: (N, Tk, d), each W: (d, d); mask: bool broadcastable to
    (N, n_heads, Tq, Tk), True = may attend -> (out (N, Tq, d), weights (N, n_heads, Tq, Tk)).
    Equals torch.nn.MultiheadAttention(d, n_heads, bias=False, batch_first=True) called as
    mha(X, memory, memory), weights as in multi_head_attention.
    """
    X, memory = (np.asarray(a, dtype=np.float64) for a in (X, memory))
    Q = split_heads(X @ Wq, n_heads)
    K, V = (split_heads(memory @ W, n_heads) for W in (Wk, Wv))
    heads, weights = scaled_dot_product_attention(Q, K, V, mask)
    return merge_heads(heads) @ np.asarray(Wo, dtype=np.float64), weights


def softmax_parts(x):
    """The intermediate numbers of a stable softmax along the last axis, to show them.

    x: (..., T), entries may be −∞ (masked), at least one finite per row ->
    (m (..., 1) the row max, shifted = x − m, exps = e^shifted, total (..., 1) = Σ exps,
    probs = exps / total), probs equal to activations.softmax(x).
    """
    x = np.asarray(x, dtype=np.float64)
    m = np.max(x, axis=-1, keepdims=True)
    shifted = x - m
    exps = np.exp(shifted)
    total = np.sum(exps, axis=-1, keepdims=True)
    return m, shifted, exps, total, exps / total
