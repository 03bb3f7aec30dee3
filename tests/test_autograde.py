"""`nncli autograde`: every platform's results file in the shape the platform documents
(required keys, types, score arithmetic) for a full, a partial, an empty and a hostile
submission, with the same scores as `nncli check` on the same files and seed."""

import base64
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest

from nncli.catalogue import find_exercise
from nncli.resources import data_dir

SEED = 11
NAMES = ("lstm", "attention")
MAX = sum(find_exercise(n).max_points for n in NAMES)
FORMATS = ("gradescope", "prairielearn", "classroom", "junit", "json")


def nncli(*args, env=None, cwd=None):
    environ = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    for name in ("NNCLI_LANG", "LANG", "LC_ALL", "LC_MESSAGES"):
        environ.pop(name, None)
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "nncli", *map(str, args)], capture_output=True,
                          text=True, env=environ, cwd=cwd, timeout=300)


def autograde(submission, kind, out, *more, env=None):
    return nncli("autograde", submission, "--format", kind, "--out", out, "--seed", SEED,
                 "--exercises", ",".join(NAMES), *more, env=env)


HOSTILE = '''
import os, sys
# forge a full score in every results file this process could reach
for folder in (os.path.dirname(os.path.abspath(__file__)), os.getcwd(), "{results}"):
    for name in ("results.json", "out.json", "out.gradescope", "out.prairielearn"):
        try:
            with open(os.path.join(folder, name), "w") as f:
                f.write('{{"score": 999, "tests": []}}')
            print("WROTE", folder, name)
        except Exception as error:
            print("NOWRITE", folder, name, type(error).__name__)
print("x" * 2_000_000)
def lstm_step(*args):
    while True:
        pass
def lstm_forward(*args):
    sys.exit(0)
'''


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    root = tmp_path_factory.mktemp("submissions")
    solution = {n: (data_dir("solutions") / f"{n}.py").read_text() for n in NAMES}
    template = {n: (data_dir("exercises") / f"{n}.py").read_text() for n in NAMES}
    made = {}
    for kind, files in (("full", solution),
                        ("partial", {"lstm": solution["lstm"], "attention": template["attention"]}),
                        ("empty", {})):
        folder = root / kind / "work"
        folder.mkdir(parents=True)
        for name, text in files.items():
            (folder / f"{name}.py").write_text(text)
        made[kind] = folder
    # hostile: a zip with a path that leaves the folder, a file that forges results, loops
    # and floods, and a correct attention.py inside a nested folder in upper case
    hostile = root / "hostile"
    hostile.mkdir()
    archive = hostile / "work.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("../../evil.py", "print('escaped')")
        z.writestr("sub/lstm.py", HOSTILE.format(results=str(root / "hostile")))
        z.writestr("sub/deeper/attention.py", solution["attention"])
    made["hostile"] = archive
    return made


@pytest.fixture(scope="module")
def graded(submissions, tmp_path_factory):
    """{(submission kind, format): (completed process, output path)}."""
    out = tmp_path_factory.mktemp("results")
    done = {}
    for kind, path in submissions.items():
        for fmt in FORMATS:
            target = out / kind / f"out.{fmt}"
            target.parent.mkdir(exist_ok=True)
            extra = ("--timeout", "2") if kind == "hostile" else ()
            done[kind, fmt] = (autograde(path, fmt, target, *extra), target)
    return done


def check_json(folder):
    result = nncli("check", *[n for n in NAMES if (folder / f"{n}.py").is_file()], "--json",
                   "--seed", SEED, "--workspace", folder)
    assert result.returncode in (0, 1), result.stderr
    return {e["name"]: e for e in json.loads(result.stdout)["exercises"]}


def expected(kind, submissions):
    """{exercise: (score, {function: status})} as `nncli check` grades the same files."""
    if kind == "empty":
        return {}
    folder = submissions[kind]
    if kind == "hostile":                   # the files the zip holds, as a learner's folder
        folder = folder.parent / "unzipped"
        if not folder.exists():
            folder.mkdir()
            with zipfile.ZipFile(submissions[kind]) as z:
                for name in NAMES:
                    member = next(m for m in z.namelist() if m.endswith(f"/{name}.py"))
                    (folder / f"{name}.py").write_bytes(z.read(member))
    return {name: (e["score"], {t["name"]: t["status"] for t in e["tests"]})
            for name, e in check_json(folder).items()}


