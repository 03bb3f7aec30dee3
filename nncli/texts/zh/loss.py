"""`loss` 主题的中文文本。"""

TEXTS = {
    "summary": "用一个数衡量网络错得多厉害：均方误差、数值稳定的 softmax、交叉熵及其梯度。",
    "title": "在 {n} 个样本、{c} 个类别的一批数据上计算损失",
    "why.title": "为什么要一个数",
    "why.text": (
        "训练需要一个数来说明网络在一批样本上错得有多厉害，这就是损失。答案完全正确时它是 0，"
        "错得越多它越大。梯度下降随后把每个权重都朝着让它变小的方向改一点，所以损失决定了"
        "什么叫“更好”。两种损失就能覆盖大多数网络：预测数值（回归）用均方误差，预测类别用交叉熵。"
    ),
    "col.i": "i",
    "col.n": "n",
    "col.c": "类别 c",
    "col.dpred": "∂MSE/∂ŷ",
    "mse.title": "均方误差：用于预测数值",
    "mse.text": "网络预测的数是 ŷ，正确答案是 t。把每个误差平方，正负误差就都算数，再取平均：",
    "mse.grad": "∂MSE/∂ŷᵢ = 2 (ŷᵢ − tᵢ) / {m}：比目标大的预测被往下推，比目标小的被往上推。",
    "mse.share": "平方让大误差占的分量最重：最大的那个误差 ŷ − t = {err}（i = {i}）占了总和的 {share}%。",
    "mse.torch": "在 PyTorch 中：torch.nn.functional.mse_loss(pred, target)，对所有元素取平均。",
    "softmax.title": "数值稳定地计算 softmax（第 {row} 行）",
    "softmax.text": (
        "对于类别，网络给每个类别输出一个原始分数，即 logits z。softmax 把一行分数变成概率："
        "p_c = e^(z_c) / Σ_j e^(z_j)。先减去这一行的最大值 m，得到的 p 不变（因子 e^(−m) 会约掉），"
        "而且每个指数都 ≤ 0："
    ),
    "softmax.lse": "log Σ_j e^(z_j) = m + log Σ e^(z − m) = {m} + log {total} = {lse}   （log-sum-exp）",
    "softmax.why": "如果不减，只要有一个 logit 大于 {limit}，e^z 在 float64 中就会溢出成无穷大，相除就得到 nan。",
    "softmax.overflow": "这里减法是必需的：e^{m} 超出了 float64 的范围（会变成无穷大），而 e^(z − m) 永远不超过 1。",
    "softmax.batch": "这一批的每一行，各自的和都是 1：",
    "ce.title": "交叉熵：正确类别概率的 −log",
    "ce.text": (
        "一个样本的交叉熵是 −log p[n, y]，y 是它的正确类别：网络给正确类别的概率为 1 时它是 0，"
        "概率接近 0 时它很大。实际计算用 log-sum-exp 减去正确类别的 logit，即 "
        "log Σ_j e^(z_j) − z_y，即使 p[n, y] 小到舍入成 0 也保持有限。整批的损失取平均："
    ),
    "ce.worst": "样本 {n} 的代价最大（{loss}）：它给正确类别 {y} 的概率只有 {p}。",
    "ce.chance": "在 {c} 个类别中均匀地猜，代价是 log {c} = {chance}；这一批的代价是 {loss}，比均匀猜还大。",
    "ce.better": "在 {c} 个类别中均匀地猜，代价是 log {c} = {chance}；这一批的代价是 {loss}，比均匀猜小。",
    "ce.same": "在 {c} 个类别中均匀地猜，代价是 log {c} = {chance}，正好等于这一批的代价：网络分辨类别并不比瞎猜强。",
    "grad.title": "梯度：(p − onehot(y)) / N，以第 {row} 行为例写出来",
    "grad.derive": (
        "用 logits 写出一个样本的损失，它的正确类别是 y = {y}。只有 z_y 单独出现，"
        "而每个 z_c 都出现在求和里，求和对它的导数是 e^(z_c) / Σ，也就是 p_c 本身："
    ),
    "grad.mean": "损失是 {n} 个这样的项的平均，所以每一行的梯度都要除以 {n}：",
    "grad.signs": (
        "正确类别 {y} 对应的元素是负的（{g}）：梯度下降减去它，这个 logit 就上升；"
        "其他每个 logit 按各自概率的比例下降。每一行的和都是 0。"
    ),
    "grad.certain": "正确类别 {y} 对应的元素是 {g}：网络已经给了它概率 1（在 float64 精度内），所以这个样本不要求任何改变。",
    "grad.torch": (
        "在 PyTorch 中：loss = torch.nn.functional.cross_entropy(logits, y)；loss.backward() "
        "之后 logits.grad 里正好是这个矩阵。"
    ),
    "labels.count": "--labels：给了 {count} 个标签，但 logits 有 {rows} 行；每行给一个标签。",
    "labels.range": "--labels：{value} 不是类别：标签是 0 到 {last} 的整数。",
    "target.count": "--target：给了 {count} 个数，但有 {preds} 个预测；每个预测给一个目标值。",
    "row.range": "--row：{row} 不是 logits 的行（0 到 {last}）。",
}
