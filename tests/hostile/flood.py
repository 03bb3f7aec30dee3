"""Prints without end on both streams."""
import sys


def relu(x):
    while True:
        print("flood " * 1000)
        print("more " * 1000, file=sys.stderr)
