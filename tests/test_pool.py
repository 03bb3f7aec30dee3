"""pool: max/avg pooling against a loop definition of torch's max_pool2d / avg_pool2d
(no padding, floor mode), ties, dropped rows and columns, and the CLI."""

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.pool import build_pool, uncovered
from nncli.maths.pool import avg_pool2d, max_pool2d


def loop_pool(x, k, s, reduce):
    """torch.nn.functional.max_pool2d / avg_pool2d written as loops: out[n, c, i, j] is the
    reduction of x[n, c, i·s : i·s + k, j·s : j·s + k], for i < ⌊(H − k)/s⌋ + 1."""
    N, C, H, W = x.shape
    OH, OW = (H - k) // s + 1, (W - k) // s + 1
    out = np.zeros((N, C, OH, OW))
    for n in range(N):
        for c in range(C):
            for i in range(OH):
                for j in range(OW):
                    cells = [x[n, c, i * s + a, j * s + b] for a in range(k) for b in range(k)]
                    out[n, c, i, j] = max(cells) if reduce == "max" else sum(cells) / len(cells)
    return out


CASES = [  # (H, W, k, stride): non-square, strides that do not divide, stride > k, k = 1, k = H
    (4, 4, 2, None), (5, 7, 2, None), (7, 5, 3, 2), (6, 9, 2, 3), (5, 5, 1, 1), (3, 8, 3, 1), (9, 4, 4, 4)]


@pytest.mark.parametrize("H,W,k,stride", CASES)
def test_maths_matches_loop_definition(H, W, k, stride):
    rng = np.random.default_rng(H * 100 + W * 10 + k)
    x = rng.normal(size=(2, 3, H, W))
    s = k if stride is None else stride
    np.testing.assert_allclose(max_pool2d(x, k, stride), loop_pool(x, k, s, "max"), rtol=0, atol=0,
                               err_msg=f"max H={H} W={W} k={k} s={s}")
    np.testing.assert_allclose(avg_pool2d(x, k, stride), loop_pool(x, k, s, "avg"), rtol=1e-12,
                               atol=1e-12, err_msg=f"avg H={H} W={W} k={k} s={s}")


@pytest.mark.parametrize("H,W,k,stride", CASES)
@pytest.mark.parametrize("mode", ["max", "avg"])
def test_builder_matches_loop_definition(H, W, k, stride, mode):
    rng = np.random.default_rng(H + W + k)
    x = rng.integers(-5, 6, size=(H, W)).astype(float)
    trace = build_pool(x, Context("pool"), mode=mode, window=k, stride=stride)
    s = k if stride is None else stride
    np.testing.assert_allclose(trace.outputs["output"], loop_pool(x[None, None], k, s, mode)[0, 0],
                               rtol=1e-12, atol=1e-12, err_msg=f"{mode} H={H} W={W} k={k} s={s}")


def test_hand_worked_default():
    x = np.array([[1, 3, 2, 1], [3, 2, 0, 4], [5, 6, 1, 2], [1, 2, 7, 8]], float)
    assert build_pool(x, Context("pool")).outputs["output"].tolist() == [[3, 4], [6, 8]]
    # (1+3+3+2)/4 = 2.25, (2+1+0+4)/4 = 1.75, (5+6+1+2)/4 = 3.5, (1+2+7+8)/4 = 4.5
    assert build_pool(x, Context("pool"), mode="avg").outputs["output"].tolist() == [[2.25, 1.75], [3.5, 4.5]]


def test_tie_takes_first_in_row_major_order():
    # window values 1 3 / 3 2: two 3s, at (0, 1) and (1, 0); PyTorch's index is the first, (0, 1)
    x = np.array([[1, 3, 2, 1], [3, 2, 0, 4], [5, 6, 1, 2], [1, 2, 7, 8]], float)
    trace = build_pool(x, Context("pool"))
    first_window = trace.steps[1]
    matrices = [b for row in first_window.blocks if hasattr(row, "blocks") for b in row.blocks]
    window = next(m for m in matrices if m.name == "window")
    assert window.highlight == [(0, 1)]
    text = " ".join(b.text for b in first_window.blocks if hasattr(b, "text"))
    assert "appears 2 times" in text and "row 0, column 1" in text
    # a window of four equal values: the top-left one
    trace = build_pool(np.full((2, 2), 5.0), Context("pool"))
    window = next(b for row in trace.steps[1].blocks if hasattr(row, "blocks") for b in row.blocks
                  if b.name == "window")
    assert window.highlight == [(0, 0)]


