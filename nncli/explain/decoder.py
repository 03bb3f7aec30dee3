"""`nncli explain decoder`."""

import click

from nncli.explain.common import Size, common_options, explain, parse_words


@click.command(name="decoder")
@click.option("--tokens", type=Size(1, 16, "rows"), default=3, show_default=True,
              help="Target tokens so far T: <s> and the first T − 1 words of --words.")
@click.option("--source", type=Size(1, 16, "rows"), default=4, show_default=True,
              help="Source tokens S: rows of the encoder output (the memory).")
@click.option("--dim", type=Size(1, 64, "width"), default=4, show_default=True,
              help="Model width d.")
@click.option("--heads", type=Size(1, 64, "width"), default=2, show_default=True,
              help="Attention heads; must divide --dim.")
@click.option("--ff", type=Size(1, 256, "width"), default=8, show_default=True,
              help="Width d_ff of the feed-forward hidden layer.")
@click.option("--steps", type=Size(0, 8, "greedy"), default=3, show_default=True,
              help="Greedy decoding steps after the first pass (it stops early at </s>).")
@click.option("--words", "words_text", default=None, metavar="LIST",
              help="The target vocabulary, split by spaces or commas (2 to 50 different words); "
                   "<s> and </s> are added.")
@common_options
def command(tokens, source, dim, heads, ff, steps, words_text, **common):
    """One Transformer decoder layer on a tiny example: masked self-attention over the target
    so far, add & norm, encoder–decoder attention over the encoder output, add & norm,
    feed-forward, add & norm, the softmax over the vocabulary that predicts each next word,
    then greedy decoding that feeds every chosen word back. Every weight is drawn with --seed."""
    from nncli.errors import UsageProblem

    if dim % heads:
        raise UsageProblem.of("transformer.heads", heads=heads, dim=dim)
    words = parse_words(words_text) if words_text is not None else None
    if words is not None:
        _check_words(words)
    from nncli.builders.decoder import SOURCE, build_decoder, random_parameters, target_ids

    def build(ctx):
        chosen = words or parse_words(ctx.t("example.words"))
        labels = [SOURCE[i % len(SOURCE)] for i in range(source)]
        embedding, memory, params = random_parameters(common["seed"], len(chosen) + 1, source, dim, ff)
        return build_decoder(embedding, memory, params, heads, chosen, target_ids(tokens, len(chosen)),
                             labels, steps, ctx)

    explain("decoder", build, common)


def _check_words(words):
    from nncli.builders.decoder import BOS, EOS
    from nncli.errors import UsageProblem

    if not 2 <= len(words) <= 50:
        raise UsageProblem.of("decoder.word_count", count=len(words))
    for word in words:
        if word in (BOS, EOS):
            raise UsageProblem.of("decoder.reserved", word=word)
        if words.count(word) > 1:
            raise UsageProblem.of("transformer.repeated", word=word)
