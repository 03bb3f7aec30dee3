"""Reference solution of the "conv" exercise: true 1D convolution, padding, 2D
cross-correlation and the batched conv2d layer (as torch.nn.functional.conv2d)."""

import numpy as np


def output_size(size, kernel, padding=0, stride=1):
    """Worked example (not graded): ⌊(size + 2·padding − kernel) / stride⌋ + 1."""
    return (size + 2 * padding - kernel) // stride + 1


def conv1d(f, g):
    """Full convolution: f (L,), g (K,) -> (L+K−1,), out[n] = Σ_k f[k]·g[n−k].

    Read the sum the other way round: entry f[k] adds a copy of g, scaled by f[k] and
    starting at position k. Adding up those L shifted copies is the convolution.
    """
    f = np.asarray(f, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    L, K = f.shape[0], g.shape[0]
    out = np.zeros(L + K - 1)
    for k in range(L):
        out[k:k + K] += f[k] * g
    return out


def pad2d(x, p):
    """x (..., H, W) -> (..., H+2p, W+2p): x copied into the middle of a block of zeros."""
    x = np.asarray(x, dtype=np.float64)
    H, W = x.shape[-2:]
    out = np.zeros(x.shape[:-2] + (H + 2 * p, W + 2 * p))
    out[..., p:p + H, p:p + W] = x
    return out


def corr2d(x, k):
    """Valid cross-correlation: x (H, W), k (KH, KW) -> (H−KH+1, W−KW+1).

    out[i, j] is the sum of the window of x whose top-left corner is (i, j), multiplied
    entry by entry with k (k is not flipped).
    """
    x = np.asarray(x, dtype=np.float64)
    k = np.asarray(k, dtype=np.float64)
    H, W = x.shape
    KH, KW = k.shape
    out = np.zeros((H - KH + 1, W - KW + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(x[i:i + KH, j:j + KW] * k)
    return out


def conv2d(x, w, b=None, stride=1, padding=0):
    """x (N, C, H, W), w (F, C, KH, KW), b (F,) or None -> (N, F, H′, W′).

    Pad first, then visit each output position once: the window under the kernel,
    (N, C, KH, KW), is multiplied with every filter (F, C, KH, KW) and summed over the
    channels and the kernel cells, which gives the (N, F) numbers of that position.
    """
    x = pad2d(x, padding)
    w = np.asarray(w, dtype=np.float64)
    N, C, H, W = x.shape  # H and W include the padding now
    F, _, KH, KW = w.shape
    H_out = (H - KH) // stride + 1
    W_out = (W - KW) // stride + 1
    out = np.zeros((N, F, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            top, left = i * stride, j * stride
            window = x[:, :, top:top + KH, left:left + KW]
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3]))
    if b is not None:
        out += np.asarray(b, dtype=np.float64)[None, :, None, None]
    return out
