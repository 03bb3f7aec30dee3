"""Learner-facing texts, one module per topic and language: ``nncli/texts/<lang>/<topic>.py``.

Each module holds one dict, ``TEXTS``, from a key to a ``str.format`` template; a word
that depends on a count is written "{n:step|steps}" (singular, then plural; see
`PluralFormatter`). Builders and
renderers ask for a key; they never hold sentences themselves. A key missing in a language
falls back to English, so adding a language never breaks a topic.
"""

import importlib
import os
import string

LANGUAGES = ("en", "zh")
DEFAULT_LANG = "en"


def resolve_lang(option=None) -> str:
    """The language to speak: the --lang option, else $NNCLI_LANG, else the locale
    ($LC_ALL, $LC_MESSAGES, $LANG: "zh_CN.UTF-8" -> "zh"), else English."""
    if option:
        return option
    wanted = os.environ.get("NNCLI_LANG", "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else DEFAULT_LANG
    return DEFAULT_LANG

_cache = {}


def is_one(value) -> bool:
    """Whether a count reads as exactly one: 1, 1.0, "1" (a count may come formatted)."""
    if isinstance(value, str):
        value = value.replace(",", "").replace("\u2212", "-").strip()
    try:
        return float(value) == 1
    except (TypeError, ValueError):
        return False


class PluralFormatter(string.Formatter):
    """str.format plus plurals: "{n} {n:time step|time steps}" gives "1 time step" and
    "2 time steps". A field whose format spec holds "|" is the word for that count, singular
    first; every other field formats as str.format does."""

    def format_field(self, value, format_spec):
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if is_one(value) else other
        return super().format_field(value, format_spec)


_PLURALS = PluralFormatter()


def _module_texts(lang: str, module: str) -> dict:
    key = (lang, module)
    if key not in _cache:
        try:
            _cache[key] = importlib.import_module(f"nncli.texts.{lang}.{module}").TEXTS
        except ModuleNotFoundError:
            _cache[key] = {}
    return _cache[key]


class Texts:
    """The texts of one topic (module name, e.g. "conv") in one language.

    ``texts("cell.title", i=0, j=1)`` formats the template; an unknown key raises KeyError,
    which the tests turn into a failure (a missing sentence is a bug, not a blank).
    """

    def __init__(self, module: str, lang: str = DEFAULT_LANG):
        self.module = module
        self.lang = lang

    def __call__(self, key: str, **values) -> str:
        template = _module_texts(self.lang, self.module).get(key)
        if template is None:
            template = _module_texts(DEFAULT_LANG, self.module)[key]
        if not values:
            return template
        if "|" in template:
            return _PLURALS.format(template, **values)
        return template.format(**values)

    def has(self, key: str) -> bool:
        return key in _module_texts(DEFAULT_LANG, self.module)
