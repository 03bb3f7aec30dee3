"""`nncli solution NAME`: the reference answer, once the learner's file has passed."""

import sys

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

    code = solution_path(exercise.name).read_text(encoding="utf-8")
    title = t("solution.title", name=exercise.name)
    from nncli.console import stdout_is_terminal

    if not stdout_is_terminal():  # piped or redirected: stdout is exactly the file
        click.echo(title, err=True)
        write_file_bytes(code)
        return
    show_code(code, title)


def write_file_bytes(code: str) -> None:
    """`code` on stdout as the UTF-8 bytes of the file, whatever the stream's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(code)
    else:
        buffer.write(code.encode("utf-8"))
        buffer.flush()


def show_code(code: str, title: str) -> None:
    """The code on the terminal, coloured, with line numbers, never wrapped: a line longer
    than the terminal runs past it instead of breaking into invalid Python."""
    from rich.console import Console
    from rich.syntax import Syntax
    from rich.text import Text

    from nncli.console import stdout_console

    console = stdout_console()
    lines = code.splitlines() or [""]
    gutter = len(str(len(lines))) + 3
    width = max(console.width, max(len(line) for line in lines) + gutter)
    if width > console.width:
        console = Console(file=sys.stdout, width=width, highlight=False, emoji=False,
                          force_terminal=console.is_terminal, color_system=console.color_system)
    console.print(Text(title, style="bold"))
    console.print(Syntax(code, "python", theme="ansi_dark", line_numbers=True, word_wrap=False))
