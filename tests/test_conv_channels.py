"""conv --channels/--filters: the layer against a loop over torch's conv2d definition, the
per-channel partial sums, the JSON shapes, and the single-channel JSON left as it was."""

import numpy as np
import pytest

from nncli.builders.context import Context
from nncli.builders.conv_channels import build_conv_channels, channel_parts
from test_conv import loop_conv2d


@pytest.mark.parametrize("C,F,H,padding,stride,bias", [
    (1, 1, 4, 0, 1, None), (3, 2, 5, 1, 1, [0.5, -1.0]), (2, 4, 7, 2, 3, [1, 2, 3, 4]),
    (8, 1, 3, 1, 2, [0.25])])
def test_layer_equals_loop_definition_of_conv2d(C, F, H, padding, stride, bias):
    rng = np.random.default_rng(C * 10 + F)
    x = rng.normal(size=(C, H, H))
    k = rng.normal(size=(F, C, 3, 3))
    trace = build_conv_channels(x, k, Context("conv"), bias=bias, padding=padding, stride=stride)
    expected = loop_conv2d(x[None], k, None if bias is None else np.array(bias, float), stride, padding)[0]
    np.testing.assert_allclose(trace.outputs["output"], expected, rtol=1e-12, atol=1e-12,
                               err_msg=f"C={C} F={F} padding={padding} stride={stride}")
    parts = channel_parts(x, k, padding, stride)
    assert parts.shape == (F, C) + expected.shape[1:]
    np.testing.assert_allclose(parts.sum(axis=1) + (0 if bias is None else np.array(bias)[:, None, None]),
                               expected, rtol=1e-12, atol=1e-12)
    assert ("bias" in trace.inputs) == (bias is not None)


def test_the_worked_cell_adds_the_partial_sums():
    x = np.array([[[1.0, 2], [3, 4]], [[0.0, 1], [1, 0]]])        # C = 2, 2×2
    k = np.array([[[[1.0, 0], [0, 1]], [[2.0, 2], [2, 2]]]])       # F = 1: 1+4 = 5, 2×2 = 4
    trace = build_conv_channels(x, k, Context("conv"), bias=[1.0])
    text = " ".join(b.text for s in trace.steps for b in s.blocks if hasattr(b, "text"))
    assert "channel 0: 1×1 + 2×0 + 3×0 + 4×1 = 5" in text
    assert "channel 1: 0×2 + 1×2 + 1×2 + 0×2 = 4" in text
    assert "output[0][0, 0] = 5 + 4 + 1 = 10" in text
    assert trace.outputs["output"].tolist() == [[[10.0]]]


def test_cli_json_shapes_and_bias_only_when_given(run):
    data = run("explain", "conv", "--channels", "3", "--filters", "2", "--size", "5", "--json").json()
    assert set(data["inputs"]) == {"input", "kernel"}
    x, k = np.array(data["inputs"]["input"]), np.array(data["inputs"]["kernel"])
    assert x.shape == (3, 5, 5) and k.shape == (2, 3, 3, 3)
    out = np.array(data["outputs"]["output"])
    assert out.shape == (2, 3, 3)
    np.testing.assert_allclose(out, loop_conv2d(x[None], k, None, 1, 0)[0], rtol=1e-12)
    given = run("explain", "conv", "--channels", "2", "--filters", "3", "--bias", "0", "--json").json()
    assert given["inputs"]["bias"] == [0.0, 0.0, 0.0]
    assert run("explain", "conv", "--filters", "2", "--json").json()["params"]["channels"] == 1


def test_single_channel_json_keeps_its_keys(run):
    data = run("explain", "conv", "--json").json()
    assert set(data["inputs"]) == {"input", "kernel"} and set(data["outputs"]) == {"output"}
    assert set(data["params"]) == {"dim", "padding", "stride", "bias", "flip", "seed"}
    assert np.array(data["inputs"]["input"]).shape == (4, 4)


@pytest.mark.parametrize("args", [["--input", "1 2; 3 4"], ["--kernel", "1"], ["--flip"]])
def test_cli_own_numbers_are_refused_in_one_line(run, args):
    result = run("explain", "conv", "--channels", "2", *args)
    assert result.code == 2 and "--channels" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_many_channels_are_summarised(run):
    result = run("explain", "conv", "--channels", "8", "--filters", "8")
    assert result.code == 0, result.stderr
    assert "4 more channels" in result.stdout and "more computed the same way" in result.stdout
