"""`nncli grade SUBMISSIONS`: grade a whole class with the hidden tests of `nncli check`
(and `nncli grade merge`, grade_merge.py, which combines the JSON of shards)."""

import click

from nncli.texts import LANGUAGES

MAX_SHARDS = 1000   # more shards than students in any class is never useful


def _lang(ctx):
    from nncli.texts import resolve_lang

    return resolve_lang(ctx.params.get("lang"))


def _texts(ctx):
    from nncli.texts import Texts

    return Texts("grade", _lang(ctx))


def _positive(ctx, param, value):
    if value is not None and not value > 0:
        key = "bad_jobs" if param.name == "jobs" else "bad_timeout"
        raise click.BadParameter(_texts(ctx)(key, value=value))
    return value


def csv_path(ctx, param, value):
    """--out: a file name ending in .csv (nncli writes CSV, whatever the name says)."""
    if value is not None and not value.lower().endswith(".csv"):
        raise click.BadParameter(_texts(ctx)("bad_out_extension", path=value))
    return value


def _shard(ctx, param, value):
    """--shard K/N -> (K, N), 1 <= K <= N <= MAX_SHARDS."""
    if value is None:
        return None
    number, _, count = value.partition("/")
    if number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count) <= MAX_SHARDS:
        return int(number), int(count)
    raise click.BadParameter(_texts(ctx)("bad_shard", value=value, limit=MAX_SHARDS))


class _GradeCommand(click.Command):
    """`nncli grade merge ...` runs grade_merge.py's command; anything else is `grade`
    (a submissions folder named "merge" is given as ./merge)."""

    def make_context(self, info_name, args, parent=None, **extra):
        if args and args[0] == "merge":
            from nncli.commands.grade_merge import command as merge

            return merge.make_context(f"{info_name} merge", list(args[1:]), parent=parent,
                                      **extra)
        return super().make_context(info_name, args, parent=parent, **extra)


