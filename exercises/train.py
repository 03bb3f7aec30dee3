"""Exercise "train": train a classifier of your own, with what you built.

Task: write fit_predict. It receives a training set of 2-D points with their class labels,
trains a network of your choice on it (the two-layer network of the "backprop" exercise
does it: copy your functions into this file), and returns its predicted labels for other
points of the same data set, whose labels it never sees.

The hidden data sets are ones no straight line separates: XOR (four clouds, opposite corners
alike), two interleaved moons, and three spirals. The check passes when at least 90% of the
predictions are right on each, within the time limit of `nncli check` (10 s for the whole
file by default: a few hundred full-batch steps on a few hundred points take well under a
second in NumPy).

Worth knowing: standardise the inputs (subtract the training set's mean, divide by its
spread) and use the same numbers on the test points; start the weights at small random
values from np.random.default_rng(seed), never all at zero (every hidden unit would stay
the same); keep a held-out part of the training set to see whether it generalises; if the
loss grows or becomes nan, lower the learning rate.

Named dimensions: N training points, M test points, each with 2 features; C classes.

Conventions of every nncli exercise: arrays are float64 (labels are integers); the batch
dimension comes first (X_train is (N, 2)); inputs are never modified in place.

Check your work with:  nncli check train
"""

import numpy as np


def accuracy(y_pred, y):
    """Worked example (not graded): the fraction of predicted labels equal to the true ones.

    Inputs:
    - y_pred: (M,) predicted labels; y: (M,) true labels
    Returns:
    - a float between 0 and 1
    """
    return float(np.mean(np.asarray(y_pred) == np.asarray(y)))


def fit_predict(X_train, y_train, X_test, n_classes, seed):
    """Train a classifier on (X_train, y_train) and predict the labels of X_test.

    Inputs:
    - X_train: (N, 2) float64 points; y_train: (N,) integer labels in 0 … C−1
    - X_test: (M, 2) float64 points of the same data set
    - n_classes: C; seed: an int for np.random.default_rng, so a run can be repeated
    Returns:
    - y_pred: (M,) integer labels in 0 … C−1 (np.argmax of the scores gives them)
    """
    raise NotImplementedError
