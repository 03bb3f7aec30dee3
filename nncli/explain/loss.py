"""`nncli explain loss`."""

import click

from nncli.explain.common import common_options, explain

DEFAULT_LOGITS = "2 1 -1; 0 3 1; 1 2 2"
DEFAULT_LABELS = "0 2 1"
DEFAULT_PRED = "2.5 0 1"
DEFAULT_TARGET = "3 -0.5 2"


@click.command(name="loss")
@click.option("--logits", "logits_text", metavar="MATRIX",
              help=f'Raw class scores, one example per row (N×C), e.g. "{DEFAULT_LOGITS}" (the default).')
@click.option("--labels", "labels_text", metavar="VECTOR",
              help=f'The correct class of each row, 0 … C−1, e.g. "{DEFAULT_LABELS}".')
@click.option("--batch", type=click.IntRange(1, 1000), default=None,
              help="N random examples drawn with --seed (at most 1000: the tables show 8 rows anyway).")
@click.option("--classes", type=click.IntRange(2, 100), default=None,
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
    from nncli.explain.labels import read_labels
    from nncli.inputs import parse_matrix, random_ints, require_dims
    from nncli.texts import Texts

    t = Texts("loss", command_lang())
    seed = common["seed"]
    if logits_text:
        logits = require_dims(parse_matrix(logits_text, "--logits"), "--logits", (2,), "matrix")
    elif batch or classes:
        logits = random_ints(seed, (batch or 3, classes or 3), -3, 4)
    else:
        logits = parse_matrix(DEFAULT_LOGITS, "--logits")
    N, C = logits.shape
    if labels_text:
        y = read_labels(labels_text, "--labels", N, C)
    elif logits_text or batch or classes:
        y = np.random.default_rng(seed + 1).integers(0, C, size=N)
    else:
        y = read_labels(DEFAULT_LABELS, "--labels", N, C)
    if row >= N:
        raise UsageProblem(t("row.range", row=row, last=N - 1))
    pred = np.atleast_1d(parse_matrix(pred_text or DEFAULT_PRED, "--pred")).ravel()
    if target_text:
        target = np.atleast_1d(parse_matrix(target_text, "--target")).ravel()
    elif pred_text:
        target = random_ints(seed + 2, pred.shape, -3, 4)
    else:
        target = parse_matrix(DEFAULT_TARGET, "--target")
    if target.size != pred.size:
        raise UsageProblem(t("target.count", count=target.size, preds=pred.size))
    from nncli.builders.loss import build_loss

    explain("loss", lambda ctx: build_loss(logits, y, pred, target, ctx, row=row), common)
