"""`nncli exercise`, `hint`, `solution` and `progress` in tmp_path workspaces: files are never
overwritten, --reset keeps a backup, hints advance and are remembered, solutions are gated."""

import json

import pytest

from nncli.catalogue import EXERCISES, find_exercise
from nncli.exercise_files import solution_path, template_path, template_text
from nncli.state import State
from nncli.texts import Texts


def flat(text: str) -> str:
    """Text with every run of white space made one space (rich wraps long lines)."""
    return " ".join(text.split())


@pytest.fixture
def ws(tmp_path, monkeypatch):
    """A workspace chosen by $NNCLI_WORKSPACE, the current folder elsewhere."""
    root = tmp_path / "ws"
    monkeypatch.setenv("NNCLI_WORKSPACE", str(root))
    monkeypatch.chdir(tmp_path)
    return root


def test_exercise_writes_the_template_and_says_what_to_do(run, ws):
    r = run("exercise", "lstm")
    assert r.code == 0, r.stderr
    target = ws / "lstm.py"
    assert target.read_text(encoding="utf-8") == template_text("lstm")
    assert (ws / ".nncli").is_dir()
    assert str(ws) in r.stderr                       # the new workspace is announced
    assert "lstm_step(x_t, s_prev, c_prev, W, U, b)" in r.stdout
    assert "lstm_forward(x, s0, c0, W, U, b)" in r.stdout
    assert str(target) in r.stdout
    assert "nncli check lstm" in r.stdout
    assert flat(Texts("exercises")("lstm.task")) in flat(r.stdout)


def test_exercise_never_touches_an_existing_file(run, ws):
    assert run("exercise", "conv").code == 0
    mine = ws / "conv.py"
    mine.write_text("# my work\n")
    r = run("exercise", "conv")
    assert r.code == 0
    assert mine.read_text() == "# my work\n"
    assert "left as it is" in r.stdout


def test_reset_keeps_a_backup_and_writes_a_fresh_template(run, ws):
    run("exercise", "pool")
    mine = ws / "pool.py"
    mine.write_text("# attempt 1\n")
    r = run("exercise", "pool", "--reset")
    assert r.code == 0, r.stderr
    assert mine.read_text(encoding="utf-8") == template_text("pool")
    backups = list((ws / ".nncli" / "backups").iterdir())
    assert [b.read_text() for b in backups] == ["# attempt 1\n"]
    mine.write_text("# attempt 2\n")
    run("exercise", "pool", "--reset")
    kept = sorted(b.read_text() for b in (ws / ".nncli" / "backups").iterdir())
    assert kept == ["# attempt 1\n", "# attempt 2\n"]           # nothing ever deleted


def test_reset_of_a_missing_file_just_writes_it(run, ws):
    r = run("exercise", "gnn", "--reset")
    assert r.code == 0 and (ws / "gnn.py").is_file()
    assert not (ws / ".nncli" / "backups").exists()


def test_default_workspace_is_made_in_the_current_folder(run, tmp_path, monkeypatch):
    monkeypatch.delenv("NNCLI_WORKSPACE", raising=False)
    monkeypatch.chdir(tmp_path)
    r = run("exercise", "neuron")
    assert r.code == 0
    assert (tmp_path / "nncli-workspace" / "neuron.py").is_file()
    assert "nncli-workspace" in r.stderr
    # from inside it, the marker finds it again and the file is left alone
    monkeypatch.chdir(tmp_path / "nncli-workspace")
    assert "left as it is" in run("exercise", "neuron").stdout
    assert not (tmp_path / "nncli-workspace" / "nncli-workspace").exists()


def test_open_uses_the_editor(run, ws, tmp_path, monkeypatch):
    log = tmp_path / "edited"
    editor = tmp_path / "fake-editor"
    editor.write_text(f"#!/bin/sh\necho \"$1\" > {log}\n")
    editor.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    assert run("exercise", "rnn", "--open").code == 0
    assert log.read_text().strip() == str(ws / "rnn.py")
    monkeypatch.delenv("EDITOR")
    r = run("exercise", "rnn", "--open")
    assert r.code == 0 and "$EDITOR" in r.stderr


