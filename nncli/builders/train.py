"""Trace builder for training: full-batch gradient descent of the two-layer network of
`backprop` on a small 2-D data set, its loss curves, decision regions and accuracy."""

import numpy as np

from nncli.builders.train_pictures import curves_canvas, data_box, points_canvas, regions_canvas
from nncli.maths.mlp import PARAM_NAMES, accuracy, train_mlp
from nncli.trace import Diagram, Step, Table, Text, Trace

GRID_WIDTH, GRID_HEIGHT = 40, 12     # decision-region picture, in characters
CHART_WIDTH, CHART_HEIGHT = 50, 10   # loss chart
TABLE_ROWS = 6                       # epochs listed under the chart
RISE_ABS, RISE_REL = 0.02, 0.05      # a held-out rise smaller than both is noise, not overfitting


def snapshot_epochs(epochs: int):
    """The epochs whose decision regions are drawn: the start, two on the way, the end."""
    return sorted({0, epochs // 10, epochs // 3, epochs})


def overfitting(losses, val_losses):
    """Where the held-out loss turned up while the training loss kept falling, or None.

    losses, val_losses: (E + 1,). Returns (k, val at k, val at the end, training loss at k,
    training loss at the end) with k the epoch of the lowest held-out loss, when the held-out
    loss ends more than max(RISE_ABS, RISE_REL × its minimum) above that minimum and the
    training loss ends below its value at k.
    """
    k = int(np.argmin(val_losses))
    rise = val_losses[-1] - val_losses[k]
    if rise > max(RISE_ABS, RISE_REL * val_losses[k]) and losses[-1] < losses[k]:
        return k, val_losses[k], val_losses[-1], losses[k], losses[-1]
    return None


def build_train(X, y, X_val, y_val, params, epochs, lr, ctx, data="xor") -> Trace:
    """Explain `epochs` steps of full-batch gradient descent.

    X: (N, 2), y: (N,) training set; X_val: (M, 2), y_val: (M,) held-out set, never trained
    on; params: the initial W1 (2, H), b1 (H,), W2 (H, C), b2 (C,). Outputs: losses and
    val_losses (E + 1,), the loss after k updates for k = 0 … E; the final W1, b1, W2, b2;
    accuracy on the training set and val_accuracy on the held-out set.
    """
    X, X_val = np.asarray(X, dtype=np.float64), np.asarray(X_val, dtype=np.float64)
    y, y_val = np.asarray(y, dtype=np.int64), np.asarray(y_val, dtype=np.int64)
    history = train_mlp(X, y, params, epochs, lr, X_val, y_val, snapshot_at=snapshot_epochs(epochs))
    final = history.params
    acc, val_acc = accuracy(X, y, final), accuracy(X_val, y_val, final)
    box = data_box(X, X_val)
    steps = [
        _data_step(X, y, X_val, data, box, ctx),
        _network_step(X, params, epochs, lr, ctx),
        _curves_step(history.losses, history.val_losses, ctx),
        _regions_step(history.snapshots, history.losses, X, y, box, ctx),
        _result_step(history.losses, history.val_losses, acc, val_acc, X, ctx),
    ]
    H, C = params["W2"].shape
    return Trace(
        "train", {"data": data, "epochs": epochs, "lr": lr, "hidden": H},
        {"X": X, "y": y, "X_val": X_val, "y_val": y_val, **{k: np.asarray(params[k]) for k in PARAM_NAMES}},
        steps,
        {"losses": history.losses, "val_losses": history.val_losses,
         **{k: final[k] for k in PARAM_NAMES},
         "accuracy": np.float64(acc), "val_accuracy": np.float64(val_acc)},
        title=ctx.t("title", data=data, n=X.shape[0], h=H, epochs=epochs),
    )


def _data_step(X, y, X_val, data, box, ctx) -> Step:
    t = ctx.t
    return Step(t("data.title", data=data), [
        Text(t(f"data.{data}")),
        points_canvas(X, y, box, GRID_WIDTH, GRID_HEIGHT),
        Text(t("data.split", n=X.shape[0], m=X_val.shape[0])),
    ])


def _network_step(X, params, epochs, lr, ctx) -> Step:
    t = ctx.t
    D, H = params["W1"].shape
    C = params["W2"].shape[1]
    count = sum(int(np.asarray(params[k]).size) for k in PARAM_NAMES)
    return Step(t("net.title"), [
        Diagram([f"x ({D}) ─► [{H} ReLU] ─► [{C}] ─► softmax ─► p ({C})"]),
        Text(t("net.text", params=count, n=X.shape[0], epochs=epochs, lr=ctx.n(lr))),
    ])


def _curves_step(losses, val_losses, ctx) -> Step:
    t, n = ctx.t, ctx.n
    E = len(losses) - 1
    high, low = max(losses.max(), val_losses.max()), min(losses.min(), val_losses.min())
    chart = curves_canvas([losses, val_losses], [n(high), n(low)], CHART_WIDTH, CHART_HEIGHT)
    epochs = sorted({int(round(E * i / (TABLE_ROWS - 1))) for i in range(TABLE_ROWS)})
    return Step(t("curves.title"), [
        Text(t("curves.text")),
        chart,
        Text(t("curves.axis", epochs=E)),
        Table([t("col.epoch"), t("col.train"), t("col.val")],
              [[k, losses[k], val_losses[k]] for k in epochs]),
    ])


def _regions_step(snapshots, losses, X, y, box, ctx) -> Step:
    t, n = ctx.t, ctx.n
    blocks = [Text(t("regions.text"))]
    for k, params in sorted(snapshots.items()):
        blocks.append(Text(t("regions.caption", k=k, loss=n(losses[k]),
                             acc=n(100 * accuracy(X, y, params)))))
        blocks.append(regions_canvas(params, X, y, box, GRID_WIDTH, GRID_HEIGHT))
    return Step(t("regions.title"), blocks)


def _result_step(losses, val_losses, acc, val_acc, X, ctx) -> Step:
    t, n = ctx.t, ctx.n
    blocks = [Text(t("result.accuracy", acc=n(100 * acc), val=n(100 * val_acc)))]
    found = overfitting(losses, val_losses)
    if found:
        k, v_min, v_end, l_k, l_end = found
        blocks.append(Text(t("result.overfit", k=k, vmin=n(v_min), vend=n(v_end), lk=n(l_k), lend=n(l_end))))
    else:
        blocks.append(Text(t("result.no_overfit", vend=n(val_losses[-1]), vmin=n(val_losses.min()))))
    if losses[-1] > losses[0]:
        blocks.append(Text(t("result.diverged", first=n(losses[0]), last=n(losses[-1]))))
    return Step(t("result.title"), blocks)
