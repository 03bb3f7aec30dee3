"""Counts and plurals: every English text that puts a number before a noun chooses the
singular or the plural from the number ("1 time step", "2 time steps"), never "(s)"."""

import importlib
import pkgutil
import re
import string

import pytest

import nncli.texts.en as en_package
from nncli.texts import PluralFormatter, Texts

MODULES = sorted(m.name for m in pkgutil.iter_modules(en_package.__path__))
NOUNS = ("values numbers rows columns terms classes kernels pixels weights parameters shifts "
         "students files entries points cases arrays exercises items steps features units layers "
         "nodes edges heads tokens positions dimensions decimals words lines inputs neurons pairs "
         "scores zeros angles states").split()
# a placeholder, then up to two words, then a plural noun, with no choice made
NOT_COUNTS = {"dtype", "seed", "r1", "share"}  # a type name, a seed ("{seed} repeats"), a row index,
# a percentage ("{share} of the weights")
BARE_COUNT = re.compile(r"(?<![×·\w])\{(\w+)\}(?: [a-z]+){0,2} (" + "|".join(NOUNS) + r")\b(?![×])")


def templates():
    for module in MODULES:
        for key, template in importlib.import_module(f"nncli.texts.en.{module}").TEXTS.items():
            if isinstance(template, str):
                yield module, key, template


def plural_fields(template):
    """(name, singular, plural) of every count-chosen word in `template`."""
    return [(name, *spec.split("|", 1)) for _, name, spec, _ in string.Formatter().parse(template)
            if name and spec and "|" in spec]


COUNTED = [(m, k, t) for m, k, t in templates() if plural_fields(t)]


def test_no_text_writes_s_in_brackets():
    offenders = [f"{m}:{k}" for m, k, t in templates() if "(s)" in t or "(es)" in t]
    assert not offenders, offenders


def test_no_count_is_followed_by_a_fixed_plural():
    offenders = []
    for module, key, template in templates():
        for match in BARE_COUNT.finditer(template):
            if match.group(1) in NOT_COUNTS:
                continue
            offenders.append(f"{module}:{key}: {match.group(0)!r}")
    assert not offenders, offenders


def _dummies(template, count):
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    values = {name: "x" for name in names}
    for name, _, _ in plural_fields(template):
        values[name] = count
    return values


def test_there_are_many_counted_texts():
    assert len(COUNTED) > 100


@pytest.mark.parametrize("module,key,template", COUNTED, ids=[f"{m}:{k}" for m, k, _ in COUNTED])
def test_each_counted_text_reads_right_with_1_and_2(module, key, template):
    texts = Texts(module, "en")
    for count in (1, 2):
        values = _dummies(template, count)
        # fields with a numeric format (e.g. {seconds:.1f}) need a number
        for _, name, spec, _ in string.Formatter().parse(template):
            if name and spec and "|" not in spec:
                values[name] = 1.0
        text = texts(key, **values)
        for name, one, many in plural_fields(template):
            word = one if count == 1 else many
            assert word in text, f"{module}:{key} with {name}={count}: {text!r}"
            other = many if count == 1 else one
            if other not in word:  # "row" is inside "rows": only check the longer form
                assert other not in text.replace(word, ""), f"{module}:{key} with {count}: {text!r}"


@pytest.mark.parametrize("value,one", [(1, True), (2, False), (0, False), ("1", True),
                                       ("1,000", False), (1.0, True), ("\u22121", False)])
def test_a_count_reads_as_one_only_when_it_is_one(value, one):
    assert (PluralFormatter().format("{n:a|b}", n=value) == "a") is one


def test_counted_texts_in_use(run):
    result = run("explain", "rnn", "--steps", "1", "--hidden", "1", "--features", "1")
    assert result.code == 0
    assert "1 time step, 1 input feature, 1 hidden unit" in result.stdout
    result = run("explain", "rnn", "--steps", "2")
    assert "2 time steps" in result.stdout
