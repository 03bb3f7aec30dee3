"""Tries to reach nncli and what the grader knows, from inside the sandbox."""
import importlib
import os
import sys

import numpy as np


def import_nncli(x):
    return importlib.import_module("nn" + "cli")


def nncli_in_modules(x):
    return np.array([float(len([m for m in sys.modules if m.split(".")[0] == "nncli"]))])


def where(x):
    print(os.getcwd())
    with open("scratch.txt", "w") as f:
        f.write("left behind")
    return x


def read_stdin(x):
    return input()


def import_by_name(x):
    return importlib.import_module("js" + "on")
