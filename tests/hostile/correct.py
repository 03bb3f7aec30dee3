"""A correct learner file: the sandbox must bring back exactly what NumPy computes."""
import numpy as np


def relu(x):
    return np.maximum(x, 0.0)


def softmax(x, axis=-1):
    shifted = x - x.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def dense(x, W, b):
    return x @ W + b


def attention_weights(Q, K, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    return scores, softmax(scores)


def layer_params(x, params):
    return x @ params["W"] + params["b"]


def stub(x):
    """Not started yet."""
    raise NotImplementedError("write this")
