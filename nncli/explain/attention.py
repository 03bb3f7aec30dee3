"""`nncli explain attention`."""

import click

from nncli.explain.common import Size, common_options, explain

MOST_OUTPUTS = 64  # decoder steps (--outputs, rows of --query)


@click.command(name="attention")
@click.option("--tokens", type=Size(1, 512, "count"), default=None,
              help="Number of encoder states T in the random example.  [default: 4]")
@click.option("--hidden", type=Size(1, 512, "units"), default=None,
              help="Size H of every state in the random example.  [default: 3]")
@click.option("--input", "input_text", metavar="MATRIX",
              help='The encoder states h, one per row (T×H): "1 0 2; 0 1 1" or a .npy/.csv/.txt file.')
@click.option("--query", "query_text", metavar="VECTOR",
              help='The decoder state s (H numbers): "1 0 -1".')
@click.option("--outputs", type=Size(1, MOST_OUTPUTS, "count"), default=None,
              help="Decoder steps M: also show seq2seq's one fixed context and every step's own "
                   "context and weights (--query then takes M rows).  [default: 1]")
@common_options
def command(tokens, hidden, input_text, query_text, outputs, **common):
    """Encoder–decoder attention for one output step: the scores s·hᵢ, the softmax
    weights α and the context c = Σ αᵢhᵢ, every number written out."""
    from nncli.errors import UsageProblem
    from nncli.explain.common import too_big
    from nncli.inputs import parse_matrix, random_ints, require_dims

    seed = common["seed"]
    if input_text is not None:
        h = require_dims(parse_matrix(input_text, "--input"), "--input", (2,), "states")
        too_big("--input", max(h.shape), 512, "units", key="size.input")
    else:
        h = random_ints(seed, (tokens or 4, hidden or 3), -1, 2)
    if tokens is not None and tokens != h.shape[0]:
        raise UsageProblem.of("attention.tokens", tokens=tokens, rows=h.shape[0])
    if hidden is not None and hidden != h.shape[1]:
        raise UsageProblem.of("attention.hidden", hidden=hidden, cols=h.shape[1])
    if query_text is not None:
        s = require_dims(parse_matrix(query_text, "--query"), "--query", (1, 2), "row")
        if s.shape[-1] != h.shape[1]:
            raise UsageProblem.of("attention.query", count=s.shape[-1], hidden=h.shape[1])
        if s.ndim == 2:
            too_big("--query", len(s), MOST_OUTPUTS, "count", key="size.input")
        if s.ndim == 2 and outputs is not None and outputs != s.shape[0]:
            raise UsageProblem.of("attention.outputs", outputs=outputs, rows=s.shape[0])
        if s.ndim == 2 and len(s) == 1:
            s = s[0]
    else:
        shape = (h.shape[1],) if (outputs or 1) == 1 else (outputs, h.shape[1])
        s = 2 * random_ints(seed + 1, shape, 0, 2) - 1  # ±1: every entry counts
    random = seed if not (input_text and query_text) else None
    from nncli.builders.attention import build_attention

    explain("attention", lambda ctx: build_attention(s, h, ctx, seed=random), common)
