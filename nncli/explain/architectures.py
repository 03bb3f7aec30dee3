"""`nncli explain architectures`."""

import click

from nncli.explain.common import Size, common_options, explain


@click.command(name="architectures")
@click.option("--channels", type=Size(2, 2048, "channels"), default=192, show_default=True,
              help="Channels C of the 1×1 example's input (and of the 3×3 stacks).")
@click.option("--reduce", type=Size(1, 2047, "channels"), default=96, show_default=True,
              help="Channels the 1×1 convolution cuts C to; fewer than --channels.")
@click.option("--filters", type=Size(1, 2048, "channels"), default=128, show_default=True,
              help="Filters of the 3×3 convolution after the cut.")
@click.option("--size", type=Size(1, 224, "size"), default=28, show_default=True,
              help="Height and width of the 1×1 example's feature map.")
@click.option("--blocks", type=Size(1, 50, "blocks"), default=10, show_default=True,
              help="Residual blocks stacked to follow the gradient.")
@common_options
def command(channels, reduce, filters, size, blocks, **common):
    """The CNN timeline from the Neocognitron (1980) to ResNet (2015): what each model
    changed, its parameters counted layer by layer, and the arithmetic behind the changes:
    two 3×3 layers against one 5×5, a 1×1 convolution that cuts channels before a 3×3, and
    the gradient through residual blocks. Residual weights and kernels are drawn with --seed."""
    from nncli.errors import UsageProblem

    if reduce >= channels:
        raise UsageProblem.of("architectures.reduce", reduce=reduce, channels=channels)
    from nncli.builders.architectures import Sizes, build_architectures

    sizes = Sizes(channels, reduce, filters, size)
    explain("architectures", lambda ctx: build_architectures(sizes, blocks, common["seed"], ctx), common)
