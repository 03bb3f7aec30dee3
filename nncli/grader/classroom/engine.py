"""`nncli grade`: every student of a class graded with one seed, as `nncli check` would.

One process, nncli's, does all the judging; learner code runs only in the host (a fresh
interpreter, sandbox/host.py) and its student processes. For each student, in order:
copy the exercise files out of their folder or zip into nncli's private folder (files.py),
start that student's session (session.begin: a student process of the host enters the
student's namespaces and control groups, then forks one learner per file), and once `jobs`
students are running, finish the oldest (judge its calls against the expected values,
computed once for the class, in this process), hand its record to `on_record`, and start
the next. Waiting on one student serves every running one, so the learners of `jobs`
students keep the cores busy while nncli judges.

No student can stop the others: a problem while grading one (an unreadable zip, a host that
died) becomes that student's record, "graded": False with a note, and the class goes on.
"""

from __future__ import annotations

import json
import os
import shutil

STUDENT_UIDS = 2_900_000_000  # as root, student k's learners run as this + k (no real user)
STUDENT_MEMORY = 2 << 30      # all of one student's processes together (control groups)
STUDENT_PROCESSES = 64        # the same: learners, their threads and anything they start


class Options:
    """What every student's grading shares: seed, timeout (seconds per file), lang, plan (an
    isolation.Plan or None), workdir (nncli's private temporary folder), feedback (render
    what `nncli check` would show each student)."""

    def __init__(self, seed, timeout, lang, plan, workdir, feedback=True, groups=None):
        self.seed, self.timeout, self.lang = seed, timeout, lang
        self.plan, self.workdir, self.feedback = plan, workdir, feedback
        self.groups = groups  # limits.StudentGroups, or None


def open_limits(plan):
    """(StudentGroups or None, what is limited per student), for a run isolated with `plan`
    (None: not isolated, and no per-student limit either). The second is data for the
    gradebook and the warning: {"memory": "student" | "process", "processes": "student" |
    "uid" | "none", "reason": why control groups could not be made, or ""}."""
    from nncli.grader.sandbox import limits

    groups = limits.StudentGroups.open(STUDENT_MEMORY, STUDENT_PROCESSES) \
        if plan is not None else None
    if groups is not None:
        return groups, {"memory": "student", "processes": "student", "reason": "",
                        "cgroup": groups.version}
    uid = plan is not None and not plan.rootless and os.geteuid() == 0
    return None, {"memory": "process", "processes": "uid" if uid else "none",
                  "reason": limits.reason if plan is not None else "", "cgroup": None}


def grade_class(students, options, jobs, on_record, host) -> None:
    """Grade every student, `jobs` at a time; on_record(student, record) as each is done
    (in the order of `students`). host: the runner host (started by the caller before its
    own slow start-up, and closed by it)."""
    from collections import deque

    groups = options.groups
    expected = {}
    running = deque()
    os.makedirs(os.path.join(options.workdir, "students"), mode=0o700, exist_ok=True)
    try:
        for student in students:
            while len(running) >= max(1, jobs):
                _finish(running.popleft(), options, on_record)
            running.append(_begin(student, options, host, groups, expected))
        while running:
            _finish(running.popleft(), options, on_record)
    finally:
        for grading in running:
            grading.abandon()


class _Grading:
    """One student being graded: their files, their session (or the problem that stopped
    it), their control groups."""

    def __init__(self, student, into):
        self.student, self.into = student, into
        self.submission = self.workspace = self.pending = None
        self.problem = None
        self.groups = ()

    def abandon(self):
        if self.pending is not None and self.pending.student is not None:
            self.pending.student.end()
        shutil.rmtree(self.into, ignore_errors=True)


def _begin(student, options, host, groups, expected) -> _Grading:
    from nncli.catalogue import EXERCISES
    from nncli.grader import session
    from nncli.grader.classroom import files

    grading = _Grading(student, os.path.join(options.workdir, "students", str(student.index)))
    try:
        os.mkdir(grading.into, 0o700)
        grading.submission = files.collect(student.path, [e.name for e in EXERCISES],
                                           grading.into)
        chosen = [e for e in EXERCISES if e.name in grading.submission.files]
        grading.workspace = _Files(student.id, grading.submission.files)
        if chosen:
            confinement = {}
            if options.plan is not None:
                confinement["isolation"] = options.plan
                if not options.plan.rootless and os.geteuid() == 0:
                    confinement["uid"] = STUDENT_UIDS + student.index
                if groups is not None:
                    grading.groups = groups.make(student.index)
                    confinement["cgroups"] = grading.groups
            grading.pending = session.begin(grading.workspace, chosen, options.seed,
                                            options.timeout, options.lang, host=host,
                                            expected=expected, **confinement)
    except Exception as error:  # noqa: BLE001 - this student's record says so; others go on
        grading.problem = ("grader_crashed", {"reason": _one_line(error)})
    return grading


def _finish(grading, options, on_record):
    from nncli.catalogue import EXERCISES
    from nncli.grader.results import SessionResult

    record = None
    try:
        if grading.problem is None:
            result = grading.pending.finish() if grading.pending is not None \
                else SessionResult(options.seed, [])
            grading.pending = None
            record = student_record(grading.student, grading.submission, result, options)
            record["feedback"] = ""
            if options.feedback and result.exercises:
                record["feedback"] = feedback_body(result, grading.workspace, options.lang)
            record["graded"] = True
    except Exception as error:  # noqa: BLE001
        grading.problem = ("grader_crashed", {"reason": _one_line(error)})
    finally:
        grading.abandon()
        for group in grading.groups:
            _remove_group(group)
    if record is None:
        key, values = grading.problem
        record = not_graded_record(grading.student, options.seed, key, values, EXERCISES)
    json.dumps(record)  # a record that cannot be written is a bug of ours: fail here, loudly
    on_record(grading.student, record)


def _remove_group(group):
    try:
        os.rmdir(group)
    except OSError:
        pass  # still emptying: the control groups' own cleanup takes it at the end


def _one_line(error) -> str:
    text = f"{type(error).__name__}: {error}"
    return text.splitlines()[0][:300] if text else type(error).__name__


def not_graded_record(student, seed, key, values, exercises) -> dict:
    """The record of a student nncli could not grade, with a note saying why."""
    return {
        "student": student.id, "seed": seed, "score": 0,
        "max_score": sum(e.max_points for e in exercises), "feedback": "",
        "exercises": [{"name": e.name, "status": "not_graded", "score": 0,
                       "max_score": e.max_points, "file": None, "problem": "",
                       "tests": []} for e in exercises],
        "notes": [{"key": key, "values": values}], "graded": False,
    }


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


