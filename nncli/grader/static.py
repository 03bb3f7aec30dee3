"""Reading a learner's file without running it (its syntax tree only).

    analysis = analyse(path, forbidden_modules=("torch", "scipy", ...),
                       forbidden_calls={"conv1d": ("np.convolve", "numpy.convolve")})

Analysis fields:
    syntax_error: Problem | None. kind "syntax_error"; line (1-based, or None); detail is
        Python's own message ("invalid syntax", "expected ':'"). When set, nothing else is read.
    forbidden: list[Problem], in line order:
        kind "forbidden_import": name is the module as written ("scipy.signal"), detail its
            forbidden top-level name ("scipy"), function None (it counts against the whole
            file). Found in `import x`, `from x import y`, `__import__("x")`,
            `importlib.import_module("x")` with a literal name, and import statements inside
            a literal string given to exec/eval/compile. Anywhere in the file, even under
            `if __name__ == "__main__":`.
        kind "forbidden_call": name is the forbidden entry that matched, as the catalogue
            spells it ("np.convolve"); function the exercise function it counts against;
            via the module-level name where it appears when that is not the function itself
            (a helper the function uses, or `conv = np.convolve` at the top). Any reference
            counts, called or not: `np.convolve(...)`, `f = np.convolve`, `from numpy import
            convolve`, `import numpy as xp; xp.convolve`, `getattr(np, "convolve")`,
            `from numpy import *; convolve(...)`. Helpers are followed through module-level
            names the function uses (its own local names are not followed); code under
            `if __name__ == "__main__":` is ignored for calls.
    defined: set[str], names bound at module level (def, class, assignment, import).
    functions: set[str], names bound by a module-level `def`.
    stubs: set[str], module-level functions (the last definition of each name) whose body
        still raises NotImplementedError at its top level: the learner has not started them.

Problem(kind, line, name=None, function=None, via=None, detail=None); a frozen dataclass.
Wording for the learner belongs to the caller's texts, from these fields.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field

from nncli.grader.sandbox.wire import MAX_SOURCE as MAX_BYTES

_IMPORTERS = {"__import__", "builtins.__import__", "importlib.import_module",
              "importlib.__import__"}
_EXECUTORS = {"exec", "eval", "compile", "builtins.exec", "builtins.eval", "builtins.compile"}
_CONVENTIONS = {"np": "numpy"}


@dataclass(frozen=True)
class Problem:
    kind: str
    line: int | None
    name: str | None = None
    function: str | None = None
    via: str | None = None
    detail: str | None = None


@dataclass
class Analysis:
    syntax_error: Problem | None = None
    forbidden: list = field(default_factory=list)
    defined: set = field(default_factory=set)
    functions: set = field(default_factory=set)
    stubs: set = field(default_factory=set)


_analysed = {}  # (source digest, rules) -> Analysis: a class hands in many identical files
_MAX_KEPT = 1024


def analyse(path, forbidden_modules=(), forbidden_calls=None, source=None) -> Analysis:
    """Analysis of the learner's file at `path` (or of `source`, bytes or str, if given).
    forbidden_calls: {function name: dotted names it may not use}. The same source under the
    same rules gives the same (shared, not to be changed) Analysis."""
    try:
        if source is None:
            if os.path.getsize(path) > MAX_BYTES:
                return Analysis(Problem("syntax_error", None,
                                        detail=f"the file is larger than {MAX_BYTES >> 20} MB"))
            with open(path, "rb") as f:
                source = f.read()
    except OSError as exc:
        return Analysis(Problem("syntax_error", None, detail=exc.strerror or str(exc)))
    import hashlib

    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    key = (hashlib.sha256(data).digest(), tuple(forbidden_modules),
           tuple(sorted((k, tuple(v)) for k, v in (forbidden_calls or {}).items())))
    if key not in _analysed:
        if len(_analysed) >= _MAX_KEPT:
            _analysed.clear()
        _analysed[key] = _analyse(path, source, forbidden_modules, forbidden_calls)
    return _analysed[key]


def _analyse(path, source, forbidden_modules, forbidden_calls) -> Analysis:
    try:
        tree = ast.parse(source, filename=os.fspath(path))
    except SyntaxError as exc:  # IndentationError and TabError too
        return Analysis(Problem("syntax_error", exc.lineno, detail=exc.msg))
    except (ValueError, RecursionError, MemoryError) as exc:
        return Analysis(Problem("syntax_error", None, detail=str(exc) or type(exc).__name__))
    except OSError as exc:
        return Analysis(Problem("syntax_error", None, detail=exc.strerror or str(exc)))
    analysis = Analysis()
    bindings, main_guarded = _bindings(tree)
    analysis.defined = set(bindings)
    for name, nodes in bindings.items():
        defs = [n for n in nodes if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        if defs:
            analysis.functions.add(name)
            if nodes[-1] is defs[-1] and _is_stub(defs[-1]):
                analysis.stubs.add(name)
    every = list(ast.walk(tree))
    names = _Names(every)
    problems = _forbidden_imports(every, names, _roots(forbidden_modules), depth=0)
    flat = _Flat()
    for function, dotted in (forbidden_calls or {}).items():
        if dotted:
            problems += _forbidden_calls(function, dotted, bindings, names, flat)
    unique = {(p.kind, p.line, p.name, p.function, p.via): p for p in problems}
    analysis.forbidden = sorted(unique.values(), key=lambda p: (p.line or 0, p.kind,
                                                                p.function or "", p.name or ""))
    return analysis


def _roots(modules):
    return {m.partition(".")[0] for m in modules}


# ---- module-level names ---------------------------------------------------------------

def _is_main_guard(node):
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    test = node.test
    sides = [test.left, *test.comparators]
    if len(sides) != 2 or not isinstance(test.ops[0], ast.Eq):
        return False
    words = set()
    for side in sides:
        if isinstance(side, ast.Name):
            words.add(side.id)
        elif isinstance(side, ast.Constant) and isinstance(side.value, str):
            words.add("'" + side.value)
    return words == {"__name__", "'__main__"}


def _bindings(tree):
    """{name: [nodes binding it at module level, in order]}, skipping main-guard blocks."""
    bindings = {}
    guarded = []
    todo = list(tree.body)
    ordered = []
    while todo:
        node = todo.pop(0)
        if _is_main_guard(node):
            guarded.append(node)
            todo = list(node.orelse) + todo
            continue
        ordered.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        inner = []
        for attr in ("body", "orelse", "finalbody"):
            inner += [n for n in getattr(node, attr, []) if isinstance(n, ast.stmt)]
        for handler in getattr(node, "handlers", []):
            inner += handler.body
        for case in getattr(node, "cases", []):
            inner += case.body
        todo = inner + todo
    for node in ordered:
        for name in _bound_names(node):
            bindings.setdefault(name, []).append(node)
    return bindings, guarded


def _bound_names(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [a.asname or a.name.partition(".")[0] for a in node.names if a.name != "*"]
    targets = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    names = []
    for target in targets:
        names += [n.id for n in ast.walk(target)
                  if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)]
    return names


def _is_stub(node):
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    for statement in body:
        if isinstance(statement, ast.Raise) and statement.exc is not None:
            exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
            if isinstance(exc, ast.Name) and exc.id == "NotImplementedError":
                return True
    return False


# ---- what a name stands for --------------------------------------------------------------

class _Names:
    """Import aliases (`import numpy as np` makes np mean numpy; `from numpy import convolve
    as c` makes c mean numpy.convolve), plain aliases anywhere (`c = np.convolve`), and the
    modules star-imported."""

    def __init__(self, nodes):
        self.aliases = {}
        self.stars = []
        assigns = []
        for node in nodes:
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        self.aliases[a.asname] = a.name
                    else:
                        root = a.name.partition(".")[0]
                        self.aliases.setdefault(root, root)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                for a in node.names:
                    if a.name == "*":
                        self.stars.append(node.module)
                    else:
                        self.aliases[a.asname or a.name] = f"{node.module}.{a.name}"
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 \
                    and isinstance(node.targets[0], ast.Name):
                assigns.append((node.targets[0].id, node.value))
        for _ in range(10):  # aliases of aliases
            changed = False
            for name, value in assigns:
                target = self.resolve(value)
                if target and target != name and self.aliases.get(name) != target \
                        and name not in self.aliases:
                    self.aliases[name] = target
                    changed = True
            if not changed:
                break

    def resolve(self, node, local=frozenset(), aliases=True):
        """The dotted name an expression stands for ("numpy.convolve"), or None; with
        aliases=False, as written ("np.convolve")."""
        parts = []
        while True:
            if isinstance(node, ast.Attribute):
                parts.append(node.attr)
                node = node.value
            elif isinstance(node, ast.Call) and _is_getattr(node):
                parts.append(node.args[1].value)
                node = node.args[0]
            elif isinstance(node, ast.Call) and self._imported(node):
                parts.append(self._imported(node))
                break
            elif isinstance(node, ast.Name):
                name = node.id
                keep = name in local or not aliases
                parts.append(name if keep else self.aliases.get(name, name))
                break
            else:
                return None
        return ".".join(reversed(parts))

    def _imported(self, call):
        if not isinstance(call.func, (ast.Name, ast.Attribute)):
            return None
        if self.resolve(call.func) in _IMPORTERS:
            return _literal_module(call)
        return None

    def candidates(self, node, local=frozenset()):
        """Every dotted name the expression may stand for (star imports add guesses)."""
        dotted = self.resolve(node, local)
        if dotted is None:
            return []
        found = [dotted]
        head = dotted.partition(".")[0]
        if head not in self.aliases and head not in local:
            found += [f"{module}.{dotted}" for module in self.stars]
        return found


def _is_getattr(call):
    return (isinstance(call.func, ast.Name) and call.func.id == "getattr"
            and len(call.args) >= 2 and isinstance(call.args[1], ast.Constant)
            and isinstance(call.args[1].value, str))


def _literal_module(call):
    arg = call.args[0] if call.args else None
    for keyword in call.keywords:
        if keyword.arg == "name":
            arg = keyword.value
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None


# ---- forbidden imports ---------------------------------------------------------------------

def _forbidden_imports(nodes, names, roots, depth, line_offset=0):
    problems = []

    def flag(module, node):
        if module and module.partition(".")[0] in roots:
            problems.append(Problem("forbidden_import", node.lineno + line_offset, module,
                                    detail=module.partition(".")[0]))

    for node in nodes:
        if isinstance(node, ast.Import):
            for a in node.names:
                flag(a.name, node)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            flag(node.module, node)
        elif isinstance(node, ast.Call):
            target = names.resolve(node.func) if isinstance(node.func, (ast.Name,
                                                                        ast.Attribute)) else None
            if target in _IMPORTERS:
                flag(_literal_module(node), node)
            elif target in _EXECUTORS and depth < 3 and node.args \
                    and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                try:
                    inner = list(ast.walk(ast.parse(node.args[0].value)))
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    continue
                problems += _forbidden_imports(inner, _Names(inner), roots, depth + 1,
                                               line_offset + node.lineno - 1)
    return problems


# ---- forbidden calls -----------------------------------------------------------------------

def _canonical(dotted):
    head, dot, rest = dotted.partition(".")
    return _CONVENTIONS.get(head, head) + dot + rest


class _Flat:
    """Every node under a module-level node, and a def's local names, each computed once."""

    def __init__(self):
        self._nodes, self._locals = {}, {}

    def nodes(self, node):
        if id(node) not in self._nodes:
            self._nodes[id(node)] = (node, list(ast.walk(node)))
        return self._nodes[id(node)][1]

    def locals(self, node):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return frozenset()
        if id(node) not in self._locals:
            self._locals[id(node)] = (node, _locals(node, self.nodes(node)))
        return self._locals[id(node)][1]


