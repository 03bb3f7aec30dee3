"""A gradebook that survives: every student's record is on disk as soon as they are graded
(Ctrl-C loses nothing), --resume grades only the others, --shard K/N splits a class that
`nncli grade merge` puts back together exactly as one run would have graded it."""

import csv
import json
import os
import signal
import subprocess
import sys
import hashlib
import time

import pytest

from nncli.grader.classroom import journal
from nncli.resources import data_dir

SOLVED = (data_dir("solutions") / "neuron.py").read_text(encoding="utf-8")
TEMPLATE = (data_dir("exercises") / "neuron.py").read_text(encoding="utf-8")


def _grade(*args, check=False):
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    for name in ("NNCLI_LANG", "LANG", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "nncli", "grade", *map(str, args)],
                            capture_output=True, text=True, env=env, timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def _class(root, students):
    for name, source in students.items():
        (root / name).mkdir(parents=True)
        (root / name / "neuron.py").write_text(source, encoding="utf-8")
    return root


def _without_timing(data):
    """The JSON of a run without what depends on the machine's speed."""
    for student in data["students"]:
        for exercise in student["exercises"]:
            exercise.pop("elapsed", None)
    return data


def _one_line_error(result, *words):
    assert result.returncode == 2, result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


# ---------------------------------------------------------------- the records file

def test_records_file_drops_a_line_cut_short_and_appends_after_it(tmp_path):
    path = tmp_path / "g.records.jsonl"
    run = journal.Journal.start(path, {"seed": 1})
    run.append({"student": "ann", "score": 1})
    run.close()
    with open(path, "ab") as f:
        f.write(b'{"student": "ben", "sco')              # the stop came mid-line
    stopped = journal.read(path)
    assert [r["student"] for r in stopped.records] == ["ann"] and not stopped.done
    run = journal.Journal.resume(path, stopped)
    run.append({"student": "ben", "score": 2})
    run.finish()
    again = journal.read(path)
    assert [r["student"] for r in again.records] == ["ann", "ben"] and again.done
    assert again.header["seed"] == 1


def test_records_file_damaged_in_the_middle_is_refused(tmp_path):
    path = tmp_path / "g.records.jsonl"
    run = journal.Journal.start(path, {"seed": 1})
    run.append({"student": "ann"})
    run.close()
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(lines[0] + b"\nnot json\n" + lines[1] + b"\n")
    with pytest.raises(journal.Damaged) as error:
        journal.read(path)
    assert error.value.line_number == 2


def test_records_path_is_beside_the_first_output(tmp_path):
    assert journal.path_for("out/g.csv", "x.json", None) == "out/g.records.jsonl"
    assert journal.path_for(None, "all.JSON", "fb") == "all.records.jsonl"
    assert journal.path_for(None, None, "fb/") == "fb.records.jsonl"
    assert journal.path_for(None, None, None) is None


# ---------------------------------------------------------------- Ctrl-C, then --resume

GATE = '''
import os, time
while not os.path.exists({gate!r}):       # held until the test opens the gate
    time.sleep(0.02)
'''


