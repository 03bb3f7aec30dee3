"""The exercise catalogue checks itself: files, texts, contract signatures, imports."""

import ast
import string
import importlib
import sys

import numpy as np
import pytest

from nncli.catalogue import EXERCISES, FORBIDDEN_MODULES, exercise_names, find_exercise
from nncli.errors import UsageProblem
from nncli.exercise_files import solution_path, template_path
from nncli.resources import data_dir
from nncli.texts import Texts
from nncli.topics import TOPICS, find_topic

NAMES = exercise_names()
TEXTS = Texts("exercises")
MISTAKES = Texts("mistakes")


def _tree(path):
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _functions(tree):
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def _signature(fn: ast.FunctionDef) -> str:
    args = fn.args
    names = [a.arg for a in args.args]
    defaults = [None] * (len(names) - len(args.defaults)) + list(args.defaults)
    parts = [n if d is None else f"{n}={ast.literal_eval(d)!r}" for n, d in zip(names, defaults)]
    return ", ".join(parts)


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def test_exercises_follow_the_order_of_their_topics():
    topic_order = [name for t in TOPICS for name in t.exercises]
    first_seen = list(dict.fromkeys(topic_order))
    assert first_seen == list(NAMES), "exercises must follow the order of their topics"
    for exercise in EXERCISES:
        for topic in exercise.topics:
            assert exercise.name in find_topic(topic).exercises, (exercise.name, topic)


def test_topics_read_their_exercises_from_the_catalogue():
    assert find_topic("self-attention").exercises[0] == "attention"
    assert find_topic("positional").exercise == "transformer"
    assert find_exercise("transformer").topic == "transformer"
    assert all(t.exercises == () and t.exercise is None for t in TOPICS
               if not any(t.name in e.topics for e in EXERCISES))


def test_every_function_is_declared_once_with_its_contract():
    declared = [f.name for e in EXERCISES for f in e.functions]
    assert len(declared) == len(set(declared)), "a function name is used twice"
    for e in EXERCISES:
        for f in e.functions:
            ast.parse(f"def {f.name}({f.parameters}): pass")  # a valid parameter list


def test_hints_are_counted_from_the_english_texts():
    from nncli.texts.en.exercises import TEXTS as raw

    for e in EXERCISES:
        numbers = sorted(int(k.rsplit(".", 1)[1]) for k in raw if k.startswith(f"{e.name}.hint."))
        assert numbers == list(range(1, len(numbers) + 1)), f"{e.name}: hints {numbers}"
        assert e.hints == tuple(f"{e.name}.hint.{n}" for n in numbers)


def test_files_and_catalogue_match_both_ways():
    from pathlib import Path

    from nncli.texts import DEFAULT_LANG, LANGUAGES

    translated = {lang for lang in LANGUAGES if lang != DEFAULT_LANG}
    for kind in ("exercises", "solutions"):
        files = {p.stem for p in data_dir(kind).glob("*.py")}
        assert files == set(NAMES), f"{kind}/ holds {sorted(files)}"
        leftovers = [p.name for p in data_dir(kind).iterdir() if p.suffix != ".py"
                     and p.name != "__pycache__"]
        assert not leftovers, f"unexpected files in {kind}/: {leftovers}"
    for lang in translated:  # the templates' translations, one module per exercise
        folder = Path(importlib.import_module(f"nncli.texts.{lang}.templates").__file__).parent
        files = {p.stem for p in folder.glob("*.py")} - {"__init__"}
        assert files == set(NAMES), f"nncli/texts/{lang}/templates/ holds {sorted(files)}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_exercise_data_is_complete(exercise):
    assert exercise.topic in {t.name for t in TOPICS}
    assert len(exercise.hints) >= 2
    for key in (exercise.title_key, exercise.task_key, *exercise.hints):
        assert TEXTS.has(key), f"missing text {key!r}"
        assert len(TEXTS(key)) > 20
    assert "\n" not in TEXTS(exercise.title_key)
    for f in exercise.functions:
        assert isinstance(f.points, int) and f.points > 0, f.name
        assert all(isinstance(c, str) and "." in c for c in f.forbidden), f.name
    assert exercise.max_points == sum(f.points for f in exercise.functions)
    assert len(set(exercise.function_names)) == len(exercise.functions)
    assert exercise.function(exercise.functions[0].name) is exercise.functions[0]
    importlib.import_module(exercise.cases_module)


def test_every_exercise_text_belongs_to_an_exercise():
    from nncli.texts.en.exercises import TEXTS as raw

    known = {k for e in EXERCISES for k in (e.title_key, e.task_key, *e.hints)}
    assert set(raw) == known


