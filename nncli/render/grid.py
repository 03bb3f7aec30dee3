"""A table of short cells drawn as one rich Text: the same lines as rich's default Table
(heavy head, sections), at a tenth of its cost, for tables whose cells never wrap.

rich's Table measures and wraps every cell through several layers of renderables: for the
forty rows of `nncli check` that is about as long as judging them. Here each cell is one line,
padded to its column's width in terminal cells (wide characters count two).

    text = grid(["exercise", "points"], [[[("conv", "bold"), "2/2"]], ...], ["left", "right"],
                width=console.width)

`grid` returns None when the table would be wider than `width`: the caller then draws
`rich_table` of the same cells, which wraps.
"""

from rich.cells import cell_len
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


def grid(header, sections, justify, width, header_style="bold"):
    """A Text of the table, or None when it is wider than `width` cells or a cell holds a
    line break. header: the column titles; sections: lists of rows, a rule between two
    sections; a row: one cell per column, a string or (string, style); justify: "left" or
    "right" per column."""
    rows = [[_cell(value) for value in row] for section in sections for row in section]
    titles = [_cell(title) for title in header]
    if any("\n" in text for row in rows + [titles] for text, _ in row):
        return None
    widths = [max(cell_len(row[i][0]) for row in rows + [titles]) for i in range(len(header))]
    if sum(widths) + 3 * len(widths) + 1 > width:
        return None
    text = Text(no_wrap=True, overflow="ignore", end="\n")

    def rule(parts):
        left, line, cross, right = parts
        text.append(left + cross.join(line * (w + 2) for w in widths) + right + "\n")

    def row(cells, bars, style=""):
        text.append(bars[0])
        for i, ((value, cell_style), w) in enumerate(zip(cells, widths)):
            gap = " " * (w - cell_len(value))
            text.append(" ")
            if justify[i] == "right":
                text.append(gap)
            text.append(value, cell_style or style)
            if justify[i] != "right":
                text.append(gap)
            text.append(" " + (bars[2] if i < len(widths) - 1 else bars[3]))
        text.append("\n")

    rule(_TOP)
    row(titles, _HEAD_ROW, header_style)
    rule(_HEAD_RULE)
    for number, section in enumerate(sections):
        if number:
            rule(_SECTION)
        for cells in section:
            row([_cell(value) for value in cells], _ROW)
    rule(_BOTTOM)
    text.rstrip()
    return text


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
