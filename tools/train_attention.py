"""Train the reversal Transformer of nncli.maths.reverse_task and write its weights to
nncli/trained/reverse.json (what `nncli explain self-attention|multihead|transformer
--trained` shows). Deterministic: a fixed seed, full-batch Adam.

    python tools/train_attention.py
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nncli.maths import reverse_task  # noqa: E402
from nncli.trained import REVERSE  # noqa: E402


def main():
    params, losses = reverse_task.train()
    tokens = reverse_task.all_sentences(len(reverse_task.VOCAB), reverse_task.SETTINGS["tokens"])
    acc = reverse_task.accuracy(params, reverse_task.SETTINGS["heads"], tokens)
    data = {"task": "reverse", "settings": reverse_task.SETTINGS, "vocab": list(reverse_task.VOCAB),
            "final_loss": float(losses[-1]), "accuracy": acc,
            "params": {k: v.tolist() for k, v in params.items()}}
    REVERSE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"loss {losses[0]:.4f} -> {losses[-1]:.2e}, accuracy {acc:.3f}; wrote {REVERSE}")


if __name__ == "__main__":
    main()
