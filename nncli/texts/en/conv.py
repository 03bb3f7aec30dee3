"""English texts of the `conv` topic."""

TEXTS = {
    "summary": "Convolution: 1D as flip, shift, multiply, sum; 2D cell by cell with padding and stride.",
    # 2D
    "title2d": "2D convolution: {h}×{w} input, {kh}×{kw} kernel, padding {p}, stride {s}",
    "setup.title": "The input, the kernel and the output size",
    "setup.text": (
        "A kernel slides over the input. At each position it multiplies the cells it covers "
        "by its own weights and adds them up, plus the bias: one number of the output, the "
        "feature map. The same {kh}×{kw} weights are used at every position, so this layer "
        "has only {params} {params:parameter|parameters} however large the image is."
    ),
    "setup.corr": (
        "Deep-learning frameworks compute cross-correlation: the kernel is laid on the input "
        "as it is, without flipping. nncli does the same, so its numbers match "
        "torch.nn.functional.conv2d. Add --flip for the convolution of mathematics, which "
        "flips the kernel first."
    ),
    "setup.flip": (
        "--flip: the true convolution flips the kernel upside down and left to right before "
        "sliding it, so the kernel used below is the flipped one."
    ),
    "setup.size": "Output size: ⌊(H + 2P − K) / S⌋ + 1",
    "setup.size.numbers": "rows: ⌊({h} + 2×{p} − {kh}) / {s}⌋ + 1 = {oh}    columns: ⌊({w} + 2×{p} − {kw}) / {s}⌋ + 1 = {ow}",
    "pad.title": "Padding: a border of {p} {p:zero|zeros}",
    "pad.text": (
        "Zeros are added around the input (shown faint) so the kernel can also sit over the "
        "edges. With padding (K − 1)/2 and stride 1 the output keeps the input's size."
    ),
    "stride.drop": (
        "The stride does not divide evenly: the last {rows} {rows:row|rows} and {cols} {cols:column|columns} of the "
        "padded input are never the top-left of a window, so they are dropped (floor, as PyTorch)."
    ),
    "cell.title": "Output cell ({i}, {j})",
    "cell.text": "The window starts at row {r}, column {c} of the padded input. Multiply cell by cell, then add:",
    "cell.text.nopad": "The window starts at row {r}, column {c} of the input. Multiply cell by cell, then add:",
    "cell.window": "window",
    "cell.products": "products",
    "cell.output": "feature map",
    "cell.land": "{value} goes to row {i}, column {j} of the feature map.",
    "matrix.input": "input",
    "matrix.padded": "padded input",
    "matrix.kernel": "kernel",
    "matrix.flipped": "flipped kernel",
    "more.title": "More cells",
    "result.title": "The feature map",
    "result.text": "Every cell computed the same way gives the {oh}×{ow} feature map.",
    "receptive.title": "Receptive field",
    "receptive.text": (
        "Each output cell sees a {kh}×{kw} patch of its input: its receptive field. Stack a "
        "second {kh}×{kw} layer (stride {s}) on top and each of its cells sees {r2}×{r2} input "
        "cells; a third sees {r3}×{r3}. Deeper layers see larger regions, which is how a CNN "
        "goes from edges to patterns to whole objects."
    ),
    # 1D
    "title1d": "1D convolution: f has {l} {l:value|values}, g has {k}",
    "setup1d.title": "The two sequences",
    "setup1d.text": (
        "(f∗g)[n] = Σₖ f[k]·g[n−k]. Think of g as a train entering a tunnel f: flip the train "
        "so it faces the tunnel (g[−k]), shift it by n (g[n−k]), multiply where the two "
        "overlap, and add. One output value per shift: {n} in all."
    ),
    "flip1d.title": "Flip g",
    "flip1d.text": "Reversed, g reads {flipped}.",
    "matrix.g_flipped": "g flipped",
    "shift1d.title": "Shift n = {n}",
    "shift1d.text": "The flipped g is shifted by {n}: it overlaps f at k = {k0} … {k1}.",
    "shift1d.f": "f",
    "shift1d.g": "g flipped, shifted",
    "train.f": "f",
    "train.g": "g (flip)",
    "result1d.title": "The result",
    "result1d.text": (
        "All {n} {n:shift|shifts} give f∗g, the same numbers as numpy.convolve(f, g). Swap the roles, "
        "the tunnel passing over the train, and the result is identical: f∗g = g∗f."
    ),
}
