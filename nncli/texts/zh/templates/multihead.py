"""The Chinese docstrings and comments of exercises/multihead.py: `nncli exercise multihead --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "multihead"：多头注意力。

任务：写出 split_heads、merge_heads 和 multi_head_attention。不再在 d 宽的向量上只做一次
注意力，而是让 h 个头各自在自己那一段 d/h 宽的切片上做注意力，这样不同的头可以关注
不同的东西；它们的输出再并排放回去，由 Wo 混合：

    Q = X·Wq, K = X·Wk, V = X·Wv                      每个都是 (N, T, d)
    把每个拆成多个头：第 k 个头取第 k·d/h … (k+1)·d/h − 1 列（连续的块）
    每个头：softmax(Q_k K_kᵀ / √(d/h)) V_k           按这个头的宽度 d/h 缩放
    out = merge(heads)·Wo                             (N, T, d)

这给出的数与 torch.nn.MultiheadAttention(d, h, bias=False, batch_first=True) 相同，
其中 in_proj_weight = [Wqᵀ; Wkᵀ; Wvᵀ]，out_proj.weight = Woᵀ。这里的掩码 True 表示
可以关注，和 torch.nn.functional.scaled_dot_product_attention 一样
（nn.MultiheadAttention 自己的布尔掩码含义正好相反）。

所有 nncli 练习的约定：数组是 float64；批量维在前；行向量乘在右边（X @ Wq）；
绝不原地修改输入。

写完后这样检查：  nncli check multihead
""",
    "softmax": """\
完整给出（来自 activations 练习）：沿 `axis` 的数值稳定 softmax。

输入：
- x：任意形状的数组（可以有 −inf，只要每个切片里有一个有限值）
- axis：沿哪个轴归一化
返回：
- out：与 x 形状相同的 float64 数组，沿 `axis` 加起来等于 1
""",
    "causal_mask": """\
完整给出：(T, T) bool，对角线及其下方为 True（True = 可以关注）。
""",
    "scaled_dot_product_attention": """\
完整给出（来自 attention 练习）：softmax(Q Kᵀ / √d) V。

d 是传给它的向量的宽度：在一个头的切片上调用时，就是 d/h。

输入：
- Q：(…, Tq, d)，K：(…, Tk, d)，V：(…, Tk, dv)；"…" 可以是 (N, h)
- mask：None，或可以广播到 (…, Tq, Tk) 的 bool 数组，True = 可以关注
返回一个元组 (out, weights)：
- out：(…, Tq, dv) float64
- weights：(…, Tq, Tk) float64
""",
    "head_columns": """\
示例（不计分）：每个头读取 Q、K、V 的哪些列。

第 k 个头取连续的一块列 k·d/h … (k+1)·d/h − 1：d = 4、h = 2 时，头 0 读第 0、1 列，
头 1 读第 2、3 列。split_heads 对整个批量一次做同样的事，用 reshape 而不是循环。

输入：
- d：模型宽度，能被 n_heads 整除
- n_heads：头数 h
返回：
- 由 h 个 range 组成的列表，第 k 个是 range(k·d/h, (k+1)·d/h)
""",
    "split_heads": """\
把最后一个轴切成 n_heads 个连续的块，并让“头”成为一个轴。

输入：
- X：(N, T, d)，d 能被 n_heads 整除
- n_heads：h
返回：
- out：(N, h, T, d/h) float64，out[:, k] = X[:, :, k·d/h : (k+1)·d/h]
""",
    "merge_heads": """\
split_heads 的逆操作：把各个头的块重新并排放在一起。

输入：
- X：(N, h, T, d_head)
返回：
- out：(N, T, h·d_head) float64，out[:, :, k·d_head : (k+1)·d_head] = X[:, k]
""",
    "multi_head_attention": """\
不带偏置的多头自注意力。

输入：
- X：(N, T, d)，N 个序列，每个 T 个词元
- Wq, Wk, Wv：(d, d) 投影；第 k 个头用它们的第 k·d/h … (k+1)·d/h − 1 列
- Wo：(d, d) 输出投影
- n_heads：h，能整除 d
- mask：None，或可以广播到 (N, h, T, T) 的 bool 数组（例如 (T, T)），True = 可以关注
返回一个元组 (out, weights)：
- out：(N, T, d) float64，merge_heads(heads) @ Wo
- weights：(N, h, T, T) float64，每个头的注意力权重
""",
}

COMMENTS = {}
