"""Weights nncli's own NumPy training learned, shipped with the package.

``reverse.json`` holds the Transformer of nncli.maths.reverse_task, written by
``tools/train_attention.py`` (fixed seed); tests/test_trained.py re-trains it and compares.
"""

import json
from pathlib import Path

REVERSE = Path(__file__).with_name("reverse.json")


def load_reverse():
    """(settings dict, vocab list, params dict of float64 arrays) of the reversal model."""
    import numpy as np

    data = json.loads(REVERSE.read_text(encoding="utf-8"))
    params = {k: np.array(v, dtype=np.float64) for k, v in data["params"].items()}
    return data["settings"], data["vocab"], params
