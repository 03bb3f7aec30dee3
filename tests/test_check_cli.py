"""`nncli check` end to end in tmp_path workspaces: templates are not started, solutions pass,
and each kind of wrong answer gets the message that teaches it."""

import shutil
import xml.etree.ElementTree as ET

import pytest

from nncli.catalogue import EXERCISES
from nncli.exercise_files import solution_path, template_path
from nncli.state import State


@pytest.fixture
def ws(tmp_path, monkeypatch):
    root = tmp_path / "ws"
    (root / ".nncli").mkdir(parents=True)
    monkeypatch.setenv("NNCLI_WORKSPACE", str(root))
    monkeypatch.chdir(tmp_path)
    return root


def put(ws, name, source=None, kind="solution"):
    """Write NAME.py into the workspace: the solution, the template, or `source`."""
    target = ws / f"{name}.py"
    if source is not None:
        target.write_text(source)
    else:
        shutil.copy(solution_path(name) if kind == "solution" else template_path(name), target)
    return target


def changed_solution(name, old, new, count=1):
    source = solution_path(name).read_text()
    assert source.count(old) == count, f"{old!r} not found {count} time(s) in solutions/{name}.py"
    return source.replace(old, new)


def flat(text):
    return " ".join(text.split())


def test_templates_are_not_started_and_exit_1(run, ws):
    for exercise in EXERCISES:
        put(ws, exercise.name, kind="template")
    r = run("check", "--json", "--seed", "1")
    assert r.code == 1, r.stderr
    data = r.json()
    assert [e["name"] for e in data["exercises"]] == [e.name for e in EXERCISES]
    for exercise in data["exercises"]:
        assert exercise["status"] == "not_started", exercise
        assert exercise["score"] == 0
        assert {t["status"] for t in exercise["tests"]} == {"not_started"}


def test_solutions_pass_and_exit_0(run, ws):
    for exercise in EXERCISES:
        put(ws, exercise.name)
    r = run("check", "--json")
    assert r.code == 0, r.stdout
    data = r.json()
    for exercise, catalogued in zip(data["exercises"], EXERCISES):
        assert exercise["status"] == "passed", exercise
        assert exercise["score"] == exercise["max_score"] == catalogued.max_points
    state = State.load(ws / ".nncli" / "state.json")
    assert all(state.passed(e.name) for e in EXERCISES)
    r = run("check")
    assert r.code == 0
    assert f"{sum(e.max_points for e in EXERCISES)} of {sum(e.max_points for e in EXERCISES)}" in r.stdout
    assert "Every exercise of the curriculum has passed" in r.stdout


def test_json_shape_and_seed(run, ws):
    put(ws, "pool")
    data = run("check", "--json", "--seed", "77").json()
    assert set(data) == {"version", "seed", "exercises"} and data["seed"] == 77
    (exercise,) = data["exercises"]
    assert set(exercise) == {"name", "status", "score", "max_score", "tests"}
    assert [t["name"] for t in exercise["tests"]] == ["max_pool2d", "avg_pool2d"]
    for test in exercise["tests"]:
        assert set(test) == {"name", "status", "message", "output"}


def test_the_seed_is_printed_and_repeats_the_run(run, ws):
    put(ws, "activations", changed_solution(
        "activations", "    return e / np.sum(e, axis=axis, keepdims=True)\n",
        "    return e / np.sum(e, axis=axis, keepdims=True) * (1 + 1e-3 * (x > 0))\n"))
    first = run("check", "--seed", "12345")
    assert "12345" in first.stdout and "softmax: failed" in first.stdout
    second = run("check", "--seed", "12345")
    assert first.stdout == second.stdout
    seeds = {run("check", "--json").json()["seed"] for _ in range(3)}
    assert all(isinstance(seed, int) for seed in seeds) and len(seeds) > 1


def test_wrong_gate_order_in_lstm_is_named(run, ws):
    wrong = changed_solution(
        "lstm", "    g = np.tanh(a[:, 2 * H:3 * H])        # candidate, in (−1, 1)\n"
                "    o = sigmoid(a[:, 3 * H:4 * H])        # output gate\n",
        "    o = sigmoid(a[:, 2 * H:3 * H])\n    g = np.tanh(a[:, 3 * H:4 * H])\n")
    put(ws, "lstm", wrong)
    r = run("check", "lstm", "--seed", "3")
    assert r.code == 1
    out = flat(r.stdout)
    assert "lstm_step: failed" in out
    assert "known mistake" in out and "order" in out
    assert "seed 3" in out
    data = run("check", "lstm", "--seed", "3", "--json").json()
    step = data["exercises"][0]["tests"][0]
    assert step["status"] == "failed" and "order" in step["message"]


def test_junit_file_parses(run, ws, tmp_path):
    put(ws, "neuron")
    put(ws, "rnn", kind="template")
    target = tmp_path / "report.xml"
    r = run("check", "--junit", str(target))
    assert r.code == 1
    root = ET.parse(target).getroot()
    cases = root.findall(".//testcase")
    assert len(cases) == 4
    names = {c.get("name"): c for c in cases}
    assert names["dense"].find("failure") is None
    assert names["rnn_step"].find("failure") is not None


