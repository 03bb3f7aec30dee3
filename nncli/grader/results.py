"""The outcome of a check, as data: what report.py renders and the state file records.

A test is one function of an exercise. Statuses: "passed", "failed", "error", "not_started".
"""

TEST_STATUSES = ("passed", "failed", "error", "not_started")


class TestResult:
    """One function: name, status, points earned of max_points, message (what went wrong, with
    the case; "" when passed), traceback (the learner's, trimmed to their file, or ""),
    note (a warning the calls raised that did not decide the verdict, or ""; the message ends
    with it too, so that --json carries it)."""

    __slots__ = ("name", "status", "points", "max_points", "message", "traceback", "cases",
                 "note")
    __test__ = False  # not a pytest test class

    def __init__(self, name, status, points, max_points, message="", traceback="", cases=0,
                 note=""):
        self.name = name
        self.status = status
        self.points = points
        self.max_points = max_points
        self.message = message
        self.traceback = traceback or ""
        self.cases = cases
        self.note = note or ""


class ExerciseResult:
    """One exercise file: its tests, the file-level problem if any (syntax error, forbidden
    import, could not load, timeout, crash), and what it printed (capped by the sandbox).

    status: "error" for a file-level problem, "passed" when every function passed,
    "not_started" when every function is still a stub, "failed" when a function failed,
    else "error" (a function raised or could not run, none gave a wrong answer)."""

    __slots__ = ("name", "tests", "problem", "output", "output_truncated", "elapsed")

    def __init__(self, name, tests, problem="", output="", output_truncated=False, elapsed=0.0):
        self.name = name
        self.tests = list(tests)
        self.problem = problem
        self.output = output
        self.output_truncated = output_truncated
        self.elapsed = elapsed

    @property
    def score(self) -> int:
        return sum(t.points for t in self.tests)

    @property
    def max_score(self) -> int:
        return sum(t.max_points for t in self.tests)

    @property
    def status(self) -> str:
        statuses = {t.status for t in self.tests}
        if self.problem:
            return "error"
        if statuses == {"passed"}:
            return "passed"
        if statuses == {"not_started"}:
            return "not_started"
        if "error" in statuses and "failed" not in statuses:
            return "error"
        return "failed"


class SessionResult:
    """One run of `nncli check`: the seed that made the cases and each exercise checked."""

    __slots__ = ("seed", "exercises")

    def __init__(self, seed, exercises):
        self.seed = seed
        self.exercises = list(exercises)

    @property
    def passed(self) -> bool:
        return bool(self.exercises) and all(e.status == "passed" for e in self.exercises)

    @property
    def score(self) -> int:
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> int:
        return sum(e.max_score for e in self.exercises)


def from_data(data) -> SessionResult:
    """The SessionResult of graded data: {"seed", "exercises": [{"name", "status",
    "problem"?, "elapsed"?, "tests": [{"name", "status", "points", "max_points", "message",
    "output", "cases"?}]}]} (a `nncli grade` record, or `check --json` with points added).
    Exercises with status "missing" or "not_graded" are left out, as `nncli check` leaves out
    the files it did not find; a test's output becomes its traceback."""
    exercises = []
    for exercise in data["exercises"]:
        if exercise["status"] in ("missing", "not_graded"):
            continue
        tests = [TestResult(t["name"], t["status"], t["points"], t["max_points"], t["message"],
                            traceback=t.get("output", ""), cases=t.get("cases", 0))
                 for t in exercise["tests"]]
        exercises.append(ExerciseResult(exercise["name"], tests,
                                        problem=exercise.get("problem", ""),
                                        elapsed=exercise.get("elapsed", 0.0)))
    return SessionResult(data["seed"], exercises)
