"""conv: the builders against numpy.convolve, a loop formulation, and hand-worked cells."""

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.conv import build_conv1d, build_conv2d
from nncli.maths.conv import conv1d_full, conv2d, corr2d, output_size, pad2d, receptive_field


def loop_conv2d(x, w, b, stride, padding):
    """A second formulation: four nested loops over the definition of torch's conv2d."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.zeros((N, C, H + 2 * padding, W + 2 * padding))
    xp[:, :, padding:padding + H, padding:padding + W] = x
    OH = (H + 2 * padding - KH) // stride + 1
    OW = (W + 2 * padding - KW) // stride + 1
    out = np.zeros((N, F, OH, OW))
    for n in range(N):
        for f in range(F):
            for i in range(OH):
                for j in range(OW):
                    patch = xp[n, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
                    out[n, f, i, j] = np.sum(patch * w[f]) + (0 if b is None else b[f])
    return out


@pytest.mark.parametrize("L,K", [(1, 1), (5, 3), (3, 5), (8, 2)])
def test_conv1d_full_matches_numpy_convolve(L, K):
    rng = np.random.default_rng(L * 10 + K)
    f, g = rng.normal(size=L), rng.normal(size=K)
    np.testing.assert_allclose(conv1d_full(f, g), np.convolve(f, g), rtol=1e-12, atol=1e-12,
                               err_msg=f"L={L} K={K}")
    np.testing.assert_allclose(conv1d_full(f, g), conv1d_full(g, f), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("stride,padding", [(1, 0), (2, 1), (3, 2), (2, 0)])
def test_conv2d_matches_loop_definition(stride, padding):
    rng = np.random.default_rng(stride * 7 + padding)
    x, w, b = rng.normal(size=(2, 3, 7, 6)), rng.normal(size=(4, 3, 3, 2)), rng.normal(size=4)
    np.testing.assert_allclose(conv2d(x, w, b, stride, padding), loop_conv2d(x, w, b, stride, padding),
                               rtol=1e-10, atol=1e-12, err_msg=f"stride={stride} padding={padding}")


def test_hand_worked_cell_and_sizes():
    x = np.array([[1, 2, 0], [0, 1, 3], [2, 1, 1]], float)
    k = np.array([[1, 0], [0, -1]], float)
    out = corr2d(pad2d(x, 1), k)
    # top-left window of the padded input is [[0, 0], [0, 1]]: 0×1 + 0×0 + 0×0 + 1×(−1) = −1
    assert out[0, 0] == -1
    # window at (1, 1) is [[1, 2], [0, 1]]: 1×1 + 2×0 + 0×0 + 1×(−1) = 0
    assert out[1, 1] == 0
    assert out.shape == (4, 4)
    assert output_size(7, 3, 1, 2) == 4 and output_size(5, 2, 0, 2) == 2
    assert receptive_field([3, 3], [1, 1]) == 5 and receptive_field([3, 3], [2, 1]) == 7


@pytest.mark.parametrize("shape,kshape,padding,stride,flip", [
    ((3, 3), (2, 2), 1, 1, False), ((5, 4), (3, 2), 0, 2, False), ((6, 6), (3, 3), 2, 3, True),
    ((1, 1), (1, 1), 0, 1, False)])
def test_builder_output_equals_vectorised(shape, kshape, padding, stride, flip):
    rng = np.random.default_rng(sum(shape))
    x, k = rng.integers(-3, 4, size=shape).astype(float), rng.integers(-2, 3, size=kshape).astype(float)
    trace = build_conv2d(x, k, Context("conv"), bias=0.5, padding=padding, stride=stride, flip=flip)
    used = k[::-1, ::-1] if flip else k
    expected = conv2d(x[None, None], used[None, None], [0.5], stride, padding)[0, 0]
    np.testing.assert_allclose(trace.outputs["output"], expected, rtol=1e-12, atol=1e-12)


def test_builder_1d_equals_numpy_convolve():
    f, g = np.array([1.0, 2, 3, -1]), np.array([0.0, 1, 0.5])
    trace = build_conv1d(f, g, Context("conv"))
    np.testing.assert_allclose(trace.outputs["output"], np.convolve(f, g), rtol=1e-12, atol=1e-12)


def test_big_input_is_summarised():
    x = np.ones((64, 64))
    trace = build_conv2d(x, np.ones((3, 3)), Context("conv"), padding=1)
    skipped = [s.skipped for s in trace.steps if s.skipped]
    shown_cells = [s for s in trace.steps if s.title.startswith("Output cell")]
    assert skipped == [64 * 64 - len(shown_cells)]
    assert len(trace.steps) < 12
    all_steps = build_conv2d(x[:10, :10], np.ones((3, 3)), Context("conv", all_steps=True))
    assert sum(s.title.startswith("Output cell") for s in all_steps.steps) == 64


def test_cli_done_example_shows_every_number(run):
    args = ["explain", "conv", "--input", "1 2 0; 0 1 3; 2 1 1", "--kernel", "1 0; 0 -1", "--padding", "1"]
    result = run(*args)
    assert result.code == 0, result.stderr
    assert "0×1 + 0×0 + 0×0 + 1×(−1) + 0 = −1" in result.stdout
    assert "\x1b[" not in result.stdout
    data = run(*args, "--json").json()
    assert set(data) == {"topic", "params", "inputs", "steps", "outputs"}
    expected = corr2d(pad2d(np.array(data["inputs"]["input"]), 1), np.array(data["inputs"]["kernel"]))
    np.testing.assert_allclose(data["outputs"]["output"], expected, rtol=1e-12)
    assert data["params"]["padding"] == 1


def test_cli_dim1_and_flip(run):
    data = run("explain", "conv", "--dim", "1", "--input", "1 2 3", "--kernel", "0 1 0.5", "--json").json()
    np.testing.assert_allclose(data["outputs"]["output"], np.convolve([1, 2, 3], [0, 1, 0.5]))
    flipped = run("explain", "conv", "--input", "1 2; 3 4", "--kernel", "1 2; 3 4", "--flip", "--json").json()
    assert flipped["outputs"]["output"] == [[1 * 4 + 2 * 3 + 3 * 2 + 4 * 1]]


@pytest.mark.parametrize("args,needle", [
    (["--input", "1 2; 3 x"], '"x"'),
    (["--input", "1 2; 3"], "row 2 has 1 number but row 1 has 2"),
    (["--kernel", "1 2 3 4 5 6"], "does not fit"),
    (["--stride", "0"], "--stride"),
    (["--padding", "-1"], "--padding"),
    (["--input", "nope.npy"], "does not exist"),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "conv", *args)
    assert result.code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_topic_suggests(run):
    result = run("explain", "convv")
    assert result.code == 2 and 'Did you mean "conv"' in result.stderr


def test_export_files(run, tmp_path):
    for suffix in ("svg", "html", "txt"):
        path = tmp_path / f"conv.{suffix}"
        result = run("explain", "conv", "--export", str(path))
        assert result.code == 0 and path.stat().st_size > 0
    assert "Output cell (0, 0)" in (tmp_path / "conv.txt").read_text()
    assert run("explain", "conv", "--export", str(tmp_path / "x.png")).code == 2


def test_size_64_is_bounded(run):
    result = run("explain", "conv", "--size", "64", "--padding", "1")
    assert result.code == 0
    assert "more computed the same way" in result.stdout
    assert len(result.stdout.splitlines()) < 400
