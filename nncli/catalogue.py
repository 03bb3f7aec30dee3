"""The exercises, in curriculum order: each declared once, here.

Adding an exercise NAME means these files, and nothing else:
  nncli/catalogue.py                 its entry below: topics, functions with their contract
                                     (parameters as declared), points, forbidden calls;
  exercises/NAME.py                  the English template: worked example, stubs, the rules;
  nncli/texts/zh/templates/NAME.py   the template's docstrings and comments in Chinese (the
                                     Chinese template is the English code with them);
  solutions/NAME.py                  the reference solution (same functions, same worked example);
  nncli/grader/cases/NAME.py         the hidden cases: ``cases(rng) -> list[Case]``, with the
                                     known mistakes of each function (most of them
                                     transformations of the reference: transforms.py);
  nncli/maths/...                    the reference maths the cases compare with;
  nncli/texts/{en,zh}/exercises.py   "NAME.title", "NAME.task", "NAME.hint.1", "NAME.hint.2", …
                                     (the hints are counted from the English keys);
  nncli/texts/{en,zh}/mistakes.py    the text of each new recognised mistake;
  nncli/texts/zh/grader.py           CASE_LABELS: the Chinese of each new case label phrase.
The topics (nncli/topics.py) and the tests read their exercises from this table; no command
hard-codes an exercise. tests/test_catalogue.py checks that all of it is there and agrees.
"""

from nncli.errors import UsageProblem

# Imports rejected in every learner file: they would compute the answer (or read it).
FORBIDDEN_MODULES = ("torch", "tensorflow", "jax", "scipy", "sklearn", "nncli", "solutions")

_CONVOLVE = ("np.convolve", "numpy.convolve", "np.correlate", "numpy.correlate")


class Function:
    """One graded function of an exercise.

    name: as defined in the learner's file; parameters: the contract, as the template and the
    solution declare them ("x, kernel_size=2, stride=None"); points: earned when every case
    passes; forbidden: dotted call names not allowed inside this function ("np.tanh",
    "numpy.tanh"); quiet: the contract promises numerical stability, so a case that returns
    the right values but raises a RuntimeWarning (NumPy's "overflow encountered in exp")
    fails; for the other functions a warning is only shown as a note.
    """

    __slots__ = ("name", "parameters", "points", "forbidden", "quiet")

    def __init__(self, name: str, parameters: str, points: int = 1, forbidden=(),
                 quiet: bool = False):
        self.name = name
        self.parameters = parameters
        self.points = points
        self.forbidden = tuple(forbidden)
        self.quiet = bool(quiet)

    def __repr__(self):
        return f"Function({self.name!r}, points={self.points})"


class Exercise:
    """One exercise: `name` (also the file name), `topics` (names in nncli/topics.py, the one
    `nncli exercise` sends the learner to first), `functions` (tuple of Function, in the
    file's order); slow: its cases train models (seconds, not milliseconds), so timings of
    "every exercise" leave it out."""

    __slots__ = ("name", "topics", "functions", "slow")

    def __init__(self, name: str, topics, functions, slow: bool = False):
        self.name = name
        self.topics = (topics,) if isinstance(topics, str) else tuple(topics)
        self.functions = tuple(functions)
        self.slow = bool(slow)

    @property
    def topic(self) -> str:
        """The topic to explain first ("conv")."""
        return self.topics[0]

    @property
    def hints(self) -> tuple:
        """Text keys of the hints, from the gentlest to the most telling: "NAME.hint.1", … as
        many as nncli/texts/en/exercises.py holds."""
        return _hint_keys(self.name)

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


def _hint_keys(name: str) -> tuple:
    from nncli.texts.en.exercises import TEXTS

    keys, number = [], 1
    while f"{name}.hint.{number}" in TEXTS:
        keys.append(f"{name}.hint.{number}")
        number += 1
    return tuple(keys)


_POOL = "x, kernel_size=2, stride=None"

