"""`architectures` 一节的中文文本。键和占位符与英文版相同；模型名保持原文。"""

TEXTS = {
    "summary": "CNN 发展历程，从 LeNet 到 ResNet：每个模型改了什么、参数量，以及背后的算术。",
    "title": "1980 到 2015 年的 CNN 架构，以及让它们奏效的算术",
    # 时间线
    "time.title": "时间线",
    "time.text": "每个模型都把一个想法往前推了一步；后面几步把这些想法带来的好处算出来。",
    "col.year": "年份",
    "col.model": "模型",
    "col.change": "改变了什么",
    "time.neocognitron": "福岛邦彦的神经认知机：分层的特征检测和池化，用来识别手写字符；卷积神经网络的前身，不用梯度下降训练",
    "time.LeNet-5": "卷积和池化用反向传播端到端地训练；识别手写数字和邮政编码",
    "time.AlexNet": "同样的结构，更深更宽，用上 ReLU、丢弃法和 GPU；以很大的优势赢得 2012 年 ImageNet 比赛",
    "time.ZFNet": "把每一层检测到的东西可视化，并据此改进 AlexNet 的前几层（7×7、步幅 2，代替 11×11、步幅 4）",
    "time.VGG-16": "只用小的 3×3 卷积核，层层堆叠：感受野相同，权重更少，ReLU 更多",
    "time.GoogLeNet": "不只加深，也加宽：Inception 模块把 1×1、3×3、5×5 并排计算，先用 1×1 卷积减少通道数",
    "time.ResNet-18": "跳跃连接 y = relu(x + F(x))：梯度能穿过每一个块，所以很深的网络也能训练",
    "time.ResNet-50": "更深的 ResNet，用 1×1 → 3×3 → 1×1 的瓶颈块",
    # 参数量
    "count.title": "参数量，逐层数出来",
    "count.text": (
        "下面每个数都是把模型各层加起来得到的：从 C 个通道到 F 个通道的 k×k 卷积有 F·C·k·k 个权重"
        "和 F 个偏置，全连接层有 n_in·n_out 个权重和 n_out 个偏置，批归一化每个通道两个数："
    ),
    "col.params": "参数量",
    "col.fc": "全连接层所占比例",
    "count.shares": (
        "{most} 的参数放在全连接层里的比例最大（{most_share}），{least} 最小（{least_share}）。"
        "最大的模型是 {biggest}，有 {params} 个参数。"
    ),
    "count.which": (
        "AlexNet、VGG-16、ResNet-18 和 ResNet-50 是 torchvision 里的 ImageNet 模型。LeNet-5 "
        "是现在常用的版本（C3 的每张图都连接前面全部六张图，输出层是线性层）；1998 年的论文里 C3 "
        "只稀疏地连接，输出层是径向基函数单元。ZFNet 按它的论文，GoogLeNet 按它论文里的表"
        "（有偏置，没有批归一化，没有辅助分类器）。"
    ),
    # AlexNet
    "alexnet.title": "逐层看 AlexNet",
    "alexnet.text": "五个卷积层和三个全连接层。其中两行的算法：",
    "alexnet.conv": "conv1：{c_out}·{c_in}·{k}·{k} = {weights} 个权重，+ {c_out} 个偏置 = {params}",
    "alexnet.fc": "fc6：{n_in}·{n_out} 个权重 + {n_out} 个偏置 = {params}",
    "col.layer": "层",
    "col.shape": "形状",
    "col.total": "合计",
    "alexnet.share": (
        "全连接层占了参数的 {share}：卷积在每个位置重复使用它那几个权重，全连接层却要为每个输入"
        "和每个输出各配一个权重。"
    ),
    # 小卷积核
    "small.title": "VGG：用两个 3×3 层代替一个 5×5 层",
    "small.text": (
        "经过两个 3×3 层之后，一个格子看到输入里 5×5 的一块，和一个 5×5 层一样；三个 3×3 层看到 "
        "7×7。对每一对通道，堆叠需要的权重更少，而且层与层之间还多了一个 ReLU。输入、输出都是 "
        "C = {C} 个通道时（含偏置）："
    ),
    "col.layers": "层",
    "col.field": "感受野",
    "col.pair": "每对通道的权重数",
    "col.params_c": "参数量，C = {C}",
    "small.stack": "{n} × 3×3",
    "small.one": "1 × {k}×{k}",
    "small.compose": (
        "如果中间没有 ReLU，两个 3×3 层就等于一个 5×5 层，它的卷积核由这两个卷积核组成："
        "k[w] = Σ_(u+v=w) k1[u]·k2[v]。对这两个卷积核："
    ),
    "small.combined": "与它们相等的那个 5×5 卷积核",
    "small.impulse": (
        "验证一下：9×9 的输入里只有一个 1，经过这两层（补零 1）后，得到的正是旋转 180° 的 5×5 "
        "卷积核，这 5×5 之外的格子一个也没被碰到："
    ),
    "small.impulse_out": "经过两个 3×3 层之后",
    "small.limits": (
        "18 个数组不出所有的 5×5 卷积核（那要 25 个数）：这样的堆叠是一个受限的 5×5 层。VGG 赌的是："
        "层与层之间多出来的 ReLU，比它组不出来的那些卷积核更有价值。"
    ),
    # 1×1 瓶颈
    "bottle.title": "GoogLeNet：先用 1×1 卷积减少通道数",
    "bottle.text": (
        "一张 {H}×{H}、{C} 个通道的特征图，进入一个有 {F} 个卷积核的 3×3 卷积（补零后仍是 "
        "{H}×{H}）。要么直接算，要么先用 1×1 卷积把 {C} 个通道减到 {R} 个。权重数（不算偏置）和"
        "乘加次数（每个输出位置、每个权重各一次）："
    ),
    "bottle.eq_direct": "直接算：3·3·{C}·{F} = {w} 个权重；× {hw} 个位置 = {m} 次乘加",
    "bottle.eq_cut": "先 1×1：{C}·{R} + 3·3·{R}·{F} = {w} 个权重；× {hw} 个位置 = {m} 次乘加",
    "col.path": "路径",
    "col.weights": "权重数",
    "col.macs": "乘加次数",
    "bottle.direct": "3×3，{C}→{F}",
    "bottle.cut": "1×1，{C}→{R}",
    "bottle.after": "再 3×3，{R}→{F}",
    "bottle.both": "1×1 再 3×3",
    "bottle.saves": "先减少通道数，只需要直接 3×3 的 {share} 的权重和乘加次数。",
    "bottle.costs": "这里减得太少，不划算：1×1 层加上后面的 3×3 层，需要直接 3×3 的 {share} 的权重和乘加次数。",
    "bottle.dense": "1×1 卷积就是在每个像素上用同一个全连接层：每个输出通道是这个像素上各输入通道的加权和。",
    # 残差
    "res.title": "ResNet：用数值算一个残差块",
    "res.text": (
        "残差块在 ReLU 之前把输入加回来：y = relu(x + F(x))，F 是一个小的两层分支，"
        "F(x) = w2·relu(w1·x + b1) + b2（这里有两个隐藏单元，权重由 --seed 抽取）。取 x = 1："
    ),
    "res.grad": "按链式法则，这个块的斜率等于经过跳跃连接的斜率 1，加上经过 F 的斜率：",
    "res.skip": (
        "这个 {one} 就是跳跃连接：即使 F 很平（∂F/∂x 接近 0，比如刚初始化或已经饱和的层），梯度"
        "照样能传过去。没有跳跃连接，这个块只能传回 ∂F/∂x。"
    ),
    "stack.title": "梯度穿过 {L} 个块：有跳跃连接和没有跳跃连接",
    "stack.text": (
        "把同样的 {L} 个分支叠起来，从 x = {x} 出发：一次作为残差块，一次不加跳跃连接"
        "（y = relu(F(x))）。从输出传回输入的梯度，是各个块斜率的乘积："
    ),
    "col.block": "块",
    "col.x_res": "x（残差）",
    "col.f_res": "斜率 1 + F′",
    "col.x_plain": "x（无跳跃）",
    "col.f_plain": "斜率 F′",
    "stack.products": "∂x_L/∂x_0：残差 {res}，无跳跃 {plain}",
    "stack.res_larger": (
        "有跳跃连接时，梯度是没有时的 {ratio} 倍：没有跳跃连接的一叠要乘很多个小于 1 的斜率，"
        "残差的一叠乘的都是接近 1 的斜率。所以 ResNet 可以有 50 层甚至 150 层。"
    ),
    "stack.plain_larger": (
        "这里没有跳跃连接的梯度反而更大（是残差梯度的 {ratio} 倍）：跳跃连接并不总让梯度变大，"
        "它让每个斜率都接近 1，而不是接近 0。"
    ),
    "stack.plain_zero": (
        "没有跳跃连接时梯度正好是 0：某个 ReLU 收到了负数，什么也传不回去。有跳跃连接时，梯度仍然"
        "能传到输入。"
    ),
    "stack.both_zero": "两个梯度在这里都是 0：两叠里都有 ReLU 收到了负数。换一个 --seed 试试。",
}
