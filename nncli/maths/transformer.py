"""One Transformer encoder layer and one decoder layer (post-norm, as the original paper), and
the output softmax.

Named dimensions: N batch, T tokens (the target so far, in a decoder), S source tokens (the
encoder output a decoder reads), d model width, d_ff feed-forward width, V vocabulary.
Row vectors multiplied on the right (x @ W); textbooks writing W x use the transposes.
"""

import numpy as np

from nncli.maths.activations import relu, softmax
from nncli.maths.attention import causal_mask, cross_attention, multi_head_attention


def layer_norm(x, gamma, beta, eps=1e-5):
    """Normalise the last axis: (x − mean) / √(var + eps) · gamma + beta.

    x: (..., d); gamma, beta: (d,). Biased variance (divide by d) with eps inside the square
    root, as torch.nn.LayerNorm.
    """
    x = np.asarray(x, dtype=np.float64)
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * np.asarray(gamma, dtype=np.float64) \
        + np.asarray(beta, dtype=np.float64)


def feed_forward(x, W1, b1, W2, b2):
    """Position-wise feed-forward: relu(x·W1 + b1)·W2 + b2.

    x: (..., d), W1: (d, d_ff), b1: (d_ff,), W2: (d_ff, d), b2: (d,) -> (..., d).
    """
    x = np.asarray(x, dtype=np.float64)
    return relu(x @ np.asarray(W1, dtype=np.float64) + b1) @ np.asarray(W2, dtype=np.float64) + b2


def encoder_layer(x, params, n_heads: int):
    """One post-norm encoder layer.

    x: (N, T, d); params: dict with Wq, Wk, Wv, Wo (d, d), W1 (d, d_ff), b1 (d_ff,),
    W2 (d_ff, d), b2 (d,), gamma1, beta1, gamma2, beta2 (d,); attention has no biases.
    y = layer_norm(x + MHA(x)), out = layer_norm(y + FFN(y)) -> (N, T, d).
    """
    x = np.asarray(x, dtype=np.float64)
    p = params
    attn, _ = multi_head_attention(x, p["Wq"], p["Wk"], p["Wv"], p["Wo"], n_heads)
    y = layer_norm(x + attn, p["gamma1"], p["beta1"])
    return layer_norm(y + feed_forward(y, p["W1"], p["b1"], p["W2"], p["b2"]),
                      p["gamma2"], p["beta2"])


def decoder_layer(y, memory, params, n_heads: int) -> dict:
    """One post-norm decoder layer, with every intermediate result.

    y: (N, T, d) the target so far (embeddings + positional encoding); memory: (N, S, d) the
    encoder output; params: Wq, Wk, Wv, Wo (masked self-attention) and Wq_x, Wk_x, Wv_x, Wo_x
    (cross-attention), all (d, d) without biases, W1 (d, d_ff), b1 (d_ff,), W2 (d_ff, d),
    b2 (d,), gamma1, beta1, gamma2, beta2, gamma3, beta3 (d,).
    Returns self_attn, self_weights (N, h, T, T), add_norm1, cross_attn,
    cross_weights (N, h, T, S), add_norm2, ffn, out (all others (N, T, d)):
        add_norm1 = LN1(y + MHA(y, causal mask)), add_norm2 = LN2(add_norm1 + MHA(add_norm1,
        memory, memory)), out = LN3(add_norm2 + FFN(add_norm2)),
    as torch.nn.TransformerDecoderLayer(d, n_heads, d_ff, dropout=0, activation="relu",
    batch_first=True, norm_first=False) with the attention biases (in_proj_bias,
    out_proj.bias) zero, called with tgt_mask = the causal mask (PyTorch's is additive:
    −∞ above the diagonal, where this mask is False).
    """
    p = params
    y = np.asarray(y, dtype=np.float64)
    r = {}
    r["self_attn"], r["self_weights"] = multi_head_attention(
        y, p["Wq"], p["Wk"], p["Wv"], p["Wo"], n_heads, causal_mask(y.shape[-2]))
    r["add_norm1"] = layer_norm(y + r["self_attn"], p["gamma1"], p["beta1"])
    r["cross_attn"], r["cross_weights"] = cross_attention(
        r["add_norm1"], memory, p["Wq_x"], p["Wk_x"], p["Wv_x"], p["Wo_x"], n_heads)
    r["add_norm2"] = layer_norm(r["add_norm1"] + r["cross_attn"], p["gamma2"], p["beta2"])
    r["ffn"] = feed_forward(r["add_norm2"], p["W1"], p["b1"], p["W2"], p["b2"])
    r["out"] = layer_norm(r["add_norm2"] + r["ffn"], p["gamma3"], p["beta3"])
    return r


def next_token_distribution(h, W_vocab, b_vocab):
    """softmax(h·W_vocab + b_vocab): h (N, d), W_vocab (d, V), b_vocab (V,) -> (N, V)."""
    h = np.asarray(h, dtype=np.float64)
    return softmax(h @ np.asarray(W_vocab, dtype=np.float64) + b_vocab, axis=-1)
