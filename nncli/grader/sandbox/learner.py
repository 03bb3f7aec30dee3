"""What runs inside a learner's process: limits, then the learner's file and its calls.

A learner's process is forked by a student process of the host (host.py), a fresh Python
interpreter that never held an expected value, reference or case code, another student's
file or the teacher's environment: there is nothing here to hide. What all of a student's
learners share is set once in the student process (`prepare_student`: default signals,
stdin on /dev/null, no core files, a file size limit, the output streams); `run` does the
rest for one file: a new session, CPU and address space limits, stdout/stderr on the pipes
nncli drains, no privileges when the student is isolated (isolation.py), forbidden imports
refused; then it runs the file (a Program, compiled by the student process from the bytes
nncli sent, which its syntax-tree check read) and makes each call with fresh copies of its
arguments. Results go out as wire frames on RESULT_FD; warnings a call raises are recorded
and sent with its outcome. `run` never returns: it ends in os._exit.

`serve_single` does the same for the spawn backend (no fork: one fresh process per file).
"""

from __future__ import annotations

import io
import os
import signal
import sys
import time
import traceback
import types
import warnings

import numpy as np

from nncli.grader.sandbox import isolation, wire

RESULT_FD = 3
SETUP_FAILED, CONTACT_LOST = wire.SETUP_FAILED, wire.CONTACT_LOST
_MAX_ERROR = 2000
_MAX_TRACEBACK = 20000
_PR_SET_PDEATHSIG = 1
_results_fd = RESULT_FD


class Program:
    """A learner's file made ready to run: its code object, or the exception compiling it
    raised (a SyntaxError is the learner's to see, as its file's load error), and the
    warnings compiling it gave (a SyntaxWarning is shown on the learner's stderr when the
    file runs). The student process compiles all of its student's files before forking
    their learners: one compiler, warm after the first file, instead of a cold one in each
    learner."""

    __slots__ = ("code", "error", "warnings")

    def __init__(self, source: bytes, path: str):
        self.code = self.error = None
        with warnings.catch_warnings(record=True) as caught:
            try:
                self.code = compile(source, path, "exec", dont_inherit=True)
            except Exception as exc:  # noqa: BLE001 - SyntaxError, MemoryError, ValueError...
                self.error = exc
        self.warnings = caught[:wire.MAX_WARNINGS]


def run(path, program, calls, fds, workdir, limits, forbidden_modules, prctl=None, plan=None,
        uid=None, mapped=None):
    """In a learner process forked by a student process that called prepare_student.
    path: the file's name for its module and tracebacks (its copy in /student when
    isolated); program: its Program, or a str saying why nncli could not read it.
    fds: (results write end, stdout write end, stderr write end). limits: (timeout seconds,
    memory bytes). prctl: libc's prctl or None. plan: the isolation.Plan the student
    process entered, or None; uid: the student's own user id when isolated as root;
    mapped: address_space() of the student process. Never returns."""
    code = SETUP_FAILED
    try:
        _isolate(fds, workdir, limits, prctl, mapped)
        if plan is not None:
            try:
                isolation.enter_learner(plan, uid)
            except Exception as exc:  # isolation refused: never run the file without it
                code = _not_loaded("sandbox.not_isolated", exc)
                return
        if not isinstance(program, Program):
            code = _not_loaded("sandbox.file_unreadable", program)
            return
        _refuse_imports(forbidden_modules)
        code = CONTACT_LOST
        code = _grade(path, calls, limits[1], program)
    except BaseException:  # noqa: B036 - nothing may escape into the host's loop
        try:
            os.write(2, traceback.format_exc().encode("utf-8", "replace"))
        except BaseException:
            pass
    finally:
        os._exit(code)


