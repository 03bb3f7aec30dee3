"""练习的中文文本：标题、任务和提示。

键与 nncli/texts/en/exercises.py 相同："NAME.title"（一行）、"NAME.task"（要做什么，
由 `nncli exercise` 打印）、"NAME.hint.1"、"NAME.hint.2"……（循序渐进：第一条只是点一下，
最后一条几乎把路指明）。
"""

TEXTS = {
    # activations
    "activations.title": "激活函数：relu、sigmoid、tanh 和数值稳定的 softmax",
    "activations.task": (
        "用 NumPy 写出 relu、sigmoid、tanh 和 softmax。每个函数接收任意形状的数组，"
        "返回一个形状相同的新 float64 数组；softmax 沿给定的轴做归一化。"
        "输入大到 ±1000 时，sigmoid、tanh 和 softmax 也必须给出有限的结果，不能出现溢出警告；"
        "tanh 不许调用 np.tanh。"
    ),
    "activations.hint.1": (
        "relu 一行 NumPy 就够了：np.maximum 是逐个元素比较，"
        "而 np.max 会把整个数组归约成一个最大值，两者不一样。"
    ),
    "activations.hint.2": (
        "np.exp(1000) 是 inf。sigmoid 里只去算 e^(−|x|)，它总落在 (0, 1] 之间："
        "x ≥ 0 时用 1/(1 + e^(−x))，x < 0 时用 e^x/(1 + e^x)，再用 np.where 拼起来。"
        "tanh(x) = 2·σ(2x) − 1，所以 sigmoid 稳定了，tanh 也就稳定了。"
    ),
    "activations.hint.3": (
        "softmax 在做 np.exp 之前，先减去每一段的最大值：用 "
        "np.max(x, axis=axis, keepdims=True)，这样结果能和 x 广播，"
        "再除以 np.sum(e, axis=axis, keepdims=True)。这时最大的指数项是 e^0 = 1。"
    ),
    # neuron
    "neuron.title": "感知机与全连接层",
    "neuron.task": (
        "写出 perceptron(x, w, b)：每个样本的加权和 x·w + b 为正时给出 1.0，否则给出 0.0；"
        "再写出 dense(x, W, b)：一层 M 个神经元，对一批 N 个样本（每行一个样本）计算 x @ W + b。"
    ),
    "neuron.hint.1": (
        "x 的形状是 (N, D)，w 的形状是 (D,)，x @ w 一次就给出全部 N 个加权和；"
        "示例函数 weighted_sums 做的正是这件事。"
    ),
    "neuron.hint.2": (
        "像 z > 0 这样的比较得到的是布尔数组；约定要求 float64，"
        "所以用 .astype(np.float64) 转换一下。加权和恰好为 0 时必须给出 0.0，所以比较要用严格的大于号。"
    ),
    "neuron.hint.3": (
        "在 dense 里，x @ W 的形状是 (N, M)：第 n 行是第 n 个样本，第 m 列是第 m 个神经元。"
        "再加上形状为 (M,) 的 b，它会沿行广播，每个神经元一个偏置。"
        "不需要转置：W 本来就是 (D, M)。"
    ),
    # conv
    "conv.title": "卷积：一维真卷积、补零和 conv2d 层",
    "conv.task": (
        "写出 conv1d（两个序列的完整卷积，卷积核要翻转，结果和 numpy.convolve 一样，但不许调用它）、"
        "pad2d（在最后两个轴周围补一圈零）、corr2d（一张特征图和一个卷积核的 valid 互相关），"
        "以及 conv2d（带通道、多个滤波器、偏置、步长和补零的批量卷积层，"
        "数值与 torch.nn.functional.conv2d 相同）。"
    ),
    "conv.hint.1": (
        "conv1d：f 的每个元素 f[k] 都往输出里加上一份乘了 f[k] 的 g，从输出的第 k 个位置开始放。"
        "对 k 循环，写 out[k:k + K] += f[k] * g，整个卷积就完成了，翻转也包含在里面。"
        "就像火车进山洞：车厢一节一节地滑过去，每个位置累加重叠的部分。"
    ),
    "conv.hint.2": (
        "pad2d：先分配形状为 x.shape[:-2] + (H + 2p, W + 2p) 的全零数组，"
        "再把 x 复制到 out[..., p:p + H, p:p + W]。这里的 ... 让前面的轴都保持原样。"
    ),
    "conv.hint.3": (
        "corr2d：out[i, j] = np.sum(x[i:i + KH, j:j + KW] * k)。不要翻转 k："
        "深度学习里的卷积其实是互相关。输出有 H − KH + 1 行、W − KW + 1 列；"
        "输入或卷积核不是方形时，这两个数就不相等。"
    ),
    "conv.hint.4": (
        "conv2d：先补零，再算 H′ = (H + 2·padding − KH) // stride + 1（即示例函数 output_size）。"
        "输出位置 (i, j) 读的是从第 i·stride 行、第 j·stride 列开始的窗口，跨越全部通道："
        "窗口 (N, C, KH, KW) 乘以 w (F, C, KH, KW)，对 C、KH、KW 求和，得到 (N, F)；"
        "np.tensordot 或 np.einsum 一次就能算完。最后只在 b 不是 None 时，"
        "把 b[f] 加到第 f 个滤波器的每个位置上。"
    ),
    # pool
    "pool.title": "最大池化与平均池化",
    "pool.task": (
        "为一批多通道图像 (N, C, H, W) 写出 max_pool2d 和 avg_pool2d："
        "一个 K×K 的窗口每次移动 S 格（stride 为 None 时 S = K），"
        "每个窗口按通道分别给出其中的最大值或平均值。池化就是抓住主要矛盾，"
        "把一片区域浓缩成一个数。不补零；会伸出图像之外的窗口不计算。"
    ),
    "pool.hint.1": (
        "输出有 H′ = (H − K) // S + 1 行、W′ = (W − K) // S + 1 列。"
        "S 除不尽 H − K 时，最后几行根本不会被任何窗口覆盖。"
    ),
    "pool.hint.2": (
        "一开始先处理 stride 为 None 的情况：这时令 stride = kernel_size。"
        "要是把 None 当成 1，窗口就会互相重叠，输出也会大得多。"
    ),
    "pool.hint.3": (
        "只对输出位置 (i, j) 循环：x[:, :, i*S:i*S + K, j*S:j*S + K] 一次取出所有图像、"
        "所有通道在这个位置的窗口，形状是 (N, C, K, K)，"
        "再用 .max(axis=(2, 3)) 或 .mean(axis=(2, 3)) 把它归约成 (N, C)。"
    ),
    # rnn
    "rnn.title": "循环神经网络：先走一步，再走完整个序列",
    "rnn.task": (
        "写出 rnn_step，对一批 N 个序列计算 S_t = tanh(x_t·W_in + S_{t−1}·W_s + b)；"
        "再写出 rnn_forward：沿 T 个时间步反复使用同一组权重，"
        "把每一步的状态带到下一步（也就是把循环神经网络按时间展开），并返回全部状态 (N, T, H)。"
    ),
    "rnn.hint.1": (
        "行向量乘在右边：x_t @ W_in 是 (N, D) @ (D, H)，s_prev @ W_s 是 (N, H) @ (H, H)。"
        "写成 W_s @ s_prev 或 s_prev @ W_s.T，是教科书里列向量的写法，算出来的数不一样。"
    ),
    "rnn.hint.2": (
        "x[:, t] 是所有序列在第 t 步的输入，形状 (N, D)。"
        "像示例函数 running_sum 那样，在循环之前先分配 states = np.zeros((N, T, H))。"
    ),
    "rnn.hint.3": (
        "循环里写：s = rnn_step(x[:, t], s, W_in, W_s, b); states[:, t] = s。"
        "从 s = s0 开始，存的是走完这一步之后的状态，所以 states[:, 0] 是 S_0，而不是 s0。"
    ),
    # lstm
    "lstm.title": "长短期记忆网络：门、细胞状态和整个序列",
    "lstm.task": (
        "写出 lstm_step：由 a = x_t·W + s_{t−1}·U + b 算出四个门"
        "（按列分块，顺序与 PyTorch 相同：i、f、g、o），"
        "更新细胞状态 c_t = f⊙c_{t−1} + i⊙g 和状态 s_t = o⊙tanh(c_t)，返回 (s_t, c_t)；"
        "再写出 lstm_forward：沿 T 个时间步运行它，返回 (states, cells)。"
    ),
    "lstm.hint.1": (
        "a 只算一次，形状 (N, 4H)；H 从 s_prev.shape[1] 读出来。"
        "四块分别是 a[:, 0:H]、a[:, H:2H]、a[:, 2H:3H] 和 a[:, 3H:4H]。"
    ),
    "lstm.hint.2": (
        "顺序是 i、f、g、o，和 PyTorch 打包权重的方式一样：第三块 g 是候选值，不是输出门。"
        "很多教材写成 i、f、o、g，但这里的权重不是那样排的。"
    ),
    "lstm.hint.3": (
        "三个门用 sigmoid（它们是 0 到 1 之间的比例：遗忘门是橡皮擦，输入门是铅笔）；"
        "候选值 g 用 tanh，因为写进细胞状态的值必须可以是负数。"
    ),
    "lstm.hint.4": (
        "新状态用的是新的细胞状态：s_t = o * np.tanh(c_t)，所以要先算出 c_t。"
        "按 (s_t, c_t) 的顺序返回元组；在 lstm_forward 里，s 和 c 都要一步一步传下去。"
    ),
    # attention
    "attention.title": "注意力：编码器状态上的注意力、缩放点积注意力、自注意力",
    "attention.task": (
        "写出 attention_context（解码器的状态用点积给每个编码器状态打分，"
        "沿时间做 softmax 得到权重，上下文就是编码器状态的加权和）、"
        "scaled_dot_product_attention（softmax(QKᵀ/√d)V，带布尔掩码，True 表示可以关注）"
        "和 self_attention（Q、K、V 都由同一个 X 算出来）。"
    ),
    "attention.hint.1": (
        "attention_context：第 n 个样本的分数是 h[n] @ s[n]，形状 (T,)。"
        "整批一起算：(h @ s[:, :, None])[:, :, 0]，或者 np.einsum('nth,nh->nt', h, s)。"
        "softmax 沿 T（第 1 轴）做，不是沿批量。"
    ),
    "attention.hint.2": (
        "Q @ K.swapaxes(-1, -2) 得到形状为 (…, Tq, Tk) 的分数：第 i 行是第 i 个查询和每个键的点积。"
        "再除以 np.sqrt(d)，其中 d = Q.shape[-1] 是一个查询向量的宽度。"
    ),
    "attention.hint.3": (
        "softmax 沿键所在的最后一个轴做，这样每个查询的权重加起来等于 1。"
        "有掩码时，在 softmax 之前把被挡住的分数设成 −inf："
        "np.where(mask, scores, -np.inf)。True 保留分数；exp(−inf) = 0 把它去掉。"
    ),
    "attention.hint.4": (
        "自注意力就是三次投影加一次调用："
        "scaled_dot_product_attention(X @ Wq, X @ Wk, X @ Wv, mask)。"
    ),
    # multihead
    "multihead.title": "多头注意力：拆分、每个头各自做注意力、合并、投影",
    "multihead.task": (
        "写出 split_heads（把最后一个轴切成 n_heads 个连续的块，并让“头”成为一个单独的轴）、"
        "merge_heads（它的逆操作）和 multi_head_attention（用 Wq、Wk、Wv 投影 X，拆成多个头，"
        "用给出的 scaled_dot_product_attention 在每个头里做注意力，合并后再乘以 Wo），"
        "数值与不带偏置的 torch.nn.MultiheadAttention 相同。"
    ),
    "multihead.hint.1": (
        "第 k 个头负责第 k·d/h 到第 (k+1)·d/h − 1 列。把 (N, T, d) reshape 成 "
        "(N, T, h, d/h)，最后一个轴恰好被切成这些块；"
        "然后用 .transpose(0, 2, 1, 3) 交换 T 轴和 h 轴。"
    ),
    "multihead.hint.2": (
        "直接 reshape 成 (N, h, T, d/h) 会按内存顺序排数，把不同词元的数混进错误的头里："
        "转置这一步少不了。merge_heads 把这两步倒过来做：先转置回 (N, T, h, d_head)，"
        "再 reshape 成 (N, T, d)。"
    ),
    "multihead.hint.3": (
        "先用完整的 (d, d) 矩阵做投影，再拆分：Q = split_heads(X @ Wq, n_heads)，K 和 V 同理。"
        "scaled_dot_product_attention 能处理任意多个前导轴，"
        "所以一次调用就能在每个样本的每个头里做完注意力。"
    ),
    "multihead.hint.4": (
        "每个头按自己切片的宽度 √(d/h) 缩放；在拆好的数组上调用给出的 "
        "scaled_dot_product_attention，它会自动这样做。最后算 merge_heads(heads) @ Wo，"
        "同时返回形状为 (N, h, T, T) 的权重。"
    ),
    # transformer
    "transformer.title": "Transformer 编码器：位置编码、层归一化、前馈网络、一整层",
    "transformer.task": (
        "写出 positional_encoding（正弦和余弦交替排列的位置编码）、"
        "layer_norm（沿最后一个轴，用有偏方差，和 torch.nn.LayerNorm 一样）、"
        "feed_forward（relu(x·W1 + b1)·W2 + b2）、"
        "encoder_layer（后归一化：y = layer_norm(x + MHA(x))，out = layer_norm(y + FFN(y))，"
        "使用给出的 multi_head_attention）和 next_token_distribution"
        "（h·W_vocab + b_vocab 在整个词表上的 softmax）。"
    ),
    "transformer.hint.1": (
        "positional_encoding：第 2i 列和第 2i+1 列共用同一个角度 p / 10000^(2i/d)。"
        "把正弦填进 pe[:, 0::2]，余弦填进 pe[:, 1::2]，而不是前一半放正弦、后一半放余弦。"
        "d 为奇数时，正弦列比余弦列多一列。"
    ),
    "transformer.hint.2": (
        "layer_norm：沿 axis=-1、带 keepdims=True 求均值和方差，方差除以 d（np.var 的默认做法），"
        "eps 放在平方根里面：(x − mean) / np.sqrt(var + eps) * gamma + beta。"
    ),
    "transformer.hint.3": (
        "encoder_layer：注意力返回的是元组 (out, weights)，取 out。"
        "每次 layer_norm 之前先把输入加回来（残差连接）："
        "y = layer_norm(x + attn, gamma1, beta1)，前馈网络外面也照样来一遍，用 gamma2 和 beta2。"
    ),
    "transformer.hint.4": (
        "后归一化的意思是先做残差相加，再做归一化。前归一化 x + MHA(layer_norm(x)) "
        "是后来很多模型的做法，但那是另一种层，算出来的数也不同。"
        "next_token_distribution：沿 axis -1 做 softmax，每行一个概率分布。"
    ),
    # gnn
    "gnn.title": "图卷积：归一化邻接矩阵和一层图神经网络",
    "gnn.task": (
        "写出 normalize_adjacency：给每个节点加一个自环，再做对称归一化，"
        "即 D^(−½)(A + I)D^(−½)，其中 D 是 A + I 的度；"
        "再写出 gcn_layer：对每行一个节点的特征 X 计算 relu(normalize_adjacency(A)·X·W)，"
        "这就是图神经网络里的一层图卷积。"
    ),
    "gnn.hint.1": (
        "先加自环，A_tilde = A + np.eye(V)，度也从 A_tilde 算：d = A_tilde.sum(axis=1)。"
        "这样每个度都至少是 1，即使是没有邻居的节点也一样。"
    ),
    "gnn.hint.2": (
        "D^(−½) A_tilde D^(−½) 把第 (i, j) 个元素同时除以 √d_i 和 √d_j："
        "令 r = 1 / np.sqrt(d)，就是 r[:, None] * A_tilde * r[None, :]，"
        "也可以写成 np.diag(r) @ A_tilde @ np.diag(r)。"
    ),
    "gnn.hint.3": (
        "gcn_layer：先算 normalize_adjacency(A) @ X @ W，再做 relu。行向量乘在右边："
        "X @ W 一次把每个节点的 F 个特征映射成 F′ 个。"
    ),
    # backprop
    "backprop.title": "反向传播：两层网络的梯度，再往下走一步",
    "backprop.task": (
        "写出 dense_backward 和 relu_backward，把梯度往回传过一层；softmax_cross_entropy，"
        "一批样本的平均损失及其梯度（logits 为 ±1000 时也保持有限）；mlp_loss_and_grads，"
        "带 ReLU 隐藏层的两层网络的损失和四个梯度（放在一个与参数同键的字典里）；"
        "以及 sgd_step，梯度下降的一步，返回一个新的参数字典。"
        "用示例 numerical_gradient 逐个检查你的梯度。"
    ),
    "backprop.hint.1": (
        "盯住形状：一个梯度的形状和它所对应的量相同。对 out = x @ W + b，dout 是 (N, M)，"
        "dx = dout @ W.T 是 (N, D)，dW = x.T @ dout 是 (D, M)，db 必须是 (M,)："
        "b 加到了每个样本上，所以它的梯度要把 dout 沿批量维（axis 0）求和。"
    ),
    "backprop.hint.2": (
        "relu_backward 在输入 x 为正的地方保留 dout，其余地方（包括 0）置 0：dout * (x > 0)。"
        "掩码来自 x，而不是 dout。"
    ),
    "backprop.hint.3": (
        "softmax_cross_entropy：先减去每行的最大值再取 np.exp，"
        "log p = shifted − log(Σ e^shifted)，loss 是 −log p[n, y[n]] 的平均值；"
        "梯度是 (p − onehot(y)) / N，之所以除以 N，是因为损失是平均值。损失可以返回一个 float（float(loss)）或一个 0 维数组。"
    ),
    "backprop.hint.4": (
        "mlp_loss_and_grads 把各部分串起来：前向算出 z1、h = relu(z1)、z2；"
        "softmax_cross_entropy(z2, y) 给出 dz2；dense_backward(dz2, h, W2) 给出 dh、dW2、db2；"
        "relu_backward(dh, z1) 给出 dz1；dense_backward(dz1, X, W1) 给出 dW1 和 db1。"
        "最后返回损失，以及以 W1、b1、W2、b2 为键的四个梯度组成的字典。"
        "sgd_step 建一个新字典，每个名字对应 params[name] - lr * grads[name]；写成 params[name] -= … 会改掉调用者的数组。"
    ),
    # train
    "train.title": "训练：在直线分不开的数据上训练你自己的分类器",
    "train.task": (
        "写出 fit_predict(X_train, y_train, X_test, n_classes, seed)：用带标签的二维点训练你自己的网络，"
        "返回它对 X_test 预测的整数标签。隐藏的数据集（异或、两个月牙、三条螺旋）任何线性模型都分不开；"
        "在每个数据集上至少 90% 的预测要正确，而且要在检查的时间限制之内完成。"
    ),
    "train.hint.1": (
        "从 backprop 练习出发：把你的 dense_backward、relu_backward、softmax_cross_entropy 和 "
        "mlp_loss_and_grads 复制到这个文件里，然后循环：在整个训练集上计算损失和梯度，"
        "做一次 sgd_step，每一百步打印一次损失，看它是否在下降。"
    ),
    "train.hint.2": (
        "标准化：用训练集的均值和标准差算 X = (X_train − mean) / std，并对 X_test 使用同样的均值和标准差。"
        "W1 和 W2 用 np.random.default_rng(seed) 生成、大小约为 √(2/n) 的随机值（n 是输入个数），偏置从 0 开始。"
    ),
    "train.hint.3": (
        "一个可行的设置：32 到 64 个隐藏单元，学习率 0.5 左右，1000 到 2000 步全批量梯度下降"
        "（加动量可以更少）。用 np.argmax(relu(X_test @ W1 + b1) @ W2 + b2, axis=1) 预测，"
        "并先在训练集中留出的一部分上测量准确率，再相信它。"
    ),
    # cnn_backward
    "cnn_backward.title": "卷积和池化的反向传播",
    "cnn_backward.task": (
        "写出 conv2d_backward，即 conv 练习中 conv2d 对输入、卷积核和偏置的梯度（含步长和补零；"
        "dx 的形状与补零之前的输入相同），以及 max_pool2d_backward 和 avg_pool2d_backward："
        "把每个窗口的梯度送回窗口里的最大值（并列时给第一个），或者平均分给窗口里的每个位置；"
        "窗口重叠的地方，梯度相加。"
    ),
    "cnn_backward.hint.1": (
        "像 conv2d 一样遍历输出位置 (i, j)。它读过的窗口 xp[:, :, i·s:i·s+KH, j·s:j·s+KW] "
        "的梯度加上 dout[:, :, i, j] 乘以 w（对 F 个卷积核求和），dw 加上 dout[:, :, i, j] "
        "乘以这个窗口（对批量 N 求和）。要用 +=：窗口会重叠。"
    ),
    "cnn_backward.hint.2": (
        "先给 x 补零，把梯度累加到补零后形状的 dxp 里；最后把边框切掉："
        "dx = dxp[:, :, p:p + H, p:p + W]。db 是 dout 沿批量和所有位置求和：dout.sum(axis=(0, 2, 3))。"
    ),
    "cnn_backward.hint.3": (
        "max_pool2d_backward：把每个窗口展平成 K² 个值，np.argmax 按行优先给出第一个最大值；"
        "divmod(index, K) 把它换回窗口里的（行，列），在那里加上 dout[n, c, i, j]。"
        "avg_pool2d_backward 给窗口里的每一格加上 dout[:, :, i, j] / K²。"
    ),
    # bptt
    "bptt.title": "随时间反向传播：循环神经网络的梯度",
    "bptt.task": (
        "写出 rnn_step_backward，即一步 S_t = tanh(x_t·W_in + S_{t−1}·W_s + b) 对 x_t、S_{t−1}、"
        "W_in、W_s 和 b 的梯度；以及 rnn_backward，它从最后一步走回第一步，"
        "把每个状态的梯度带到前一步，并把权重的梯度在各步上累加。"
    ),
    "bptt.hint.1": (
        "先过 tanh：da = ds * (1 − s_t²)，用 tanh 的输出写出它的导数。"
        "然后 a = x_t @ W_in + s_prev @ W_s + b 相当于两次全连接：dx_t = da @ W_in.T，"
        "ds_prev = da @ W_s.T，dW_in = x_t.T @ da，dW_s = s_prev.T @ da，db = da.sum(axis=0)。"
    ),
    "bptt.hint.2": (
        "rnn_backward：先运行一次 rnn_forward 拿到所有状态，再按 t = T−1 … 0 往回走。"
        "到达 S_t 的梯度是 dstates[:, t] 加上第 t+1 步的 ds_prev（最后一步为零）。"
        "S_{t−1} 是 states[:, t−1]，t = 0 时是 s0。"
    ),
    "bptt.hint.3": (
        "每一步共用同一组权重：dW_in、dW_s 和 db 从零开始，逐步加上每一步的份额。"
        "越过第 0 步带出去的就是 ds0；dx[:, t] 是第 t 步的 dx_t。"
    ),
    # attention_backward
    "attention_backward.title": "softmax 和缩放点积注意力的反向传播",
    "attention_backward.task": (
        "写出 softmax_backward，即沿某个轴经过 y = softmax(x) 的梯度（每个输出都依赖同一切片里的每个输入），"
        "以及 scaled_dot_product_attention_backward，即 attention 练习中注意力的输出对 Q、K、V 的梯度，"
        "要带上前向时的 1/√d 缩放和掩码。"
    ),
    "attention_backward.hint.1": (
        "softmax 的雅可比矩阵是 ∂y_i/∂x_j = y_i (δ_ij − y_j)。乘上 dout 之后变成 "
        "dx = y * (dout − Σ dout·y)，沿该轴求和并 keepdims=True：一行就够，不需要真的构造雅可比矩阵。"
    ),
    "attention_backward.hint.2": (
        "按相反的顺序撤销前向计算。out = P @ V 给出 dV = Pᵀ @ dout 和 dP = dout @ Vᵀ"
        "（np.swapaxes(…, −1, −2) 转置最后两个轴）；然后 dS = softmax_backward(dP, P)。"
    ),
    "attention_backward.hint.3": (
        "S = Q Kᵀ / √d，所以 dQ = dS @ K / √d，dK = dSᵀ @ Q / √d。用给出的 "
        "scaled_dot_product_attention 和同一个掩码得到 P：被掩盖的权重恰好是 0，"
        "所以它们的 dS 是 0，梯度不会从那里流过。"
    ),
}
