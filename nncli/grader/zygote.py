"""Learner processes for `nncli grade`, forked where no student's data has ever been.

A worker of `nncli grade` (classroom.py) grades many students one after another, so its
memory holds their files, their results and the expected values: a learner process must
never be a fork of it. So each worker has a zygote, forked from nncli's main process before
any worker exists: it holds NumPy, nncli's code and the cases' inputs (the same for every
student), nothing of any student. The two talk over a socket pair (SOCK_SEQPACKET, one JSON
message a packet):

  worker -> zygote  {"op": "student"}: the zygote forks a student zygote, which enters that
                    student's namespaces (isolation.enter_student: user, network, IPC, PID,
                    and the mount namespace with the learners' root) and answers "ready";
                    from then on it, not the zygote, reads the socket:
  worker -> student zygote  {"op": "start", "files": [{exercise, cases (indexes), path,
                    limits}, ...]}: for each file it forks a learner (sandbox.spawn:
                    sandbox_child.run makes the calls from the learner's copy of the cases
                    and shuts it in), then answers "started" with their pids, sending the
                    read ends of each one's three pipes and a pidfd (SCM_RIGHTS). When a learner ends it kills the learner's process group,
                    reaps it and sends {"op": "exit", pid, status} (the sandbox's verdicts,
                    such as "killed by signal 11", need the wait status).
  worker -> student zygote  {"op": "end"}: it kills the PID namespace's init (so every
                    process the student's code left dies), reaps and exits; the zygote then
                    answers "ended" and waits for the next student.

The student zygote holds only the zygote's memory and this student's requests (paths in
nncli's private folder), so a learner forked from it finds no other student's file, no
result and no expected value in what it inherits.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket

_PR_SET_PDEATHSIG = 1
_MAX = 1 << 16
_MAX_FDS = 253  # SCM_MAX_FD: 4 a learner (three pipes and a pidfd), ten learners a student


class Lost(OSError):
    """The zygote went away or answered nonsense."""


# ---------------------------------------------------------------- the worker's side

class Link:
    """The worker's end of the socket to its zygote. `exits` collects {pid: wait status}
    of ended learners until the sandbox takes them."""

    def __init__(self, sock):
        self.sock = sock
        self.exits = {}
        self.registered = False  # in the sandbox's selector
        self._in_student = False
        self._awaiting_ready = False  # "student" sent, "ready" not read yet
        self._awaiting_end = False    # "end" sent, "ended" not read yet

    def fileno(self):
        return self.sock.fileno()

    def _send(self, message):
        self.sock.send(json.dumps(message).encode("utf-8"))

    def _receive(self, flags=0):
        """One message (dict, fds), or None when it was an exit report (kept in `exits`)."""
        data, fds = _recv_fds(self.sock, flags)
        if not data:
            for fd in fds:
                os.close(fd)
            raise Lost("the zygote ended")
        try:
            message = json.loads(data)
        except ValueError:
            message = None
        if not isinstance(message, dict):
            for fd in fds:
                os.close(fd)
            raise Lost("the zygote answered nonsense")
        if message.get("op") == "exit":
            for fd in fds:
                os.close(fd)
            self.exits[message.get("pid")] = message.get("status", 0)
            return None
        return message, fds

    def _expect(self, *ops):
        while True:
            got = self._receive()
            if got is None:
                continue
            message, fds = got
            if message.get("op") not in ops:
                for fd in fds:
                    os.close(fd)
                raise Lost(f"the zygote answered {message.get('op')!r}")
            return message, fds

    def read_pending(self):
        """Take every message waiting (exit reports), without blocking."""
        while True:
            try:
                got = self._receive(socket.MSG_DONTWAIT)
            except (BlockingIOError, InterruptedError):
                return
            if got is not None:
                for fd in got[1]:
                    os.close(fd)
                raise Lost(f"the zygote said {got[0].get('op')!r} out of turn")

    def begin(self):
        """Ask for a student zygote for the next student; it enters the student's
        namespaces while this process goes on (start_many waits until it is ready)."""
        self._settle()
        self._send({"op": "student"})
        self._in_student = self._awaiting_ready = True

    def _ready(self):
        if not self._awaiting_ready:
            return
        self._awaiting_ready = False
        message, _ = self._expect("ready", "failed")
        if message["op"] == "failed":
            self._expect("ended")
            self._in_student = False
            raise Lost(f"the student's namespaces could not be entered: {message.get('error')}")

    def _settle(self):
        """Wait until the last student zygote is gone (see end)."""
        if self._awaiting_end:
            self._awaiting_end = False
            self._expect("ended")
            self.exits.clear()

    def start_many(self, files):
        """files: (path, exercise, case indexes, timeout, memory bytes, output cap,
        forbidden modules) each. For each, in order: (pid, (results, stdout, stderr) read
        ends, pidfd or None), or the OSError saying why it could not be started."""
        self._ready()
        self._send({"op": "start", "files": [
            {"path": path, "exercise": exercise, "cases": cases, "timeout": timeout,
             "memory": memory, "cap": cap, "forbidden": list(forbidden)}
            for path, exercise, cases, timeout, memory, cap, forbidden in files]})
        message, fds = self._expect("started")
        answers = message.get("files")
        counts = [a.get("fds", 0) if isinstance(a, dict) else 0 for a in answers or ()]
        if not isinstance(answers, list) or len(answers) != len(files) \
                or sum(counts) != len(fds) or any(c not in (0, 3, 4) for c in counts):
            for fd in fds:
                os.close(fd)
            raise Lost("the zygote answered with the wrong file descriptors")
        started, at = [], 0
        for answer, count in zip(answers, counts):
            mine, at = fds[at:at + count], at + count
            if count == 0:
                started.append(OSError(answer.get("error") or "the zygote could not fork"))
            else:
                started.append((answer["pid"], tuple(mine[:3]),
                                mine[3] if count == 4 else None))
        return started

    def end(self):
        """End the student zygote: it kills everything its learners left, then exits; wait
        until it is gone (a worker that left first could leave it orphaned)."""
        if not self._in_student:
            return
        try:
            self._ready()
        except Lost:
            return  # it never started: the zygote said so already
        self._in_student = False
        self._send({"op": "end"})
        self._awaiting_end = True
        self._settle()


# ---------------------------------------------------------------- the zygote

def serve(sock, plan, seed) -> None:
    """The zygote's loop (in a process forked from nncli's main one). Never returns."""
    code = 0
    try:
        _die_with_parent()
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        while True:
            data = sock.recv(_MAX)
            if not data:
                break  # the worker is gone
            op = json.loads(data).get("op")
            if op == "end":
                continue  # for a student zygote that had failed (and is gone)
            if op != "student":
                code = 1
                break
            pid = os.fork()
            if pid == 0:
                _student(sock, plan, seed)
            _, status = os.waitpid(pid, 0)
            sock.send(json.dumps({"op": "ended", "status": status}).encode("utf-8"))
    except BaseException:  # noqa: B036 - nothing may escape into the copy of nncli
        code = 1
    finally:
        os._exit(code)


def _die_with_parent():
    from nncli.grader.sandbox_procs import prctl

    call = prctl()
    if call is not None:
        call(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _student(sock, plan, seed):
    """The student zygote: enter the student's namespaces, then fork learners on request
    until "end". Never returns."""
    init = None
    learners = {}  # pidfd -> pid
    selector = None
    try:
        _die_with_parent()
        try:
            if plan is not None:
                from nncli.grader import isolation

                init = isolation.enter_student(plan)
        except BaseException as error:  # noqa: B036
            _say(sock, {"op": "failed", "error": str(error)[:500]})
            return
        _say(sock, {"op": "ready"})
        selector = selectors.DefaultSelector()
        selector.register(sock, selectors.EVENT_READ, None)
        while True:
            for key, _ in selector.select():
                if key.data is None:
                    data = sock.recv(_MAX)
                    if not data:
                        return
                    request = json.loads(data)
                    if request.get("op") != "start":
                        return  # "end" (or nonsense): finish this student
                    _start(sock, request, plan, seed, learners, selector)
                else:
                    _reap(sock, key.fileobj, learners, selector)
    except BaseException:  # noqa: B036
        pass
    finally:
        for pid in learners.values():
            _kill_group(pid)
            _kill(pid)
        if init is not None:
            _kill(init)  # its PID namespace goes with it: whatever the learners left
        _reap_all()
        os._exit(0)


def _recv_fds(sock, flags=0):
    """(data, fds): socket.recv_fds, but with `flags` passed on (Python 3.11's drops them)."""
    import array

    fds = array.array("i")
    data, ancillary, _, _ = sock.recvmsg(_MAX, socket.CMSG_LEN(_MAX_FDS * fds.itemsize), flags)
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[:len(payload) - (len(payload) % fds.itemsize)])
    return data, list(fds)


