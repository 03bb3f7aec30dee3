"""`nncli topics`: the curriculum as a table."""

import click

from nncli.texts import LANGUAGES


@click.command()
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the texts (default: $NNCLI_LANG, then the locale, then en).")
def command(lang):
    """List every topic in curriculum order, and which have an explanation and an exercise."""
    from rich.table import Table

    from nncli.console import stdout_console
    from nncli.exercise_files import has_exercise
    from nncli.render.wrap import paragraph
    from nncli.texts import Texts, resolve_lang
    from nncli.topics import TOPICS

    lang = resolve_lang(lang)
    t = Texts("cli", lang)
    table = Table(title=t("topics.title"), title_justify="left")
    for key in ("topic", "summary", "explain", "exercise"):
        # the summary wraps (between Chinese characters too); the other columns stay whole
        table.add_column(t(f"topics.col.{key}"), overflow="fold",
                         no_wrap=key != "summary", ratio=1 if key == "summary" else None)
    for topic in TOPICS:
        name = topic.name + "".join(f" ({a})" for a in topic.aliases)
        explained = t("topics.yes") if topic.explained else t("topics.not_yet")
        names = [name for name in topic.exercises if has_exercise(name)]
        exercise = t("topics.exercise_sep").join(names) if names else t("topics.none")
        table.add_row(name, paragraph(Texts(topic.module, lang)("summary")), explained, exercise)
    console = stdout_console()
    console.print(table)
    console.print(t("topics.footer"))
