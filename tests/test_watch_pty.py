"""`nncli watch` end to end in a real pseudo-terminal: it shows the check of the template,
sees a save without a key pressed, shows a hint on h, quits on q or Ctrl-C with exit status 0,
and leaves the terminal's modes as it found them (read from the parent's side of the pty).

Never hangs: every wait has a deadline, and a child still running at the end is killed."""

import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

import pytest

from nncli.catalogue import find_exercise
from nncli.exercise_files import solution_path

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux pty")

HINTS = len(find_exercise("lstm").hints)


class Watch:
    """`python -m nncli watch ARGS` on a pseudo-terminal of 100×40."""

    def __init__(self, *args):
        self.seen = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes nncli on the terminal
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
                for name in ("NNCLI_LANG", "LC_ALL", "LC_MESSAGES", "NNCLI_WORKSPACE",
                             "NNCLI_DEBUG"):
                    os.environ.pop(name, None)
                os.environ.update(NO_COLOR="1", LANG="C.UTF-8", TERM="xterm")
                os.execv(sys.executable, [sys.executable, "-m", "nncli", "watch", *args])
            finally:
                os._exit(127)
        self.modes_before = termios.tcgetattr(self.fd)
        self.status = None

    def read_until(self, marker: bytes, seconds: float) -> bytes:
        """What the terminal showed since the last call, up to `marker`; fails after `seconds`."""
        start = len(self.seen)
        end = time.monotonic() + seconds
        while marker not in self.seen[start:]:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{marker!r} not shown within {seconds} s; the end of the "
                                     f"screen was:\n{self.seen[-1500:]!r}")
            if select.select([self.fd], [], [], min(left, 0.1))[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:       # the child closed the terminal
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"nncli ended before showing {marker!r}:\n"
                                         f"{self.seen[-1500:]!r}")
                self.seen += chunk
        return self.seen[start:]

    def drain(self, seconds: float) -> bytes:
        start = len(self.seen)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([self.fd], [], [], 0.05)[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.seen += chunk
        return self.seen[start:]

    def wait_for_raw_mode(self, seconds: float = 10.0) -> list:
        """The terminal's modes once nncli switched off line buffering and echo."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            modes = termios.tcgetattr(self.fd)
            if not modes[3] & termios.ICANON:
                return modes
            time.sleep(0.05)
        raise AssertionError("nncli never switched the terminal to reading single keys")

    def exit_status(self, seconds: float) -> int:
        """nncli's exit status; kills it and fails when it does not end within `seconds`."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.drain(0.05)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = status
                assert os.WIFEXITED(status), f"nncli died of signal {os.WTERMSIG(status)}"
                return os.WEXITSTATUS(status)
        self.kill()
        raise AssertionError("nncli did not quit")

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                _, self.status = os.waitpid(self.pid, 0)
            except (OSError, ChildProcessError):
                pass
        try:
            os.close(self.fd)
        except OSError:
            pass


@pytest.fixture
def workspace(tmp_path, run):
    result = run("exercise", "lstm", "--workspace", str(tmp_path / "W"))
    assert result.code == 0, result.stderr
    return tmp_path / "W"


@pytest.fixture
def watches():
    started = []

    def start(*args):
        watch = Watch(*args)
        started.append(watch)
        return watch

    yield start
    for watch in started:
        watch.kill()


def _save(path, content: bytes):
    """Save as many editors do: a temporary file in the same folder, renamed over the old one."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def _assert_restored(watch):
    after = termios.tcgetattr(watch.fd)
    assert after == watch.modes_before, "the terminal's modes were not restored"
    tail = watch.seen[-400:]
    assert b"\x1b[?1049l" in tail, "the normal screen was not restored"
    assert b"\x1b[?25h" in tail, "the cursor was left hidden"


def test_a_save_is_graded_without_a_key_then_h_shows_a_hint_and_q_quits(watches, workspace):
    watch = watches("lstm", "--workspace", str(workspace))
    first = watch.read_until(b"not started", 60)
    assert b"\x1b[?1049h" in first                     # drawn on the alternate screen
    modes = watch.wait_for_raw_mode()
    assert modes != watch.modes_before
    assert b"passed" not in first

    (workspace / "lstm.py").write_bytes(solution_path("lstm").read_bytes())
    graded = watch.read_until(b"lstm passed", 60)       # no key pressed
    assert b"3/3" in graded and b"2/2" in graded
    assert b"Check 2 at" in graded

    os.write(watch.fd, b"h")
    watch.read_until(f"Hint 1 of {HINTS}:".encode(), 30)

    os.write(watch.fd, b"q")
    assert watch.exit_status(30) == 0
    _assert_restored(watch)
    assert b"nncli watch: lstm: passed, 5 of 5 points." in watch.seen[-400:]
    entry = json.loads((workspace / ".nncli" / "state.json").read_text())["exercises"]["lstm"]
    assert entry["status"] == "passed" and entry["hints_shown"] == 1


def test_ctrl_c_quits_cleanly_and_restores_the_terminal(watches, workspace):
    watch = watches("lstm", "--workspace", str(workspace))
    watch.read_until(b"not started", 60)
    watch.wait_for_raw_mode()
    os.write(watch.fd, b"\x03")
    assert watch.exit_status(30) == 0
    _assert_restored(watch)
    assert b"Traceback" not in watch.seen


def test_polling_alone_sees_a_rename_and_n_moves_on(watches, workspace):
    """--poll: no file-system events at all, as on a network drive."""
    watch = watches("lstm", "--workspace", str(workspace), "--poll", "--interval", "0.2")
    watch.read_until(b"not started", 60)
    watch.wait_for_raw_mode()
    _save(workspace / "lstm.py", solution_path("lstm").read_bytes())
    watch.read_until(b"lstm passed", 60)
    os.write(watch.fd, b"n")
    shown = watch.read_until(b"attention_context", 30)
    assert b"nncli watch \xc2\xb7 attention" in shown
    assert (workspace / "attention.py").is_file()
    os.write(watch.fd, b"q")
    assert watch.exit_status(30) == 0
    _assert_restored(watch)


def test_a_terminated_watch_still_restores_the_terminal(watches, workspace):
    watch = watches("lstm", "--workspace", str(workspace))
    watch.read_until(b"not started", 60)
    watch.wait_for_raw_mode()
    os.kill(watch.pid, signal.SIGTERM)
    assert watch.exit_status(30) == 128 + signal.SIGTERM
    _assert_restored(watch)


def test_a_missing_file_says_how_to_get_it(watches, tmp_path):
    (tmp_path / "W" / ".nncli").mkdir(parents=True)
    watch = watches("rnn", "--workspace", str(tmp_path / "W"))
    watch.read_until(b"nncli exercise rnn", 60)
    assert watch.exit_status(30) == 1
    assert termios.tcgetattr(watch.fd) == watch.modes_before
