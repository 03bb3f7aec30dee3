"""The loop of `nncli watch` (nncli/watch/app.py) driven through a fake terminal: real files,
real checks in processes of their own, keys through a pipe; the screen (nncli/watch/view.py);
the command's refusals and choice of exercise (nncli/commands/watch.py)."""

import json
import os
import re
import select
import shutil
import sys
import time

import pytest

from nncli.watch import checking as watcher_check
from nncli.catalogue import EXERCISES, find_exercise
from nncli.exercise_files import solution_path, template_path, template_text
from nncli.grader.results import ExerciseResult, SessionResult, TestResult
from nncli.watch.app import WatchApp
from nncli.watch.view import Screen, frame
from nncli.workspace import Workspace

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")
LSTM = find_exercise("lstm")


class FakeTerminal:
    """Keys come through a pipe; each frame drawn is kept as plain text."""

    def __init__(self, columns=100, rows=40):
        self.fd_in, self._keyboard = os.pipe()
        self.columns, self.rows = columns, rows
        self.frames = []
        self.resized = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def size(self):
        return (self.columns, self.rows)

    def draw(self, lines):
        assert len(lines) <= self.rows
        self.frames.append("\n".join(ANSI.sub("", line) for line in lines))

    def wait(self, timeout, others=()):
        ready, _, _ = select.select([self.fd_in, *others], [], [], timeout)
        return self.fd_in in ready, [x for x in ready if x is not self.fd_in]

    def keys(self):
        return os.read(self.fd_in, 1024).decode()

    def type(self, keys):
        os.write(self._keyboard, keys.encode())

    def close(self):
        os.close(self.fd_in)
        os.close(self._keyboard)


@pytest.fixture
def workspace(tmp_path):
    workspace = Workspace(tmp_path / "W", "option")
    workspace.ensure()
    shutil.copy(template_path("lstm"), workspace.exercise_file("lstm"))
    return workspace


@pytest.fixture
def app(workspace):
    terminal = FakeTerminal()
    app = WatchApp(workspace, LSTM, "en", seed=7, interval=0.05, events=False, terminal=terminal)
    yield app
    app.close()
    terminal.close()


