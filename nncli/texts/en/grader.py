"""English texts of the grader: workspace, exercise, check, hint, solution and progress.

Keys "compare.<finding>" explain one Finding of nncli/grader/compare.py; their values come
from that Finding. Keep each sentence whole (translations replace whole templates).
"""

TEXTS = {
    # workspace and state
    "workspace.made": "nncli: made a workspace at {path} (your exercise files go there).",
    "workspace.not_a_folder": "the workspace \"{path}\" is a file, not a folder; pass another with --workspace.",
    "workspace.cannot_make": "cannot make the workspace \"{path}\": {reason}; pass another with --workspace.",
    "state.corrupt": "nncli: warning: the progress file could not be read; it was moved to {aside} and nncli starts afresh.",
    "state.corrupt_kept": "nncli: warning: the progress file {path} could not be read or moved aside; nothing will be recorded this time.",

    "state.not_saved": "nncli: warning: could not save your progress to {path}: {reason}.",

    # exercise
    "exercise.unknown": "unknown exercise \"{name}\".{suggestion} See the list with 'nncli progress'.",
    "exercise.not_a_file": "\"{path}\" is a folder, not a file; move it away and try again.",
    "exercise.written": "Wrote {path} from the template.",
    "exercise.exists": "Your file {path} is already there; it was left as it is (--reset starts afresh, keeping a backup).",
    "exercise.reset": "Kept your old file as {backup} and wrote a fresh template to {path}.",
    "exercise.signatures": "Functions to write:",
    "exercise.file": "Your file: {path}",
    "exercise.next": "Fill in the functions, then check them with: {command}",
    "exercise.explain": "See the numbers first: nncli explain {topic}",
    "exercise.hint": "Stuck? nncli hint {name}",
    "exercise.no_editor": "nncli: note: no editor found ($VISUAL and $EDITOR are unset); open {path} yourself.",
    "exercise.editor_failed": "nncli: note: the editor \"{editor}\" could not be started ({reason}); open {path} yourself.",
    "exercise.title": "Exercise {name}: {title}",
    "exercise.points": "{points} points",

    # check: usage
    "check.no_file": "there is no file for \"{name}\" in {workspace}; get one with 'nncli exercise {name}'.",
    "check.nothing": "No exercise files in {workspace} yet. Start with: nncli exercise {name}",
    "check.junit_failed": "cannot write the JUnit file \"{path}\": {reason}.",
    "check.timeout_bad": "--timeout must be a positive number of seconds, not {value}.",

    # check: table
    "check.title": "Check of {workspace} (seed {seed})",
    "check.col.exercise": "exercise",
    "check.col.function": "function",
    "check.col.status": "status",
    "check.col.points": "points",
    "status.passed": "passed",
    "status.failed": "failed",
    "status.error": "error",
    "status.not_started": "not started",
    "status.unchecked": "not checked yet",
    "status.no_file": "no file yet",
    "check.score": "Score: {score} of {max_score} points. Seed {seed} (--seed {seed} repeats these cases).",
    "check.all_passed": "Everything checked passed.",
    "check.next_fix": "Next: work on {name}.py, then run: {command}",
    "check.next_start": "Next: start the next exercise with: {command}",
    "check.next_done": "Every exercise of the curriculum has passed. Well done.",
    "check.output_title": "Output of {name}.py",
    "check.output_cut": "(output cut here: nncli keeps only the start of a long output)",
    "check.output_hidden": "Your file printed something; --verbose shows it.",
    "check.traceback": "Traceback (your file only):",

    # check: per function and per file
    "check.passed_cases": "all {count} cases passed",
    "check.not_started": "still raises NotImplementedError",
    "check.case": "Case \"{label}\" ({inputs}), seed {seed}, {failed} of {total} cases failed:",
    "check.case_item": "In returned value {item} of {count}: ",
    "check.mistake": "This looks like a known mistake: {text}",
    "check.partly_stubbed": "raises NotImplementedError on case \"{label}\" ({inputs}) but not on others; finish the function.",
    "check.file.syntax": "{name}.py has a syntax error at line {line}: {message}",
    "check.file.forbidden_import": "{name}.py imports {module} (line {line}), which the grader forbids: {why}",
    "check.file.forbidden_call": "{function} calls {call} (line {line}), which this exercise forbids: {why}",
    "check.file.forbidden_call_via": "{function} uses {call} through {via} (line {line}), which this exercise forbids: {why}",
    "check.file.unreadable": "{name}.py could not be read: {message}",
    "check.file.load_error": "{name}.py could not be loaded: {message}",
    "check.file.timeout": "{name}.py did not finish within {timeout} s (an endless loop? a huge input?); calls that had not finished count as errors.",
    "check.file.crashed": "{name}.py stopped: {reason}",
    "check.file.internal": "nncli could not compute the expected answer of case \"{label}\": {error} (this is a bug in nncli; please report it).",
    "why.module": "an exercise is solved with NumPy and the standard library only, so that you write the maths yourself.",
    "why.nncli": "the grader's own code and the reference solutions are not part of your answer.",
    "why.call": "it would do the very computation this exercise asks you to write.",

    # compare findings
    "compare.missing": "{function} is not defined in your file (check the spelling of its name).",
    "compare.raised": "raised {error}",
    "compare.not_run": "this call did not run: the file stopped before it.",
    "compare.in_place": "changed its input {arguments} in place; make a copy (x = x.copy()) or build a new array instead.",
    "compare.not_array": "returned {received}; a NumPy array of shape {shape} is due (wrap it with np.array(...) or build it with NumPy).",
    "compare.not_tuple": "returned {received}; a tuple of {count} arrays is due.",
    "compare.tuple_wanted": "returned one array; a tuple of {count} arrays is due (return a, b).",
    "compare.tuple_unwanted": "returned a tuple of {received} values; one array is due.",
    "compare.tuple_length": "returned a tuple of {received} values; {count} are due.",
    "compare.object_array": "returned an array of dtype object (NumPy made it from values of mixed kinds or lengths); an array of float64 numbers is due.",
    "compare.dtype_int": "returned an array of {received}; floats (float64) are due (integer arithmetic drops the fractions: use 1.0 rather than 1, or .astype(np.float64)).",
    "compare.dtype_complex": "returned complex numbers ({received}); real float64 values are due.",
    "compare.dtype_narrow": "returned {received}; {expected} is due (the lower precision loses digits the cases check).",
    "compare.dtype_other": "returned an array of {received}; {expected} is due.",
    "compare.shape": "expected shape {expected}, received {received}.",
    "compare.shape.axes_swapped": "The same sizes in another order: are two axes swapped, or the result transposed?",
    "compare.shape.extra_axis": "An extra axis of length 1: a keepdims=True left in, or a reshape too many?",
    "compare.shape.missing_axis": "An axis of length 1 is missing: was it summed or squeezed away?",
    "compare.shape.same_size": "The same number of values arranged differently: check the reshape and the order of the axes.",
    "compare.not_finite": "{count} of {total} values are not finite; at index {index} the expected value is {expected_value}, received {received_value} (an overflow in exp? divide by zero?).",
    "compare.values": "the shape {shape} is right, but {count} of its {total} values are wrong; the largest error, {error}, is at index {index}: expected {expected_value}, received {received_value} (tolerance: rtol {rtol}, atol {atol}).",
    "compare.values_bool": "{count} of {total} values are wrong; at index {index} expected {expected_value}, received {received_value}.",

    # hint
    "hint.title": "Hint {number} of {count} for {name}:",
    "hint.more": "Another hint: {command} ({left} left).",
    "hint.last": "That was the last hint; nncli solution {name} shows the reference once your file passes.",
    "hint.again": "(You have seen every hint; here they are again.)",

    # solution
    "solution.locked": "the reference solution of \"{name}\" is shown once your file passes 'nncli check {name}'; --force shows it now.",
    "solution.warning": "nncli: warning: \"{name}\" has not passed yet; reading the answer first takes away most of what the exercise teaches.",
    "solution.title": "Reference solution of {name}",

    # progress
    "progress.title": "Progress in {workspace}",
    "progress.col.exercise": "exercise",
    "progress.col.title": "what you build",
    "progress.col.status": "status",
    "progress.col.score": "score",
    "progress.col.checked": "last checked",
    "progress.total": "{passed} of {count} exercises passed; {score} of {max_score} points.",
}
