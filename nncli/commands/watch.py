"""`nncli watch [NAME]`: check an exercise file each time it is saved, on a screen redrawn in place."""

import click

from nncli.completion import complete_exercise
from nncli.texts import LANGUAGES


def _positive(ctx, param, value):
    if value is not None and not value > 0:
        from nncli.texts import Texts, resolve_lang

        lang = resolve_lang(ctx.params.get("lang"))
        if param.name == "interval":
            raise click.BadParameter(Texts("watch", lang)("interval_bad", value=value))
        raise click.BadParameter(Texts("grader", lang)("check.timeout_bad", value=value))
    return value


@click.command()
@click.argument("name", required=False, shell_complete=complete_exercise)
@click.option("--workspace", "workspace_option", metavar="DIR",
              help="The folder of your exercise files (default: $NNCLI_WORKSPACE, the nearest "
                   "folder upwards with a .nncli/ marker, else ./nncli-workspace).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, is_eager=True,
              help="Language of the screen (default: $NNCLI_LANG, else the locale).")
@click.option("--interval", type=float, default=0.3, show_default=True, callback=_positive,
              help="Seconds between two looks at the file (it is polled even where the "
                   "system reports changes, since network drives and virtual machines may not).")
@click.option("--seed", type=click.IntRange(min=0),
              help="Seed of the random cases (default: a new one per watch, shown on screen).")
@click.option("--timeout", type=float, default=10.0, show_default=True, callback=_positive,
              help="Seconds each check of your file may run.")
@click.option("--poll", "poll_only", is_flag=True,
              help="Only poll the file; do not use file-system events (inotify).")
@click.pass_context
def command(ctx, name, workspace_option, lang, interval, seed, timeout, poll_only):
    """Check the exercise NAME each time you save its file (without NAME: the next unfinished
    exercise of your workspace), and keep the result and the next step on screen.

    Keys: h the next hint, n the next unfinished exercise (its file is written from the
    template if it is not there yet), q or Ctrl-C quit. Needs a terminal; from a script,
    use 'nncli check'.
    """
    import os
    import sys

    from nncli.catalogue import find_exercise
    from nncli.errors import UsageProblem
    from nncli.texts import Texts, resolve_lang
    from nncli.workspace import open_workspace

    lang = resolve_lang(lang)
    exercise = find_exercise(name, lang=lang) if name else None
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        raise UsageProblem(Texts("watch", lang)("no_terminal"))
    workspace = open_workspace(workspace_option, lang=lang)
    exercise = _chosen(workspace, exercise, lang)
    if seed is None:
        seed = int.from_bytes(os.urandom(4), "little") % 1_000_000

    from nncli.watch.app import WatchApp

    app = WatchApp(workspace, exercise, lang, seed, timeout=timeout, interval=interval,
                   events=not poll_only)
    code = app.run()
    click.echo(app.summary())
    ctx.exit(code)


def _chosen(workspace, exercise, lang):
    """`exercise` if its file is there; without one, the first exercise of the curriculum
    whose file is there and which has not passed yet."""
    from nncli.catalogue import EXERCISES
    from nncli.errors import NncliError
    from nncli.state import State
    from nncli.texts import Texts

    if exercise is not None:
        if not workspace.exercise_file(exercise.name).is_file():
            raise NncliError(Texts("grader", lang)("check.no_file", name=exercise.name,
                                                   workspace=workspace.root))
        return exercise
    state = State.load(workspace.state_path)
    unfinished = [e for e in EXERCISES if not state.passed(e.name)]
    for candidate in unfinished:
        if workspace.exercise_file(candidate.name).is_file():
            return candidate
    w = Texts("watch", lang)
    if not unfinished:
        raise NncliError(w("all_passed", workspace=workspace.root))
    raise NncliError(w("nothing", workspace=workspace.root, name=unfinished[0].name))
