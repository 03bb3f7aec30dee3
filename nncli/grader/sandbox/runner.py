"""nncli's side of the sandbox: start the host, start learners through it, read their results.

    host = runner.start_host()                  # at once: its NumPy import overlaps ours
    host.define("lstm", calls)                  # inputs only, once per exercise and seed
    student = host.open_student()               # or open_student(isolation=plan, ...): at once
    handles = student.start([File(path, "lstm", indexes), ...])
    runs = [h.wait() for h in handles]          # FileRun each; expected values may be made
    student.end()                               # meanwhile: nothing of nncli is in a learner

Every handle of every student is served by one selector (Pump): waiting on one drains the
others' pipes too, so none stalls on a full pipe; each has a wall-clock deadline, after
which its student process kills it. What a learner sends is bounded by its file's budget
(wire.Budget) and its output by `output_cap`, counted before anything is kept.

Where there is no os.fork (Windows), `start_host` gives a SpawnHost instead: one fresh
process per file (spawn.py), same handles and results.
"""

from __future__ import annotations

import os
import selectors
import socket
import subprocess
import sys
import time

from nncli.grader.sandbox import wire
from nncli.grader.sandbox.channel import Channel, Closed
from nncli.grader.sandbox.results import CallOutcome, FileRun, describe_status

_READ = 1 << 20
_DRAIN_LIMIT = 8 << 20  # bytes read after the end, in case an escaped process keeps writing
OUTPUT_CAP = 64 * 1024
MEMORY = 1 << 30
_SEND_BUFFER = 1 << 20  # the system may give less (Linux: twice net.core.wmem_max)
# Variables a learner's interpreter may see: none of the teacher's. Threads of BLAS would
# only cost forks for these tiny matrices; the OpenBLAS core settings keep a machine that
# needs them computing right.
_KEPT = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "SYSTEMROOT")


class File:
    """One file to run: its path, the key of the calls defined on the host, which of those
    calls (indexes), and its limits. Its source is read here, once (or given: the bytes
    nncli's syntax-tree check read), and sent with the start request: the learner's process
    runs exactly those bytes and never opens the file."""

    __slots__ = ("path", "calls", "indexes", "timeout", "memory", "cap", "forbidden", "source")

    def __init__(self, path, calls, indexes, timeout=10.0, memory=MEMORY, cap=OUTPUT_CAP,
                 forbidden=(), source=None):
        self.path = os.path.abspath(os.fspath(path))
        self.calls, self.indexes = calls, [int(i) for i in indexes]
        self.timeout, self.memory, self.cap = float(timeout), int(memory), int(cap)
        self.forbidden = tuple(forbidden)
        self.source = source if source is not None else read_source(self.path)

    def request(self) -> dict:
        return {"path": self.path, "calls": self.calls, "indexes": self.indexes,
                "timeout": self.timeout, "memory": self.memory, "forbidden": self.forbidden}


def read_source(path):
    """A learner's file as bytes, or a str saying why it cannot be had (too large: over
    wire.MAX_SOURCE, which nncli's syntax-tree check refuses too)."""
    try:
        with open(path, "rb") as f:
            data = f.read(wire.MAX_SOURCE + 1)
    except OSError as error:
        return error.strerror or str(error)
    if len(data) > wire.MAX_SOURCE:
        return f"larger than {wire.MAX_SOURCE >> 20} MB"
    return data


