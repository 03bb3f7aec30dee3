"""The computations themselves, in plain NumPy: no text, no printing.

Explanations, hidden tests and references are all built on these functions.
"""
