"""The Chinese docstrings and comments of exercises/attention.py: `nncli exercise attention --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "attention"：先做编码器状态上的注意力，再做缩放点积注意力和自注意力。

任务：写出
- attention_context(s, h)：解码器的状态 s 去看 T 个编码器状态 h_t。每个 h_t 得到一个分数
  e_t = h_t·s；对这 T 个分数做 softmax 得到权重 alpha；上下文就是加权和 Σ_t alpha_t h_t。
- scaled_dot_product_attention(Q, K, V, mask)：对所有查询一次算出 softmax(Q Kᵀ / √d) V，
  可以带一个布尔掩码，True 表示“可以关注”（和
  torch.nn.functional.scaled_dot_product_attention 的含义相同）。被挡住的分数在 softmax
  之前设为 −∞，所以它的权重恰好是 0。掩码的每一行至少有一个 True。
- self_attention(X, Wq, Wk, Wv, mask)：查询、键和值都从同一个序列算出来，
  Q = X·Wq，K = X·Wk，V = X·Wv，然后做缩放点积注意力。

为什么要除以 √d：两个 d 维向量的元素方差都是 1 时，它们点积的方差是 d。除以 √d
让分数保持在 1 左右的大小，这样 d 变大时 softmax 也不会饱和成一个独热向量。

所有 nncli 练习的约定：数组是 float64；批量维在前；行向量乘在右边（X @ Wq）；
绝不原地修改输入。

写完后这样检查：  nncli check attention
""",
    "softmax": """\
完整给出（来自 activations 练习）：沿 `axis` 的数值稳定 softmax。

元素里有 −inf 也能用（它的权重为 0），只要每个切片里至少有一个有限值。

输入：
- x：任意形状的数组
- axis：沿哪个轴归一化
返回：
- out：与 x 形状相同的 float64 数组，沿 `axis` 加起来等于 1
""",
    "causal_mask": """\
示例（不计分）：解码器的掩码，位置 i 只能看到 j ≤ i 的位置。

输入：
- T：序列长度
返回：
- mask：(T, T) bool，对角线及其下方为 True（True = 可以关注）
""",
    "attention_context": """\
解码器状态在编码器状态上的点积注意力（不缩放）。

输入：
- s：(N, H) 解码器状态，每个样本一个
- h：(N, T, H) 编码器状态，每个样本 T 个
返回一个元组 (context, alpha)：
- context：(N, H) float64，context[n] = Σ_t alpha[n, t]·h[n, t]
- alpha：(N, T) float64，alpha[n] = 分数 e[n, t] = h[n, t]·s[n] 沿 t 的 softmax
""",
    "scaled_dot_product_attention": """\
softmax(Q Kᵀ / √d，沿键的方向) V，可以带掩码（True = 可以关注）。

前导轴 "…"（批量、头）可以没有，也可以有好几个；它们原样保留。

输入：
- Q：(…, Tq, d) 查询
- K：(…, Tk, d) 键
- V：(…, Tk, dv) 值
- mask：None，或可以广播到 (…, Tq, Tk) 的 bool 数组；每一行至少有一个 True
返回一个元组 (out, weights)：
- out：(…, Tq, dv) float64，out = weights @ V
- weights：(…, Tq, Tk) float64，每一行加起来等于 1，掩码为 False 处为 0
""",
    "self_attention": """\
自注意力：Q = X·Wq，K = X·Wk，V = X·Wv，然后做缩放点积注意力。

输入：
- X：(N, T, d_model)，N 个序列，每个 T 个词元
- Wq, Wk：(d_model, d_k) 查询和键的权重
- Wv：(d_model, d_v) 值的权重
- mask：None，或可以广播到 (N, T, T) 的 bool 数组，True = 可以关注
返回一个元组 (out, weights)：
- out：(N, T, d_v) float64
- weights：(N, T, T) float64，weights[n, i, j] = 词元 i 对词元 j 的关注程度
""",
}

COMMENTS = {}
