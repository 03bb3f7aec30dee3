"""Paragraph wrapping that also breaks between Chinese characters.

Rich wraps only at spaces. Chinese has no spaces between words, so a Chinese sentence
looks like one long word to it: lines break only around the few Latin tokens and come
out ragged. Here a line may break at a space or between two wide (CJK) characters, never
before closing punctuation ("，。）") and never after opening punctuation ("（“"), so a
comma does not start a line. Latin words are never split. Texts without wide characters
are left to rich unchanged.
"""

import unicodedata

from rich.cells import cell_len
from rich.measure import Measurement
from rich.text import Text as RichText

NO_LINE_START = set("，。、；：！？）》」』”’…%,.;:!?)]}")
NO_LINE_END = set("（《「『“‘([{")


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def has_wide(text: str) -> bool:
    return any(is_wide(c) for c in text)


def units(line: str):
    """The unbreakable pieces of one line: (text, spaces_before). A wide character is a
    piece of its own; a run of other non-space characters is one piece; punctuation is
    glued to the piece it belongs to, and a `quoted command` is one piece."""
    pieces = []
    space = ""
    in_code = False  # a `quoted command` stays on one line
    for char in line:
        if char == "`":
            in_code = not in_code
        if char == " " and not in_code:
            space += " "
            continue
        glue_to_previous = pieces and not space and (
            (in_code and char != "`")
            or char in NO_LINE_START
            or pieces[-1][0][-1] in NO_LINE_END
            or (not is_wide(char) and not is_wide(pieces[-1][0][-1]))
        )
        if glue_to_previous:
            pieces[-1][0] += char
        else:
            pieces.append([char, space])
        space = ""
    return [(text, space) for text, space in pieces]


def wrap(text: str, width: int) -> list:
    """`text` as lines of at most `width` terminal cells (a piece wider than `width`
    gets a line of its own, and rich folds it)."""
    lines = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for index, piece_space in enumerate(units(paragraph)):
            piece, space = piece_space
            gap = space if line or index == 0 else ""  # keep a paragraph's indent
            size = cell_len(piece)
            if line and used + cell_len(gap) + size > width:
                lines.append(line)
                line, used = piece, size
            else:
                line += gap + piece
                used += cell_len(gap) + size
        lines.append(line)
    return lines


class Paragraph:
    """A paragraph of text for the terminal view, wrapped by `wrap` when it holds wide
    characters."""

    def __init__(self, text: str, style: str = ""):
        self.text = text
        self.style = style

    def __rich_console__(self, console, options):
        for line in wrap(self.text, options.max_width):
            yield RichText(line, style=self.style)

    def __rich_measure__(self, console, options):
        pieces = [cell_len(p) for line in self.text.split("\n") for p, _ in units(line)] or [0]
        longest = max(cell_len(line) for line in self.text.split("\n"))
        return Measurement(min(max(pieces), options.max_width), min(longest, options.max_width))


def paragraph(text: str, style: str = ""):
    """A rich renderable for `text`: rich's own Text when it has no wide characters."""
    if has_wide(text):
        return Paragraph(text, style)
    return RichText(text, style=style)
