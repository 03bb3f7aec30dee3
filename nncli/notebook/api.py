"""The Python API of nncli for notebooks.

    result = nncli.check("lstm", workspace="~/nn")   # what `nncli check --json` prints
    result.score, result.max_score, result.passed
    nncli.explain("conv", input="1 2; 3 4", kernel="1 0; 0 1", padding=1)

Both show themselves as the terminal's rich view (HTML in Jupyter, text elsewhere) and never
end in SystemExit: a problem raises NncliError. The check runs `nncli check` in a separate
process, so the kernel never runs the hidden tests; an explanation is computed in the kernel
(it only runs nncli's own maths)."""

import os
import subprocess
import sys

from nncli.errors import NncliError

WIDTH = 100   # columns of the rendered views


class CheckResult(dict):
    """The object `nncli check --json` prints ({"version", "seed", "exercises"}), with the
    score added up, shown as check's table."""

    def __init__(self, data, workspace_root, lang):
        super().__init__(data)
        self.workspace_root, self.lang = workspace_root, lang

    @property
    def score(self) -> int:
        return sum(e["score"] for e in self["exercises"])

    @property
    def max_score(self) -> int:
        return sum(e["max_score"] for e in self["exercises"])

    @property
    def passed(self) -> bool:
        return bool(self["exercises"]) and all(e["status"] == "passed" for e in self["exercises"])

    def _render(self, console):
        from nncli.catalogue import EXERCISES
        from nncli.grader import report
        from nncli.grader.results import from_data
        from nncli.state import State
        from nncli.workspace import Workspace

        workspace = Workspace(self.workspace_root, "option")
        report.render(console, from_data(with_points(self)), workspace,
                      State.load(workspace.state_path), EXERCISES, verbose=False, lang=self.lang)

    def _repr_html_(self):
        return _html(self._render)

    def __rich__(self):
        return _ansi(self._render)

    def __repr__(self):
        return _plain(self._render)


def with_points(data) -> dict:
    """`check --json` data with each test's points and max_points (from the catalogue: a
    function earns its points when it passes), as results.from_data reads them."""
    from nncli.catalogue import find_exercise

    exercises = []
    for exercise in data["exercises"]:
        points = {f.name: f.points for f in find_exercise(exercise["name"]).functions}
        tests = [dict(t, max_points=points[t["name"]],
                      points=points[t["name"]] if t["status"] == "passed" else 0)
                 for t in exercise["tests"]]
        exercises.append(dict(exercise, tests=tests))
    return {"seed": data["seed"], "exercises": exercises}


def check(*names, workspace=None, seed=None, timeout=10.0, lang=None) -> CheckResult:
    """Check the exercises `names` (all with a file when none) of the workspace, as
    `nncli check NAMES --json` does, in a separate process."""
    import json

    from nncli.texts import Texts, resolve_lang
    from nncli.workspace import locate

    lang = resolve_lang(lang)
    root = locate(os.path.expanduser(str(workspace)) if workspace else None).root
    arguments = [*names, "--json", "--workspace", str(root), "--timeout", str(timeout),
                 "--lang", lang] + (["--seed", str(seed)] if seed is not None else [])
    done = subprocess.run([sys.executable, "-m", "nncli", "check", *arguments],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, NO_COLOR="1"))
    try:
        data = json.loads(done.stdout) if done.returncode in (0, 1) else None
    except ValueError:
        data = None
    if data is None:
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else \
            f"exit status {done.returncode}"
        raise NncliError(Texts("platforms", lang)("notebook.check_failed", reason=reason),
                         done.returncode or 1)
    return CheckResult(data, root, lang)


class Explanation:
    """A trace as `nncli explain` shows it: .html (rich's export) and .text (plain)."""

    def __init__(self, html, text):
        self.html, self.text = html, text

    def _repr_html_(self):
        return self.html

    def __rich__(self):
        from rich.text import Text

        return Text(self.text)

    def __repr__(self):
        return self.text


def explain(topic, lang=None, seed=0, **options) -> Explanation:
    """`nncli explain TOPIC --OPTION VALUE …`: option names as in the command line with _ for
    - (all_steps=True), values as strings, numbers or arrays ("1 2; 3 4" or [[1, 2], [3, 4]])."""
    import contextlib
    import io
    import tempfile

    import click

    from nncli.explain import group

    arguments = [topic, "--seed", str(seed)] + (["--lang", lang] if lang else [])
    for name, value in options.items():
        if value is None or value is False:
            continue
        arguments.append("--" + name.replace("_", "-"))
        if value is not True:
            arguments.append(_option_text(value))
    with tempfile.TemporaryDirectory(prefix="nncli-explain-") as folder:
        export = os.path.join(folder, "trace.html")
        shown = io.StringIO()
        try:
            with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(io.StringIO()):
                group.main(args=arguments + ["--export", export], prog_name="nncli explain",
                           standalone_mode=False)
        except click.ClickException as error:
            raise NncliError(error.format_message(), 2) from None
        except click.exceptions.Exit:
            pass
        html = open(export, encoding="utf-8").read() if os.path.exists(export) else ""
    return Explanation(html, shown.getvalue())


def _option_text(value) -> str:
    """A command-line value: rows of a 2-D array joined by "; ", numbers by spaces."""
    if isinstance(value, str):
        return value
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], (list, tuple)):
            return "; ".join(" ".join(repr(float(x)) for x in row) for row in value)
        return " ".join(repr(float(x)) for x in value)
    return str(value)


def _console(**kwargs):
    import io

    from rich.console import Console

    return Console(file=io.StringIO(), width=WIDTH, record=True, highlight=False, emoji=False,
                   soft_wrap=False, **kwargs)


def _html(render) -> str:
    console = _console(force_terminal=True, color_system="truecolor")
    render(console)
    return console.export_html(inline_styles=True, code_format="<pre style=\"font-family:"
                               "Menlo,'DejaVu Sans Mono',monospace\">{code}</pre>")


def _ansi(render):
    from rich.text import Text

    console = _console(force_terminal=True, color_system="truecolor")
    render(console)
    return Text.from_ansi(console.file.getvalue())


def _plain(render) -> str:
    console = _console(color_system=None)
    render(console)
    return console.export_text()
