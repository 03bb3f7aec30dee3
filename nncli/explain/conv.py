"""`nncli explain conv`."""

import click

from nncli.explain.common import Finite, Size, common_options, explain

MOST_SIDE = 640  # rows or columns of the (padded) input: cell by cell, 640×640 takes seconds
MOST_LENGTH = 1024  # values of f or g with --dim 1
MOST_CHANNELS = 8  # input channels or filters of the --channels layer, each drawn as maps

DEFAULT_INPUT = "3 1 0 2; 1 4 2 0; 0 2 5 1; 2 0 1 3"
DEFAULT_KERNEL = "1 0 -1; 1 0 -1; 1 0 -1"
DEFAULT_F = "1 2 3"
DEFAULT_G = "0 1 0.5"


@click.command(name="conv")
@click.option("--dim", type=click.Choice(["1", "2"]), default="2", show_default=True,
              help="1: true convolution of two sequences; 2: a feature map, cell by cell.")
@click.option("--input", "input_text", metavar="MATRIX",
              help='The input (f for --dim 1): "1 2 3; 4 5 6" or a .npy/.csv/.txt file.')
@click.option("--kernel", "kernel_text", metavar="MATRIX", help="The kernel (g for --dim 1), same forms.")
@click.option("--padding", type=Size(0, None, "map"), default=0, show_default=True,
              help="Zeros added on every side (2D).")
@click.option("--stride", type=Size(1, MOST_SIDE, "stride"), default=1, show_default=True,
              help="Step between windows (2D).")
@click.option("--bias", type=Finite(), default=0.0, show_default=True, help="Added to every output cell (2D).")
@click.option("--flip", is_flag=True, help="Flip the kernel first: true convolution instead of cross-correlation (2D).")
@click.option("--size", type=Size(1, 512, "map"), default=None,
              help="Use a random SIZE×SIZE input (SIZE values for --dim 1) drawn with --seed.")
@click.option("--channels", type=Size(1, MOST_CHANNELS, "count"), default=None,
              help="Input channels C: a random C×SIZE×SIZE input and 3×3 filters over all channels (2D).  [default: 1]")
@click.option("--filters", type=Size(1, MOST_CHANNELS, "count"), default=None,
              help="Filters F, each C×3×3, giving F output maps (with --channels).  [default: 1]")
@common_options
def command(dim, input_text, kernel_text, padding, stride, bias, flip, size, channels, filters, **common):
    """Convolution step by step: a 2D feature map cell by cell (the same numbers as
    torch.nn.functional.conv2d), or with --dim 1 the true convolution as flip, shift,
    multiply, sum (the same numbers as numpy.convolve)."""
    from nncli.errors import UsageProblem
    from nncli.explain.common import note_seed_unused, only_with, too_big
    from nncli.inputs import parse_matrix, random_ints, require_dims

    seed = common["seed"]
    if dim == "1":
        only_with(["padding", "stride", "bias", "flip", "channels", "filters"], "--dim 1")
    elif channels is not None or filters is not None:
        layer_command(channels or 1, filters or 1, size, padding, stride, bias, flip,
                      input_text, kernel_text, common)
        return
    if input_text and kernel_text:
        only_with(["size"], "--input and --kernel")
    if not size or (input_text and kernel_text):
        note_seed_unused()
    if dim == "1":
        if input_text is not None:
            f = parse_matrix(input_text, "--input")
        elif size:
            f = random_ints(seed, (size,))
        else:
            f = parse_matrix(DEFAULT_F, "--input")
        g = parse_matrix(kernel_text, "--kernel") if kernel_text is not None else (
            random_ints(seed + 1, (3,)) if size else parse_matrix(DEFAULT_G, "--kernel"))
        f, g = (require_dims(a, o, (1,), "row") for a, o in ((f, "--input"), (g, "--kernel")))
        too_big("--input", len(f), MOST_LENGTH, "values", key="size.input")
        too_big("--kernel", len(g), MOST_LENGTH, "values", key="size.input")
        from nncli.builders.conv import build_conv1d

        explain("conv", lambda ctx: build_conv1d(f, g, ctx), common)
        return

    if input_text is not None:
        x = parse_matrix(input_text, "--input")
    elif size:
        x = random_ints(seed, (size, size), 0, 5)
    else:
        x = parse_matrix(DEFAULT_INPUT, "--input")
    k = parse_matrix(kernel_text, "--kernel") if kernel_text is not None else (
        random_ints(seed + 1, (3, 3)) if size else parse_matrix(DEFAULT_KERNEL, "--kernel"))
    x = require_dims(x, "--input", (2,), "matrix")
    k = require_dims(k, "--kernel", (2,), "matrix")
    too_big("--input", max(x.shape), MOST_SIDE, "map", key="size.input")
    too_big("--kernel", max(k.shape), MOST_SIDE, "map", key="size.input")
    too_big("--padding", padding, (MOST_SIDE - max(x.shape)) // 2, "map")
    ph, pw = x.shape[0] + 2 * padding, x.shape[1] + 2 * padding
    if k.shape[0] > ph or k.shape[1] > pw:
        raise UsageProblem.of("conv.kernel_too_big", kh=k.shape[0], kw=k.shape[1], ph=ph, pw=pw)
    from nncli.builders.conv import build_conv2d

    explain("conv", lambda ctx: build_conv2d(x, k, ctx, bias=bias, padding=padding,
                                             stride=stride, flip=flip), common)


def layer_command(channels, filters, size, padding, stride, bias, flip, input_text, kernel_text, common):
    """--channels / --filters: a random multi-channel input, one filter per output map."""
    from nncli.errors import UsageProblem
    from nncli.explain.common import given, too_big
    from nncli.inputs import random_ints

    if refused := next((o for o, v in (("--input", input_text is not None),
                                          ("--kernel", kernel_text is not None), ("--flip", flip)) if v),
                       None):
        raise UsageProblem.of("conv.channels_random", option=refused)
    seed = common["seed"]
    side = size or 4
    too_big("--padding", padding, (MOST_SIDE - side) // 2, "map")
    x = random_ints(seed, (channels, side, side), 0, 5)
    k = random_ints(seed + 1, (filters, channels, 3, 3), -1, 2)
    if 3 > side + 2 * padding:
        raise UsageProblem.of("conv.kernel_too_big", kh=3, kw=3, ph=side + 2 * padding,
                              pw=side + 2 * padding)
    b = [bias] * filters if given("bias") else None
    from nncli.builders.conv_channels import build_conv_channels

    explain("conv", lambda ctx: build_conv_channels(x, k, ctx, bias=b, padding=padding,
                                                    stride=stride), common)
