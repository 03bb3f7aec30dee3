"""architectures: parameter counts against torchvision's published totals, the 3×3 stack
against loops and an impulse, the 1×1 arithmetic by hand, the residual gradient against
finite differences, sentences chosen from the numbers, and the CLI."""

import numpy as np
import pytest

from nncli.builders.architectures import (Sizes, build_architectures, compare_key, random_blocks,
                                          random_kernels, stacked_kernel)
from nncli.builders.context import Context
from nncli.maths.cnn_models import MODELS, googlenet
from nncli.maths.layer_count import BatchNorm, Conv, count
from nncli.maths.residual import block, stack

# torchvision.models: sum(p.numel() for p in model.parameters()), as its documentation lists
TORCHVISION = {"AlexNet": 61_100_840, "VGG-16": 138_357_544, "ResNet-18": 11_689_512,
               "ResNet-50": 25_557_032}


def test_counts_equal_torchvision():
    counts = {name: count(make()) for name, _, make in MODELS}
    for name, expected in TORCHVISION.items():
        assert counts[name] == expected, name


def test_googlenet_layer_list_equals_torchvision_variant():
    """torchvision's GoogLeNet (6,624,904 without the auxiliary classifiers) puts a batch norm
    after every bias-free convolution and a 3×3 kernel in the "5×5" branch: the same
    Inception table with those two changes gives its count."""
    bn = lambda name, a, b, k: [Conv(name, a, b, k, bias=False), BatchNorm(name, b)]
    assert count(googlenet(bn, five=3)) == 6_624_904


def test_small_models_by_hand():
    counts = {name: count(make()) for name, _, make in MODELS}
    # LeNet-5 (modern): 6·25+6, 16·6·25+16, 400·120+120, 120·84+84, 84·10+10
    assert counts["LeNet-5"] == 156 + 2_416 + 48_120 + 10_164 + 850 == 61_706
    # ZFNet: 96·3·49+96, 256·96·25+256, 384·256·9+384, 384·384·9+384, 256·384·9+256, fc
    assert counts["ZFNet"] == (14_208 + 614_656 + 885_120 + 1_327_488 + 884_992
                               + 9216 * 4096 + 4096 + 4096 * 4096 + 4096 + 4096 * 1000 + 1000)
    assert [year for _, year, _ in MODELS] == sorted(year for _, year, _ in MODELS)


def loop_corr(x, k):
    H, W = x.shape
    K = k.shape[0]
    return np.array([[sum(x[i + u, j + v] * k[u, v] for u in range(K) for v in range(K))
                      for j in range(W - K + 1)] for i in range(H - K + 1)])


@pytest.mark.parametrize("seed", range(4))
def test_two_3x3_layers_equal_their_stacked_5x5_kernel(seed):
    k1, k2 = random_kernels(seed)
    c = stacked_kernel(k1, k2)
    assert c.shape == (5, 5)
    x = np.random.default_rng(seed).normal(size=(8, 9))
    np.testing.assert_allclose(loop_corr(loop_corr(x, k1), k2), loop_corr(x, c), rtol=1e-12, atol=1e-12)
    # the full convolution, written as a sum over u + v = w
    by_hand = np.zeros((5, 5))
    for a in np.ndindex(3, 3):
        for b in np.ndindex(3, 3):
            by_hand[a[0] + b[0], a[1] + b[1]] += k1[a] * k2[b]
    np.testing.assert_array_equal(c, by_hand)


def test_impulse_shows_the_kernel_turned_and_nothing_outside():
    ctx = Context("architectures")
    trace = build_architectures(Sizes(), 10, 0, ctx)
    step = next(s for s in trace.steps if s.title.startswith("VGG"))
    out = next(b for b in step.blocks if getattr(b, "name", "") == "impulse").array
    c = trace.outputs["stacked_kernel"]
    np.testing.assert_array_equal(out[2:7, 2:7], c[::-1, ::-1])
    assert np.count_nonzero(out) == np.count_nonzero(c)


@pytest.mark.parametrize("C,R,F,H", [(192, 96, 128, 28), (256, 64, 64, 56), (16, 15, 1, 3)])
def test_bottleneck_arithmetic(C, R, F, H):
    ctx = Context("architectures")
    trace = build_architectures(Sizes(C, R, F, H), 3, 0, ctx)
    step = next(s for s in trace.steps if s.title.startswith("GoogLeNet"))
    table = next(b for b in step.blocks if hasattr(b, "rows"))
    direct, both = 9 * C * F, C * R + 9 * R * F
    assert table.rows[0][1:] == [f"{direct:,}", f"{direct * H * H:,}"]
    assert table.rows[3][1:] == [f"{both:,}", f"{both * H * H:,}"]
    texts = " ".join(b.text for b in step.blocks if type(b).__name__ == "Text")
    # the sentence follows the comparison: (16, 15, 1) costs more, the others save
    assert ("too small to pay" in texts) == (both > direct)
    assert f"{100 * both / direct:.1f}%" in texts