@pytest.mark.parametrize("size,k,s", [(5, 2, 2), (7, 3, 2), (9, 2, 3), (10, 3, 4), (4, 2, 2), (6, 1, 2)])
def test_uncovered_matches_brute_force(size, k, s):
    starts = range(0, size - k + 1, s)
    covered = {a + d for a in starts for d in range(k)}
    trailing, gaps = uncovered(size, k, s)
    assert sorted(trailing + gaps) == [i for i in range(size) if i not in covered]
    assert all(i > max(covered) for i in trailing) and all(i < max(covered) for i in gaps)


def test_dropped_rows_and_columns_are_named():
    trace = build_pool(np.zeros((5, 7)), Context("pool"), window=2)
    text = " ".join(b.text for b in trace.steps[0].blocks if hasattr(b, "text"))
    assert "row 4 is left over" in text and "column 6 is left over" in text
    trace = build_pool(np.zeros((9, 9)), Context("pool"), window=2, stride=3)
    text = " ".join(b.text for b in trace.steps[0].blocks if hasattr(b, "text"))
    assert "row 8 is left over" in text and "rows 2, 5 lie between windows" in text


def test_big_input_is_summarised(run):
    trace = build_pool(np.ones((64, 64)), Context("pool"))
    skipped = [s.skipped for s in trace.steps if s.skipped]
    shown = [s for s in trace.steps if s.title.startswith("Window")]
    assert skipped == [32 * 32 - len(shown)] and len(shown) == 4
    result = run("explain", "pool", "--size", "64")
    assert result.code == 0 and "more computed the same way" in result.stdout
    assert len(result.stdout.splitlines()) < 300
    every = build_pool(np.ones((10, 10)), Context("pool", all_steps=True))
    assert sum(s.title.startswith("Window") for s in every.steps) == 25


def test_cli_json_and_text(run):
    result = run("explain", "pool", "--mode", "avg", "--input", "1 -2 3 0 5; 4 1 0 2 2; 0 0 1 1 3")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "(1 + (−2) + 4 + 1) / 4 = 4 / 4 = 1" in result.stdout
    data = run("explain", "pool", "--input", "1 -2 3 0 5; 4 1 0 2 2; 0 0 1 1 3", "--json").json()
    assert {"topic", "params", "inputs", "steps", "outputs"} <= set(data)
    assert data["outputs"]["output"] == [[4, 3]]
    assert data["params"]["window"] == 2 and data["params"]["stride"] == 2


@pytest.mark.parametrize("args,needle", [
    (["--window", "0"], "--window"),
    (["--window", "-1"], "--window"),
    (["--window", "5"], "does not fit the 4×4 input"),
    (["--input", "1 2 3; 4 5 6", "--window", "3"], "does not fit the 2×3 input"),
    (["--stride", "0"], "--stride"),
    (["--mode", "min"], "--mode"),
    (["--input", "1 2; 3"], "row 2 has 1 number "),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "pool", *args)
    assert result.code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_export_txt_and_width_80(run, tmp_path, monkeypatch):
    path = tmp_path / "pool.txt"
    assert run("explain", "pool", "--export", str(path)).code == 0
    assert "Window (0, 0)" in path.read_text()
    monkeypatch.setenv("COLUMNS", "80")
    for args in ([], ["--size", "64"], ["--mode", "avg", "--size", "9", "--stride", "3"]):
        out = run("explain", "pool", *args).stdout
        assert max(len(line) for line in out.splitlines()) <= 80, args
