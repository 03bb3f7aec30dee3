"""The terminal view uses the width it has, never cuts a number, label or caption short,
pages a long view on a terminal, and never crashes on a stream that is not UTF-8."""

import os
import subprocess
import sys

import pytest

from nncli.exercise_files import solution_path


def matrix_rows(text):
    return [line for line in text.splitlines() if line.startswith("│")]


def test_narrow_terminal_keeps_token_labels_and_whole_numbers(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    result = run("explain", "self-attention", "--words", "the cat sat", "--dim", "8")
    assert result.code == 0
    rows = matrix_rows(result.stdout)
    for word in ("the", "cat", "sat"):
        assert any(f"│ {word} │" in row for row in rows), word
    assert not [row for row in rows if "…" in row]
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_wide_terminal_shows_more_columns_of_a_big_matrix(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    wide = run("explain", "conv", "--size", "30").stdout
    monkeypatch.setenv("COLUMNS", "80")
    narrow = run("explain", "conv", "--size", "30").stdout
    assert "showing 12×30 of 30×30" in wide
    assert "showing 12×30 of 30×30" not in narrow and "of 30×30" in narrow


def test_captions_and_long_step_titles_are_never_cut(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    result = run("explain", "conv", "--size", "30")
    flat = " ".join(result.stdout.split())
    assert "--json gives every value" in flat
    result = run("explain", "self-attention")
    assert "Queries, keys and values" in result.stdout
    assert not [line for line in result.stdout.splitlines() if line.rstrip().endswith("… ─")]


# --- the pager --------------------------------------------------------------------------

@pytest.fixture
def fake_pager(tmp_path, monkeypatch):
    """A pager command that saves what it is given; stdout counts as a terminal."""
    out = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(f"import sys\nopen({str(out)!r}, 'wb').write(sys.stdin.buffer.read())\n")
    monkeypatch.setenv("NNCLI_PAGER", f"{sys.executable} {script}")
    monkeypatch.setenv("LINES", "40")
    monkeypatch.setattr("nncli.console.stdout_is_terminal", lambda: True)
    return out


def test_a_long_view_on_a_terminal_goes_through_the_pager(run, fake_pager):
    result = run("explain", "lstm")
    assert result.code == 0 and result.stdout == ""
    paged = fake_pager.read_text(encoding="utf-8")
    assert paged.startswith("LSTM") and paged.count("\n") > 300


@pytest.mark.parametrize("args", [["lstm", "--no-pager"], ["lstm", "--json"], ["lstm", "--step"]])
def test_no_pager_with_no_pager_json_or_step(run, fake_pager, args):
    result = run("explain", *args)
    assert result.code == 0 and result.stdout.count("\n") >= 1
    assert not fake_pager.exists()


def test_no_pager_when_the_view_fits_or_stdout_is_a_pipe(run, fake_pager, monkeypatch):
    monkeypatch.setenv("LINES", "10000")
    assert run("explain", "lstm").stdout.startswith("LSTM") and not fake_pager.exists()
    monkeypatch.setenv("LINES", "40")
    monkeypatch.setattr("nncli.console.stdout_is_terminal", lambda: False)
    assert run("explain", "lstm").stdout.startswith("LSTM") and not fake_pager.exists()


def test_an_empty_pager_setting_turns_paging_off(run, fake_pager, monkeypatch):
    monkeypatch.setenv("NNCLI_PAGER", "")
    assert run("explain", "lstm").stdout.startswith("LSTM") and not fake_pager.exists()


# --- solution -----------------------------------------------------------------------------

def test_piped_solution_is_exactly_the_file_and_compiles(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NNCLI_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.setenv("COLUMNS", "40")  # narrower than the code: it must not be wrapped
    result = run("solution", "transformer", "--force")
    assert result.code == 0
    assert result.stdout == solution_path("transformer").read_text(encoding="utf-8")
    compile(result.stdout, "ref.py", "exec")
    assert "Reference solution" in result.stderr


# --- a stdout that is not UTF-8 -------------------------------------------------------------

@pytest.mark.parametrize("args", [["explain", "conv"], ["explain", "lstm", "--json"], ["topics"],
                                  ["hint", "conv"], ["check", "conv"]])
def test_a_cp1252_stdout_never_crashes(tmp_path, args):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "conv.py").write_text("def conv2d(x):\n    return x\n")
    env = dict(os.environ, PYTHONIOENCODING="cp1252", NO_COLOR="1", COLUMNS="80",
               NNCLI_WORKSPACE=str(workspace), NNCLI_LANG="en")
    done = subprocess.run([sys.executable, "-m", "nncli", *args], cwd=tmp_path, env=env,
                          capture_output=True)
    assert done.returncode in (0, 1), done.stderr.decode("cp1252", "replace")
    text = done.stdout.decode("cp1252")
    assert "\u2212" not in text and "Traceback" not in done.stderr.decode("cp1252", "replace")
    if args == ["explain", "conv"]:
        assert "= -3" in text  # the minus sign fell back to "-"
