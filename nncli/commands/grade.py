"""`nncli grade SUBMISSIONS`: grade a whole class with the hidden tests of `nncli check`."""

import click

from nncli.texts import LANGUAGES


def _lang(ctx):
    from nncli.texts import resolve_lang

    return resolve_lang(ctx.params.get("lang"))


def _positive(ctx, param, value):
    if value is not None and not value > 0:
        from nncli.texts import Texts

        key = "bad_jobs" if param.name == "jobs" else "bad_timeout"
        raise click.BadParameter(Texts("grade", _lang(ctx))(key, value=value))
    return value


@click.command()
@click.argument("submissions", metavar="SUBMISSIONS")
@click.option("--out", "out_path", metavar="FILE.csv",
              help="Write the gradebook as CSV: student, a score per exercise, total, max, notes.")
@click.option("--json", "json_path", metavar="FILE",
              help="Write every student's full detail (every test, message, seed) as JSON.")
@click.option("--feedback", "feedback_dir", metavar="DIR",
              help="Write one text file per student with what `nncli check` would show them.")
@click.option("--jobs", "-j", type=int, default=None, callback=_positive,
              help="Students graded at once (default: the number of cores).")
@click.option("--seed", type=click.IntRange(min=0),
              help="Seed of the random cases, the same for every student (default: a new one).")
@click.option("--timeout", type=float, default=10.0, show_default=True, callback=_positive,
              help="Seconds each exercise file may run.")
@click.option("--require-isolation", is_flag=True,
              help="Stop instead of grading without isolation where the system refuses it.")
@click.option("--lang", is_eager=True, type=click.Choice(LANGUAGES), default=None,
              help="Language of the notes and feedback (default: $NNCLI_LANG, the locale, en).")
@click.pass_context
def command(ctx, submissions, out_path, json_path, feedback_dir, jobs, seed, timeout,
            require_isolation, lang):
    """Grade every student in SUBMISSIONS (one folder or .zip per student, named by student).

    Each student's code runs in the sandbox of `nncli check`, and on Linux also shut in its
    own namespaces: no network, no file but its own. Exit status: 0 when every student was
    graded (whatever their scores), 1 when nncli could not grade some, 2 for usage errors.
    """
    import os
    import shutil
    import sys
    import tempfile
    import time

    from nncli.errors import NncliError
    from nncli.grader.classroom import engine as classroom
    from nncli.texts import Texts

    if "numpy" not in sys.modules:  # tiny matrices: BLAS threads would only cost forks
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
    lang = _lang(ctx)
    t = Texts("grade", lang)
    started = time.monotonic()
    root = os.path.abspath(submissions)
    if os.path.exists(root) and not os.path.isdir(root):
        raise NncliError(t("not_a_folder", path=submissions), 2)
    outputs = [p for p in (out_path, json_path) if p]
    for path in outputs:
        _check_writable(path, t)
    try:
        students, ignored = classroom.list_students(
            root, excluded=[os.path.abspath(p) for p in outputs + [feedback_dir] if p])
    except OSError as error:
        raise NncliError(t("bad_submissions", path=submissions,
                           reason=error.strerror or error), 2) from None
    if ignored:
        click.echo(t("ignored_entries", path=submissions, names=", ".join(ignored)), err=True)
    if not students:
        click.echo(t("nothing", path=submissions), err=True)
        ctx.exit(1)
    if seed is None:
        seed = int.from_bytes(os.urandom(4), "little") % 1_000_000
    jobs = jobs or os.cpu_count() or 1

    workdir = tempfile.mkdtemp(prefix="nncli-grade-")
    try:
        hidden = [root, workdir, tempfile.gettempdir()] + [
            os.path.abspath(p) for p in outputs + [feedback_dir] if p]
        plan, isolation = _isolation(hidden, workdir, require_isolation, t)
        groups, isolation["limits"] = classroom.open_limits(plan)
        _say_weaker_limits(isolation["limits"], plan, t)
        options = classroom.Options(seed, timeout, lang, plan, workdir,
                                    feedback=bool(feedback_dir), groups=groups)
        records = []

        def on_record(student, record):
            records.append(record)
            progress.done(student, 0 if record["score"] == record["max_score"] else 1)

        try:
            with _Progress(len(students), t) as progress:
                classroom.grade_class(students, options, jobs, on_record)
        finally:
            if groups is not None:
                groups.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    _write_outputs(records, seed, isolation, out_path, json_path, feedback_dir, t)

    from nncli.console import stdout_console
    from nncli.grader.classroom.output import render_summary

    console = stdout_console()
    render_summary(console, records, seed, t)
    console.print(t("summary.line", count=len(records), seconds=time.monotonic() - started,
                    seed=seed))
    not_graded = sum(1 for r in records if not r.get("graded", True))
    if not_graded:
        click.echo(t("summary.not_graded", count=not_graded), err=True)
    for path in [p for p in (out_path, json_path, feedback_dir) if p]:
        console.print(t("summary.written", path=path))
    sys.stdout.flush()
    ctx.exit(1 if not_graded else 0)


