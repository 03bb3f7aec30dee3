"""The receptive field: the recurrence and the exact cells against a brute-force search
(perturb one input cell, see which output cells move), and the words and pictures built on it."""

import numpy as np
import pytest

from nncli.builders.cnn import DEFAULT_IMAGE, build_cnn, seen_cells, stage_layers
from nncli.builders.context import Context
from nncli.builders.conv import build_conv2d, field_picture
from nncli.maths.conv import receptive_field, seen_indices
from nncli.trace import Diagram, Matrix, Row


def ones_layer(x, kh, kw, stride, padding):
    """One conv layer with every weight 1, by loops (positive weights: nothing cancels)."""
    H, W = x.shape
    xp = np.zeros((H + 2 * padding, W + 2 * padding))
    xp[padding:padding + H, padding:padding + W] = x
    OH, OW = (H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1
    return np.array([[xp[i * stride:i * stride + kh, j * stride:j * stride + kw].sum()
                      for j in range(OW)] for i in range(OH)])


def brute_force_seen(shape, layers, cell):
    """Input cells whose change moves `cell` of the last layer. layers: [(kh, kw, s, p)]."""
    def run(x):
        for kh, kw, s, p in layers:
            x = ones_layer(x, kh, kw, s, p)
        return x[cell]
    base = run(np.zeros(shape))
    seen = set()
    for r in range(shape[0]):
        for c in range(shape[1]):
            x = np.zeros(shape)
            x[r, c] = 1.0
            if run(x) != base:
                seen.add((r, c))
    return seen


@pytest.mark.parametrize("layers,shape", [
    ([(1, 3, 1, 0)] * 3, (3, 9)),                      # the 1×3 kernel: 1×3, 1×5, 1×7
    ([(3, 3, 2, 0)] * 3, (17, 17)),                    # stride 2: 3, 7, 15
    ([(3, 2, 1, 0), (2, 2, 2, 0), (3, 3, 1, 1)], (12, 11)),
    ([(2, 2, 3, 0)] * 2, (12, 12)),                    # stride larger than the kernel: gaps
    ([(5, 1, 2, 2), (3, 3, 3, 0)], (16, 9)),
])
def test_recurrence_and_seen_indices_match_brute_force(layers, shape):
    for depth in range(1, len(layers) + 1):
        stack = layers[:depth]
        rows_axis = [(kh, s, p) for kh, _, s, p in stack]
        cols_axis = [(kw, s, p) for _, kw, s, p in stack]
        for cell in ((0, 0), (1, 1)):
            out = shape
            for kh, kw, s, p in stack:
                out = ((out[0] + 2 * p - kh) // s + 1, (out[1] + 2 * p - kw) // s + 1)
            if cell[0] >= out[0] or cell[1] >= out[1]:
                continue
            found = brute_force_seen(shape, stack, cell)
            rows = [r for r in seen_indices(cell[0], rows_axis) if 0 <= r < shape[0]]
            cols = [c for c in seen_indices(cell[1], cols_axis) if 0 <= c < shape[1]]
            assert found == {(r, c) for r in rows for c in cols}, f"{stack} cell {cell}"
            if all(p == 0 for *_, p in stack):  # no padding: the span is the recurrence
                span_r = max(r for r, _ in found) - min(r for r, _ in found) + 1
                span_c = max(c for _, c in found) - min(c for _, c in found) + 1
                assert span_r == receptive_field([l[0] for l in stack], [l[2] for l in stack])
                assert span_c == receptive_field([l[1] for l in stack], [l[2] for l in stack])


def _receptive_text(trace):
    step = trace.steps[-1]
    return step, " ".join(b.text for b in step.blocks if hasattr(b, "text"))


def test_conv_words_follow_the_kernel_width_and_the_stride():
    _, text = _receptive_text(build_conv2d(np.ones((3, 9)), np.array([[1.0, 0, -1]]), Context("conv")))
    assert "sees 1×5 input cells; a third sees 1×7" in text
    step, text = _receptive_text(build_conv2d(np.ones((5, 5)), np.ones((3, 3)), Context("conv"), stride=2))
    assert "stride 2" in text and "sees 7×7 input cells; a third sees 15×15" in text
    assert "1 + 2×1 = 3,   3 + 2×2 = 7,   7 + 2×4 = 15" in text
    picture = next(b for b in step.blocks if isinstance(b, Diagram)).lines
    assert len(picture) == 7 and picture[0].split()[:4] == ["1", "1", "1", "2"]  # 12 cells: 2 layers


def test_field_picture_marks_each_layer_and_the_gaps():
    lines = field_picture(2, 2, 3, 2)  # layer 1 reads 0–1; layer 2 reads 0, 1, 3, 4
    assert lines == ["1 1 · 2 2", "1 1 · 2 2", "· · · · ·", "2 2 · 2 2", "2 2 · 2 2"]
    _, text = _receptive_text(build_conv2d(np.ones((8, 8)), np.ones((2, 2)), Context("conv"), stride=3))
    assert "read by no window" in text
    _, dense = _receptive_text(build_conv2d(np.ones((8, 8)), np.ones((2, 2)), Context("conv"), stride=2))
    assert "read by no window" not in dense


def test_cnn_pictures_highlight_what_each_stage_sees():
    trace = build_cnn(DEFAULT_IMAGE, Context("cnn"), stages=2)
    pictures = next(b for b in trace.steps[-1].blocks if isinstance(b, Row)).blocks
    assert all(isinstance(p, Matrix) for p in pictures) and len(pictures) == 4
    layers = [l[1:] for l in stage_layers(3, 2)]
    # stage-1 conv map is 4×4: its middle cell (1, 1) reads pixels 1–3 on each axis
    assert set(pictures[0].highlight) == {(r, c) for r in range(1, 4) for c in range(1, 4)}
    assert set(pictures[1].highlight) == {(r, c) for r in range(4) for c in range(4)}
    for depth, picture in enumerate(pictures, start=1):
        cell = tuple(int(v) for v in picture.label.split("(")[-1].rstrip(")").split(", "))
        assert set(picture.highlight) == set(seen_cells(layers[:depth], cell, (6, 6)))


def test_conv_stride_words_name_the_true_reason():
    trace = build_conv2d(np.ones((5, 4)), np.ones((2, 2)), Context("conv"), stride=2)
    text = " ".join(b.text for s in trace.steps for b in s.blocks if hasattr(b, "text"))
    assert "no whole window covers the last 1 row of" in text
    assert "top-left" not in text and "column of the padded" not in text and "columns of the padded" not in text
    cell = next(s for s in trace.steps if s.title.startswith("Output cell"))
    assert cell.blocks[1].blocks[0].label == "input, window in [ ]"
