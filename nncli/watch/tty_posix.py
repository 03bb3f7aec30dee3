"""Modes, keys and output of a POSIX terminal (Linux, macOS): cbreak mode through termios,
select() to wait for a key. termios is imported only once a watch starts on such a terminal.

cbreak: no line buffering and no echo, but Ctrl-C still sends SIGINT, so it works even
while a check runs.
"""

import os
import select


class PosixTTY:
    """fd_in: the keyboard; out_fd: the screen."""

    def __init__(self, fd_in: int, out_fd: int):
        self.fd_in, self.out_fd = fd_in, out_fd
        self.saved = None

    def enter(self) -> None:
        import termios

        if self.saved is None:
            self.saved = termios.tcgetattr(self.fd_in)
        mode = termios.tcgetattr(self.fd_in)
        mode[3] &= ~(termios.ECHO | termios.ICANON)
        mode[6] = list(mode[6])
        mode[6][termios.VMIN] = 1
        mode[6][termios.VTIME] = 0
        termios.tcsetattr(self.fd_in, termios.TCSADRAIN, mode)

    def leave(self) -> None:
        import termios

        if self.saved is not None:
            termios.tcsetattr(self.fd_in, termios.TCSADRAIN, self.saved)

    def wait(self, timeout: float, others=()):
        """(a key is ready, the objects of `others` that are ready) after at most `timeout`
        seconds; `others` have fileno() (file-system events)."""
        ready, _, _ = select.select([self.fd_in, *others], [], [], timeout)
        return self.fd_in in ready, [x for x in ready if x is not self.fd_in]

    def read(self) -> str:
        try:
            data = os.read(self.fd_in, 1024)
        except (BlockingIOError, InterruptedError):
            return ""
        return data.decode("utf-8", "replace")

    def write(self, data: bytes) -> None:
        while data:
            try:
                data = data[os.write(self.out_fd, data):]
            except InterruptedError:
                continue
