"""Error messages in the learner's language: every bad input of the explain commands exits 2
with exactly one line on stderr, never a traceback, in English by default and in Chinese with
NNCLI_LANG=zh, the locale or --lang zh (even when the error comes before --lang is parsed);
click's own usage errors included. Also the rest of the explain/topics side in Chinese: the
help summaries, the export note, and the topic table at 80 columns."""

import re
import subprocess
import sys

import pytest

from nncli.texts import Texts
from nncli.topics import TOPICS
from test_i18n import CJK, en_texts, english_runs, zh_texts

# (arguments, what the line must name: the bad token or value)
BAD_INPUTS = [
    (("explain", "conv", "--input", "1 2; 3 x"), '"x"'),
    (("explain", "conv", "--input", "1 2; 3"), "--input"),
    (("explain", "conv", "--input", "1 2;; 3 4"), "--input"),
    (("explain", "conv", "--kernel", "1 2 3 4 5 6"), "1×6"),
    (("explain", "conv", "--stride", "0"), "--stride"),
    (("explain", "conv", "--padding", "-1"), "-1"),
    (("explain", "pool", "--window", "0"), "--window"),
    (("explain", "pool", "--window", "5"), "--window 4"),
    (("explain", "pool", "--stride", "0"), "--stride"),
    (("explain", "conv", "--input", "nope.npy"), "nope.npy"),
    (("explain", "convv"), '"conv"'),
    (("explian",), '"explain"'),
    (("explain", "conv", "--paddin", "1"), "--padding"),
    (("explain", "transformer", "--heads", "3"), "--heads 3"),
    (("explain", "multihead", "--heads", "3"), "--heads 3"),
    (("explain", "gnn", "--edges", "0-x"), '"0-x"'),
    (("explain", "gnn", "--edges", "2-2"), '"2-2"'),
    (("explain", "gnn", "--edges", "0-5", "--nodes", "3"), "--nodes 3"),
    (("explain", "neuron", "--x", "1 2 3", "--w", "1 2"), "--w"),
    (("explain", "cnn", "--kernel", "1 2 3; 4 5 6"), "2×3"),
    (("explain", "rnn", "--input", "1 2; 3 4", "--steps", "5"), "--steps"),
    (("explain", "self-attention", "--words", "a b", "--tokens", "3"), "--tokens 3"),
    (("explain", "attention", "--input", "1 0; 0 1", "--query", "1 2 3"), "--query"),
    (("explain", "activation", "--input", "1 2; 3 4"), "--input"),
    (("explain", "transformer", "--words", "a,b,a"), '"a"'),
    (("explain", "conv", "--export", "trace.png"), "trace.png"),
    # click's own usage errors
    (("explain", "conv", "--dim", "3"), "3"),
    (("explain", "transformer", "--ff", "x"), "x"),
    (("explain", "rnn", "--scale", "20"), "20"),
    (("explain", "conv", "--input"), "--input"),
    (("explain", "conv", "--flip=1"), "--flip"),
    (("explain", "conv", "surplus"), "surplus"),
    (("explain", "conv", "--lang", "fr"), "fr"),
]
IDS = [" ".join(args) for args, _ in BAD_INPUTS]


def _one_line(result, args):
    what = " ".join(args)
    assert result.code == 2, f"{what}: exit {result.code}, stderr {result.stderr!r}"
    assert "Traceback" not in result.stderr, f"{what}: {result.stderr}"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, f"{what}: {len(lines)} lines on stderr: {result.stderr!r}"
    return lines[0]


def _learner_words(args):
    """The learner's own tokens (a topic name, a file name): not counted as English."""
    return frozenset(w for a in args for w in re.findall(r"[A-Za-z]+", a))


def assert_chinese_line(line, args):
    assert line.startswith("nncli：错误："), f"{' '.join(args)}: {line}"
    assert CJK.search(line[len("nncli：错误："):]), f"{' '.join(args)}: no Chinese: {line}"
    runs = english_runs(line, 3, _learner_words(args))
    assert not runs, f"{' '.join(args)}: English left in {line!r}: {runs}"


