"""`cnn` 主题的中文文本。"""

TEXTS = {
    "summary": "在一张图像上走完一个小型 CNN：卷积、ReLU、池化、展平、全连接层、softmax。",
    "title": "一张 {h}×{w} 图像上的小型 CNN：{f} 个 {k}×{k} 的卷积核，{p}×{p} 最大池化，{c} 个类别",
    "net.title": "整个网络，一站一站地看",
    "net.text": (
        "卷积神经网络“先局部，后整体”。卷积层在图像的任何位置寻找小的图案，ReLU 只留下正的响应，"
        "池化在保留最强响应的同时把每张特征图缩小，最后由全连接层把一切综合起来，"
        "给每个类别打一个分数。softmax 再把分数变成概率。下面每一站都会给出它的形状和数字。"
    ),
    "net.diagram.conv": "图像 {h}×{w} → 卷积 {f}×{k}×{k} → {f}×{oh}×{ow} → ReLU → {f}×{oh}×{ow}",
    "net.diagram.pool": "  → 最大池化 {p}×{p} → {f}×{ph}×{pw}",
    "net.diagram.conv_more": "  → 卷积 {f}×{f}×{k}×{k} → {f}×{oh}×{ow} → ReLU",
    "net.diagram.flat": "  → 展平 → {n}",
    "net.diagram.fc": "  → 全连接层 {n}×{c} → {c} → softmax → {c}",
    "input.title": "输入图像和卷积核",
    "input.text": (
        "图像是 {h}×{w} 个数值（亮度）。每个卷积核都是一个 {k}×{k} 的图案探测器；"
        "真实的网络会自己学出卷积核，这里把它们固定下来，方便你看懂它们在做什么。"
    ),
    "input.default_kernels": (
        "卷积核 0 对竖直边缘有反应（左亮右暗时得到正值），"
        "卷积核 1 对水平边缘有反应（上亮下暗时得到正值）。"
    ),
    "matrix.input": "输入",
    "matrix.kernel": "卷积核 {f}",
    "conv.title": "卷积：{f} 个卷积核 → {f}×{oh}×{ow}",
    "conv.text": (
        "每个卷积核在图像上滑动（步长 1，不补零），得到一张特征图，"
        "行数是 ⌊({h} − {k}) / 1⌋ + 1 = {oh}，列数是 {ow}。正值表示图案出现在这里，"
        "负值表示出现的是它的反面。`nncli explain conv` 会一格一格地展示一张特征图。"
    ),
    "conv.example": "conv[{f}][0, 0] = {terms} = {value}",
    "relu.title": "ReLU：负数变成 0 → {shape}",
    "relu.text": (
        "ReLU 把所有负数变成 0，其余不变：{total} 个值中有 {zeroed} 个变成了 0。"
        "只有图案真正出现的地方，才留下响应。"
    ),
    "pool.title": "{p}×{p} 最大池化：→ {shape}",
    "pool.text": (
        "每张特征图的每个 {p}×{p} 窗口只保留最大值（步长 {p}）："
        "⌊({h} − {p}) / {p}⌋ + 1 = {oh} 行，{ow} 列。`nncli explain pool` 会一个窗口一个窗口地展示。"
    ),
    "pool.example": "pool[{f}][{i}, {j}] = max({values}) = {value}",
    "stage.title": "第 {stage} 阶段：卷积 → ReLU → 最大池化 → {shape}",
    "stage.text": (
        "在上一阶段得到的 {before} 特征图上，再做一遍这三层。{f} 张新特征图中的每一张都要读全部 "
        "{f} 张旧特征图：每张旧特征图配一个 {k}×{k} 的卷积核，再把 {f} 个部分和加起来"
        "（nncli explain conv --channels 会一格一格地展示）。四周补 {p} 圈 0，"
        "免得小特征图缩得太快：卷积得到 {conv}，再经过 ReLU 和 2×2 最大池化得到 {pool}。"
        "这些卷积核是随机抽取的（--seed）。"
    ),
    "stage.example": "conv{stage}[0][0, 0] = {terms} = {value}   （每张输入特征图贡献一个部分和）",
    "flat.title": "展平：{shape} → {n} 个数值",
    "flat.text": (
        "全连接层要的是一个向量，所以把各张特征图一张接一张、每张按行读出来"
        "（和 torch.flatten 一样）：第 0 张特征图占第 0–{end0} 个位置。"
    ),
    "fc.title": "全连接层：{n} 个数值 → {c} 个分数",
    "fc.text": (
        "{n} 个数值中的每一个都和每个类别相连：logits = flat @ W + b，W 的形状是 {n}×{c}。"
        "这些权重是随机抽取的（--seed）：这个网络没有训练过，所以它的答案现在还没有意义。"
        "训练会调整卷积核、W 和 b。"
    ),
    "fc.class": "类别 {c} 的分数 = {terms} = {value}",
    "fc.more": "… 另有 {count} 项",
    "fc.more_classes": "… 另有 {count} 个类别按同样方法算出。",
    "softmax.title": "Softmax：分数 → 概率",
    "softmax.text": (
        "softmax 把 {c} 个分数变成加起来等于 1 的概率。最大的是 {best}，"
        "属于类别 {k}：这就是网络给出的答案。"
    ),
    "softmax.bars": "概率",
    "class": "类别 {k}",
    "params.title": "卷积为什么只需要这么少的参数",
    "params.text": (
        "全连接层把每个输入数和每个输出数都连起来。用这种方式把这张 {h}×{w} 的图像映射成 "
        "{h}×{w} 的特征图，需要 {hw}×{hw} = {dense} 个权重。{k}×{k} 的卷积是这种层的一个受限版本："
        "每个输出格只和它窗口下的 {k}×{k} 个格子相连，而且每个位置都用同一组 {kk} 个权重。"
        "它能表示的运算比完整的全连接层少，但保留了图像里最要紧的东西：可能出现在任何位置的局部图案，"
        "只用 {kk} 个权重。对于 28×28 的图像，差距是 784×784 = 614,656 个权重对 9 个。"
    ),
    "params.col.layer": "层",
    "params.col.weights": "权重数",
    "params.col.biases": "偏置数",
    "params.conv": "卷积（{f} 个 {k}×{k} 的卷积核）",
    "params.fc": "全连接（{n} → {c}）",
    "params.conv_more": "卷积，第 {stage} 阶段（{f}×{f} 个 {k}×{k} 的卷积核）",
    "params.dense": "全连接 {hw} → {hw}（作对比）",
    "rf.title": "每一站能看多远：感受野",
    "rf.text": (
        "特征图上的一个值取决于输入图像中的一块区域：这就是它的感受野。"
        "{k}×{k} 的卷积看到 {k}×{k} 个像素；池化窗口把相邻的值汇集起来，"
        "所以池化后的一个值看得更远；之后每加一层，感受野的边长就增加（该层卷积核或窗口的大小 − 1）×"
        "（它下面各层步长的乘积）。越深的层看到的区域越大，"
        "CNN 就是这样把边缘组合成花纹，再把花纹组合成物体。全连接层则能看到整张图像。"
    ),
    "rf.picture": "每个阶段的一个格子看到的像素，用方括号标出（补零的格子不算）：",
    "rf.picture.label": "{name}的格子 ({i}, {j}) 看到的",
    "rf.stage": "（第 {stage} 阶段）",
    "rf.stages": "加上 --stages 2 就多一个卷积 → ReLU → 池化阶段，可以看到感受野继续变大。",
    "rf.col.stage": "阶段",
    "rf.col.kernel": "卷积核/窗口",
    "rf.col.stride": "步长",
    "rf.col.field": "感受野",
    "rf.conv": "卷积",
    "rf.pool": "最大池化",
    "rf.conv2": "再加一层 {k}×{k} 卷积（假如有的话）",
    "rf.fc": "全连接层",
    "rf.all": "整张图像",
}
