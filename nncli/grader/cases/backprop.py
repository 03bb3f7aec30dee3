"""Hidden cases of the "backprop" exercise: dense_backward, relu_backward,
softmax_cross_entropy, mlp_loss_and_grads and sgd_step."""

import numpy as np

from nncli.grader.case import Case, Mistake
from nncli.grader.cases._common import dims, normal

from nncli.maths import mlp
from nncli.maths import loss


def _labels(rng, N, C):
    return rng.integers(0, C, size=N).astype(np.int64)


# ---------------------------------------------------------------- dense_backward

def _db_not_summed(dout, x, W):
    dx, dW, _ = mlp.dense_backward(dout, x, W)
    return dx, dW, np.asarray(dout, dtype=np.float64)


def _dW_transposed(dout, x, W):
    dx, dW, db = mlp.dense_backward(dout, x, W)
    return dx, dW.T, db


def _dense(label, rng, N, D, M, scale=1.0):
    args = (normal(rng, N, M), normal(rng, N, D, scale=scale), normal(rng, D, M))
    mistakes = [Mistake("db_not_summed", _db_not_summed)]
    if N > 1 or D == M:
        mistakes.append(Mistake("dense_grad_transposed", _dW_transposed))
    return Case("dense_backward", f"{label}: {dims(N=N, D=D, M=M)}", args, mlp.dense_backward,
                mistakes=mistakes)


def _dense_cases(rng):
    cases = [_dense("edge: one example", rng, 1, 3, 2),
             _dense("edge: square weights", rng, 4, 3, 3),
             _dense("edge: one output", rng, 5, 4, 1)]
    for i in range(1, 4):
        N, D, M = (int(n) for n in rng.integers(2, 7, size=3))
        cases.append(_dense(f"random {i}", rng, N, D, M))
    return cases


# ---------------------------------------------------------------- relu_backward

def _relu_mask_from_dout(dout, x):
    dout = np.asarray(dout, dtype=np.float64)
    return dout * (dout > 0)


def _relu_slope_one_at_zero(dout, x):
    return np.asarray(dout, dtype=np.float64) * (np.asarray(x) >= 0)


def _relu(label, dout, x):
    mistakes = [Mistake("relu_mask_from_dout", _relu_mask_from_dout)]
    if np.any(x == 0):
        mistakes.append(Mistake("relu_slope_at_zero", _relu_slope_one_at_zero))
    return Case("relu_backward", label, (dout, x), mlp.relu_backward, mistakes=mistakes)


def _relu_cases(rng):
    zeros = normal(rng, 3, 4)
    zeros[zeros < 0.3] = 0.0
    cases = [_relu("edge: inputs of exactly 0", normal(rng, 3, 4), zeros),
             _relu("edge: every input negative", normal(rng, 2, 5), -np.abs(normal(rng, 2, 5)) - 1),
             _relu("edge: four axes", normal(rng, 2, 3, 2, 2), np.round(normal(rng, 2, 3, 2, 2)))]
    for i in range(1, 4):
        shape = tuple(int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 4))))
        cases.append(_relu(f"random {i}", normal(rng, *shape), normal(rng, *shape)))
    return cases


# ---------------------------------------------------------------- softmax_cross_entropy

def _softmax_cross_entropy(logits, y):
    """The reference (its loss compared as a 0-d array: a float is accepted for it)."""
    value, d = loss.softmax_cross_entropy(logits, y)
    return np.asarray(value), d


def _ce_summed(logits, y):
    value, d = loss.softmax_cross_entropy(logits, y)
    N = np.shape(logits)[0]
    return value * N, d * N


def _ce_grad_not_divided(logits, y):
    value, d = loss.softmax_cross_entropy(logits, y)
    return value, d * np.shape(logits)[0]


def _not_shifted(through_log):
    """Softmax without subtracting the row's maximum first, as p = e^z / Σ e^z or (through_log)
    as log p = z − log Σ e^z: the two give different nan and inf at logits of ±1000."""

    def wrong(logits, y):
        z = np.asarray(logits, dtype=np.float64)
        rows = np.arange(z.shape[0])
        with np.errstate(all="ignore"):
            if through_log:
                log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
                p = np.exp(log_p)
                value = -np.mean(log_p[rows, y])
            else:
                e = np.exp(z)
                p = e / e.sum(axis=1, keepdims=True)
                value = -np.mean(np.log(p[rows, y]))
            d = p.copy()
            d[rows, y] -= 1.0
        return value, d / z.shape[0]

    return wrong


