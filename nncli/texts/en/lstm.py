"""English texts of the `lstm` topic."""

TEXTS = {
    "summary": "",
}
