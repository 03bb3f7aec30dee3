"""English texts of the `neuron` topic."""

TEXTS = {
    "summary": "One neuron term by term (z = x·w + b, y = f(z)), the perceptron, then a layer x @ W + b.",
    "title": "One neuron with {d} {d:input|inputs} and {act}, then a layer of {m}",
    "setup.title": "Inputs, weights and bias",
    "setup.text": (
        "A neuron receives numbers x (the inputs). It multiplies each by its own weight w, "
        "which says how much that input matters and in which direction, adds the products up "
        "and adds a bias b, which shifts the point where the neuron starts to respond. The "
        "result z then passes through an activation f: y = f(z). Training a network means "
        "finding good w and b."
    ),
    "setup.more": "(… {count} more {count:input|inputs})",
    "sum.title": "The weighted sum z = x·w + b",
    "sum.text": "Multiply each input by its weight, add the products, then add the bias:",
    "sum.more": "… {count} more {count:term|terms}",
    "act.title": "The activation: y = {act}(z)",
    "act.relu": "ReLU keeps a positive z and turns a negative one into 0.",
    "act.relu.eq": "y = ReLU({z}) = max(0, {z}) = {y}",
    "act.sigmoid": "The sigmoid squeezes z into (0, 1), like a soft yes/no.",
    "act.sigmoid.eq": "y = σ({z}) = 1 / (1 + e^−{zt}) = {y}",
    "act.tanh": "Tanh squeezes z into (−1, 1), centred on 0.",
    "act.tanh.eq": "y = tanh({z}) = {y}",
    "act.step": (
        "The step function makes this neuron a perceptron, the first artificial neuron "
        "(Rosenblatt, 1958): it fires 1 when z > 0 and stays 0 otherwise. Its slope is 0 "
        "everywhere (and undefined at 0), so gradient descent cannot tell it how to change "
        "its weights; smooth activations replaced it for that reason."
    ),
    "act.step.eq.on": "y = step({z}) = 1, since {z} > 0",
    "act.step.eq.off": "y = step({z}) = 0, since {z} ≤ 0",
    "act.compare": "The same z through each activation:",
    "col.f": "activation",
    "col.y": "y = f(z)",
    "layer.title": "A layer: {m} {m:neuron|neurons} side by side, x @ W + b",
    "layer.text": (
        "A layer is several neurons reading the same inputs, each with its own weights and "
        "bias. Put each neuron's weights in one column of a matrix W and the biases in a "
        "vector b: the whole layer is one matrix product. Column 0 is the neuron above; the "
        "other columns were drawn at random (--seed)."
    ),
    "layer.shapes": "x ({n}×{d}) @ W ({d}×{m}) + b ({m}) → z ({n}×{m}), then y = {act}(z) elementwise",
    "layer.batch": (
        "With N examples stacked as the rows of x, x is N×{d} and the same line gives N×{m}: "
        "one row of outputs per example."
    ),
    "layer.neuron": "neuron {k}: z{k} = {terms} = {z}  →  y{k} = {y}",
    "layer.more": "… {count} more {count:neuron|neurons} computed the same way (--all-steps shows them).",
    "layer.z": "z = x @ W + b",
    "layer.y": "y = f(z)",
    "deep.title": "More neurons, more layers",
    "deep.lift": (
        "More neurons give each example more coordinates: this layer re-describes {d} input "
        "{d:number|numbers} as {m}, lifting the data into a space where it can be easier to separate."
    ),
    "deep.squeeze": (
        "More neurons give each example more coordinates. This layer has {m} {m:neuron|neurons} for {d} "
        "{d:input|inputs}, so it adds no dimensions; try --neurons {more} to lift the data into more "
        "dimensions, where it can be easier to separate."
    ),
    "deep.text": (
        "More layers add more non-linear steps, one activation each, so the network can bend "
        "its borders further. The activation is what makes depth worth having: without it, "
        "two layers are just one."
    ),
    "deep.collapse": "Without f: (x W₁ + b₁) W₂ + b₂ = x (W₁W₂) + (b₁W₂ + b₂), one linear layer.",
    "deep.numbers": "Here, with a second layer W₂ ({m}×{k}) drawn at random: two linear layers give {two}, the single layer W₁W₂ gives {one}; with {act} between them: {bent}.",
    "deep.same": (
        "Here {act} changed nothing: every z of the first layer lies where {act} is a straight "
        "line (z ≥ 0 for ReLU). Inputs that give a negative z would show the bend."
    ),
    "deep.diagram": "x ({d}) → [{m} {m:neuron|neurons}, {act}] → ({m}) → [{k} {k:neuron|neurons}] → ({k})",
    "xor.title": "Why a hidden layer helps: XOR",
    "xor.text": (
        "XOR outputs 1 when exactly one of two inputs is 1. No single perceptron can do it: "
        "no straight line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the "
        "other. Two hidden perceptrons re-describe each point (h₁ = step(x₁ + x₂ − 0.5): "
        "\"at least one\", h₂ = step(x₁ + x₂ − 1.5): \"both\"), and in these new coordinates one "
        "more perceptron, y = step(h₁ − h₂ − 0.5), separates them."
    ),
    "col.x1": "x₁",
    "col.x2": "x₂",
    "col.h1": "h₁",
    "col.h2": "h₂",
    "col.xor": "y",
}
