"""The learner's workspace: the folder holding their exercise files and nncli's `.nncli/` marker.

Where it is, first match wins:
  1. the --workspace option;
  2. the NNCLI_WORKSPACE environment variable;
  3. the nearest folder, from the current one upwards, that holds a `.nncli/` folder;
  4. ./nncli-workspace (made when a command needs to write, and nncli says where).
`.nncli/` holds state.json (see nncli/state.py) and backups/ (files replaced by --reset).
"""

import os
from pathlib import Path

ENV = "NNCLI_WORKSPACE"
MARKER = ".nncli"
DEFAULT_NAME = "nncli-workspace"


class Workspace:
    """root: the folder; how: "option", "env", "marker" or "default" (which rule found it)."""

    def __init__(self, root, how: str):
        self.root = Path(root)
        self.how = how

    @property
    def marker(self) -> Path:
        return self.root / MARKER

    @property
    def state_path(self) -> Path:
        return self.marker / "state.json"

    @property
    def backups(self) -> Path:
        return self.marker / "backups"

    def exercise_file(self, name: str) -> Path:
        return self.root / f"{name}.py"

    @property
    def exists(self) -> bool:
        return self.root.is_dir()

    def ensure(self) -> bool:
        """Make the folder and its marker if missing; True when the folder itself was made."""
        made = not self.root.exists()
        self.marker.mkdir(parents=True, exist_ok=True)
        return made

    def command(self, arguments: str) -> str:
        """"nncli ARGUMENTS", plus --workspace when nncli would not find this workspace from
        the current folder by itself."""
        import shlex

        try:
            found = locate(None).root.resolve() == self.root.resolve()
        except OSError:
            found = False
        suffix = "" if found else f" --workspace {shlex.quote(str(self.root))}"
        return f"nncli {arguments}{suffix}"

    def __repr__(self):
        return f"Workspace({str(self.root)!r}, how={self.how!r})"


def _nearest_marked(start: Path):
    for folder in (start, *start.parents):
        if (folder / MARKER).is_dir():
            return folder
    return None


def locate(option=None, cwd=None, environ=None) -> Workspace:
    """The workspace the rules above choose; nothing is made on disk."""
    environ = os.environ if environ is None else environ
    cwd = Path.cwd() if cwd is None else Path(cwd)
    if option:
        return Workspace(_absolute(option, cwd), "option")
    if environ.get(ENV):
        return Workspace(_absolute(environ[ENV], cwd), "env")
    marked = _nearest_marked(cwd.resolve())
    if marked is not None:
        return Workspace(marked, "marker")
    return Workspace(cwd / DEFAULT_NAME, "default")


def _absolute(path, cwd: Path) -> Path:
    path = Path(os.path.expanduser(str(path)))
    return path if path.is_absolute() else cwd / path


def open_workspace(option=None, create: bool = False, lang: str = "en") -> Workspace:
    """The workspace for a command. With `create`, make it (and its marker) if missing and
    say where on stderr (in `lang`); a path that is a file is a usage problem."""
    from nncli.errors import UsageProblem
    from nncli.texts import Texts

    t = Texts("grader", lang)
    workspace = locate(option)
    if workspace.root.exists() and not workspace.root.is_dir():
        raise UsageProblem(t("workspace.not_a_folder", path=workspace.root))
    if create:
        try:
            made = workspace.ensure()
        except OSError as error:
            raise UsageProblem(t("workspace.cannot_make", path=workspace.root,
                                 reason=error.strerror or error)) from None
        if made:
            import click

            click.echo(t("workspace.made", path=workspace.root), err=True)
    return workspace


def back_up(workspace, target):
    """Copy `target` into the workspace's .nncli/backups/ (named by the time); the copy's path."""
    import shutil
    import time

    workspace.backups.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = workspace.backups / f"{target.stem}-{stamp}.py"
    counter = 1
    while backup.exists():
        backup = workspace.backups / f"{target.stem}-{stamp}-{counter}.py"
        counter += 1
    shutil.copy2(target, backup)
    return backup


def replace_file(target, content: bytes) -> None:
    """Write `content` to `target` through a temporary file renamed over it."""
    import os
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
