"""`nncli grade` on a class with honest students, broken submissions, cheaters and hostile
code (tests/submissions/). The class is graded once (module fixture); each test checks one
promise: cheaters get nothing from cheating (checked through what their own code printed),
nothing outside the sandbox changes, hostile code neither hangs nor crashes the run, and
every other student's grade is what it would be alone."""

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from nncli.catalogue import EXERCISES
from nncli.resources import data_dir

HERE = Path(__file__).parent / "submissions"
SOLUTIONS = data_dir("solutions")
MAX = {e.name: e.max_points for e in EXERCISES}
TOTAL = sum(MAX.values())
SEED = 7
TIMEOUT = 6


def _solution(name):
    return (SOLUTIONS / f"{name}.py").read_text(encoding="utf-8")


def _wrong_gate_order():
    """lstm.py reading the column blocks as i, f, o, g instead of i, f, g, o."""
    source = _solution("lstm")
    text = source.replace("np.tanh(a[:, 2 * H:3 * H])", "np.tanh(a[:, 3 * H:4 * H])", 1)
    text = text.replace("sigmoid(a[:, 3 * H:4 * H])", "sigmoid(a[:, 2 * H:3 * H])", 1)
    assert text.count("a[:, 2 * H:3 * H]") == 1 and text != source, \
        "the reference lstm changed: update this fixture"
    return text


def _hostile(name, **values):
    text = (HERE / f"{name}.py").read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", str(value))
    return text


def _zip(path, entries, links=()):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
        for name, target in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16)
            archive.writestr(info, target)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("grade")
    submissions = root / "class"
    submissions.mkdir()
    gradebook = root / "out" / "grades.csv"
    gradebook.parent.mkdir()
    gradebook.write_text("old gradebook\n")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.setblocking(False)
    port = listener.getsockname()[1]

    good = submissions / "good"
    good.mkdir()
    for exercise in EXERCISES:
        (good / f"{exercise.name}.py").write_text(_solution(exercise.name))
    partial = submissions / "partial"
    partial.mkdir()
    for name in ("activations", "conv", "rnn"):
        (partial / f"{name}.py").write_text(_solution(name))
    (partial / "lstm.py").write_text(_wrong_gate_order())
    (submissions / "empty").mkdir()
    _zip(submissions / "nested.zip", {
        "Export/carol/hw/lstm.py": _solution("lstm"),
        "Export/carol/hw/conv.py": _solution("conv"),
        "Export/carol/readme.md": "my homework",
        "__MACOSX/Export/._lstm.py": "junk",
    })
    (submissions / "broken.zip").write_bytes(b"PK\x03\x04 this is not really a zip" * 10)
    _zip(submissions / "slip.zip", {
        "../../slipped.py": "print('escaped')",
        "/tmp/nncli_absolute_slip.py": "print('escaped')",
        "ok/lstm.py": _solution("lstm"),
    }, links=[("ok/conv.py", str(SOLUTIONS / "conv.py"))])
    good_lstm = good / "lstm.py"
    planted = submissions / "planted.txt"
    students = {
        "importer": {"lstm": _hostile("importer")},
        "walker": {"lstm": _hostile("walker")},
        "peeker": {"lstm": _hostile("peeker", GOOD=good_lstm, SOLUTION=SOLUTIONS / "lstm.py")},
        "writer": {"lstm": _hostile("writer", GRADEBOOK=gradebook, GOOD=good_lstm,
                                    PLANTED=planted) + "\n" + _solution("lstm")},
        "network": {"lstm": _hostile("network", PORT=port)},
        "looper": {"lstm": _hostile("looper"), "conv": _solution("conv")},
        "forker": {"conv": _hostile("forker") + "\n" + _solution("conv"),
                   "pool": _solution("pool")},
        # graded beside "good" (names in order, two at a time): takes every process it can
        "gobbler": {"conv": _hostile("gobbler") + "\n" + _solution("conv")},
    }
    for student, files in students.items():
        folder = submissions / student
        folder.mkdir()
        for name, text in files.items():
            (folder / f"{name}.py").write_text(text)
    before = {p: p.read_bytes() for p in submissions.rglob("*") if p.is_file()}
    out_json, feedback = root / "out" / "grades.json", root / "out" / "feedback"
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    result = subprocess.run(
        [sys.executable, "-m", "nncli", "grade", str(submissions), "--out", str(gradebook),
         "--json", str(out_json), "--feedback", str(feedback), "--seed", str(SEED),
         "--timeout", str(TIMEOUT), "--jobs", "2"],
        capture_output=True, text=True, env=env, timeout=600)
    try:
        accepted = listener.accept()
        accepted[0].close()
        connected = True
    except BlockingIOError:
        connected = False
    listener.close()
    data = json.loads(out_json.read_text()) if out_json.exists() else None
    return {"result": result, "json": data, "root": root, "submissions": submissions,
            "gradebook": gradebook, "feedback": feedback, "before": before,
            "connected": connected, "planted": planted}


def _student(graded, name):
    return next(s for s in graded["json"]["students"] if s["student"] == name)


def _exercise(graded, student, name):
    return next(e for e in _student(graded, student)["exercises"] if e["name"] == name)


def _printed(graded, student, name="lstm"):
    exercise = _exercise(graded, student, name)
    return "".join(t["output"] for t in exercise["tests"][:1]) + exercise.get("problem", "")


def test_the_run_ends_well_and_isolated(graded):
    result = graded["result"]
    assert result.returncode == 0, result.stderr
    assert graded["json"]["isolation"]["enabled"] is True, result.stderr
    assert graded["json"]["seed"] == SEED
    assert all(s["seed"] == SEED for s in graded["json"]["students"])