def test_a_named_exercise_without_a_file_says_how_to_get_it(run, ws):
    r = run("check", "gnn")
    assert r.code == 1
    assert "nncli exercise gnn" in r.stderr


def test_no_files_at_all(run, ws):
    r = run("check")
    assert r.code == 1
    assert f"nncli exercise {EXERCISES[0].name}" in r.stdout


def test_forbidden_import_is_an_error_that_says_why(run, ws):
    put(ws, "gnn", "import numpy as np\nimport scipy.sparse\n\n" + solution_path("gnn").read_text())
    data = run("check", "gnn", "--json").json()
    exercise = data["exercises"][0]
    assert exercise["status"] == "error"
    assert all(t["status"] == "error" for t in exercise["tests"])
    assert "scipy" in exercise["tests"][0]["message"]
    assert "NumPy and the Python standard library only" in exercise["tests"][0]["message"]
    assert "the rule at the top of the file" in exercise["tests"][0]["message"]


def test_forbidden_call_stops_only_that_function(run, ws):
    put(ws, "activations", changed_solution(
        "activations", "    m = np.expm1(-2.0 * np.abs(x))  # e^(−2|x|) − 1, in (−1, 0]\n"
                       "    return np.sign(x) * (-m / (2.0 + m))\n", "    return np.tanh(x)\n"))
    data = run("check", "activations", "--json").json()
    tests = {t["name"]: t for t in data["exercises"][0]["tests"]}
    assert tests["tanh"]["status"] == "error" and "np.tanh" in tests["tanh"]["message"]
    assert tests["relu"]["status"] == tests["softmax"]["status"] == "passed"


def test_syntax_error_names_the_line(run, ws):
    put(ws, "rnn", "import numpy as np\n\ndef rnn_step(x_t, s_prev, W_in, W_s, b)\n    return 0\n")
    data = run("check", "rnn", "--json").json()
    exercise = data["exercises"][0]
    assert exercise["status"] == "error"
    assert "line 3" in exercise["tests"][0]["message"]


def test_in_place_change_names_the_argument(run, ws):
    put(ws, "activations", changed_solution(
        "activations", "    x = np.asarray(x, dtype=np.float64)\n    return np.maximum(x, 0.0)\n",
        "    np.maximum(x, 0.0, out=x)\n    return x.copy()\n"))
    tests = {t["name"]: t for t in run("check", "activations", "--json").json()["exercises"][0]["tests"]}
    assert tests["relu"]["status"] == "failed"
    assert "in place" in tests["relu"]["message"] and "input x" in tests["relu"]["message"]


@pytest.mark.parametrize("body,words", [
    ("    return np.maximum(x, 0.0).tolist()\n", "a list"),
    ("    return (x > 0).astype(int) * x.astype(int)\n", "with their fractions dropped"),
    ("    return (x > 0).astype(int)\n", "the contract asks for float64"),
    ("    return np.maximum(x, 0.0) * np.nan\n", "not finite"),
    ("    return np.maximum(x, 0.0), x\n", "one array is due"),
    ("    return np.maximum(x, 0.0).astype(object)\n", "object"),
])
def test_wrong_kinds_of_result_get_clear_messages(run, ws, body, words):
    put(ws, "activations", changed_solution(
        "activations", "    x = np.asarray(x, dtype=np.float64)\n    return np.maximum(x, 0.0)\n",
        "    x = np.asarray(x, dtype=np.float64)\n" + body))
    tests = {t["name"]: t for t in run("check", "activations", "--json").json()["exercises"][0]["tests"]}
    assert tests["relu"]["status"] == "failed"
    assert words in tests["relu"]["message"], tests["relu"]["message"]


def test_a_wrong_value_says_where_and_by_how_much(run, ws):
    put(ws, "activations", changed_solution(
        "activations", "    return np.maximum(x, 0.0)\n", "    return np.maximum(x, 0.0) + 0.5 * (x > 2.9)\n"))
    message = run("check", "activations", "--json", "--seed", "9").json()["exercises"][0]["tests"][0]["message"]
    assert 'Case "edge: mixed signs and zero, shape (7,)"' in message
    assert "x (7,)" in message and "seed 9" in message
    assert "index [6]: expected 3, received 3.5" in message


def test_an_exception_shows_the_learners_traceback_only(run, ws):
    put(ws, "neuron", changed_solution("neuron", "def dense(x, W, b):\n",
                                       "def dense(x, W, b):\n    return helper(x)\n\n\ndef helper(x):\n"
                                       "    raise ValueError('shapes do not fit')\n\n\ndef _unused(x, W, b):\n"))
    r = run("check", "neuron")
    assert r.code == 1
    assert "ValueError: shapes do not fit" in r.stdout
    assert "neuron.py" in r.stdout and "helper" in r.stdout
    assert "nncli/grader" not in r.stdout and "sandbox" not in r.stdout


