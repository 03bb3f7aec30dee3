"""When `nncli watch` checks a file again: polling and debouncing (nncli/watch/file_watch.py), with a
fake clock, and the inotify fast path (nncli/watch/inotify.py)."""

import os
import select
import struct
import sys
import time

import pytest

from nncli.watch import inotify as watcher_inotify
from nncli.watch.file_watch import MISSING, FileWatch, read_signature


def _write(path, text, mtime_ns=None):
    path.write_text(text)
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))


# ---------------------------------------------------------------- signatures

def test_signature_changes_with_the_content_even_when_mtime_and_size_stay(tmp_path):
    path = tmp_path / "lstm.py"
    _write(path, "x = 1\n", mtime_ns=1_000_000_000)
    before = read_signature(path)
    _write(path, "x = 2\n", mtime_ns=1_000_000_000)       # same size, same mtime
    after = read_signature(path)
    assert os.stat(path).st_mtime_ns == 1_000_000_000
    assert before[:2] == after[:2]                          # mtime and size agree...
    assert before != after                                  # ...the digest tells them apart


def test_signature_of_a_missing_file_and_of_a_folder(tmp_path):
    assert read_signature(tmp_path / "nothing.py") is MISSING
    (tmp_path / "folder.py").mkdir()
    assert read_signature(tmp_path / "folder.py")[0] == "unreadable"


# ---------------------------------------------------------------- debounce, fake clock

class FakeFiles:
    """A file system of one file: its text and mtime, changed by the test; read() gives the
    same kind of signature as watcher.read_signature."""

    def __init__(self, text="a", mtime=1):
        self.text, self.mtime, self.inode = text, mtime, 1
        self.reads = 0

    def read(self, path):
        self.reads += 1
        if self.text is None:
            return MISSING
        return (self.mtime, len(self.text), self.inode, self.text)


def test_the_first_check_is_due_at_once_and_then_not_until_a_change():
    files = FakeFiles()
    watch = FileWatch("f.py", settle=0.15, read=files.read, now=10.0)
    assert watch.due(10.0)
    watch.take()
    for now in (10.3, 10.6, 10.9):
        watch.poll(now)
        assert not watch.due(now)


def test_a_change_is_checked_only_once_it_has_settled():
    files = FakeFiles()
    watch = FileWatch("f.py", settle=0.15, read=files.read, now=0.0)
    watch.take()
    files.text = "b"
    assert watch.poll(1.0)
    assert not watch.due(1.0) and not watch.due(1.14)
    assert watch.wait(1.0, interval=0.3) == pytest.approx(0.15)   # wakes early to settle
    watch.poll(1.15)
    assert watch.due(1.15)
    watch.take()
    assert not watch.due(2.0)
    assert watch.wait(2.0, interval=0.3) == 0.3


def _simulate(files, writes, interval=0.3, settle=0.15, until=5.0, events=False):
    """Run the watch loop's timing with a fake clock: `writes` is [(time, change function)];
    the loop polls, checks when due, then sleeps watch.wait(), or with `events` only until
    just after the next write (as inotify wakes it). Returns the check times."""
    watch = FileWatch("f.py", settle=settle, read=files.read, now=0.0)
    watch.take()
    pending = sorted(writes, key=lambda w: w[0])
    checks, now = [], 0.0
    while now < until:
        watch.poll(now)
        if watch.due(now):
            watch.take()
            checks.append(now)
        sleep = watch.wait(now, interval)
        wake = now + max(sleep, 1e-3)
        if events and pending and pending[0][0] < wake:
            wake = pending[0][0] + 1e-3
        while pending and pending[0][0] <= wake:     # writes land while the loop sleeps
            pending.pop(0)[1]()
        now = wake
    return checks


@pytest.mark.parametrize("events", [False, True], ids=["polling", "woken by events"])
def test_several_quick_writes_give_one_check(events):
    files = FakeFiles()

    def write(text):
        return lambda: setattr(files, "text", text)

    # an editor saving: truncate, write half, write all, all within 60 ms
    checks = _simulate(files, [(1.00, write("")), (1.02, write("def f")),
                               (1.06, write("def f(): pass"))], events=events)
    assert len(checks) == 1, checks
    assert 1.06 + 0.15 <= checks[0] < 1.06 + 0.3 + 0.15 + 0.3
    if events:
        assert checks[0] < 1.06 + 0.2       # woken at once, then only the settling time


