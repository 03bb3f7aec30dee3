"""A syntax error on line 4."""

def relu(x)
    return x
