"""Each check of `nncli watch` runs in a fresh interpreter that prints its SessionResult as JSON.

    watch (this process)                      never computes an expected value
      └─ python -m nncli.watch.checking       one check: session.run, as `nncli check` does
           └─ the sandbox's host and learners (nncli/grader/sandbox/)

Why a process of its own: the watch keeps its keys and screen alive while a check runs, a
newer save cancels an older check by ending its process, and it works the same wherever
Python runs (no fork). A Checker keeps one such process warm once a check is over: started
with its host, NumPy and the grader already imported, it waits for its request (one JSON
line on stdin), so the next save is checked about as soon as a forked copy would be.

The child prints {"result": ...} (the whole SessionResult: the screen shows each function's
points, the traceback apart from what the file printed, and the file-level problem, which
`nncli check --json` does not carry) or {"internal": "..."} (nncli itself failed) on
stdout; the parent reads it from a temporary file once the child has ended, so nothing
needs select() on a pipe (Windows has none).

Cancelling: the child is asked to stop (SIGTERM to its process group on POSIX,
CTRL_BREAK_EVENT to its process group on Windows), kills its learners and ends; if it has
not ended within CANCEL_GRACE seconds, its process group (POSIX) or process tree (Windows)
is killed. Where the sandbox has a host, a learner also dies once the host's channel to this
child closes.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

from nncli.grader.results import ExerciseResult, SessionResult, TestResult

CANCEL_GRACE = 5.0     # seconds a cancelled check has to kill its learners and end
_LAST_WORDS = 300      # characters of the child's last line of stderr kept for the screen


class CheckJob:
    """A running check. poll() returns True once it is over; then `result` (a SessionResult)
    or `failure` ((text key of nncli/texts/<lang>/watch.py, its values): nncli itself
    failed) is set."""

    def __init__(self, process, out, err, grace: float):
        self.process, self._out, self._err = process, out, err
        self.started = time.monotonic()
        self.deadline = self.started + grace
        self.result = None
        self.failure = None
        self.done = False

    @property
    def pid(self) -> int:
        return self.process.pid

    def poll(self) -> bool:
        if not self.done and self.process.poll() is not None:
            self._finish()
        return self.done

    def overdue(self, now: float) -> bool:
        return not self.done and now > self.deadline

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def _finish(self) -> None:
        self.done = True
        self._out.seek(0)
        try:
            payload = json.loads(self._out.read().decode("utf-8"))
        except ValueError:
            payload = None
        if isinstance(payload, dict) and "result" in payload:
            self.result = result_from_json(payload["result"])
        elif isinstance(payload, dict) and "internal" in payload:
            self.failure = ("failure.raised", {"error": str(payload["internal"])})
        else:
            detail = self._last_words()
            self.failure = ("failure.stopped_saying" if detail else "failure.stopped",
                            {"status": self.process.returncode, "detail": detail})
        self._close_files()

    def _last_words(self) -> str:
        """The child's last line on stderr (a traceback's last line says what went wrong)."""
        self._err.seek(0, os.SEEK_END)
        self._err.seek(max(0, self._err.tell() - 4096))
        lines = self._err.read().decode("utf-8", "backslashreplace").strip().splitlines()
        return lines[-1][:_LAST_WORDS] if lines else ""

    def _close_files(self) -> None:
        for stream in (self._out, self._err):
            stream.close()

    def cancel(self) -> None:
        """Stop the check and wait for its process (its learners go with it)."""
        if self.done:
            return
        self.done = True
        _ask_to_stop(self.process)
        try:
            self.process.wait(CANCEL_GRACE)
        except subprocess.TimeoutExpired:
            _kill_tree(self.process)
            self.process.wait()
        self._close_files()


class Checker:
    """Starts checks (start()), each in a process of its own; warm() readies the process of
    the next one; close() ends the ready one (call it once the watch is over)."""

    def __init__(self):
        self.spare = None

    def start(self, workspace, exercise, seed: int, timeout: float, lang: str = "en"):
        """A CheckJob checking `exercise` in `workspace` with the cases of `seed`; the
        messages are in `lang`."""
        request = json.dumps({"workspace": os.path.abspath(workspace.root),
                              "name": exercise.name, "seed": int(seed),
                              "timeout": float(timeout), "lang": lang})
        process, out, err = self.spare or _spawn(exercise.name)
        self.spare = None
        try:
            process.stdin.write(request.encode("ascii") + b"\n")
            process.stdin.close()
        except OSError:       # it died while waiting: the job says how (its stderr)
            pass
        # the session kills the learner's file at `timeout`; the rest is nncli's own work
        return CheckJob(process, out, err, grace=timeout + 30.0)

    def warm(self, name: str) -> None:
        """Start the next check's process now (`name`: the exercise it will likely check)."""
        if self.spare is None:
            self.spare = _spawn(name)

    def close(self) -> None:
        if self.spare is None:
            return
        process, out, err = self.spare
        self.spare = None
        try:
            process.stdin.close()     # no request: it ends by itself (also where a signal
        except OSError:               # would wait for its read to return: Windows)
            pass
        job = CheckJob(process, out, err, grace=0.0)
        try:
            process.wait(CANCEL_GRACE)
        except subprocess.TimeoutExpired:
            job.cancel()
        else:
            job.poll()


