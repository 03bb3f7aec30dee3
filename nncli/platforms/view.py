"""A graded record (engine.student_record) seen function by function, worded in the
learner's language: what every platform's results file is made of.

    rows = function_rows(record, exercises, lang)   # one Row per graded function
    text = summary_text(record, exercises, lang, version)

A missing exercise file still gives one row per function of that exercise (0 points), so
that the maximum on the platform is the same for every student.
"""

from nncli.texts import Texts

MAX_OUTPUT = 8_000   # characters of one test's output kept (platforms cap results at ~1 MB)


class Row:
    """One graded function: name ("lstm.lstm_step"), exercise, function, status ("passed",
    "failed", "error", "not_started", "missing", "not_graded"), points, max_points, message
    (worded), output (the learner's traceback and what the file printed, capped), file
    (where it came from inside the submission, or None)."""

    __slots__ = ("exercise", "function", "status", "points", "max_points", "message", "output",
                 "file")

    def __init__(self, exercise, function, status, points, max_points, message, output, file):
        self.exercise, self.function, self.status = exercise, function, status
        self.points, self.max_points = points, max_points
        self.message, self.output, self.file = message, output, file

    @property
    def name(self) -> str:
        return f"{self.exercise}.{self.function}"

    @property
    def passed(self) -> bool:
        return self.status == "passed"


def chosen_exercises(names=None):
    """The catalogue's exercises named (all of them when `names` is empty), in curriculum
    order."""
    from nncli.catalogue import EXERCISES

    return [e for e in EXERCISES if not names or e.name in names]


def function_rows(record, exercises, lang) -> list:
    t = Texts("platforms", lang)
    by_name = {e["name"]: e for e in record["exercises"]}
    reason = "; ".join(notes_text(record, lang))
    rows = []
    for exercise in exercises:
        graded = by_name.get(exercise.name) or {"status": "missing", "tests": [], "file": None}
        tests = {test["name"]: test for test in graded["tests"]}
        for function in exercise.functions:
            test = tests.get(function.name)
            if test is None:
                status = "not_graded" if graded["status"] == "not_graded" else "missing"
                message = t("result.missing", file=f"{exercise.name}.py") \
                    if status == "missing" else t("result.not_graded", reason=reason)
                rows.append(Row(exercise.name, function.name, status, 0, function.points,
                                message, "", None))
                continue
            rows.append(Row(exercise.name, function.name, test["status"], test["points"],
                            test["max_points"], test["message"], _capped(test["output"]),
                            graded["file"]))
    return rows


def _capped(text: str) -> str:
    return text if len(text) <= MAX_OUTPUT else text[:MAX_OUTPUT] + "\n…\n"


def score(rows) -> tuple:
    """(points, max points) of `rows`."""
    return sum(r.points for r in rows), sum(r.max_points for r in rows)


def notes_text(record, lang) -> list:
    """The record's notes about the submission (missing files aside), worded."""
    texts = [Texts("grade", lang), Texts("platforms", lang)]
    worded = []
    for note in record.get("notes", []):
        for t in texts:
            if t.has(f"note.{note['key']}"):
                worded.append(t(f"note.{note['key']}", **note["values"]))
                break
    return worded


def summary_text(record, rows, exercises, lang, version) -> str:
    """What the learner reads first: the score, each exercise's, and the notes."""
    t = Texts("platforms", lang)
    points, most = score(rows)
    lines = [t("result.score", score=points, max_score=most, version=version,
               seed=record["seed"])]
    if not record.get("graded", True):
        lines.append(t("result.not_graded", reason="; ".join(notes_text(record, lang))))
    elif not any(r.file for r in rows):
        lines.append(t("result.nothing", files=", ".join(f"{e.name}.py" for e in exercises)))
    for exercise in exercises:
        mine = [r for r in rows if r.exercise == exercise.name]
        got, out_of = score(mine)
        lines.append(t("result.exercise", name=exercise.name, score=got, max_score=out_of,
                       status=t(f"status.{exercise_status(mine)}")))
    notes = notes_text(record, lang) if record.get("graded", True) else []
    if notes:
        lines += ["", t("result.notes")] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def exercise_status(rows) -> str:
    """One status for an exercise's rows: the first of missing, not graded, passed (all),
    not started (all), failed (any), error."""
    statuses = {r.status for r in rows}
    for single in ("missing", "not_graded", "passed", "not_started"):
        if statuses == {single}:
            return single
    return "failed" if "failed" in statuses else "error"
