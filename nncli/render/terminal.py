"""The terminal view: each block of a step as a rich renderable.

Meaning never rests on colour alone: a highlighted cell is also bracketed, [2], and a
dimmed one (padding) stays a plain number, so the view reads the same with NO_COLOR=1
or through a pipe.
"""

import numpy as np
from rich import box
from rich.console import Group
from rich.table import Table as RichTable
from rich.text import Text as RichText

from nncli import numfmt
from nncli.render.wrap import paragraph
from nncli.trace import Bars, Canvas, Diagram, Equation, Matrix, Plot, Row, Table, Text

MAX_ROWS = 12
MAX_COLS = 12
FIT_WIDTH = 80  # a matrix shows no more columns than fit in this many characters
BAR_WIDTH = 24
PLOT_WIDTH = 33
PLOT_HEIGHT = 9
HIGHLIGHT_STYLE = "bold black on yellow"


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


def _window(n: int, limit: int, focus) -> range:
    """Indices to show out of n, at most `limit`, keeping `focus` indices in view."""
    if n <= limit:
        return range(n)
    if not focus:
        return range(limit)
    start = max(0, min(min(focus), n - limit))
    if max(focus) >= start + limit:
        start = max(0, max(focus) - limit + 1)
    return range(start, min(n, start + limit))


def _heat_style(value: float, low: float, high: float) -> str:
    """Diverging blue-white-red when the values change sign, else white-to-orange."""
    if not np.isfinite(value) or high <= low:
        return ""
    if low < 0 < high:
        scale = max(-low, high)
        t = value / scale
        if t >= 0:
            rgb = (255, int(255 * (1 - t * 0.75)), int(255 * (1 - t * 0.85)))
        else:
            rgb = (int(255 * (1 + t * 0.85)), int(255 * (1 + t * 0.6)), 255)
    else:
        t = (value - low) / (high - low)
        rgb = (255, int(255 - 120 * t), int(255 - 230 * t))
    return f"black on rgb({rgb[0]},{rgb[1]},{rgb[2]})"


def _fitting_columns(grid, rows, block, ctx, brackets: bool) -> int:
    """How many columns (at most MAX_COLS) fit in FIT_WIDTH characters without squeezing
    numbers, judged by the widest number in the shown rows."""
    if grid.shape[1] <= 1:
        return MAX_COLS
    cell = max(len(ctx.n(v)) for v in grid[list(rows)].ravel()) + (2 if brackets else 0)
    if block.col_labels is not None:
        cell = max(cell, max(len(str(c)) for c in block.col_labels))
    labels = max(len(str(r)) for r in block.row_labels) + 3 if block.row_labels is not None else 0
    return max(1, min(MAX_COLS, (FIT_WIDTH - 1 - labels) // (cell + 3)))


def matrix_renderable(block: Matrix, ctx):
    array = np.asarray(block.array, dtype=np.float64)
    if array.ndim == 0:
        return RichText(f"{block.label} = {ctx.n(array)}")
    if array.ndim > 2:
        return RichText(ctx.cli_texts("matrix.many_dims", label=block.label, shape=numfmt.shape(array)))
    grid = array[None, :] if array.ndim == 1 else array
    highlight = {idx if array.ndim == 2 else (0,) + idx for idx in block.highlight}
    dim = {idx if array.ndim == 2 else (0,) + idx for idx in block.dim}
    rows = _window(grid.shape[0], MAX_ROWS, [i for i, _ in highlight])
    cols = _window(grid.shape[1], _fitting_columns(grid, rows, block, ctx, bool(highlight)),
                   [j for _, j in highlight])
    finite = grid[np.isfinite(grid)]
    low, high = (finite.min(), finite.max()) if finite.size else (0.0, 0.0)

    title = f"{block.label} ({numfmt.shape(array)})"
    cropped = len(rows) < grid.shape[0] or len(cols) < grid.shape[1]
    caption = ctx.cli_texts("crop.note", rows=len(rows), cols=len(cols),
                            shape=numfmt.shape(array)) if cropped else None
    table = RichTable(caption=caption, caption_justify="left", box=box.SQUARE, show_header=block.col_labels is not None,
                      show_lines=False, padding=(0, 1), pad_edge=True)
    if block.row_labels is not None:
        table.add_column("", style="bold", justify="right")
    for j in cols:
        header = str(block.col_labels[j]) if block.col_labels is not None else ""
        table.add_column(header, justify="right", no_wrap=True)
    for i in rows:
        cells = []
        if block.row_labels is not None:
            cells.append(str(block.row_labels[i]))
        for j in cols:
            value = grid[i, j]
            text = "·" if np.isnan(value) else ctx.n(value)  # nan marks a cell not computed yet
            if (i, j) in highlight:
                cells.append(RichText(f"[{text}]", style=HIGHLIGHT_STYLE))
            elif (i, j) in dim:
                cells.append(RichText(text, style="dim"))
            elif block.heat:
                cells.append(RichText(text, style=_heat_style(value, low, high)))
            else:
                cells.append(RichText(text))
        table.add_row(*cells)
    return Group(RichText(title, style="bold"), table)


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
    """One small character plot per curve, side by side."""
    x = np.asarray(block.x, dtype=np.float64)
    grid = RichTable.grid(padding=(0, 3))
    pictures = []
    for name, ys in block.curves.items():
        pictures.append(_plot_text(name, x, np.asarray(ys, dtype=np.float64), ctx))
        grid.add_column()
    grid.add_row(*pictures)
    return grid


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
    from rich.rule import Rule

    label = step.title if step.skipped else f"{ctx.cli_texts('step.counter', k=number, n=total)} · {step.title}"
    yield Rule(RichText(label, style="bold"), align="left")
    previous = None
    for block in step.blocks:
        if isinstance(block, Text) and previous is not None and not isinstance(previous, Equation):
            yield RichText("")  # a paragraph stands apart from what came before it
        yield block_renderable(block, ctx)
        previous = block