def serve_single(request_fd=0) -> int:
    """The spawn backend's learner (a fresh process for one file, where there is no fork):
    read one request frame on stdin, answer on stdout; what the learner prints goes to
    stderr. Returns the exit status."""
    global _results_fd
    data = bytearray()
    while True:
        chunk = os.read(request_fd, 1 << 16)
        if not chunk:
            break
        data += chunk
    got = wire.split(data, max_body=1 << 30)
    if got is None:
        return SETUP_FAILED
    header, body = got
    calls = wire.decode_calls(header["calls"], body)
    source = wire.source(header, body)
    _results_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = _text_stream(1)
    sys.stderr = _text_stream(2)
    sys.stdin = open(os.devnull, encoding="utf-8")
    os.chdir(header["workdir"])
    if not isinstance(source, bytes):
        return _not_loaded("sandbox.file_unreadable", source)
    _refuse_imports(header.get("forbidden", ()))
    return _grade(header["path"], calls, int(header["memory"]), Program(source, header["path"]))


def prepare_student():
    """In a student process, once, before it forks learners (after it entered the student's
    isolation, if any): what each of its learners inherits alike. Signals back to their
    defaults, stdin on /dev/null, no core files, files written at most 64 MB, sys.stdout and
    sys.stderr as streams over descriptors 1 and 2 (each learner puts its own pipes there
    before it writes), faulthandler on descriptor 2, no bytecode written."""
    import resource

    global _close_range
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    _limit(resource, resource.RLIMIT_CORE, 0)
    _limit(resource, resource.RLIMIT_FSIZE, 64 << 20)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    sys.stdout = sys.__stdout__ = _text_stream(1)
    sys.stderr = sys.__stderr__ = _text_stream(2)
    try:
        import faulthandler
        faulthandler.enable(file=sys.stderr)  # a segfault's Python traceback, on stderr
    except Exception:
        pass
    sys.dont_write_bytecode = True
    _close_range = _load_close_range()


def address_space():
    """The bytes this process maps now (None where /proc does not say): a learner forked
    from it starts with as much, so its RLIMIT_AS is this plus its file's memory. Read by the
    student process before it enters the isolation (outside its PID namespace, its /proc
    would not name it)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            pages = int(f.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _isolate(fds, workdir, limits, prctl, mapped):
    os.setsid()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    result_w, out_w, err_w = fds
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    os.dup2(result_w, RESULT_FD)
    _close_fds_above(RESULT_FD)
    import resource

    timeout, memory_bytes = limits
    cpus = os.cpu_count() or 1
    _limit(resource, resource.RLIMIT_CPU, int(timeout * cpus) + 2)
    if mapped is not None:
        _limit(resource, resource.RLIMIT_AS, mapped + memory_bytes)
    if workdir is not None:  # None: the isolation gives one
        os.chdir(workdir)
        for name in ("TMPDIR", "TEMP", "TMP", "HOME"):
            os.environ[name] = workdir
        import tempfile
        tempfile.tempdir = None


def _limit(resource, which, value):
    try:
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY and value > hard:
            value = hard
        resource.setrlimit(which, (value, value))
    except (ValueError, OSError):
        pass


_close_range = None
_SYS_CLOSE_RANGE = 436  # the same number on every Linux architecture


def _load_close_range():
    """close_range(2) through libc on Linux (one call, where os.closerange may loop over
    every possible descriptor when Python was built without it), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        call = ctypes.CDLL(None, use_errno=True).syscall
        call.restype = ctypes.c_long
        call.argtypes = [ctypes.c_long, ctypes.c_uint, ctypes.c_uint, ctypes.c_uint]
        return call
    except (OSError, AttributeError, ImportError):
        return None


def _close_fds_above(keep):
    if _close_range is not None and _close_range(_SYS_CLOSE_RANGE, keep + 1, 0xFFFFFFFF, 0) == 0:
        return
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        os.closerange(keep + 1, 4096)
        return
    for fd in fds:
        if fd > keep:
            try:
                os.close(fd)
            except OSError:
                pass


