"""`nncli autograde SUBMISSION --format F --out FILE`: one submission graded as `nncli grade`
grades one student, written as a course platform's results file."""

import click

from nncli.completion import complete_exercise_list
from nncli.platforms.formats import FORMATS, VISIBILITIES
from nncli.texts import LANGUAGES


def _positive(ctx, param, value):
    if value is not None and not value > 0:
        from nncli.texts import Texts, resolve_lang

        raise click.BadParameter(Texts("platforms", resolve_lang(ctx.params.get("lang")))(
            "bad_timeout", value=value))
    return value


@click.command()
@click.argument("submission", metavar="SUBMISSION")
@click.option("--format", "kind", type=click.Choice(FORMATS), required=True,
              help="The results file to write: the platform's own format, or as `nncli check` "
                   "writes --json and --junit.")
@click.option("--out", "out_path", metavar="FILE", required=True,
              help="Where to write it (- for standard output).")
@click.option("--seed", type=click.IntRange(min=0),
              help="Seed of the random cases (default: a new one, written in the results).")
@click.option("--timeout", type=float, default=10.0, show_default=True, callback=_positive,
              help="Seconds each exercise file may run.")
@click.option("--isolation", type=click.Choice(("auto", "required", "off")), default="auto",
              show_default=True,
              help="Shut the code in its own namespaces: when the system allows it (auto), or "
                   "fail without it (required).")
@click.option("--exercises", "exercise_list", metavar="A,B,…", shell_complete=complete_exercise_list,
              help="Grade only these exercises (default: all; a missing file scores 0).")
@click.option("--visibility", type=click.Choice(VISIBILITIES), default="visible",
              show_default=True, help="When Gradescope shows the tests to the student.")
@click.option("--lang", is_eager=True, type=click.Choice(LANGUAGES), default=None,
              help="Language of the messages (default: $NNCLI_LANG, the locale, en).")
@click.pass_context
def command(ctx, submission, kind, out_path, seed, timeout, isolation, exercise_list,
            visibility, lang):
    """Grade one SUBMISSION (a folder or a .zip) as `nncli grade` grades one student, and
    write the results FILE a course platform reads (Gradescope, PrairieLearn, GitHub
    Classroom), or check's JSON or JUnit.

    Exit status: 0 when the submission was graded, whatever its score; 1 when nncli could
    not grade it (the file then says why); 2 for usage errors.
    """
    import os

    from nncli import __version__
    from nncli.errors import NncliError
    from nncli.platforms import formats
    from nncli.platforms.grading import IsolationRefused, grade_submission
    from nncli.platforms.view import chosen_exercises
    from nncli.texts import Texts, resolve_lang

    lang = resolve_lang(lang)
    t = Texts("platforms", lang)
    names = exercise_names(exercise_list, lang)
    if not (os.path.isdir(submission) or (os.path.isfile(submission)
                                          and submission.lower().endswith(".zip"))):
        raise NncliError(t("bad_submission", path=submission), 2)
    if out_path != "-":
        _check_writable(out_path)
    if seed is None:
        seed = int.from_bytes(os.urandom(4), "little") % 1_000_000
    exercises = chosen_exercises(names)
    hidden = [out_path] if out_path != "-" else []
    try:
        record, _isolation = grade_submission(submission, seed, timeout, lang, isolation, hidden)
    except IsolationRefused as error:
        what = Texts("grade", lang)(f"isolation.what.{error.what}")
        reason = t("isolation.refused", what=what, detail=error.detail)
        record = _not_graded(submission, seed, reason)
    text = formats.render(kind, record, exercises, lang, __version__, visibility)
    _write(out_path, text)
    graded = record.get("graded", True)
    if not graded:
        click.echo(t("not_graded", path=submission, reason=_reason(record, lang)), err=True)
    elif out_path != "-":
        from nncli.platforms.view import function_rows, score

        points, most = score(function_rows(record, exercises, lang))
        click.echo(t("written", path=out_path, score=points, max_score=most, seed=seed), err=True)
    ctx.exit(0 if graded else 1)


def exercise_names(text, lang):
    """The exercise names of --exercises, checked against the catalogue (usage error else)."""
    if not text:
        return []
    from nncli.catalogue import find_exercise

    names = []
    for part in text.split(","):
        if part.strip():
            name = find_exercise(part.strip(), lang).name
            if name not in names:
                names.append(name)
    return names


def _check_writable(path):
    import os

    from nncli.errors import NncliError
    from nncli.texts import Texts
    from nncli.errors import command_lang

    t = Texts("grade", command_lang())
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise NncliError(t("output_folder_missing", path=path, folder=folder), 2)
    if os.path.isdir(path):
        raise NncliError(t("bad_output", path=path, reason="a folder"), 2)


def _write(path, text):
    import sys

    from nncli.atomic import write_atomic
    from nncli.errors import NncliError, command_lang
    from nncli.texts import Texts

    if path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_atomic(path, lambda stream: stream.write(text))
    except OSError as error:
        raise NncliError(Texts("grade", command_lang())(
            "bad_output", path=path, reason=error.strerror or error), 2) from None


def _not_graded(submission, seed, reason):
    """The record of a submission nncli did not grade: every exercise "not_graded"."""
    from nncli.catalogue import EXERCISES
    from nncli.grader.classroom.engine import Student, not_graded_record

    return not_graded_record(Student(submission, submission, 0), seed, "isolation_refused",
                             {"reason": reason}, EXERCISES)


def _reason(record, lang):
    from nncli.platforms.view import notes_text

    return "; ".join(notes_text(record, lang))
