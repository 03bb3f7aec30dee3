"""`nncli grade`: every student of a class graded with one seed, as `nncli check` would.

Processes, and why (a submission is a stranger's code):
  nncli (this module's `grade_class`) lists the SUBMISSIONS entries by name only, makes
      every hidden case once (inputs only: the reference maths is not loaded, see
      cases/_common.py), has a child compute the expected values into its private folder
      (expected_store.py), and forks the grading processes. It never reads a student's
      file, a result or an expected value, so no process it forks can find another
      student's code or grades in its memory.
  with isolation (Linux namespaces, isolation.py): `jobs` workers, each with a zygote
      (zygote.py), all forked before any student's data exists anywhere. nncli hands each
      worker the next student. The worker copies that student's exercise files into
      nncli's private folder (classroom/files.py) and runs the `nncli check` session
      (session.py): the learner processes are forked by its zygote's student zygote, in
      that student's namespaces, never by the worker (whose memory holds the students it
      graded before, their results and the expected values); then it reads the expected
      values and judges each call, writes the student's record (JSON) and feedback, and
      tells nncli the status: 0 full marks, 1 otherwise. Reusing the workers keeps the
      grading of a class within 8x the time of one `nncli check` (bench/bench.py).
  without isolation: one grading process forked per student, `jobs` at a time, forking
      that student's learner processes itself (_grade_forking).
  the learner processes: sandbox.py and sandbox_child.py, as for `nncli check`.
Only when every student is done are the records read (`read_records`).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time

PASSED, NOT_FULL, BROKEN = 0, 1, 3   # exit statuses of a student's grading process


class Student:
    """One entry of SUBMISSIONS: `id` (the name without .zip) and its `path`."""

    __slots__ = ("id", "path", "index")

    def __init__(self, id, path, index):
        self.id, self.path, self.index = id, path, index


def list_students(root, excluded=()):
    """(students, ignored names): folders and .zip files of `root`, by name; dot files are
    skipped silently, other files are ignored (and named), `excluded` paths (the outputs)
    are left out. Raises OSError when `root` cannot be listed."""
    excluded = {os.path.realpath(p) for p in excluded}
    students, ignored, taken = [], [], set()
    with os.scandir(root) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith(".") or os.path.realpath(entry.path) in excluded:
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file(follow_symlinks=False)
            is_link = entry.is_symlink()
        except OSError:
            ignored.append(entry.name)
            continue
        is_zip = entry.name.lower().endswith(".zip") and len(entry.name) > 4
        if not (is_dir or is_link or (is_file and is_zip)):
            ignored.append(entry.name)
            continue
        student_id = entry.name[:-4] if is_zip else entry.name
        if student_id in taken:
            student_id = entry.name
        taken.add(student_id)
        students.append(Student(student_id, entry.path, len(students)))
    return students, ignored


class Options:
    """What every student's grading shares: seed, timeout (seconds per file), lang, plan (an
    isolation.Plan or None), workdir (nncli's private temporary folder), feedback (render
    what `nncli check` would show each student)."""

    def __init__(self, seed, timeout, lang, plan, workdir, feedback=True):
        self.seed, self.timeout, self.lang = seed, timeout, lang
        self.plan, self.workdir, self.feedback = plan, workdir, feedback
        self.zygotes = []  # (pid, the worker's end of its socket) forked by prepare, unused


# imported once in nncli's process, before forking, instead of once per student (never the
# reference maths: see prepare)
_SHARED_MODULES = ("json", "shutil", "zipfile", "fcntl", "pathlib", "nncli.exercise_files",
                   "nncli.grader.classroom.files", "nncli.grader.compare",
                   "nncli.grader.report", "nncli.grader.signatures", "nncli.grader.static",
                   "nncli.grader.wording", "nncli.grader.isolation", "nncli.render.wrap")
_FEEDBACK_MODULES = ("rich.console", "rich.table", "rich.text", "rich.padding")
# what a zygote, a student zygote and a learner process use (imported before forking them)
_ZYGOTE_MODULES = ("array", "ctypes", "faulthandler", "fcntl", "json", "selectors", "socket",
                   "tempfile", "nncli.grader.isolation", "nncli.grader.zygote")


def prepare(options, zygotes=0) -> None:
    """Before the first fork: make every case once (they are the same for every student) and
    freeze what exists, so the forks share it untouched. With isolation, fork `zygotes`
    zygotes (zygote.py) as soon as the cases exist: the smaller their memory, the cheaper
    each learner's fork and exit."""
    import gc
    import importlib

    from nncli.catalogue import EXERCISES
    from nncli.grader import sandbox, session  # noqa: F401 - imported once, before forking
    from nncli.texts import DEFAULT_LANG, _module_texts

    for exercise in EXERCISES:
        session.make_cases(exercise, options.seed)
    if options.plan is not None and zygotes > 0:
        for name in _ZYGOTE_MODULES:
            importlib.import_module(name)
        gc.freeze()
        for _ in range(zygotes):
            made = _fork_zygote(options)
            if made is not None:
                options.zygotes.append(made)
    for name in ("students", "records"):
        os.makedirs(os.path.join(options.workdir, name), mode=0o700, exist_ok=True)
    from nncli.grader import expected_store

    # computed once, by a child of ours, into our private folder (see expected_store),
    # while this process goes on with its imports
    computing = expected_store.start_in_child(
        expected_path(options), [(e.name, session.make_cases(e, options.seed)) for e in EXERCISES])
    for name in _SHARED_MODULES + (_FEEDBACK_MODULES if options.feedback else ()):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    from nncli.exercise_files import template_path
    from nncli.grader.signatures import signatures

    for exercise in EXERCISES:  # the templates' parameter names, for messages (public)
        try:
            signatures(template_path(exercise.name))
        except (OSError, SyntaxError):
            pass
    for module in ("grader", "mistakes", "grade"):
        for lang in {options.lang, DEFAULT_LANG}:
            _module_texts(lang, module)
    if any(name.startswith("nncli.maths") for name in sys.modules):
        raise RuntimeError("the reference maths is loaded before forking the students")
    expected_store.finish_in_child(computing, expected_path(options))
    gc.collect()
    gc.freeze()


