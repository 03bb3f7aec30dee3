"""The Chinese docstrings and comments of exercises/conv.py: `nncli exercise conv --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "conv"：先做一维卷积，再做卷积神经网络里的二维卷积层。

任务：写出
- conv1d(f, g)：两个序列完整的真卷积（把 g 翻转，沿 f 滑动，在每个位移处相乘再相加），
  结果和 numpy.convolve 给出的数一样；
- pad2d(x, p)：在最后两个轴周围补一圈宽为 p 的零；
- corr2d(x, k)：一张特征图和一个卷积核的 "valid" 互相关（不翻转，不补零）；
- conv2d(x, w, b, stride, padding)：批量的卷积层，有多个输入通道和多个滤波器，
  数值与 torch.nn.functional.conv2d 相同。

这里有两种约定碰在了一起。数学里的卷积要翻转卷积核：
(f∗g)[n] = Σ_k f[k]·g[n−k]，就像火车进山洞，车头先进、车尾后进。
深度学习里的“卷积”层不翻转：它们算的是互相关
out[i, j] = Σ_{a,b} x[i+a, j+b]·k[a, b]。conv1d 遵循前一种；corr2d 和 conv2d 遵循
后一种（学出来的卷积核并不在乎是哪一种）。

所有 nncli 练习的约定：数组是 float64；批量维在前（图像是 (N, C, H, W)：N 张图像、
C 个通道、H 行、W 列）；绝不原地修改输入。

写完后这样检查：  nncli check conv
""",
    "output_size": """\
示例（不计分）：卷积沿一个轴的输出长度。

卷积核的第一格可以放在 0、stride、2·stride……这些位置，只要整个卷积核
还落在补零后长为 size + 2·padding 的输入里面。

输入：
- size：输入长度（H 或 W）
- kernel：卷积核长度（KH 或 KW）
- padding：每一边补的零的个数
- stride：卷积核相邻两个位置之间的步长
返回：
- ⌊(size + 2·padding − kernel) / stride⌋ + 1，一个 int
""",
    "conv1d": """\
两个序列的完整卷积：(f∗g)[n] = Σ_k f[k]·g[n−k]。

只要两者至少重叠一个元素，这个 n 就保留，n = 0 … L+K−2。

输入：
- f：(L,) 第一个序列
- g：(K,) 第二个序列
返回：
- out：(L+K−1,) float64
""",
    "pad2d": """\
在最后两个轴的每一边（上、下、左、右）各补 p 个零。

输入：
- x：(..., H, W)，前面可以有任意多个轴（例如 (N, C, H, W)）
- p：int ≥ 0
返回：
- out：(..., H+2p, W+2p) float64，x 在正中间，四周是零
""",
    "corr2d": """\
一张特征图与一个卷积核的 valid 二维互相关（卷积核不翻转）。

out[i, j] = Σ_{a,b} x[i+a, j+b]·k[a, b]，k 能完整放进 x 的每个位置都要算。

输入：
- x：(H, W) 输入特征图
- k：(KH, KW) 卷积核
返回：
- out：(H−KH+1, W−KW+1) float64
""",
    "conv2d": """\
卷积层，与 torch.nn.functional.conv2d 相同：跨所有通道做互相关。

out[n, f, i, j] = b[f] + Σ_{c,a,b'} xp[n, c, i·stride + a, j·stride + b']·w[f, c, a, b']
其中 xp 是 x 在 H 和 W 的每一边各补 `padding` 个零之后的结果。

输入：
- x：(N, C, H, W)，N 张 C 通道的图像
- w：(F, C, KH, KW)，F 个滤波器，每个都跨越全部 C 个通道
- b：(F,)，每个滤波器一个偏置；为 None 时不加偏置
- stride：卷积核的步长，行和列方向相同
- padding：H 和 W 每一边补的零的个数
返回：
- out：(N, F, H′, W′) float64，其中 H′ = ⌊(H + 2·padding − KH)/stride⌋ + 1，
  W′ = ⌊(W + 2·padding − KW)/stride⌋ + 1
""",
}

COMMENTS = {}
