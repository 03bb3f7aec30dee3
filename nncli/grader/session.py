"""One `nncli check`: from the learner's files to a SessionResult.

  1. make every case from the seed (inputs only), and hand the inputs to the host, a fresh
     interpreter that never holds anything else of nncli's (sandbox/host.py);
  2. start one learner process per file, forked by the host's student process;
  3. meanwhile read every file's syntax tree (static.py): a syntax error or a forbidden
     import sets that file aside, a forbidden call that function (what they did in the
     learner's process is not judged);
  4. and compute the expected values here, with the reference maths: no learner process is
     a copy of this one, so they are out of its reach whenever they are made;
  5. wait for each process and judge each call (compare.py).
`begin` does 1-4 and returns a Pending; its `finish` does 5 (`nncli grade` keeps several
students' sessions running at once).
"""

import importlib
import zlib

from nncli.grader.results import ExerciseResult, SessionResult, TestResult


def case_rng(seed: int, name: str):
    """The random generator of one exercise's cases: the same seed gives the same cases whether
    the exercise is checked alone or with others."""
    import numpy as np

    return np.random.default_rng([seed, zlib.crc32(name.encode())])


_made = {}  # (exercise name, seed) -> its cases, for the last seed only (`nncli grade` makes
            # them once for a whole class; a Case is never changed once made)


def make_cases(exercise, seed: int) -> list:
    key = (exercise.name, seed)
    if key not in _made:
        if any(made_seed != seed for _, made_seed in _made):
            _made.clear()
        module = importlib.import_module(exercise.cases_module)
        _made[key] = list(module.cases(case_rng(seed, exercise.name)))
    return list(_made[key])


class _Plan:
    """What is known about one file before and while its process runs."""

    __slots__ = ("exercise", "path", "problem", "blocked", "cases", "handle", "expected")

    def __init__(self, exercise, path):
        self.exercise, self.path = exercise, path
        self.problem = ""         # file-level: nothing runs
        self.blocked = {}         # function name -> message (forbidden call): its cases do not run
        self.cases = []
        self.handle = None
        self.expected = []        # per case: ("ok", value) or ("internal", message)


class Pending:
    """A session whose learner processes are running; `finish()` judges them."""

    def __init__(self, plans, seed, timeout, lang, student, host, own_host):
        self.plans, self.seed, self.timeout, self.lang = plans, seed, timeout, lang
        self.student, self.host, self.own_host = student, host, own_host

    def finish(self) -> SessionResult:
        try:
            return SessionResult(self.seed, [_judge(plan, self.seed, self.timeout, self.lang)
                                             for plan in self.plans])
        finally:
            if self.student is not None:
                self.student.end()
            if self.own_host:
                self.host.close()


def run(workspace, exercises, seed: int, timeout: float = 10.0, lang: str = "en",
        **options) -> SessionResult:
    """Check the files of `exercises` in `workspace` with the cases of `seed`; the messages
    are in `lang`. options: as for `begin`."""
    return begin(workspace, exercises, seed, timeout, lang, **options).finish()


def begin(workspace, exercises, seed: int, timeout: float = 10.0, lang: str = "en",
          host=None, expected=None, isolation=None, cgroups=(), uid=None) -> Pending:
    """Start checking: the learners run when this returns. host: a runner host to use (else
    one is started and closed with the session); expected: a dict {exercise name: expected
    values} shared across sessions (`nncli grade`), filled as needed; isolation, cgroups,
    uid: the student's confinement (runner.Host.open_student)."""
    from nncli.catalogue import FORBIDDEN_MODULES
    from nncli.grader.sandbox import runner

    own_host = host is None
    if own_host:
        host = runner.start_host()
    plans = [_Plan(e, workspace.exercise_file(e.name)) for e in exercises]
    files = []
    for plan in plans:
        plan.cases = make_cases(plan.exercise, seed)
        key = f"{plan.exercise.name}@{seed}"
        host.define(key, [(c.function, c.args, c.kwargs) for c in plan.cases])
        files.append(runner.File(plan.path, key, range(len(plan.cases)), timeout,
                                 forbidden=FORBIDDEN_MODULES))
    student = None
    if files:
        student = host.open_student(isolation=isolation, cgroups=cgroups, uid=uid)
        for plan, handle in zip(plans, student.start(files)):
            plan.handle = handle
    # While they run: the syntax tree (a file with a forbidden import is not judged, a
    # function with a forbidden call neither: what they did is set aside) and the expected
    # values.
    for plan, file in zip(plans, files):
        source = file.source if isinstance(file.source, bytes) else None
        plan.problem, plan.blocked = static_problems(plan.exercise, plan.path, lang, source)
    for plan in plans:
        if expected is None:
            plan.expected = [expected_value(case) for case in plan.cases]
        else:
            name = plan.exercise.name
            if name not in expected and plan.cases:
                expected[name] = [expected_value(case) for case in plan.cases]
            plan.expected = expected.get(name, [])
    return Pending(plans, seed, timeout, lang, student, host, own_host)


