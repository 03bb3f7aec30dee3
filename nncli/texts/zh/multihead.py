"""`multihead`（别名 `mha`）一节的中文文本。键和占位符与英文版相同。"""

TEXTS = {
    "summary": "多头注意力：把 Q、K、V 分给几个头，各自做注意力，拼接起来再乘 W_o。",
    "title": "多头注意力：{tokens} 个词元，每个 {dim} 个数值，{heads} 个头，每头 {dh} 列{causal}",
    "title.causal": "，带因果掩码",
    "heads.invalid": "--heads {heads}：头数必须能整除 d = {dim}；可以用的头数：{valid}。",
    # why
    "why.title": "为什么要多个头",
    "why.text": (
        "一次注意力只算出一个权重矩阵：只有一种看待词元之间关系的角度。可一句话里同时存在好几种"
        "关系：动词属于哪个名词，代词指的是谁，紧挨在前面的是哪个词。多头注意力并排跑 h 个"
        "注意力，每个头用 Q、K、V 中属于自己的那一段，权重也各用各的，于是每个头都能学到一种"
        "不同的关系。"
    ),
    "why.cost": (
        "每个头都窄了 h 倍（d/h 列），所以所有头加起来的计算量和一个全宽的注意力差不多："
        "同样是 d×d 的投影矩阵，再加上 h 个 T×T 的分数矩阵，每个只用 d/h 列而不是 d 列来算。"
        "最初的 Transformer 用了 h = 8 个头，每头 64 列（d = 512）。"
    ),
    "why.not": (
        "有一种说法是：用多个头是为了消除 Q、K、V 随机初始值的影响。其实不是这样："
        "只有一个头时，训练同样能把它从初始值带走。多个头真正带来的，"
        "是并排的好几种注意力分布，每一种都在一个更小的子空间里计算，总代价却和一个头差不多。"
    ),
    # inputs and projections
    "inputs.title": "词元和四个矩阵",
    "inputs.text": "X 每行是一个词元（{tokens} 个词元，d = {dim}）；W_q、W_k、W_v 和 W_o 都是 d×d。",
    "inputs.random": (
        "它们都是随机的小整数（--seed {seed}）；想用自己的数，请用 --input、--wq、--wk、--wv "
        "和 --wo 给出。"
    ),
    "inputs.words": "行标签是 --words 给出的词；它们的向量仍然是随机的替身，不是训练好的词向量。",
    "inputs.convention": "和自注意力一节一样用行向量：Q = X·W_q。PyTorch 存的是转置后的矩阵（见最后一步）。",
    "proj.title": "先整体投影一次，再按列分给各个头",
    "proj.text": (
        "Q = X·W_q、K = X·W_k 和 V = X·W_v 都是 {tokens}×{dim}，和单头的自注意力完全一样。然后"
        "第 k 个头取每个矩阵的第 k·d/h 到 (k+1)·d/h − 1 列：{ranges}。"
    ),
    "proj.range": "头 {k}：第 {a}–{b} 列",
    "proj.range.one": "头 {k}：第 {a} 列",
    "proj.range.sep": "；",
    "proj.labels": "列标签标出了每一列分给哪个头。",
    # mask
    "mask.title": "因果掩码，每个头都一样",
    "mask.text": (
        "加了 --causal 以后，词元 i 只能关注词元 0 … i；在每个头里，后面词元的分数都在 softmax "
        "之前变成 −∞。"
    ),
    "mask.conventions": (
        "在 PyTorch 里写这个掩码时要小心：布尔掩码在两个地方的意思正好相反。在缩放点积注意力 "
        "torch.nn.functional.scaled_dot_product_attention 里，True 表示“能分到注意力”；在多头"
        "注意力模块 nn.MultiheadAttention 的 attn_mask 里，True 表示“分不到注意力”。同一个因果掩码的两种写法"
        "（1 = True）："
    ),
    "mask.allowed": "能分到注意力（scaled_dot_product_attention）",
    "mask.blocked": "分不到注意力（nn.MultiheadAttention）",
    # one head
    "head.title": "头 {k}：第 {a}–{b} 列",
    "head.title.one": "头 {k}：第 {a} 列",
    "head.text": "在这些切片上做自注意力，d_k = d/h = {dh}，所以分数要除以 √{dh}。举一个分数：",
    "head.softmax": (
        "每一行分数经过 softmax（详细步骤见自注意力一节），得到这个头的注意力分布（权重），"
        "Z{k} = weights{k}·V{k}。以第 {i} 行为例："
    ),
    "head.row.scores": "s = {scores}；   max = {m}",
    "head.row.exps": "exp(s − max) = {exps}；   sum = {total}",
    "head.row.weights": "w = exp ÷ sum = {weights}",
    "scores.label": "Q{k}·K{k}ᵀ/√{dh}",
    "scores.label.causal": "Q{k}·K{k}ᵀ/√{dh} + 掩码",
    "more.title": "其余的头",
    # side by side
    "side.title": "各个头的注意力分布并排看",
    "side.text": (
        "词元相同，注意力分布却不同：每个头有自己那一段 W_q 和 W_k，所以给同一对词元打的分也不一样。"
        "每个头的每一行加起来都是 1。"
    ),
    "side.label": "头 {k}",
    "side.more": "另外 {count} 个头的权重在 --json 里（weights，h×T×T）；加上 --all-steps 就会显示在这里。",
    # concat and W_o
    "concat.title": "把各个头拼接起来",
    "concat.text": (
        "各头的输出 Z₀ … Z_(h−1) 都是 {tokens}×{dh}，按它们原来所在的列并排放回去：又得到一个 "
        "{tokens}×{dim} 的矩阵 concat。"
    ),
    "out.title": "把各头混合起来：output = concat·W_o",
    "out.text": (
        "到这一步，每一列装的都只是某一个头找到的东西。W_o（{dim}×{dim}）让每个输出列都能用上"
        "所有头的结果。举一个元素："
    ),
    "out.result": "输出 output 是 {tokens}×{dim}，和 X 形状相同，可以直接交给下一层。",
    # pytorch
    "torch.title": "在 PyTorch 里做同样的事",
    "torch.text": (
        "PyTorch 的多头注意力模块 torch.nn.MultiheadAttention(d, h, bias=False, batch_first=True) "
        "给出的就是这些数，"
        "只要 in_proj_weight = [W_qᵀ; W_kᵀ; W_vᵀ]（三个转置后的矩阵上下叠起来，3d×d），"
        "out_proj.weight = W_oᵀ：PyTorch 沿用列向量的写法 y = W·x。传入 "
        "average_attn_weights=False，拿到的就是每个头各自的权重，而不是它们的平均。"
    ),
    "torch.mask": (
        "用 --causal 时，把上面“分不到注意力”的那个矩阵作为 attn_mask 传进去。is_causal=True 只是一个"
        "提示，告诉 PyTorch 传入的 attn_mask 是因果掩码：掩码本身仍然必须给出。"
    ),
}