def expected_path(options) -> str:
    return os.path.join(options.workdir, "expected.bin")


def grade_class(students, options, jobs, on_done=None) -> dict:
    """Grade every student, `jobs` at a time. on_done(student, status) after each one.
    Returns {index: problem text key or None} (None: graded; a key: nncli could not).
    With isolation (options.plan), `jobs` workers grade the students and zygotes fork the
    learners (_grade_with_workers); without, one process is forked per student."""
    if options.plan is not None:
        return _grade_with_workers(students, options, jobs, on_done)
    return _grade_forking(students, options, jobs, on_done)


def _grade_forking(students, options, jobs, on_done=None) -> dict:
    import selectors

    pending = list(students)
    running = {}            # pid -> (student, deadline, pidfd or None)
    outcome = {}
    selector = selectors.DefaultSelector()
    limit = options.timeout * 3 + 60.0
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                student = pending.pop(0)
                pid = _fork_student(student, options)
                if pid is None:
                    outcome[student.index] = "fork_failed"
                    _report(on_done, student, BROKEN)
                    continue
                pidfd = None
                try:
                    pidfd = os.pidfd_open(pid)
                    selector.register(pidfd, selectors.EVENT_READ, pid)
                except (AttributeError, OSError):
                    pidfd = None
                running[pid] = (student, time.monotonic() + limit, pidfd)
            if not running:
                continue
            polling = any(fd is None for _, _, fd in running.values())
            selector.select(0.01 if polling else 0.25)
            now = time.monotonic()
            for pid in list(running):
                student, deadline, pidfd = running[pid]
                if now > deadline:
                    _kill(pid)
                try:
                    done, status = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done, status = pid, 0
                if not done:
                    continue
                del running[pid]
                if pidfd is not None:
                    selector.unregister(pidfd)
                    os.close(pidfd)
                code = os.waitstatus_to_exitcode(status)
                if now > deadline:
                    outcome[student.index] = "took_too_long"
                elif code not in (PASSED, NOT_FULL):
                    outcome[student.index] = "grader_crashed"
                else:
                    outcome[student.index] = None
                _report(on_done, student, code if code in (PASSED, NOT_FULL) else BROKEN)
    finally:
        for pid in list(running):
            _kill(pid)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        selector.close()
    return outcome


def _report(on_done, student, status):
    if on_done is not None:
        on_done(student, status)


