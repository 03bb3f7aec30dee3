"""The hidden cases are sane: unique labels, reproducible, edge and random cases, mistakes
that differ from the answer, and wrong learner files that are recognised by name."""

import numpy as np
import pytest

from exercise_support import (as_parts, by_function, call, close, hidden_cases, load_source,
                              right, same_inputs)
from nncli.catalogue import EXERCISES
from nncli.grader.compare import matches, wrong_answer
from nncli.exercise_files import solution_path

SEEDS = (0, 1, 2)

# Plausible wrong learner files: a reference solution with one edit (old -> new, every
# occurrence), and the mistake key the grader should name for the function.
WRONG_FILES = [
    ("activations", "relu", "relu_step",
     [("return np.maximum(x, 0.0)", "return (x > 0).astype(np.float64)")]),
    ("activations", "sigmoid", "sigmoid_sign",
     [("np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))",
       "np.where(x >= 0, z / (1.0 + z), 1.0 / (1.0 + z))")]),
    ("activations", "tanh", "tanh_half",
     [("    return np.sign(x) * (-m / (2.0 + m))", "    return 2.0 * sigmoid(x) - 1.0")]),
    ("activations", "softmax", "softmax_wrong_axis", [("axis=axis", "axis=0")]),
    ("activations", "softmax", "softmax_whole_array",
     [("np.max(x, axis=axis, keepdims=True)", "np.max(x)"),
      ("np.sum(e, axis=axis, keepdims=True)", "np.sum(e)")]),
    ("neuron", "perceptron", "perceptron_ge", [("(z > 0)", "(z >= 0)")]),
    ("neuron", "perceptron", "perceptron_sign",
     [("return (z > 0).astype(np.float64)", "return np.where(z > 0, 1.0, -1.0)")]),
    ("neuron", "perceptron", "missing_bias", [("weighted_sums(x, w) + b", "weighted_sums(x, w)")]),
    ("neuron", "dense", "transposed_result",
     [("return x @ np.asarray(W, dtype=np.float64) + np.asarray(b, dtype=np.float64)",
       "return np.asarray(W).T @ x.T + np.asarray(b)[:, None]")]),
    ("neuron", "dense", "missing_bias", [(" + np.asarray(b, dtype=np.float64)", "")]),
    ("conv", "conv1d", "conv_not_flipped", [("+= f[k] * g", "+= f[k] * g[::-1]")]),
    ("conv", "pad2d", "pad_one_side", [("out[..., p:p + H, p:p + W] = x", "out[..., :H, :W] = x")]),
    ("conv", "corr2d", "kernel_flipped", [("* k)", "* k[::-1, ::-1])")]),
    ("conv", "conv2d", "kernel_flipped",
     [("np.tensordot(window, w,", "np.tensordot(window, w[:, :, ::-1, ::-1],")]),
    ("conv", "conv2d", "stride_ignored",
     [("H_out = (H - KH) // stride + 1", "H_out = H - KH + 1"),
      ("W_out = (W - KW) // stride + 1", "W_out = W - KW + 1"),
      ("top, left = i * stride, j * stride", "top, left = i, j")]),
    ("conv", "conv2d", "padding_ignored", [("x = pad2d(x, padding)", "x = pad2d(x, 0)")]),
    ("conv", "conv2d", "missing_bias", [("if b is not None:", "if False:")]),
    ("pool", "max_pool2d", "pool_default_stride",
     [("S = K if stride is None else stride", "S = 1 if stride is None else stride")]),
    ("pool", "avg_pool2d", "avg_pool_sum",
     [("_pool(x, kernel_size, stride, np.mean)", "_pool(x, kernel_size, stride, np.sum)")]),
    ("pool", "max_pool2d", "pool_partial_windows",
     [("H_out = (H - K) // S + 1", "H_out = -(-(H - K) // S) + 1"),
      ("W_out = (W - K) // S + 1", "W_out = -(-(W - K) // S) + 1")]),
    ("rnn", "rnn_step", "recurrent_weights_transposed", [("s_prev @ W_s", "s_prev @ W_s.T")]),
    ("rnn", "rnn_step", "missing_bias", [("s_prev @ W_s + b)", "s_prev @ W_s)")]),
    ("rnn", "rnn_forward", "rnn_states_shifted",
     [("        s = rnn_step(x[:, t], s, W_in, W_s, b)\n        states[:, t] = s",
       "        states[:, t] = s\n        s = rnn_step(x[:, t], s, W_in, W_s, b)")]),
    ("rnn", "rnn_forward", "state_not_carried",
     [("s = rnn_step(x[:, t], s,", "s = rnn_step(x[:, t], np.asarray(s0),")]),
    ("lstm", "lstm_step", "gates_order_ifog",
     [("np.tanh(a[:, 2 * H:3 * H])", "np.tanh(a[:, 3 * H:4 * H])"),
      ("sigmoid(a[:, 3 * H:4 * H])", "sigmoid(a[:, 2 * H:3 * H])")]),
    ("lstm", "lstm_forward", "gates_order_ifog",
     [("np.tanh(a[:, 2 * H:3 * H])", "np.tanh(a[:, 3 * H:4 * H])"),
      ("sigmoid(a[:, 3 * H:4 * H])", "sigmoid(a[:, 2 * H:3 * H])")]),
    ("lstm", "lstm_step", "gates_order_figo",
     [("sigmoid(a[:, 0:H])", "sigmoid(a[:, H:2 * H])"),
      ("f = sigmoid(a[:, H:2 * H])", "f = sigmoid(a[:, 0:H])")]),
    ("lstm", "lstm_step", "lstm_sigmoid_on_g", [("np.tanh(a[:, 2 * H", "sigmoid(a[:, 2 * H")]),
    ("lstm", "lstm_step", "lstm_state_without_tanh", [("o * np.tanh(c_t)", "o * c_t")]),
    ("lstm", "lstm_step", "lstm_outputs_swapped", [("return s_t, c_t", "return c_t, s_t")]),
    ("attention", "attention_context", "softmax_wrong_axis",
     [("softmax(scores, axis=1)", "softmax(scores, axis=0)")]),
    ("attention", "attention_context", "attention_context_scaled",
     [("[:, :, 0]  ", "[:, :, 0] / np.sqrt(s.shape[1])  ")]),
    ("attention", "scaled_dot_product_attention", "missing_scaling", [(" / np.sqrt(d)", "")]),
    ("attention", "self_attention", "missing_scaling", [(" / np.sqrt(d)", "")]),
    ("attention", "scaled_dot_product_attention", "mask_inverted",
     [("np.where(mask, scores, -np.inf)", "np.where(mask, -np.inf, scores)")]),
    ("attention", "scaled_dot_product_attention", "softmax_wrong_axis",
     [("weights = softmax(scores, axis=-1)", "weights = softmax(scores, axis=-2)")]),
    ("multihead", "split_heads", "heads_interleaved",
     [("X[:, :, k * d_head:(k + 1) * d_head]", "X[:, :, k::n_heads]")]),
    ("multihead", "split_heads", "heads_reshaped_without_transpose",
     [("    return np.stack(blocks, axis=1)",
       "    return X.reshape(X.shape[0], n_heads, X.shape[1], d_head)")]),
    ("multihead", "merge_heads", "heads_reshaped_without_transpose",
     [("return np.concatenate([X[:, k] for k in range(X.shape[1])], axis=-1)",
       "return X.reshape(X.shape[0], X.shape[2], -1)")]),
    ("multihead", "multi_head_attention", "missing_output_projection",
     [("return merge_heads(heads) @ Wo, weights", "return merge_heads(heads), weights")]),
    ("multihead", "multi_head_attention", "scaled_by_d_model",
     [("scaled_dot_product_attention(Q, K, V, mask)",
       "scaled_dot_product_attention(Q / np.sqrt(n_heads), K, V, mask)")]),
    ("transformer", "positional_encoding", "pe_not_interleaved",
     [("pe[p, j] = np.sin(angle)", "pe[p, j // 2] = np.sin(angle)"),
      ("pe[p, j + 1] = np.cos(angle)", "pe[p, d_model // 2 + j // 2] = np.cos(angle)")]),
    ("transformer", "positional_encoding", "pe_sin_cos_swapped",
     [("pe[p, j] = np.sin(angle)", "pe[p, j] = np.cos(angle)"),
      ("pe[p, j + 1] = np.cos(angle)", "pe[p, j + 1] = np.sin(angle)")]),
    ("transformer", "layer_norm", "unbiased_variance",
     [("np.var(x, axis=-1, keepdims=True)", "np.var(x, axis=-1, ddof=1, keepdims=True)")]),
    ("transformer", "layer_norm", "eps_outside_sqrt",
     [("np.sqrt(var + eps)", "(np.sqrt(var) + eps)")]),
    ("transformer", "feed_forward", "ffn_no_relu",
     [("hidden = relu(x @ W1 + b1)", "hidden = x @ W1 + b1")]),
    ("transformer", "encoder_layer", "missing_residual",
     [("layer_norm(x + attended,", "layer_norm(attended,"), ("layer_norm(y + ffn,", "layer_norm(ffn,")]),
    ("transformer", "encoder_layer", "pre_norm",
     [("    attended, _ = multi_head_attention(x, p[\"Wq\"]",
       "    attended, _ = multi_head_attention(layer_norm(x, p[\"gamma1\"], p[\"beta1\"]), p[\"Wq\"]"),
      ("    y = layer_norm(x + attended, p[\"gamma1\"], p[\"beta1\"])", "    y = x + attended"),
      ("    ffn = feed_forward(y, ", "    ffn = feed_forward(layer_norm(y, p[\"gamma2\"], p[\"beta2\"]), "),
      ("    return layer_norm(y + ffn, p[\"gamma2\"], p[\"beta2\"])", "    return y + ffn")]),
    ("transformer", "next_token_distribution", "logits_not_probabilities",
     [("return softmax(logits, axis=-1)", "return logits")]),
    ("transformer", "next_token_distribution", "softmax_wrong_axis",
     [("return softmax(logits, axis=-1)", "return softmax(logits, axis=0)")]),
    ("gnn", "normalize_adjacency", "no_self_loops",
     [("A_tilde = A + np.eye(A.shape[0])", "A_tilde = A")]),
    ("gnn", "normalize_adjacency", "row_normalized",
     [("return D_inv_sqrt @ A_tilde @ D_inv_sqrt", "return np.diag(1.0 / degrees) @ A_tilde")]),
    ("gnn", "gcn_layer", "gcn_no_relu",
     [("return relu(normalize_adjacency(A) @ X @ np.asarray(W, dtype=np.float64))",
       "return normalize_adjacency(A) @ X @ np.asarray(W, dtype=np.float64)")]),
    ("gnn", "gcn_layer", "no_self_loops", [("A_tilde = A + np.eye(A.shape[0])", "A_tilde = A")]),
    ("backprop", "dense_backward", "db_not_summed",
     [("return dout @ W.T, x.T @ dout, dout.sum(axis=0)", "return dout @ W.T, x.T @ dout, dout")]),
    ("backprop", "dense_backward", "dense_grad_transposed",
     [("return dout @ W.T, x.T @ dout,", "return dout @ W.T, dout.T @ x,")]),
    ("backprop", "relu_backward", "relu_mask_from_dout",
     [("* (np.asarray(x, dtype=np.float64) > 0)", "* (np.asarray(dout, dtype=np.float64) > 0)")]),
    ("backprop", "relu_backward", "relu_slope_at_zero",
     [("(np.asarray(x, dtype=np.float64) > 0)", "(np.asarray(x, dtype=np.float64) >= 0)")]),
    ("backprop", "softmax_cross_entropy", "ce_sum_not_mean",
     [("loss = -log_p[rows, y].mean()", "loss = -log_p[rows, y].sum()"),
      ("return float(loss), dlogits / N", "return float(loss), dlogits")]),
    ("backprop", "softmax_cross_entropy", "ce_grad_not_divided",
     [("return float(loss), dlogits / N", "return float(loss), dlogits")]),
    ("backprop", "softmax_cross_entropy", "softmax_not_shifted",
     [("shifted = z - z.max(axis=1, keepdims=True)", "shifted = z")]),
    ("backprop", "mlp_loss_and_grads", "relu_not_applied_backward",
     [("dz1 = relu_backward(dh, z1)", "dz1 = dh")]),
    ("backprop", "sgd_step", "sgd_ascent",
     [("- lr * np.asarray(grads[name]", "+ lr * np.asarray(grads[name]")]),
    ("train", "fit_predict", "train_one_class",
     [('return np.argmax(h @ params["W2"] + params["b2"], axis=1)',
       "return np.zeros(len(Z), dtype=np.int64)")]),
    ("train", "fit_predict", "train_linear",
     [("h = np.maximum(z1, 0.0)", "h = z1"),
      ('h = np.maximum(Z @ params["W1"] + params["b1"], 0.0)', 'h = Z @ params["W1"] + params["b1"]')]),
    ("cnn_backward", "conv2d_backward", "conv_grad_padding_kept",
     [("dx = dxp[:, :, padding:padding + H, padding:padding + W]", "dx = dxp")]),
    ("cnn_backward", "conv2d_backward", "conv_grad_db_per_example",
     [("dout.sum(axis=(0, 2, 3))", "dout.sum(axis=(2, 3))")]),
    ("cnn_backward", "conv2d_backward", "conv_grad_kernel_not_flipped",
     [("np.tensordot(g, w, axes=([1], [0]))", "np.tensordot(g, w[:, :, ::-1, ::-1], axes=([1], [0]))")]),
    ("cnn_backward", "max_pool2d_backward", "max_pool_grad_everywhere",
     [("dx[n, c, i * S + row, j * S + col] += dout[n, c, i, j]",
       "dx[n, c, i * S:i * S + K, j * S:j * S + K] += dout[n, c, i, j]")]),
    ("cnn_backward", "max_pool2d_backward", "max_pool_grad_every_tie",
     [("first = window.argmax(axis=2)", "first = window.argmax(axis=2)  # noqa"),
      ("                    row, col = divmod(int(first[n, c]), K)\n"
       "                    dx[n, c, i * S + row, j * S + col] += dout[n, c, i, j]",
       "                    top = window[n, c].max()\n"
       "                    for k in np.flatnonzero(window[n, c] == top):\n"
       "                        row, col = divmod(int(k), K)\n"
       "                        dx[n, c, i * S + row, j * S + col] += dout[n, c, i, j]")]),
    ("cnn_backward", "avg_pool2d_backward", "avg_pool_grad_not_divided",
     [("+= dout[:, :, i:i + 1, j:j + 1] / (K * K)", "+= dout[:, :, i:i + 1, j:j + 1]")]),
    ("cnn_backward", "avg_pool2d_backward", "pool_grad_overwritten",
     [("dx[:, :, i * S:i * S + K, j * S:j * S + K] += dout", "dx[:, :, i * S:i * S + K, j * S:j * S + K] = dout")]),
    ("bptt", "rnn_step_backward", "bptt_no_tanh_derivative",
     [(" * (1.0 - np.asarray(s_t, dtype=np.float64) ** 2)", "")]),
    ("bptt", "rnn_step_backward", "bptt_recurrent_grad_transposed",
     [("s_prev.T @ da", "da.T @ s_prev")]),
    ("bptt", "rnn_backward", "bptt_not_carried",
     [("dstates[:, t] + carried, x[:, t]", "dstates[:, t], x[:, t]")]),
    ("bptt", "rnn_backward", "bptt_not_accumulated",
     [("dW_in += dWi", "dW_in = dWi"), ("dW_s += dWs", "dW_s = dWs"), ("db += dbt", "db = dbt")]),
    ("attention_backward", "softmax_backward", "softmax_grad_diagonal",
     [("return y * (dout - np.sum(dout * y, axis=axis, keepdims=True))",
       "return dout * y * (1.0 - y)")]),
    ("attention_backward", "softmax_backward", "softmax_grad_no_subtraction",
     [("return y * (dout - np.sum(dout * y, axis=axis, keepdims=True))", "return y * dout")]),
    ("attention_backward", "scaled_dot_product_attention_backward", "attention_grad_unscaled",
     [("dS = softmax_backward(dP, P, axis=-1) / np.sqrt(Q.shape[-1])",
       "dS = softmax_backward(dP, P, axis=-1)")]),
    ("attention_backward", "scaled_dot_product_attention_backward", "attention_grad_mask_ignored",
     [("_, P = scaled_dot_product_attention(Q, K, V, mask)\n    dV",
       "_, P = scaled_dot_product_attention(Q, K, V)\n    dV")]),
]