EXERCISES = (
    Exercise("activations", "activation", (
        Function("relu", "x", 1),
        Function("sigmoid", "x", 2, quiet=True),
        Function("tanh", "x", 2, forbidden=("np.tanh", "numpy.tanh"), quiet=True),
        Function("softmax", "x, axis=-1", 3, quiet=True),
    )),
    Exercise("neuron", "neuron", (
        Function("perceptron", "x, w, b", 1),
        Function("dense", "x, W, b", 2),
    )),
    Exercise("backprop", ("backprop", "loss"), (
        Function("dense_backward", "dout, x, W", 2),
        Function("relu_backward", "dout, x", 1),
        Function("softmax_cross_entropy", "logits, y", 3, quiet=True),
        Function("mlp_loss_and_grads", "X, y, params", 3),
        Function("sgd_step", "params, grads, lr", 1),
    )),
    Exercise("train", "train", (
        Function("fit_predict", "X_train, y_train, X_test, n_classes, seed", 5),
    ), slow=True),
    Exercise("conv", "conv", (
        Function("conv1d", "f, g", 2, forbidden=_CONVOLVE),
        Function("pad2d", "x, p", 1, forbidden=_CONVOLVE),
        Function("corr2d", "x, k", 2, forbidden=_CONVOLVE),
        Function("conv2d", "x, w, b=None, stride=1, padding=0", 4, forbidden=_CONVOLVE),
    )),
    Exercise("pool", "pool", (
        Function("max_pool2d", _POOL, 2),
        Function("avg_pool2d", _POOL, 2),
    )),
    Exercise("cnn_backward", "cnn", (
        Function("conv2d_backward", "dout, x, w, stride=1, padding=0", 4, forbidden=_CONVOLVE),
        Function("max_pool2d_backward", "dout, " + _POOL, 2),
        Function("avg_pool2d_backward", "dout, " + _POOL, 2),
    )),
    Exercise("rnn", "rnn", (
        Function("rnn_step", "x_t, s_prev, W_in, W_s, b", 1),
        Function("rnn_forward", "x, s0, W_in, W_s, b", 2),
    )),
    Exercise("bptt", "rnn", (
        Function("rnn_step_backward", "ds, x_t, s_prev, s_t, W_in, W_s", 2),
        Function("rnn_backward", "dstates, x, s0, W_in, W_s, b", 3),
    )),
    Exercise("lstm", "lstm", (
        Function("lstm_step", "x_t, s_prev, c_prev, W, U, b", 3),
        Function("lstm_forward", "x, s0, c0, W, U, b", 2),
    )),
    Exercise("attention", ("attention", "self-attention"), (
        Function("attention_context", "s, h", 2),
        Function("scaled_dot_product_attention", "Q, K, V, mask=None", 3),
        Function("self_attention", "X, Wq, Wk, Wv, mask=None", 1),
    )),
    Exercise("attention_backward", "attention", (
        Function("softmax_backward", "dout, y, axis=-1", 2),
        Function("scaled_dot_product_attention_backward", "dout, Q, K, V, mask=None", 4),
    )),
    Exercise("multihead", "multihead", (
        Function("split_heads", "X, n_heads", 2),
        Function("merge_heads", "X", 1),
        Function("multi_head_attention", "X, Wq, Wk, Wv, Wo, n_heads, mask=None", 3),
    )),
    Exercise("transformer", ("transformer", "positional"), (
        Function("positional_encoding", "seq_len, d_model", 2),
        Function("layer_norm", "x, gamma, beta, eps=1e-05", 2),
        Function("feed_forward", "x, W1, b1, W2, b2", 1),
        Function("encoder_layer", "x, params, n_heads", 3),
        Function("next_token_distribution", "h, W_vocab, b_vocab", 1),
    )),
    Exercise("gnn", "gnn", (
        Function("normalize_adjacency", "A", 2),
        Function("gcn_layer", "A, X, W", 1),
    )),
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
