"""The notebook: `import nncli` stays import-free, nncli.check gives what `check --json`
gives and shows check's table, nncli.explain shows a trace, neither ends in SystemExit, and
the %%nncli magic (through IPython's own API) writes the cell, keeps the previous file and
checks it in another process."""

import json
import os
import subprocess
import sys

import pytest

from nncli.resources import data_dir


def test_import_nncli_imports_nothing():
    code = ("import sys; before = set(sys.modules); import nncli; "
            "print(sorted(m for m in set(sys.modules) - before if m != 'nncli'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    code = "import nncli, sys; nncli.check; print('numpy' in sys.modules, 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_help_imports_neither_numpy_nor_rich():
    code = ("import sys; from nncli.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\n"
            "print('MODULES', 'numpy' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "MODULES False False" in out.stdout and "autograde" in out.stdout


def test_unknown_attribute_and_submodules():
    import nncli

    with pytest.raises(AttributeError):
        nncli.no_such_thing
    from nncli import errors   # a submodule still imports through `from nncli import`

    assert errors.USAGE == 2


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / ".nncli").mkdir()
    (tmp_path / "lstm.py").write_text((data_dir("solutions") / "lstm.py").read_text())
    (tmp_path / "neuron.py").write_text((data_dir("exercises") / "neuron.py").read_text())
    return tmp_path


def test_check_returns_what_check_json_prints(workspace):
    import nncli

    result = nncli.check("lstm", "neuron", workspace=workspace, seed=3, lang="en")
    cli = subprocess.run([sys.executable, "-m", "nncli", "check", "lstm", "neuron", "--json",
                          "--seed", "3", "--workspace", str(workspace), "--lang", "en"],
                         capture_output=True, text=True)
    assert dict(result) == json.loads(cli.stdout)
    assert (result.score, result.max_score, result.passed) == (5, 8, False)
    text = repr(result)
    assert "lstm_step" in text and "3/3" in text and "Score: 5 of 8" in text
    html = result._repr_html_()
    assert html.startswith("<") and "lstm_forward" in html and "not started" in html
    from rich.console import Console
    import io

    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(result)
    assert "perceptron" in console.file.getvalue()


def test_check_problems_raise_instead_of_exiting(workspace):
    import nncli
    from nncli.errors import NncliError

    with pytest.raises(NncliError) as caught:
        nncli.check("lsmt", workspace=workspace)
    assert "lstm" in str(caught.value)


def test_explain_shows_a_trace_and_raises_on_bad_input():
    import numpy as np

    import nncli
    from nncli.errors import NncliError

    shown = nncli.explain("conv", input=np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), padding=1)
    assert "3×3 input" in shown.text and "padding 1" in shown.text
    assert "<html" in shown._repr_html_().lower()
    assert "padding 1" in repr(shown)
    for bad in ({"padding": -1}, {"input": "1 2; 3"}):
        with pytest.raises(NncliError):
            nncli.explain("conv", **bad)
    with pytest.raises(NncliError):
        nncli.explain("no-such-topic")


@pytest.fixture
def ipython():
    pytest.importorskip("IPython")
    from IPython.testing.globalipapp import get_ipython

    shell = get_ipython()   # one shell for the whole run, as IPython's own tests do
    shell.run_line_magic("load_ext", "nncli")
    return shell


def test_cell_magic_writes_backs_up_and_checks(ipython, workspace, capsys):
    solution = (data_dir("solutions") / "neuron.py").read_text()
    old = (workspace / "neuron.py").read_text()
    result = ipython.run_cell_magic("nncli", f"neuron --workspace {workspace} --seed 2", solution)
    assert (workspace / "neuron.py").read_text() == solution
    backups = list((workspace / ".nncli" / "backups").glob("neuron-*.py"))
    assert len(backups) == 1 and backups[0].read_text() == old
    assert result.passed and result.score == result.max_score == 3
    assert result["seed"] == 2 and [e["name"] for e in result["exercises"]] == ["neuron"]
    broken = ipython.run_cell_magic("nncli", f"neuron --workspace {workspace}",
                                    "def perceptron(x, w, b):\n    return 1\n")
    assert broken.score == 0 and not broken.passed
    assert "kept in" in capsys.readouterr().out


def test_cell_magic_in_a_new_workspace_and_bad_lines(ipython, tmp_path, capsys):
    fresh = tmp_path / "new"
    result = ipython.run_cell_magic("nncli", f"neuron --workspace {fresh}", "x = 1\n")
    assert (fresh / "neuron.py").read_text() == "x = 1\n" and result.score == 0
    for line in ("", "lsmt", "neuron --seed", "neuron --bogus 1", "neuron --seed x"):
        assert ipython.run_cell_magic("nncli", line, "x = 1\n") is None
        assert capsys.readouterr().err.strip()


def test_hidden_tests_never_run_in_the_kernel(ipython, workspace):
    before = set(sys.modules)
    ipython.run_cell_magic("nncli", f"lstm --workspace {workspace}",
                           (data_dir("solutions") / "lstm.py").read_text())
    loaded = set(sys.modules) - before
    assert not any(m.startswith(("nncli.grader.cases", "nncli.grader.session", "nncli.maths"))
                   for m in loaded), sorted(loaded)