def step_until(app, wanted, seconds=30.0):
    """Run the loop until the last frame holds `wanted`; fail (not hang) after `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        assert app.step(), "the loop stopped"
        if app.terminal.frames and wanted in app.terminal.frames[-1]:
            return app.terminal.frames[-1]
    last = app.terminal.frames[-1] if app.terminal.frames else "(nothing drawn)"
    raise AssertionError(f"{wanted!r} not shown within {seconds} s; last frame:\n{last}")


def state_of(workspace):
    return json.loads(workspace.state_path.read_text())["exercises"]


def test_polling_alone_sees_a_save_and_the_result_is_recorded(app, workspace):
    assert app.events is None                      # no inotify: polling only
    first = step_until(app, "not started")
    assert "lstm_step" in first and "Next: write lstm_step" in first
    shutil.copy(solution_path("lstm"), workspace.exercise_file("lstm"))
    shown = step_until(app, "lstm passed")
    assert "5/5" not in first and "3/3" in shown and "2/2" in shown
    assert "Press n for the next exercise, attention" in shown
    entry = state_of(workspace)["lstm"]
    assert entry["status"] == "passed" and entry["score"] == entry["max_score"] == 5


def test_each_check_runs_in_a_process_of_its_own_readied_after_the_last(app, workspace):
    step_until(app, "Checking lstm.py")
    first = app.job
    assert first is not None and first.pid != os.getpid() and app.checker.spare is None
    step_until(app, "not started")
    assert app.job is None and first.process.returncode == 0
    spare = app.checker.spare[0]           # readied once the first check was over
    assert spare.poll() is None
    started, start = [], app.checker.start  # the readied check may end within one step

    def recording(*args, **kwargs):
        started.append(start(*args, **kwargs))
        return started[-1]

    app.checker.start = recording
    shutil.copy(solution_path("lstm"), workspace.exercise_file("lstm"))
    step_until(app, "checking again")
    assert started[0].pid == spare.pid          # the readied process, used up
    assert app.checker.spare is None or app.checker.spare[0].pid != spare.pid
    step_until(app, "lstm passed")
    assert spare.returncode == 0
    spare = app.checker.spare[0]
    app.close()
    assert spare.returncode is not None and app.checker.spare is None


def test_h_shows_the_next_hint_and_counts_it_in_the_workspace(app, workspace):
    step_until(app, "not started")
    count = len(LSTM.hints)
    app.terminal.type("h")
    shown = step_until(app, f"Hint 1 of {count}:")
    assert "Press h for a hint" not in shown
    assert state_of(workspace)["lstm"]["hints_shown"] == 1
    app.terminal.type("h" * (count - 1))
    step_until(app, f"Hint {count} of {count}:")
    assert state_of(workspace)["lstm"]["hints_shown"] == count
    app.terminal.type("h")
    again = step_until(app, "You have seen every hint")
    assert f"Hint 1 of {count}:" in again
    assert state_of(workspace)["lstm"]["hints_shown"] == count


def test_a_hint_seen_before_is_shown_again_on_start(workspace):
    from nncli.state import State

    state = State.load(workspace.state_path)
    state.set_hints_shown("lstm", 2)
    state.save()
    app = WatchApp(workspace, LSTM, "en", seed=7, interval=0.05, events=False,
                   terminal=FakeTerminal())
    try:
        shown = step_until(app, "not started")
        assert f"Hint 2 of {len(LSTM.hints)}:" in shown
    finally:
        app.close()
        app.terminal.close()


def test_n_goes_to_the_next_unfinished_exercise_and_writes_its_template(app, workspace):
    shutil.copy(solution_path("lstm"), workspace.exercise_file("lstm"))
    step_until(app, "lstm passed")
    app.terminal.type("n")
    shown = step_until(app, "attention_context")
    target = workspace.exercise_file("attention")
    assert target.read_text(encoding="utf-8") == template_text("attention")
    assert f"Wrote {target} from the template" in " ".join(shown.split())
    assert "nncli watch · attention" in shown
    step_until(app, "not started")


def test_n_never_touches_an_existing_file(app, workspace):
    mine = "# my own attempt\n"
    workspace.exercise_file("attention").write_text(mine)
    step_until(app, "not started")
    app.terminal.type("n")              # lstm not passed: attention comes next all the same
    shown = step_until(app, "Now watching attention.")
    assert workspace.exercise_file("attention").read_text() == mine
    assert "nncli watch · attention" in shown


def test_n_wraps_round_the_curriculum_and_stays_when_nothing_is_left(app, workspace):
    from nncli.state import State

    state = State.load(workspace.state_path)
    for exercise in EXERCISES:
        if exercise.name not in ("lstm", "activations"):
            state.record_check(exercise.name, "passed", 1, 1)
    state.save()
    step_until(app, "not started")
    app.terminal.type("n")
    step_until(app, "nncli watch · activations")
    state = State.load(workspace.state_path)
    state.record_check("lstm", "passed", 5, 5)
    state.save()
    app.terminal.type("n")
    shown = step_until(app, "No other exercise is left")
    assert "nncli watch · activations" in shown


def test_q_ends_the_loop(app):
    step_until(app, "not started")
    app.terminal.type("q")
    end = time.monotonic() + 10
    while app.step():
        assert time.monotonic() < end, "q did not end the loop"


def _gone(pid, seconds=10.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with open(f"/proc/{pid}/stat") as stream:
                if stream.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True          # a zombie: dead, waiting for init to reap it
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_a_save_while_a_check_runs_cancels_it_and_checks_the_new_file(app, workspace, tmp_path):
    pid_file = tmp_path / "learner.pid"
    slow = f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(60)\n"
    workspace.exercise_file("lstm").write_text(slow)
    step_until(app, "Checking lstm.py")
    job = app.job
    assert job is not None
    end = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < end, "the learner's file never ran"
        time.sleep(0.05)
    learner = int(pid_file.read_text())
    shutil.copy(solution_path("lstm"), workspace.exercise_file("lstm"))
    step_until(app, "lstm passed")
    assert job.done and app.job is None
    assert job.process.returncode is not None     # the cancelled check was reaped
    assert _gone(learner), "the learner's process of the cancelled check is still running"


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for Python")
@pytest.mark.parametrize("script, shown", [
    ("echo 'Traceback (most recent call last):' >&2; echo 'ImportError: no numpy' >&2; exit 3",
     "ended with exit status 3 and no result; its last words were: ImportError: no numpy"),
    ("exit 1", "ended with exit status 1 and no result. This is a bug"),
    ("echo '{\"internal\": \"KeyError: lstm\"}'", "the check raised KeyError: lstm. This is"),
    ("echo 'not json'", "ended with exit status 0 and no result. This is a bug"),
])
def test_a_check_that_fails_itself_says_so_and_records_nothing(app, workspace, monkeypatch,
                                                               tmp_path, script, shown):
    fake = tmp_path / "python"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(fake))
    frame = step_until(app, "nncli could not check this file")
    assert shown in " ".join(frame.split())
    assert "Next: save lstm.py again" in frame
    assert not workspace.state_path.exists()


def test_a_file_that_goes_away_is_reported_and_checked_when_it_is_back(app, workspace):
    step_until(app, "not started")
    path = workspace.exercise_file("lstm")
    os.unlink(path)
    shown = step_until(app, "is not there")
    assert "nncli exercise lstm" in shown
    shutil.copy(solution_path("lstm"), path)
    step_until(app, "lstm passed")


# ---------------------------------------------------------------- the screen

def _result(n_tests, status="failed"):
    tests = [TestResult(f"f{k}", status, 0, 1, message="line one\nline two\nline three")
             for k in range(n_tests)]
    return ExerciseResult("lstm", tests)


@pytest.mark.parametrize("rows", [12, 18, 40])
def test_the_footer_stays_in_view_when_the_body_is_too_long(rows, workspace):
    from rich.cells import cell_len

    screen = Screen(LSTM, workspace.exercise_file("lstm"), 7)
    screen.result = _result(12)
    lines = [ANSI.sub("", line) for line in frame(screen, "en", 60, rows, color_system=None)]
    assert len(lines) <= rows
    assert all(cell_len(line) <= 60 for line in lines)
    assert lines[-1].startswith("h: next hint")
    assert any(line.startswith("Next: fix f0") for line in lines[-4:])
    assert any("more lines; 'nncli check lstm' shows them all" in line for line in lines)


def test_a_short_body_is_shown_whole(workspace):
    screen = Screen(LSTM, workspace.exercise_file("lstm"), 7)
    screen.result = _result(1)
    text = "\n".join(ANSI.sub("", line) for line in frame(screen, "en", 80, 40, None))
    assert "more lines" not in text
    assert "line three" in text and "Score: 0 of 1 point." in text


def test_the_screen_in_chinese(workspace):
    screen = Screen(LSTM, workspace.exercise_file("lstm"), 7)
    screen.result = _result(1, "not_started")
    text = "\n".join(ANSI.sub("", line) for line in frame(screen, "zh", 80, 40, None))
    assert "h：下一条提示 · n：下一个练习 · q：退出" in text
    assert "下一步：在 lstm.py 里写出 f0" in text
    assert "Next:" not in text and "Stuck?" not in text


def test_a_result_crosses_from_the_child_as_json_unchanged():
    tests = [TestResult("lstm_step", "failed", 0, 3, "wrong\nline \ud800", "Traceback ...", 6),
             TestResult("lstm_forward", "passed", 2, 2, "all 6 cases passed (a warning)", "", 6,
                        note="a warning")]
    result = SessionResult(42, [ExerciseResult("lstm", tests, problem="", output="hi\n",
                                               output_truncated=True, elapsed=0.25)])
    back = watcher_check.result_from_json(json.loads(json.dumps(
        watcher_check.result_to_json(result))))
    assert back.seed == 42
    (exercise,) = back.exercises
    assert (exercise.name, exercise.output, exercise.output_truncated, exercise.elapsed) == \
        ("lstm", "hi\n", True, 0.25)
    for mine, theirs in zip(tests, exercise.tests):
        assert [getattr(mine, f) for f in TestResult.__slots__] == \
            [getattr(theirs, f) for f in TestResult.__slots__]
    assert exercise.status == "failed" and exercise.score == 2


# ---------------------------------------------------------------- the command

def test_watch_without_a_terminal_is_a_usage_error_pointing_at_check(run, workspace):
    result = run("watch", "lstm", "--workspace", str(workspace.root))
    assert result.code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "needs a terminal" in result.stderr and "'nncli check'" in result.stderr


def test_watch_is_listed_in_the_help(run):
    result = run("--help")
    assert result.code == 0 and "watch" in result.stdout


@pytest.mark.parametrize("value", ["0", "-1"])
def test_a_bad_interval_is_a_usage_error(run, value):
    result = run("watch", "lstm", "--interval", value)
    assert result.code == 2 and "--interval" in result.stderr


def test_an_unknown_exercise_is_a_usage_error(run):
    result = run("watch", "lstmm")
    assert result.code == 2 and "lstm" in result.stderr


def test_the_chosen_exercise_needs_its_file(workspace):
    from nncli.commands.watch import _chosen
    from nncli.errors import NncliError

    assert _chosen(workspace, LSTM, "en") is LSTM
    with pytest.raises(NncliError) as raised:
        _chosen(workspace, find_exercise("rnn"), "en")
    assert "nncli exercise rnn" in raised.value.message


def test_without_a_name_the_first_unfinished_file_is_watched(workspace):
    from nncli.commands.watch import _chosen
    from nncli.errors import NncliError
    from nncli.state import State

    shutil.copy(template_path("rnn"), workspace.exercise_file("rnn"))
    assert _chosen(workspace, None, "en").name == "rnn"            # before lstm in the curriculum
    state = State.load(workspace.state_path)
    state.record_check("rnn", "passed", 1, 1)
    state.save()
    assert _chosen(workspace, None, "en").name == "lstm"
    state.record_check("lstm", "passed", 1, 1)
    state.save()
    with pytest.raises(NncliError) as raised:
        _chosen(workspace, None, "en")
    assert f"nncli exercise {EXERCISES[0].name}" in raised.value.message
    for exercise in EXERCISES:
        state.record_check(exercise.name, "passed", 1, 1)
    state.save()
    with pytest.raises(NncliError) as raised:
        _chosen(workspace, None, "en")
    assert "every exercise" in raised.value.message
