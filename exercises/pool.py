"""Exercise "pool": max pooling and average pooling.

Task: write max_pool2d and avg_pool2d. Each slides a K×K window over every channel of every
image, stride S apart, and keeps one number per window: the largest value, or the mean of
the K² values. Pooling shrinks the feature maps and keeps what matters most in each patch;
it has no weights, and each channel is pooled on its own.

As torch.nn.functional.max_pool2d / avg_pool2d with their defaults: stride None means
stride = kernel_size (windows side by side, no overlap); no padding; rows and columns that
cannot fill a last whole window are dropped, so H′ = ⌊(H − K)/S⌋ + 1, W′ = ⌊(W − K)/S⌋ + 1.

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(x is (N, C, H, W): N images, C channels, H rows, W columns); inputs are never modified in
place.

Check your work with:  nncli check pool
"""

import numpy as np


def global_max_pool(x):
    """Worked example (not graded): the largest value of each whole channel.

    A reduction over several axes at once: max over axis=(2, 3) removes H and W.

    Inputs:
    - x: (N, C, H, W)
    Returns:
    - out: (N, C) float64, out[n, c] = max over i, j of x[n, c, i, j]
    """
    return np.asarray(x, dtype=np.float64).max(axis=(2, 3))


def max_pool2d(x, kernel_size=2, stride=None):
    """Max pooling: the largest value of each K×K window, channel by channel.

    Inputs:
    - x: (N, C, H, W)
    - kernel_size: K, the side of the square window
    - stride: S, the step between windows; None means S = K
    Returns:
    - out: (N, C, H′, W′) float64, H′ = ⌊(H − K)/S⌋ + 1, W′ = ⌊(W − K)/S⌋ + 1,
      out[n, c, i, j] = max of x[n, c, i·S : i·S+K, j·S : j·S+K]
    """
    raise NotImplementedError


def avg_pool2d(x, kernel_size=2, stride=None):
    """Average pooling: the mean of the K² values of each K×K window, channel by channel.

    Inputs:
    - x: (N, C, H, W)
    - kernel_size: K, the side of the square window
    - stride: S, the step between windows; None means S = K
    Returns:
    - out: (N, C, H′, W′) float64, H′ = ⌊(H − K)/S⌋ + 1, W′ = ⌊(W − K)/S⌋ + 1,
      out[n, c, i, j] = mean of x[n, c, i·S : i·S+K, j·S : j·S+K]
    """
    raise NotImplementedError