def _kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def _fork_student(student, options):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001
            pass
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:
        code = BROKEN
        try:
            code = _grade_student(student, options)
        except BaseException:  # noqa: B036 - nothing may escape into the copy of nncli
            import traceback

            try:
                path = os.path.join(options.workdir, "records", f"{student.index}.error")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(traceback.format_exc())
            except BaseException:  # noqa: B036
                pass
        finally:
            os._exit(code)
    return pid


# ---------------------------------------------------------------- one student (forked)

class _Files:
    """The workspace interface session.run and report.render need, over private copies."""

    def __init__(self, student_id, files):
        from pathlib import Path

        self.root = student_id
        self.files = {name: Path(path) for name, path in files.items()}

    def exercise_file(self, name):
        from pathlib import Path

        return self.files.get(name, Path("/nonexistent/nncli") / f"{name}.py")

    def command(self, arguments):
        return f"nncli {arguments}"


class _Passed:
    """The State interface report.next_step needs: what passed in this grading."""

    def __init__(self, result):
        self.done = {e.name for e in result.exercises if e.status == "passed"}

    def passed(self, name):
        return name in self.done


def _become_grader():
    """In a forked grading process: Ctrl-C is nncli's main process's business, and this
    process dies with it."""
    from nncli.grader.sandbox_procs import prctl

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # nncli's main process handles Ctrl-C
    call = prctl()
    if call is not None:
        call(1, signal.SIGKILL, 0, 0, 0)            # PR_SET_PDEATHSIG: die with nncli
    sys.stdin = open(os.devnull, encoding="utf-8")


def _grade_student(student, options, link=None, store=None) -> int:
    """Grade one student. link: a zygote.Link (in a worker): the learners are forked there,
    in the student's namespaces; None: this process was forked for this student alone
    (no isolation) and forks the learners itself. store: the expected values."""
    import gc
    import shutil

    from nncli.catalogue import EXERCISES
    from nncli.grader import session
    from nncli.grader.classroom import files as classroom_files
    from nncli.grader.results import SessionResult

    if link is None:
        _become_grader()
    into = os.path.join(options.workdir, "students", str(student.index))
    os.mkdir(into, 0o700)
    try:
        submission = classroom_files.collect(student.path, [e.name for e in EXERCISES], into)
        chosen = [e for e in EXERCISES if e.name in submission.files]
        workspace = _Files(student.id, submission.files)
        if link is None:
            gc.freeze()  # the learners' processes are forks of this one: leave its pages alone
        if store is None:
            from nncli.grader.expected_store import Store

            store = Store(expected_path(options))
        if chosen:
            if link is not None:
                link.begin()  # the student zygote: this student's namespaces
            try:
                result = session.run(workspace, chosen, options.seed, options.timeout,
                                     lang=options.lang, expected_for=store.for_plan)
            finally:
                if link is not None:
                    link.end()  # every learner process of this student is gone
        else:
            result = SessionResult(options.seed, [])
        record = student_record(student, submission, result, options)
        record["feedback"] = ""
        if chosen and options.feedback:
            record["feedback"] = feedback_body(result, workspace, options.lang)
    finally:
        shutil.rmtree(into, ignore_errors=True)
    path = os.path.join(options.workdir, "records", f"{student.index}.json")
    with open(path + ".part", "w", encoding="utf-8") as f:
        json.dump(record, f)
    os.replace(path + ".part", path)
    return PASSED if record["score"] == record["max_score"] else NOT_FULL


# ---------------------------------------------------------------- workers and zygotes

class _Worker:
    """A worker process (grades students one after another, never forks) and its zygote
    (forks the learners, see zygote.py); `channel`: nncli's end of the worker's socket."""

    __slots__ = ("pid", "zygote", "channel", "student", "deadline", "buffer")

    def __init__(self, pid, zygote_pid, channel):
        self.pid, self.zygote, self.channel = pid, zygote_pid, channel
        self.student, self.deadline, self.buffer = None, 0.0, b""


