"""Exercise "conv": convolution in 1D, then the 2D convolution layer of a CNN.

Task: write
- conv1d(f, g): the full, true convolution of two sequences (flip g, slide it along f,
  multiply and add at every shift), the numbers numpy.convolve gives;
- pad2d(x, p): a border of p zeros around the last two axes;
- corr2d(x, k): one map and one kernel, "valid" cross-correlation (no flip, no padding);
- conv2d(x, w, b, stride, padding): the batched layer, several input channels and filters,
  the same numbers as torch.nn.functional.conv2d.

Two conventions meet here. The convolution of mathematics flips the kernel:
(f∗g)[n] = Σ_k f[k]·g[n−k]. The "convolution" layers of deep learning do not flip: they
compute the cross-correlation out[i, j] = Σ_{a,b} x[i+a, j+b]·k[a, b]. conv1d follows the
first; corr2d and conv2d follow the second (a learned kernel does not care which).

Conventions of every nncli exercise: arrays are float64; the batch dimension comes first
(images are (N, C, H, W): N images, C channels, H rows, W columns); inputs are never
modified in place.

Check your work with:  nncli check conv
"""

import numpy as np


def output_size(size, kernel, padding=0, stride=1):
    """Worked example (not graded): the output length of a convolution along one axis.

    The kernel's first cell can sit at positions 0, stride, 2·stride, ... as long as the
    whole kernel stays inside the padded input of length size + 2·padding.

    Inputs:
    - size: input length (H or W)
    - kernel: kernel length (KH or KW)
    - padding: zeros added on each side
    - stride: step between two positions of the kernel
    Returns:
    - ⌊(size + 2·padding − kernel) / stride⌋ + 1, an int
    """
    return (size + 2 * padding - kernel) // stride + 1


def conv1d(f, g):
    """The full convolution of two sequences: (f∗g)[n] = Σ_k f[k]·g[n−k].

    Every n where the two overlap by at least one entry is kept, n = 0 … L+K−2.

    Inputs:
    - f: (L,) first sequence
    - g: (K,) second sequence
    Returns:
    - out: (L+K−1,) float64
    """
    raise NotImplementedError


def pad2d(x, p):
    """Zero-pad the last two axes by p on every side (top, bottom, left, right).

    Inputs:
    - x: (..., H, W) any number of leading axes (e.g. (N, C, H, W))
    - p: int ≥ 0
    Returns:
    - out: (..., H+2p, W+2p) float64, x in the middle, zeros around it
    """
    raise NotImplementedError


def corr2d(x, k):
    """Valid 2D cross-correlation of one map with one kernel (the kernel is not flipped).

    out[i, j] = Σ_{a,b} x[i+a, j+b]·k[a, b], for every position where k fits inside x.

    Inputs:
    - x: (H, W) input map
    - k: (KH, KW) kernel
    Returns:
    - out: (H−KH+1, W−KW+1) float64
    """
    raise NotImplementedError


def conv2d(x, w, b=None, stride=1, padding=0):
    """A convolution layer, as torch.nn.functional.conv2d: cross-correlation over all channels.

    out[n, f, i, j] = b[f] + Σ_{c,a,b'} xp[n, c, i·stride + a, j·stride + b']·w[f, c, a, b']
    where xp is x zero-padded by `padding` on each side of H and W.

    Inputs:
    - x: (N, C, H, W) N images of C channels
    - w: (F, C, KH, KW) F filters, each spanning all C channels
    - b: (F,) one bias per filter, or None for no bias
    - stride: step of the kernel, the same along rows and columns
    - padding: zeros added on each side of H and W
    Returns:
    - out: (N, F, H′, W′) float64 with H′ = ⌊(H + 2·padding − KH)/stride⌋ + 1 and
      W′ = ⌊(W + 2·padding − KW)/stride⌋ + 1
    """
    raise NotImplementedError
