"""Show a trace: JSON on stdout, or the terminal view (paused with --step, paged when it
is longer than the terminal), and --export."""

import io
import sys

import click

from nncli.console import stderr_console, stdout_console


def show(trace, ctx, as_json=False, export_path=None, step_mode=False, pager=True) -> None:
    """Print `trace` as asked; save exactly what is shown when `export_path` is given.

    pager: page a long terminal view (see nncli/render/pager.py); never with --json or
    --step, and never when stdout is not a terminal.
    """
    if as_json:
        from nncli.render.json_view import dumps

        sys.stdout.write(dumps(trace) + "\n")
        if export_path:
            from rich.console import Console

            recorder = Console(file=io.StringIO(), record=True, width=100, highlight=False, emoji=False)
            _print_steps(trace, ctx, recorder, pause=None)
            _save(recorder, export_path, trace, ctx)
        return

    console = stdout_console(record=bool(export_path))
    pause = None
    if step_mode:
        if console.is_terminal and sys.stdin.isatty():
            pause = _pause
        else:
            click.echo(ctx.cli_texts("step.ignored"), err=True)
    from nncli.render.pager import pager_command

    command = pager_command() if pager and not step_mode else None
    if command:
        from nncli.render.pager import page

        console = _paging_console(console, record=bool(export_path))
        _print_steps(trace, ctx, console, None)
        page(console.file.getvalue(), command, console.height)
    else:
        _print_steps(trace, ctx, console, pause)
    if export_path:
        _save(console, export_path, trace, ctx)


def _paging_console(terminal, record: bool):
    """A console that renders as `terminal` would (width, colours) into a string."""
    from rich.console import Console

    return Console(file=io.StringIO(), record=record, force_terminal=True,
                   color_system=terminal.color_system, width=terminal.width,
                   height=terminal.height, no_color=terminal.no_color, highlight=False,
                   emoji=False, soft_wrap=False)


def _print_steps(trace, ctx, console, pause) -> None:
    from nncli.render.terminal import step_renderables

    if trace.title:
        console.print(trace.title, style="bold", markup=False)
    total = sum(1 for s in trace.steps if not s.skipped)
    number = 0
    for index, step in enumerate(trace.steps):
        if not step.skipped:
            number += 1
        for renderable in step_renderables(step, number, total, ctx):
            console.print(renderable)
        console.print()
        if pause and index < len(trace.steps) - 1 and not pause(ctx):
            break


def _pause(ctx) -> bool:
    """Wait for Enter (go on) or q (stop). True means go on."""
    err = stderr_console()
    err.print(ctx.cli_texts("step.prompt"), style="dim", end="")
    key = click.getchar()
    err.print()
    return key not in ("q", "Q", "\x1b", "\x03")


def _save(console, path: str, trace, ctx) -> None:
    from nncli.errors import UsageProblem

    lower = path.lower()
    try:
        if lower.endswith(".svg"):
            console.save_svg(path, title=f"nncli explain {trace.topic}")
        elif lower.endswith(".html"):
            console.save_html(path)
        else:
            console.save_text(path)
    except OSError as error:  # the disk filled up, or the folder went away meanwhile
        detail = error.strerror or " ".join(str(error).split())
        raise UsageProblem.of("export.failed", path=path, error=detail) from None
    click.echo(ctx.cli_texts("export.saved", path=path), err=True)
