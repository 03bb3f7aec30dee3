"""Run one learner file in a separate, limited process and bring back what its functions did.

    handle = start(path, calls, timeout=10.0, memory_bytes=1 << 30, output_cap=64 * 1024)
    ...compute the expected values only now, in nncli's process...
    run = handle.wait()            # FileRun: outcomes (one CallOutcome per call), output, ...

A call is (function_name, args: tuple, kwargs: dict); values are float64/bool ndarrays, int,
float, bool, None, str, or dict[str, ndarray]. The learner's process is a fork of nncli (NumPy
already imported, so it starts in milliseconds); it receives the calls' inputs only, never an
expected value. Results come back on a private pipe as plain arrays (no pickle); what the
learner's code prints goes to stdout/stderr, captured and capped, and never counts as a result.

Limits per file: wall-clock `timeout` for the whole file (enforced here, then SIGKILL),
address space `memory_bytes` above what the fork already maps, CPU time as a backstop,
no core files, a fresh temporary working directory (removed afterwards), and at the end the
whole process tree is killed (sandbox_procs). Several handles may run at once: waiting on
any one of them also drains the others' pipes, so none stalls on a full pipe. Single-threaded
use is assumed (call start/wait from one thread).

Nothing the learner's code does raises here: a crash, a timeout, garbage on the pipe all
become fields of FileRun and CallOutcome. POSIX only (os.fork); the tree kill uses /proc.
"""

from __future__ import annotations

import atexit
import os
import selectors
import shutil
import signal
import sys
import tempfile
import time

import numpy as np  # noqa: F401 - imported before forking, so the learner's process has it

from nncli.grader import sandbox_child, sandbox_procs
from nncli.grader import sandbox_wire as wire
from nncli.grader.sandbox_wire import Unsupported

__all__ = ["start", "wait_all", "Handle", "FileRun", "CallOutcome", "Unsupported"]

_READ = 1 << 20
_DRAIN_LIMIT = 8 << 20  # bytes read after the end, in case an escaped process keeps writing


class CallOutcome:
    """What one call did.

    status: "returned" | "raised" | "not_implemented" | "missing" | "not_run"
        ("not_run": the process died, timed out or stopped before this call finished).
    value: for "returned": an ndarray, a tuple of (ndarray | Unsupported), or Unsupported
        (a list, an object array, a dict, None, a scalar: its description says what); else None.
    args_after: one entry per positional argument, as it was after the call: the very object
        passed in (args_after[i] is args[i]) when the call left it unchanged, else a new array
        (or dict of arrays) holding what the learner's code left in it. kwargs_after: the same
        for keyword arguments.
    error: "ValueError: shapes (2,3) and (4,) not aligned", "called sys.exit(3)",
        "ran out of memory (limit 1 GiB)", "KeyboardInterrupt", ...; traceback: trimmed to the
        frames of the learner's file (or None). seconds: the call's duration as the child
        measured it (informative only).
    """

    __slots__ = ("status", "value", "args_after", "kwargs_after", "error", "traceback",
                 "seconds")

    def __init__(self, status, value=None, args_after=(), kwargs_after=None, error=None,
                 traceback=None, seconds=None):
        self.status = status
        self.value = value
        self.args_after = args_after
        self.kwargs_after = kwargs_after if kwargs_after is not None else {}
        self.error = error
        self.traceback = traceback
        self.seconds = seconds

    def __repr__(self):
        return f"CallOutcome({self.status!r}, value={self.value!r}, error={self.error!r})"


