"""Exercise "multihead": multi-head attention.

Task: write split_heads, merge_heads and multi_head_attention. Instead of one attention
over d-wide vectors, h heads each attend over their own d/h-wide slice, so different heads
can look at different things; their outputs are put side by side again and mixed by Wo:

    Q = X·Wq, K = X·Wk, V = X·Wv                      each (N, T, d)
    split each into heads: head k takes columns k·d/h … (k+1)·d/h − 1 (contiguous blocks)
    per head: softmax(Q_k K_kᵀ / √(d/h)) V_k          scaled by the head's width d/h
    out = merge(heads)·Wo                             (N, T, d)

This gives the numbers of torch.nn.MultiheadAttention(d, h, bias=False, batch_first=True)
with in_proj_weight = [Wqᵀ; Wkᵀ; Wvᵀ] and out_proj.weight = Woᵀ. Masks here mean
True = may attend, as in torch.nn.functional.scaled_dot_product_attention
(nn.MultiheadAttention's own boolean masks mean the opposite).

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first;
row vectors are multiplied on the right (X @ Wq); inputs are never modified in place.

Check your work with:  nncli check multihead
"""

import numpy as np


def softmax(x, axis=-1):
    """Given in full (from the activations exercise): a stable softmax along `axis`.

    Inputs:
    - x: array of any shape (−inf entries allowed, with one finite entry per slice)
    - axis: the axis to normalise along
    Returns:
    - out: float64 array of x's shape, summing to 1 along `axis`
    """
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def causal_mask(T):
    """Given in full: (T, T) bool, True on and below the diagonal (True = may attend)."""
    return np.tril(np.ones((T, T), dtype=bool))


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Given in full (from the attention exercise): softmax(Q Kᵀ / √d) V.

    d is the width of the vectors it is given: called on one head's slices, that is d/h.

    Inputs:
    - Q: (…, Tq, d), K: (…, Tk, d), V: (…, Tk, dv); "…" may be (N, h)
    - mask: None, or bool broadcastable to (…, Tq, Tk), True = may attend
    Returns a tuple (out, weights):
    - out: (…, Tq, dv) float64
    - weights: (…, Tq, Tk) float64
    """
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights @ V, weights


def head_columns(d, n_heads):
    """Worked example (not graded): which columns of Q, K and V each head reads.

    Head k takes the contiguous block of columns k·d/h … (k+1)·d/h − 1: with d = 4 and
    h = 2, head 0 reads columns 0 and 1, head 1 reads columns 2 and 3. split_heads does the
    same for a whole batch at once, with a reshape instead of a loop.

    Inputs:
    - d: the model width, divisible by n_heads
    - n_heads: the number of heads h
    Returns:
    - a list of h ranges, entry k = range(k·d/h, (k+1)·d/h)
    """
    width = d // n_heads
    return [range(k * width, (k + 1) * width) for k in range(n_heads)]


def split_heads(X, n_heads):
    """Cut the last axis into n_heads contiguous blocks and make the heads an axis.

    Inputs:
    - X: (N, T, d), d divisible by n_heads
    - n_heads: h
    Returns:
    - out: (N, h, T, d/h) float64, out[:, k] = X[:, :, k·d/h : (k+1)·d/h]
    """
    raise NotImplementedError


def merge_heads(X):
    """The inverse of split_heads: put the heads' blocks side by side again.

    Inputs:
    - X: (N, h, T, d_head)
    Returns:
    - out: (N, T, h·d_head) float64, out[:, :, k·d_head : (k+1)·d_head] = X[:, k]
    """
    raise NotImplementedError


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    """Multi-head self-attention without biases.

    Inputs:
    - X: (N, T, d) N sequences of T tokens
    - Wq, Wk, Wv: (d, d) projections; head k uses their columns k·d/h … (k+1)·d/h − 1
    - Wo: (d, d) output projection
    - n_heads: h, which divides d
    - mask: None, or bool broadcastable to (N, h, T, T) (e.g. (T, T)), True = may attend
    Returns a tuple (out, weights):
    - out: (N, T, d) float64, merge_heads(heads) @ Wo
    - weights: (N, h, T, T) float64, the attention weights of every head
    """
    raise NotImplementedError
