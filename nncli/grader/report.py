"""Show a check: the rich table with what went wrong and what to do next, the --json object,
and the --junit XML file. Input: a SessionResult (nncli/grader/results.py).

Messages, problems, tracebacks and printed output hold the learner's own text: every view
passes them through student_text.visible and prints them as rich Text, never as markup.
"""

from nncli.grader.student_text import line, visible

STYLES = {"passed": "green", "failed": "red", "error": "bold red", "not_started": "yellow"}


# ---------------------------------------------------------------- terminal

def render(console, result, workspace, state, exercises, verbose=False, lang="en") -> None:
    """The table of every function checked, the problems in detail, the score, the next step,
    in `lang` (the results' messages are already in it: session.run words them).

    exercises: the whole catalogue in order (for the next step); state: the State after this
    check was recorded.
    """
    from rich.text import Text

    from nncli.render.wrap import paragraph
    from nncli.texts import Texts

    t = Texts("grader", lang)
    title = t("check.title", workspace=line(str(workspace.root)), seed=result.seed)
    console.print(Text(title, style="bold"))
    console.print(_table(console, t, result))

    printed_something = False
    for exercise in result.exercises:
        _render_details(console, t, exercise, verbose)
        printed_something = printed_something or bool(exercise.output)
    if printed_something and not verbose:
        console.print(paragraph(t("check.output_hidden"), style="dim"))
    console.print()
    console.print(paragraph(t("check.score", score=result.score, max_score=result.max_score,
                              seed=result.seed), style="bold"))
    if result.passed:
        console.print(paragraph(t("check.all_passed"), style="green"))
    console.print(paragraph(next_step(result, workspace, state, exercises, lang)))


def _table(console, t, result):
    """Every function checked: exercise, function, status, points (a section an exercise)."""
    from nncli.render.grid import grid, rich_table

    header = [t(f"check.col.{key}") for key in ("exercise", "function", "status", "points")]
    justify = ["left", "left", "left", "right"]
    sections = [[[(exercise.name, "bold") if row == 0 else "", test.name,
                  (t(f"status.{test.status}"), STYLES[test.status]),
                  f"{test.points}/{test.max_points}"]
                 for row, test in enumerate(exercise.tests)]
                for exercise in result.exercises]
    drawn = grid(header, sections, justify, console.width)
    return drawn if drawn is not None else rich_table(header, sections, justify)


def _render_details(console, t, exercise, verbose) -> None:
    from rich.text import Text

    if exercise.problem:
        console.print()
        heading = Text(f"{exercise.name}.py: ", style="bold")
        heading.append(t("status.error"), style=STYLES["error"])
        console.print(heading)
        console.print(_indented(visible(exercise.problem)))
    for test in exercise.tests:
        noted = verbose and test.status == "passed" and test.note  # a warning, verdict kept
        if test.status in ("passed", "not_started") and not noted:
            continue
        if exercise.problem and test.message == exercise.problem and not test.traceback:
            continue
        console.print()
        heading = Text(f"{exercise.name}.{test.name}: ", style="bold")
        heading.append(t(f"status.{test.status}"), style=STYLES[test.status])
        console.print(heading)
        console.print(_indented(visible(test.note if noted else test.message)))
        if test.traceback:
            console.print(_indented(t("check.traceback"), style="dim"))
            console.print(_indented(visible(_frames(test.traceback)), 4, style="dim"))
    if verbose and exercise.output:
        from nncli.render.wrap import paragraph

        console.print()
        console.print(Text(t("check.output_title", name=exercise.name), style="bold"))
        console.print(Text(visible(exercise.output.rstrip("\n"))))
        if exercise.output_truncated:
            console.print(paragraph(t("check.output_cut"), style="dim"))


def _frames(traceback: str) -> str:
    """The learner's traceback without Python's own heading line: check.traceback, in the
    learner's language, already says what follows."""
    first, newline, rest = traceback.partition("\n")
    return rest if newline and first.strip() == "Traceback (most recent call last):" else traceback


def _indented(text: str, left: int = 2, style: str = ""):
    """`text` indented by `left` columns, wrapped lines too (Chinese between characters)."""
    from rich.padding import Padding

    from nncli.render.wrap import paragraph

    return Padding(paragraph(text.rstrip("\n"), style=style), (0, 0, 0, left), expand=False)


