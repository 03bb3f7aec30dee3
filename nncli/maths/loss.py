"""Losses and their gradients: mean squared error, softmax and cross-entropy.

Conventions as PyTorch's defaults: reduction "mean". Cross-entropy takes raw scores (logits)
and integer class labels, as torch.nn.functional.cross_entropy, and averages over the batch;
mean squared error averages over every element, as torch.nn.functional.mse_loss.
"""

import numpy as np


def one_hot(y, n_classes: int) -> np.ndarray:
    """y: (N,) integer labels in 0 … C−1 -> (N, C) float64, 1.0 at [n, y[n]], else 0.0."""
    y = np.asarray(y, dtype=np.int64)
    out = np.zeros((y.shape[0], n_classes), dtype=np.float64)
    out[np.arange(y.shape[0]), y] = 1.0
    return out


def log_sum_exp(logits) -> np.ndarray:
    """log Σ_c e^{z_c} along the last axis, as m + log Σ_c e^{z_c − m} with m the row max.

    logits: (N, C) -> (N,). Subtracting the max first keeps every exponent ≤ 0, so e^… never
    overflows, even for logits of ±1000.
    """
    z = np.asarray(logits, dtype=np.float64)
    m = np.max(z, axis=-1, keepdims=True)
    return (m + np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True)))[..., 0]


def log_softmax(logits) -> np.ndarray:
    """log p = (z − m) − log Σ_c e^{z_c − m} along the last axis, m the row max
    (= z − logsumexp(z), without adding m back first). logits: (N, C) -> (N, C)."""
    z = np.asarray(logits, dtype=np.float64)
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def softmax(logits) -> np.ndarray:
    """p = e^{z − m} / Σ_c e^{z_c − m} along the last axis, m the row max (the same as e^z / Σ e^z,
    and finite for any logits): (N, C) -> (N, C), each row sums to 1."""
    z = np.asarray(logits, dtype=np.float64)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy(logits, y) -> float:
    """Mean over the batch of −log p[n, y[n]].

    logits: (N, C) raw scores, y: (N,) integer labels -> scalar, as
    torch.nn.functional.cross_entropy(logits, y) (reduction "mean").
    """
    y = np.asarray(y, dtype=np.int64)
    logp = log_softmax(logits)
    return float(-np.mean(logp[np.arange(y.shape[0]), y]))


def softmax_cross_entropy(logits, y):
    """Cross-entropy of softmax(logits) and its gradient with respect to the logits.

    logits: (N, C), y: (N,) integer labels -> (loss scalar, dlogits (N, C)), with
    dlogits = (softmax(logits) − onehot(y)) / N: the gradient of the batch mean.
    """
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    n = z.shape[0]
    p = softmax(z)
    loss = float(-np.mean(log_softmax(z)[np.arange(n), y]))
    return loss, (p - one_hot(y, z.shape[1])) / n


def mse(pred, target) -> float:
    """Mean over every element of (pred − target)². pred, target: same shape -> scalar,
    as torch.nn.functional.mse_loss (reduction "mean")."""
    diff = np.asarray(pred, dtype=np.float64) - np.asarray(target, dtype=np.float64)
    return float(np.mean(diff ** 2))


def mse_backward(pred, target) -> np.ndarray:
    """Gradient of mse with respect to pred: 2 (pred − target) / (number of elements),
    the shape of pred."""
    diff = np.asarray(pred, dtype=np.float64) - np.asarray(target, dtype=np.float64)
    return 2.0 * diff / diff.size
