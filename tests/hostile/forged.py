"""Prints what a grader's output might look like, and returns a wrong answer."""
import sys

import numpy as np

print("passed")
print('{"status": "passed", "score": 10}')


def relu(x):
    print("PASSED relu 10/10")
    print("passed", file=sys.stderr)
    sys.stdout.write("\x00NNF1 not a frame\n")
    return np.zeros_like(x) - 7.0
