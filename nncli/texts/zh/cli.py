"""命令行本身的中文文本（欢迎语、主题表、通用提示）。"""

TEXTS = {
    "welcome": (
        "nncli {version}：看神经网络怎样计算，每一个数字都摆在眼前；然后用 NumPy\n"
        "亲手把每一块实现出来，交给它批改。\n"
        "\n"
        "从这里开始：\n"
        "  nncli topics               按学习顺序列出全部主题\n"
        "  nncli explain conv         二维卷积，一格一格地算\n"
        "  nncli explain conv --help  某个讲解的全部选项\n"
        "\n"
        "每个命令都可以加 --help。"
    ),
    "topics.title": "全部主题（按学习顺序）",
    "topics.col.topic": "主题",
    "topics.col.summary": "你会看到什么",
    "topics.col.explain": "讲解",
    "topics.col.exercise": "练习",
    "topics.yes": "有",
    "topics.not_yet": "尚未完成",
    "topics.exercise_sep": "、",
    "topics.none": "—",
    "topics.footer": "运行 'nncli explain TOPIC'，一步一步看它怎样计算。",
    "explain.not_built": "“{topic}”的讲解还没有做好；'nncli topics' 会列出哪些已经可以看。",
    "step.prompt": "回车：下一步 · q：退出",
    "step.ignored": "nncli：提示：--step 需要在终端里运行；下面一次显示全部步骤。",
    "step.counter": "第 {k} 步，共 {n} 步",
    "skipped": "… 另有 {count} 个按同样方法算出，不再逐一展示（加 --all-steps 可全部显示）。",
    "crop.note": "只显示了 {shape} 中的 {rows}×{cols} 部分；--json 会给出全部数值",
    "matrix.many_dims": "{label}：{shape}（--json 会给出全部数值）",
    "seed.unused": "nncli：提示：--seed 在这里不起作用：这个例子里没有随机的数（加 --size N 会随机生成一个）。",
    "export.saved": "nncli：已保存 {path}",
    # nncli --help 和 nncli explain --help
    "help.nncli": "nncli：看神经网络怎样计算，再用 NumPy 亲手实现每一块。",
    "help.explain": (
        "一步一步展示一个主题怎样计算，每个数字都写出来。\n"
        "\n"
        "每个主题都可以加 --json、--export FILE、--step、--all-steps、--seed、--precision 和 --lang；"
        "'nncli explain TOPIC --help' 还会列出它自己的选项。"
    ),
    "command.topics": "按学习顺序列出全部主题。",
    "command.explain": "一步一步展示一个主题怎样计算，每个数字都写出来。",
    "command.exercise": "领取一个要你填写的练习文件，并告诉你任务是什么。",
    "command.check": "用隐藏的测试批改你的练习文件。",
    "command.hint": "显示某个练习的下一条提示。",
    "command.solution": "显示你已经通过的练习的参考答案。",
    "command.progress": "显示每个练习的状态、得分和下一步。",
    "command.watch": "每次保存练习文件都自动检查一遍，下一步随时可见。",
    "command.autograde": "给一份提交评分，写成课程平台读取的结果文件（教师用）。",
    "command.autograder": "生成 Gradescope、PrairieLearn 或 GitHub Classroom 的现成自动评分器。",
}
