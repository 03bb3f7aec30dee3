"""What runs inside the forked learner process. `run` never returns: it ends in os._exit.

Inside: a new session, resource limits, stdin from /dev/null, stdout/stderr on pipes that
nncli drains, results on a private pipe (fd 3, frames of sandbox_wire), a fresh temporary
working directory, nncli's own modules dropped from sys.modules and forbidden imports refused.
Then the learner's file is loaded and each call is made with fresh copies of its arguments;
the warnings a call raises are recorded and sent with its outcome (not printed).
Nothing here knows any expected value: it only reports what the learner's code did.
"""

from __future__ import annotations

import io
import os
import resource
import signal
import sys
import time
import traceback
import types
import warnings

import numpy as np

from nncli.grader import sandbox_wire as wire

RESULT_FD = 3
SETUP_FAILED = 70  # exit status when the sandbox itself could not be set up
CONTACT_LOST = 71  # exit status when results could not be sent (the pipe closed or replaced)
_MAX_ERROR = 2000
_MAX_TRACEBACK = 20000
_PR_SET_PDEATHSIG = 1


def run(path, calls, fds, workdir, limits, forbidden_modules, parent_pid, prctl,
        isolation=None, module_names=None):
    """fds: (results write end, stdout write end, stderr write end). limits: (timeout
    seconds, memory bytes). prctl: libc's prctl or None. isolation: an isolation.Plan, or
    None for the plain sandbox (`nncli check`). module_names: nncli's and the forbidden
    modules loaded, as listed before the fork. calls may be a function returning them,
    called here (a zygote forks before making them: see zygote.py). Never returns."""
    code = SETUP_FAILED
    try:
        if callable(calls):
            calls = calls()
        _isolate(fds, workdir, limits, parent_pid, prctl, isolation is not None)
        _forget_nncli(forbidden_modules, module_names)
        source = None
        if isolation is not None:
            source, path = _shut_in(isolation, path)
            if path is None:
                code = 0  # reported as a load error
                return
        code = CONTACT_LOST
        code = _grade(path, calls, limits[1], source)
    except BaseException:  # noqa: B036 - nothing may escape into the copy of nncli
        try:
            os.write(2, traceback.format_exc().encode("utf-8", "replace"))
        except BaseException:
            pass
    finally:
        os._exit(code)


def _isolate(fds, workdir, limits, parent_pid, prctl, in_namespace=False):
    os.setsid()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        # nncli died before the line above; in a PID namespace nncli's pid reads as 0
        if os.getppid() != parent_pid and not (in_namespace and os.getppid() == 0):
            os._exit(SETUP_FAILED)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    result_w, out_w, err_w = fds
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    os.dup2(result_w, RESULT_FD)
    _close_fds_above(RESULT_FD)
    timeout, memory_bytes = limits
    _limit(resource.RLIMIT_CORE, 0)
    _limit(resource.RLIMIT_FSIZE, 64 << 20)
    cpus = os.cpu_count() or 1
    _limit(resource.RLIMIT_CPU, int(timeout * cpus) + 2)
    mapped = _mapped_bytes()
    if mapped is not None:
        _limit(resource.RLIMIT_AS, mapped + memory_bytes)
    if workdir is not None:  # None: the isolation (isolation.py) gives one
        os.chdir(workdir)
        for name in ("TMPDIR", "TEMP", "TMP"):
            os.environ[name] = workdir
    import tempfile
    tempfile.tempdir = None
    sys.stdin = open(os.devnull, encoding="utf-8")
    sys.stdout = sys.__stdout__ = _text_stream(1)
    sys.stderr = sys.__stderr__ = _text_stream(2)
    try:
        import faulthandler
        faulthandler.enable(file=sys.stderr)  # a segfault's Python traceback, on stderr
    except Exception:
        pass
    sys.dont_write_bytecode = True


def _limit(which, value):
    try:
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY and value > hard:
            value = hard
        resource.setrlimit(which, (value, value))
    except (ValueError, OSError):
        pass


