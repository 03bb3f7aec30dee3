"""Hidden cases of the "transformer" exercise: positional_encoding, layer_norm,
feed_forward, encoder_layer, next_token_distribution."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, normal
from nncli.grader.transforms import declare, replaced

from nncli.maths import transformer as tf
from nncli.maths import activations as _act
relu, softmax = _act.relu, _act.softmax
from nncli.maths.attention import multi_head_attention
from nncli.maths.positional import positional_encoding


# positional_encoding ---------------------------------------------------------------------

def _angles(seq_len, d_model, exponents):
    return np.arange(seq_len, dtype=np.float64)[:, None] / 10000.0 ** (exponents / d_model)


def _pe_halves(seq_len, d_model):
    """Sines in the first half of the columns, cosines in the second (not interleaved)."""
    half = d_model // 2
    a = _angles(seq_len, d_model, 2.0 * np.arange(half))
    return np.concatenate([np.sin(a), np.cos(a)], axis=1)


def _pe_swapped(seq_len, d_model):
    pe = positional_encoding(seq_len, d_model)
    a = _angles(seq_len, d_model, np.arange(0, d_model, 2, dtype=np.float64))
    pe[:, 0::2] = np.cos(a)
    pe[:, 1::2] = np.sin(a[:, :d_model // 2])
    return pe


def _pe_column_exponent(seq_len, d_model):
    """Column j uses 10000^(j/d) for its own j, so odd columns get their own frequency."""
    a = _angles(seq_len, d_model, np.arange(d_model, dtype=np.float64))
    pe = np.sin(a)
    pe[:, 1::2] = np.cos(a[:, 1::2])
    return pe


def _pe_mistakes(seq_len, d_model):
    out = [Mistake("pe_sin_cos_swapped", _pe_swapped)]
    if d_model % 2 == 0 and d_model > 2:
        out.insert(0, Mistake("pe_not_interleaved", _pe_halves))
    if seq_len > 1:
        out.append(Mistake("pe_column_exponent", _pe_column_exponent))
    return out


def _pe_cases(rng):
    name = "positional_encoding"
    sizes = [("edge: one position", 1, 4), ("edge: odd d_model", 3, 5),
             ("edge: d_model=2", 6, 2), ("edge: a long sequence", 50, 16)]
    for i in range(1, 3):
        sizes.append((f"random {i}", int(rng.integers(2, 21)), int(rng.integers(3, 13))))
    return [Case(name, f"{label}: {dims(seq_len=T, d_model=d)}", (T, d), positional_encoding,
                 mistakes=_pe_mistakes(T, d)) for label, T, d in sizes]


# layer_norm ------------------------------------------------------------------------------

def _ln_unbiased(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    var = np.var(x, axis=-1, ddof=1, keepdims=True)
    return (x - x.mean(axis=-1, keepdims=True)) / np.sqrt(var + eps) * gamma + beta


def _ln_eps_outside(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    std = np.std(x, axis=-1, keepdims=True)
    return (x - x.mean(axis=-1, keepdims=True)) / (std + eps) * gamma + beta


def _ln_batch_axis(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    mean, var = x.mean(axis=0, keepdims=True), x.var(axis=0, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


# eps written as a number instead of the argument: the default, and the other usual ones
_EPS_HARD_CODED = [replaced("eps", eps, "eps_hard_coded", values={"used": f"{eps:g}"})
                   for eps in (1e-5, 1e-6, 1e-8, 1e-12, 0.0)]
LAYER_NORM = [Mistake("unbiased_variance", _ln_unbiased),
              Mistake("batch_norm_instead", _ln_batch_axis),
              *declare("transformer", "layer_norm", tf.layer_norm, _EPS_HARD_CODED)]


def _ln_cases(rng):
    name, expected = "layer_norm", tf.layer_norm

    def case(label, shape, unit=False, eps=None, x=None, mistakes=LAYER_NORM):
        d = shape[-1]
        x = normal(rng, *shape, scale=2.0) + 1.0 if x is None else x
        gamma, beta = (np.ones(d), np.zeros(d)) if unit else (normal(rng, d), normal(rng, d))
        kwargs = {} if eps is None else {"eps": eps}
        shown = f"shape {shape}" + (", gamma=1 beta=0" if unit else "")
        shown += "" if eps is None else f", eps={eps}"
        return Case(name, f"{label}: {shown}", (x, gamma, beta), expected, kwargs=kwargs,
                    mistakes=mistakes)

    cases = [
        case("edge: plain normalisation", (2, 4), unit=True),
        case("edge: 3D input", (2, 3, 5)),
        case("edge: eps given, small variance", (3, 4), eps=0.1,
             x=normal(rng, 3, 4, scale=0.3),
             mistakes=LAYER_NORM + [Mistake("eps_outside_sqrt", _ln_eps_outside)]),
        case("edge: a single vector", (1, 6)),
        case("edge: a constant vector gives beta", (2, 3),
             x=np.array([[4.0, 4.0, 4.0], [1.0, 2.0, 3.0]])),
    ]
    for i in range(1, 4):
        shape = tuple(int(n) for n in rng.integers(2, 6, size=int(rng.integers(2, 4))))
        cases.append(case(f"random {i}", shape))
    return cases


# feed_forward ----------------------------------------------------------------------------

def _ffn_no_relu(x, W1, b1, W2, b2):
    return (np.asarray(x) @ W1 + b1) @ W2 + b2


def _ffn_relu_at_end(x, W1, b1, W2, b2):
    return relu(tf.feed_forward(x, W1, b1, W2, b2))


def _ffn_no_b1(x, W1, b1, W2, b2):
    return tf.feed_forward(x, W1, np.zeros_like(b1), W2, b2)


def _ffn_no_b2(x, W1, b1, W2, b2):
    return tf.feed_forward(x, W1, b1, W2, np.zeros_like(b2))


FFN = [Mistake("ffn_no_relu", _ffn_no_relu), Mistake("ffn_relu_at_end", _ffn_relu_at_end),
       Mistake("missing_bias", _ffn_no_b1), Mistake("missing_bias", _ffn_no_b2)]


def _ffn_cases(rng):
    name, expected = "feed_forward", tf.feed_forward

    def case(label, lead, d, d_ff, b1=None):
        args = (normal(rng, *lead, d), normal(rng, d, d_ff), normal(rng, d_ff) if b1 is None
                else b1, normal(rng, d_ff, d), normal(rng, d))
        return Case(name, f"{label}: {dims(d=d, d_ff=d_ff)}, x {tuple(lead) + (d,)}", args,
                    expected, mistakes=FFN)

    cases = [
        case("edge: 2D input", (2,), 3, 4),
        case("edge: 3D input, every position", (2, 3), 4, 8),
        case("edge: every hidden unit negative", (2,), 3, 4, b1=np.full(4, -100.0)),
    ]
    for i in range(1, 3):
        lead = tuple(int(n) for n in rng.integers(1, 4, size=int(rng.integers(1, 3))))
        d = int(rng.integers(2, 6))
        cases.append(case(f"random {i}", lead, d, int(rng.integers(2, 9))))
    return cases


# encoder_layer ---------------------------------------------------------------------------

def _pre_norm(x, p, n_heads):
    x = np.asarray(x, dtype=np.float64)
    a, _ = multi_head_attention(tf.layer_norm(x, p["gamma1"], p["beta1"]), p["Wq"], p["Wk"],
                                p["Wv"], p["Wo"], n_heads)
    y = x + a
    return y + tf.feed_forward(tf.layer_norm(y, p["gamma2"], p["beta2"]), p["W1"], p["b1"],
                               p["W2"], p["b2"])


def _no_residual(x, p, n_heads):
    a, _ = multi_head_attention(x, p["Wq"], p["Wk"], p["Wv"], p["Wo"], n_heads)
    y = tf.layer_norm(a, p["gamma1"], p["beta1"])
    return tf.layer_norm(tf.feed_forward(y, p["W1"], p["b1"], p["W2"], p["b2"]),
                         p["gamma2"], p["beta2"])


def _norms_swapped(x, p, n_heads):
    q = dict(p, gamma1=p["gamma2"], beta1=p["beta2"], gamma2=p["gamma1"], beta2=p["beta1"])
    return tf.encoder_layer(x, q, n_heads)


ENCODER = [Mistake("pre_norm", _pre_norm), Mistake("missing_residual", _no_residual),
           Mistake("layer_norm_params_swapped", _norms_swapped)]


def _params(rng, d, d_ff):
    s = 1.0 / np.sqrt(d)
    p = {k: normal(rng, d, d, scale=s) for k in ("Wq", "Wk", "Wv", "Wo")}
    p.update(W1=normal(rng, d, d_ff, scale=s), b1=normal(rng, d_ff, scale=0.1),
             W2=normal(rng, d_ff, d, scale=1.0 / np.sqrt(d_ff)), b2=normal(rng, d, scale=0.1))
    for k in ("gamma1", "gamma2"):
        p[k] = 1.0 + normal(rng, d, scale=0.3)
    for k in ("beta1", "beta2"):
        p[k] = normal(rng, d, scale=0.3)
    return p


def _encoder_cases(rng):
    name, expected = "encoder_layer", tf.encoder_layer

    def case(label, N, T, d, h, d_ff):
        return Case(name, f"{label}: {dims(N=N, T=T, d=d, h=h, d_ff=d_ff)}",
                    (normal(rng, N, T, d), _params(rng, d, d_ff), h), expected, mistakes=ENCODER)

    cases = [
        case("edge: a single token", 1, 1, 4, 2, 8),
        case("edge: three heads", 2, 3, 6, 3, 12),
        case("edge: one head", 1, 4, 4, 1, 6),
    ]
    for i in range(1, 3):
        d = int(rng.choice([4, 6, 8]))
        h = int(rng.choice([k for k in range(1, d + 1) if d % k == 0]))
        N, T = int(rng.integers(1, 3)), int(rng.integers(2, 5))
        cases.append(case(f"random {i}", N, T, d, h, 2 * d))
    return cases


# next_token_distribution -----------------------------------------------------------------

def _ntd_over_batch(h, W_vocab, b_vocab):
    return softmax(np.asarray(h) @ W_vocab + b_vocab, axis=0)


def _ntd_no_bias(h, W_vocab, b_vocab):
    return softmax(np.asarray(h) @ W_vocab, axis=-1)


def _ntd_logits(h, W_vocab, b_vocab):
    return np.asarray(h) @ W_vocab + b_vocab


def _ntd_cases(rng):
    name, expected = "next_token_distribution", tf.next_token_distribution
    every = [Mistake("softmax_wrong_axis", _ntd_over_batch), Mistake("missing_bias", _ntd_no_bias),
             Mistake("logits_not_probabilities", _ntd_logits)]

    def case(label, N, d, V, scale=1.0, mistakes=every):
        return Case(name, f"{label}: {dims(N=N, d=d, V=V)}",
                    (normal(rng, N, d, scale=scale), normal(rng, d, V, scale=scale),
                     normal(rng, V)), expected, mistakes=mistakes)

    cases = [
        case("edge: one position", 1, 3, 5, mistakes=every[1:]),
        case("edge: logits near ±1000 (stable softmax)", 3, 4, 6, scale=15.0),
        case("edge: a vocabulary of one token", 2, 3, 1, mistakes=every[:1] + every[2:]),
    ]
    for i in range(1, 3):
        N, d, V = int(rng.integers(2, 5)), int(rng.integers(2, 6)), int(rng.integers(2, 9))
        cases.append(case(f"random {i}", N, d, V))
    return cases


def cases(rng):
    return _pe_cases(rng) + _ln_cases(rng) + _ffn_cases(rng) + _encoder_cases(rng) + _ntd_cases(rng)
