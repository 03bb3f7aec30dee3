"""A two-layer network and how it learns: dense and ReLU backward, the loss and its gradients,
one gradient-descent step, full-batch training.

Dimensions: N examples, D inputs, H hidden units, C classes. Row-vector convention
(x @ W + b, W stored as torch.nn.Linear.weight transposed). The network is
    z1 = X @ W1 + b1, h = relu(z1), z2 = h @ W2 + b2, loss = cross_entropy(z2, y)
with params and grads as dicts keyed W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).
"""

from typing import NamedTuple

import numpy as np

from nncli.maths.loss import cross_entropy, softmax_cross_entropy
from nncli.maths.neuron import dense

PARAM_NAMES = ("W1", "b1", "W2", "b2")


def dense_backward(dout, x, W):
    """Gradients of out = x @ W + b.

    dout: (N, M) gradient of the loss with respect to out, x: (N, D), W: (D, M) ->
    (dx (N, D) = dout @ Wᵀ, dW (D, M) = xᵀ @ dout, db (M,) = dout summed over the batch).
    """
    dout = np.asarray(dout, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)


def relu_backward(dout, x):
    """Gradient through relu(x): dout where x > 0, else 0 (slope 0 at exactly 0, as PyTorch).

    dout, x: the same shape -> dx of that shape. The mask is taken from the input x, not dout.
    """
    return np.asarray(dout, dtype=np.float64) * (np.asarray(x, dtype=np.float64) > 0)


class Forward(NamedTuple):
    """The intermediate values of one forward pass: z1, h (N, H) and logits z2 (N, C)."""

    z1: np.ndarray
    h: np.ndarray
    z2: np.ndarray


def mlp_forward(X, params) -> Forward:
    """X: (N, D), params as the module docstring -> Forward(z1, h, z2)."""
    z1 = dense(X, params["W1"], params["b1"])
    h = np.maximum(z1, 0.0)
    return Forward(z1, h, dense(h, params["W2"], params["b2"]))


def mlp_loss(X, y, params) -> float:
    """Mean cross-entropy of the network on X: (N, D) with labels y: (N,)."""
    return cross_entropy(mlp_forward(X, params).z2, y)


def mlp_backward(X, forward: Forward, dz2, params) -> dict:
    """Backpropagate dz2 (N, C), the gradient at the logits, to the four parameters -> grads."""
    dh, dW2, db2 = dense_backward(dz2, forward.h, params["W2"])
    dz1 = relu_backward(dh, forward.z1)
    _, dW1, db1 = dense_backward(dz1, X, params["W1"])
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def mlp_loss_and_grads(X, y, params):
    """X: (N, D), y: (N,) integer labels, params as the module docstring ->
    (loss, grads) with grads keyed and shaped as params, the gradients of the mean loss."""
    X = np.asarray(X, dtype=np.float64)
    forward = mlp_forward(X, params)
    loss, dz2 = softmax_cross_entropy(forward.z2, y)
    return loss, mlp_backward(X, forward, dz2, params)


def sgd_step(params, grads, lr):
    """One gradient-descent step p ← p − lr·dp for every key -> a new dict; inputs unchanged."""
    return {k: np.asarray(params[k], dtype=np.float64) - lr * np.asarray(grads[k], dtype=np.float64)
            for k in params}


def init_mlp(D: int, H: int, C: int, seed: int) -> dict:
    """Random starting weights: W1 ~ N(0, 2/D) (He, for ReLU), W2 ~ N(0, 1/H), biases 0."""
    rng = np.random.default_rng(seed)
    return {"W1": rng.normal(0.0, np.sqrt(2.0 / D), size=(D, H)), "b1": np.zeros(H),
            "W2": rng.normal(0.0, np.sqrt(1.0 / H), size=(H, C)), "b2": np.zeros(C)}


def predict(X, params) -> np.ndarray:
    """X: (N, D) -> (N,) the class with the largest logit (the first one when tied)."""
    return np.argmax(mlp_forward(X, params).z2, axis=1)


def accuracy(X, y, params) -> float:
    """Fraction of X: (N, D) whose predicted class equals y: (N,)."""
    return float(np.mean(predict(X, params) == np.asarray(y)))


class History(NamedTuple):
    """What full-batch training returns.

    params: the final weights; losses: (epochs + 1,) training loss after k updates,
    k = 0 … epochs; val_losses: the same on the held-out set (empty without one);
    snapshots: {k: weights after k updates} for each k asked for.
    """

    params: dict
    losses: np.ndarray
    val_losses: np.ndarray
    snapshots: dict


def train_mlp(X, y, params, epochs: int, lr: float, X_val=None, y_val=None,
              snapshot_at=()) -> History:
    """Full-batch gradient descent: `epochs` steps of sgd_step on the gradient of the mean loss
    over all of X: (N, D), y: (N,). Held-out X_val, y_val are only measured, never trained on."""
    X = np.asarray(X, dtype=np.float64)
    params = {k: np.asarray(params[k], dtype=np.float64) for k in PARAM_NAMES}
    losses, val_losses, snapshots = [], [], {}
    for k in range(epochs + 1):
        if k in snapshot_at:
            snapshots[k] = params
        if X_val is not None:
            val_losses.append(mlp_loss(X_val, y_val, params))
        if k == epochs:
            losses.append(mlp_loss(X, y, params))
            break
        loss, grads = mlp_loss_and_grads(X, y, params)
        losses.append(loss)
        params = sgd_step(params, grads, lr)
    return History(params, np.array(losses), np.array(val_losses), snapshots)
