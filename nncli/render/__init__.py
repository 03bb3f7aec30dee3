"""Views over a Trace: the terminal (rich), JSON, and exported files."""
