"""English texts of the `rnn` topic."""

TEXTS = {
    "summary": "A recurrent network unrolled through time, and why its gradients fade over long distances.",
    "title": "Recurrent network: {t} time {t:step|steps}, {d} input {d:feature|features}, {h} hidden {h:unit|units}",
    "first.cols": "{label}, first {k} of {n} {n:column|columns}",
    # setup
    "setup.title": "The network, its weights and the sequence",
    "setup.text": (
        "A recurrent network reads a sequence one element at a time. Its hidden layer keeps a "
        "state S, a memory of what it has read so far. At each time step t the new state mixes "
        "the new input x_t with the previous state {prev}, then squashes the sum with tanh "
        "into (−1, 1):"
    ),
    "setup.rows": (
        "nncli writes vectors as rows and multiplies them on the right: x_t has {d} {d:entry|entries}, "
        "W_in is {d}×{h}, W_s is {h}×{h}, and b and every state S_t have {h} {h:entry|entries}. The state "
        "before the first step, S_−1, is s0 (zeros here, as PyTorch starts by default)."
    ),
    "setup.x": "x, one row per time step",
    "setup.s0": "s0 = S_−1",
    "setup.columns": (
        "Textbooks often use columns instead: S_t = tanh(W_in·x_t + W_s·{prev} + b), where "
        "their W_in is {h}×{d}, the transpose of ours, and their W_s is our W_s transposed too. "
        "The numbers are the same. torch.nn.RNN stores the column form: W_in = weight_ih_l0.T, "
        "W_s = weight_hh_l0.T, and b = bias_ih_l0 + bias_hh_l0."
    ),
    # unrolling
    "unroll.title": "Unrolled through time",
    "unroll.text": (
        "Drawn along time the network looks like a deep chain, one layer per step, but it is "
        "one layer used again and again: each state is passed to the next step through W_s."
    ),
    "unroll.shared": (
        "Every step uses the same W_in, W_s and b (shared weights). So the network has only "
        "these parameters, for {d} input {d:feature|features} and {h} hidden {h:unit|units}, however long the "
        "sequence is:"
    ),
    "unroll.separate": (
        "A chain of {t} {t:layer|layers} with separate weights at every step would need {t} × {each} = "
        "{total} {total:parameter|parameters}, and could not read a sequence longer than it was built for."
    ),
    # one time step
    "step.title": "Time step t = {t}",
    "step.text": "The input x_{t} = {x} comes in; the memory is {prev} = {s}.",
    "step.entry": (
        "Each entry j of the pre-activation a is (x_t times column j of W_in) + ({prev} times "
        "column j of W_s) + b[j]: what the input says, plus what the memory says, plus the bias. "
        "Then tanh squashes it:"
    ),
    "step.more_units": "The first {shown} of the {h} {h:entry|entries} are written out; the others are computed the same way.",
    "more.title": "More time steps",
    "states.title": "All the states",
    "states.text": (
        "One state of {h} {h:number|numbers} per time step, {t} in all. Each one depends on every input "
        "before it, through the chain of states."
    ),
    "states.label": "states S (one row per step)",
    # backward
    "jac.title": "Backward through one step",
    "jac.text": (
        "Training sends the error back along the same chain (backpropagation through time). "
        "Going back one step, from {last} to {prev}, multiplies the gradient by the Jacobian "
        "below: the derivative of tanh, 1 − S², on each row, times W_s transposed."
    ),
    "jac.entry": (
        "Row j, column k is ∂S[j]/∂S_prev[k] = (1 − S[j]²)·W_s[k, j]; for example row {j}, "
        "column {k} is {value}."
    ),
    "jac.norm": (
        "Its size, the Frobenius norm (the square root of the sum of the squares of its "
        "entries), is {norm}: the bar for t = {t} below."
    ),
    "bptt.title": "Backpropagation through time: how far the gradient reaches",
    "bptt.text": (
        "The gradient from the last state {last} reaches an earlier state S_t through one "
        "Jacobian per step in between, multiplied together:"
    ),
    "bptt.bars": "‖∂{last}/∂S_t‖ for each t",
    "bptt.last": (
        "The last bar is the identity (a state's derivative by itself): its norm is √{h} = "
        "{root}."
    ),
    "bptt.fade": (
        "{back} {back:step|steps} back the norm has fallen from {last} to {first}, {percent}% of it: "
        "an error at the end barely moves the weights through the earliest inputs."
    ),
    "bptt.fade_mild": (
        "{back} {back:step|steps} back the norm is {first}, {percent}% of {last}: over this short "
        "distance the gradient still gets through."
    ),
    "bptt.grow": (
        "{back} {back:step|steps} back the norm has grown from {last} to {first}, {ratio} times as "
        "much: with these weights the gradient grows on its way back instead of fading."
    ),
    "bptt.bound": (
        "Why: tanh′ = 1 − S² is never above 1, and W_s stretches a vector by at most its "
        "largest singular value, here {sigma}. When that is below 1, every step back shrinks "
        "the gradient at least by that factor, so it fades geometrically. Much above 1 it can "
        "blow up instead, unless the states saturate near ±1, where 1 − S² is near 0."
    ),
    "bptt.not_drawn": "Steps t = 0 … {last} are not drawn (--all-steps draws them); their norms are at most {most}.",
    "long.title": "The same weights over {t} {t:step|steps}",
    "long.text": (
        "Run the same network over a longer sequence of {t} {t:step|steps} (the inputs above, then "
        "random ones):"
    ),
    "long.fade": (
        "The fade is plain to see: at t = 0 the norm is {first}, {percent}% of √H = {root} "
        "at the end."
    ),
    "long.kept": (
        "At t = 0 the norm is {first}, {percent}% of √H = {root} at the end: with these "
        "weights the gradient has not faded much, even this far back."
    ),
    "long.grow": (
        "The norm grows on the way back: at t = 0 it is {first}, {ratio} times √H = {root} "
        "at the end. Repeated over more steps such growth becomes an explosion: training "
        "steps far too large to be useful (clipping the gradient's norm is the usual remedy)."
    ),
    "long.ten.fade": (
        "Ten steps back from the end (t = {t}) the norm is {value}, {percent}% of √H at the "
        "end. Whatever the network should learn from that far back reaches the weights "
        "only this faintly, which is why a plain RNN struggles with dependencies more than "
        "about ten steps long."
    ),
    "long.ten.kept": (
        "Ten steps back from the end (t = {t}) the norm is {value}, {percent}% of √H at the "
        "end: here the gradient still reaches that far. Smaller recurrent weights (a smaller "
        "--scale) make it fade sooner; the product of many Jacobians rarely stays near 1."
    ),
    "long.ten.grow": (
        "Ten steps back from the end (t = {t}) the norm is {value}, {ratio} times √H at the "
        "end: the gradient has grown, not faded. A product of many Jacobians rarely stays "
        "near 1: it shrinks or grows geometrically, and either way long dependencies are "
        "hard to learn."
    ),
    "long.lstm": (
        "The LSTM (nncli explain lstm) adds a second memory, the cell, that carries its "
        "contents forward by multiplying with a gate instead of W_s and tanh′, so its "
        "gradient can survive many more steps."
    ),
    # input/output patterns
    "pattern.title": "Inputs and outputs: four ways to use the chain",
    "pattern.text": (
        "Because the chain can read and write at any step, one design covers many tasks. "
        "Only where the inputs enter and where the outputs are read changes:"
    ),
    "pattern.col.name": "pattern",
    "pattern.col.shape": "in → out",
    "pattern.col.example": "example",
    "pattern.one_many": "one to many",
    "pattern.one_many.shape": "1 → sequence",
    "pattern.one_many.example": "image captioning; music from a picture",
    "pattern.many_one": "many to one",
    "pattern.many_one.shape": "sequence → 1",
    "pattern.many_one.example": "sentiment of a review",
    "pattern.n_n": "n to n",
    "pattern.n_n.shape": "n → n",
    "pattern.n_n.example": "tagging each word; generating text, poems, code",
    "pattern.n_m": "n to m",
    "pattern.n_m.shape": "n → m",
    "pattern.n_m.example": "translation, summaries (encoder–decoder, seq2seq)",
    "pattern.this": (
        "The trace above is n to n: one state per input. An encoder–decoder uses two RNNs: "
        "the encoder reads the whole input into its last state, a context vector, and the "
        "decoder writes the output from it, one element per step, however long it must be."
    ),
    "pattern.flag": "--shapes works each of the four on numbers, and the self-loop variant.",
    "pattern.below": "The next step works each of the four on numbers.",
    "shapes.title": "The four patterns on numbers",
    "shapes.text": (
        "The same chain and weights, on the first {n} {n:input|inputs}. An output layer W_out reads "
        "one number y_t from a state:"
    ),
    "shapes.col.in": "reads",
    "shapes.col.out": "outputs y",
    "shapes.col.step": "step",
    "shapes.in.one": "x_0 = {x}, then zeros",
    "shapes.in.all": "x_0 … x_(n−1), n = {n}",
    "shapes.read": (
        "One to many feeds one input and reads an output at every step; many to one reads "
        "only after the last input; n to n reads at every input. n to m hands the last state "
        "to a second chain with its own weights (the decoder), which starts from it, feeds "
        "each output back in as its next input and here writes m = {m} {m:output|outputs} from n = {n} "
        "{n:input|inputs}."
    ),
    "loop.title": "A self-loop instead of the full W_s",
    "loop.text": (
        "Some drawings give each of the {h} hidden {h:unit|units} a loop only to itself: W_s is then "
        "diagonal, w = diag(W_s), and unit j remembers only its own past: of the previous "
        "state, S_t[j] reads S_(t−1)[j] alone. The full W_s lets every unit read every unit's past."
    ),
    "loop.col.full": "S_t, full W_s",
    "loop.col.loop": "S_t, diagonal W_s",
    "loop.compare": (
        "The self-loop keeps {h} recurrent {h:weight|weights} instead of {h}×{h} = {full}; on these "
        "inputs its states differ from the full ones by up to {diff}."
    ),
}
