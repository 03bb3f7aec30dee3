"""The Chinese docstrings and comments of exercises/bptt.py: `nncli exercise bptt --lang zh`
puts them into the English code (see nncli/exercise_files.py)."""

DOCSTRINGS = {
    "": """\
练习 "bptt"：随时间反向传播，用于 "rnn" 练习中的循环神经网络。

任务：写出 rnn_step_backward，即一步 S_t = tanh(x_t·W_in + S_{t−1}·W_s + b) 的梯度；
以及 rnn_backward，它沿整个序列往回走。到达 S_t 的梯度是损失自己给的 dstates[:, t]，
加上第 t + 1 步经由 S_t 送回来的那一份；tanh 把它乘以 1 − S_t² 再往下传；
同一组 W_in、W_s 和 b 服务于每一步，所以它们的梯度要在各步上累加。
每往回穿过一次 W_s，梯度就被再乘一次：步数一多，它可能逐渐消失（或者爆炸），
这正是长短期记忆网络被发明出来的原因。

与 PyTorch 自动求导穿过 torch.nn.RNN(D, H, batch_first=True) 的结果相同，其中
W_in = weight_ih_l0.T，W_s = weight_hh_l0.T，b = bias_ih_l0 + bias_hh_l0
（下面给出的 rnn_step 和 rnn_forward 来自 "rnn" 练习）。

维度名：批量中 N 个序列，T 个时间步，D 个输入特征，H 个隐藏单元。

所有 nncli 练习的约定：数组是 float64；批量维在前（x 是 (N, T, D)）；行向量乘在右边；
绝不原地修改输入。

先用 rnn_forward 的中心差分检查你的梯度，然后：
    nncli check bptt
""",
    "rnn_step": """\
给出（"rnn" 练习中的一步）：x_t (N, D)，s_prev (N, H) -> s_t (N, H)。""",
    "rnn_forward": """\
给出（"rnn" 练习中的网络）：x (N, T, D)，s0 (N, H) -> states (N, T, H)，
states[:, t] = S_t。""",
    "rnn_step_backward": """\
一步 s_t = tanh(x_t @ W_in + s_prev @ W_s + b) 的梯度。

输入：
- ds：(N, H)，损失对 s_t 的梯度
- x_t：(N, D)；s_prev：(N, H)；s_t：(N, H)，这一步的输出
- W_in：(D, H)；W_s：(H, H)
返回元组 (dx_t, ds_prev, dW_in, dW_s, db)：
- dx_t：(N, D)；ds_prev：(N, H)；dW_in：(D, H)；dW_s：(H, H)；db：(H,)
""",
    "rnn_backward": """\
损失穿过 rnn_forward(x, s0, W_in, W_s, b) 每一步的梯度。

输入：
- dstates：(N, T, H)，损失对每个状态 S_t 的梯度
- x：(N, T, D)；s0：(N, H)；W_in：(D, H)；W_s：(H, H)；b：(H,)
返回元组 (dx, ds0, dW_in, dW_s, db)：
- dx：(N, T, D)；ds0：(N, H)；dW_in：(D, H)；dW_s：(H, H)；db：(H,)
""",
}

COMMENTS = {}
