"""The one place consoles are made, and what the standard streams may carry.

Rich handles NO_COLOR, FORCE_COLOR, COLUMNS and non-terminal output; we only choose the
stream, at call time (binding sys.stdout at import would break output capture in tests).
A stream whose encoding cannot hold a character nncli prints (a Windows console or pipe in
cp1252 has no "−" or "√") gets the nearest plain character instead ("-", "sqrt"), never an
error: `tolerate_encoding` sets that up once, before any command runs.
"""

import sys

ERROR_HANDLER = "nncli.fallback"

# what to print where the stream's encoding lacks the character (more: "?")
FALLBACK = {
    "\u2212": "-", "\u2013": "-", "\u2014": "-", "\u00d7": "x", "\u00b7": ".", "\u2026": "...",
    "\u221e": "inf", "\u221a": "sqrt", "\u2211": "sum", "\u03a3": "sum", "\u2202": "d",
    "\u2248": "~", "\u2260": "!=", "\u2264": "<=", "\u2265": ">=", "\u2192": "->", "\u2190": "<-",
    "\u2022": "*", "\u2299": "(*)", "\u2297": "(x)", "\u230a": "floor(", "\u230b": ")",
    "\u2208": " in ", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
    "\u2500": "-", "\u2502": "|", "\u2588": "#", "\u25bc": "v", "\u25b6": ">", "\u2591": ".",
}


def _fallback(error: UnicodeEncodeError):
    """codecs error handler: each character the encoding lacks, as FALLBACK says, or its
    compatibility form (superscript ² -> 2), or "?"."""
    import unicodedata

    pieces = []
    for char in error.object[error.start:error.end]:
        text = FALLBACK.get(char)
        if text is None:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
            text = plain or "?"
        pieces.append(text)
    return "".join(pieces), error.end


def tolerate_encoding(*streams) -> None:
    """Let stdout and stderr (or `streams`) print any text: characters their encoding
    lacks become FALLBACK text instead of raising UnicodeEncodeError."""
    import codecs

    try:
        codecs.lookup_error(ERROR_HANDLER)
    except LookupError:
        codecs.register_error(ERROR_HANDLER, _fallback)
    for stream in streams or (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if encoding.startswith("utf") or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(errors=ERROR_HANDLER)
        except (ValueError, OSError):  # a stream that cannot change now: leave it be
            pass


def stdout_is_terminal() -> bool:
    """Whether standard output is an interactive terminal (not a pipe or a file)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def stdout_console(record: bool = False):
    from rich.console import Console

    return Console(file=sys.stdout, record=record, highlight=False, emoji=False, soft_wrap=False)


def stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False, emoji=False)
