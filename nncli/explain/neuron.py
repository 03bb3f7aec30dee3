"""`nncli explain neuron`."""

import click

from nncli.explain.common import Finite, Size, common_options, explain

DEFAULT_X = "2 -1 0.5"
DEFAULT_W = "0.5 -0.25 1"
DEFAULT_B = -1.0
NONZERO_HALVES = (-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0)  # random weights: readable, never 0


@click.command(name="neuron")
@click.option("--x", "--input", "x_text", metavar="VECTOR", help=f'The inputs x, e.g. "{DEFAULT_X}" (the default).')
@click.option("--w", "--weights", "w_text", metavar="VECTOR", help=f'The weights w, one per input, e.g. "{DEFAULT_W}".')
@click.option("--b", "--bias", "bias", type=Finite(), default=None, help=f"The bias b (default {DEFAULT_B:g}).")
@click.option("--activation", type=click.Choice(["relu", "sigmoid", "tanh", "step"]), default="relu",
              show_default=True, help="f in y = f(z); step is the perceptron.")
@click.option("--neurons", type=Size(1, 64, "units"), default=4, show_default=True,
              help="Neurons in the layer shown after the single neuron.")
@click.option("--size", type=Size(1, 10_000, "values"), default=None,
              help="Use SIZE random inputs, weights and a bias drawn with --seed.")
@common_options
def command(x_text, w_text, bias, activation, neurons, size, **common):
    """One neuron: the weighted sum z = x·w + b term by term, the activation y = f(z)
    (step: the perceptron), then a layer of neurons as x @ W + b with its shapes."""
    import numpy as np

    from nncli.errors import UsageProblem
    from nncli.explain.common import one_of, too_big
    from nncli.inputs import parse_matrix, random_ints, require_dims

    seed = common["seed"]
    one_of("x_text", "size")
    if x_text is not None:
        x = require_dims(parse_matrix(x_text, "--x"), "--x", (1,), "row_inputs")
        too_big("--x", len(x), 10_000, "values", key="size.input")
    else:
        x = random_ints(seed, (size,)) if size else parse_matrix(DEFAULT_X, "--x")
    if w_text is not None:
        w = require_dims(parse_matrix(w_text, "--w"), "--w", (1,), "row_weights")
    elif size or x_text is not None:
        w = np.random.default_rng(seed + 1).choice(NONZERO_HALVES, size=len(x))
    else:
        w = parse_matrix(DEFAULT_W, "--w")
    if len(w) != len(x):
        raise UsageProblem.of("neuron.weights_count", weights=len(w), inputs=len(x))
    if bias is None:
        bias = float(np.random.default_rng(seed + 2).integers(-2, 3) / 2.0) if (size or x_text is not None) else DEFAULT_B
    if not np.isfinite(bias):
        raise UsageProblem.of("neuron.bias_finite")
    from nncli.builders.neuron import build_neuron

    explain("neuron", lambda ctx: build_neuron(x, w, bias, ctx, activation=activation,
                                               neurons=neurons, seed=seed), common)
