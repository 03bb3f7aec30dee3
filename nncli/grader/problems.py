"""`nncli check --format problems`: each function that did not pass as one line
`FILE:LINE: exercise.function: status: message`, the shape editors' problem matchers read
(VS Code's `"regexp": "^(.*):(\\\\d+): (.*)$"`, Vim's errorformat `%f:%l: %m`).

The line is, first found: the last frame of the learner's traceback in their file; the line
of a syntax error or of a forbidden import or call (static.py); the `def` of the function;
else 1."""

import re

FRAME = re.compile(r'File "([^"]+)", line (\d+)')


def problem_lines(result, workspace, lang="en") -> list:
    from nncli.catalogue import find_exercise
    from nncli.texts import Texts

    t = Texts("platforms", lang)
    status = Texts("grader", lang)
    lines = []
    for exercise in result.exercises:
        path = workspace.exercise_file(exercise.name)
        static = _static_lines(find_exercise(exercise.name), path)
        for test in exercise.tests:
            if test.status == "passed":
                continue
            whole_file = static.get(None) if exercise.problem else None
            line = (_traceback_line(test.traceback, path) or whole_file
                    or static.get(test.name) or static.get(None) or 1)
            message = " ".join((test.message or "").split())
            lines.append(f"{path}:{line}: " + t("problem.line", exercise=exercise.name,
                                                function=test.name,
                                                status=status(f"status.{test.status}"),
                                                message=message))
    return lines


def _traceback_line(traceback, path):
    found = None
    for file, line in FRAME.findall(traceback or ""):
        if file == str(path) or file.endswith("/" + path.name) or file == path.name:
            found = int(line)
    return found


def _static_lines(exercise, path) -> dict:
    """{function name: line} of what static analysis blames, {None: line} for the whole
    file (syntax error, forbidden import), and each function's `def` line otherwise."""
    import ast

    from nncli.catalogue import FORBIDDEN_MODULES
    from nncli.grader.static import analyse

    lines = {}
    try:
        analysis = analyse(path, FORBIDDEN_MODULES,
                           {f.name: f.forbidden for f in exercise.functions if f.forbidden})
        source = path.read_text(encoding="utf-8", errors="replace")
    except (OSError, ValueError):
        return lines
    if analysis.syntax_error is not None:
        return {None: analysis.syntax_error.line or 1}
    for problem in analysis.forbidden:
        key = problem.function if problem.kind == "forbidden_call" else None
        lines.setdefault(key, problem.line)
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return lines
    defined = {node.name: node.lineno for node in tree.body   # the last one runs
               if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for name, line in defined.items():
        lines.setdefault(name, line)
    return lines