@click.command(cls=_GradeCommand)
@click.argument("submissions", metavar="SUBMISSIONS")
@click.option("--out", "out_path", metavar="FILE.csv", callback=csv_path,
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
@click.option("--isolation", type=click.Choice(["auto", "required", "off"]), default="auto",
              show_default=True,
              help="auto: each student in their own namespaces where the system allows, else "
                   "the plain sandbox with a warning; required: stop where it does not; off: "
                   "the plain sandbox only, for code you trust.")
@click.option("--resume", is_flag=True,
              help="Go on with a stopped run that wrote these outputs: grade only the students "
                   "it did not record (same seed and options).")
@click.option("--shard", metavar="K/N", callback=_shard,
              help="Grade only part K of N of the class (a stable split by student name); "
                   "`nncli grade merge` combines the shards' --json files.")
@click.option("--lang", is_eager=True, type=click.Choice(LANGUAGES), default=None,
              help="Language of the notes and feedback (default: $NNCLI_LANG, the locale, en).")
@click.pass_context
def command(ctx, submissions, out_path, json_path, feedback_dir, jobs, seed, timeout,
            isolation, resume, shard, lang):
    """Grade every student in SUBMISSIONS (one folder or .zip per student, named by student).

    Each student's code runs in the sandbox of `nncli check`, and on Linux also shut in its
    own namespaces: no network, no file but its own. Each student's record is saved as soon
    as they are graded, beside the outputs (grades.csv gets grades.records.jsonl): after
    Ctrl-C or a crash, the same command with --resume grades only the others. `nncli grade merge SHARD.json...
    --out FILE.csv` combines runs made with --shard. Exit status: 0 when every student was
    graded (whatever their scores), 1 when nncli could not grade some, 2 for usage errors.
    """
    import os
    import shutil
    import sys
    import tempfile
    import time

    from nncli import blas
    from nncli.errors import NncliError
    from nncli.grader.classroom import files

    blas.one_thread()
    lang = _lang(ctx)
    t = _texts(ctx)
    started = time.monotonic()
    root = os.path.abspath(submissions)
    if os.path.exists(root) and not os.path.isdir(root):
        raise NncliError(t("not_a_folder", path=_shown(submissions)), 2)
    outputs = [p for p in (out_path, json_path) if p]
    for path in outputs:
        _check_writable(path, t)
    if resume and not (outputs or feedback_dir):
        raise NncliError(t("resume_needs_output"), 2)
    try:
        students, ignored = files.list_students(
            root, excluded=[os.path.abspath(p) for p in outputs + [feedback_dir] if p])
    except OSError as error:
        raise NncliError(t("bad_submissions", path=_shown(submissions),
                           reason=error.strerror or error), 2) from None
    if ignored:
        click.echo(t("ignored_entries", path=_shown(submissions),
                     names=", ".join(_shown(n) for n in ignored)), err=True)
    if not students:
        click.echo(t("nothing", path=_shown(submissions)), err=True)
        ctx.exit(1)
    students = [s for s in students if files.in_shard(s.id, shard)]  # may leave none

    from nncli import __version__

    header = {"version": __version__, "seed": seed, "timeout": timeout, "lang": lang,
              "isolation": isolation, "shard": f"{shard[0]}/{shard[1]}" if shard else None,
              "submissions": root,
              "outputs": {name: os.path.abspath(p) if p else None for name, p in
                          (("out", out_path), ("json", json_path), ("feedback", feedback_dir))}}
    workdir = tempfile.mkdtemp(prefix="nncli-grade-")
    try:
        run, recorded = _open_journal(header, resume, workdir, t)
        left = [s for s in students if _safe_id(s) not in recorded]
        if resume:
            click.echo(t("resumed", path=_shown(run.path), count=len(students) - len(left),
                         left=len(left)), err=True)
        try:
            isolation_state = _grade(left, header, jobs, run, workdir,
                                     outputs + [feedback_dir], root, t)
        except KeyboardInterrupt:
            if run.kept:
                click.echo(t("stopped", path=_shown(run.path), count=len(_recorded(run))),
                           err=True)
            ctx.exit(130)
        records = _recorded(run, students)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    items = _write_outputs(records, header, isolation_state, out_path, json_path,
                           feedback_dir, t)
    run.finish()

    from nncli.console import stdout_console
    from nncli.grader.classroom.output import render_summary

    console = stdout_console()
    render_summary(console, items, header["seed"], t)
    console.print(t("summary.line", count=len(items), seconds=time.monotonic() - started,
                    seed=header["seed"]), markup=False)
    not_graded = sum(1 for item in items if not item.get("graded", True))
    if not_graded:
        click.echo(t("summary.not_graded", count=not_graded), err=True)
    for path in [p for p in (out_path, json_path, feedback_dir) if p]:
        console.print(t("summary.written", path=_shown(path)), markup=False)
    sys.stdout.flush()
    ctx.exit(1 if not_graded else 0)


def _shown(text) -> str:
    from nncli.grader.student_text import line

    return line(text)


def _safe_id(student) -> str:
    """The student's name as every output shows it (and as the records file holds it)."""
    return _shown(student.id)


def _check_writable(path, t):
    import os

    from nncli.errors import NncliError

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise NncliError(t("output_folder_missing", path=_shown(path), folder=_shown(folder)), 2)
    if os.path.isdir(path):
        raise NncliError(t("bad_output", path=_shown(path), reason=t("reason.folder")), 2)
    if not os.access(folder, os.W_OK):
        raise NncliError(t("bad_output", path=_shown(path), reason=t("reason.permission")), 2)


class _Run:
    """The records file of this run (journal.Journal) and its `path`; `kept`: beside the
    outputs (else in nncli's temporary folder, gone with it)."""

    def __init__(self, journal, path, kept):
        self.journal, self.path, self.kept = journal, path, kept

    def append(self, record):
        self.journal.append(record)

    def finish(self):
        """The outputs are written: say so in a kept records file; close a temporary one."""
        if self.kept:
            self.journal.finish()
        else:
            self.journal.close()


def _open_journal(header, resume, workdir, t):
    """(_Run, {safe student id} already recorded): the records file beside the outputs
    (resumed with --resume, else started anew), or one in `workdir` without outputs.
    Sets header["seed"]: the stopped run's when resuming, else --seed or a new one."""
    import os

    from nncli.errors import NncliError
    from nncli.grader.classroom import journal

    outputs = header["outputs"]
    path = journal.path_for(outputs["out"], outputs["json"], outputs["feedback"])
    if path is None:
        path = os.path.join(workdir, "records.jsonl")
        header["seed"] = _seed(header["seed"])
        return _Run(journal.Journal.start(path, header), path, False), set()
    try:
        stopped = journal.read(path)
    except journal.Damaged as error:
        raise NncliError(t("records_damaged", path=_shown(path), line=error.line_number), 2) \
            from None
    except OSError as error:
        raise NncliError(t("bad_output", path=_shown(path), reason=error.strerror or error), 2) \
            from None
    try:
        if not resume:
            if stopped is not None and not stopped.done and stopped.records:
                raise NncliError(t("stopped_run", path=_shown(path),
                                   count=len(stopped.records)), 2)
            header["seed"] = _seed(header["seed"])
            return _Run(journal.Journal.start(path, header), path, True), set()
        if stopped is None:
            raise NncliError(t("resume_nothing", path=_shown(path)), 2)
        wanted = dict(header)
        differs = journal.disagreement(stopped.header, wanted)
        if differs is None and header["seed"] not in (None, stopped.header.get("seed")):
            differs = ("--seed", stopped.header.get("seed"), header["seed"])
        if differs is not None:
            option, then, now = differs
            raise NncliError(t("resume_mismatch", path=_shown(path), option=option,
                               then=_shown(str(then)), now=_shown(str(now))), 2)
        header["seed"] = stopped.header["seed"]
        done = {record["student"] for record in stopped.records}
        return _Run(journal.Journal.resume(path, stopped), path, True), done
    except OSError as error:
        raise NncliError(t("bad_output", path=_shown(path), reason=error.strerror or error), 2) \
            from None


def _seed(seed):
    import os

    return seed if seed is not None else int.from_bytes(os.urandom(4), "little") % 1_000_000


def _grade(students, header, jobs, run, workdir, outputs, root, t) -> dict:
    """Grade `students`, each record safe and on disk (run.append) as soon as it exists;
    the isolation state {"enabled", "missing"} the JSON reports."""
    from nncli.grader.sandbox import runner

    if not students:
        return _isolation(_hidden(root, workdir, outputs), workdir, header["isolation"], t)[1]
    host = runner.start_host()  # first: its NumPy import overlaps the plan's, and the probe
    try:
        return _grade_with(host, students, header, jobs, run, workdir, outputs, root, t)
    finally:
        host.close()


def _hidden(root, workdir, outputs) -> list:
    """What no student's code may see: the submissions, nncli's folder, the temporary
    folder and the outputs."""
    import os
    import tempfile

    return [root, workdir, tempfile.gettempdir()] + [os.path.abspath(p) for p in outputs if p]


def _grade_with(host, students, header, jobs, run, workdir, outputs, root, t) -> dict:
    """_grade, with the host started."""
    import os

    from nncli.grader.classroom import engine
    from nncli.grader.classroom.output import safe_record

    plan, isolation = _isolation(_hidden(root, workdir, outputs), workdir, header["isolation"],
                                 t)
    groups, isolation["limits"] = engine.open_limits(plan)
    _say_weaker_limits(isolation["limits"], plan, t)
    jobs = jobs or os.cpu_count() or 1
    options = engine.Options(header["seed"], header["timeout"], header["lang"], plan, workdir,
                             feedback=bool(header["outputs"]["feedback"]), groups=groups)

    def on_record(student, record):
        run.append(safe_record(record, student.notes))
        progress.done(record.get("graded", True) and record["score"] == record["max_score"])

    try:
        with _Progress(len(students), t) as progress:
            engine.grade_class(students, options, jobs, on_record, host=host)
    finally:
        if groups is not None:
            groups.close()
    return isolation


def _recorded(run, students=None) -> list:
    """The records of `students` (all without), read back from the records file: what was
    made safe and saved is what the outputs show. The last record of a student wins."""
    from nncli.grader.classroom import journal

    records = journal.read(run.path).records
    if students is None:
        return records
    by_id = {record["student"]: record for record in records}
    return [by_id[_safe_id(s)] for s in students if _safe_id(s) in by_id]


def _isolation(hidden, workdir, mode, t):
    """(plan or None, {"enabled", "missing"}) for --isolation `mode`; says on stderr what
    is missing (auto), or stops (required)."""
    from nncli.errors import NncliError
    from nncli.grader.classroom.isolating import make_plan, needs_linux, summary

    if needs_linux(mode):
        raise NncliError(t("isolation.needs_linux"), 2)
    plan, failure = make_plan(hidden, workdir, off=mode == "off")
    if failure is None:
        return plan, summary(plan, None, t)
    if mode == "off":
        click.echo(t("isolation.off_chosen"), err=True)
        return None, {"enabled": False, "missing": t("isolation.what.off")}
    what = t(f"isolation.what.{failure.what}")
    if mode == "required":
        raise NncliError(t("isolation.required", what=what, detail=failure.detail), 1)
    click.echo(t("isolation.off", what=what, detail=failure.detail), err=True)
    return None, summary(None, failure, t)


def _say_weaker_limits(limits, plan, t):
    """A line on stderr when memory or processes are not limited per student."""
    if plan is None or limits["memory"] == "student":
        return
    click.echo(t(f"limits.weaker.{limits['processes']}", reason=limits["reason"]), err=True)


def _write_outputs(records, header, isolation, out_path, json_path, feedback_dir, t) -> list:
    """Write the CSV, JSON and feedback asked for; the JSON students (output.student_item)."""
    from nncli.catalogue import EXERCISES
    from nncli.errors import NncliError
    from nncli.grader.classroom import output

    items = [output.student_item(record, t) for record in records]
    target = None
    try:
        if out_path:
            target = out_path
            output.write_csv(out_path, items, EXERCISES)
        if json_path:
            target = json_path
            output.write_json(json_path, output.to_json(
                items, header["seed"], header["version"], isolation, header["lang"],
                header["shard"]))
        if feedback_dir:
            target = feedback_dir
            output.write_feedback(feedback_dir, records, t)
    except OSError as error:
        raise NncliError(t("bad_output", path=_shown(target), reason=error.strerror or error),
                         2) from None
    return items


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

    def done(self, full_marks):
        if not full_marks:
            self.failing += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1,
                            failing=self.t("progress.failing", count=self.failing))
            self.bar.refresh()

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False
