"""The host: a fresh Python interpreter whose only job is to fork learners.

nncli starts it with exec (runner.start_host: `python -I`, a minimal environment), so it
holds what a new interpreter holds, plus NumPy and the calls' inputs that nncli sends it;
never an expected value, reference or case code, a student's file or the teacher's
environment. It speaks wire frames over a Unix socket (channel.py):

  nncli -> host  {"op": "calls", "key", "calls"}: keep these calls (inputs) under `key`.
  nncli -> host  {"op": "student", "isolation", "cgroups", "uid"} with one descriptor, a
                 socket whose other end nncli keeps: fork a student process on it (nothing
                 is answered: nncli goes on at once). The host reaps it when it ends.
  nncli <-> student  (see `_student`): it says {"op": "forked", "pid"}, joins the student's
                 control groups, enters the student's namespaces when asked
                 (isolation.enter_student; {"op": "failed", "error"} and it ends when that
                 fails), then for {"op": "start", "files"} (the files' sources in the
                 body) compiles each file and forks one learner per file (learner.run),
                 and answers {"op": "started"} with each learner's pid and the read
                 ends of its three pipes (results, stdout, stderr); reports
                 {"op": "exit", "pid", "status"} when a learner ends, kills one on
                 {"op": "kill", "pid"}, and on {"op": "end"} or when nncli is gone kills
                 every process the student's code left, and exits.

A learner is a fork of its student process: the host's memory plus this one student's
requests. Results never pass through the host or the student process: the pipes go
straight to nncli.
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import socket
import sys
import tempfile

# Everything the host, its student processes and their learners use is imported here, while
# the boot code has nncli's folder on sys.path (it takes it off again before any learner
# runs), and once: each fork finds it loaded.
from nncli.grader.sandbox import isolation, learner, wire
from nncli.grader.sandbox.channel import Channel, Closed

_PR_SET_PDEATHSIG, _PR_SET_CHILD_SUBREAPER = 1, 36


def main(argv) -> None:
    """`host FD`: serve nncli on the socket FD until it closes. `host --single`: run one
    file for the spawn backend (learner.serve_single)."""
    _forget_nncli_modules()
    if argv[1:] == ["--single"]:
        sys.exit(learner.serve_single())
    _import_what_forks_use()

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is nncli's; it closes the socket
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # student processes reap themselves away
    _die_with_parent()
    channel = Channel(socket.socket(fileno=int(argv[1])))
    calls = {}
    try:
        while True:
            header, body, fds = channel.receive()
            if header.get("op") == "calls":
                calls[header["key"]] = wire.decode_calls(header["calls"], body)
            elif header.get("op") == "student" and fds:
                _fork_student(channel, socket.socket(fileno=fds.pop(0)), header, calls)
            for fd in fds:
                os.close(fd)
    except Closed:
        pass
    os._exit(0)


_KEPT_MODULES = []


def _forget_nncli_modules():
    """Take nncli's modules out of sys.modules once, here (they stay alive in _KEPT_MODULES):
    a learner's `import nncli` finds nothing, and no learner pays for searching sys.modules
    in a forked copy, where reading each name costs a copied page."""
    names = [name for name in sys.modules if name.partition(".")[0] == "nncli"]
    _KEPT_MODULES.extend(sys.modules.pop(name) for name in names)


def _import_what_forks_use():
    """What only the forking host needs (POSIX): the learners' limits and libc's prctl."""
    import faulthandler  # noqa: F401
    import resource  # noqa: F401

    global _PRCTL
    _PRCTL = _load_prctl()
    import gc

    gc.freeze()  # what is here now is never touched by a collection in a fork: fewer copies


_PRCTL = None


def _prctl():
    return _PRCTL


def _load_prctl():
    try:
        import ctypes

        call = ctypes.CDLL(None, use_errno=True).prctl
        call.restype = ctypes.c_int
        call.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                         ctypes.c_ulong]
        return call
    except (OSError, AttributeError, ImportError):
        return None


def _die_with_parent():
    call = _prctl()
    if call is not None:
        call(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _fork_student(channel, mine, request, calls):
    """Fork a student process that speaks on `mine`, a socket nncli made and keeps the other
    end of; a fork that fails is said on that socket."""
    try:
        pid = os.fork()
    except OSError as error:
        try:
            Channel(mine).send({"op": "failed", "error": f"the host could not fork: {error}"})
        except Closed:
            pass
        mine.close()
        return
    if pid == 0:
        code = 0
        try:
            channel.sock.close()
            _student(Channel(mine), request, calls)
        except BaseException:  # noqa: B036 - never back into the host's loop
            code = 1
        finally:
            os._exit(code)
    mine.close()


class _Learners:
    """The student process's learners: pid -> (pidfd or None, its temporary folder)."""

    def __init__(self):
        self.by_pid = {}
        self.selector = selectors.DefaultSelector()

    def add(self, pid, workdir):
        pidfd = None
        try:
            pidfd = os.pidfd_open(pid)
            self.selector.register(pidfd, selectors.EVENT_READ, pid)
        except (AttributeError, OSError):
            pidfd = None
        self.by_pid[pid] = (pidfd, workdir)

    def ended(self, pids=None) -> list:
        """(pid, status) of every learner that has ended among `pids` (those whose pidfd
        said so; None: all of them, where some have no pidfd), reaped (its group killed
        first, while its zombie still holds the group's id)."""
        done = []
        for pid in list(self.by_pid) if pids is None else [p for p in pids if p in self.by_pid]:
            try:
                if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
                    continue
            except ChildProcessError:
                pass
            _kill_group(pid)
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:
                status = 0
            done.append((pid, status))
            self.forget(pid)
        return done

    def forget(self, pid):
        pidfd, workdir = self.by_pid.pop(pid, (None, None))
        if pidfd is not None:
            try:
                self.selector.unregister(pidfd)
            except (KeyError, ValueError):
                pass
            os.close(pidfd)
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    def kill_all(self):
        for pid in list(self.by_pid):
            _kill_group(pid)
            _kill(pid)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
            self.forget(pid)


