"""Sinusoidal positional encoding of "Attention Is All You Need" (Vaswani et al., 2017)."""

import numpy as np


def positional_encoding(seq_len: int, d_model: int) -> np.ndarray:
    """The (T, d) table of position codes, sin and cos interleaved.

    T = seq_len positions, d = d_model features (odd d allowed: the last column is a sine).
    PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d)).
    Row p is added to the embedding of the token at position p (row-vector convention).
    """
    positions = np.arange(seq_len, dtype=np.float64)[:, None]           # (T, 1)
    even = np.arange(0, d_model, 2, dtype=np.float64)                     # 2i, (⌈d/2⌉,)
    angles = positions / np.power(10000.0, even / d_model)               # (T, ⌈d/2⌉)
    pe = np.zeros((seq_len, d_model), dtype=np.float64)
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d_model // 2])
    return pe
