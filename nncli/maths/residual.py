"""A residual block on one number, and the gradient through a stack of them.

The block is y = relu(x + F(x)) with F a tiny two-layer network, F(x) = w2·relu(w1·x + b1)
+ b2 (w1, b1, w2: (K,) for K hidden units; b2 a number), as a ResNet block on one channel;
without the skip ("plain") it is y = relu(F(x)). Derivatives take relu′(0) = 0, as PyTorch.
"""

import numpy as np

from nncli.maths.activations import relu, relu_grad


def residual_branch(x, w1, b1, w2, b2):
    """(F(x), F′(x)) for a number x: F′(x) = Σ_k w2_k·relu′(w1_k·x + b1_k)·w1_k."""
    w1, b1, w2 = (np.asarray(a, dtype=np.float64) for a in (w1, b1, w2))
    z = w1 * x + b1
    return float(relu(z) @ w2 + b2), float(np.sum(w2 * relu_grad(z) * w1))


def block(x, params, skip=True):
    """(y, dy/dx) of one block: y = relu(x + F(x)), dy/dx = relu′(x + F(x))·(1 + F′(x));
    without the skip y = relu(F(x)), dy/dx = relu′(F(x))·F′(x).
    params: (w1, b1, w2, b2) as residual_branch."""
    f, df = residual_branch(x, *params)
    pre = x + f if skip else f
    return float(relu(pre)), float(relu_grad(pre)) * ((1.0 + df) if skip else df)


def stack(x, blocks, skip=True):
    """Run x through the blocks: (the inputs x_0 … x_L, each block's dy/dx, and d x_L / d x_0,
    their product by the chain rule)."""
    xs, factors = [float(x)], []
    for params in blocks:
        y, g = block(xs[-1], params, skip)
        xs.append(y)
        factors.append(g)
    return xs, factors, float(np.prod(factors))
