"""One check of `nncli watch`, run in a forked child that sends its SessionResult back as JSON.

Why a child: `nncli check` forks the learner's processes before it computes any expected
value, so no learner process can find one in its memory. A watch runs many checks in one
long-lived process; were they run in it, the next fork would carry the last check's expected
values (freed memory is not wiped). Here the watching process never computes them: each
check happens in a fresh fork of it, which the learner's processes are forked from in turn.
It also keeps the keys alive while a check runs, and lets a newer save cancel an older check.
"""

import json
import os
import signal
import sys
import time

from nncli.grader.results import ExerciseResult, SessionResult, TestResult

_TEST_FIELDS = ("name", "status", "points", "max_points", "message", "traceback", "cases")


class CheckJob:
    """A running check: fileno() for select(); read() returns True once it is over, then
    `result` (a SessionResult) or `error` (one line: nncli itself failed) is set."""

    def __init__(self, pid: int, fd: int, grace: float):
        self.pid, self.fd = pid, fd
        self.started = time.monotonic()
        self.deadline = self.started + grace
        self.result = None
        self.error = None
        self.done = False
        self._data = bytearray()

    def fileno(self) -> int:
        return self.fd

    def read(self) -> bool:
        while not self.done:
            try:
                chunk = os.read(self.fd, 65536)
            except (BlockingIOError, InterruptedError):
                return False
            if not chunk:
                self._finish()
                break
            self._data += chunk
        return True

    def overdue(self, now: float) -> bool:
        return not self.done and now > self.deadline

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def _finish(self) -> None:
        self.done = True
        os.close(self.fd)
        status = _reap(self.pid, wait=True)
        try:
            payload = json.loads(self._data.decode("utf-8"))
        except ValueError:
            payload = None
        if isinstance(payload, dict) and "result" in payload:
            self.result = result_from_json(payload["result"])
        elif isinstance(payload, dict) and "internal" in payload:
            self.error = payload["internal"]
        else:
            how = (f"signal {os.WTERMSIG(status)}" if status is not None and os.WIFSIGNALED(status)
                   else f"status {os.WEXITSTATUS(status) if status is not None else '?'}")
            self.error = f"the checking process stopped ({how})"

    def cancel(self) -> None:
        """Stop the check (its learner processes are killed by the child on SIGTERM)."""
        if self.done:
            return
        self.done = True
        try:
            os.close(self.fd)
        except OSError:
            pass
        try:
            os.kill(self.pid, signal.SIGTERM)
        except OSError:
            return
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            if _reap(self.pid, wait=False) is not None:
                return
            time.sleep(0.01)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        _reap(self.pid, wait=True)


def _reap(pid: int, wait: bool):
    """The exit status of `pid`, or None while it runs (or when it is gone already)."""
    while True:
        try:
            done, status = os.waitpid(pid, 0 if wait else os.WNOHANG)
        except ChildProcessError:
            return 0
        except InterruptedError:
            continue
        return status if done else None


def start(workspace, exercise, seed: int, timeout: float, lang: str = "en") -> CheckJob:
    """Fork a child that checks `exercise` in `workspace` with the cases of `seed`; the
    messages are in `lang`."""
    read_end, write_end = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - a closed stream must not stop the check
            pass
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(write_end, workspace, exercise, seed, timeout, lang)
    os.close(write_end)
    os.set_blocking(read_end, False)
    # the session kills the learner's file at `timeout`; the rest is nncli's own work
    return CheckJob(pid, read_end, grace=timeout + 30.0)


def _child(write_end, workspace, exercise, seed, timeout, lang):
    """Never returns. Keys, Ctrl-Z and the screen belong to the parent."""
    code = 0
    try:
        for sig in (signal.SIGINT, signal.SIGTSTP, signal.SIGTTOU, signal.SIGTTIN):
            signal.signal(sig, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGWINCH, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        try:
            from nncli.grader import session

            result = session.run(workspace, [exercise], seed, timeout, lang=lang)
            payload = {"result": result_to_json(result)}
        except BaseException as error:  # noqa: B036 - reported to the parent, never raised
            _kill_learners()
            if isinstance(error, SystemExit):
                raise
            payload = {"internal": f"{type(error).__name__}: {error}"}
        data = json.dumps(payload).encode("utf-8")
        while data:
            data = data[os.write(write_end, data):]
    except BaseException:  # noqa: B036 - nothing may escape into the copy of nncli
        code = 1
    finally:
        os._exit(code)


def _stop(signum, frame):
    raise SystemExit(128 + signum)


def _kill_learners():
    from nncli.grader.sandbox import runner

    runner.kill_all()


def result_to_json(result: SessionResult) -> dict:
    return {
        "seed": result.seed,
        "exercises": [
            {"name": e.name, "problem": e.problem, "output": e.output,
             "output_truncated": e.output_truncated, "elapsed": e.elapsed,
             "tests": [{field: getattr(t, field) for field in _TEST_FIELDS} for t in e.tests]}
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
