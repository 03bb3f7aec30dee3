"""`nncli explain positional`."""

import click

from nncli.explain.common import Size, common_options, explain


@click.command(name="positional")
@click.option("--tokens", type=Size(1, 2048, "values"), default=6, show_default=True,
              help="Number of positions T (rows of the table).")
@click.option("--dim", type=Size(1, 2048, "values"), default=8, show_default=True,
              help="Model width d (columns of the table).")
@common_options
def command(tokens, dim, **common):
    """Sinusoidal positional encoding PE (T×d): entries by hand, the whole table as a
    heatmap, why attention needs it, and dot products that depend only on the distance.
    The word vectors of the order demo are drawn with --seed."""
    from nncli.builders.positional import build_positional, demo_embeddings

    embeddings = demo_embeddings(common["seed"], dim)
    explain("positional", lambda ctx: build_positional(tokens, dim, embeddings, ctx), common)
