"""Trace builder for backpropagation through a two-layer network (dense, ReLU, dense,
softmax cross-entropy): the forward pass, every local derivative and chain-rule product
backwards, a numerical gradient check, and one gradient-descent step."""

import numpy as np

from nncli.maths.gradcheck import relative_error
from nncli.maths.loss import one_hot, softmax
from nncli.maths.mlp import PARAM_NAMES, mlp_forward, mlp_loss, mlp_loss_and_grads, sgd_step
from nncli.trace import Diagram, Equation, Matrix, Row, Step, Table, Text, Trace

ENTRIES_SHOWN = 6   # entries of a gradient matrix written out as sums before "… n more"
TERMS_SHOWN = 6     # products of one sum before "+ …"
CHECK_H = 1e-5      # step of the central difference


def build_backprop(X, y, params, lr, ctx) -> Trace:
    """Explain one forward and backward pass and one step of gradient descent.

    X: (N, D), y: (N,) integer labels, params: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,);
    lr: the learning rate. Outputs: loss, dW1, db1, dW2, db2 (the gradients of the mean
    cross-entropy, as PyTorch autograd), new_loss (after W ← W − lr·dW for all four).
    """
    X = np.asarray(X, dtype=np.float64)
    p = {k: np.asarray(params[k], dtype=np.float64) for k in PARAM_NAMES}
    fwd = mlp_forward(X, p)
    loss, grads = mlp_loss_and_grads(X, y, p)
    probs = softmax(fwd.z2)
    dz2 = (probs - one_hot(y, probs.shape[1])) / X.shape[0]
    dh = dz2 @ p["W2"].T
    dz1 = dh * (fwd.z1 > 0)
    new = sgd_step(p, grads, lr)
    new_loss = mlp_loss(X, y, new)
    steps = [
        _setup_step(X, p, ctx),
        _forward_step(X, y, p, fwd, probs, loss, ctx),
        _output_step(y, probs, dz2, ctx),
        _second_layer_step(fwd.h, dz2, grads, ctx),
        _hidden_step(p["W2"], dz2, dh, ctx),
        _relu_step(fwd.z1, dh, dz1, ctx),
        _first_layer_step(X, dz1, grads, ctx),
        _check_step(X, y, p, grads, ctx),
        _descent_step(grads, lr, loss, new_loss, ctx),
    ]
    N, D = X.shape
    return Trace(
        "backprop", {"lr": lr},
        {"X": X, "y": np.asarray(y, dtype=np.int64), **p},
        steps,
        {"loss": np.float64(loss), **{f"d{k}": grads[k] for k in PARAM_NAMES},
         "new_loss": np.float64(new_loss)},
        title=ctx.t("title", n=N, d=D, h=p["W1"].shape[1], c=p["W2"].shape[1]),
    )


def _sum(ctx, pairs) -> str:
    """'a×b + c×d + …' of at most TERMS_SHOWN products (all with --all-steps)."""
    pairs = list(pairs)
    shown = pairs if ctx.all_steps else pairs[:TERMS_SHOWN]
    text = " + ".join(f"{ctx.term(a)}×{ctx.term(b)}" for a, b in shown)
    return text + (" + …" if len(shown) < len(pairs) else "")


def _entries(ctx, shape):
    """The (i, j) written out, at most ENTRIES_SHOWN unless --all-steps, and how many are left."""
    cells = [(i, j) for i in range(shape[0]) for j in range(shape[1])]
    shown = cells if ctx.all_steps else cells[:ENTRIES_SHOWN]
    return shown, len(cells) - len(shown)


def _more(ctx, count):
    return [Text(ctx.cli_texts("skipped", count=count))] if count else []


def _shape(a) -> str:
    return "×".join(map(str, a.shape))


def _setup_step(X, p, ctx) -> Step:
    t = ctx.t
    N, D = X.shape
    H, C = p["W2"].shape
    return Step(t("setup.title"), [
        Text(t("setup.text")),
        Diagram([f"X ({N}×{D}) ─► z1 = X·W1 + b1 ({N}×{H}) ─► h = ReLU(z1) ({N}×{H})",
                 f"  ─► z2 = h·W2 + b2 ({N}×{C}) ─► p = softmax(z2) ─► L = mean(−log p[n, y])"]),
        Row([Matrix("W1", p["W1"]), Matrix("b1", p["b1"]), Matrix("W2", p["W2"]), Matrix("b2", p["b2"])]),
        Text(t("setup.backward")),
    ])


