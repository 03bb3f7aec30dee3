"""English texts of the `neuron` topic."""

TEXTS = {
    "summary": "",
}
