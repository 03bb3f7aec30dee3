"""The `nncli` command: a lazy group of subcommands, and the one place errors are turned
into messages and exit codes (texts in ``nncli/texts/<lang>/errors.py``)."""

import atexit
import gc
import os
import sys

import click

from nncli import __version__, blas, errors
from nncli.console import tolerate_encoding
from nncli.errors import USAGE, NncliError, error_text, lang_in_argv
from nncli.lazy import LazyGroup

COMMANDS = {
    "topics": "nncli.commands.topics:command",
    "explain": "nncli.explain:group",
    "exercise": "nncli.commands.exercise:command",
    "check": "nncli.commands.check:command",
    "hint": "nncli.commands.hint:command",
    "solution": "nncli.commands.solution:command",
    "progress": "nncli.commands.progress:command",
    "grade": "nncli.commands.grade:command",
    "watch": "nncli.commands.watch:command",
    "autograde": "nncli.commands.autograde:command",
    "autograder": "nncli.commands.autograder:group",
}

# English summaries; a language's texts ("command.<name>" in nncli/texts/<lang>/cli.py) win
SUMMARIES = {
    "topics": "List every topic in curriculum order.",
    "explain": "Show how one topic computes, step by step, with every number.",
    "exercise": "Get an exercise file to fill in, and its task.",
    "check": "Grade your exercise files with hidden tests.",
    "hint": "Show the next hint for an exercise.",
    "solution": "Show the reference solution of an exercise you passed.",
    "progress": "Show your status, score and next step for every exercise.",
    "grade": "Grade a class of submissions, each in a sandbox (instructors).",
    "watch": "Check an exercise at each save, with the next step in view.",
    "autograde": "Grade one submission for a course platform (instructors).",
    "autograder": "Write an autograder for Gradescope, PrairieLearn or Classroom.",
}


def _summaries() -> dict:
    """The summary of every command in `nncli --help`, in the command line's language."""
    from nncli.texts import Texts

    t = Texts("cli", errors.command_lang())
    return {name: t(f"command.{name}") if t.has(f"command.{name}") else SUMMARIES.get(name, "")
            for name in COMMANDS}


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    summaries=_summaries,
    help_key="help.nncli",
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
    click.echo(error_text("prefix", message=message), err=True)
    sys.exit(code)


def _leave_quickly() -> None:
    """At exit, every file is written and closed: what is left in memory (NumPy's and rich's
    modules) need not be searched for cycles on the way out, which costs a check about a
    tenth of its time. Registered by `main`: a process that calls `main` as a library (a test
    run) gets it at its own exit."""
    gc.disable()
    gc.freeze()


def main(argv=None) -> None:
    """Entry point of the console script and of ``python -m nncli``."""
    debug = bool(os.environ.get("NNCLI_DEBUG"))
    blas.one_thread()
    args = sys.argv[1:] if argv is None else list(argv)
    errors.argv_lang = lang_in_argv(args)  # errors before --lang is parsed speak it too
    tolerate_encoding()  # a cp1252 stdout gets "-" for "−", never a UnicodeEncodeError
    atexit.unregister(_leave_quickly)  # once, however often `main` runs in one process
    atexit.register(_leave_quickly)
    try:
        code = cli.main(args=args, prog_name="nncli", standalone_mode=False)
    except NncliError as error:
        if debug:
            raise
        _fail(error.message, error.code)
    except getattr(click.exceptions, "NoArgsIsHelpError", ()) as error:
        click.echo(error.ctx.get_help())  # `nncli explain` alone: its help, not an error
        sys.exit(0)
    except click.UsageError as error:
        from nncli.click_errors import usage_message

        _fail(usage_message(error, args), USAGE)
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
        detail = " ".join(str(error).split())  # one line
        _fail(error_text("internal", kind=type(error).__name__, detail=detail), 70)
    sys.exit(code if isinstance(code, int) else 0)
