"""rnn: the maths and the builder against the column form of the textbooks, hand-worked
cases, and the BPTT norms against central finite differences."""

import math

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.rnn import build_rnn
from nncli.maths.rnn import bptt_grad_norms, rnn_forward, rnn_step
from nncli.trace import Bars, Equation, iter_blocks


def column_form(x, s0, W_in, W_s, b):
    """A second formulation, one sequence: S_t = tanh(A·x_t + B·S_{t−1} + b) with column
    vectors, A = W_inᵀ (H×D) and B = W_sᵀ (H×H), written as a loop over units."""
    A, B = W_in.T, W_s.T
    H = len(b)
    s, out = s0.copy(), []
    for x_t in x:
        new = np.array([math.tanh(sum(A[j, k] * x_t[k] for k in range(len(x_t)))
                                  + sum(B[j, k] * s[k] for k in range(H)) + b[j])
                        for j in range(H)])
        out.append(new)
        s = new
    return np.array(out)


def random_case(seed, T, D, H, scale=0.6):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(T, D)), rng.normal(scale=0.3, size=H), rng.uniform(-scale, scale, (D, H)),
            rng.uniform(-scale, scale, (H, H)), rng.uniform(-0.2, 0.2, H))


def end_state(x, s_t, t, W_in, W_s, b):
    """S_{T−1} when the state after step t is forced to s_t (steps t+1 … T−1 re-run)."""
    s = s_t
    for k in range(t + 1, len(x)):
        s = np.tanh(x[k] @ W_in + s @ W_s + b)
    return s


@pytest.mark.parametrize("T,D,H", [(1, 1, 1), (4, 2, 3), (7, 3, 5), (12, 1, 2)])
def test_forward_matches_column_form(T, D, H):
    x, s0, W_in, W_s, b = random_case(T * 100 + D * 10 + H, T, D, H)
    got = rnn_forward(x[None], s0[None], W_in, W_s, b)[0]
    np.testing.assert_allclose(got, column_form(x, s0, W_in, W_s, b), rtol=1e-12, atol=1e-12,
                               err_msg=f"T={T} D={D} H={H}")


def test_batched_forward_equals_each_sequence_and_builder():
    rng = np.random.default_rng(5)
    N, T, D, H = 3, 5, 2, 4
    x, s0 = rng.normal(size=(N, T, D)), rng.normal(scale=0.3, size=(N, H))
    W_in, W_s, b = rng.uniform(-0.6, 0.6, (D, H)), rng.uniform(-0.6, 0.6, (H, H)), rng.normal(size=H)
    batched = rnn_forward(x, s0, W_in, W_s, b)
    assert batched.shape == (N, T, H)
    for n in range(N):
        trace = build_rnn(x[n], W_in, W_s, b, s0[n], Context("rnn"))
        np.testing.assert_allclose(batched[n], trace.outputs["states"], rtol=1e-12, atol=1e-12,
                                   err_msg=f"sequence {n}")
    np.testing.assert_allclose(rnn_step(x[:, 0], s0, W_in, W_s, b), batched[:, 0], rtol=1e-12)


def test_hand_worked_one_unit():
    # x = [1, 0], W_in = 0.5, W_s = 0.5, b = 0, s0 = 0:
    # S_0 = tanh(1×0.5) = tanh(0.5); S_1 = tanh(0×0.5 + 0.5×S_0)
    x, W_in, W_s, b, s0 = np.array([[1.0], [0.0]]), np.array([[0.5]]), np.array([[0.5]]), np.zeros(1), np.zeros(1)
    s_0 = math.tanh(0.5)
    s_1 = math.tanh(0.5 * s_0)
    trace = build_rnn(x, W_in, W_s, b, s0, Context("rnn"))
    np.testing.assert_allclose(trace.outputs["states"][:, 0], [s_0, s_1], rtol=1e-12)
    # ∂S_1/∂S_0 = (1 − S_1²)·0.5; ∂S_1/∂S_1 = 1
    np.testing.assert_allclose(trace.outputs["grad_norms"], [(1 - s_1 ** 2) * 0.5, 1.0], rtol=1e-12)
    equations = [b.text for s in trace.steps for b in iter_blocks(s.blocks) if isinstance(b, Equation)]
    assert "a[0] = (1×0.5)" in equations
    assert "     = 0.5 + 0 + 0 = 0.5    S_0[0] = tanh(0.5) = 0.462" in equations
    assert "     = 0 + 0.231 + 0 = 0.231    S_1[0] = tanh(0.231) = 0.227" in equations