def _mapped_bytes():
    try:
        with open("/proc/self/statm", "rb") as f:
            pages = int(f.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _close_fds_above(keep):
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


class _ImportBlocker:
    """Refuses the forbidden modules at run time too (the syntax tree check is the main line)."""

    def __init__(self, roots):
        self.roots = frozenset(roots)

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.roots:
            raise ModuleNotFoundError(f"importing {name} is not allowed in an exercise file",
                                      name=name)
        return None


_forgotten = []  # the modules dropped from sys.modules, kept alive: freeing them here would
                # only write to (and so copy) pages shared with nncli's process


def _forget_nncli(forbidden_modules, names=None):
    """names: the modules to drop, listed by nncli before the fork (cheaper than scanning
    sys.modules here); None: scan."""
    roots = {"nncli", *forbidden_modules}
    if names is None:
        names = [name for name in sys.modules if name.partition(".")[0] in roots]
    for name in names:
        module = sys.modules.pop(name, None)
        if module is not None:
            _forgotten.append(module)
    sys.meta_path.insert(0, _ImportBlocker(roots))
    # Keep the default recursion allowance for the learner, above the frames already here.
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    sys.setrecursionlimit(depth + 1000)


def _shut_in(plan, path):
    """Read the learner's file, then enter the isolation (isolation.py): from then on the
    original is out of reach, and the file runs from its copy. (source, copy's path), or
    (None, None) after reporting that the isolation failed (the file does not run)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as exc:
        _send({"kind": "load_error", "error": f"the file could not be read: {exc.strerror}",
               "traceback": None})
        return None, None
    try:
        return source, plan.enter_file(stem if stem.isidentifier() else "learner_file", source)
    except Exception as exc:  # isolation refused: never run the file without it
        _send({"kind": "load_error", "traceback": None,
               "error": f"the grader could not isolate this file ({exc}); it was not run"})
        return None, None


# ---- loading and calling ------------------------------------------------------------

def _send(header, blobs=()):
    data = wire.frame(header, blobs)
    view = memoryview(data)
    while view:
        written = os.write(RESULT_FD, view)
        view = view[written:]


def _flush():
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except BaseException:
            pass


def _gib(n):
    if n >= 1 << 30 and n % (1 << 30) == 0:
        return f"{n >> 30} GiB"
    return f"{n / (1 << 20):.0f} MiB"


def _describe_exception(exc, path, memory_bytes):
    """(one-line error, traceback trimmed to the learner's file) for an exception."""
    tb = exc.__traceback__
    if isinstance(exc, MemoryError):
        traceback.clear_frames(tb)  # let the learner's big objects go before formatting
    try:
        frames = [f for f in traceback.extract_tb(tb) if f.filename == path]
        if isinstance(exc, SystemExit):
            code = exc.code
            line = "called sys.exit()" if code is None else f"called sys.exit({code!r})"
        elif isinstance(exc, MemoryError):
            line = f"ran out of memory (limit {_gib(memory_bytes)})"
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
    return line[:_MAX_ERROR], (text[-_MAX_TRACEBACK:] if text else None)


def _load(path, memory_bytes, source=None):
    stem = os.path.splitext(os.path.basename(path))[0]
    name = stem if stem.isidentifier() and stem not in sys.modules else "learner_file"
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    sys.argv = [path]
    try:
        if source is None:
            with open(path, "rb") as f:
                source = f.read()
        code = compile(source, path, "exec", dont_inherit=True)
        exec(code, module.__dict__)
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


def _encode_safely(value, blobs, dicts=False):
    try:
        return wire.encode(value, blobs, dicts=dicts)
    except BaseException:  # a hostile ndarray subclass, or no memory left to copy it
        return {"unsupported": "a value nncli could not read back"}


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
    header = {"kind": "call", "index": index, "value": None, "error": None, "traceback": None}
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
        header["value"] = _encode_safely(value, blobs)
        del value
    header["warnings"] = log.texts
    header["args_after"] = [
        _encode_safely(h, blobs, dicts=True) if _changed(h, a) else None
        for h, a in zip(handed_args, args)]
    header["kwargs_after"] = {
        k: _encode_safely(handed_kwargs[k], blobs, dicts=True)
        for k in kwargs if _changed(handed_kwargs[k], kwargs[k])}
    return header, blobs


def _grade(path, calls, memory_bytes, source=None):
    module = _load(path, memory_bytes, source)
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
