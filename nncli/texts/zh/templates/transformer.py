"""The Chinese docstrings and comments of exercises/transformer.py: `nncli exercise transformer --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "transformer"：Transformer 编码器的各个部件，最后拼成完整的一层。

任务：写出
- positional_encoding(seq_len, d_model)：Transformer 原始论文（Vaswani 等人，2017 年）里的
  正弦位置编码，PE[p, 2i] = sin(p / 10000^(2i/d_model))，PE[p, 2i+1] = cos(同一个角度)：
  正弦和余弦交替排列，第 2i 列和第 2i+1 列共用一个频率；
- layer_norm(x, gamma, beta, eps)：把每个向量（最后一个轴）归一化成均值 0、方差 1，
  再乘以 gamma、加上 beta；用有偏方差（除以 d），eps 放在平方根里面，
  和 torch.nn.LayerNorm 一样；
- feed_forward(x, W1, b1, W2, b2) = relu(x·W1 + b1)·W2 + b2，作用在每一个位置上；
- encoder_layer(x, params, n_heads)：一层后归一化的编码器，和原始论文一样：
      y   = layer_norm(x + MHA(x), gamma1, beta1)
      out = layer_norm(y + FFN(y), gamma2, beta2)
  其中的多头自注意力不带偏置（下面已经完整给出，来自 multihead 练习）；
- next_token_distribution(h, W_vocab, b_vocab)：下一个词元的概率，
  即 softmax(h·W_vocab + b_vocab) 在整个词表上的结果。

命名的维度：N 批量，T 个词元，d 模型宽度，d_ff 前馈网络宽度，V 词表大小。

所有 nncli 练习的约定：数组是 float64；批量维在前；行向量乘在右边（x @ W1）；
绝不原地修改输入。

写完后这样检查：  nncli check transformer
""",
    "softmax": """\
完整给出（来自 activations 练习）：沿 `axis` 的数值稳定 softmax。

输入：
- x：任意形状的数组（可以有 −inf，只要每个切片里有一个有限值）
- axis：沿哪个轴归一化
返回：
- out：与 x 形状相同的 float64 数组，沿 `axis` 加起来等于 1
""",
    "relu": """\
完整给出（来自 activations 练习）：max(0, x)。任意形状 -> 相同形状。
""",
    "scaled_dot_product_attention": """\
完整给出（来自 attention 练习）：softmax(Q Kᵀ / √d) V。

Q：(…, Tq, d)，K：(…, Tk, d)，V：(…, Tk, dv)，mask 为 bool（True = 可以关注）->
(out (…, Tq, dv), weights (…, Tq, Tk))。
""",
    "split_heads": """\
完整给出（来自 multihead 练习）：(N, T, d) -> (N, h, T, d/h)，
第 k 个头取第 k 块 d/h 列。
""",
    "merge_heads": """\
完整给出（来自 multihead 练习）：(N, h, T, d_head) -> (N, T, h·d_head)。
""",
    "multi_head_attention": """\
完整给出（来自 multihead 练习）：不带偏置的多头自注意力。

X：(N, T, d)，Wq, Wk, Wv, Wo：(d, d) -> (out (N, T, d), weights (N, h, T, T))。
""",
    "positional_encoding": """\
正弦位置编码，正弦和余弦交替排列。

PE[p, 2i] = sin(p / 10000^(2i/d_model))，PE[p, 2i+1] = cos(p / 10000^(2i/d_model))。
d_model 为奇数时，最后一列是正弦。

输入：
- seq_len：T，位置 p = 0 … T−1 的个数
- d_model：d，一个编码的宽度
返回：
- pe：(T, d) float64，第 p 行是加到位置 p 上那个词元的编码
""",
    "row_statistics": """\
示例（不计分）：每个词元向量的均值和方差。

沿最后一个轴求统计量，就是把每个词元单独处理：μ 是这一行的均值，σ² 是 (x − μ)² 的均值
（总体方差，ddof=0，和 torch.nn.LayerNorm 一样）。keepdims=True 保留一个长度为 1 的
最后一维，这样 x − μ 会逐行广播。

输入：
- x：(..., d)
返回一个元组 (mean, var)：
- 每个都是 (..., 1) float64
""",
    "layer_norm": """\
沿最后一个轴的层归一化，和 torch.nn.LayerNorm 一样。

out = (x − mean) / √(var + eps) · gamma + beta，其中均值和有偏方差（除以 d）
都是对每个向量单独、沿最后一个轴求的。

输入：
- x：(…, d)，前面可以有任意轴，例如 (N, T, d)
- gamma：(d,) 缩放；beta：(d,) 平移
- eps：在平方根里加到方差上的小数
返回：
- out：(…, d) float64
""",
    "feed_forward": """\
逐位置的前馈网络：relu(x·W1 + b1)·W2 + b2。

输入：
- x：(…, d)，例如 (N, T, d)：每个位置上用的是同样的两层
- W1：(d, d_ff)，b1：(d_ff,) 第一层
- W2：(d_ff, d)，b2：(d,) 第二层
返回：
- out：(…, d) float64
""",
    "encoder_layer": """\
一层后归一化的 Transformer 编码器（和原始论文一样）。

    y = layer_norm(x + multi_head_attention(x), gamma1, beta1)
    out = layer_norm(y + feed_forward(y), gamma2, beta2)

输入：
- x：(N, T, d)
- params：由 float64 数组组成的 dict："Wq"、"Wk"、"Wv"、"Wo" (d, d)；"W1" (d, d_ff)、
  "b1" (d_ff,)、"W2" (d_ff, d)、"b2" (d,)；"gamma1"、"beta1"、"gamma2"、"beta2" (d,)
- n_heads：h，能整除 d
返回：
- out：(N, T, d) float64
""",
    "next_token_distribution": """\
语言模型的输出层：词表上的概率分布。

输入：
- h：(N, d)，N 个位置最后的隐藏向量
- W_vocab：(d, V) 和 b_vocab：(V,)，投影到 V 个词的 logits 的输出层
返回：
- probs：(N, V) float64，沿 V 做的 softmax(h·W_vocab + b_vocab)；每一行加起来等于 1
""",
}

COMMENTS = {}
