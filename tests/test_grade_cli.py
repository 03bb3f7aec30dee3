"""`nncli grade` as a command: usage errors, isolation reported honestly, languages, and the
reference maths kept out of every forked process."""

import csv
import json
import os
import subprocess
import sys

import pytest

from nncli.catalogue import EXERCISES
from nncli.resources import data_dir


def _grade(*args, env=None, cwd=None):
    environ = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    for name in ("NNCLI_LANG", "LANG", "LC_ALL", "LC_MESSAGES"):
        environ.pop(name, None)
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "nncli", "grade", *map(str, args)],
                          capture_output=True, text=True, env=environ, cwd=cwd, timeout=600)


@pytest.fixture
def small_class(tmp_path):
    root = tmp_path / "class"
    (root / "ann").mkdir(parents=True)
    (root / "ann" / "neuron.py").write_text((data_dir("solutions") / "neuron.py").read_text())
    (root / "ben").mkdir()
    (root / "ben" / "neuron.py").write_text((data_dir("exercises") / "neuron.py").read_text())
    return root


def test_unreadable_submissions_exit_2_one_line(tmp_path):
    result = _grade(tmp_path / "nowhere")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "nowhere" in result.stderr
    (tmp_path / "file.txt").write_text("x")
    result = _grade(tmp_path / "file.txt")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_output_folder_must_exist(small_class, tmp_path):
    result = _grade(small_class, "--out", tmp_path / "missing" / "g.csv")
    assert result.returncode == 2 and "missing" in result.stderr


def test_empty_class(tmp_path):
    (tmp_path / "c").mkdir()
    result = _grade(tmp_path / "c")
    assert result.returncode == 1 and "No submissions" in result.stderr


def test_grades_and_quiet_stderr(small_class, tmp_path):
    out = tmp_path / "g.csv"
    result = _grade(small_class, "--out", out, "--seed", 3)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""          # not a terminal: no progress bar, isolation works
    rows = {r["student"]: r for r in csv.DictReader(out.open(newline=""))}
    neuron = next(e for e in EXERCISES if e.name == "neuron")
    assert rows["ann"]["neuron"] == str(neuron.max_points)
    assert rows["ben"]["neuron"] == "0" and "neuron" in rows["ben"]["notes"]
    assert "ann" in result.stdout and "seed 3" in result.stdout


def test_isolation_off_is_said(small_class, tmp_path):
    result = _grade(small_class, "--json", tmp_path / "g.json", "--isolation", "off")
    assert result.returncode == 0, result.stderr
    assert "no isolation" in result.stderr and "--isolation off" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    data = json.loads((tmp_path / "g.json").read_text())
    assert data["isolation"]["enabled"] is False and "--isolation off" in data["isolation"]["missing"]


def _grade_refused(*args):
    """`nncli grade` on a system that refuses user namespaces (the probe says so)."""
    code = ("import sys\nfrom nncli.grader.sandbox import isolation\n"
            "isolation.probe = lambda plan: isolation.Unavailable('user', 'unshare refused')\n"
            "from nncli.cli import main\nmain(sys.argv[1:])\n")
    environ = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    for name in ("NNCLI_LANG",):
        environ.pop(name, None)
    return subprocess.run([sys.executable, "-c", code, "grade", *map(str, args)],
                          capture_output=True, text=True, env=environ, timeout=600)


def test_isolation_refused_auto_warns_and_required_stops(small_class, tmp_path):
    result = _grade_refused(small_class, "--json", tmp_path / "g.json", "--isolation", "auto")
    assert result.returncode == 0, result.stderr
    assert "no isolation" in result.stderr and "unshare refused" in result.stderr
    assert json.loads((tmp_path / "g.json").read_text())["isolation"]["enabled"] is False
    result = _grade_refused(small_class, "--json", tmp_path / "h.json", "--isolation", "required")
    assert result.returncode == 1 and "--isolation required" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "h.json").exists()


def test_chinese_feedback(small_class, tmp_path):
    result = _grade(small_class, "--feedback", tmp_path / "fb", "--lang", "zh", "--seed", 1)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "fb" / "ben.txt").read_text()
    assert "ben 的反馈" in text and "得分" in text
    assert "学生" in result.stdout


def test_probe_names_what_is_missing(tmp_path):
    """A kernel that refuses unshare: the probe says which namespace and why."""
    code = f"""
import ctypes, errno
from nncli.grader.sandbox import isolation
plan = isolation.make_plan([], {str(tmp_path)!r}, rootless=True)
class Refusing:
    def __getattr__(self, name):
        return getattr(real, name)
    def unshare(self, flags):
        ctypes.set_errno(errno.EPERM)
        return -1
real = plan.libc
plan.libc = Refusing()
failure = isolation.probe(plan)
print(failure.what, failure.detail)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "user unshare refused (EPERM)", result.stderr


def test_rootless_isolation_works_too(tmp_path):
    """The user-namespace way (nncli not root) on this kernel: a learner cannot read a file
    beside it, has no network and runs from its own copy."""
    if not os.path.exists("/proc/self/ns/user"):
        pytest.skip("no user namespaces")
    secret = tmp_path / "secret.txt"
    secret.write_text("answer")
    learner = tmp_path / "neuron.py"
    learner.write_text(f"""
import os, socket
try:
    open({str(secret)!r}).read(); print("READ")
except OSError: print("NOREAD")
try:
    socket.create_connection(("127.0.0.1", 9), timeout=1); print("NET")
except OSError: print("NONET")
print("AT", __file__, os.getcwd())
def perceptron(x, w, b): raise NotImplementedError
def dense(x, W, b): raise NotImplementedError
""")
    code = f"""
import os
from nncli.grader.sandbox import isolation, runner
os.mkdir({str(tmp_path / "root")!r})
plan = isolation.make_plan([{str(tmp_path)!r}], {str(tmp_path / "root")!r}, rootless=True)
if isolation.probe(plan) is not None:
    print("UNAVAILABLE")
else:
    host = runner.start_host()
    host.define("none", [])
    student = host.open_student(isolation=plan)
    run = student.start([runner.File({str(learner)!r}, "none", [])])[0].wait()
    print(run.stdout, run.load_error)
    student.end()
    host.close()
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=600)
    if "UNAVAILABLE" in result.stdout:
        pytest.skip("user namespaces refused here")
    assert "NOREAD" in result.stdout and "NONET" in result.stdout, result.stdout + result.stderr
    assert "AT /student/neuron.py /student" in result.stdout


def test_outside_linux_grading_needs_isolation_off(tmp_path):
    """On a system without namespaces, auto and required refuse (exit 2) and name the way
    out; --isolation off grades."""
    (tmp_path / "class" / "ann").mkdir(parents=True)
    (tmp_path / "class" / "ann" / "relu.py").write_text("x = 1\n")
    code = ("import sys\nsys.platform = 'darwin'\nfrom nncli.cli import main\n"
            "main(sys.argv[1:])\n")
    env = dict(os.environ, NO_COLOR="1")
    env.pop("NNCLI_LANG", None)
    for mode in ("auto", "required"):
        result = subprocess.run([sys.executable, "-c", code, "grade", str(tmp_path / "class"),
                                 "--isolation", mode], capture_output=True, text=True, env=env)
        assert result.returncode == 2, result.stderr
        assert "needs Linux" in result.stderr and "--isolation off" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    result = subprocess.run([sys.executable, "-c", code, "grade", str(tmp_path / "class"),
                             "--isolation", "off"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
