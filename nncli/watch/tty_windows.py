"""Modes, keys and output of a Windows console: msvcrt reads single keys (there is no line
mode to switch off), and the console is asked to understand escape sequences, which Windows
10 and later do. select() works only on sockets there, so a wait is a short poll of the keys.
"""

import sys
import time

_ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004
_STD_OUTPUT_HANDLE = -11
KEY_POLL = 0.02        # seconds between two looks at the keyboard while waiting


class WindowsTTY:
    """The console of this process (the descriptors are those of stdin and stdout)."""

    def __init__(self, fd_in: int = 0, out_fd: int = 1):
        self.fd_in, self.out_fd = fd_in, out_fd
        self.saved = None

    def enter(self) -> None:
        try:
            import ctypes

            kernel32 = ctypes.windll.kernel32
            handle = kernel32.GetStdHandle(_STD_OUTPUT_HANDLE)
            mode = ctypes.c_uint32()
            if kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
                if self.saved is None:
                    self.saved = mode.value
                kernel32.SetConsoleMode(handle, mode.value | _ENABLE_VIRTUAL_TERMINAL_PROCESSING)
        except (ImportError, AttributeError, OSError):
            pass  # not a console: the escape sequences go through as they are

    def leave(self) -> None:
        if self.saved is None:
            return
        try:
            import ctypes

            kernel32 = ctypes.windll.kernel32
            kernel32.SetConsoleMode(kernel32.GetStdHandle(_STD_OUTPUT_HANDLE), self.saved)
        except (ImportError, AttributeError, OSError):
            pass

    def wait(self, timeout: float, others=()):
        """(a key is ready, []) after at most `timeout` seconds (there are no file-system
        events to wait for on Windows: `others` is empty)."""
        import msvcrt

        end = time.monotonic() + timeout
        while not msvcrt.kbhit():
            left = end - time.monotonic()
            if left <= 0:
                return False, []
            time.sleep(min(KEY_POLL, left))
        return True, []

    def read(self) -> str:
        """The keys typed so far; a special key (arrows, F1…) comes as two codes, the first
        "\\x00" or "\\xe0", and is dropped."""
        import msvcrt

        keys = []
        while msvcrt.kbhit():
            key = msvcrt.getwch()
            if key in ("\x00", "\xe0"):
                msvcrt.getwch()
                continue
            keys.append(key)
        return "".join(keys)

    def write(self, data: bytes) -> None:
        """Through sys.stdout's buffer: on a console it writes UTF-8 as Unicode, whatever
        the console's code page (os.write would not)."""
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
