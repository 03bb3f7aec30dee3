"""The sandbox runs hostile learner files (tests/hostile/) without hanging, crashing or being
fooled. Timeouts are short (1 s) so the suite stays fast; the files that need a timeout run
in parallel in one test."""

import os
from pathlib import Path

import numpy as np
import pytest

import sandboxing as sandbox
from nncli.grader.sandbox import runner, wire
from nncli.grader.sandbox.wire import Unsupported

HOSTILE = Path(__file__).parent / "hostile"
MiB = 1 << 20


def run(name, calls, **limits):
    limits.setdefault("timeout", 60.0)  # a bound for a hang, never reached by a file that ends
    return sandbox.start(HOSTILE / f"{name}.py", calls, **limits).wait()


def x3():
    return np.array([-1.5, 0.0, 2.25])


def no_learner_processes_left(marker):
    """No process with `marker` in its command line, and no zombie child of ours."""
    me = os.getpid()
    left = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmdline = f.read()
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        state, ppid = stat[stat.rfind(b")") + 2:].split()[:2]
        if name != str(me) and (marker.encode() in cmdline
                                or (state == b"Z" and int(ppid) == me)):
            left.append((name, cmdline, state))
    return left


# ---- a correct file ---------------------------------------------------------------------

def test_correct_file_returns_numpys_values():
    rng = np.random.default_rng(4)
    x = rng.normal(size=(3, 4)) * 1000
    W, b = rng.normal(size=(4, 5)), rng.normal(size=5)
    Q, K = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5, 4))
    mask = rng.random((3, 5)) > 0.3
    mask[:, 0] = True
    params = {"W": W, "b": b}
    calls = [("relu", (x,), {}), ("softmax", (x,), {"axis": 0}), ("dense", (x, W, b), {}),
             ("attention_weights", (Q, K), {"mask": mask}), ("layer_params", (x, params), {}),
             ("stub", (x,), {}), ("absent", (x,), {})]
    result = run("correct", calls)
    assert result.load_error is None and result.crashed is None and not result.timed_out
    assert result.loaded
    relu, softmax, dense, attention, layer, stub, absent = result.outcomes
    # Independent formulations of the same numbers.
    np.testing.assert_array_equal(relu.value, np.where(x > 0, x, 0.0), err_msg="relu of x")
    e = np.exp(x - x.max(axis=0))
    np.testing.assert_allclose(softmax.value, e / e.sum(axis=0), rtol=1e-12, atol=0,
                               err_msg="softmax over axis 0 of x")
    np.testing.assert_allclose(dense.value, np.einsum("nd,dm->nm", x, W) + b, rtol=1e-12,
                               atol=1e-12, err_msg="dense(x, W, b)")
    scores, weights = attention.value
    expected = np.einsum("btd,bsd->bts", Q, K) / 2.0
    np.testing.assert_allclose(scores, np.where(mask, expected, -np.inf), rtol=1e-12)
    assert np.all(weights[:, ~mask] == 0) and np.allclose(weights.sum(-1), 1, rtol=1e-12)
    np.testing.assert_allclose(layer.value, x @ W + b, rtol=1e-12, atol=1e-12)
    assert relu.value.dtype == np.float64 and relu.value.shape == (3, 4)
    assert stub.status == "not_implemented" and "write this" in stub.error
    assert absent.status == "missing"
    # Unchanged arguments come back as nothing to send.
    assert not any(dense.args_after) and not any(layer.args_after)
    assert "mask" not in attention.kwargs_after


def test_start_returns_at_once_and_files_run_in_parallel():
    """start() waits for no file: all ten are running (none finished) before the first wait."""
    x = x3()
    handles = [sandbox.start(HOSTILE / "correct.py", [("relu", (x,), {})]) for _ in range(10)]
    assert not any(h.finished for h in handles)
    runs = sandbox.wait_all(handles)
    assert all(r.outcomes[0].status == "returned" for r in runs)
    assert all(np.array_equal(r.outcomes[0].value, np.maximum(x, 0)) for r in runs)


# ---- time, exits and crashes ----------------------------------------------------------

