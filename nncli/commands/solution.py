"""`nncli solution NAME`: the reference answer, once the learner's file has passed."""

import click

from nncli.completion import complete_exercise
from nncli.texts import LANGUAGES


@click.command()
@click.argument("name", shell_complete=complete_exercise)
@click.option("--force", is_flag=True, help="Show it even though your file has not passed yet.")
@click.option("--workspace", "workspace_option", metavar="DIR",
              help="The folder of your exercise files (where passes are recorded).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the texts (default: $NNCLI_LANG, then the locale, then en).")
def command(name, force, workspace_option, lang):
    """Show the reference solution of NAME (after 'nncli check NAME' passes)."""
    from nncli.catalogue import find_exercise
    from nncli.commands.hint import warn_if_recovered
    from nncli.errors import NncliError
    from nncli.exercise_files import solution_path
    from nncli.state import State
    from nncli.texts import Texts, resolve_lang
    from nncli.workspace import open_workspace

    lang = resolve_lang(lang)
    t = Texts("grader", lang)
    exercise = find_exercise(name, lang)
    workspace = open_workspace(workspace_option, lang=lang)
    state = State.load(workspace.state_path)
    warn_if_recovered(state, lang)
    if not state.passed(exercise.name):
        if not force:
            raise NncliError(t("solution.locked", name=exercise.name))
        click.echo(t("solution.warning", name=exercise.name), err=True)

    from rich.syntax import Syntax
    from rich.text import Text

    from nncli.console import stdout_console

    code = solution_path(exercise.name).read_text(encoding="utf-8")
    console = stdout_console()
    console.print(Text(t("solution.title", name=exercise.name), style="bold"))
    console.print(Syntax(code, "python", theme="ansi_dark", line_numbers=console.is_terminal, word_wrap=True))
