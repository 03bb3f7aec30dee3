"""Chinese for the exercises and the grader: every text of grader/exercises/mistakes in both
languages, the Chinese templates (same code, Chinese docstrings), and no untranslated English
sentence in what exercise, check, hint, solution and progress print with --lang zh."""

import ast
import io
import json
import re
import tokenize
from pathlib import Path

import pytest

from nncli.catalogue import EXERCISES, find_exercise
from nncli.errors import UsageProblem
from nncli.exercise_files import solution_path, template_path, template_text
from nncli.texts import Texts
from nncli.texts.glossary import TERMS
from test_i18n import CJK, en_texts, english_runs, glossary_misses, placeholders, untranslated, \
    zh_texts

MODULES = ["grader", "exercises", "mistakes"]
NAMES = [e.name for e in EXERCISES]


def zh_template(name: str) -> str:
    """The Chinese template as `nncli exercise NAME --lang zh` writes it."""
    return template_text(name, "zh")


def en_template(name: str) -> str:
    return template_path(name).read_text(encoding="utf-8")


# --- the texts -----------------------------------------------------------------------------

@pytest.mark.parametrize("module", MODULES)
def test_same_keys_and_placeholders_in_both_languages(module):
    en, zh = en_texts(module), zh_texts(module)
    assert sorted(set(en) - set(zh)) == [], f"zh/{module}.py lacks keys"
    assert sorted(set(zh) - set(en)) == [], f"zh/{module}.py has keys English lacks"
    for key, template in en.items():
        assert placeholders(zh[key]) == placeholders(template), f"{module}:{key}"


@pytest.mark.parametrize("module", MODULES)
def test_every_chinese_text_is_chinese(module):
    problems = {key: found for key, template in zh_texts(module).items()
                if (found := untranslated(template))}
    assert not problems, f"zh/{module}.py: English left in {problems}"


@pytest.mark.parametrize("module", MODULES)
def test_chinese_texts_use_the_glossary(module):
    misses = glossary_misses(module)
    assert not misses, "\n".join(misses)


def test_hints_stay_progressive_in_chinese():
    """As many hints in Chinese as in English, each longer than a nudge, all different."""
    zh = zh_texts("exercises")
    for exercise in EXERCISES:
        hints = [zh[key] for key in exercise.hints]
        assert len(hints) >= 2 and len(set(hints)) == len(hints), exercise.name
        assert all(len(h) >= 25 and CJK.search(h) for h in hints), exercise.name


def test_mistake_texts_keep_the_convention_and_its_source():
    """The recognised mistakes that name a convention's origin still do in Chinese."""
    zh = zh_texts("mistakes")
    for key, source in [("gates_order", "PyTorch"), ("kernel_flipped", "conv2d"),
                        ("mask_inverted", "scaled_dot_product_attention"),
                        ("unbiased_variance", "torch.nn.LayerNorm"), ("no_self_loops", "Kipf"),
                        ("pool_default_stride", "PyTorch"), ("transposed_result", "x @ W")]:
        assert source in zh[key], f"mistakes:{key} no longer says where it comes from"
    assert "输入门" in zh["gates_order"] and "输出门" in zh["gates_order"]


# --- the hidden cases' labels and the sandbox's strings, worded at the report layer ----------

def _labels():
    import numpy as np

    from nncli.grader.session import make_cases

    labels = set()
    for seed in range(6):
        for exercise in EXERCISES:
            labels |= {c.label for c in make_cases(exercise, seed)}
    del np
    return sorted(labels)


def test_every_case_label_has_a_chinese_wording():
    from nncli.grader.wording import case_label, label_phrases
    from nncli.texts.zh.grader import CASE_LABELS

    t = Texts("grader", "zh")
    missing, english = set(), []
    for label in _labels():
        missing |= {p for p in label_phrases(label) if p not in CASE_LABELS}
        if english_runs(case_label(label, t), 2):
            english.append(case_label(label, t))
        assert case_label(label, Texts("grader", "en")) == label
    assert not missing, f"case labels without a Chinese wording: {sorted(missing)}"
    assert not english, english[:5]


