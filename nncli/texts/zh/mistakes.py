"""隐藏测试能认出来的常见错误的中文说明。

键是 nncli/grader/cases/NAME.py 里 Mistake 的 `key`。每段话都说明：你的结果和什么对上了、
正确的约定是什么、这个约定从哪里来，好让学习者知道该改哪里。没有占位符，原样显示。
"""

TEXTS = {
    # activations
    "relu_step": (
        "你的结果在 x > 0 处是 1，其余是 0：这是 ReLU 的导数，不是 ReLU 本身。"
        "relu(x) 保留的是正数本身：max(0, x)，用 np.maximum 来算。"
    ),
    "sigmoid_sign": (
        "你的结果等于 σ(−x)：指数的符号反了。σ(x) = 1/(1 + e^(−x)) 随 x 增大而增大，"
        "x 很负时接近 0，x 很正时接近 1。"
    ),
    "tanh_half": (
        "你的结果等于 2σ(x) − 1，也就是 tanh(x/2)。正确的恒等式是 tanh(x) = 2σ(2x) − 1："
        "sigmoid 里要放 2x。"
    ),
    "softmax_wrong_axis": (
        "你的 softmax 沿错了轴：加起来等于 1 的切片方向反了。"
        "要沿约定指定的轴归一化（分数形状为 (N, classes) 或 (…, queries, keys) 时就是最后一个轴，"
        "每一行是一个概率分布），并且给 np.max 和 np.sum 传同一个 axis，加上 keepdims=True。"
    ),
    "softmax_whole_array": (
        "你的结果是整个数组加起来等于 1，而不是沿某一个轴。不带 axis= 的 np.sum 会把所有元素都加起来；"
        "改用 np.sum(e, axis=axis, keepdims=True)，让每个切片各自归一化。"
    ),
    # neuron
    "perceptron_ge": (
        "x·w + b 恰好为 0 时，你的感知机给出了 1。约定用的是严格的阶跃函数："
        "只有 x·w + b > 0 时才是 1.0，所以加权和恰好为 0 时应给出 0.0。"
    ),
    "perceptron_sign": (
        "你的感知机给出的是 −1 而不是 0。有些教材用 ±1 作为输出；"
        "这里的约定是 1.0 和 0.0，也就是最初的感知机所用的阶跃函数。"
    ),
    "missing_bias": (
        "你的结果和去掉偏置之后的正确计算对上了：漏加了偏置项。"
        "每个神经元（每个滤波器、每个输出单元）在加权和之后都要加上自己的偏置，"
        "例如 x @ W + b，b 沿批量广播。"
    ),
    "transposed_result": (
        "你的结果是正确答案的转置。这里的约定是批量维在前、行向量乘在右边："
        "x @ W 每个样本得到一行。写成列向量形式的 W @ x（很多教材这样写），两个轴就对调了。"
    ),
    "weights_transposed": (
        "你的结果和 x @ W.T + b 对上了。W 按 (D, M) 存放，即输入数在前、输出数在后，"
        "这样一行输入乘在右边：x @ W。（torch.nn.Linear 存的是它的转置 (M, D)，"
        "计算的是 x @ weight.T。）"
    ),
    # conv
    "conv_not_flipped": (
        "你算的是互相关：g 没有翻转就沿 f 滑过去了。数学里的卷积 "
        "(f∗g)[n] = Σ_k f[k]·g[n−k] 要先把 g 翻转，numpy.convolve 就是这样做的。"
        "（跳过翻转的是深度学习里的卷积层。）"
    ),
    "conv_valid_only": (
        "你的结果只保留了 g 完全落在 f 里面的那些位置（'valid'）。"
        "完整的卷积保留所有有重叠的位移：一共 L + K − 1 个值。"
    ),
    "pad_one_side": (
        "你的补零全补在了一边：x 挤在左上角。补零 p 是在上下左右每一边各补 p 个零，"
        "这样 x 位于正中间。"
    ),
    "pad_all_axes": (
        "你的结果在每个轴上都补零了，连批量轴和通道轴也补了。只有最后两个轴 H 和 W 需要补零；"
        "np.pad(x, p) 会把所有轴都补上，所以要给每个轴各自指定宽度：前面的轴写 (0, 0)。"
    ),
    "kernel_flipped": (
        "你算的是真卷积：卷积核被翻转了。深度学习里的卷积层"
        "（torch.nn.functional.conv2d 之类）算的是互相关：卷积核原样放在输入上，"
        "out[i, j] = Σ x[i+a, j+b]·k[a, b]。"
    ),
    "stride_ignored": (
        "你的结果和用默认步长算出的结果对上了，传进来的 stride 没有起作用。"
        "窗口每次移动 `stride` 格：输出的第 i 个位置从输入的第 i·stride 行开始读。"
    ),
    "padding_ignored": (
        "你的结果和不补零的计算对上了。补零为 p 时，要先在 H 和 W 的两边各补上零，"
        "这时 H′ = ⌊(H + 2p − KH)/stride⌋ + 1。"
    ),
    # pool
    "pool_default_stride": (
        "你的结果和步长为 1 的计算对上了：stride=None 被当成了 1。"
        "在 PyTorch 的池化里，stride 为 None 表示 stride = kernel_size，窗口一个挨一个，互不重叠。"
    ),
    "pool_partial_windows": (
        "你的结果在下边或右边多出了被截断的窗口。不补零时，PyTorch 默认（floor 模式）只保留完整的窗口："
        "H′ = ⌊(H − K)/S⌋ + 1，剩下的行或列直接舍去。"
    ),
    "avg_pool_sum": (
        "你的结果是每个窗口的和，等于平均值的 K² 倍。平均池化要除以窗口里的格数。"
    ),
    # rnn, lstm
    "recurrent_weights_transposed": (
        "你的结果和 s_prev @ W_s.T 对上了。行向量乘在右边时，循环项是 s_prev @ W_s"
        "（W_s 是 (H, H)，从状态单元到状态单元）。教科书里的 W·s 用的是列向量，"
        "PyTorch 为此存的是 weight_hh_l0 = W_s.T。"
    ),
    "rnn_no_activation": (
        "你的结果是 x_t·W_in + s_prev·W_s + b 这个和，少了 tanh。"
        "每一步都要用 tanh 把状态压扁，让它保持在 (−1, 1) 之内。"
    ),
    "rnn_states_shifted": (
        "你的状态错开了一步：states[:, 0] 是 s0。约定存的是读完每个输入之后的状态："
        "states[:, t] = S_t，由 x[:, t] 算出；s0 本身不属于输出。"
    ),
    "state_not_carried": (
        "你的结果和“每一步都从初始状态重新开始”的计算对上了。第 t 步算出的状态"
        "（对 LSTM 来说还有细胞状态）必须作为第 t + 1 步的输入：网络正是靠这个记住东西的。"
    ),
    "gates_order": (
        "你的结果和把 W、U、b 的四个 H 宽的列块按 {order} 的顺序读取对上了。"
        "这些块装的门依次是 i、f、g、o（输入门、遗忘门、候选值、输出门），"
        "和 PyTorch 打包 torch.nn.LSTM 权重的方式一样；别的书可能按别的顺序打包。"
        "第 k 块（第 k·H 到 (k+1)·H − 1 列）要当作 i、f、g、o 中的第 k 个来读。"
    ),
    "lstm_sigmoid_on_g": (
        "你的结果和“候选值 g 也用 sigmoid”对上了。三个门是比例，用 σ；"
        "候选值 g 用 tanh，这样写进细胞状态的内容才可以是负数。"
    ),
    "lstm_state_without_tanh": (
        "你的状态和 o ⊙ c_t 对上了。新状态是 s_t = o ⊙ tanh(c_t)：细胞状态可能超出 ±1，"
        "先用 tanh 压扁，再由输出门放出去。"
    ),
    "lstm_outputs_swapped": (
        "你的两个输出顺序反了。约定先返回状态、再返回细胞状态：单步是 (s_t, c_t)，"
        "整个序列是 (states, cells)，和 torch.nn.LSTM 返回 (h, c) 一样。"
    ),
    # attention
    "attention_context_scaled": (
        "你的权重和“分数除以 √H”对上了。这种编码器-解码器注意力用的是普通点积 e_t = h_t·s；"
        "除以 √d 属于 Transformer 里的缩放点积注意力。"
    ),
    "missing_scaling": (
        "你的结果和“分数没有除以 √d”对上了。缩放点积注意力用的是 softmax(QKᵀ/√d)："
        "d 个方差为 1 的数做点积，方差是 d；不缩放的话，d 越大 softmax 越容易饱和。"
    ),
    "scaled_by_d_model": (
        "你的结果和“除以 √d_model”对上了。缩放用的是参与比较的向量宽度的平方根："
        "自注意力里是 d_k，多头注意力里每个头内部是 d/h。"
    ),
    "mask_inverted": (
        "你的结果和“掩码含义取反”对上了。这里 True 表示可以关注，"
        "和 torch.nn.functional.scaled_dot_product_attention 一样：掩码为 True 的地方保留分数，"
        "其余设成 −inf。（nn.MultiheadAttention 的布尔掩码含义正好相反，这是混淆的常见来源。）"
    ),
    "mask_ignored": (
        "你的结果和不加掩码的注意力对上了。掩码为 False 的地方，要在 softmax 之前把分数设成 −inf"
        "（np.where(mask, scores, -np.inf)），这样权重恰好是 0。"
    ),
    # multihead
    "heads_interleaved": (
        "你的头是交错切分的：第 k 个头拿到了第 k、k + h、k + 2h……列。"
        "每个头应当拿一段连续的列：第 k·d/h 到第 (k+1)·d/h − 1 列，"
        "torch.nn.MultiheadAttention 就是这样切的。先 reshape 成 (N, T, h, d/h)，再把头轴往前移。"
    ),
    "heads_reshaped_without_transpose": (
        "你的结果和在 (N, T, d) 与 (N, h, T, d/h) 之间直接 reshape 对上了。"
        "reshape 按内存顺序排数，词元就落进了错误的头里。"
        "应当 reshape 成 (N, T, h, d/h)，再交换 T 轴和 h 轴（合并时反过来做）。"
    ),
    "missing_output_projection": (
        "你的结果和“合并各个头之后没有做输出投影”对上了。"
        "多头注意力最后还有一步 merge(heads) @ Wo，把各个头的输出混合在一起。"
    ),
    # transformer
    "pe_not_interleaved": (
        "你把所有正弦放在了前一半列，所有余弦放在了后一半列。"
        "在 Transformer 的原始论文（Vaswani 等人，2017 年，题目意为“注意力就是你所需的全部”）里，"
        "它们是交替排列的：第 2i 列是 sin，"
        "第 2i+1 列是 cos，角度都是 p / 10000^(2i/d_model)。这就是位置编码的原始定义。"
    ),
    "pe_sin_cos_swapped": (
        "你把余弦放在了偶数列，正弦放在了奇数列。原始定义是 PE[p, 2i] = sin(…)，"
        "PE[p, 2i+1] = cos(…)。"
    ),
    "pe_column_exponent": (
        "你给每一列都用了各自的频率 p / 10000^(j/d_model)。第 2i 列和第 2i+1 列共用一个频率，"
        "指数是 2i/d_model：奇数列用的是它左边那个偶数列的下标。"
    ),
    "unbiased_variance": (
        "你的结果用的是无偏方差（除以 d − 1）。层归一化用的是有偏方差，除以 d，"
        "和 torch.nn.LayerNorm 一样；np.var 的默认设置（ddof=0）正是这一种。"
    ),
    "eps_outside_sqrt": (
        "你的结果除以的是 (std + eps)。eps 应当放在平方根里面：(x − mean) / √(var + eps)，"
        "和 torch.nn.LayerNorm 一样。"
    ),
    "batch_norm_instead": (
        "你的结果是沿第一个轴、跨整个批量做的归一化：那是批归一化。"
        "层归一化是对每个向量单独求均值和方差，沿最后一个轴（axis=-1，keepdims=True）。"
    ),
    "ffn_no_relu": (
        "你的结果在两层之间没有 ReLU。没有它，两个线性映射会合并成一个；"
        "前馈网络是 relu(x·W1 + b1)·W2 + b2。"
    ),
    "ffn_relu_at_end": (
        "你的结果在第二层之后也做了 ReLU。只有隐藏层需要激活：relu(x·W1 + b1)·W2 + b2，"
        "所以输出可以是负数。"
    ),
    "pre_norm": (
        "你的层是前归一化：x + MHA(layer_norm(x))。约定沿用原始论文的后归一化："
        "先做残差相加，再做 layer_norm(x + MHA(x))，前馈网络外面也一样。"
    ),
    "missing_residual": (
        "你的层漏掉了残差连接。每个子层的输入都要在归一化之前加回来："
        "layer_norm(x + MHA(x))，然后 layer_norm(y + FFN(y))。"
    ),
    "layer_norm_params_swapped": (
        "你的层在注意力之后用了 gamma2/beta2，在前馈网络之后用了 gamma1/beta1。"
        "第一组属于第一个 layer_norm（注意力之后），第二组属于第二个。"
    ),
    "logits_not_probabilities": (
        "你的结果是 logits h·W_vocab + b_vocab。下一个词元的概率分布是它们在整个词表上的 softmax："
        "每一行都是加起来等于 1 的正数。"
    ),
    # gnn
    "no_self_loops": (
        "你的结果和没有自环的邻接矩阵 D^(−½) A D^(−½) 对上了。Kipf 和 Welling 先加上单位矩阵，"
        "得到 A + I，这样每个节点在混合时保留自己的特征，算度时也把自己算进去。"
    ),
    "degree_without_self_loop": (
        "你的结果用的是 A 的度，却配上了矩阵 A + I。度也必须取自 A + I，每个节点把自己也算上："
        "d_i = 1 + 它的邻居数。"
    ),
    "row_normalized": (
        "你的结果和 D^(−1)(A + I) 对上了，这是按行归一化（对邻居取平均）。"
        "Kipf 和 Welling 的 GCN 做的是对称归一化：D^(−½)(A + I)D^(−½)，"
        "第 (i, j) 个元素除以 √(d_i·d_j)。"
    ),
    "gcn_no_relu": (
        "你的结果没有 ReLU。GCN 层是 relu(Â·X·W)：负值要变成 0。"
    ),
    "gcn_unnormalized": (
        "你的结果和没有归一化的 relu((A + I)·X·W) 对上了。"
        "Â = D^(−½)(A + I)D^(−½) 能防止求和结果随邻居数目增长。"
    ),
    # backprop
    "db_not_summed": "db 每个样本各有一行：b 加到了每个样本上，所以它的梯度是 dout 沿批量维求和，dout.sum(axis=0)，形状为 (M,)。",
    "dense_grad_transposed": "dW 被转置了：out = x @ W 让 x[n, d] 和 W[d, m] 相乘，所以 dW = x.T @ dout，形状与 W 相同，是 (D, M)，而不是 dout.T @ x。",
    "relu_mask_from_dout": "掩码取自 dout：ReLU 在其输入 x 为正的地方让梯度通过，所以 dx = dout * (x > 0)，与 dout 的正负无关。",
    "relu_slope_at_zero": "恰好为 0 的输入让梯度通过了：和 PyTorch 一样，ReLU 在 0 处的斜率取 0，所以掩码是 x > 0，而不是 x >= 0。",
    "ce_sum_not_mean": "损失在批量上求了和：这里的交叉熵是 N 个样本的平均值（与 PyTorch 的默认一致），所以损失和它的梯度都要除以 N。",
    "ce_grad_not_divided": "损失是平均值，但它的梯度没有除以 N：N 个样本平均值的梯度是 (p − onehot(y)) / N。",
    "softmax_not_shifted": "e^1000 溢出为 inf，inf/inf 得到 nan：在 np.exp 之前先让 logits 每行减去该行的最大值（概率不会因此改变），并用 shifted − log Σ e^shifted 求 log p。",
    "relu_not_applied_backward": "梯度穿过隐藏层时就像没有 ReLU 一样：在第一层的 dense_backward 之前，先把 dh 乘以 (z1 > 0)（即 relu_backward）。",
    "sgd_ascent": "这一步走上坡了：梯度下降要减去梯度，param − lr · grad；加上梯度会让损失变大。",
    # cnn_backward
    "conv_grad_db_per_example": "db 保留了批量维：第 f 个卷积核的偏置加在了每张图像的每个位置上，所以 db[f] 要把 dout 沿批量和所有位置求和，dout.sum(axis=(0, 2, 3))。",
    "conv_grad_kernel_not_flipped": "dx 被算成了 dout 与原样卷积核的卷积：写成完整卷积时，输入的梯度要用旋转 180° 的卷积核（w[:, :, ::-1, ::-1]）。若把 dout[:, :, i, j] · w 加回它读过的每个窗口，则根本不需要翻转。",
    "conv_grad_padding_kept": "dx 的形状是补零之后的输入：补零加在 x 四周的那些零不属于任何输入，所以要把边框切掉，dxp[:, :, p:p + H, p:p + W]。",
    "max_pool_grad_everywhere": "最大池化窗口里的每个输入都拿到了梯度：只有最大值决定了输出，所以只有它得到 dout，其余都是 0。",
    "max_pool_grad_averaged": "最大池化窗口像平均池化那样把梯度平分了：最大池化把整个 dout 都给窗口里的最大值。",
    "max_pool_grad_every_tie": "窗口里的最大值出现两次时，两处都拿到了梯度：和 PyTorch 一样，只有按行优先的第一个最大值（展平窗口后的 np.argmax）得到它。",
    "pool_grad_overwritten": "窗口重叠的地方，后一个窗口覆盖了前一个窗口送来的梯度：被好几个窗口读过的输入，要收集它们梯度的总和（用 +=，不是 =）。",
    "avg_pool_grad_not_divided": "平均池化窗口里的每个输入都拿到了整个 dout：输出是 K² 个输入的平均值，所以每个输入得到 dout / K²。",
    # bptt
    "bptt_no_tanh_derivative": "梯度原样穿过了 tanh：在乘权重之前，先把 ds 乘以 tanh 的导数 1 − s_t²（用这一步的输出 s_t 来写）。",
    "bptt_tanh_of_state": "对 s_t 又做了一次 tanh：s_t 已经是 tanh(a)，所以导数是 1 − s_t²，而不是 1 − tanh(s_t)²。",
    "bptt_recurrent_grad_transposed": "dW_s 被转置了：s_prev @ W_s 让 s_prev[n, i] 和 W_s[i, j] 相乘，所以 dW_s = s_prev.T @ da，而不是 da.T @ s_prev。",
    "bptt_not_carried": "每一步只用了损失自己给的梯度 dstates[:, t]：到达 S_t 的梯度还包括第 t+1 步经由 W_s 送回来的那一份，所以要把 ds_prev 带到前一步。",
    "bptt_not_accumulated": "权重的梯度只是某一步的：W_in、W_s 和 b 在每一步都被使用，所以它们的梯度是所有步的总和（用 +=）。",
    # attention_backward
    "softmax_grad_diagonal": "只用了 softmax 雅可比矩阵的对角线 dout · y(1 − y)：softmax 的每个输出都依赖同一切片里的每个输入，所以 dx = y · (dout − Σ dout·y)。",
    "softmax_grad_no_subtraction": "dx = dout · y 少了第二项：softmax 的各个输出共用一个归一化的和，所以要沿该轴减去 Σ dout·y，dx = y · (dout − Σ dout·y)。",
    "attention_grad_unscaled": "dQ 和 dK 少了分数里的 1/√d：S = Q Kᵀ / √d，所以 dQ = dS K / √d，dK = dSᵀ Q / √d（dV 不受影响）。",
    "attention_grad_mask_ignored": "梯度流过了被掩盖的位置：用和前向相同的掩码计算注意力权重，这样被掩盖的权重是 0，它们的梯度也是 0。",
    # train
    "train_one_class": "每个点都被分到了同一类：网络没有学到东西。常见原因：权重从零开始（每个隐藏单元都一样）、学习率太大使损失变成 nan，或者标签和预测的顺序对不上。",
    "train_linear": "这些预测和线性模型的一样，而这里没有一个数据集能被直线分开：在输入和输出之间加一个带 ReLU 的隐藏层。",
    "softmax_overflow": (
        "你的结果和不先减去最大值、直接算 np.exp(x) / 求和对上了：e^1000 会溢出成 inf，"
        "而 inf / inf 是 nan。先沿着 axis 减去每一组的最大值"
        "（np.max(x, axis=axis, keepdims=True)）再取 np.exp：这不改变任何概率，"
        "而最大的指数变成了 e^0 = 1。"
    ),
    "softmax_global_max": (
        "你的结果和减去整个数组的最大值 np.max(x)、而不是每一组各自的最大值对上了："
        "如果某一行远小于全局最大值，它的每一项都会下溢成 0，0 / 0 就是 nan。"
        "请减去 np.max(x, axis=axis, keepdims=True)，也就是沿着 axis 每一组各自的最大值。"
    ),
    "eps_hard_coded": (
        "你的结果和 eps = {used} 的层归一化对上了，而不是这次调用的 eps："
        "请用传进来的 eps 参数（默认值 1e-05，和 torch.nn.LayerNorm 一样），不要自己写一个数。"
    ),
}
