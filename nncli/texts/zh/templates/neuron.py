"""The Chinese docstrings and comments of exercises/neuron.py: `nncli exercise neuron --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "neuron"：感知机和全连接层。

任务：写出 `perceptron`，一个用阶跃函数做激活的神经元；再写出 `dense`，一层 M 个神经元，
它们看到的是同样的输入，但各有各的权重和偏置。

一个神经元计算输入的加权和再加上偏置：z = x·w + b。感知机在 z > 0 时回答 1，
否则回答 0（z 恰好为 0 时给出 0）。全连接层同时为 M 个神经元算这个加权和，
直接给出这些和本身，不做激活。

所有 nncli 练习的约定：数组是 float64；批量维在前（x 的每一行是一个样本）；
行向量乘在右边，所以一层计算的是 x @ W + b，W 的形状是 (D, M)，
和 torch.nn.Linear 把它的 weight 转置后所做的一样；绝不原地修改输入。

写完后这样检查：  nncli check neuron
""",
    "weighted_sums": """\
示例（不计分）：对每个样本算 x·w，不加偏置。

x @ w 把 x 的每一行和 w 逐元素相乘再相加：(N, D) 的矩阵乘以 (D,) 的向量，
得到 (N,) 的向量。

输入：
- x：(N, D)，N 个样本，每个有 D 个特征
- w：(D,)，每个特征一个权重
返回：
- z：(N,) float64，z[n] = Σ_d x[n, d]·w[d]
""",
    "perceptron": """\
感知机：对加权和取阶跃函数。

输入：
- x：(N, D)，N 个样本，每个有 D 个特征
- w：(D,) 权重
- b：一个数，偏置
返回：
- out：(N,) float64，x[n]·w + b > 0 处为 1.0，否则为 0.0（和恰好为 0 时给出 0.0）
""",
    "dense": """\
不带激活的全连接层：x @ W + b。

输入：
- x：(N, D)，N 个样本，每个有 D 个特征
- W：(D, M) 权重；第 m 列是第 m 个神经元的权重
- b：(M,) 偏置，每个神经元一个
返回：
- out：(N, M) float64，out[n, m] = Σ_d x[n, d]·W[d, m] + b[m]
""",
}

COMMENTS = {
    """\
Worked example (not graded): weights and bias that make a perceptron compute logical AND
of two 0/1 inputs. x·w + b = x1 + x2 − 1.5 is positive only when both inputs are 1.
""":
        """\
示例（不计分）：让感知机计算两个 0/1 输入的逻辑与（AND）的权重和偏置。
x·w + b = x1 + x2 − 1.5，只有两个输入都是 1 时才为正。
""",
}
