"""English texts of the `transformer` topic."""

TEXTS = {
    "summary": "",
}
