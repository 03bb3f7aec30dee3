"""Reference solution of the "transformer" exercise: positional encoding, layer norm, the
feed-forward network, a post-norm encoder layer and the next-token distribution."""

import numpy as np


def softmax(x, axis=-1):
    """Given in full: a stable softmax along `axis`."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def relu(x):
    """Given in full: max(0, x)."""
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


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


def split_heads(X, n_heads):
    """Given in full: (N, T, d) -> (N, h, T, d/h), contiguous column blocks."""
    X = np.asarray(X, dtype=np.float64)
    N, T, d = X.shape
    return X.reshape(N, T, n_heads, d // n_heads).transpose(0, 2, 1, 3)


def merge_heads(X):
    """Given in full: (N, h, T, d_head) -> (N, T, h·d_head)."""
    X = np.asarray(X, dtype=np.float64)
    N, h, T, d_head = X.shape
    return X.transpose(0, 2, 1, 3).reshape(N, T, h * d_head)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    """Given in full: X (N, T, d), W* (d, d) -> (out (N, T, d), weights (N, h, T, T))."""
    X = np.asarray(X, dtype=np.float64)
    Q = split_heads(X @ Wq, n_heads)
    K = split_heads(X @ Wk, n_heads)
    V = split_heads(X @ Wv, n_heads)
    heads, weights = scaled_dot_product_attention(Q, K, V, mask)
    return merge_heads(heads) @ Wo, weights


def positional_encoding(seq_len, d_model):
    """(T, d) table: PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(same angle).

    Column j belongs to the pair i = j // 2, so both columns of a pair use the exponent
    2i/d of the even one. Written as loops to follow the formula; the table is small.
    """
    pe = np.zeros((seq_len, d_model))
    for p in range(seq_len):
        for j in range(0, d_model, 2):         # j = 2i, the even column of each pair
            angle = p / 10000.0 ** (j / d_model)
            pe[p, j] = np.sin(angle)
            if j + 1 < d_model:
                pe[p, j + 1] = np.cos(angle)
    return pe


def row_statistics(x):
    """Worked example (not graded): the mean and the variance of each token's vector.

    Statistics over the last axis treat every token on its own: μ is the mean of the row,
    σ² the mean of (x − μ)² (the population variance, ddof=0, as torch.nn.LayerNorm uses).
    keepdims=True keeps a size-1 last axis, so that x − μ broadcasts row by row.

    Inputs:
    - x: (..., d)
    Returns a tuple (mean, var):
    - each (..., 1) float64
    """
    x = np.asarray(x, dtype=np.float64)
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return mean, var


def layer_norm(x, gamma, beta, eps=1e-5):
    """x (…, d), gamma (d,), beta (d,) -> (…, d), each vector normalised on its own.

    np.var divides by d by default (ddof=0): the biased variance, as torch.nn.LayerNorm.
    """
    x = np.asarray(x, dtype=np.float64)
    mean = np.mean(x, axis=-1, keepdims=True)
    var = np.var(x, axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def feed_forward(x, W1, b1, W2, b2):
    """x (…, d) -> (…, d): relu(x·W1 + b1)·W2 + b2, the same at every position.

    x @ W1 works for any number of leading axes: matmul treats them as a batch.
    """
    x = np.asarray(x, dtype=np.float64)
    hidden = relu(x @ W1 + b1)                 # (…, d_ff)
    return hidden @ W2 + b2


def encoder_layer(x, params, n_heads):
    """x (N, T, d) -> (N, T, d): post-norm, each sub-layer wrapped as layer_norm(x + f(x))."""
    x = np.asarray(x, dtype=np.float64)
    p = params
    attended, _ = multi_head_attention(x, p["Wq"], p["Wk"], p["Wv"], p["Wo"], n_heads)
    y = layer_norm(x + attended, p["gamma1"], p["beta1"])
    ffn = feed_forward(y, p["W1"], p["b1"], p["W2"], p["b2"])
    return layer_norm(y + ffn, p["gamma2"], p["beta2"])


def next_token_distribution(h, W_vocab, b_vocab):
    """h (N, d), W_vocab (d, V), b_vocab (V,) -> (N, V), softmax of the logits over V."""
    h = np.asarray(h, dtype=np.float64)
    logits = h @ W_vocab + b_vocab             # (N, V)
    return softmax(logits, axis=-1)
