"""`self-attention`（别名 `qkv`）一节的中文文本。键和占位符与英文版相同。"""

TEXTS = {
    "summary": "自注意力：由 X 得到 Q、K、V，打分 QKᵀ/√d_k，按行 softmax，Z = weights·V；可加 --causal。",
    "title": "自注意力：{tokens} 个词元，每个 {dim} 个数，d_k = {dk}{causal}",
    "title.causal": "，带因果掩码",
    # why
    "why.title": "每个词元都看向所有词元",
    "why.text": (
        "编码器–解码器注意力让解码器回过头去看编码器。自注意力把同样的做法用在一个序列内部："
        "每个词元给同一序列里的所有词元（包括它自己）打分，再按权重把它们混合起来。循环结构"
        "没有了，所有位置可以同时并行计算，相隔再远的两个词之间也只隔一步。"
    ),
    "why.roles": (
        "每个词元同时扮演三个角色，各由一个学出来的矩阵产生：查询 q（它在找什么）、键 k"
        "（它拿什么去让别人匹配）和值 v（被选中时它交出什么）。"
    ),
    # inputs
    "inputs.title": "词元 X",
    "inputs.text": (
        "X 每行是一个词元：{tokens} 个词元，每个 {dim} 个数（在 Transformer 里，就是词向量"
        "加上表示它位置的向量）。"
    ),
    "inputs.random": (
        "X 和三个矩阵都是随机的小整数（--seed {seed}）；想用自己的数，请用 --input、--wq、"
        "--wk 和 --wv 给出。"
    ),
    "inputs.words": "行标签是 --words 给出的词；它们的向量仍然是随机的替身，不是训练好的词向量。",
    "inputs.convention": (
        "约定：词元是行，矩阵从右边乘，Q = X·W_q。用列向量的教科书写成 qᵢ = W·xᵢ，其中 "
        "W = W_qᵀ（d_k×d），这也正是 PyTorch 的 nn.Linear 存在 .weight 里的矩阵。数一样，只是转置了。"
    ),
    # projections
    "proj.title": "查询、键和值：Q = X·W_q，K = X·W_k，V = X·W_v",
    "proj.text": "每一行词元都乘以同样的三个矩阵：",
    "proj.shapes": (
        "Q 和 K：({tokens}×{dim})·({dim}×{dk}) = {tokens}×{dk}；   "
        "V：({tokens}×{dim})·({dim}×{dv}) = {tokens}×{dv}"
    ),
    "proj.one": "举一个元素：X 的第 {i} 行乘以 W_q 的第 {k} 列：",
    # one score
    "score.title": "一个分数：“{wi}”有多关注“{wj}”",
    "score.text": (
        "分数 (i, j) 是查询 i 和键 j 的点积，再除以 √d_k。对 d_k 维的随机向量来说，点积的典型"
        "大小随 √d_k 增长；除以它，分数就保持在适中的范围，softmax 不会饱和成只剩一个 1、"
        "梯度几乎为 0 的样子。"
    ),
    "score.all": "每一对都这样算，就得到 T×T 的分数矩阵 S = Q·Kᵀ/√d_k（行：谁在看；列：看向谁）：",
    "score.causal_hint": "加上 --causal，看看解码器怎样把后面的词元遮住。",
    # mask
    "mask.title": "因果掩码：不许偷看后面",
    "mask.label": "S + 掩码",
    "mask.text": (
        "解码器一次写一个词元，生成第 i 个词元时，i 后面的词元还不存在。训练时整句目标是一次"
        "喂进去的；掩码把每个后面的词元都遮住，让训练时看到的和生成时看到的一样。对角线以上"
        "（j > i）的分数变成 −∞，又因为 e^−∞ = 0，它们的权重恰好是 0。"
    ),
    # softmax of one row
    "softmax.title": "第 {i} 行（{word}）的 softmax",
    "softmax.text": "S 的每一行都变成加起来等于 1 的权重：减去这一行的最大值，取指数，求和，再相除。",
    "softmax.masked": "被遮住的元素减去最大值后仍是 −∞，取 exp 后为 0。",
    # all weights
    "weights.title": "注意力权重",
    "weights.text": (
        "每一行都这样算，得到权重矩阵 weights。第 i 行表示词元 i 从每个词元那里取多少；"
        "每一行加起来都是 1（各行之和：{sums}）。"
    ),
    "weights.causal": "对角线以上的权重全是 0：没有哪个词元从它后面的词元那里取走任何东西。",
    # output
    "output.title": "输出：Z = weights·V",
    "output.text": "Z 的第 i 行是各个值行的加权和，z{si} = Σⱼ w{si}ⱼ·vⱼ。以第 {i} 行为例：",
    "output.result": (
        "Z 是 {tokens}×{dv}，和 X 形状相同：仍然是每个词元一行，但每一行都混进了它所关注的"
        "那些词元的值。后面那一层（在 Transformer 里是前馈网络）处理的就是这些带上了上下文的行。"
    ),
    "output.torch": "和 PyTorch 的缩放点积注意力 torch.nn.functional.scaled_dot_product_attention(Q, K, V{causal}) 算出的数完全相同。",
    "output.torch.causal": ", is_causal=True",
}
