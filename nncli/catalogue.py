"""The exercises, in curriculum order: data, declared once.

Each exercise is a template ``exercises/NAME.py`` a learner starts from, a reference
``solutions/NAME.py`` (file for file), hidden cases in ``nncli/grader/cases/NAME.py`` and
texts in ``nncli/texts/<lang>/exercises.py`` under the keys "NAME.title", "NAME.task" and
"NAME.hint.1", "NAME.hint.2", … Commands read this table; none hard-codes an exercise.
"""

from nncli.errors import UsageProblem

# Imports rejected in every learner file: they would compute the answer (or read it).
FORBIDDEN_MODULES = ("torch", "tensorflow", "jax", "scipy", "sklearn", "nncli", "solutions")

_CONVOLVE = ("np.convolve", "numpy.convolve", "np.correlate", "numpy.correlate")


class Function:
    """One graded function of an exercise.

    name: as defined in the learner's file; points: earned when every case passes;
    forbidden: dotted call names not allowed inside this function ("np.tanh", "numpy.tanh");
    quiet: the contract promises numerical stability, so a case that returns the right values
    but raises a RuntimeWarning (NumPy's "overflow encountered in exp") fails; for the other
    functions a warning is only shown as a note.
    """

    __slots__ = ("name", "points", "forbidden", "quiet")

    def __init__(self, name: str, points: int = 1, forbidden=(), quiet: bool = False):
        self.name = name
        self.points = points
        self.forbidden = tuple(forbidden)
        self.quiet = bool(quiet)

    def __repr__(self):
        return f"Function({self.name!r}, points={self.points})"


class Exercise:
    """One exercise: `name` (also the file name), `topic` (a name in nncli/topics.py),
    `functions` (tuple of Function, in the file's order) and `hints` (tuple of text keys in
    nncli/texts/<lang>/exercises.py, from the gentlest to the most telling)."""

    __slots__ = ("name", "topic", "functions", "hints")

    def __init__(self, name: str, topic: str, functions, n_hints: int):
        self.name = name
        self.topic = topic
        self.functions = tuple(functions)
        self.hints = tuple(f"{name}.hint.{i}" for i in range(1, n_hints + 1))

    @property
    def title_key(self) -> str:
        """Text key of the one-line title ("conv.title")."""
        return f"{self.name}.title"

    @property
    def task_key(self) -> str:
        """Text key of the task printed by `nncli exercise` ("conv.task")."""
        return f"{self.name}.task"

    @property
    def cases_module(self) -> str:
        """Dotted name of the hidden cases: a module with ``cases(rng) -> list[Case]``."""
        return f"nncli.grader.cases.{self.name}"

    @property
    def max_points(self) -> int:
        return sum(f.points for f in self.functions)

    @property
    def function_names(self) -> tuple:
        return tuple(f.name for f in self.functions)

    def function(self, name: str) -> Function:
        """The Function called `name` (KeyError if the exercise has none)."""
        for f in self.functions:
            if f.name == name:
                return f
        raise KeyError(name)

    def __repr__(self):
        return f"Exercise({self.name!r})"


EXERCISES = (
    Exercise("activations", "activation", (
        Function("relu", 1),
        Function("sigmoid", 2, quiet=True),
        Function("tanh", 2, forbidden=("np.tanh", "numpy.tanh"), quiet=True),
        Function("softmax", 3, quiet=True),
    ), n_hints=3),
    Exercise("neuron", "neuron", (
        Function("perceptron", 1),
        Function("dense", 2),
    ), n_hints=3),
    Exercise("conv", "conv", (
        Function("conv1d", 2, forbidden=_CONVOLVE),
        Function("pad2d", 1, forbidden=_CONVOLVE),
        Function("corr2d", 2, forbidden=_CONVOLVE),
        Function("conv2d", 4, forbidden=_CONVOLVE),
    ), n_hints=4),
    Exercise("pool", "pool", (
        Function("max_pool2d", 2),
        Function("avg_pool2d", 2),
    ), n_hints=3),
    Exercise("rnn", "rnn", (
        Function("rnn_step", 1),
        Function("rnn_forward", 2),
    ), n_hints=3),
    Exercise("lstm", "lstm", (
        Function("lstm_step", 3),
        Function("lstm_forward", 2),
    ), n_hints=4),
    Exercise("attention", "attention", (
        Function("attention_context", 2),
        Function("scaled_dot_product_attention", 3),
        Function("self_attention", 1),
    ), n_hints=4),
    Exercise("multihead", "multihead", (
        Function("split_heads", 2),
        Function("merge_heads", 1),
        Function("multi_head_attention", 3),
    ), n_hints=4),
    Exercise("transformer", "transformer", (
        Function("positional_encoding", 2),
        Function("layer_norm", 2),
        Function("feed_forward", 1),
        Function("encoder_layer", 3),
        Function("next_token_distribution", 1),
    ), n_hints=4),
    Exercise("gnn", "gnn", (
        Function("normalize_adjacency", 2),
        Function("gcn_layer", 1),
    ), n_hints=3),
)

_BY_NAME = {e.name: e for e in EXERCISES}


def exercise_names() -> tuple:
    """The exercise names in curriculum order."""
    return tuple(e.name for e in EXERCISES)


def find_exercise(name: str, lang=None) -> Exercise:
    """The exercise called `name`; otherwise a UsageProblem in `lang` (default: $NNCLI_LANG,
    then the locale) naming the closest exercise, if one is close, and all of them."""
    exercise = _BY_NAME.get(name.lower())
    if exercise is None:
        import difflib

        from nncli.texts import Texts, resolve_lang

        t = Texts("grader", resolve_lang(lang))
        close = difflib.get_close_matches(name.lower(), list(_BY_NAME), n=1, cutoff=0.5)
        names = ", ".join(_BY_NAME)
        if close:
            raise UsageProblem(t("exercise.unknown_close", name=name, close=close[0], names=names))
        raise UsageProblem(t("exercise.unknown", name=name, names=names))
    return exercise
