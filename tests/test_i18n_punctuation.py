"""Chinese texts use Chinese punctuation: no ASCII , . : ; ? ! ( ) touching a Chinese
character (formulas keep their ASCII brackets: LayerNorm(X + 注意力))."""

import importlib
import pkgutil
import re

import pytest

import nncli.texts.zh as zh_package

CJK = "\u3400-\u9fff"
TOUCHING = re.compile(rf"[{CJK}][,.:;?!()]|[,.:;?!()][{CJK}]")
MODULES = sorted(m.name for m in pkgutil.iter_modules(zh_package.__path__))


def _function_bracket(text: str, index: int) -> bool:
    """Whether the bracket at `index` belongs to a function written in a formula, f(…)."""
    if text[index] == "(":
        return index > 0 and re.match(r"[A-Za-z0-9_]", text[index - 1]) is not None
    depth = 0
    for k in range(index, -1, -1):
        depth += {")": 1, "(": -1}.get(text[k], 0)
        if depth == 0:
            return _function_bracket(text, k)
    return False


def ascii_punctuation_next_to_chinese(text: str) -> list:
    """The places in `text` where an ASCII mark touches a Chinese character."""
    found = []
    for hit in TOUCHING.finditer(text):
        index = hit.start() if hit.group()[0] in ",.:;?!()" else hit.end() - 1
        if text[index] in "()" and _function_bracket(text, index):
            continue
        found.append(text[max(0, index - 6):index + 7])
    return found


def templates(module: str):
    texts = importlib.import_module(f"nncli.texts.zh.{module}")
    for name, value in vars(texts).items():
        if isinstance(value, dict):
            for key, template in value.items():
                if isinstance(template, str):
                    yield f"{name}[{key}]", template


@pytest.mark.parametrize("module", MODULES)
def test_chinese_texts_use_chinese_punctuation(module):
    problems = {key: found for key, template in templates(module)
                if (found := ascii_punctuation_next_to_chinese(template))}
    assert not problems, f"zh/{module}.py: ASCII punctuation beside Chinese: {problems}"


def test_the_check_catches_ascii_marks_and_spares_formulas_and_identifiers():
    assert ascii_punctuation_next_to_chinese("卷积,池化")
    assert ascii_punctuation_next_to_chinese("见最后一步(第 9 步)")
    assert ascii_punctuation_next_to_chinese("这样算:")
    assert not ascii_punctuation_next_to_chinese("卷积，池化（第 9 步）：")
    assert not ascii_punctuation_next_to_chinese("LayerNorm(X₀ + 注意力)")
    assert not ascii_punctuation_next_to_chinese("和 torch.nn.functional.conv2d 一致")
