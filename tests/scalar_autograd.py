"""A scalar reverse-mode autograd (as micrograd), the independent reference for gradients.

Each Value records its parents and the local derivative to each; backward() applies the
chain rule in reverse topological order, accumulating with +=, which is what PyTorch's
autograd does. NumPy object arrays of Values work with @ and + (numpy calls the methods),
so a forward pass written with arrays of Values gives every gradient of it.
"""

import math

import numpy as np


class Value:
    __slots__ = ("data", "grad", "_parents")

    def __init__(self, data, parents=()):
        self.data = float(data)
        self.grad = 0.0
        self._parents = parents  # ((parent, local derivative), ...)

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, ((self, 1.0), (other, 1.0)))

    __radd__ = __add__

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, ((self, other.data), (other, self.data)))

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __truediv__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return self * other.reciprocal()

    def reciprocal(self):
        return Value(1.0 / self.data, ((self, -1.0 / self.data ** 2),))

    def exp(self):
        e = math.exp(self.data)
        return Value(e, ((self, e),))

    def log(self):
        return Value(math.log(self.data), ((self, 1.0 / self.data),))

    def relu(self):
        return Value(max(self.data, 0.0), ((self, 1.0 if self.data > 0 else 0.0),))

    def backward(self):
        order, seen = [], set()

        def visit(v):
            if id(v) not in seen:
                seen.add(id(v))
                for parent, _ in v._parents:
                    visit(parent)
                order.append(v)

        visit(self)
        self.grad = 1.0
        for v in reversed(order):
            for parent, local in v._parents:
                parent.grad += local * v.grad


def values(a):
    """A float array -> an object array of leaf Values of the same shape."""
    a = np.asarray(a, dtype=np.float64)
    return np.array([Value(x) for x in a.ravel()], dtype=object).reshape(a.shape)


def grads(v):
    """An object array of Values -> the float array of their .grad."""
    return np.array([x.grad for x in v.ravel()], dtype=np.float64).reshape(v.shape)


def data(v):
    return np.array([x.data for x in v.ravel()], dtype=np.float64).reshape(v.shape)


def softmax_rows(z):
    """Softmax of each row of an (N, C) object array, written plainly: e^z / Σ e^z."""
    out = np.empty(z.shape, dtype=object)
    for n in range(z.shape[0]):
        e = [x.exp() for x in z[n]]
        total = sum(e[1:], e[0])
        for c in range(z.shape[1]):
            out[n, c] = e[c] / total
    return out


def cross_entropy(z, y):
    """Mean over rows of −log softmax(z)[n, y[n]], for an (N, C) object array."""
    p = softmax_rows(z)
    terms = [-(p[n, y[n]].log()) for n in range(z.shape[0])]
    return sum(terms[1:], terms[0]) / len(terms)
