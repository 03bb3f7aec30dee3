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
become fields of FileRun and CallOutcome (sandbox_results.py). POSIX only (os.fork); the tree
kill uses /proc; PR_SET_CHILD_SUBREAPER / PR_SET_PDEATHSIG where Linux has them.

Timing on the 2-core dev machine: start() costs about 3-4 ms of nncli's time per file (the
fork); a learner's process is loaded about 3 ms later, each call adds its own compute plus
~0.1 ms, and ending costs ~1 ms, plus one /proc sweep (~2 ms) when the last running handle
ends. All ten reference solutions with every hidden case (about 200 calls): ~35 ms to start
them, and they are done ~10-25 ms after the expected values are computed.

What this is not: a security boundary. The learner's code runs as the same user as nncli and
could signal or read anything that user can. The fork holds no expected value, but it does
hold what nncli's process held when start() was called (e.g. code that computes expected
values, which is nncli's public source anyway); nncli's modules are dropped from sys.modules
and refused at import, and the syntax-tree check (static.py) rejects importing them.
`nncli grade` adds that boundary on Linux: each learner process reads its file, then shuts
itself in namespaces (isolation.py) before running it; and it has them forked by a zygote
(use_zygote, zygote.py) that never held another student's data, since the grading process
that starts them does.
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
from nncli.grader.sandbox_results import CallOutcome, FileRun, _Capture, _describe_status
from nncli.grader.sandbox_wire import Unsupported

__all__ = ["start", "wait_all", "Handle", "FileRun", "CallOutcome", "Unsupported"]

_READ = 1 << 20
_DRAIN_LIMIT = 8 << 20  # bytes read after the end, in case an escaped process keeps writing


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
        self._remote = False  # forked by a zygote: it reaps, and reports the status
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
                               seconds if isinstance(seconds, float) else None,
                               wire.warnings_field(header.get("warnings")))
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
        if self._remote:
            return False  # the zygote reports it (_remote_exits)
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
        if self._remote:
            if self._status is None:  # stopped early: the zygote reaps it, unheard
                self._kill_remote()
        elif self._status is None:
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
        if not self._remote:  # a remote one's group was killed by its zygote, or above
            sandbox_procs.kill_group(self.pid)
            _ended_sessions.append(self.pid)
        if self in _live:
            _live.remove(self)
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
        if self._workdir:
            shutil.rmtree(self._workdir, ignore_errors=True)
        self._run = self._file_run(timed_out, elapsed)

    def _kill_remote(self):
        try:
            signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)
        except (AttributeError, OSError, TypeError):
            pass
        sandbox_procs.kill_group(self.pid)  # its own session's group (learners setsid)

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


_isolation = None  # the isolation.Plan every learner process of this process enters


def isolate_learners(plan) -> None:
    """From now on, every learner process started here shuts itself in with `plan` (an
    isolation.Plan, see isolation.py) after reading its file; None: the plain sandbox.
    `nncli grade` sets it in the process that grades one student."""
    global _isolation
    _isolation = plan


def start(path, calls, timeout=10.0, memory_bytes=1 << 30, output_cap=64 * 1024, *,
          forbidden_modules=(), cases_ref=None, defer=False) -> Handle:
    """Start running the learner's file `path` on `calls` now, in a forked process; returns at
    once. The caller must not have computed any expected value yet (the fork would hold it).
    forbidden_modules: top-level module names refused at import time as well.
    cases_ref: (exercise name, indexes of its cases) naming `calls`, for a zygote (see
    use_zygote) to make them from its own copy of the cases; required when one is in use."""
    global _selector, _batch_started, _atexit_registered
    path = os.path.abspath(os.fspath(path))
    calls = [(str(name), tuple(args), dict(kwargs or {})) for name, args, kwargs in calls]
    handle = Handle(path, calls, float(timeout), int(memory_bytes), int(output_cap))
    if _selector is None:
        _selector = selectors.DefaultSelector()
    if not _atexit_registered:
        atexit.register(kill_all)
        _atexit_registered = True
    if defer:  # start_all asks the zygote for the whole batch
        return handle
    if _zygote is not None:
        return _start_remote(handle, cases_ref, forbidden_modules)
    sandbox_procs.become_subreaper()
    if not _live:
        _batch_started = sandbox_procs.now_ticks() - 1
    try:
        if _isolation is None:  # an isolated learner makes its own, in its private root
            handle._workdir = tempfile.mkdtemp(prefix="nncli-run-")
        pid, reads = spawn(path, calls, handle.timeout, handle.memory_bytes, output_cap,
                           forbidden_modules, handle._workdir, _isolation)
    except OSError as exc:
        if handle._workdir:
            shutil.rmtree(handle._workdir, ignore_errors=True)
        handle._run = FileRun(handle._outcomes, crashed=f"could not start a process: {exc}")
        return handle
    handle.pid = pid
    _watch(handle, reads)
    try:
        handle._pidfd = os.pidfd_open(pid)
        _selector.register(handle._pidfd, selectors.EVENT_READ, handle)
    except (AttributeError, OSError):
        handle._pidfd = None
    _live.append(handle)
    return handle