def _say(sock, message, fds=()):
    data = json.dumps(message).encode("utf-8")
    if fds:
        socket.send_fds(sock, [data], list(fds))
    else:
        sock.send(data)


_names = {}  # forbidden modules -> sandbox.module_names, listed once: every look at
            # sys.modules after a fork would copy the pages it touches


def _calls(exercise, indexes, seed):
    """The function making the learner's calls, run in the learner's process (what this
    process touches between forks, it copies)."""
    def make():
        from nncli.catalogue import find_exercise
        from nncli.grader import session

        cases = session.make_cases(find_exercise(exercise), seed)
        return [(str(cases[i].function), tuple(cases[i].args), dict(cases[i].kwargs or {}))
                for i in indexes]
    return make


def _start(sock, request, plan, seed, learners, selector):
    """Fork a learner for each file of the request, one right after another (between
    forks this process touches as little as it can: each page it writes, it copies), then
    answer once with every learner's pid and file descriptors."""
    from nncli.grader import sandbox

    answers, sent = [], []
    for file in request["files"]:
        try:
            forbidden = tuple(file["forbidden"])
            if forbidden not in _names:
                _names[forbidden] = sandbox.module_names(forbidden)
            pid, reads = sandbox.spawn(file["path"], _calls(file["exercise"],
                                                            list(file["cases"]), seed),
                                       float(file["timeout"]), int(file["memory"]),
                                       int(file["cap"]), forbidden, None, plan,
                                       _names[forbidden])
        except Exception as error:  # noqa: BLE001 - the worker reports it as a crash
            answers.append({"error": str(error)[:500], "fds": 0})
            continue
        pidfd = None
        try:
            pidfd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            pass
        fds = reads + ((pidfd,) if pidfd is not None else ())
        answers.append({"pid": pid, "fds": len(fds)})
        sent.extend(fds)
        if pidfd is not None:
            learners[pidfd] = pid
        else:  # no pidfd: nothing tells us it ended; the worker's deadline stops it
            learners[-pid] = pid
    try:
        _say(sock, {"op": "started", "files": answers}, sent)
    finally:
        for fd in sent:
            if fd not in learners:
                os.close(fd)  # the pipes' read ends are the worker's now
    for pidfd, pid in learners.items():
        if pidfd >= 0 and pidfd in sent:
            selector.register(pidfd, selectors.EVENT_READ, pid)


def _reap(sock, pidfd, learners, selector):
    pid = learners.pop(pidfd, None)
    selector.unregister(pidfd)
    os.close(pidfd)
    if pid is None:
        return
    _kill_group(pid)  # while its zombie still holds the group's id
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        status = 0
    _say(sock, {"op": "exit", "pid": pid, "status": status})


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


def _reap_all():
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return
        except InterruptedError:
            continue