@pytest.mark.parametrize("args,needle", BAD_INPUTS, ids=IDS)
def test_bad_input_is_one_english_line_by_default(run, args, needle):
    line = _one_line(run(*args), args)
    assert line.startswith("nncli: error: "), line
    assert needle in line, f"{' '.join(args)}: {needle!r} not in {line!r}"
    assert not CJK.search(line), line


@pytest.mark.parametrize("args,needle", BAD_INPUTS, ids=IDS)
def test_bad_input_is_one_chinese_line_with_nncli_lang(run, monkeypatch, args, needle):
    monkeypatch.setenv("NNCLI_LANG", "zh")
    line = _one_line(run(*args), args)
    assert_chinese_line(line, args)
    assert needle in line, f"{' '.join(args)}: {needle!r} not in {line!r}"


@pytest.mark.parametrize("args", [
    ("explain", "conv", "--lang", "zh", "--input", "1 2; 3 x"),
    ("explain", "conv", "--stride", "0", "--lang", "zh"),  # fails before --lang is parsed
    ("explain", "conv", "--paddin", "1", "--lang=zh"),
    ("explain", "pool", "--lang", "zh", "--window", "0"),
])
def test_lang_zh_on_the_command_line_gives_a_chinese_error(run, args):
    assert_chinese_line(_one_line(run(*args), args), args)


def test_a_chinese_locale_gives_a_chinese_error_and_lang_en_overrides_it(run, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    args = ("explain", "conv", "--stride", "0")
    assert_chinese_line(_one_line(run(*args), args), args)
    line = _one_line(run(*args, "--lang", "en"), args)
    assert line.startswith("nncli: error: ") and not CJK.search(line), line


def test_the_chinese_check_catches_an_english_line(run, monkeypatch):
    """The checks above can fail: an English error line is not taken for Chinese."""
    args = ("explain", "conv", "--input", "1 2; 3 x")
    english = _one_line(run(*args), args)
    with pytest.raises(AssertionError):
        assert_chinese_line(english, args)
    monkeypatch.setenv("NNCLI_LANG", "zh")
    monkeypatch.setitem(zh_texts("errors"), "matrix.not_number",
                        "{option}：" + en_texts("errors")["matrix.not_number"])
    with pytest.raises(AssertionError, match="English left"):
        assert_chinese_line(_one_line(run(*args), args), args)


def test_every_chinese_error_text_is_chinese():
    problems = {}
    for key, template in zh_texts("errors").items():
        if key == "list.separator":
            continue
        if not CJK.search(template):
            problems[key] = "no Chinese"
        elif runs := english_runs(template):
            problems[key] = runs
    assert not problems, problems


def test_did_you_mean_is_in_the_language_asked_for():
    from nncli.errors import did_you_mean

    assert did_you_mean("convv", ["conv", "pool"], "en") == ' Did you mean "conv"?'
    assert did_you_mean("convv", ["conv", "pool"], "zh") == ' 你是不是想输入 "conv"？'
    assert did_you_mean("zzz", ["conv", "pool"], "zh") == ""


def test_find_topic_names_the_topic_and_suggests(monkeypatch):
    from nncli.errors import UsageProblem
    from nncli.topics import find_topic

    with pytest.raises(UsageProblem, match='unknown topic "lstn". Did you mean "lstm"'):
        find_topic("lstn")
    monkeypatch.setenv("NNCLI_LANG", "zh")
    with pytest.raises(UsageProblem) as caught:
        find_topic("lstn")
    assert caught.value.key == "topic.unknown.suggest"
    assert '"lstn"' in caught.value.message and '"lstm"' in caught.value.message
    assert CJK.search(caught.value.message)


def test_an_unexpected_error_is_one_line_with_code_70(run, monkeypatch):
    import nncli.builders.conv as conv

    def broken(*args, **kwargs):
        raise RuntimeError("the builder broke\non two lines")

    monkeypatch.setattr(conv, "build_conv2d", broken)
    result = run("explain", "conv")
    assert result.code == 70 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "nncli: error: internal error: RuntimeError: the builder broke on two lines"
        " (set NNCLI_DEBUG=1 for a traceback)"]
    monkeypatch.setenv("NNCLI_LANG", "zh")
    result = run("explain", "conv")
    lines = result.stderr.strip().splitlines()
    assert result.code == 70 and len(lines) == 1 and lines[0].startswith("nncli：错误：内部错误")