def start_all(requests) -> list:
    """start(path, calls, **options) for each (path, calls, options) of `requests`, in
    order; through a zygote, in one request (it forks them one after another)."""
    if _zygote is None or not requests:
        return [start(path, calls, **options) for path, calls, options in requests]
    handles = []
    for path, calls, options in requests:
        cases_ref = options.get("cases_ref")
        if cases_ref is None:
            raise ValueError("a learner started through a zygote needs cases_ref")
        handle = start(path, calls, defer=True, **options)
        handles.append((handle, cases_ref, tuple(options.get("forbidden_modules", ()))))
    try:
        started = _zygote.start_many([
            (h.path, ref[0], list(ref[1]), h.timeout, h.memory_bytes, h._out.cap, forbidden)
            for h, ref, forbidden in handles])
    except OSError as exc:
        started = [exc] * len(handles)
    for (handle, _, _), got in zip(handles, started):
        _attach_remote(handle, got)
    return [h for h, _, _ in handles]


def spawn(path, calls, timeout, memory_bytes, output_cap, forbidden_modules, workdir,
          isolation, names=None):
    """Fork the learner's process (sandbox_child.run); (pid, (results, stdout, stderr) read
    ends). Raises OSError when it could not be started. calls: a list, or a function the
    child calls to make it; names: module_names(forbidden_modules), when already known."""
    prctl = sandbox_procs.prctl()
    pipes = []
    try:
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
        if names is None:
            names = module_names(forbidden_modules)
        pid = os.fork()
    except OSError:
        for r, w in pipes:
            os.close(r)
            os.close(w)
        raise
    if pid == 0:
        sandbox_child.run(path, calls, tuple(w for _, w in pipes), workdir,
                          (timeout, memory_bytes), tuple(forbidden_modules),
                          parent, prctl, isolation, names)
    for _r, w in pipes:
        os.close(w)
    return pid, tuple(r for r, _ in pipes)


def module_names(forbidden_modules) -> list:
    """nncli's modules and the forbidden ones now loaded (the learner drops them)."""
    roots = {"nncli", *forbidden_modules}
    return [name for name in sys.modules if name.partition(".")[0] in roots]


def _watch(handle, reads):
    for r, kind in zip(reads, ("results", "out", "err")):
        os.set_blocking(r, False)
        handle._fds[r] = kind
        _selector.register(r, selectors.EVENT_READ, handle)


# ---------------------------------------------------------------- through a zygote

_zygote = None  # a zygote.Link: learner processes are forked there, never here


def use_zygote(link) -> None:
    """From now on, learner processes are forked by the zygote behind `link` (zygote.py),
    not by this process, which may then hold what no learner may see (other students'
    files, results, expected values). None: fork here again."""
    global _zygote
    _zygote = link


def _start_remote(handle, cases_ref, forbidden_modules):
    if cases_ref is None:
        raise ValueError("a learner started through a zygote needs cases_ref")
    try:
        got = _zygote.start_many([(handle.path, cases_ref[0], list(cases_ref[1]),
                                   handle.timeout, handle.memory_bytes, handle._out.cap,
                                   tuple(forbidden_modules))])[0]
    except OSError as exc:
        got = exc
    return _attach_remote(handle, got)


def _attach_remote(handle, got):
    """got: (pid, read ends, pidfd) from the zygote, or the OSError it could not start."""
    if isinstance(got, BaseException):
        handle._run = FileRun(handle._outcomes, crashed=f"could not start a process: {got}")
        return handle
    pid, reads, pidfd = got
    handle.pid, handle._remote, handle._pidfd = pid, True, pidfd
    _watch(handle, reads)
    _live.append(handle)
    if not _zygote.registered:
        _selector.register(_zygote.fileno(), selectors.EVENT_READ, _zygote)
        _zygote.registered = True
    return handle


def _remote_exits():
    """Finish the remote handles whose exit the zygote reported."""
    if _zygote is None or not _zygote.exits:
        return
    for handle in list(_live):
        if handle._remote and handle._run is None and handle.pid in _zygote.exits:
            handle._status = _zygote.exits.pop(handle.pid)
            handle._finish(timed_out=False)


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
        _remote_exits()
        while target._run is None:
            now = time.monotonic()
            for handle in list(_live):
                if handle._run is None and now >= handle.deadline:
                    handle._finish(timed_out=True)
            if target._run is not None:
                break
            nearest = min(h.deadline for h in _live) - now
            polling = any(h._pidfd is None and not h._remote for h in _live)
            wait = max(0.0, min(nearest, 0.01) if polling else nearest)
            for key, _ in _selector.select(wait):
                handle = key.data
                if handle is _zygote:
                    _zygote.read_pending()
                    continue
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
            _remote_exits()
    except BaseException:
        kill_all()
        raise


def _sweep():
    """Once no handle is running: kill what is left of every finished learner's session
    (one /proc scan for the whole batch), and learner processes that escaped their session
    and re-parented to nncli."""
    sessions = set(_ended_sessions)
    _ended_sessions.clear()
    if not sessions:
        return  # only remote handles: their zygote ends what they leave
    started = _batch_started
    sandbox_procs.kill_sessions(sessions,
                                extra=lambda table: sandbox_procs.orphans(table, started))


def kill_all():
    """Kill every learner process still running (on an interrupt, or when a check is cancelled)."""
    for handle in list(_live):
        try:
            handle.kill()
        except Exception:
            pass

