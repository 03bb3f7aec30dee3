"""`%load_ext nncli`: the cell magic `%%nncli EXERCISE [--workspace DIR] [--seed N]
[--lang L]`. The cell becomes the workspace's exercise file (the previous one is kept in
.nncli/backups/, as `nncli exercise --reset` keeps it), then it is checked by `nncli check`
in a separate process: the kernel never runs the hidden tests. The cell's output is the
check's result (nncli.check)."""

import sys


def load_ipython_extension(ipython):
    ipython.register_magic_function(nncli_cell, magic_kind="cell", magic_name="nncli")


def nncli_cell(line, cell):
    """The %%nncli magic: write the cell, check it, return the CheckResult (None, with the
    problem on stderr, when the line or the workspace is wrong)."""
    from nncli.errors import NncliError

    try:
        return _write_and_check(line, cell)
    except NncliError as error:
        print(error.message, file=sys.stderr)
        return None


def _write_and_check(line, cell):
    import shlex

    from nncli.catalogue import find_exercise
    from nncli.errors import UsageProblem
    from nncli.notebook.api import check
    from nncli.texts import Texts, resolve_lang
    from nncli.workspace import back_up, open_workspace, replace_file

    words = shlex.split(line)
    options = dict(zip(words[1::2], words[2::2]))
    lang = resolve_lang(options.get("--lang"))
    t = Texts("platforms", lang)
    known = {"--workspace", "--seed", "--lang"}
    if not words or len(words) % 2 == 0 or set(options) - known:
        raise UsageProblem(t("magic.usage"))
    exercise = find_exercise(words[0], lang)
    seed = options.get("--seed")
    if seed is not None and not seed.isdigit():
        raise UsageProblem(t("magic.usage"))
    workspace = open_workspace(options.get("--workspace"), create=True, lang=lang)
    target = workspace.exercise_file(exercise.name)
    content = cell.encode("utf-8")
    if target.is_file():
        if target.read_bytes() != content:
            backup = back_up(workspace, target)
            replace_file(target, content)
            print(t("magic.written", path=target, backup=backup))
        else:
            print(t("magic.written_new", path=target))
    else:
        replace_file(target, content)
        print(t("magic.written_new", path=target))
    return check(exercise.name, workspace=workspace.root,
                 seed=int(seed) if seed is not None else None, lang=lang)
