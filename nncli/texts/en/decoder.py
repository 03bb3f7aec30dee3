"""English texts of the `decoder` topic."""

TEXTS = {
    "summary": "Transformer decoder: masked self-attention, encoder–decoder attention, next-word softmax, greedy decoding.",
    "title": "One Transformer decoder layer: {T} target {T:token|tokens}, {S} source {S:token|tokens}, d = {d}, {h} {h:head|heads}, d_ff = {d_ff}, {V} {V:word|words}",
    # the example: the words of the target language (the source sentence is French in every language)
    "example.words": "I drink green tea",
    # overview
    "flow.title": "The data flow, with the shape at every arrow",
    "flow.text": (
        "A decoder layer writes the output sentence. It reads two things: the target words "
        "written so far, and the encoder output (the \"memory\") of the source sentence. It "
        "has three sub-layers, each followed by add & layer norm:"
    ),
    "flow.tokens": "tokens",
    "flow.target": "target words so far",
    "flow.embed": "▼ embedding + positional encoding",
    "flow.self": "▼ masked self-attention, {h} {h:head|heads}",
    "flow.norm1": "▼ add Y₀, layer norm",
    "flow.memory": "  encoder output (memory)",
    "flow.cross": "▼ encoder–decoder attention: Q from A, K and V from memory",
    "flow.norm2": "▼ add A, layer norm",
    "flow.ffn": "▼ feed-forward ReLU(B·W1 + b1)·W2 + b2",
    "flow.norm3": "▼ add B, layer norm: decoder output",
    "flow.vocab": "▼ ·W_vocab + b_vocab, softmax: next-word probabilities",
    "flow.rows": (
        "Row i of every matrix belongs to target token i. The weights are random here (drawn "
        "with --seed), as before training; --json lists every one of them."
    ),
    # inputs
    "inputs.title": "The inputs: the target so far, and the encoder's memory",
    "inputs.target": (
        "The target so far is \"{words}\": {bos} marks the start of the sentence, so the "
        "decoder has something to predict the first word from. Each word is looked up in an "
        "embedding table (a row of d = {d} small {d:integer|integers} here), and the sinusoidal "
        "positional encoding of its position is added, as in the encoder."
    ),
    "inputs.memory": (
        "The memory is the encoder's output for the {S} source {S:token|tokens} \"{source}\", one row "
        "per token (random numbers here; 'nncli explain transformer' shows how an encoder "
        "computes it). Every decoder layer reads the same memory."
    ),
    "inputs.memory_label": "memory (encoder output)",
    # masked self-attention
    "self.title": "Masked self-attention over the target so far",
    "self.text": (
        "The same attention as in the encoder, with {h} {h:head|heads} of {dh} {dh:column|columns} each, over the "
        "target words only. One thing is new: the causal mask. Row i may look at columns "
        "j ≤ i (✓) and not at the words after it (·):"
    ),
    "self.mask": (
        "A blocked score is set to −∞ before the softmax, and e^−∞ = 0, so those weights "
        "vanish and each row still sums to 1 over the words it may see. Thanks to the mask, "
        "row i knows nothing of the later words, so training can check every position's "
        "prediction of the next word in one pass."
    ),
    "self.head.title": "Masked self-attention, head {h}: columns {c0}…{c1}",
    "self.head.scores": "Q_h·K_hᵀ/√d_h, blocked −∞",
    "self.head.read": "In this head the last word \"{word}\" attends most to \"{top}\" (weight {w}).",
    "head.weights": "softmax (each row sums to 1)",
    "head.out": "head {h} output",
    "head.more": "More heads",
    "self.concat.title": "Concatenate the heads, then · Wo",
    "concat.text": (
        "The {h} head {h:output|outputs} of {dh} {dh:column|columns} each are put side by side, {d} {d:column|columns} again, "
        "and the output matrix mixes them. These attentions have no biases."
    ),
    "self.concat.out": "self-attention = heads · Wo",
    # add & norm 1
    "norm1.title": "Add and layer norm (1 of 3)",
    "norm1.text": (
        "The residual connection adds the sub-layer's input back, Y₀ + self-attention; then "
        "each row is normalised on its own to mean 0 and variance 1, scaled by γ1 and shifted "
        "by β1."
    ),
    "norm.row": "The row of \"{word}\", written out (ε = 0.00001):",
    "norm1.sum": "Y₀ + self-attention",
    "norm1.out": "A = LayerNorm(Y₀ + self-attention)",
    "norm.torch": (
        "As in torch.nn.LayerNorm: the variance divides by d (not d − 1), and ε sits inside "
        "the square root. Post-norm (normalise after adding), as in the original paper."
    ),
    # cross-attention
    "cross.title": "Encoder–decoder attention: looking at the source sentence",
    "cross.text": (
        "The second attention is where the decoder reads the source. The queries come from "
        "the decoder (the rows of A), the keys and the values from the memory, each through "
        "its own weights Wq_x, Wk_x, Wv_x:"
    ),
    "cross.diagram": (
        "  decoder rows A  ──► ·Wq_x ──────────► Q ───┐\n"
        "                                             ├──► softmax(Q·Kᵀ/√d_h)·V\n"
        "  memory          ──► ·Wk_x, ·Wv_x ──► K, V ┘"
    ),
    "cross.shape": (
        "So the weights are {T}×{S}: one row per target word, one column per source token. "
        "No mask here: the whole source sentence is known before the first word is written."
    ),
    "cross.head.title": "Encoder–decoder attention, head {h}: columns {c0}…{c1}",
    "cross.head.scores": "Q_h·K_hᵀ/√d_h",
    "cross.head.read": "In this head the last word \"{word}\" attends most to the source token \"{top}\" (weight {w}).",
    "cross.concat.title": "Concatenate the heads, then · Wo_x",
    "cross.concat.out": "cross-attention = heads · Wo_x",
    # add & norm 2
    "norm2.title": "Add and layer norm (2 of 3)",
    "norm2.text": (
        "Add A back and normalise each row again, with γ2 and β2. The mean and variance of "
        "every row before normalising:"
    ),
    "norm2.sum": "A + cross-attention",
    "norm2.out": "B = LayerNorm(A + cross-attention)",
    "col.token": "token",
    "col.mean": "mean μ",
    "col.var": "variance σ²",
    # feed-forward and add & norm 3
    "ffn.title": "Feed-forward network, one token at a time",
    "ffn.text": (
        "Two dense layers applied to every row separately, with the same weights for every "
        "position: widen from {d} to {d_ff} {d_ff:column|columns}, ReLU, and narrow back to {d}."
    ),
    "ffn.relu": "ReLU (negatives become 0, shown faint)",
    "norm3.title": "Add and layer norm (3 of 3): the decoder output",
    "norm3.text": "Add B back and normalise each row with γ3 and β3:",
    "norm3.out": "decoder output",
    # output
    "out.title": "From vectors to words: linear layer and softmax",
    "out.text": (
        "A linear layer W_vocab gives each row one score (logit) per word of the vocabulary "
        "it can write ({V}: {vocab}; never <s>, so it has no column); softmax turns the "
        "scores into probabilities."
    ),
    "out.logits": "logits = output·W_vocab + b_vocab",
    "out.softmax": "The softmax of the row of \"{word}\": subtract the largest logit, exponentiate, divide by the sum:",
    "out.max": "largest logit m = {m}",
    "out.exps": "e^(logit − m) = {values}",
    "out.sum": "sum = {terms} = {total}",
    "out.probs": "probabilities (each row sums to 1)",
    "out.rows": (
        "Row i is the prediction of the word after position i. It is a fair prediction: "
        "through the mask, row i saw the words up to i and none after. The bracketed word of "
        "each row is its most likely next word:"
    ),
    "col.seen": "words seen",
    "col.next": "most likely next word",
    "col.prob": "probability",
    "out.training": (
        "In training, the true target sentence is fed in (teacher forcing) and every row's "
        "probability of the true next word is pushed up, all rows in one pass. When writing "
        "a new sentence there is no true target: the decoder feeds back its own words."
    ),
    # greedy decoding
    "greedy.title": "Greedy decoding: one word at a time",
    "greedy.text": (
        "To write, the decoder runs again and again: take the last row's probabilities, "
        "pick the most likely word (the argmax), append it to the target, run the layer on "
        "the longer target. It stops when it picks {eos} (end of sentence) or after --steps "
        "words. This is greedy decoding; beam search keeps the few best sentences instead of "
        "one."
    ),
    "greedy.step.title": "Greedy step {k}: \"{word}\"",
    "greedy.step": "Input: \"{words}\". The probabilities of the last row:",
    "greedy.same": (
        "The rows of the words that were already there came out the same as in the previous "
        "run (largest difference {diff}): the mask keeps them from seeing the new word, so a "
        "real decoder keeps their keys and values (the KV cache) and computes only the new row."
    ),
    "greedy.changed": (
        "The rows of the words that were already there changed (largest difference {diff}): "
        "they could see the new word, so this layer is not causal."
    ),
    "greedy.bars": "next-word probabilities (◀ the largest)",
    "greedy.argmax": "argmax = \"{word}\" (p = {p}), appended: {words}",
    "greedy.more": "More greedy steps",
    "greedy.done.title": "The decoded sentence",
    "col.step": "step",
    "col.input": "input",
    "col.pick": "chosen word",
    "greedy.ended": "It picked {eos}, the end of the sentence, so decoding stops: \"{words}\".",
    "greedy.stopped": (
        "The --steps limit stops it here: \"{words}\". A real decoder goes on until it picks "
        "{eos}, or a length limit."
    ),
    "greedy.untrained": (
        "The weights are random, so the words are nonsense; training adjusts every weight "
        "above until the right next word gets the highest probability."
    ),
}
