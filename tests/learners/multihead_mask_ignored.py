"""Multi-head attention in the course-notes style, one head at a time; the mask argument is
accepted and never used."""

import numpy as np


def split_heads(X, n_heads):
    N, T, d = X.shape
    return X.reshape(N, T, n_heads, d // n_heads).transpose(0, 2, 1, 3)


def merge_heads(X):
    N, h, T, dh = X.shape
    return X.transpose(0, 2, 1, 3).reshape(N, T, h * dh)


def softmax(a):
    a = a - a.max(axis=-1, keepdims=True)
    e = np.exp(a)
    return e / e.sum(axis=-1, keepdims=True)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    Q, K, V = split_heads(X @ Wq, n_heads), split_heads(X @ Wk, n_heads), split_heads(X @ Wv, n_heads)
    dh = Q.shape[-1]
    heads, weights = [], []
    for k in range(n_heads):
        scores = Q[:, k] @ K[:, k].transpose(0, 2, 1) / np.sqrt(dh)
        p = softmax(scores)
        weights.append(p)
        heads.append(p @ V[:, k])
    return merge_heads(np.stack(heads, axis=1)) @ Wo, np.stack(weights, axis=1)
