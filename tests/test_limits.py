"""Per-student control groups (sandbox/limits.py) on cgroup trees laid out as the kernel lays
them out, in a temporary folder: cgroup v2 with memory and pids delegated to nncli's group,
v2 without them (nothing is made; the reason says so), and v1. The kernel's own rules are
tried for real by the grade tests on the machine's hierarchy; here each layout is covered,
whichever one this machine has."""

import shutil

import pytest

from nncli.grader.sandbox import limits

OWN = "/user.slice/nncli-test.scope"


def _tree(tmp_path, monkeypatch, layout):
    """A fake /sys/fs/cgroup and /proc/self/cgroup for `layout`: "v2" (memory and pids
    enabled for nncli's children), "v2-root" (enabled only at the hierarchy's root),
    "v2-closed" (enabled nowhere) or "v1"."""
    root = tmp_path / "cgroup"
    if layout.startswith("v2"):
        own = root / OWN.lstrip("/")
        own.mkdir(parents=True)
        (root / "cgroup.controllers").write_text("cpu memory pids\n")
        enabled = "memory pids" if layout == "v2" else "cpu"
        (own / "cgroup.subtree_control").write_text(enabled + "\n")
        at_root = "memory pids" if layout == "v2-root" else "cpu"
        (root / "cgroup.subtree_control").write_text(at_root + "\n")
        lines = {"": OWN}
    else:
        for controller in ("memory", "pids"):
            (root / controller / OWN.lstrip("/")).mkdir(parents=True)
        lines = {"memory": OWN, "pids": OWN}
    monkeypatch.setattr(limits, "_ROOT", str(root))
    monkeypatch.setattr(limits, "_own_groups", lambda: dict(lines))
    # cgroupfs removes a group's files with its folder; a plain folder needs them gone first
    monkeypatch.setattr(limits, "_rmdir", lambda folder: shutil.rmtree(folder, True))
    return root


def test_cgroup_v2_gives_each_student_a_group_with_both_limits(tmp_path, monkeypatch):
    root = _tree(tmp_path, monkeypatch, "v2")
    groups = limits.StudentGroups.open(2 << 30, 64)
    assert groups is not None and groups.version == 2
    folders = groups.make(7)
    assert len(folders) == 1
    student = root / OWN.lstrip("/") / folders[0].split(OWN + "/", 1)[1]
    assert student.name == "student-7"
    assert (student / "memory.max").read_text() == str(2 << 30)
    assert (student / "pids.max").read_text() == "64"
    groups.close()
    assert not student.parent.exists()  # the run's group is gone with its students'


def test_cgroup_v2_without_delegated_controllers_makes_nothing(tmp_path, monkeypatch):
    root = _tree(tmp_path, monkeypatch, "v2-closed")
    assert limits.StudentGroups.open(2 << 30, 64) is None
    assert limits.reason == "no cgroup hierarchy with memory and pids controllers"
    assert [p.name for p in (root / OWN.lstrip("/")).iterdir()] == ["cgroup.subtree_control"]


@pytest.mark.parametrize("euid", [0, 1000])
def test_cgroup_v2_at_the_root_is_for_root_only(tmp_path, monkeypatch, euid):
    root = _tree(tmp_path, monkeypatch, "v2-root")
    monkeypatch.setattr(limits.os, "geteuid", lambda: euid)
    groups = limits.StudentGroups.open(2 << 30, 64)
    if euid:
        assert groups is None
        return
    assert groups.version == 2
    (folder,) = groups.make(1)
    assert folder == str(root / f"nncli-{limits.os.getpid()}" / "student-1")
    groups.close()


def test_cgroup_v1_writes_each_limit_in_its_own_hierarchy(tmp_path, monkeypatch):
    root = _tree(tmp_path, monkeypatch, "v1")
    groups = limits.StudentGroups.open(1 << 30, 32)
    assert groups is not None and groups.version == 1
    memory, pids = groups.make(3)
    assert memory.startswith(str(root / "memory")) and pids.startswith(str(root / "pids"))
    with open(f"{memory}/memory.limit_in_bytes") as f:
        assert f.read() == str(1 << 30)
    with open(f"{pids}/pids.max") as f:
        assert f.read() == "32"
    groups.close()


@pytest.mark.parametrize("layout", ["v2", "v1"])
def test_a_group_that_cannot_be_made_is_said_and_cleaned_up(tmp_path, monkeypatch, layout):
    import os

    root = _tree(tmp_path, monkeypatch, layout)
    hierarchy = root if layout == "v2" else root / "pids"
    (hierarchy / OWN.lstrip("/") / f"nncli-{os.getpid()}").write_text("in the way")
    before = sorted(str(p) for p in root.rglob("*"))
    assert limits.StudentGroups.open(1 << 30, 32) is None
    assert limits.reason.startswith(f"cgroup v{layout[1]}: ")
    assert sorted(str(p) for p in root.rglob("*")) == before  # nothing half-made is left