def _check_writable(path, t):
    import os

    from nncli.errors import NncliError

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise NncliError(t("output_folder_missing", path=path, folder=folder), 2)
    if os.path.isdir(path):
        raise NncliError(t("bad_output", path=path, reason="a folder"), 2)
    if not os.access(folder, os.W_OK):
        raise NncliError(t("bad_output", path=path, reason="permission denied"), 2)


def _isolation(hidden, workdir, required, t):
    """(plan or None, {"enabled", "missing"}); says on stderr what is missing."""
    from nncli.errors import NncliError
    from nncli.grader.classroom.isolating import make_plan, summary

    plan, failure = make_plan(hidden, workdir)
    if failure is None:
        return plan, summary(plan, None, t)
    what = t(f"isolation.what.{failure.what}")
    if required:
        raise NncliError(t("isolation.required", what=what, detail=failure.detail), 1)
    click.echo(t("isolation.off", what=what, detail=failure.detail), err=True)
    return None, summary(None, failure, t)


def _say_weaker_limits(limits, plan, t):
    """A line on stderr when memory or processes are not limited per student."""
    if plan is None or limits["memory"] == "student":
        return
    click.echo(t(f"limits.weaker.{limits['processes']}", reason=limits["reason"]), err=True)


def _write_outputs(records, seed, isolation, out_path, json_path, feedback_dir, t):
    from nncli import __version__
    from nncli.catalogue import EXERCISES
    from nncli.errors import NncliError
    from nncli.grader.classroom import output

    target = None
    try:
        if out_path:
            target = out_path
            output.write_csv(out_path, records, EXERCISES, t)
        if json_path:
            target = json_path
            output.write_json(json_path, output.to_json(records, seed, __version__, isolation, t))
        if feedback_dir:
            target = feedback_dir
            output.write_feedback(feedback_dir, records, t)
    except OSError as error:
        raise NncliError(t("bad_output", path=target, reason=error.strerror or error), 2) from None


class _Progress:
    """A progress bar on stderr when it is a terminal (students done, not full marks so far,
    time left); nothing otherwise. Refreshed by hand: no thread runs while nncli forks."""

    def __init__(self, total, t):
        self.total, self.t, self.failing, self.bar = total, t, 0, None

    def __enter__(self):
        import sys

        if sys.stderr.isatty():
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            from nncli.console import stderr_console

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                MofNCompleteColumn(), TextColumn("{task.fields[failing]}"),
                                TimeRemainingColumn(), console=stderr_console(),
                                auto_refresh=False, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.t("progress"), total=self.total,
                                          failing=self.t("progress.failing", count=0))
            self.bar.refresh()
        return self

    def done(self, student, status):
        if status != 0:
            self.failing += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1,
                            failing=self.t("progress.failing", count=self.failing))
            self.bar.refresh()

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False
