"""Layer normalisation with the epsilon written in, as many tutorials do; the other
functions are not written yet."""

import numpy as np


def positional_encoding(seq_len, d_model):
    raise NotImplementedError


def layer_norm(x, gamma, beta, eps=1e-05):
    mu = x.mean(-1, keepdims=True)
    sigma2 = ((x - mu) ** 2).mean(-1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(sigma2 + 1e-6) + beta


def feed_forward(x, W1, b1, W2, b2):
    raise NotImplementedError


def encoder_layer(x, params, n_heads):
    raise NotImplementedError


def next_token_distribution(h, W_vocab, b_vocab):
    raise NotImplementedError
