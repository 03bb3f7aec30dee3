"""`nncli explain rnn`."""

import click

from nncli.explain.common import Size, common_options, explain

LONG_RUN = 20


def sequence_options(function):
    """--steps, --hidden, --features and --input, shared with `nncli explain lstm`."""
    options = [
        click.option("--steps", type=Size(1, 1000, "steps"), default=None,
                     help="Time steps T of the random sequence  [default: 4]"),
        click.option("--hidden", type=Size(1, 64, "units"), default=3, show_default=True,
                     help="Hidden units H (the size of the state)."),
        click.option("--features", type=Size(1, 64, "units"), default=None,
                     help="Input features D per time step  [default: 2]"),
        click.option("--input", "input_text", metavar="MATRIX",
                     help='The sequence, one row per time step (T×D): "1 0; 0.5 -1; 0 2", '
                          'or a .npy/.csv/.txt file. Sets --steps and --features.'),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def read_sequence(input_text, steps, features, seed):
    """The input sequence (T, D): parsed from --input, or random with the seed.

    Random entries are multiples of 0.1 in [−1, 1] so products stay readable.
    """
    import numpy as np

    from nncli.errors import UsageProblem
    from nncli.inputs import parse_matrix, require_dims

    if input_text is None:
        T, D = steps or 4, features or 2
        rng = np.random.default_rng(seed)
        return np.round(rng.uniform(-1, 1, size=(T, D)), 1) + 0.0
    x = require_dims(parse_matrix(input_text, "--input"), "--input", (2,), "sequence")
    T, D = x.shape
    if steps is not None and steps != T:
        raise UsageProblem.of("sequence.steps", rows=T, steps=steps)
    if features is not None and features != D:
        raise UsageProblem.of("sequence.features", cols=D, features=features)
    if T > 1000:
        raise UsageProblem.of("sequence.too_long", rows=T, most=1000)
    if D > 64:
        raise UsageProblem.of("sequence.too_wide", cols=D, most=64)
    return x


def random_weights(seed, shape, scale):
    """Multiples of 0.1 in [−scale, scale], drawn from `seed`."""
    import numpy as np

    rng = np.random.default_rng(seed)
    return np.round(rng.uniform(-scale, scale, size=shape), 1) + 0.0


def longer_sequence(x, seed, length=LONG_RUN):
    """x followed by random rows up to `length` steps (None when x is already that long)."""
    import numpy as np

    T, D = x.shape
    if T >= length:
        return None
    extra = np.round(np.random.default_rng(seed + 7).uniform(-1, 1, size=(length - T, D)), 1) + 0.0
    return np.vstack([x, extra])


@click.command(name="rnn")
@sequence_options
@click.option("--scale", type=click.FloatRange(0, 10), default=1.0, show_default=True,
              help="Multiply the random recurrent weights W_s by this (try 4 to see gradients grow).")
@click.option("--shapes", is_flag=True,
              help="Also work one to many, many to one, n to n, n to m and the self-loop variant on numbers.")
@common_options
def command(steps, hidden, features, input_text, scale, shapes, **common):
    """A recurrent network unrolled through time: every state
    S_t = tanh(x_t·W_in + S_{t−1}·W_s + b) with its numbers, the shared weights, then
    backpropagation through time as the gradient norm at each step (the same numbers as
    torch.nn.RNN with nonlinearity tanh)."""
    import numpy as np

    seed = common["seed"]
    x = read_sequence(input_text, steps, features, seed)
    D, H = x.shape[1], hidden
    W_in = random_weights(seed + 1, (D, H), 0.8)
    W_s = random_weights(seed + 2, (H, H), 0.6) * scale
    b = random_weights(seed + 3, (H,), 0.2)
    s0 = np.zeros(H)
    from nncli.builders.rnn import build_rnn

    extra = None
    if shapes:
        extra = {"W_out": random_weights(seed + 4, (H, 1), 0.8),
                 "W_in_dec": random_weights(seed + 5, (1, H), 0.8),
                 "W_s_dec": random_weights(seed + 6, (H, H), 0.6),
                 "b_dec": random_weights(seed + 7, (H,), 0.2)}
    explain("rnn", lambda ctx: build_rnn(x, W_in, W_s, b, s0, ctx, long_x=longer_sequence(x, seed),
                                         shapes=extra), common)
