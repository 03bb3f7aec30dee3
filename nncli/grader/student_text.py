"""Text that comes from a student is data: shown exactly, never acted on.

A student controls their exception messages, what their code prints, their tracebacks, and
the names of their files, folders and zip entries. Before any of it reaches a terminal, a
CSV, a JSON file or a feedback file it goes through `visible` (or `line` for a name):

- a lone surrogate (an exception message holding "\\ud800") becomes the visible text
  \\ud800, and a byte the file system could not decode (os.fsdecode keeps byte 0xff as
  "\\udcff") becomes \\xff, so every output can be encoded as UTF-8;
- control characters (ANSI CSI/OSC sequences start with ESC, \\r rewrites a line, \\b, BEL,
  the C1 range), bidirectional overrides and line separators become visible escapes
  (\\x1b, \\r, \\u202e); \\n and \\t are kept in multi-line text (messages, output,
  tracebacks) and escaped in names.

The result holds only printable characters (plus \\n and \\t where kept), so applying it
twice changes nothing. Rich markup is not escaped here: a view prints student text as a
rich Text (never as a markup string), so "[bold]x[/bold]" shows literally. `csv_cell`
neutralises what a spreadsheet would run as a formula.
"""

import re

# C0 and C1 controls, DEL, the bidirectional marks and overrides, line and paragraph
# separators, and every surrogate (valid text never holds a lone one)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
                     "\u2066-\u2069\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f"
                                "\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")   # as OWASP's "CSV Injection" page lists


def _escape(match) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:          # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text, lines: bool = True):
    """`text` with every unsafe character shown as a visible escape; \\n and \\t kept when
    `lines` (multi-line text), escaped otherwise. Bytes are decoded as UTF-8 first (an
    undecodable byte shows as \\xNN). Anything that is not text is returned unchanged."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", "backslashreplace")
    if not isinstance(text, str):
        return text
    if text.isprintable():
        return text
    return (_UNSAFE_KEEP_LINES if lines else _UNSAFE).sub(_escape, text)


def line(text):
    """A name (student, file, folder, zip entry) made safe, on one line: \\n and \\t
    escaped too."""
    return visible(text, lines=False)


def cleaned(data, lines: bool = True):
    """JSON-like data (dicts, lists, strings, numbers) with every string and key `visible`."""
    if isinstance(data, dict):
        return {visible(k, False): cleaned(v, lines) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [cleaned(v, lines) for v in data]
    return visible(data, lines)


def csv_cell(value):
    """One CSV cell: numbers stay numbers; text is made safe on one line and, when a
    spreadsheet would read it as a formula (it starts with = + - @ TAB or CR), gets a
    leading apostrophe."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = line("" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text