def test_default_bottleneck_numbers():
    # GoogLeNet 3a's 3×3 branch: 221,184 → 129,024 weights, 173,408,256 → 101,154,816 multiply-adds
    assert 9 * 192 * 128 == 221_184 and 192 * 96 + 9 * 96 * 128 == 129_024
    assert 221_184 * 784 == 173_408_256 and 129_024 * 784 == 101_154_816


def numeric_derivative(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("skip", [True, False])
def test_residual_gradients_match_finite_differences(seed, skip):
    blocks = random_blocks(seed, 8)
    for x in (0.3, 1.0, 2.2):
        run = lambda v: stack(v, blocks, skip)[0][-1]
        xs, factors, grad = stack(x, blocks, skip)
        # away from a ReLU kink the central difference is exact up to rounding
        np.testing.assert_allclose(grad, numeric_derivative(run, x), rtol=1e-6, atol=1e-8,
                                   err_msg=f"seed={seed} skip={skip} x={x}")
        for params, xl, g in zip(blocks, xs, factors):
            one = lambda v: block(v, params, skip)[0]
            assert g == pytest.approx(numeric_derivative(one, xl), rel=1e-6, abs=1e-8)


def test_skip_adds_one_to_the_slope():
    params = (np.array([0.4, 0.2]), np.array([0.0, -0.3]), np.array([-0.2, -0.5]), 0.3)
    # F(1) = −0.2·0.4 − 0.5·relu(−0.1) + 0.3 = 0.22; F′(1) = −0.2·0.4 = −0.08
    y, g = block(1.0, params, skip=True)
    assert y == pytest.approx(1.22) and g == pytest.approx(1 - 0.08)
    y, g = block(1.0, params, skip=False)
    assert y == pytest.approx(0.22) and g == pytest.approx(-0.08)


def test_residual_blocks_never_die():
    for seed in range(20):
        xs, factors, _ = stack(1.0, random_blocks(seed, 50), skip=True)
        assert min(xs) > 0 and all(f > 0 for f in factors), seed


def test_gradient_sentence_follows_the_numbers():
    assert compare_key(1.3, 1e-9) == "stack.res_larger"
    assert compare_key(0.2, 0.9) == "stack.plain_larger"
    assert compare_key(0.7, 0.0) == "stack.plain_zero"
    assert compare_key(0.0, 0.0) == "stack.both_zero"
    from nncli.texts.en.architectures import TEXTS

    seen = set()
    for seed in range(6):
        trace = build_architectures(Sizes(), 10, seed, Context("architectures"))
        res, plain = trace.outputs["residual_gradient"], trace.outputs["plain_gradient"]
        last = " ".join(b.text for b in trace.steps[-1].blocks if type(b).__name__ == "Text")
        key = compare_key(res, plain)
        seen.add(key)
        assert TEXTS[key].split("{")[0] in last, (seed, key)
    assert {"stack.res_larger", "stack.plain_zero"} <= seen


def test_cli_json_models(run):
    result = run("explain", "architectures")
    assert result.code == 0, result.stderr
    for needle in ("138,357,544", "18", "25", "101,154,816", "1 + ∂F/∂x", "Neocognitron"):
        assert needle in result.stdout, needle
    data = run("explain", "architectures", "--json").json()
    models = {m["name"]: m for m in data["outputs"]["models"]}
    for name, expected in TORCHVISION.items():
        assert models[name]["params"] == expected
    assert [m["name"] for m in data["outputs"]["models"]] == [name for name, _, _ in MODELS]
    assert all(set(m) == {"name", "year", "params"} for m in models.values())


@pytest.mark.parametrize("args,needle", [
    (["--channels", "5000"], "--channels 5000 is too large: at most 2048, since no layer"),
    (["--size", "0"], "--size 0"),
    (["--blocks", "51"], "a deeper stack shows nothing new"),
    (["--channels", "64", "--reduce", "64"], "give fewer than --channels 64"),
    (["--filters", "x"], "--filters"),
])
def test_cli_bad_input_is_one_line_exit_2(run, args, needle):
    result = run("explain", "architectures", *args)
    assert result.code == 2, result.stdout
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
