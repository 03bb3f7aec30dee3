"""English texts of the `positional` topic."""

TEXTS = {
    "summary": "Positional encoding: sin and cos codes that tell attention where each token sits.",
    "title": "Sinusoidal positional encoding: {T} {T:position|positions}, {d} {d:dimension|dimensions}",
    # the problem
    "order.title": "Attention alone cannot tell word order",
    "order.text": (
        "Take the sentence \"dog bites man\" and the same three words as \"man bites dog\". "
        "Each word is a row vector, its embedding (only {e} {e:number|numbers} wide here, to keep it "
        "readable); the second sentence is the first with rows 0 and 2 swapped. Run the same "
        "self-attention on both (Wq = Wk = Wv = I to keep the numbers short; any weights give "
        "the same conclusion)."
    ),
    "order.words": "dog bites man",
    "order.sentence_a": "dog bites man",
    "order.sentence_b": "man bites dog",
    "order.out_a": "attention output",
    "order.out_b": "attention output (swapped)",
    "order.same": (
        "The row of \"dog\" (bracketed) is exactly the same in both sentences: swapping the "
        "input rows only swaps the output rows the same way. Attention mixes a set of "
        "vectors; nothing in softmax(Q·Kᵀ/√d)·V knows which row came first. The biter and "
        "the bitten look identical, so the position must be written into the vectors themselves."
    ),
    "order.differs": "The two rows differ (this only happens with words that share an embedding).",
    # the formula
    "formula.title": "The formula: sin and cos at many speeds",
    "formula.text": (
        "Each position pos gets a vector of d numbers, the same width as a word embedding, "
        "and it is added to that embedding. Columns come in pairs: column 2i holds a sine and "
        "column 2i+1 a cosine of the same angle pos/10000^(2i/d)."
    ),
    "formula.pairs": (
        "With d = {d} there are {pairs} {pairs:angle|angles}, one per pair. Pair i turns by 1/10000^(2i/d) radians per "
        "position, so its wave repeats every 2π·10000^(2i/d) positions:"
    ),
    "formula.more_pairs": "… and {count} more {count:pair|pairs}, each slower than the last.",
    "formula.odd": "d = {d} is odd: the last column is a sine without its cosine partner.",
    "col.i": "pair i",
    "col.wavelength": "repeats every (positions)",
    # by hand
    "hand.title": "A few entries by hand",
    "hand.text": "Every entry is the exponent 2i/d, the divisor 10000^(2i/d), the angle, then sin or cos:",
    "hand.entry": "Position {p}, column {c} ({fn}, pair i = {i}):",
    "hand.scale": "  2i/d = {twoi}/{d} = {exponent},   10000^{exponent} = {scale}",
    "hand.angle": "  angle = {p}/{scale} = {angle} rad,   {fn}({angle}) = {value}",
    "hand.zero": (
        "At position 0 every angle is 0, so the row is sin 0 = 0, cos 0 = 1, repeated: {row}."
    ),
    # the table
    "table.title": "The whole table: {T} {T:position|positions} × {d} {d:dimension|dimensions}",
    "table.text": "Row pos is added to the embedding of the token at position pos (red high, blue low):",
    "table.reading": (
        "Read a column downwards: the left columns swing fast between −1 and 1, like the "
        "second hand of a clock; the right columns barely move, like the hour hand. Read "
        "across a row: the combination of all hands is different for every position, so "
        "each row is a unique signature, and it is bounded in [−1, 1] however long the "
        "sentence. (Textbooks that use column vectors add column pos of PEᵀ instead: the same numbers.)"
    ),
    # the fix
    "fix.title": "With positions added, order matters",
    "fix.text": (
        "Add rows 0, 1, 2 of the positional encoding (with d = {e}, the demo's width) to the "
        "words at positions 0, 1, 2 and run the same attention:"
    ),
    "fix.sentence_a": "dog bites man + PE",
    "fix.sentence_b": "man bites dog + PE",
    "fix.result": (
        "Now \"dog\" at the start and \"dog\" at the end give different outputs (they differ "
        "by up to {gap} in one dimension): the same word, a different place, a different vector."
    ),
    # distance
    "dist.title": "Nearby positions look alike, and only the distance counts",
    "dist.text": "The dot product PE(p)·PE(q) of every pair of positions:",
    "dist.matrix": "PE(p)·PE(q)",
    "dist.diagonals": (
        "Every row has the same length (each sin/cos pair adds sin² + cos² = 1), so the "
        "diagonal, a position with itself ({diag}), is the largest value. Away from it the "
        "values mostly fall as positions move apart; not strictly, because the fastest pair "
        "comes round again after about 6 positions, while the slower pairs keep distant "
        "positions apart. Along each diagonal the values are the same: PE(p)·PE(p+k) depends "
        "only on the distance k, not on where p is. For k = 1:"
    ),
    "dist.col.pair": "pair",
    "dist.col.dot": "dot product",
    "dist.why": (
        "Why: sin a·sin b + cos a·cos b = cos(a − b), and the angle difference of each pair "
        "is k·ωᵢ with ωᵢ = 1/10000^(2i/d), whatever p is. For the same reason PE(p+k) is "
        "PE(p) with each sin/cos pair rotated by the angle k·ωᵢ, a fixed linear map, so a "
        "layer can learn to look \"k words back\" wherever it is."
    ),
    "dist.odd": (
        "With an odd d the last lone sine column adds sin(p·ω)·sin((p+k)·ω), which does "
        "depend on p, so the rows' lengths differ a little and the table drifts slightly "
        "from the sum of cosines."
    ),
}
