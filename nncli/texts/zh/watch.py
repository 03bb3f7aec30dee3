"""`nncli watch` 的中文文本：每次保存后重画的界面、按键和出错信息。

状态词、列名和失败说明本身取自批改器的文本（nncli/texts/zh/grader.py），与 `nncli check` 一致。
"""

TEXTS = {
    # usage
    "no_terminal": "'nncli watch' 要在终端里运行（它要重画屏幕、读取按键）；在脚本或管道里请用 'nncli check' 批改。",
    "interval_bad": "--interval 必须是正的秒数，不能是 {value}。",
    "nothing": "{workspace} 里没有还没完成的练习文件；用 'nncli exercise {name}' 开始下一个练习。",
    "all_passed": "{workspace} 里的每个练习都已经通过了，没有需要监视的文件了。",

    # header
    "title": "nncli watch · {name}：{title}",
    "file": "文件：{path} · 随机种子 {seed}",
    "checking": "正在检查 {name}.py……",
    "checking_again": "已保存，正在重新检查……",
    "checked": "第 {count} 次检查，{time}，用时 {seconds} 秒；每次保存都会重新检查。",
    "missing": "{path} 不见了（被删掉了，或者编辑器正在替换它）；等它回来。'nncli exercise {name}' 可以重新写一份模板。",
    "internal": "nncli 没能检查这个文件：{error}。这是 nncli 的问题，请报告给我们。",
    "overdue": "检查用时太长，已经停下",
    "failure.raised": "检查时出现了异常 {error}",
    "failure.stopped": "检查进程以退出状态 {status} 结束，没有给出结果",
    "failure.stopped_saying": "检查进程以退出状态 {status} 结束，没有给出结果；它最后输出的是：{detail}",

    # body
    "score": "得分：{score} / {max_score}。",
    "output_hidden": "你的文件打印了一些内容；用 'nncli check {name} --verbose' 可以看到。",
    "cut": "……下面还有 {count} 行；'nncli check {name}' 会全部显示（或者把窗口拉高一些）。",

    # footer: the next step, the hint, the keys
    "next.write": "下一步：在 {name}.py 里写出 {function}，然后保存；每次保存都会在这里检查。",
    "next.fix": "下一步：在 {name}.py 里改好 {function}，然后保存；检查会自动重新运行。",
    "next.fix_file": "下一步：在 {name}.py 里解决上面的问题，然后保存；检查会自动重新运行。",
    "next.passed": "{name} 通过了。按 n 进入下一个练习：{next}。",
    "next.done": "{name} 通过了，课程里的每个练习也都通过了。干得漂亮！",
    "next.wait": "下一步：再保存一次 {name}.py，就会重新检查。",
    "hint.none": "卡住了？按 h 看一条提示（这个练习共有 {count} 条）。",
    "hint.line": "提示 {number}（共 {count} 条）：{text}",
    "hint.again": "所有提示你都看过了；这里从第一条起再看一遍。",
    "keys": "h：下一条提示 · n：下一个练习 · q：退出",
    "note.switched": "现在改为监视 {name}.py。",
    "note.written": "已按模板写好 {path}：在编辑器里打开它吧。",
    "note.no_other": "其他练习都已经通过了；继续监视 {name}.py。",
    "state_not_saved": "你的进度没能保存到 {path}：{reason}。",

    # after quitting, on the normal screen
    "summary": "nncli watch：{name}：{status}，得分 {score} / {max_score}。",
    "summary_unchecked": "nncli watch：{name} 还没有检查过。",
}