def _grade_with_workers(students, options, jobs, on_done=None) -> dict:
    """`jobs` workers, each with its zygote, forked now (before any student's data exists
    anywhere); nncli hands each worker the next student as it finishes one. A worker that
    dies or takes too long over a student is ended (with its zygote) and replaced."""
    import selectors
    import socket

    pending = list(students)
    outcome = {}
    workers = []
    selector = selectors.DefaultSelector()
    limit = options.timeout * 3 + 60.0
    finished = False

    def spawn():
        worker = _spawn_worker(options, students, [w.channel.fileno() for w in workers])
        if worker is not None:
            workers.append(worker)
            selector.register(worker.channel, selectors.EVENT_READ, worker)
        return worker

    def assign(worker):
        if not pending:
            worker.student = None
            try:
                worker.channel.shutdown(socket.SHUT_WR)  # no more: the worker ends
            except OSError:
                pass
            return
        worker.student = pending.pop(0)
        worker.deadline = time.monotonic() + limit
        try:
            worker.channel.sendall(f"{worker.student.index}\n".encode("ascii"))
        except OSError:
            pass  # it died: its channel says so

    def retire(worker, problem):
        selector.unregister(worker.channel)
        workers.remove(worker)
        _end_worker(worker)
        if worker.student is not None:
            outcome[worker.student.index] = problem
            _report(on_done, worker.student, BROKEN)
            worker.student = None
        if pending:
            replacement = spawn()
            if replacement is not None:
                assign(replacement)

    try:
        for _ in range(min(max(1, jobs), len(pending))):
            if spawn() is None:
                break
        for worker in list(workers):
            assign(worker)
        while any(w.student is not None for w in workers) or (pending and workers):
            for key, _ in selector.select(0.25):
                worker = key.data
                try:
                    data = worker.channel.recv(4096)
                except OSError:
                    data = b""
                if not data:
                    retire(worker, "grader_crashed")
                    continue
                worker.buffer += data
                while b"\n" in worker.buffer:
                    line, worker.buffer = worker.buffer.split(b"\n", 1)
                    index, _, code = line.decode("ascii", "replace").partition(" ")
                    student = worker.student
                    if student is None or index != str(student.index):
                        continue
                    code = int(code) if code.strip().lstrip("-").isdigit() else BROKEN
                    outcome[student.index] = None if code in (PASSED, NOT_FULL) else \
                        "grader_crashed"
                    _report(on_done, student, code if code in (PASSED, NOT_FULL) else BROKEN)
                    assign(worker)
            now = time.monotonic()
            for worker in list(workers):
                if worker.student is not None and now > worker.deadline:
                    retire(worker, "took_too_long")
        for student in pending:  # no worker could be started for them
            outcome[student.index] = "fork_failed"
            _report(on_done, student, BROKEN)
        finished = True
    finally:
        for worker in list(workers):
            _end_worker(worker, kill=not finished)
        for pid, end in options.zygotes:  # forked by prepare, never used
            end.close()
            _kill(pid)
            os.waitpid(pid, 0)
        options.zygotes = []
        selector.close()
    return outcome


def _end_worker(worker, kill=True):
    if kill:
        _kill(worker.pid)
        _kill(worker.zygote)
    worker.channel.close()
    for pid in (worker.pid, worker.zygote):
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _spawn_worker(options, students, others):
    """Fork a zygote, then a worker linked to it; a _Worker, or None when fork failed.
    others: nncli's ends of the other workers' channels (the children close them, so that
    a worker sees the end of its own channel when nncli closes it)."""
    import socket

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001
            pass
    made = options.zygotes.pop(0) if options.zygotes else _fork_zygote(options, others)
    if made is None:
        return None
    zygote_pid, worker_end = made
    others = list(others) + [end.fileno() for _, end in options.zygotes]
    try:
        channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
    except OSError:
        worker_end.close()
        _kill(zygote_pid)
        os.waitpid(zygote_pid, 0)
        return None
    if pid == 0:
        _close_fds(others)
        channel.close()
        _work(theirs, worker_end, students, options)  # never returns
    worker_end.close()
    theirs.close()
    return _Worker(pid, zygote_pid, channel)


def _fork_zygote(options, others=()):
    """(pid, the worker's end of its socket) of a new zygote, or None when fork failed.
    It closes `others` and the other zygotes' ends (see _spawn_worker)."""
    import socket

    ends = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        pid = os.fork()
    except OSError:
        for end in ends:
            end.close()
        return None
    if pid == 0:
        from nncli.grader import zygote

        _close_fds(list(others) + [end.fileno() for _, end in options.zygotes])
        ends[1].close()
        zygote.serve(ends[0], options.plan, options.seed)  # never returns
    ends[0].close()
    return pid, ends[1]


def _close_fds(fds):
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass


