"""`nncli hint NAME`: the next hint of an exercise (how many were shown is remembered per
workspace), or every hint with --all."""

import click

from nncli.completion import complete_exercise
from nncli.texts import LANGUAGES


@click.command()
@click.argument("name", shell_complete=complete_exercise)
@click.option("--all", "show_all", is_flag=True, help="Show every hint at once.")
@click.option("--workspace", "workspace_option", metavar="DIR",
              help="The folder of your exercise files (where the hint count is kept).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the texts (default: $NNCLI_LANG, then the locale, then en).")
def command(name, show_all, workspace_option, lang):
    """Show the next hint for the exercise NAME (or all of them)."""
    from rich.text import Text

    from nncli.catalogue import find_exercise
    from nncli.console import stdout_console
    from nncli.state import State
    from nncli.render.wrap import paragraph
    from nncli.texts import Texts, resolve_lang
    from nncli.workspace import open_workspace

    lang = resolve_lang(lang)
    exercise = find_exercise(name, lang)
    workspace = open_workspace(workspace_option, create=True, lang=lang)
    state = State.load(workspace.state_path)
    warn_if_recovered(state, lang)
    t, texts = Texts("grader", lang), Texts("exercises", lang)
    hints = tuple(exercise.hints)
    count = len(hints)
    shown = min(state.hints_shown(exercise.name), count)
    if show_all or shown >= count:
        numbers = range(1, count + 1)
    else:
        numbers = [shown + 1]
    seen = max(shown, numbers[-1]) if numbers else shown
    state.set_hints_shown(exercise.name, seen)
    state.save()
    console = stdout_console()
    if not show_all and shown >= count:
        console.print(Text(t("hint.again"), style="dim"))
    for number in numbers:
        console.print(Text(t("hint.title", number=number, count=count, name=exercise.name), style="bold"))
        console.print(paragraph(texts(hints[number - 1])))
        console.print()
    if seen < count:
        console.print(paragraph(t("hint.more", left=count - seen,
                                  command=workspace.command(f"hint {exercise.name}")), style="dim"))
    else:
        console.print(paragraph(t("hint.last", name=exercise.name), style="dim"))


def warn_if_recovered(state, lang: str = "en") -> None:
    """Say on stderr (in `lang`) when the state file was unreadable and set aside."""
    if state.aside is None:
        return
    from nncli.texts import Texts

    t = Texts("grader", lang)
    if state.writable:
        click.echo(t("state.corrupt", aside=state.aside), err=True)
    else:
        click.echo(t("state.corrupt_kept", path=state.aside), err=True)