def test_a_case_label_keeps_its_numbers_and_formulas():
    from nncli.grader.wording import case_label

    t = Texts("grader", "zh")
    label = "edge: stride 2 does not divide: N=2 C=3 F=4 H=7 W=6 KH=3 KW=2 stride=2 padding=1"
    assert case_label(label, t) == (
        "边界情况：步长 2 除不尽：N=2 C=3 F=4 H=7 W=6 KH=3 KW=2 stride=2 padding=1")
    assert case_label("random 3: shape (2, 5), axis=0", t) == "随机用例 3：形状 (2, 5)，axis=0"
    assert case_label("a phrase nobody translated", t) == "a phrase nobody translated"


SIGSEGV = ("key", "signal.segv")


@pytest.mark.parametrize("problem, english, chinese", [
    (("sandbox.exit", {"code": "3"}), "called sys.exit(3)", "调用了 sys.exit(3)"),
    (("sandbox.exit_none", {}), "called sys.exit()", "调用了 sys.exit()"),
    (("sandbox.memory", {"limit": "1 GiB"}), "ran out of memory (limit 1 GiB)",
     "内存用完了（上限 1 GiB）"),
    (("sandbox.signal", {"number": 11, "name": SIGSEGV}),
     "killed by signal 11 (segmentation fault)", "被信号 11 终止（段错误）"),
    (("sandbox.exit_status", {"code": 3}), "exited with status 3", "以状态码 3 退出"),
    (("sandbox.import_refused", {"error": "ModuleNotFoundError", "module": "scipy"}),
     "ModuleNotFoundError: importing scipy is not allowed: the rule at the top of an exercise "
     "file is NumPy and the Python standard library only",
     "ModuleNotFoundError：不允许导入 scipy：练习文件开头写明的规则是只用 NumPy 和 Python 标准库"),
    (("sandbox.file_unreadable", {"reason": "Permission denied"}),
     "the file could not be read: Permission denied", "文件读不出来：Permission denied"),
    (("value.container", {"kind": "list", "count": 3}), "a list of 3 items",
     "一个含 3 项的 list"),
    (("value.container_one", {"kind": "tuple", "count": 1}), "a tuple of 1 item",
     "一个只含 1 项的 tuple"),
    (("value.none", {}), "None", "空值 None"),
    ("ValueError: shapes (2,3) and (4,) not aligned",
     "ValueError: shapes (2,3) and (4,) not aligned",
     "ValueError: shapes (2,3) and (4,) not aligned"),
])
def test_problems_are_worded_from_their_keys_and_learner_text_kept(problem, english, chinese):
    from nncli.grader.wording import problem_text

    assert problem_text(problem, Texts("grader", "zh")) == chinese
    assert problem_text(problem, Texts("grader", "en")) == english


def test_a_key_sent_without_its_values_is_shown_as_data():
    from nncli.grader.wording import problem_text

    assert problem_text(("sandbox.exit", {}), Texts("grader", "en")) == "sandbox.exit"


def test_a_load_error_keeps_its_traceback_under_a_chinese_heading():
    from nncli.grader.wording import phrase

    text = ("SystemError: boom\nTraceback (most recent call last):\n  File \"/w/a.py\", "
            "line 1, in <module>\n    f()\nSystemError: boom")
    worded = phrase(text, Texts("grader", "zh"))
    assert worded.splitlines()[:2] == ["SystemError: boom", zh_texts("grader")["check.traceback"]]
    assert worded.splitlines()[2:] == text.splitlines()[2:]
    assert phrase(text, Texts("grader", "en")) == text


