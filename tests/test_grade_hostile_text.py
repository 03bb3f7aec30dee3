"""Text from students is data, attacked for real: a class whose names, files, messages and
printed output hold lone surrogates, bytes that are not UTF-8, escape sequences, rich markup
and spreadsheet formulas is graded by `nncli grade`; every output is written for everyone,
and what it holds is each student's text made visible. `nncli check` on such a file too."""

import csv
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from nncli.resources import data_dir

NEURON = (data_dir("solutions") / "neuron.py").read_text(encoding="utf-8")

# raises an exception whose message holds a lone surrogate, prints escape sequences
SURROGATE = '''
print("\\x1b[2J\\x1b]0;pwned\\x07printed [bold red]All tests passed[/]\\r\\b")
def perceptron(x, w, b):
    raise ValueError("bad \\ud800 here \\x1b[31m")
def dense(x, W, b):
    raise ValueError("[bold green]All tests passed[/] \\udcff")
'''

FORMULA = "=1+2"
ESCAPE = "esc\x1b[2Jape"
MARKUP = "[bold red]All tests passed"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    submissions = root / "class"
    for name, source in (("surrogate", SURROGATE), (FORMULA, NEURON), (ESCAPE, NEURON),
                         (MARKUP, NEURON), ("bytes", NEURON)):
        (submissions / name).mkdir(parents=True)
        (submissions / name / "neuron.py").write_text(source, encoding="utf-8")
    # a file and a folder whose names hold a byte that is not UTF-8
    os.mkdir(os.fsencode(submissions / "bytes") + b"/notes\xff")
    with open(os.fsencode(submissions / "bytes") + b"/notes\xff/read me.txt", "w") as f:
        f.write("x\n")
    with open(os.fsencode(submissions / "bytes") + b"/neuron\xfe.py", "w") as f:
        f.write("x = 1\n")
    raw = os.fsencode(submissions) + b"/raw\xfename"
    os.mkdir(raw)
    with open(raw + b"/neuron.py", "w") as f:
        f.write(NEURON)
    out = root / "out"
    out.mkdir()
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200")
    for name in ("NNCLI_LANG",):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "nncli", "grade", str(submissions), "--out", str(out / "g.csv"),
         "--json", str(out / "g.json"), "--feedback", str(out / "fb"), "--seed", "3"],
        capture_output=True, env=env, timeout=300)
    return {"result": result, "out": out}


def _student(hostile, name):
    data = json.loads((hostile["out"] / "g.json").read_text(encoding="utf-8"))
    return next(s for s in data["students"] if s["student"] == name)


def test_everything_is_written_for_everyone(hostile):
    result = hostile["result"]
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = hostile["out"]
    rows = list(csv.DictReader((out / "g.csv").open(newline="", encoding="utf-8")))
    assert len(rows) == 6
    assert len(json.loads((out / "g.json").read_text(encoding="utf-8"))["students"]) == 6
    assert len(os.listdir(out / "fb")) == 6
    for path in [out / "g.csv", out / "g.json", *(out / "fb").iterdir()]:
        data = path.read_bytes()
        data.decode("utf-8")                                   # every output is UTF-8
        assert b"\x1b" not in data and b"\x07" not in data and b"\r\x08" not in data, path


def test_the_terminal_shows_escapes_and_markup_literally(hostile):
    stdout = hostile["result"].stdout
    stdout.decode("utf-8")
    assert b"\x1b" not in stdout and b"\x07" not in stdout
    text = stdout.decode("utf-8")
    assert "esc\\x1b[2Jape" in text
    assert "[bold red]All tests passed" in text           # shown, not interpreted
    assert "raw\\xfename" in text and "=1+2" in text


def test_messages_and_output_keep_the_student_text_visible(hostile):
    student = _student(hostile, "surrogate")
    tests = student["exercises"][1]["tests"]
    assert "bad \\ud800 here \\x1b[31m" in tests[0]["message"], tests[0]["message"]
    assert "[bold green]All tests passed[/] \\xff" in tests[1]["message"], tests[1]["message"]
    assert "\\x1b[2J\\x1b]0;pwned\\x07printed [bold red]All tests passed[/]\\r\\x08" in \
        tests[0]["output"], tests[0]["output"]
    feedback = (hostile["out"] / "fb" / "surrogate.txt").read_text(encoding="utf-8")
    assert "bad \\ud800 here \\x1b[31m" in feedback
    assert "[bold green]All tests passed[/] \\xff" in feedback


def test_names_are_visible_everywhere(hostile):
    out = hostile["out"]
    names = {s["student"] for s in json.loads((out / "g.json").read_text())["students"]}
    assert names == {"surrogate", FORMULA, "esc\\x1b[2Jape", MARKUP, "bytes", "raw\\xfename"}
    notes = " ".join(_student(hostile, "bytes")["notes"])
    assert "notes\\xff/read me.txt" in notes and "neuron\\xfe.py" in notes, notes
    feedback = sorted(p.name for p in (out / "fb").iterdir())
    assert all(name.isprintable() and name.endswith(".txt") for name in feedback), feedback


def test_a_formula_is_not_a_formula_in_the_csv(hostile):
    with (hostile["out"] / "g.csv").open(newline="", encoding="utf-8") as f:
        rows = {row[0]: row for row in csv.reader(f)}
    assert "'=1+2" in rows and "=1+2" not in rows
    assert rows["'=1+2"][2] == "3"                        # numbers stay numbers
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows.values()
               for cell in row)


# ---------------------------------------------------------------- nncli check on the same file

@pytest.fixture
def ws(tmp_path, monkeypatch):
    root = tmp_path / "ws"
    (root / ".nncli").mkdir(parents=True)
    (root / "neuron.py").write_text(SURROGATE, encoding="utf-8")
    monkeypatch.setenv("NNCLI_WORKSPACE", str(root))
    monkeypatch.chdir(tmp_path)
    return root


def test_check_shows_the_surrogate_file(run, ws):
    r = run("check", "neuron", "--seed", "1", "-v")
    assert r.code == 1, r.stderr
    assert "bad \\ud800 here \\x1b[31m" in r.stdout
    assert "[bold green]All tests passed[/] \\xff" in r.stdout
    assert "printed [bold red]All tests passed[/]\\r\\x08" in r.stdout
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout and "\r" not in r.stdout


def test_check_json_and_junit_of_the_surrogate_file(run, ws, tmp_path):
    r = run("check", "neuron", "--seed", "1", "--json", "--junit", str(tmp_path / "j.xml"))
    assert r.code == 1, r.stderr
    tests = r.json()["exercises"][0]["tests"]
    assert "bad \\ud800 here \\x1b[31m" in tests[0]["message"]
    assert "\\x1b[2J" in tests[0]["output"]
    root = ET.parse(tmp_path / "j.xml").getroot()
    failure = root.find(".//testcase/error")
    assert "bad \\ud800 here \\x1b[31m" in failure.get("message")
    assert "\\x1b]0;pwned\\x07" in root.find(".//system-out").text
