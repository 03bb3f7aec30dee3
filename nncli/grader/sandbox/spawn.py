"""The sandbox where there is no fork (Windows): one fresh interpreter per learner file.

Same promise as the host (host.py): the learner's process is started with exec, `python -I`,
the minimal environment of runner.learner_environment, and receives only its calls' inputs
and its file's source (a request file in its own temporary folder). It writes its results
as wire frames on stdout and what the learner's code prints on stderr, both into files of
that folder (a pipe cannot be waited on with select() on Windows); once it has ended,
runner.Handle reads them, as much as the budget and the output cap allow.
Its process tree is killed at the deadline (psutil where it is installed, else the process
group on POSIX, else the process itself), and with psutil its memory is watched from
outside: a tree above the file's limit is killed and reported as out of memory. There are
no resource limits inside (no `resource` module there) and no namespaces: `nncli grade`
isolates students only on Linux.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

from nncli.grader.sandbox import wire


class SpawnHost:
    """runner.Host's interface over one process per file."""

    def __init__(self, boot_code, environment):
        self.boot_code, self.environment = boot_code, environment
        self.calls = {}
        self.process = None

    def define(self, key, calls):
        self.calls[key] = list(calls)

    def open_student(self, isolation=None, cgroups=(), uid=None):
        from nncli.grader.sandbox.runner import Student

        if isolation is not None:
            return Student(None, "isolation needs Linux")
        return SpawnStudent(self)

    def close(self):
        pass


class SpawnStudent:
    """runner.Student's interface: start() runs each file in a process of its own."""

    problem = None

    def __init__(self, host):
        self.host = host
        self.handles = []

    def start(self, files) -> list:
        from nncli.grader.sandbox.runner import Handle, Pump

        pump = Pump.current()
        handles = []
        for file in files:
            handle = Handle(file, self)
            try:
                process = _Process(self.host, file)
            except OSError as error:
                handle.fail(str(error))
            else:
                handle.process = process
                handle.attach(process.pid, (None, None, None), pump)
                self.handles.append(handle)
            handles.append(handle)
        return handles

    def kill(self, pid):
        for handle in self.handles:
            if handle.pid == pid and handle.process is not None:
                handle.process.kill()

    def end(self):
        for handle in self.handles:
            if handle.process is not None:
                handle.process.kill()
                if handle._run is None:
                    handle.process.collect(handle)
                    handle.exited(handle.process.status())
                handle.process.cleanup()
        self.handles = []


class _Process:
    """One learner file's process: started at once, its pipes' descriptors kept by the
    handle, its tree killed on request."""

    def __init__(self, host, file):
        self.workdir = tempfile.mkdtemp(prefix="nncli-run-")
        calls = [host.calls[file.calls][i] for i in file.indexes]
        blobs = []
        header = {"calls": wire.encode_calls(calls, blobs), "path": file.path,
                  "workdir": self.workdir, "memory": file.memory,
                  "forbidden": list(file.forbidden)}
        wire.attach_source(header, file.source, blobs)
        request = os.path.join(self.workdir, ".request")
        with open(request, "wb") as f:
            f.write(wire.frame(header, blobs))
        self.memory = file.memory
        options = {"start_new_session": True} if os.name == "posix" else {
            "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
        self.results = os.path.join(self.workdir, ".results")
        self.output = os.path.join(self.workdir, ".output")
        try:
            with open(request, "rb") as stdin, open(self.results, "wb") as stdout, \
                    open(self.output, "wb") as stderr:
                self.popen = subprocess.Popen(
                    [sys.executable, "-I", "-c", host.boot_code, "--single"], stdin=stdin,
                    stdout=stdout, stderr=stderr, cwd=self.workdir, env=host.environment,
                    **options)
        except OSError:
            shutil.rmtree(self.workdir, ignore_errors=True)
            raise
        self.pid = self.popen.pid

    def collect(self, handle):
        """Hand the handle what the process wrote, at most what it would have read."""
        for path, kind, most in ((self.results, "results", wire.Budget().bytes + wire.MAX_HEADER),
                                 (self.output, "err", handle.file.cap)):
            try:
                with open(path, "rb") as f:
                    data = f.read(most + 1)
                    rest = os.fstat(f.fileno()).st_size - len(data)
            except OSError:
                continue
            if data:
                handle._take(kind, data)
            if kind == "err" and rest > 0:
                handle._err.total += rest

    def status(self):
        """A wait status in POSIX form (exit code << 8, or the signal), None while running."""
        code = self.popen.poll()
        if code is None:
            return None
        return (-code) if code < 0 else (code & 0xFF) << 8

    def over_memory(self) -> bool:
        """True when the tree uses more than its limit (known only with psutil)."""
        try:
            import psutil
        except ImportError:
            return False
        try:
            root = psutil.Process(self.pid)
            used = sum(p.memory_info().rss for p in [root] + root.children(recursive=True))
        except psutil.Error:
            return False
        return used > self.memory

    def kill(self):
        try:
            import psutil

            root = psutil.Process(self.pid)
            for process in root.children(recursive=True) + [root]:
                process.kill()
        except ImportError:
            if os.name == "posix":
                try:
                    os.killpg(self.pid, 9)
                except OSError:
                    pass
            self.popen.kill()
        except Exception:  # noqa: BLE001 - already gone
            pass
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def cleanup(self):
        shutil.rmtree(self.workdir, ignore_errors=True)
