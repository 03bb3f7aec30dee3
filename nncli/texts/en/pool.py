"""English texts of the `pool` topic."""

TEXTS = {
    "summary": "Max and average pooling window by window, with ties, stride and the output size.",
    "title": "{mode} pooling: {h}×{w} input, {k}×{k} window, stride {s}",
    "mode.max": "Max",
    "mode.avg": "Average",
    "setup.title": "The input, the window and the output size",
    "setup.max": (
        "Pooling condenses each small neighbourhood of a feature map into one number. Max pooling "
        "keeps the largest value of each {k}×{k} window: the strongest response of the "
        "feature there, wherever exactly it sits in the window. The map gets smaller, later "
        "layers have less to compute, and a small shift of the input often leaves the result "
        "unchanged. Pooling has no weights to learn."
    ),
    "setup.avg": (
        "Pooling condenses each small neighbourhood of a feature map into one number. Average "
        "pooling keeps the mean of each {k}×{k} window: how strong the feature is over the "
        "whole patch. The map gets smaller and later layers have less to compute. Pooling has "
        "no weights to learn."
    ),
    "setup.size": "Output size: ⌊(H − K) / S⌋ + 1",
    "setup.size.numbers": "rows: ⌊({h} − {k}) / {s}⌋ + 1 = {oh}    columns: ⌊({w} − {k}) / {s}⌋ + 1 = {ow}",
    "drop.rows": (
        "Input {count:row|rows} {which} {count:is|are} left over: one more window would not fit below the last "
        "one, so {count:it is|they are} dropped (floor, as PyTorch)."
    ),
    "drop.cols": (
        "Input {count:column|columns} {which} {count:is|are} left over: one more window would not fit right of the "
        "last one, so {count:it is|they are} dropped (floor, as PyTorch)."
    ),
    "gap.rows": (
        "Input {count:row|rows} {which} {count:lies|lie} between windows: the stride {s} is larger than the window "
        "{k}, so {count:it is|they are} skipped."
    ),
    "gap.cols": (
        "Input {count:column|columns} {which} {count:lies|lie} between windows: the stride {s} is larger than the "
        "window {k}, so {count:it is|they are} skipped."
    ),
    "window.title": "Window ({i}, {j})",
    "window.text": "The window covers rows {r0}–{r1} and columns {c0}–{c1} of the input.",
    "window.input": "input",
    "window.window": "window",
    "window.output": "output",
    "window.winner": "The largest value, {value}, is at row {r}, column {c} of the input.",
    "window.tie": (
        "{value} appears {count} times in this window; the first in row-major order (along "
        "the top row first, left to right) is taken, at row {r}, column {c} of the input, as "
        "PyTorch's max_pool2d reports it with return_indices=True."
    ),
    "window.land": "{value} goes to row {i}, column {j} of the output.",
    "more.title": "More windows",
    "result.title": "The pooled map",
    "result.text": (
        "{h}×{w} = {before} {before:number|numbers} became {oh}×{ow} = {after}. For comparison, the other "
        "kind of pooling on the same input:"
    ),
    "result.other": "{mode} pooling",
}
