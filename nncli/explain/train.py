"""`nncli explain train`."""

import click

from nncli.explain.common import Size, common_options, explain

VAL_SAMPLES = 200  # held-out samples: enough for a smooth held-out curve
MOST_WORK = 400_000_000  # epochs × (samples + held-out) × hidden units: about ten seconds


@click.command(name="train")
@click.option("--data", type=click.Choice(["xor", "moons", "spiral"]), default="xor", show_default=True,
              help="The 2-D data set; XOR is the problem one perceptron cannot solve.")
@click.option("--epochs", type=Size(1, 20_000, "epochs"), default=1000, show_default=True,
              help="Full-batch gradient-descent steps (at most 20000, a few seconds).")
@click.option("--lr", type=click.FloatRange(0, 10, min_open=True), default=0.5, show_default=True,
              help="Learning rate (at most 10: larger steps only diverge).")
@click.option("--hidden", type=Size(1, 256, "units"), default=16, show_default=True,
              help="Hidden units H (at most 256, already far more than these data need).")
@click.option("--samples", type=Size(4, 2000, "samples"), default=100, show_default=True,
              help="Training samples N (4 to 2000: fewer cannot show a class pattern, more only slow it down).")
@common_options
def command(data, epochs, lr, hidden, samples, **common):
    """Training: full-batch gradient descent of the backprop network on a small 2-D data
    set, with the training and held-out loss curves, the decision regions at a few epochs,
    the accuracy, and overfitting when the held-out loss turns up."""
    import numpy as np

    from nncli.maths.datasets import CLASSES, make
    from nncli.maths.mlp import init_mlp

    work = epochs * (samples + VAL_SAMPLES) * hidden
    if work > MOST_WORK:
        from nncli import numfmt
        from nncli.errors import UsageProblem

        raise UsageProblem.of("train.too_much", epochs=epochs, samples=samples, held=VAL_SAMPLES,
                              hidden=hidden, work=numfmt.count(work), most=numfmt.count(MOST_WORK))
    seed = common["seed"]
    X, y = make(data, samples, np.random.default_rng(seed))
    X_val, y_val = make(data, VAL_SAMPLES, np.random.default_rng(seed + 1))
    params = init_mlp(2, hidden, CLASSES[data], seed + 2)
    from nncli.builders.train import build_train

    explain("train", lambda ctx: build_train(X, y, X_val, y_val, params, epochs, lr, ctx, data=data), common)
