"""The Chinese docstrings and comments of exercises/pool.py: `nncli exercise pool --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "pool"：最大池化和平均池化。

任务：写出 max_pool2d 和 avg_pool2d。它们都让一个 K×K 的窗口在每张图像的每个通道上滑动，
每次移动 S 格，每个窗口只留下一个数：最大值，或者 K² 个值的平均值。
池化让特征图变小，并在每一小块里抓住主要矛盾；它没有权重，每个通道各自池化。

与 torch.nn.functional.max_pool2d / avg_pool2d 的默认行为相同：stride 为 None 表示
stride = kernel_size（窗口一个挨一个，不重叠）；不补零；凑不满最后一个完整窗口的行和列
直接舍去，所以 H′ = ⌊(H − K)/S⌋ + 1，W′ = ⌊(W − K)/S⌋ + 1。

所有 nncli 练习的约定：数组是 float64；批量维在前（x 是 (N, C, H, W)：N 张图像、
C 个通道、H 行、W 列）；绝不原地修改输入。

写完后这样检查：  nncli check pool
""",
    "global_max_pool": """\
示例（不计分）：每个通道整体的最大值。

一次沿好几个轴归约：沿 axis=(2, 3) 取 max，就把 H 和 W 两个轴去掉了。

输入：
- x：(N, C, H, W)
返回：
- out：(N, C) float64，out[n, c] = x[n, c, i, j] 在所有 i、j 上的最大值
""",
    "max_pool2d": """\
最大池化：逐个通道取每个 K×K 窗口里的最大值。

输入：
- x：(N, C, H, W)
- kernel_size：K，正方形窗口的边长
- stride：S，相邻窗口之间的步长；None 表示 S = K
返回：
- out：(N, C, H′, W′) float64，H′ = ⌊(H − K)/S⌋ + 1，W′ = ⌊(W − K)/S⌋ + 1，
  out[n, c, i, j] = x[n, c, i·S : i·S+K, j·S : j·S+K] 的最大值
""",
    "avg_pool2d": """\
平均池化：逐个通道取每个 K×K 窗口里 K² 个值的平均值。

输入：
- x：(N, C, H, W)
- kernel_size：K，正方形窗口的边长
- stride：S，相邻窗口之间的步长；None 表示 S = K
返回：
- out：(N, C, H′, W′) float64，H′ = ⌊(H − K)/S⌋ + 1，W′ = ⌊(W − K)/S⌋ + 1，
  out[n, c, i, j] = x[n, c, i·S : i·S+K, j·S : j·S+K] 的平均值
""",
}

COMMENTS = {}
