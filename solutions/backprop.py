"""Reference solution of the "backprop" exercise: dense and ReLU backward, softmax
cross-entropy, a two-layer network's gradients and one step of gradient descent."""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Worked example (not graded): central differences, one entry of x at a time."""
    grad = np.zeros_like(x, dtype=np.float64)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        plus = f(x)
        x[index] = old - h
        minus = f(x)
        x[index] = old
        grad[index] = (plus - minus) / (2 * h)
    return grad


def dense_backward(dout, x, W):
    """dout (N, M), x (N, D), W (D, M) -> (dx (N, D), dW (D, M), db (M,)).

    out[n, m] = Σ_d x[n, d] W[d, m] + b[m]: W[d, m] meets x[n, d] in every example, so dW
    sums over the batch; b[m] is added to every example, so db does too."""
    dout = np.asarray(dout, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)


def relu_backward(dout, x):
    """dout, x the same shape -> dx: dout where x > 0, else 0 (the mask from the input)."""
    return np.asarray(dout, dtype=np.float64) * (np.asarray(x, dtype=np.float64) > 0)


def softmax_cross_entropy(logits, y):
    """logits (N, C), y (N,) -> (loss, a float; dlogits (N, C) = (p − onehot(y)) / N)."""
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y).astype(np.int64)
    N = z.shape[0]
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(N)
    loss = -log_p[rows, y].mean()
    dlogits = np.exp(log_p)
    dlogits[rows, y] -= 1.0
    return float(loss), dlogits / N


def mlp_loss_and_grads(X, y, params):
    """X (N, D), y (N,), params W1 b1 W2 b2 -> (loss, grads keyed as params)."""
    X = np.asarray(X, dtype=np.float64)
    z1 = X @ params["W1"] + params["b1"]
    h = np.maximum(z1, 0.0)
    z2 = h @ params["W2"] + params["b2"]
    loss, dz2 = softmax_cross_entropy(z2, y)
    dh, dW2, db2 = dense_backward(dz2, h, params["W2"])
    dz1 = relu_backward(dh, z1)
    _, dW1, db1 = dense_backward(dz1, X, params["W1"])
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def sgd_step(params, grads, lr):
    """params, grads: dicts of arrays with the same keys and shapes; lr > 0 -> a new dict of
    params[name] − lr·grads[name] (new arrays: the caller's are left as they were)."""
    return {name: np.asarray(value, dtype=np.float64) - lr * np.asarray(grads[name], dtype=np.float64)
            for name, value in params.items()}
