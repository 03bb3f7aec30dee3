"""A tiny Transformer trained to reverse a short sentence, so that its attention has a
pattern a learner can predict: output position i must fetch input position T − 1 − i.

Model: X0 = E[tokens] + PE (sinusoidal), out = encoder_layer(X0) (post-norm, as
transformer.encoder_layer), logits = out @ W_vocab + b_vocab, loss = mean cross-entropy
against the reversed tokens. Trained with Adam on every sentence of T words drawn from
the vocabulary. Dimensions: N sentences, T tokens, d width, V vocabulary.
"""

import itertools

import numpy as np

from nncli.maths.attention_backward import encoder_layer_backward
from nncli.maths.loss import softmax_cross_entropy
from nncli.maths.mlp import dense_backward
from nncli.maths.positional import positional_encoding
from nncli.maths.transformer import encoder_layer

VOCAB = ("the", "cat", "sat", "mat")
SETTINGS = {"tokens": 4, "dim": 8, "heads": 2, "ff": 16, "steps": 200, "lr": 0.03, "seed": 0}


def all_sentences(V: int, T: int) -> np.ndarray:
    """(V^T, T) every sentence of T word indices."""
    return np.array(list(itertools.product(range(V), repeat=T)), dtype=np.int64)


def init_params(V, d, d_ff, seed):
    """E (V, d), the encoder layer's parameters (transformer.encoder_layer), W_vocab (d, V),
    b_vocab (V,): normal weights scaled by 1/√fan-in, gamma 1, beta and biases 0."""
    rng = np.random.default_rng(seed)
    p = {"E": rng.normal(size=(V, d))}
    for k in ("Wq", "Wk", "Wv", "Wo"):
        p[k] = rng.normal(size=(d, d)) / np.sqrt(d)
    p["W1"], p["b1"] = rng.normal(size=(d, d_ff)) / np.sqrt(d), np.zeros(d_ff)
    p["W2"], p["b2"] = rng.normal(size=(d_ff, d)) / np.sqrt(d_ff), np.zeros(d)
    for k in ("1", "2"):
        p["gamma" + k], p["beta" + k] = np.ones(d), np.zeros(d)
    p["W_vocab"], p["b_vocab"] = rng.normal(size=(d, V)) / np.sqrt(d), np.zeros(V)
    return p


def embed(tokens, E):
    """tokens: (N, T) indices, E: (V, d) -> X0 (N, T, d) = E[tokens] + PE."""
    T = tokens.shape[1]
    return np.asarray(E)[tokens] + positional_encoding(T, E.shape[1])


def loss_and_grads(tokens, params, n_heads):
    """Mean cross-entropy of predicting tokens reversed, and its gradient for every parameter."""
    N, T = tokens.shape
    x0 = embed(tokens, params["E"])
    out = encoder_layer(x0, params, n_heads)
    flat = out.reshape(N * T, -1)
    logits = flat @ params["W_vocab"] + params["b_vocab"]
    loss, dlogits = softmax_cross_entropy(logits, tokens[:, ::-1].reshape(-1))
    dflat, dWv, dbv = dense_backward(dlogits, flat, params["W_vocab"])
    dx0, grads = encoder_layer_backward(dflat.reshape(out.shape), x0, params, n_heads)
    dE = np.zeros_like(params["E"])
    np.add.at(dE, tokens.reshape(-1), dx0.reshape(N * T, -1))
    grads.update(E=dE, W_vocab=dWv, b_vocab=dbv)
    return loss, grads


def train(settings=SETTINGS, vocab=VOCAB):
    """Adam (β 0.9, 0.999, ε 1e−8) on every sentence, full batch -> (params, losses per step)."""
    s = settings
    tokens = all_sentences(len(vocab), s["tokens"])
    p = init_params(len(vocab), s["dim"], s["ff"], s["seed"])
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(v) for k, v in p.items()}
    losses = []
    for step in range(1, s["steps"] + 1):
        loss, g = loss_and_grads(tokens, p, s["heads"])
        losses.append(loss)
        for k in p:
            m[k] = 0.9 * m[k] + 0.1 * g[k]
            v[k] = 0.999 * v[k] + 0.001 * g[k] ** 2
            p[k] = p[k] - s["lr"] * (m[k] / (1 - 0.9 ** step)) / (np.sqrt(v[k] / (1 - 0.999 ** step)) + 1e-8)
    return p, np.array(losses)


def accuracy(params, n_heads, tokens):
    """Fraction of positions whose most likely word is the reversed input's word."""
    out = encoder_layer(embed(tokens, params["E"]), params, n_heads)
    predicted = np.argmax(out @ params["W_vocab"] + params["b_vocab"], axis=-1)
    return float(np.mean(predicted == tokens[:, ::-1]))
