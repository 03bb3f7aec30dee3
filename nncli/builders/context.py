"""What a builder needs besides its numbers: its texts, number formatting, and how many
repeated steps to show in full."""

from nncli import numfmt
from nncli.texts import Texts
from nncli.trace import Step, Text


class Context:
    """module: the topic's text module; precision: decimals in worded numbers;
    all_steps: show every repeated step instead of the first few."""

    def __init__(self, module: str, lang: str = "en", precision: int = 3, all_steps: bool = False):
        self.t = Texts(module, lang)
        self.cli_texts = Texts("cli", lang)
        self.lang = lang
        self.precision = precision
        self.all_steps = all_steps

    def n(self, x) -> str:
        """A number as text: '3', '−0.5'."""
        return numfmt.num(x, self.precision)

    def term(self, x) -> str:
        """A number as a factor: '(−1)' for negatives."""
        return numfmt.term(x, self.precision)

    def vec(self, values) -> str:
        """A vector as text: '[1, −0.5, 2]'."""
        return "[" + ", ".join(self.n(v) for v in values) + "]"

    def shown(self, index: int, limit: int) -> bool:
        """Whether the `index`-th of a family of repeated steps is shown in full."""
        return self.all_steps or index < limit

    def skipped_step(self, title: str, count: int) -> Step:
        """The summary that stands for `count` repeated steps not shown."""
        return Step(title, [Text(self.cli_texts("skipped", count=numfmt.count(count)))],
                    skipped=count)