class FileRun:
    """Everything about running one file.

    outcomes: one CallOutcome per call, in order. stdout, stderr: what the learner's code
    printed, the first output_cap bytes of each (UTF-8, undecodable bytes replaced);
    output_truncated: either was cut; stdout_bytes, stderr_bytes: how much was printed in all.
    load_error: the file could not be loaded (syntax error, exception, sys.exit or death while
    loading): its first line is one line ("ZeroDivisionError: division by zero"), the rest the
    traceback trimmed to the learner's file. timed_out: the wall-clock limit was reached and
    the process killed. crashed: the process died on its own before finishing, e.g.
    "killed by signal 11 (segmentation fault)", "exited with status 3"; with signal /
    exit_status holding the number. elapsed: seconds from start() to the end of the process.
    loaded: the file was loaded (its top-level code ran to the end).
    """

    __slots__ = ("outcomes", "stdout", "stderr", "output_truncated", "stdout_bytes",
                 "stderr_bytes", "load_error", "timed_out", "crashed", "signal", "exit_status",
                 "elapsed", "loaded")

    def __init__(self, outcomes, stdout="", stderr="", output_truncated=False, stdout_bytes=0,
                 stderr_bytes=0, load_error=None, timed_out=False, crashed=None, signal=None,
                 exit_status=None, elapsed=0.0, loaded=False):
        self.outcomes = outcomes
        self.stdout = stdout
        self.stderr = stderr
        self.output_truncated = output_truncated
        self.stdout_bytes = stdout_bytes
        self.stderr_bytes = stderr_bytes
        self.load_error = load_error
        self.timed_out = timed_out
        self.crashed = crashed
        self.signal = signal
        self.exit_status = exit_status
        self.elapsed = elapsed
        self.loaded = loaded

    def __repr__(self):
        return (f"FileRun(outcomes={self.outcomes!r}, load_error={self.load_error!r}, "
                f"timed_out={self.timed_out}, crashed={self.crashed!r}, "
                f"elapsed={self.elapsed:.3f})")


_SIGNAL_NAMES = {
    signal.SIGSEGV: "segmentation fault", signal.SIGBUS: "bus error",
    signal.SIGFPE: "floating-point exception", signal.SIGILL: "illegal instruction",
    signal.SIGABRT: "aborted", signal.SIGKILL: "killed, perhaps out of memory",
    signal.SIGXCPU: "CPU time limit reached", signal.SIGXFSZ: "file size limit reached",
    signal.SIGTERM: "terminated", signal.SIGPIPE: "broken pipe",
}