def test_find_exercise():
    assert find_exercise("lstm").name == "lstm"
    assert find_exercise("LSTM").name == "lstm"
    with pytest.raises(UsageProblem) as problem:
        find_exercise("cnov")
    assert problem.value.code == 2
    assert 'Did you mean "conv"?' in problem.value.message
    assert "\n" not in problem.value.message


def test_tanh_and_convolution_calls_are_forbidden():
    conv = find_exercise("conv")
    assert "np.convolve" in conv.function("conv1d").forbidden
    assert "numpy.correlate" in conv.function("conv1d").forbidden
    assert "np.tanh" in find_exercise("activations").function("tanh").forbidden
    assert {"torch", "scipy", "nncli", "solutions"} <= set(FORBIDDEN_MODULES)


@pytest.mark.parametrize("kind", ["exercises", "solutions"])
@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_files_import_only_numpy_and_the_standard_library(kind, exercise):
    path = template_path(exercise.name) if kind == "exercises" else solution_path(exercise.name)
    allowed = set(sys.stdlib_module_names) | {"numpy"}
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import"
            modules = [node.module]
        else:
            continue
        for m in modules:
            assert m.split(".")[0] in allowed, f"{path.name} imports {m}"
            assert m.split(".")[0] not in FORBIDDEN_MODULES


@pytest.mark.parametrize("kind", ["exercises", "solutions"])
@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_files_declare_the_contract_signatures(kind, exercise):
    path = template_path(exercise.name) if kind == "exercises" else solution_path(exercise.name)
    tree = _tree(path)
    assert ast.get_docstring(tree), f"{path.name} has no module docstring"
    functions = _functions(tree)
    for f in exercise.functions:
        assert f.name in functions, f"{path.name} does not define {f.name}"
        assert _signature(functions[f.name]) == f.parameters, f"{path.name}: {f.name}"
    for name, fn in functions.items():
        assert ast.get_docstring(fn), f"{path.name}: {name} has no docstring"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_template_stubs_are_a_docstring_and_a_raise(exercise):
    path = template_path(exercise.name)
    functions = _functions(_tree(path))
    for f in exercise.functions:
        body = functions[f.name].body
        assert len(body) == 2, f"{path.name}: {f.name} stub has more than docstring + raise"
        assert isinstance(body[1], ast.Raise) and _dotted(body[1].exc) == "NotImplementedError"
        doc = ast.get_docstring(functions[f.name])
        assert "(" in doc and "Returns" in doc, f"{path.name}: {f.name} docstring lacks shapes"
    # the text of the template states the conventions
    text = path.read_text(encoding="utf-8")
    for words in ("float64", "batch", "check"):
        assert words in text, f"{path.name} does not mention {words!r}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_solutions_avoid_the_forbidden_calls(exercise):
    functions = _functions(_tree(solution_path(exercise.name)))
    for f in exercise.functions:
        calls = {_dotted(n.func) for n in ast.walk(functions[f.name]) if isinstance(n, ast.Call)}
        assert not calls & set(f.forbidden), f"{exercise.name}.{f.name}: {calls & set(f.forbidden)}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_worked_helpers_are_the_same_in_template_and_solution(exercise):
    def body(fn):
        stmts = fn.body[1:] if ast.get_docstring(fn) else fn.body
        return [ast.dump(s) for s in stmts]

    template = _functions(_tree(template_path(exercise.name)))
    solution = _functions(_tree(solution_path(exercise.name)))
    helpers = set(template) - set(exercise.function_names)
    assert helpers <= set(solution), f"solution lacks {helpers - set(solution)}"
    for name in helpers:
        assert body(template[name]) == body(solution[name]), f"{exercise.name}.{name} differs"


def test_every_mistake_key_has_a_text_and_every_text_a_key():
    from nncli.texts.en.mistakes import TEXTS as raw

    used, filled = set(), {}
    for e in EXERCISES:
        module = importlib.import_module(e.cases_module)
        for seed in (0, 1):
            for case in module.cases(np.random.default_rng(seed)):
                for m in case.mistakes:
                    used.add(m.text)
                    filled.setdefault(m.text, set()).add(frozenset(m.values))
    missing = sorted(k for k in used if not MISTAKES.has(k))
    assert not missing, f"mistakes without a text: {missing}"
    assert set(raw) == used, f"texts without a mistake: {sorted(set(raw) - used)}"
    for key in used:   # a text's placeholders are the values every one of its mistakes gives
        names = {name for _, name, _, _ in string.Formatter().parse(raw[key]) if name}
        assert filled[key] == {frozenset(names)} and len(raw[key]) > 40, key