ALLOWED_SCALARS = (int, float, bool, str, type(None))
# mistakes whose wrong answer is nan or inf: what the learner's unstable code returns too
NOT_FINITE = {"softmax_not_shifted", "softmax_overflow", "softmax_global_max", "eps_hard_coded"}


def _first_match(case, got, want):
    """The key the grader would name: the first mistake whose answer `got` matches."""
    for mistake in case.mistakes:
        wrong = wrong_answer(case, mistake)
        if wrong is not None and matches(wrong, got, case.rtol, case.atol, case.agreement) and not right(case, wrong, want):
            return mistake.key
    return None


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_cases_cover_every_function_with_edge_and_random_cases(exercise):
    for seed in SEEDS:
        for name, cases in by_function(exercise.name, seed).items():
            labels = [c.label for c in cases]
            assert 3 <= len(cases) <= 12, f"{name}: {len(cases)} cases"
            assert len(set(labels)) == len(labels), f"{name}: repeated labels {labels}"
            assert any(l.startswith("edge") for l in labels), name
            assert sum(l.startswith("random") for l in labels) >= 2, name


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_cases_are_reproducible_from_the_seed_and_change_with_it(exercise):
    first, again, other = (hidden_cases(exercise.name, s) for s in (5, 5, 6))
    assert [c.label for c in first] == [c.label for c in again]
    for a, b in zip(first, again):
        assert same_inputs(a.args, b.args) and same_inputs(a.kwargs, b.kwargs), a.label
    randomized = [(a, b) for a, b in zip(first, other) if a.label.startswith("random")]
    differ = [a.label for a, b in randomized
              if a.label != b.label or not same_inputs(a.args, b.args)]
    assert len(differ) >= 2, f"{exercise.name}: random cases barely change with the seed"


