"""Ending a learner's whole process tree, on Linux through /proc.

The learner's process starts a new session (its session id is its pid). At the end nncli
kills the session's process group, then every process whose session id is that one or that
descends from one of them, and reaps the ones that became nncli's children. nncli is made a
"child subreaper" (prctl PR_SET_CHILD_SUBREAPER), so a double-forked orphan re-parents to
nncli instead of init: it stays findable and its zombie is reaped here.
"""

from __future__ import annotations

import os
import signal
import time

_PR_SET_CHILD_SUBREAPER = 36
_libc_prctl = None
_subreaper = False


def prctl():
    """libc's prctl, or None where there is none (not Linux)."""
    global _libc_prctl
    if _libc_prctl is None:
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            _libc_prctl = libc.prctl
            _libc_prctl.restype = ctypes.c_int
            _libc_prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong,
                                    ctypes.c_ulong, ctypes.c_ulong]
        except (OSError, AttributeError, ImportError):
            _libc_prctl = False
    return _libc_prctl or None


def become_subreaper():
    global _subreaper
    if not _subreaper:
        call = prctl()
        if call is not None and call(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0:
            _subreaper = True
    return _subreaper


def processes():
    """{pid: (state, ppid, session id)} for every process visible in /proc."""
    table = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return table
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        try:
            table[int(name)] = (fields[0].decode(), int(fields[1]), int(fields[3]))
        except (IndexError, ValueError):
            continue
    return table


def _members(table, sessions):
    """Processes of the `sessions`, and every descendant of one of them."""
    found = {pid for pid, (_, _, sid) in table.items() if sid in sessions}
    children = {}
    for pid, (_, ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    stack = list(found) + list(sessions)
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def _reap(pid):
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done != 0
    except ChildProcessError:
        return True
    except OSError:
        return False


def kill_group(pgid):
    """SIGKILL a process group (the learner's session starts as one group); quiet if empty."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except OSError:
        pass


def kill_sessions(sessions, budget=2.0, extra=lambda table: ()):
    """SIGKILL every process of the `sessions` (and their descendants, and the pids
    `extra(table)` names), reaping those that are nncli's children, until none is left or
    `budget` seconds have passed. Returns the pids that could not be made to disappear."""
    sessions = set(sessions)
    for session in sessions:
        kill_group(session)
    me = os.getpid()
    deadline = time.monotonic() + budget
    while True:
        table = processes()
        targets = _members(table, sessions) | set(extra(table))
        targets.discard(me)
        alive = []
        for pid in targets:
            state, ppid, _ = table.get(pid, ("?", 0, 0))
            if state in ("Z", "X"):
                if ppid == me and not _reap(pid):
                    alive.append(pid)
                continue
            _kill(pid)
            alive.append(pid)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.001)


def orphans(table, started_ticks):
    """nncli's own children in a session not nncli's, started after `started_ticks`
    (clock ticks since boot): learner processes that escaped with setsid and re-parented to
    nncli as subreaper."""
    me = os.getpid()
    own = table.get(me, ("?", 0, 0))[2]
    found = []
    for pid, (_, ppid, sid) in table.items():
        if ppid == me and sid != own and _start_ticks(pid) >= started_ticks:
            found.append(pid)
    return found


def _start_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
        return int(stat[stat.rfind(b")") + 2:].split()[19])
    except (OSError, ValueError, IndexError):
        return -1


def now_ticks():
    """Now, in the clock ticks since boot that /proc/PID/stat uses for start times."""
    return int(time.clock_gettime(time.CLOCK_BOOTTIME) * os.sysconf("SC_CLK_TCK"))
