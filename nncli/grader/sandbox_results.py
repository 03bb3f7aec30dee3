"""What a learner's file did, as the sandbox reports it: CallOutcome per call, FileRun per file.

Both are plain records built in nncli's process from what the learner's process sent (see
sandbox.py for how); nothing here runs learner code.
"""

from __future__ import annotations

import os
import signal

from nncli.grader import sandbox_child


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
        measured it (informative only). warnings: the distinct warnings the call raised, in
        order, as "Category: message" ("RuntimeWarning: overflow encountered in exp"), at most
        sandbox_wire.MAX_WARNINGS, each capped; () when none.
    """

    __slots__ = ("status", "value", "args_after", "kwargs_after", "error", "traceback",
                 "seconds", "warnings")

    def __init__(self, status, value=None, args_after=(), kwargs_after=None, error=None,
                 traceback=None, seconds=None, warnings=()):
        self.status = status
        self.value = value
        self.args_after = args_after
        self.kwargs_after = kwargs_after if kwargs_after is not None else {}
        self.error = error
        self.traceback = traceback
        self.seconds = seconds
        self.warnings = tuple(warnings)

    def __repr__(self):
        extra = f", warnings={self.warnings!r}" if self.warnings else ""
        return (f"CallOutcome({self.status!r}, value={self.value!r}, error={self.error!r}"
                f"{extra})")


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
    if code == sandbox_child.CONTACT_LOST:
        return f"exited with status {code} (its results could not be sent)", None, code
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
