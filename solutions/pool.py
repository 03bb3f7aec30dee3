"""Reference solution of the "pool" exercise: max and average pooling, as
torch.nn.functional.max_pool2d / avg_pool2d with no padding (floor mode)."""

import numpy as np


def global_max_pool(x):
    """Worked example (not graded): x (N, C, H, W) -> (N, C), the maximum of each channel."""
    return np.asarray(x, dtype=np.float64).max(axis=(2, 3))


def _pool(x, kernel_size, stride, reduce):
    """Apply `reduce` (np.max or np.mean over axes (2, 3)) to every K×K window.

    x (N, C, H, W) -> (N, C, H′, W′). Only whole windows are visited: the last one starts
    at (H′ − 1)·S, and (H′ − 1)·S + K ≤ H.
    """
    x = np.asarray(x, dtype=np.float64)
    K = kernel_size
    S = K if stride is None else stride
    N, C, H, W = x.shape
    H_out = (H - K) // S + 1
    W_out = (W - K) // S + 1
    out = np.zeros((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = x[:, :, i * S:i * S + K, j * S:j * S + K]  # (N, C, K, K)
            out[:, :, i, j] = reduce(window, axis=(2, 3))
    return out


def max_pool2d(x, kernel_size=2, stride=None):
    """x (N, C, H, W) -> (N, C, H′, W′), the largest value of each window."""
    return _pool(x, kernel_size, stride, np.max)


def avg_pool2d(x, kernel_size=2, stride=None):
    """x (N, C, H, W) -> (N, C, H′, W′), the mean of the K² values of each window."""
    return _pool(x, kernel_size, stride, np.mean)
