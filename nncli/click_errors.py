"""click's own usage errors (no such option, invalid value for --stride, ...) as one line in
the learner's language.

In English the line is click's own message with a pointer to --help. In another language
the exception's type and its parameters (the option name, the value given on the command
line, the allowed range or choices) pick an errors text, so nothing English is left but
the option names and the learner's own tokens.
"""

import re

import click

from nncli.errors import closest, command_lang, error_text

EXTRA = re.compile(r"unexpected extra arguments? \((.*)\)", re.IGNORECASE)


def usage_message(error: click.UsageError, argv) -> str:
    """One line (without the "nncli: error:" prefix) for `error`, raised while parsing
    `argv` (the arguments after "nncli")."""
    lang = command_lang()
    path = error.ctx.command_path if error.ctx is not None else _path_in_argv(argv)
    if lang == "en":
        return error_text("click.see_help", lang, message=error.format_message().rstrip("."),
                          path=path)

    def say(key, **values):
        return error_text(key, lang, path=path, **values)

    if isinstance(error, click.NoSuchOption):
        match = error.possibilities[0] if error.possibilities else None
        if match is None and error.ctx is not None:
            match = closest(error.option_name, _all_options(error.ctx))
        if match:
            return say("click.no_such_option.suggest", option=error.option_name, match=match)
        return say("click.no_such_option", option=error.option_name)
    if isinstance(error, click.BadOptionUsage):
        key = "click.takes_no_value" if "does not take" in error.message else "click.needs_value"
        return say(key, option=error.option_name)
    if isinstance(error, click.MissingParameter):
        param = error.param
        name = (param.opts[0] if param.opts and param.param_type_name == "option"
                else param.human_readable_name) if param is not None else "?"
        return say("click.missing", name=name)
    if isinstance(error, click.BadParameter):
        return _bad_parameter(error, argv, say)
    extra = EXTRA.search(error.message)
    if extra:
        return say("click.extra_args", args=extra.group(1))
    return say("click.usage")


def _bad_parameter(error, argv, say) -> str:
    param = error.param
    if param is None:
        return say("click.usage")
    option, value = _given(param, argv)
    if re.search(r"[\u3400-\u9fff]", error.message):  # a callback's message, already translated
        return say("click.bad_value.detail", option=option, detail=error.message)
    kind = param.type
    if isinstance(kind, (click.types.IntParamType, click.types.FloatParamType)):
        number = int if isinstance(kind, click.types.IntParamType) else float
        try:
            number(value)
        except (TypeError, ValueError):
            key = "click.not_integer" if number is int else "click.not_number"
            return say(key, option=option, value=value)
        if isinstance(kind, (click.IntRange, click.FloatRange)):
            return say("click.out_of_range", option=option, value=value, range=_range(kind))
    if isinstance(kind, click.Path):
        for words, key in (("is a directory", "click.path_is_dir"), ("does not exist", "click.path_missing")):
            if words in error.message:
                return say(key, option=option, value=value)
    if isinstance(kind, click.Choice):
        separator = say("list.separator")
        return say("click.choice", option=option, value=value,
                   choices=separator.join(str(c) for c in kind.choices))
    return say("click.bad_value", option=option, value=value)


def _given(param, argv):
    """(the option's name as the learner wrote it, the last value given to it)."""
    names = list(param.opts) + list(param.secondary_opts)
    option, value = (names[0] if names else param.human_readable_name), ""
    args = list(argv or ())
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg in names and index + 1 < len(args):
            option, value = arg, args[index + 1]
        elif "=" in arg and arg.split("=", 1)[0] in names:
            option, value = arg.split("=", 1)
    return option, value


def _range(kind) -> str:
    """The allowed range as a formula: "x>=1", "0<=x<=12"."""
    describe = getattr(kind, "_describe_range", None)
    if describe is not None:
        return describe()
    low = "" if kind.min is None else f"{kind.min}<="
    high = "" if kind.max is None else f"<={kind.max}"
    return f"{low}x{high}"


def _all_options(ctx) -> list:
    return [opt for param in ctx.command.get_params(ctx) for opt in param.opts]


def _path_in_argv(argv) -> str:
    """"nncli explain conv" from the words before the first option."""
    words = []
    for arg in argv or ():
        if arg.startswith("-"):
            break
        words.append(arg)
    return " ".join(["nncli", *words])
