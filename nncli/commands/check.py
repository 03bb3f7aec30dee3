"""`nncli check [NAME...]`: grade the exercise files of the workspace with hidden cases."""

import click

from nncli.completion import complete_exercise
from nncli.texts import LANGUAGES


def _positive(ctx, param, value):
    if value is not None and not value > 0:
        from nncli.texts import Texts, resolve_lang

        lang = resolve_lang(ctx.params.get("lang"))
        raise click.BadParameter(Texts("grader", lang)("check.timeout_bad", value=value))
    return value


@click.command()
@click.argument("names", nargs=-1, metavar="[NAME]...", shell_complete=complete_exercise)
@click.option("--workspace", "workspace_option", metavar="DIR",
              help="The folder of your exercise files (default: $NNCLI_WORKSPACE, the nearest "
                   "folder upwards with a .nncli/ marker, else ./nncli-workspace).")
@click.option("--seed", type=click.IntRange(min=0),
              help="Seed of the random cases (default: a new one each run, printed).")
@click.option("--timeout", type=float, default=10.0, show_default=True, callback=_positive,
              help="Seconds each file may run.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as one JSON object "
              "(the same as --format json).")
@click.option("--format", "output_format", type=click.Choice(("table", "json", "problems")),
              default="table", show_default=True,
              help="problems: one FILE:LINE: message line per function that did not pass, for "
                   "editors' problem matchers.")
@click.option("--junit", "junit_path", type=click.Path(dir_okay=False, writable=True),
              metavar="FILE", help="Also write the results as JUnit XML, for CI systems.")
@click.option("--verbose", "-v", is_flag=True, help="Show what your files printed.")
@click.option("--lang", is_eager=True, type=click.Choice(LANGUAGES), default=None,
              help="Language of the texts (default: $NNCLI_LANG, then the locale, then en).")
@click.pass_context
def command(ctx, names, workspace_option, seed, timeout, as_json, output_format, junit_path,
            verbose, lang):
    """Grade the exercise files in your workspace (all of them, or those NAMEd).

    Exit status: 0 when everything checked passed, 1 otherwise, 2 for usage errors.
    """
    from nncli.grader.sandbox import runner

    host = runner.start_host()  # first: its NumPy import overlaps nncli's own work
    try:
        _check(ctx, host, names, workspace_option, seed, timeout,
               "json" if as_json else output_format, junit_path, verbose, lang)
    finally:
        host.close()


def _check(ctx, host, names, workspace_option, seed, timeout, output_format, junit_path,
           verbose, lang):
    from nncli.catalogue import EXERCISES, find_exercise
    from nncli.errors import NncliError
    from nncli.texts import Texts, resolve_lang
    from nncli.workspace import open_workspace

    lang = resolve_lang(lang)
    t = Texts("grader", lang)
    as_json = output_format == "json"
    chosen = []
    for name in names:
        exercise = find_exercise(name, lang)
        if exercise not in chosen:
            chosen.append(exercise)
    workspace = open_workspace(workspace_option, lang=lang)
    for exercise in chosen:
        if not workspace.exercise_file(exercise.name).is_file():
            raise NncliError(t("check.no_file", name=exercise.name, workspace=workspace.root))
    if not names:
        chosen = [e for e in EXERCISES if workspace.exercise_file(e.name).is_file()]
    if seed is None:
        import os

        seed = int.from_bytes(os.urandom(4), "little") % 1_000_000

    from nncli import __version__
    from nncli.grader import report, session
    from nncli.state import State

    if not chosen:
        if as_json:
            import json

            click.echo(json.dumps({"version": __version__, "seed": seed, "exercises": []}))
        click.echo(t("check.nothing", workspace=workspace.root,
                     name=EXERCISES[0].name), err=as_json)
        ctx.exit(1)

    running = session.begin(workspace, chosen, seed, timeout, lang, host=host)
    if output_format == "table":  # while the learners run: what drawing the table needs
        import rich.console, rich.padding, rich.text  # noqa: E401, F401

        import nncli.render.grid, nncli.render.wrap  # noqa: E401, F401
    result = running.finish()

    from nncli.commands.hint import warn_if_recovered

    state = State.load(workspace.state_path)
    warn_if_recovered(state, lang)
    for exercise in result.exercises:
        state.record_check(exercise.name, exercise.status, exercise.score, exercise.max_score)
    try:
        state.save()
    except OSError as error:
        click.echo(t("state.not_saved", path=state.path, reason=error.strerror or error), err=True)

    if junit_path:
        try:
            report.write_junit(result, junit_path)
        except OSError as error:
            raise NncliError(t("check.junit_failed", path=junit_path,
                               reason=error.strerror or error), 2) from None
    if as_json:
        import json

        click.echo(json.dumps(report.to_json(result, __version__), indent=2, ensure_ascii=False))
    elif output_format == "problems":
        from nncli.grader.problems import problem_lines

        for line in problem_lines(result, workspace, lang):
            click.echo(line)
    else:
        from nncli.console import stdout_console

        report.render(stdout_console(), result, workspace, state, EXERCISES, verbose=verbose,
                      lang=lang)
    ctx.exit(0 if result.passed else 1)
