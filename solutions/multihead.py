"""Reference solution of the "multihead" exercise: heads as contiguous column blocks,
each scaled by √(d/h), merged and projected by Wo (as torch.nn.MultiheadAttention)."""

import numpy as np


def softmax(x, axis=-1):
    """Given in full: a stable softmax along `axis`."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def causal_mask(T):
    """Given in full: (T, T) bool, True on and below the diagonal."""
    return np.tril(np.ones((T, T), dtype=bool))


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Given in full: softmax(Q Kᵀ / √d) V, mask True = may attend."""
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
    """X (N, T, d) -> (N, h, T, d/h): head k is the k-th block of d/h columns.

    Written with slices so the blocks are visible. (The same in one line:
    X.reshape(N, T, h, d // h).transpose(0, 2, 1, 3); a plain reshape to (N, h, T, d/h)
    would mix tokens and heads.)
    """
    X = np.asarray(X, dtype=np.float64)
    d_head = X.shape[-1] // n_heads
    blocks = [X[:, :, k * d_head:(k + 1) * d_head] for k in range(n_heads)]
    return np.stack(blocks, axis=1)


def merge_heads(X):
    """X (N, h, T, d_head) -> (N, T, h·d_head): the heads' blocks side by side."""
    X = np.asarray(X, dtype=np.float64)
    return np.concatenate([X[:, k] for k in range(X.shape[1])], axis=-1)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    """X (N, T, d), Wq, Wk, Wv, Wo (d, d) -> (out (N, T, d), weights (N, h, T, T)).

    Project once with the full matrices, then split: the columns of Wq that head k reads
    are exactly the block k·d/h … (k+1)·d/h − 1. scaled_dot_product_attention divides by
    the width it sees, √(d/h).
    """
    X = np.asarray(X, dtype=np.float64)
    Q = split_heads(X @ Wq, n_heads)      # (N, h, T, d/h)
    K = split_heads(X @ Wk, n_heads)
    V = split_heads(X @ Wv, n_heads)
    heads, weights = scaled_dot_product_attention(Q, K, V, mask)
    return merge_heads(heads) @ Wo, weights
