"""`nncli autograder`: Gradescope's zip runs against a fake /autograder root and writes a
valid results file; PrairieLearn's entry point against a fake /grade; GitHub Classroom's
workflow has one step per exercise with its points and feeds the reporter."""

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

from nncli import __version__
from nncli.catalogue import find_exercise
from nncli.resources import data_dir


def nncli(*args, cwd=None):
    environ = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    for name in ("NNCLI_LANG", "LANG", "LC_ALL", "LC_MESSAGES"):
        environ.pop(name, None)
    return subprocess.run([sys.executable, "-m", "nncli", *map(str, args)], capture_output=True,
                          text=True, env=environ, cwd=cwd, timeout=300)


def run_script(script, root, **env):
    environ = dict(os.environ, NNCLI_AUTOGRADER_ROOT=str(root), **env)
    environ["PATH"] = os.path.dirname(sys.executable) + os.pathsep + environ.get("PATH", "")
    return subprocess.run(["bash", str(script)], capture_output=True, text=True, env=environ,
                          timeout=300)


def test_gradescope_zip_runs_against_a_fake_autograder_root(tmp_path):
    out = tmp_path / "autograder.zip"
    result = nncli("autograder", "gradescope", "--exercises", "lstm,attention", "--out", out,
                   "--seed", 5)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["README.md", "run_autograder", "setup.sh"]
        for name in ("run_autograder", "setup.sh"):
            assert (archive.getinfo(name).external_attr >> 16) & stat.S_IXUSR
        archive.extractall(tmp_path / "source")
    setup = (tmp_path / "source" / "setup.sh").read_text()
    assert f'"nncli=={__version__}"' in setup and "python3" in setup
    run = (tmp_path / "source" / "run_autograder").read_text()
    assert "--seed 5" in run and "--isolation required" in run
    root = tmp_path / "autograder"
    (root / "submission" / "nested").mkdir(parents=True)
    (root / "submission" / "nested" / "lstm.py").write_text(
        (data_dir("solutions") / "lstm.py").read_text())
    result = run_script(tmp_path / "source" / "run_autograder", root,
                        NNCLI_PYTHON=sys.executable)
    assert result.returncode == 0, result.stderr
    data = json.loads((root / "results" / "results.json").read_text())
    lstm, attention = find_exercise("lstm"), find_exercise("attention")
    assert data["score"] == lstm.max_points == sum(t["score"] for t in data["tests"])
    assert sum(t["max_score"] for t in data["tests"]) == lstm.max_points + attention.max_points
    assert all(t["status"] in ("passed", "failed") for t in data["tests"])
    assert "seed 5" in data["output"]


def test_prairielearn_entry_point_against_a_fake_grade_root(tmp_path):
    out = tmp_path / "pl"
    result = nncli("autograder", "prairielearn", "--exercises", "neuron", "--out", out)
    assert result.returncode == 0, result.stderr
    info = json.loads((out / "info.json").read_text())["externalGradingOptions"]
    assert info["entrypoint"] == "/grade/tests/run.sh" and info["enabled"] is True
    assert 0 < info["timeout"] <= 600
    docker = (out / "Dockerfile").read_text()
    assert "python:3" in docker and f"nncli=={__version__}" in docker
    assert "OPENBLAS_NUM_THREADS=1" in docker
    root = tmp_path / "grade"
    (root / "student").mkdir(parents=True)
    (root / "student" / "neuron.py").write_text((data_dir("exercises") / "neuron.py").read_text())
    result = run_script(out / "tests" / "run.sh", root)
    assert result.returncode == 0, result.stderr
    data = json.loads((root / "results" / "results.json").read_text())
    assert data["gradable"] is True and data["score"] == 0.0
    assert [t["name"] for t in data["tests"]] == ["neuron.perceptron", "neuron.dense"]
    again = nncli("autograder", "prairielearn", "--out", out)      # never overwrites
    assert again.returncode == 2 and "already exists" in again.stderr


def test_classroom_workflow_one_step_per_exercise(tmp_path):
    result = nncli("autograder", "classroom", "--exercises", "lstm,attention", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    workflow = (tmp_path / ".github" / "workflows" / "classroom.yml").read_text()
    for step in ("actions/checkout@", "actions/setup-python@", f'"nncli=={__version__}"',
                 "classroom-resources/autograding-grading-reporter@v1", "runners: lstm,attention",
                 'LSTM_RESULTS: "${{steps.lstm.outputs.result}}"',
                 'ATTENTION_RESULTS: "${{steps.attention.outputs.result}}"'):
        assert step in workflow, step
    for name in ("lstm", "attention"):
        points = find_exercise(name).max_points
        assert f"- name: {name} ({points} points)\n        id: {name}\n" in workflow
        assert f"--format classroom --out \"$RUNNER_TEMP/{name}.b64\"" in workflow
        assert f"--exercises {name}" in workflow
    assert workflow.count("nncli autograde") == 2
    try:
        import yaml
    except ImportError:
        return
    steps = yaml.safe_load(workflow)["jobs"]["run-autograding-tests"]["steps"]
    assert [s.get("id") for s in steps][3:5] == ["lstm", "attention"]


def test_repository_dockerfile_pins_this_version_and_one_blas_thread():
    text = (Path(__file__).resolve().parent.parent / "Dockerfile").read_text()
    assert "FROM python:3" in text and "-slim" in text
    assert f"org.opencontainers.image.version=\"{__version__}\"" in text
    assert f"nncli.__version__ != '{__version__}'" in text
    assert "OPENBLAS_NUM_THREADS=1" in text and 'ENTRYPOINT ["nncli", "autograde"]' in text
