"""The isolation plan of `nncli grade` where Python itself lives in a temporary folder."""

import sys

import pytest

from nncli.grader.sandbox import isolation


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the isolation plan is Linux only")
def test_python_under_tmp_gets_another_temporary_folder(tmp_path, monkeypatch):
    venv = tmp_path / "venv"
    venv.mkdir()
    real = isolation.needed_paths()
    plan = isolation.make_plan([], tmp_path / "staging")
    assert plan.tmp == ("/tmp" if not any(isolation._inside(b, "/tmp") for b in plan.binds) else "/.nncli-tmp")
    monkeypatch.setattr(isolation, "needed_paths", lambda: real + [str(venv)])
    plan = isolation.make_plan([], tmp_path / "staging")
    assert any(isolation._inside(b, "/tmp") for b in plan.binds)
    assert plan.tmp == "/.nncli-tmp"  # a fresh /tmp would hide the bound Python
