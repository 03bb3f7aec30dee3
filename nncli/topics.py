"""The curriculum: every topic, in the order the study note teaches them.

This is data. Commands read it; none of them hard-codes a topic. A topic's sentences live
in ``nncli/texts/<lang>/<module>.py``; its explanation, when built, in
``nncli/explain/<module>.py``; its exercise (if any) is named by `exercise`.
"""

from pathlib import Path

from nncli.errors import UsageProblem, closest


class Topic:
    __slots__ = ("name", "aliases", "module", "exercise")

    def __init__(self, name, exercise=None, aliases=(), module=None):
        self.name = name
        self.aliases = tuple(aliases)
        self.module = module or name.replace("-", "_")
        self.exercise = exercise

    @property
    def explained(self) -> bool:
        """True once ``nncli/explain/<module>.py`` exists."""
        return (Path(__file__).parent / "explain" / f"{self.module}.py").is_file()


TOPICS = (
    Topic("activation", exercise="activations"),
    Topic("neuron", exercise="neuron"),
    Topic("loss"),
    Topic("backprop"),
    Topic("train"),
    Topic("conv", exercise="conv"),
    Topic("pool", exercise="pool"),
    Topic("cnn"),
    Topic("architectures", aliases=("history",)),
    Topic("rnn", exercise="rnn"),
    Topic("lstm", exercise="lstm"),
    Topic("attention", exercise="attention"),
    Topic("self-attention", exercise="attention", aliases=("qkv",)),
    Topic("multihead", exercise="multihead", aliases=("mha",)),
    Topic("positional", exercise="transformer"),
    Topic("transformer", exercise="transformer"),
    Topic("decoder"),
    Topic("gnn", exercise="gnn"),
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
