"""`conv` 主题的中文文本。"""

TEXTS = {
    "summary": "卷积：一维是翻转、平移、相乘、求和；二维带补零和步长，一格一格地算。",
    # 2D
    "title2d": "二维卷积：{h}×{w} 的输入，{kh}×{kw} 的卷积核，补零 {p}，步长 {s}",
    "setup.title": "输入、卷积核和输出的大小",
    "setup.text": (
        "卷积核在输入上滑动。每停在一个位置，就把它盖住的格子和自己的权重逐格相乘、全部加起来，"
        "再加上偏置，得到输出中的一个数值；所有位置的输出合起来就是特征图。"
        "每个位置用的都是同一组 {kh}×{kw} 的权重，所以不管图像多大，这一层只有 {params} 个参数。"
    ),
    "setup.corr": (
        "深度学习框架实际计算的是互相关：卷积核原样盖到输入上，不做翻转。"
        "nncli 也这样算，所以数字和 torch.nn.functional.conv2d 完全一致。"
        "加上 --flip 就是数学意义上的卷积：先把卷积核翻转，再滑动。"
    ),
    "setup.flip": (
        "--flip：真正的卷积要先把卷积核上下、左右各翻转一次再滑动，所以下面用的是翻转后的卷积核。"
    ),
    "setup.size": "输出大小：⌊(H + 2P − K) / S⌋ + 1   （P 是补零，也叫填充；S 是步长，也叫步幅）",
    "setup.size.numbers": "行数：⌊({h} + 2×{p} − {kh}) / {s}⌋ + 1 = {oh}    列数：⌊({w} + 2×{p} − {kw}) / {s}⌋ + 1 = {ow}",
    "pad.title": "补零：在四周补上 {p} 圈 0",
    "pad.text": (
        "在输入四周补上一圈圈的 0（淡色显示），卷积核就能覆盖到边缘。"
        "补零 (K − 1)/2、步长 1 时，输出和输入一样大。"
    ),
    "stride.drop": (
        "步长不能整除：补零后输入的最后 {rows} 行和 {cols} 列没有被任何一个完整的窗口盖住，"
        "所以被舍弃了（向下取整，和 PyTorch 一样）。"
    ),
    "stride.drop.rows": (
        "步长不能整除：补零后输入的最后 {rows} 行没有被任何一个完整的窗口盖住，"
        "所以被舍弃了（向下取整，和 PyTorch 一样）。"
    ),
    "stride.drop.cols": (
        "步长不能整除：补零后输入的最后 {cols} 列没有被任何一个完整的窗口盖住，"
        "所以被舍弃了（向下取整，和 PyTorch 一样）。"
    ),
    "stride.gap": "步长 {s} 比卷积核还大，所以两个窗口之间的行和列根本不会被任何窗口读到。",
    "cell.title": "输出格 ({i}, {j})",
    "cell.text": "窗口从补零后输入的第 {r} 行、第 {c} 列开始。逐格相乘，再全部相加：",
    "cell.text.nopad": "窗口从输入的第 {r} 行、第 {c} 列开始。逐格相乘，再全部相加：",
    "cell.window": "补零后的输入，[ ] 内是窗口",
    "cell.window.nopad": "输入，[ ] 内是窗口",
    "cell.products": "乘积",
    "cell.output": "特征图",
    "cell.land": "{value} 填入特征图的第 {i} 行、第 {j} 列。",
    "matrix.input": "输入",
    "matrix.padded": "补零后的输入",
    "matrix.kernel": "卷积核",
    "matrix.flipped": "翻转后的卷积核",
    "more.title": "其余的格子",
    "result.title": "特征图",
    "result.text": "每一格都这样算，就得到 {oh}×{ow} 的特征图。",
    "receptive.title": "感受野",
    "receptive.text": (
        "每个输出格看到的是输入中一块 {kh}×{kw} 的区域：这就是它的感受野。"
        "在特征图上再叠一层同样的卷积（{kh}×{kw} 的卷积核，步长 {s}），新一层的每一格就能看到 "
        "{r2h}×{r2w} 个输入格；叠第三层则是 {r3h}×{r3w}。"
    ),
    "receptive.rule": (
        "r_l = r_(l−1) + (K_l − 1)·j_(l−1)，   j_l = j_(l−1)·S_l   "
        "（r_0 = 1，j_0 = 1；j 是下面各层步长的乘积）"
    ),
    "receptive.rows": "行：  {steps}",
    "receptive.cols": "列：  {steps}",
    "receptive.picture": (
        "每一层的格子 (0, 0) 读到的输入格（不补零）：1 是第一层看到的，"
        "之后每个数字标出多叠一层新增的部分（共 {layers} 层）："
    ),
    "receptive.gaps": "步长 {s} 比卷积核还大，窗口之间互不相接：中间有些输入格没有任何窗口读到（感受野里的 ·）。",
    "receptive.deeper": "层数越深，看到的区域越大，CNN 正是这样从边缘到花纹、再到整个物体，一级一级认出来的。",
    # several channels (--channels, --filters)
    "title.channels": "卷积层：{c} 个 {h}×{w} 的通道，{f} 个 {c}×{kh}×{kw} 的滤波器，补零 {p}，步长 {s}",
    "ch.setup.title": "输入通道和滤波器",
    "ch.setup.text": (
        "彩色图像有 3 个通道（红、绿、蓝）；隐藏层的输入则是上一层的每张特征图各占一个通道。"
        "这里的输入有 {c} 个 {h}×{w} 的通道。一个滤波器由 {c} 个 {kh}×{kw} 的卷积核叠成，"
        "每个输入通道一个，得到一张输出特征图；{f} 个滤波器得到 {f} 张 {oh}×{ow} 的特征图。"
        "这一层有 {weights} 个权重，每个滤波器再加一个偏置：一共 {params} 个参数。"
    ),
    "ch.input": "输入通道 {c}",
    "ch.more_channels": "… 另有 {count} 个通道按同样方法计算（--all-steps 会全部显示）。",
    "ch.filter.title": "滤波器 {f}：每个通道一个卷积核，各部分相加",
    "ch.filter.text": (
        "滤波器 {f} 把它的 {c} 个卷积核放在每个通道同一个 {kh}×{kw} 的窗口上。"
        "每个通道得到一个部分和；输出格 (0, 0) 就是这些部分和的总和，再加上这个滤波器的偏置："
    ),
    "ch.window": "通道 {c}，[ ] 内是窗口",
    "ch.window.padded": "补零后的通道 {c}，[ ] 内是窗口",
    "ch.kernel": "卷积核 {f}，通道 {c}",
    "ch.partial": "通道 {c}：{terms} = {value}",
    "ch.cell": "output[{f}][0, 0] = {partials} + {bias} = {value}",
    "ch.maps": (
        "每一格都这样算：每个通道的卷积核在自己的通道上滑动，得到一张部分和的图；"
        "滤波器 {f} 的输出就是这些图逐格相加，再加上偏置。"
    ),
    "ch.part": "通道 {c} 的部分",
    "ch.output": "输出 {f}",
    "ch.more_filters": "其余的滤波器",
    "ch.result.title": "这一层的输出",
    "ch.result.text": (
        "{f} 个滤波器，{f} 张 {oh}×{ow} 的输出特征图：不管输入有 {c} 个通道，输出的通道数都等于滤波器的个数。"
        "下一层的每个滤波器就会有 {f} 个卷积核。数字和 torch.nn.functional.conv2d 完全一致。"
    ),
    # 1D
    "title1d": "一维卷积：f 有 {l} 个值，g 有 {k} 个值",
    "setup1d.title": "两个序列",
    "setup1d.text": (
        "(f∗g)[n] = Σₖ f[k]·g[n−k]。可以把它想成火车进山洞：f 是山洞，g 是火车。"
        "先把火车掉个头，让它面对山洞（g[−k]），再让它开进去 n 格（g[n−k]），"
        "把两者重叠的地方相乘，再加起来。每开一格得到一个输出值，一共 {n} 个。"
    ),
    "flip1d.title": "把 g 翻转",
    "flip1d.text": "倒过来以后，g 变成 {flipped}。",
    "matrix.g_flipped": "翻转后的 g",
    "shift1d.title": "平移 n = {n}",
    "shift1d.text": "翻转后的 g 平移 {n} 格：它和 f 在 k = {k0} … {k1} 处重叠。",
    "shift1d.f": "f",
    "shift1d.g": "翻转并平移后的 g",
    "train.f": "f（山洞）",
    "train.g": "g（翻转的火车）",
    "result1d.title": "结果",
    "result1d.text": (
        "全部 {n} 次平移合起来就是 f∗g，和 numpy.convolve(f, g) 的结果一样。"
        "把角色对调，让山洞从火车上方经过，结果完全相同：f∗g = g∗f。"
    ),
    "result1d.layers": (
        "在神经网络里，同样的滑动沿一个方向进行，卷积核只有几个要学习的权重：这就是一维卷积层"
        "（torch.nn.Conv1d，和二维的层一样算的是互相关，所以不翻转）。"
        "它可以沿时间读音频，一个采样接一个采样；也可以一个词一个词地读句子，每个词是一个特征向量。"
    ),
}
