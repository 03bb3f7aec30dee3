"""Trace data: what every builder returns and every view (terminal, JSON, export) reads.

A trace is plain data. A builder fills it with NumPy arrays and already-worded texts; it
never prints. A step is a title and a list of blocks, each block one kind of thing to show:

    Text(text)                         a paragraph
    Equation(text)                     arithmetic written with the actual numbers
    Matrix(name, array, ...)           a scalar, vector (n,) or matrix (r, c), optionally as a heatmap,
                                       with cells to highlight (current window) and cells to dim (padding)
    Table(columns, rows)               a small table of words and numbers
    Bars(labels, values, lo, hi)       one horizontal bar per value
    Plot(x, curves)                    small curves y = f(x) drawn in the terminal
    Diagram(lines)                     preformatted text drawing (an unrolled chain, a stack of layers)
    Canvas(lines, classes, marks)      a character picture coloured by class (decision regions, curves)
    Row(blocks)                        blocks side by side

A step with ``skipped > 0`` stands for that many similar steps that were computed but not shown.
"""


class Block:
    """Base of all blocks; `kind` names the block type in JSON."""

    kind = "block"
    __slots__ = ()


class Text(Block):
    kind = "text"
    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


class Equation(Block):
    kind = "equation"
    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


class Matrix(Block):
    """An array to draw. `array` has 0, 1 or 2 dimensions (more are drawn as a shape note).

    highlight: index tuples of cells to emphasise (the current window, the winner of a max).
    dim: index tuples of cells to draw faintly (padding zeros, masked entries).
    heat: colour cells by value (feature maps, attention weights).
    row_labels / col_labels: optional labels (token words, gate names).
    """

    kind = "matrix"
    __slots__ = ("name", "array", "highlight", "dim", "heat", "label", "row_labels", "col_labels")

    def __init__(self, name, array, highlight=(), dim=(), heat=False, label=None,
                 row_labels=None, col_labels=None):
        self.name = name
        self.array = array
        self.highlight = [tuple(int(i) for i in idx) for idx in highlight]
        self.dim = [tuple(int(i) for i in idx) for idx in dim]
        self.heat = heat
        self.label = label if label is not None else name
        self.row_labels = row_labels
        self.col_labels = col_labels


class Table(Block):
    kind = "table"
    __slots__ = ("columns", "rows", "title")

    def __init__(self, columns, rows, title=None):
        self.columns = list(columns)
        self.rows = [list(r) for r in rows]
        self.title = title


class Bars(Block):
    """One bar per value, scaled between lo and hi (lo=0, hi=1 for gates)."""

    kind = "bars"
    __slots__ = ("labels", "values", "lo", "hi", "title")

    def __init__(self, labels, values, lo=0.0, hi=1.0, title=None):
        self.labels = list(labels)
        self.values = values
        self.lo = lo
        self.hi = hi
        self.title = title


class Plot(Block):
    """Curves sampled at x: `curves` maps a name to an array of the same shape as x."""

    kind = "plot"
    __slots__ = ("x", "curves", "title")

    def __init__(self, x, curves, title=None):
        self.x = x
        self.curves = dict(curves)
        self.title = title


class Diagram(Block):
    kind = "diagram"
    __slots__ = ("lines",)

    def __init__(self, lines):
        self.lines = list(lines)


class Canvas(Diagram):
    """A character picture whose cells carry a class, drawn in that class's colour.

    lines: equal-length strings; classes: (rows, cols) int array, the class of each cell
    (−1: no colour); marks: (rows, cols) bool, True for cells drawn strong (data points,
    curve points), the others faint. The characters alone must tell the classes apart, so
    the picture reads the same without colour.
    """

    kind = "canvas"
    __slots__ = ("classes", "marks")

    def __init__(self, lines, classes, marks):
        super().__init__(lines)
        self.classes = classes
        self.marks = marks


class Row(Block):
    kind = "row"
    __slots__ = ("blocks",)

    def __init__(self, blocks):
        self.blocks = list(blocks)


class Step:
    """One step of an explanation: a title and the blocks that show it."""

    __slots__ = ("title", "blocks", "skipped")

    def __init__(self, title: str, blocks=(), skipped: int = 0):
        self.title = title
        self.blocks = list(blocks)
        self.skipped = skipped


class Trace:
    """A whole explanation.

    topic: the topic name ("conv"); params: the scalar settings used (padding, stride, seed…);
    inputs / outputs: name -> NumPy array (float64); steps: ordered Steps.
    """

    __slots__ = ("topic", "params", "inputs", "steps", "outputs", "title")

    def __init__(self, topic, params, inputs, steps, outputs, title=""):
        self.topic = topic
        self.params = dict(params)
        self.inputs = dict(inputs)
        self.steps = list(steps)
        self.outputs = dict(outputs)
        self.title = title


def iter_blocks(blocks):
    """Every block, descending into Rows."""
    for block in blocks:
        if isinstance(block, Row):
            yield from iter_blocks(block.blocks)
        else:
            yield block