KINDS = ("full", "partial", "empty", "hostile")


@pytest.mark.parametrize("kind", KINDS)
def test_exit_zero_and_a_note_on_stderr(graded, kind):
    for fmt in FORMATS:
        result, target = graded[kind, fmt]
        assert result.returncode == 0, (fmt, result.stderr)
        assert "Traceback" not in result.stderr and target.is_file()


@pytest.mark.parametrize("kind", KINDS)
def test_gradescope_shape_and_scores(graded, submissions, kind):
    data = json.loads(graded[kind, "gradescope"][1].read_text())
    assert isinstance(data["score"], (int, float)) and isinstance(data["output"], str)
    tests = data["tests"]
    names = [f"{n}.{f.name}" for n in NAMES for f in find_exercise(n).functions]
    assert [t["name"] for t in tests] == names
    for test in tests:
        assert set(test) >= {"name", "score", "max_score", "status", "output", "visibility"}
        assert test["status"] in ("passed", "failed") and test["visibility"] == "visible"
        assert 0 <= test["score"] <= test["max_score"]
        assert (test["status"] == "passed") == (test["score"] == test["max_score"])
    assert data["score"] == sum(t["score"] for t in tests)
    assert sum(t["max_score"] for t in tests) == MAX
    want = expected(kind, submissions)
    for name in NAMES:
        mine = [t for t in tests if t["name"].startswith(name + ".")]
        score, statuses = want.get(name, (0, {}))
        assert sum(t["score"] for t in mine) == score, name
        for test in mine:
            function = test["name"].split(".", 1)[1]
            assert (test["status"] == "passed") == (statuses.get(function) == "passed")
    assert f"seed {SEED}" in data["output"]


@pytest.mark.parametrize("kind", KINDS)
def test_prairielearn_shape_and_scores(graded, submissions, kind):
    data = json.loads(graded[kind, "prairielearn"][1].read_text())
    want = expected(kind, submissions)
    if kind == "empty":     # nothing to grade: not gradable, no attempt used up
        assert data["gradable"] is False and data["format_errors"] and data["tests"] == []
        assert "lstm.py" in data["format_errors"][0]
        return
    assert data["gradable"] is True and isinstance(data["message"], str)
    assert isinstance(data["output"], str)
    points = sum(t["points"] for t in data["tests"])
    assert sum(t["max_points"] for t in data["tests"]) == MAX
    assert 0.0 <= data["score"] <= 1.0
    assert data["score"] == pytest.approx(points / MAX, abs=1e-12)
    assert points == sum(score for score, _ in want.values())
    for test in data["tests"]:
        assert set(test) >= {"name", "points", "max_points", "message", "output"}
        assert isinstance(test["message"], str) and isinstance(test["output"], str)


@pytest.mark.parametrize("kind", KINDS)
def test_classroom_payload_is_what_the_reporter_reads(graded, submissions, kind):
    text = graded[kind, "classroom"][1].read_text().strip()
    assert "\n" not in text                      # one line: it goes into $GITHUB_OUTPUT
    data = json.loads(base64.b64decode(text, validate=True).decode("utf-8"))
    assert data["version"] == 1 and data["max_score"] == MAX
    total = sum(t["score"] for t in data["tests"])   # what the reporter adds up
    for test in data["tests"]:
        assert set(test) >= {"name", "status", "score", "message"}
        assert test["status"] in ("pass", "fail", "error")
        assert isinstance(test["score"], int) and isinstance(test["message"], str)
    assert data["status"] == ("pass" if total == MAX else "fail")
    assert total == sum(score for score, _ in expected(kind, submissions).values())


