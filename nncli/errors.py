"""The one error type for expected problems; `cli.main` turns it into a one-line message.

The sentences live in ``nncli/texts/<lang>/errors.py``. An error can happen before the
command's options are parsed, so its language is the command's --lang when click has
parsed it, else a --lang written on the command line, else $NNCLI_LANG or the locale.
"""

USAGE = 2
FAILED = 1

# the --lang written on the command line being run; set by `cli.main` before parsing
argv_lang = None


class NncliError(Exception):
    """An expected problem: printed as one line on stderr, exit with `code`."""

    def __init__(self, message: str, code: int = FAILED):
        super().__init__(message)
        self.message = message
        self.code = code


class UsageProblem(NncliError):
    """Bad input from the user: exit code 2. `key` names its text in the errors module
    (None for a message formatted elsewhere)."""

    def __init__(self, message: str, key=None):
        super().__init__(message, USAGE)
        self.key = key

    @classmethod
    def of(cls, key: str, **values) -> "UsageProblem":
        """The problem whose one line is the errors text `key`, in the command's language."""
        return cls(error_text(key, **values), key)


def command_lang() -> str:
    """The language of the command being run (see the module docstring)."""
    from nncli.texts import LANGUAGES, resolve_lang

    import click

    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.params.get("lang") in LANGUAGES:
            return ctx.params["lang"]
        ctx = ctx.parent
    return resolve_lang(argv_lang)


def lang_in_argv(argv) -> object:
    """The value of a valid --lang among the arguments (the last one), or None."""
    from nncli.texts import LANGUAGES

    found = None
    args = list(argv or ())
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        if value in LANGUAGES:
            found = value
    return found


def error_text(key: str, lang=None, **values) -> str:
    """The errors text `key`, formatted, in `lang` (default: the command's language)."""
    from nncli.texts import Texts

    return Texts("errors", lang or command_lang())(key, **values)


def closest(word: str, choices):
    """The choice closest to `word`, or None when nothing is close."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return close[0] if close else None


def did_you_mean(word: str, choices, lang=None) -> str:
    """' Did you mean "conv"?' (in the command's language) or '' when nothing is close."""
    match = closest(word, choices)
    return " " + error_text("did_you_mean", lang, match=match) if match else ""
