"""What nncli remembers per workspace, in WORKSPACE/.nncli/state.json.

    {"version": 1,
     "exercises": {"conv": {"status": "failed", "score": 3, "max_score": 6,
                            "checked_at": "2024-05-01T12:00:00+00:00", "hints_shown": 1}}}

Written atomically (a temporary file in the same folder, flushed, then os.replace), so a
crash never leaves half a file. A file that cannot be read as this shape is moved aside
(state.json.corrupt-TIMESTAMP, never deleted) and nncli starts afresh, saying so.
"""

import json
import os
import time
from datetime import datetime, timezone
from pathlib import Path

from nncli.atomic import write_atomic

VERSION = 1
STATUSES = ("passed", "failed", "not_started", "error")


class State:
    """path: the state file; aside: where a corrupt file was moved (None if it was fine)."""

    def __init__(self, path, data=None, aside=None, writable=True):
        self.path = Path(path)
        self.data = data if data is not None else {"version": VERSION, "exercises": {}}
        self.aside = aside
        self.writable = writable

    @classmethod
    def load(cls, path) -> "State":
        path = Path(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError):
            return cls._afresh(path)
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if not _valid(data):
            return cls._afresh(path)
        return cls(path, data)

    @classmethod
    def _afresh(cls, path: Path) -> "State":
        aside = _set_aside(path)
        # a file that could not be moved aside is left alone: this run writes nothing
        return cls(path, aside=aside or path, writable=aside is not None)

    def entry(self, name: str) -> dict:
        """The record of one exercise ({} when nothing is known)."""
        return self.data["exercises"].get(name, {})

    def _entry_for_update(self, name: str) -> dict:
        return self.data["exercises"].setdefault(name, {})

    def status(self, name: str):
        return self.entry(name).get("status")

    def passed(self, name: str) -> bool:
        """True once a check of this exercise has passed in full (it stays true)."""
        entry = self.entry(name)
        return entry.get("status") == "passed" or bool(entry.get("ever_passed"))

    def record_check(self, name: str, status: str, score, max_score, when=None) -> None:
        entry = self._entry_for_update(name)
        entry["status"] = status
        entry["score"] = score
        entry["max_score"] = max_score
        entry["checked_at"] = (when or now()).isoformat(timespec="seconds")
        if status == "passed":
            entry["ever_passed"] = True

    def hints_shown(self, name: str) -> int:
        return int(self.entry(name).get("hints_shown", 0))

    def set_hints_shown(self, name: str, count: int) -> None:
        self._entry_for_update(name)["hints_shown"] = int(count)

    def save(self) -> None:
        if not self.writable:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.data, indent=2, sort_keys=True) + "\n"
        write_atomic(self.path, lambda stream: stream.write(text))


def now() -> datetime:
    return datetime.now(timezone.utc).astimezone()


def _valid(data) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), dict):
        return False
    for name, entry in data["exercises"].items():
        if not isinstance(entry, dict):
            return False
        if "status" in entry and entry["status"] not in STATUSES:
            return False
        if not isinstance(entry.get("hints_shown", 0), int):
            return False
        for key in ("score", "max_score"):
            if key in entry and not isinstance(entry[key], (int, float)):
                return False
    return True


def _set_aside(path: Path):
    """Move an unreadable state file out of the way, never deleting it; its new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target
