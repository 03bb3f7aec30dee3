"""Small helpers shared by the case modules: labels and seeded inputs."""

import numpy as np


def dims(**sizes) -> str:
    """"N=2 C=3 H=7" from keyword sizes, in the order given."""
    return " ".join(f"{name}={value}" for name, value in sizes.items())


def normal(rng, *shape, scale=1.0) -> np.ndarray:
    """float64 standard normal values times `scale`."""
    return rng.standard_normal(shape) * scale


def ints(rng, low, high, *shape) -> np.ndarray:
    """Whole numbers low … high (both included) as float64: sums of them are exact."""
    return rng.integers(low, high, size=shape, endpoint=True).astype(np.float64)


def mask_with_true_per_row(rng, *shape, p=0.5) -> np.ndarray:
    """Random bool mask whose every row (last axis) keeps at least one True."""
    mask = rng.random(shape) < p
    keep = rng.integers(0, shape[-1], size=shape[:-1])
    np.put_along_axis(mask, keep[..., None], True, axis=-1)
    return mask


def causal(T) -> np.ndarray:
    """(T, T) bool, True on and below the diagonal."""
    return np.tril(np.ones((T, T), dtype=bool))


def alternating(T) -> np.ndarray:
    """(T, T) bool, True where i + j is even: for T ≥ 2 both it and its inverse keep a True
    in every row, so an inverted mask gives finite (and different) numbers."""
    i, j = np.indices((T, T))
    return (i + j) % 2 == 0


def every_row_has_true(mask, shape) -> bool:
    """Whether `mask` broadcast to `shape` keeps a True in every row (last axis)."""
    return bool(np.all(np.any(np.broadcast_to(mask, shape), axis=-1)))
