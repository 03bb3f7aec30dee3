"""English texts of the `activation` topic."""

TEXTS = {
    "summary": "",
}
