"""cnn: the whole forward pass against a loop pipeline written from the definitions, the
hand-worked default, parameter counts, receptive fields and the CLI."""

import math

import numpy as np
import pytest

from nncli.builders.cnn import DEFAULT_IMAGE, build_cnn
from nncli.builders.context import Context
from nncli.trace import Table


def loop_forward(image, kernels, W, b):
    """conv (cross-correlation, stride 1, no padding) → max(0, ·) → 2×2 max pool, stride 2
    → flatten (map by map, row by row) → flat·W + b → softmax, all as plain loops."""
    F, K, _ = kernels.shape
    H, Wd = image.shape
    OH, OW = H - K + 1, Wd - K + 1
    conv = [[[sum(image[i + a, j + c] * kernels[f, a, c] for a in range(K) for c in range(K))
              for j in range(OW)] for i in range(OH)] for f in range(F)]
    rect = [[[max(v, 0.0) for v in row] for row in fmap] for fmap in conv]
    PH, PW = (OH - 2) // 2 + 1, (OW - 2) // 2 + 1
    pool = [[[max(rect[f][2 * i + a][2 * j + c] for a in range(2) for c in range(2))
              for j in range(PW)] for i in range(PH)] for f in range(F)]
    flat = [pool[f][i][j] for f in range(F) for i in range(PH) for j in range(PW)]
    logits = [sum(flat[n] * W[n, c] for n in range(len(flat))) + b[c] for c in range(W.shape[1])]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    probs = [e / sum(exps) for e in exps]
    return {"conv": conv, "relu": rect, "pool": pool, "flat": flat, "logits": logits, "probs": probs}


@pytest.mark.parametrize("shape,K,F,classes,seed", [
    ((6, 6), 3, 2, 3, 0), ((7, 5), 3, 1, 2, 1), ((9, 8), 2, 3, 4, 5), ((12, 12), 5, 2, 10, 9)])
def test_forward_matches_loop_pipeline(shape, K, F, classes, seed):
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 4, size=shape).astype(float)
    kernels = rng.integers(-2, 3, size=(F, K, K)).astype(float)
    trace = build_cnn(image, Context("cnn"), kernels=kernels, classes=classes, seed=seed)
    expected = loop_forward(image, kernels, trace.inputs["fc_W"], trace.inputs["fc_b"])
    for name, values in expected.items():
        np.testing.assert_allclose(trace.outputs[name], np.array(values), rtol=1e-12, atol=1e-12,
                                   err_msg=f"{name}: image {shape}, kernel {K}, seed {seed}")
    assert trace.inputs["fc_W"].shape == (len(expected["flat"]), classes)


def test_hand_worked_default():
    trace = build_cnn(DEFAULT_IMAGE, Context("cnn"))
    out = trace.outputs
    assert out["conv"].shape == (2, 4, 4) and out["pool"].shape == (2, 2, 2) and out["flat"].shape == (8,)
    # vertical-edge kernel on the top-left window: column 2 of the image is 1, the others 0:
    # 0·1 + 0·0 + 1·(−1) per row, three rows → −3; at (0, 2) the window's column 0 is the bar → 3
    assert out["conv"][0, 0, 0] == -3 and out["conv"][0, 0, 2] == 3
    # horizontal-edge kernel on rows 1–3, columns 0–2: top row [0 0 1] weighted +1, middle
    # row weighted 0, bottom row (the bar) [1 1 1] weighted −1: 1 − 3 = −2
    assert out["conv"][1, 1, 0] == -2
    assert out["relu"].min() == 0 and out["pool"][0, 0, 1] == 3
    assert out["probs"].sum() == pytest.approx(1.0, rel=1e-12)
    assert int(np.argmax(out["probs"])) == int(np.argmax(out["logits"]))


def test_parameter_counts_and_receptive_fields():
    trace = build_cnn(DEFAULT_IMAGE, Context("cnn"))
    params = next(s for s in trace.steps if s.title.startswith("Why convolution"))
    text = " ".join(b.text for b in params.blocks if hasattr(b, "text"))
    assert f"{784 * 784:,}" == "614,656" and "614,656" in text
    assert f"{36 * 36:,}" in text  # the 6×6 image, fully connected to a 6×6 map
    table = next(b for b in params.blocks if isinstance(b, Table))
    assert table.rows[0][1:] == ["18", "2"]  # two 3×3 kernels and their biases
    assert table.rows[1][1:] == ["24", "3"]  # 8 inputs × 3 classes
    rf = next(b for b in trace.steps[-1].blocks if isinstance(b, Table))
    # conv 3×3: 3; 2×2 pool (stride 2) of conv cells 0–1 sees pixels 0–3: 4;
    # 3×3 conv on pooled cells 0–2 = conv cells 0–5 = pixels 0–7: 8
    assert [row[3] for row in rf.rows[:3]] == ["3×3", "4×4", "8×8"]


def test_cli_default(run):
    result = run("explain", "cnn")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    data = run("explain", "cnn", "--json").json()
    assert {"topic", "params", "inputs", "steps", "outputs"} <= set(data)
    assert {"conv", "relu", "pool", "flat", "logits", "probs"} <= set(data["outputs"])
    assert np.array(data["outputs"]["conv"]).shape == (2, 4, 4)
    assert sum(data["outputs"]["probs"]) == pytest.approx(1.0)
    other = run("explain", "cnn", "--seed", "1", "--json").json()
    assert other["inputs"]["fc_W"] != data["inputs"]["fc_W"]


def test_cli_options(run):
    data = run("explain", "cnn", "--input", "1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 16",
               "--kernel", "1 0; 0 -1", "--classes", "2", "--json").json()
    # each 2×2 window: top-left − bottom-right = −5 everywhere
    assert data["outputs"]["conv"] == [[[-5] * 3] * 3]
    assert len(data["outputs"]["probs"]) == 2
    big = run("explain", "cnn", "--size", "64", "--classes", "10")
    assert big.code == 0 and len(big.stdout.splitlines()) < 300


@pytest.mark.parametrize("args,needle", [
    (["--input", "1 2 3; 4 5 6; 7 8 9"], "too small"),
    (["--kernel", "1 2 3; 4 5 6"], "square"),
    (["--kernel", "1 2; 3 4", "--kernel", "1 2 3; 4 5 6; 7 8 9"], "one size"),
    (["--classes", "1"], "--classes"),
    (["--size", "3"], "--size"),
    (["--input", "1 2; x 4"], '"x"'),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "cnn", *args)
    assert result.code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_export_txt_and_width_80(run, tmp_path, monkeypatch):
    path = tmp_path / "cnn.txt"
    assert run("explain", "cnn", "--export", str(path)).code == 0
    assert "receptive field" in path.read_text()
    monkeypatch.setenv("COLUMNS", "80")
    for args in ([], ["--size", "28", "--classes", "10"]):
        out = run("explain", "cnn", *args).stdout
        assert max(len(line) for line in out.splitlines()) <= 80, args
