"""lstm: the maths and the builder against PyTorch's documented equations with separately
sliced weights, a hand-worked one-unit step, and the cell-path gradient norms."""

import math

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.lstm import build_lstm, cell_path_norms
from nncli.maths.lstm import lstm_forward, lstm_gates, lstm_step
from nncli.trace import Bars, Equation, iter_blocks


def sig(v):
    return 1.0 / (1.0 + np.exp(-v))


def torch_equations(x, h0, c0, weight_ih, weight_hh, bias_ih, bias_hh):
    """A second formulation: torch.nn.LSTM's documented equations, column vectors, the
    four gates from separately sliced (H, D) and (H, H) matrices, rows in order i, f, g, o:
      i = σ(W_ii x + b_ii + W_hi h + b_hi)   f = σ(W_if x + b_if + W_hf h + b_hf)
      g = tanh(W_ig x + b_ig + W_hg h + b_hg)   o = σ(W_io x + b_io + W_ho h + b_ho)
      c′ = f∗c + i∗g   h′ = o∗tanh(c′)
    Returns every h, c and gate of one sequence, each (T, H)."""
    H = len(h0)
    W_ii, W_if, W_ig, W_io = (weight_ih[k * H:(k + 1) * H] for k in range(4))
    W_hi, W_hf, W_hg, W_ho = (weight_hh[k * H:(k + 1) * H] for k in range(4))
    b_ii, b_if, b_ig, b_io = (bias_ih[k * H:(k + 1) * H] for k in range(4))
    b_hi, b_hf, b_hg, b_ho = (bias_hh[k * H:(k + 1) * H] for k in range(4))
    h, c = h0, c0
    out = {k: [] for k in ("h", "c", "i", "f", "g", "o")}
    for x_t in x:
        i = sig(W_ii @ x_t + b_ii + W_hi @ h + b_hi)
        f = sig(W_if @ x_t + b_if + W_hf @ h + b_hf)
        g = np.tanh(W_ig @ x_t + b_ig + W_hg @ h + b_hg)
        o = sig(W_io @ x_t + b_io + W_ho @ h + b_ho)
        c = f * c + i * g
        h = o * np.tanh(c)
        for k, v in zip("hcifgo", (h, c, i, f, g, o)):
            out[k].append(v)
    return {k: np.array(v) for k, v in out.items()}


def torch_case(seed, T, D, H):
    """Weights in PyTorch's layout and our packed W, U, b made from them."""
    rng = np.random.default_rng(seed)
    weight_ih, weight_hh = rng.uniform(-0.6, 0.6, (4 * H, D)), rng.uniform(-0.6, 0.6, (4 * H, H))
    bias_ih, bias_hh = rng.uniform(-0.5, 0.5, 4 * H), rng.uniform(-0.5, 0.5, 4 * H)
    x, h0, c0 = rng.normal(size=(T, D)), rng.normal(scale=0.3, size=H), rng.normal(scale=0.5, size=H)
    torch = (weight_ih, weight_hh, bias_ih, bias_hh)
    ours = (weight_ih.T, weight_hh.T, bias_ih + bias_hh)
    return x, h0, c0, torch, ours


@pytest.mark.parametrize("T,D,H", [(1, 1, 1), (4, 2, 3), (6, 3, 5), (9, 1, 2)])
def test_builder_matches_torch_equations(T, D, H):
    x, h0, c0, torch, (W, U, b) = torch_case(T * 100 + D * 10 + H, T, D, H)
    ref = torch_equations(x, h0, c0, *torch)
    trace = build_lstm(x, W, U, b, h0, c0, Context("lstm"))
    for ours, theirs in [("states", "h"), ("cells", "c"), ("input_gate", "i"), ("forget_gate", "f"),
                         ("candidate", "g"), ("output_gate", "o")]:
        np.testing.assert_allclose(trace.outputs[ours], ref[theirs], rtol=1e-12, atol=1e-12,
                                   err_msg=f"{ours} T={T} D={D} H={H}")


def test_batched_maths_equal_builder_and_torch():
    N, T, D, H = 3, 5, 2, 4
    rng = np.random.default_rng(11)
    x, s0, c0 = rng.normal(size=(N, T, D)), rng.normal(scale=0.3, size=(N, H)), rng.normal(size=(N, H))
    _, _, _, torch, (W, U, b) = torch_case(12, T, D, H)
    states, cells = lstm_forward(x, s0, c0, W, U, b)
    assert states.shape == cells.shape == (N, T, H)
    for n in range(N):
        trace = build_lstm(x[n], W, U, b, s0[n], c0[n], Context("lstm"))
        np.testing.assert_allclose(states[n], trace.outputs["states"], rtol=1e-12, err_msg=f"sequence {n}")
        np.testing.assert_allclose(cells[n], trace.outputs["cells"], rtol=1e-12, err_msg=f"sequence {n}")
        ref = torch_equations(x[n], s0[n], c0[n], *torch)
        np.testing.assert_allclose(states[n], ref["h"], rtol=1e-12, atol=1e-12, err_msg=f"sequence {n}")
    i, f, g, o = lstm_gates(x[:, 0], s0, W, U, b)
    assert i.shape == f.shape == g.shape == o.shape == (N, H)
    s1, c1 = lstm_step(x[:, 0], s0, c0, W, U, b)
    np.testing.assert_allclose(c1, f * c0 + i * g, rtol=1e-12)
    np.testing.assert_allclose(s1, states[:, 0], rtol=1e-12)


