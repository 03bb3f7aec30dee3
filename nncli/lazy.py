"""A click group that imports a subcommand only when it is called.

``nncli --help`` must not pay for NumPy or rich, so the group knows each command by the
dotted path of the module that defines it (see click's "Lazily Loading Subcommands").
"""

import importlib
import unicodedata

import click

from nncli.errors import UsageProblem, closest


class LazyGroup(click.Group):
    """`lazy` maps a command name to "module.path:attribute"; `summaries` gives help lines
    without importing anything; `aliases` maps another name to a command name; `help_key`
    names the group's help text in the cli texts (in the command line's language)."""

    def __init__(self, *args, lazy=None, summaries=None, aliases=None, help_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})
        self.summaries = summaries or (lambda: {})
        self.aliases = dict(aliases or {})
        self.help_key = help_key

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
            match = closest(name, choices)
            key = f"unknown.{self.noun(ctx)}" + (".suggest" if match else "")
            raise UsageProblem.of(key, name=name, match=match, path=ctx.command_path)
        return super().resolve_command(ctx, args)

    def noun(self, ctx) -> str:
        """What the group's subcommands are called: "command" (errors text "unknown.command")."""
        return "command"

    def format_help_text(self, ctx, formatter):
        if self.help_key is None:
            return super().format_help_text(ctx, formatter)
        from nncli.errors import command_lang
        from nncli.texts import Texts

        formatter.write_paragraph()
        with formatter.indentation():
            width = formatter.width - formatter.current_indent
            text = Texts("cli", command_lang())(self.help_key)
            formatter.write_text("\n\n".join(keep_wrapped(p, width) for p in text.split("\n\n")))

    def format_commands(self, ctx, formatter):
        summaries = self.summaries()
        names = self.list_commands(ctx)
        if not names:
            return
        # the summary column's width as click's write_dl computes it
        width = max(formatter.width - min(max(map(len, names)), 30) - 4, 10)
        rows = [(name, keep_wrapped(summaries.get(name, ""), width)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


NO_LINE_START = set("，。、；：！？）》」”’…,.;:!?)")


def cells(text: str) -> int:
    """Terminal columns of `text`: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def keep_wrapped(text: str, width: int) -> str:
    """`text` unchanged when it has no wide characters (click wraps it); otherwise wrapped
    here by display width, between Chinese characters or at spaces, and marked with
    click's "\\b" so click leaves the lines as they are."""
    if all(cells(c) == 1 for c in text):
        return text
    pieces = []  # [spaces before, text]: one wide character, or a run of others
    space = ""
    for char in " ".join(text.split("\n")):
        if char == " ":
            space += char
            continue
        glue = pieces and not space and (
            char in NO_LINE_START or (cells(char) == 1 and cells(pieces[-1][1][-1]) == 1))
        if glue:
            pieces[-1][1] += char
        else:
            pieces.append([space, char])
        space = ""
    lines, line = [], ""
    for gap, piece in pieces:
        if line and cells(line + gap + piece) > width:
            lines.append(line)
            line = piece
        else:
            line += gap if line else ""
            line += piece
    lines.append(line)
    return "\b\n" + "\n".join(lines)