def _spawn(name: str):
    """(Popen, stdout file, stderr file) of a checking process readying itself for `name`."""
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(
        sys.modules["nncli"].__file__)))
    if os.name == "nt":
        options = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    else:  # away from the terminal: Ctrl-C and Ctrl-Z are the watch's alone
        options = {"start_new_session": True}
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    try:
        # cwd: `-m` puts it first on sys.path; the workspace there would let a learner's
        # random.py or numpy.py shadow a module of the checking process
        process = subprocess.Popen([sys.executable, "-m", "nncli.watch.checking", name],
                                   stdin=subprocess.PIPE, stdout=out, stderr=err,
                                   cwd=package_root, **options)
    except BaseException:
        out.close()
        err.close()
        raise
    return process, out, err


def _ask_to_stop(process) -> None:
    try:
        if os.name == "nt":
            process.send_signal(signal.CTRL_BREAK_EVENT)
        else:
            os.killpg(process.pid, signal.SIGTERM)
    except OSError:
        pass


def _kill_tree(process) -> None:
    try:
        if os.name == "nt":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)],
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        pass


# ---------------------------------------------------------------- the child

def main(argv) -> int:
    """`python -m nncli.watch.checking NAME`: ready a check (of NAME, most likely), then
    read the request {"workspace", "name", "seed", "timeout", "lang"} as one line on stdin,
    check, and print {"result": ...} or {"internal": "..."} as JSON on stdout. Without a
    request (stdin closed), end quietly."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr       # whatever else is printed must not spoil the result
    signal.signal(getattr(signal, "SIGBREAK", signal.SIGTERM), _stop)

    from nncli.grader.sandbox import runner

    host = runner.start_host()    # first: its NumPy import overlaps ours
    try:
        import importlib

        from nncli.catalogue import find_exercise
        from nncli.grader import session
        from nncli.workspace import Workspace

        importlib.import_module(find_exercise(argv[0]).cases_module)
        line = sys.stdin.readline()
        if not line:
            return 0
        request = json.loads(line)
        result = session.run(Workspace(request["workspace"], "option"),
                             [find_exercise(request["name"])], request["seed"],
                             request["timeout"], request["lang"], host=host)
        payload = {"result": result_to_json(result)}
    except Exception as error:  # noqa: BLE001 - reported to the watch, never raised
        runner.kill_all()
        payload = {"internal": f"{type(error).__name__}: {error}"}
    except BaseException:       # asked to stop: the learners go first
        runner.kill_all()
        raise
    finally:
        host.close()
    out.write(json.dumps(payload).encode("ascii"))
    out.flush()
    return 0


def _stop(signum, frame):
    raise SystemExit(128 + signum)


# ---------------------------------------------------------------- the result as JSON

def result_to_json(result: SessionResult) -> dict:
    return {
        "seed": result.seed,
        "exercises": [
            {"name": e.name, "problem": e.problem, "output": e.output,
             "output_truncated": e.output_truncated, "elapsed": e.elapsed,
             "tests": [{field: getattr(t, field) for field in TestResult.__slots__}
                       for t in e.tests]}
            for e in result.exercises
        ],
    }


def result_from_json(data: dict) -> SessionResult:
    exercises = [
        ExerciseResult(e["name"], [TestResult(**t) for t in e["tests"]], problem=e["problem"],
                       output=e["output"], output_truncated=e["output_truncated"],
                       elapsed=e["elapsed"])
        for e in data["exercises"]
    ]
    return SessionResult(data["seed"], exercises)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
