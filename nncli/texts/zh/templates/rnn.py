"""The Chinese docstrings and comments of exercises/rnn.py: `nncli exercise rnn --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "rnn"：循环神经网络，先走一步，再走完整个序列。

任务：写出 rnn_step，把这一时间步的输入和从上一步带过来的状态混合起来，
S_t = tanh(x_t·W_in + S_{t−1}·W_s + b)；再写出 rnn_forward，沿着序列一步一步运行它，
每一步都用同一组权重，并保存每一步的状态（这就是把网络按时间展开）。

状态就是网络的记忆：S_t 取决于 x_t，并通过 S_{t−1} 取决于之前的每一个输入。
不管序列多长，每一步用的都是同一组 W_in、W_s 和 b。

命名的维度：批量里有 N 个序列，T 个时间步，D 个输入特征，H 个隐藏单元。
与 torch.nn.RNN(D, H, batch_first=True) 相同，其中 W_in = weight_ih_l0.T，
W_s = weight_hh_l0.T，b = bias_ih_l0 + bias_hh_l0。

所有 nncli 练习的约定：数组是 float64；批量维在前（x 是 (N, T, D)）；
行向量乘在右边（写 x_t @ W_in，而不是 W_in @ x_t）；绝不原地修改输入。这里可以用 np.tanh。

写完后这样检查：  nncli check rnn
""",
    "running_sum": """\
示例（不计分）：一个沿时间的循环，保存每一步的结果。

out[:, t] = x[:, 0] + … + x[:, t]。输出只分配一次，然后一个时间步一个时间步地填，
同时把一个累计值从每一步带到下一步：和 rnn_forward 的循环是同一个样子。

输入：
- x：(N, T, D)
返回：
- out：(N, T, D) float64
""",
    "rnn_step": """\
tanh RNN 的一步：S_t = tanh(x_t·W_in + S_{t−1}·W_s + b)。

输入：
- x_t：(N, D) 这一时间步的输入
- s_prev：(N, H) 上一步的状态 S_{t−1}
- W_in：(D, H) 从输入到状态的权重
- W_s：(H, H) 从状态到状态的权重
- b：(H,) 偏置
返回：
- s_t：(N, H) float64，新的状态
""",
    "rnn_forward": """\
在整个序列上运行 RNN，每一步都用同一组权重。

输入：
- x：(N, T, D)，N 个序列，每个 T 步，每步 D 个特征
- s0：(N, H) 初始状态 S_{−1}
- W_in：(D, H)，W_s：(H, H)，b：(H,)，与 rnn_step 中相同
返回：
- states：(N, T, H) float64，states[:, t] = S_t，即读完 x[:, t] 之后的状态
  （不包括 s0 本身）
""",
}

COMMENTS = {}
