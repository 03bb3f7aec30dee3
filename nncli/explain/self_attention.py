"""`nncli explain self-attention` (alias `qkv`), and the token options multihead shares."""

import click

from nncli.explain.common import Size, common_options, explain
from nncli.explain.trained import trained_option

TOKENS, DIM = 3, 4


def token_options(function):
    """--tokens, --dim, --words, --causal and --input, shared with multihead."""
    options = [
        click.option("--tokens", type=Size(1, 256, "tokens"), default=None,
                     help=f"Number of tokens T in the random example.  [default: {TOKENS}]"),
        click.option("--dim", type=Size(1, 256, "units"), default=None,
                     help=f"Numbers per token d.  [default: {DIM}]"),
        click.option("--words", metavar="TEXT",
                     help='Token labels split by spaces or commas, e.g. "the cat sat" (also sets T).'),
        click.option("--causal", is_flag=True,
                     help="Mask the future: token i attends only to tokens 0 … i (as a decoder)."),
        click.option("--input", "input_text", metavar="MATRIX",
                     help='X, one token per row (T×d): "1 0 -1 1; 0 1 1 0" or a .npy/.csv/.txt file.'),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def read_tokens(tokens, dim, words, input_text, seed):
    """(X (T, d), the word list or None) from the options; one-line UsageProblem on a conflict."""
    from nncli.errors import UsageProblem
    from nncli.explain.common import parse_words, too_big
    from nncli.inputs import parse_matrix, random_ints, require_dims

    word_list = parse_words(words) if words is not None else None
    if word_list:
        too_big("--words", len(word_list), 256, "tokens", key="size.words")
    if word_list and tokens is not None and tokens != len(word_list):
        raise UsageProblem.of("tokens.words_count", tokens=tokens, count=len(word_list))
    if input_text is not None:
        X = require_dims(parse_matrix(input_text, "--input"), "--input", (2,), "tokens")
        T, d = X.shape
        too_big("--input", max(T, d), 256, "tokens", key="size.input")
        for option, value, have in (("--tokens", tokens, T), ("--dim", dim, d)):
            if value is not None and value != have:
                raise UsageProblem.of("tokens.input_disagrees", option=option, value=value,
                                      rows=T, cols=d)
        if word_list and len(word_list) != T:
            raise UsageProblem.of("tokens.words_rows", count=len(word_list), rows=T)
        return X, word_list
    T = len(word_list) if word_list else (tokens or TOKENS)
    return random_ints(seed, (T, dim or DIM), -1, 2), word_list


def read_weight(text, option, rows, seed, cols=None):
    """A projection matrix from `option`, or a random one (rows × cols, default square)."""
    from nncli.errors import UsageProblem
    from nncli.inputs import parse_matrix, random_ints, require_dims

    if text is None:
        return random_ints(seed, (rows, cols or rows), -1, 2)
    W = require_dims(parse_matrix(text, option), option, (2,), "matrix")
    if W.shape[0] != rows:
        raise UsageProblem.of("weight.rows", option=option, rows=W.shape[0], cols=W.shape[1],
                              need=rows)
    if cols is not None and W.shape[1] != cols:
        raise UsageProblem.of("weight.shape", option=option, rows=W.shape[0], cols=W.shape[1],
                              need=rows, need_cols=cols)
    return W


@click.command(name="self-attention")
@token_options
@click.option("--wq", metavar="MATRIX", help="W_q (d×d_k); random when left out.")
@click.option("--wk", metavar="MATRIX", help="W_k (d×d_k, the same d_k as W_q); random when left out.")
@click.option("--wv", metavar="MATRIX", help="W_v (d×d_v); random when left out.")
@trained_option
@common_options
def command(tokens, dim, words, causal, input_text, wq, wk, wv, trained, **common):
    """Self-attention: Q, K, V from the tokens X, the scores QKᵀ/√d_k, the softmax of
    each row and Z = weights·V, every number written out (--causal masks the future)."""
    from nncli.errors import UsageProblem

    if trained:
        return _trained(words, ["input_text", "wq", "wk", "wv", "tokens", "dim", "causal"], common)
    seed = common["seed"]
    X, word_list = read_tokens(tokens, dim, words, input_text, seed)
    d = X.shape[1]
    Wq = read_weight(wq, "--wq", d, seed + 1)
    Wk = read_weight(wk, "--wk", d, seed + 2, cols=None if wk else Wq.shape[1])
    if Wk.shape[1] != Wq.shape[1]:
        raise UsageProblem.of("weight.dk", wk=Wk.shape[1], wq=Wq.shape[1])
    Wv = read_weight(wv, "--wv", d, seed + 3)
    random = None if input_text and wq and wk and wv else seed
    from nncli.builders.self_attention import build_self_attention

    explain("self_attention", lambda ctx: build_self_attention(
        X, Wq, Wk, Wv, ctx, words=word_list, causal=causal, seed=random), common)


def _trained(words, conflicts, common):
    """The head of the trained reversal model that looks at the mirrored position."""
    from nncli.builders.self_attention import build_self_attention
    from nncli.builders.trained import with_trained
    from nncli.explain.trained import read_trained

    ex = read_trained(words, conflicts)
    h = ex.mirror_head

    def build(ctx):
        trace = build_self_attention(ex.X0, *ex.head_weights(h), ctx, words=ex.words, trained=True)
        return with_trained(trace, ex, ctx.lang, trace.outputs["weights"][None], heads=[h], positional=True)

    explain("self_attention", build, common)
