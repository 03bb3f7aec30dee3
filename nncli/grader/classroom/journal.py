"""The records of a grading run, kept on disk as each student is graded (`nncli grade`).

A JSON-lines file beside the outputs (`path_for`): the first line is the run's header
{"format", "version", "seed", "timeout", "lang", "isolation", "shard", "submissions",
"outputs"}; then one line per student, their record (output.safe_record); then {"done":
true} once the outputs were written from it. Every line is flushed and fsynced as it is
written, so Ctrl-C, a crash or a power cut loses at most the line being written, which
`read` drops. `--resume` reads the header and the records and appends to the same file.
"""

from __future__ import annotations

import json
import os

FORMAT = "nncli-grade-records"


class Damaged(Exception):
    """A complete line is not one we write: the file was edited or is not ours."""

    def __init__(self, line_number):
        super().__init__(line_number)
        self.line_number = line_number


class Stopped:
    """What a records file holds: the `header`, the `records` in the order written, `done`
    (the run wrote its outputs) and `end` (the offset after the last complete line)."""

    def __init__(self, header, records, done, end):
        self.header, self.records, self.done, self.end = header, records, done, end


def path_for(out_path, json_path, feedback_dir):
    """The records file of a run: beside its first output, named after it (grades.csv ->
    grades.records.jsonl, feedback/ -> feedback.records.jsonl); None without outputs."""
    base = out_path or json_path or feedback_dir
    if not base:
        return None
    base = base.rstrip("/" + os.sep) or base
    stem, extension = os.path.splitext(base)
    return (stem if extension.lower() in (".csv", ".json") else base) + ".records.jsonl"


def read(path) -> Stopped | None:
    """The records file at `path`, or None when there is none (or not even its header line
    was written). Raises Damaged when a complete line is not ours, OSError when the file
    cannot be read."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return None
    header, records, done, end, number = None, [], False, 0, 0
    # complete lines only: a last line without its newline was cut short, and is dropped
    for number, raw in enumerate(data.split(b"\n")[:-1], start=1):
        try:
            item = json.loads(raw)
        except ValueError:
            raise Damaged(number) from None
        if number == 1:
            if not (isinstance(item, dict) and item.get("format") == FORMAT):
                raise Damaged(1)
            header = item
        elif isinstance(item, dict) and item.get("done") is True:
            done = True
        elif isinstance(item, dict) and isinstance(item.get("student"), str):
            records.append(item)
        else:
            raise Damaged(number)
        end += len(raw) + 1
    return None if header is None else Stopped(header, records, done, end)


class Journal:
    """A records file open for appending (`start` a new one, or `resume` a stopped one)."""

    def __init__(self, path, stream):
        self.path, self.stream = path, stream

    @classmethod
    def start(cls, path, header) -> "Journal":
        """A new records file at `path` (replacing any) holding `header`."""
        stream = open(path, "wb")
        journal = cls(path, stream)
        journal._write(dict(header, format=FORMAT))
        _sync_folder(path)
        return journal

    @classmethod
    def resume(cls, path, stopped) -> "Journal":
        """The records file `stopped` was read from, open after its last complete line (a
        line cut short by the stop is removed)."""
        stream = open(path, "r+b")
        stream.truncate(stopped.end)
        stream.seek(stopped.end)
        return cls(path, stream)

    def append(self, record) -> None:
        """One student's record, on disk when this returns."""
        self._write(record)

    def finish(self) -> None:
        """Say that the outputs were written from this file, and close it."""
        self._write({"done": True})
        self.close()

    def close(self) -> None:
        if not self.stream.closed:
            self.stream.close()

    def _write(self, item) -> None:
        # ASCII only: the file stays readable as UTF-8 whatever a record holds
        self.stream.write(json.dumps(item, ensure_ascii=True).encode("ascii") + b"\n")
        self.stream.flush()
        os.fsync(self.stream.fileno())


def _sync_folder(path) -> None:
    """The new file's name on disk too (its folder's entry), where the system allows."""
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# what a resumed run must share with the stopped one: header key -> its option
AGREED = {"version": "nncli", "timeout": "--timeout", "lang": "--lang",
          "isolation": "--isolation", "shard": "--shard", "submissions": "SUBMISSIONS",
          "outputs": "--out/--json/--feedback"}


def disagreement(header, wanted):
    """(option, the stopped run's value, this run's) for the first option that differs
    between the `header` of a stopped run and the one this run would write; None when
    they agree (the seed is not compared: a resumed run takes the stopped run's)."""
    for key, option in AGREED.items():
        if header.get(key) != wanted.get(key):
            return option, header.get(key), wanted.get(key)
    return None
