"""English texts of the `transformer` topic."""

TEXTS = {
    "summary": "Transformer: one encoder layer number by number, the decoder's mask, the softmax over a vocabulary.",
    "title": "One Transformer encoder layer: {T} {T:token|tokens}, d = {d}, {h} {h:head|heads}, d_ff = {d_ff}, {V} {V:word|words}",
    # overview
    "flow.title": "The data flow, with the shape at every arrow",
    "flow.text": (
        "An encoder layer takes one row vector per token and returns one row vector per "
        "token, of the same width d, each now mixed with the context of the whole sentence:"
    ),
    "flow.tokens": "tokens",
    "flow.words": "input words",
    "flow.embed": "│ embedding lookup",
    "flow.pe": "▼ + positional encoding",
    "flow.qkv": "│ Q, K, V = X₀·Wq, X₀·Wk, X₀·Wv",
    "flow.split": "│ split the columns into {h} {h:head|heads}",
    "flow.attend": "│ each head: softmax(Q·Kᵀ/√{dh})·V",
    "flow.concat": "▼ concatenate, ·Wo",
    "flow.norm1": "▼ add X₀, layer norm",
    "flow.ffn1": "│ ReLU(Y·W1 + b1)",
    "flow.ffn2": "▼ ·W2 + b2",
    "flow.norm2": "▼ add Y, layer norm: encoder output",
    "flow.vocab": "▼ ·W_vocab + b_vocab, softmax",
    "flow.rows": (
        "Row i of every matrix belongs to token i. The weights are random here (drawn with "
        "--seed), as before training; --json lists every one of them."
    ),
    # embedding
    "embed.title": "Embedding plus positional encoding",
    "embed.text": (
        "Each word of \"{words}\" is looked up in an embedding table: a row of d = {d} {d:number|numbers} "
        "(small integers here, to keep the sums readable). Attention cannot see order, so "
        "the sinusoidal positional encoding of each position is added (see 'nncli explain "
        "positional')."
    ),
    # attention
    "qkv.title": "Queries, keys and values",
    "qkv.text": (
        "Three weight matrices turn every row of X₀ into a query, a key and a value. With "
        "{h} {h:head|heads}, head k uses only its own {dh} {dh:column|columns} of Q, K and V."
    ),
    "head.title": "Head {h}: columns {c0}…{c1}",
    "head.text": (
        "Scores are query·key over √{dh}, softmax turns each row into weights that sum to 1, "
        "and the head's output is the weighted sum of the value rows. One score:"
    ),
    "head.weights": "softmax (each row sums to 1)",
    "head.out": "head {h} output",
    "head.read": "In this head \"{word}\" attends most to \"{top}\" (weight {w}).",
    "head.more": "More heads",
    "concat.title": "Concatenate the heads, then · Wo",
    "concat.text": (
        "The {h} head {h:output|outputs} of {dh} {dh:column|columns} each are put side by side, {d} {d:column|columns} again, "
        "and the output matrix Wo mixes them. The attention has no biases here."
    ),
    "concat.label": "heads side by side",
    "concat.out": "attention = heads · Wo",
    # layer norm
    "norm1.title": "Add and layer norm",
    "norm1.text": (
        "The residual connection adds the layer's input back: X₀ + attention. Then each row is "
        "normalised on its own to mean 0 and variance 1, and rescaled by the learned γ1 and "
        "shifted by β1, one pair of numbers per column."
    ),
    "norm.row": "The row of \"{word}\", written out (ε = 0.00001):",
    "norm1.sum": "X₀ + attention",
    "norm1.out": "Y = LayerNorm(X₀ + attention)",
    "norm.torch": (
        "As in torch.nn.LayerNorm: the variance divides by d (not d − 1), and ε sits inside "
        "the square root so a constant row does not divide by zero."
    ),
    "norm.prenorm": (
        "This is post-norm, as in the original paper: normalise after adding. Many recent "
        "models (GPT-2 onwards) use pre-norm instead: x + Attention(LayerNorm(x)), which "
        "trains more stably in deep stacks."
    ),
    # feed-forward
    "ffn.title": "Feed-forward network, one token at a time",
    "ffn.text": (
        "Two dense layers applied to every row separately, with the same weights for every "
        "position: widen from {d} to {d_ff} {d_ff:column|columns}, ReLU, and narrow back to {d}."
    ),
    "ffn.relu": "ReLU (negatives become 0, shown faint)",
    "norm2.title": "Add and layer norm again: the encoder output",
    "norm2.text": (
        "The same recipe as before, with γ2 and β2: add the feed-forward's input Y, then "
        "normalise each row. The mean and variance of every row before normalising:"
    ),
    "col.token": "token",
    "col.mean": "mean μ",
    "col.var": "variance σ²",
    "norm2.out": "encoder output",
    "norm2.next": (
        "Same shape as the input: the next encoder layer takes it as its X₀. Stacking layers "
        "lets each token gather context over and over."
    ),
    # decoder
    "dec.title": "The decoder: a causal mask and encoder–decoder attention",
    "dec.text": (
        "A decoder layer has the same parts plus one more attention, three sub-layers in "
        "all, each followed by add & layer norm:"
    ),
    "dec.blocks": (
        "  target words so far ─► masked self-attention ─► add & norm\n"
        "      ─► encoder–decoder attention (K, V from the encoder) ─► add & norm\n"
        "      ─► feed-forward ─► add & norm ─► next decoder layer"
    ),
    "dec.mask": (
        "The decoder writes the output one word at a time, so while training on a whole "
        "sentence a word must not peek at the words after it. The causal mask allows row i "
        "to look at columns j ≤ i only (✓) and blocks the rest (·):"
    ),
    "dec.scores": "scores, blocked set to −∞",
    "dec.weights": "softmax: blocked weights are 0",
    "dec.after": (
        "Here head 0's scores from above, masked: e^−∞ = 0, so the blocked weights vanish and "
        "each row still sums to 1 over the words it may see. The first word can only attend to itself."
    ),
    "dec.cross": (
        "  decoder rows   ──► ·Wq ───────► Q ───┐\n"
        "                                       ├──► softmax(Q·Kᵀ/√d)·V\n"
        "  encoder output ──► ·Wk, ·Wv ──► K, V ┘"
    ),
    "dec.cross_text": (
        "Encoder–decoder attention: the queries come from the decoder, the keys and values "
        "from the encoder output, so every word being written can look at every source word. "
        "It gives one row per target word, its weight matrix is (target words × source "
        "words), and it needs no mask."
    ),
    # output
    "out.title": "From vectors to words: linear layer and softmax",
    "out.text": (
        "A linear layer W_vocab gives each row one score (logit) per word of the vocabulary "
        "({V} {V:word|words} here: {vocab}); softmax turns the scores into probabilities. In a full "
        "model this is applied to the last decoder layer; here it is applied to the encoder "
        "output above, to show the arithmetic."
    ),
    "out.logits": "logits = output·W_vocab + b_vocab",
    "out.softmax": "The softmax of the row of \"{word}\": subtract the largest logit, exponentiate, divide by the sum:",
    "out.max": "largest logit m = {m}",
    "out.exps": "e^(logit − m) = {values}",
    "out.sum": "sum = {terms} = {total}",
    "out.probs": "probabilities (each row sums to 1)",
    "col.next": "most likely word",
    "col.prob": "probability",
    "out.untrained": (
        "The most likely word of each row is bracketed. These rows cannot predict the next "
        "word: the encoder has no mask, so every row has already seen the words after it. "
        "Next-word prediction is the decoder's job, whose mask hides the later words: see "
        "'nncli explain decoder'."
    ),
    # stack
    "stack.title": "The original stack: 6 encoders, 6 decoders",
    "stack.text": "\"Attention Is All You Need\" (2017) stacks six of each:",
    "stack.diagram": (
        "   source words                        target words so far\n"
        "        │                                       │\n"
        "   embed + PE                              embed + PE\n"
        "        ▼                                       ▼\n"
        "  ┌───────────┐                          ┌───────────┐\n"
        "  │ Encoder 1 │                   ┌─────►│ Decoder 1 │\n"
        "  └─────┬─────┘                   │      └─────┬─────┘\n"
        "        ▼                         │            ▼\n"
        "       ...                        │           ...\n"
        "        ▼                         │            ▼\n"
        "  ┌───────────┐                   │      ┌───────────┐\n"
        "  │ Encoder 6 │── encoder output ─┴─────►│ Decoder 6 │\n"
        "  └───────────┘   (K and V for every     └─────┬─────┘\n"
        "                   decoder layer)              ▼\n"
        "                                 linear ─► softmax ─► next word"
    ),
    "stack.numbers": (
        "There d = 512, 8 heads of 64 columns, d_ff = 2048. The encoder reads the whole "
        "source sentence once; the decoder runs again for every new word, feeding back the "
        "words chosen so far."
    ),
    "column.title": "Row vectors here, column vectors in textbooks",
    "column.text": (
        "nncli keeps each token as a row and multiplies on the right, x·W, as NumPy and "
        "PyTorch code do. Textbooks that write column vectors use W′x with W′ = Wᵀ: "
        "Q = X·Wq here is Qᵀ = Wqᵀ·Xᵀ there. torch.nn.Linear stores its weight as (out, in), "
        "the transpose of the W used here."
    ),
}
