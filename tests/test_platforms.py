"""A platform without os.fork, resource, termios, fcntl and time.CLOCK_BOOTTIME (as Windows
is, and macOS in part), simulated in a subprocess: nncli's modules import, and `nncli check`
grades right through the spawn backend and still stops an endless loop."""

import json
import os
import shutil
import subprocess
import sys
import textwrap

from nncli.resources import data_dir

SIMULATE = textwrap.dedent("""
    import os, sys, time
    del os.fork
    for name in ("resource", "termios", "fcntl"):
        sys.modules[name] = None
    if hasattr(time, "CLOCK_BOOTTIME"):
        del time.CLOCK_BOOTTIME
""")


def _run(code, *args, cwd=None):
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    env.pop("NNCLI_LANG", None)
    return subprocess.run([sys.executable, "-c", SIMULATE + textwrap.dedent(code), *args],
                          capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


def test_every_module_imports_without_the_posix_only_modules():
    result = _run("""
        import importlib, pkgutil
        import nncli
        failed = []
        for info in pkgutil.walk_packages(nncli.__path__, "nncli."):
            try:
                importlib.import_module(info.name)
            except Exception as error:
                failed.append(f"{info.name}: {error!r}")
        print("FAILED", failed)
    """)
    assert "FAILED []" in result.stdout, result.stdout + result.stderr


CHECK = """
    from nncli.cli import main
    sys.argv = ["nncli"] + sys.argv[1:]
    main()
"""


def test_check_grades_the_solutions_right_without_fork(tmp_path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    for name in ("activations", "lstm", "attention"):
        shutil.copy(data_dir("solutions") / f"{name}.py", workspace)
    result = _run(CHECK, "check", "--workspace", str(workspace), "--seed", "3", "--json")
    data = json.loads(result.stdout)
    assert result.returncode == 0, result.stderr
    assert [e["name"] for e in data["exercises"]] == ["activations", "lstm", "attention"]
    assert all(t["status"] == "passed" for e in data["exercises"] for t in e["tests"])
    # the same verdicts as with the host (a wrong file is wrong there too)
    (workspace / "activations.py").write_text(
        "import numpy as np\ndef relu(x):\n    return np.abs(x)\n", encoding="utf-8")
    result = _run(CHECK, "check", "activations", "--workspace", str(workspace), "--json")
    tests = {t["name"]: t for t in json.loads(result.stdout)["exercises"][0]["tests"]}
    assert tests["relu"]["status"] == "failed" and tests["sigmoid"]["status"] == "error"


def test_check_stops_an_endless_loop_without_fork(tmp_path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "activations.py").write_text(
        "import os\nprint('PID', os.getpid(), flush=True)\n"
        "def relu(x):\n    while True:\n        pass\n", encoding="utf-8")
    result = _run(CHECK, "check", "activations", "--workspace", str(workspace), "--timeout",
                  "1", "--json")
    data = json.loads(result.stdout)
    message = data["exercises"][0]["tests"][0]["message"]
    assert "did not finish within 1 s" in message
    printed = data["exercises"][0]["tests"][0]["output"]
    pid = int(printed.split("PID", 1)[1].split()[0])
    assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z"
