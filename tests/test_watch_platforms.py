"""`nncli watch` where there is no os.fork, termios or fcntl (as on Windows), simulated in a
subprocess whose checks inherit the simulation (a sitecustomize on PYTHONPATH): a save is
checked again and recorded, a newer save cancels a running check and its learner, and the
watching process never holds the grader's cases or maths. Then the Windows console's keys
(nncli/watch/tty_windows.py) through a stand-in for msvcrt."""

import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
import types

import pytest
from test_watch_app import _gone

from nncli.exercise_files import solution_path, template_path

SIMULATE = textwrap.dedent("""
    import os, sys, time
    if hasattr(os, "fork"):
        del os.fork
    for name in ("resource", "termios", "fcntl"):
        sys.modules[name] = None
    if hasattr(time, "CLOCK_BOOTTIME"):
        del time.CLOCK_BOOTTIME
""")

DRIVE = textwrap.dedent("""
    import json, os, re, shutil, sys, time

    from nncli.catalogue import find_exercise
    from nncli.watch.app import WatchApp
    from nncli.workspace import Workspace

    ANSI = re.compile(r"\\x1b\\[[0-9;?]*[a-zA-Z]")


    class PolledTerminal:
        '''No descriptor to select() on: keys are polled, as on Windows.'''

        def __init__(self):
            self.pending, self.frames, self.resized = "", [], False

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def size(self):
            return (100, 40)

        def draw(self, lines):
            self.frames.append("\\n".join(ANSI.sub("", line) for line in lines))

        def wait(self, timeout, others=()):
            assert not others, "no file-system events were asked for"
            time.sleep(timeout)
            return bool(self.pending), []

        def keys(self):
            keys, self.pending = self.pending, ""
            return keys


    def step_until(app, wanted, seconds=120.0):
        end = time.monotonic() + seconds   # a hang guard, not a speed limit
        while time.monotonic() < end:
            assert app.step(), "the loop stopped"
            if app.terminal.frames and wanted in app.terminal.frames[-1]:
                return app.terminal.frames[-1]
        raise AssertionError(f"{wanted!r} never shown:\\n{app.terminal.frames[-1:]}")


    root, template, solution, slow = sys.argv[1:5]
    workspace = Workspace(root, "option")
    path = workspace.exercise_file("lstm")
    terminal = PolledTerminal()
    app = WatchApp(workspace, find_exercise("lstm"), "en", seed=7, interval=0.05,
                   events=False, terminal=terminal)
    report = {"fork": hasattr(os, "fork"), "termios": sys.modules.get("termios", "absent")}
    report["first"] = step_until(app, "not started")
    shutil.copy(solution, path)
    report["passed"] = step_until(app, "lstm passed")
    with open(workspace.state_path, encoding="utf-8") as stream:
        report["recorded"] = json.load(stream)["exercises"]["lstm"]

    shutil.copy(slow, path)                       # a check that would run for a minute...
    step_until(app, "checking again")
    report["cancelled_pid"] = app.job.pid
    pid_file = os.path.join(root, "learner.pid")
    while not os.path.exists(pid_file) or not open(pid_file).read():
        assert app.step()
    report["learner"] = int(open(pid_file).read())
    shutil.copy(template, path)                   # ...cancelled by the next save
    report["again"] = step_until(app, "not started")

    terminal.pending = "q"
    report["quit"] = not app.step()
    report["spare"] = app.checker.spare[0].pid
    app.close()
    report["modules"] = sorted(name for name in sys.modules
                               if name.startswith(("nncli.maths", "nncli.grader.cases",
                                                   "nncli.grader.session")))
    print(json.dumps(report))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_watch_checks_each_save_and_records_it_without_fork_termios_or_fcntl(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SIMULATE, encoding="utf-8")
    root = tmp_path / "W"
    (root / ".nncli").mkdir(parents=True)
    shutil.copy(template_path("lstm"), root / "lstm.py")
    slow = tmp_path / "slow.py"
    slow.write_text(f"import os, time\nopen({str(root / 'learner.pid')!r}, 'w')"
                    ".write(str(os.getpid()))\ntime.sleep(60)\n", encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1",
               PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    env.pop("NNCLI_LANG", None)
    result = subprocess.run(
        [sys.executable, "-c", DRIVE, str(root), str(template_path("lstm")),
         str(solution_path("lstm")), str(slow)],
        capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])

    assert report["fork"] is False and report["termios"] is None   # the simulation held
    assert "lstm_step" in report["first"] and "3/3" not in report["first"]
    assert "3/3" in report["passed"] and "2/2" in report["passed"]
    assert "Check 2 at" in report["passed"]
    assert "Check 3 at" in report["again"] and "lstm passed" not in report["again"]
    assert report["quit"] is True
    assert _gone(report["cancelled_pid"]), "the cancelled check is still running"
    assert _gone(report["learner"]), "the learner of the cancelled check is still running"
    assert _gone(report["spare"]), "the process readied for the next check is still running"
    assert report["modules"] == []     # the watching process never held cases or maths
    recorded = report["recorded"]
    assert (recorded["status"], recorded["score"], recorded["max_score"]) == ("passed", 5, 5)
    entry = json.loads((root / ".nncli" / "state.json").read_text())["exercises"]["lstm"]
    assert (entry["status"], entry["score"], entry["ever_passed"]) == ("not_started", 0, True)


# ---------------------------------------------------------------- the Windows console

class FakeMsvcrt(types.ModuleType):
    """msvcrt's kbhit and getwch over a string of typed keys."""

    def __init__(self, typed=""):
        super().__init__("msvcrt")
        self.typed = list(typed)

    def kbhit(self):
        return bool(self.typed)

    def getwch(self):
        return self.typed.pop(0)


@pytest.fixture
def msvcrt(monkeypatch):
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


def test_windows_keys_come_one_string_without_the_special_keys(msvcrt):
    from nncli.watch.tty_windows import WindowsTTY

    msvcrt.typed = list("h\xe0Hn\x00;q")          # h, up arrow, n, F1, q
    tty = WindowsTTY()
    assert tty.wait(0.0) == (True, [])
    assert tty.read() == "hnq"
    assert tty.read() == ""


def test_a_windows_wait_ends_at_its_timeout_or_at_a_key(msvcrt, monkeypatch):
    from nncli.watch import tty_windows

    slept = []

    def sleep(seconds):
        slept.append(seconds)
        if len(slept) == 3:
            msvcrt.typed.append("q")

    monkeypatch.setattr(tty_windows.time, "sleep", sleep)
    assert tty_windows.WindowsTTY().wait(60.0) == (True, [])
    assert len(slept) == 3 and all(s <= tty_windows.KEY_POLL for s in slept)
    clock = iter([0.0, 0.0, 0.5])
    monkeypatch.setattr(tty_windows.time, "monotonic", lambda: next(clock))
    msvcrt.typed.clear()
    assert tty_windows.WindowsTTY().wait(0.3) == (False, [])


def test_windows_output_goes_through_stdout_as_utf8(monkeypatch):
    from nncli.watch.tty_windows import WindowsTTY

    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8"))
    tty = WindowsTTY()
    tty.enter()                                    # no console here: nothing to switch on
    tty.write("下一步 · ─".encode("utf-8"))
    tty.leave()
    assert buffer.getvalue().decode("utf-8") == "下一步 · ─"