def learner_environment() -> dict:
    """The whole environment of the host and so of every learner."""
    from nncli.blas import VARIABLES

    env = {"PATH": os.defpath, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
           **{name: "1" for name in VARIABLES}}
    for name in _KEPT:
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def _boot_code() -> str:
    """What the fresh interpreter runs: find nncli's package where this one lives, import
    only the host, and forget the path again (learner code gets no view of it)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(sys.modules["nncli"].__file__)))
    return ("import sys; sys.path.insert(0, %r); "
            "from nncli.grader.sandbox.host import main; "
            "sys.path.remove(%r); main(sys.argv)" % (root, root))


def start_host():
    """A fresh host process (host.py), or a SpawnHost where there is no fork."""
    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"):
        from nncli.grader.sandbox.spawn import SpawnHost

        return SpawnHost(_boot_code(), learner_environment())
    return Host()


class Host:
    """A host process and nncli's channel to it."""

    def __init__(self):
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-c", _boot_code(), str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), env=learner_environment(), cwd="/",
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, close_fds=True,
                start_new_session=True)
        finally:
            theirs.close()
        _make_room(mine)  # for the calls' inputs of a whole check while the host starts
        self.channel = Channel(mine)
        self.defined = set()

    def define(self, key, calls):
        """Send the calls' inputs once under `key` (before the first student that needs them:
        a student process copies what the host has when it is forked)."""
        if key in self.defined:
            return
        blobs = []
        self.channel.send({"op": "calls", "key": key, "calls": wire.encode_calls(calls, blobs)},
                          blobs)
        self.defined.add(key)

    def open_student(self, isolation=None, cgroups=(), uid=None) -> "Student":
        """A student process, in the student's namespaces when `isolation` (an isolation.Plan)
        is given, in the control groups `cgroups` (folders), as `uid` when root. Returns at
        once: the socket to it is made here and handed to the host, which forks the process
        when it gets to the request (a host still importing NumPy holds nobody up)."""
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        _make_room(mine)  # for a start request's sources while the host forks the process
        try:
            self.channel.send({"op": "student",
                               "isolation": isolation.to_dict() if isolation else None,
                               "cgroups": list(cgroups), "uid": uid}, fds=[theirs.fileno()])
        except Closed as error:
            mine.close()
            return Student(None, f"the grader's host process is gone ({error})")
        finally:
            theirs.close()
        return Student(Channel(mine))

    def close(self):
        self.channel.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _make_room(sock):
    """A larger send buffer, so that nncli can say what it has to say while the other end
    is still starting, instead of waiting for it."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _SEND_BUFFER)
    except OSError:
        pass


class Student:
    """nncli's end of one student process. `problem` says why none could be had."""

    END_SECONDS = 20.0  # how long its student process may take to kill what it started

    def __init__(self, channel, problem=None):
        self.channel, self.problem, self.pid = channel, problem, None
        self._starting = []  # handles of each start request not answered yet, oldest first
        self.handles = {}  # pid -> Handle

    def start(self, files) -> list:
        """A Handle per File. The request is sent now and answered while nncli goes on (the
        student process forks the learners meanwhile); a handle gets its process when the
        answer is read, or fails with the reason."""
        pump = Pump.current()
        handles = [Handle(f, self) for f in files]
        if not files:
            return handles
        if self.problem is None:
            requests, blobs = [], []
            for file in files:
                requests.append(file.request())
                wire.attach_source(requests[-1], file.source, blobs)
            try:
                self.channel.send({"op": "start", "files": requests}, blobs)
            except Closed as error:
                self.problem = self._failure() or str(error)
        if self.problem is not None:
            for handle in handles:
                handle.fail(self.problem)
            return handles
        self._starting.append(handles)
        for handle in handles:
            pump.track(handle)
        pump.watch_student(self)
        return handles

    def _failure(self):
        """Why the student process failed, when it said so before closing (a start request
        it did not read can find its socket closed)."""
        try:
            for header, _, fds in self.channel.pending():
                for fd in fds:
                    os.close(fd)
                if header.get("op") == "failed":
                    return str(header.get("error") or "")[:500] or None
        except Closed:
            pass
        return None

    def _started(self, header, fds):
        """The answer to the oldest start request: each learner's pid and its three pipes."""
        handles = self._starting.pop(0) if self._starting else []
        answers = header.get("files")
        if not isinstance(answers, list) or len(answers) != len(handles) or \
                len(fds) != 3 * sum(1 for a in answers if isinstance(a, dict) and "pid" in a):
            for fd in fds:
                os.close(fd)
            for handle in handles:
                handle.fail("the student process answered with the wrong descriptors")
            return
        at = 0
        for handle, answer in zip(handles, answers):
            if "pid" not in answer:
                handle.fail(answer.get("error") or "the student process could not fork")
                continue
            handle.attach(answer["pid"], fds[at:at + 3], Pump.current())
            self.handles[answer["pid"]] = handle
            at += 3

    def on_message(self, header, fds=()):
        op = header.get("op")
        if op == "started":
            self._started(header, list(fds))
            return
        for fd in fds:
            os.close(fd)
        if op == "exit":
            handle = self.handles.pop(header.get("pid"), None)
            if handle is not None:
                handle.exited(header.get("status", 0))
        elif op == "forked" and type(header.get("pid")) is int:
            self.pid = header["pid"]
        elif op == "failed":  # no learner runs: it could not fork, or not confine itself
            self.problem = str(header.get("error") or "the student process did not start")[:500]
            for handles in self._starting:
                for handle in handles:
                    handle.fail(self.problem)
            self._starting = []

    def on_ready(self):
        try:
            for header, _, fds in self.channel.pending():
                self.on_message(header, fds)
        except Closed:
            pass
        if self.channel.closed:
            self._lost()
            Pump.current().forget_student(self)

    def _lost(self):
        """The student process is gone: what it ran or was to run has ended."""
        for handles in self._starting:
            for handle in handles:
                handle.fail("the student process ended")
        self._starting = []
        for handle in list(self.handles.values()):
            handle.exited(None)
        self.handles.clear()

    def kill(self, pid):
        if self.channel is not None and not self.channel.closed:
            try:
                self.channel.send({"op": "kill", "pid": pid})
            except Closed:
                pass

    def end(self):
        """Kill whatever is left of this student's processes, and close."""
        if self.channel is None:
            return
        Pump.current().forget_student(self)
        for handle in list(self.handles.values()):
            handle.kill()
        self.channel.sock.settimeout(self.END_SECONDS)
        try:
            self.channel.send({"op": "end"})
            while True:  # until it is gone: every process of the student's code is dead
                header, _, fds = self.channel.receive()
                self.on_message(header, fds)
                for handle in list(self.handles.values()):
                    handle.kill()
        except Closed:
            pass
        except TimeoutError:  # a student process of ours that does not end: end it
            if type(self.pid) is int and self.pid > 0:
                try:
                    os.kill(self.pid, 9)
                except OSError:
                    pass
        self._lost()
        self.channel.close()
        self.channel = None


