"""The terminal of `nncli watch`: keys one at a time, a screen redrawn in place, and the
terminal always given back as it was.

On entry: keys without Enter or echo (tty_posix.py: cbreak mode; tty_windows.py:
msvcrt, escape sequences switched on), the alternate screen, the cursor hidden. On exit,
also through an exception or a signal: the cursor shown, the normal screen back, the saved
modes restored. On POSIX, Ctrl-Z gives the terminal back before stopping and takes it again
on `fg`. Nothing here imports a module of one platform before a watch starts.
"""

import os
import signal

ENTER = "\x1b[?1049h\x1b[?25l"     # alternate screen, cursor hidden
LEAVE = "\x1b[?25h\x1b[?1049l"     # cursor shown, normal screen
HOME = "\x1b[H"
CLEAR_LINE = "\x1b[K"
CLEAR_BELOW = "\x1b[J"


class Quit(Exception):
    """A signal asked the watch to end (SIGTERM, SIGHUP); `code` is the exit status."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class Terminal:
    """Use as a context manager. fd_in: the keyboard; out_fd: the screen.
    `resized` is set by signals; the loop clears it after redrawing."""

    def __init__(self, fd_in: int = 0, out_fd: int = 1):
        self.fd_in, self.out_fd = fd_in, out_fd
        if os.name == "nt":
            from nncli.watch.tty_windows import WindowsTTY as TTY
        else:
            from nncli.watch.tty_posix import PosixTTY as TTY
        self.tty = TTY(fd_in, out_fd)
        self.active = False
        self.resized = False
        self._old_handlers = {}

    # ------------------------------------------------------------ modes

    def _enter(self) -> None:
        self.tty.enter()
        self.active = True
        self.write(ENTER)

    def _leave(self) -> None:
        if not self.active:
            return
        self.active = False
        try:
            self.write(LEAVE)
        finally:
            self.tty.leave()

    def _handlers(self) -> list:
        """(signal, handler) for the signals this system has."""
        wanted = (("SIGTERM", self._on_quit), ("SIGHUP", self._on_quit),
                  ("SIGBREAK", self._on_quit), ("SIGWINCH", self._on_resize),
                  ("SIGTSTP", self._on_stop))
        return [(getattr(signal, name), handler) for name, handler in wanted
                if hasattr(signal, name)]

    def __enter__(self):
        for sig, handler in self._handlers():
            self._old_handlers[sig] = signal.signal(sig, handler)
        try:
            self._enter()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> bool:
        try:
            self._leave()
        finally:
            for sig, handler in self._old_handlers.items():
                signal.signal(sig, handler)
            self._old_handlers.clear()
        return False

    # ------------------------------------------------------------ signals

    def _on_quit(self, signum, frame):
        raise Quit(128 + signum)

    def _on_resize(self, signum, frame):
        self.resized = True

    def _on_stop(self, signum, frame):
        """Ctrl-Z: give the terminal back, stop, and take it again once continued."""
        self._leave()
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        try:
            os.kill(os.getpid(), signal.SIGTSTP)    # stops here until `fg`
        finally:
            signal.signal(signal.SIGTSTP, self._on_stop)
            self._enter()
            self.resized = True                      # the screen must be drawn again

    # ------------------------------------------------------------ input and output

    def wait(self, timeout: float, others=()):
        """(a key is ready, the objects of `others` that are ready) after at most `timeout`
        seconds; `others` have fileno() (file-system events, where there are any)."""
        return self.tty.wait(timeout, others)

    def keys(self) -> str:
        """The keys typed so far (call when wait() says a key is ready)."""
        return self.tty.read()

    def write(self, text: str) -> None:
        self.tty.write(text.encode("utf-8", "replace"))

    def size(self):
        """(columns, lines), with 80×24 when the terminal does not say."""
        try:
            columns, lines = os.get_terminal_size(self.out_fd)
        except OSError:
            columns, lines = 0, 0
        return (columns or 80, lines or 24)

    def draw(self, lines) -> None:
        """Replace the screen with `lines` (already fitted to the size), in one write."""
        self.write(HOME + (CLEAR_LINE + "\n").join(lines) + CLEAR_LINE + CLEAR_BELOW)