def _check_value(value, where):
    if isinstance(value, np.ndarray):  # int64: class labels
        assert value.dtype in (np.float64, np.bool_, np.int64), f"{where}: dtype {value.dtype}"
    elif isinstance(value, dict):
        for k, v in value.items():
            assert isinstance(k, str) and isinstance(v, np.ndarray) and v.dtype == np.float64, where
    else:
        assert isinstance(value, ALLOWED_SCALARS), f"{where}: {type(value).__name__}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_inputs_can_cross_to_the_sandbox_and_answers_are_finite(exercise):
    for case in hidden_cases(exercise.name, 0):
        where = f"{case.function} [{case.label}]"
        assert case.function in exercise.function_names, where
        for value in (*case.args, *case.kwargs.values()):
            _check_value(value, where)
        before = [np.copy(a) for a in case.args if isinstance(a, np.ndarray)]
        want = case.expected(*case.args, **case.kwargs)
        after = [a for a in case.args if isinstance(a, np.ndarray)]
        assert all(np.array_equal(x, y) for x, y in zip(before, after)), where
        for part in as_parts(want):
            assert part.dtype == (np.int64 if case.agreement else np.float64), where
            assert np.all(np.isfinite(part)), where
        assert case.rtol <= 1e-6, where


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_every_mistake_differs_from_the_answer_somewhere(exercise):
    differs, seen = set(), set()
    for seed in SEEDS:
        for case in hidden_cases(exercise.name, seed):
            want = case.expected(*case.args, **case.kwargs)
            for mistake in case.mistakes:
                seen.add((case.function, mistake.key))
                wrong = wrong_answer(case, mistake)   # None: the transformation does not apply
                if wrong is None:
                    continue
                assert len(as_parts(wrong)) == len(as_parts(want)), (case.label, mistake.key)
                if mistake.key not in NOT_FINITE:
                    assert all(np.all(np.isfinite(p)) for p in as_parts(wrong)), (case.label,
                                                                                    mistake.key)
                if not right(case, wrong, want):
                    differs.add((case.function, mistake.key))
    assert seen - differs == set(), f"mistakes never wrong: {sorted(seen - differs)}"
    assert len({key for _, key in seen}) >= 2, f"{exercise.name} has fewer than two mistakes"


