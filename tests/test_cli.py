"""The command line itself: help, version, welcome, topics, errors, --step, lazy imports."""

import os
import pty
import re
import select
import subprocess
import sys
import time

from nncli import __version__
from nncli.topics import TOPICS


def test_version_and_help(run):
    result = run("--version")
    assert result.code == 0 and __version__ in result.stdout
    result = run("--help")
    assert result.code == 0 and "explain" in result.stdout and "topics" in result.stdout


def test_every_command_has_help(run):
    from nncli.cli import COMMANDS

    for name in COMMANDS:
        result = run(name, "--help")
        assert result.code == 0, (name, result.stderr)
        assert "Usage:" in result.stdout


def test_every_explained_topic_has_help(run):
    for topic in TOPICS:
        if topic.explained:
            result = run("explain", topic.name, "--help")
            assert result.code == 0 and "--json" in result.stdout, topic.name


def test_welcome_without_command(run):
    result = run()
    assert result.code == 0
    assert "nncli explain conv" in result.stdout and "nncli topics" in result.stdout


def test_topics_lists_every_topic_in_order(run):
    result = run("topics")
    assert result.code == 0
    # each topic's own row (its name also appears in other topics' summaries: "encoder–decoder")
    positions = [re.search(rf"^│ {re.escape(t.name)} ", result.stdout, re.M).start() for t in TOPICS]
    assert positions == sorted(positions)
    assert "qkv" in result.stdout and "mha" in result.stdout


def test_unknown_command_suggests(run):
    result = run("explian")
    assert result.code == 2 and 'Did you mean "explain"' in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_option_is_one_line(run):
    result = run("explain", "conv", "--paddin", "1")
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--paddin" in result.stderr


def test_step_is_ignored_when_not_a_terminal(run):
    result = run("explain", "conv", "--step")
    assert result.code == 0
    assert "--step needs a terminal" in result.stderr
    assert "Output cell (1, 1)" in result.stdout


def _run_module(*args, env=None):
    return subprocess.run([sys.executable, "-m", "nncli", *args], capture_output=True, text=True,
                          env=dict(os.environ, NO_COLOR="1", **(env or {})), timeout=600)


def test_python_dash_m_and_help_does_not_load_numpy_or_rich():
    assert __version__ in _run_module("--version").stdout
    probe = ("import sys\nfrom nncli.cli import main\nsys.argv = ['nncli', '--help']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('LOADED', 'numpy' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=600).stdout
    assert "LOADED False False" in out


def _probe(code, env=None):
    """What a Python process that runs `code` prints (nncli's variables of the test run
    left out unless `env` sets them)."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(clean, **(env or {})), timeout=600).stdout


def test_nncli_asks_blas_for_one_thread_unless_the_user_said_otherwise():
    probe = ("import os\nfrom nncli.cli import main\ntry:\n    main(['--version'])\n"
             "except SystemExit:\n    pass\n"
             "print('THREADS', os.environ.get('OPENBLAS_NUM_THREADS'), "
             "os.environ.get('OMP_NUM_THREADS'), os.environ.get('MKL_NUM_THREADS'))")
    assert "THREADS 1 1 1" in _probe(probe)
    assert "THREADS 4 1 1" in _probe(probe, {"OPENBLAS_NUM_THREADS": "4"})


def test_blas_is_left_alone_once_numpy_is_loaded():
    probe = ("import os, numpy\nfrom nncli import blas\nblas.one_thread()\n"
             "print('THREADS', os.environ.get('OPENBLAS_NUM_THREADS'))")
    assert "THREADS None" in _probe(probe)


def test_nncli_skips_the_search_for_cycles_on_its_way_out():
    """A handler registered before `main` runs after nncli's own (last in, first out)."""
    probe = ("import atexit, gc\n"
             "atexit.register(lambda: print('GC', gc.isenabled(), gc.get_freeze_count() > 0))\n"
             "from nncli.cli import main\nmain(['--version'])\n")
    assert "GC False True" in _probe(probe)


def test_piped_output_has_no_escape_codes_even_with_colour_allowed():
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    result = subprocess.run([sys.executable, "-m", "nncli", "explain", "conv"], capture_output=True,
                            text=True, env=env, timeout=600)
    assert result.returncode == 0 and "\x1b[" not in result.stdout


def test_step_mode_in_a_real_terminal_pauses_and_quits():
    """Run `explain conv --step` in a pseudo-terminal: it stops after step 1 until a key comes."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes nncli on the terminal
        os.environ.update(NO_COLOR="1", COLUMNS="100")
        os.execv(sys.executable, [sys.executable, "-m", "nncli", "explain", "conv", "--step"])
    def read_until(marker, seconds):
        """Everything the terminal shows until `marker` appears (or the time is up)."""
        seen = b""
        end = time.time() + seconds
        while marker not in seen and time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
        return seen

    first = read_until(b"q: quit", 30)
    assert b"Step 1 of" in first and b"Step 2 of" not in first
    time.sleep(0.3)
    assert not select.select([fd], [], [], 0)[0], "it went on without waiting for a key"
    os.write(fd, b"\r")  # Enter: the next step
    second = read_until(b"q: quit", 10)
    assert b"Step 2 of" in second and b"Step 3 of" not in second, second[-300:]
    # The prompt is printed just before the terminal is switched to raw mode; a key typed
    # in between waits in the line buffer, so give nncli a moment, as a person would.
    time.sleep(0.5)
    os.write(fd, b"q")
    rest = read_until(b"never printed", 5)
    status = None
    for _ in range(100):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise AssertionError("nncli did not quit on q")
    assert os.WEXITSTATUS(status) == 0
    assert b"Step 3 of" not in rest