def test_the_wording_follows_what_the_sandbox_and_compare_really_say():
    """The patterns match the strings the code writes today (a reworded sandbox string would
    otherwise silently stay English)."""
    import numpy as np

    from nncli.grader import compare
    from nncli.grader.sandbox import wire as sandbox_wire
    from nncli.grader.wording import problem_text

    zh, en = Texts("grader", "zh"), Texts("grader", "en")
    values = [None, 3, 2.5, True, "s", [1, 2], (1,), {"a": 1}, np.float32(1), np.array([None]),
              object()]
    for value in values:
        for key, values_ in (tuple(sandbox_wire.describe(value)), compare.describe(value)):
            worded = problem_text((key, values_), zh)
            assert CJK.search(worded) and worded != problem_text((key, values_), en), key


# --- the Chinese templates -----------------------------------------------------------------

def _without_docstrings(source: str) -> str:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


# dimension names the docstrings use beside the code's own identifiers (shapes like (…, Tq, dv))
DIMENSIONS = {"N", "C", "H", "W", "K", "KH", "KW", "F", "T", "D", "M", "L", "V", "Tq", "Tk", "d",
              "dv", "h", "S", "p"}


def _identifiers(source: str) -> frozenset:
    """Every name the code of a template uses (functions, parameters, variables, attributes)."""
    names = set(DIMENSIONS)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
    return frozenset(names)


def _docstrings_and_comments(source: str) -> list:
    texts = [ast.get_docstring(node) for node in ast.walk(ast.parse(source))
             if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))]
    texts = [t for t in texts if t]
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            texts.append(token.string.lstrip("# "))
    return texts


@pytest.mark.parametrize("name", NAMES)
def test_chinese_template_is_the_english_code(name):
    assert _without_docstrings(zh_template(name)) == _without_docstrings(en_template(name)), (
        f"the Chinese {name} template's code differs from exercises/{name}.py")
    assert zh_template(name) != en_template(name)


@pytest.mark.parametrize("name", NAMES)
def test_chinese_template_docstrings_and_comments_are_chinese(name):
    texts = _docstrings_and_comments(zh_template(name))
    english = _docstrings_and_comments(en_template(name))
    assert len(texts) == len(english), f"{name}: not every docstring or comment has its Chinese"
    identifiers = _identifiers(en_template(name))
    for text in texts:
        assert CJK.search(text), f"Chinese {name} template: not Chinese: {text[:60]!r}"
        runs = english_runs(text, 3, identifiers)
        assert not runs, f"Chinese {name} template: English left: {runs}"


@pytest.mark.parametrize("name", NAMES)
def test_every_translation_of_a_template_is_used(name):
    """A docstring or comment that changed or went away in English leaves no stale Chinese."""
    import importlib

    from nncli.exercise_files import comment_blocks, docstring_texts

    module = importlib.import_module(f"nncli.texts.zh.templates.{name}")
    english = en_template(name)
    assert {k.strip("\n") for k in module.DOCSTRINGS} == set(docstring_texts(english))
    assert {k.strip("\n") for k in module.COMMENTS} == {
        block[3] for block in comment_blocks(english.split("\n"))}


def test_a_missing_or_unsafe_translation_is_refused():
    from nncli.exercise_files import translate

    source = en_template("pool")
    with pytest.raises(KeyError):
        translate(source, {}, {})
    docstrings = {where: "译文" for where in ("", "global_max_pool", "max_pool2d", "avg_pool2d")}
    assert "译文" in translate(source, docstrings, {})
    docstrings["max_pool2d"] = 'a """ b'
    with pytest.raises(ValueError):
        translate(source, docstrings, {})


@pytest.mark.parametrize("name", NAMES)
def test_exercise_lang_zh_writes_the_chinese_template_and_never_overwrites(run, tmp_path, name):
    workspace = tmp_path / "ws"
    result = run("exercise", name, "--lang", "zh", "--workspace", str(workspace))
    assert result.code == 0, result.stderr
    written = workspace / f"{name}.py"
    assert written.read_text(encoding="utf-8") == zh_template(name)
    written.write_text("# 我自己的答案\n", encoding="utf-8")
    again = run("exercise", name, "--lang", "zh", "--workspace", str(workspace))
    assert again.code == 0, again.stderr
    assert written.read_text(encoding="utf-8") == "# 我自己的答案\n"
    assert zh_texts("grader")["exercise.exists"].split("{")[0] in again.stdout