def _text_stream(fd):
    raw = io.FileIO(fd, "w", closefd=False)
    return io.TextIOWrapper(io.BufferedWriter(raw, 1 << 16), encoding="utf-8",
                            errors="backslashreplace")


class _Refused(ModuleNotFoundError):
    """A forbidden import, refused at run time."""


class _ImportBlocker:
    """Refuses the forbidden modules at run time too (the syntax tree check is the main line)."""

    def __init__(self, roots):
        self.roots = frozenset(roots)

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.roots:
            raise _Refused(f"importing {name} is not allowed in an exercise file", name=name)
        return None


def _refuse_imports(forbidden_modules):
    """Refuse nncli and the forbidden modules at import (the syntax-tree check is the main
    line), and keep the default recursion allowance for the learner above the frames here."""
    roots = {"nncli", *forbidden_modules}
    if any(root in sys.modules for root in roots):  # the host took its own out already
        for name in [n for n in sys.modules if n.partition(".")[0] in roots]:
            del sys.modules[name]
    sys.meta_path.insert(0, _ImportBlocker(roots))
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    sys.setrecursionlimit(depth + 1000)


# ---- loading and calling ------------------------------------------------------------

def _send(header, blobs=()):
    data = wire.frame(header, blobs)
    view = memoryview(data)
    while view:
        written = os.write(_results_fd, view)
        view = view[written:]


def _not_loaded(key, reason) -> int:
    """Say that the file was not loaded, for a reason of ours (its key and the reason's
    text); returns the exit status that goes with a load error said."""
    _send({"kind": "load_error", "traceback": None, "error": [key, {"reason": str(reason)}]})
    return 0


def _flush():
    streams = (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__)
    for at, stream in enumerate(streams):
        if stream in streams[:at]:  # the same stream twice (sys.stdout is sys.__stdout__)
            continue
        try:
            stream.flush()
        except BaseException:
            pass


def _describe_exception(exc, path, memory_bytes):
    """(one-line error, traceback trimmed to the learner's file) for an exception."""
    tb = exc.__traceback__
    if isinstance(exc, MemoryError):
        traceback.clear_frames(tb)  # let the learner's big objects go before formatting
    try:
        frames = [f for f in traceback.extract_tb(tb) if f.filename == path]
        if isinstance(exc, SystemExit):
            code = exc.code
            line = ["sandbox.exit_none", {}] if code is None else \
                ["sandbox.exit", {"code": repr(code)[:200]}]
        elif isinstance(exc, MemoryError):
            line = ["sandbox.memory", {"limit": wire.size_text(memory_bytes)}]
        elif isinstance(exc, _Refused):
            line = ["sandbox.import_refused", {"error": "ModuleNotFoundError",
                                               "module": str(exc.name)[:200]}]
        else:
            line = traceback.format_exception_only(type(exc), exc)[-1].strip()
            if isinstance(exc, SyntaxError) and exc.lineno:
                line += f" (line {exc.lineno})"
        text = ""
        if frames:
            text = "Traceback (most recent call last):\n"
            text += "".join(traceback.StackSummary.from_list(frames).format())
        text += "".join(traceback.format_exception_only(type(exc), exc))
    except BaseException:
        line, text = type(exc).__name__, None
    if isinstance(line, str):
        line = line[:_MAX_ERROR]
    return line, (text[-_MAX_TRACEBACK:] if text else None)


def _load(path, memory_bytes, program):
    stem = os.path.splitext(os.path.basename(path))[0]
    name = stem if stem.isidentifier() and stem not in sys.modules else "learner_file"
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    sys.argv = [path]
    try:
        for caught in program.warnings:
            warnings.showwarning(caught.message, caught.category, caught.filename, caught.lineno)
        if program.error is not None:
            raise program.error
        exec(program.code, module.__dict__)
    except BaseException as exc:  # noqa: B036 - SystemExit, KeyboardInterrupt included
        _flush()
        error, trace = _describe_exception(exc, path, memory_bytes)
        del exc
        _send({"kind": "load_error", "error": error, "traceback": trace})
        return None
    _flush()
    _send({"kind": "loaded"})
    return module


