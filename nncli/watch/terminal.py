"""The terminal of `nncli watch`: keys one at a time, a screen redrawn in place, and the
terminal always given back as it was.

On entry: cbreak mode (no line buffering, no echo; Ctrl-C still sends SIGINT, so it works
even while a check runs), the alternate screen, the cursor hidden. On exit, also through an
exception or a signal: the cursor shown, the normal screen back, the saved modes restored.
Ctrl-Z gives the terminal back before stopping and takes it again on `fg`.
"""

import os
import signal
import termios

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
    `resized` and `resumed` are set by signals; the loop clears them after redrawing."""

    def __init__(self, fd_in: int = 0, out_fd: int = 1):
        self.fd_in, self.out_fd = fd_in, out_fd
        self.saved = None
        self.active = False
        self.resized = False
        self._old_handlers = {}

    # ------------------------------------------------------------ modes

    def _enter(self) -> None:
        if self.saved is None:
            self.saved = termios.tcgetattr(self.fd_in)
        mode = termios.tcgetattr(self.fd_in)
        mode[3] &= ~(termios.ECHO | termios.ICANON)
        mode[6] = list(mode[6])
        mode[6][termios.VMIN] = 1
        mode[6][termios.VTIME] = 0
        termios.tcsetattr(self.fd_in, termios.TCSADRAIN, mode)
        self.active = True
        self.write(ENTER)

    def _leave(self) -> None:
        if not self.active:
            return
        self.active = False
        try:
            self.write(LEAVE)
        finally:
            if self.saved is not None:
                termios.tcsetattr(self.fd_in, termios.TCSADRAIN, self.saved)

    def __enter__(self):
        for sig, handler in ((signal.SIGTERM, self._on_quit), (signal.SIGHUP, self._on_quit),
                             (signal.SIGWINCH, self._on_resize), (signal.SIGTSTP, self._on_stop)):
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

    def keys(self) -> str:
        """The keys typed so far (call when select() says the keyboard is ready)."""
        try:
            data = os.read(self.fd_in, 1024)
        except (BlockingIOError, InterruptedError):
            return ""
        return data.decode("utf-8", "replace")

    def write(self, text: str) -> None:
        data = text.encode("utf-8", "replace")
        while data:
            try:
                data = data[os.write(self.out_fd, data):]
            except InterruptedError:
                continue

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
