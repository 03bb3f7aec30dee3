"""`nncli explain TOPIC`: one subcommand per topic, each in ``nncli/explain/<module>.py``,
imported only when called. In a notebook, this package is also the function
``nncli.explain(topic, **options)`` (see nncli/notebook/api.py)."""

import sys
import types

import click

from nncli.errors import NncliError
from nncli.lazy import LazyGroup
from nncli.topics import TOPICS


class TopicGroup(LazyGroup):
    def noun(self, ctx):
        return "topic"

    def get_command(self, ctx, name):
        name = self.aliases.get(name, name)
        topic = next((t for t in TOPICS if t.name == name), None)
        if topic is not None and not topic.explained:
            return _not_built(topic)
        return super().get_command(ctx, name)


def _not_built(topic):
    @click.command(name=topic.name, context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def command(args):
        from nncli.errors import command_lang
        from nncli.texts import Texts

        raise NncliError(Texts("cli", command_lang())("explain.not_built", topic=topic.name))

    return command


def _summaries():
    """Each topic's one-line summary for `nncli explain --help`, in the command line's language."""
    from nncli.errors import command_lang
    from nncli.texts import Texts

    lang = command_lang()
    return {t.name: Texts(t.module, lang)("summary") for t in TOPICS}


@click.group(
    cls=TopicGroup,
    lazy={t.name: f"nncli.explain.{t.module}:command" for t in TOPICS},
    aliases={a: t.name for t in TOPICS for a in t.aliases},
    summaries=_summaries,
    help_key="help.explain",
    context_settings={"help_option_names": ["-h", "--help"]},
)
def group():
    """Show how one topic computes, step by step, with every number.

    Every topic takes --json, --export FILE, --step, --all-steps, --seed and --precision;
    'nncli explain TOPIC --help' lists its own options too.
    """


class _CallableModule(types.ModuleType):
    """`nncli.explain` is both this package and the notebook's function: calling the package
    calls nncli.notebook.api.explain."""

    def __call__(self, topic, **options):
        from nncli.notebook.api import explain

        return explain(topic, **options)


sys.modules[__name__].__class__ = _CallableModule
