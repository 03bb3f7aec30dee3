"""`nncli check --format problems` (FILE:LINE: lines an editor's problem matcher reads) and
shell completion of exercise names."""

import re
import subprocess
import sys

import pytest

from nncli.resources import data_dir

LINE = re.compile(r"^(.*):(\d+): (.*)$")   # VS Code's and Vim's usual pattern


@pytest.fixture
def ws(tmp_path):
    (tmp_path / ".nncli").mkdir()
    return tmp_path


def lines_of(run, ws, *names):
    result = run("check", *names, "--format", "problems", "--seed", "1", "--workspace", str(ws))
    return result, [LINE.match(line).groups() for line in result.stdout.splitlines()]


def test_traceback_line_of_the_learners_file(run, ws):
    (ws / "lstm.py").write_text("import numpy as np\n\n\ndef lstm_step(*a):\n"
                                "    x = 1\n    raise ValueError('oops')\n\n\n"
                                "def lstm_forward(*a):\n    return 1\n")
    result, found = lines_of(run, ws, "lstm")
    assert result.code == 1
    by_function = {m.split(":")[0]: (path, int(line)) for path, line, m in found}
    assert by_function["lstm.lstm_step"] == (str(ws / "lstm.py"), 6)      # the raise
    assert by_function["lstm.lstm_forward"] == (str(ws / "lstm.py"), 9)   # its def
    assert "ValueError: oops" in found[0][2]


def test_syntax_error_and_forbidden_import_lines(run, ws):
    (ws / "neuron.py").write_text("import numpy as np\n\ndef perceptron(x:\n    pass\n")
    (ws / "activations.py").write_text("import numpy as np\n\n\nimport scipy\n\ndef relu(x):\n"
                                       "    return np.maximum(x, 0)\n")
    result, found = lines_of(run, ws, "neuron", "activations")
    lines = {(p.rsplit("/", 1)[-1], m.split(":")[0]): int(line) for p, line, m in found}
    assert lines[("neuron.py", "neuron.perceptron")] == 3
    assert lines[("activations.py", "activations.relu")] == 4
    assert all(line == 4 for (f, _), line in lines.items() if f == "activations.py")


def test_nothing_printed_when_everything_passes(run, ws):
    (ws / "pool.py").write_text((data_dir("solutions") / "pool.py").read_text())
    result, found = lines_of(run, ws, "pool")
    assert result.code == 0 and found == []


def complete(*words):
    import os

    env = dict(os.environ, _NNCLI_COMPLETE="bash_complete", COMP_WORDS=" ".join(words),
               COMP_CWORD=str(len(words) - 1))
    out = subprocess.run([sys.executable, "-c", "from nncli.cli import main; main()"],
                         capture_output=True, text=True, env=env)
    return [line.split(",", 1)[1] for line in out.stdout.splitlines()]


def test_completion_of_exercises_and_topics():
    assert complete("nncli", "check", "ls") == ["lstm"]
    assert complete("nncli", "hint", "a") == ["activations", "attention", "attention_backward"]
    assert "conv" in complete("nncli", "explain", "co")
    assert "autograde" in complete("nncli", "auto")
    assert complete("nncli", "autograde", "x", "--exercises", "lstm,at") == \
        ["lstm,attention", "lstm,attention_backward"]
