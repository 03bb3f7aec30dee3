"""English texts of the `architectures` topic."""

TEXTS = {
    "summary": "CNN history, LeNet to ResNet: what each model changed, parameter counts, and the arithmetic behind them.",
    "title": "CNN architectures from 1980 to 2015, and the arithmetic that made them work",
    # timeline
    "time.title": "The timeline",
    "time.text": "Each model took one idea further; the steps below count what the ideas bought.",
    "col.year": "year",
    "col.model": "model",
    "col.change": "what it changed",
    "time.neocognitron": "Fukushima's layered network of feature detectors and pooling, for handwritten characters; the ancestor, not trained by gradient descent",
    "time.LeNet-5": "convolution and pooling trained end to end by backpropagation; read handwritten digits and postal codes",
    "time.AlexNet": "the same design, deeper and wider, with ReLU, dropout and GPUs; won ImageNet 2012 by a wide margin",
    "time.ZFNet": "visualised what each layer detects, and used that to fix AlexNet's first layers (7×7 stride 2 instead of 11×11 stride 4)",
    "time.VGG-16": "only small 3×3 kernels, stacked: the same receptive field with fewer weights and more ReLUs",
    "time.GoogLeNet": "wider instead of only deeper: Inception modules run 1×1, 3×3 and 5×5 side by side, with 1×1 convolutions cutting channels first",
    "time.ResNet-18": "skip connections y = relu(x + F(x)): the gradient passes every block, so very deep networks train",
    "time.ResNet-50": "the deeper ResNet, with 1×1 → 3×3 → 1×1 bottleneck blocks",
    # parameter counts
    "count.title": "Parameters, counted layer by layer",
    "count.text": (
        "Every count below is a sum over the model's layers: a k×k convolution from C to F "
        "channels has F·C·k·k weights and F biases, a fully connected layer n_in·n_out weights "
        "and n_out biases, a batch norm two numbers per channel:"
    ),
    "col.params": "parameters",
    "col.fc": "in fully connected layers",
    "count.shares": (
        "{most} keeps the largest share in its fully connected layers ({most_share}), "
        "{least} the smallest ({least_share}). The largest model is {biggest}, with {params} "
        "{params:parameter|parameters}."
    ),
    "count.which": (
        "AlexNet, VGG-16, ResNet-18 and ResNet-50 are torchvision's ImageNet models. LeNet-5 "
        "is the common modern variant (every C3 map sees all six maps before it, a linear "
        "output layer); the 1998 paper connected C3 sparsely and ended in RBF units. ZFNet "
        "follows its paper, GoogLeNet its paper's table (biases, no batch norm, no auxiliary "
        "classifiers)."
    ),
    # AlexNet
    "alexnet.title": "AlexNet layer by layer",
    "alexnet.text": "Five convolutions and three fully connected layers. Two of the rows, worked out:",
    "alexnet.conv": "conv1: {c_out}·{c_in}·{k}·{k} = {weights} {weights:weight|weights}, + {c_out} {c_out:bias|biases} = {params}",
    "alexnet.fc": "fc6: {n_in}·{n_out} weights + {n_out} {n_out:bias|biases} = {params}",
    "col.layer": "layer",
    "col.shape": "shape",
    "col.total": "total",
    "alexnet.share": (
        "The fully connected layers hold {share} of the parameters: a convolution reuses its "
        "few weights at every position, a dense layer needs one weight per input per output."
    ),
    # small kernels
    "small.title": "VGG: two 3×3 layers instead of one 5×5",
    "small.text": (
        "A cell after two 3×3 layers sees a 5×5 patch of the input, as one 5×5 layer does; "
        "three 3×3 layers see 7×7. Per pair of channels the stack needs fewer weights, and "
        "it puts a ReLU between the layers. With C = {C} {C:channel|channels} in and out (with biases):"
    ),
    "col.layers": "layers",
    "col.field": "receptive field",
    "col.pair": "weights per channel pair",
    "col.params_c": "parameters, C = {C}",
    "small.stack": "{n} × 3×3",
    "small.one": "1 × {k}×{k}",
    "small.compose": (
        "Without a ReLU between them, two 3×3 layers equal one 5×5 layer whose kernel is "
        "made from the two: k[w] = Σ_(u+v=w) k1[u]·k2[v]. For these two kernels:"
    ),
    "small.combined": "the one 5×5 kernel they equal",
    "small.impulse": (
        "Check: a single 1 in a 9×9 input, sent through both layers (padding 1), comes out "
        "as the 5×5 kernel turned by 180°, and nothing outside that 5×5 patch is touched:"
    ),
    "small.impulse_out": "after two 3×3 layers",
    "small.limits": (
        "18 numbers cannot make every 5×5 kernel (that takes 25): the stack is a restricted "
        "5×5 layer. VGG's bet was that the extra ReLU between the layers is worth more than "
        "the kernels it cannot make."
    ),
    # 1×1 bottleneck
    "bottle.title": "GoogLeNet: a 1×1 convolution that cuts channels first",
    "bottle.text": (
        "A {H}×{H} feature map with {C} {C:channel goes|channels go} into a 3×3 convolution with {F} "
        "{F:filter|filters} (padding keeps {H}×{H}). Either directly, or after a 1×1 convolution that "
        "cuts {C} {C:channel|channels} to {R}. Weights (biases left out) and multiply-adds, one per "
        "weight per output position:"
    ),
    "bottle.eq_direct": "direct: 3·3·{C}·{F} = {w} {w:weight|weights}; × {hw} {hw:position|positions} = {m} multiply-adds",
    "bottle.eq_cut": "1×1 first: {C}·{R} + 3·3·{R}·{F} = {w} {w:weight|weights}; × {hw} {hw:position|positions} = {m} multiply-adds",
    "col.path": "path",
    "col.weights": "weights",
    "col.macs": "multiply-adds",
    "bottle.direct": "3×3, {C}→{F}",
    "bottle.cut": "1×1, {C}→{R}",
    "bottle.after": "then 3×3, {R}→{F}",
    "bottle.both": "1×1 then 3×3",
    "bottle.saves": (
        "Cutting the channels first needs {share} of the weights and of the multiply-adds "
        "of the direct 3×3."
    ),
    "bottle.costs": (
        "Here the cut is too small to pay: the 1×1 layer and the 3×3 after it need {share} "
        "of the direct 3×3's weights and multiply-adds."
    ),
    "bottle.dense": (
        "A 1×1 convolution is a fully connected layer applied at every pixel: each output "
        "channel is a weighted sum of the input channels at that pixel."
    ),
    # residual
    "res.title": "ResNet: a residual block on numbers",
    "res.text": (
        "The block adds its input back before the ReLU: y = relu(x + F(x)), with F a small "
        "two-layer branch, F(x) = w2·relu(w1·x + b1) + b2 (two hidden units here, weights "
        "drawn with --seed). For x = 1:"
    ),
    "res.grad": "By the chain rule, the slope of the block is the slope through the skip, 1, plus the slope through F:",
    "res.skip": (
        "The {one} is the skip connection: even when F is flat (∂F/∂x near 0, as in a fresh "
        "or a saturated layer), the gradient still gets through. Without the skip the block "
        "would pass only ∂F/∂x."
    ),
    "stack.title": "The gradient through {L} {L:block|blocks}, with and without skips",
    "stack.text": (
        "The same {L} {L:branch|branches} stacked, starting from x = {x}: once as residual blocks, once "
        "plain (y = relu(F(x))). The gradient from the output back to the input is the "
        "product of the blocks' slopes:"
    ),
    "col.block": "block",
    "col.x_res": "x (residual)",
    "col.f_res": "slope 1 + F′",
    "col.x_plain": "x (plain)",
    "col.f_plain": "slope F′",
    "stack.products": "∂x_L/∂x_0: residual {res}, plain {plain}",
    "stack.res_larger": (
        "Through the skips the gradient is {ratio} times the plain one: the plain stack "
        "multiplies many slopes below 1, the residual stack slopes near 1. That is why "
        "ResNets can be 50 or 150 layers deep."
    ),
    "stack.plain_larger": (
        "Here the plain gradient is the larger one ({ratio} times the residual one): the "
        "skips do not always make the gradient bigger, they keep each slope near 1 instead "
        "of near 0."
    ),
    "stack.plain_zero": (
        "The plain gradient is exactly 0: a ReLU received a negative number and passed "
        "nothing back. Through the skips the gradient still reaches the input."
    ),
    "stack.both_zero": (
        "Both gradients are 0 here: a ReLU received a negative number in both stacks. Try "
        "another --seed."
    ),
}
