"""The functions an exercise template declares, read from its syntax tree (never imported):
their signatures for `nncli exercise` and parameter names for the grader's messages."""

import ast
from functools import lru_cache


class Signature:
    """name: "conv2d"; text: "conv2d(x, w, b=None, stride=1, padding=0)"; parameters: names
    in order; summary: the first line of the docstring ("" when there is none)."""

    __slots__ = ("name", "text", "parameters", "summary")

    def __init__(self, name, text, parameters, summary):
        self.name, self.text, self.parameters, self.summary = name, text, parameters, summary


@lru_cache(maxsize=None)
def _read(path: str) -> dict:
    with open(path, encoding="utf-8") as stream:
        return source_signatures(stream.read(), path)


def source_signatures(source: str, filename: str = "<template>") -> dict:
    """{function name: Signature} for the top-level functions of Python `source`."""
    tree = ast.parse(source, filename=filename)
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            arguments = node.args
            names = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
            docstring = ast.get_docstring(node) or ""
            summary = docstring.strip().splitlines()[0] if docstring.strip() else ""
            found[node.name] = Signature(node.name, f"{node.name}({ast.unparse(arguments)})",
                                         tuple(names), summary)
    return found


def signatures(path) -> dict:
    """{function name: Signature} for the top-level functions of the file at `path`."""
    return _read(str(path))
