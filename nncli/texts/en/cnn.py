"""English texts of the `cnn` topic."""

TEXTS = {
    "summary": "",
}
