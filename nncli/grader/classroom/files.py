"""One student's submission, a folder or a .zip, turned into private copies of their exercise
files (`nncli grade`). Runs in the process that grades that student, never in nncli's main
process (which must not hold any student's code when it forks the next one).

Exercise files are found by name (`lstm.py`), at any depth (platforms export zips with a
folder inside); the shallowest wins. Nothing is taken on trust: symbolic links are refused,
zip entries that would leave the folder (`../`, absolute paths, drive letters) are refused,
and sizes and counts are capped (zip bombs). Only the exercise files are ever written, under
names nncli chooses, into nncli's own temporary folder. Problems become notes: (key, values),
texts "note.KEY" in nncli/texts/<lang>/grade.py.
"""

from __future__ import annotations

import os
import stat

MAX_FILE = 1 << 20          # an exercise file larger than this is not read (1 MiB)
MAX_ENTRIES = 5000          # entries looked at in one submission
MAX_ZIP = 64 << 20          # a .zip larger than this is not opened
MAX_DEPTH = 8               # folder levels searched


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
    if not submission.files and not any(k in ("zip_broken", "zip_too_big", "zip_too_many",
                                              "unreadable", "symlink_entry") for k, _ in submission.notes):
        submission.note("no_files")
    return submission


def _choose(candidates, names, submission):
    """{name: relative path}: for each exercise name, the shallowest candidate (then the
    first in sorted order); duplicates and other files become notes."""
    chosen, ignored = {}, []
    for relative in sorted(candidates, key=lambda p: (p.count("/"), p)):
        base = relative.rsplit("/", 1)[-1]
        stem = base[:-3] if base.endswith(".py") else None
        if stem in names:
            if stem in chosen:
                submission.note("duplicate", file=base, used=chosen[stem], other=relative)
            else:
                chosen[stem] = relative
        elif not _hidden(relative):
            ignored.append(relative)
    if ignored:
        shown = ", ".join(ignored[:5]) + (", …" if len(ignored) > 5 else "")
        submission.note("ignored", count=len(ignored), files=shown)
    return chosen


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
    return "".join(c if c.isprintable() else "?" for c in name)[:120]
