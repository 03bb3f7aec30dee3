"""The JSON view: one object with topic, params, inputs, steps and outputs.

Arrays become nested lists of numbers; a value that is not finite (a masked score of −∞)
becomes null, since JSON has no infinity.
"""

import json

import numpy as np

from nncli.trace import Bars, Diagram, Equation, Matrix, Plot, Table, Text, iter_blocks


def to_plain(value):
    """NumPy arrays and scalars as lists and floats, non-finite numbers as None."""
    if isinstance(value, np.ndarray):
        if value.dtype == bool:
            return value.tolist()
        if value.dtype.kind in "iu":
            return value.tolist()
        array = value.astype(np.float64)
        if np.all(np.isfinite(array)):
            return array.tolist()
        return np.where(np.isfinite(array), array, None).tolist()
    if isinstance(value, (np.floating, float)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


def step_to_dict(step) -> dict:
    """title, text (paragraphs joined), equations, arrays, highlight, and the rest of the blocks."""
    texts, equations, arrays, highlight, tables, diagrams = [], [], {}, {}, [], []
    for block in iter_blocks(step.blocks):
        if isinstance(block, Text):
            texts.append(block.text)
        elif isinstance(block, Equation):
            equations.append(block.text)
        elif isinstance(block, Matrix):
            name = block.name
            while name in arrays:
                name += "'"
            arrays[name] = to_plain(np.asarray(block.array))
            if block.highlight:
                highlight[name] = [list(idx) for idx in block.highlight]
        elif isinstance(block, Bars):
            arrays[block.title or "bars"] = to_plain(np.asarray(block.values))
        elif isinstance(block, Plot):
            arrays["x"] = to_plain(np.asarray(block.x))
            for curve, ys in block.curves.items():
                arrays[curve] = to_plain(np.asarray(ys))
        elif isinstance(block, Table):
            tables.append({"title": block.title, "columns": block.columns,
                           "rows": to_plain(block.rows)})
        elif isinstance(block, Diagram):
            diagrams.append("\n".join(block.lines))
    entry = {"title": step.title, "text": "\n\n".join(texts)}
    if equations:
        entry["equations"] = equations
    entry["arrays"] = arrays
    if highlight:
        entry["highlight"] = highlight
    if tables:
        entry["tables"] = tables
    if diagrams:
        entry["diagrams"] = diagrams
    if step.skipped:
        entry["skipped"] = step.skipped
    return entry


def trace_to_dict(trace) -> dict:
    return {
        "topic": trace.topic,
        "params": to_plain(trace.params),
        "inputs": {k: to_plain(np.asarray(v)) for k, v in trace.inputs.items()},
        "steps": [step_to_dict(s) for s in trace.steps],
        "outputs": {k: to_plain(v) for k, v in trace.outputs.items()},
    }


def dumps(trace) -> str:
    return json.dumps(trace_to_dict(trace), ensure_ascii=False, allow_nan=False)