def test_writes_spread_over_polls_still_give_one_check():
    files = FakeFiles()
    changes = [(1.0 + 0.1 * k, (lambda k=k: setattr(files, "text", "x" * k))) for k in range(1, 6)]
    # five writes 0.1 s apart: each poll that sees one waits for the file to settle again
    checks = _simulate(files, changes, interval=0.3, settle=0.15)
    assert len(checks) <= 2, checks
    assert checks and checks[-1] > 1.5


def test_separate_saves_give_separate_checks():
    files = FakeFiles()
    checks = _simulate(files, [(1.0, lambda: setattr(files, "text", "b")),
                               (3.0, lambda: setattr(files, "text", "c"))])
    assert len(checks) == 2
    assert 1.0 < checks[0] < 2.0 and 3.0 < checks[1] < 4.0


def test_a_content_change_with_the_same_mtime_is_checked():
    files = FakeFiles(text="x = 1", mtime=5)
    checks = _simulate(files, [(1.0, lambda: setattr(files, "text", "x = 2"))])
    assert files.mtime == 5 and len(checks) == 1


def test_a_file_replaced_by_rename_is_checked_and_a_gap_while_missing_is_not():
    files = FakeFiles(text="old")

    def gone():
        files.text = None

    def back():
        files.text, files.inode = "new", 2

    checks = _simulate(files, [(1.0, gone), (1.01, back)])
    assert len(checks) == 1
    watch = FileWatch("f.py", read=files.read, now=0.0)
    watch.take()
    files.text = None
    watch.poll(1.0)
    assert watch.missing and watch.due(1.2)      # a file that stays away is reported missing


def test_polling_reads_the_file_every_interval():
    files = FakeFiles()
    _simulate(files, [], interval=0.3, until=3.0)
    assert 9 <= files.reads <= 12        # 3 s / 0.3 s, plus the first look


# ---------------------------------------------------------------- real files

def test_real_files_rename_replace_and_same_mtime_are_seen(tmp_path):
    path = tmp_path / "lstm.py"
    _write(path, "a = 1\n", mtime_ns=2_000_000_000)
    watch = FileWatch(path, settle=0.0, now=0.0)
    watch.take()
    watch.poll(1.0)
    assert not watch.due(1.0)
    temporary = tmp_path / ".lstm.py.swp"
    _write(temporary, "a = 2\n", mtime_ns=2_000_000_000)
    os.replace(temporary, path)                           # how many editors save
    watch.poll(2.0)
    assert watch.due(2.0)
    watch.take()
    _write(path, "a = 3\n", mtime_ns=2_000_000_000)      # in place, same mtime and size
    watch.poll(3.0)
    assert watch.due(3.0)


# ---------------------------------------------------------------- inotify

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux")


def test_inotify_events_are_parsed():
    header = struct.Struct("iIII")
    name = b"lstm.py\0\0\0\0\0\0\0\0\0"
    data = header.pack(1, watcher_inotify.IN_CLOSE_WRITE, 0, len(name)) + name
    data += header.pack(1, watcher_inotify.IN_MOVED_TO, 7, 8) + b"a.py\0\0\0\0"
    assert watcher_inotify.parse(data) == {"lstm.py", "a.py"}
    overflow = header.pack(-1, watcher_inotify.IN_Q_OVERFLOW, 0, 0)
    assert watcher_inotify.parse(overflow) == {""}


def _names_within(events, seconds=5.0):
    names, end = set(), time.monotonic() + seconds
    while time.monotonic() < end:
        if select.select([events], [], [], 0.1)[0]:
            names |= events.names()
            if names:
                return names
    return names


@linux_only
def test_inotify_sees_a_write_and_a_rename_in_the_folder(tmp_path):
    events = watcher_inotify.open_folder(tmp_path)
    if events is None:
        pytest.skip("inotify is not available here (polling covers this case)")
    try:
        (tmp_path / "lstm.py").write_text("x = 1\n")
        assert "lstm.py" in _names_within(events)
        (tmp_path / "tmp123").write_text("x = 2\n")
        _names_within(events, 0.3)
        os.replace(tmp_path / "tmp123", tmp_path / "lstm.py")
        assert "lstm.py" in _names_within(events)
        assert events.names() == set()         # drained
    finally:
        events.close()


def test_inotify_missing_means_none_not_an_error(tmp_path, monkeypatch):
    assert watcher_inotify.open_folder(tmp_path / "no such folder") is None
    monkeypatch.setattr(watcher_inotify.sys, "platform", "darwin")
    assert watcher_inotify.open_folder(tmp_path) is None
