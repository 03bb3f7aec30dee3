"""Raises KeyboardInterrupt at call time."""


def relu(x):
    raise KeyboardInterrupt


def fine(x):
    return x