def test_infinite_loops_time_out_even_ignoring_sigterm():
    x = x3()
    loop = sandbox.start(HOSTILE / "loop.py", [("relu", (x,), {})] * 2, timeout=1.0)
    at_import = sandbox.start(HOSTILE / "loop_at_import.py", [("relu", (x,), {})],
                              timeout=1.0)
    # a limit only the loops reach: the fine file has all the time a loaded machine needs
    fine = sandbox.start(HOSTILE / "correct.py", [("relu", (x,), {})], timeout=120.0)
    for result in (loop.wait(), at_import.wait()):
        assert result.timed_out and result.crashed is None
        assert [o.status for o in result.outcomes] == ["not_run"] * len(result.outcomes)
        assert result.elapsed >= 1.0  # not before its time limit
    assert not at_import.wait().loaded and loop.wait().loaded
    assert fine.wait().outcomes[0].status == "returned" and not fine.wait().timed_out


def test_sys_exit_at_import_is_a_load_error():
    result = run("exit_at_import", [("relu", (x3(),), {})])
    assert sandbox.words(result.load_error) == "called sys.exit(3)"
    assert result.outcomes[0].status == "not_run" and not result.loaded


def test_os_exit_at_import_ends_the_process():
    result = run("os_exit_at_import", [("relu", (x3(),), {})])
    assert sandbox.words(result.crashed) == "exited with status 5"
    assert sandbox.words(result.load_error) == "exited with status 5"


def test_exits_at_call_time():
    x = x3()
    result = run("exits", [("calls_sys_exit", (x,), {}), ("fine", (x,), {}),
                           ("calls_os_exit", (x,), {}), ("fine", (x,), {})])
    sys_exit, fine, os_exit, after = result.outcomes
    assert sys_exit.status == "raised" and sandbox.words(sys_exit.error) == "called sys.exit(3)"
    assert fine.status == "returned" and np.array_equal(fine.value, x + 1)
    assert os_exit.status == "not_run" and after.status == "not_run"
    assert sandbox.words(result.crashed) == "exited with status 4" and result.load_error is None


def test_segfault_is_a_crash():
    result = run("segfault", [("relu", (x3(),), {})], timeout=120.0)
    assert sandbox.words(result.crashed) == "killed by signal 11 (segmentation fault)"
    assert result.crashed[1]["number"] == 11 and result.outcomes[0].status == "not_run"
    assert not result.timed_out  # seen at once, not at the deadline


def test_memory_bombs_run_out_of_memory_and_the_file_goes_on():
    x = x3()
    result = run("memory", [("huge_array", (x,), {}), ("growing_list", (x,), {}),
                            ("fine", (x,), {})], memory_bytes=256 * MiB, timeout=120.0)
    huge, growing, fine = result.outcomes
    assert huge.status == "raised" and sandbox.words(huge.error) == "ran out of memory (limit 256 MiB)"
    assert growing.status == "raised" and sandbox.words(growing.error) == "ran out of memory (limit 256 MiB)"
    assert "line" in growing.traceback and "memory.py" in growing.traceback
    assert fine.status == "returned" and np.array_equal(fine.value, 2 * x)
    assert not result.timed_out


def test_keyboard_interrupt_and_recursion_are_errors_of_the_call():
    x = x3()
    keyboard = run("keyboard", [("relu", (x,), {}), ("fine", (x,), {})])
    assert keyboard.outcomes[0].status == "raised"
    assert keyboard.outcomes[0].error == "KeyboardInterrupt"
    assert keyboard.outcomes[1].status == "returned"
    recursion = run("recursion", [("relu", (x,), {})]).outcomes[0]
    assert recursion.status == "raised" and recursion.error.startswith("RecursionError")
    assert "recursion.py" in recursion.traceback and len(recursion.traceback) < 2000


# ---- output and forgery ---------------------------------------------------------------------

def test_50_mb_print_is_captured_and_capped():
    x = x3()
    result = run("print50mb", [("relu", (x,), {})], output_cap=1000, timeout=120.0)
    assert result.output_truncated and result.stdout == "x" * 1000
    assert result.stdout_bytes == 50_000_001
    assert np.array_equal(result.outcomes[0].value, np.maximum(x, 0))
    assert not result.timed_out


