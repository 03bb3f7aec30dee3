"""Dereferences a null pointer at call time."""
import ctypes


def relu(x):
    return ctypes.string_at(0)
