"""Attention and encoder-layer backward passes against central finite differences (float64)."""

import numpy as np
import pytest

from nncli.maths.activations import softmax
from nncli.maths.attention import causal_mask, multi_head_attention, scaled_dot_product_attention
from nncli.maths.attention_backward import (encoder_layer_backward, layer_norm_backward,
                                            multi_head_attention_backward, scaled_dot_product_attention_backward,
                                            softmax_backward)
from nncli.maths.gradcheck import numerical_gradient
from nncli.maths.transformer import encoder_layer, layer_norm

FD = dict(rtol=1e-6, atol=1e-8)


def check(f, x, analytic, name):
    np.testing.assert_allclose(analytic, numerical_gradient(f, x.copy()), **FD, err_msg=name)


def test_softmax_backward():
    rng = np.random.default_rng(0)
    x, dout = rng.normal(size=(3, 5)), rng.normal(size=(3, 5))
    check(lambda v: float(np.sum(softmax(v) * dout)), x, softmax_backward(dout, softmax(x)), "dx")
    check(lambda v: float(np.sum(softmax(v, axis=0) * dout)), x, softmax_backward(dout, softmax(x, axis=0), axis=0), "axis 0")


@pytest.mark.parametrize("causal", [False, True])
def test_scaled_dot_product_attention_backward(causal):
    rng = np.random.default_rng(1)
    Q, K, V = rng.normal(size=(2, 4, 3)), rng.normal(size=(2, 4, 3)), rng.normal(size=(2, 4, 5))
    mask = causal_mask(4) if causal else None
    dout = rng.normal(size=(2, 4, 5))
    dQ, dK, dV = scaled_dot_product_attention_backward(dout, Q, K, V, mask)
    loss = lambda q, k, v: float(np.sum(scaled_dot_product_attention(q, k, v, mask)[0] * dout))
    check(lambda q: loss(q, K, V), Q, dQ, "dQ")
    check(lambda k: loss(Q, k, V), K, dK, "dK")
    check(lambda v: loss(Q, K, v), V, dV, "dV")


def test_multi_head_attention_backward():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(2, 3, 4))
    W = [rng.normal(size=(4, 4)) for _ in range(4)]
    dout = rng.normal(size=(2, 3, 4))
    grads = multi_head_attention_backward(dout, X, *W, n_heads=2)

    def loss(x, *ws):
        return float(np.sum(multi_head_attention(x, *ws, n_heads=2)[0] * dout))

    check(lambda x: loss(x, *W), X, grads[0], "dX")
    for i, name in enumerate(("dWq", "dWk", "dWv", "dWo")):
        check(lambda w, i=i: loss(X, *[w if j == i else W[j] for j in range(4)]), W[i], grads[i + 1], name)


def test_layer_norm_backward():
    rng = np.random.default_rng(3)
    x, gamma, beta, dout = rng.normal(size=(2, 3, 5)), rng.normal(size=5), rng.normal(size=5), rng.normal(size=(2, 3, 5))
    dx, dgamma, dbeta = layer_norm_backward(dout, x, gamma)
    check(lambda v: float(np.sum(layer_norm(v, gamma, beta) * dout)), x, dx, "dx")
    check(lambda g: float(np.sum(layer_norm(x, g, beta) * dout)), gamma, dgamma, "dgamma")
    check(lambda b: float(np.sum(layer_norm(x, gamma, b) * dout)), beta, dbeta, "dbeta")


def test_encoder_layer_backward():
    rng = np.random.default_rng(4)
    d, ff = 4, 6
    p = {k: rng.normal(size=(d, d)) * 0.5 for k in ("Wq", "Wk", "Wv", "Wo")}
    p.update(W1=rng.normal(size=(d, ff)), b1=rng.normal(size=ff), W2=rng.normal(size=(ff, d)), b2=rng.normal(size=d),
             gamma1=1 + rng.normal(size=d) * 0.1, beta1=rng.normal(size=d) * 0.1,
             gamma2=1 + rng.normal(size=d) * 0.1, beta2=rng.normal(size=d) * 0.1)
    x, dout = rng.normal(size=(2, 3, d)), rng.normal(size=(2, 3, d))
    dx, grads = encoder_layer_backward(dout, x, p, 2)
    check(lambda v: float(np.sum(encoder_layer(v, p, 2) * dout)), x, dx, "dx")
    for k in p:
        check(lambda v, k=k: float(np.sum(encoder_layer(x, {**p, k: v}, 2) * dout)), p[k], grads[k], k)
