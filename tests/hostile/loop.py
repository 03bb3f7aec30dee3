"""Loops for ever at call time, ignoring SIGTERM (and SIGINT)."""
import signal


def relu(x):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        pass
