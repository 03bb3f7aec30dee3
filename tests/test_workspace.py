"""workspace.py finds the learner's folder by the four rules; state.py writes atomically and
survives a corrupt file."""

import json
import os

import pytest

from nncli.state import State
from nncli.workspace import DEFAULT_NAME, MARKER, locate, open_workspace


def test_option_wins_over_everything(tmp_path):
    (tmp_path / MARKER).mkdir()
    w = locate("mine", cwd=tmp_path, environ={"NNCLI_WORKSPACE": str(tmp_path / "env")})
    assert (w.root, w.how) == (tmp_path / "mine", "option")


def test_environment_variable_before_the_marker(tmp_path):
    (tmp_path / MARKER).mkdir()
    w = locate(None, cwd=tmp_path, environ={"NNCLI_WORKSPACE": str(tmp_path / "env")})
    assert (w.root, w.how) == (tmp_path / "env", "env")


def test_nearest_marked_folder_upwards(tmp_path):
    (tmp_path / MARKER).mkdir()
    (tmp_path / "a" / MARKER).mkdir(parents=True)
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    w = locate(None, cwd=deep, environ={})
    assert (w.root, w.how) == ((tmp_path / "a").resolve(), "marker")


def test_default_is_a_folder_in_the_current_one(tmp_path):
    w = locate(None, cwd=tmp_path, environ={})
    assert (w.root, w.how) == (tmp_path / DEFAULT_NAME, "default")
    assert not w.root.exists()
    assert w.exercise_file("conv") == tmp_path / DEFAULT_NAME / "conv.py"


def test_open_workspace_makes_it_and_says_where(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NNCLI_WORKSPACE", raising=False)
    w = open_workspace(None, create=True)
    assert w.marker.is_dir()
    assert str(w.root) in capsys.readouterr().err
    open_workspace(None, create=True)
    assert capsys.readouterr().err == ""          # said only once, when made


def test_open_workspace_refuses_a_file(tmp_path):
    from nncli.errors import UsageProblem

    (tmp_path / "f").write_text("x")
    with pytest.raises(UsageProblem):
        open_workspace(str(tmp_path / "f"), create=True)


def test_state_round_trip_and_atomic_write(tmp_path, monkeypatch):
    path = tmp_path / ".nncli" / "state.json"
    s = State.load(path)
    assert s.entry("conv") == {} and s.aside is None
    s.record_check("conv", "failed", 3, 6)
    s.set_hints_shown("conv", 2)
    s.save()
    again = State.load(path)
    assert again.entry("conv")["score"] == 3 and again.hints_shown("conv") == 2
    assert again.status("conv") == "failed" and not again.passed("conv")
    assert "checked_at" in again.entry("conv")

    # a crash while writing leaves the old file whole and no temporary behind
    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    again.record_check("conv", "passed", 6, 6)
    with pytest.raises(OSError):
        again.save()
    monkeypatch.undo()
    assert json.loads(path.read_text())["exercises"]["conv"]["status"] == "failed"
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]


def test_passed_is_remembered_after_a_later_failure(tmp_path):
    s = State.load(tmp_path / "state.json")
    s.record_check("pool", "passed", 4, 4)
    s.record_check("pool", "failed", 2, 4)
    assert s.passed("pool")


@pytest.mark.parametrize("content", ["{not json", '["a list"]', '{"exercises": {"conv": 3}}',
                                     '{"exercises": {"conv": {"status": "great"}}}'])
def test_corrupt_state_is_kept_aside_and_nncli_starts_afresh(tmp_path, content):
    path = tmp_path / "state.json"
    path.write_text(content)
    s = State.load(path)
    assert s.entry("conv") == {}
    assert s.aside is not None and s.aside.read_text() == content
    assert not path.exists()
    s.record_check("conv", "passed", 1, 1)
    s.save()
    assert State.load(path).passed("conv")
    assert s.aside.read_text() == content
