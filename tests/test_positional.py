"""positional: the table against math.sin/cos entry by entry, hand-worked entries, the
distance-only dot products, the order demo, and the CLI."""

import math

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.positional import SWAP, build_positional, demo_embeddings
from nncli.maths.positional import positional_encoding


def loop_pe(T, d):
    """PE written from the paper's two equations, one entry at a time."""
    pe = [[0.0] * d for _ in range(T)]
    for pos in range(T):
        for c in range(d):
            i = c // 2
            angle = pos / 10000 ** (2 * i / d)
            pe[pos][c] = math.sin(angle) if c % 2 == 0 else math.cos(angle)
    return np.array(pe)


@pytest.mark.parametrize("T,d", [(1, 1), (6, 8), (5, 7), (50, 16), (3, 2), (10, 1)])
def test_table_matches_the_equations(T, d):
    np.testing.assert_allclose(positional_encoding(T, d), loop_pe(T, d), rtol=1e-12, atol=1e-14,
                               err_msg=f"T={T} d={d}")
    assert positional_encoding(T, d).shape == (T, d)


def test_hand_worked_entries():
    pe = positional_encoding(6, 8)
    assert pe[0].tolist() == [0, 1, 0, 1, 0, 1, 0, 1]          # sin 0 = 0, cos 0 = 1
    assert pe[1, 0] == pytest.approx(0.8414709848, abs=1e-10)    # sin(1/10000^0) = sin 1
    assert pe[1, 1] == pytest.approx(0.5403023059, abs=1e-10)    # cos 1
    assert pe[2, 2] == pytest.approx(math.sin(0.2), abs=1e-15)   # 2/10000^(2/8) = 2/10
    assert pe[5, 6] == pytest.approx(math.sin(0.005), abs=1e-15)  # 5/10000^(6/8) = 5/1000
    assert pe[3, 5] == pytest.approx(math.cos(0.03), abs=1e-15)   # 3/100


@pytest.mark.parametrize("d", [2, 8, 16])
def test_dot_product_depends_only_on_distance(d):
    pe = positional_encoding(30, d)
    omegas = [1 / 10000 ** (2 * i / d) for i in range(d // 2)]
    for k in (0, 1, 3, 7):
        closed = sum(math.cos(k * w) for w in omegas)
        for p in range(30 - k):
            assert pe[p] @ pe[p + k] == pytest.approx(closed, abs=1e-12), f"d={d} p={p} k={k}"


def test_rows_are_distinct():
    pe = positional_encoding(200, 16)
    gaps = np.linalg.norm(pe[:, None] - pe[None], axis=-1) + np.eye(200)
    assert gaps.min() > 1e-3


def step_arrays(trace, title_start):
    step = next(s for s in trace.steps if s.title.startswith(title_start))
    from nncli.render.json_view import step_to_dict

    return {k: np.array(v) for k, v in step_to_dict(step)["arrays"].items()}


@pytest.mark.parametrize("seed", [0, 1, 5])
def test_builder_order_demo(seed):
    E = demo_embeddings(seed, 8)
    assert E.shape == (3, 4) and len({tuple(r) for r in E}) == 3
    trace = build_positional(6, 8, E, Context("positional"))
    np.testing.assert_allclose(trace.outputs["pe"], loop_pe(6, 8), rtol=1e-12, atol=1e-14)

    def attend(X):  # softmax(X Xᵀ/√d) X, the softmax as exp / sum
        s = X @ X.T / math.sqrt(X.shape[1])
        w = np.exp(s - s.max(axis=1, keepdims=True))
        return (w / w.sum(axis=1, keepdims=True)) @ X

    plain = step_arrays(trace, "Attention alone")
    np.testing.assert_allclose(plain["out"], attend(E), rtol=1e-12)
    np.testing.assert_allclose(plain["out swapped"], attend(E[list(SWAP)]), rtol=1e-12)
    np.testing.assert_allclose(plain["out"][0], plain["out swapped"][2], rtol=1e-12)  # dog = dog
    fixed = step_arrays(trace, "With positions")
    pe3 = loop_pe(3, 4)
    np.testing.assert_allclose(fixed["out"], attend(E + pe3), rtol=1e-12)
    assert np.abs(fixed["out"][0] - fixed["out swapped"][2]).max() > 1e-3


@pytest.mark.parametrize("T,d", [(1, 1), (2, 1), (1, 2), (2, 3)])
def test_tiny_sizes_build(T, d):
    trace = build_positional(T, d, demo_embeddings(0, d), Context("positional"))
    np.testing.assert_allclose(trace.outputs["pe"], loop_pe(T, d), rtol=1e-12, atol=1e-14)
    for step in trace.steps:   # entries worked by hand name only positions and columns that exist
        for block in step.blocks:
            text = getattr(block, "text", "")
            if text.startswith("Position "):
                p, c = (int(w.strip(",")) for w in text.split()[1:4:2])
                assert p < T and c < d, text


def test_cli_default_and_json(run):
    result = run("explain", "positional")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "sin(0.2) = 0.199" in result.stdout
    assert "cos(1) + cos(0.1) + cos(0.01) + cos(0.001) = 3.535" in result.stdout
    data = run("explain", "positional", "--tokens", "5", "--dim", "6", "--json").json()
    assert set(data) == {"topic", "params", "inputs", "steps", "outputs"}
    assert np.array(data["outputs"]["pe"]).shape == (5, 6)
    np.testing.assert_allclose(data["outputs"]["pe"], loop_pe(5, 6), rtol=1e-12, atol=1e-14)


def test_cli_big_is_bounded(run):
    result = run("explain", "positional", "--tokens", "500", "--dim", "512")
    assert result.code == 0
    assert len(result.stdout.splitlines()) < 300


@pytest.mark.parametrize("args", [["--tokens", "0"], ["--dim", "0"], ["--dim", "x"], ["--tokens", "99999"]])
def test_cli_bad_input_is_one_line_exit_2(run, args):
    result = run("explain", "positional", *args)
    assert result.code == 2, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_export_txt(run, tmp_path):
    path = tmp_path / "pe.txt"
    assert run("explain", "positional", "--export", str(path)).code == 0
    assert "A few entries by hand" in path.read_text()
