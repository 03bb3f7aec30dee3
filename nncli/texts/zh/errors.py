"""错误信息的中文文本：每条一行，指出哪个输入或数值不对，并说明怎样改。"""

HOW = "行与行之间用“;”分开，数与数之间用空格或逗号分开，例如 \"1 2 3; 4 5 6\""

TEXTS = {
    # 每条信息外面的一层
    "prefix": "nncli：错误：{message}",
    "internal": "内部错误：{kind}: {detail}（设置 NNCLI_DEBUG=1 可以看到完整的调用栈）",
    "did_you_mean": "你是不是想输入 \"{match}\"？",

    # 不认识的名字
    "unknown.command": "没有叫 \"{name}\" 的命令。运行 '{path} --help' 查看全部命令。",
    "unknown.command.suggest": (
        "没有叫 \"{name}\" 的命令。你是不是想输入 \"{match}\"？运行 '{path} --help' 查看全部命令。"
    ),
    "unknown.topic": "没有叫 \"{name}\" 的主题。运行 '{path} --help' 查看全部主题。",
    "unknown.topic.suggest": (
        "没有叫 \"{name}\" 的主题。你是不是想输入 \"{match}\"？运行 '{path} --help' 查看全部主题。"
    ),
    "topic.unknown": "没有叫 \"{name}\" 的主题。运行 'nncli topics' 查看全部主题。",
    "topic.unknown.suggest": (
        "没有叫 \"{name}\" 的主题。你是不是想输入 \"{match}\"？运行 'nncli topics' 查看全部主题。"
    ),

    # click 自己报告的用法错误
    "list.separator": "、",
    "click.see_help": "{message}。运行 '{path} --help' 查看用法。",
    "click.no_such_option": "没有 {option} 这个选项。运行 '{path} --help' 查看全部选项。",
    "click.no_such_option.suggest": (
        "没有 {option} 这个选项。你是不是想输入 {match}？运行 '{path} --help' 查看全部选项。"
    ),
    "click.needs_value": "{option} 后面缺了它的值。运行 '{path} --help' 查看它要什么值。",
    "click.takes_no_value": "{option} 是一个开关，不带值；去掉等号和后面的部分即可。运行 '{path} --help' 查看用法。",
    "click.not_integer": "{option} 要的是整数，\"{value}\" 不是整数。运行 '{path} --help' 查看用法。",
    "click.not_number": "{option} 要的是一个数，\"{value}\" 不是数。运行 '{path} --help' 查看用法。",
    "click.out_of_range": "{option} 不能取 {value}：允许的范围是 {range}。运行 '{path} --help' 查看用法。",
    "click.choice": "{option} 不能取 \"{value}\"，只能取 {choices} 中的一个。",
    "click.bad_value": "{option} 不能取 \"{value}\"。运行 '{path} --help' 查看它接受什么值。",
    "click.path_is_dir": "{option}：\"{value}\" 是一个文件夹；请给一个文件名。",
    "click.path_missing": "{option}：\"{value}\" 不存在；请检查路径。",
    "click.bad_value.detail": "{option} 的值不对：{detail}",
    "click.missing": "缺少 {name}。运行 '{path} --help' 查看用法。",
    "click.extra_args": "多出了参数 {args}，不知道它是做什么用的。运行 '{path} --help' 查看用法。",
    "click.usage": "命令行的写法不对。运行 '{path} --help' 查看用法。",

    # 矩阵和文件（nncli/inputs.py）
    "matrix.empty_row": "{option}：第 {row} 行是空的；" + HOW + "。",
    "matrix.not_number": "{option}：\"{token}\"（第 {row} 行第 {col} 个）不是数；" + HOW + "。",
    "matrix.ragged": "{option}：第 {row} 行有 {count} 个数，第 1 行却有 {first} 个；每一行的个数必须相同。",
    "matrix.not_finite": "{option}：每个数都必须是有限的（不能是 inf 或 nan）。",
    "file.missing": (
        "{option}：文件 \"{path}\" 不存在；请给出一个 .npy、.csv 或 .txt 文件的路径，或者直接写出这些数。"
    ),
    "file.empty": "{option}：文件 \"{path}\" 里没有数；请每行写一行数。",
    "file.unreadable": "{option}：读不了 \"{path}\"（{error}）；请检查这个文件能否打开。",
    "file.not_npy": "{option}：\"{path}\" 不是存放数的 .npy 文件；请用 numpy.save 保存，或者改给 .csv、.txt 文件。",
    "file.not_text": "{option}：\"{path}\" 不是文本文件；请每行写一行数（UTF-8 编码）。",
    "file.shape": "{option}：\"{path}\" 里应当是一个非空的向量或矩阵，现在的形状却是 {shape}。",
    "dims.matrix": "{option}：这里要一个矩阵，收到的形状是 {shape}。",
    "dims.row": "{option}：这里要一行数，收到的形状是 {shape}。",
    "dims.row_values": "{option}：这里要一行数值，收到的形状是 {shape}。",
    "dims.row_inputs": "{option}：这里要一行输入，收到的形状是 {shape}。",
    "dims.row_weights": "{option}：这里要一行权重，收到的形状是 {shape}。",
    "dims.states": "{option}：这里要一个矩阵（T×H），收到的形状是 {shape}。",
    "dims.tokens": "{option}：这里要一个矩阵（T×d），收到的形状是 {shape}。",
    "dims.sequence": "{option}：这里要一个 T×D 矩阵，每个时间步一行，收到的形状是 {shape}。",

    # 每个讲解都有的选项
    "export.suffix": "无法导出到 \"{path}\"：文件名必须以 .svg、.html 或 .txt 结尾。",

    # conv、pool、cnn
    "conv.channels_random": (
        "{option} 不能和 --channels 或 --filters 一起用：输入和滤波器都是随机抽取的"
        "（--seed；--size SIZE 给出 C×SIZE×SIZE 的输入）。"
    ),
    "conv.kernel_too_big": (
        "--kernel：{kh}×{kw} 的卷积核放不进 {ph}×{pw} 的补零后的输入；"
        "请换一个小一些的卷积核，或者加大 --padding 多补几圈零。"
    ),
    "pool.window_small": "--window：{window} 太小了；窗口至少要有 1 行 1 列。",
    "pool.window_big": (
        "--window：{window}×{window} 的窗口放不进 {rows}×{cols} 的输入；请用 --window {most} 或更小的值。"
    ),
    "pool.stride_small": "--stride：{stride} 太小了；窗口每次至少要移动 1 格。",
    "cnn.kernel_shape": (
        "--kernel：收到一个 {rows}×{cols} 的卷积核；每个卷积核都必须是方的，而且大小一样"
        "（这里是 {side}×{side}）。"
    ),
    "cnn.stages_small": (
        "--stages {stages}：{rows}×{cols} 的图像还没到最后一个阶段就缩没了；"
        "请至少给 {least}×{least} 的图像，或者减少阶段数。"
    ),
    "cnn.image_small": (
        "--input：{rows}×{cols} 的图像太小，放不下 {side}×{side} 的卷积核再接一个 2×2 的池化；"
        "请至少给 {least}×{least}。"
    ),

    # neuron
    "neuron.weights_count": "--w：{inputs} 个输入却有 {weights} 个权重；每个输入要配一个权重。",
    "neuron.bias_finite": "--b：偏置必须是一个有限的数。",

    # rnn、lstm
    "sequence.steps": (
        "--input：矩阵有 {rows} 行（时间步），--steps 却是 {steps}；去掉 --steps，或者每个时间步给一行。"
    ),
    "sequence.features": (
        "--input：每行有 {cols} 个数，--features 却是 {features}；去掉 --features，或者每行给 {features} 个数。"
    ),
    "sequence.too_long": "--input：{rows} 个时间步太多了；最多给 {most} 行。",
    "sequence.too_wide": "--input：每个时间步 {cols} 个特征太多了；每行最多给 {most} 个数。",

    # attention、self-attention、multihead
    "attention.tokens": "--tokens {tokens}：--input 有 {rows} 行；两个只给一个，或者让它们一致。",
    "attention.hidden": "--hidden {hidden}：--input 每行有 {cols} 个数；两个只给一个，或者让它们一致。",
    "attention.outputs": "--outputs {outputs}：--query 有 {rows} 行（解码器每步一行）；只给其中一个，或者让两者一致。",
    "attention.query": (
        "--query：给了 {count} 个数，可每个编码器状态有 {hidden} 个数；请给 --query {hidden} 个数。"
    ),
    "tokens.no_words": "--words：至少要给一个词，例如 --words \"the cat sat\"。",
    "tokens.words_count": "--tokens {tokens}：--words 给了 {count} 个词；两个只给一个，或者让它们一致。",
    "tokens.input_disagrees": "{option} {value}：--input 是 {rows}×{cols}；去掉 {option}，或者让它们一致。",
    "tokens.words_rows": "--words：{count} 个词，--input 却有 {rows} 行；每行配一个词。",
    "weight.rows": "{option}：收到 {rows}×{cols}，需要 {need} 行，X 的每一列对应一行（d = {need}）。",
    "weight.shape": "{option}：收到 {rows}×{cols}，需要 {need}×{need_cols}（d×d）。",
    "weight.dk": "--wk：有 {wk} 列，--wq 却有 {wq} 列；查询和键的 d_k 必须相同。",

    # transformer
    "transformer.heads": (
        "--dim {dim} 不能被 --heads {heads} 整除；请选一个能整除 {dim} 的头数（例如 --heads 1 或 --heads {dim}）。"
    ),
    "transformer.word_count": "--words：给了 {count} 个词；词表要有 2 到 50 个词，用空格或逗号分开。",
    "transformer.repeated": "--words：\"{word}\" 出现了不止一次；词表里的每个词都必须不同。",

    # train
    "train.too_much": (
        "--epochs {epochs} × （{samples} + {held} 个留出样本）× --hidden {hidden} 共 {work} 次单元更新，"
        "超过了 {most}：训练要在展示任何内容之前跑完，这样要好几分钟；请把其中一个调小。"
    ),

    # decoder、architectures
    "decoder.word_count": "--words：词表要有 2 到 50 个词，用空格或逗号分开（现在是 {count} 个）。",
    "decoder.reserved": "--words：\"{word}\" 表示句子的开头或结尾，词表里已经有了；请去掉它。",
    "architectures.reduce": (
        "--reduce {reduce}：1×1 层是用来减少通道数的，所以要比 --channels {channels} 小。"
    ),

    # gnn
    "edges.none": "--edges：没有给出任何边；请写成成对的节点编号，例如 \"0-1,1-2,2-3\"。",
    "edges.not_edge": "--edges：\"{item}\" 不是一条边；请写成成对的节点编号，例如 \"0-1,1-2,2-3\"。",
    "edges.self_loop": "--edges：\"{item}\" 把节点 {node} 连到了它自己；不用写自环，这一层会自己加上（A + I）。",
    "edges.missing_node": (
        "--edges：在 --nodes {nodes} 下没有节点 {node}（节点编号是 0 … {last}）；请调大 --nodes，或者改正这条边。"
    ),
    "edges.too_many": "--edges：节点 {node} 意味着有 {nodes} 个节点；最多只能讲解 {most} 个。",
    # 尺寸的上限，以及每个上限的理由
    "size.high": "{option} {value} 太大：最多 {most}，{why}。",
    "size.input": "{option}：一条边上有 {value} 个，太多了：最多 {most}，{why}。",
    "size.words": "{option}：{value} 个词太多了：最多 {most}，{why}。",
    "size.low": "{option} {value} 太小：至少 {least}。",
    "why.map": "因为更大的特征图每个格子都要算出并保存下来展示，既慢又没法看完",
    "why.steps": "因为每个时间步都要算出并保存，更长的链不会多展示什么",
    "why.units": "因为每个单元都要写出来，更宽的层在屏幕上没法看",
    "why.tokens": "因为更多词元的 T×T 权重在屏幕上没法看",
    "why.count": "因为每一个都要展示，再多也不会比几个多说明什么",
    "why.stride": "因为能讲解的最大特征图就这么宽，步幅再长也只剩同一个窗口",
    "why.values": "因为每个数值都要算出并保存下来展示",
    "why.rows": "因为每多一个就给每个矩阵多一行，例子再长就放不进一屏了",
    "why.width": "因为更宽的行放不进终端（小一些的例子用 --json 也能拿到全部数值）",
    "why.greedy": "因为每一步贪心解码都要把整个层重新算一遍，并单独展示一步",
    "why.blocks": "因为再深也看不到新东西：梯度都已经列在表里了",
    "why.channels": "因为这些网络里没有哪一层比这更宽",
    "why.size": "因为这些网络里没有哪张特征图比这更大",
    "why.examples": "因为表格只展示前几行，样本再多也只改变平均值",
    "why.epochs": "因为每一轮都要把所有样本前向、反向各算一遍，而这些数据早就学会了",
    "why.samples": "因为每一轮都要把它们全部算一遍，再多只会让训练变慢",
    "why.stages": "因为每个阶段都把特征图减半，三个阶段之后这些图像已经没什么可池化的了",
    "matrix.too_many": "{option}：数值太多；最多给 {most} 个（一个 1024×1024 的特征图），因为每个数值都要保存下来展示。",
    "matrix.empty": "{option}：没有给出任何数；" + HOW + "。",
    "number.not_number": "{option}：“{token}”不是一个数；请写一个数，例如 0.5 或 −1。",
    "file.not_real": "{option}：“{path}”里是 {dtype} 类型的值；请给实数（float 或 int）。",

    # 当前模式用不到的选项，以及重复设置输入的选项
    "option.unused": "{option} 在 {mode} 下不起作用；请去掉它。",
    "option.both": "{first} 和 {second} 都在设置输入；请只给其中一个。",

    # --export 和 --all-steps
    "export.is_dir": "无法导出到 \"{path}\"：这是一个文件夹；请给一个以 .svg、.html 或 .txt 结尾的文件名。",
    "export.no_folder": "无法导出到 \"{path}\"：文件夹 \"{folder}\" 不存在；请先创建它。",
    "export.not_writable": "无法导出到 \"{path}\"：没有写入权限。",
    "export.failed": "无法导出到 \"{path}\"：{error}。",
    "all_steps.too_many_steps": (
        "--all-steps 会多出 {count} 步，没有人读得完（最多 {most} 步）；"
        "要每个数值请用 --json，或者去掉 --all-steps（--export FILE 可以保存所显示的内容）。"
    ),
    "all_steps.too_many_lines": (
        "--all-steps 会输出约 {count} 行，没有人读得完（最多 {most} 行）；"
        "要每个数值请用 --json，或者去掉 --all-steps（--export FILE 可以保存所显示的内容）。"
    ),
}
