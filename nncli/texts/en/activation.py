"""English texts of the `activation` topic."""

TEXTS = {
    "summary": "ReLU, sigmoid, tanh and softmax on your numbers: values, slopes, saturation.",
    "title": "Activation functions on {n} {n:value|values}",
    "setup.title": "The values and why a neuron needs an activation",
    "setup.text": (
        "A neuron first adds up its weighted inputs, z = x·w + b, and then passes z through an "
        "activation function f. Without f, a stack of layers would still be one straight-line "
        "(linear) map however deep it is; f bends it, so the network can draw curved borders. "
        "Each function below is applied to every value on its own (softmax is the exception: "
        "it looks at all of them together)."
    ),
    "table.more": "… {count} more {count:value|values} computed the same way (--all-steps lists them, --json gives every value).",
    "col.x": "x",
    "relu.title": "ReLU: max(0, x)",
    "relu.text": (
        "ReLU (rectified linear unit) keeps a positive value and turns a negative one into 0. "
        "Its slope is 1 for x > 0 and 0 for x < 0 (at exactly 0 the slope 0 is taken, as "
        "PyTorch does)."
    ),
    "relu.formula": "ReLU(x) = max(0, x)      ReLU′(x) = 1 if x > 0, else 0",
    "relu.example": "ReLU({x}) = max(0, {x}) = {y}",
    "sigmoid.title": "Sigmoid: 1 / (1 + e^−x)",
    "sigmoid.text": (
        "The sigmoid squeezes any number into (0, 1): large negative x gives almost 0, large "
        "positive x almost 1, and x = 0 gives exactly 0.5. That makes it a natural "
        "probability or gate, but its slope is never more than 0.25."
    ),
    "sigmoid.formula": "σ(x) = 1 / (1 + e^−x)      σ′(x) = σ(x)·(1 − σ(x))",
    "sigmoid.example": "σ({x}) = 1 / (1 + e^−{xt}) = 1 / (1 + {e}) = {y}",
    "sigmoid.example.slope": "σ′({x}) = {y}×(1 − {y}) = {g}",
    "tanh.title": "Tanh: (e^x − e^−x) / (e^x + e^−x)",
    "tanh.text": (
        "Tanh has the sigmoid's S shape, stretched to (−1, 1) and centred on 0: "
        "tanh(x) = 2σ(2x) − 1. Being centred on 0 helps the next layer, and its slope at 0 "
        "is 1, four times the sigmoid's."
    ),
    "tanh.formula": "tanh(x) = (e^x − e^−x) / (e^x + e^−x)      tanh′(x) = 1 − tanh(x)²",
    "tanh.example": "tanh({x}) = {y}      tanh′({x}) = 1 − {yt}² = {g}",
    "plot.note": "The curves below are drawn for x from −6 to 6 (• marks the curve, │ and ─ the axes).",
    "sat.title": "Saturation: why the sigmoid and tanh gradients vanish",
    "sat.text": (
        "Far from 0 the sigmoid and tanh curves go flat: they saturate. There the slope is "
        "almost 0, and training learns through slopes: backpropagation multiplies one slope "
        "per layer, so a few saturated layers shrink the gradient to nothing and the early "
        "layers stop learning. ReLU's slope stays exactly 1 for every positive x, however large."
    ),
    "sat.largest": (
        "Your value farthest from 0 is x = {x}: σ′({x}) = {sg} and tanh′({x}) = {tg}, while "
        "ReLU′({x}) = {rg}."
    ),
    "sat.largest.not_positive": (
        "Your value farthest from 0 is x = {x}: σ′({x}) = {sg} and tanh′({x}) = {tg}, and "
        "ReLU′({x}) = {rg}: for x ≤ 0 ReLU passes no gradient at all."
    ),
    "sat.chain": (
        "Even at its best (x = 0) the sigmoid passes on only 0.25 of the gradient. Through "
        "{layers} sigmoid {layers:layer|layers} that is at most 0.25^{layers} = {product}."
    ),
    "col.slope_relu": "ReLU′",
    "col.slope_sigmoid": "σ′",
    "col.slope_tanh": "tanh′",
    "why.title": "Why ReLU is the usual first choice",
    "why.text": (
        "ReLU costs one comparison, no exponential. Its slope is 1 for every positive input, "
        "so gradients pass through many layers without shrinking, and deep networks train "
        "faster than with tanh or the sigmoid (the usual ranking is ReLU, then tanh, then "
        "sigmoid). It also outputs exact zeros, so only some neurons are active at a time. "
        "Its weak spot: a neuron whose z stays negative has slope 0 and stops learning "
        "(a \"dead\" ReLU). The sigmoid is still the right choice where a value in (0, 1) is "
        "wanted, such as a yes/no output or an LSTM gate; tanh where a value in (−1, 1) is."
    ),
    "softmax.title": "Softmax: scores into probabilities",
    "softmax.text": (
        "Softmax takes the whole vector at once and turns it into probabilities: every "
        "output is positive and they add up to 1, and a larger score keeps a larger share. "
        "It is what a classifier's last layer uses. Subtracting the largest value first does "
        "not change the result but keeps e^x from overflowing."
    ),
    "softmax.formula": "softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m),  m = max(x) = {m}",
    "softmax.sum": "Σ e^(x − m) = {terms} = {total}",
    "col.shifted": "x − m",
    "col.exp": "e^(x − m)",
    "col.p": "softmax",
    "bars.title": "softmax, as shares of 1",
}