def _forward_step(X, y, p, fwd, probs, loss, ctx) -> Step:
    t, n = ctx.t, ctx.n
    N = X.shape[0]
    per_row = -np.log(probs[np.arange(N), y])
    return Step(t("forward.title"), [
        Text(t("forward.text")),
        Equation(f"z1[0,0] = {_sum(ctx, zip(X[0], p['W1'][:, 0]))} + {ctx.term(p['b1'][0])} = {n(fwd.z1[0, 0])}"),
        Row([Matrix("X", X), Matrix("z1", fwd.z1, label="z1 = X·W1 + b1"),
             Matrix("h", fwd.h, label="h = ReLU(z1)", dim=list(zip(*np.nonzero(fwd.z1 <= 0))))]),
        Equation(f"z2[0,0] = {_sum(ctx, zip(fwd.h[0], p['W2'][:, 0]))} + {ctx.term(p['b2'][0])} = {n(fwd.z2[0, 0])}"),
        Row([Matrix("z2", fwd.z2, label="z2 = h·W2 + b2"), Matrix("p", probs, heat=True, label="p = softmax(z2)")]),
        Equation(f"L = ({' '.join(f'−log {n(probs[i, y[i]])}' for i in range(min(N, TERMS_SHOWN)))}"
                 f"{' + …' if N > TERMS_SHOWN else ''}) / {N} = ({' + '.join(n(v) for v in per_row[:TERMS_SHOWN])}"
                 f"{' + …' if N > TERMS_SHOWN else ''}) / {N} = {n(loss)}"),
    ])


def _output_step(y, probs, dz2, ctx) -> Step:
    t, n = ctx.t, ctx.n
    N, C = probs.shape
    cells, left = _entries(ctx, dz2.shape)
    lines = [Equation(f"∂L/∂z2[{i},{c}] = ({n(probs[i, c])} − {int(c == y[i])}) / {N} = {n(dz2[i, c])}")
             for i, c in cells]
    return Step(t("output.title"), [
        Text(t("output.text", n=N)), *lines, *_more(ctx, left),
        Matrix("dz2", dz2, heat=True, label="dz2 = ∂L/∂z2 = (p − onehot(y)) / N"),
    ])


def _weight_gradient(ctx, W, x, x_name, dz, dz_name, dW, db):
    """The lines of ∂L/∂W[a,b] = Σ_n x[n,a]·dz[n,b], the matrix product with its shapes, db
    and the two matrices: the same for both dense layers."""
    n = ctx.n
    cells, left = _entries(ctx, dW.shape)
    return [
        *[Equation(f"∂L/∂{W}[{a},{b}] = Σ_n {x_name}[n,{a}]·{dz_name}[n,{b}] = "
                   f"{_sum(ctx, zip(x[:, a], dz[:, b]))} = {n(dW[a, b])}") for a, b in cells],
        *_more(ctx, left),
        Equation(f"d{W} = {x_name}ᵀ ({_shape(x.T)}) @ {dz_name} ({_shape(dz)}) → {_shape(dW)}"),
        Equation(f"d{W.replace('W', 'b')} = Σ_n {dz_name}[n, :] = {ctx.vec(db)}"),
        Row([Matrix(f"d{W}", dW, heat=True, highlight=cells if left else ()),
             Matrix(f"d{W.replace('W', 'b')}", db)]),
    ]


def _second_layer_step(h, dz2, grads, ctx) -> Step:
    t = ctx.t
    lines = _weight_gradient(ctx, "W2", h, "h", dz2, "dz2", grads["W2"], grads["b2"])
    return Step(t("second.title"), [
        Text(t("second.local")), Equation(t("second.chain")), *lines[:-2],
        Text(t("second.bias")), *lines[-2:],
    ])


