"""The Chinese docstrings and comments of exercises/backprop.py: `nncli exercise backprop --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "backprop"：网络是怎样学习的，一次一个梯度。

任务：写出两层网络的反向传播。dense_backward 和 relu_backward 把梯度往回传过一层；
softmax_cross_entropy 给出一批样本的损失及其对分数的梯度；mlp_loss_and_grads 把它们串起来，
穿过整个网络（X → 全连接 → ReLU → 全连接 → softmax 交叉熵）；sgd_step 做一步梯度下降。
每个反向函数收到损失对它的输出的梯度（dout），返回损失对它的输入的梯度：
这就是链式法则，一次一个局部导数。

与 PyTorch 自动求导在同一个网络上的结果相同：损失是批量上的平均值
（torch.nn.functional.cross_entropy，reduction 为 "mean"），ReLU 在恰好为 0 处斜率为 0，
每个权重矩阵都按 torch.nn.Linear.weight 的转置存放（x @ W + b）。

维度名：批量中 N 个样本，D 个输入特征，H 个隐藏单元，一层有 M 个输出，C 个类别。

所有 nncli 练习的约定：数组是 float64；批量维在前（x 是 (N, D)）；绝不原地修改输入。
损失以形状为 () 的 float64 数组返回（np.asarray(value) 可以把一个数变成这样的数组），
就像 PyTorch 返回一个 0 维张量。只能使用 NumPy 和 Python 标准库。

先像评分程序那样用下面的 numerical_gradient 检查你的梯度，然后：
    nncli check backprop
""",
    "numerical_gradient": """\
示例（不计分）：用中心差分逐个元素求 ∂f/∂x。

对光滑的 f，(f(x + h) − f(x − h)) / 2h 的误差约为 h² ≈ 1e-10：足以检查解析梯度。
和你自己的梯度比较，例如 dense_backward 的 dW：
    numerical_gradient(lambda W: np.sum(dout * (x @ W + b)), W.copy())

输入：
- f：一个以和 x 同形状的数组为参数、返回一个数的函数
- x：任意形状的 float64 数组（调用 f 时会被改动，之后复原）
- h：步长
返回：
- grad：与 x 形状相同的 float64 数组
""",
    "dense_backward": """\
out = x @ W + b 的梯度。

输入：
- dout：(N, M)，损失对 out 的梯度
- x：(N, D)，这一层的输入
- W：(D, M)，它的权重
返回元组 (dx, dW, db)：
- dx：(N, D)，dW：(D, M)，db：(M,)，损失对 x、W 和 b 的梯度
""",
    "relu_backward": """\
经过 relu(x) = max(x, 0) 的梯度；和 PyTorch 一样，恰好为 0 处斜率为 0。

输入：
- dout：损失对 relu(x) 的梯度，任意形状
- x：ReLU 的输入，形状相同
返回：
- dx：对 x 的梯度，形状相同
""",
    "softmax_cross_entropy": """\
softmax(logits) 相对标签的平均交叉熵，以及它的梯度。

loss = 对 n 取 −log p[n, y[n]] 的平均值，p 是每行的 softmax；
logits 为 ±1000 时也保持有限，且不产生警告。

输入：
- logits：(N, C)，原始分数
- y：(N,)，取值 0 … C−1 的整数标签
返回元组 (loss, dlogits)：
- loss：一个 float（或形状为 () 的 float64 数组）
- dlogits：(N, C)，loss 对 logits 的梯度
""",
    "mlp_loss_and_grads": """\
网络 z1 = X @ W1 + b1，h = relu(z1)，z2 = h @ W2 + b2，
loss = softmax_cross_entropy(z2, y) 的损失和梯度。

输入：
- X：(N, D)；y：(N,)，取值 0 … C−1 的整数标签
- params：字典，含 W1 (D, H)、b1 (H,)、W2 (H, C)、b2 (C,)
返回元组 (loss, grads)：
- loss：一个 float（或形状为 () 的 float64 数组）
- grads：字典，键为 W1、b1、W2、b2，每个梯度的形状与对应参数相同
""",
    "sgd_step": """\
对每个参数做一步梯度下降：p − lr · grads[名字]，放进一个新字典。

输入：
- params：字典，名字 -> float64 数组；grads：键和形状都相同的字典
- lr：学习率，一个正数
返回：
- new_params：键相同的新字典（params 和它的数组都保持不变）
""",
}

COMMENTS = {}
