"""grader/report.py on hand-made results: the JSON shape, JUnit XML that parses, the table."""

import io
import xml.etree.ElementTree as ET

from nncli.grader.report import junit_tree, render, to_json
from nncli.grader.results import ExerciseResult, SessionResult, TestResult
from nncli.state import State
from nncli.workspace import Workspace


def sample():
    conv = ExerciseResult("conv", [
        TestResult("conv1d", "passed", 2, 2, "all 9 cases passed"),
        TestResult("conv2d", "failed", 0, 4, "Case \"stride 2\" ...\nexpected shape (1, 2, 3, 3), received (1, 2, 5, 5)."),
        TestResult("corr2d", "error", 0, 2, "raised ValueError: bad", traceback="  File \"conv.py\", line 3\nValueError: bad"),
        TestResult("pad2d", "not_started", 0, 1, "still raises NotImplementedError"),
    ], output="hello \x00 world\n", elapsed=0.012)
    pool = ExerciseResult("pool", [TestResult("max_pool2d", "passed", 2, 2),
                                   TestResult("avg_pool2d", "passed", 2, 2)])
    return SessionResult(4242, [conv, pool])


def test_statuses_and_scores_add_up():
    result = sample()
    conv, pool = result.exercises
    assert (conv.status, conv.score, conv.max_score) == ("failed", 2, 9)
    assert (pool.status, pool.score, pool.max_score) == ("passed", 4, 4)
    assert (result.score, result.max_score, result.passed) == (6, 13, False)
    stubs = ExerciseResult("x", [TestResult("a", "not_started", 0, 1), TestResult("b", "not_started", 0, 1)])
    assert stubs.status == "not_started"
    assert ExerciseResult("x", stubs.tests, problem="syntax error").status == "error"


def test_json_has_exactly_the_agreed_shape():
    data = to_json(sample(), "9.9")
    assert set(data) == {"version", "seed", "exercises"}
    assert data["version"] == "9.9" and data["seed"] == 4242
    for exercise in data["exercises"]:
        assert set(exercise) == {"name", "status", "score", "max_score", "tests"}
        for test in exercise["tests"]:
            assert set(test) == {"name", "status", "message", "output"}
            assert test["status"] in ("passed", "failed", "error", "not_started")
    corr2d = data["exercises"][0]["tests"][2]
    assert "ValueError" in corr2d["output"] and "hello" in corr2d["output"]


def test_junit_parses_and_counts():
    tree = junit_tree(sample())
    text = ET.tostring(tree.getroot(), encoding="unicode")
    root = ET.fromstring(text)                       # parses (the \x00 was replaced)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "2", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["conv", "pool"]
    cases = {c.get("name"): c for c in suites[0].findall("testcase")}
    assert cases["conv1d"].find("failure") is None and cases["conv1d"].find("error") is None
    assert "received (1, 2, 5, 5)" in cases["conv2d"].find("failure").text
    assert cases["corr2d"].find("error").get("message") == "raised ValueError: bad"
    assert "received (1, 2, 5, 5)" in cases["conv2d"].find("failure").get("message")
    assert cases["pad2d"].find("failure").get("type") == "not_started"
    seed = suites[0].find("properties/property[@name='seed']")
    assert seed.get("value") == "4242"


def test_table_shows_each_function_the_problems_and_the_next_step(tmp_path):
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=100, no_color=True, highlight=False)
    workspace = Workspace(tmp_path, "option")
    (tmp_path / "conv.py").write_text("")
    state = State(tmp_path / "state.json")
    from nncli.catalogue import EXERCISES

    render(console, sample(), workspace, state, EXERCISES, verbose=False)
    out = buffer.getvalue()
    for word in ("conv1d", "conv2d", "not started", "2/2", "0/4", "received (1, 2, 5, 5)",
                 "ValueError: bad", "Score: 6 of 13", "4242"):
        assert word in out, word
    assert "hello" not in out and "--verbose" in out
    assert "nncli check conv" in out
    buffer.truncate(0)
    render(console, sample(), workspace, state, EXERCISES, verbose=True)
    assert "hello" in buffer.getvalue()
