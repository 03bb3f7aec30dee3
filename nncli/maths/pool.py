"""Max and average pooling, as torch.nn.functional.max_pool2d / avg_pool2d with no padding.

x: (N, C, H, W) with N examples, C channels, H×W maps; kernel K, stride S (None means K).
Output (N, C, H′, W′) with H′ = ⌊(H − K)/S⌋ + 1 and W′ = ⌊(W − K)/S⌋ + 1: rows and columns
that do not fill a last window are dropped (floor mode, PyTorch's default).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(x, kernel_size: int, stride):
    """(N, C, H′, W′, K, K): every pooling window of x."""
    x = np.asarray(x, dtype=np.float64)
    stride = kernel_size if stride is None else stride
    view = sliding_window_view(x, (kernel_size, kernel_size), axis=(2, 3))
    return view[:, :, ::stride, ::stride]


def max_pool2d(x, kernel_size: int = 2, stride=None) -> np.ndarray:
    """The largest value of each K×K window. x: (N, C, H, W) -> (N, C, H′, W′)."""
    return _windows(x, kernel_size, stride).max(axis=(-2, -1))


def avg_pool2d(x, kernel_size: int = 2, stride=None) -> np.ndarray:
    """The mean of each K×K window (all K² cells counted). x: (N, C, H, W) -> (N, C, H′, W′)."""
    return _windows(x, kernel_size, stride).mean(axis=(-2, -1))