def test_ctrl_c_loses_nothing_and_resume_grades_the_others(tmp_path):
    gate = tmp_path / "gate"
    root = _class(tmp_path / "class", {"a_one": SOLVED, "b_two": TEMPLATE,
                                       "c_held": GATE.format(gate=str(gate)) + SOLVED})
    out = tmp_path / "out"
    out.mkdir()
    args = [root, "--out", out / "g.csv", "--json", out / "g.json", "--feedback", out / "fb",
            "--seed", 5, "--jobs", 1, "--timeout", 120, "--isolation", "off"]
    records = out / "g.records.jsonl"
    env = dict(os.environ, NO_COLOR="1")
    for name in ("NNCLI_LANG",):
        env.pop(name, None)
    process = subprocess.Popen([sys.executable, "-m", "nncli", "grade", *map(str, args)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env)
    try:
        while not (records.exists() and records.read_bytes().count(b"\n") >= 3):
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        # a_one and b_two are on disk; c_held waits for the gate: stop the run now
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=600)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stderr
    assert "--resume" in stderr and "2 students" in stderr, stderr
    stopped = journal.read(records)
    assert [r["student"] for r in stopped.records] == ["a_one", "b_two"] and not stopped.done
    assert not (out / "g.csv").exists()

    rerun = _grade(*args)                                  # without --resume: refused
    _one_line_error(rerun, "--resume", str(records))
    other = _grade(*[a if a != 120 else 60 for a in args], "--resume")
    _one_line_error(other, "--timeout", "120", "60")
    other = _grade(*[a if a != 5 else 6 for a in args], "--resume")
    _one_line_error(other, "--seed")

    gate.write_text("open")
    resumed = _grade(*args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "2 students already graded, 1 left" in resumed.stderr
    after = journal.read(records)
    assert [r["student"] for r in after.records] == ["a_one", "b_two", "c_held"] and after.done

    whole = tmp_path / "whole"
    whole.mkdir()
    _grade(root, "--out", whole / "g.csv", "--json", whole / "g.json", "--feedback",
           whole / "fb", "--seed", 5, "--jobs", 1, "--timeout", 120, "--isolation", "off",
           check=True)
    assert (out / "g.csv").read_bytes() == (whole / "g.csv").read_bytes()
    assert _without_timing(json.loads((out / "g.json").read_text())) == \
        _without_timing(json.loads((whole / "g.json").read_text()))
    for name in ("a_one.txt", "b_two.txt", "c_held.txt"):
        assert (out / "fb" / name).read_text() == (whole / "fb" / name).read_text()


def test_resume_needs_a_stopped_run_and_outputs(tmp_path):
    root = _class(tmp_path / "class", {"ann": SOLVED})
    _one_line_error(_grade(root, "--resume"), "--resume")
    _one_line_error(_grade(root, "--resume", "--out", tmp_path / "g.csv"), "Nothing to resume")


def test_a_finished_run_can_be_run_again(tmp_path):
    root = _class(tmp_path / "class", {"ann": SOLVED})
    _grade(root, "--out", tmp_path / "g.csv", "--seed", 1, check=True)
    _grade(root, "--out", tmp_path / "g.csv", "--seed", 2, check=True)
    assert journal.read(tmp_path / "g.records.jsonl").header["seed"] == 2
    again = _grade(root, "--out", tmp_path / "g.csv", "--resume", check=True)
    assert "1 student already graded, 0 left" in again.stderr


# ---------------------------------------------------------------- shards and merge

NAMES = ["ann", "ben", "carol", "dan", "eve", "fay", "gus", "hal", "ivy"]


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("shards")
    sources = [SOLVED, TEMPLATE, SOLVED.replace("return", "return 0 *", 1)]
    root = _class(tmp / "class", {n: sources[i % 3] for i, n in enumerate(NAMES)})
    (root / "=1+2").mkdir()
    (root / "=1+2" / "neuron.py").write_text(SOLVED)
    whole = _grade(root, "--out", tmp / "whole.csv", "--json", tmp / "whole.json", "--seed", 4)
    shards = [_grade(root, "--json", tmp / f"s{k}.json", "--seed", 4, "--shard", f"{k}/3")
              for k in (1, 2, 3)]
    merged = _grade("merge", tmp / "s3.json", tmp / "s1.json", tmp / "s2.json",
                    "--out", tmp / "merged.csv", "--json", tmp / "merged.json")
    return {"tmp": tmp, "whole": whole, "shards": shards, "merged": merged}


def _shard_of(name, count):
    """The shard of a student, computed here independently: SHA-256, first 8 bytes."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:16], 16) % count + 1


def test_every_shard_holds_its_stable_part(sharded):
    tmp = sharded["tmp"]
    for k, result in enumerate(sharded["shards"], start=1):
        assert result.returncode == 0, result.stderr
        students = [s["student"] for s in json.loads((tmp / f"s{k}.json").read_text())["students"]]
        expected = sorted(n for n in NAMES + ["=1+2"] if _shard_of(n, 3) == k)
        assert students == expected and students, (k, students)


def test_merged_shards_equal_one_run(sharded):
    tmp = sharded["tmp"]
    assert sharded["whole"].returncode == 0 and sharded["merged"].returncode == 0, \
        sharded["merged"].stderr
    assert "10 students merged from 3 files" in sharded["merged"].stdout
    assert (tmp / "merged.csv").read_bytes() == (tmp / "whole.csv").read_bytes()
    assert _without_timing(json.loads((tmp / "merged.json").read_text())) == \
        _without_timing(json.loads((tmp / "whole.json").read_text()))
    rows = list(csv.reader((tmp / "merged.csv").open(newline="")))
    assert len(rows) == 11 and rows[1][0] == "'=1+2"


def test_merge_refuses_shards_that_do_not_belong_together(sharded, tmp_path):
    tmp = sharded["tmp"]
    out = tmp_path / "m.csv"
    _one_line_error(_grade("merge", tmp / "s1.json", tmp / "s2.json", "--out", out),
                    "shard 3/3 is missing")
    _one_line_error(_grade("merge", tmp / "s1.json", tmp / "s1.json", tmp / "s2.json",
                           tmp / "s3.json", "--out", out), "given twice")
    for field, value in (("seed", 99), ("version", "0.0.1")):
        data = json.loads((tmp / "s2.json").read_text())
        data[field] = value
        (tmp_path / "odd.json").write_text(json.dumps(data))
        _one_line_error(_grade("merge", tmp / "s1.json", tmp_path / "odd.json", tmp / "s3.json",
                               "--out", out), field, str(value))
    (tmp_path / "bad.json").write_text("[1, 2]")
    _one_line_error(_grade("merge", tmp_path / "bad.json", "--out", out), "bad.json")
    _one_line_error(_grade("merge", tmp / "s1.json"), "--out")
    assert not out.exists()


def test_usage_errors_of_shard_and_out(tmp_path):
    root = _class(tmp_path / "class", {"ann": SOLVED})
    for shard in ("0/3", "4/3", "x", "1/0", "2"):
        _one_line_error(_grade(root, "--shard", shard), "--shard")
    _one_line_error(_grade(root, "--out", tmp_path / "grades.xlsx"), "--out", ".csv")
    _one_line_error(_grade("merge", tmp_path / "s.json", "--out", tmp_path / "m.txt"), ".csv")
    assert not (tmp_path / "grades.xlsx").exists()


def test_an_empty_shard_still_writes_its_part(tmp_path):
    root = _class(tmp_path / "class", {"ann": SOLVED})
    other = 3 - _shard_of("ann", 2)
    result = _grade(root, "--json", tmp_path / "s.json", "--shard", f"{other}/2", "--seed", 1)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "s.json").read_text())
    assert data["students"] == [] and data["shard"] == f"{other}/2"
