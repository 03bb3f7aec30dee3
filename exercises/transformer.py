"""Exercise "transformer": the pieces of a Transformer encoder, then one whole layer.

Task: write
- positional_encoding(seq_len, d_model): the sinusoidal position codes of "Attention Is All
  You Need", PE[p, 2i] = sin(p / 10000^(2i/d_model)), PE[p, 2i+1] = cos(same angle):
  sine and cosine interleaved, column 2i and column 2i+1 sharing one frequency;
- layer_norm(x, gamma, beta, eps): normalise each vector (the last axis) to mean 0 and
  variance 1, then scale by gamma and shift by beta; the biased variance (divide by d) with
  eps inside the square root, as torch.nn.LayerNorm;
- feed_forward(x, W1, b1, W2, b2) = relu(x·W1 + b1)·W2 + b2, applied to every position;
- encoder_layer(x, params, n_heads): one post-norm encoder layer, as in the original paper:
      y   = layer_norm(x + MHA(x), gamma1, beta1)
      out = layer_norm(y + FFN(y), gamma2, beta2)
  with multi-head self-attention without biases (given below, from the multihead exercise);
- next_token_distribution(h, W_vocab, b_vocab): the probabilities of the next token,
  softmax(h·W_vocab + b_vocab) over the vocabulary.

Named dimensions: N batch, T tokens, d model width, d_ff feed-forward width, V vocabulary.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first;
row vectors are multiplied on the right (x @ W1); inputs are never modified in place.

Check your work with:  nncli check transformer
"""

import numpy as np


def softmax(x, axis=-1):
    """Given in full (from the activations exercise): a stable softmax along `axis`.

    Inputs:
    - x: array of any shape (−inf entries allowed, with one finite entry per slice)
    - axis: the axis to normalise along
    Returns:
    - out: float64 array of x's shape, summing to 1 along `axis`
    """
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def relu(x):
    """Given in full (from the activations exercise): max(0, x). Any shape -> same shape."""
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Given in full (from the attention exercise): softmax(Q Kᵀ / √d) V.

    Q: (…, Tq, d), K: (…, Tk, d), V: (…, Tk, dv), mask bool (True = may attend) ->
    (out (…, Tq, dv), weights (…, Tq, Tk)).
    """
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights @ V, weights


def split_heads(X, n_heads):
    """Given in full (from the multihead exercise): (N, T, d) -> (N, h, T, d/h),
    head k takes the k-th block of d/h columns."""
    X = np.asarray(X, dtype=np.float64)
    N, T, d = X.shape
    return X.reshape(N, T, n_heads, d // n_heads).transpose(0, 2, 1, 3)


def merge_heads(X):
    """Given in full (from the multihead exercise): (N, h, T, d_head) -> (N, T, h·d_head)."""
    X = np.asarray(X, dtype=np.float64)
    N, h, T, d_head = X.shape
    return X.transpose(0, 2, 1, 3).reshape(N, T, h * d_head)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, mask=None):
    """Given in full (from the multihead exercise): multi-head self-attention, no biases.

    X: (N, T, d), Wq, Wk, Wv, Wo: (d, d) -> (out (N, T, d), weights (N, h, T, T)).
    """
    X = np.asarray(X, dtype=np.float64)
    Q = split_heads(X @ Wq, n_heads)
    K = split_heads(X @ Wk, n_heads)
    V = split_heads(X @ Wv, n_heads)
    heads, weights = scaled_dot_product_attention(Q, K, V, mask)
    return merge_heads(heads) @ Wo, weights


def positional_encoding(seq_len, d_model):
    """The sinusoidal position codes, sine and cosine interleaved.

    PE[p, 2i] = sin(p / 10000^(2i/d_model)), PE[p, 2i+1] = cos(p / 10000^(2i/d_model)).
    When d_model is odd, the last column is a sine.

    Inputs:
    - seq_len: T, the number of positions p = 0 … T−1
    - d_model: d, the width of one code
    Returns:
    - pe: (T, d) float64, row p is the code added to the token at position p
    """
    raise NotImplementedError


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
    """Layer normalisation over the last axis, as torch.nn.LayerNorm.

    out = (x − mean) / √(var + eps) · gamma + beta, with mean and the biased variance
    (divided by d) taken over the last axis of each vector on its own.

    Inputs:
    - x: (…, d) any leading axes, e.g. (N, T, d)
    - gamma: (d,) scale; beta: (d,) shift
    - eps: added to the variance inside the square root
    Returns:
    - out: (…, d) float64
    """
    raise NotImplementedError


def feed_forward(x, W1, b1, W2, b2):
    """The position-wise feed-forward network: relu(x·W1 + b1)·W2 + b2.

    Inputs:
    - x: (…, d), e.g. (N, T, d): the same two layers are applied at every position
    - W1: (d, d_ff), b1: (d_ff,) the first layer
    - W2: (d_ff, d), b2: (d,) the second layer
    Returns:
    - out: (…, d) float64
    """
    raise NotImplementedError


def encoder_layer(x, params, n_heads):
    """One post-norm Transformer encoder layer (as in "Attention Is All You Need").

        y = layer_norm(x + multi_head_attention(x), gamma1, beta1)
        out = layer_norm(y + feed_forward(y), gamma2, beta2)

    Inputs:
    - x: (N, T, d)
    - params: dict of float64 arrays: "Wq", "Wk", "Wv", "Wo" (d, d); "W1" (d, d_ff),
      "b1" (d_ff,), "W2" (d_ff, d), "b2" (d,); "gamma1", "beta1", "gamma2", "beta2" (d,)
    - n_heads: h, which divides d
    Returns:
    - out: (N, T, d) float64
    """
    raise NotImplementedError


def next_token_distribution(h, W_vocab, b_vocab):
    """The output layer of a language model: probabilities over the vocabulary.

    Inputs:
    - h: (N, d) the final hidden vector of N positions
    - W_vocab: (d, V) and b_vocab: (V,) the output projection to V vocabulary logits
    Returns:
    - probs: (N, V) float64, softmax(h·W_vocab + b_vocab) over V; each row sums to 1
    """
    raise NotImplementedError
