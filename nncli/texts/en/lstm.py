"""English texts of the `lstm` topic."""

TEXTS = {
    "summary": "Long short-term memory: the forget, input and output gates with their numbers, and why its memory lasts.",
    "title": "LSTM: {t} time {t:step|steps}, {d} input {d:feature|features}, {h} hidden {h:unit|units}",
    "first.cols": "{label}, first {k} of {n} {n:column|columns}",
    # setup
    "setup.title": "Two memories and four gates",
    "setup.text": (
        "A plain RNN has one memory, the state s, rewritten at every step: a short-term "
        "memory. The LSTM adds a second one, the cell c, like a diary kept from day to day. "
        "At each step three gates decide, from today's input x_t and yesterday's state "
        "{prev}, what to erase from the diary (forget gate f), what to write into it "
        "(input gate i, writing the candidate g), and what to read out of it into the new "
        "state (output gate o). ⊙ multiplies entry by entry:"
    ),
    "setup.eq.i": "input gate (pencil)",
    "setup.eq.f": "forget gate (eraser)",
    "setup.eq.g": "candidate",
    "setup.eq.o": "output gate",
    "setup.sigma": (
        "σ (sigmoid) gives numbers between 0 and 1, so each gate entry is a fraction: 0 "
        "shuts, 1 lets everything through. The candidate uses tanh, between −1 and 1: a "
        "summary of what happened today, to be written into the diary."
    ),
    "setup.x": "x, one row per time step",
    "setup.packed": (
        "The weights of the four gates are packed side by side: W is {d}×{h4}, U is {h}×{h4} "
        "and b has {h4} {h4:entry|entries}, in column blocks of {h} in PyTorch's order i, f, g, o. One "
        "product a = x_t·W + s_{{t−1}}·U + b then computes all four pre-activations at once."
    ),
    "setup.torch": (
        "torch.nn.LSTM stores them in column form, one block of rows per gate in the same "
        "order: weight_ih_l0 is {h4}×{d} and weight_hh_l0 is {h4}×{h}. So W = weight_ih_l0.T, "
        "U = weight_hh_l0.T, and b = bias_ih_l0 + bias_hh_l0 (PyTorch keeps two biases; only "
        "their sum matters). Sliced by gate:"
    ),
    "setup.start": "The state and the cell start at s_−1 = {s0} and c_−1 = {c0}.",
    "setup.forget_bias": (
        "In this example 1 was added to the forget gate's bias b_f, as Jozefowicz et al. "
        "(2015) recommend: f starts near σ(1) ≈ 0.73 instead of 0.5, so the diary keeps most "
        "of itself until training says otherwise. Try --forget-bias 0 and compare the "
        "gradients at the end."
    ),
    "setup.forget_bias.other": (
        "In this example {fb} was added to the forget gate's bias b_f (--forget-bias; "
        "Jozefowicz et al., 2015, recommend 1). A larger bias opens the forget gate wider, so "
        "the diary keeps more of itself; compare the gradients at the end with other values."
    ),
    # one time step
    "step.title": "Time step t = {t}",
    "step.text": "The input x_{t} = {x} comes in; the state is {sp} = {s} and the cell {cp} = {c}.",
    "step.a": (
        "All four pre-activations at once, a = x_t·W + {sp}·U + b, cut into its four blocks, "
        "one row per gate:"
    ),
    "step.a.label": "a, one row per gate",
    "step.a.entry": (
        "For example the first entry of each block: x_t times the column of W, plus {sp} "
        "times the column of U, plus the bias."
    ),
    "step.bars": "gates (0 = shut, 1 = open)",
    "step.gates": (
        "The forget gate is the eraser: f[j] is the fraction of diary entry j that survives "
        "until tomorrow. The input gate is the pencil: i[j] is how much of the candidate g[j] "
        "is written in. The output gate o[j] is how much of the entry is read out into the "
        "state."
    ),
    "step.cell": (
        "The new cell: keep the fraction f of the old one, then add the fraction i of the "
        "candidate. Entry by entry, c_{t}[j] = f[j]×{cp}[j] + i[j]×g[j]:"
    ),
    "step.state": "The new state reads the cell through tanh and the output gate, s_{t}[j] = o[j]×tanh(c_{t}[j]):",
    "step.more_units": "The first {shown} of the {h} {h:entry|entries} are written out; the others are computed the same way.",
    "more.title": "More time steps",
    "result.title": "The two memories over time",
    "result.text": (
        "{t} {t:step|steps}, {h} {h:entry|entries} each. The cell c is not squashed at every step, so it can "
        "hold a value for a long time (and grow beyond ±1); the state s = o⊙tanh(c) is what "
        "the rest of the network sees."
    ),
    "result.states": "states s",
    "result.cells": "cells c",
    "result.forget": "forget gate f",
    # gradients
    "grad.title": "Why the cell's memory lasts: gradients along the cell path",
    "grad.text": (
        "Going back one step along the cell, c_t = f⊙{prev} + i⊙g gives, with the gates "
        "held fixed, a diagonal Jacobian: just the forget gate. No weight matrix and no tanh′ "
        "in between, as there are in a plain RNN (diag(1 − S²)·W_sᵀ at every step)."
    ),
    "grad.compare": (
        "Below, over {t} {t:step|steps}: the norm of ∂c_{{T−1}}/∂c_t along the cell path, and for "
        "comparison a plain RNN made of the candidate's weights (W_g, U_g, b_g) reading the "
        "same inputs, ‖∂S_{{T−1}}/∂S_t‖ as in nncli explain rnn. Both end at √H."
    ),
    "bptt.not_drawn": "Steps t = 0 … {last} are not drawn (--all-steps draws them); their norms are at most {most}.",
    "grad.bars.cell": "LSTM cell path ‖∂{last}/∂c_t‖",
    "grad.bars.rnn": "plain RNN ‖∂{last}/∂S_t‖",
    "grad.numbers": (
        "{back} {back:step|steps} back (t = {t}), starting from √H = {root}: the cell path still has "
        "{cell}, the plain RNN {rnn}."
    ),
    "grad.why": (
        "The cell path shrinks only by the forget gate, and the network controls it: for an "
        "entry worth remembering it learns f ≈ 1, and then that entry and its gradient pass "
        "through step after step almost unchanged. A plain RNN cannot do that: its factor "
        "mixes every entry through W_s and is squashed by tanh′ at every step. (The full "
        "LSTM gradient also flows through the gates and the state; the cell path is the one "
        "that can stay open.)"
    ),
}
