"""The Chinese docstrings and comments of exercises/attention_backward.py: `nncli exercise
attention_backward --lang zh` puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "attention_backward"：softmax 和缩放点积注意力的梯度。

任务：写出 softmax_backward，把梯度往回传过沿某个轴的 y = softmax(x)；以及
scaled_dot_product_attention_backward，即 "attention" 练习中
out = softmax(Q Kᵀ / √d，掩码后) V 对 Q、K 和 V 的梯度。softmax 的每个输出都依赖同一切片里的
每个输入：∂y_i/∂x_j = y_i (δ_ij − y_j)，所以梯度不是逐元素的。注意力要按相反的顺序撤销三步：
与 V 的加权求和、softmax、缩放后的分数。查询不允许关注的键，对它的权重恰好是 0，
二者之间没有梯度流过。

与 PyTorch 自动求导在 torch.nn.functional.softmax 和 scaled_dot_product_attention
（布尔掩码，True 表示可以关注）上的结果相同。下面给出了 softmax 和 scaled_dot_product_attention。

维度名：Tq 个查询，Tk 个键（和值），d 是查询和键的长度，dv 是值的长度；
前面可以有任意个批量（和头）轴。

所有 nncli 练习的约定：数组是 float64；批量维在前；绝不原地修改输入。

先用下面两个函数的中心差分检查你的梯度，然后：
    nncli check attention_backward
""",
    "softmax": """\
给出：沿 `axis` 的稳定 softmax，形状与 x 相同。""",
    "scaled_dot_product_attention": """\
给出（"attention" 练习中的函数）：Q (..., Tq, d)，K (..., Tk, d)，
V (..., Tk, dv)，mask 为可广播到 (..., Tq, Tk) 的布尔数组 ->
(out (..., Tq, dv), weights (..., Tq, Tk))。""",
    "softmax_backward": """\
经过 y = softmax(x, axis) 的梯度。

输入：
- dout：损失对 y 的梯度，任意形状
- y：softmax(x, axis)，形状相同；axis：它做归一化的轴
返回：
- dx：对 x 的梯度，形状相同
""",
    "scaled_dot_product_attention_backward": """\
out（scaled_dot_product_attention(Q, K, V, mask) 的第一个结果）的梯度。

输入：
- dout：(..., Tq, dv)，损失对 out 的梯度
- Q：(..., Tq, d)；K：(..., Tk, d)；V：(..., Tk, dv)
- mask：None，或可广播到 (..., Tq, Tk) 的布尔数组，True 表示可以关注
  （每个查询至少可以关注一个键）
返回元组 (dQ, dK, dV)：
- dQ：(..., Tq, d)；dK：(..., Tk, d)；dV：(..., Tk, dv)
""",
}

COMMENTS = {}
