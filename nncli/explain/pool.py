"""`nncli explain pool`."""

import click

from nncli.explain.common import Size, common_options, explain

DEFAULT_INPUT = "1 3 2 1; 3 2 0 4; 5 6 1 2; 1 2 7 8"


@click.command(name="pool")
@click.option("--mode", type=click.Choice(["max", "avg"]), default="max", show_default=True,
              help="max: the largest value of each window; avg: their mean.")
@click.option("--input", "input_text", metavar="MATRIX",
              help='The input map: "1 2; 3 4" or a .npy/.csv/.txt file.')
@click.option("--window", type=Size(1, 640, "map"), default=2, show_default=True, help="Window side K (K×K).")
@click.option("--stride", type=Size(1, 640, "stride"), default=None, help="Step between windows.  [default: the window]")
@click.option("--size", type=Size(1, 512, "map"), default=None,
              help="Use a random SIZE×SIZE input drawn with --seed.")
@common_options
def command(mode, input_text, window, stride, size, **common):
    """Max or average pooling, window by window: the winner of each max window (ties:
    the first in row-major order, as PyTorch), or the mean written out; the output size
    ⌊(H − K)/S⌋ + 1 and which rows and columns a stride drops."""
    from nncli.errors import UsageProblem
    from nncli.explain.common import note_seed_unused, one_of, too_big
    from nncli.inputs import parse_matrix, random_ints, require_dims

    one_of("input_text", "size")
    if not size:
        note_seed_unused()
    if input_text is not None:
        x = parse_matrix(input_text, "--input")
    elif size:
        x = random_ints(common["seed"], (size, size), 0, 10)
    else:
        x = parse_matrix(DEFAULT_INPUT, "--input")
    x = require_dims(x, "--input", (2,), "matrix")
    too_big("--input", max(x.shape), 640, "map", key="size.input")
    if window < 1:
        raise UsageProblem.of("pool.window_small", window=window)
    if window > min(x.shape):
        raise UsageProblem.of("pool.window_big", window=window, rows=x.shape[0], cols=x.shape[1],
                              most=min(x.shape))
    if stride is not None and stride < 1:
        raise UsageProblem.of("pool.stride_small", stride=stride)
    from nncli.builders.pool import build_pool

    explain("pool", lambda ctx: build_pool(x, ctx, mode=mode, window=window, stride=stride), common)