def expected_value(case):
    """("ok", value) or ("internal", message) for one case; value: an array, a dict of
    arrays, or a tuple of those (a number becomes a 0-d array)."""
    import numpy as np

    def plain(v):
        return {k: np.asarray(x) for k, x in v.items()} if isinstance(v, dict) else np.asarray(v)

    try:
        value = case.expected(*case.args, **case.kwargs)
    except Exception as error:  # noqa: BLE001 - a bug of ours, reported per case, not a crash
        return ("internal", f"{type(error).__name__}: {error}")
    if isinstance(value, (tuple, list)):
        return ("ok", tuple(plain(v) for v in value))
    return ("ok", plain(value))


# ---------------------------------------------------------------- static analysis

def static_problems(exercise, path, lang="en", source=None):
    """(file problem text or "", {function: problem text}) from the file's syntax tree (of
    `source`, the bytes its learner process runs, when given)."""
    from nncli.catalogue import FORBIDDEN_MODULES
    from nncli.grader import static
    from nncli.texts import Texts

    t = Texts("grader", lang)
    forbidden = {f.name: f.forbidden for f in exercise.functions}
    analysis = static.analyse(path, FORBIDDEN_MODULES, forbidden, source)
    if analysis.syntax_error is not None:
        error = analysis.syntax_error
        key = "check.file.syntax" if error.line else "check.file.unreadable"
        return t(key, name=exercise.name, line=error.line, message=error.detail), {}
    for problem in analysis.forbidden:
        if problem.kind == "forbidden_import":
            own = (problem.detail or problem.name or "").split(".")[0] in ("nncli", "solutions")
            if own:
                return t("check.file.forbidden_import", name=exercise.name, module=problem.name,
                         line=problem.line, why=t("why.nncli")), {}
            return t("check.file.forbidden_import_rule", name=exercise.name,
                     module=problem.name, line=problem.line), {}
    blocked = {}
    for problem in analysis.forbidden:
        if problem.kind == "forbidden_call" and problem.function not in blocked:
            key = "check.file.forbidden_call_via" if problem.via else "check.file.forbidden_call"
            blocked[problem.function] = t(key, function=problem.function, call=problem.name,
                                          via=problem.via, line=problem.line, why=t("why.call"))
    return "", blocked


# ---------------------------------------------------------------- verdicts

def _judge(plan, seed, timeout, lang="en") -> ExerciseResult:
    from nncli.texts import Texts

    t = Texts("grader", lang)
    exercise = plan.exercise
    if plan.problem:
        tests = [TestResult(f.name, "error", 0, f.points, plan.problem) for f in exercise.functions]
        return ExerciseResult(exercise.name, tests, problem=plan.problem)
    file_run = plan.handle.wait() if plan.handle is not None else None
    outcomes = [None] * len(plan.cases)  # by case: the calls made were those not blocked
    if file_run is not None:
        for index, outcome in zip(plan.handle.file.indexes, file_run.outcomes):
            outcomes[index] = outcome
    problem, not_run = _file_problem(exercise, file_run, timeout, t)
    by_function = {f.name: [] for f in exercise.functions}
    stopped = None     # the call that was running when the file stopped (timeout, crash)
    for case, expected, outcome in zip(plan.cases, plan.expected, outcomes):
        if case.function in plan.blocked:
            continue
        if stopped is None and (outcome is None or outcome.status == "not_run"):
            stopped = case
        by_function.setdefault(case.function, []).append((case, outcome, expected))
    tests = []
    for function in exercise.functions:
        if function.name in plan.blocked:
            tests.append(TestResult(function.name, "error", 0, function.points,
                                    plan.blocked[function.name]))
            continue
        if file_run is not None and file_run.load_error:
            tests.append(TestResult(function.name, "error", 0, function.points, problem))
            continue
        tests.append(_judge_function(function, by_function.get(function.name, []),
                                     _ParameterNames(exercise.name, function.name), not_run,
                                     seed, t, stopped))
    output, truncated, elapsed = "", False, 0.0
    if file_run is not None:
        output = (file_run.stdout or "") + (file_run.stderr or "")
        truncated, elapsed = bool(file_run.output_truncated), file_run.elapsed
    return ExerciseResult(exercise.name, tests, problem=problem, output=output,
                          output_truncated=truncated, elapsed=elapsed)