def test_hand_worked_one_unit_and_gate_order():
    # x = 1, U = 0, b = 0, c0 = 1; W = [0, ln 3, atanh(0.5), 0] in order i, f, g, o:
    # i = σ(0) = 0.5, f = σ(ln 3) = 3/4, g = tanh(atanh 0.5) = 0.5, o = σ(0) = 0.5
    # c = 3/4 × 1 + 0.5 × 0.5 = 1, s = 0.5 × tanh(1). (i and f swapped would give c = 0.875.)
    W = np.array([[0.0, math.log(3), math.atanh(0.5), 0.0]])
    trace = build_lstm(np.array([[1.0]]), W, np.zeros((1, 4)), np.zeros(4), np.zeros(1), np.ones(1),
                       Context("lstm"))
    out = {k: float(v[0, 0]) for k, v in trace.outputs.items()}
    assert out["input_gate"] == pytest.approx(0.5) and out["forget_gate"] == pytest.approx(0.75)
    assert out["candidate"] == pytest.approx(0.5) and out["output_gate"] == pytest.approx(0.5)
    assert out["cells"] == pytest.approx(1.0, rel=1e-12)
    assert out["states"] == pytest.approx(0.5 * math.tanh(1.0), rel=1e-12)
    equations = [b.text for s in trace.steps for b in iter_blocks(s.blocks) if isinstance(b, Equation)]
    assert "c_0[0] = 0.75×1 + 0.5×0.5 = 0.75 + 0.25 = 1" in equations
    assert "s_0[0] = 0.5×tanh(1) = 0.5×0.762 = 0.381" in equations
    bars = [b for s in trace.steps for b in iter_blocks(s.blocks) if isinstance(b, Bars)]
    assert bars[0].labels == ["f[0]", "i[0]", "o[0]"]
    np.testing.assert_allclose(bars[0].values, [0.75, 0.5, 0.5], rtol=1e-12)


def test_cell_path_norms_match_finite_differences():
    # With the gates held fixed, c_{T−1} is a function of c_t: c_k = f_k⊙c_{k−1} + i_k⊙g_k.
    rng = np.random.default_rng(4)
    T, H = 7, 3
    f, ig = rng.uniform(0.2, 1.0, (T, H)), rng.normal(size=(T, H))
    norms = cell_path_norms(f)
    eps = 1e-6
    for t in range(T):
        def end(c_t):
            c = c_t
            for k in range(t + 1, T):
                c = f[k] * c + ig[k]
            return c
        base = rng.normal(size=H)
        jac = np.zeros((H, H))
        for k in range(H):
            e = np.zeros(H)
            e[k] = eps
            jac[:, k] = (end(base + e) - end(base - e)) / (2 * eps)
        np.testing.assert_allclose(norms[t], np.linalg.norm(jac), rtol=1e-5, err_msg=f"t={t}")
    assert norms[-1] == pytest.approx(math.sqrt(H))


def test_long_sequence_is_summarised():
    x, h0, c0, _, (W, U, b) = torch_case(2, 100, 2, 3)
    trace = build_lstm(x, W, U, b, h0, c0, Context("lstm"))
    titles = [s.title for s in trace.steps if s.title.startswith("Time step")]
    assert titles == ["Time step t = 0", "Time step t = 1", "Time step t = 2", "Time step t = 99"]
    assert [s.skipped for s in trace.steps if s.skipped] == [96]


def test_cli_json_keys_and_shapes(run):
    result = run("explain", "lstm", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    shapes = {k: np.array(v).shape for k, v in data["inputs"].items()}
    assert shapes == {"x": (4, 2), "W": (2, 12), "U": (3, 12), "b": (12,), "s0": (3,), "c0": (3,)}
    assert {k: np.array(v).shape for k, v in data["outputs"].items()} == {
        k: (4, 3) for k in ("states", "cells", "input_gate", "forget_gate", "candidate", "output_gate")}
    i = {k: np.array(v) for k, v in data["inputs"].items()}
    # our packed weights read as PyTorch's: weight_ih = Wᵀ, weight_hh = Uᵀ, all bias in bias_ih
    ref = torch_equations(i["x"], i["s0"], i["c0"], i["W"].T, i["U"].T, i["b"], np.zeros(12))
    np.testing.assert_allclose(data["outputs"]["states"], ref["h"], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(data["outputs"]["forget_gate"], ref["f"], rtol=1e-12)


def test_cli_text_export_and_bounds(run, tmp_path):
    result = run("explain", "lstm", "--hidden", "2", "--input", "1 0; 0 1")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "W = weight_ih_l0.T" in result.stdout and "i, f, g, o" in result.stdout
    assert "c_t = f⊙c_{t−1} + i⊙g" in result.stdout
    path = tmp_path / "lstm.txt"
    assert run("explain", "lstm", "--export", str(path)).code == 0
    assert "forget gate" in path.read_text()
    long = run("explain", "lstm", "--steps", "300")
    assert long.code == 0 and "more computed the same way" in long.stdout
    assert len(long.stdout.splitlines()) < 400
    bad = run("explain", "lstm", "--input", "1 2 3; 4 5 6", "--features", "2")
    assert bad.code == 2 and len(bad.stderr.strip().splitlines()) == 1 and "--features" in bad.stderr