def test_honest_students_get_their_grade(graded):
    assert _student(graded, "good")["score"] == TOTAL
    partial = _student(graded, "partial")
    scores = {e["name"]: e["score"] for e in partial["exercises"]}
    assert scores["lstm"] == 0 and _exercise(graded, "partial", "lstm")["status"] == "failed"
    assert scores["activations"] == MAX["activations"] and scores["conv"] == MAX["conv"]
    assert scores["rnn"] == MAX["rnn"]
    assert partial["score"] == MAX["activations"] + MAX["conv"] + MAX["rnn"]
    lstm_step = _exercise(graded, "partial", "lstm")["tests"][0]
    assert "gate" in lstm_step["message"].lower(), lstm_step["message"]
    assert _student(graded, "empty")["score"] == 0
    assert "no_files" in _student(graded, "empty")["note_keys"]


def test_zips_nested_broken_and_hostile(graded, tmp_path):
    nested = _student(graded, "nested")
    assert nested["score"] == MAX["lstm"] + MAX["conv"]
    assert _exercise(graded, "nested", "lstm")["file"] == "Export/carol/hw/lstm.py"
    assert any("readme.md" in n for n in nested["notes"]), nested["notes"]
    broken = _student(graded, "broken")
    assert broken["score"] == 0 and "zip_broken" in broken["note_keys"]
    slip = _student(graded, "slip")
    assert slip["score"] == MAX["lstm"]                     # the symlinked conv.py refused
    assert {"zip_traversal", "zip_absolute", "zip_symlink"} <= set(slip["note_keys"])
    root = graded["root"]
    for place in (root, root.parent, graded["submissions"], Path("/tmp")):
        assert not (place / "slipped.py").exists()
    assert not Path("/tmp/nncli_absolute_slip.py").exists()


def test_importing_nncli_gives_nothing(graded):
    printed = _printed(graded, "importer")
    assert "NOIMPORT" in printed and "CHEAT" not in printed, printed
    assert _exercise(graded, "importer", "lstm")["score"] == 0


def test_searching_the_disk_gives_nothing(graded):
    """Whether or not the walk finishes in time on this machine, it finds no lstm.py."""
    printed = _printed(graded, "walker")
    assert "FILE" not in printed and "CHEAT" not in printed, printed
    assert _exercise(graded, "walker", "lstm")["score"] == 0


def test_a_classmate_file_cannot_be_read(graded):
    printed = _printed(graded, "peeker")
    assert printed.count("NOREAD") == 4 and "READ " not in printed.replace("NOREAD", ""), printed
    assert _exercise(graded, "peeker", "lstm")["score"] == 0


def test_gradebook_and_classmates_cannot_be_touched(graded):
    printed = _printed(graded, "writer")
    assert "WROTE" not in printed and "old gradebook" not in printed, printed
    assert printed.count("NOWRITE") == 3 and "NOREAD" in printed, printed
    assert _exercise(graded, "writer", "lstm")["score"] == MAX["lstm"]  # its own work counts
    after = {p: p.read_bytes() for p in graded["submissions"].rglob("*") if p.is_file()}
    assert after == graded["before"]
    assert not graded["planted"].exists()
    rows = list(csv.DictReader(graded["gradebook"].open(newline="")))
    assert "hacked" not in graded["gradebook"].read_text()
    assert {r["student"] for r in rows} >= {"good", "writer"}


def test_no_network(graded):
    printed = _printed(graded, "network")
    assert "NOSOCK" in printed and "CONNECTED" not in printed, printed
    assert graded["connected"] is False


def test_a_student_holding_processes_starves_nobody_else(graded):
    """Limits are per student: the processes one student holds are counted in its own
    group, so its classmate graded at the same time loses nothing."""
    printed = _printed(graded, "gobbler", "conv")
    held = int(printed.split("HELD", 1)[1].split()[0])
    assert 0 < held < 100, printed
    assert _student(graded, "good")["score"] == TOTAL
    assert _exercise(graded, "gobbler", "conv")["score"] == MAX["conv"]


def test_hostile_code_neither_hangs_nor_crashes(graded):
    looper = _student(graded, "looper")
    assert _exercise(graded, "looper", "lstm")["status"] == "error"
    assert any("lstm" in n for n in looper["notes"]), looper["notes"]
    assert _exercise(graded, "looper", "conv")["score"] == MAX["conv"]
    forker = _student(graded, "forker")
    assert forker["score"] == MAX["conv"] + MAX["pool"], forker
    left = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm") as f:
                    if f.read().strip() == "nncli-bomb":
                        left.append(entry)
            except OSError:
                pass
    assert left == []


def test_gradebook_columns_and_rows(graded):
    with graded["gradebook"].open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["student", *(e.name for e in EXERCISES), "total", "max", "notes"]
    by_student = {row[0]: row for row in rows[1:]}
    assert len(by_student) == len(graded["json"]["students"])
    good = by_student["good"]
    assert [int(v) for v in good[1:-3]] == [MAX[e.name] for e in EXERCISES]
    assert int(good[-3]) == TOTAL and int(good[-2]) == TOTAL
    assert "planted" not in by_student and "out" not in by_student


def test_feedback_files(graded):
    folder = graded["feedback"]
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{s['student']}.txt" for s in graded["json"]["students"])
    partial = (folder / "partial.txt").read_text()
    assert "partial" in partial and f"seed {SEED}" in partial
    lstm_message = _exercise(graded, "partial", "lstm")["tests"][0]["message"].splitlines()[0]
    assert lstm_message[:40] in partial
    assert "nncli check lstm" in partial
