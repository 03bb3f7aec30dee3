"""English texts of the `attention` topic (encoder–decoder attention), and the softmax and
"more terms" texts the self-attention and multihead traces share."""

TEXTS = {
    "summary": "Encoder–decoder attention: scores s·hᵢ, softmax weights α, context c = Σ αᵢhᵢ.",
    "title": "Attention: a decoder state of {hidden} {hidden:number|numbers} looks at {tokens} encoder {tokens:state|states}",
    # why
    "why.title": "One fixed-length vector is not enough",
    "why.text": (
        "A plain encoder–decoder (two RNNs, as in early machine translation) reads the whole "
        "input and keeps only its last state: one vector c of H numbers. The decoder writes the "
        "whole output from that one vector. A sentence of 5 words and one of 50 get the same H "
        "numbers, so a long input has to be squeezed harder, early words fade, and translations "
        "of long sentences get worse."
    ),
    "why.fix": (
        "Attention keeps every encoder state h₁ … h_T. At each output step the decoder scores "
        "every hᵢ against its current state s, turns the scores into weights α that add up to 1, "
        "and takes the weighted sum c = Σ αᵢhᵢ as its context. Each output step builds its own "
        "context, weighted towards the input positions that matter for it right now."
    ),
    # inputs
    "inputs.title": "The decoder state s and the encoder states h",
    "inputs.text": (
        "s is where the decoder stands now ({hidden} {hidden:number|numbers}). Each row hᵢ of h is the encoder's "
        "state after reading input position i ({tokens} {tokens:row|rows} of {hidden})."
    ),
    "inputs.random": "These numbers are random (from --seed {seed}); give your own with --query and --input.",
    "inputs.convention": (
        "Convention: every vector is a row, and h stacks the hᵢ as its rows (T×H), so all scores "
        "at once are h·s. Textbooks that use column vectors put the hᵢ in the columns of an "
        "H×T matrix and write eᵢ = sᵀhᵢ, or e = Hᵀs: the same numbers."
    ),
    # scores
    "scores.title": "Scores: how well each hᵢ matches s",
    "scores.text": (
        "eᵢ = s·hᵢ, the dot product: multiply the two vectors entry by entry and add. The more hᵢ "
        "points the same way as s, the larger its score."
    ),
    "scores.other": (
        "The dot product is the simplest score (Luong's attention). Bahdanau's original attention "
        "scores with a small network, vᵀ·tanh(W·s + U·hᵢ); everything after the scores is the same."
    ),
    # softmax
    "softmax.title": "Softmax: scores become weights α",
    "softmax.text": (
        "αᵢ = exp(eᵢ) / Σⱼ exp(eⱼ). Every weight is positive and they add up to 1. First subtract "
        "the largest score: the weights do not change (the factor e^−max cancels), but no exp can "
        "overflow, however large the scores."
    ),
    "softmax.bars": "α, the attention paid to each hᵢ",
    "softmax.check": "α adds up to {total}.",
    # context
    "context.title": "Context: c = Σ αᵢhᵢ",
    "context.text": (
        "Each hᵢ is scaled by its weight and the results are added, one entry of c at a time:"
    ),
    "rounding": (
        "Numbers are shown rounded to {precision} {precision:decimal|decimals} (--precision); every sum uses the "
        "unrounded values, so redoing it by hand can differ in the last digit."
    ),
    "context.result": (
        "c has {hidden} {hidden:number|numbers}, like every hᵢ, but most of it comes from the states with the "
        "largest weights: here h{top} with α = {alpha}."
    ),
    # each step
    "each.title": "Every output step gets its own context",
    "each.text": (
        "At the next output step the decoder has a new state s, so the scores, the weights and "
        "the context are computed again: a different c for every output word. Stack the α rows "
        "of all output steps and you get the attention matrix of a translation, whose row t shows "
        "which input words output word t looked at."
    ),
    "each.seq2seq": (
        "nncli explain attention --outputs 4 shows it: first a plain encoder–decoder, where "
        "every step gets the same c, then attention's own c for every step and the whole "
        "matrix of weights."
    ),
    # seq2seq over several decoder steps (--outputs)
    "fixed.title": "Without attention: the same c at every step",
    "fixed.text": (
        "First the plain encoder–decoder (seq2seq). The encoder's last state {last} is the "
        "one context vector c, and each of the {m} decoder {m:step|steps} below gets that same c, "
        "whatever it is about to write:"
    ),
    "fixed.eq": "{chain} = {last} = {c}",
    "fixed.states": "decoder states s, one row per step",
    "fixed.contexts": "context c per step (all the same)",
    "fixed.after": (
        "Whatever the decoder needs from the input must be squeezed into these few numbers. "
        "Attention replaces the one c by one cₜ per step, worked out below for s₀."
    ),
    "every.title": "Attention at all {m} decoder {m:step|steps}",
    "every.text": (
        "The same three steps (scores, softmax, weighted sum) for every decoder state sₜ. "
        "Row t of the matrix below is the attention distribution αₜ of decoder step t over "
        "the encoder states; every row adds up to 1:"
    ),
    "every.matrix": "α, one row per decoder step",
    "every.row": "step {k}: largest weight {alpha} on {top};   {ck} = {c}",
    "every.contexts": "cₜ, one row per decoder step",
    "every.after": (
        "Unlike the fixed c above, each step has its own context, weighted towards the "
        "encoder states that match its own state best. In a translation this matrix shows which "
        "input words each output word looked at."
    ),
    "each.learn": (
        "α itself is not a parameter: it is recomputed from s and h for every input. Training "
        "shapes the networks that produce s and h (and the score network in Bahdanau's form), so "
        "that the right positions end up with the large weights."
    ),
    # shared with self_attention and multihead
    "softmax.max": "max = {m}",
    "softmax.sum": "sum = {terms} = {total}",
    "softmax.col.token": "",
    "softmax.col.score": "{e}",
    "softmax.col.shift": "{e} − max",
    "softmax.col.exp": "exp({e} − max)",
    "softmax.col.weight": "{a} = exp ÷ sum",
    "more.terms": "… ({count} more {count:term|terms})",
}
