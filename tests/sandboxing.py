"""Running one learner file through the real sandbox, for the tests: a host shared by the
test session, a student process per file (so each file can be waited on alone)."""

import itertools

from nncli.grader.sandbox import runner

_host = None
_keys = itertools.count()


def host():
    global _host
    if _host is None or _host.process.poll() is not None:
        _host = runner.start_host()
    return _host


class Started:
    """A learner running; wait() gives its FileRun and ends its student process."""

    def __init__(self, handle, student):
        self.handle, self.student = handle, student

    def wait(self):
        run = self.handle.wait()
        self.student.end()
        return run

    @property
    def pid(self):
        return self.handle.pid

    @property
    def finished(self):
        return self.handle.finished

    def kill(self):
        self.handle.kill()


def start(path, calls, timeout=60.0, memory_bytes=runner.MEMORY, output_cap=runner.OUTPUT_CAP,
          forbidden_modules=(), isolation=None):
    the_host = host()
    key = f"test-{next(_keys)}"
    the_host.define(key, calls)
    student = the_host.open_student(isolation=isolation)
    file = runner.File(path, key, range(len(calls)), timeout, memory_bytes, output_cap,
                       forbidden_modules)
    return Started(student.start([file])[0], student)


def wait_all(started):
    return [s.wait() for s in started]


def words(problem):
    """A FileRun's or CallOutcome's problem as the English report words it."""
    from nncli.grader.wording import problem_text
    from nncli.texts import Texts

    return problem_text(problem, Texts("grader", "en")) if problem is not None else None