def _copy(value):
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def _changed(handed, original):
    if isinstance(original, np.ndarray):
        return (handed.shape != original.shape or handed.dtype != original.dtype
                or handed.tobytes() != original.tobytes())
    if isinstance(original, dict):
        return (handed.keys() != original.keys()
                or any(_changed(handed[k], original[k]) for k in original))
    return False


def _encode_safely(value, blobs, dicts=False, result=False):
    try:
        return wire.encode(value, blobs, dicts=dicts, result=result)
    except BaseException:  # a hostile ndarray subclass, or no memory left to copy it
        return {"unsupported": ["value.unreadable", {}]}


class _WarningLog:
    """The distinct warnings of one call, as "Category: message" texts (at most
    wire.MAX_WARNINGS); its `show` stands in for warnings.showwarning during the call."""

    __slots__ = ("texts",)

    def __init__(self):
        self.texts = []

    def show(self, message, category, filename=None, lineno=None, file=None, line=None):
        if len(self.texts) < wire.MAX_WARNINGS:
            text = wire.warning_text(message, category)
            if text not in self.texts:
                self.texts.append(text)


def _call(module, index, name, args, kwargs, path, memory_bytes):
    """(frame header, blobs) of one call. Fields that would be empty (no error, no warning, no
    argument changed) are left out: nncli reads them as absent."""
    header = {"kind": "call", "index": index}
    blobs = []
    function = module.__dict__.get(name)
    if function is None or not callable(function):
        header["status"] = "missing"
        return header, blobs
    handed_args = tuple(_copy(a) for a in args)
    handed_kwargs = {k: _copy(v) for k, v in kwargs.items()}
    log = _WarningLog()
    try:
        # NumPy's floating-point problems arrive as RuntimeWarning under its default errstate;
        # "always" reports each one, even when the same line warned on an earlier call (and
        # overrides a filter the learner's file set at import). The learner's np.seterr is left
        # as they set it. Code that silences its own warnings (np.seterr or np.errstate set to
        # "ignore", warnings filtered or showwarning replaced inside the call) is not caught:
        # that takes intent, the values are still judged, and it is accepted.
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = log.show
            value = function(*handed_args, **handed_kwargs)
    except NotImplementedError as exc:
        header["status"] = "not_implemented"
        header["error"], header["traceback"] = _describe_exception(exc, path, memory_bytes)
    except BaseException as exc:  # noqa: B036 - SystemExit and KeyboardInterrupt too
        header["status"] = "raised"
        header["error"], header["traceback"] = _describe_exception(exc, path, memory_bytes)
    else:
        header["status"] = "returned"
        header["value"] = _encode_safely(value, blobs, result=True)
        del value
    if log.texts:
        header["warnings"] = log.texts
    after = [_encode_safely(h, blobs, dicts=True) if _changed(h, a) else None
             for h, a in zip(handed_args, args)]
    if any(item is not None for item in after):
        header["args_after"] = after
    kw_after = {k: _encode_safely(handed_kwargs[k], blobs, dicts=True)
                for k in kwargs if _changed(handed_kwargs[k], kwargs[k])}
    if kw_after:
        header["kwargs_after"] = kw_after
    return header, blobs


def _grade(path, calls, memory_bytes, program):
    module = _load(path, memory_bytes, program)
    if module is None:
        return 0
    for index, (name, args, kwargs) in enumerate(calls):
        started = time.perf_counter()
        header, blobs = _call(module, index, name, args, kwargs, path, memory_bytes)
        header["seconds"] = time.perf_counter() - started
        _flush()
        _send(header, blobs)
    _send({"kind": "done"})
    return 0
