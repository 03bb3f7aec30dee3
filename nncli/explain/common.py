"""Options every explanation shares, the option types the topics use (bounded sizes, finite
numbers, word lists), and the one function that shows a built trace."""

import click

from nncli.texts import LANGUAGES

EXPORT_SUFFIXES = (".svg", ".html", ".txt")
MOST_EXTRA_STEPS = 300  # --all-steps may add this many steps; more is beyond reading
MOST_SHOWN_LINES = 20_000  # and the view it asks for may hold this many rows and equations


class Size(click.IntRange):
    """A whole number in [low, high] whose error says why the bound is there.

    why: the errors text "why.<why>" (e.g. "map": a map is worked cell by cell).
    """

    def __init__(self, low, high, why):  # high None: bounded elsewhere
        super().__init__(min=low, max=high)
        self.why = why

    def convert(self, value, param, ctx):
        number = click.INT.convert(value, param, ctx)
        option = param.opts[0] if param is not None else "?"
        too_big(option, number, self.max, self.why)
        if number < self.min:
            from nncli.errors import UsageProblem

            raise UsageProblem.of("size.low", option=option, value=number, least=self.min)
        return number


def too_big(option: str, value: int, most: int, why: str, key: str = "size.high") -> None:
    """A one-line UsageProblem when `value` of `option` is above `most`, saying why.

    key: "size.high" for an option's own value, "size.input" for the rows or columns of a
    matrix given to `option`.
    """
    if value is not None and most is not None and value > most:
        from nncli.errors import UsageProblem, error_text

        raise UsageProblem.of(key, option=option, value=value, most=max(most, 0),
                              why=error_text(f"why.{why}"))


class Finite(click.ParamType):
    """A finite float; "−" is read as a minus sign, as in matrices."""

    name = "float"

    def convert(self, value, param, ctx):
        if isinstance(value, float):
            return value
        from nncli.inputs import parse_number

        return parse_number(str(value), param.opts[0] if param is not None else "?")


def parse_words(text: str, option: str = "--words") -> list:
    """Words as a learner types them: split on spaces or commas ("the cat", "the,cat",
    "the, cat"). A one-line UsageProblem when there are none."""
    import re

    from nncli.errors import UsageProblem

    words = [w for w in re.split(r"[\s,]+", text) if w]
    if not words:
        raise UsageProblem.of("tokens.no_words", option=option)
    return words


def given(name: str) -> bool:
    """Whether the option `name` (its parameter name) was written on the command line."""
    from click.core import ParameterSource

    ctx = click.get_current_context()
    return ctx.get_parameter_source(name) in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


def flag(name: str) -> str:
    """The option as written ("--input") for its parameter name ("input_text")."""
    ctx = click.get_current_context()
    param = next((p for p in ctx.command.params if p.name == name), None)
    return param.opts[0] if param is not None else "--" + name.replace("_", "-")


def only_with(names, mode: str) -> None:
    """A UsageProblem when one of the options `names` (parameter names) is given although the
    chosen mode (e.g. "--dim 1") does not use it."""
    from nncli.errors import UsageProblem

    for name in names:
        if given(name):
            raise UsageProblem.of("option.unused", option=flag(name), mode=mode)


def one_of(first: str, second: str) -> None:
    """A UsageProblem when both options (parameter names) set the same thing."""
    from nncli.errors import UsageProblem

    if given(first) and given(second):
        raise UsageProblem.of("option.both", first=flag(first), second=flag(second))


def note_seed_unused() -> None:
    """Say on stderr that --seed changes nothing in this example (every number was given)."""
    if given("seed"):
        from nncli.errors import command_lang
        from nncli.texts import Texts

        click.echo(Texts("cli", command_lang())("seed.unused"), err=True)


