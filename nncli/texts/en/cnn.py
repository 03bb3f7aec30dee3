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
    "net.diagram.pool": "  → max pool {p}×{p} → {f}×{ph}×{pw} → flatten → {n}",
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
        "this {h}×{w} image to a {h}×{w} map that way takes {hw}×{hw} = {dense} {dense:weight|weights}; a "
        "{k}×{k} kernel does the same job with {kk}, because it only looks at a small "
        "neighbourhood and reuses the same weights at every position. For a 28×28 image the "
        "gap is 784×784 = 614,656 weights against 9."
    ),
    "params.col.layer": "layer",
    "params.col.weights": "weights",
    "params.col.biases": "biases",
    "params.conv": "convolution ({f} {f:kernel|kernels} of {k}×{k})",
    "params.fc": "fully connected ({n} → {c})",
    "params.dense": "fully connected {hw} → {hw} (for comparison)",
    "rf.title": "How far each stage sees: the receptive field",
    "rf.text": (
        "One value of a feature map depends on a patch of the input image: its receptive "
        "field. A {k}×{k} convolution sees {k}×{k} pixels; the pooling window gathers "
        "neighbouring values, so one pooled value sees more; a further convolution on top "
        "would see more again. Deeper stages see larger regions, which is how a CNN builds "
        "edges into patterns and patterns into objects. The fully connected layer sees the "
        "whole image."
    ),
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
