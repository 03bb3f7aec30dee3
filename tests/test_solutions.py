"""Every reference solution passes its hidden cases (against nncli.maths); every template
raises NotImplementedError; the pieces templates give in full are right."""


import numpy as np
import pytest

from exercise_support import as_parts, call, hidden_cases, load_file, right, same_inputs
from nncli.catalogue import EXERCISES
from nncli.exercise_files import solution_path, template_path
from nncli.maths import activations as act
from nncli.maths import attention as att
from nncli.maths import conv, neuron

SEEDS = (0, 1, 2)


def _solution(name):
    return load_file(solution_path(name), f"solution_{name}")


def _template(name):
    return load_file(template_path(name), f"template_{name}")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_solution_matches_maths_on_every_hidden_case(exercise, seed):
    module = _solution(exercise.name)
    cases = hidden_cases(exercise.name, seed)
    for case in cases:
        got, args_after = call(getattr(module, case.function), case)
        want = case.expected(*case.args, **case.kwargs)
        where = f"{exercise.name}.{case.function} [{case.label}] seed={seed}"
        assert right(case, got, want, rtol=1e-6), where
        for part in as_parts(got):
            assert part.dtype == (np.int64 if case.agreement else np.float64), where
            assert np.all(np.isfinite(part)), where
        assert same_inputs(args_after, case.args), f"{where}: an input was changed in place"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_every_template_function_raises_not_implemented(exercise):
    module = _template(exercise.name)
    first = {}
    for case in hidden_cases(exercise.name, 0):
        first.setdefault(case.function, case)
    assert set(first) == set(exercise.function_names)
    for name, case in first.items():
        with pytest.raises(NotImplementedError):
            call(getattr(module, name), case)


def test_given_pieces_of_the_templates_are_right():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3, 4)) * 300
    for name in ("attention", "multihead", "transformer"):
        module = _template(name)
        for axis in (-1, 0, 1):
            np.testing.assert_allclose(module.softmax(x, axis=axis), act.softmax(x, axis=axis),
                                       rtol=1e-12, err_msg=f"{name}.softmax axis={axis}")
    for name in ("transformer", "gnn"):
        np.testing.assert_array_equal(_template(name).relu(x), act.relu(x))
    np.testing.assert_allclose(_template("lstm").sigmoid(x), act.sigmoid(x), rtol=1e-12)

    Q, K, V = (rng.standard_normal((2, 3, 4, 5)) for _ in range(3))
    mask = rng.random((4, 4)) < 0.5
    mask[:, 0] = True
    for name in ("multihead", "transformer"):
        module = _template(name)
        for m in (None, mask):
            for got, want in zip(module.scaled_dot_product_attention(Q, K, V, m),
                                 att.scaled_dot_product_attention(Q, K, V, m)):
                np.testing.assert_allclose(got, want, rtol=1e-12, err_msg=name)
    for name in ("attention", "multihead"):
        np.testing.assert_array_equal(_template(name).causal_mask(5), att.causal_mask(5))

    X = rng.standard_normal((2, 4, 6))
    Ws = [rng.standard_normal((6, 6)) for _ in range(4)]
    tf = _template("transformer")
    for h in (1, 2, 3, 6):
        np.testing.assert_array_equal(tf.split_heads(X, h), att.split_heads(X, h))
        np.testing.assert_array_equal(tf.merge_heads(att.split_heads(X, h)), X)
        for got, want in zip(tf.multi_head_attention(X, *Ws, h, mask=att.causal_mask(4)),
                             att.multi_head_attention(X, *Ws, h, mask=att.causal_mask(4))):
            np.testing.assert_allclose(got, want, rtol=1e-12, err_msg=f"h={h}")


def test_worked_examples_of_the_templates_are_right():
    x = np.array([[-2.0, 0.0, 3.0]])
    np.testing.assert_array_equal(_template("activations").leaky_relu(x, 0.1), [[-0.2, 0.0, 3.0]])
    n = _template("neuron")
    gate = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    np.testing.assert_array_equal(neuron.perceptron(gate, n.AND_WEIGHTS, n.AND_BIAS), [0, 0, 0, 1])
    np.testing.assert_array_equal(n.weighted_sums(gate, np.array([2.0, -1.0])), [0, -1, 2, 1])
    c = _template("conv")
    for size, kernel, padding, stride in [(7, 3, 0, 2), (8, 3, 1, 2), (5, 5, 0, 1), (6, 2, 2, 3)]:
        assert c.output_size(size, kernel, padding, stride) == conv.output_size(
            size, kernel, padding, stride)
    images = np.arange(24.0).reshape(1, 2, 3, 4)
    np.testing.assert_array_equal(_template("pool").global_max_pool(images), [[11.0, 23.0]])
    seq = np.random.default_rng(4).standard_normal((2, 5, 3))
    np.testing.assert_allclose(_template("rnn").running_sum(seq), np.cumsum(seq, axis=1))
    A = _template("gnn").adjacency_from_edges([(0, 1), (1, 2)], 4)
    np.testing.assert_array_equal(A, [[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]])
