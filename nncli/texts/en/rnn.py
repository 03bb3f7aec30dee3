"""English texts of the `rnn` topic."""

TEXTS = {
    "summary": "",
}
