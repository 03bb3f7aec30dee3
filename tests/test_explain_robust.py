"""`nncli explain` as a new user tries it: it never crashes (exit 70), every size has a bound
that says why, and --all-steps never runs away."""

import warnings

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.rnn import check_step
from nncli.explain import group
from nncli.explain.common import Size
from nncli.maths.rnn import rnn_forward
from nncli.topics import TOPICS

EXPLAINED = [t.name for t in TOPICS if t.explained]
NOT_SIZES = {"seed", "precision", "row"}  # whole-number options that are not sizes (--row: an index)


def commands():
    import click

    ctx = click.Context(group)
    return [(name, group.get_command(ctx, name)) for name in EXPLAINED]


# --- the rnn self-check ------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--steps", "50", "--hidden", "64"],
    ["--steps", "40", "--hidden", "64", "--seed", "1"],
    ["--steps", "200", "--hidden", "16", "--scale", "10"],
])
def test_long_chaotic_rnn_runs_and_its_states_are_the_maths_own(run, args):
    result = run("explain", "rnn", "--json", *args)
    assert result.code == 0, result.stderr
    data = result.json()
    x = np.array(data["inputs"]["x"])
    H = len(data["inputs"]["b"])
    states = rnn_forward(x[None], np.zeros((1, H)), np.array(data["inputs"]["W_in"]),
                         np.array(data["inputs"]["W_s"]), np.array(data["inputs"]["b"]))[0]
    assert np.array_equal(np.array(data["outputs"]["states"]), states), args


def test_the_step_check_still_catches_a_wrong_step():
    rng = np.random.default_rng(0)
    reference = np.tanh(rng.normal(size=8))
    magnitude = np.full(8, 3.0)
    check_step(reference + 1e-15, reference, magnitude, terms=10)  # rounding: accepted
    with pytest.raises(AssertionError):
        check_step(reference + 1e-6, reference, magnitude, terms=10)


# --- sizes and paths --------------------------------------------------------------------

def test_every_whole_number_option_of_every_topic_is_a_bounded_size():
    import click

    for name, command in commands():
        for param in command.params:
            if isinstance(param.type, click.types._NumberParamTypeBase) and param.type is not click.FLOAT \
                    and not isinstance(param.type, click.FloatRange) and param.name not in NOT_SIZES:
                assert isinstance(param.type, Size), f"{name} {param.opts[0]} has no bound that says why"


@pytest.mark.parametrize("topic", EXPLAINED)
def test_each_size_above_its_bound_is_a_one_line_error_that_says_why(run, topic):
    command = dict(commands())[topic]
    sizes = [p for p in command.params if isinstance(p.type, Size)]
    for param in sizes:
        most = param.type.max if param.type.max is not None else 10**9
        result = run("explain", topic, param.opts[0], str(most + 1))
        assert result.code == 2, (topic, param.opts[0], result.stderr)
        assert result.stderr.count("\n") == 1 and "since" in result.stderr, result.stderr
        assert result.stdout == ""


@pytest.mark.parametrize("args,needle", [
    (["conv", "--padding", "1000000"], "--padding 1000000 is too large: at most 318"),
    (["conv", "--stride", "10000000000000000000000"], "--stride"),
    (["conv", "--size", "700"], "at most 512"),
    (["conv", "--dim", "1", "--input", " ".join(["1"] * 2000)], "at most 1024"),
    (["pool", "--input", ";".join([" ".join(["1"] * 700)] * 2)], "at most 640"),
    (["conv", "--seed", "-1"], "--seed"),
    (["train", "--epochs", "20000", "--samples", "2000", "--hidden", "256"], "more than 400,000,000"),
    (["attention", "--input", "1 0; 0 1", "--query", ";".join(["1 0"] * 65)], "at most 64"),
    (["backprop", "--x", ";".join(["1 2"] * 65)], "at most 64"),
    (["loss", "--logits", " ".join(["1"] * 101)], "at most 100"),
    (["decoder", "--steps", "-1"], "at least 0"),
])
def test_sizes_beyond_reason_are_refused_in_one_line(run, args, needle):
    result = run("explain", *args)
    assert result.code == 2 and needle in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1


def test_export_to_a_missing_folder_fails_before_anything_is_shown(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("explain", "conv", "--export", "nodir/x.svg")
    assert result.code == 2 and result.stdout == ""
    assert 'the folder "nodir" does not exist' in result.stderr
    result = run("explain", "conv", "--export", str(tmp_path))
    assert result.code == 2 and result.stdout == ""
    result = run("explain", "conv", "--export", "ok.txt")
    assert result.code == 0 and (tmp_path / "ok.txt").read_text().startswith("2D convolution")


# --- --all-steps --------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["conv", "--size", "512"], ["pool", "--size", "64"],
                                  ["rnn", "--steps", "1000"]])
