"""The Chinese docstrings and comments of exercises/cnn_backward.py: `nncli exercise cnn_backward
--lang zh` puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "cnn_backward"：卷积层和池化的梯度。

任务：写出 conv2d_backward、max_pool2d_backward 和 avg_pool2d_backward。每个函数收到 dout，
即损失对这一层输出的梯度，把它送回输出所依赖的量。卷积的每个输出值都通过卷积核读取（补零后）输入的
一个窗口，所以每个窗口把梯度送回它读过的输入（乘以卷积核），也送给卷积核（乘以那些输入）。
池化没有权重：最大池化的窗口把全部梯度给它最大的那个输入，平均池化的窗口给每个输入 1/K² 份。
窗口重叠的地方，各份相加。

与 PyTorch 自动求导在 torch.nn.functional.conv2d、max_pool2d 和 avg_pool2d 上的结果相同
（即 "conv" 和 "pool" 练习中的前向函数，下面给出了 conv2d）：当一个最大池化窗口里最大值出现两次时，
按行优先的第一个得到梯度；dx 的形状与补零之前的输入相同。

维度名：N 张图像，C 个通道，H×W 的输入，F 个 C×KH×KW 的卷积核，H′×W′ 的输出，
K×K 的池化窗口、彼此相隔 S（stride 为 None 时 S = K）。

所有 nncli 练习的约定：数组是 float64；批量维在前（x 是 (N, C, H, W)）；绝不原地修改输入。

先用前向函数的中心差分检查你的梯度，然后：
    nncli check cnn_backward
""",
    "conv2d": """\
给出（"conv" 练习中的卷积层）：互相关，与 torch.nn.functional.conv2d 相同。

输入：
- x：(N, C, H, W)；w：(F, C, KH, KW)；b：(F,) 或 None
返回：
- out：(N, F, H′, W′)，H′ = (H + 2·padding − KH) // stride + 1，W′ 同理
""",
    "conv2d_backward": """\
out = conv2d(x, w, b, stride, padding) 的梯度。

输入：
- dout：(N, F, H′, W′)，损失对 out 的梯度
- x：(N, C, H, W)；w：(F, C, KH, KW)；stride、padding 与 conv2d 中相同
返回元组 (dx, dw, db)：
- dx：(N, C, H, W)，即补零之前 x 的形状；dw：(F, C, KH, KW)；db：(F,)
""",
    "max_pool2d_backward": """\
经过最大池化的梯度：每个窗口的梯度给它最大的输入（并列时给按行优先的第一个）；重叠的窗口相加。

输入：
- dout：(N, C, H′, W′)，损失对 max_pool2d(x, K, S) 的梯度
- x：(N, C, H, W)；kernel_size：K；stride：S，None 表示 S = K
返回：
- dx：(N, C, H, W)
""",
    "avg_pool2d_backward": """\
经过平均池化的梯度：每个窗口把梯度平均分给它的 K² 个输入；重叠的窗口相加。

输入：
- dout：(N, C, H′, W′)，损失对 avg_pool2d(x, K, S) 的梯度
- x：(N, C, H, W)；kernel_size：K；stride：S，None 表示 S = K
返回：
- dx：(N, C, H, W)
""",
}

COMMENTS = {}
