"""The check's table drawn without rich's Table: the same lines as rich's Table draws, which
is the independent formulation here, in English and Chinese, and rich's Table when the
terminal is too narrow."""

import io

from rich.console import Console

from nncli.render.grid import grid, rich_table

HEADER = ["exercise", "function", "status", "points"]
JUSTIFY = ["left", "left", "left", "right"]
SECTIONS = [
    [[("activations", "bold"), "relu", ("passed", "green"), "1/1"],
     ["", "softmax", ("failed", "red"), "0/3"]],
    [[("lstm", "bold"), "lstm_forward", ("error", "bold red"), "0/12"]],
]
CHINESE = [[[("注意力", "bold"), "softmax", ("通过", "green"), "3/3"],
            ["", "scaled_dot_product_attention", ("未开始", "yellow"), "0/4"]]]


def _drawn(renderable, width=100, color=False) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None)
    console.print(renderable)
    return out.getvalue()


def test_the_grid_draws_what_rich_draws():
    for header, sections in ((HEADER, SECTIONS), (["练习", "函数", "状态", "得分"], CHINESE)):
        ours = grid(header, sections, JUSTIFY, 100)
        assert ours is not None
        assert _drawn(ours) == _drawn(rich_table(header, sections, JUSTIFY))


def test_the_grid_keeps_each_cell_style():
    coloured = _drawn(grid(HEADER, SECTIONS, JUSTIFY, 100), color=True)
    assert "\x1b[32mpassed" in coloured and "\x1b[31mfailed" in coloured
    assert "\x1b[1mactivations" in coloured


def test_a_table_wider_than_the_terminal_is_left_to_rich():
    natural = len(_drawn(grid(HEADER, SECTIONS, JUSTIFY, 100)).splitlines()[0])
    assert grid(HEADER, SECTIONS, JUSTIFY, natural) is not None
    assert grid(HEADER, SECTIONS, JUSTIFY, natural - 1) is None
    assert grid(HEADER, [[["a\nb", "", "", ""]]], JUSTIFY, 100) is None


def test_check_draws_its_table_on_a_narrow_terminal(run, tmp_path, monkeypatch):
    import shutil

    from nncli.resources import data_dir

    workspace = tmp_path / "ws"
    (workspace / ".nncli").mkdir(parents=True)
    shutil.copy(data_dir("solutions") / "rnn.py", workspace)
    monkeypatch.setenv("COLUMNS", "30")
    result = run("check", "--workspace", str(workspace), "--seed", "1")
    table = [line for line in result.stdout.splitlines() if line[:1] in "┏┃┡│└"]
    assert table and all(len(line) <= 30 for line in table), result.stdout
    assert result.code == 0