def _file_problem(exercise, file_run, timeout, t):
    """(file-level problem text, Finding for calls that did not run)."""
    from nncli.grader.compare import Finding
    from nncli.grader.wording import problem_text

    if file_run is None:
        return "", None
    if file_run.load_error:
        text = t("check.file.load_error", name=exercise.name,
                 message=problem_text(file_run.load_error, t))
        return text, Finding("file", text=text)
    if file_run.timed_out:
        text = t("check.file.timeout", name=exercise.name, timeout=f"{timeout:g}")
        return text, Finding("file", text=text)
    if file_run.crashed:
        text = t("check.file.crashed", name=exercise.name,
                 reason=problem_text(file_run.crashed, t))
        return text, Finding("file", text=text)
    return "", None


class _ParameterNames:
    """A function's parameter names as the template declares them, read only when a message
    needs them (most checks pass and never do)."""

    def __init__(self, exercise_name, function_name):
        self.exercise_name, self.function_name = exercise_name, function_name
        self._names = None

    def _get(self) -> tuple:
        if self._names is None:
            from nncli.exercise_files import template_path
            from nncli.grader.signatures import signatures

            try:
                found = signatures(template_path(self.exercise_name)).get(self.function_name)
            except (OSError, SyntaxError):
                found = None
            self._names = found.parameters if found else ()
        return self._names

    def __len__(self):
        return len(self._get())

    def __getitem__(self, index):
        return self._get()[index]


def _judge_function(function, runs, names, not_run, seed, t, stopped=None) -> TestResult:
    """All cases of one function: passed only when every case passed.

    stopped: the case whose call was running when the file stopped; a function whose first
    problem is a call that never ran, other than that one, gets the file's problem alone
    (the report shows it once)."""
    from nncli.grader.compare import CaseVerdict, Finding, judge_case
    from nncli.grader.wording import case_label

    verdicts = []
    for case, outcome, (kind, expected) in runs:
        if kind == "internal":
            verdict = CaseVerdict("error", Finding("file", text=t(
                "check.file.internal", label=case_label(case.label, t), error=expected)))
        elif outcome is None:
            verdict = CaseVerdict("error", not_run or Finding("not_run"))
        else:
            verdict = judge_case(case, outcome, expected, names, file_problem=not_run,
                                 quiet=function.quiet)
        verdicts.append((case, outcome, verdict))
    total = len(verdicts)
    statuses = [v.status for _, _, v in verdicts]
    if total and all(s == "not_started" for s in statuses):
        return TestResult(function.name, "not_started", 0, function.points,
                          t("check.not_started"), cases=total)
    if total and all(s == "passed" for s in statuses):
        note = warning_note(verdicts, None, t)
        return TestResult(function.name, "passed", function.points, function.points,
                          _with_note(t("check.passed_cases", count=total), note),
                          cases=total, note=note)
    if not total:
        return TestResult(function.name, "error", 0, function.points,
                          not_run_text(not_run, t), cases=0)
    failing = [(c, o, v) for c, o, v in verdicts if v.status != "passed"]
    stubbed = [(c, o, v) for c, o, v in failing if v.status == "not_started"]
    judged = [(c, o, v) for c, o, v in failing if v.status != "not_started"]
    if not judged:
        case = stubbed[0][0]
        return TestResult(function.name, "failed", 0, function.points,
                          t("check.partly_stubbed", label=case_label(case.label, t),
                            inputs=describe_inputs(case, names)), cases=total)
    # the case shown: a recognised mistake first, then any finding but a warning, then a warning
    case, outcome, verdict = min(judged, key=lambda cov: (
        not cov[2].mistake, cov[2].finding is not None and cov[2].finding.key == "warned"))
    status = "error" if verdict.status == "error" else "failed"
    if not_run is not None and verdict.finding is not_run and case is not stopped:
        return TestResult(function.name, status, 0, function.points, not_run_text(not_run, t),
                          cases=total)
    lines = [t("check.case", label=case_label(case.label, t),
               inputs=describe_inputs(case, names), seed=seed,
               failed=len(failing), total=total)]
    lines += verdict_lines(verdict, t)
    warned = verdict.finding is not None and verdict.finding.key == "warned"
    note = "" if warned else warning_note(verdicts, case, t)
    traceback = (getattr(outcome, "traceback", None) or "") if verdict.status == "error" else ""
    return TestResult(function.name, status, 0, function.points,
                      _with_note("\n".join(lines), note), traceback=traceback, cases=total,
                      note=note)


