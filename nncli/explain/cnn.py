"""`nncli explain cnn`."""

import click

from nncli.explain.common import Size, common_options, explain


@click.command(name="cnn")
@click.option("--input", "input_text", metavar="MATRIX",
              help='The image: "0 1 1 0; 1 0 0 1; …" or a .npy/.csv/.txt file (default: a 6×6 cross).')
@click.option("--kernel", "kernel_texts", metavar="MATRIX", multiple=True,
              help="A square kernel; repeat for more (default: a vertical- and a horizontal-edge 3×3 kernel).")
@click.option("--classes", type=Size(2, 10, "count"), default=3, show_default=True,
              help="Classes of the fully connected layer.")
@click.option("--size", type=Size(4, 64, "map"), default=None,
              help="Use a random SIZE×SIZE image of 0s and 1s drawn with --seed.")
@click.option("--stages", type=Size(1, 3, "stages"), default=1, show_default=True,
              help="conv → ReLU → max pool stages before the fully connected layer.")
@common_options
def command(input_text, kernel_texts, classes, size, stages, **common):
    """A whole small CNN on one image: conv → ReLU → max pool → flatten → fully connected
    → softmax, each stage with its shape and values; why convolution needs so few
    parameters; how the receptive field grows."""
    import numpy as np

    from nncli.errors import UsageProblem
    from nncli.explain.common import one_of, too_big
    from nncli.inputs import parse_matrix, random_ints, require_dims

    one_of("input_text", "size")
    if input_text is not None:
        image = require_dims(parse_matrix(input_text, "--input"), "--input", (2,), "matrix")
        too_big("--input", max(image.shape), 64, "map", key="size.input")
    elif size:
        image = random_ints(common["seed"], (size, size), 0, 2)
    else:
        from nncli.builders.cnn import DEFAULT_IMAGE

        image = DEFAULT_IMAGE
    kernels = None
    if kernel_texts:
        parsed = [require_dims(parse_matrix(k, "--kernel"), "--kernel", (2,), "matrix") for k in kernel_texts]
        for k in parsed:
            if k.shape[0] != k.shape[1] or k.shape != parsed[0].shape:
                raise UsageProblem.of("cnn.kernel_shape", rows=k.shape[0], cols=k.shape[1],
                                      side=parsed[0].shape[0])
        kernels = np.stack(parsed)
    side = 3 if kernels is None else kernels.shape[1]
    if min(image.shape) < side + 1:
        raise UsageProblem.of("cnn.image_small", rows=image.shape[0], cols=image.shape[1],
                              side=side, least=side + 1)
    from nncli.builders.cnn import build_cnn, stage_sizes

    if min(stage_sizes(image.shape[0], image.shape[1], side, stages)[-1]) < 1:
        least = next(n for n in range(side + 1, 1000)
                     if min(stage_sizes(n, n, side, stages)[-1]) >= 1)
        raise UsageProblem.of("cnn.stages_small", rows=image.shape[0], cols=image.shape[1],
                              stages=stages, least=least)
    explain("cnn", lambda ctx: build_cnn(image, ctx, kernels=kernels, classes=classes,
                                         seed=common["seed"], stages=stages), common)
