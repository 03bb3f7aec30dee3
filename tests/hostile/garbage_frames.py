"""Writes garbage, then a frame that lies about its size, onto nncli's private result pipe."""
import os
import struct


def relu(x):
    for fd in range(3, 20):
        try:
            os.write(fd, b"NNF1" + struct.pack("<IQ", 10, 1 << 60) + b"x" * 64)
        except OSError:
            pass
    return x


def fine(x):
    return x


def close_result_pipe(x):
    os.close(3)
    return x
