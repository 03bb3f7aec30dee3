"""Exercise "backprop": how a network learns, one gradient at a time.

Task: write the backward pass of a two-layer network. dense_backward and relu_backward send
a gradient back through one layer; softmax_cross_entropy gives the loss of a batch and its
gradient with respect to the scores; mlp_loss_and_grads chains them through the whole
network (X → dense → ReLU → dense → softmax cross-entropy); sgd_step takes one step of
gradient descent. Each backward function receives the gradient of the loss with respect to
its output (dout) and returns the gradients with respect to its inputs: the chain rule,
one local derivative at a time.

As PyTorch's autograd on the same network: the loss is the mean over the batch
(torch.nn.functional.cross_entropy, reduction "mean"), ReLU has slope 0 at exactly 0, and
every weight matrix is stored as torch.nn.Linear.weight transposed (x @ W + b).

Named dimensions: N examples in the batch, D input features, H hidden units, M outputs of a
layer, C classes.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(x is (N, D)); inputs are never modified in place. A loss is returned as a float64 array of
shape () (np.asarray(value) turns a number into one), as PyTorch returns a 0-d tensor.
Use NumPy and the standard library only.

Check your gradients with numerical_gradient below, the way the grader does, then:
    nncli check backprop
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Worked example (not graded): ∂f/∂x by central differences, one entry at a time.

    (f(x + h) − f(x − h)) / 2h is off by about h² ≈ 1e-10 for a smooth f: close enough to
    check an analytic gradient. Compare with your own, e.g. for dW of dense_backward:
        numerical_gradient(lambda W: np.sum(dout * (x @ W + b)), W.copy())

    Inputs:
    - f: a function of an array like x, returning a number
    - x: float64 array of any shape (changed while f is called, then restored)
    - h: the step
    Returns:
    - grad: float64 array of x's shape
    """
    grad = np.zeros_like(x, dtype=np.float64)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        plus = f(x)
        x[index] = old - h
        minus = f(x)
        x[index] = old
        grad[index] = (plus - minus) / (2 * h)
    return grad


def dense_backward(dout, x, W):
    """The gradients of out = x @ W + b.

    Inputs:
    - dout: (N, M), the gradient of the loss with respect to out
    - x: (N, D), the layer's input
    - W: (D, M), its weights
    Returns a tuple (dx, dW, db):
    - dx: (N, D), dW: (D, M), db: (M,), the gradients of the loss with respect to x, W and b
    """
    raise NotImplementedError


def relu_backward(dout, x):
    """The gradient through relu(x) = max(x, 0); slope 0 at exactly 0, as PyTorch.

    Inputs:
    - dout: the gradient of the loss with respect to relu(x), any shape
    - x: the input of the ReLU, the same shape
    Returns:
    - dx: the gradient with respect to x, that shape
    """
    raise NotImplementedError


def softmax_cross_entropy(logits, y):
    """The mean cross-entropy of softmax(logits) against the labels, and its gradient.

    loss = mean over n of −log p[n, y[n]], p = softmax of each row; finite, without
    warnings, for logits of ±1000.

    Inputs:
    - logits: (N, C), raw scores
    - y: (N,) integer labels in 0 … C−1
    Returns a tuple (loss, dlogits):
    - loss: a float (or a float64 array of shape ())
    - dlogits: (N, C), the gradient of loss with respect to logits
    """
    raise NotImplementedError


def mlp_loss_and_grads(X, y, params):
    """Loss and gradients of the network z1 = X @ W1 + b1, h = relu(z1), z2 = h @ W2 + b2,
    loss = softmax_cross_entropy(z2, y).

    Inputs:
    - X: (N, D); y: (N,) integer labels in 0 … C−1
    - params: dict of W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)
    Returns a tuple (loss, grads):
    - loss: a float (or a float64 array of shape ())
    - grads: dict with the keys W1, b1, W2, b2, each gradient shaped as its parameter
    """
    raise NotImplementedError


def sgd_step(params, grads, lr):
    """One step of gradient descent on every parameter: p − lr · grads[name], in a new dict.

    Inputs:
    - params: dict of name -> float64 array; grads: dict with the same keys and shapes
    - lr: the learning rate, a positive number
    Returns:
    - new_params: a new dict with the same keys (params and its arrays are left unchanged)
    """
    raise NotImplementedError
