"""Texts of `nncli autograde`, `nncli autograder` and the notebook API: what a learner reads
on a course platform (Gradescope, PrairieLearn, GitHub Classroom) and what a teacher reads
when setting one up. Keys of the platforms' files stay as each platform documents them."""

TEXTS = {
    # the results a learner reads on the platform
    "result.score": "Score: {score} of {max_score} {max_score:point|points} (nncli {version}, seed {seed}).",
    "result.exercise": "{name}: {score}/{max_score} ({status})",
    "result.notes": "About your submission:",
    "result.missing": "no file {file} in the submission: name it exactly so (the folder does not matter).",
    "result.not_graded": "nncli could not grade this submission: {reason}",
    "result.nothing": "No exercise file could be graded: submit {files}.",
    "note.isolation_refused": "{reason}",
    "status.passed": "passed",
    "status.failed": "failed",
    "status.error": "error",
    "status.not_started": "not started",
    "status.missing": "missing",
    "status.not_graded": "not graded",
    # command line
    "bad_submission": "Cannot grade {path}: it is neither a folder nor a .zip file.",
    "bad_timeout": "--timeout must be a number of seconds above 0 (got {value}).",
    "isolation.refused": "Isolation is required (--isolation required) but not available here: {what}: {detail}. Use --isolation auto to grade without it.",
    "written": "Written: {path} ({score}/{max_score} {max_score:point|points}, seed {seed}).",
    "not_graded": "nncli could not grade {path}: {reason}",
    # nncli autograder
    "setup.written": "Written: {path}",
    "setup.next.gradescope": "Upload {path} as the autograder of a Gradescope programming assignment (Ubuntu base image).",
    "setup.next.prairielearn": "Build the grader image from {path}/Dockerfile, copy {path}/tests/ into the question's folder and merge {path}/info.json into its info.json.",
    "setup.next.classroom": "Copy {path}/.github/ into the assignment's template repository.",
    "setup.exists": "{path} already exists: choose another --out or remove it first.",
    # the notebook
    "magic.usage": "Usage: %%nncli EXERCISE, then the whole exercise file in the cell (for example %%nncli lstm).",
    "magic.written": "Written to {path} (the previous version is kept in {backup}).",
    "magic.written_new": "Written to {path}.",
    "notebook.check_failed": "nncli check could not run: {reason}",
    # editors (`nncli check --format problems`)
    "problem.line": "{exercise}.{function}: {status}: {message}",
}