def _student(channel, request, calls):
    """The student process: limits and namespaces, then learners on request, until "end"
    or until nncli is gone; then nothing the student's code started is left."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    _die_with_parent()
    channel.send({"op": "forked", "pid": os.getpid()})
    for group in request.get("cgroups") or ():
        with open(os.path.join(group, "cgroup.procs"), "w", encoding="ascii") as f:
            f.write(str(os.getpid()))
    plan, init = None, None
    mapped = learner.address_space()
    if request.get("isolation") is not None:
        try:
            plan = isolation.Plan.from_dict(request["isolation"])
            init = isolation.enter_student(plan)
        except Exception as error:  # noqa: BLE001 - reported; no learner runs then
            channel.send({"op": "failed", "error": str(error)[:500]})
            return
    else:
        call = _prctl()
        if call is not None:  # orphans of the learners come back here, to be killed
            call(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    learner.prepare_student()
    learners = _Learners()
    learners.selector.register(channel.sock, selectors.EVENT_READ, None)
    polling = False
    try:
        while True:
            events = learners.selector.select(0.02 if polling else None)
            if any(key.data is None for key, _ in events):
                for header, body, fds in channel.pending():
                    for fd in fds:
                        os.close(fd)
                    op = header.get("op")
                    if op == "start":
                        polling |= _start(channel, header, body, calls, plan,
                                          (request.get("uid"), mapped), learners)
                    elif op == "kill" and header.get("pid") in learners.by_pid:
                        _kill_group(header["pid"])
                        _kill(header["pid"])
                    elif op == "end":
                        return
                if channel.closed:
                    return
            ready = None if polling else [key.data for key, _ in events if key.data is not None]
            for pid, status in learners.ended(ready):
                channel.send({"op": "exit", "pid": pid, "status": status})
    except Closed:
        return
    finally:
        learners.kill_all()
        if init is not None:
            _kill(init)  # its PID namespace goes with it: whatever the learners left
        _end_everything(isolated=init is not None)


def _start(channel, request, body, calls, plan, inherited, learners) -> bool:
    """Fork a learner for each file of the request; answer once with their pids and pipes.
    Everything is made ready first (_Job: the file compiled, and when isolated copied into
    /student), so that no learner runs before its classmates' files are in place and the
    forks follow each other closely (each write between two forks is a page copied).
    inherited: (the student's uid when isolated as root, the student process's address
    space), for each learner. True when some learner has no pidfd (its end is found by
    polling)."""
    prctl = _prctl()
    jobs = [_Job.make(file, body, calls, plan) for file in request["files"]]
    for job in jobs:
        if job.problem is None:
            try:
                job.pid = os.fork()
            except OSError as error:
                job.problem = f"the student process could not fork: {error}"[:500]
            if job.pid == 0:
                learner.run(job.path, job.program, job.calls, job.writes, job.workdir,
                            job.limits, job.forbidden, prctl, plan, *inherited)
    answers, sent, polling = [], [], False
    for job in jobs:
        if job.problem is not None:
            job.undo()
            answers.append({"error": job.problem})
            continue
        for fd in job.writes:
            os.close(fd)
        learners.add(job.pid, job.workdir)
        polling |= learners.by_pid[job.pid][0] is None
        answers.append({"pid": job.pid})
        sent.extend(job.reads)
    try:
        channel.send({"op": "started", "files": answers}, fds=sent)
    finally:
        for fd in sent:
            os.close(fd)
    return polling


class _Job:
    """One file of a start request, made ready to fork its learner: its path (the copy in
    /student when isolated), its Program (compiled here: compile() does not run the code,
    and one compiler warm after the first file costs less than a cold one per learner) or
    why it has none, its calls, limits, pipes and temporary folder; or the `problem` that
    stops it."""

    __slots__ = ("path", "program", "calls", "limits", "forbidden", "workdir", "reads",
                 "writes", "pid", "problem")

    def __init__(self):
        self.path = self.program = self.workdir = self.pid = self.problem = None
        self.calls, self.limits, self.forbidden = [], None, ()
        self.reads, self.writes = [], ()

    @classmethod
    def make(cls, file, body, calls, plan) -> "_Job":
        job = cls()
        try:
            job.calls = [calls[file["calls"]][i] for i in file["indexes"]]
            job.limits = (float(file["timeout"]), int(file["memory"]))
            job.forbidden = tuple(file["forbidden"])
            source, job.path = wire.source(file, body), file["path"]
            if plan is None:
                job.workdir = tempfile.mkdtemp(prefix="nncli-run-")
            elif isinstance(source, bytes):
                job.path = isolation.place_file(job.path, source)
            job.program = learner.Program(source, job.path) if isinstance(source, bytes) \
                else source
            pipes = []
            try:
                for _ in range(3):
                    pipes.append(os.pipe())
            finally:
                job.reads, job.writes = [r for r, _ in pipes], tuple(w for _, w in pipes)
        except (OSError, KeyError, IndexError, TypeError, ValueError) as error:
            job.problem = str(error)[:500]
        return job

    def undo(self):
        """Close the pipes and remove the folder of a job that did not start."""
        for fd in list(self.reads) + list(self.writes):
            os.close(fd)
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


def _kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


def _children() -> list:
    """This process's children: /proc/self/task/*/children where Linux has it, else a scan
    of /proc; [] where there is no /proc (macOS: orphans are not ours to kill there)."""
    me, found = os.getpid(), []
    try:
        for task in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{task}/children", encoding="ascii") as f:
                found += [int(p) for p in f.read().split()]
        return found
    except (OSError, ValueError):
        pass
    try:
        names = os.listdir("/proc")
    except OSError:
        return []
    for name in names:
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
            if int(stat[stat.rfind(b")") + 2:].split()[1]) == me:
                found.append(int(name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _end_everything(isolated, seconds=10.0):
    """Kill and reap every child until none is left. Not isolated: as a subreaper, whatever
    the learners left ends up a child of this one (each killed parent hands its children
    on), found in /proc. Isolated: the PID namespace's init was killed, and everything in
    the namespace with it; only the dead are left to reap (this process is not in that
    namespace, so its /proc names nothing of ours). Gives up after `seconds`: what is left
    then is the host's to reap (it ignores SIGCHLD)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not isolated:
            for pid in _children():
                _kill_group(pid)
                _kill(pid)
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        except InterruptedError:
            continue
        if pid == 0:
            time.sleep(0.001)