def test_all_steps_beyond_reading_is_refused_with_what_to_use_instead(run, args):
    result = run("explain", *args, "--all-steps")
    assert result.code == 2 and result.stdout == ""
    assert "--json" in result.stderr and "--export" in result.stderr
    assert result.stderr.count("\n") == 1


def test_all_steps_within_reach_shows_every_step(run):
    result = run("explain", "conv", "--size", "16", "--all-steps")
    assert result.code == 0
    assert "Output cell (13, 13)" in result.stdout and "more computed the same way" not in result.stdout


def test_drawing_a_matrix_formats_only_the_cells_shown():
    from rich.console import Console

    from nncli.render.matrix import MAX_COLS, MAX_ROWS, MatrixView
    from nncli.trace import Matrix

    ctx = Context("conv")
    calls = []
    formatter = ctx.n
    ctx.n = lambda v: calls.append(v) or formatter(v)
    view = MatrixView(Matrix("big", np.ones((3000, 3000))), ctx)
    Console(width=200, file=open("/dev/null", "w")).print(view)
    assert len(calls) <= MAX_ROWS * MAX_COLS


# --- input rules --------------------------------------------------------------------------

@pytest.mark.parametrize("args,needle", [
    (["conv", "--dim", "1", "--channels", "2"], "--channels has no effect with --dim 1"),
    (["conv", "--channels", "2", "--input", ""], "--input cannot be used with --channels"),
    (["loss", "--logits", "1 2; 3 4", "--batch", "3"], "--logits and --batch both set the input"),
    (["backprop", "--x", "1 2", "--inputs", "3"], "--x and --inputs both set the input"),
    (["backprop", "--lr", "nan"], "finite"),
    (["self-attention", "--trained", "--input", ""], "leave out --input"),
    (["multihead", "--trained", "--heads", "2"], "leave out --heads"),
    (["transformer", "--trained", "--words", "mat, sat cat the"], ""),
])
def test_the_new_options_follow_the_same_rules(run, args, needle):
    result = run("explain", *args)
    if not needle:  # the one rule for --words: spaces or commas
        assert result.code == 0, result.stderr
        return
    assert result.code == 2 and needle in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


@pytest.mark.parametrize("args,needle", [
    (["conv", "--bias", "nan"], "finite"),
    (["conv", "--bias", "1e309"], "finite"),
    (["neuron", "--b", "inf"], "finite"),
    (["conv", "--input", ""], "no numbers given"),
    (["activation", "--input", "  "], "no numbers given"),
    (["conv", "--dim", "1", "--padding", "2"], "--padding has no effect with --dim 1"),
    (["conv", "--dim", "1", "--flip"], "--flip has no effect with --dim 1"),
    (["conv", "--size", "4", "--input", "1 2; 3 4", "--kernel", "1"], "--size has no effect"),
    (["pool", "--size", "4", "--input", "1 2; 3 4"], "--input and --size both"),
    (["self-attention", "--words", "the,cat", "--tokens", "3"], "--words gives 2 words"),
])
def test_conflicting_or_unusable_options_are_usage_errors(run, args, needle):
    result = run("explain", *args)
    assert result.code == 2 and needle in result.stderr, result.stderr


def test_bias_accepts_a_true_minus_sign(run):
    result = run("explain", "conv", "--bias", "\u22122", "--json")
    assert result.code == 0 and result.json()["params"]["bias"] == -2


def test_a_seed_that_changes_nothing_gets_a_note(run):
    result = run("explain", "conv", "--seed", "5")
    assert result.code == 0 and "--seed changes nothing" in result.stderr
    result = run("explain", "conv", "--seed", "5", "--size", "4")
    assert result.code == 0 and result.stderr == ""


@pytest.mark.parametrize("words", ["the,cat,sat", "the cat sat", "the, cat, sat", " the  cat,sat "])
def test_words_split_on_spaces_or_commas_everywhere(run, words):
    result = run("explain", "self-attention", "--words", words, "--json")
    assert result.code == 0 and result.json()["params"]["tokens"] == 3
    result = run("explain", "transformer", "--words", words, "--json")
    assert result.code == 0 and result.json()["params"]["vocabulary"] == "the cat sat"


def test_huge_values_are_shown_right_and_no_numpy_warning_escapes(run):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = run("explain", "activation", "--input", "1e308 -1e308")
    assert result.code == 0 and result.stderr == ""
    assert not [w for w in caught if "nncli" in str(w.filename)], [str(w.message) for w in caught]
    assert "1e+308" in result.stdout and "\u2212\u221e" in result.stdout  # x − m overflows to −∞
    assert "0000000000" not in result.stdout  # never 309 digits


def test_a_complex_npy_is_a_one_line_error(run, tmp_path):
    path = tmp_path / "c.npy"
    np.save(path, np.array([1 + 2j, 3 - 1j]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = run("explain", "activation", "--input", str(path))
    assert result.code == 2 and "complex128" in result.stderr and result.stderr.count("\n") == 1
    assert not [w for w in caught if "nncli" in str(w.filename)]
