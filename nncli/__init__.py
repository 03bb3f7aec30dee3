"""nncli: learn how neural networks compute, one real number at a time."""

__version__ = "0.1.0"