@pytest.mark.parametrize("exercise, function, key, edits", WRONG_FILES,
                         ids=[f"{e}.{f}.{k}" for e, f, k, _ in WRONG_FILES])
def test_a_wrong_learner_file_is_recognised_by_name(exercise, function, key, edits):
    source = solution_path(exercise).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in source, f"edit does not apply: {old!r}"
        source = source.replace(old, new)
    module = load_source(source, f"wrong_{exercise}_{key}")
    recognised, failed = [], 0
    for seed in SEEDS:
        for case in by_function(exercise, seed)[function]:
            try:
                with np.errstate(all="ignore"):
                    got, _ = call(getattr(module, function), case)
            except Exception:
                failed += 1
                continue
            want = case.expected(*case.args, **case.kwargs)
            if right(case, got, want):
                continue
            failed += 1
            named = _first_match(case, got, want)
            if key in {m.key for m in case.mistakes}:  # elsewhere another name may fit too
                assert named in (key, None), f"[{case.label}] named {named}, not {key}"
            if named == key:
                recognised.append(case.label)
    assert failed, "the wrong file passed every case"
    assert recognised, f"{key} was never recognised"


def test_at_least_two_recognised_mistakes_per_exercise():
    keys = {}
    for exercise, _, key, _ in WRONG_FILES:
        keys.setdefault(exercise, set()).add(key)
    for e in EXERCISES:
        assert len(keys.get(e.name, ())) >= 2, e.name


def test_a_full_set_of_cases_stays_small():
    import time

    start = time.perf_counter()
    total = 0
    for e in EXERCISES:
        for case in hidden_cases(e.name, 11):
            case.expected(*case.args, **case.kwargs)
            total += 1
    elapsed = time.perf_counter() - start
    print(f"\n{total} cases, expected values in {elapsed:.3f} s")
    assert total <= 400, f"{total} cases"
