"""What `nncli grade` writes from the students' records (classroom.py): the CSV gradebook,
the JSON detail, one feedback file per student, and the summary table on stdout.

Records are plain JSON data: {"student", "seed", "score", "max_score", "graded",
"exercises": [{"name", "status", "score", "max_score", "file", "problem", "tests": [...]}],
"notes": [{"key", "values"}], "feedback"}. Every file is written whole or not at all
(a temporary file, then os.replace).
"""

from __future__ import annotations

import os

from nncli.atomic import write_atomic

_NOTE_PROBLEM = 90   # characters of an exercise's problem kept in a note


def notes(record, t, missing_files=True) -> list:
    """The short notes of one student, in the texts' language: submission problems first,
    then missing files (unless not `missing_files`), exercises that did not run, exercises
    not started."""
    found = []
    for note in record["notes"]:
        try:
            found.append(t(f"note.{note['key']}", **note.get("values", {})))
        except (KeyError, IndexError, ValueError):
            found.append(note["key"])
    exercises = record["exercises"]
    if record.get("graded", True):
        missing = [f"{e['name']}.py" for e in exercises if e["status"] == "missing"]
        if missing and len(missing) < len(exercises):
            if missing_files:
                found.append(t("note.missing", files=", ".join(missing)))
        elif missing and not record["notes"]:
            found.append(t("note.no_files"))
        for exercise in exercises:
            if exercise.get("problem"):
                found.append(t("note.exercise_error", name=exercise["name"],
                               problem=_first_line(exercise["problem"])))
        stubs = [e["name"] for e in exercises if e["status"] == "not_started"]
        if stubs:
            found.append(t("note.not_started", names=", ".join(stubs)))
    return found


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= _NOTE_PROBLEM else line[:_NOTE_PROBLEM - 1] + "…"


def write_csv(path, records, exercises, t) -> None:
    """student, one column per exercise (its score), total, max, notes ("; " between)."""
    import csv

    def write(f):
        writer = csv.writer(f)
        writer.writerow(["student", *(e.name for e in exercises), "total", "max", "notes"])
        for record in records:
            scores = {e["name"]: e["score"] for e in record["exercises"]}
            writer.writerow([record["student"], *(scores.get(e.name, 0) for e in exercises),
                             record["score"], record["max_score"], "; ".join(notes(record, t))])

    write_atomic(path, write, newline="")


def to_json(records, seed, version, isolation, t) -> dict:
    """{"version", "seed", "isolation": {"enabled", "missing"}, "exercises": [{"name",
    "max_score"}], "students": [record + "notes" as texts]}."""
    from nncli.catalogue import EXERCISES

    students = []
    for record in records:
        item = {k: v for k, v in record.items() if k not in ("feedback", "notes")}
        item["notes"] = notes(record, t)
        item["note_keys"] = [n["key"] for n in record["notes"]]
        students.append(item)
    return {
        "version": version, "seed": seed, "isolation": isolation,
        "exercises": [{"name": e.name, "max_score": e.max_points} for e in EXERCISES],
        "students": students,
    }


def write_json(path, data) -> None:
    import json

    write_atomic(path, lambda f: json.dump(data, f, indent=2, ensure_ascii=False))


def feedback_name(student_id: str) -> str:
    """A file name for a student's feedback: their id, made safe, plus .txt."""
    safe = "".join(c if (c.isalnum() or c in "-_.@+ ") else "_" for c in student_id).strip()
    safe = safe.lstrip(".") or "student"
    return safe[:120] + ".txt"


def feedback_text(record, t) -> str:
    """The whole feedback file of one student: title, score, notes, then what `nncli check`
    would have shown."""
    from rich.cells import cell_len

    title = t("feedback.title", student=record["student"])
    lines = [title, "=" * min(cell_len(title), 78), "",
             t("feedback.score", score=record["score"], max_score=record["max_score"],
               seed=record["seed"])]
    found = notes(record, t, missing_files=False)
    if found:
        lines += ["", t("feedback.notes")] + [f"  - {n}" for n in found]
    missing = [f"{e['name']}.py" for e in record["exercises"] if e["status"] == "missing"]
    if missing and len(missing) < len(record["exercises"]):
        lines += ["", t("feedback.missing", files=", ".join(missing))]
    body = record.get("feedback") or ""
    lines += ["", body.rstrip("\n") if body else t("feedback.nothing"), ""]
    return "\n".join(lines)


def write_feedback(folder, records, t) -> list:
    """One text file per student in `folder` (made if missing); the paths written."""
    os.makedirs(folder, exist_ok=True)
    written, taken = [], set()
    for record in records:
        name = feedback_name(record["student"])
        while name.lower() in taken:
            name = name[:-4] + "_.txt"
        taken.add(name.lower())
        path = os.path.join(folder, name)
        text = feedback_text(record, t)
        write_atomic(path, lambda f: f.write(text))
        written.append(path)
    return written


def render_summary(console, records, seed, t) -> None:
    """The table of students (score and notes) on the terminal."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=t("summary.title", count=len(records), seed=seed), title_justify="left")
    table.add_column(t("summary.col.student"))
    table.add_column(t("summary.col.score"), justify="right")
    table.add_column(t("summary.col.notes"))
    for record in records:
        full = record["score"] == record["max_score"]
        table.add_row(record["student"],
                      Text(f"{record['score']}/{record['max_score']}",
                           style="green" if full else ("red" if not record["score"] else "")),
                      "\n".join(notes(record, t)))
    console.print(table)
