"""--trained, shared by self-attention, multihead and transformer: the option and the
check of what may be combined with it."""

import click

TRAINED_HELP = ("Use weights nncli trained to reverse a 4-word sentence (tools/train_attention.py) "
                "instead of random ones; --words picks the sentence.")


def trained_option(function):
    return click.option("--trained", is_flag=True, help=TRAINED_HELP)(function)


def given(name: str) -> bool:
    """Whether the option `name` of the running command was written on the command line."""
    from click.core import ParameterSource

    return click.get_current_context().get_parameter_source(name) == ParameterSource.COMMANDLINE


def read_trained(words_text, conflicts: dict, separator=None):
    """The TrainedExample for the sentence `words_text` (default: the vocabulary in order);
    a one-line UsageProblem when an option in `conflicts` ({option: value}) was given or the
    words are not T words of the trained vocabulary."""
    from nncli.builders.trained import TrainedExample
    from nncli.errors import UsageProblem, command_lang
    from nncli.texts import Texts
    from nncli.trained import load_reverse

    t = Texts("trained", command_lang())
    for option, value in conflicts.items():
        if value:
            raise UsageProblem(t("conflict", option=option))
    settings, vocab, _ = load_reverse()
    words = ([w.strip() for w in words_text.split(separator)] if words_text else list(vocab))
    if len(words) != settings["tokens"] or any(w not in vocab for w in words):
        raise UsageProblem(t("words.invalid", count=settings["tokens"], vocab=" ".join(vocab)))
    return TrainedExample(words)