def _describe_status(status):
    """(text, signal number, exit status) for a waitpid status of a process that ended
    before saying it was done."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        name = _SIGNAL_NAMES.get(number)
        if name is None:
            try:
                name = signal.Signals(number).name
            except ValueError:
                name = "unknown signal"
        return f"killed by signal {number} ({name})", number, None
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
    if code == sandbox_child.SETUP_FAILED:
        return f"exited with status {code} (the sandbox could not be set up)", None, code
    return f"exited with status {code}", None, code


class _Capture:
    """Keeps the first `cap` bytes of a stream and counts the rest."""

    __slots__ = ("cap", "kept", "total")

    def __init__(self, cap):
        self.cap, self.kept, self.total = cap, bytearray(), 0

    def add(self, data):
        room = self.cap - len(self.kept)
        if room > 0:
            self.kept += data[:room]
        self.total += len(data)

    def text(self):
        return self.kept.decode("utf-8", "replace")


_live: list = []
_ended_sessions: list = []  # sessions of finished handles, swept when no handle is running
_selector = None
_batch_started = None  # clock ticks when the first of the handles now running started
_atexit_registered = False


class Handle:
    """A learner's process running; `wait()` returns its FileRun (the same one each time)."""

    def __init__(self, path, calls, timeout, memory_bytes, output_cap):
        self.path = path
        self.calls = calls
        self.timeout = timeout
        self.memory_bytes = memory_bytes
        self.pid = None
        self.started = time.monotonic()
        self.deadline = self.started + timeout
        self._fds = {}
        self._pidfd = None
        self._workdir = None
        self._results = bytearray()
        self._results_total = 0
        self._broken = None  # why the results stream could not be read further
        self._out = _Capture(output_cap)
        self._err = _Capture(output_cap)
        self._outcomes = [CallOutcome("not_run") for _ in calls]
        self._load_error = None
        self._done = False
        self._status = None  # waitpid status once reaped
        self._loaded = False
        self._killed = False
        self._finishing = False
        self._run = None

    # ---- public ---------------------------------------------------------------------

    def wait(self) -> FileRun:
        """Block until the process is done, dead or out of time; meanwhile serve every other
        running handle too."""
        _pump(self)
        return self._run

    @property
    def finished(self) -> bool:
        return self._run is not None

    def kill(self):
        """Stop it now (as a timeout would, but not reported as one)."""
        if self._run is None and not self._finishing:
            self._killed = True
            self._finish(timed_out=False)

    # ---- reading ----------------------------------------------------------------------

    def _on_ready(self, fd):
        kind = self._fds.get(fd)
        if kind is None:
            return
        try:
            data = os.read(fd, _READ)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._close(fd)
            return
        self._take(kind, data)

    def _take(self, kind, data):
        if kind == "out":
            self._out.add(data)
        elif kind == "err":
            self._err.add(data)
        elif self._broken is None:
            self._results_total += len(data)
            if self._results_total > self.memory_bytes + (64 << 20):
                self._broken = "sent more data than it could hold"
                return
            self._results += data
            self._parse_frames()

    def _parse_frames(self):
        while self._broken is None:
            try:
                got = wire.split(self._results, max_body=self.memory_bytes + (64 << 20))
            except wire.Malformed:
                self._broken = "sent results nncli could not read"
                self._results.clear()
                return
            if got is None:
                return
            self._on_frame(*got)

    def _on_frame(self, header, body):
        kind = header.get("kind")
        if kind == "loaded":
            self._loaded = True
        elif kind == "done":
            self._done = True
        elif kind == "load_error" and self._load_error is None:
            error = wire.text(header.get("error")) or "the file could not be loaded"
            trace = wire.text(header.get("traceback"))
            self._load_error = error + ("\n" + trace if trace else "")
        elif kind == "call":
            index = header.get("index")
            if type(index) is int and 0 <= index < len(self.calls):
                if self._outcomes[index].status == "not_run":
                    self._outcomes[index] = self._outcome(index, header, body)

    def _outcome(self, index, header, body):
        _, args, kwargs = self.calls[index]
        try:
            status = header.get("status")
            if status not in ("returned", "raised", "not_implemented", "missing"):
                raise wire.Malformed("bad status")
            value = None
            if status == "returned":
                value = wire.decode(header.get("value"), body)
            after = header.get("args_after") or []
            if not isinstance(after, list) or len(after) > len(args):
                raise wire.Malformed("bad args_after")
            args_after = list(args)
            for i, descriptor in enumerate(after):
                if descriptor is not None:
                    args_after[i] = wire.decode(descriptor, body)
            kw_after = header.get("kwargs_after") or {}
            if not isinstance(kw_after, dict):
                raise wire.Malformed("bad kwargs_after")
            kwargs_after = dict(kwargs)
            for key, descriptor in kw_after.items():
                if key in kwargs_after:
                    kwargs_after[key] = wire.decode(descriptor, body)
            seconds = header.get("seconds")
            return CallOutcome(status, value, tuple(args_after), kwargs_after,
                               wire.text(header.get("error")),
                               wire.text(header.get("traceback")),
                               seconds if isinstance(seconds, float) else None)
        except Exception:  # anything the child sent that does not parse fails this call only
            return CallOutcome("raised", error="nncli could not read back what this call "
                                               "returned", args_after=tuple(args),
                               kwargs_after=dict(kwargs))

    def _close(self, fd):
        if self._fds.pop(fd, None) is None:
            return
        try:
            _selector.unregister(fd)
        except (KeyError, ValueError):
            pass
        os.close(fd)

    # ---- the end ------------------------------------------------------------------------

    def _poll_exit(self):
        """Reap the child if it has ended; True when it has."""
        if self._status is not None:
            return True
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            pid, status = self.pid, 0
        if pid == 0:
            return False
        self._status = status
        return True

    def _on_exit(self):
        """The pidfd says the child ended: kill its process group while the zombie still
        holds the group's id, then reap it."""
        sandbox_procs.kill_group(self.pid)
        if self._poll_exit():
            self._finish(timed_out=False)

    def _finish(self, timed_out):
        self._finishing = True
        if self._status is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                _, self._status = os.waitpid(self.pid, 0)
            except ChildProcessError:
                self._status = 0
        elapsed = time.monotonic() - self.started
        sandbox_procs.kill_group(self.pid)
        if self in _live:
            _live.remove(self)
        _ended_sessions.append(self.pid)
        if not _live:
            _sweep()
        self._drain()
        for fd in list(self._fds):
            self._close(fd)
        if self._pidfd is not None:
            try:
                _selector.unregister(self._pidfd)
            except (KeyError, ValueError):
                pass
            os.close(self._pidfd)
            self._pidfd = None
        shutil.rmtree(self._workdir, ignore_errors=True)
        self._run = self._file_run(timed_out, elapsed)

    def _drain(self):
        budget = _DRAIN_LIMIT
        for fd, kind in list(self._fds.items()):
            while budget > 0:
                try:
                    data = os.read(fd, _READ)
                except (BlockingIOError, InterruptedError):
                    break
                except OSError:
                    data = b""
                if not data:
                    break
                budget -= len(data)
                self._take(kind, data)

    def _file_run(self, timed_out, elapsed):
        if self._done:
            timed_out = False  # it finished just as time ran out
        crashed = signal_number = exit_status = None
        load_error = self._load_error
        if self._killed:
            crashed = "stopped by nncli"
        elif not timed_out and not self._done and load_error is None:
            crashed, signal_number, exit_status = _describe_status(self._status)
            if not self._loaded and not self._broken:
                load_error = f"the process ended while the file was loading: {crashed}"
        if self._broken and not self._killed:
            crashed = self._broken
        return FileRun(self._outcomes, self._out.text(), self._err.text(),
                       self._out.total > self._out.cap or self._err.total > self._err.cap,
                       self._out.total, self._err.total, load_error, timed_out, crashed,
                       signal_number, exit_status, elapsed, self._loaded)


