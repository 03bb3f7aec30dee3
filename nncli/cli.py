"""The `nncli` command: a lazy group of subcommands, and the one place errors are turned
into messages and exit codes."""

import os
import sys

import click

from nncli import __version__
from nncli.errors import USAGE, NncliError
from nncli.lazy import LazyGroup

COMMANDS = {
    "topics": "nncli.commands.topics:command",
    "explain": "nncli.explain:group",
    "exercise": "nncli.commands.exercise:command",
    "check": "nncli.commands.check:command",
    "hint": "nncli.commands.hint:command",
    "solution": "nncli.commands.solution:command",
    "progress": "nncli.commands.progress:command",
}

SUMMARIES = {
    "topics": "List every topic in curriculum order.",
    "explain": "Show how one topic computes, step by step, with every number.",
    "exercise": "Get an exercise file to fill in, and its task.",
    "check": "Grade your exercise files with hidden tests.",
    "hint": "Show the next hint for an exercise.",
    "solution": "Show the reference solution of an exercise you passed.",
    "progress": "Show your status, score and next step for every exercise.",
}


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    summaries=lambda: SUMMARIES,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "-V", "--version", prog_name="nncli")
@click.pass_context
def cli(ctx):
    """nncli: see how neural networks compute, then build each piece in NumPy."""
    if ctx.invoked_subcommand is None:
        from nncli.texts import Texts, resolve_lang

        click.echo(Texts("cli", resolve_lang())("welcome", version=__version__))


def _fail(message: str, code: int) -> None:
    click.echo(f"nncli: error: {message}", err=True)
    sys.exit(code)


def main(argv=None) -> None:
    """Entry point of the console script and of ``python -m nncli``."""
    debug = bool(os.environ.get("NNCLI_DEBUG"))
    try:
        code = cli.main(args=argv, prog_name="nncli", standalone_mode=False)
    except NncliError as error:
        if debug:
            raise
        _fail(error.message, error.code)
    except click.UsageError as error:
        hint = f" See '{error.ctx.command_path} --help'." if error.ctx else ""
        _fail(error.format_message().rstrip(".") + "." + hint, USAGE)
    except click.ClickException as error:
        _fail(error.format_message(), error.exit_code)
    except click.Abort:
        click.echo("", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # the reader (head, less) went away: that is not an error of ours
        sys.stderr.close()
        sys.exit(0)
    except Exception as error:  # noqa: BLE001 - the one place unexpected errors land
        if debug:
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (set NNCLI_DEBUG=1 for a traceback)", 70)
    sys.exit(code if isinstance(code, int) else 0)
