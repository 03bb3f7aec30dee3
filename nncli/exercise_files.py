"""The exercise templates and reference solutions shipped with nncli, file for file, and the
templates in the other languages.

Only the English template is a file (exercises/NAME.py). A template in another language is
made from it when handed out: the same code, with the docstrings and comments of
``nncli/texts/<lang>/templates/NAME.py`` in place of the English ones. That module holds
DOCSTRINGS, {where: text} with where "" for the module's docstring and the function's (or
"Class.method") name for the others, and COMMENTS, {English comment: translation} for each
block of whole-line comments (lines joined with a newline, without their "# ").

The rules (NumPy and the standard library only, and each function's forbidden calls) are
not written in the templates: they are made from the catalogue and put into the module
docstring when the template is handed out, in the learner's language, so they cannot drift.
"""

import ast
import importlib

from nncli.resources import data_dir

ENGLISH = "en"


def template_path(name: str):
    return data_dir("exercises") / f"{name}.py"


def solution_path(name: str):
    return data_dir("solutions") / f"{name}.py"


def has_exercise(name: str) -> bool:
    return template_path(name).is_file()


def template_text(name: str, lang: str = ENGLISH) -> str:
    """The template of exercise `name` in `lang`, as `nncli exercise` hands it out: the English
    file, its docstrings and comments translated when nncli/texts/<lang>/templates/NAME.py
    exists, and the rules of the catalogue (rules_lines) stated in its module docstring."""
    from nncli.catalogue import find_exercise

    text = template_path(name).read_text(encoding="utf-8")
    translation = _translation(name, lang)
    if translation is not None:
        text = translate(text, _lines_of(translation.DOCSTRINGS), _lines_of(translation.COMMENTS))
    return with_rules(text, rules_lines(find_exercise(name), lang))


def _lines_of(texts: dict) -> dict:
    """The texts without the newline that opens and the one that closes each of them (the
    modules write them as triple-quoted strings that start and end at the margin)."""
    return {key.strip("\n"): value.strip("\n") for key, value in texts.items()}


def _translation(name: str, lang: str):
    if lang == ENGLISH:
        return None
    try:
        return importlib.import_module(f"nncli.texts.{lang}.templates.{name}")
    except ModuleNotFoundError:
        return None


def translate(source: str, docstrings: dict, comments: dict) -> str:
    """`source` with every docstring and whole-line comment block replaced by its translation.

    A docstring or comment without a translation raises KeyError (the tests keep them
    complete); translations may not hold a backslash or three double quotes."""
    lines = source.split("\n")
    replacements = []               # (first line, last line, new lines), 0-based, inclusive
    for where, node, indent, _ in docstring_nodes(source):
        text = _checked(docstrings[where], where)
        closing_alone = lines[node.end_lineno - 1].strip() == '"""'   # as the English one
        replacements.append((node.lineno - 1, node.end_lineno - 1,
                             _docstring_lines(text, indent, closing_alone)))
    for first, last, indent, english in comment_blocks(lines):
        text = _checked(comments[english], english)
        replacements.append((first, last, [f"{indent}# {line}".rstrip() for line in text.split("\n")]))
    for first, last, new in sorted(replacements, reverse=True):
        lines[first:last + 1] = new
    return "\n".join(lines)


def docstring_nodes(source: str):
    """(where, the docstring's Expr node, its indentation, its owner) for the module and every
    function and class of `source`, in the file's order."""
    found = []

    def visit(node, where, indent):
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            found.append((where, body[0], indent, node))
        for child in body:
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                inner = " " * child.body[0].col_offset
                visit(child, f"{where}.{child.name}" if where else child.name, inner)

    visit(ast.parse(source), "", "")
    return found


def docstring_texts(source: str) -> dict:
    """{where: docstring, as ast.get_docstring cleans it} of `source`."""
    return {where: ast.get_docstring(owner) for where, _, _, owner in docstring_nodes(source)}