def start(path, calls, timeout=10.0, memory_bytes=1 << 30, output_cap=64 * 1024, *,
          forbidden_modules=()) -> Handle:
    """Start running the learner's file `path` on `calls` now, in a forked process; returns at
    once. The caller must not have computed any expected value yet (the fork would hold it).
    forbidden_modules: top-level module names refused at import time as well."""
    global _selector, _batch_started, _atexit_registered
    path = os.path.abspath(os.fspath(path))
    calls = [(str(name), tuple(args), dict(kwargs or {})) for name, args, kwargs in calls]
    handle = Handle(path, calls, float(timeout), int(memory_bytes), int(output_cap))
    if _selector is None:
        _selector = selectors.DefaultSelector()
    if not _atexit_registered:
        atexit.register(_kill_all)
        _atexit_registered = True
    sandbox_procs.become_subreaper()
    prctl = sandbox_procs.prctl()
    if not _live:
        _batch_started = sandbox_procs.now_ticks() - 1
    pipes = []
    try:
        handle._workdir = tempfile.mkdtemp(prefix="nncli-run-")
        for _ in range(3):
            pipes.append(os.pipe())
        for r, _w in pipes:
            _grow_pipe(r)
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        parent = os.getpid()
        pid = os.fork()
    except OSError as exc:
        for r, w in pipes:
            os.close(r)
            os.close(w)
        if handle._workdir:
            shutil.rmtree(handle._workdir, ignore_errors=True)
        handle._run = FileRun(handle._outcomes, crashed=f"could not start a process: {exc}")
        return handle
    if pid == 0:
        sandbox_child.run(path, calls, tuple(w for _, w in pipes), handle._workdir,
                          (handle.timeout, handle.memory_bytes), tuple(forbidden_modules),
                          parent, prctl)
    handle.pid = pid
    for (r, w), kind in zip(pipes, ("results", "out", "err")):
        os.close(w)
        os.set_blocking(r, False)
        handle._fds[r] = kind
        _selector.register(r, selectors.EVENT_READ, handle)
    try:
        handle._pidfd = os.pidfd_open(pid)
        _selector.register(handle._pidfd, selectors.EVENT_READ, handle)
    except (AttributeError, OSError):
        handle._pidfd = None
    _live.append(handle)
    return handle


def _grow_pipe(fd):
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _READ)
    except (ImportError, AttributeError, OSError):
        pass


def wait_all(handles) -> list:
    """FileRun of each handle, in order."""
    return [handle.wait() for handle in handles]


def _pump(target):
    """Serve every running handle until `target` is finished."""
    try:
        while target._run is None:
            now = time.monotonic()
            for handle in list(_live):
                if handle._run is None and now >= handle.deadline:
                    handle._finish(timed_out=True)
            if target._run is not None:
                break
            nearest = min(h.deadline for h in _live) - now
            polling = any(h._pidfd is None for h in _live)
            wait = max(0.0, min(nearest, 0.01) if polling else nearest)
            for key, _ in _selector.select(wait):
                handle = key.data
                if handle._run is not None:
                    continue
                if key.fd == handle._pidfd:
                    handle._on_exit()
                else:
                    handle._on_ready(key.fd)
            if polling:
                for handle in list(_live):
                    if handle._pidfd is None and handle._run is None and handle._poll_exit():
                        handle._finish(timed_out=False)
    except BaseException:
        _kill_all()
        raise


def _sweep():
    """Once no handle is running: kill what is left of every finished learner's session
    (one /proc scan for the whole batch), and learner processes that escaped their session
    and re-parented to nncli."""
    sessions = set(_ended_sessions)
    _ended_sessions.clear()
    started = _batch_started
    sandbox_procs.kill_sessions(sessions,
                                extra=lambda table: sandbox_procs.orphans(table, started))


def _kill_all():
    for handle in list(_live):
        try:
            handle.kill()
        except Exception:
            pass

