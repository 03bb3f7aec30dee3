"""`nncli explain transformer`."""

import click

from nncli.explain.common import Size, common_options, explain, given
from nncli.explain.trained import trained_option

# the example sentence in the learner's language ("the cat sat on a mat")
DEFAULT_WORDS = {"en": "the,cat,sat,on,a,mat", "zh": "小猫,坐,在,垫子,上,了"}


@click.command(name="transformer")
@click.option("--tokens", type=Size(1, 32, "tokens"), default=3, show_default=True,
              help="Number of input tokens T (the first T words of --words, repeated if needed).")
@click.option("--dim", type=Size(1, 64, "units"), default=4, show_default=True,
              help="Model width d.")
@click.option("--heads", type=Size(1, 64, "count"), default=2, show_default=True,
              help="Attention heads; must divide --dim.")
@click.option("--ff", type=Size(1, 256, "units"), default=8, show_default=True,
              help="Width d_ff of the feed-forward hidden layer.")
@click.option("--words", "words_text", default=None, metavar="LIST",
              help="The vocabulary, words split by spaces or commas (2 to 50 different words); the input sentence is its first words.  [default: the,cat,sat,on,a,mat; in Chinese 小猫,坐,在,垫子,上,了]")
@trained_option
@common_options
def command(tokens, dim, heads, ff, words_text, trained, **common):
    """One Transformer encoder layer on a tiny example (embedding + positional encoding,
    multi-head self-attention, add & layer norm, feed-forward, add & layer norm), the
    decoder's causal mask and encoder-decoder attention, and the softmax over the vocabulary
    (next-word prediction itself: 'nncli explain decoder'). Every weight is drawn with --seed."""
    from nncli.errors import UsageProblem

    if trained:
        return _trained(words_text if given("words_text") else None,
                        ["tokens", "dim", "heads", "ff"], common)
    if dim % heads:
        raise UsageProblem.of("transformer.heads", heads=heads, dim=dim)
    from nncli.explain.common import parse_words
    from nncli.texts import resolve_lang

    vocab = parse_words(words_text if words_text is not None
                        else DEFAULT_WORDS.get(resolve_lang(common["lang"]), DEFAULT_WORDS["en"]))
    if not 2 <= len(vocab) <= 50:
        raise UsageProblem.of("transformer.word_count", count=len(vocab))
    repeated = sorted({w for w in vocab if vocab.count(w) > 1})
    if repeated:
        raise UsageProblem.of("transformer.repeated", word=repeated[0])
    from nncli.builders.transformer import build_transformer, random_parameters

    words = [vocab[i % len(vocab)] for i in range(tokens)]
    X, params = random_parameters(common["seed"], tokens, dim, ff, len(vocab))
    explain("transformer", lambda ctx: build_transformer(X, params, heads, words, vocab, ctx), common)


def _trained(words_text, conflicts, common):
    """The trained reversal model on a sentence of its vocabulary (--words)."""
    import numpy as np

    from nncli.builders.trained import with_trained
    from nncli.builders.transformer import build_transformer
    from nncli.explain.trained import read_trained

    ex = read_trained(words_text, conflicts)

    def build(ctx):
        trace = build_transformer(ex.X, ex.encoder_params(), ex.heads, ex.words, ex.vocab, ctx, trained=True)
        picked = [ex.vocab[i] for i in np.argmax(trace.outputs["probs"], axis=-1)]
        return with_trained(trace, ex, ctx.lang, ex.attention(ex.X0[None])[0], predicted=picked)

    explain("transformer", build, common)
