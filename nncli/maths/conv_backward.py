"""The gradients of a 2D convolution layer (conv.conv2d), as PyTorch's autograd gives them.

Dimensions: N images, C input channels, H×W input, F filters of C×KH×KW, H′×W′ output.
out[n, f, i, j] = b[f] + Σ_{c,a,b'} xp[n, c, i·s + a, j·s + b'] · w[f, c, a, b'], with xp the
input padded by p zeros: each output value reads one window, so each window sends its
gradient back to the inputs it read (dx) and to the weights it used (dw).
"""

import numpy as np

from nncli.maths.conv import pad2d


def conv2d_backward(dout, x, w, stride: int = 1, padding: int = 0):
    """Gradients of conv.conv2d(x, w, b, stride, padding) given dout = ∂L/∂out.

    dout: (N, F, H′, W′), x: (N, C, H, W), w: (F, C, KH, KW) ->
    (dx (N, C, H, W): the padding's part cut away, dw (F, C, KH, KW), db (F,): dout summed
    over the batch and every position).
    """
    dout = np.asarray(dout, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    xp = pad2d(np.asarray(x, dtype=np.float64), padding)
    KH, KW = w.shape[2:]
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            rows = slice(i * stride, i * stride + KH)
            cols = slice(j * stride, j * stride + KW)
            g = dout[:, :, i, j]                                    # (N, F)
            dw += np.einsum("nf,ncab->fcab", g, xp[:, :, rows, cols])
            dxp[:, :, rows, cols] += np.einsum("nf,fcab->ncab", g, w)
    H, W = xp.shape[2] - 2 * padding, xp.shape[3] - 2 * padding
    dx = dxp[:, :, padding:padding + H, padding:padding + W]
    return dx, dw, dout.sum(axis=(0, 2, 3))


def conv2d_input_gradient_full(dout, w):
    """dx for stride 1 and no padding, the other way: the "full" convolution of dout with the
    kernel flipped (rotated 180°), summed over the filters.

    dout: (N, F, H′, W′), w: (F, C, KH, KW) -> (N, C, H′ + KH − 1, W′ + KW − 1).
    """
    dout = np.asarray(dout, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    KH, KW = w.shape[2:]
    padded = np.pad(dout, [(0, 0), (0, 0), (KH - 1, KH - 1), (KW - 1, KW - 1)])
    flipped = w[:, :, ::-1, ::-1]
    N, _, H, W = padded.shape
    out = np.zeros((N, w.shape[1], H - KH + 1, W - KW + 1))
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            out[:, :, i, j] = np.einsum("nfab,fcab->nc", padded[:, :, i:i + KH, j:j + KW], flipped)
    return out
