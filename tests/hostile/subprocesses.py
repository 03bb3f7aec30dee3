"""Leaves processes running: a subprocess, a double-forked orphan, and one that escaped
into a session of its own. The marker in their command lines lets the test find them."""
import os
import subprocess
import sys

MARKER = "1000.4242"


def relu(x):
    subprocess.Popen(["sleep", MARKER])
    if os.fork() == 0:  # double fork: the grandchild is orphaned
        if os.fork() == 0:
            os.execvp("sleep", ["sleep", MARKER])
        os._exit(0)
    if os.fork() == 0:  # escapes the session, then orphaned too
        os.setsid()
        if os.fork() == 0:
            os.execvp("sleep", ["sleep", MARKER])
        os._exit(0)
    return x
