"""Limits per student, not per process: a control group for each student of `nncli grade`.

A student's process (host.py) joins its groups before it forks any learner, so memory and
the number of processes are counted for all of that student's processes together, and no
student can starve another (a fork bomb fills its own group; forked children cannot add up
past the memory limit). cgroup v2 (`memory.max`, `pids.max`, in nncli's own group when its
controllers are delegated there, else as root at the hierarchy's root) is tried first, then
v1's memory and pids hierarchies (as root). Where neither can be made, `open` returns None and says why (`reason`): then each
learner has its own address-space limit (rlimit) and, as root, the student's own uid with a
process-count limit (isolation.py); rootless, there is no process-count limit per student.
"""

from __future__ import annotations

import os

_ROOT = "/sys/fs/cgroup"
reason = ""  # why the last `open` found no control groups


class StudentGroups:
    """The folder of this run's groups in each hierarchy, and the limits of one student."""

    def __init__(self, parents, memory, processes, version):
        self.parents, self.memory, self.processes = parents, memory, processes
        self.version = version
        self.made = []

    @classmethod
    def open(cls, memory: int, processes: int):
        """This run's groups (made now), or None where nncli may not make any."""
        global reason
        reason = "no cgroup hierarchy with memory and pids controllers"
        for version, finder in ((2, _v2_parent), (1, _v1_parents)):
            groups = cls([], memory, processes, version)
            try:
                for parent in finder():
                    folder = os.path.join(parent, f"nncli-{os.getpid()}")
                    os.mkdir(folder, 0o755)
                    groups.parents.append(folder)
                if groups.parents:
                    for folder in groups.make("probe"):
                        _rmdir(folder)
                    groups.made.clear()
                    return groups
            except OSError as error:
                reason = f"cgroup v{version}: {error.strerror or error}"
                groups.close()
        return None

    def make(self, name) -> list:
        """The folders of student `name`'s groups, made with the limits."""
        folders = []
        for parent in self.parents:
            folder = os.path.join(parent, f"student-{name}")
            os.mkdir(folder, 0o755)
            folders.append(folder)
            self.made.append(folder)
            controller = _controller(parent) if self.version == 1 else None
            if self.version == 2 or controller == "memory":
                _write(folder, "memory.max" if self.version == 2 else "memory.limit_in_bytes",
                       self.memory)
            if self.version == 2 or controller == "pids":
                _write(folder, "pids.max", self.processes)
        return folders

    def close(self):
        """Remove every group made (their processes are gone by now)."""
        for folder in self.made + self.parents:
            _rmdir(folder)
        self.made, self.parents = [], []


def _write(folder, name, value):
    with open(os.path.join(folder, name), "w", encoding="ascii") as f:
        f.write(str(value))


def _rmdir(folder):
    for _ in range(50):
        try:
            os.rmdir(folder)
            return
        except FileNotFoundError:
            return
        except OSError:
            import time

            time.sleep(0.01)  # its last process is still being reaped


def _own_groups() -> dict:
    """{controller or "": path} from /proc/self/cgroup ("" is v2's unified hierarchy)."""
    found = {}
    try:
        with open("/proc/self/cgroup", encoding="ascii") as f:
            for line in f:
                _, controllers, path = line.rstrip("\n").split(":", 2)
                for controller in controllers.split(",") if controllers else [""]:
                    found[controller] = path
    except (OSError, ValueError):
        pass
    return found


def _v2_parent() -> list:
    """Where this run's v2 group goes: nncli's own group when memory and pids are enabled for
    its children (a delegated subtree), else, as root, the hierarchy's root when they are
    enabled there (a group with processes of its own may not enable them: only the root is
    exempt)."""
    own = _own_groups().get("")
    if own is None:
        return []
    for root in (_ROOT, os.path.join(_ROOT, "unified")):
        if os.path.isfile(os.path.join(root, "cgroup.controllers")):
            candidates = [os.path.join(root, own.lstrip("/"))]
            if os.geteuid() == 0:
                candidates.append(root)
            for folder in candidates:
                if {"memory", "pids"} <= _enabled(folder):
                    return [folder]
            return []
    return []


def _enabled(folder) -> set:
    """The controllers enabled for the children of the v2 group `folder`."""
    try:
        with open(os.path.join(folder, "cgroup.subtree_control"), encoding="ascii") as f:
            return set(f.read().split())
    except OSError:
        return set()


def _v1_parents() -> list:
    own = _own_groups()
    parents = []
    for controller in ("memory", "pids"):
        root = os.path.join(_ROOT, controller)
        if controller not in own or not os.path.isdir(root):
            return []
        parents.append(os.path.join(root, own[controller].lstrip("/")))
    return parents


def _controller(parent) -> str:
    relative = os.path.relpath(parent, _ROOT)
    return relative.split(os.sep, 1)[0]
