"""English texts of the `multihead` topic."""

TEXTS = {
    "summary": "",
}
