"""English texts of the `loss` topic."""

TEXTS = {
    "summary": "How wrong a network is, as one number: mean squared error, a stable softmax, cross-entropy and its gradient.",
    "title": "Losses on a batch of {n} {n:example|examples} and {c} {c:class|classes}",
    "why.title": "Why one number",
    "why.text": (
        "Training needs a single number that says how wrong the network is on a batch of "
        "examples: the loss. It is 0 for perfect answers and grows with the mistakes. "
        "Gradient descent then changes every weight a little in the direction that lowers it, "
        "so the loss decides what \"better\" means. Two losses cover most networks: the mean "
        "squared error for numbers (regression) and the cross-entropy for classes."
    ),
    "col.i": "i",
    "col.n": "n",
    "col.c": "class c",
    "col.dpred": "∂MSE/∂ŷ",
    "mse.title": "Mean squared error, for predicted numbers",
    "mse.text": (
        "The network predicts numbers ŷ where the answers are t. Square each error, so that "
        "positive and negative errors both count, then take the mean:"
    ),
    "mse.grad": "∂MSE/∂ŷᵢ = 2 (ŷᵢ − tᵢ) / {m}: a prediction above its target is pushed down, one below it pushed up.",
    "mse.share": (
        "Squaring makes big errors count most: the largest one, ŷ − t = {err} (i = {i}), "
        "gives {share}% of the sum."
    ),
    "mse.torch": "In PyTorch: torch.nn.functional.mse_loss(pred, target), the mean over every element.",
    "softmax.title": "Softmax, computed stably (row {row})",
    "softmax.text": (
        "For classes, the network outputs one raw score per class, the logits z. Softmax turns "
        "a row into probabilities, p_c = e^(z_c) / Σ_j e^(z_j). Subtracting the row's maximum m "
        "first gives the same p (the factor e^(−m) cancels) and keeps every exponent ≤ 0:"
    ),
    "softmax.lse": "log Σ_j e^(z_j) = m + log Σ e^(z − m) = {m} + log {total} = {lse}   (log-sum-exp)",
    "softmax.why": (
        "Without the subtraction, a logit above {limit} would make e^z overflow to infinity "
        "in float64, and the division would give nan."
    ),
    "softmax.overflow": (
        "Here the subtraction matters: e^{m} does not fit in a float64 (it would be infinity), "
        "while e^(z − m) never exceeds 1."
    ),
    "softmax.batch": "Every row of the batch, each summing to 1:",
    "ce.title": "Cross-entropy: −log of the probability of the right class",
    "ce.text": (
        "The cross-entropy of one example is −log p[n, y], with y its correct class: 0 when the "
        "network gives the right class probability 1, large when it gives it almost 0. It is "
        "computed as log-sum-exp minus the correct logit, log Σ_j e^(z_j) − z_y, which stays "
        "finite even when p[n, y] would round to 0. The loss of the batch is the mean:"
    ),
    "ce.worst": (
        "Example {n} costs the most ({loss}): it gives its correct class {y} a probability of "
        "only {p}."
    ),
    "ce.chance": (
        "Guessing uniformly among {c} {c:class|classes} would cost log {c} = {chance}; this batch costs "
        "{loss}, more than a uniform guess."
    ),
    "ce.better": (
        "Guessing uniformly among {c} {c:class|classes} would cost log {c} = {chance}; this batch costs "
        "{loss}, less than a uniform guess."
    ),
    "ce.same": (
        "Guessing uniformly among {c} {c:class|classes} costs log {c} = {chance}, exactly what this "
        "batch costs: the network tells the classes apart no better than chance."
    ),
    "grad.title": "The gradient: (p − onehot(y)) / N, written out for row {row}",
    "grad.derive": (
        "Write one example's loss with the logits, its correct class being y = {y}. Only "
        "z_y appears alone, and every z_c appears in the sum, whose derivative is e^(z_c) / Σ, "
        "which is p_c itself:"
    ),
    "grad.mean": "The loss is the mean of {n} such {n:term|terms}, so each row's gradient is divided by {n}:",
    "grad.signs": (
        "The entry of the correct class {y} is negative ({g}): gradient descent subtracts it, "
        "so that logit goes up; each other logit goes down in proportion to its probability. Every row "
        "sums to 0."
    ),
    "grad.certain": (
        "The entry of the correct class {y} is {g}: the network already gives it probability "
        "1 (to float64 precision), so this example asks for no change."
    ),
    "grad.torch": (
        "In PyTorch: loss = torch.nn.functional.cross_entropy(logits, y); loss.backward() leaves "
        "exactly this matrix in logits.grad."
    ),
    "labels.count": "--labels: {count} {count:label|labels} for {rows} {rows:row|rows} of logits; give one label per row.",
    "labels.range": "--labels: {value} is not a class: labels are whole numbers from 0 to {last}.",
    "target.count": "--target: {count} {count:number|numbers} for {preds} {preds:prediction|predictions}; give one target per prediction.",
    "row.range": "--row: {row} is not a row of the logits (0 to {last}).",
}
