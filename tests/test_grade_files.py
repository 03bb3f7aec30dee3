"""Submissions read defensively (nncli/grader/classroom/files.py) and the listing of a class
(classroom.list_students): nothing is written outside nncli's folder, whatever a zip says."""

import os
import stat
import zipfile

import pytest

from nncli.catalogue import EXERCISES
from nncli.grader.classroom import files
from nncli.grader.classroom.files import list_students

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
    assert [s.id for s in students] == ["alice", "bob", "carol"]
    assert [s.index for s in students] == [0, 1, 2]
    assert ignored == ["readme.txt"]
    bob = students[1]
    assert bob.path == str(tmp_path / "bob")              # the folder is graded, not the zip
    assert bob.notes == [("entry_ignored", {"ignored": "bob.zip", "used": "bob"})]
    assert students[0].notes == [] and students[2].path == str(tmp_path / "carol.zip")


def test_students_are_one_per_name_as_shown(tmp_path):
    """Two entries whose names show the same (a control character, escaped, and its escape
    typed out) are one student, so no output holds two rows under one name."""
    (tmp_path / "a\x1b").mkdir()
    (tmp_path / "a\\x1b").mkdir()
    students, _ = list_students(str(tmp_path))
    assert len(students) == 1 and students[0].notes[0][0] == "entry_ignored"


# ---------------------------------------------------------------- names students give files

ALL = [e.name for e in EXERCISES]


@pytest.mark.parametrize("base, tier, name", [
    ("lstm.py", files.EXACT, "lstm"),
    ("LSTM.py", files.VARIANT, "lstm"),
    ("Lstm.PY", files.VARIANT, "lstm"),
    ("lstm (1).py", files.VARIANT, "lstm"),
    ("lstm(2).py", files.VARIANT, "lstm"),
    ("lstm - Copy.py", files.VARIANT, "lstm"),
    ("lstm_carol.py", files.PREFIX, "lstm"),
    ("lstm-v2.py", files.PREFIX, "lstm"),
    ("pool_carol.py", files.PREFIX, "pool"),
    ("multihead_attention.py", files.PREFIX, "multihead"),
    ("carol_lstm.py", files.SUFFIX, "lstm"),
    ("self_attention.py", files.SUFFIX, "attention"),
    ("attention_backward_v2.py", files.PREFIX, "attention_backward"),
    ("my_attention_backward.py", files.SUFFIX, "attention_backward"),
    ("lstmx.py", None, None),
    ("convolution.py", None, None),
    ("lstm.txt", None, None),
    ("notes.py", None, None),
])
def test_match_names(base, tier, name):
    assert files.match(base, set(ALL)) == (tier, name)


def _folder(tmp_path, names, text="x = 1\n"):
    root = tmp_path / "student"
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return str(root)


@pytest.mark.parametrize("name, exercise", [
    ("LSTM.py", "lstm"), ("lstm (1).py", "lstm"), ("lstm_carol.py", "lstm"),
    ("lstm-v2.py", "lstm"), ("carol smith/LSTM.py", "lstm"), ("pool_carol.py", "pool"),
])
def test_one_clear_match_is_graded_with_a_note(tmp_path, into, name, exercise):
    submission = files.collect(_folder(tmp_path, [name]), ALL, into)
    assert sorted(submission.files) == [exercise]
    assert submission.found[exercise] == name
    assert submission.notes == [("matched", {"file": name, "name": exercise})]


def test_several_candidates_grade_none_and_are_named(tmp_path, into):
    submission = files.collect(_folder(tmp_path, ["LSTM.py", "lstm (1).py", "conv.py"]),
                               ALL, into)
    assert sorted(submission.files) == ["conv"]
    assert ("ambiguous", {"name": "lstm", "files": "LSTM.py, lstm (1).py"}) in submission.notes
    assert os.listdir(into) == ["conv.py"]


def test_the_exact_name_wins_over_decorated_ones(tmp_path, into):
    submission = files.collect(_folder(tmp_path, ["lstm.py", "lstm_old.py", "sub/LSTM.py"]),
                               ALL, into)
    assert submission.found == {"lstm": "lstm.py"}
    keys = _keys(submission)
    assert "matched" not in keys and "ambiguous" not in keys
    assert dict(submission.notes)["ignored"]["count"] == 2      # lstm_old.py, sub/LSTM.py


def test_the_shallowest_decorated_match_wins(tmp_path, into):
    submission = files.collect(_folder(tmp_path, ["LSTM.py", "old/LSTM.py"]), ALL, into)
    assert submission.found == {"lstm": "LSTM.py"}
    assert ("duplicate", {"file": "lstm.py", "used": "LSTM.py", "other": "old/LSTM.py"}) in \
        submission.notes


def test_a_prefix_match_is_never_also_a_suffix_match(tmp_path, into):
    submission = files.collect(_folder(tmp_path, ["rnn-lstm.py"]), ALL, into)
    assert submission.found == {"rnn": "rnn-lstm.py"}          # not lstm's too


def test_the_most_specific_name_wins(tmp_path, into):
    names = ["conv", "conv_net"]              # one name begins the other
    submission = files.collect(_folder(tmp_path, ["conv_net_v2.py"]), names, into)
    assert submission.found == {"conv_net": "conv_net_v2.py"}


def test_decorated_names_in_a_zip(tmp_path, into):
    path = _zip(tmp_path / "z.zip", {"Export/Carol Smith/LSTM (1).py": "x = 1\n",
                                     "__MACOSX/Export/._LSTM (1).py": "junk"})
    submission = files.collect(path, ALL, into)
    assert submission.found == {"lstm": "Export/Carol Smith/LSTM (1).py"}
    assert _keys(submission) == ["matched"]
