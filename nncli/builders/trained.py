"""The trained example shared by self-attention, multihead and transformer (--trained):
the weights of nncli.maths.reverse_task loaded from the package, the step that says what
they were trained for, and the step that points at the pattern their attention learned."""

import numpy as np

from nncli.maths.attention import multi_head_attention
from nncli.maths.positional import positional_encoding
from nncli.texts import Texts
from nncli.trace import Step, Table, Text

ENCODER_KEYS = ("Wq", "Wk", "Wv", "Wo", "W1", "b1", "W2", "b2",
                "gamma1", "beta1", "gamma2", "beta2", "W_vocab", "b_vocab")


class TrainedExample:
    """The reversal model on one sentence.

    words: T words of the vocabulary; X: (T, d) their embeddings E[words]; X0 = X + PE;
    params: every weight (E, the encoder layer, W_vocab, b_vocab); heads: the head count;
    mirror_head: the head whose attention is most often on the mirrored position over all
    sentences of the task.
    """

    def __init__(self, words):
        from nncli.maths.reverse_task import all_sentences, embed
        from nncli.trained import load_reverse

        self.settings, self.vocab, self.params = load_reverse()
        self.heads = self.settings["heads"]
        self.words = list(words)
        ids = np.array([self.vocab.index(w) for w in self.words])
        self.X = self.params["E"][ids]
        self.X0 = self.X + positional_encoding(len(ids), self.X.shape[1])
        every = embed(all_sentences(len(self.vocab), self.settings["tokens"]), self.params["E"])
        self.mirror_head = int(np.argmax(mirror_share(self.attention(every))))

    def attention(self, X0):
        """X0: (N, T, d) -> (N, heads, T, T) the trained layer's attention weights."""
        p = self.params
        return multi_head_attention(X0, p["Wq"], p["Wk"], p["Wv"], p["Wo"], self.heads)[1]

    def head_weights(self, h: int):
        """(Wq, Wk, Wv) columns of head h: (d, d_head) each, a single-head self-attention."""
        dh = self.X.shape[1] // self.heads
        return tuple(self.params[k][:, h * dh:(h + 1) * dh] for k in ("Wq", "Wk", "Wv"))

    def encoder_params(self):
        return {k: self.params[k] for k in ENCODER_KEYS}


def mirror_share(weights) -> np.ndarray:
    """weights: (..., h, T, T) -> (h,) the fraction of query rows, over every leading index,
    whose largest weight sits on the mirrored key T − 1 − i."""
    T = weights.shape[-1]
    hits = np.argmax(weights, axis=-1) == (T - 1 - np.arange(T))
    return hits.reshape(-1, weights.shape[-3], T).mean(axis=(0, 2))


def task_step(example: TrainedExample, lang: str, positional=False) -> Step:
    """What the weights were trained for; positional: X shown already holds the position codes."""
    t = Texts("trained", lang)
    s = example.settings
    return Step(t("task.title"), [
        Text(t("task.text", count=s["tokens"], vocab=", ".join(example.vocab), last=s["tokens"] - 1,
               steps=s["steps"], seed=s["seed"])),
        Text(t("task.sentence", words=" ".join(example.words),
               reversed=" ".join(reversed(example.words)))),
        *([Text(t("task.inputs"))] if positional else []),
    ])


def pattern_step(weights, example: TrainedExample, lang: str, heads=None) -> Step:
    """weights: (h, T, T) the attention shown, for the heads `heads` (default 0 … h−1) of the
    trained layer: each query's strongest key, and a sentence chosen from them."""
    t = Texts("trained", lang)
    words = example.words
    T = len(words)
    heads = list(heads if heads is not None else range(weights.shape[0]))
    rows, blocks = [], [Text(t("pattern.text"))]
    for k, h in enumerate(heads):
        strongest = np.argmax(weights[k], axis=-1)
        for i in range(T):
            j = int(strongest[i])
            rows.append([h, f"{i} {words[i]}", f"{j} {words[j]}", float(weights[k, i, j]),
                         t("yes") if j == T - 1 - i else t("no")])
        hits = int(np.sum(strongest == T - 1 - np.arange(T)))
        if hits == T:
            blocks.append(Text(t("pattern.mirror", h=h, last=T - 1)))
        else:
            blocks.append(Text(t("pattern.partly", h=h, hits=hits, T=T)))
    blocks.insert(1, Table([t("col.head"), t("col.query"), t("col.key"), t("col.weight"), t("col.mirror")], rows))
    return Step(t("pattern.title"), blocks)


def with_trained(trace, example: TrainedExample, lang: str, weights, heads=None, predicted=None,
                 positional=False):
    """The trace with the task step after its first step and the pattern step at the end.

    weights: (h, T, T) the attention of the heads `heads`; predicted: the output words the
    trace computed (transformer), said to match the reversed sentence or not.
    """
    trace.steps.insert(1, task_step(example, lang, positional))
    step = pattern_step(np.asarray(weights), example, lang, heads)
    if predicted is not None:
        t = Texts("trained", lang)
        right = list(predicted) == list(reversed(example.words))
        step.blocks.append(Text(t("pattern.output" if right else "pattern.output_wrong",
                                  words=" ".join(predicted))))
    trace.steps.append(step)
    trace.params["trained"] = "reverse"
    return trace