def test_exercise_in_english_still_writes_the_english_template(run, tmp_path):
    result = run("exercise", "lstm", "--workspace", str(tmp_path))
    assert result.code == 0, result.stderr
    assert (tmp_path / "lstm.py").read_text(encoding="utf-8") == template_text("lstm")


# --- the commands in Chinese ---------------------------------------------------------------

# a frame of the learner's own traceback, shown as Python wrote it
# (a long path may wrap it over two lines)
FRAME = re.compile(r'File\s+"[^"]*"\s*,\s+line \d+,\s+in\s+\S+')


def _assert_chinese(result, what, least=3):
    for stream in (result.stdout, result.stderr):
        runs = english_runs(FRAME.sub("", stream), least)
        assert not runs, f"{what}: untranslated English: {runs[:5]}"
    assert CJK.search(result.stdout + result.stderr), f"{what}: no Chinese at all"


def _fits(result, what, width=80):
    from rich.cells import cell_len

    wide = [line for line in result.stdout.splitlines() if cell_len(line) > width]
    assert not wide, f"{what}: lines wider than {width} columns: {wide[:3]}"


@pytest.fixture
def zh_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    return monkeypatch


@pytest.fixture
def templates(run, tmp_path):
    workspace = tmp_path / "ws"
    for name in NAMES:
        assert run("exercise", name, "--lang", "zh", "--workspace", str(workspace)).code == 0
    return workspace


def _wrong_lstm(folder: Path) -> Path:
    """A whole lstm solution with the gates read as i, f, o, g."""
    source = solution_path("lstm").read_text(encoding="utf-8")
    swapped = source.replace("g = np.tanh(a[:, 2 * H:3 * H])", "g = np.tanh(a[:, 3 * H:4 * H])") \
                    .replace("o = sigmoid(a[:, 3 * H:4 * H])", "o = sigmoid(a[:, 2 * H:3 * H])")
    assert swapped != source, "the solution changed: update this wrong answer"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lstm.py").write_text(swapped, encoding="utf-8")
    return folder


def test_exercise_lstm_in_chinese(run, zh_terminal, tmp_path):
    result = run("exercise", "lstm", "--lang", "zh", "--workspace", str(tmp_path / "new"))
    _assert_chinese(result, "exercise lstm --lang zh")
    _fits(result, "exercise lstm --lang zh")
    assert zh_texts("exercises")["lstm.title"] in result.stdout
    assert "建好工作区" in result.stderr  # the made-a-workspace note
    for term in ("长短期记忆网络", "细胞状态"):
        assert term in result.stdout


def test_check_templates_in_chinese(run, zh_terminal, templates):
    result = run("check", "--lang", "zh", "--seed", "4", "--workspace", str(templates))
    assert result.code == 1
    _assert_chinese(result, "check templates --lang zh")
    _fits(result, "check templates --lang zh")
    assert result.stdout.count(zh_texts("grader")["status.not_started"]) == sum(
        len(e.functions) for e in EXERCISES)
    as_json = run("check", "--lang", "zh", "--seed", "4", "--json", "--workspace", str(templates))
    statuses = {e["name"]: e["status"] for e in as_json.json()["exercises"]}
    assert statuses == {name: "not_started" for name in NAMES}