def _ce(label, logits, y, unstable=False):
    mistakes = [Mistake("ce_sum_not_mean", _ce_summed),
                Mistake("ce_grad_not_divided", _ce_grad_not_divided)]
    if unstable:
        mistakes += [Mistake("softmax_not_shifted", _not_shifted(False)),
                     Mistake("softmax_not_shifted", _not_shifted(True))]
    N, C = logits.shape
    return Case("softmax_cross_entropy", f"{label}: {dims(N=N, C=C)}", (logits, y),
                _softmax_cross_entropy, mistakes=mistakes)


def _ce_cases(rng):
    huge = np.array([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, 1000.0],
                     [500.0, 1000.0, -1000.0], [-1000.0, 999.0, 1000.0]])
    cases = [_ce("edge: logits of ±1000", huge, np.array([0, 1, 1, 2]), unstable=True),
             _ce("edge: every logit equal", np.zeros((3, 4)), np.array([0, 3, 2])),
             _ce("edge: one example", normal(rng, 1, 5, scale=3), np.array([4])),
             _ce("edge: two classes", normal(rng, 6, 2, scale=2), _labels(rng, 6, 2))]
    for i in range(1, 4):
        N, C = (int(n) for n in rng.integers(2, 8, size=2))
        cases.append(_ce(f"random {i}", normal(rng, N, C, scale=3), _labels(rng, N, C)))
    return cases


# ---------------------------------------------------------------- mlp_loss_and_grads

def _mlp(X, y, params):
    return mlp.mlp_loss_and_grads(X, y, params)


def _grads(dW1, db1, dW2, db2):
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def _mlp_relu_not_masked(X, y, params):
    X = np.asarray(X, dtype=np.float64)
    z1 = X @ params["W1"] + params["b1"]
    h = np.maximum(z1, 0.0)
    value, dz2 = loss.softmax_cross_entropy(h @ params["W2"] + params["b2"], y)
    dh, dW2, db2 = mlp.dense_backward(dz2, h, params["W2"])
    _, dW1, db1 = mlp.dense_backward(dh, X, params["W1"])
    return value, _grads(dW1, db1, dW2, db2)


def _mlp_summed(X, y, params):
    N = np.shape(X)[0]
    value, grads = _mlp(X, y, params)
    return value * N, {name: g * N for name, g in grads.items()}


def _mlp_case(label, rng, N, D, H, C):
    params = {"W1": normal(rng, D, H), "b1": normal(rng, H, scale=0.5),
              "W2": normal(rng, H, C), "b2": normal(rng, C, scale=0.5)}
    mistakes = [Mistake("relu_not_applied_backward", _mlp_relu_not_masked),
                Mistake("ce_sum_not_mean", _mlp_summed)]
    return Case("mlp_loss_and_grads", f"{label}: {dims(N=N, D=D, H=H, C=C)}",
                (normal(rng, N, D), _labels(rng, N, C), params), _mlp, mistakes=mistakes)


def _mlp_cases(rng):
    cases = [_mlp_case("edge: one example", rng, 1, 3, 4, 2),
             _mlp_case("edge: one hidden unit", rng, 5, 2, 1, 3)]
    for i in range(1, 4):
        N, D, H, C = (int(n) for n in rng.integers(2, 7, size=4))
        cases.append(_mlp_case(f"random {i}", rng, N, D, H, C))
    return cases


# ---------------------------------------------------------------- sgd_step

def _sgd_ascent(params, grads, lr):
    return mlp.sgd_step(params, grads, -lr)


def _sgd_case(label, params, lr):
    grads = {name: 0.0 * value if label.startswith("edge: a zero") else value[::-1].copy()
             for name, value in params.items()}
    return Case("sgd_step", f"{label}: lr={lr:g}", (params, grads, lr), mlp.sgd_step,
                mistakes=[Mistake("sgd_ascent", _sgd_ascent)])


def _params(rng, D, H, C):
    return {"W1": normal(rng, D, H), "b1": normal(rng, H), "W2": normal(rng, H, C),
            "b2": normal(rng, C)}


def _sgd_cases(rng):
    cases = [_sgd_case("edge: one parameter", {"w": normal(rng, 4)}, 0.5),
             _sgd_case("edge: a zero gradient", _params(rng, 2, 3, 2), 0.1)]
    for i in range(1, 4):
        D, H, C = (int(n) for n in rng.integers(1, 5, size=3))
        lr = float(rng.choice([0.01, 0.1, 1.0]))
        cases.append(_sgd_case(f"random {i}", _params(rng, D, H, C), lr))
    return cases


def cases(rng):
    return (_dense_cases(rng) + _relu_cases(rng) + _ce_cases(rng) + _mlp_cases(rng)
            + _sgd_cases(rng))
