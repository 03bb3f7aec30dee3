"""`nncli explain activation`."""

import click

from nncli.explain.common import Size, common_options, explain

DEFAULT_INPUT = "-3 -1 0 0.5 2 6"


@click.command(name="activation")
@click.option("--input", "input_text", metavar="VECTOR",
              help=f'The values: "{DEFAULT_INPUT}" (the default) or a .npy/.csv/.txt file.')
@click.option("--size", type=Size(1, 100_000, "values"), default=None,
              help="Use SIZE random values in [−6, 6] drawn with --seed.")
@common_options
def command(input_text, size, **common):
    """ReLU, sigmoid, tanh and softmax on a few values: a table of values and slopes, a
    small plot of each curve, saturation (why sigmoid and tanh gradients vanish), and why
    ReLU is the usual first choice."""
    import numpy as np

    from nncli.explain.common import note_seed_unused, one_of, too_big
    from nncli.inputs import parse_matrix, require_dims

    one_of("input_text", "size")
    if not size:
        note_seed_unused()
    if input_text is not None:
        x = require_dims(parse_matrix(input_text, "--input"), "--input", (1,), "row_values")
        too_big("--input", len(x), 100_000, "values", key="size.input")
    elif size:
        x = np.round(np.random.default_rng(common["seed"]).uniform(-6, 6, size), 1)
    else:
        x = parse_matrix(DEFAULT_INPUT, "--input")
    from nncli.builders.activation import build_activation

    explain("activation", lambda ctx: build_activation(x, ctx), common)
