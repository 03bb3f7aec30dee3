"""The results file of each platform, from a graded record (see view.py), in the shape the
platform documents:

gradescope    results.json of Gradescope's autograder specification: "score", "output",
              "tests" [{"name", "score", "max_score", "status" passed/failed, "output",
              "visibility"}].
prairielearn  /grade/results/results.json of PrairieLearn's external grading: "gradable",
              "score" in [0, 1], "message", "output", "tests" [{"name", "points",
              "max_points", "message", "output"}]; "gradable" false (with "format_errors")
              only when no exercise file could be graded at all.
classroom     what GitHub Classroom's grading reporter reads from $<RUNNER>_RESULTS: base64 of
              {"version": 1, "status" pass/fail/error, "max_score", "tests" [{"name",
              "status", "score", "message", ...}]}; the reporter adds up the tests' scores.
json, junit   as `nncli check --json` and `nncli check --junit` write them (graded files only).

Each function returns the text of the file.
"""

import json

from nncli.platforms import view

FORMATS = ("gradescope", "prairielearn", "classroom", "junit", "json")
VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")


def render(kind, record, exercises, lang, version, visibility="visible") -> str:
    rows = view.function_rows(record, exercises, lang)
    if kind == "gradescope":
        return gradescope(record, rows, exercises, lang, version, visibility)
    if kind == "prairielearn":
        return prairielearn(record, rows, exercises, lang, version)
    if kind == "classroom":
        return classroom(record, rows, exercises, lang)
    result = session_result(record, exercises)
    if kind == "junit":
        import xml.etree.ElementTree as ET

        from nncli.grader.report import junit_tree

        root = junit_tree(result).getroot()
        return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")
    from nncli.grader.report import to_json

    return _dumps(to_json(result, version))


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _test_output(row) -> str:
    return row.message + ("\n\n" + row.output if row.output else "")


def gradescope(record, rows, exercises, lang, version, visibility) -> str:
    points, _ = view.score(rows)
    tests = [{"name": row.name, "number": f"{exercise_number}.{function_number}",
              "score": row.points, "max_score": row.max_points,
              "status": "passed" if row.passed else "failed", "output": _test_output(row),
              "visibility": visibility}
             for exercise_number, exercise in enumerate(exercises, 1)
             for function_number, row in enumerate(
                 [r for r in rows if r.exercise == exercise.name], 1)]
    return _dumps({"score": points,
                   "output": view.summary_text(record, rows, exercises, lang, version),
                   "visibility": visibility, "tests": tests,
                   "extra_data": {"nncli": version, "seed": record["seed"]}})


def prairielearn(record, rows, exercises, lang, version) -> str:
    points, most = view.score(rows)
    summary = view.summary_text(record, rows, exercises, lang, version)
    if not any(r.file for r in rows) and record.get("graded", True):
        problem = summary.splitlines()[1]  # "No exercise file could be graded: submit …"
        return _dumps({"gradable": False, "format_errors": [problem], "message": problem,
                       "output": summary, "tests": []})
    tests = [{"name": row.name, "points": row.points, "max_points": row.max_points,
              "message": row.message, "output": row.output} for row in rows]
    return _dumps({"gradable": True, "score": points / most if most else 0.0,
                   "message": summary.splitlines()[0], "output": summary, "tests": tests})


def classroom_payload(record, rows) -> dict:
    """The JSON object before base64 (a runner's results as the reporter reads them)."""
    points, most = view.score(rows)
    if not record.get("graded", True):
        status = "error"
    else:
        status = "pass" if points == most else "fail"
    tests = [{"name": row.name, "status": "pass" if row.passed else (
                  "error" if row.status in ("error", "not_graded") else "fail"),
              "score": row.points, "max_score": row.max_points,
              "message": row.message[:2000], "test_code": f"nncli autograde: {row.name}",
              "filename": row.file or "", "line_no": 0}
             for row in rows]
    return {"version": 1, "status": status, "max_score": most, "tests": tests}


def classroom(record, rows, exercises, lang) -> str:
    import base64

    data = json.dumps(classroom_payload(record, rows), ensure_ascii=False)
    return base64.b64encode(data.encode("utf-8")).decode("ascii") + "\n"


def session_result(record, exercises):
    """The SessionResult `nncli check` would have made of the record's graded files."""
    from nncli.grader.results import from_data

    wanted = {e.name for e in exercises}
    return from_data({"seed": record["seed"],
                      "exercises": [e for e in record["exercises"] if e["name"] in wanted]})
