"""English texts of the exercises: titles, tasks and hints.

Keys: "NAME.title" (one line), "NAME.task" (what to do, printed by `nncli exercise`),
"NAME.hint.1", "NAME.hint.2", … (progressive: the first nudges, the last nearly shows the
way). NAME is an exercise of nncli/catalogue.py.
"""

TEXTS = {
    # activations
    "activations.title": "Activation functions: relu, sigmoid, tanh and a stable softmax",
    "activations.task": (
        "Write relu, sigmoid, tanh and softmax in NumPy. Each takes an array of any shape and "
        "returns a new float64 array of the same shape; softmax normalises along the axis it "
        "is given. sigmoid, tanh and softmax must stay finite, without overflow warnings, for "
        "inputs of ±1000, and tanh may not call np.tanh."
    ),
    "activations.hint.1": (
        "relu is one NumPy call: np.maximum compares entry by entry, unlike np.max, which "
        "reduces the array to its largest value."
    ),
    "activations.hint.2": (
        "np.exp(1000) is inf. For sigmoid, only ever compute e^(−|x|), which lies in (0, 1]: "
        "use 1/(1 + e^(−x)) where x ≥ 0 and e^x/(1 + e^x) where x < 0, joined with np.where. "
        "tanh(x) = 2·σ(2x) − 1, so a stable sigmoid gives a stable tanh."
    ),
    "activations.hint.3": (
        "For softmax, subtract the maximum of each slice before np.exp: take "
        "np.max(x, axis=axis, keepdims=True) so the result broadcasts against x, and divide "
        "by np.sum(e, axis=axis, keepdims=True). The largest exponent is then e^0 = 1."
    ),
    # neuron
    "neuron.title": "The perceptron and a fully connected layer",
    "neuron.task": (
        "Write perceptron(x, w, b), which gives 1.0 for each example whose weighted sum "
        "x·w + b is positive and 0.0 otherwise, and dense(x, W, b), a layer of M neurons "
        "computing x @ W + b for a batch of N examples, one example per row."
    ),
    "neuron.hint.1": (
        "x @ w with x of shape (N, D) and w of shape (D,) gives all N weighted sums at once; "
        "the worked example weighted_sums does exactly that."
    ),
    "neuron.hint.2": (
        "A comparison like z > 0 gives an array of booleans; the contract asks for float64, "
        "so convert it with .astype(np.float64). A sum of exactly 0 must give 0.0, so the "
        "comparison is strict."
    ),
    "neuron.hint.3": (
        "In dense, x @ W has shape (N, M): row n is example n, column m is neuron m. Adding b "
        "of shape (M,) broadcasts it over the rows, one bias per neuron. No transpose is "
        "needed: W is already (D, M)."
    ),
    # conv
    "conv.title": "Convolution: the true 1D convolution, padding, and the conv2d layer",
    "conv.task": (
        "Write conv1d (the full convolution of two sequences, with the kernel flipped, as "
        "numpy.convolve computes it, without calling it), pad2d (a border of zeros around "
        "the last two axes), corr2d (valid cross-correlation of one map with one kernel) and "
        "conv2d (the batched layer with channels, filters, bias, stride and padding, the "
        "numbers of torch.nn.functional.conv2d)."
    ),
    "conv.hint.1": (
        "conv1d: each entry f[k] adds a copy of g, multiplied by f[k], starting at position "
        "k of the output. A loop over k with out[k:k + K] += f[k] * g does the whole "
        "convolution, flip included."
    ),
    "conv.hint.2": (
        "pad2d: allocate zeros of shape x.shape[:-2] + (H + 2p, W + 2p) and copy x into "
        "out[..., p:p + H, p:p + W]. The ... keeps every leading axis as it is."
    ),
    "conv.hint.3": (
        "corr2d: out[i, j] = np.sum(x[i:i + KH, j:j + KW] * k). Do not flip k: deep-learning "
        "convolution is cross-correlation. The output has H − KH + 1 rows and W − KW + 1 "
        "columns, which differ when the input or the kernel is not square."
    ),
    "conv.hint.4": (
        "conv2d: pad first, then compute H′ = (H + 2·padding − KH) // stride + 1 (the worked "
        "output_size). Output position (i, j) reads the window starting at row i·stride and "
        "column j·stride, across all channels: window (N, C, KH, KW) times w (F, C, KH, KW), "
        "summed over C, KH and KW, gives (N, F); np.tensordot or np.einsum does it in one call. "
        "Add b[f] to every position of filter f, and only when b is not None."
    ),
    # pool
    "pool.title": "Max pooling and average pooling",
    "pool.task": (
        "Write max_pool2d and avg_pool2d for batches of multi-channel images (N, C, H, W): "
        "a K×K window moves S cells at a time (S = K when stride is None) and each window "
        "gives its largest value or its mean, channel by channel. No padding; windows that "
        "would stick out of the image are not computed."
    ),
    "pool.hint.1": (
        "The output has H′ = (H − K) // S + 1 rows and W′ = (W − K) // S + 1 columns. When S "
        "does not divide H − K, the last rows are simply not covered by any window."
    ),
    "pool.hint.2": (
        "Write stride = kernel_size if stride is None else stride first. Treating None as 1 "
        "would give overlapping windows and a much larger output."
    ),
    "pool.hint.3": (
        "Loop over the output positions (i, j) only: x[:, :, i*S:i*S + K, j*S:j*S + K] is the "
        "window of every image and channel at once, shape (N, C, K, K), and .max(axis=(2, 3)) "
        "or .mean(axis=(2, 3)) reduces it to (N, C)."
    ),
    # rnn
    "rnn.title": "A recurrent network: one step, then a whole sequence",
    "rnn.task": (
        "Write rnn_step, S_t = tanh(x_t·W_in + S_{t−1}·W_s + b) for a batch of N sequences, "
        "and rnn_forward, which applies it along T time steps with the same weights, "
        "carrying the state from each step to the next, and returns every state (N, T, H)."
    ),
    "rnn.hint.1": (
        "Row vectors on the right: x_t @ W_in is (N, D) @ (D, H) and s_prev @ W_s is "
        "(N, H) @ (H, H). Writing W_s @ s_prev or s_prev @ W_s.T follows the column-vector "
        "textbook form and gives other numbers."
    ),
    "rnn.hint.2": (
        "x[:, t] is the (N, D) input of step t for every sequence. Allocate "
        "states = np.zeros((N, T, H)) before the loop, as in the worked running_sum."
    ),
    "rnn.hint.3": (
        "Inside the loop: s = rnn_step(x[:, t], s, W_in, W_s, b); states[:, t] = s. Start "
        "from s = s0, and store the state after the step, so states[:, 0] is S_0, not s0."
    ),
    # lstm
    "lstm.title": "LSTM: gates, the cell, and a whole sequence",
    "lstm.task": (
        "Write lstm_step, which computes the four gates from a = x_t·W + s_{t−1}·U + b "
        "(column blocks in PyTorch's order i, f, g, o), updates the cell "
        "c_t = f⊙c_{t−1} + i⊙g and the state s_t = o⊙tanh(c_t), and returns (s_t, c_t); then "
        "lstm_forward, which runs it along T time steps and returns (states, cells)."
    ),
    "lstm.hint.1": (
        "Compute a once, shape (N, 4H), and read H from s_prev.shape[1]. The blocks are "
        "a[:, 0:H], a[:, H:2H], a[:, 2H:3H] and a[:, 3H:4H]."
    ),
    "lstm.hint.2": (
        "The order is i, f, g, o, as PyTorch packs its weights: the third block, g, is the "
        "candidate, not the output gate. Many texts write i, f, o, g; these weights do not."
    ),
    "lstm.hint.3": (
        "Three gates use sigmoid (they are fractions, between 0 and 1); the candidate g uses "
        "tanh, because the values written into the cell must be able to be negative."
    ),
    "lstm.hint.4": (
        "The new state uses the new cell: s_t = o * np.tanh(c_t), with c_t computed first. "
        "Return the tuple (s_t, c_t) in that order, and in lstm_forward carry both s and c "
        "from step to step."
    ),
    # attention
    "attention.title": "Attention: over encoder states, scaled dot-product, self-attention",
    "attention.task": (
        "Write attention_context (a decoder state scores every encoder state by a dot "
        "product; softmax over time gives the weights; the context is their weighted sum), "
        "scaled_dot_product_attention (softmax(QKᵀ/√d)V with a boolean mask, True = may "
        "attend) and self_attention (Q, K, V all computed from the same X)."
    ),
    "attention.hint.1": (
        "attention_context: the scores of example n are h[n] @ s[n], shape (T,). For the "
        "whole batch: (h @ s[:, :, None])[:, :, 0], or np.einsum('nth,nh->nt', h, s). The "
        "softmax runs over T (axis 1), not over the batch."
    ),
    "attention.hint.2": (
        "Q @ K.swapaxes(-1, -2) gives the (…, Tq, Tk) scores: row i is query i against every "
        "key. Divide by np.sqrt(d), where d = Q.shape[-1] is the width of one query."
    ),
    "attention.hint.3": (
        "The softmax runs along the keys, the last axis, so each query's weights sum to 1. "
        "With a mask, set the blocked scores to −inf before it: "
        "np.where(mask, scores, -np.inf). True keeps the score; exp(−inf) = 0 removes it."
    ),
    "attention.hint.4": (
        "self_attention is three projections and one call: "
        "scaled_dot_product_attention(X @ Wq, X @ Wk, X @ Wv, mask)."
    ),
    # multihead
    "multihead.title": "Multi-head attention: split, attend per head, merge, project",
    "multihead.task": (
        "Write split_heads (cut the last axis into n_heads contiguous blocks and make the "
        "heads an axis), merge_heads (its inverse) and multi_head_attention (project X with "
        "Wq, Wk, Wv, split into heads, attend in each head with the given "
        "scaled_dot_product_attention, merge and multiply by Wo), the numbers of "
        "torch.nn.MultiheadAttention without biases."
    ),
    "multihead.hint.1": (
        "Head k owns columns k·d/h … (k+1)·d/h − 1. Reshaping (N, T, d) to "
        "(N, T, h, d/h) cuts the last axis into exactly those blocks; then swap the T and h "
        "axes with .transpose(0, 2, 1, 3)."
    ),
    "multihead.hint.2": (
        "A plain reshape to (N, h, T, d/h) keeps the numbers in memory order and mixes "
        "tokens into the wrong heads: the transpose is needed. merge_heads undoes the two "
        "steps in reverse: transpose back to (N, T, h, d_head), then reshape to (N, T, d)."
    ),
    "multihead.hint.3": (
        "Project with the full (d, d) matrices first, then split: Q = split_heads(X @ Wq, "
        "n_heads), likewise K and V. scaled_dot_product_attention works on any leading axes, "
        "so one call attends in every head of every example."
    ),
    "multihead.hint.4": (
        "Each head scales by √(d/h), the width of its own slices; the given "
        "scaled_dot_product_attention does that when called on the split arrays. Finally "
        "merge_heads(heads) @ Wo, and return the weights of shape (N, h, T, T) too."
    ),
    # transformer
    "transformer.title": "Transformer encoder: positions, layer norm, feed-forward, one layer",
    "transformer.task": (
        "Write positional_encoding (interleaved sine and cosine codes), layer_norm (over the "
        "last axis, biased variance, as torch.nn.LayerNorm), feed_forward "
        "(relu(x·W1 + b1)·W2 + b2), encoder_layer (post-norm: y = layer_norm(x + MHA(x)), "
        "out = layer_norm(y + FFN(y)), with the given multi_head_attention) and "
        "next_token_distribution (softmax of h·W_vocab + b_vocab over the vocabulary)."
    ),
    "transformer.hint.1": (
        "positional_encoding: columns 2i and 2i+1 share the angle p / 10000^(2i/d). Fill "
        "pe[:, 0::2] with sines and pe[:, 1::2] with cosines, not the first half with sines "
        "and the second with cosines. With an odd d there is one more sine than cosine."
    ),
    "transformer.hint.2": (
        "layer_norm: mean and variance over axis=-1 with keepdims=True, the variance divided "
        "by d (np.var's default), eps inside the square root: "
        "(x − mean) / np.sqrt(var + eps) * gamma + beta."
    ),
    "transformer.hint.3": (
        "encoder_layer: the attention gives a tuple (out, weights); keep out. Add the input "
        "back before each layer_norm (the residual connection): "
        "y = layer_norm(x + attn, gamma1, beta1), then the same around the feed-forward "
        "network with gamma2 and beta2."
    ),
    "transformer.hint.4": (
        "Post-norm means the normalisation comes after the residual sum. Pre-norm, "
        "x + MHA(layer_norm(x)), is what many later models use, but it is a different "
        "layer with different numbers. next_token_distribution: softmax over axis -1, one "
        "distribution per row."
    ),
    # gnn
    "gnn.title": "Graph convolution: normalised adjacency and one GCN layer",
    "gnn.task": (
        "Write normalize_adjacency, which adds a self-loop to every node and normalises "
        "symmetrically, D^(−½)(A + I)D^(−½) with D the degrees of A + I, and gcn_layer, "
        "relu(normalize_adjacency(A)·X·W) for node features X with one row per node."
    ),
    "gnn.hint.1": (
        "Add the self-loops first, A_tilde = A + np.eye(V), and take the degrees from "
        "A_tilde: d = A_tilde.sum(axis=1). Every degree is then at least 1, even for a node "
        "with no neighbours."
    ),
    "gnn.hint.2": (
        "D^(−½) A_tilde D^(−½) divides entry (i, j) by √d_i and by √d_j: with "
        "r = 1 / np.sqrt(d), that is r[:, None] * A_tilde * r[None, :], or "
        "np.diag(r) @ A_tilde @ np.diag(r)."
    ),
    "gnn.hint.3": (
        "gcn_layer: normalize_adjacency(A) @ X @ W, then relu. Row vectors on the right: "
        "X @ W maps every node's F features to F′ at once."
    ),
    # backprop
    "backprop.title": "Backpropagation: the gradients of a two-layer network, and one step down",
    "backprop.task": (
        "Write dense_backward and relu_backward, which send a gradient back through one layer; "
        "softmax_cross_entropy, the mean loss of a batch and its gradient (finite for logits "
        "of ±1000); mlp_loss_and_grads, the loss and the four gradients of a two-layer network "
        "with a ReLU hidden layer, as a dict keyed like the parameters; and sgd_step, one step "
        "of gradient descent that returns a new dict of parameters. Check each gradient with the worked numerical_gradient."
    ),
    "backprop.hint.1": (
        "Follow the shapes: a gradient has the shape of what it is the gradient of. For "
        "out = x @ W + b with dout (N, M), dx = dout @ W.T is (N, D), dW = x.T @ dout is (D, M), "
        "and db must be (M,): b was added to every example, so its gradient sums dout over the "
        "batch (axis 0)."
    ),
    "backprop.hint.2": (
        "relu_backward keeps dout where the input x was positive and puts 0 elsewhere, 0 "
        "included: dout * (x > 0). The mask comes from x, never from dout."
    ),
    "backprop.hint.3": (
        "softmax_cross_entropy: subtract each row's maximum before np.exp, take "
        "log p = shifted − log(Σ e^shifted), loss = −mean of log p[n, y[n]]; the gradient is "
        "(p − onehot(y)) / N, the /N because the loss is a mean. The loss may be a float "
        "(float(loss)) or a 0-d array."
    ),
    "backprop.hint.4": (
        "mlp_loss_and_grads chains the pieces: forward z1, h = relu(z1), z2; then "
        "softmax_cross_entropy(z2, y) gives dz2; dense_backward(dz2, h, W2) gives dh, dW2, db2; "
        "relu_backward(dh, z1) gives dz1; dense_backward(dz1, X, W1) gives dW1 and db1; return "
        "the loss and a dict of the four gradients keyed W1, b1, W2, b2. sgd_step builds a new "
        "dict whose entry for each name is params[name] - lr * grads[name]; params[name] -= … "
        "would change the caller's arrays."
    ),
    # train
    "train.title": "Training: a classifier of your own on data no line separates",
    "train.task": (
        "Write fit_predict(X_train, y_train, X_test, n_classes, seed): train a network of your "
        "own on the labelled 2-D points and return the integer labels it predicts for X_test. "
        "The hidden data sets (XOR, two moons, three spirals) defeat every linear model; at "
        "least 90% of the predictions must be right on each, within the time limit of the check."
    ),
    "train.hint.1": (
        "Start from the backprop exercise: copy your dense_backward, relu_backward, "
        "softmax_cross_entropy and mlp_loss_and_grads into this file, and loop: compute the "
        "loss and gradients on the whole training set, take an sgd_step, "
        "and print the loss every hundred steps to see it fall."
    ),
    "train.hint.2": (
        "Standardise: X = (X_train − mean) / std with the training set's mean and std, and "
        "apply the same mean and std to X_test. Start W1 and W2 at random values of size about "
        "√(2/fan-in) from np.random.default_rng(seed), the biases at 0."
    ),
    "train.hint.3": (
        "Something that works: 32 to 64 hidden units, a learning rate near 0.5, 1000 to 2000 "
        "full-batch steps (or fewer with momentum). Predict with "
        "np.argmax(relu(X_test @ W1 + b1) @ W2 + b2, axis=1), and measure accuracy on a part of "
        "the training set you held out before trusting it."
    ),
    # cnn_backward
    "cnn_backward.title": "The backward pass of convolution and pooling",
    "cnn_backward.task": (
        "Write conv2d_backward, the gradients of the conv exercise's conv2d with respect to "
        "its input, kernel and bias (with stride and padding; dx has the shape of the input "
        "before padding), and max_pool2d_backward and avg_pool2d_backward, which send each "
        "window's gradient back to the window's maximum (the first one when tied) or share it "
        "equally; where windows overlap, the gradients add up."
    ),
    "cnn_backward.hint.1": (
        "Loop over the output positions (i, j) as conv2d does. The window it read, "
        "xp[:, :, i·s:i·s+KH, j·s:j·s+KW], gets dout[:, :, i, j] times w added to its gradient "
        "(sum over the filters F), and dw gets dout[:, :, i, j] times the window (sum over the "
        "batch N). Use += : windows overlap."
    ),
    "cnn_backward.hint.2": (
        "Pad x first and accumulate into dxp of the padded shape; at the end cut the border "
        "away: dx = dxp[:, :, p:p + H, p:p + W]. db is dout summed over the batch and every "
        "position: dout.sum(axis=(0, 2, 3))."
    ),
    "cnn_backward.hint.3": (
        "max_pool2d_backward: flatten each window to K² values, np.argmax gives the first "
        "maximum in row-major order; divmod(index, K) turns it back into (row, column) inside "
        "the window, where dout[n, c, i, j] is added. avg_pool2d_backward adds "
        "dout[:, :, i, j] / K² to every cell of the window."
    ),
    # bptt
    "bptt.title": "Backpropagation through time: the gradients of a recurrent network",
    "bptt.task": (
        "Write rnn_step_backward, the gradients of one step S_t = tanh(x_t·W_in + S_{t−1}·W_s + b) "
        "with respect to x_t, S_{t−1}, W_in, W_s and b, and rnn_backward, which walks the "
        "sequence from the last step to the first, carrying the gradient of each state into "
        "the step before and summing the weight gradients over the steps."
    ),
    "bptt.hint.1": (
        "tanh first: da = ds * (1 − s_t²), the derivative of tanh written with its output. "
        "Then a = x_t @ W_in + s_prev @ W_s + b is a dense layer twice: dx_t = da @ W_in.T, "
        "ds_prev = da @ W_s.T, dW_in = x_t.T @ da, dW_s = s_prev.T @ da, db = da.sum(axis=0)."
    ),
    "bptt.hint.2": (
        "rnn_backward: run rnn_forward once to have every state, then go t = T−1 … 0. The "
        "gradient reaching S_t is dstates[:, t] plus ds_prev of step t+1 (zero at the last "
        "step). S_{t−1} is states[:, t−1], or s0 when t = 0."
    ),
    "bptt.hint.3": (
        "The weights are shared by every step: start dW_in, dW_s and db at zero and add each "
        "step's share. What is carried past step 0 is ds0; dx[:, t] is step t's dx_t."
    ),
    # attention_backward
    "attention_backward.title": "The backward pass of softmax and of scaled dot-product attention",
    "attention_backward.task": (
        "Write softmax_backward, the gradient through y = softmax(x) along an axis (every output "
        "depends on every input of its slice), and scaled_dot_product_attention_backward, the "
        "gradients of the attention exercise's output with respect to Q, K and V, with the "
        "1/√d scale and the mask of the forward pass."
    ),
    "attention_backward.hint.1": (
        "The Jacobian of softmax is ∂y_i/∂x_j = y_i (δ_ij − y_j). Multiplied by dout it "
        "becomes dx = y * (dout − Σ dout·y), the sum along the axis with keepdims=True: one "
        "line, no Jacobian matrix needed."
    ),
    "attention_backward.hint.2": (
        "Undo the forward in reverse order. out = P @ V gives dV = Pᵀ @ dout and "
        "dP = dout @ Vᵀ (np.swapaxes(…, −1, −2) transposes the last two axes); then "
        "dS = softmax_backward(dP, P)."
    ),
    "attention_backward.hint.3": (
        "S = Q Kᵀ / √d, so dQ = dS @ K / √d and dK = dSᵀ @ Q / √d. Get P from the given "
        "scaled_dot_product_attention with the same mask: masked weights are exactly 0, so "
        "their dS is 0 and nothing flows through them."
    ),
}