class Handle:
    """A learner's process running; `wait()` returns its FileRun (the same one each time).

    Its time limit counts from when its process is known to run (`attach`): a host still
    importing NumPy, or a student process slow to be scheduled on a loaded machine, is not
    the file's time. Until then the limit is START_SECONDS longer."""

    START_SECONDS = 60.0

    def __init__(self, file, student):
        self.file, self.student = file, student
        self.pid = None
        self.started = time.monotonic()
        self.deadline = self.started + self.START_SECONDS + file.timeout
        self._fds = {}
        self._results = bytearray()
        self._budget = wire.Budget()
        self._received = 0
        self._frames = 0
        self._broken = None  # ("sandbox.too_much" | "sandbox.unreadable")
        self._out = _Capture(file.cap)
        self._err = _Capture(file.cap)
        self._outcomes = [CallOutcome("not_run") for _ in file.indexes]
        self._load_error = None
        self._done = self._loaded = self._killed = self._timed_out = self._memory = False
        self._status = "running"
        self._run = None
        self.process = None  # spawn.py's process, where there is no host

    def wait(self) -> FileRun:
        """Block until the process is done, dead or out of time; meanwhile serve the others."""
        Pump.current().serve_until(lambda: self._run is not None)
        return self._run

    @property
    def finished(self) -> bool:
        return self._run is not None

    def fail(self, reason):
        self._run = FileRun(self._outcomes, crashed=("sandbox.cannot_start",
                                                     {"reason": str(reason)}))
        Pump.current().unwatch(self)

    def attach(self, pid, fds, pump):
        """fds: the read ends of (results, stdout, stderr); None where there is none."""
        self.pid = pid
        if self.deadline != float("inf"):  # not stopped for its time already
            self.started = time.monotonic()
            self.deadline = self.started + self.file.timeout
        for fd, kind in zip(fds, ("results", "out", "err")):
            if fd is not None:
                if hasattr(os, "set_blocking"):
                    os.set_blocking(fd, False)
                self._fds[fd] = kind
        pump.watch(self)
        if self._killed or self._timed_out:  # stopped before its process was known
            self.student.kill(pid)

    def kill(self, timed_out=False):
        """Stop it now: its student process kills it and reports the exit (before the
        process is known, it is stopped when it is)."""
        if self._run is None and not (self._killed or self._timed_out):
            self._timed_out, self._killed = timed_out, not timed_out
            if self.pid is not None:
                self.student.kill(self.pid)

    # ---- reading ------------------------------------------------------------------------

    def on_ready(self, fd):
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
            self._maybe_finish()
            return
        self._take(kind, data)

    def _take(self, kind, data):
        if kind == "out":
            self._out.add(data)
        elif kind == "err":
            self._err.add(data)
        elif self._broken is None:
            self._received += len(data)
            if self._received > self._budget.bytes + wire.MAX_HEADER:
                self._broken = "sandbox.too_much"
                self._results.clear()
                return
            self._results += data
            self._parse_frames()

    def _parse_frames(self):
        while self._broken is None:
            try:
                got = wire.split(self._results, max_body=self._budget.bytes)
                if got is None:
                    return
                self._frames += 1
                if self._frames > len(self._outcomes) + 3:
                    raise wire.OverBudget("more frames than calls")
                self._on_frame(*got)
            except wire.OverBudget:
                self._broken = "sandbox.too_much"
            except wire.Malformed:
                self._broken = "sandbox.unreadable"
        self._results.clear()

    def _on_frame(self, header, body):
        kind = header.get("kind")
        if kind == "loaded":
            self._loaded = True
        elif kind == "done":
            self._done = True
        elif kind == "load_error" and self._load_error is None:
            error = wire.problem(header.get("error")) or ("sandbox.not_loaded", {})
            trace = wire.text(header.get("traceback"))
            self._load_error = error + "\n" + trace if trace and isinstance(error, str) \
                else error
        elif kind == "call":
            index = header.get("index")
            if type(index) is int and 0 <= index < len(self._outcomes):
                if self._outcomes[index].status == "not_run":
                    self._outcomes[index] = self._outcome(index, header, body)

    def _outcome(self, index, header, body):
        status = header.get("status")
        if status not in ("returned", "raised", "not_implemented", "missing"):
            raise wire.Malformed("bad status")
        value = wire.decode(header.get("value"), body, budget=self._budget) \
            if status == "returned" else None
        after = header.get("args_after") or []
        kw_after = header.get("kwargs_after") or {}
        if not isinstance(after, list) or not isinstance(kw_after, dict):
            raise wire.Malformed("bad arguments after")
        args_after = [wire.decode(d, body, budget=self._budget) if d is not None else None
                      for d in after]
        kwargs_after = {str(k): wire.decode(d, body, budget=self._budget)
                        for k, d in kw_after.items()}
        seconds = header.get("seconds")
        return CallOutcome(status, value, args_after, kwargs_after,
                           wire.problem(header.get("error")),
                           wire.text(header.get("traceback")),
                           seconds if isinstance(seconds, float) else None,
                           wire.warnings_field(header.get("warnings")))

    def _close(self, fd):
        if self._fds.pop(fd, None) is not None:
            Pump.current().unwatch_fd(fd)
            os.close(fd)

    # ---- the end ------------------------------------------------------------------------

    def exited(self, status):
        """The student process reaped it (status: its wait status; None: the student
        process itself is gone)."""
        self._status = status
        self._maybe_finish()

    def _maybe_finish(self):
        """Once its process has ended: read what is left in its pipes (at most the drain
        limit: an escaped child may still hold them open), and make the FileRun."""
        if self._run is None and self._status != "running":
            self._drain()
            self._finish()

    def on_deadline(self):
        self.kill(timed_out=True)
        self.deadline = float("inf")

    def poll_process(self):
        """For a spawned process (no student process reports its end): see if it ended or
        outgrew its memory."""
        if self.process.over_memory():
            self._memory = True
            self.process.kill()
        status = self.process.status()
        if status is not None:
            self.process.collect(self)
            self.exited(status)

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

    def _finish(self):
        for fd in list(self._fds):
            self._close(fd)
        Pump.current().unwatch(self)
        elapsed = time.monotonic() - self.started
        timed_out = self._timed_out and not self._done
        crashed, load_error = None, self._load_error
        if self._memory:
            crashed = ("sandbox.memory", {"limit": wire.size_text(self.file.memory)})
        elif self._killed:
            crashed = ("sandbox.stopped", {})
        elif not timed_out and not self._done and load_error is None:
            crashed = describe_status(self._status)
            if not self._loaded and not self._broken:
                load_error = crashed
        if self._broken and not self._killed:
            crashed = (self._broken, {})
        self._run = FileRun(self._outcomes, self._out.text(), self._err.text(),
                            self._out.total > self._out.cap or self._err.total > self._err.cap,
                            self._out.total, self._err.total, load_error, timed_out, crashed,
                            elapsed, self._loaded)


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
        return self.kept.decode("utf-8", "backslashreplace")


