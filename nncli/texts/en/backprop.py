"""English texts of the `backprop` topic."""

TEXTS = {
    "summary": "Backpropagation through a two-layer network, every chain-rule product with its numbers, a gradient check and one descent step.",
    "title": "Backpropagation: {n} {n:example|examples}, {d} {d:input|inputs}, {h} hidden {h:unit|units}, {c} {c:class|classes}",
    "setup.title": "The network",
    "setup.text": (
        "A two-layer network: a dense layer, ReLU, a second dense layer whose outputs are the "
        "logits, softmax and the cross-entropy loss averaged over the batch (see nncli explain "
        "loss). One row of X per example."
    ),
    "setup.backward": (
        "Learning asks, for every weight: if it grew a little, how much would the loss change? "
        "That number is the gradient ∂L/∂W. Backpropagation gets all of them in one pass "
        "backwards: each operation knows only its local derivative (how its output moves with "
        "its input), and the chain rule multiplies these local derivatives along the way from "
        "the loss back to each weight."
    ),
    "forward.title": "Forward: from X to the loss",
    "forward.text": "Each layer is a matrix product plus a bias; ReLU zeroes the negative entries (shown dim).",
    "output.title": "Backward, at the output: ∂L/∂z2",
    "output.text": (
        "The first local derivative is the one of softmax and cross-entropy together, "
        "(p − onehot(y)) / {n}: the probabilities, minus 1 at each correct class, divided by the "
        "batch size because the loss is a mean."
    ),
    "second.title": "Backward, through the second layer: ∂L/∂W2 and ∂L/∂b2",
    "second.local": (
        "z2[n,c] = Σ_j h[n,j]·W2[j,c] + b2[c], so the local derivative of z2[n,c] with respect "
        "to W2[j,c] is h[n,j], and with respect to b2[c] it is 1. W2[j,c] is used by every "
        "example, so the chain rule adds one product per example:"
    ),
    "second.chain": "∂L/∂W2[j,c] = Σ_n ∂L/∂z2[n,c] · ∂z2[n,c]/∂W2[j,c]",
    "second.bias": "The bias is added to every row with a local derivative of 1, so its gradient is the column sum of dz2:",
    "hidden.title": "Backward, into the hidden layer: ∂L/∂h",
    "hidden.text": (
        "The local derivative of z2[n,c] with respect to h[n,j] is W2[j,c]. A hidden unit feeds "
        "every class, so its gradient adds one product per class:"
    ),
    "relu.title": "Backward, through ReLU: ∂L/∂z1",
    "relu.text": (
        "ReLU's local derivative is 1 where z1 > 0 and 0 elsewhere (0 at exactly 0, as "
        "PyTorch), so the gradient passes through unchanged or is stopped:"
    ),
    "relu.blocked": (
        "{count} of the {total} {total:entry|entries} {count:has|have} z1 ≤ 0: their gradient is 0, so the weights "
        "feeding them learn nothing from those examples."
    ),
    "relu.none": "Every z1 is positive here, so ReLU passes the whole gradient back.",
    "first.title": "Backward, through the first layer: ∂L/∂W1 and ∂L/∂b1",
    "first.text": "The same rule as for W2, one layer down: the local derivative of z1[n,j] with respect to W1[d,j] is X[n,d].",
    "first.torch": (
        "These are the four gradients PyTorch autograd leaves in .grad after loss.backward(), "
        "with W1 and W2 stored transposed in torch.nn.Linear."
    ),
    "check.title": "Checking a gradient numerically",
    "check.text": (
        "A gradient can be checked without any calculus: nudge one weight up and down by "
        "1e−5, compute the loss each time and divide the difference by 2e−5 (a central "
        "difference). Here, W1[{d},{j}], the weight with the largest gradient:"
    ),
    "check.analytic": "backpropagation: ∂L/∂W1[{d},{j}] = {value}",
    "check.error": "relative error |a − b| / (|a| + |b|) = {error}",
    "check.agree": "They agree to many digits: the backward pass is right for this weight.",
    "check.disagree": "They disagree: a relative error above 1e−6 points to a bug in the backward pass (or a kink of ReLU within 1e−5).",
    "descent.title": "One step of gradient descent, lr = {lr}",
    "descent.text": (
        "The gradient points where the loss grows fastest, so every parameter takes a small "
        "step the other way, scaled by the learning rate lr:"
    ),
    "col.param": "parameter",
    "descent.smaller": "The loss went down from {old} to {new}: one step with lr = {lr} improved the network on this batch.",
    "descent.larger": (
        "The loss went up, from {old} to {new}: lr = {lr} is too large, the step jumped past "
        "the valley the gradient pointed into. A smaller --lr lowers it."
    ),
    "descent.same": "The loss stayed at {old}: the gradient is 0, so a step with lr = {lr} changes nothing.",
    "shape.mismatch": "{option}: shape {got}, but this network needs {need}.",
    "lr.range": "--lr: the learning rate must be a number above 0 and at most 1000 (larger steps only overflow).",
}
