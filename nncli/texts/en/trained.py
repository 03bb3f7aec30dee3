"""English texts of the trained examples (--trained of self-attention, multihead, transformer)."""

TEXTS = {
    "task.title": "Trained weights: the task",
    "task.text": (
        "These weights are not random: nncli's own NumPy training (tools/train_attention.py, "
        "seed {seed}, {steps} {steps:step|steps} of Adam, the backward passes of nncli explain backprop "
        "carried through attention) taught a one-layer Transformer to reverse a sentence of "
        "{count} {count:word|words} from the vocabulary {vocab}. The output at position i must be the input "
        "word at position {last} − i, and the only way to fetch a word from another position "
        "is attention: so you can predict where the attention should look."
    ),
    "task.sentence": "This sentence: \"{words}\"; reversed: \"{reversed}\". Try other orders with --words.",
    "task.inputs": "Each row of X is the word's learned embedding plus the positional encoding of its place (nncli explain positional): the position is what the attention needs here.",
    "pattern.title": "What the attention learned",
    "pattern.text": "For each query position, the key it attends to most:",
    "col.head": "head",
    "col.query": "query (position, word)",
    "col.key": "strongest key",
    "col.weight": "weight",
    "col.mirror": "mirrored?",
    "yes": "yes",
    "no": "no",
    "pattern.mirror": (
        "Head {h}: each output position attends most to the mirrored input position "
        "(i → {last} − i), exactly the word the reversed sentence needs there."
    ),
    "pattern.partly": (
        "Head {h}: {hits} of {T} {T:position|positions} {hits:attends|attend} most to the mirrored position; this head "
        "does other work, and the layer combines it with the others."
    ),
    "pattern.output": "The output softmax picks \"{words}\": the sentence reversed, word for word.",
    "pattern.output_wrong": "The output softmax picks \"{words}\", which is not the sentence reversed: the model is not perfect.",
    "words.invalid": "--words: with --trained, give {count} {count:word|words} from the trained vocabulary ({vocab}).",
    "conflict": "--trained uses the trained weights and sentence; leave out {option}.",
}
