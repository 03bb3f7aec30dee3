"""Character pictures for the train topic: decision regions with the data on top, and the
training and held-out loss curves on one chart. Pure data (Canvas blocks), no rendering."""

import numpy as np

from nncli.maths.mlp import predict
from nncli.trace import Canvas

REGION_CHARS = ".-~+=^"      # background of each predicted class: readable without colour
POINT_CHARS = "012345"       # a data point of each class
CURVE_CHARS = ("•", "o")     # training curve, held-out curve ("*" where they meet)
MARGIN = 0.1                 # of the data's extent, added around it


def data_box(*arrays):
    """(x_low, x_high, y_low, y_high) around every point of the (n, 2) arrays, with a margin."""
    points = np.vstack(arrays)
    low, high = points.min(axis=0), points.max(axis=0)
    pad = (high - low) * MARGIN + 1e-9
    return low[0] - pad[0], high[0] + pad[0], low[1] - pad[1], high[1] + pad[1]


def cell_centres(box, width: int, height: int):
    """(height·width, 2) centres of the grid cells, row 0 at the top (largest x2)."""
    xs = box[0] + (np.arange(width) + 0.5) * (box[1] - box[0]) / width
    ys = box[3] - (np.arange(height) + 0.5) * (box[3] - box[2]) / height
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _cell_of(points, box, width, height):
    cols = np.clip(((points[:, 0] - box[0]) / (box[1] - box[0]) * width).astype(int), 0, width - 1)
    rows = np.clip(((box[3] - points[:, 1]) / (box[3] - box[2]) * height).astype(int), 0, height - 1)
    return rows, cols


def regions_canvas(params, X, y, box, width: int, height: int) -> Canvas:
    """The class the network predicts at each cell, with the points (X (n, 2), y (n,)) on top."""
    classes = predict(cell_centres(box, width, height), params).reshape(height, width)
    chars = np.array(list(REGION_CHARS))[classes % len(REGION_CHARS)]
    marks = np.zeros((height, width), dtype=bool)
    rows, cols = _cell_of(np.asarray(X), box, width, height)
    for r, c, label in zip(rows, cols, y):
        chars[r, c] = POINT_CHARS[label % len(POINT_CHARS)]
        classes[r, c] = label
        marks[r, c] = True
    return Canvas(["".join(row) for row in chars], classes, marks)


def points_canvas(X, y, box, width: int, height: int) -> Canvas:
    """Only the points, on an empty background."""
    chars = np.full((height, width), " ")
    classes = np.full((height, width), -1)
    rows, cols = _cell_of(np.asarray(X), box, width, height)
    for r, c, label in zip(rows, cols, y):
        chars[r, c] = POINT_CHARS[label % len(POINT_CHARS)]
        classes[r, c] = label
    return Canvas(["".join(row) for row in chars], classes, classes >= 0)


def curves_canvas(curves, labels, width: int, height: int) -> Canvas:
    """Positive curves over the same x (epochs 0 … E) on one shared logarithmic y scale,
    with the y range written on the left (labels: the top and bottom values as text) and an
    axis below. Values below 1e−12 are drawn at 1e−12."""
    curves = [np.log(np.maximum(np.asarray(c, dtype=np.float64), 1e-12)) for c in curves]
    low = min(float(c.min()) for c in curves)
    high = max(float(c.max()) for c in curves)
    span = (high - low) or 1.0
    label_width = max(len(s) for s in labels)
    chars = np.full((height, width), " ")
    classes = np.full((height, width), -1)
    for k, curve in enumerate(curves):
        for col in range(width):
            epoch = int(round(col * (len(curve) - 1) / (width - 1))) if width > 1 else 0
            row = height - 1 - int(round((curve[epoch] - low) / span * (height - 1)))
            meet = classes[row, col] >= 0 and classes[row, col] != k
            chars[row, col] = "*" if meet else CURVE_CHARS[k % len(CURVE_CHARS)]
            classes[row, col] = k
    lines, cls, marks = [], [], []
    for r in range(height):
        left = labels[0] if r == 0 else labels[1] if r == height - 1 else ""
        lines.append(f"{left.rjust(label_width)} │" + "".join(chars[r]))
        cls.append([-1] * (label_width + 2) + list(classes[r]))
        marks.append([False] * (label_width + 2) + [True] * width)
    lines.append(" " * label_width + " └" + "─" * width)
    cls.append([-1] * (label_width + 2 + width))
    marks.append([False] * (label_width + 2 + width))
    return Canvas(lines, np.array(cls), np.array(marks))
