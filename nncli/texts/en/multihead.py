"""English texts of the `multihead` topic (alias `mha`)."""

TEXTS = {
    "summary": "Multi-head attention: split Q, K, V into heads, attend in each, concatenate, × W_o.",
    "title": "Multi-head attention: {tokens} {tokens:token|tokens} of {dim} {dim:number|numbers}, {heads} {heads:head|heads} of {dh}{causal}",
    "title.causal": ", causal",
    "heads.invalid": "--heads {heads}: the heads must split d = {dim} evenly; valid head counts: {valid}.",
    # why
    "why.title": "Why several heads",
    "why.text": (
        "One attention computes one weight matrix: one way of relating the tokens. A sentence "
        "has several relations at once: which noun a verb belongs to, what a pronoun refers "
        "to, which word comes just before. Multi-head attention runs h attentions side by side, "
        "each on its own slice of Q, K and V with its own weights, so each can learn a "
        "different relation."
    ),
    "why.cost": (
        "Each head is h times narrower (d/h columns), so all heads together cost about as "
        "much as one full-width attention: the same d×d projections, and h score matrices of "
        "T×T, each from d/h columns instead of d. The original Transformer used h = 8 heads "
        "of 64 columns (d = 512)."
    ),
    "why.not": (
        "The heads are not there to remove the influence of the random starting values of "
        "Q, K and V, as is sometimes said: training moves one head away from its start just "
        "as well. What they buy is several attention patterns in parallel, each computed in "
        "a smaller subspace, for the cost of one."
    ),
    # inputs and projections
    "inputs.title": "The tokens and the four matrices",
    "inputs.text": "X has one row per token ({tokens} {tokens:token|tokens} of d = {dim}); W_q, W_k, W_v and W_o are d×d.",
    "inputs.random": "All of them are random small integers (from --seed {seed}); give your own with --input, --wq, --wk, --wv and --wo.",
    "inputs.words": "The row labels are the words given with --words; their vectors are still random stand-ins, not trained embeddings.",
    "inputs.convention": (
        "Row vectors, as in the self-attention topic: Q = X·W_q. PyTorch stores the transposed "
        "matrices (see the last step)."
    ),
    "proj.title": "Project once, then split the columns into heads",
    "proj.text": (
        "Q = X·W_q, K = X·W_k and V = X·W_v are {tokens}×{dim}, exactly as in single-head "
        "self-attention. Then head k takes columns k·d/h to (k+1)·d/h − 1 of each: {ranges}."
    ),
    "proj.range": "head {k}: columns {a}–{b}",
    "proj.range.one": "head {k}: column {a}",
    "proj.range.sep": "; ",
    "proj.labels": "The column labels say which head each column goes to.",
    # mask
    "mask.title": "Causal mask, the same for every head",
    "mask.text": (
        "With --causal, token i may attend to tokens 0 … i only; the scores of later tokens "
        "become −∞ in every head before the softmax."
    ),
    "mask.conventions": (
        "Careful when you write this mask in PyTorch: a boolean mask means opposite things in "
        "two places. In torch.nn.functional.scaled_dot_product_attention, True means “may "
        "attend”. In nn.MultiheadAttention's attn_mask, True means “blocked”. The same causal "
        "mask, in both forms (1 = True):"
    ),
    "mask.allowed": "may attend (scaled_dot_product_attention)",
    "mask.blocked": "blocked (nn.MultiheadAttention)",
    # one head
    "head.title": "Head {k}: columns {a}–{b}",
    "head.title.one": "Head {k}: column {a}",
    "head.text": (
        "Self-attention on the slices, with d_k = d/h = {dh}, so the scores are divided by "
        "√{dh}. One score:"
    ),
    "head.softmax": (
        "Each row of scores through a softmax (written out in the self-attention topic) gives "
        "this head's weights, and Z{k} = weights{k}·V{k}. Row {i}:"
    ),
    "head.row.scores": "s = {scores};   max = {m}",
    "head.row.exps": "exp(s − max) = {exps};   sum = {total}",
    "head.row.weights": "w = exp ÷ sum = {weights}",
    "scores.label": "Q{k}·K{k}ᵀ/√{dh}",
    "scores.label.causal": "Q{k}·K{k}ᵀ/√{dh} + mask",
    "more.title": "More heads",
    # side by side
    "side.title": "The heads' weights side by side",
    "side.text": (
        "Same tokens, different weights: each head has its own slices of W_q and W_k, so it "
        "scores the pairs differently. Every row of every head adds up to 1."
    ),
    "side.label": "head {k}",
    "side.more": "The other {count} {count:head|heads} are in --json (weights, h×T×T); --all-steps shows them here.",
    # concat and W_o
    "concat.title": "Concatenate the heads",
    "concat.text": (
        "The outputs Z₀ … Z_(h−1), each {tokens}×{dh}, are put back side by side in the columns "
        "they came from: a {tokens}×{dim} matrix again."
    ),
    "out.title": "Mix the heads: output = concat·W_o",
    "out.text": (
        "So far each column holds what one head found. W_o ({dim}×{dim}) lets every output "
        "column draw on every head. One entry:"
    ),
    "out.result": "The output is {tokens}×{dim}, the same shape as X, ready for the next layer.",
    # pytorch
    "torch.title": "The same in PyTorch",
    "torch.text": (
        "torch.nn.MultiheadAttention(d, h, bias=False, batch_first=True) gives these numbers "
        "with in_proj_weight = [W_qᵀ; W_kᵀ; W_vᵀ] (the three transposed matrices stacked, "
        "3d×d) and out_proj.weight = W_oᵀ: PyTorch keeps the column form, y = W·x. Ask for "
        "average_attn_weights=False to get every head's weights instead of their mean."
    ),
    "torch.mask": (
        "For --causal pass attn_mask = the “blocked” matrix above. is_causal=True is only a hint "
        "that attn_mask is causal: the mask itself must still be given."
    ),
}