@pytest.mark.parametrize("T,D,H,scale", [(2, 1, 1, 0.6), (5, 2, 3, 0.6), (8, 3, 4, 1.5), (6, 2, 2, 3.0)])
def test_bptt_norms_match_finite_differences(T, D, H, scale):
    x, s0, W_in, W_s, b = random_case(T + 31 * H, T, D, H, scale)
    states = rnn_forward(x[None], s0[None], W_in, W_s, b)[0]
    norms = bptt_grad_norms(x, s0, W_in, W_s, b)
    eps = 1e-6
    for t in range(T):
        jac = np.zeros((H, H))
        for k in range(H):
            up, down = states[t].copy(), states[t].copy()
            up[k] += eps
            down[k] -= eps
            jac[:, k] = (end_state(x, up, t, W_in, W_s, b) - end_state(x, down, t, W_in, W_s, b)) / (2 * eps)
        np.testing.assert_allclose(norms[t], np.linalg.norm(jac), rtol=1e-5, atol=1e-10,
                                   err_msg=f"T={T} H={H} scale={scale} t={t}")
    assert norms[-1] == pytest.approx(math.sqrt(H), rel=1e-12)


def test_builder_outputs_params_and_bars():
    x, s0, W_in, W_s, b = random_case(3, 5, 2, 3)
    trace = build_rnn(x, W_in, W_s, b, s0, Context("rnn"), long_x=np.vstack([x, x, x, x]))
    np.testing.assert_allclose(trace.outputs["states"], column_form(x, s0, W_in, W_s, b), rtol=1e-12)
    np.testing.assert_allclose(trace.outputs["grad_norms"], bptt_grad_norms(x, s0, W_in, W_s, b), rtol=1e-12)
    bars = [b for s in trace.steps for b in iter_blocks(s.blocks) if isinstance(b, Bars)]
    np.testing.assert_allclose(bars[0].values, trace.outputs["grad_norms"], rtol=1e-12)
    assert len(bars[1].values) == 20
    text = " ".join(b.text for s in trace.steps for b in iter_blocks(s.blocks) if hasattr(b, "text"))
    assert "2×3 + 3×3 + 3 = 18" in text and "5 × 18 = 90" in text


def test_long_sequence_is_summarised():
    x, s0, W_in, W_s, b = random_case(8, 200, 2, 3)
    trace = build_rnn(x, W_in, W_s, b, s0, Context("rnn"))
    shown = [s for s in trace.steps if s.title.startswith("Time step")]
    assert [s.title for s in shown] == ["Time step t = 0", "Time step t = 1", "Time step t = 2",
                                        "Time step t = 199"]
    assert [s.skipped for s in trace.steps if s.skipped] == [196]
    full = build_rnn(x[:10], W_in, W_s, b, s0, Context("rnn", all_steps=True))
    assert sum(s.title.startswith("Time step") for s in full.steps) == 10