def _work(channel, zygote_end, students, options):
    """A worker: grade each student nncli names on `channel` ("INDEX\n"), answering
    "INDEX STATUS\n", until the channel ends. Never returns. It never forks: its learners
    are forked by its zygote (its memory holds other students' files and results)."""
    code = BROKEN
    try:
        _become_grader()
        from nncli.grader import sandbox, zygote
        from nncli.grader.expected_store import Store

        link = zygote.Link(zygote_end)
        sandbox.use_zygote(link)
        store = Store(expected_path(options))
        by_index = {s.index: s for s in students}
        buffer = b""
        while True:
            data = channel.recv(4096)
            if not data:
                code = 0
                break
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                student = by_index[int(line)]
                status = _grade_in_worker(student, options, link, store)
                channel.sendall(f"{student.index} {status}\n".encode("ascii"))
                if status == BROKEN:
                    return  # its zygote may be mid-student: nncli starts a fresh pair
    except BaseException:  # noqa: B036 - nothing may escape into the copy of nncli
        code = BROKEN
    finally:
        os._exit(code)


def _grade_in_worker(student, options, link, store) -> int:
    try:
        return _grade_student(student, options, link, store)
    except BaseException:  # noqa: B036
        import traceback

        try:
            path = os.path.join(options.workdir, "records", f"{student.index}.error")
            with open(path, "w", encoding="utf-8") as f:
                f.write(traceback.format_exc())
        except BaseException:  # noqa: B036
            pass
        return BROKEN


def student_record(student, submission, result, options) -> dict:
    """The full detail of one student, as JSON data (statuses as in `nncli check --json`,
    plus "missing" for an exercise without a file)."""
    from nncli.catalogue import EXERCISES

    graded = {e.name: e for e in result.exercises}
    exercises = []
    for exercise in EXERCISES:
        done = graded.get(exercise.name)
        if done is None:
            exercises.append({"name": exercise.name, "status": "missing", "score": 0,
                              "max_score": exercise.max_points, "file": None, "problem": "",
                              "tests": []})
            continue
        exercises.append({
            "name": exercise.name, "status": done.status, "score": done.score,
            "max_score": done.max_score, "file": submission.found.get(exercise.name),
            "problem": done.problem, "elapsed": round(done.elapsed, 4),
            "tests": [{"name": t.name, "status": t.status, "points": t.points,
                       "max_points": t.max_points, "cases": t.cases, "message": t.message,
                       "output": _output(t, done)} for t in done.tests],
        })
    return {
        "student": student.id, "seed": options.seed,
        "score": sum(e["score"] for e in exercises),
        "max_score": sum(e["max_score"] for e in exercises),
        "exercises": exercises,
        "notes": [{"key": key, "values": values} for key, values in submission.notes],
    }


def _output(test, exercise) -> str:
    """The learner's traceback of this test, then what the file printed (as check --json)."""
    parts = [p.rstrip("\n") for p in (test.traceback, exercise.output) if p]
    return "\n".join(parts) + ("\n" if parts else "")


def feedback_body(result, workspace, lang) -> str:
    """What `nncli check` would show this student, as plain text."""
    import io

    from rich.console import Console

    from nncli.catalogue import EXERCISES
    from nncli.grader import report

    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, force_terminal=False,
                      highlight=False, emoji=False, soft_wrap=False)
    report.render(console, result, workspace, _Passed(result), EXERCISES, verbose=True,
                  lang=lang)
    return buffer.getvalue()


# ---------------------------------------------------------------- afterwards (in nncli)

def read_records(students, outcome, options) -> list:
    """Every student's record, in order; a student nncli could not grade gets an empty
    record with a note saying why."""
    from nncli.catalogue import EXERCISES

    records = []
    for student in students:
        path = os.path.join(options.workdir, "records", f"{student.index}.json")
        record = None
        if outcome.get(student.index) is None:
            try:
                with open(path, encoding="utf-8") as f:
                    record = json.load(f)
            except (OSError, ValueError):
                record = None
        if record is None:
            problem = outcome.get(student.index) or "grader_crashed"
            record = {
                "student": student.id, "seed": options.seed, "score": 0,
                "max_score": sum(e.max_points for e in EXERCISES), "feedback": "",
                "exercises": [{"name": e.name, "status": "not_graded", "score": 0,
                               "max_score": e.max_points, "file": None, "problem": "",
                               "tests": []} for e in EXERCISES],
                "notes": [{"key": problem, "values": {}}], "graded": False,
            }
        record.setdefault("graded", True)
        records.append(record)
    return records
