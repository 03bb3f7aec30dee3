"""The Chinese docstrings and comments of exercises/gnn.py: `nncli exercise gnn --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "gnn"：图卷积网络的一层（Kipf 和 Welling，2017 年），图神经网络最基本的一种。

任务：写出 normalize_adjacency 和 gcn_layer。图里每个节点有一个特征向量（X 的一行），
它的邻居由邻接矩阵 A 给出（节点 i 和 j 相连时 A[i, j] = 1）。一层 GCN 让每个节点
把自己的特征和邻居的特征混合起来，再乘上一个所有节点共用的权重矩阵，最后过 ReLU：

    Â = D^(−½) (A + I) D^(−½)，D 是 A + I 的度组成的对角矩阵
    H = relu(Â · X · W)

加上 I（给每个节点一个自环），节点自己的特征就留在了混合里，算度时也把它自己算进去。
对称归一化让 Â 的第 (i, j) 个元素等于 1/√(d_i·d_j)，邻居多的节点求和就不会越来越大。

命名的维度：V 个节点，F 个输入特征，F′ 个输出特征。

所有 nncli 练习的约定：数组是 float64；批量维在前（这里没有批量轴：一次一张图，
节点轴 V 在前）；行向量乘在右边（X 的第 p 行是节点 p 的特征，X @ W 一次变换所有节点）；
绝不原地修改输入。

写完后这样检查：  nncli check gnn
""",
    "relu": """\
完整给出（来自 activations 练习）：max(0, x)。任意形状 -> 相同形状。
""",
    "adjacency_from_edges": """\
示例（不计分）：无向图的邻接矩阵。

每条边 (i, j) 把 A[i, j] 和 A[j, i] 都设为 1：无向就意味着对称。

输入：
- edges：由节点编号组成的 (i, j) 对的列表，i ≠ j
- n_nodes：V
返回：
- A：(V, V) 由 0 和 1 组成的 float64 矩阵，对称，对角线为零
""",
    "normalize_adjacency": """\
加了自环的归一化邻接矩阵：D^(−½) (A + I) D^(−½)。

输入：
- A：(V, V) 对称的 0/1 邻接矩阵，对角线为零（还没有自环）
返回：
- A_hat：(V, V) float64；A + I 中为 1 的位置 (i, j) 取 1/√(d_i·d_j)，其余为 0，
  其中 d_i 是节点 i 在 A + I 中的度（它的邻居数加上它自己）
""",
    "gcn_layer": """\
一层图卷积：relu(normalize_adjacency(A) · X · W)。

输入：
- A：(V, V) 对称的 0/1 邻接矩阵，对角线为零
- X：(V, F) 节点特征，每个节点一行
- W：(F, F′) 所有节点共用的权重
返回：
- H：(V, F′) float64，新的节点特征
""",
}

COMMENTS = {}
