"""`nncli explain loss`."""

import click

from nncli.explain.common import Size, common_options, explain

MOST_EXAMPLES, MOST_CLASSES = 1000, 100

DEFAULT_LOGITS = "2 1 -1; 0 3 1; 1 2 2"
DEFAULT_LABELS = "0 2 1"
DEFAULT_PRED = "2.5 0 1"
DEFAULT_TARGET = "3 -0.5 2"


@click.command(name="loss")
@click.option("--logits", "logits_text", metavar="MATRIX",
              help=f'Raw class scores, one example per row (N×C), e.g. "{DEFAULT_LOGITS}" (the default).')
@click.option("--labels", "labels_text", metavar="VECTOR",
              help=f'The correct class of each row, 0 … C−1, e.g. "{DEFAULT_LABELS}".')
@click.option("--batch", type=Size(1, MOST_EXAMPLES, "examples"), default=None,
              help="N random examples drawn with --seed (at most 1000: the tables show 8 rows anyway).")
@click.option("--classes", type=Size(2, MOST_CLASSES, "count"), default=None,
              help="C classes in the random example (2 to 100: one class is no choice, 100 is unreadable).")
@click.option("--row", type=click.IntRange(min=0), default=0, show_default=True,
              help="The example whose softmax and gradient are written out.")
@click.option("--pred", "pred_text", metavar="VECTOR", help=f'Predicted numbers ŷ for the mean squared error, e.g. "{DEFAULT_PRED}".')
@click.option("--target", "target_text", metavar="VECTOR", help=f'Their targets t, one per prediction, e.g. "{DEFAULT_TARGET}".')
@common_options
def command(logits_text, labels_text, batch, classes, row, pred_text, target_text, **common):
    """Losses: mean squared error term by term, softmax computed stably (the max subtracted,
    log-sum-exp), cross-entropy averaged over the batch, and why its gradient with respect
    to the logits is (p − onehot(y)) / N, written out for one row."""
    import numpy as np

    from nncli.errors import UsageProblem, command_lang
    from nncli.explain.common import one_of, too_big
    from nncli.explain.labels import read_labels
    from nncli.inputs import parse_matrix, random_ints, require_dims
    from nncli.texts import Texts

    t = Texts("loss", command_lang())
    seed = common["seed"]
    one_of("logits_text", "batch")
    one_of("logits_text", "classes")
    if logits_text is not None:
        logits = require_dims(parse_matrix(logits_text, "--logits"), "--logits", (2,), "matrix")
        too_big("--logits", logits.shape[0], MOST_EXAMPLES, "examples", key="size.input")
        too_big("--logits", logits.shape[1], MOST_CLASSES, "count", key="size.input")
    elif batch or classes:
        logits = random_ints(seed, (batch or 3, classes or 3), -3, 4)
    else:
        logits = parse_matrix(DEFAULT_LOGITS, "--logits")
    N, C = logits.shape
    if labels_text is not None:
        y = read_labels(labels_text, "--labels", N, C)
    elif logits_text is not None or batch or classes:
        y = np.random.default_rng(seed + 1).integers(0, C, size=N)
    else:
        y = read_labels(DEFAULT_LABELS, "--labels", N, C)
    if row >= N:
        raise UsageProblem(t("row.range", row=row, last=N - 1))
    pred = np.atleast_1d(parse_matrix(DEFAULT_PRED if pred_text is None else pred_text, "--pred")).ravel()
    too_big("--pred", pred.size, MOST_EXAMPLES, "examples", key="size.input")
    if target_text is not None:
        target = np.atleast_1d(parse_matrix(target_text, "--target")).ravel()
    elif pred_text is not None:
        target = random_ints(seed + 2, pred.shape, -3, 4)
    else:
        target = parse_matrix(DEFAULT_TARGET, "--target")
    if target.size != pred.size:
        raise UsageProblem(t("target.count", count=target.size, preds=pred.size))
    from nncli.builders.loss import build_loss

    explain("loss", lambda ctx: build_loss(logits, y, pred, target, ctx, row=row), common)
