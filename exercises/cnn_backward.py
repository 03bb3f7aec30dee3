"""Exercise "cnn_backward": the gradients of a convolution layer and of pooling.

Task: write conv2d_backward, max_pool2d_backward and avg_pool2d_backward. Each receives dout,
the gradient of the loss with respect to the layer's output, and sends it back to what the
output was computed from. Every output value of a convolution reads one window of the
(padded) input through the kernel, so each window gives its gradient back to the inputs it
read (times the kernel) and to the kernel (times those inputs). Pooling has no weights: a
max window gives all of its gradient to its largest input, an average window a 1/K² share to
each. Where windows overlap, the shares add up.

As PyTorch's autograd on torch.nn.functional.conv2d, max_pool2d and avg_pool2d (the forward
functions of the "conv" and "pool" exercises, conv2d given below): when a max window holds
its maximum twice, the first one in row-major order gets the gradient; dx has the shape of
the input before padding.

Named dimensions: N images, C channels, H×W input, F filters of C×KH×KW, H′×W′ output, K×K
pooling windows S apart (S = K when stride is None).

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(x is (N, C, H, W)); inputs are never modified in place.

Check your gradients against central differences of the forward functions, then:
    nncli check cnn_backward
"""

import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0):
    """Given (the "conv" exercise's layer): cross-correlation, as torch.nn.functional.conv2d.

    Inputs:
    - x: (N, C, H, W); w: (F, C, KH, KW); b: (F,) or None
    Returns:
    - out: (N, F, H′, W′), H′ = (H + 2·padding − KH) // stride + 1, W′ likewise
    """
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
    """The gradients of out = conv2d(x, w, b, stride, padding).

    Inputs:
    - dout: (N, F, H′, W′), the gradient of the loss with respect to out
    - x: (N, C, H, W); w: (F, C, KH, KW); stride, padding as in conv2d
    Returns a tuple (dx, dw, db):
    - dx: (N, C, H, W), the shape of x before padding; dw: (F, C, KH, KW); db: (F,)
    """
    raise NotImplementedError


def max_pool2d_backward(dout, x, kernel_size=2, stride=None):
    """The gradient through max pooling: each window's gradient to its largest input (the
    first in row-major order when tied); overlapping windows add up.

    Inputs:
    - dout: (N, C, H′, W′), the gradient of the loss with respect to max_pool2d(x, K, S)
    - x: (N, C, H, W); kernel_size: K; stride: S, None means S = K
    Returns:
    - dx: (N, C, H, W)
    """
    raise NotImplementedError


def avg_pool2d_backward(dout, x, kernel_size=2, stride=None):
    """The gradient through average pooling: each window shares its gradient equally among
    its K² inputs; overlapping windows add up.

    Inputs:
    - dout: (N, C, H′, W′), the gradient of the loss with respect to avg_pool2d(x, K, S)
    - x: (N, C, H, W); kernel_size: K; stride: S, None means S = K
    Returns:
    - dx: (N, C, H, W)
    """
    raise NotImplementedError
