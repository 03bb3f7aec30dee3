"""The gradients of max and average pooling (pool.max_pool2d, pool.avg_pool2d), as PyTorch.

Dimensions: N images, C channels, H×W input, K×K windows S apart (S = K when stride is None),
H′×W′ output. Each window passes its gradient back to the inputs it read: max pooling all of
it to the window's largest value (to the first one in row-major order when several tie,
as torch.nn.functional.max_pool2d's indices), average pooling a 1/K² share to each. Where
windows overlap (S < K) the shares add up.
"""

import numpy as np


def _positions(dout, kernel_size, stride):
    S = kernel_size if stride is None else stride
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            yield i, j, i * S, j * S


def max_pool2d_backward(dout, x, kernel_size: int = 2, stride=None):
    """dout: (N, C, H′, W′) = ∂L/∂out, x: (N, C, H, W) -> dx: (N, C, H, W)."""
    dout = np.asarray(dout, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    K = kernel_size
    N, C = x.shape[:2]
    n, c = np.indices((N, C))
    dx = np.zeros_like(x)
    for i, j, top, left in _positions(dout, K, stride):
        window = x[:, :, top:top + K, left:left + K].reshape(N, C, K * K)
        first = np.argmax(window, axis=-1)                  # the first maximum, row-major
        np.add.at(dx, (n, c, top + first // K, left + first % K), dout[:, :, i, j])
    return dx


def avg_pool2d_backward(dout, x, kernel_size: int = 2, stride=None):
    """dout: (N, C, H′, W′) = ∂L/∂out, x: (N, C, H, W) -> dx: (N, C, H, W)."""
    dout = np.asarray(dout, dtype=np.float64)
    K = kernel_size
    dx = np.zeros(np.shape(x))
    for i, j, top, left in _positions(dout, K, stride):
        dx[:, :, top:top + K, left:left + K] += dout[:, :, i, j, None, None] / (K * K)
    return dx