def test_check_a_wrong_lstm_in_chinese_names_the_gate_order(run, zh_terminal, tmp_path):
    workspace = _wrong_lstm(tmp_path / "ws")
    result = run("check", "lstm", "--lang", "zh", "--seed", "7", "--workspace", str(workspace))
    assert result.code == 1
    _assert_chinese(result, "check wrong lstm --lang zh")
    _fits(result, "check wrong lstm --lang zh")
    flat = result.stdout.replace("\n", "").replace(" ", "")
    assert zh_texts("mistakes")["gates_order"].replace(" ", "")[:20] in flat
    for term in (TERMS["input gate"], TERMS["forget gate"], TERMS["output gate"]):
        assert term in flat
    assert "边界情况" in flat or "随机用例" in flat  # the case is named in Chinese

    data = run("check", "lstm", "--lang", "zh", "--seed", "7", "--json",
               "--workspace", str(workspace)).json()
    exercise = data["exercises"][0]
    assert set(exercise) == {"name", "status", "score", "max_score", "tests"}
    assert exercise["status"] == "failed"
    assert {t["status"] for t in exercise["tests"]} == {"failed"}
    assert all(CJK.search(t["message"]) and "输入门" in t["message"] for t in exercise["tests"])
    english = run("check", "lstm", "--seed", "7", "--json", "--workspace", str(workspace)).json()
    assert "W, U and b read as i, f, o, g" in english["exercises"][0]["tests"][0]["message"]


def test_check_solutions_in_chinese(run, zh_terminal, tmp_path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    for name in NAMES:
        (workspace / f"{name}.py").write_bytes(solution_path(name).read_bytes())
    result = run("check", "--lang", "zh", "--seed", "2", "--workspace", str(workspace))
    assert result.code == 0, result.stdout
    _assert_chinese(result, "check solutions --lang zh")
    _fits(result, "check solutions --lang zh")
    assert zh_texts("grader")["check.next_done"] in result.stdout

    progress = run("progress", "--lang", "zh", "--workspace", str(workspace))
    _assert_chinese(progress, "progress --lang zh (all passed)")
    _fits(progress, "progress --lang zh")
    shown = run("solution", "lstm", "--lang", "zh", "--workspace", str(workspace))
    assert shown.code == 0 and zh_texts("grader")["solution.title"].format(name="lstm") in shown.stderr
    assert shown.stdout == solution_path("lstm").read_text(encoding="utf-8")  # piped: the file


def test_check_hostile_files_in_chinese(run, zh_terminal, tmp_path):
    """A list returned, sys.exit, a segfault, a forbidden import, a forbidden call: each
    worded in Chinese (the learner's traceback lines stay as Python wrote them)."""
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "neuron.py").write_text(
        "import sys\n\ndef perceptron(x, w, b):\n    return [0.0] * len(x)\n\n"
        "def dense(x, W, b):\n    sys.exit(3)\n", encoding="utf-8")
    (workspace / "gnn.py").write_text(
        "import os\n\ndef normalize_adjacency(A):\n    os.kill(os.getpid(), 11)\n\n"
        "def gcn_layer(A, X, W):\n    raise NotImplementedError\n", encoding="utf-8")
    (workspace / "pool.py").write_text("import scipy\n", encoding="utf-8")
    (workspace / "activations.py").write_text(
        "import numpy as np\n\ndef relu(x):\n    return np.maximum(x, 0.0)\n\n"
        "def sigmoid(x):\n    raise NotImplementedError\n\ndef tanh(x):\n    return np.tanh(x)\n\n"
        "def softmax(x, axis=-1):\n    raise NotImplementedError\n", encoding="utf-8")
    result = run("check", "--lang", "zh", "--seed", "1", "--workspace", str(workspace))
    assert result.code == 1
    _assert_chinese(result, "check hostile files --lang zh")
    _fits(result, "check hostile files --lang zh")
    flat = result.stdout.replace("\n", "").replace(" ", "")
    for text in ("一个含", "调用了sys.exit(3)", "被信号11终止（段错误）", "导入了scipy", "调用了np.tanh"):
        assert text in flat, text


