"""English texts of the recognisable mistakes of the hidden cases.

Key: the `key` of a Mistake in nncli/grader/cases/NAME.py. Each text says what the
received result matches, what the convention is, and where it comes from, so the learner
knows what to change. No placeholders: they are shown as they are.
"""

TEXTS = {
    # activations
    "relu_step": (
        "Your result is 1 where x > 0 and 0 elsewhere: that is the derivative of ReLU, not "
        "ReLU. relu(x) keeps the positive values themselves: max(0, x), with np.maximum."
    ),
    "sigmoid_sign": (
        "Your result equals σ(−x): the sign of the exponent is flipped. σ(x) = 1/(1 + e^(−x)) "
        "grows with x, from 0 for very negative x to 1 for very positive x."
    ),
    "tanh_half": (
        "Your result equals 2σ(x) − 1, which is tanh(x/2). The identity is "
        "tanh(x) = 2σ(2x) − 1: the sigmoid must be taken of 2x."
    ),
    "softmax_wrong_axis": (
        "Your result is the softmax over the wrong axis: the slices that sum to 1 run the "
        "other way. Normalise along the axis the contract names (for scores of shape "
        "(N, classes) or (…, queries, keys): the last axis, so each row is one distribution), "
        "and pass the same axis to np.max and np.sum with keepdims=True."
    ),
    "softmax_whole_array": (
        "Your result sums to 1 over the whole array, not along one axis. np.sum without axis= "
        "adds every entry; use np.sum(e, axis=axis, keepdims=True) so each slice is "
        "normalised on its own."
    ),
    # neuron
    "perceptron_ge": (
        "Your perceptron answers 1 when x·w + b is exactly 0. The contract uses a strict "
        "step: 1.0 only where x·w + b > 0, so a sum of exactly 0 gives 0.0."
    ),
    "perceptron_sign": (
        "Your perceptron answers −1 instead of 0. Some texts use ±1 outputs; this contract "
        "asks for 1.0 and 0.0, the step function of the original perceptron."
    ),
    "missing_bias": (
        "Your result matches the right computation without its bias: a bias term was left "
        "out. Every neuron (every filter, every output unit) adds its own bias after the "
        "weighted sum, e.g. x @ W + b, with b broadcast over the batch."
    ),
    "transposed_result": (
        "Your result is the transpose of the expected one. The convention here is batch "
        "first, row vectors on the right: x @ W gives one row per example. Writing W @ x, the "
        "column-vector textbook form, leaves the axes swapped."
    ),
    "weights_transposed": (
        "Your result matches x @ W.T + b. W is stored as (D, M), inputs by outputs, so that a "
        "row of inputs is multiplied on the right: x @ W. (torch.nn.Linear stores the "
        "transpose, (M, D), and computes x @ weight.T.)"
    ),
    # conv
    "conv_not_flipped": (
        "Your result is the cross-correlation: g was slid along f without being flipped. The "
        "convolution of mathematics, (f∗g)[n] = Σ_k f[k]·g[n−k], flips g first, as "
        "numpy.convolve does. (Deep-learning conv layers are the ones that skip the flip.)"
    ),
    "conv_valid_only": (
        "Your result keeps only the positions where g lies wholly inside f ('valid'). The "
        "full convolution keeps every shift with any overlap: L + K − 1 values."
    ),
    "pad_one_side": (
        "Your padding is all on one side: x sits in the top-left corner. Padding p adds p "
        "zeros on each side, top and bottom, left and right, so x sits in the middle."
    ),
    "pad_all_axes": (
        "Your result is padded along every axis, the batch and channel axes too. Only the "
        "last two axes, H and W, are padded; np.pad(x, p) pads them all, so give it a width "
        "per axis: (0, 0) for the leading ones."
    ),
    "kernel_flipped": (
        "Your result is the true convolution: the kernel was flipped. Convolution layers in "
        "deep learning (torch.nn.functional.conv2d and the like) compute cross-correlation: "
        "the kernel is laid on the input as it is, out[i, j] = Σ x[i+a, j+b]·k[a, b]."
    ),
    "stride_ignored": (
        "Your result matches the computation with the default stride instead of the stride "
        "passed in. The window moves `stride` cells at a time: output position i reads the "
        "input from row i·stride."
    ),
    "padding_ignored": (
        "Your result matches the computation without padding. With padding p, zeros are "
        "added on each side of H and W first, and H′ = ⌊(H + 2p − KH)/stride⌋ + 1."
    ),
    # pool
    "pool_default_stride": (
        "Your result matches stride 1: stride=None was taken as 1. In PyTorch's pooling, "
        "stride None means stride = kernel_size, so the windows sit side by side without "
        "overlapping."
    ),
    "pool_partial_windows": (
        "Your result has extra windows cut off at the bottom or right edge. Without padding, "
        "PyTorch's default (floor mode) keeps only whole windows: H′ = ⌊(H − K)/S⌋ + 1, and "
        "the rows or columns left over are dropped."
    ),
    "avg_pool_sum": (
        "Your result is the sum of each window, K² times the mean. Average pooling divides "
        "by the number of cells in the window."
    ),
    # rnn, lstm
    "recurrent_weights_transposed": (
        "Your result matches s_prev @ W_s.T. With row vectors on the right the recurrent "
        "term is s_prev @ W_s (W_s is (H, H), from state unit to state unit). The textbook "
        "form W·s uses column vectors, and PyTorch stores weight_hh_l0 = W_s.T for it."
    ),
    "rnn_no_activation": (
        "Your result is the sum x_t·W_in + s_prev·W_s + b without tanh. The state is squashed "
        "by tanh at every step, which keeps it in (−1, 1)."
    ),
    "rnn_states_shifted": (
        "Your states are shifted by one step: states[:, 0] is s0. The contract stores the "
        "state after reading each input: states[:, t] = S_t, computed from x[:, t]; s0 itself "
        "is not part of the output."
    ),
    "state_not_carried": (
        "Your result matches every step started again from the initial state. The state "
        "(and for an LSTM the cell) computed at step t must be the input of step t + 1: "
        "that is what lets the network remember."
    ),
    "gates_order": (
        "Your result matches the four H-wide column blocks of W, U and b read as {order}. "
        "They hold the gates in the order i, f, g, o (input gate, forget gate, candidate, "
        "output gate), as PyTorch packs torch.nn.LSTM's weights; other books pack them "
        "otherwise. Read block k, columns k·H to (k+1)·H − 1, as the k-th of i, f, g, o."
    ),
    "lstm_sigmoid_on_g": (
        "Your result matches a sigmoid on the candidate g. The three gates are fractions and "
        "use σ; the candidate g uses tanh, so what is written into the cell can be negative."
    ),
    "lstm_state_without_tanh": (
        "Your state matches o ⊙ c_t. The new state is s_t = o ⊙ tanh(c_t): the cell can grow "
        "beyond ±1, and tanh squashes it before the output gate lets it out."
    ),
    "lstm_outputs_swapped": (
        "Your result has the two outputs in the other order. The contract returns the state "
        "first and the cell second: (s_t, c_t), and (states, cells) for a whole sequence, "
        "as torch.nn.LSTM returns (h, c)."
    ),
    # attention
    "attention_context_scaled": (
        "Your weights match scores divided by √H. This encoder-decoder attention uses the "
        "plain dot product e_t = h_t·s; the division by √d belongs to the scaled "
        "dot-product attention of Transformers."
    ),
    "missing_scaling": (
        "Your result matches the scores without the division by √d. Scaled dot-product "
        "attention uses softmax(QKᵀ/√d): a dot product of d unit-variance entries has "
        "variance d, and without the scaling softmax saturates as d grows."
    ),
    "scaled_by_d_model": (
        "Your result matches a division by √d_model. The scale is the square root of the "
        "width of the vectors that are compared: d_k for self-attention, d/h inside each "
        "head of multi-head attention."
    ),
    "mask_inverted": (
        "Your result matches the mask with its meaning inverted. Here True means may attend, "
        "as in torch.nn.functional.scaled_dot_product_attention: keep the scores where the "
        "mask is True and set the others to −inf. (nn.MultiheadAttention's boolean masks "
        "mean the opposite; that is a common source of this mix-up.)"
    ),
    "mask_ignored": (
        "Your result matches attention without the mask. Where the mask is False, set the "
        "score to −inf before the softmax (np.where(mask, scores, -np.inf)), so the weight "
        "is exactly 0."
    ),
    # multihead
    "heads_interleaved": (
        "Your heads are interleaved: head k got columns k, k + h, k + 2h, … Each head takes a "
        "contiguous block: columns k·d/h to (k+1)·d/h − 1, as torch.nn.MultiheadAttention "
        "cuts them. Reshape to (N, T, h, d/h), then move the head axis forward."
    ),
    "heads_reshaped_without_transpose": (
        "Your result matches a plain reshape between (N, T, d) and (N, h, T, d/h). A reshape "
        "keeps the numbers in memory order, so tokens end up in the wrong heads. Reshape "
        "to (N, T, h, d/h) and transpose the T and h axes (and the reverse for merging)."
    ),
    "missing_output_projection": (
        "Your result matches the merged heads without the output projection. Multi-head "
        "attention ends with merge(heads) @ Wo, which mixes the heads' outputs together."
    ),
    # transformer
    "pe_not_interleaved": (
        "Your code puts all the sines in the first half of the columns and all the cosines "
        "in the second. In 'Attention Is All You Need' they are interleaved: column 2i is "
        "sin, column 2i+1 is cos, of the same angle p / 10000^(2i/d_model)."
    ),
    "pe_sin_cos_swapped": (
        "Your code puts cosines in the even columns and sines in the odd ones. The original "
        "definition is PE[p, 2i] = sin(…) and PE[p, 2i+1] = cos(…)."
    ),
    "pe_column_exponent": (
        "Your code gives every column its own frequency, p / 10000^(j/d_model). Columns 2i "
        "and 2i+1 share one frequency, with exponent 2i/d_model: the odd column uses its "
        "even partner's index."
    ),
    "unbiased_variance": (
        "Your result uses the unbiased variance (divided by d − 1). Layer normalisation uses "
        "the biased variance, divided by d, as torch.nn.LayerNorm; np.var's default "
        "(ddof=0) is the one."
    ),
    "eps_outside_sqrt": (
        "Your result divides by (std + eps). eps goes inside the square root: "
        "(x − mean) / √(var + eps), as torch.nn.LayerNorm."
    ),
    "batch_norm_instead": (
        "Your result is normalised over the first axis, across the batch: that is batch "
        "normalisation. Layer normalisation takes the mean and variance of each vector on its "
        "own, over the last axis (axis=-1, keepdims=True)."
    ),
    "ffn_no_relu": (
        "Your result has no ReLU between the two layers. Without it the two linear maps "
        "collapse into one; the feed-forward network is relu(x·W1 + b1)·W2 + b2."
    ),
    "ffn_relu_at_end": (
        "Your result applies ReLU after the second layer too. Only the hidden layer is "
        "activated: relu(x·W1 + b1)·W2 + b2, so the output can be negative."
    ),
    "pre_norm": (
        "Your layer is pre-norm: x + MHA(layer_norm(x)). The contract follows the original "
        "paper, post-norm: the residual sum first, then layer_norm(x + MHA(x)), and the same "
        "around the feed-forward network."
    ),
    "missing_residual": (
        "Your layer leaves out the residual connections. Each sub-layer's input is added back "
        "before normalising: layer_norm(x + MHA(x)), then layer_norm(y + FFN(y))."
    ),
    "layer_norm_params_swapped": (
        "Your layer uses gamma2/beta2 after the attention and gamma1/beta1 after the "
        "feed-forward network. The first pair belongs to the first layer_norm (after "
        "attention), the second pair to the second."
    ),
    "logits_not_probabilities": (
        "Your result is the logits h·W_vocab + b_vocab. The next-token distribution is their "
        "softmax over the vocabulary: positive numbers that sum to 1 in each row."
    ),
    # gnn
    "no_self_loops": (
        "Your result matches the adjacency without self-loops: D^(−½) A D^(−½). Kipf and "
        "Welling add the identity first, A + I, so each node keeps its own features in the "
        "mix and counts itself in its degree."
    ),
    "degree_without_self_loop": (
        "Your result uses the degrees of A with the matrix A + I. The degrees must be those of "
        "A + I too, each node counting itself: d_i = 1 + its number of neighbours."
    ),
    "row_normalized": (
        "Your result matches D^(−1)(A + I), a row normalisation (the mean over neighbours). "
        "The GCN of Kipf and Welling normalises symmetrically: D^(−½)(A + I)D^(−½), entry "
        "(i, j) divided by √(d_i·d_j)."
    ),
    "gcn_no_relu": (
        "Your result has no ReLU. The GCN layer is relu(Â·X·W): negative values become 0."
    ),
    "gcn_unnormalized": (
        "Your result matches relu((A + I)·X·W), without the normalisation. Â = "
        "D^(−½)(A + I)D^(−½) keeps the sums from growing with the number of neighbours."
    ),
    # backprop
    "db_not_summed": "db has one row per example: b was added to every example, so its gradient is dout summed over the batch, dout.sum(axis=0), of shape (M,).",
    "dense_grad_transposed": "dW is transposed: out = x @ W pairs x[n, d] with W[d, m], so dW = x.T @ dout has W's shape (D, M), not dout.T @ x.",
    "relu_mask_from_dout": "the mask was taken from dout: ReLU lets the gradient through where its input x was positive, so dx = dout * (x > 0), whatever the sign of dout.",
    "relu_slope_at_zero": "an input of exactly 0 let the gradient through: as PyTorch, ReLU's slope at 0 is taken as 0, so the mask is x > 0, not x >= 0.",
    "ce_sum_not_mean": "the loss is summed over the batch: cross-entropy here is the mean over the N examples (as PyTorch's default), so divide the loss, and its gradient, by N.",
    "ce_grad_not_divided": "the loss is a mean, but its gradient was not divided by N: the gradient of a mean over N examples is (p − onehot(y)) / N.",
    "softmax_not_shifted": "e^1000 overflows to inf and inf/inf is nan: subtract each row's maximum from the logits before np.exp (it changes no probability), and take log p as shifted − log Σ e^shifted.",
    "relu_not_applied_backward": "the gradient went back through the hidden layer as if there were no ReLU: multiply dh by (z1 > 0) (relu_backward) before dense_backward of the first layer.",
    "sgd_ascent": "the step went uphill: gradient descent subtracts the gradient, param − lr · grad; adding it makes the loss grow.",
    # cnn_backward
    "conv_grad_db_per_example": "db kept the batch axis: the bias of filter f is added at every position of every image, so db[f] sums dout over the batch and the positions, dout.sum(axis=(0, 2, 3)).",
    "conv_grad_kernel_not_flipped": "dx was computed as a convolution of dout with the kernel as it is: written as a full convolution, the input gradient uses the kernel rotated by 180° (w[:, :, ::-1, ::-1]). Adding dout[:, :, i, j] · w into each window it read needs no flip at all.",
    "conv_grad_padding_kept": "dx has the shape of the padded input: the gradient of the zeros added around x belongs to no input, so cut the border away, dxp[:, :, p:p + H, p:p + W].",
    "max_pool_grad_everywhere": "every input of a max window received its gradient: only the maximum decided the output, so only it gets dout; the others get 0.",
    "max_pool_grad_averaged": "a max window shared its gradient equally, as average pooling does: max pooling gives all of dout to the window's maximum.",
    "max_pool_grad_every_tie": "a window with its maximum twice gave the gradient to both: as PyTorch, only the first maximum in row-major order (np.argmax of the flattened window) receives it.",
    "pool_grad_overwritten": "where windows overlap, a later window replaced the gradient an earlier one had sent: an input read by several windows collects the sum of their gradients (+=, not =).",
    "avg_pool_grad_not_divided": "each input of an average window received the whole dout: the output was the mean of K² inputs, so each receives dout / K².",
    # bptt
    "bptt_no_tanh_derivative": "the gradient went through tanh unchanged: multiply ds by the derivative of tanh, 1 − s_t², before the weights (it is written with the step's output s_t).",
    "bptt_tanh_of_state": "tanh was applied to s_t again: s_t is already tanh(a), so the derivative is 1 − s_t², not 1 − tanh(s_t)².",
    "bptt_recurrent_grad_transposed": "dW_s is transposed: s_prev @ W_s pairs s_prev[n, i] with W_s[i, j], so dW_s = s_prev.T @ da, not da.T @ s_prev.",
    "bptt_not_carried": "each step used only the loss's own gradient dstates[:, t]: the gradient reaching S_t also includes what step t+1 sends back through W_s, so carry ds_prev into the step before.",
    "bptt_not_accumulated": "the weight gradients are those of one step only: W_in, W_s and b are used at every step, so their gradients are the sums over all the steps (+=).",
    # attention_backward
    "softmax_grad_diagonal": "only the diagonal of softmax's Jacobian was used, dout · y(1 − y): every output of a softmax depends on every input of its slice, so dx = y · (dout − Σ dout·y).",
    "softmax_grad_no_subtraction": "dx = dout · y misses the second term: softmax's outputs share one normalising sum, so subtract Σ dout·y along the axis, dx = y · (dout − Σ dout·y).",
    "attention_grad_unscaled": "dQ and dK are missing the 1/√d of the scores: S = Q Kᵀ / √d, so dQ = dS K / √d and dK = dSᵀ Q / √d (dV is unaffected).",
    "attention_grad_mask_ignored": "the gradient flowed through masked positions: compute the weights with the same mask as the forward pass, so masked weights are 0 and so is their gradient.",
    # train
    "train_one_class": "every point got the same class: the network did not learn. Typical causes: weights that start at zero (every hidden unit stays alike), a learning rate so large the loss becomes nan, or labels and predictions in different orders.",
    "train_linear": "these predictions are those of a linear model, which no data set here can be separated by: add a hidden layer with a ReLU between the input and the output.",
    "softmax_overflow": (
        "Your result matches np.exp(x) divided by its sum without subtracting the maximum "
        "first: e^1000 overflows to inf, and inf / inf is nan. Subtract each slice's maximum "
        "along the axis (np.max(x, axis=axis, keepdims=True)) before np.exp: it changes no "
        "probability, and the largest exponent becomes e^0 = 1."
    ),
    "softmax_global_max": (
        "Your result matches subtracting the whole array's maximum, np.max(x), instead of "
        "each slice's: a row far below the largest entry then underflows to 0 in every entry, "
        "and 0 / 0 is nan. Subtract np.max(x, axis=axis, keepdims=True), the maximum of each "
        "slice along the axis."
    ),
    "eps_hard_coded": (
        "Your result matches layer normalisation with eps = {used}, not with the eps of this "
        "call: use the eps argument (its default, 1e-05, is torch.nn.LayerNorm's) rather than "
        "a number of your own."
    ),
}
