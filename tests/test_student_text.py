"""Text from students is data (nncli/grader/student_text.py): whatever a student writes comes
out printable, encodable as UTF-8, and unchanged when it was already safe."""

import io

import pytest
from rich.console import Console
from rich.text import Text

from nncli.grader.student_text import cleaned, csv_cell, line, visible

HOSTILE = [
    ("bad \ud800 here", "bad \\ud800 here"),                     # a lone surrogate
    ("note\udcff.txt", "note\\xff.txt"),                          # os.fsdecode of byte 0xff
    ("x\x1b[2Jy", "x\\x1b[2Jy"),                                  # ANSI CSI: clear screen
    ("\x1b]0;owned\x07", "\\x1b]0;owned\\x07"),                   # OSC: window title, BEL
    ("100%\rAll tests passed", "100%\\rAll tests passed"),        # \r rewrites the line
    ("ab\b\bOK", "ab\\x08\\x08OK"),
    ("\x9b2J", "\\x9b2J"),                                         # C1 CSI
    ("\u202eevil", "\\u202eevil"),                                # right-to-left override
    ("a\u2028b", "a\\u2028b"),
    ("nul\x00", "nul\\x00"),
    ("DEL\x7f", "DEL\\x7f"),
]


@pytest.mark.parametrize("raw, shown", HOSTILE)
def test_unsafe_characters_become_visible_escapes(raw, shown):
    assert visible(raw) == shown
    assert line(raw) == shown
    assert visible(shown) == shown and line(shown) == shown        # applying twice: unchanged
    shown.encode("utf-8")                                          # never raises


def test_lines_and_tabs_kept_in_text_escaped_in_names():
    text = "Traceback:\n\tline 1\r\n"
    assert visible(text) == "Traceback:\n\tline 1\\r\n"
    assert line(text) == "Traceback:\\n\\tline 1\\r\\n"


def test_ordinary_text_is_untouched():
    for text in ("lstm.py: 3 of 6 cases failed", "形状不对：(3, 4)", "café ünïcode", "e\u0301",
                 "[bold]x[/bold]", "C:\\Users\\ann\\lstm.py", "emoji 🙂 and ZWJ 👩\u200d💻"):
        assert visible(text) == text and line(text) == text


def test_bytes_are_decoded_with_visible_escapes():
    assert visible(b"ok \xff\xfe") == "ok \\xff\\xfe"
    assert visible("é".encode()) == "é"


def test_non_text_passes_through():
    assert visible(None) is None and visible(3) == 3 and line(2.5) == 2.5


def test_cleaned_walks_keys_and_values():
    data = {"student": "a\x1b", "notes": [{"values": {"file\ud800": "x\ud800"}}], "score": 3}
    assert cleaned(data) == {"student": "a\\x1b",
                             "notes": [{"values": {"file\\ud800": "x\\ud800"}}], "score": 3}


@pytest.mark.parametrize("value, cell", [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("\t=1", "\\t=1"), ("\r=1", "\\r=1"),        # escaped first: no longer a TAB or CR
    ("alice", "alice"), ("a=b", "a=b"), ("", ""), (None, ""),
    (3, 3), (0, 0), (-2, -2), (1.5, 1.5),      # numbers stay numbers
])
def test_csv_cells(value, cell):
    assert csv_cell(value) == cell


def test_markup_in_a_rich_text_shows_literally():
    """The views print student text as rich Text: markup is not interpreted."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, color_system=None, force_terminal=False)
    console.print(Text(line("[bold red]All tests passed[/]\x1b[2J")))
    assert buffer.getvalue() == "[bold red]All tests passed[/]\\x1b[2J\n"
