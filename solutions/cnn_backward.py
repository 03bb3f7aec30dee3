"""Reference solution of the "cnn_backward" exercise: the gradients of conv2d, max pooling and
average pooling."""

import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0):
    """Given: the "conv" exercise's layer."""
    x = np.pad(np.asarray(x, dtype=np.float64),
               [(0, 0), (0, 0), (padding, padding), (padding, padding)])
    w = np.asarray(w, dtype=np.float64)
    F, C, KH, KW = w.shape
    H_out = (x.shape[2] - KH) // stride + 1
    W_out = (x.shape[3] - KW) // stride + 1
    out = np.zeros((x.shape[0], F, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = x[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3]))
    if b is not None:
        out += np.asarray(b, dtype=np.float64)[None, :, None, None]
    return out


def conv2d_backward(dout, x, w, stride=1, padding=0):
    """dout (N, F, H′, W′), x (N, C, H, W), w (F, C, KH, KW) -> (dx, dw, db).

    Window (i, j) of the padded input produced out[:, :, i, j]: it sends dout[:, :, i, j]
    times w back to the inputs it read, and dout times those inputs to w."""
    dout = np.asarray(dout, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    N, C, H, W = x.shape
    KH, KW = w.shape[2:]
    xp = np.pad(x, [(0, 0), (0, 0), (padding, padding), (padding, padding)])
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            top, left = i * stride, j * stride
            window = xp[:, :, top:top + KH, left:left + KW]
            g = dout[:, :, i, j]
            dw += np.tensordot(g, window, axes=([0], [0]))
            dxp[:, :, top:top + KH, left:left + KW] += np.tensordot(g, w, axes=([1], [0]))
    dx = dxp[:, :, padding:padding + H, padding:padding + W]
    return dx, dw, dout.sum(axis=(0, 2, 3))


def max_pool2d_backward(dout, x, kernel_size=2, stride=None):
    """dout (N, C, H′, W′), x (N, C, H, W) -> dx: each window's gradient to its first maximum."""
    dout = np.asarray(dout, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    K = kernel_size
    S = K if stride is None else stride
    N, C = x.shape[:2]
    dx = np.zeros_like(x)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            window = x[:, :, i * S:i * S + K, j * S:j * S + K].reshape(N, C, K * K)
            first = window.argmax(axis=2)
            for n in range(N):
                for c in range(C):
                    row, col = divmod(int(first[n, c]), K)
                    dx[n, c, i * S + row, j * S + col] += dout[n, c, i, j]
    return dx


def avg_pool2d_backward(dout, x, kernel_size=2, stride=None):
    """dout (N, C, H′, W′), x (N, C, H, W) -> dx: a 1/K² share of each window's gradient."""
    dout = np.asarray(dout, dtype=np.float64)
    K = kernel_size
    S = K if stride is None else stride
    dx = np.zeros(np.shape(x))
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            dx[:, :, i * S:i * S + K, j * S:j * S + K] += dout[:, :, i:i + 1, j:j + 1] / (K * K)
    return dx
