"""A matrix in the terminal: a boxed grid of numbers, cropped to what fits.

It shows at most MAX_ROWS rows and as many columns as the width given to it holds (no more
than MAX_COLS), keeping highlighted cells in view; numbers and labels are never cut short,
columns are left out instead, and a note under the grid says so. Drawing costs time in
proportion to the cells shown, never to the whole array, which is what lets a trace of
many steps with big matrices print quickly.

Meaning never rests on colour alone: a highlighted cell is also bracketed, [2]; a dimmed
one (padding) stays a plain number; nan marks a cell not computed yet and prints "·".
"""

import numpy as np
from rich import box
from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text as RichText

from nncli import numfmt

MAX_ROWS = 12
MAX_COLS = 64
HIGHLIGHT_STYLE = "bold black on yellow"


def window(n: int, limit: int, focus) -> range:
    """Indices to show out of n, at most `limit`, keeping `focus` indices in view."""
    if n <= limit:
        return range(n)
    if not focus:
        return range(limit)
    start = max(0, min(min(focus), n - limit))
    if max(focus) >= start + limit:
        start = max(0, max(focus) - limit + 1)
    return range(start, min(n, start + limit))


def heat_style(value: float, low: float, high: float) -> str:
    """Diverging blue-white-red when the values change sign, else white-to-orange."""
    if not np.isfinite(value) or high <= low:
        return ""
    if low < 0 < high:
        t = value / max(-low, high)
        if t >= 0:
            rgb = (255, int(255 * (1 - t * 0.75)), int(255 * (1 - t * 0.85)))
        else:
            rgb = (int(255 * (1 + t * 0.85)), int(255 * (1 + t * 0.6)), 255)
    else:
        t = (value - low) / (high - low)
        rgb = (255, int(255 - 120 * t), int(255 - 230 * t))
    return f"black on rgb({rgb[0]},{rgb[1]},{rgb[2]})"


class MatrixView:
    """The terminal view of one Matrix block (0, 1 or 2 dimensions; see nncli/trace.py)."""

    def __init__(self, block, ctx):
        array = np.asarray(block.array, dtype=np.float64)
        self.ctx = ctx
        self.block = block
        self.shape = numfmt.shape(array)
        grid = array[None, :] if array.ndim == 1 else array
        lift = (lambda idx: idx) if array.ndim == 2 else (lambda idx: (0,) + idx)
        self.highlight = {lift(idx) for idx in block.highlight}
        self.dim = {lift(idx) for idx in block.dim}
        self.n_rows, self.n_cols = grid.shape
        self.rows = window(self.n_rows, MAX_ROWS, [i for i, _ in self.highlight])
        self.candidates = window(self.n_cols, MAX_COLS, [j for _, j in self.highlight])
        shown = grid[self.rows.start:self.rows.stop, self.candidates.start:self.candidates.stop]
        self.values = shown
        self.texts = [["·" if np.isnan(v) else ctx.n(v) for v in row] for row in shown]
        self.low = self.high = 0.0
        if block.heat:  # the colour scale spans every value, shown or not
            finite = grid[np.isfinite(grid)]
            if finite.size:
                self.low, self.high = float(finite.min()), float(finite.max())
        self.labels = ([str(block.row_labels[i]) for i in self.rows]
                       if block.row_labels is not None else None)
        self.headers = ([str(block.col_labels[j]) for j in self.candidates]
                        if block.col_labels is not None else None)
        self.widths = []
        for c, j in enumerate(self.candidates):
            width = max(cell_len(row[c]) + (2 if (i, j) in self.highlight else 0)
                        for i, row in zip(self.rows, self.texts))
            if self.headers is not None:
                width = max(width, cell_len(self.headers[c]))
            self.widths.append(width)
        self.label_width = max(map(cell_len, self.labels)) if self.labels else 0
        self.title = f"{block.label} ({self.shape})"
        self._layouts = {}

    # which columns fit

    def _columns(self, max_width: int) -> range:
        """The candidate columns (positions in self.candidates) that fit in `max_width`."""
        if max_width in self._layouts:
            return self._layouts[max_width]
        room = max_width - 1 - (self.label_width + 3 if self.labels else 0)
        focus = [c for c, j in enumerate(self.candidates) if any(j == b for _, b in self.highlight)]
        first, last = (min(focus), max(focus)) if focus else (0, 0)
        used = sum(w + 3 for w in self.widths[first:last + 1])
        while last + 1 < len(self.widths) and used + self.widths[last + 1] + 3 <= room:
            last += 1
            used += self.widths[last] + 3
        while first > 0 and used + self.widths[first - 1] + 3 <= room:
            first -= 1
            used += self.widths[first] + 3
        self._layouts[max_width] = range(first, last + 1)
        return self._layouts[max_width]

    def _table_width(self, columns: range) -> int:
        return 1 + sum(self.widths[c] + 3 for c in columns) + (self.label_width + 3 if self.labels else 0)

    def _caption(self, columns: range):
        if len(self.rows) == self.n_rows and len(columns) == self.n_cols:
            return None
        return self.ctx.cli_texts("crop.note", rows=len(self.rows), cols=len(columns), shape=self.shape)

    def __rich_measure__(self, console, options):
        columns = self._columns(options.max_width)
        table = self._table_width(columns)
        caption = self._caption(columns) or ""
        widest = max(table, cell_len(self.title), cell_len(caption))
        return Measurement(min(max(table, self._table_width(columns[:1])), options.max_width),
                           min(widest, options.max_width))

    # drawing

    def __rich_console__(self, console, options):
        columns = self._columns(options.max_width)
        frame = box.SQUARE.substitute(options)
        widths = ([self.label_width + 2] if self.labels else []) + [self.widths[c] + 2 for c in columns]
        yield RichText(self.title, style="bold")
        new_line = Segment.line()
        yield Segment(frame.get_top(widths))
        yield new_line
        if self.headers is not None:
            cells = ([("", "")] if self.labels else []) + [(self.headers[c], "bold") for c in columns]
            yield from self._line(frame.head_left, frame.head_vertical, frame.head_right, cells, widths)
            yield Segment(frame.get_row(widths, level="head"))
            yield new_line
        for r, i in enumerate(self.rows):
            cells = [(self.labels[r], "bold")] if self.labels else []
            for c in columns:
                j = self.candidates[c]
                text = self.texts[r][c]
                if (i, j) in self.highlight:
                    cells.append((f"[{text}]", HIGHLIGHT_STYLE))
                elif (i, j) in self.dim:
                    cells.append((text, "dim"))
                elif self.block.heat:
                    cells.append((text, heat_style(self.values[r, c], self.low, self.high)))
                else:
                    cells.append((text, ""))
            yield from self._line(frame.mid_left, frame.mid_vertical, frame.mid_right, cells, widths)
        yield Segment(frame.get_bottom(widths))
        yield new_line
        caption = self._caption(columns)
        if caption:
            yield RichText(caption)

    @staticmethod
    def _line(left, between, right, cells, widths):
        """One row of the box: each (text, style) right-aligned in its column, as few
        segments as the styles allow."""
        plain = []
        for index, ((text, style), width) in enumerate(zip(cells, widths)):
            plain.append(left if index == 0 else between)
            plain.append(" " * (width - 1 - cell_len(text)))
            if style:
                yield Segment("".join(plain))
                yield Segment(text, Style.parse(style))
                plain = [" "]
            else:
                plain += [text, " "]
        plain.append(right)
        yield Segment("".join(plain))
        yield Segment.line()
