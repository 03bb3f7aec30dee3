"""`backprop` 主题的中文文本。"""

TEXTS = {
    "summary": "两层网络的反向传播：链式法则的每个乘积都写出数值，再做梯度检验和一步梯度下降。",
    "title": "反向传播：{n} 个样本，{d} 个输入，{h} 个隐藏单元，{c} 个类别",
    "setup.title": "网络",
    "setup.text": (
        "一个两层网络：一个全连接层、ReLU、第二个全连接层（它的输出就是 logits）、softmax，"
        "以及对整批取平均的交叉熵损失（见 nncli explain loss）。X 的每一行是一个样本。"
    ),
    "setup.backward": (
        "学习要回答的问题是：每个权重如果增大一点，损失会变化多少？这个数就是梯度 ∂L/∂W。"
        "反向传播向后走一遍就得到所有梯度：每个运算只需知道自己的局部导数（输出随输入怎样变），"
        "链式法则沿着从损失回到每个权重的路径，把这些局部导数乘起来。"
    ),
    "forward.title": "前向：从 X 到损失",
    "forward.text": "每一层都是矩阵乘积加偏置；ReLU 把负的元素变成 0（淡色显示）。",
    "output.title": "反向，在输出处：∂L/∂z2",
    "output.text": (
        "第一个局部导数是 softmax 和交叉熵合在一起的导数 (p − onehot(y)) / {n}："
        "概率在每个正确类别处减 1，再除以批大小，因为损失是平均值。"
    ),
    "second.title": "反向，穿过第二层：∂L/∂W2 和 ∂L/∂b2",
    "second.local": (
        "z2[n,c] = Σ_j h[n,j]·W2[j,c] + b2[c]，所以 z2[n,c] 对 W2[j,c] 的局部导数是 h[n,j]，"
        "对 b2[c] 的局部导数是 1。每个样本都用到 W2[j,c]，所以链式法则对每个样本加一个乘积："
    ),
    "second.chain": "∂L/∂W2[j,c] = Σ_n ∂L/∂z2[n,c] · ∂z2[n,c]/∂W2[j,c]",
    "second.bias": "偏置加到每一行上，局部导数是 1，所以它的梯度是 dz2 按列求和：",
    "hidden.title": "反向，进入隐藏层：∂L/∂h",
    "hidden.text": "z2[n,c] 对 h[n,j] 的局部导数是 W2[j,c]。一个隐藏单元连到每个类别，所以它的梯度对每个类别加一个乘积：",
    "relu.title": "反向，穿过 ReLU：∂L/∂z1",
    "relu.text": "ReLU 的局部导数在 z1 > 0 处为 1，其他地方为 0（恰好为 0 时取 0，与 PyTorch 相同），所以梯度要么原样通过，要么被挡住：",
    "relu.blocked": "{total} 个元素中有 {count} 个 z1 ≤ 0：它们的梯度是 0，连到它们的权重从这些样本中学不到东西。",
    "relu.none": "这里所有 z1 都是正的，所以 ReLU 把梯度全部传了回去。",
    "first.title": "反向，穿过第一层：∂L/∂W1 和 ∂L/∂b1",
    "first.text": "和 W2 的规则一样，只是低了一层：z1[n,j] 对 W1[d,j] 的局部导数是 X[n,d]。",
    "first.torch": "这就是 loss.backward() 之后 PyTorch 自动求导留在 .grad 里的四个梯度（torch.nn.Linear 里 W1 和 W2 是转置存放的）。",
    "check.title": "用数值方法检验梯度",
    "check.text": (
        "检验梯度不需要任何微积分：把一个权重往上和往下各挪 1e−5，分别算出损失，"
        "两者之差除以 2e−5（中心差分）。这里检验 W1[{d},{j}]，也就是梯度最大的那个权重："
    ),
    "check.analytic": "反向传播：∂L/∂W1[{d},{j}] = {value}",
    "check.error": "相对误差 |a − b| / (|a| + |b|) = {error}",
    "check.agree": "两者在很多位上一致：对这个权重，反向传播是对的。",
    "check.disagree": "两者不一致：相对误差大于 1e−6，说明反向传播有错（或者 ReLU 的折点落在 1e−5 之内）。",
    "descent.title": "一步梯度下降，lr = {lr}",
    "descent.text": "梯度指向损失增长最快的方向，所以每个参数都朝反方向走一小步，步长按学习率 lr 缩放：",
    "col.param": "参数",
    "descent.smaller": "损失从 {old} 降到了 {new}：用 lr = {lr} 走一步，网络在这批数据上变好了。",
    "descent.larger": "损失反而从 {old} 升到了 {new}：lr = {lr} 太大，这一步越过了梯度指向的谷底。把 --lr 调小就会下降。",
    "descent.same": "损失停在 {old}：梯度为 0，所以用 lr = {lr} 走一步什么也没改变。",
    "shape.mismatch": "{option}：形状是 {got}，但这个网络需要 {need}。",
    "lr.range": "--lr：学习率必须大于 0、不超过 1000（步子再大只会溢出）。",
}
