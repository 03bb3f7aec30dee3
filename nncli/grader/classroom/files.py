"""The students of SUBMISSIONS (`list_students`, in nncli's process: names only), and one
student's submission, a folder or a .zip, turned into private copies of their exercise files
(`collect`, in the process that grades that student, never in nncli's main process).

Exercise files are found by name (`lstm.py`), at any depth (platforms export zips with a
folder inside); the shallowest wins. Without that exact name, a file named as students do
(`LSTM.py`, `lstm (1).py`, `lstm_carol.py`, `carol_lstm.py`) is graded when it is the one
clear match, with a note; several such candidates are named in a note and none is graded. Nothing is taken on trust: symbolic links are refused,
zip entries that would leave the folder (`../`, absolute paths, drive letters) are refused,
and sizes and counts are capped (zip bombs). Only the exercise files are ever written, under
names nncli chooses, into nncli's own temporary folder. Problems become notes: (key, values),
texts "note.KEY" in nncli/texts/<lang>/grade.py.
"""

from __future__ import annotations

import os
import re
import stat

MAX_FILE = 1 << 20          # an exercise file larger than this is not read (1 MiB)
MAX_ENTRIES = 5000          # entries looked at in one submission
MAX_ZIP = 64 << 20          # a .zip larger than this is not opened
MAX_DEPTH = 8               # folder levels searched


class Student:
    """One student of SUBMISSIONS: `id` (the entry's name without .zip), the `path` graded,
    `index` (their position in the class) and `notes` about the listing [(key, {values})]
    (an entry of theirs that was left out)."""

    __slots__ = ("id", "path", "index", "notes")

    def __init__(self, id, path, index, notes=()):
        self.id, self.path, self.index, self.notes = id, path, index, list(notes)


def list_students(root, excluded=()):
    """(students, ignored names): the folders and .zip files of `root`, one student per name
    (a folder `alice/` and `alice.zip` are one student: the folder is graded, the zip left
    out with a note), ordered by their name as shown (student_text.line). Dot files are skipped silently, other files are
    ignored (and named), `excluded` paths (the outputs) are left out. Raises OSError when
    `root` cannot be listed."""
    from nncli.grader.student_text import line

    excluded = {os.path.realpath(p) for p in excluded}
    entries, ignored = {}, []
    with os.scandir(root) as listing:
        found = sorted(listing, key=lambda e: e.name)
    for entry in found:
        if entry.name.startswith(".") or os.path.realpath(entry.path) in excluded:
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file(follow_symlinks=False)
            is_link = entry.is_symlink()
        except OSError:
            ignored.append(entry.name)
            continue
        is_zip = entry.name.lower().endswith(".zip") and len(entry.name) > 4
        if not (is_dir or is_link or (is_file and is_zip)):
            ignored.append(entry.name)
            continue
        student_id = entry.name[:-4] if is_zip else entry.name
        # one student per name as the outputs show it; their folder first, then a zip
        entries.setdefault(line(student_id), []).append(
            (is_zip and not is_dir, entry.name, student_id, entry.path))
    students = []
    for shown in sorted(entries):
        (_, name, student_id, path), *others = sorted(entries[shown])
        notes = [("entry_ignored", {"ignored": other, "used": name}) for _, other, _, _ in others]
        students.append(Student(student_id, path, len(students), notes))
    return students, ignored