def test_printed_output_is_shown_with_verbose(run, ws):
    put(ws, "pool", changed_solution("pool", "import numpy as np\n",
                                     "import numpy as np\nprint('debugging here')\n"))
    r = run("check", "pool")
    assert r.code == 0 and "debugging here" not in r.stdout and "--verbose" in r.stdout
    assert "debugging here" in run("check", "pool", "--verbose").stdout


def test_timeout_is_an_error_and_does_not_hang(run, ws):
    put(ws, "neuron", changed_solution("neuron", "def dense(x, W, b):\n",
                                       "def dense(x, W, b):\n    while True:\n        pass\n\n\n"
                                       "def _unused(x, W, b):\n"))
    data = run("check", "neuron", "--json", "--timeout", "1").json()
    exercise = data["exercises"][0]
    assert exercise["status"] == "error"
    tests = {t["name"]: t for t in exercise["tests"]}
    assert tests["dense"]["status"] == "error" and "1 s" in tests["dense"]["message"]


def test_check_records_the_pass_and_unlocks_the_solution(run, ws):
    put(ws, "rnn")
    assert run("solution", "rnn").code == 1
    assert run("check", "rnn").code == 0
    assert run("solution", "rnn").code == 0
    progress = run("progress").stdout
    assert "passed" in progress and "nncli exercise activations" in progress


def test_bad_options_are_usage_errors(run, ws):
    assert run("check", "--timeout", "0").code == 2
    assert run("check", "--seed", "-1").code == 2


def test_long_output_is_cut_with_a_notice(run, ws):
    put(ws, "pool", changed_solution("pool", "import numpy as np\n",
                                     "import numpy as np\nprint('x' * 500_000)\n"))
    r = run("check", "pool", "--verbose")
    assert r.code == 0
    assert "output cut here" in r.stdout
    assert r.stdout.count("x" * 1000) < 100                 # nowhere near 500 000 characters


def test_a_missing_function_and_an_exception_make_an_error(run, ws):
    put(ws, "gnn", "import numpy as np\n\n\ndef normalize_adjacency(A):\n    return 1 / 0\n")
    exercise = run("check", "gnn", "--json").json()["exercises"][0]
    assert exercise["status"] == "error"
    tests = {t["name"]: t for t in exercise["tests"]}
    assert "ZeroDivisionError" in tests["normalize_adjacency"]["message"]
    assert "ZeroDivisionError" in tests["normalize_adjacency"]["output"]
    assert "gcn_layer is not defined" in tests["gcn_layer"]["message"]


def test_junit_to_a_folder_that_does_not_exist_is_a_usage_error(run, ws, tmp_path):
    put(ws, "pool")
    r = run("check", "--junit", str(tmp_path / "no" / "such" / "report.xml"))
    assert r.code == 2 and "JUnit" in r.stderr


def test_failed_check_points_at_the_file_to_fix(run, ws):
    put(ws, "neuron")
    put(ws, "conv", kind="template")
    r = run("check")
    assert r.code == 1
    assert "nncli check conv" in flat(r.stdout)
    put(ws, "conv")
    r = run("check")
    assert r.code == 0
    assert "nncli exercise activations" in flat(r.stdout)      # the first one not done yet


@pytest.mark.parametrize("command", ["check", "exercise", "hint", "solution", "progress"])
def test_help_of_each_command_loads_neither_numpy_nor_rich(command):
    import subprocess
    import sys

    code = ("import sys\nfrom nncli.cli import main\ntry:\n    main([%r, '--help'])\n"
            "except SystemExit:\n    pass\n"
            "print('LOADED', 'numpy' in sys.modules, 'rich' in sys.modules)") % command
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert "LOADED False False" in out.stdout, out.stdout + out.stderr


def test_check_and_progress_do_not_make_a_workspace(run, tmp_path, monkeypatch):
    monkeypatch.delenv("NNCLI_WORKSPACE", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run("check").code == 1
    assert run("progress").code == 0
    assert list(tmp_path.iterdir()) == []


GRADS = '    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}'


def test_a_dict_of_gradients_is_judged_entry_by_entry(run, ws):
    """mlp_loss_and_grads returns (loss, grads): a float32 entry is named with its key and
    told that only its type is wrong; a missing key is named; a float loss is accepted."""
    put(ws, "backprop", changed_solution("backprop", GRADS, GRADS.replace(
        '"W1": dW1', '"W1": dW1.astype(np.float32)')))
    tests = {t["name"]: t for t in run("check", "backprop", "--json").json()
             ["exercises"][0]["tests"]}
    message = tests["mlp_loss_and_grads"]["message"]
    assert "'W1'" in message and "float32" in message and "only the type" in message
    assert tests["softmax_cross_entropy"]["status"] == "passed"   # its loss is a float
    put(ws, "backprop", changed_solution("backprop", GRADS, GRADS.replace('"b2": db2', '"db2": db2')))
    tests = {t["name"]: t for t in run("check", "backprop", "--json").json()
             ["exercises"][0]["tests"]}
    assert "'db2'" in tests["mlp_loss_and_grads"]["message"]
    assert "'b2'" in tests["mlp_loss_and_grads"]["message"]
