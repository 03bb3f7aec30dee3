"""Class labels from the command line, shared by the loss, backprop and train topics."""


def read_labels(text: str, option: str, rows: int, classes: int):
    """The (rows,) int64 labels written in `text` ("0 2 1"); a one-line UsageProblem when
    there is not one per row or one is not a whole number in 0 … classes − 1."""
    import numpy as np

    from nncli.errors import UsageProblem, command_lang
    from nncli.inputs import parse_matrix
    from nncli.numfmt import num
    from nncli.texts import Texts

    t = Texts("loss", command_lang())
    values = np.atleast_1d(parse_matrix(text, option)).ravel()
    if values.size != rows:
        raise UsageProblem(t("labels.count", count=values.size, rows=rows).replace("--labels", option))
    for value in values:
        if value != int(value) or not 0 <= value < classes:
            raise UsageProblem(t("labels.range", value=num(value), last=classes - 1)
                               .replace("--labels", option))
    return values.astype(np.int64)
