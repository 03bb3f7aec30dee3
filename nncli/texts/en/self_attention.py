"""English texts of the `self-attention` topic (alias `qkv`)."""

TEXTS = {
    "summary": "Self-attention: Q, K, V from X, scores QKᵀ/√d_k, row softmax, Z = weights·V; --causal.",
    "title": "Self-attention: {tokens} {tokens:token|tokens} of {dim} {dim:number|numbers}, d_k = {dk}{causal}",
    "title.causal": ", causal",
    # why
    "why.title": "Every token looks at every token",
    "why.text": (
        "Encoder–decoder attention lets a decoder look back at an encoder. Self-attention turns "
        "this on one sequence: every token scores every token of the same sequence, itself "
        "included, and takes a weighted mix of them. No recurrence is left, so all positions "
        "are computed at once, in parallel, and two words far apart are one step from each other."
    ),
    "why.roles": (
        "Each token plays three roles, each through its own learned matrix: a query q (what it "
        "is looking for), a key k (what it offers to be matched against) and a value v (what it "
        "hands over when it is chosen)."
    ),
    # inputs
    "inputs.title": "The tokens X",
    "inputs.text": "X has one row per token: {tokens} {tokens:token|tokens} of {dim} {dim:number|numbers} each (in a Transformer, a word embedding plus its position).",
    "inputs.random": "X and the three matrices are random small integers (from --seed {seed}); give your own with --input, --wq, --wk and --wv.",
    "inputs.words": "The row labels are the words given with --words; their vectors are still random stand-ins, not trained embeddings.",
    "inputs.convention": (
        "Convention: tokens are rows and matrices multiply on the right, Q = X·W_q. Textbooks "
        "with column vectors write qᵢ = W·xᵢ with W = W_qᵀ (d_k×d), which is also the matrix "
        "PyTorch's nn.Linear stores as .weight. Same numbers, transposed."
    ),
    # projections
    "proj.title": "Queries, keys and values: Q = X·W_q, K = X·W_k, V = X·W_v",
    "proj.text": "Every token row is multiplied by the same three matrices:",
    "proj.shapes": "({tokens}×{dim})·({dim}×{dk}) = {tokens}×{dk} for Q and K;   ({tokens}×{dim})·({dim}×{dv}) = {tokens}×{dv} for V",
    "proj.one": "One entry, row {i} of X times column {k} of W_q:",
    # one score
    "score.title": "One score: how much “{wi}” looks at “{wj}”",
    "score.text": (
        "Score (i, j) is the dot product of query i and key j, divided by √d_k. For random "
        "vectors of d_k entries, the typical size of a dot product grows like √d_k; dividing "
        "keeps the scores moderate, "
        "so the softmax does not saturate to a single 1 with gradients near 0."
    ),
    "score.all": "The same for every pair gives the T×T score matrix S = Q·Kᵀ/√d_k (row: who looks, column: at whom):",
    "score.causal_hint": "Add --causal to see how a decoder hides the tokens that come later.",
    # mask
    "mask.title": "Causal mask: no looking ahead",
    "mask.label": "S + mask",
    "mask.text": (
        "A decoder writes one token at a time, so when it produces token i the tokens after i "
        "do not exist yet. In training the whole target sentence is fed at once; the mask hides "
        "every later token so that training sees what generation will see. Scores above the "
        "diagonal (j > i) become −∞, and since e^−∞ = 0 their weights are exactly 0."
    ),
    # softmax of one row
    "softmax.title": "Softmax of row {i} ({word})",
    "softmax.text": (
        "Each row of S becomes weights that add up to 1: subtract the row's max, exponentiate, "
        "add, divide."
    ),
    "softmax.masked": "The masked entries stay −∞ after the subtraction and give exp = 0.",
    # all weights
    "weights.title": "The attention weights",
    "weights.text": (
        "Every row done the same way. Row i says how much token i takes from each token; "
        "every row adds up to 1 (row sums: {sums})."
    ),
    "weights.causal": "Above the diagonal every weight is 0: no token takes anything from a later one.",
    # output
    "output.title": "Output: Z = weights·V",
    "output.text": "Row i of Z is the weighted sum of the value rows, z{si} = Σⱼ w{si}ⱼ·vⱼ. For row {i}:",
    "output.result": (
        "Z is {tokens}×{dv}, the same shape as X: one row per token, but each row now mixes in "
        "the values of the tokens it attended to. The layer after it (a feed-forward network "
        "in a Transformer) works on these context-aware rows."
    ),
    "output.torch": (
        "The same numbers as torch.nn.functional.scaled_dot_product_attention(Q, K, V{causal})."
    ),
    "output.torch.causal": ", is_causal=True",
}
