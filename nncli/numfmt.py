"""Compact number text: integers as integers, otherwise a few decimals, a true minus sign."""

import math

MINUS = "\u2212"


def num(x, precision: int = 3) -> str:
    """'3', '−0.5', '0.333' (precision decimals, trailing zeros dropped), '1e+20', '−∞', 'nan'."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    if abs(x) >= 1e15:  # too long to write out: 1.5e+20
        mantissa, exponent = f"{x:.{precision}e}".split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}e{exponent}".replace("-", MINUS)
    rounded = round(x)
    if abs(x - rounded) <= 1e-9 * max(1.0, abs(x)) and abs(x) < 1e15:
        text = str(int(rounded))
    else:
        text = f"{x:.{precision}f}".rstrip("0").rstrip(".")
        if text in ("-0", "0", ""):
            # too small to show at this precision: keep its sign visible as 0.000…
            text = f"{x:.{precision}e}" if x != 0 else "0"
    return text.replace("-", MINUS)


def term(x, precision: int = 3) -> str:
    """A number as a factor in a product: negatives in parentheses, '(−1)'."""
    text = num(x, precision)
    return f"({text})" if text.startswith(MINUS) else text


def count(n: int) -> str:
    """A count with thousands separators: 3,960."""
    return f"{int(n):,}"


def shape(array) -> str:
    """'3×4' for a (3, 4) array, '5' for a vector, 'scalar' for 0-d."""
    dims = getattr(array, "shape", ())
    return "×".join(str(d) for d in dims) if dims else "scalar"
