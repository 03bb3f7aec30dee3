"""Convolution in 1D and 2D.

Conventions: `conv1d_full` is the true convolution (as numpy.convolve, mode "full");
`corr2d` and `conv2d` are cross-correlations, as torch.nn.functional.conv2d computes them.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv1d_full(f: np.ndarray, g: np.ndarray) -> np.ndarray:
    """(f∗g)[n] = Σ_k f[k]·g[n−k] for n = 0 … L+K−2.

    f: (L,), g: (K,) -> (L+K−1,).
    """
    f = np.asarray(f, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    L, K = f.shape[0], g.shape[0]
    n = np.arange(L + K - 1)[:, None]
    k = np.arange(L)[None, :]
    shift = n - k  # index into g for each (n, k)
    valid = (shift >= 0) & (shift < K)
    return np.where(valid, f[None, :] * g[np.clip(shift, 0, K - 1)], 0.0).sum(axis=1)


def output_size(size: int, kernel: int, padding: int = 0, stride: int = 1) -> int:
    """⌊(size + 2·padding − kernel) / stride⌋ + 1 (0 or less means the kernel does not fit)."""
    return (size + 2 * padding - kernel) // stride + 1


def pad2d(x: np.ndarray, p: int) -> np.ndarray:
    """Zero-pad the last two axes by p on each side: (..., H, W) -> (..., H+2p, W+2p)."""
    x = np.asarray(x, dtype=np.float64)
    widths = [(0, 0)] * (x.ndim - 2) + [(p, p), (p, p)]
    return np.pad(x, widths)


def corr2d(x: np.ndarray, k: np.ndarray, stride: int = 1) -> np.ndarray:
    """Valid cross-correlation of one map with one kernel.

    x: (H, W), k: (KH, KW) -> (⌊(H−KH)/stride⌋+1, ⌊(W−KW)/stride⌋+1).
    """
    windows = sliding_window_view(np.asarray(x, dtype=np.float64), k.shape)[::stride, ::stride]
    return np.einsum("ijab,ab->ij", windows, np.asarray(k, dtype=np.float64))


def conv2d(x, w, b=None, stride: int = 1, padding: int = 0) -> np.ndarray:
    """Batched 2D cross-correlation, as torch.nn.functional.conv2d.

    x: (N, C, H, W), w: (F, C, KH, KW), b: (F,) or None -> (N, F, H′, W′) with
    H′ = ⌊(H + 2·padding − KH)/stride⌋ + 1 and likewise W′.
    """
    x = pad2d(np.asarray(x, dtype=np.float64), padding)
    w = np.asarray(w, dtype=np.float64)
    windows = sliding_window_view(x, w.shape[2:], axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.einsum("ncijab,fcab->nfij", windows, w)
    if b is not None:
        out = out + np.asarray(b, dtype=np.float64)[None, :, None, None]
    return out


def receptive_field(kernels, strides) -> int:
    """Side, along one axis, of the input region one output cell sees after layers with
    these kernel sizes and strides (first layer first): the recurrence
    r_l = r_{l−1} + (k_l − 1)·j_{l−1}, j_l = j_{l−1}·s_l, from r_0 = 1, j_0 = 1.
    With a stride larger than its kernel the region has gaps (see `seen_indices`); this is
    its span, from the first cell seen to the last."""
    field, jump = 1, 1
    for kernel, stride in zip(kernels, strides):
        field += (kernel - 1) * jump
        jump *= stride
    return field


def seen_indices(index: int, layers) -> list:
    """The input indices, along one axis, that cell `index` of the last layer depends on.

    layers: [(kernel, stride, padding)], first layer first. Cell i of a layer reads cells
    i·s − p … i·s − p + k − 1 of the layer below. The result is sorted and exact (with a
    stride larger than the kernel some indices in between are never read); indices below 0
    or past the input's end fall in padding.
    """
    cells = {index}
    for kernel, stride, padding in reversed(list(layers)):
        cells = {c * stride - padding + a for c in cells for a in range(kernel)}
    return sorted(cells)
