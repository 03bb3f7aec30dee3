"""The fast path of `nncli watch` on Linux: inotify through ctypes, no new dependency.

It watches the folder, not the file, so a save that writes a temporary file and renames it
over the old one is seen too. It only wakes the loop early: the polling in watcher.py still
decides what changed, and still runs when inotify is missing (another system, no libc, the
watch limit reached) or silent (network drives, shared folders of a virtual machine).
"""

import ctypes
import ctypes.util
import os
import struct
import sys

IN_MODIFY = 0x00000002
IN_ATTRIB = 0x00000004
IN_CLOSE_WRITE = 0x00000008
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_Q_OVERFLOW = 0x00004000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000
MASK = (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE
        | IN_DELETE)
_HEADER = struct.Struct("iIII")   # struct inotify_event: wd, mask, cookie, len; then the name


class FolderEvents:
    """Events of one folder: fileno() for select(); names() drains them (a set of file
    names; "" stands for "something, maybe everything": the queue overflowed)."""

    def __init__(self, fd: int):
        self.fd = fd

    def fileno(self) -> int:
        return self.fd

    def names(self) -> set:
        found = set()
        while True:
            try:
                data = os.read(self.fd, 64 * 1024)
            except (BlockingIOError, InterruptedError):
                return found
            except OSError:
                found.add("")
                return found
            if not data:
                return found
            found |= parse(data)

    def close(self) -> None:
        if self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1


def parse(data: bytes) -> set:
    """The file names in a buffer of inotify events."""
    found, offset = set(), 0
    while offset + _HEADER.size <= len(data):
        _wd, mask, _cookie, length = _HEADER.unpack_from(data, offset)
        offset += _HEADER.size
        raw = data[offset:offset + length]
        offset += length
        if mask & IN_Q_OVERFLOW:
            found.add("")
        else:
            found.add(os.fsdecode(raw.split(b"\0", 1)[0]))
    return found


def open_folder(folder):
    """FolderEvents for `folder`, or None where inotify is not available."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        init, add = libc.inotify_init1, libc.inotify_add_watch
    except (OSError, AttributeError):
        return None
    add.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32)
    fd = init(IN_NONBLOCK | IN_CLOEXEC)
    if fd < 0:
        return None
    if add(fd, os.fsencode(os.fspath(folder)), MASK) < 0:
        os.close(fd)
        return None
    return FolderEvents(fd)