def test_printed_verdicts_do_not_count():
    x = x3()
    result = run("forged", [("relu", (x,), {})])
    assert "passed" in result.stdout and "passed" in result.stderr
    assert not result.output_truncated
    np.testing.assert_array_equal(result.outcomes[0].value, np.full(3, -7.0))


def test_garbage_on_the_result_pipe_fails_that_file_not_nncli():
    x = x3()
    result = run("garbage_frames", [("relu", (x,), {}), ("fine", (x,), {})])
    assert result.crashed is not None and "could not read" in sandbox.words(result.crashed)
    assert all(o.status == "not_run" for o in result.outcomes)


def test_monkeypatched_numpy_stays_in_the_learners_process():
    genuine = (np.allclose, np.array_equal, np.isclose, np.testing.assert_allclose)
    x = x3()
    result = run("monkeypatch", [("relu", (x,), {})])
    assert (np.allclose, np.array_equal, np.isclose, np.testing.assert_allclose) == genuine
    assert not np.allclose(result.outcomes[0].value, np.maximum(x, 0))
    np.testing.assert_array_equal(result.outcomes[0].value, np.full(3, 123.0))


# ---- load errors ------------------------------------------------------------------------------

def test_syntax_error_is_a_load_error():
    result = run("syntax_error", [("relu", (x3(),), {})])
    first = result.load_error.splitlines()[0]
    assert first.startswith("SyntaxError") and first.endswith("(line 3)")
    assert not result.loaded and result.crashed is None


def test_exception_at_import_has_a_traceback_of_the_learners_file_only():
    result = run("raises_at_import", [("relu", (x3(),), {})])
    lines = result.load_error.splitlines()
    assert lines[0] == "ZeroDivisionError: division by zero"
    assert "raises_at_import.py\", line 4" in result.load_error
    assert "nncli" not in result.load_error.replace(str(HOSTILE), "")


# ---- processes left behind ------------------------------------------------------------------

def test_no_process_outlives_the_run():
    x = x3()
    result = run("subprocesses", [("relu", (x,), {})])
    assert result.outcomes[0].status == "returned"
    assert no_learner_processes_left("1000.4242") == []


def test_no_process_outlives_a_timeout():
    x = x3()
    handle = sandbox.start(HOSTILE / "subprocesses.py", [("relu", (x,), {})], timeout=120.0)
    handle.kill()
    assert sandbox.words(handle.wait().crashed) == "stopped by nncli"
    assert no_learner_processes_left("1000.4242") == []


# ---- values ------------------------------------------------------------------------------------

def test_what_is_returned_is_reported_as_it_is():
    x = x3()
    names = ["a_list", "object_array", "ints", "nan", "none", "a_dict", "a_tuple", "scalar"]
    result = run("returns", [(n, (x,), {}) for n in names])
    got = dict(zip(names, result.outcomes))
    assert all(o.status == "returned" for o in result.outcomes)
    assert sandbox.words(got["a_list"].value.description) == "a list of 3 items"
    assert sandbox.words(got["object_array"].value.description) == "an array of dtype object"
    assert got["ints"].value.dtype.kind == "i"
    np.testing.assert_array_equal(got["ints"].value, [0, 1, 2])
    np.testing.assert_array_equal(got["nan"].value, [np.nan, 1.0, np.inf])
    assert sandbox.words(got["none"].value.description) == "None"
    # a dict of arrays comes back as one (a dict of gradients is an answer), a NumPy scalar
    # as a 0-d array of its dtype (a loss is one): compare judges them against what is due
    assert got["a_dict"].value.keys() == {"out"}
    np.testing.assert_array_equal(got["a_dict"].value["out"], x)
    first, second, third = got["a_tuple"].value
    assert first is not x and np.array_equal(first, x)
    assert sandbox.words(second.description) == "a list of 2 items"
    assert third.shape == () and third.dtype == np.float64 and third == 2.0
    assert got["scalar"].value.shape == () and got["scalar"].value == 2.0