def next_step(result, workspace, state, exercises, lang="en") -> str:
    """What to do next, in `lang`: fix the first checked exercise that did not pass; else go
    on with the first exercise of the curriculum not passed yet; else say it is all done."""
    from nncli.texts import Texts

    t = Texts("grader", lang)
    if result is not None:
        for exercise in result.exercises:
            if exercise.status != "passed":
                return t("check.next_fix", name=exercise.name,
                         command=workspace.command(f"check {exercise.name}"))
    for exercise in exercises:
        if state.passed(exercise.name):
            continue
        if workspace.exercise_file(exercise.name).is_file():
            return t("check.next_fix", name=exercise.name,
                     command=workspace.command(f"check {exercise.name}"))
        return t("check.next_start", name=exercise.name,
                 command=workspace.command(f"exercise {exercise.name}"))
    return t("check.next_done")


# ---------------------------------------------------------------- JSON

def to_json(result, version: str) -> dict:
    """{"version", "seed", "exercises": [{"name", "status", "score", "max_score",
    "tests": [{"name", "status", "message", "output"}]}]}. A test's output is what the
    learner's traceback and file printed (the file's output is shared by its tests)."""
    return {
        "version": version,
        "seed": result.seed,
        "exercises": [
            {
                "name": exercise.name,
                "status": exercise.status,
                "score": exercise.score,
                "max_score": exercise.max_score,
                "tests": [
                    {"name": test.name, "status": test.status,
                     "message": visible(test.message),
                     "output": visible(_test_output(test, exercise))}
                    for test in exercise.tests
                ],
            }
            for exercise in result.exercises
        ],
    }


def _test_output(test, exercise) -> str:
    parts = [p for p in (test.traceback, exercise.output) if p]
    return "\n".join(p.rstrip("\n") for p in parts) + ("\n" if parts else "")


# ---------------------------------------------------------------- JUnit

def _xml_text(text: str) -> str:
    """The learner's text made visible (a learner may print \\x00 or ESC); what XML 1.0
    still cannot hold (U+FFFE, U+FFFF) becomes U+FFFD."""
    import re

    text = visible(text)

    # compiled only when JUnit is asked for: the pattern costs milliseconds to build
    not_xml = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    return not_xml.sub("\ufffd", text)


def junit_tree(result):
    """An ElementTree of <testsuites>, one <testsuite> per exercise, one <testcase> per function.
    failed and not_started -> <failure>, error -> <error>; the seed is a property."""
    import xml.etree.ElementTree as ET

    totals = {"tests": 0, "failures": 0, "errors": 0}
    root = ET.Element("testsuites", name="nncli")
    for exercise in result.exercises:
        failures = sum(t.status in ("failed", "not_started") for t in exercise.tests)
        errors = sum(t.status == "error" for t in exercise.tests)
        suite = ET.SubElement(root, "testsuite", name=exercise.name, tests=str(len(exercise.tests)),
                              failures=str(failures), errors=str(errors), skipped="0",
                              time=f"{exercise.elapsed:.3f}")
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="seed", value=str(result.seed))
        ET.SubElement(properties, "property", name="score",
                      value=f"{exercise.score}/{exercise.max_score}")
        for test in exercise.tests:
            case = ET.SubElement(suite, "testcase", classname=f"nncli.{exercise.name}",
                                 name=test.name)
            if test.status != "passed":
                tag = "error" if test.status == "error" else "failure"
                text = test.message or test.status
                summary = " ".join(text.split())
                summary = summary if len(summary) <= 500 else summary[:499] + "…"
                element = ET.SubElement(case, tag, type=test.status, message=_xml_text(summary))
                element.text = _xml_text(text + ("\n\n" + test.traceback if test.traceback else ""))
            if exercise.output:
                ET.SubElement(case, "system-out").text = _xml_text(exercise.output)
        totals["tests"] += len(exercise.tests)
        totals["failures"] += failures
        totals["errors"] += errors
    for key, value in totals.items():
        root.set(key, str(value))
    return ET.ElementTree(root)


def write_junit(result, path) -> None:
    tree = junit_tree(result)
    tree.write(str(path), encoding="utf-8", xml_declaration=True)
