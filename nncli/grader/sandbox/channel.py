"""Messages over a Unix stream socket: wire frames, with file descriptors passed beside them.

A message is one wire frame (header dict, body bytes). When it carries file descriptors
(SCM_RIGHTS, sent with the frame's first byte), its header says how many in "fds"; the
receiver keeps every descriptor that arrives in one queue and hands the first "fds" of them
to that message, so frames and descriptors stay matched whatever way the stream is cut.

Used at both ends of nncli <-> host and nncli <-> student (see the package docstring):
standard library and NumPy only, since the host's fresh interpreter imports it.
"""

from __future__ import annotations

import array
import os
import socket

from nncli.grader.sandbox import wire

_READ = 1 << 18
_MAX_FDS = 64


class Closed(OSError):
    """The other end is gone, or said something that is not a message."""


class Channel:
    """One end of a socket; `receive` and `pending` return (header, body, fds) messages."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self._buffer = bytearray()
        self._fds: list = []
        self.closed = False

    def fileno(self) -> int:
        return self.sock.fileno()

    def send(self, header: dict, blobs=(), fds=()):
        header = dict(header, fds=len(fds))
        data = memoryview(wire.frame(header, blobs))
        try:
            if fds:
                sent = self.sock.sendmsg([data[:1]], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                                                       array.array("i", fds))])
                data = data[sent:]
            if data:
                self.sock.sendall(data)
        except OSError as error:
            raise Closed(f"could not send: {error}") from None

    def _fill(self, flags=0) -> bool:
        """Read what is there (blocking unless flags say not); False at the end."""
        fds = array.array("i")
        try:
            data, ancillary, _, _ = self.sock.recvmsg(
                _READ, socket.CMSG_SPACE(_MAX_FDS * fds.itemsize), flags)
        except (BlockingIOError, InterruptedError):
            return True
        except TimeoutError:
            raise
        except OSError:
            data, ancillary = b"", []
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(payload[:len(payload) - (len(payload) % fds.itemsize)])
        self._fds.extend(fds)
        if not data:
            self.closed = True
            return False
        self._buffer += data
        return True

    def _take(self):
        try:
            got = wire.split(self._buffer, max_body=1 << 30)
        except wire.Malformed as error:
            raise Closed(f"unreadable message: {error}") from None
        if got is None:
            return None
        header, body = got
        count = header.get("fds", 0)
        if type(count) is not int or not 0 <= count <= len(self._fds):
            raise Closed("a message without its file descriptors")
        fds, self._fds = self._fds[:count], self._fds[count:]
        return header, body, fds

    def receive(self):
        """The next message, waiting for it; raises Closed at the end."""
        while True:
            got = self._take()
            if got is not None:
                return got
            if not self._fill():
                raise Closed("the other end is gone")

    def pending(self) -> list:
        """Every whole message already readable, without waiting (after a select said so)."""
        self._fill(socket.MSG_DONTWAIT)
        messages = []
        while True:
            got = self._take()
            if got is None:
                return messages
            messages.append(got)

    def close(self):
        for fd in self._fds:
            _close(fd)
        self._fds.clear()
        self.sock.close()
        self.closed = True


def _close(fd):
    try:
        os.close(fd)
    except OSError:
        pass
