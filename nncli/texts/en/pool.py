"""English texts of the `pool` topic."""

TEXTS = {
    "summary": "",
}
