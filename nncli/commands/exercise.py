"""`nncli exercise NAME`: hand the learner their file (never overwriting one), and say what to do."""

import click

from nncli.completion import complete_exercise
from nncli.texts import LANGUAGES


@click.command()
@click.argument("name", shell_complete=complete_exercise)
@click.option("--workspace", "workspace_option", metavar="DIR",
              help="The folder of your exercise files (default: $NNCLI_WORKSPACE, the nearest "
                   "folder upwards with a .nncli/ marker, else ./nncli-workspace).")
@click.option("--reset", is_flag=True,
              help="Start afresh from the template; your old file is kept in .nncli/backups/.")
@click.option("--open", "open_editor", is_flag=True, help="Open the file in $VISUAL or $EDITOR.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the texts (default: $NNCLI_LANG, then the locale, then en).")
def command(name, workspace_option, reset, open_editor, lang):
    """Write the exercise file NAME.py into your workspace and show the task."""
    from nncli.catalogue import find_exercise
    from nncli.texts import resolve_lang
    from nncli.workspace import open_workspace

    lang = resolve_lang(lang)
    exercise = find_exercise(name, lang)
    workspace = open_workspace(workspace_option, create=True, lang=lang)
    target = workspace.exercise_file(exercise.name)
    template = template_text(exercise.name, lang)
    note = hand_out(workspace, target, template, reset, lang)
    show_task(exercise, workspace, target, template, note, lang)
    if open_editor:
        open_in_editor(target, lang)


def template_text(name: str, lang: str) -> str:
    """The template of exercise `name` in `lang` (see nncli/exercise_files.py)."""
    from nncli.exercise_files import template_text as text

    return text(name, lang)


def hand_out(workspace, target, template: str, reset: bool, lang: str = "en") -> str:
    """Write the `template` text to `target` unless a file is there; with `reset`, back the
    old file up first. Returns the sentence saying what happened."""
    from nncli.errors import UsageProblem
    from nncli.texts import Texts

    t = Texts("grader", lang)
    if target.exists() and not target.is_file():
        raise UsageProblem(t("exercise.not_a_file", path=target))
    content = template.encode("utf-8")
    if not target.exists():
        try:
            with open(target, "xb") as stream:      # "x": never replaces a file made meanwhile
                stream.write(content)
            return t("exercise.written", path=target)
        except FileExistsError:
            pass
    if not reset:
        return t("exercise.exists", path=target)
    from nncli.workspace import back_up, replace_file

    backup = back_up(workspace, target)
    replace_file(target, content)
    return t("exercise.reset", backup=backup, path=target)


def show_task(exercise, workspace, target, template, note: str, lang: str = "en") -> None:
    from rich.padding import Padding
    from rich.text import Text

    from nncli.console import stdout_console
    from nncli.exercise_files import rules_lines
    from nncli.grader.signatures import source_signatures
    from nncli.render.wrap import paragraph
    from nncli.texts import Texts

    t = Texts("grader", lang)
    texts = Texts("exercises", lang)
    console = stdout_console()
    console.print(Text(t("exercise.title", name=exercise.name, title=texts(exercise.title_key)),
                       style="bold"))
    console.print()
    console.print(paragraph(texts(exercise.task_key)))
    console.print()
    for line in rules_lines(exercise, lang):
        console.print(paragraph(line))
    console.print()
    console.print(Text(t("exercise.signatures"), style="bold"))
    declared = source_signatures(template)
    for function in exercise.functions:
        signature = declared.get(function.name)
        line = Text("  ")
        line.append(signature.text if signature else f"{function.name}(...)", style="cyan")
        line.append("  " + t("exercise.points", points=function.points), style="dim")
        console.print(line)
        if signature and signature.summary:
            console.print(Padding(paragraph(signature.summary), (0, 0, 0, 6), expand=False))
    console.print()
    console.print(paragraph(note))
    console.print(paragraph(t("exercise.next",
                              command=workspace.command(f"check {exercise.name}")), style="bold"))
    console.print(paragraph(t("exercise.explain", topic=exercise.topic)))
    console.print(paragraph(t("exercise.hint", name=exercise.name)))


def open_in_editor(target, lang: str = "en") -> None:
    import os

    from nncli.texts import Texts

    t = Texts("grader", lang)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        click.echo(t("exercise.no_editor", path=target), err=True)
        return
    try:
        click.edit(filename=str(target), editor=editor)
    except click.ClickException as error:
        click.echo(t("exercise.editor_failed", editor=editor, reason=error.format_message(),
                     path=target), err=True)
