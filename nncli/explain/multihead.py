"""`nncli explain multihead` (alias `mha`)."""

import click

from nncli.explain.common import Size, common_options, explain
from nncli.explain.self_attention import token_options
from nncli.explain.trained import trained_option


@click.command(name="multihead")
@click.option("--heads", type=Size(1, 256, "count"), default=2, show_default=True,
              help="Number of heads h; it must divide d.")
@token_options
@click.option("--wq", metavar="MATRIX", help="W_q (d×d); random when left out.")
@click.option("--wk", metavar="MATRIX", help="W_k (d×d); random when left out.")
@click.option("--wv", metavar="MATRIX", help="W_v (d×d); random when left out.")
@click.option("--wo", metavar="MATRIX", help="W_o (d×d), mixes the heads; random when left out.")
@trained_option
@common_options
def command(heads, tokens, dim, words, causal, input_text, wq, wk, wv, wo, trained, **common):
    """Multi-head attention: Q, K, V split into heads by columns, each head's weights
    side by side, the concatenation and × W_o (--causal masks the future)."""
    from nncli.errors import UsageProblem, command_lang
    from nncli.explain.self_attention import read_tokens, read_weight
    from nncli.texts import Texts

    if trained:
        return _trained(words, ["input_text", "wq", "wk", "wv", "wo", "tokens", "dim", "causal",
                                "heads"], common)
    seed = common["seed"]
    X, word_list = read_tokens(tokens, dim, words, input_text, seed)
    d = X.shape[1]
    if d % heads:
        from nncli.builders.multihead import valid_heads

        raise UsageProblem(Texts("multihead", command_lang())(
            "heads.invalid", heads=heads, dim=d, valid=", ".join(map(str, valid_heads(d)))))
    Wq, Wk, Wv, Wo = (read_weight(text, option, d, seed + offset, cols=d)
                      for offset, (text, option) in enumerate(
                          ((wq, "--wq"), (wk, "--wk"), (wv, "--wv"), (wo, "--wo")), start=1))
    random = None if input_text and wq and wk and wv and wo else seed
    from nncli.builders.multihead import build_multihead

    explain("multihead", lambda ctx: build_multihead(
        X, Wq, Wk, Wv, Wo, heads, ctx, words=word_list, causal=causal, seed=random), common)


def _trained(words, conflicts, common):
    """Both heads of the trained reversal model."""
    from nncli.builders.multihead import build_multihead
    from nncli.builders.trained import with_trained
    from nncli.explain.trained import read_trained

    ex = read_trained(words, conflicts)
    p = ex.params

    def build(ctx):
        trace = build_multihead(ex.X0, p["Wq"], p["Wk"], p["Wv"], p["Wo"], ex.heads, ctx,
                                words=ex.words, trained=True)
        return with_trained(trace, ex, ctx.lang, trace.outputs["weights"], positional=True)

    explain("multihead", build, common)
