"""`activation` 主题的中文文本。"""

TEXTS = {
    "summary": "ReLU、sigmoid、tanh 和 softmax 作用在你的数字上：函数值、斜率，以及饱和。",
    "title": "激活函数作用在 {n} 个数值上",
    "setup.title": "这些数值，以及神经元为什么需要激活函数",
    "setup.text": (
        "神经元先把输入按权重加起来，z = x·w + b，再把 z 送进激活函数 f。如果没有 f，"
        "无论叠多少层，整个网络仍然只是一个线性映射，相当于一层；f 把这条直线掰弯，"
        "网络才能画出弯曲的分界线。下面每个函数都是对每个数值单独计算的"
        "（softmax 例外：它要把所有数值放在一起看）。"
    ),
    "table.more": "… 另有 {count} 个数值按同样方法算出（--all-steps 全部列出，--json 给出全部数值）。",
    "col.x": "x",
    "relu.title": "ReLU：max(0, x)",
    "relu.text": (
        "ReLU（线性整流单元）保留正数，把负数变成 0。x > 0 时斜率为 1，x < 0 时斜率为 0"
        "（恰好等于 0 时取斜率 0，和 PyTorch 的做法一致）。"
    ),
    "relu.formula": "ReLU(x) = max(0, x)      ReLU′(x) = 1（当 x > 0），否则为 0",
    "relu.example": "ReLU({x}) = max(0, {x}) = {y}",
    "sigmoid.title": "Sigmoid：1 / (1 + e^−x)",
    "sigmoid.text": (
        "sigmoid 把任何数都压进 (0, 1)：很负的 x 得到几乎 0，很大的 x 得到几乎 1，"
        "x = 0 时正好是 0.5。所以它天然适合表示概率或者做“门”，但它的斜率最大也只有 0.25。"
    ),
    "sigmoid.formula": "σ(x) = 1 / (1 + e^−x)      σ′(x) = σ(x)·(1 − σ(x))",
    "sigmoid.example": "σ({x}) = 1 / (1 + e^−{xt}) = 1 / (1 + {e}) = {y}",
    "sigmoid.example.slope": "σ′({x}) = {y}×(1 − {y}) = {g}",
    "tanh.title": "Tanh：(e^x − e^−x) / (e^x + e^−x)",
    "tanh.text": (
        "tanh 和 sigmoid 一样是 S 形，只是被拉伸到 (−1, 1)，并且以 0 为中心："
        "tanh(x) = 2σ(2x) − 1。输出以 0 为中心对下一层更友好；它在 0 处的斜率是 1，"
        "是 sigmoid 的四倍。"
    ),
    "tanh.formula": "tanh(x) = (e^x − e^−x) / (e^x + e^−x)      tanh′(x) = 1 − tanh(x)²",
    "tanh.example": "tanh({x}) = {y}      tanh′({x}) = 1 − {yt}² = {g}",
    "plot.note": "下面的曲线画的是 x 从 −6 到 6 的范围（• 是曲线，│ 和 ─ 是坐标轴）。",
    "sat.title": "饱和：sigmoid 和 tanh 的梯度为什么会消失",
    "sat.text": (
        "离 0 越远，sigmoid 和 tanh 的曲线越平：它们“饱和”了。那里的斜率几乎为 0，"
        "而训练正是靠斜率来学习的：反向传播每经过一层就乘上一个斜率，几层饱和下来，"
        "梯度就缩得几乎没有了，前面的层也就学不动了。ReLU 则不同，只要 x 是正数，"
        "不管多大，斜率都正好是 1。"
    ),
    "sat.largest": "你的数值中离 0 最远的是 x = {x}：σ′({x}) = {sg}，tanh′({x}) = {tg}，而 ReLU′({x}) = {rg}。",
    "sat.largest.not_positive": (
        "你的数值中离 0 最远的是 x = {x}：σ′({x}) = {sg}，tanh′({x}) = {tg}，ReLU′({x}) = {rg}："
        "x ≤ 0 时 ReLU 一点梯度也传不过去。"
    ),
    "sat.chain": (
        "即使在最好的位置（x = 0），sigmoid 也只能把 0.25 的梯度传下去。"
        "经过 {layers} 层 sigmoid，最多只剩 0.25^{layers} = {product}。"
    ),
    "col.slope_relu": "ReLU′",
    "col.slope_sigmoid": "σ′",
    "col.slope_tanh": "tanh′",
    "why.title": "为什么通常首选 ReLU",
    "why.text": (
        "ReLU 只需要做一次比较，不用算指数。对每个正的输入，它的斜率都是 1，梯度穿过很多层"
        "也不会缩小，所以深层网络用它比用 tanh 或 sigmoid 训练得更快"
        "（常见的效果排序是 ReLU 最好，tanh 其次，sigmoid 最后）。它还会输出真正的 0，"
        "于是同一时刻只有一部分神经元处于激活状态。它的弱点是：如果某个神经元的 z 一直是负的，"
        "斜率就一直为 0，这个神经元再也学不到东西（所谓“死亡的 ReLU”）。"
        "需要 (0, 1) 之间的值时，比如是/否的输出或者 LSTM 的门，sigmoid 仍然是正确的选择；"
        "需要 (−1, 1) 之间的值时就用 tanh。"
    ),
    "softmax.title": "Softmax：把分数变成概率",
    "softmax.text": (
        "softmax 一次接收整个向量，把它变成概率：每个输出都是正数，加起来等于 1，"
        "分数越大，分到的份额越大。分类器的最后一层用的就是它。"
        "先减去最大值不会改变结果，却能防止 e^x 溢出。"
    ),
    "softmax.formula": "softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m)，m = max(x) = {m}",
    "softmax.sum": "Σ e^(x − m) = {terms} = {total}",
    "col.shifted": "x − m",
    "col.exp": "e^(x − m)",
    "col.p": "softmax",
    "bars.title": "softmax：各自占 1 的多少",
}
