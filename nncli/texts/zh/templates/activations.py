"""The Chinese docstrings and comments of exercises/activations.py: `nncli exercise activations --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "activations"：层与层之间的非线性函数（激活函数）。

任务：用 NumPy 写出 relu、sigmoid、tanh 和 softmax。每个函数接收任意形状的数组，
返回一个形状相同的新 float64 数组（softmax 沿某一个轴归一化）。

没有非线性，叠在一起的几层会塌缩成一个线性映射：x @ W1 @ W2 不过就是
x @ (W1 @ W2)。正是这些函数让网络越深越有表达力。

隐藏测试会检查的规则：
- sigmoid 在 |x| 不超过 1000 时必须给出有限值，且不能有溢出警告
  （np.exp(1000) 会溢出成 inf）；
- tanh 必须用指数函数或 sigmoid 搭出来：这里不许用 np.tanh；
- softmax 在输入为 ±1000 左右时必须保持有限（先减去最大值：每个元素都减去同一个数，
  softmax 的结果不变）。

所有 nncli 练习的约定：数组是 float64；批量维在前；行向量乘在右边
（一层计算的是 x @ W + b）；绝不原地修改输入。

写完后这样检查：  nncli check activations
""",
    "leaky_relu": """\
示例（不计分）：带泄漏的 ReLU，max(x, slope·x)，其中 0 < slope < 1。

np.where 逐个元素地选：条件成立处取第二个参数，其余取第三个参数。
两个参数都会先对每个元素算出来。

输入：
- x：任意形状的数组
- slope：作用在负输入上的系数
返回：
- out：与 x 形状相同的 float64 数组
""",
    "relu": """\
线性整流函数：逐个元素取 max(0, x)。

输入：
- x：任意形状的数组
返回：
- out：与 x 形状相同的 float64 数组；负的元素变成 0
""",
    "sigmoid": """\
逻辑函数 σ(x) = 1 / (1 + e^(−x))，逐个元素计算。

它的值落在 (0, 1) 之间。|x| 不超过 1000 时必须保持有限、不出溢出警告：
x = −1000 时 e^(−x) 会溢出，但 e^x / (1 + e^x) 不会。

输入：
- x：任意形状的数组
返回：
- out：与 x 形状相同的 float64 数组
""",
    "tanh": """\
双曲正切 (e^x − e^(−x)) / (e^x + e^(−x))，逐个元素计算，不许用 np.tanh。

它的值落在 (−1, 1) 之间；|x| 不超过 1000 时必须保持有限。

输入：
- x：任意形状的数组
返回：
- out：与 x 形状相同的 float64 数组
""",
    "softmax": """\
沿一个轴做 softmax：exp(x_i) / Σ_j exp(x_j)，于是沿 `axis` 的每个切片加起来等于 1。

输入在 ±1000 左右时必须保持有限。

输入：
- x：任意形状的数组，例如 N 个样本在 C 个类别上的分数 (N, C)
- axis：沿哪个轴归一化（默认是最后一个轴）
返回：
- out：与 x 形状相同的 float64 数组，元素为正，沿 `axis` 加起来等于 1
""",
}

COMMENTS = {}
