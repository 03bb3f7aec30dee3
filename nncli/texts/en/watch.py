"""English texts of `nncli watch`: the screen redrawn after each save, its keys and its errors.

Status words, column names and the failure messages themselves come from the grader's texts
(nncli/texts/<lang>/grader.py), as in `nncli check`. Keep each sentence whole.
"""

TEXTS = {
    # usage
    "no_terminal": "'nncli watch' needs a terminal (it redraws the screen and reads keys); from a script or a pipe, grade with 'nncli check'.",
    "interval_bad": "--interval must be a positive number of seconds, not {value}.",
    "nothing": "there is no unfinished exercise file in {workspace}; start the next one with 'nncli exercise {name}'.",
    "all_passed": "every exercise in {workspace} has passed; there is nothing left to watch.",

    # header
    "title": "nncli watch · {name}: {title}",
    "file": "File: {path} · seed {seed}",
    "checking": "Checking {name}.py…",
    "checking_again": "Saved: checking again…",
    "checked": "Check {count} at {time} ({seconds} s): each save is checked again.",
    "missing": "{path} is not there (deleted, or being replaced); waiting for it to come back. 'nncli exercise {name}' writes a fresh template.",
    "internal": "nncli could not check this file: {error}. This is a bug in nncli; please report it.",
    "overdue": "the check took too long and was stopped",
    "failure.raised": "the check raised {error}",
    "failure.stopped": "the checking process ended with exit status {status} and no result",
    "failure.stopped_saying": "the checking process ended with exit status {status} and no result; its last words were: {detail}",

    # body
    "score": "Score: {score} of {max_score} {max_score:point|points}.",
    "output_hidden": "Your file printed something; 'nncli check {name} --verbose' shows it.",
    "cut": "… {count} more {count:line|lines}; 'nncli check {name}' shows them all (or make the window taller).",

    # footer: the next step, the hint, the keys
    "next.write": "Next: write {function} in {name}.py and save; every save is checked here.",
    "next.fix": "Next: fix {function} in {name}.py and save; the check runs again by itself.",
    "next.fix_file": "Next: fix the problem above in {name}.py and save; the check runs again by itself.",
    "next.passed": "{name} passed. Press n for the next exercise, {next}.",
    "next.done": "{name} passed, and so has every exercise of the curriculum. Well done.",
    "next.wait": "Next: save {name}.py again to have it checked.",
    "hint.none": "Stuck? Press h for a hint ({count} for this exercise).",
    "hint.line": "Hint {number} of {count}: {text}",
    "hint.again": "You have seen every hint; here they are again, from the first.",
    "keys": "h: next hint · n: next exercise · q: quit",
    "note.switched": "Now watching {name}.",
    "note.written": "Wrote {path} from the template: open it in your editor.",
    "note.no_other": "No other exercise is left to do; still watching {name}.",
    "state_not_saved": "Your progress could not be saved to {path}: {reason}.",

    # after quitting, on the normal screen
    "summary": "nncli watch: {name}: {status}, {score} of {max_score} {max_score:point|points}.",
    "summary_unchecked": "nncli watch: {name} was not checked.",
}
