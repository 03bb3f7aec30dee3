"""`attention` 一节（编码器–解码器注意力）的中文文本，以及自注意力、多头注意力两节共用的
softmax 和“还有几项”的文本。键和占位符与 nncli/texts/en/attention.py 相同。"""

TEXTS = {
    "summary": "编码器–解码器注意力：打分 s·hᵢ，softmax 得到权重 α，上下文 c = Σ αᵢhᵢ。",
    "title": "注意力：一个 {hidden} 维的解码器状态，看向 {tokens} 个编码器状态",
    # why
    "why.title": "一个定长向量装不下整句话",
    "why.text": (
        "最朴素的编码器–解码器（两个循环神经网络首尾相接，早期的机器翻译就是这么做的）先把整句"
        "输入读完，只留下最后一个状态：一个 H 维的向量 c。解码器要凭这一个向量写出全部输出。"
        "5 个词的句子和 50 个词的句子都被压成同样的 H 个数值，句子越长压得越狠，前面的词渐渐被"
        "冲淡，长句翻译得也就越来越差。"
    ),
    "why.fix": (
        "注意力的办法是：编码器的每个状态 h₁ … h_T 都留着。每输出一步，解码器就拿自己当前的"
        "状态 s 和每个 hᵢ 打分，把分数变成加起来等于 1 的权重 α（注意力分布），再取加权和 c = Σ αᵢhᵢ 作为"
        "这一步的上下文。说到底，注意力就是权重：每一步都有自己的上下文，此刻哪个输入位置最要紧，"
        "哪个位置的权重就最大。"
    ),
    # inputs
    "inputs.title": "解码器状态 s 和编码器状态 h",
    "inputs.text": (
        "s 是解码器此刻所处的状态（{hidden} 个数值）。h 的第 i 行 hᵢ 是编码器读完第 i 个输入位置"
        "之后的状态（共 {tokens} 行，每行 {hidden} 个数值）。"
    ),
    "inputs.random": "这些数是随机生成的（--seed {seed}）；想用自己的数，请用 --query 和 --input 给出。",
    "inputs.convention": (
        "约定：所有向量都写成行向量，h 把各个 hᵢ 按行叠起来（T×H），于是所有分数一次算出来就是 "
        "h·s。用列向量的教科书把 hᵢ 放在一个 H×T 矩阵的各列，写成 eᵢ = sᵀhᵢ 或 e = Hᵀs：数完全一样。"
    ),
    # scores
    "scores.title": "打分：每个 hᵢ 和 s 有多匹配",
    "scores.text": (
        "eᵢ = s·hᵢ，也就是点积：两个向量对应元素相乘，再全部加起来。hᵢ 和 s 的方向越一致，"
        "分数就越高。"
    ),
    "scores.other": (
        "点积是最简单的打分方式（Luong 注意力）。Bahdanau 最早提出的注意力用一个小网络来打分："
        "vᵀ·tanh(W·s + U·hᵢ)；打完分以后的步骤完全相同。"
    ),
    # softmax
    "softmax.title": "Softmax：把分数变成注意力分布 α",
    "softmax.text": (
        "αᵢ = exp(eᵢ) / Σⱼ exp(eⱼ)。每个权重都是正数，而且加起来等于 1。先减去最大的分数："
        "权重不会因此改变（因子 e^−max 在分子分母中约掉了），但不管分数多大，exp 都不会溢出。"
    ),
    "softmax.bars": "注意力分布 α：分给每个 hᵢ 的注意力",
    "softmax.check": "α 加起来等于 {total}。",
    # context
    "context.title": "上下文：c = Σ αᵢhᵢ",
    "context.text": "每个 hᵢ 乘上自己的权重，再相加；c 的元素一个一个地算：",
    "rounding": (
        "显示的数都四舍五入到 {precision} 位小数（--precision）；求和用的都是没有舍入的值，"
        "所以自己动手重算时，最后一位可能略有出入。"
    ),
    "context.result": (
        "c 和每个 hᵢ 一样有 {hidden} 个数值，但它的大部分来自权重最大的那些状态：这里是 h{top}，"
        "α = {alpha}。"
    ),
    # each step
    "each.title": "每一步输出都有自己的上下文",
    "each.text": (
        "到了下一步输出，解码器有了新的状态 s，于是分数、权重和上下文都要重新计算：每个输出词"
        "都有自己的 c。把所有输出步的注意力分布 α 按行叠起来，就是一次翻译的注意力矩阵，它的第 t 行告诉你，"
        "第 t 个输出词看的是哪些输入词。"
    ),
    "each.seq2seq": (
        "nncli explain attention --outputs 4 会展示这一点：先是普通的编码器–解码器，"
        "每一步拿到的都是同一个 c；然后是注意力给每一步算出的各自的 c，以及完整的注意力分布矩阵。"
    ),
    # seq2seq over several decoder steps (--outputs)
    "fixed.title": "没有注意力时：每一步都是同一个 c",
    "fixed.text": (
        "先看普通的编码器–解码器（seq2seq）。编码器的最后一个状态 {last} 就是唯一的上下文向量 c，"
        "下面 {m} 个解码步每一步拿到的都是这同一个 c，不管它接下来要写什么："
    ),
    "fixed.eq": "{chain} = {last} = {c}",
    "fixed.states": "解码器状态 s，每步一行",
    "fixed.contexts": "每一步的上下文 c（全都一样）",
    "fixed.after": (
        "解码器从输入中需要的一切，都得挤进这几个数值里。"
        "注意力把唯一的 c 换成每一步各自的 cₜ，下面先以 s₀ 为例完整地算一遍。"
    ),
    "every.title": "解码器全部 {m} 步的注意力",
    "every.text": (
        "对每个解码器状态 sₜ 都做同样的三步（打分、softmax、加权求和）。"
        "下面矩阵的第 t 行，就是第 t 个解码步在编码器各状态上的注意力分布 αₜ；每一行加起来都是 1："
    ),
    "every.matrix": "注意力分布 α，解码器每步一行",
    "every.row": "第 {k} 步：最大的权重 {alpha} 落在 {top} 上；   {ck} = {c}",
    "every.contexts": "cₜ，解码器每步一行",
    "every.after": (
        "和上面固定的 c 不同，每一步都有自己的上下文，偏向和它自己的状态最匹配的编码器状态。"
        "在翻译中，这个矩阵显示每个输出词看的是哪些输入词。"
    ),
    "each.learn": (
        "α 本身不是参数：每来一个输入，它都由 s 和 h 重新算出来。训练调整的是产生 s 和 h 的网络"
        "（Bahdanau 的形式里还有打分网络），让该关注的位置最后拿到大的权重。"
    ),
    # shared with self_attention and multihead
    "softmax.max": "最大值 max = {m}",
    "softmax.sum": "总和 sum = {terms} = {total}",
    "softmax.col.token": "",
    "softmax.col.score": "{e}",
    "softmax.col.shift": "{e} − max",
    "softmax.col.exp": "exp({e} − max)",
    "softmax.col.weight": "{a} = exp ÷ sum",
    "more.terms": "…（还有 {count} 项）",
}
