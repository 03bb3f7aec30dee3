"""The one place consoles are made. Rich handles NO_COLOR, FORCE_COLOR, COLUMNS and
non-terminal output; we only choose the stream, at call time (binding sys.stdout at
import would break output capture in tests)."""

import sys


def stdout_console(record: bool = False):
    from rich.console import Console

    return Console(file=sys.stdout, record=record, highlight=False, emoji=False, soft_wrap=False)


def stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False, emoji=False)
