"""The Chinese docstrings and comments of exercises/train.py: `nncli exercise train --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "train"：用你自己搭的东西，训练你自己的分类器。

任务：写出 fit_predict。它收到一组带类别标签的二维训练点，在上面训练一个你自己选择的网络
（"backprop" 练习里的两层网络就够了：把你的函数复制到这个文件里），
然后返回它对同一数据集中另一些点的预测标签，这些点的标签它从来看不到。

隐藏的数据集都是直线分不开的：异或（四团点，对角的两团同类）、两个交错的月牙，以及三条螺旋。
在每个数据集上至少 90% 的预测正确，并且在 `nncli check` 的时间限制之内完成（默认整个文件 10 秒：
在 NumPy 里对几百个点做几百步全批量训练，远不到一秒），检查就通过。

值得知道：对输入做标准化（减去训练集的均值，除以它的标准差），对测试点使用同样的数；
权重用 np.random.default_rng(seed) 从较小的随机值开始，绝不要全为零（否则每个隐藏单元都一模一样）；
从训练集中留出一部分，看模型能否泛化；如果损失变大或变成 nan，就调小学习率。

维度名：N 个训练点，M 个测试点，每个点 2 个特征；C 个类别。

所有 nncli 练习的约定：数组是 float64（标签是整数）；批量维在前（X_train 是 (N, 2)）；
绝不原地修改输入。

写完后这样检查：  nncli check train
""",
    "accuracy": """\
示例（不计分）：预测标签等于真实标签的比例。

输入：
- y_pred：(M,)，预测标签；y：(M,)，真实标签
返回：
- 0 到 1 之间的一个浮点数
""",
    "fit_predict": """\
在 (X_train, y_train) 上训练一个分类器，并预测 X_test 的标签。

输入：
- X_train：(N, 2) float64 的点；y_train：(N,)，取值 0 … C−1 的整数标签
- X_test：(M, 2)，同一数据集中的 float64 点
- n_classes：C；seed：给 np.random.default_rng 的整数，让一次运行可以重复
返回：
- y_pred：(M,)，取值 0 … C−1 的整数标签（对分数取 np.argmax 即可得到）
""",
}

COMMENTS = {}
