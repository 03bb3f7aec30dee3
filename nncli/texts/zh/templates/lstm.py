"""The Chinese docstrings and comments of exercises/lstm.py: `nncli exercise lstm --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "lstm"：长短期记忆网络，先走一步，再走完整个序列。

任务：写出 lstm_step 和 lstm_forward。LSTM 从一步到下一步带着两样东西：细胞状态 c，
一份只通过门控的加法来改动的记忆（像一本日记）；以及状态 s，细胞状态给外界看的那一面。
每一步，把 a = x_t·W + s_{t−1}·U + b 按列切成四个 H 宽的块：

    i = σ(a[:, 0:H])      输入门（铅笔）：候选值写进去多少
    f = σ(a[:, H:2H])     遗忘门（橡皮擦）：旧的细胞状态留下多少
    g = tanh(a[:, 2H:3H]) 候选值（用 tanh 而不是 σ：它们可以是负数）
    o = σ(a[:, 3H:4H])    输出门：细胞状态显示出来多少
    c_t = f ⊙ c_{t−1} + i ⊙ g
    s_t = o ⊙ tanh(c_t)

这四块按 PyTorch 的顺序 i、f、g、o 排列：W = weight_ih_l0.T，U = weight_hh_l0.T，
b = bias_ih_l0 + bias_hh_l0，取自 torch.nn.LSTM(D, H, batch_first=True)。⊙ 是逐元素乘积
（NumPy 的 *）。

命名的维度：批量里有 N 个序列，T 个时间步，D 个输入特征，H 个隐藏单元。

所有 nncli 练习的约定：数组是 float64；批量维在前（x 是 (N, T, D)）；
行向量乘在右边（x_t @ W）；绝不原地修改输入。这里可以用 np.tanh。

写完后这样检查：  nncli check lstm
""",
    "sigmoid": """\
完整给出（来自 activations 练习）：σ(x) = 1 / (1 + e^(−x))，不会溢出。

输入：
- x：任意形状的数组
返回：
- out：与 x 形状相同的 float64 数组，取值在 (0, 1) 之间
""",
    "split_gates": """\
示例（不计分）：把打包在一起的预激活值分成四个门的列块。

a 有 4H 列，按 PyTorch 的顺序 i、f、g、o 排列，第 k 块是 a[:, k·H:(k+1)·H]。
lstm_step 里从 x_t·W + s_{t−1}·U + b 取出各个门，用的是同样的切片。

输入：
- a：(N, 4H)
返回一个元组 (a_i, a_f, a_g, a_o)：
- 每个都是 (N, H) float64
""",
    "lstm_step": """\
LSTM 的一步，门按 PyTorch 的顺序 i、f、g、o 排列。

输入：
- x_t：(N, D) 这一时间步的输入
- s_prev：(N, H) 上一步的状态 s_{t−1}
- c_prev：(N, H) 上一步的细胞状态 c_{t−1}
- W：(D, 4H) 输入权重，按列分块 i、f、g、o
- U：(H, 4H) 状态权重，按列分块 i、f、g、o
- b：(4H,) 偏置，分块 i、f、g、o
返回一个元组 (s_t, c_t)：
- s_t：(N, H) float64，新的状态
- c_t：(N, H) float64，新的细胞状态
""",
    "lstm_forward": """\
在整个序列上运行 LSTM，每一步都用同一组权重。

输入：
- x：(N, T, D)，N 个序列，每个 T 步，每步 D 个特征
- s0：(N, H) 初始状态；c0：(N, H) 初始细胞状态
- W：(D, 4H)，U：(H, 4H)，b：(4H,)，与 lstm_step 中相同
返回一个元组 (states, cells)：
- states：(N, T, H) float64，states[:, t] = s_t
- cells：(N, T, H) float64，cells[:, t] = c_t
""",
}

COMMENTS = {}