def comment_blocks(lines: list):
    """(first line, last line, indentation, text) of each block of consecutive whole-line
    comments at the same indentation (0-based lines); text is the lines without their "# ",
    joined with a newline."""
    import io
    import tokenize

    rows = {}
    for token in tokenize.generate_tokens(io.StringIO("\n".join(lines)).readline):
        if token.type == tokenize.COMMENT:
            row, column = token.start[0] - 1, token.start[1]
            if not lines[row][:column].strip():
                rows[row] = (lines[row][:column], token.string[1:].removeprefix(" "))
    blocks = []
    for row in sorted(rows):
        indent, text = rows[row]
        if blocks and blocks[-1][1] == row - 1 and blocks[-1][2] == indent:
            first, _, _, texts = blocks[-1]
            blocks[-1] = (first, row, indent, texts + "\n" + text)
        else:
            blocks.append((row, row, indent, text))
    return blocks


def _docstring_lines(text: str, indent: str, closing_alone: bool) -> list:
    parts = text.split("\n")
    lines = [f'{indent}"""{parts[0]}'] + [f"{indent}{p}" if p else "" for p in parts[1:]]
    if closing_alone and len(parts) > 1:
        return lines + [f'{indent}"""']
    return lines[:-1] + [lines[-1] + '"""']


def _checked(text: str, where: str) -> str:
    if "\\" in text or '"""' in text:
        raise ValueError(f"the translation of {where!r} holds a backslash or three quotes")
    return text


# ---------------------------------------------------------------- the rules, from the catalogue

def rules_lines(exercise, lang: str = ENGLISH) -> list:
    """The rules of `exercise` as sentences in `lang`: NumPy and the standard library only
    (naming the refused libraries), then each function's forbidden calls, grouped by the calls
    ("In conv1d, pad2d: np.convolve, np.correlate may not be used.")."""
    from nncli.catalogue import FORBIDDEN_MODULES
    from nncli.texts import Texts

    t = Texts("grader", lang)
    modules = [m for m in FORBIDDEN_MODULES if m not in ("nncli", "solutions")]
    sep = t("exercise.rules_separator")
    lines = [t("exercise.rules", modules=sep.join(modules))]
    groups = {}
    for function in exercise.functions:
        calls = tuple(dict.fromkeys(c.replace("numpy.", "np.", 1) for c in function.forbidden))
        if calls:
            groups.setdefault(calls, []).append(function.name)
    for calls, functions in groups.items():
        lines.append(t("exercise.rules_calls", function=sep.join(functions),
                       calls=sep.join(calls)))
    return lines


def with_rules(source: str, lines: list, width: int = 88) -> str:
    """`source` with `lines` as a paragraph of its module docstring, before the docstring's
    last paragraph (the command that checks the file)."""
    module = ast.parse(source)
    node = module.body[0] if module.body else None
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)):
        return source
    rows = source.split("\n")
    blank = max((i for i in range(node.lineno - 1, node.end_lineno) if not rows[i].strip()),
                default=None)
    if blank is None:
        return source
    paragraph = [row for line in lines for row in wrap(line, width)]
    rows[blank:blank] = [""] + paragraph
    return "\n".join(rows)


def wrap(text: str, width: int) -> list:
    """`text` cut into lines of at most `width` columns (a CJK character takes two), at spaces
    or between CJK characters, never inside a word."""
    import re
    import unicodedata

    def columns(piece):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in piece)

    pieces = []
    for piece in re.findall(r"[\x00-\u2e7f]+?(?= |[^\x00-\u2e7f]|$) ?|[^\x00-\u2e7f]", text):
        if pieces and piece in "）》」』，。；：、！？":   # closing marks stay with what they close
            pieces[-1] += piece
        else:
            pieces.append(piece)
    lines, line = [], ""
    for piece in pieces:
        if line and columns(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines
