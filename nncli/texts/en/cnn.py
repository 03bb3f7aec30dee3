"""English texts of the `cnn` topic."""

TEXTS = {
    "summary": "A whole small CNN on one image: conv, ReLU, pool, flatten, fully connected, softmax.",
    "title": "A small CNN on a {h}×{w} image: {f} {f:kernel|kernels} of {k}×{k}, {p}×{p} max pool, {c} {c:class|classes}",
    "net.title": "The network, stage by stage",
    "net.text": (
        "A convolutional network first looks locally, then decides globally. Convolution "
        "layers find small patterns anywhere in the image, ReLU keeps only the positive "
        "responses, pooling shrinks each map while keeping its strongest responses, and a "
        "fully connected layer at the end combines everything into one score per class. "
        "Softmax turns the scores into probabilities. Each stage below shows its shape and "
        "its numbers."
    ),
    "net.diagram.conv": "image {h}×{w} → conv {f}×{k}×{k} → {f}×{oh}×{ow} → ReLU → {f}×{oh}×{ow}",
    "net.diagram.pool": "  → max pool {p}×{p} → {f}×{ph}×{pw}",
    "net.diagram.conv_more": "  → conv {f}×{f}×{k}×{k} → {f}×{oh}×{ow} → ReLU",
    "net.diagram.flat": "  → flatten → {n}",
    "net.diagram.fc": "  → fully connected {n}×{c} → {c} → softmax → {c}",
    "input.title": "The input image and the kernels",
    "input.text": (
        "The image is {h}×{w} numbers (brightness). Each kernel is a {k}×{k} pattern detector; "
        "a real network learns its kernels, here they are fixed so you can read what they do."
    ),
    "input.default_kernels": (
        "Kernel 0 answers to vertical edges (bright on the left, dark on the right gives a "
        "positive value), kernel 1 to horizontal edges (bright above, dark below)."
    ),
    "matrix.input": "input",
    "matrix.kernel": "kernel {f}",
    "conv.title": "Convolution: {f} {f:kernel|kernels} → {f}×{oh}×{ow}",
    "conv.text": (
        "Each kernel slides over the image (stride 1, no padding) and gives one feature map "
        "of ⌊({h} − {k}) / 1⌋ + 1 = {oh} {oh:row|rows} and {ow} {ow:column|columns}. Positive values: the pattern "
        "is there; negative: its opposite is. `nncli explain conv` shows one map cell by cell."
    ),
    "conv.example": "conv[{f}][0, 0] = {terms} = {value}",
    "relu.title": "ReLU: negatives become 0 → {shape}",
    "relu.text": (
        "ReLU sets every negative value to 0 and leaves the rest: {zeroed} of {total} {total:value|values} "
        "became 0. Only where a pattern is present is there a response left."
    ),
    "pool.title": "Max pooling {p}×{p}: → {shape}",
    "pool.text": (
        "Each {p}×{p} window of each map keeps its largest value (stride {p}): "
        "⌊({h} − {p}) / {p}⌋ + 1 = {oh} {oh:row|rows}, {ow} {ow:column|columns}. `nncli explain pool` shows it "
        "window by window."
    ),
    "pool.example": "pool[{f}][{i}, {j}] = max({values}) = {value}",
    "flat.title": "Flatten: {shape} → {n} {n:number|numbers}",
    "stage.title": "Stage {stage}: conv → ReLU → max pool → {shape}",
    "stage.text": (
        "The same three layers again, on the {before} {before:map|maps} of the stage before. Each of the "
        "{f} new {f:map|maps} reads all {f} old {f:one|ones}: one {k}×{k} kernel per old map, the {f} "
        "partial {f:sum|sums} added (nncli explain conv --channels shows this cell by cell). A border "
        "of {p} {p:zero|zeros} keeps the small maps from shrinking too fast: conv {conv}, then ReLU "
        "and a 2×2 max pool give {pool}. The kernels were drawn at random (--seed)."
    ),
    "stage.example": "conv{stage}[0][0, 0] = {terms} = {value}   (one partial sum per input map)",
    "flat.text": (
        "The fully connected layer wants one vector, so the maps are read out one after the "
        "other, each row by row (as torch.flatten does): map 0 gives entries 0–{end0}."
    ),
    "fc.title": "Fully connected: {n} {n:number|numbers} → {c} {c:score|scores}",
    "fc.text": (
        "Each of the {n} {n:number|numbers} is connected to every class: logits = flat @ W + b with "
        "W of shape {n}×{c}. The weights were drawn at random (--seed): this network is not "
        "trained, so its answer means nothing yet. Training would adjust the kernels, W and b."
    ),
    "fc.class": "logit {c} = {terms} = {value}",
    "fc.more": "… {count} more {count:term|terms}",
    "fc.more_classes": "… {count} more {count:class|classes} computed the same way.",
    "softmax.title": "Softmax: scores → probabilities",
    "softmax.text": (
        "Softmax turns the {c} {c:score|scores} into probabilities that add up to 1. The largest, "
        "{best}, goes to class {k}: that is the network's answer."
    ),
    "softmax.bars": "probabilities",
    "class": "class {k}",
    "params.title": "Why convolution needs so few parameters",
    "params.text": (
        "A fully connected layer joins every input number to every output number. Mapping "
        "this {h}×{w} image to a {h}×{w} map that way takes {hw}×{hw} = {dense} {dense:weight|weights}. A "
        "{k}×{k} convolution is a restricted version of that layer: each output cell is "
        "joined only to the {k}×{k} cells under its window, and every cell uses the same {kk} "
        "{kk:weight|weights}. It can compute fewer things than the full layer, but it keeps what matters "
        "in images, local patterns that may appear anywhere, with {kk} {kk:weight|weights}. For a 28×28 "
        "image the gap is 784×784 = 614,656 weights against 9."
    ),
    "params.col.layer": "layer",
    "params.col.weights": "weights",
    "params.col.biases": "biases",
    "params.conv": "convolution ({f} {f:kernel|kernels} of {k}×{k})",
    "params.fc": "fully connected ({n} → {c})",
    "params.conv_more": "convolution, stage {stage} ({f}×{f} kernels of {k}×{k})",
    "params.dense": "fully connected {hw} → {hw} (for comparison)",
    "rf.title": "How far each stage sees: the receptive field",
    "rf.text": (
        "One value of a feature map depends on a patch of the input image: its receptive "
        "field. A {k}×{k} convolution sees {k}×{k} pixels; the pooling window gathers "
        "neighbouring values, so one pooled value sees more; each further layer adds "
        "(its kernel − 1) × (the product of the strides below it). Deeper stages see larger "
        "regions, which is how a CNN builds edges into patterns and patterns into objects. "
        "The fully connected layer sees the whole image."
    ),
    "rf.picture": "The pixels one cell of each stage sees, in brackets (padding left out):",
    "rf.picture.label": "seen by {name}, cell ({i}, {j})",
    "rf.stage": " (stage {stage})",
    "rf.stages": "--stages 2 adds a second conv → ReLU → pool stage and shows the field grow further.",
    "rf.col.stage": "stage",
    "rf.col.kernel": "kernel",
    "rf.col.stride": "stride",
    "rf.col.field": "receptive field",
    "rf.conv": "convolution",
    "rf.pool": "max pool",
    "rf.conv2": "another {k}×{k} conv, if added",
    "rf.fc": "fully connected",
    "rf.all": "the whole image",
}