def test_cli_default_json_shapes(run):
    result = run("explain", "rnn", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    shapes = {k: np.array(v).shape for k, v in data["inputs"].items()}
    assert shapes == {"x": (4, 2), "W_in": (2, 3), "W_s": (3, 3), "b": (3,), "s0": (3,)}
    assert np.array(data["outputs"]["states"]).shape == (4, 3)
    assert np.array(data["outputs"]["grad_norms"]).shape == (4,)
    i = {k: np.array(v) for k, v in data["inputs"].items()}
    np.testing.assert_allclose(data["outputs"]["states"], column_form(i["x"], i["s0"], i["W_in"], i["W_s"], i["b"]),
                               rtol=1e-12)
    assert data["outputs"]["grad_norms"][-1] == pytest.approx(math.sqrt(3))
    assert run("explain", "rnn", "--json").stdout == result.stdout  # same seed, same numbers
    assert run("explain", "rnn", "--json", "--seed", "1").stdout != result.stdout


def test_cli_terminal_text(run):
    result = run("explain", "rnn", "--input", "1; 0", "--hidden", "2")
    assert result.code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "S_t = tanh(x_t·W_in + S_{t−1}·W_s + b)" in result.stdout
    assert "S_−1 ──W_s──▶ S_0 ──W_s──▶ S_1" in result.stdout
    assert "weight_ih_l0.T" in result.stdout
    data = run("explain", "rnn", "--input", "1 2 3; 4 5 6", "--json").json()
    assert data["params"]["steps"] == 2 and data["params"]["features"] == 3


@pytest.mark.parametrize("args,needle", [
    (["--input", "1 2; 3 4", "--features", "3"], "--features is 3"),
    (["--input", "1 2; 3 4", "--steps", "5"], "--steps is 5"),
    (["--input", "1 2; 3"], "row 2 has 1 number "),
    (["--steps", "0"], "--steps"),
    (["--hidden", "0"], "--hidden"),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "rnn", *args)
    assert result.code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_cli_export_and_long_run_bounded(run, tmp_path):
    path = tmp_path / "rnn.txt"
    assert run("explain", "rnn", "--export", str(path)).code == 0
    assert "Backpropagation through time" in path.read_text()
    result = run("explain", "rnn", "--steps", "500")
    assert result.code == 0
    assert "more computed the same way" in result.stdout
    assert "Time step t = 499" in result.stdout
    assert len(result.stdout.splitlines()) < 300


# --- the four patterns and the self-loop on numbers (--shapes) ----------------------------

def test_shapes_match_a_unit_by_unit_loop():
    from nncli.builders.rnn_shapes import shape_examples

    x, s0, W_in, W_s, b = random_case(4, 5, 2, 3)
    rng = np.random.default_rng(9)
    extra = {"W_out": rng.normal(size=(3, 1)), "W_in_dec": rng.normal(size=(1, 3)),
             "W_s_dec": rng.normal(size=(3, 3)), "b_dec": rng.normal(size=3)}
    ex = shape_examples(x, W_in, W_s, b, s0, extra)
    x3 = x[:3]
    y = lambda S: [sum(S[t][j] * extra["W_out"][j, 0] for j in range(3)) for t in range(len(S))]
    states = column_form(x3, s0, W_in, W_s, b)
    one = column_form(np.vstack([x3[:1], np.zeros((2, 2))]), s0, W_in, W_s, b)
    np.testing.assert_allclose(ex["n_to_n"], y(states), rtol=1e-12)
    np.testing.assert_allclose(ex["many_to_one"], y(states)[-1:], rtol=1e-12)
    np.testing.assert_allclose(ex["one_to_many"], y(one), rtol=1e-12)
    loop = column_form(x3, s0, W_in, np.diag(np.diag(W_s)), b)
    np.testing.assert_allclose(ex["self_loop_states"], loop, rtol=1e-12)
    # the decoder: starts from the encoder's last state, reads 0, then each previous output
    s, prev, outs = states[-1], 0.0, []
    for _ in range(4):
        s = np.array([math.tanh(prev * extra["W_in_dec"][0, j] + sum(s[k] * extra["W_s_dec"][k, j]
                                for k in range(3)) + extra["b_dec"][j]) for j in range(3)])
        prev = float(sum(s[j] * extra["W_out"][j, 0] for j in range(3)))
        outs.append(prev)
    np.testing.assert_allclose(ex["n_to_m"], outs, rtol=1e-12)


def test_cli_shapes_is_optional(run):
    plain = run("explain", "rnn", "--json").json()
    assert set(plain["outputs"]) == {"states", "grad_norms"}
    data = run("explain", "rnn", "--shapes", "--json").json()
    assert len(data["outputs"]["n_to_m"]) == 4 and len(data["outputs"]["many_to_one"]) == 1
    assert np.array(data["outputs"]["self_loop_states"]).shape == (3, 3)
    assert "--shapes works each" in run("explain", "rnn").stdout
