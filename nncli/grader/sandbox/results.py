"""What a learner's file did, as the sandbox reports it: CallOutcome per call, FileRun per file.

Both are plain records built in nncli's process from what the learner's process sent (see
runner.py for how); nothing here runs learner code. What the sandbox itself says is a
problem: (text key, values), worded at the report in the learner's language (the keys
"sandbox.*" of nncli/texts/<lang>/grader.py); what the learner's code said (an exception's
message, a traceback) stays its own text.
"""

from __future__ import annotations

import signal

from nncli.grader.sandbox.wire import CONTACT_LOST, SETUP_FAILED


class CallOutcome:
    """What one call did.

    status: "returned" | "raised" | "not_implemented" | "missing" | "not_run"
        ("not_run": the process died, timed out or stopped before this call finished).
    value: for "returned": an ndarray, a tuple of (ndarray | Unsupported), or Unsupported
        (a list, an object array, a dict, None, a scalar: its description says what); else None.
    args_after: empty when the call changed no positional argument; else one entry per
        positional argument: None when the call left it unchanged, else a new array (or dict
        of arrays) holding what the learner's code left in it. kwargs_after: the changed
        keyword arguments only.
    error: "ValueError: shapes (2,3) and (4,) not aligned", "called sys.exit(3)",
        "ran out of memory (limit 1 GiB)", "KeyboardInterrupt", ...; traceback: trimmed to the
        frames of the learner's file (or None). seconds: the call's duration as the child
        measured it (informative only). warnings: the distinct warnings the call raised, in
        order, as "Category: message" ("RuntimeWarning: overflow encountered in exp"), at most
        wire.MAX_WARNINGS, each capped; () when none.
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
    printed, the first output_cap bytes of each (UTF-8, undecodable bytes escaped);
    output_truncated: either was cut; stdout_bytes, stderr_bytes: how much was printed in all.
    load_error: the file could not be loaded: the learner's text (its first line one line,
    "ZeroDivisionError: division by zero", the rest the traceback trimmed to the learner's
    file) or a sandbox problem (key, values) such as the process dying while loading.
    timed_out: the wall-clock limit was reached and the process killed. crashed: a problem
    (key, values): the process died before finishing ("sandbox.signal" with number and
    name), was stopped, or sent too much. elapsed: seconds from the start to the end of the
    process. loaded: the file was loaded (its top-level code ran to the end).
    """

    __slots__ = ("outcomes", "stdout", "stderr", "output_truncated", "stdout_bytes",
                 "stderr_bytes", "load_error", "timed_out", "crashed", "elapsed", "loaded")

    def __init__(self, outcomes, stdout="", stderr="", output_truncated=False, stdout_bytes=0,
                 stderr_bytes=0, load_error=None, timed_out=False, crashed=None, elapsed=0.0,
                 loaded=False):
        self.outcomes = outcomes
        self.stdout = stdout
        self.stderr = stderr
        self.output_truncated = output_truncated
        self.stdout_bytes = stdout_bytes
        self.stderr_bytes = stderr_bytes
        self.load_error = load_error
        self.timed_out = timed_out
        self.crashed = crashed
        self.elapsed = elapsed
        self.loaded = loaded

    def __repr__(self):
        return (f"FileRun(outcomes={self.outcomes!r}, load_error={self.load_error!r}, "
                f"timed_out={self.timed_out}, crashed={self.crashed!r}, "
                f"elapsed={self.elapsed:.3f})")


# POSIX numbers of the signals with a name of their own in the texts (Linux's, which macOS
# shares for these but SIGBUS 10 and SIGXCPU/SIGXFSZ: read from the signal module there)
_SIGNAL_KEYS = {11: "signal.segv", 7: "signal.bus", 8: "signal.fpe", 4: "signal.ill",
                6: "signal.abrt", 9: "signal.kill", 15: "signal.term", 24: "signal.xcpu",
                25: "signal.xfsz", 13: "signal.pipe"}
for _name, _key in (("SIGBUS", "signal.bus"), ("SIGXCPU", "signal.xcpu"),
                    ("SIGXFSZ", "signal.xfsz")):
    if hasattr(signal, _name):
        _SIGNAL_KEYS[int(getattr(signal, _name))] = _key


def describe_status(status):
    """The problem (key, values) of a process that ended before saying it was done, from its
    wait status in POSIX form (None: the student process that ran it is gone)."""
    if status is None:
        return ("sandbox.lost", {})
    number = status & 0x7F
    if number and number != 0x7F:
        return ("sandbox.signal", {"number": number,
                                   "name": ("key", _SIGNAL_KEYS.get(number, "signal.unknown"))})
    code = (status >> 8) & 0xFF
    if code == SETUP_FAILED:
        return ("sandbox.exit_setup", {"code": code})
    if code == CONTACT_LOST:
        return ("sandbox.exit_contact", {"code": code})
    return ("sandbox.exit_status", {"code": code})
