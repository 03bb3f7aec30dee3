"""Sentences that state a trend, a sign or a comparison are chosen from their numbers:
each is checked against the numbers, on the inputs where it once was false and on random
ones, so that a claim worded without its numbers fails here."""

import numpy as np
import pytest

from nncli.builders.activation import build_activation
from nncli.builders.context import Context
from nncli.builders.gnn import adjacency, build_gnn, random_graph
from nncli.builders.rnn import build_rnn
from nncli.explain.rnn import longer_sequence, random_weights, read_sequence
from nncli.maths.gnn import normalize_adjacency
from nncli.maths.rnn import bptt_grad_norms


def step_text(trace, title_start):
    step = next(s for s in trace.steps if s.title.startswith(title_start))
    return " ".join(b.text for b in step.blocks if hasattr(b, "text"))


def rnn_as_the_cli_builds_it(seed, scale, steps=4, hidden=3):
    x = read_sequence(None, steps, None, seed)
    D = x.shape[1]
    W_in = random_weights(seed + 1, (D, hidden), 0.8)
    W_s = random_weights(seed + 2, (hidden, hidden), 0.6) * scale
    b = random_weights(seed + 3, (hidden,), 0.2)
    s0 = np.zeros(hidden)
    long_x = longer_sequence(x, seed)
    trace = build_rnn(x, W_in, W_s, b, s0, Context("rnn"), long_x=long_x)
    return trace, bptt_grad_norms(long_x, s0, W_in, W_s, b)


CASES = [(2, 1.3), (0, 3.0), (0, 1.0)] + [(int(s), float(k)) for s, k in zip(
    np.random.default_rng(11).integers(0, 1000, 12), np.random.default_rng(12).uniform(0.2, 4, 12))]


@pytest.mark.parametrize("seed,scale", CASES)
def test_rnn_gradient_sentences_follow_the_norms(seed, scale):
    trace, long_norms = rnn_as_the_cli_builds_it(seed, scale)
    norms = trace.outputs["grad_norms"]
    short = step_text(trace, "Backpropagation through time")
    assert ("has grown" in short) == (norms[0] > norms[-1]), (seed, scale, norms)
    assert ("has fallen" in short) == (norms[0] < 0.1 * norms[-1]), (seed, scale, norms)
    long = step_text(trace, "The same weights")
    root = np.sqrt(3)
    assert ("fade is plain" in long) == (long_norms[0] < 0.1 * root), (seed, scale, long_norms[0])
    assert ("grows on the way back" in long) == (long_norms[0] > root), (seed, scale, long_norms[0])
    assert ("struggles with dependencies" in long) == (long_norms[-11] < 0.1 * root)
    assert ("has grown, not faded" in long) == (long_norms[-11] > root)


def test_rnn_cases_of_the_issue_cover_both_directions():
    grow, _ = rnn_as_the_cli_builds_it(2, 1.3)
    assert "grows on the way back: at t = 0 it is 4.371" in step_text(grow, "The same weights")
    assert "fade is plain" not in step_text(grow, "The same weights")
    three, _ = rnn_as_the_cli_builds_it(0, 3.0)
    assert "blows up" not in " ".join(step_text(three, t) for t in ("Backpropagation", "The same"))


@pytest.mark.parametrize("values,slope", [("-6 1", "ReLU′(−6) = 0"), ("6 -1", "ReLU′(6) = 1"),
                                          ("0 0", "ReLU′(0) = 0"), ("-0.5 0.25", "ReLU′(−0.5) = 0")])
def test_activation_saturation_uses_the_learners_signed_value(values, slope):
    x = np.array([float(v) for v in values.split()])
    text = step_text(build_activation(x, Context("activation")), "Saturation")
    assert slope in text
    assert ("passes no gradient" in text) == (x[np.argmax(np.abs(x))] <= 0)


@pytest.mark.parametrize("edges,V", [([(0, 1), (1, 2), (2, 0)], 3), ([(0, 1), (1, 2), (2, 3), (3, 0)], 4),
                                     ([(0, 1), (1, 2)], 3), ([(0, 1), (0, 2), (0, 3)], 4),
                                     (random_graph(5, 9), 9)])
def test_gnn_says_average_only_when_rows_sum_to_one(edges, V):
    A = adjacency(edges, V)
    X = np.ones((V, 2))
    trace = build_gnn(A, X, np.eye(2), Context("gnn"))
    text = step_text(trace, "Normalise")
    sums = normalize_adjacency(A).sum(axis=1)
    regular = np.allclose(sums, 1.0)
    assert ("Here every row of Â adds up to 1" in text) == regular
    assert ("its rows add up to" in text) == (not regular)
    if not regular:
        assert f"{sums.min():.3f}".rstrip("0").rstrip(".") in text.replace("−", "-")


def test_lstm_forget_bias_default_is_the_cited_one(run):
    data = run("explain", "lstm", "--json").json()
    assert data["params"]["forget_bias"] == 1
    shown = run("explain", "lstm").stdout
    assert "1 was added to the forget gate's bias" in shown and "Jozefowicz" in shown
    other = run("explain", "lstm", "--forget-bias", "2").stdout
    assert "2 was added" in other and "recommend 1" in other
