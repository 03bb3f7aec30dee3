"""English texts of the `attention` topic."""

TEXTS = {
    "summary": "",
}
