"""The grader's invariant, attacked for real: learner code runs only where nothing of nncli's
ever was. A learner file looks for the reference maths and case code in sys.modules, for any
expected value among every object the garbage collector knows, walks up the call stack, and
reads the environment; it prints what it found, and the test reads that printed output
(through `nncli check --verbose`, `nncli grade --feedback`, and the sandbox directly)."""

import hashlib
import json
import os
import subprocess
import sys

import numpy as np

from nncli.catalogue import find_exercise
from nncli.grader import session

SEED = 11
SECRET = "teacher-token-7f3a"

SNOOP = '''
import gc, os, sys
import numpy as np

def _snoop():
    modules = sorted(m for m in sys.modules if m.startswith(("nncli", "solutions")))
    digests = set()
    for obj in gc.get_objects():
        if isinstance(obj, np.ndarray) and obj.dtype == np.float64:
            digests.add(__import__("hashlib").sha256(np.ascontiguousarray(obj).tobytes()).hexdigest())
        elif isinstance(obj, (list, tuple, dict)):
            for item in (obj.values() if isinstance(obj, dict) else obj):
                if isinstance(item, np.ndarray) and item.dtype == np.float64:
                    digests.add(__import__("hashlib").sha256(np.ascontiguousarray(item).tobytes()).hexdigest())
    frames, frame = [], sys._getframe()
    while frame is not None:
        frames.append(frame.f_code.co_filename)
        frame = frame.f_back
    secret = any("SECRET" in v or "teacher" in v for v in os.environ.values())
    print("SNOOP " + __import__("json").dumps({"modules": modules, "digests": sorted(digests),
          "frames": frames, "environ": sorted(os.environ), "secret": secret}))

_done = []

def relu(x):
    if not _done:
        _done.append(1)
        _snoop()
    return np.zeros_like(x)

def sigmoid(x):
    raise NotImplementedError

def tanh(x):
    raise NotImplementedError

def softmax(x, axis=-1):
    raise NotImplementedError
'''


def _expected_digests():
    """sha256 of every expected value of the activations cases of SEED that is not also an
    input (an input is handed to the learner, so finding it proves nothing)."""
    cases = session.make_cases(find_exercise("activations"), SEED)
    inputs = {hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()
              for c in cases for a in c.args if isinstance(a, np.ndarray)}
    found = set()
    for case in cases:
        kind, value = session.expected_value(case)
        for array in (value if isinstance(value, tuple) else (value,)):
            digest = hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()
            if digest not in inputs:
                found.add(digest)
    return found


def _snooped(text):
    for line in text.splitlines():
        if line.startswith("SNOOP "):
            return json.loads(line[6:])
    raise AssertionError("the learner's report is missing:\n" + text[-2000:])


def _input_digests():
    cases = session.make_cases(find_exercise("activations"), SEED)
    return {hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()
            for c in cases for a in c.args if isinstance(a, np.ndarray)}


def _assert_nothing_found(report):
    assert report["modules"] == [], report["modules"]
    # the search works (it finds the inputs it was handed) and finds no expected value
    assert set(report["digests"]) & _input_digests()
    assert not set(report["digests"]) & _expected_digests()
    assert not any("nncli" in f and "sandbox" not in f for f in report["frames"]), \
        report["frames"]
    assert not report["secret"] and "NNCLI_TEST_HOME" not in report["environ"]


def _env(tmp_path):
    env = dict(os.environ, TEACHER_SECRET=SECRET, NNCLI_TEST_HOME=str(tmp_path),
               NO_COLOR="1", COLUMNS="200")
    env.pop("NNCLI_LANG", None)
    return env


def test_a_checked_file_finds_nothing_of_nncli(tmp_path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "activations.py").write_text(SNOOP, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "nncli", "check", "activations", "--workspace", str(workspace),
         "--seed", str(SEED), "--json"], capture_output=True, text=True, env=_env(tmp_path))
    data = json.loads(result.stdout)
    output = "".join(t["output"] for e in data["exercises"] for t in e["tests"])
    _assert_nothing_found(_snooped(output))


def test_a_graded_file_finds_nothing_of_nncli(tmp_path):
    student = tmp_path / "class" / "mallory"
    student.mkdir(parents=True)
    (student / "activations.py").write_text(SNOOP, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "nncli", "grade", str(tmp_path / "class"), "--seed", str(SEED),
         "--json", str(tmp_path / "all.json")], capture_output=True, text=True,
        env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    record = data["students"][0]
    output = "".join(t["output"] for e in record["exercises"] for t in e["tests"])
    _assert_nothing_found(_snooped(output))


def test_the_expected_values_do_exist_in_nncli(tmp_path):
    """The attack would see them if they were there: nncli's own memory holds them."""
    import gc

    wanted = _expected_digests()
    assert wanted
    cases = session.make_cases(find_exercise("activations"), SEED)
    kept = [session.expected_value(c) for c in cases]
    seen = {hashlib.sha256(np.ascontiguousarray(o).tobytes()).hexdigest()
            for o in gc.get_objects() if isinstance(o, np.ndarray) and o.dtype == np.float64}
    seen |= {hashlib.sha256(np.ascontiguousarray(v).tobytes()).hexdigest()
             for _, value in kept for v in (value if isinstance(value, tuple) else (value,))}
    assert wanted <= seen
