"""Expected values computed once for a whole class, in a process of their own.

`nncli grade` gives every student the same cases. Computing their expected values in each
student's grading process cost about 50 ms a student; computing them in nncli's main process
would put them in the memory every later fork inherits, learners included. So a short-lived
child computes them all and writes them to nncli's private folder (not visible inside the
learners' isolated root), and each student's grading process reads them only after its
learner processes have started, exactly when `nncli check` would compute them.

File format (no pickle): an 8-byte little-endian length, a JSON index of that length, then
the arrays' raw bytes. The index maps a key to [dtype, shape, offset] (or to a message, for a
failure of ours). For case i of exercise E: "E.i" is a single array; a tuple result is
"E.i.n" (its length) and "E.i.0", "E.i.1", …; a failure of ours is "E.i.internal". One read
and a few views make it fast to load (an .npz took 15 ms of zip handling per student).
"""

import json
import os

import numpy as np


def _save(path: str, arrays: dict) -> None:
    index, chunks, offset = {}, [], 0
    for key, value in arrays.items():
        if isinstance(value, str):
            index[key] = value
            continue
        array = np.array(value, copy=True, order="C")  # keeps 0-d shapes (ascontiguousarray would not)
        index[key] = [array.dtype.str, list(array.shape), offset]
        chunks.append(array.tobytes())
        offset += array.nbytes
    head = json.dumps(index).encode("utf-8")
    with open(path + ".part", "wb") as handle:
        handle.write(len(head).to_bytes(8, "little"))
        handle.write(head)
        for chunk in chunks:
            handle.write(chunk)
    os.replace(path + ".part", path)


def _load(path: str) -> dict:
    with open(path, "rb") as handle:
        data = handle.read()
    size = int.from_bytes(data[:8], "little")
    index = json.loads(data[8:8 + size].decode("utf-8"))
    body = memoryview(data)[8 + size:]
    arrays = {}
    for key, entry in index.items():
        if isinstance(entry, str):
            arrays[key] = entry
            continue
        dtype, shape, offset = np.dtype(entry[0]), entry[1], entry[2]
        count = int(np.prod(shape)) if shape else 1
        arrays[key] = np.frombuffer(body, dtype, count, offset).reshape(shape)
    return arrays


def write(path: str, plans) -> None:
    """plans: (exercise name, cases) pairs. Computes every expected value and saves them."""
    from nncli.grader.session import expected_value

    arrays = {}
    for name, cases in plans:
        for index, case in enumerate(cases):
            kind, value = expected_value(case)
            key = f"{name}.{index}"
            if kind == "internal":
                arrays[key + ".internal"] = str(value)
            elif isinstance(value, tuple):
                arrays[key + ".n"] = np.array(len(value))
                for j, part in enumerate(value):
                    arrays[f"{key}.{j}"] = part
            else:
                arrays[key] = value
    _save(path, arrays)


def write_in_child(path: str, plans) -> None:
    """`write` in a forked child, so this process never holds the values. Raises RuntimeError
    when the child fails."""
    finish_in_child(start_in_child(path, plans), path)


def start_in_child(path: str, plans) -> int:
    """Start `write` in a forked child; returns its pid, for finish_in_child."""
    pid = os.fork()
    if pid == 0:  # the child: compute, save, leave without running any cleanup of the parent
        code = 1
        try:
            write(path, plans)
            code = 0
        finally:
            os._exit(code)
    return pid


def finish_in_child(pid: int, path: str) -> None:
    """Wait for the child of start_in_child. Raises RuntimeError when it failed."""
    _, status = os.waitpid(pid, 0)
    if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0) or not os.path.exists(path):
        raise RuntimeError("the expected values could not be computed")


class Store:
    """Reads the file written by `write`; `for_plan(name, cases)` gives session.run's list."""

    def __init__(self, path: str):
        self.path = path
        self._data = None

    def for_plan(self, name: str, cases) -> list:
        if self._data is None:
            self._data = _load(self.path)
        data = self._data
        expected = []
        for index in range(len(cases)):
            key = f"{name}.{index}"
            if key in data:
                expected.append(("ok", data[key]))
            elif key + ".n" in data:
                count = int(data[key + ".n"])
                expected.append(("ok", tuple(data[f"{key}.{j}"] for j in range(count))))
            else:
                expected.append(("internal", str(data.get(key + ".internal", "no expected value"))))
        return expected
