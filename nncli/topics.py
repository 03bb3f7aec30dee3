"""The curriculum: every topic, in the order the study note teaches them.

This is data. Commands read it; none of them hard-codes a topic. A topic's sentences live
in ``nncli/texts/<lang>/<module>.py``; its explanation, when built, in
``nncli/explain/<module>.py``; its exercises are those of nncli/catalogue.py that name it.
"""

from pathlib import Path

from nncli.errors import UsageProblem, closest


class Topic:
    __slots__ = ("name", "aliases", "module")

    def __init__(self, name, aliases=(), module=None):
        self.name = name
        self.aliases = tuple(aliases)
        self.module = module or name.replace("-", "_")

    @property
    def exercises(self) -> tuple:
        """The names of the exercises that practise this topic, in curriculum order."""
        from nncli.catalogue import EXERCISES

        return tuple(e.name for e in EXERCISES if self.name in e.topics)

    @property
    def exercise(self):
        """The first exercise of the topic, or None."""
        return next(iter(self.exercises), None)

    @property
    def explained(self) -> bool:
        """True once ``nncli/explain/<module>.py`` exists."""
        return (Path(__file__).parent / "explain" / f"{self.module}.py").is_file()


TOPICS = (
    Topic("activation"),
    Topic("neuron"),
    Topic("loss"),
    Topic("backprop"),
    Topic("train"),
    Topic("conv"),
    Topic("pool"),
    Topic("cnn"),
    Topic("architectures", aliases=("history",)),
    Topic("rnn"),
    Topic("lstm"),
    Topic("attention"),
    Topic("self-attention", aliases=("qkv",)),
    Topic("multihead", aliases=("mha",)),
    Topic("positional"),
    Topic("transformer"),
    Topic("decoder"),
    Topic("gnn"),
)

_BY_NAME = {name: t for t in TOPICS for name in (t.name, *t.aliases)}


def find_topic(name: str) -> Topic:
    """The topic called `name` (or an alias); a UsageProblem with a suggestion otherwise."""
    topic = _BY_NAME.get(name.lower())
    if topic is None:
        match = closest(name, _BY_NAME)
        if match:
            raise UsageProblem.of("topic.unknown.suggest", name=name, match=match)
        raise UsageProblem.of("topic.unknown", name=name)
    return topic
