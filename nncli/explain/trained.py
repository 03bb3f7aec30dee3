"""--trained, shared by self-attention, multihead and transformer: the option and the
check of what may be combined with it."""

import click

TRAINED_HELP = ("Use weights nncli trained to reverse a 4-word sentence (tools/train_attention.py) "
                "instead of random ones; --words picks the sentence.")


def trained_option(function):
    return click.option("--trained", is_flag=True, help=TRAINED_HELP)(function)


def read_trained(words_text, conflicts):
    """The TrainedExample for the sentence `words_text` (words split by spaces or commas;
    None: the vocabulary in order); a one-line UsageProblem when one of the options
    `conflicts` (parameter names) was given or the words are not T words of the trained
    vocabulary."""
    from nncli.builders.trained import TrainedExample
    from nncli.errors import UsageProblem, command_lang
    from nncli.explain.common import flag, given, parse_words
    from nncli.texts import Texts
    from nncli.trained import load_reverse

    t = Texts("trained", command_lang())
    for name in conflicts:
        if given(name):
            raise UsageProblem(t("conflict", option=flag(name)))
    settings, vocab, _ = load_reverse()
    words = parse_words(words_text) if words_text is not None else list(vocab)
    if len(words) != settings["tokens"] or any(w not in vocab for w in words):
        raise UsageProblem(t("words.invalid", count=settings["tokens"], vocab=" ".join(vocab)))
    return TrainedExample(words)
