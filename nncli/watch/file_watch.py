"""Notice when a file was saved, by polling: it works where file-system events never arrive
(network drives, folders shared with a virtual machine), so it is always on; inotify
(nncli/watch/inotify.py) only wakes the loop sooner.

A file's signature is (mtime_ns, size, inode, content digest), or None while it is missing:
a write that keeps the mtime (coarse clocks, a network drive) still changes the digest; an
editor that writes a temporary file and renames it over the old one changes the inode.

Debounced: editors write several times per save (truncate, write, write again, or a temp
file, a rename and a chmod), so a check starts only once the signature has stayed the same
for `settle` seconds; several quick writes give one check.
"""

import hashlib
import os
import time

MISSING = None
NEVER = ("never checked",)   # differs from every signature, MISSING included


def read_signature(path):
    """(mtime_ns, size, inode, digest) of the file at `path`; MISSING when there is none;
    ("unreadable", errno) when it is there but cannot be read (the check reports why).
    The stat comes from the open file, so it describes the very content that was read."""
    try:
        with open(path, "rb") as stream:
            stat = os.fstat(stream.fileno())
            digest = hashlib.blake2b(stream.read(), digest_size=16).digest()
    except (FileNotFoundError, NotADirectoryError):
        return MISSING
    except IsADirectoryError:
        return ("unreadable", "folder")
    except OSError as error:
        return ("unreadable", error.errno)
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino, digest)


class FileWatch:
    """When to check one file again.

    poll(now): look at the file; due(now): True when its signature differs from the one
    last checked and has not changed for `settle` seconds; take(): mark the current
    signature as checked (returns it). `read` and the times are injectable for tests.
    """

    def __init__(self, path, settle: float = 0.15, read=read_signature, now=None):
        self.path = path
        self.settle = settle
        self._read = read
        self.seen = read(path)
        # the first check is due at once: there is nothing to wait for
        self.seen_at = float("-inf") if now is None else now - settle
        self.checked = NEVER

    def poll(self, now: float) -> bool:
        """Read the file's signature; True when it changed since the last poll."""
        current = self._read(self.path)
        if current == self.seen:
            return False
        self.seen, self.seen_at = current, now
        return True

    @property
    def changed(self) -> bool:
        """The file differs from what was last checked (settled or not)."""
        return self.seen != self.checked

    @property
    def missing(self) -> bool:
        return self.seen is MISSING

    def due(self, now: float) -> bool:
        return self.changed and now - self.seen_at >= self.settle - 1e-9

    def take(self):
        self.checked = self.seen
        return self.seen

    def wait(self, now: float, interval: float) -> float:
        """Seconds to sleep before the next poll: `interval`, or less while a change settles."""
        if not self.changed:
            return interval
        return max(0.0, min(interval, self.seen_at + self.settle - now))


def monotonic() -> float:
    return time.monotonic()
