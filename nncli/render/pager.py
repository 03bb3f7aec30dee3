"""A long terminal view goes through a pager, as git does.

Which pager: $NNCLI_PAGER, else $PAGER, else `less`; an empty value or `cat` means none.
Only when stdout is a terminal (never into a pipe or a file). `less` gets LESS=FRX unless
the user set LESS: F quits at once when the text fits one screen, R passes colours
through, X leaves the text on screen after quitting.
"""

import os
import shlex
import shutil
import subprocess
import sys

DEFAULT_PAGER = "less"
LESS_FLAGS = "FRX"


def pager_command():
    """The pager command line to run, or None (not a terminal, no pager, not installed)."""
    from nncli.console import stdout_is_terminal

    if not stdout_is_terminal():
        return None
    command = os.environ.get("NNCLI_PAGER")
    if command is None:
        command = os.environ.get("PAGER", DEFAULT_PAGER)
    command = command.strip()
    if not command or command == "cat":
        return None
    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        return None
    return command if shutil.which(program) else None


def page(text: str, command: str, height: int) -> None:
    """Show `text` through `command` when it is taller than `height` lines, else print it."""
    if text.count("\n") < height:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    env = dict(os.environ)
    env.setdefault("LESS", LESS_FLAGS)
    env.setdefault("LV", "-c")  # the pager `lv`: keep colours too
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    errors = getattr(sys.stdout, "errors", None) or "replace"
    sys.stdout.flush()
    process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    try:
        process.stdin.write(text.encode(encoding, errors))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit before the end: that is fine
        pass
    while True:
        try:
            process.wait()
            return
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less uses it itself)
            continue
