"""English texts of the `train` topic."""

TEXTS = {
    "summary": "Training by gradient descent on a 2-D data set: loss curves, decision regions, accuracy, and overfitting.",
    "title": "Training a two-layer network on {data}: {n} {n:sample|samples}, {h} hidden {h:unit|units}, {epochs} {epochs:epoch|epochs}",
    "data.title": "The data: {data}",
    "data.xor": (
        "Points scattered around the four corners of a square, labelled 1 where exactly one "
        "coordinate is near 1: the XOR problem. No straight line separates the two classes, so "
        "a single perceptron cannot solve it (nncli explain neuron); a hidden layer can, and "
        "here it has to learn its weights instead of being given them."
    ),
    "data.moons": (
        "Two interleaved half moons. They cannot be separated by a straight line either: the "
        "border the network learns has to bend around each moon's tip."
    ),
    "data.spiral": (
        "Three arms winding out of the centre, one class each. No straight line separates any "
        "arm from the others; the border has to follow the spirals."
    ),
    "data.split": (
        "Each digit is a training sample and its class ({n} in all). Another {m} {m:sample|samples} of the "
        "same kind are held out: the network never trains on them, they only measure how well "
        "what it learned carries over to data it has not seen."
    ),
    "net.title": "The network and the training loop",
    "net.text": (
        "The network of nncli explain backprop, with {params} {params:parameter|parameters} drawn at random "
        "(--seed). One epoch here is one step of full-batch gradient descent: the forward and "
        "backward pass over all {n} training {n:sample|samples}, then W ← W − {lr}·dW for every "
        "parameter. This repeats {epochs} {epochs:time|times}."
    ),
    "curves.title": "The loss curves",
    "curves.text": "The mean cross-entropy after each update, on the training set (•) and on the held-out set (o), on one logarithmic scale (* where they meet):",
    "curves.axis": "Horizontal: epochs 0 … {epochs}.",
    "col.epoch": "epoch",
    "col.train": "training loss",
    "col.val": "held-out loss",
    "regions.title": "Decision regions while it learns",
    "regions.text": (
        "Each character is a point of the plane, shown as the class the network predicts "
        "there (. for class 0, - for class 1, ~ for class 2); the digits are the training "
        "samples and their true class."
    ),
    "regions.caption": "after {k} {k:update|updates}: training loss {loss}, training accuracy {acc}%",
    "result.title": "Accuracy and overfitting",
    "result.accuracy": "The trained network classifies {acc}% of the training samples and {val}% of the held-out samples correctly.",
    "result.overfit": (
        "Overfitting: from epoch {k} on, the held-out loss rose from {vmin} to {vend} while the "
        "training loss still fell from {lk} to {lend}. The network began to memorise the "
        "noise of its few training samples instead of the shape of the data; stopping at "
        "epoch {k}, more samples or fewer hidden units would avoid it."
    ),
    "result.no_overfit": (
        "No sign of overfitting: the held-out loss ended at {vend}, close to its lowest value "
        "{vmin}. Many hidden units and few samples make it appear, for example "
        "--hidden 100 --samples 16 --epochs 5000."
    ),
    "result.diverged": (
        "The training loss ended higher than it began ({first} → {last}): the learning rate "
        "is too large for this network, each step overshoots. Try a smaller --lr."
    ),
}
