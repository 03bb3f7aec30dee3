"""What `nncli grade` (and `nncli grade merge`) write: the CSV gradebook, the JSON detail,
one feedback file per student, and the summary table on stdout.

A record (engine.student_record) is plain JSON data: {"student", "seed", "score",
"max_score", "graded", "exercises": [{"name", "status", "score", "max_score", "file",
"problem", "tests": [...]}], "notes": [{"key", "values"}], "feedback"}. It holds a student's
own text, so it is made safe once, as it arrives (`safe_record`, student_text.py). The JSON
lists one `student_item` per student (the record with its notes worded); the CSV and the
summary are made from those items, so a merge of shards' JSON gives the CSV a single run
gives. Every file is written whole or not at all (nncli/atomic.py).
"""

from __future__ import annotations

import os

from nncli.atomic import write_atomic
from nncli.grader import student_text

# an exercise's problem is noted whole (its first line); beyond this many characters (only
# a learner's own exception message gets there) it is cut at a space, to keep a cell
# readable
_NOTE_PROBLEM = 1000


def safe_record(record, listing_notes=()) -> dict:
    """`record` with every string made visible (student_text.visible; names and note values
    on one line), `listing_notes` [(key, {values})] put first among its notes."""
    record = student_text.cleaned(record)
    record["student"] = student_text.line(record.get("student", ""))
    for exercise in record.get("exercises", []):
        exercise["file"] = student_text.line(exercise.get("file"))
    record["notes"] = [{"key": key, "values": values} for key, values in listing_notes] + \
        record.get("notes", [])
    for note in record["notes"]:
        note["values"] = {k: student_text.line(v) for k, v in note.get("values", {}).items()}
    record.setdefault("graded", True)
    return record


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
    """The first line of `text`, whole; past _NOTE_PROBLEM characters, cut at a space."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    if len(line) <= _NOTE_PROBLEM:
        return line
    cut = line.rfind(" ", 0, _NOTE_PROBLEM)
    return line[:cut if cut > 0 else _NOTE_PROBLEM].rstrip() + " …"


def student_item(record, t) -> dict:
    """What the JSON says of one student: the record without its feedback, its notes as
    texts in `t`'s language, "note_keys" the keys of its own notes."""
    item = {k: v for k, v in record.items() if k not in ("feedback", "notes")}
    item["notes"] = notes(record, t)
    item["note_keys"] = [n["key"] for n in record["notes"]]
    return item


def ordered(items) -> list:
    """Students in the order of every output: by their (safe) name."""
    return sorted(items, key=lambda item: item["student"])


def to_json(items, seed, version, isolation, lang, shard=None) -> dict:
    """{"version", "seed", "lang", "shard" ("K/N" or None), "isolation": {"enabled",
    "missing"}, "exercises": [{"name", "max_score"}], "students": [student_item]}."""
    from nncli.catalogue import EXERCISES

    return {
        "version": version, "seed": seed, "lang": lang, "shard": shard,
        "isolation": isolation,
        "exercises": [{"name": e.name, "max_score": e.max_points} for e in EXERCISES],
        "students": ordered(items),
    }


def write_csv(path, items, exercises) -> None:
    """student, one column per exercise (its score), total, max, notes ("; " between); text
    cells made safe for spreadsheets (student_text.csv_cell)."""
    import csv

    cell = student_text.csv_cell

    def write(f):
        writer = csv.writer(f)
        writer.writerow(["student", *(e.name for e in exercises), "total", "max", "notes"])
        for item in ordered(items):
            scores = {e["name"]: e["score"] for e in item["exercises"]}
            writer.writerow([cell(item["student"]),
                             *(cell(scores.get(e.name, 0)) for e in exercises),
                             cell(item["score"]), cell(item["max_score"]),
                             cell("; ".join(item["notes"]))])

    write_atomic(path, write, newline="")


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
    for record in ordered(records):
        name = feedback_name(record["student"])
        while name.lower() in taken:
            name = name[:-4] + "_.txt"
        taken.add(name.lower())
        path = os.path.join(folder, name)
        text = feedback_text(record, t)
        write_atomic(path, lambda f: f.write(text))
        written.append(path)
    return written


def render_summary(console, items, seed, t) -> None:
    """The table of students (score and notes) on the terminal; every cell a rich Text, so
    nothing a student wrote is read as markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(t("summary.title", count=len(items), seed=seed)),
                  title_justify="left")
    table.add_column(t("summary.col.student"))
    table.add_column(t("summary.col.score"), justify="right")
    table.add_column(t("summary.col.notes"))
    for item in ordered(items):
        full = item["score"] == item["max_score"]
        table.add_row(Text(item["student"]),
                      Text(f"{item['score']}/{item['max_score']}",
                           style="green" if full else ("red" if not item["score"] else "")),
                      Text("\n".join(item["notes"])))
    console.print(table)
