"""The terminology table: one Chinese word for each concept, everywhere.

It follows the vocabulary of the study note the curriculum comes from. Texts in
``nncli/texts/zh/`` use these words; tests check that a Chinese text whose English
counterpart names a concept uses the word given here.
"""

# English term (lower case, as it appears in the English texts) -> Chinese term
TERMS = {
    "neuron": "神经元",
    "activation function": "激活函数",
    "convolution": "卷积",
    "kernel": "卷积核",
    "padding": "补零",
    "receptive field": "感受野",
    "feature map": "特征图",
    "pooling": "池化",
    "fully connected layer": "全连接层",
    "recurrent neural network": "循环神经网络",
    "unrolled": "展开",
    "long short-term memory": "长短期记忆网络",
    "forget gate": "遗忘门",
    "input gate": "输入门",
    "output gate": "输出门",
    "cell state": "细胞状态",
    "attention": "注意力",
    "self-attention": "自注意力",
    "multi-head attention": "多头注意力",
    "positional encoding": "位置编码",
    "encoder": "编码器",
    "decoder": "解码器",
    "graph neural network": "图神经网络",
}
