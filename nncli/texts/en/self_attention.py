"""English texts of the `self_attention` topic."""

TEXTS = {
    "summary": "",
}