def verdict_lines(verdict, t) -> list:
    """Every problem of a case, most telling first: the recognised mistake, what is wrong with
    the values, then the other problems (a dtype that is not float64)."""
    lines = []
    if verdict.mistake is not None:
        lines.append(t("check.mistake", text=mistake_text(verdict.mistake, t.lang)))
    lines.append(finding_text(verdict.finding, t))
    lines += [finding_text(finding, t) for finding in verdict.also]
    return lines


def warning_note(verdicts, shown, t) -> str:
    """A note naming a warning the function's calls raised, for a verdict no warning decided
    (see compare.judge_case, quiet), or "": the shown case's first warning if it raised one,
    else the first warning of the first case that raised any."""
    from nncli.grader.wording import case_label, warning_phrase

    warned = [(c, o) for c, o, _ in verdicts if getattr(o, "warnings", None)]
    if not warned:
        return ""
    case, outcome = next(((c, o) for c, o in warned if c is shown), warned[0])
    return t("check.warning_note", label=case_label(case.label, t),
             warning=warning_phrase(outcome.warnings[0], t))


def _with_note(message: str, note: str) -> str:
    return message + "\n" + note if note else message


def not_run_text(finding, t) -> str:
    return finding_text(finding or _not_run(), t)


def _not_run():
    from nncli.grader.compare import Finding

    return Finding("not_run")


def finding_text(finding, t) -> str:
    """The sentence of a compare.Finding (with its shape hint and tuple item when present)."""
    from nncli.grader.wording import finding_values

    if finding.key == "file":
        return finding.values["text"]
    values = finding_values(finding, t)
    if finding.key == "warned":
        from nncli.grader.wording import warning_advice

        values["advice"] = warning_advice(finding.values["function"],
                                          finding.values["warning"], t,
                                          finding.values.get("warnings", ()))
    text = t(f"compare.{finding.key}", **values)
    if finding.key == "shape" and values.get("hint"):
        text += " " + t(f"compare.shape.{values['hint']}")
    if "entry" in values:
        text = t("check.case_entry", entry=values["entry"]) + text
    if "item" in values and finding.key not in ("tuple_length",):
        text = t("check.case_item", item=values["item"], count=values["items"]) + text
    return text


def mistake_text(mistake, lang: str = "en") -> str:
    """The sentence of a Mistake (case.py), or of a bare text key: in the "mistakes" texts,
    else the grader's, filled with the mistake's values."""
    from nncli.texts import Texts

    key, values = (mistake, {}) if isinstance(mistake, str) else (mistake.text, mistake.values)
    for module in ("mistakes", "grader"):
        texts = Texts(module, lang)
        if texts.has(key):
            return texts(key, **values)
    return key.replace("_", " ")


def describe_inputs(case, names=()) -> str:
    """"x (2, 3, 5, 5), w (4, 3, 3, 3), b None, stride 2": each input by name, arrays by shape."""
    parts = []
    for position, value in enumerate(case.args):
        name = names[position] if position < len(names) else f"argument {position + 1}"
        parts.append(f"{name} {_value_text(value)}")
    for name, value in case.kwargs.items():
        parts.append(f"{name} {_value_text(value)}")
    return ", ".join(parts)


def _value_text(value) -> str:
    import numpy as np

    from nncli.grader.compare import shape_text

    if isinstance(value, np.ndarray):
        return shape_text(value.shape) + (" bool" if value.dtype == bool else "")
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} {_value_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value)
