"""`nncli explain backprop`."""

import click

from nncli.explain.common import Finite, Size, common_options, explain

DEFAULTS = {"x": "1 2; 2 -1", "labels": "0 1", "w1": "0.5 -1 1; 0.5 0.5 -0.5", "b1": "0 0.5 -0.5",
            "w2": "1 -1; -0.5 1; 0.5 0.5", "b2": "0 0"}
DEFAULT_LR = 0.5
MOST_EXAMPLES, MOST_UNITS, MOST_CLASSES = 64, 16, 10  # every sum is written out


@click.command(name="backprop")
@click.option("--x", "x_text", metavar="MATRIX", help=f'The inputs X, one example per row (N×D), e.g. "{DEFAULTS["x"]}" (the default).')
@click.option("--labels", "labels_text", metavar="VECTOR", help=f'The correct class of each row, e.g. "{DEFAULTS["labels"]}".')
@click.option("--w1", metavar="MATRIX", help="W1 (D×H); random when X is given or sizes are asked for.")
@click.option("--b1", metavar="VECTOR", help="b1 (H).")
@click.option("--w2", metavar="MATRIX", help="W2 (H×C).")
@click.option("--b2", metavar="VECTOR", help="b2 (C).")
@click.option("--lr", type=Finite(), default=DEFAULT_LR, show_default=True,
              help="Learning rate of the gradient-descent step (0 < lr ≤ 1000).")
@click.option("--batch", type=Size(1, MOST_EXAMPLES, "rows"), default=None,
              help="N random examples (at most 64: each sum is written out).")
@click.option("--inputs", type=Size(1, MOST_UNITS, "units"), default=None, help="D inputs per random example (at most 16, to stay readable).")
@click.option("--hidden", type=Size(1, MOST_UNITS, "units"), default=None, help="H hidden units (at most 16, to stay readable).")
@click.option("--classes", type=Size(2, MOST_CLASSES, "count"), default=None, help="C classes (2 to 10, to stay readable).")
@common_options
def command(x_text, labels_text, w1, b1, w2, b2, lr, batch, inputs, hidden, classes, **common):
    """Backpropagation: a two-layer network (ReLU, softmax, cross-entropy) forward, then
    backward with every local derivative and chain-rule product, a numerical check of one
    gradient, and one step of gradient descent with the new loss."""
    import numpy as np

    from nncli.errors import UsageProblem, command_lang
    from nncli.explain.common import one_of, too_big
    from nncli.explain.labels import read_labels
    from nncli.inputs import parse_matrix, random_ints, require_dims
    from nncli.texts import Texts

    t = Texts("backprop", command_lang())
    if not (np.isfinite(lr) and 0 < lr <= 1000):
        raise UsageProblem(t("lr.range"))
    seed = common["seed"]
    rng = np.random.default_rng(seed + 1)
    one_of("x_text", "batch")
    one_of("x_text", "inputs")
    randomised = bool(x_text is not None or batch or inputs or hidden or classes)
    if x_text is not None:
        X = require_dims(parse_matrix(x_text, "--x"), "--x", (2,), "matrix")
        too_big("--x", X.shape[0], MOST_EXAMPLES, "rows", key="size.input")
        too_big("--x", X.shape[1], MOST_UNITS, "units", key="size.input")
    elif randomised:
        X = random_ints(seed, (batch or 4, inputs or 2), -2, 3)
    else:
        X = parse_matrix(DEFAULTS["x"], "--x")
    N, D = X.shape
    H = hidden or (parse_matrix(w1, "--w1").shape[-1] if w1 is not None else 3)
    C = classes or (parse_matrix(w2, "--w2").shape[-1] if w2 is not None else 2)
    too_big("--w1", H, MOST_UNITS, "units", key="size.input")
    too_big("--w2", C, MOST_CLASSES, "count", key="size.input")

    def weight(text, option, shape):
        """The matrix or vector given to `option`, the default one, or a random one."""
        if text is None and randomised:
            return rng.integers(-4, 5, size=shape) / 2.0
        value = parse_matrix(DEFAULTS[option[2:]] if text is None else text, option)
        got = np.atleast_2d(value).shape if len(shape) == 2 else value.shape
        if got != shape:
            raise UsageProblem(t("shape.mismatch", option=option, got="×".join(map(str, value.shape)),
                                 need="×".join(map(str, shape))))
        return value.reshape(shape)

    params = {"W1": weight(w1, "--w1", (D, H)), "b1": weight(b1, "--b1", (H,)),
              "W2": weight(w2, "--w2", (H, C)), "b2": weight(b2, "--b2", (C,))}
    if labels_text is not None or not randomised:
        y = read_labels(DEFAULTS["labels"] if labels_text is None else labels_text, "--labels", N, C)
    else:
        y = np.random.default_rng(seed + 2).integers(0, C, size=N)
    from nncli.builders.backprop import build_backprop

    explain("backprop", lambda ctx: build_backprop(X, y, params, lr, ctx), common)
