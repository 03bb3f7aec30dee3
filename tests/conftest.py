"""Shared test helpers: run the CLI as a learner would, with no colour and a fixed width."""

import json

import pytest
from click.testing import CliRunner

from nncli.cli import main


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NNCLI_DEBUG", raising=False)
    # English unless a test asks for another language (so the suite passes on a Chinese machine)
    for variable in ("NNCLI_LANG", "LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)


class Result:
    def __init__(self, code, stdout, stderr):
        self.code, self.stdout, self.stderr = code, stdout, stderr

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def run():
    """run("explain", "conv", "--json") -> Result(code, stdout, stderr), through nncli's own
    error handling in `main` (so usage problems come out as they would in a terminal)."""

    def invoke(*args, input=None):
        runner = _runner()
        result = runner.invoke(_main_as_command, list(args), input=input)
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


import click  # noqa: E402


def _runner():
    """A CliRunner that keeps stderr apart from stdout (click < 8.2 needs mix_stderr=False)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click 8.2 and later: always apart, and no such argument
        return CliRunner()


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                 "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def _main_as_command(args):
    main(list(args))
