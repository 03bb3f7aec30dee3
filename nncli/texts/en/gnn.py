"""English texts of the `gnn` topic."""

TEXTS = {
    "summary": "",
}
