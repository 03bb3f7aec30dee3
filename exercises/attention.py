"""Exercise "attention": attention over encoder states, then scaled dot-product and
self-attention.

Task: write
- attention_context(s, h): a decoder state s looks at T encoder states h_t. Each gets a
  score e_t = h_t·s; softmax over the T scores gives the weights alpha; the context is the
  weighted sum Σ_t alpha_t h_t.
- scaled_dot_product_attention(Q, K, V, mask): softmax(Q Kᵀ / √d) V for every query at
  once, with an optional boolean mask where True means "may attend" (the meaning of
  torch.nn.functional.scaled_dot_product_attention). A blocked score is set to −∞ before
  the softmax, so its weight is exactly 0. Every row of a mask keeps at least one True.
- self_attention(X, Wq, Wk, Wv, mask): queries, keys and values all computed from the same
  sequence, Q = X·Wq, K = X·Wk, V = X·Wv, then scaled dot-product attention.

Why √d: the dot product of two d-dimensional vectors with unit-variance entries has
variance d. Dividing by √d keeps the scores near unit size, so softmax does not saturate
into a one-hot vector as d grows.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first;
row vectors are multiplied on the right (X @ Wq); inputs are never modified in place.

Check your work with:  nncli check attention
"""

import numpy as np


def softmax(x, axis=-1):
    """Given in full (from the activations exercise): a stable softmax along `axis`.

    Works with −inf entries too (their weight is 0), as long as each slice has a finite one.

    Inputs:
    - x: array of any shape
    - axis: the axis to normalise along
    Returns:
    - out: float64 array of x's shape, summing to 1 along `axis`
    """
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def causal_mask(T):
    """Worked example (not graded): the mask of a decoder, position i sees positions j ≤ i.

    Inputs:
    - T: sequence length
    Returns:
    - mask: (T, T) bool, True on and below the diagonal (True = may attend)
    """
    return np.tril(np.ones((T, T), dtype=bool))


def attention_context(s, h):
    """Dot-product attention of a decoder state over encoder states (no scaling).

    Inputs:
    - s: (N, H) decoder states, one per example
    - h: (N, T, H) encoder states, T per example
    Returns a tuple (context, alpha):
    - context: (N, H) float64, context[n] = Σ_t alpha[n, t]·h[n, t]
    - alpha: (N, T) float64, alpha[n] = softmax over t of the scores e[n, t] = h[n, t]·s[n]
    """
    raise NotImplementedError


def scaled_dot_product_attention(Q, K, V, mask=None):
    """softmax(Q Kᵀ / √d, over the keys) V, with an optional mask (True = may attend).

    The leading axes "…" (batch, heads) may be absent or many; they are carried through.

    Inputs:
    - Q: (…, Tq, d) queries
    - K: (…, Tk, d) keys
    - V: (…, Tk, dv) values
    - mask: None, or bool broadcastable to (…, Tq, Tk); each row has at least one True
    Returns a tuple (out, weights):
    - out: (…, Tq, dv) float64, out = weights @ V
    - weights: (…, Tq, Tk) float64, each row sums to 1, 0 where the mask is False
    """
    raise NotImplementedError


def self_attention(X, Wq, Wk, Wv, mask=None):
    """Self-attention: Q = X·Wq, K = X·Wk, V = X·Wv, then scaled dot-product attention.

    Inputs:
    - X: (N, T, d_model) N sequences of T tokens
    - Wq, Wk: (d_model, d_k) query and key weights
    - Wv: (d_model, d_v) value weights
    - mask: None, or bool broadcastable to (N, T, T), True = may attend
    Returns a tuple (out, weights):
    - out: (N, T, d_v) float64
    - weights: (N, T, T) float64, weights[n, i, j] = how much token i attends to token j
    """
    raise NotImplementedError
