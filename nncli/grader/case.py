"""One hidden test case: the call to make in the learner's process, and how to judge it here.

The learner's process receives only `args`/`kwargs` (inputs). `expected` is a function,
called in nncli's process, which alone holds the reference maths.

args / kwargs values: float64 ndarrays, bool ndarrays (masks), Python int/float/bool/None,
integer ndarrays (class labels), or a dict of str -> ndarray (the transformer's params). The
result of a call is an ndarray or a tuple of ndarrays.
"""


class Mistake:
    """A recognisable wrong answer: if the learner's result matches `wrong(*args, **kwargs)`,
    the message names the mistake.

    key: names the mistake ("gates_order_fgio"); text: the text key of
    nncli/texts/<lang>/mistakes.py that words it (default: `key`), filled with `values`
    ({"order": "f, g, i, o"}). Most mistakes are declared as transformations of the reference
    (nncli/grader/transforms.py); `wrong` may also be a whole wrong implementation."""

    __slots__ = ("key", "wrong", "text", "values")

    def __init__(self, key: str, wrong, text: str = None, values=None):
        self.key = key
        self.wrong = wrong
        self.text = text or key
        self.values = dict(values or {})

    def __repr__(self):
        return f"Mistake({self.key!r})"


class Case:
    """function: the learner's function name; label: what the case is ("edge: stride 2 does
    not divide"); expected: a function of (*args, **kwargs) giving the right result;
    agreement: None (every value within rtol/atol), or for predicted labels the fraction of
    them that must equal the expected ones (0.9: an accuracy of at least 90%).

    wrong_answers: {Mistake: its wrong answer, or None when it cannot be formed}, filled
    the first time a learner's answer is compared with them (`nncli grade` judges a whole
    class with the same cases, so each wrong answer is computed once)."""

    __slots__ = ("function", "label", "args", "kwargs", "expected", "mistakes", "rtol", "atol",
                 "agreement", "wrong_answers")

    def __init__(self, function, label, args, expected, kwargs=None, mistakes=(),
                 rtol=1e-6, atol=1e-9, agreement=None):
        self.function = function
        self.label = label
        self.args = tuple(args)
        self.kwargs = dict(kwargs or {})
        self.expected = expected
        self.mistakes = list(mistakes)
        self.rtol = rtol
        self.atol = atol
        self.agreement = agreement
        self.wrong_answers = {}
