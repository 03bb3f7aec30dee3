"""Options every explanation shares, and the one function that shows a built trace."""

import click

from nncli.texts import LANGUAGES

EXPORT_SUFFIXES = (".svg", ".html", ".txt")


class Bounded(click.ParamType):
    """A whole number from `low` to `high`; outside, a one-line usage error that says why
    (`why`: a key of the errors texts)."""

    name = "integer"

    def __init__(self, low: int, high: int, why: str):
        self.low, self.high, self.why = low, high, why

    def convert(self, value, param, ctx):
        from nncli.errors import UsageProblem, error_text

        number = click.INT.convert(value, param, ctx)
        if not self.low <= number <= self.high:
            raise UsageProblem.of("size.bound", option=param.opts[0], value=number, low=self.low,
                                  high=self.high, why=error_text(self.why))
        return number

    def get_metavar(self, param, ctx=None):
        return f"{self.low}…{self.high}"


def common_options(function):
    """Add --seed, --json, --export, --step, --all-steps, --precision and --lang."""
    options = [
        click.option("--seed", type=int, default=0, show_default=True,
                     help="Seed for the random example (same seed, same numbers)."),
        click.option("--json", "as_json", is_flag=True,
                     help="Print the trace as one JSON object instead of the terminal view."),
        click.option("--export", "export_path", type=click.Path(dir_okay=False, writable=True),
                     help="Also save exactly what is shown as .svg, .html or .txt."),
        click.option("--step", "step_mode", is_flag=True,
                     help="Pause after each step (Enter: next, q: quit); needs a terminal."),
        click.option("--all-steps", is_flag=True,
                     help="Show every step in full, even for big inputs."),
        click.option("--precision", type=click.IntRange(0, 12), default=3, show_default=True,
                     help="Decimals shown for numbers that are not whole."),
        click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                     help="Language of the explanations (default: $NNCLI_LANG, then the locale, then en)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def explain(module: str, build, common: dict) -> None:
    """Build the trace with ``build(ctx)`` and show it as the common options ask.

    module: the topic's text module name ("conv"); build: a function of a Context that
    returns a Trace; common: the values of `common_options`.
    """
    from nncli.builders.context import Context
    from nncli.errors import UsageProblem

    export_path = common["export_path"]
    if export_path and not export_path.lower().endswith(EXPORT_SUFFIXES):
        raise UsageProblem.of("export.suffix", path=export_path)
    from nncli.texts import resolve_lang

    ctx = Context(module, lang=resolve_lang(common["lang"]), precision=common["precision"],
                  all_steps=common["all_steps"])
    trace = build(ctx)
    trace.params.setdefault("seed", common["seed"])  # so a JSON trace says how to reproduce it
    from nncli.render.show import show

    show(trace, ctx, as_json=common["as_json"], export_path=export_path,
         step_mode=common["step_mode"])
