"""Borrows the reference: imports nncli by a name the syntax tree cannot see, then searches
its own memory for nncli's functions."""
import gc
import sys

import numpy as np

borrowed = None
try:
    borrowed = __import__("nn" + "cli.maths.lstm", fromlist=["lstm_step"])
    print("CHEAT imported nncli")
except Exception as error:
    print("NOIMPORT", type(error).__name__)
if borrowed is None:
    sys.meta_path[:] = [f for f in sys.meta_path if "Blocker" not in type(f).__name__]
    try:
        borrowed = __import__("nn" + "cli.maths.lstm", fromlist=["lstm_step"])
        print("CHEAT imported nncli after removing the blocker")
    except Exception as error:
        print("NOIMPORT2", type(error).__name__)
if borrowed is None:
    for thing in gc.get_objects():
        if callable(thing) and getattr(thing, "__name__", "") == "lstm_forward":
            try:
                thing(np.zeros((1, 1, 4)), np.zeros((1, 1)), np.zeros((1, 1)),
                      np.zeros((4, 4)), np.zeros((1, 4)), np.zeros(4))
                print("CHEAT a reference function from memory works")
                borrowed = thing
            except Exception as error:
                print("NOMEMORY", type(error).__name__)
            break


def lstm_step(x_t, s_prev, c_prev, W, U, b):
    return borrowed.lstm_step(x_t, s_prev, c_prev, W, U, b)


def lstm_forward(x, s0, c0, W, U, b):
    return borrowed.lstm_forward(x, s0, c0, W, U, b)
