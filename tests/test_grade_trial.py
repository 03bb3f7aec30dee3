"""The teacher's trial: a class as students really hand it in (files named their own way,
a folder and a zip for one student, a syntax error) graded by `nncli grade`."""

import csv
import json
import os
import subprocess
import sys
import zipfile

import pytest

from nncli.catalogue import EXERCISES
from nncli.resources import data_dir

MAX = {e.name: e.max_points for e in EXERCISES}


def _solution(name):
    return (data_dir("solutions") / f"{name}.py").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("trial")
    root = tmp / "class"
    files = {
        "carol": {"carol smith/LSTM.py": _solution("lstm"), "rnn (1).py": _solution("rnn"),
                  "pool_carol.py": _solution("pool"), "neuron-v2.py": _solution("neuron")},
        "dave": {"CONV.py": _solution("conv"), "conv (1).py": _solution("conv")},
        "erin": {"neuron.py": "x = 1 \\ 2\n"},
        "alice": {"neuron.py": _solution("neuron")},
    }
    for student, entries in files.items():
        for name, text in entries.items():
            (root / student / name).parent.mkdir(parents=True, exist_ok=True)
            (root / student / name).write_text(text, encoding="utf-8")
    with zipfile.ZipFile(root / "alice.zip", "w") as archive:
        archive.writestr("neuron.py", "print('the zip')\n")
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    for name in ("NNCLI_LANG",):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "nncli", "grade", str(root), "--out", str(tmp / "g.csv"),
         "--json", str(tmp / "g.json"), "--seed", "2"],
        capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    students = {s["student"]: s for s in json.loads((tmp / "g.json").read_text())["students"]}
    rows = {r["student"]: r for r in csv.DictReader((tmp / "g.csv").open(newline=""))}
    return {"students": students, "rows": rows}


def test_files_named_as_students_do_are_graded_with_a_note(trial):
    carol = trial["students"]["carol"]
    scores = {e["name"]: e["score"] for e in carol["exercises"]}
    assert scores["lstm"] == MAX["lstm"] and scores["rnn"] == MAX["rnn"]
    assert scores["pool"] == MAX["pool"] and scores["neuron"] == MAX["neuron"]
    assert carol["note_keys"].count("matched") == 4
    assert "carol smith/LSTM.py graded as lstm.py" in carol["notes"]
    assert "rnn (1).py graded as rnn.py" in carol["notes"]


def test_two_candidates_are_named_and_none_graded(trial):
    dave = trial["students"]["dave"]
    assert dave["score"] == 0 and "ambiguous" in dave["note_keys"]
    note = next(n for n in dave["notes"] if n.startswith("conv.py not graded"))
    assert "CONV.py" in note and "conv (1).py" in note
    assert "no exercise files found" not in trial["rows"]["dave"]["notes"]


def test_a_folder_and_a_zip_are_one_student(trial):
    assert "alice.zip" not in trial["students"] and len(trial["students"]) == 4
    alice = trial["students"]["alice"]
    assert alice["score"] == MAX["neuron"]                 # the folder was graded
    assert "alice.zip left out: alice is graded for this student" in alice["notes"]


def test_notes_are_complete(trial):
    notes = trial["rows"]["erin"]["notes"]
    assert "unexpected character after line continuation character" in notes, notes
    assert "…" not in notes