def test_changes_to_inputs_come_back_and_the_inputs_here_stay_as_they_were():
    x = x3()
    W = np.eye(2)
    params = {"W": W, "b": np.zeros(2)}
    outcome = run("returns", [("in_place", (x, params), {})]).outcomes[0]
    assert np.array_equal(x, [-1.5, 0.0, 2.25]) and np.array_equal(W, np.eye(2))
    x_after, params_after = outcome.args_after
    np.testing.assert_array_equal(x_after, [99.0, 0.0, 2.25])
    np.testing.assert_array_equal(params_after["W"], 2 * np.eye(2))
    np.testing.assert_array_equal(params_after["b"], np.zeros(2))


def test_each_call_gets_its_own_copy_of_shared_inputs():
    x = x3()
    params = {"W": np.eye(2), "b": np.zeros(2)}
    first, second = run("returns", [("in_place", (x, params), {})] * 2).outcomes
    np.testing.assert_array_equal(second.args_after[0], [99.0, 0.0, 2.25])
    np.testing.assert_array_equal(second.args_after[1]["W"], 2 * np.eye(2))


# ---- the learner's process itself ----------------------------------------------------------------

def test_nncli_is_out_of_reach_and_the_working_directory_is_temporary():
    x = x3()
    result = run("escapes", [("import_nncli", (x,), {}), ("nncli_in_modules", (x,), {}),
                             ("where", (x,), {}), ("read_stdin", (x,), {})])
    imported, modules, where, stdin = result.outcomes
    assert imported.status == "raised" and "not allowed" in sandbox.words(imported.error)
    np.testing.assert_array_equal(modules.value, [0.0])
    workdir = result.stdout.strip()
    assert where.status == "returned" and workdir != os.getcwd()
    assert not os.path.exists(workdir)
    assert stdin.status == "raised" and stdin.error.startswith("EOFError")


def test_a_missing_file_is_a_load_error(tmp_path):
    result = sandbox.start(tmp_path / "nope.py", [("relu", (x3(),), {})]).wait()
    assert result.load_error == ("sandbox.file_unreadable",
                                 {"reason": "No such file or directory"})


def test_the_learner_runs_the_bytes_nncli_read_not_the_file_as_it_is_later(tmp_path):
    """What runs is the source nncli read (and its syntax-tree check saw): a file changed
    after that does not change what is graded."""
    path = tmp_path / "relu.py"
    path.write_text("import numpy as np\ndef relu(x):\n    print('FIRST')\n"
                    "    return np.maximum(x, 0)\n")
    the_host = sandbox.host()
    the_host.define("relu-later", [("relu", (x3(),), {})])
    file = runner.File(path, "relu-later", [0])
    path.write_text("def relu(x):\n    print('SECOND')\n    return x\n")
    student = the_host.open_student()
    try:
        run = student.start([file])[0].wait()
    finally:
        student.end()
    assert "FIRST" in run.stdout and "SECOND" not in run.stdout
    assert run.outcomes[0].status == "returned"


def test_what_compiling_the_file_warns_is_the_learners_to_see(tmp_path):
    """The student process compiles the file; a SyntaxWarning it gives is shown on the
    learner's own output (as Python shows it), never on nncli's."""
    path = tmp_path / "relu.py"
    path.write_text("import numpy as np\ndef relu(x):\n    if x is 1:\n        pass\n"
                    "    return np.maximum(x, 0)\n")
    result = sandbox.start(path, [("relu", (x3(),), {})]).wait()
    assert result.outcomes[0].status == "returned"
    assert "SyntaxWarning" in result.stderr and "relu.py:3" in result.stderr


def test_a_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "relu.py"
    path.write_text("def relu(x):\n    return (x\n")
    result = sandbox.start(path, [("relu", (x3(),), {})]).wait()
    assert result.load_error.startswith("SyntaxError") and "(line 2)" in result.load_error
    assert result.outcomes[0].status == "not_run"


def test_a_file_too_large_to_run_is_not_sent(tmp_path):
    path = tmp_path / "big.py"
    path.write_bytes(b"#" * (wire.MAX_SOURCE + 1))
    result = sandbox.start(path, [("relu", (x3(),), {})]).wait()
    assert result.load_error == ("sandbox.file_unreadable", {"reason": "larger than 2 MB"})


