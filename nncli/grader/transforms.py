"""Known mistakes as transformations of the reference: the right computation made on altered
inputs (a bias set to zero, weights transposed, the gate blocks in another order, the mask
inverted) or with its result altered (outputs swapped, result transposed).

A case module declares, per function, the transformations a learner's wrong answer is tried
against:

    STEP = declare("lstm", "lstm_step", lstm.lstm_step,
                   [*gate_orders("W", "U", "b"), zeroed("b"), outputs_swapped()])

Inputs are named as the catalogue's contract names them (nncli/catalogue.py), so one line
of data plus its text in nncli/texts/<lang>/mistakes.py adds a known mistake. A
transformation that cannot be made on a case's inputs (no mask to invert, weights that are
not square) raises, and is then simply not tried on that case (compare.recognise).
"""

import ast
import itertools

import numpy as np

from nncli.grader.case import Mistake


class Transform:
    """key: the mistake's name; change(p): edits p, {parameter name: value}, in place (raises
    when it does not apply); output(result) -> the altered result; text, values: as Mistake."""

    __slots__ = ("key", "change", "output", "text", "values")

    def __init__(self, key, change=None, output=None, text=None, values=None):
        self.key, self.change, self.output = key, change, output
        self.text, self.values = text, values


def declare(exercise: str, function: str, reference, transforms) -> list:
    """The Mistakes of `function` of `exercise`: each Transform made into a wrong answer of
    `reference` (called with every parameter, positionally, in the contract's order); a
    Mistake given as it is stays as it is."""
    names, defaults = contract(exercise, function)
    return [t if isinstance(t, Mistake) else _mistake(t, reference, names, defaults)
            for t in transforms]


def contract(exercise: str, function: str):
    """(parameter names, {name: default}) of a function as the catalogue declares it."""
    from nncli.catalogue import find_exercise

    declared = find_exercise(exercise).function(function).parameters
    tree = ast.parse(f"def f({declared}): pass").body[0].args
    names = [a.arg for a in tree.args]
    defaults = {a.arg: ast.literal_eval(d)
                for a, d in zip(tree.args[len(tree.args) - len(tree.defaults):], tree.defaults)}
    return names, defaults


def _mistake(transform, reference, names, defaults):
    def wrong(*args, **kwargs):
        p = dict(defaults)
        p.update(zip(names, args))
        p.update(kwargs)
        if transform.change is not None:
            transform.change(p)
        result = reference(*(p[name] for name in names))
        return transform.output(result) if transform.output is not None else result

    wrong.__name__ = transform.key
    return Mistake(transform.key, wrong, transform.text, transform.values)


class NotApplicable(Exception):
    """A transformation that cannot be made on these inputs."""


def _given(p, name):
    if p.get(name) is None:
        raise NotApplicable(name)
    return p[name]


# ---------------------------------------------------------------- inputs

def zeroed(name: str, key: str = "missing_bias") -> Transform:
    """The input `name` (a bias) left out: all zeros."""
    def change(p):
        p[name] = np.zeros(np.shape(_given(p, name)))
    return Transform(key, change)


def transposed(name: str, key: str) -> Transform:
    """The input `name` (square weights) used transposed."""
    def change(p):
        value = np.asarray(_given(p, name))
        if value.ndim != 2 or value.shape[0] != value.shape[1]:
            raise NotApplicable(name)
        p[name] = value.T
    return Transform(key, change)


def replaced(name: str, value, key: str, values=None, text=None) -> Transform:
    """The input `name` replaced by `value` (a hard-coded constant, the default used instead of
    the argument); not tried where the call passes that very value."""
    def change(p):
        given = p.get(name)
        if given is value or (given is not None and value is not None and given == value):
            raise NotApplicable(name)
        p[name] = value
    return Transform(key, change, text=text, values=values)


def inverted(name: str = "mask", key: str = "mask_inverted") -> Transform:
    """A boolean input (a mask) with its meaning inverted."""
    def change(p):
        p[name] = ~np.asarray(_given(p, name), dtype=bool)
    return Transform(key, change)


def ignored(name: str = "mask", key: str = "mask_ignored") -> Transform:
    """An optional input (a mask) left out, as if None had been passed."""
    def change(p):
        _given(p, name)
        p[name] = None
    return Transform(key, change)


def scaled(name: str, factor, key: str) -> Transform:
    """The input `name` multiplied by factor(p): Q times √d is attention without its 1/√d."""
    def change(p):
        p[name] = np.asarray(_given(p, name)) * factor(p)
    return Transform(key, change)


def off_by_one(name: str, key: str, smallest: int = 0) -> list:
    """An integer input (a stride, a padding) one more and one less than given."""
    def shifted(step):
        def change(p):
            value = p.get(name)
            if not isinstance(value, int) or value + step < smallest:
                raise NotApplicable(name)
            p[name] = value + step
        return Transform(key, change, values={"step": f"{step:+d}"})

    return [shifted(+1), shifted(-1)]


def other_axis(name: str = "axis", key: str = "softmax_wrong_axis") -> Transform:
    """The reduction made along another axis than the one asked (the last if another was
    asked, else the first)."""
    def change(p):
        ndim = np.ndim(_given(p, "x"))
        asked = p[name] % ndim
        p[name] = ndim - 1 if asked != ndim - 1 else 0
        if p[name] == asked:
            raise NotApplicable(name)
    return Transform(key, change)


GATES = "ifgo"


def gate_orders(*names: str, gates: str = GATES) -> list:
    """Every other order in which the four column blocks of the inputs `names` (W, U, b:
    their last axis holds the gates side by side) can be read: one mistake per order,
    "gates_order_fgio" for blocks read as f, g, i, o."""
    out = []
    for order in itertools.permutations(gates):
        order = "".join(order)
        if order == gates:
            continue
        # the learner reads block j as gate order[j]; the reference reads block k as
        # gates[k], so it must find there the block the learner took for gates[k]
        taken = [order.index(gate) for gate in gates]

        def change(p, taken=taken):
            for name in names:
                blocks = np.split(np.asarray(_given(p, name)), len(gates), axis=-1)
                p[name] = np.concatenate([blocks[j] for j in taken], axis=-1)

        out.append(Transform(f"gates_order_{order}", change, text="gates_order",
                             values={"order": ", ".join(order)}))
    return out


# ---------------------------------------------------------------- result

def outputs_swapped(key: str) -> Transform:
    """The two returned arrays in the other order."""
    return Transform(key, output=lambda result: tuple(result)[::-1])


def result_transposed(key: str = "transposed_result") -> Transform:
    return Transform(key, output=lambda result: np.asarray(result).T)
