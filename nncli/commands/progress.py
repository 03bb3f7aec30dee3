"""`nncli progress`: the curriculum as a table (status, score, last checked) and the next step."""

import click

from nncli.texts import LANGUAGES


@click.command()
@click.option("--workspace", "workspace_option", metavar="DIR",
              help="The folder of your exercise files.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the texts (default: $NNCLI_LANG, then the locale, then en).")
def command(workspace_option, lang):
    """Show every exercise with its status, score and when it was last checked."""
    from datetime import datetime

    from rich.table import Table
    from rich.text import Text

    from nncli.catalogue import EXERCISES
    from nncli.commands.hint import warn_if_recovered
    from nncli.console import stdout_console
    from nncli.grader.report import STYLES, next_step
    from nncli.render.wrap import paragraph
    from nncli.state import State
    from nncli.texts import Texts, resolve_lang
    from nncli.workspace import open_workspace

    lang = resolve_lang(lang)
    t, texts = Texts("grader", lang), Texts("exercises", lang)
    workspace = open_workspace(workspace_option, lang=lang)
    state = State.load(workspace.state_path)
    warn_if_recovered(state, lang)
    console = stdout_console()
    console.print(Text(t("progress.title", workspace=workspace.root), style="bold"))
    table = Table()
    for key in ("exercise", "title", "status", "score", "checked"):
        table.add_column(t(f"progress.col.{key}"), justify="right" if key == "score" else "left")
    passed = score = max_score = 0
    for exercise in EXERCISES:
        entry = state.entry(exercise.name)
        status = entry.get("status")
        has_file = workspace.exercise_file(exercise.name).is_file()
        if status is None:
            label = Text(t("status.unchecked" if has_file else "status.no_file"), style="dim")
        else:
            label = Text(t(f"status.{status}"), style=STYLES.get(status, ""))
        points = entry.get("score") if status is not None else None
        shown_score = f"{points}/{exercise.max_points}" if points is not None else t("progress.none")
        checked = entry.get("checked_at")
        if checked:
            try:
                checked = datetime.fromisoformat(checked).astimezone().strftime("%Y-%m-%d %H:%M")
            except ValueError:
                pass
        table.add_row(exercise.name, paragraph(texts(exercise.title_key)), label, shown_score,
                      checked or t("progress.none"))
        passed += status == "passed"
        score += points or 0
        max_score += exercise.max_points
    console.print(table)
    console.print(Text(t("progress.total", passed=passed, count=len(EXERCISES), score=score,
                         max_score=max_score), style="bold"))
    console.print(Text(next_step(None, workspace, state, EXERCISES, lang)))