def in_shard(student_id: str, shard) -> bool:
    """Whether the student belongs to `shard` (K, N): a stable hash of their id (the first
    8 bytes of the SHA-256 of its UTF-8, big-endian), the same on every machine and every
    run, taken modulo N, equals K - 1. (CRC-32 spreads short names unevenly modulo 3.)"""
    import hashlib

    if shard is None:
        return True
    number, count = shard
    digest = hashlib.sha256(student_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % count == number - 1


class Submission:
    """files: {exercise name: private copy path}; notes: [(key, {values})]; found: the path
    each file came from inside the submission (for the report)."""

    def __init__(self):
        self.files, self.found, self.notes = {}, {}, []

    def note(self, key, **values):
        self.notes.append((key, values))


def collect(entry: str, names, into: str) -> Submission:
    """The exercise files `names` of the submission `entry` (a folder or a .zip), copied into
    the folder `into`."""
    submission = Submission()
    try:
        info = os.lstat(entry)
    except OSError as error:
        submission.note("unreadable", reason=error.strerror or str(error))
        return submission
    if stat.S_ISLNK(info.st_mode):
        submission.note("symlink_entry")
    elif stat.S_ISDIR(info.st_mode):
        _from_folder(entry, set(names), into, submission)
    elif stat.S_ISREG(info.st_mode) and entry.lower().endswith(".zip"):
        _from_zip(entry, info.st_size, set(names), into, submission)
    else:
        submission.note("not_a_submission")
    said = ("zip_broken", "zip_too_big", "zip_too_many", "unreadable", "symlink_entry",
            "ambiguous")
    if not submission.files and not any(key in said for key, _ in submission.notes):
        submission.note("no_files")
    return submission


def _choose(candidates, names, submission):
    """{name: relative path}: for each exercise name, its file (see match); duplicates,
    ambiguous and other files become notes."""
    assigned, ignored = {name: [] for name in names}, []
    for relative in sorted(candidates):
        if _hidden(relative):
            continue
        tier, name = match(relative.rsplit("/", 1)[-1], names)
        if name is None:
            ignored.append(relative)
        else:
            assigned[name].append((tier, relative.count("/"), relative))
    chosen = {}
    for name in sorted(names):
        if not assigned[name]:
            continue
        best = min(assigned[name])
        ties = [c for c in assigned[name] if c[:2] == best[:2]]
        if len(ties) > 1 and best[0] != EXACT:
            submission.note("ambiguous", name=name,
                            files=", ".join(relative for _, _, relative in ties))
            continue
        chosen[name] = best[2]
        if best[0] != EXACT:
            submission.note("matched", file=best[2], name=name)
        for tier, _, relative in sorted(assigned[name]):
            if relative == best[2]:
                continue
            if tier == best[0]:
                submission.note("duplicate", file=f"{name}.py", used=best[2], other=relative)
            else:
                ignored.append(relative)
    if ignored:
        shown = ", ".join(ignored[:5]) + (", …" if len(ignored) > 5 else "")
        submission.note("ignored", count=len(ignored), files=shown)
    return chosen


EXACT, VARIANT, PREFIX, SUFFIX = range(4)   # how a file name matches an exercise, best first
# "lstm (1)", "lstm(2)", "lstm copy", "lstm - Copy 2", "lstm (copy)": what copying adds
_COPY = re.compile(r"(?:\s*\(\d+\)|\s*\(copy\)|\s*-?\s*copy(?:\s*\d+)?)+$")
_SEPARATORS = " _-."


def match(base: str, names) -> tuple:
    """(tier, exercise name) for the file name `base`: EXACT "lstm.py"; VARIANT the name in
    another case or copied ("LSTM.py", "lstm (1).py"); PREFIX the name, a separator,
    anything ("lstm_carol.py", "lstm-v2.py"); SUFFIX anything, a separator, the name
    ("carol_lstm.py"). (None, None) when it matches nothing. A file matches one exercise
    only: its best tier, and there the longest name ("attention_backward_v2.py" is
    attention_backward's, not attention's)."""
    if not base.lower().endswith(".py"):
        return None, None
    if base[:-3] in names and base.endswith(".py"):
        return EXACT, base[:-3]
    stem = _COPY.sub("", base[:-3].lower()).strip()
    if stem in names:
        return VARIANT, stem
    for tier, fits in ((PREFIX, lambda n: stem[:len(n) + 1] in [n + c for c in _SEPARATORS]),
                       (SUFFIX, lambda n: stem[-len(n) - 1:] in [c + n for c in _SEPARATORS])):
        found = [n for n in names if fits(n)]
        if found:
            return tier, max(found, key=len)
    return None, None


def _hidden(relative: str) -> bool:
    """Files nobody means to submit: dot files, __MACOSX, __pycache__."""
    return any(part.startswith(".") or part in ("__MACOSX", "__pycache__")
               for part in relative.split("/"))


# ---------------------------------------------------------------- a folder

def _from_folder(root, names, into, submission):
    candidates, links, count = {}, [], 0
    for folder, dirs, files in os.walk(root, followlinks=False):
        depth = os.path.relpath(folder, root).count(os.sep) if folder != root else 0
        for name in list(dirs):
            if os.path.islink(os.path.join(folder, name)):
                links.append(os.path.relpath(os.path.join(folder, name), root))
        if depth >= MAX_DEPTH:
            dirs[:] = []
        for name in files:
            count += 1
            if count > MAX_ENTRIES:
                submission.note("too_many", limit=MAX_ENTRIES)
                dirs[:] = []
                break
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            if os.path.islink(path):
                links.append(relative)
                continue
            candidates[relative] = path
    for relative in links:
        if relative.rsplit("/", 1)[-1][:-3] in names:
            submission.note("symlink", file=relative)
    for name, relative in _choose(candidates, names, submission).items():
        _copy_file(candidates[relative], relative, name, into, submission)


def _copy_file(path, relative, name, into, submission):
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        submission.note("unreadable_file", file=relative, reason=error.strerror or str(error))
        return
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            submission.note("not_a_file", file=relative)
            return
        if info.st_size > MAX_FILE:
            submission.note("too_big", file=relative, limit=MAX_FILE >> 10)
            return
        data = b""
        while len(data) <= MAX_FILE:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            data += chunk
        if len(data) > MAX_FILE:
            submission.note("too_big", file=relative, limit=MAX_FILE >> 10)
            return
    except OSError as error:
        submission.note("unreadable_file", file=relative, reason=error.strerror or str(error))
        return
    finally:
        os.close(fd)
    _write(name, data, relative, into, submission)


def _write(name, data, relative, into, submission):
    target = os.path.join(into, f"{name}.py")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    submission.files[name] = target
    submission.found[name] = relative


# ---------------------------------------------------------------- a zip

def unsafe_name(name: str):
    """Why a zip entry name may not be extracted (a note key), or None."""
    clean = name.replace("\\", "/")
    if "\x00" in clean:
        return "zip_bad_name"
    if clean.startswith("/") or (len(clean) > 1 and clean[1] == ":"):
        return "zip_absolute"
    if ".." in clean.split("/"):
        return "zip_traversal"
    return None


def _from_zip(path, size, names, into, submission):
    import zipfile

    if size > MAX_ZIP:
        submission.note("zip_too_big", limit=MAX_ZIP >> 20)
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as error:
        submission.note("zip_broken", reason=_one_line(error))
        return
    with archive:
        try:
            infos = archive.infolist()
        except Exception as error:  # noqa: BLE001 - any broken central directory
            submission.note("zip_broken", reason=_one_line(error))
            return
        if len(infos) > MAX_ENTRIES:
            submission.note("zip_too_many", limit=MAX_ENTRIES)
            return
        candidates = {}
        for info in infos:
            if info.is_dir():
                continue
            problem = unsafe_name(info.filename)
            mode = (info.external_attr >> 16) & 0o170000
            if problem is None and mode == stat.S_IFLNK:
                problem = "zip_symlink"
            if problem is not None:
                submission.note(problem, file=_printable(info.filename))
                continue
            relative = "/".join(p for p in info.filename.replace("\\", "/").split("/") if p
                                and p != ".")
            if relative.count("/") >= MAX_DEPTH:
                continue
            candidates.setdefault(relative, info)
        for name, relative in _choose(candidates, names, submission).items():
            info = candidates[relative]
            if info.file_size > MAX_FILE:
                submission.note("too_big", file=relative, limit=MAX_FILE >> 10)
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_FILE + 1)   # never more, whatever the header said
            except Exception as error:  # noqa: BLE001 - bad CRC, encrypted, truncated, ...
                submission.note("zip_broken_file", file=relative, reason=_one_line(error))
                continue
            if len(data) > MAX_FILE:
                submission.note("too_big", file=relative, limit=MAX_FILE >> 10)
                continue
            _write(name, data, relative, into, submission)


def _one_line(error) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]


def _printable(name: str) -> str:
    """A zip entry name for a note: made visible (student_text.line), at most 200
    characters (a name may be 65535 long)."""
    from nncli.grader.student_text import line

    return line(name)[:200]