def test_hint_and_progress_in_chinese(run, zh_terminal, tmp_path):
    workspace = str(tmp_path / "ws")
    first = run("hint", "lstm", "--lang", "zh", "--workspace", workspace)
    _assert_chinese(first, "hint lstm --lang zh")
    assert zh_texts("exercises")["lstm.hint.1"][:12] in first.stdout
    every = run("hint", "lstm", "--all", "--lang", "zh", "--workspace", workspace)
    _assert_chinese(every, "hint lstm --all --lang zh")
    _fits(every, "hint lstm --all --lang zh")
    assert "遗忘门是橡皮擦" in every.stdout.replace("\n", "")
    progress = run("progress", "--lang", "zh", "--workspace", workspace)
    _assert_chinese(progress, "progress --lang zh")
    _fits(progress, "progress --lang zh")
    for exercise in EXERCISES:
        title = zh_texts("exercises")[exercise.title_key]
        assert title[:4] in progress.stdout, exercise.name
    locked = run("solution", "lstm", "--lang", "zh", "--workspace", workspace)
    assert locked.code == 1
    _assert_chinese(locked, "solution lstm --lang zh (locked)")


def test_nncli_lang_chooses_chinese_for_the_grader_commands(run, zh_terminal, tmp_path):
    zh_terminal.setenv("NNCLI_LANG", "zh")
    result = run("hint", "conv", "--workspace", str(tmp_path))
    assert zh_texts("exercises")["conv.hint.1"][:10] in result.stdout
    assert "Hint 2 of" in run("hint", "conv", "--lang", "en", "--workspace", str(tmp_path)).stdout


def test_unknown_exercise_in_both_languages(run):
    result = run("exercise", "lsmt", "--lang", "zh")
    assert result.code == 2
    assert "“lstm”" in result.stderr and "没有叫“lsmt”的练习" in result.stderr
    with pytest.raises(UsageProblem) as problem:
        find_exercise("lsmt", "zh")
    assert "你是想输入“lstm”吗" in problem.value.message
    with pytest.raises(UsageProblem) as problem:
        find_exercise("lsmt", "en")
    assert 'Did you mean "lstm"?' in problem.value.message
    with pytest.raises(UsageProblem) as problem:
        find_exercise("zzzzzz", "zh")
    assert "你是想" not in problem.value.message and "activations" in problem.value.message


# --- the checks can fail -------------------------------------------------------------------

def test_english_left_in_the_chinese_grader_texts_is_caught(run, zh_terminal, tmp_path,
                                                           monkeypatch):
    workspace = _wrong_lstm(tmp_path / "ws")
    monkeypatch.setitem(zh_texts("mistakes"), "gates_order",
                        en_texts("mistakes")["gates_order"])
    result = run("check", "lstm", "--lang", "zh", "--seed", "7", "--workspace", str(workspace))
    with pytest.raises(AssertionError, match="untranslated English"):
        _assert_chinese(result, "check wrong lstm")
    monkeypatch.setitem(zh_texts("grader"), "check.score", en_texts("grader")["check.score"])
    assert untranslated(zh_texts("grader")["check.score"])


def test_an_untranslated_case_label_is_caught(monkeypatch):
    from nncli.texts.zh.grader import CASE_LABELS

    monkeypatch.delitem(CASE_LABELS, "batch of {0}")
    with pytest.raises(AssertionError, match="batch of"):
        test_every_case_label_has_a_chinese_wording()


def test_english_check_output_is_not_mistaken_for_chinese(run, tmp_path):
    workspace = _wrong_lstm(tmp_path / "ws")
    result = run("check", "lstm", "--seed", "7", "--workspace", str(workspace))
    with pytest.raises(AssertionError):
        _assert_chinese(result, "check lstm")
    assert re.search(r"read\s+as\s+i,\s+f,\s+o,\s+g", result.stdout)
    assert json.loads(run("check", "lstm", "--seed", "7", "--json", "--workspace",
                          str(workspace)).stdout)["exercises"][0]["status"] == "failed"