@pytest.mark.parametrize("timeout", [0.0, 0.05])
def test_tiny_timeouts_still_end_cleanly(timeout):
    result = sandbox.start(HOSTILE / "correct.py", [("relu", (x3(),), {})],
                           timeout=timeout).wait()
    assert result.timed_out or result.outcomes[0].status == "returned"


def test_endless_output_is_drained_while_waiting_for_another_file():
    x = x3()
    flood = sandbox.start(HOSTILE / "flood.py", [("relu", (x,), {})], timeout=0.5,
                          output_cap=4096)
    fine = sandbox.start(HOSTILE / "correct.py", [("relu", (x,), {})], timeout=120.0)
    assert fine.wait().outcomes[0].status == "returned"  # while flood fills its pipes
    result = flood.wait()
    assert result.timed_out and result.output_truncated
    assert len(result.stdout) == 4096 and result.stdout.startswith("flood flood")
    assert len(result.stderr) == 4096 and result.stderr_bytes > 4096


def test_forbidden_modules_are_refused_at_run_time_too():
    result = sandbox.start(HOSTILE / "escapes.py", [("import_by_name", (x3(),), {})],
                           forbidden_modules=("json",)).wait()
    outcome = result.outcomes[0]
    assert outcome.status == "raised" and sandbox.words(outcome.error).startswith("ModuleNotFoundError")
    assert "json" in sandbox.words(outcome.error) and "not allowed" in sandbox.words(outcome.error)


def test_an_interrupt_while_waiting_kills_every_running_file():
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    x = x3()
    handles = [sandbox.start(HOSTILE / name, [("relu", (x,), {})], timeout=30.0)
               for name in ("loop.py", "subprocesses.py", "loop.py")]
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(KeyboardInterrupt):
            handles[0].wait()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert all(h.finished for h in handles)
    assert sandbox.words(handles[0].wait().crashed) == "stopped by nncli"
    assert sandbox.words(handles[2].wait().crashed) == "stopped by nncli"
    for h in handles:
        assert not os.path.exists(f"/proc/{h.pid}")
    assert no_learner_processes_left("1000.4242") == []


def test_closing_the_result_pipe_loses_contact_cleanly():
    x = x3()
    result = run("garbage_frames", [("fine", (x,), {}), ("close_result_pipe", (x,), {}),
                                    ("fine", (x,), {})])
    first, closing, after = result.outcomes
    assert first.status == "returned" and closing.status == after.status == "not_run"
    assert sandbox.words(result.crashed) == "exited with status 71 (its results could not be sent)"


def _peak_rss_mib():
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_payload_listed_thousands_of_times_is_stopped_by_the_budget():
    """3000 listings of one 8 MiB array would be 24 GiB if each were decoded; the file's
    budget (32 MiB of arrays) stops it, and nncli's own memory barely moves."""
    before = _peak_rss_mib()
    result = run("amplify", [("relu", (x3(),), {})], timeout=30.0)
    assert "SENT" in result.stdout
    assert sandbox.words(result.crashed) == "sent more data than it could hold"
    assert result.outcomes[0].status == "not_run"
    assert _peak_rss_mib() - before < 200


def test_more_frames_than_calls_are_refused():
    result = run("amplify", [("many_frames", (x3(),), {})], timeout=30.0)
    assert sandbox.words(result.crashed) == "sent more data than it could hold"


