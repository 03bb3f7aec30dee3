"""The terminal view: each block of a step as a rich renderable (matrices in
nncli/render/matrix.py). Meaning never rests on colour alone, so the view reads the same
with NO_COLOR=1 or through a pipe.
"""

import numpy as np
from rich import box
from rich.console import Group
from rich.table import Table as RichTable
from rich.text import Text as RichText

from nncli import numfmt
from nncli.render.matrix import MatrixView
from nncli.render.wrap import paragraph
from nncli.trace import Bars, Canvas, Diagram, Equation, Matrix, Plot, Row, Table, Text

BAR_WIDTH = 24
PLOT_WIDTH = 33
PLOT_HEIGHT = 9


def block_renderable(block, ctx):
    """A rich renderable for one trace block."""
    if isinstance(block, Text):
        return paragraph(block.text)
    if isinstance(block, Equation):
        return paragraph(block.text, style="bold cyan")
    if isinstance(block, Matrix):
        return matrix_renderable(block, ctx)
    if isinstance(block, Table):
        return table_renderable(block, ctx)
    if isinstance(block, Bars):
        return bars_renderable(block, ctx)
    if isinstance(block, Plot):
        return plot_renderable(block, ctx)
    if isinstance(block, Canvas):
        return canvas_renderable(block)
    if isinstance(block, Diagram):
        return RichText("\n".join(block.lines), no_wrap=True, overflow="ellipsis")
    if isinstance(block, Row):
        return FlowRow([block_renderable(b, ctx) for b in block.blocks])
    raise TypeError(f"no terminal view for {type(block).__name__}")


class FlowRow:
    """Renderables side by side, wrapped onto more lines when the terminal is too narrow
    (squeezing them would cut numbers short)."""

    GAP = 3

    def __init__(self, children):
        self.children = children

    def __rich_console__(self, console, options):
        from rich.measure import Measurement

        widths = [Measurement.get(console, options, c).maximum for c in self.children]
        line, used = [], 0
        for child, width in zip(self.children, widths):
            if line and used + self.GAP + width > options.max_width:
                yield self._grid(line)
                line, used = [], 0
            used += width + (self.GAP if line else 0)
            line.append(child)
        if line:
            yield self._grid(line)

    def _grid(self, children):
        grid = RichTable.grid(padding=(0, self.GAP))
        for _ in children:
            grid.add_column(vertical="top", no_wrap=True)
        grid.add_row(*children)
        return grid


def matrix_renderable(block: Matrix, ctx):
    array = np.asarray(block.array)
    if array.ndim == 0:
        return RichText(f"{block.label} = {ctx.n(array)}")
    if array.ndim > 2:
        return RichText(ctx.cli_texts("matrix.many_dims", label=block.label, shape=numfmt.shape(array)))
    return MatrixView(block, ctx)


def table_renderable(block: Table, ctx):
    # Texts, not markup: a cell like "Â[i, j]" must not be read as a rich style tag.
    title = RichText(block.title, style="bold") if block.title else None
    table = RichTable(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for index, column in enumerate(block.columns):
        # numbers line up on the right, words on the left
        numeric = all(_is_number(row[index]) for row in block.rows if index < len(row))
        table.add_column(RichText(str(column), style="bold"), justify="right" if numeric else "left")
    for row in block.rows:
        table.add_row(*(paragraph(_cell_text(v, ctx)) for v in row))
    return table


def _is_number(value) -> bool:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and value.replace("\u2212", "-").lstrip("-").replace(".", "", 1).isdigit()


def _cell_text(value, ctx) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, np.floating, np.integer)):
        return ctx.n(value)
    return str(value)


def bars_renderable(block: Bars, ctx):
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(justify="right", style="bold")
    grid.add_column()
    grid.add_column(justify="right")
    values = np.asarray(block.values, dtype=np.float64).ravel()
    span = (block.hi - block.lo) or 1.0
    for label, value in zip(block.labels, values):
        fraction = min(1.0, max(0.0, (value - block.lo) / span))
        filled = int(round(fraction * BAR_WIDTH))
        bar = RichText("█" * filled, style="green") + RichText("·" * (BAR_WIDTH - filled), style="dim")
        grid.add_row(str(label), bar, ctx.n(value))
    if block.title:
        outer = RichTable.grid()
        outer.add_row(RichText(block.title, style="bold"))
        outer.add_row(grid)
        return outer
    return grid


def plot_renderable(block: Plot, ctx):
    """One small character plot per curve, side by side while they fit."""
    x = np.asarray(block.x, dtype=np.float64)
    return FlowRow([_plot_text(name, x, np.asarray(ys, dtype=np.float64), ctx)
                    for name, ys in block.curves.items()])


def _plot_text(name, x, y, ctx):
    low, high = float(np.min(y)), float(np.max(y))
    if high - low < 1e-12:
        high = low + 1.0
    canvas = [[" "] * PLOT_WIDTH for _ in range(PLOT_HEIGHT)]
    column_of = lambda v: int(round((v - x[0]) / ((x[-1] - x[0]) or 1) * (PLOT_WIDTH - 1)))
    row_of = lambda v: PLOT_HEIGHT - 1 - int(round((v - low) / (high - low) * (PLOT_HEIGHT - 1)))
    if low <= 0 <= high:
        for c in range(PLOT_WIDTH):
            canvas[row_of(0.0)][c] = "─"
    if x[0] <= 0 <= x[-1]:
        for r in range(PLOT_HEIGHT):
            canvas[r][column_of(0.0)] = "│"
    for xv, yv in zip(x, y):
        canvas[row_of(yv)][column_of(xv)] = "•"
    lines = ["".join(row) for row in canvas]
    head = f"{name}   y ∈ [{ctx.n(low)}, {ctx.n(high)}]"
    foot = f"x: {ctx.n(x[0])} … {ctx.n(x[-1])}"
    return RichText("\n".join([head] + lines + [foot]), no_wrap=True)


class StepRule:
    """The line that opens a step: its label in a rule, or, when the label is too long
    for one line, the whole label (wrapped, never cut) over a plain rule."""

    def __init__(self, label: str):
        self.label = label

    def __rich_console__(self, console, options):
        from rich.cells import cell_len
        from rich.rule import Rule

        if cell_len(self.label) + 4 <= options.max_width:
            yield Rule(RichText(self.label, style="bold"), align="left")
        else:
            yield paragraph(self.label, style="bold")
            yield Rule()


CLASS_COLOURS = ("cyan", "magenta", "yellow", "green", "red", "blue")


def canvas_renderable(block: Canvas):
    """Each cell in its class's colour, bold when marked, dim otherwise."""
    text = RichText(no_wrap=True, overflow="ellipsis")
    for r, line in enumerate(block.lines):
        if r:
            text.append("\n")
        for c, char in enumerate(line):
            k = int(block.classes[r][c])
            style = "" if k < 0 else CLASS_COLOURS[k % len(CLASS_COLOURS)] + (" bold" if block.marks[r][c] else " dim")
            text.append(char, style=style)
    return text


def step_renderables(step, number: int, total: int, ctx):
    """The rule that opens a step, then its blocks."""
    label = step.title if step.skipped else f"{ctx.cli_texts('step.counter', k=number, n=total)} · {step.title}"
    yield StepRule(label)
    previous = None
    for block in step.blocks:
        if isinstance(block, Text) and previous is not None and not isinstance(previous, Equation):
            yield RichText("")  # a paragraph stands apart from what came before it
        yield block_renderable(block, ctx)
        previous = block
