"""A table of short cells drawn straight as rich Segments: the same lines as rich's default
Table (heavy head, sections), at a small part of its cost, for tables whose cells never wrap.

rich's Table measures and wraps every cell through several layers of renderables: for the
forty rows of `nncli check` that is about as long as judging them. Here each cell is one line,
padded to its column's width in terminal cells (wide characters count two).

    table = grid(["exercise", "points"], [[[("conv", "bold"), "2/2"]], ...], ["left", "right"],
                 width=console.width)
    console.print(table)

`grid` returns None when the table would be wider than `width`: the caller then draws
`rich_table` of the same cells, which wraps.
"""

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text

# rich.box.HEAVY_HEAD, line by line: (left, horizontal, crossing, right)
_TOP = ("┏", "━", "┳", "┓")
_HEAD_ROW = ("┃", " ", "┃", "┃")
_HEAD_RULE = ("┡", "━", "╇", "┩")
_ROW = ("│", " ", "│", "│")
_SECTION = ("├", "─", "┼", "┤")
_BOTTOM = ("└", "─", "┴", "┘")


def _cell(value):
    """(text, style) of a cell given as a string or as (text, style)."""
    return (value, "") if isinstance(value, str) else (value[0], value[1] or "")


class Grid:
    """The drawn table: a rich renderable (its lines as Segments, styles looked up once)."""

    def __init__(self, titles, rows, justify, widths, header_style):
        self.titles, self.rows, self.justify = titles, rows, justify
        self.widths, self.header_style = widths, header_style

    def __rich_console__(self, console, options):
        styles = {}

        def style(name):
            if name not in styles:
                styles[name] = console.get_style(name) if name else None
            return styles[name]

        def rule(parts):
            left, line, cross, right = parts
            return [Segment(left + cross.join(line * (w + 2) for w in self.widths) + right),
                    Segment.line()]

        def row(cells, bars, default=""):
            segments = [Segment(bars[0])]
            last = len(self.widths) - 1
            for i, ((value, cell_style), width) in enumerate(zip(cells, self.widths)):
                gap = " " * (width - cell_len(value))
                right = self.justify[i] == "right"
                segments.append(Segment(" " + gap if right else " "))
                segments.append(Segment(value, style(cell_style or default)))
                segments.append(Segment(("" if right else gap) + " " +
                                        (bars[2] if i < last else bars[3])))
            segments.append(Segment.line())
            return segments

        yield from rule(_TOP)
        yield from row(self.titles, _HEAD_ROW, self.header_style)
        yield from rule(_HEAD_RULE)
        for number, section in enumerate(self.rows):
            if number:
                yield from rule(_SECTION)
            for cells in section:
                yield from row(cells, _ROW)
        yield from rule(_BOTTOM)


def grid(header, sections, justify, width, header_style="bold"):
    """A Grid of the table, or None when it is wider than `width` cells or a cell holds a
    line break. header: the column titles; sections: lists of rows, a rule between two
    sections; a row: one cell per column, a string or (string, style); justify: "left" or
    "right" per column."""
    rows = [[[_cell(value) for value in row] for row in section] for section in sections]
    titles = [_cell(title) for title in header]
    every = [titles] + [row for section in rows for row in section]
    if any("\n" in text for row in every for text, _ in row):
        return None
    widths = [max(cell_len(row[i][0]) for row in every) for i in range(len(header))]
    if sum(widths) + 3 * len(widths) + 1 > width:
        return None
    return Grid(titles, rows, justify, widths, header_style)


def rich_table(header, sections, justify):
    """The same table as rich's Table (cells wrap when the terminal is narrow)."""
    from rich.table import Table

    table = Table()
    for title, side in zip(header, justify):
        table.add_column(title, justify=side)
    for number, rows in enumerate(sections):
        if number:
            table.add_section()
        for cells in rows:
            table.add_row(*(value if isinstance(value, str) else Text(*value)
                            for value in cells))
    return table