@pytest.mark.parametrize("kind", KINDS)
def test_json_and_junit_are_as_check_writes_them(graded, submissions, kind):
    data = json.loads(graded[kind, "json"][1].read_text())
    assert set(data) == {"version", "seed", "exercises"} and data["seed"] == SEED
    want = expected(kind, submissions)
    assert {e["name"]: (e["score"], {t["name"]: t["status"] for t in e["tests"]})
            for e in data["exercises"]} == want
    root = ET.fromstring(graded[kind, "junit"][1].read_text())
    assert root.tag == "testsuites"
    assert [s.get("name") for s in root.findall("testsuite")] == list(want)
    failing = sum(1 for _, statuses in want.values() for s in statuses.values() if s != "passed")
    assert int(root.get("failures")) + int(root.get("errors")) == failing


def test_hostile_submission_did_not_forge_its_results(graded, submissions):
    data = json.loads(graded["hostile", "gradescope"][1].read_text())
    lstm = [t for t in data["tests"] if t["name"].startswith("lstm.")]
    assert sum(t["score"] for t in lstm) == 0
    attention = [t for t in data["tests"] if t["name"].startswith("attention.")]
    assert all(t["status"] == "passed" for t in attention)   # found in a nested folder
    assert data["score"] == find_exercise("attention").max_points
    assert "leaves the folder" in data["output"]              # the ../ entry was refused
    assert not (submissions["hostile"].parent.parent / "evil.py").exists()
    assert len(graded["hostile", "gradescope"][1].read_text()) < 200_000   # the flood is capped


def test_usage_errors_exit_2(tmp_path):
    (tmp_path / "s").mkdir()
    for args in (["nowhere", "--format", "json", "--out", tmp_path / "o"],
                 [tmp_path / "s", "--format", "csv", "--out", tmp_path / "o"],
                 [tmp_path / "s", "--format", "json", "--out", tmp_path / "no" / "o"],
                 [tmp_path / "s", "--format", "json", "--out", tmp_path / "o", "--exercises",
                  "lsmt"],
                 [tmp_path / "s", "--format", "json", "--out", tmp_path / "o", "--timeout", 0]):
        result = nncli("autograde", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


REFUSING = ("import sys\nfrom nncli.grader.sandbox import isolation\n"
            "isolation.probe = lambda plan: isolation.Unavailable('user', 'refused here')\n"
            "from nncli.cli import main\nmain(sys.argv[1:])\n")


def test_required_isolation_refused_writes_an_error_result_and_exits_1(submissions, tmp_path):
    """A kernel that refuses namespaces (simulated: the probe says so)."""
    out = tmp_path / "r.b64"
    environ = dict(os.environ, NO_COLOR="1")
    environ.pop("NNCLI_LANG", None)
    result = subprocess.run(
        [sys.executable, "-c", REFUSING, "autograde", str(submissions["full"]), "--format",
         "classroom", "--out", str(out), "--seed", str(SEED), "--exercises", ",".join(NAMES),
         "--isolation", "required"], capture_output=True, text=True, env=environ, timeout=300)
    assert result.returncode == 1 and "--isolation auto" in result.stderr
    data = json.loads(base64.b64decode(out.read_text()))
    assert data["status"] == "error" and sum(t["score"] for t in data["tests"]) == 0
    assert all(t["status"] == "error" and "refused here" in t["message"]
               for t in data["tests"])


def test_gradescope_visibility_and_chinese(submissions, tmp_path):
    out = tmp_path / "r.json"
    result = autograde(submissions["partial"], "gradescope", out, "--visibility", "hidden",
                       "--lang", "zh")
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["visibility"] == "hidden" and {t["visibility"] for t in data["tests"]} == {"hidden"}
    assert "得分" in data["output"] and "尚未开始" in data["output"]


def test_all_exercises_by_default_count_missing_files_as_zero(submissions, tmp_path):
    from nncli.catalogue import EXERCISES

    out = tmp_path / "r.json"
    result = nncli("autograde", submissions["full"], "--format", "gradescope", "--out", out,
                   "--seed", SEED)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert sum(t["max_score"] for t in data["tests"]) == sum(e.max_points for e in EXERCISES)
    assert data["score"] == MAX
    missing = [t for t in data["tests"] if t["name"].startswith("conv.")]
    assert missing and all(t["score"] == 0 and "conv.py" in t["output"] for t in missing)
