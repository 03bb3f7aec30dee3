"""What `nncli watch` shows: one screen, built as lines that fit the terminal.

Three parts: the header (exercise, file, when it was checked), the body (the table of
functions and what went wrong, as `nncli check` reports it) and the footer (a note, the next
step, the hint, the keys). The footer always stays in view: when the screen is too short,
the body is cut, with a line saying how to see the rest.
"""

import io

from nncli.grader.report import STYLES


class Screen:
    """What to show; the watch loop (nncli/watch/app.py) fills it in.

    exercise: catalogue Exercise; path: its file; seed; result: ExerciseResult or None;
    checking, missing: bools; error: nncli's own failure ("" if none); count, time, seconds:
    which check it was, when, how long; hint: (number, count, text) or None; again: the hints
    start over; note: one line about the last key pressed ("" if none); following: the
    exercise `n` would go to (None when none is left)."""

    def __init__(self, exercise, path, seed):
        self.exercise, self.path, self.seed = exercise, path, seed
        self.result = None
        self.checking = self.missing = False
        self.error = ""
        self.count, self.time, self.seconds = 0, "", 0.0
        self.hint = None
        self.again = False
        self.note = ""
        self.following = None


def frame(screen, lang: str, columns: int, rows: int, color_system="auto") -> list:
    """The lines of the screen (ANSI styled), at most `rows` of at most `columns` cells."""
    from nncli.texts import Texts

    w, g, x = Texts("watch", lang), Texts("grader", lang), Texts("exercises", lang)
    header = _lines(columns, color_system, _header(screen, w, x))
    body = _lines(columns, color_system, _body(screen, w, g))
    footer = _lines(columns, color_system, _footer(screen, w, x))
    room = rows - len(header) - len(footer)
    if len(body) > room:
        keep = max(0, room - 1)
        cut = _lines(columns, color_system, [_text(w("cut", count=len(body) - keep,
                                                       name=screen.exercise.name), "dim")])
        body = body[:keep] + cut[:1 if room > 0 else 0]
    return (header + body + footer)[:rows]


def _lines(columns, color_system, renderables) -> list:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=columns, force_terminal=True, color_system=color_system,
                      highlight=False, emoji=False, soft_wrap=False,
                      legacy_windows=False)  # the terminal takes escape sequences (terminal.py)
    for renderable in renderables:
        console.print(renderable)
    text = buffer.getvalue()
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def _text(text, style=""):
    """A paragraph that wraps between Chinese characters too (rich's Text when it has none)."""
    from nncli.render.wrap import paragraph

    return paragraph(text, style=style)


def _header(screen, w, x) -> list:
    exercise = screen.exercise
    parts = [_text(w("title", name=exercise.name, title=x(exercise.title_key)), "bold"),
             _text(w("file", path=screen.path, seed=screen.seed), "dim")]
    if screen.missing:
        parts.append(_text(w("missing", path=screen.path, name=exercise.name), "yellow"))
    elif screen.checking:
        key = "checking_again" if screen.result is not None else "checking"
        parts.append(_text(w(key, name=exercise.name), "cyan"))
    elif screen.error:
        parts.append(_text(w("internal", error=screen.error), "bold red"))
    elif screen.count:
        parts.append(_text(w("checked", count=screen.count, time=screen.time,
                             seconds=f"{screen.seconds:.2f}"), "dim"))
    return parts + [_text("")]


def _body(screen, w, g) -> list:
    from rich.padding import Padding
    from rich.table import Table

    result = screen.result
    if result is None:
        return []
    table = Table()
    for key in ("function", "status", "points"):
        table.add_column(g(f"check.col.{key}"), justify="right" if key == "points" else "left")
    for test in result.tests:
        table.add_row(test.name, _text(g(f"status.{test.status}"), STYLES[test.status]),
                      f"{test.points}/{test.max_points}")
    parts = [table]
    if result.problem:
        parts.append(_heading(f"{result.name}.py: ", g("status.error"), "error"))
        parts.append(Padding(_text(result.problem.rstrip("\n")), (0, 0, 0, 2)))
    for test in result.tests:
        if test.status in ("passed", "not_started"):
            continue
        if result.problem and test.message == result.problem and not test.traceback:
            continue
        parts.append(_heading(f"{test.name}: ", g(f"status.{test.status}"), test.status))
        parts.append(Padding(_text(test.message.rstrip("\n")), (0, 0, 0, 2)))
        if test.traceback:
            parts.append(Padding(_text(g("check.traceback"), "dim"), (0, 0, 0, 2)))
            parts.append(Padding(_text(test.traceback.rstrip("\n"), "dim"), (0, 0, 0, 4)))
    if result.output:
        parts.append(_text(w("output_hidden", name=result.name), "dim"))
    parts.append(_text(w("score", score=result.score, max_score=result.max_score), "bold"))
    return parts


def _heading(prefix, word, status):
    from rich.text import Text

    text = Text(prefix, style="bold")
    text.append(word, style=STYLES[status])
    return text


def next_step(screen, w) -> str:
    """The one line saying what to do now."""
    name = screen.exercise.name
    result = screen.result
    if result is None or screen.missing or screen.error:
        return w("next.wait", name=name)
    if result.status == "passed":
        if screen.following is None:
            return w("next.done", name=name)
        return w("next.passed", name=name, next=screen.following)
    if result.problem:
        return w("next.fix_file", name=name)
    for test in result.tests:
        if test.status == "not_started":
            return w("next.write", function=test.name, name=name)
        if test.status != "passed":
            return w("next.fix", function=test.name, name=name)
    return w("next.wait", name=name)


def _footer(screen, w, x) -> list:
    from rich.rule import Rule

    parts = [Rule(style="dim")]
    if screen.note:
        parts.append(_text(screen.note, "yellow"))
    parts.append(_text(next_step(screen, w), "bold"))
    if screen.hint is None:
        parts.append(_text(w("hint.none", count=len(screen.exercise.hints))))
    else:
        number, count, text = screen.hint
        if screen.again:
            parts.append(_text(w("hint.again"), "dim"))
        parts.append(_text(w("hint.line", number=number, count=count, text=text)))
    parts.append(_text(w("keys"), "dim"))
    return parts
