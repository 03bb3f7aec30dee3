"""Pieces the encoder and decoder traces share: a sum and a layer norm written out with the
actual numbers, the causal mask drawn, and text aligned in terminal columns."""

import unicodedata

import numpy as np

from nncli.trace import Equation

EPS = 1e-5           # layer norm's ε, as torch.nn.LayerNorm
TERMS_SHOWN = 8      # terms of a written-out sum before "…"
ROWS_SHOWN = 12      # rows of a per-token table or picture


def sum_text(items) -> str:
    """'a + b + c', cut after TERMS_SHOWN terms with '+ …'."""
    shown = items[:TERMS_SHOWN]
    return " + ".join(shown) + (" + …" if len(items) > TERMS_SHOWN else "")


def layer_norm_lines(x, gamma, beta, k, ctx) -> list:
    """The layer norm of one row x (d,) written out: mean, variance (biased), normalise, γk
    and βk (k names the pair: "1", "2", …). Equations only; the result equals
    maths.transformer.layer_norm(x, gamma, beta, EPS)."""
    d = len(x)
    mu = x.mean()
    dev = x - mu
    var = np.mean(dev ** 2)
    xhat = dev / np.sqrt(var + EPS)
    y = xhat * gamma + beta
    more = " …" if d > TERMS_SHOWN else ""
    squares = sum_text([ctx.n(v ** 2) for v in dev])
    scaled = ", ".join(f"{ctx.n(g)}×{ctx.term(v)} + {ctx.term(b)}"
                       for g, v, b in list(zip(gamma, xhat, beta))[:3]) + (", …" if d > 3 else "")
    return [
        Equation(f"μ = ({sum_text([ctx.term(v) for v in x])}) / {d} = {ctx.n(mu)}"),
        Equation(f"x − μ = {ctx.vec(dev[:TERMS_SHOWN])}{more}"),
        Equation(f"σ² = ({squares}) / {d} = {ctx.n(var)}"),
        Equation(f"x̂ = (x − μ) / √(σ² + ε) = (x − μ) / √({ctx.n(var)} + 0.00001) = "
                 f"(x − μ) / {ctx.n(np.sqrt(var + EPS))}"),
        Equation(f"  = {ctx.vec(xhat[:TERMS_SHOWN])}{more}"),
        Equation(f"γ{k} ⊙ x̂ + β{k} = [{scaled}]"),
        Equation(f"  = {ctx.vec(y[:TERMS_SHOWN])}{more}"),
    ]


def mask_picture(mask, labels) -> list:
    """Lines drawing a boolean (T, T) mask: ✓ where row i may attend to column j, · where
    it is blocked; rows and columns labelled (the first ROWS_SHOWN)."""
    shown = labels[:ROWS_SHOWN]
    width = max(cells(w) for w in shown) + 2
    picture = [" " * width + "".join(rjust(w, width) for w in shown)]
    for i, w in enumerate(shown):
        picture.append(rjust(w, width) + "".join(("✓" if mask[i, j] else "·").rjust(width)
                                                 for j in range(len(shown))))
    return picture


def flow_lines(texts, shapes) -> list:
    """A data-flow diagram: each text followed by its shape, the shapes in one column."""
    width = max(cells(s) for s in texts) + 3
    return [ljust(text, width) + shape for text, shape in zip(texts, shapes)]


def cells(text) -> int:
    """Terminal columns of `text`: 2 for wide characters (Chinese), 1 for the rest, as rich counts."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def rjust(text, width) -> str:
    """`text` right-aligned in `width` terminal columns (str.rjust miscounts Chinese)."""
    return " " * max(0, width - cells(text)) + text


def ljust(text, width) -> str:
    """`text` left-aligned in `width` terminal columns."""
    return text + " " * max(0, width - cells(text))
