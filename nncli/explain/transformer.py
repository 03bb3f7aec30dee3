"""`nncli explain transformer`."""

import click

from nncli.explain.common import Size, common_options, explain

DEFAULT_WORDS = "the,cat,sat,on,a,mat"


@click.command(name="transformer")
@click.option("--tokens", type=Size(1, 32, "tokens"), default=3, show_default=True,
              help="Number of input tokens T (the first T words of --words, repeated if needed).")
@click.option("--dim", type=Size(1, 64, "units"), default=4, show_default=True,
              help="Model width d.")
@click.option("--heads", type=Size(1, 64, "count"), default=2, show_default=True,
              help="Attention heads; must divide --dim.")
@click.option("--ff", type=Size(1, 256, "units"), default=8, show_default=True,
              help="Width d_ff of the feed-forward hidden layer.")
@click.option("--words", "words_text", default=DEFAULT_WORDS, show_default=True, metavar="LIST",
              help="The vocabulary, words split by spaces or commas (2 to 50 different words); the input sentence is its first words.")
@common_options
def command(tokens, dim, heads, ff, words_text, **common):
    """One Transformer encoder layer on a tiny example (embedding + positional encoding,
    multi-head self-attention, add & layer norm, feed-forward, add & layer norm), the
    decoder's causal mask and encoder-decoder attention, and the softmax over the vocabulary
    that picks the next word. Every weight is drawn with --seed."""
    from nncli.errors import UsageProblem

    if dim % heads:
        raise UsageProblem.of("transformer.heads", heads=heads, dim=dim)
    from nncli.explain.common import parse_words

    vocab = parse_words(words_text)
    if not 2 <= len(vocab) <= 50:
        raise UsageProblem.of("transformer.word_count", count=len(vocab))
    repeated = sorted({w for w in vocab if vocab.count(w) > 1})
    if repeated:
        raise UsageProblem.of("transformer.repeated", word=repeated[0])
    from nncli.builders.transformer import build_transformer, random_parameters

    words = [vocab[i % len(vocab)] for i in range(tokens)]
    X, params = random_parameters(common["seed"], tokens, dim, ff, len(vocab))
    explain("transformer", lambda ctx: build_transformer(X, params, heads, words, vocab, ctx), common)
