"""English texts of the `positional` topic."""

TEXTS = {
    "summary": "",
}
