"""One submission (a folder or a .zip) graded exactly as `nncli grade` grades one student:
through the class engine, with the same isolation, limits and seed."""

import os


class IsolationRefused(Exception):
    """Isolation was required and the system refuses it: `what` (a grade texts key suffix)
    and `detail` say why."""

    def __init__(self, what, detail):
        super().__init__(f"{what}: {detail}")
        self.what, self.detail = what, detail


def grade_submission(path, seed, timeout, lang, isolation="auto", hidden=()):
    """(record, isolation summary) of the submission at `path`. record: the dict
    engine.student_record builds (plus "graded": False when nncli could not grade it);
    isolation: "auto" (namespaces when the system allows them), "required" (raise
    IsolationRefused otherwise) or "off". hidden: more paths the student's code must not
    see (the results file)."""
    import shutil
    import tempfile

    from nncli import blas
    from nncli.grader.classroom import engine, files
    from nncli.grader.classroom.isolating import make_plan, needs_linux, summary
    from nncli.grader.sandbox import runner
    from nncli.texts import Texts

    blas.one_thread()
    path = os.path.abspath(path)
    student = files.Student(_student_id(path), path, 0)
    workdir = tempfile.mkdtemp(prefix="nncli-autograde-")
    host = None
    try:
        blind = [path, workdir, tempfile.gettempdir()] + [os.path.abspath(p) for p in hidden]
        if needs_linux(isolation):
            raise IsolationRefused("platform", Texts("grade", lang)("isolation.needs_linux"))
        host = runner.start_host()  # first: its NumPy import overlaps the plan's, and the probe
        plan, failure = make_plan(blind, workdir, off=isolation == "off")
        if failure is not None and isolation == "required":
            raise IsolationRefused(failure.what, failure.detail)
        groups, _ = engine.open_limits(plan)  # the same per-student limits as `grade`
        options = engine.Options(seed, timeout, lang, plan, workdir, feedback=False,
                                 groups=groups)
        records = []
        try:
            engine.grade_class([student], options, 1,
                               lambda _student, record: records.append(record), host=host)
        finally:
            if groups is not None:
                groups.close()
    finally:
        if host is not None:
            host.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return records[0], summary(plan, failure, Texts("grade", lang))


def _student_id(path):
    name = os.path.basename(path.rstrip(os.sep)) or "submission"
    return name[:-4] if name.lower().endswith(".zip") else name
