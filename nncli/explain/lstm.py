"""`nncli explain lstm`."""

import click

from nncli.explain.common import common_options, explain
from nncli.explain.rnn import longer_sequence, random_weights, read_sequence, sequence_options


@click.command(name="lstm")
@sequence_options
@click.option("--forget-bias", type=click.FloatRange(-5, 5), default=1.0, show_default=True,
              help="Added to the forget gate's random bias b_f (try 0: the memory fades faster).")
@common_options
def command(steps, hidden, features, input_text, forget_bias, **common):
    """An LSTM step by step: the forget, input and output gates with their numbers, the
    cell update c_t = f⊙c_{t−1} + i⊙g entry by entry, s_t = o⊙tanh(c_t), and why the cell
    path keeps gradients alive (gates in PyTorch order i, f, g, o, the same numbers as
    torch.nn.LSTM)."""
    import numpy as np

    seed = common["seed"]
    x = read_sequence(input_text, steps, features, seed)
    D, H = x.shape[1], hidden
    W = random_weights(seed + 1, (D, 4 * H), 0.5)
    U = random_weights(seed + 2, (H, 4 * H), 0.5)
    b = random_weights(seed + 3, (4 * H,), 0.2)
    b[H:2 * H] += forget_bias
    s0, c0 = np.zeros(H), np.zeros(H)
    from nncli.builders.lstm import build_lstm

    explain("lstm", lambda ctx: build_lstm(x, W, U, b, s0, c0, ctx,
                                           long_x=longer_sequence(x, seed),
                                           forget_bias=forget_bias), common)