def test_unknown_exercise_exits_2_with_a_suggestion(run, ws):
    for command in (("exercise", "lstn"), ("hint", "lstn"), ("solution", "lstn"), ("check", "lstn")):
        r = run(*command)
        assert r.code == 2, command
        assert 'Did you mean "lstm"?' in r.stderr
        assert r.stderr.count("\n") == 1


def test_hints_come_one_at_a_time_and_are_remembered(run, ws):
    exercise = find_exercise("lstm")
    texts = Texts("exercises")
    hints = [texts(key) for key in exercise.hints]
    assert len(hints) >= 2
    for number, hint in enumerate(hints, start=1):
        r = run("hint", "lstm")
        assert r.code == 0
        assert f"Hint {number} of {len(hints)}" in r.stdout
        assert flat(hint) in flat(r.stdout)
        assert State.load(ws / ".nncli" / "state.json").hints_shown("lstm") == number
    r = run("hint", "lstm")
    assert all(flat(h) in flat(r.stdout) for h in hints)      # afterwards: all again
    # another exercise and another workspace keep their own count
    assert "Hint 1 of" in run("hint", "conv").stdout
    assert "Hint 1 of" in run("hint", "lstm", "--workspace", str(ws.parent / "other")).stdout


def test_hint_all(run, ws):
    exercise = find_exercise("gnn")
    r = run("hint", "gnn", "--all")
    assert r.code == 0
    assert r.stdout.count("Hint ") == len(exercise.hints)
    assert State.load(ws / ".nncli" / "state.json").hints_shown("gnn") == len(exercise.hints)


def test_solution_is_gated_until_the_exercise_passes(run, ws):
    run("exercise", "pool")
    r = run("solution", "pool")
    assert r.code == 1 and "--force" in r.stderr and r.stdout == ""
    r = run("solution", "pool", "--force")
    assert r.code == 0
    assert "warning" in r.stderr
    assert "def max_pool2d" in r.stdout
    state = State.load(ws / ".nncli" / "state.json")
    state.record_check("pool", "passed", 4, 4)
    state.save()
    r = run("solution", "pool")
    assert r.code == 0 and "warning" not in r.stderr
    assert r.stdout == solution_path("pool").read_text(encoding="utf-8")  # piped: the file itself


def test_progress_lists_the_curriculum_and_the_next_step(run, ws):
    r = run("progress")
    assert r.code == 0
    for exercise in EXERCISES:
        assert exercise.name in r.stdout
    assert f"nncli exercise {EXERCISES[0].name}" in r.stdout
    run("exercise", EXERCISES[0].name)
    state = State.load(ws / ".nncli" / "state.json")
    state.record_check(EXERCISES[0].name, "passed", EXERCISES[0].max_points, EXERCISES[0].max_points)
    state.save()
    r = run("progress")
    assert f"{EXERCISES[0].max_points}/{EXERCISES[0].max_points}" in r.stdout
    assert f"nncli exercise {EXERCISES[1].name}" in r.stdout
    assert f"1 of {len(EXERCISES)} exercises passed" in r.stdout


def test_a_corrupt_state_file_is_reported_and_set_aside(run, ws):
    run("exercise", "conv")
    (ws / ".nncli" / "state.json").write_text("{oops")
    r = run("hint", "conv")
    assert r.code == 0
    assert "could not be read" in r.stderr
    aside = [p for p in (ws / ".nncli").iterdir() if p.name.startswith("state.json.corrupt")]
    assert [p.read_text() for p in aside] == ["{oops"]
    assert json.loads((ws / ".nncli" / "state.json").read_text())["exercises"]["conv"]["hints_shown"] == 1
