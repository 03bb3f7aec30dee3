"""Reference solution of the "train" exercise: a two-layer network trained by full-batch
gradient descent with momentum."""

import numpy as np


def accuracy(y_pred, y):
    """Worked example (not graded): the fraction of predicted labels equal to the true ones."""
    return float(np.mean(np.asarray(y_pred) == np.asarray(y)))


def fit_predict(X_train, y_train, X_test, n_classes, seed):
    """X_train (N, 2), y_train (N,), X_test (M, 2) -> y_pred (M,) integer labels.

    Inputs standardised with the training set's mean and spread; 64 ReLU units; softmax
    cross-entropy; 600 steps of gradient descent with momentum 0.9 on the whole batch."""
    rng = np.random.default_rng(seed)
    X = np.asarray(X_train, dtype=np.float64)
    mean, std = X.mean(axis=0), X.std(axis=0) + 1e-12
    X = (X - mean) / std
    y = np.asarray(y_train).astype(np.int64)
    N, D = X.shape
    H = 64
    params = {"W1": rng.standard_normal((D, H)) * np.sqrt(2.0 / D), "b1": np.zeros(H),
              "W2": rng.standard_normal((H, n_classes)) * np.sqrt(1.0 / H),
              "b2": np.zeros(n_classes)}
    velocity = {k: np.zeros_like(v) for k, v in params.items()}
    onehot = np.eye(n_classes)[y]
    for _ in range(600):
        z1 = X @ params["W1"] + params["b1"]
        h = np.maximum(z1, 0.0)
        z2 = h @ params["W2"] + params["b2"]
        p = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        dz2 = (p - onehot) / N
        dh = dz2 @ params["W2"].T
        dz1 = dh * (z1 > 0)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
        for k in params:
            velocity[k] = 0.9 * velocity[k] - 0.1 * grads[k]
            params[k] = params[k] + velocity[k]
    Z = (np.asarray(X_test, dtype=np.float64) - mean) / std
    h = np.maximum(Z @ params["W1"] + params["b1"], 0.0)
    return np.argmax(h @ params["W2"] + params["b2"], axis=1)
