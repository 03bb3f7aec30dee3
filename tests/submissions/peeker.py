"""Copies a classmate: opens their lstm.py by relative and absolute paths, and the solution."""
import os

here = os.path.dirname(os.path.abspath(__file__))
paths = [os.path.join(here, "..", "good", "lstm.py"), os.path.join("..", "good", "lstm.py"),
         "{{GOOD}}", "{{SOLUTION}}"]
solved = {}
for path in paths:
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        print("READ", path)
        exec(compile(source, path, "exec"), solved)
    except Exception as error:
        print("NOREAD", path, type(error).__name__)


def lstm_step(x_t, s_prev, c_prev, W, U, b):
    return solved["lstm_step"](x_t, s_prev, c_prev, W, U, b)


def lstm_forward(x, s0, c0, W, U, b):
    return solved["lstm_forward"](x, s0, c0, W, U, b)
