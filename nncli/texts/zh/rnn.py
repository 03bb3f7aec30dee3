"""`rnn` 主题的中文文本。"""

TEXTS = {
    "summary": "把循环神经网络沿时间展开，看它的梯度为什么隔得越远越弱。",
    "title": "循环神经网络：{t} 个时间步，{d} 个输入特征，{h} 个隐藏单元",
    "first.cols": "{label}，{n} 列中的前 {k} 列",
    # setup
    "setup.title": "网络、它的权重和输入序列",
    "setup.text": (
        "循环神经网络一次读序列中的一个元素。它的隐藏层保存着一个状态 S，也就是对读过内容的记忆。"
        "在每个时间步 t，新的状态把新的输入 x_t 和上一个状态 {prev} 混合起来，"
        "再用 tanh 把和压进 (−1, 1)："
    ),
    "setup.rows": (
        "nncli 把向量写成行，乘在矩阵的左边：x_t 有 {d} 个元素，W_in 是 {d}×{h}，W_s 是 {h}×{h}，"
        "b 和每个状态 S_t 都有 {h} 个元素。第一步之前的状态 S_−1 就是 s0"
        "（这里是全 0，和 PyTorch 的默认做法一样）。"
    ),
    "setup.x": "x，每个时间步一行",
    "setup.s0": "s0 = S_−1",
    "setup.columns": (
        "教科书常把向量写成列：S_t = tanh(W_in·x_t + W_s·{prev} + b)，这时它们的 W_in 是 "
        "{h}×{d}，是我们这里的转置，它们的 W_s 也是我们的 W_s 的转置。算出来的数字完全一样。"
        "torch.nn.RNN 存的是列的形式：W_in = weight_ih_l0.T，W_s = weight_hh_l0.T，"
        "b = bias_ih_l0 + bias_hh_l0。"
    ),
    # unrolling
    "unroll.title": "沿时间展开",
    "unroll.text": (
        "沿着时间画出来，网络看起来像一条很深的链，每一步一层；但实际上它是同一层被反复使用："
        "每个状态都通过 W_s 传给下一步。"
    ),
    "unroll.shared": (
        "每一步用的都是同一组 W_in、W_s 和 b（权重共享）。所以不管序列多长，"
        "对 {d} 个输入特征和 {h} 个隐藏单元，网络只有这么多参数："
    ),
    "unroll.separate": (
        "如果一条 {t} 层的链每一步都用各自的权重，就需要 {t} × {each} = {total} 个参数，"
        "而且读不了比建造时更长的序列。"
    ),
    # one time step
    "step.title": "时间步 t = {t}",
    "step.text": "输入 x_{t} = {x} 进来了；此时的记忆是 {prev} = {s}。",
    "step.entry": (
        "预激活值 a 的第 j 个元素 =（x_t 乘以 W_in 的第 j 列）+（{prev} 乘以 W_s 的第 j 列）+ b[j]："
        "输入说的，加上记忆说的，再加上偏置。然后用 tanh 压缩："
    ),
    "step.more_units": "这里写出了 {h} 个元素中的前 {shown} 个；其余的按同样方法计算。",
    "more.title": "其余的时间步",
    "states.title": "全部状态",
    "states.text": (
        "每个时间步一个状态，每个状态 {h} 个数值，一共 {t} 个。"
        "通过状态之间的链条，每个状态都依赖于它之前的全部输入。"
    ),
    "states.label": "状态 S（每步一行）",
    # backward
    "jac.title": "反向经过一步",
    "jac.text": (
        "训练时，误差沿着同一条链往回传（随时间反向传播）。从 {last} 往回走一步到 {prev}，"
        "梯度要乘上下面这个雅可比矩阵：每一行是 tanh 的导数 1 − S²，乘以 W_s 的转置。"
    ),
    "jac.entry": (
        "第 j 行第 k 列是 ∂S[j]/∂S_prev[k] = (1 − S[j]²)·W_s[k, j]；例如第 {j} 行第 {k} 列是 {value}。"
    ),
    "jac.norm": (
        "它的大小，即 Frobenius 范数（所有元素平方和的平方根），是 {norm}：也就是下面条形图里 t = {t} 那一条。"
    ),
    "bptt.title": "随时间反向传播：梯度能传多远",
    "bptt.text": (
        "从最后一个状态 {last} 出发的梯度，要到达更早的状态 S_t，中间每经过一步就要乘上一个雅可比矩阵，"
        "全部连乘起来："
    ),
    "bptt.bars": "每个 t 的 ‖∂{last}/∂S_t‖",
    "bptt.last": (
        "最后一条对应的是单位矩阵（状态对自身的导数）：它的范数是 √{h} = {root}。"
    ),
    "bptt.fade": (
        "往回 {back} 步，范数从 {last} 降到了 {first}，只剩 {percent}%："
        "末尾的误差几乎推不动最早那些输入对应的权重。"
    ),
    "bptt.fade_mild": (
        "往回 {back} 步，范数是 {first}，是 {last} 的 {percent}%："
        "在这么短的距离上，梯度还能传过去。"
    ),
    "bptt.grow": (
        "往回 {back} 步，范数从 {last} 增长到 {first}，是原来的 {ratio} 倍："
        "在这组权重下，梯度往回传时不是衰减，而是在增长。"
    ),
    "bptt.bound": (
        "原因：tanh′ = 1 − S² 从不超过 1，而 W_s 能把一个向量拉长的倍数，最多就是它最大的奇异值，这里是 {sigma}。"
        "当它小于 1 时，每往回一步，梯度至少按这个倍数缩小，于是呈几何级数衰减。"
        "远大于 1 时梯度反而可能爆炸，除非状态饱和在 ±1 附近，那里 1 − S² 接近 0。"
    ),
    "bptt.not_drawn": "t = 0 … {last} 的各步没有画出（--all-steps 会画出来）；它们的范数最多是 {most}。",
    "long.title": "同一组权重走 {t} 步",
    "long.text": (
        "让同一个网络读一段更长的序列，共 {t} 步（先是上面的输入，后面是随机输入）："
    ),
    "long.fade": (
        "衰减一目了然：在 t = 0 处范数是 {first}，只有末尾 √H = {root} 的 {percent}%。"
    ),
    "long.kept": (
        "在 t = 0 处范数是 {first}，是末尾 √H = {root} 的 {percent}%："
        "在这组权重下，即使隔这么远，梯度也没有衰减多少。"
    ),
    "long.grow": (
        "范数在往回传的路上不断增长：在 t = 0 处是 {first}，是末尾 √H = {root} 的 {ratio} 倍。"
        "步数再多，这样的增长就会变成梯度爆炸：训练的每一步大得没法用"
        "（常用的补救办法是裁剪梯度的范数）。"
    ),
    "long.ten.fade": (
        "从末尾往回十步（t = {t}），范数是 {value}，只有末尾 √H 的 {percent}%。"
        "网络本该从那么远的地方学到的东西，传到权重上时只剩这么一点点；"
        "这就是为什么普通的 RNN 很难处理超过十步左右的依赖。"
    ),
    "long.ten.kept": (
        "从末尾往回十步（t = {t}），范数是 {value}，是末尾 √H 的 {percent}%："
        "在这里梯度还能传到这么远。循环权重小一些（更小的 --scale），它就衰减得更快；"
        "许多个雅可比矩阵连乘起来，结果很少能一直保持在 1 附近。"
    ),
    "long.ten.grow": (
        "从末尾往回十步（t = {t}），范数是 {value}，是末尾 √H 的 {ratio} 倍："
        "梯度不是衰减，而是增长了。许多个雅可比矩阵连乘起来，结果很少能一直保持在 1 附近："
        "要么按几何级数缩小，要么按几何级数增大，两种情况都让长距离依赖难以学到。"
    ),
    "long.lstm": (
        "长短期记忆网络 LSTM（nncli explain lstm）增加了第二份记忆，即细胞状态，"
        "它向前传递内容时乘的是一个门，而不是 W_s 和 tanh′，所以它的梯度能多撑很多步。"
    ),
    # input/output patterns
    "pattern.title": "输入和输出：这条链的四种用法",
    "pattern.text": (
        "因为这条链在任何一步都可以读入和输出，同一种结构就能胜任许多任务。"
        "变的只是输入从哪里进、输出从哪里取："
    ),
    "pattern.col.name": "模式",
    "pattern.col.shape": "输入 → 输出",
    "pattern.col.example": "例子",
    "pattern.one_many": "一对多",
    "pattern.one_many.shape": "1 → 序列",
    "pattern.one_many.example": "给图片配文字；根据一张图片生成音乐",
    "pattern.many_one": "多对一",
    "pattern.many_one.shape": "序列 → 1",
    "pattern.many_one.example": "判断一条评论的情感是正面还是负面",
    "pattern.n_n": "多对多（等长）",
    "pattern.n_n.shape": "n → n",
    "pattern.n_n.example": "给每个词加标注；生成文章、诗歌、代码",
    "pattern.n_m": "多对多（不等长）",
    "pattern.n_m.shape": "n → m",
    "pattern.n_m.example": "机器翻译、文本摘要（编码器–解码器，seq2seq）",
    "pattern.this": (
        "上面的计算是等长的多对多：每个输入对应一个状态。编码器–解码器用两个 RNN："
        "编码器把整个输入读进它最后的状态，也就是一个上下文向量；解码器再从这个向量出发，"
        "每一步写出一个元素，输出要多长就写多长。"
    ),
    "pattern.flag": "加上 --shapes，会用数字把这四种用法以及自环的变体各算一遍。",
    "pattern.below": "下一步用数字把这四种用法各算一遍。",
    "shapes.title": "四种用法，用数字算一遍",
    "shapes.text": "同一条链、同一组权重，用前 {n} 个输入。输出层 W_out 从一个状态读出一个数值 y_t：",
    "shapes.col.in": "读入",
    "shapes.col.out": "输出 y",
    "shapes.col.step": "时间步",
    "shapes.in.one": "x_0 = {x}，之后全是 0",
    "shapes.in.all": "x_0 … x_(n−1)，n = {n}",
    "shapes.read": (
        "一对多只送进一个输入，每一步都读出一个输出；多对一在最后一个输入之后才读；"
        "等长的多对多每读一个输入就输出一个。不等长的多对多把最后的状态交给第二条链"
        "（解码器，有自己的权重），它从这个状态出发，把每个输出当作下一步的输入，"
        "这里由 n = {n} 个输入写出 m = {m} 个输出。"
    ),
    "loop.title": "用自环代替完整的 W_s",
    "loop.text": (
        "有些图里，{h} 个隐藏单元每个只有一条连回自己的环：这时 W_s 是对角矩阵，w = diag(W_s)，"
        "单元 j 只记得自己的过去：在上一个状态中，S_t[j] 只读 S_(t−1)[j]。完整的 W_s 让每个单元都能读到所有单元的过去。"
    ),
    "loop.col.full": "S_t，完整的 W_s",
    "loop.col.loop": "S_t，对角的 W_s",
    "loop.compare": (
        "自环只有 {h} 个循环权重，而不是 {h}×{h} = {full} 个；在这些输入上，"
        "它的状态和完整版的状态最多相差 {diff}。"
    ),
}