def _hidden_step(W2, dz2, dh, ctx) -> Step:
    t, n = ctx.t, ctx.n
    cells, left = _entries(ctx, dh.shape)
    lines = [Equation(f"∂L/∂h[{i},{j}] = Σ_c dz2[{i},c]·W2[{j},c] = {_sum(ctx, zip(dz2[i], W2[j]))} = {n(dh[i, j])}")
             for i, j in cells]
    return Step(t("hidden.title"), [
        Text(t("hidden.text")), *lines, *_more(ctx, left),
        Equation(f"dh = dz2 ({_shape(dz2)}) @ W2ᵀ ({_shape(W2.T)}) → {_shape(dh)}"),
        Matrix("dh", dh, heat=True, highlight=cells if left else ()),
    ])


def _relu_step(z1, dh, dz1, ctx) -> Step:
    t, n = ctx.t, ctx.n
    cells, left = _entries(ctx, dz1.shape)
    lines = [Equation(f"∂L/∂z1[{i},{j}] = dh[{i},{j}] × ReLU′({n(z1[i, j])}) = {ctx.term(dh[i, j])} × "
                      f"{int(z1[i, j] > 0)} = {n(dz1[i, j])}") for i, j in cells]
    blocked = int(np.sum(z1 <= 0))
    blocks = [Text(t("relu.text")), *lines, *_more(ctx, left)]
    blocks.append(Text(t("relu.blocked", count=blocked, total=z1.size) if blocked else t("relu.none")))
    blocks.append(Row([Matrix("z1", z1, dim=list(zip(*np.nonzero(z1 <= 0)))),
                       Matrix("dz1", dz1, heat=True, highlight=cells if left else ())]))
    return Step(t("relu.title"), blocks)


def _first_layer_step(X, dz1, grads, ctx) -> Step:
    t = ctx.t
    return Step(t("first.title"), [
        Text(t("first.text")),
        *_weight_gradient(ctx, "W1", X, "X", dz1, "dz1", grads["W1"], grads["b1"]),
        Text(t("first.torch")),
    ])


def _check_step(X, y, p, grads, ctx) -> Step:
    t, n = ctx.t, ctx.n
    d, j = np.unravel_index(int(np.argmax(np.abs(grads["W1"]))), grads["W1"].shape)
    plus, minus = ({**p, "W1": p["W1"].copy()} for _ in range(2))
    plus["W1"][d, j] += CHECK_H
    minus["W1"][d, j] -= CHECK_H
    f_plus, f_minus = mlp_loss(X, y, plus), mlp_loss(X, y, minus)
    numeric = (f_plus - f_minus) / (2 * CHECK_H)
    analytic = grads["W1"][d, j]
    error = relative_error(numeric, analytic)
    wide = lambda v: f"{v:.12g}".replace("-", "−")
    return Step(t("check.title"), [
        Text(t("check.text", d=d, j=j)),
        Equation(f"L(W1[{d},{j}] + 1e−5) = {wide(f_plus)}"),
        Equation(f"L(W1[{d},{j}] − 1e−5) = {wide(f_minus)}"),
        Equation(f"({wide(f_plus)} − {wide(f_minus)}) / 2e−5 = {wide(numeric)}"),
        Equation(t("check.analytic", d=d, j=j, value=wide(analytic))),
        Equation(t("check.error", error=f"{error:.1e}".replace("-", "−"))),
        Text(t("check.agree") if error < 1e-6 else t("check.disagree")),
    ])


def _descent_step(grads, lr, loss, new_loss, ctx) -> Step:
    t, n = ctx.t, ctx.n
    rows = [[f"{k}", float(np.sqrt(np.sum(grads[k] ** 2)))] for k in PARAM_NAMES]
    if new_loss < loss:
        verdict = t("descent.smaller", old=n(loss), new=n(new_loss), lr=n(lr))
    elif new_loss > loss:
        verdict = t("descent.larger", old=n(loss), new=n(new_loss), lr=n(lr))
    else:
        verdict = t("descent.same", old=n(loss), lr=n(lr))
    return Step(t("descent.title", lr=n(lr)), [
        Text(t("descent.text")),
        Equation(f"W ← W − {n(lr)}·dW   (W1, b1, W2, b2)"),
        Table([t("col.param"), "‖dW‖"], rows),
        Equation(f"L: {n(loss)} → {n(new_loss)}"),
        Text(verdict),
    ])
