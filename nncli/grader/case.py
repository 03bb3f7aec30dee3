"""One hidden test case: the call to make in the learner's process, and how to judge it here.

The learner's process receives only `args`/`kwargs` (inputs). `expected` is a function,
called in nncli's process *after* the learner's process has been started, so expected
values never exist in memory the learner's code could search.

args / kwargs values: float64 ndarrays, bool ndarrays (masks), Python int/float/bool/None,
integer ndarrays (class labels), or a dict of str -> ndarray (the transformer's params). The
result of a call is an ndarray or a tuple of ndarrays.
"""


class Mistake:
    """A recognisable wrong answer: if the learner's result matches `wrong(*args, **kwargs)`,
    the message names the mistake (`key` is a text key in nncli/texts/<lang>/grader.py)."""

    __slots__ = ("key", "wrong")

    def __init__(self, key: str, wrong):
        self.key = key
        self.wrong = wrong


class Case:
    """function: the learner's function name; label: what the case is ("edge: stride 2 does
    not divide"); expected: a function of (*args, **kwargs) giving the right result;
    agreement: None (every value within rtol/atol), or for predicted labels the fraction of
    them that must equal the expected ones (0.9: an accuracy of at least 90%)."""

    __slots__ = ("function", "label", "args", "kwargs", "expected", "mistakes", "rtol", "atol",
                 "agreement")

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