def test_explain_alone_shows_its_help_not_an_error(run):
    result = run("explain")
    assert result.code == 0 and result.stderr == ""
    assert "conv" in result.stdout and "gnn" in result.stdout


# --- the rest of the explain/topics side --------------------------------------------------

def test_export_note_is_in_chinese(run, monkeypatch, tmp_path):
    monkeypatch.setenv("NNCLI_LANG", "zh")
    path = tmp_path / "conv.txt"
    result = run("explain", "conv", "--export", str(path))
    assert result.code == 0 and path.is_file()
    assert result.stderr.strip() == zh_texts("cli")["export.saved"].format(path=path)


def _cells(text):
    from rich.cells import cell_len

    return cell_len(text)


def test_explain_help_lists_topic_summaries_in_chinese_within_80_columns(run, monkeypatch):
    monkeypatch.setenv("NNCLI_LANG", "zh")
    monkeypatch.setenv("COLUMNS", "80")
    result = run("explain", "--help")
    assert result.code == 0
    flat = re.sub(r"\s+", "", result.stdout)
    for topic in TOPICS:
        summary = re.sub(r"\s+", "", Texts(topic.module, "zh")("summary"))
        assert summary in flat, f"{topic.name}: the Chinese summary is not shown whole"
    assert zh_texts("cli")["command.explain"] in result.stdout
    wide = [line for line in result.stdout.splitlines() if _cells(line) > 80]
    assert not wide, wide


def test_nncli_help_in_chinese_stays_light():
    probe = ("import os, sys\nos.environ['NNCLI_LANG'] = 'zh'\nfrom nncli.cli import main\n"
             "sys.argv = ['nncli', '--help']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('LOADED', 'numpy' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=600).stdout
    assert zh_texts("cli")["command.topics"] in out
    assert zh_texts("cli")["help.nncli"] in out
    assert "LOADED False False" in out


def test_cli_summaries_in_english_match_the_fallback_table(run):
    from nncli.cli import SUMMARIES

    en = en_texts("cli")
    for name, summary in SUMMARIES.items():
        if f"command.{name}" in en:
            assert en[f"command.{name}"] == summary, name
    assert all(summary in run("--help").stdout for summary in SUMMARIES.values())


def _summary_column(table: str) -> list:
    """The summary cells of the topic table, one string per topic (wrapped lines joined)."""
    cells = []
    for line in table.splitlines():
        parts = line.split("│")
        if len(parts) != 6:
            continue
        if parts[1].strip():
            cells.append("")
        cells[-1] += parts[2].strip()
    return cells


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_topic_table_at_80_columns_shows_every_summary_whole(run, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("topics", "--lang", lang)
    assert result.code == 0
    wide = [line for line in result.stdout.splitlines() if _cells(line) > 80]
    assert not wide, wide
    shown = _summary_column(result.stdout)
    assert len(shown) == len(TOPICS)
    for topic, cell in zip(TOPICS, shown):
        summary = re.sub(r"\s+", "", Texts(topic.module, lang)("summary"))
        assert re.sub(r"\s+", "", cell) == summary, f"{topic.name}: {cell!r}"


def test_tests_run_in_english_whatever_the_machine_speaks():
    import os

    for variable in ("NNCLI_LANG", "LANG", "LC_ALL", "LC_MESSAGES"):
        assert variable not in os.environ, variable