def _locals(function, nodes):
    """Parameters and names assigned anywhere inside a def (its nested defs included)."""
    found = set()
    undeclared = set()
    for node in nodes:
        if isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            found.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node is not function:
            found.add(node.name)
        elif isinstance(node, ast.Global):
            undeclared.update(node.names)
    return frozenset(found - undeclared)


def _forbidden_calls(function, dotted, bindings, names, flat):
    wanted = {entry: entry for entry in dotted}
    for entry in dotted:
        wanted.setdefault(_canonical(entry), entry)
    problems = []
    seen = set()
    todo = [function]
    while todo:
        binding = todo.pop()
        if binding in seen or binding not in bindings:
            continue
        seen.add(binding)
        via = None if binding == function else binding
        for node in bindings[binding]:
            local = flat.locals(node)
            for expr, dotted_name in _references(node, flat.nodes(node), names, local):
                written = names.resolve(expr, local, aliases=False) \
                    if isinstance(expr, (ast.Name, ast.Attribute)) else None
                for candidate in (written, dotted_name, _canonical(dotted_name)):
                    if candidate is None:
                        continue
                    match = _match(candidate, wanted)
                    if match:
                        problems.append(Problem("forbidden_call", expr.lineno, match,
                                                function, via))
                        break
            for sub in flat.nodes(node):
                if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) \
                        and sub.id not in local and sub.id in bindings:
                    todo.append(sub.id)
    return problems


def _match(dotted, wanted):
    for entry, spelled in wanted.items():
        if dotted == entry or dotted.startswith(entry + "."):
            return spelled
    return None


def _references(node, nodes, names, local):
    """(expression, dotted name) for every name, attribute chain, `getattr(x, "literal")` and
    import alias inside a module-level binding."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        for a in node.names:
            if a.name == "*":
                continue
            if isinstance(node, ast.Import):
                yield node, a.name
            elif node.level == 0 and node.module:
                yield node, f"{node.module}.{a.name}"
        return
    for sub in nodes:
        if isinstance(sub, (ast.Name, ast.Attribute)) and not isinstance(sub.ctx, ast.Load):
            continue  # a name being bound is not a use of what it was bound to
        if isinstance(sub, (ast.Name, ast.Attribute)) or \
                (isinstance(sub, ast.Call) and _is_getattr(sub)):
            for candidate in names.candidates(sub, local):
                yield sub, candidate
