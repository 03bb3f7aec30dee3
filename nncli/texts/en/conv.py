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
        "The stride does not divide evenly: no whole window covers the last {rows} {rows:row|rows} and "
        "{cols} {cols:column|columns} of the padded input, so they are dropped (floor, as PyTorch)."
    ),
    "stride.drop.rows": (
        "The stride does not divide evenly: no whole window covers the last {rows} {rows:row|rows} of "
        "the padded input, so they are dropped (floor, as PyTorch)."
    ),
    "stride.drop.cols": (
        "The stride does not divide evenly: no whole window covers the last {cols} {cols:column|columns} "
        "of the padded input, so they are dropped (floor, as PyTorch)."
    ),
    "stride.gap": (
        "The stride {s} is larger than the kernel, so the rows and columns between two "
        "windows are read by no window at all."
    ),
    "cell.title": "Output cell ({i}, {j})",
    "cell.text": "The window starts at row {r}, column {c} of the padded input. Multiply cell by cell, then add:",
    "cell.text.nopad": "The window starts at row {r}, column {c} of the input. Multiply cell by cell, then add:",
    "cell.window": "padded input, window in [ ]",
    "cell.window.nopad": "input, window in [ ]",
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
        "second layer like this one ({kh}×{kw} kernel, stride {s}) on the feature map and "
        "each of its cells sees {r2h}×{r2w} input cells; a third sees {r3h}×{r3w}."
    ),
    "receptive.rule": (
        "r_l = r_(l−1) + (K_l − 1)·j_(l−1),   j_l = j_(l−1)·S_l   "
        "(r_0 = 1, j_0 = 1; j is the product of the strides below)"
    ),
    "receptive.rows": "rows:     {steps}",
    "receptive.cols": "columns:  {steps}",
    "receptive.picture": (
        "The input cells that cell (0, 0) of each layer reads, without padding: 1 for the "
        "first layer, then each number marks what one more layer adds ({layers} {layers:layer|layers}):"
    ),
    "receptive.gaps": (
        "The stride {s} is larger than the kernel, so windows do not touch: some input cells "
        "in between are read by no window (the · inside the field)."
    ),
    "receptive.deeper": (
        "Deeper layers see larger regions, which is how a CNN goes from edges to patterns to "
        "whole objects."
    ),
    # several channels (--channels, --filters)
    "title.channels": "Convolution layer: {c} {c:channel|channels} of {h}×{w}, {f} {f:filter|filters} of {c}×{kh}×{kw}, padding {p}, stride {s}",
    "ch.setup.title": "Input channels and filters",
    "ch.setup.text": (
        "A colour image has 3 channels (red, green, blue); a hidden layer's input has one "
        "channel per feature map of the layer before. Here the input has {c} {c:channel|channels} of "
        "{h}×{w}. A filter is a stack of {c} {c:kernel|kernels} of {kh}×{kw}, one per input channel, "
        "and gives one output map; {f} {f:filter gives|filters give} {f} {f:map|maps} of {oh}×{ow}. The layer "
        "has {weights} {weights:weight|weights} and one bias per filter: {params} {params:parameter|parameters}."
    ),
    "ch.input": "input channel {c}",
    "ch.more_channels": "… and {count} more {count:channel|channels}, computed the same way (--all-steps shows them).",
    "ch.filter.title": "Filter {f}: one kernel per channel, the parts added",
    "ch.filter.text": (
        "Filter {f} lays its {c} {c:kernel|kernels} on the same {kh}×{kw} window of every channel. "
        "Each channel gives a partial sum; output cell (0, 0) is the sum of the partial sums, "
        "plus the filter's bias:"
    ),
    "ch.window": "channel {c}, window in [ ]",
    "ch.window.padded": "channel {c} padded, window in [ ]",
    "ch.kernel": "kernel {f}, channel {c}",
    "ch.partial": "channel {c}: {terms} = {value}",
    "ch.cell": "output[{f}][0, 0] = {partials} + {bias} = {value}",
    "ch.maps": (
        "Every cell the same way: each channel's kernel slides over its own channel and gives "
        "a map of partial sums; filter {f}'s output is their sum, cell by cell, plus the bias."
    ),
    "ch.part": "channel {c}'s part",
    "ch.output": "output {f}",
    "ch.more_filters": "More filters",
    "ch.result.title": "The layer's output",
    "ch.result.text": (
        "{f} {f:filter|filters}, {f} output {f:map|maps} of {oh}×{ow}: the number of output channels is the "
        "number of filters, whatever the {c} input {c:channel|channels}. The next layer's filters will "
        "have {f} {f:kernel|kernels} each. The same numbers as torch.nn.functional.conv2d."
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
    "result1d.layers": (
        "In a network the same sliding runs along one axis with a learned kernel of a few "
        "weights: a 1-D convolution layer (torch.nn.Conv1d, cross-correlation like the 2D "
        "layer, so without the flip). It reads audio along time, one sample after another, or "
        "a sentence word by word, each word a vector of features."
    ),
}
