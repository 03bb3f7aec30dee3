"""`nncli autograder gradescope|prairielearn|classroom`: write a ready-made autograder that
runs `nncli autograde` where the course runs."""

import click

from nncli.completion import complete_exercise_list
from nncli.texts import LANGUAGES


def _common(isolation):
    """--exercises, --seed, --timeout, --isolation (default `isolation`), --lang: what the
    autograder passes on to `nncli autograde`."""
    return lambda function: _with_options(function, isolation)


def _with_options(function, isolation):
    options = [
        click.option("--exercises", "exercise_list", metavar="A,B,…",
                     shell_complete=complete_exercise_list,
                     help="The exercises of the assignment (default: all)."),
        click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
                     help="The fixed seed every submission is graded with."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=10.0,
                     show_default=True, help="Seconds each exercise file may run."),
        click.option("--isolation", type=click.Choice(("required", "auto")),
                     default=isolation, show_default=True,
                     help="required: fail rather than grade without namespaces; auto: grade "
                          "anyway where the platform refuses them."),
        click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                     help="Language of the students' messages (default: $NNCLI_LANG, the "
                          "locale, en)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def group():
    """Write a ready-made autograder: Gradescope's zip, PrairieLearn's external grader, or
    GitHub Classroom's workflow. Each grades with a fixed seed and this version of nncli."""


@group.command()
@click.option("--out", "out_path", metavar="FILE.zip", default="autograder.zip",
              show_default=True, help="The zip to upload to Gradescope.")
@click.option("--visibility", type=click.Choice(("visible", "hidden", "after_due_date",
                                                 "after_published")),
              default="visible", show_default=True, help="When students see the tests.")
@_common(isolation="required")
def gradescope(out_path, visibility, **common):
    """Gradescope's autograder zip: setup.sh, run_autograder and a README for you."""
    from nncli.platforms import setups

    _written(setups.gradescope(out_path, _settings(common), visibility), "gradescope", common)


@group.command()
@click.option("--out", "out_path", metavar="DIR", default="nncli-prairielearn",
              show_default=True, help="The folder to write (must not exist).")
@_common(isolation="auto")  # the container per submission is the wall; namespaces if allowed
def prairielearn(out_path, **common):
    """PrairieLearn's external grader: a question's tests/run.sh, info.json settings and the
    grader image's Dockerfile."""
    from nncli.platforms import setups

    _written(setups.prairielearn(out_path, _settings(common)), "prairielearn", common)


@group.command()
@click.option("--out", "out_path", metavar="DIR", default=".", show_default=True,
              help="The assignment's template repository (.github/workflows/ is written in it).")
@_common(isolation="auto")  # the student's own repository, graded in their own workflow
def classroom(out_path, **common):
    """GitHub Classroom's workflow: .github/workflows/classroom.yml, one step per exercise
    with its points, then the grading reporter."""
    from nncli.platforms import setups

    _written(setups.classroom(out_path, _settings(common)), "classroom", common)


def _settings(common):
    from nncli.commands.autograde import exercise_names
    from nncli.platforms.setups import Settings
    from nncli.platforms.view import chosen_exercises
    from nncli.texts import resolve_lang

    lang = resolve_lang(common["lang"])
    names = exercise_names(common["exercise_list"], lang)
    return Settings(chosen_exercises(names), common["seed"], common["timeout"],
                    common["isolation"], lang)


def _written(written, platform, common):
    from nncli.texts import Texts, resolve_lang

    root, paths = written
    t = Texts("platforms", resolve_lang(common["lang"]))
    for path in paths:
        click.echo(t("setup.written", path=path))
    click.echo(t(f"setup.next.{platform}", path=root))
