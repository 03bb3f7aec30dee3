"""Submissions read defensively (nncli/grader/classroom/files.py) and the listing of a class
(classroom.list_students): nothing is written outside nncli's folder, whatever a zip says."""

import os
import stat
import zipfile

import pytest

from nncli.grader.classroom import files
from nncli.grader.classroom.engine import list_students

NAMES = ["lstm", "conv", "rnn"]


def _zip(path, entries, links=()):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        for name, target in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return str(path)


def _keys(submission):
    return [key for key, _ in submission.notes]


@pytest.fixture
def into(tmp_path):
    folder = tmp_path / "into"
    folder.mkdir()
    return str(folder)


@pytest.mark.parametrize("name, key", [
    ("../evil.py", "zip_traversal"), ("a/../../evil.py", "zip_traversal"),
    ("..\\..\\evil.py", "zip_traversal"), ("/etc/evil.py", "zip_absolute"),
    ("C:/evil.py", "zip_absolute"), ("C:\\evil.py", "zip_absolute"),
    ("lstm.py", None), ("a/b/lstm.py", None), ("a/..b/lstm.py", None),
])
def test_unsafe_names(name, key):
    assert files.unsafe_name(name) == key


def test_zip_slip_refused_and_nothing_outside(tmp_path, into):
    path = _zip(tmp_path / "s.zip", {"../../evil.py": "x", "/tmp/evil_abs.py": "x",
                                     "hw/../../lstm.py": "x", "hw/lstm.py": "good = 1\n"},
                links=[("hw/conv.py", "/etc/passwd")])
    submission = files.collect(path, NAMES, into)
    assert sorted(os.listdir(into)) == ["lstm.py"]
    assert open(os.path.join(into, "lstm.py")).read() == "good = 1\n"
    assert _keys(submission).count("zip_traversal") == 2
    assert "zip_absolute" in _keys(submission) and "zip_symlink" in _keys(submission)
    assert not (tmp_path / "evil.py").exists() and not (tmp_path.parent / "evil.py").exists()
    assert not os.path.exists("/tmp/evil_abs.py")


def test_nested_folder_shallowest_wins_and_others_noted(tmp_path, into):
    path = _zip(tmp_path / "n.zip", {"Export/a/b/lstm.py": "deep = 1\n",
                                     "Export/a/lstm.py": "shallow = 1\n",
                                     "Export/a/notes.txt": "hi", "__MACOSX/._lstm.py": "junk"})
    submission = files.collect(path, NAMES, into)
    assert open(submission.files["lstm"]).read() == "shallow = 1\n"
    assert submission.found["lstm"] == "Export/a/lstm.py"
    keys = _keys(submission)
    assert "duplicate" in keys and "ignored" in keys
    ignored = dict(submission.notes)["ignored"]
    assert ignored["count"] == 1 and "notes.txt" in ignored["files"]


def test_zip_bomb_capped(tmp_path, into, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE", 1000)
    path = _zip(tmp_path / "bomb.zip", {"lstm.py": b"0" * 10_000_000})
    assert os.path.getsize(path) < 100_000        # compresses to almost nothing
    submission = files.collect(path, NAMES, into)
    assert os.listdir(into) == [] and "too_big" in _keys(submission)


def test_zip_lying_about_its_size_still_capped(tmp_path, into, monkeypatch):
    path = _zip(tmp_path / "liar.zip", {"lstm.py": b"1" * 5000})
    monkeypatch.setattr(files, "MAX_FILE", 1000)
    original = zipfile.ZipFile.infolist

    def lying(self):
        infos = original(self)
        for info in infos:
            info.file_size = 10
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying)
    submission = files.collect(path, NAMES, into)
    assert os.listdir(into) == [] and _keys(submission)[0] in ("too_big", "zip_broken_file")


def test_too_many_entries_and_too_big_zip(tmp_path, into, monkeypatch):
    monkeypatch.setattr(files, "MAX_ENTRIES", 10)
    path = _zip(tmp_path / "many.zip", {f"f{i}.txt": "x" for i in range(11)})
    assert _keys(files.collect(path, NAMES, into)) == ["zip_too_many"]
    monkeypatch.setattr(files, "MAX_ZIP", 10)
    assert _keys(files.collect(path, NAMES, into)) == ["zip_too_big"]


def test_broken_zip_is_a_note(tmp_path, into):
    path = tmp_path / "b.zip"
    path.write_bytes(b"PK\x03\x04garbage" * 50)
    assert _keys(files.collect(str(path), NAMES, into)) == ["zip_broken"]


def test_folder_symlinks_refused(tmp_path, into):
    secret = tmp_path / "secret.py"
    secret.write_text("solution = 1\n")
    student = tmp_path / "student"
    (student / "sub").mkdir(parents=True)
    (student / "lstm.py").symlink_to(secret)
    (student / "sub" / "conv.py").write_text("mine = 1\n")
    (student / "linked").symlink_to(tmp_path)
    submission = files.collect(str(student), NAMES, into)
    assert sorted(os.listdir(into)) == ["conv.py"]
    assert "symlink" in _keys(submission)
    assert submission.found["conv"] == "sub/conv.py"


def test_symlink_entry_and_other_kinds(tmp_path, into):
    (tmp_path / "real").mkdir()
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    assert _keys(files.collect(str(tmp_path / "alias"), NAMES, into)) == ["symlink_entry"]
    (tmp_path / "empty").mkdir()
    assert _keys(files.collect(str(tmp_path / "empty"), NAMES, into)) == ["no_files"]


def test_list_students(tmp_path):
    for name in ("bob", "alice", ".hidden", "out"):
        (tmp_path / name).mkdir()
    (tmp_path / "carol.zip").write_bytes(b"")
    (tmp_path / "bob.zip").write_bytes(b"")
    (tmp_path / "readme.txt").write_text("x")
    students, ignored = list_students(str(tmp_path), excluded=[str(tmp_path / "out")])
    assert [s.id for s in students] == ["alice", "bob", "bob.zip", "carol"]
    assert [s.index for s in students] == [0, 1, 2, 3]
    assert ignored == ["readme.txt"]
