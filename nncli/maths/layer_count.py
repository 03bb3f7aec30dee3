"""Counting a network's parameters and multiply-adds layer by layer.

A network is a list of layers; each layer knows its learned numbers. Convolutions are
square, as in every network counted here. Counts follow PyTorch's `parameters()`: a batch
norm has a scale and a shift per channel (its running mean and variance are buffers, not
parameters); pooling, ReLU and dropout have none.
"""


class Conv:
    """A k×k convolution from c_in to c_out channels: c_out·c_in·k·k weights (+ c_out biases)."""

    __slots__ = ("name", "c_in", "c_out", "k", "bias")

    def __init__(self, name, c_in, c_out, k, bias=True):
        self.name, self.c_in, self.c_out, self.k, self.bias = name, c_in, c_out, k, bias

    @property
    def weights(self) -> int:
        return self.c_out * self.c_in * self.k * self.k

    @property
    def params(self) -> int:
        return self.weights + (self.c_out if self.bias else 0)

    def macs(self, h_out: int, w_out: int) -> int:
        """Multiply-adds for an h_out × w_out output: one per weight per output position."""
        return self.weights * h_out * w_out

    def shape(self) -> str:
        return f"{self.k}×{self.k}, {self.c_in}→{self.c_out}"


class Linear:
    """A fully connected layer: n_in·n_out weights + n_out biases."""

    __slots__ = ("name", "n_in", "n_out")

    def __init__(self, name, n_in, n_out):
        self.name, self.n_in, self.n_out = name, n_in, n_out

    @property
    def params(self) -> int:
        return self.n_in * self.n_out + self.n_out

    def shape(self) -> str:
        return f"{self.n_in}→{self.n_out}"


class BatchNorm:
    """Batch normalisation over c channels: a scale γ and a shift β per channel."""

    __slots__ = ("name", "c")

    def __init__(self, name, c):
        self.name, self.c = name, c

    @property
    def params(self) -> int:
        return 2 * self.c

    def shape(self) -> str:
        return f"{self.c}"


def count(layers) -> int:
    """Learned numbers of a list of layers."""
    return sum(layer.params for layer in layers)


def linear_share(layers) -> float:
    """The fraction of the parameters held by fully connected layers."""
    return sum(l.params for l in layers if isinstance(l, Linear)) / count(layers)