def test_exit_reports_read_together_with_started_are_not_lost():
    """The student process sends "started" (its descriptors with the first byte), then the
    exit reports: one read can take the rest of "started" and an exit report together. The
    report must be acted on though the socket has nothing more to say."""
    import signal
    import socket

    from nncli.grader.sandbox import runner, wire
    from nncli.grader.sandbox.channel import Channel

    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    peer = Channel(theirs)
    pipes = [os.pipe() for _ in range(3)]
    peer.send({"op": "forked", "pid": 4241})
    peer.send({"op": "started", "files": [{"pid": 4242}]}, fds=[r for r, _ in pipes])
    results = os.fdopen(pipes[0][1], "wb")
    results.write(wire.frame({"kind": "loaded"}) + wire.frame({"kind": "done"}))
    results.close()
    for _, w in pipes[1:]:
        os.close(w)
    peer.send({"op": "exit", "pid": 4242, "status": 0})
    for r, _ in pipes:
        os.close(r)
    student = runner.Student(Channel(ours))

    def hung(signum, frame):
        raise AssertionError("the exit report was lost: waiting forever")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)  # a hang guard, not a speed limit
    try:
        handle = student.start([runner.File(HOSTILE / "correct.py", "k", [])])[0]
        run_ = handle.wait()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert run_.loaded and run_.crashed is None and not run_.timed_out
    runner.Pump.current().forget_student(student)
    student.channel.close()
    theirs.close()


def test_a_student_is_opened_without_waiting_for_the_host(tmp_path):
    """open_student and start return while the host has not read a thing (it may still be
    importing NumPy); what the student process says later, here that it could not confine
    itself, reaches the handles."""
    import signal
    import socket

    from nncli.grader.sandbox import runner
    from nncli.grader.sandbox.channel import Channel

    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    host = runner.Host.__new__(runner.Host)  # a host that does not read yet
    host.channel, host.defined = Channel(ours), set()

    def hung(signum, frame):
        raise AssertionError("open_student or start waited for the host")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)  # a hang guard, not a speed limit
    try:
        student = host.open_student()
        handle = student.start([runner.File(HOSTILE / "correct.py", "k", [0])])[0]
        assert not handle.finished
        header, _, fds = Channel(theirs).receive()  # the host gets to it now
        assert header["op"] == "student" and len(fds) == 1
        process_end = Channel(socket.socket(fileno=fds[0]))
        assert process_end.receive()[0]["op"] == "start"
        process_end.send({"op": "failed", "error": "no user namespaces here"})
        run_ = handle.wait()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert run_.crashed == ("sandbox.cannot_start", {"reason": "no user namespaces here"})
    runner.Pump.current().forget_student(student)
    student.channel.close()
    process_end.close()
    ours.close()
    theirs.close()


def test_a_file_s_time_counts_from_when_its_process_runs():
    """A student process that answers late (a host still importing NumPy, a loaded machine)
    does not use up the file's time: the limit counts from the answer."""
    import array
    import signal
    import socket
    import threading
    import time

    from nncli.grader.sandbox import runner, wire
    from nncli.grader.sandbox.channel import Channel

    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    peer = Channel(theirs)
    pipes = [os.pipe() for _ in range(3)]
    os.write(pipes[0][1], wire.frame({"kind": "loaded"}) + wire.frame({"kind": "done"}))
    for _, w in pipes:
        os.close(w)

    def late_student_process():
        peer.receive()  # the start request
        time.sleep(2.0)  # four times the file's limit, before its process runs
        # "started" and "exit" in one write: read together, however loaded the machine is,
        # so the file's own 0.5 s cannot run out between them
        data = (wire.frame({"op": "started", "files": [{"pid": 4243}], "fds": 3})
                + wire.frame({"op": "exit", "pid": 4243, "status": 0, "fds": 0}))
        fds = array.array("i", [r for r, _ in pipes])
        sent = theirs.sendmsg([data[:1]], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])
        theirs.sendall(data[sent:])

    student = runner.Student(Channel(ours))
    answering = threading.Thread(target=late_student_process)

    def hung(signum, frame):
        raise AssertionError("the late answer was never read")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)  # a hang guard, not a speed limit
    try:
        handle = student.start([runner.File(HOSTILE / "correct.py", "k", [], timeout=0.5)])[0]
        answering.start()
        run_ = handle.wait()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        answering.join()
    assert not run_.timed_out and run_.crashed is None and run_.loaded
    theirs.setblocking(False)
    with pytest.raises(BlockingIOError):  # no "kill" was sent when the process appeared
        theirs.recv(1)
    for r, _ in pipes:
        os.close(r)
    runner.Pump.current().forget_student(student)
    student.channel.close()
    theirs.close()