class Pump:
    """The one selector of this process: every running handle's pipes, every student's
    channel, and the handles' deadlines."""

    _current = None

    @classmethod
    def current(cls) -> "Pump":
        if cls._current is None:
            cls._current = cls()
        return cls._current

    def __init__(self):
        self.selector = selectors.DefaultSelector()
        self.handles = []
        self.students = set()

    def track(self, handle):
        """Count `handle` among the running ones (its deadline) before its pipes exist."""
        if handle not in self.handles:
            self.handles.append(handle)

    def watch(self, handle):
        self.track(handle)
        for fd in handle._fds:
            self.selector.register(fd, selectors.EVENT_READ, handle)

    def unwatch_fd(self, fd):
        try:
            self.selector.unregister(fd)
        except (KeyError, ValueError):
            pass

    def unwatch(self, handle):
        if handle in self.handles:
            self.handles.remove(handle)

    def watch_student(self, student):
        if student not in self.students and student.channel is not None:
            self.students.add(student)
            self.selector.register(student.channel.sock, selectors.EVENT_READ, student)

    def forget_student(self, student):
        if student in self.students:
            self.students.discard(student)
            self.unwatch_fd(student.channel.sock)

    def _select(self, wait):
        if not self.selector.get_map():
            time.sleep(wait)  # nothing to read: a spawned process is polled (Windows)
            return []
        return self.selector.select(wait)

    def serve_until(self, done):
        try:
            while not done():
                now = time.monotonic()
                for handle in list(self.handles):
                    if now >= handle.deadline:
                        handle.on_deadline()
                if done():
                    return
                for student in list(self.students):
                    if student.channel is not None and student.channel.buffered():
                        student.on_ready()
                if done():
                    return
                nearest = min((h.deadline for h in self.handles), default=now + 1.0)
                spawned = [h for h in self.handles if h.process is not None]
                wait = max(0.0, min(nearest - now, 0.02 if spawned else 1.0))
                for handle in spawned:
                    if handle._run is None and handle._status == "running":
                        handle.poll_process()
                for key, _ in self._select(wait):
                    if isinstance(key.data, Student):
                        key.data.on_ready()
                    elif key.data._run is None:
                        key.data.on_ready(key.fd)
                for handle in list(self.handles):
                    if handle._run is None and handle._status != "running":
                        handle._maybe_finish()
        except BaseException:
            kill_all()
            raise


def kill_all():
    """Kill every learner process still running (on an interrupt, or a cancelled check)."""
    pump = Pump._current
    if pump is None:
        return
    for student in list(pump.students):
        try:
            student.end()
        except Exception:  # noqa: BLE001
            pass
