"""训练好的示例（self-attention、multihead、transformer 的 --trained）的中文文本。"""

TEXTS = {
    "task.title": "训练得到的权重：任务",
    "task.text": (
        "这些权重不是随机的：nncli 自己用 NumPy 训练得到（tools/train_attention.py，种子 {seed}，"
        "Adam {steps} 步，把 nncli explain backprop 里的反向传播一直传过注意力），"
        "教一个单层 Transformer 把由词表 {vocab} 中 {count} 个词组成的句子倒过来。"
        "位置 i 的输出必须是输入中位置 {last} − i 的词，而要从别的位置取词，唯一的途径就是注意力："
        "所以你可以预先猜出注意力应该看向哪里。"
    ),
    "task.sentence": "这个句子：“{words}”；倒过来是：“{reversed}”。用 --words 试试别的顺序。",
    "task.inputs": "X 的每一行是这个词学到的嵌入向量加上它所在位置的位置编码（nncli explain positional）：这里注意力需要的正是位置。",
    "pattern.title": "注意力学到了什么",
    "pattern.text": "每个查询位置最关注的键：",
    "col.head": "头",
    "col.query": "查询（位置，词）",
    "col.key": "最强的键",
    "col.weight": "权重",
    "col.mirror": "是否镜像？",
    "yes": "是",
    "no": "否",
    "pattern.mirror": "第 {h} 个头：每个输出位置最关注镜像的输入位置（i → {last} − i），正是倒序句子在那里需要的词。",
    "pattern.partly": "第 {h} 个头：{T} 个位置中有 {hits} 个最关注镜像位置；这个头在做别的工作，由这一层把它和其他头组合起来。",
    "pattern.output": "输出的 softmax 选出了“{words}”：正是逐词倒过来的句子。",
    "pattern.output_wrong": "输出的 softmax 选出了“{words}”，并不是倒过来的句子：这个模型并不完美。",
    "words.invalid": "--words：使用 --trained 时，请给出训练词表（{vocab}）中的 {count} 个词。",
    "conflict": "--trained 使用训练好的权重和句子；请去掉 {option}。",
}
