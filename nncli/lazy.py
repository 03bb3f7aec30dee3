"""A click group that imports a subcommand only when it is called.

``nncli --help`` must not pay for NumPy or rich, so the group knows each command by the
dotted path of the module that defines it (see click's "Lazily Loading Subcommands").
"""

import importlib

import click

from nncli.errors import UsageProblem, did_you_mean


class LazyGroup(click.Group):
    """`lazy` maps a command name to "module.path:attribute"; `summaries` gives help lines
    without importing anything; `aliases` maps another name to a command name."""

    def __init__(self, *args, lazy=None, summaries=None, aliases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})
        self.summaries = summaries or (lambda: {})
        self.aliases = dict(aliases or {})

    def list_commands(self, ctx):
        return list(self.lazy) + sorted(c for c in self.commands if c not in self.lazy)

    def get_command(self, ctx, name):
        name = self.aliases.get(name, name)
        if name in self.lazy:
            module_path, attribute = self.lazy[name].split(":")
            return getattr(importlib.import_module(module_path), attribute)
        return super().get_command(ctx, name)

    def resolve_command(self, ctx, args):
        name = args[0]
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            choices = list(self.lazy) + list(self.aliases) + list(self.commands)
            raise UsageProblem(
                f'unknown {self.noun(ctx)} "{name}".{did_you_mean(name, choices)}'
                f" See '{ctx.command_path} --help'."
            )
        return super().resolve_command(ctx, args)

    def noun(self, ctx) -> str:
        return "command"

    def format_commands(self, ctx, formatter):
        summaries = self.summaries()
        rows = [(name, summaries.get(name, "")) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