def common_options(function):
    """Add --seed, --json, --export, --step, --all-steps, --precision, --lang and --no-pager."""
    options = [
        click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
                     help="Seed for the random example (same seed, same numbers)."),
        click.option("--json", "as_json", is_flag=True,
                     help="Print the trace as one JSON object instead of the terminal view."),
        click.option("--export", "export_path", metavar="FILE",
                     help="Also save exactly what is shown as .svg, .html or .txt."),
        click.option("--step", "step_mode", is_flag=True,
                     help="Pause after each step (Enter: next, q: quit); needs a terminal."),
        click.option("--all-steps", is_flag=True,
                     help=f"Show every step in full, even for big inputs (at most {MOST_EXTRA_STEPS} more)."),
        click.option("--precision", type=click.IntRange(0, 12), default=3, show_default=True,
                     help="Decimals shown for numbers that are not whole."),
        click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                     help="Language of the explanations (default: $NNCLI_LANG, then the locale, then en)."),
        click.option("--no-pager", is_flag=True,
                     help="Print a long view straight to the terminal (default: through $NNCLI_PAGER, $PAGER or less)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def check_export_path(path: str) -> None:
    """A one-line UsageProblem, before anything is computed, when `path` cannot be written."""
    import os

    from nncli.errors import UsageProblem

    if not path.lower().endswith(EXPORT_SUFFIXES):
        raise UsageProblem.of("export.suffix", path=path)
    if os.path.isdir(path):
        raise UsageProblem.of("export.is_dir", path=path)
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise UsageProblem.of("export.no_folder", path=path, folder=folder)
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise UsageProblem.of("export.not_writable", path=path)


def explain(module: str, build, common: dict) -> None:
    """Build the trace with ``build(ctx)`` and show it as the common options ask.

    module: the topic's text module name ("conv"); build: a function of a Context that
    returns a Trace; common: the values of `common_options`.
    """
    from nncli.builders.context import Context
    from nncli.texts import resolve_lang

    export_path = common["export_path"]
    if export_path:
        check_export_path(export_path)
    lang = resolve_lang(common["lang"])

    def context(all_steps):
        return Context(module, lang=lang, precision=common["precision"], all_steps=all_steps)

    trace = quietly(build, context(False))
    if common["all_steps"]:
        refuse_unreadable(sum(s.skipped for s in trace.steps), "steps", MOST_EXTRA_STEPS)
        trace = quietly(build, context(True))
        refuse_unreadable(shown_lines(trace), "lines", MOST_SHOWN_LINES)
    trace.params.setdefault("seed", common["seed"])  # so a JSON trace says how to reproduce it
    from nncli.render.show import show

    show(trace, context(common["all_steps"]), as_json=common["as_json"], export_path=export_path,
         step_mode=common["step_mode"], pager=not common.get("no_pager"))


def quietly(build, ctx):
    """build(ctx) with NumPy's floating-point warnings off: an overflow to ±∞ or an
    underflow to 0 is shown as the number it became (∞, 0), never as a warning that names
    nncli's source files."""
    import warnings

    import numpy as np

    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return build(ctx)


def shown_lines(trace) -> int:
    """Roughly how many lines the terminal view of `trace` holds: one per paragraph,
    equation, table row, bar and matrix row (a matrix shows at most a screenful)."""
    from nncli.trace import Bars, Matrix, Table, iter_blocks

    lines = 0
    for step in trace.steps:
        for block in iter_blocks(step.blocks):
            if isinstance(block, Table):
                lines += len(block.rows)
            elif isinstance(block, Bars):
                lines += len(block.labels)
            elif isinstance(block, Matrix):
                lines += 14
            else:
                lines += 1
    return lines


def refuse_unreadable(count: int, what: str, most: int) -> None:
    """A one-line refusal of --all-steps when it would show more than `most` `what`."""
    if count > most:
        from nncli import numfmt
        from nncli.errors import UsageProblem

        raise UsageProblem.of(f"all_steps.too_many_{what}", count=numfmt.count(count),
                              most=numfmt.count(most))
