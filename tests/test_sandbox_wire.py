"""The parent's reading of the private pipe: whatever bytes arrive, it raises Malformed or
returns plain arrays, and never allocates more than the frame holds."""

import struct

import numpy as np
import pytest

from nncli.grader.sandbox import wire


def test_arrays_round_trip_exactly():
    rng = np.random.default_rng(7)
    values = (rng.normal(size=(2, 3)), np.array([True, False]), np.arange(4, dtype=np.int32),
              np.empty((0, 5)), np.array(3.0), np.asfortranarray(np.eye(3)[:, :2]),
              np.array([np.nan, -np.inf, 1e308]), np.array([1 + 2j]))
    blobs = []
    descriptor = wire.encode(values, blobs)
    header, body = wire.split(bytearray(wire.frame({"value": descriptor}, blobs)), 1 << 20)
    decoded = wire.decode(header["value"], body)
    assert len(decoded) == len(values)
    for got, sent in zip(decoded, values):
        assert got.dtype == sent.dtype and got.shape == sent.shape
        np.testing.assert_array_equal(got, sent)
        assert got.flags.writeable and got.flags.c_contiguous


def test_incomplete_frames_wait_and_whole_ones_are_taken_off():
    data = wire.frame({"kind": "done"}) + wire.frame({"kind": "loaded"})
    buffer = bytearray(data[:5])
    assert wire.split(buffer, 100) is None
    buffer += data[5:]
    assert wire.split(buffer, 100)[0] == {"kind": "done"}
    assert wire.split(buffer, 100)[0] == {"kind": "loaded"}
    assert buffer == bytearray()


@pytest.mark.parametrize("data", [
    b"XXXX" + b"\0" * 12,                                    # wrong magic
    b"NNF1" + struct.pack("<IQ", 10, 1 << 60),               # body larger than allowed
    b"NNF1" + struct.pack("<IQ", 1 << 30, 0),                # header larger than allowed
    b"NNF1" + struct.pack("<IQ", 3, 0) + b"{x}",             # not JSON
    b"NNF1" + struct.pack("<IQ", 2, 0) + b"[]",              # not an object
    b"NNF1" + struct.pack("<IQ", 2, 0) + b"\xff\xfe",        # not ASCII
])
def test_bytes_that_are_not_frames(data):
    with pytest.raises(wire.Malformed):
        wire.split(bytearray(data), 1 << 20)


def test_deeply_nested_json_is_malformed_not_a_crash():
    deep = "[" * 100000 + "]" * 100000
    with pytest.raises(wire.Malformed):
        wire.split(bytearray(b"NNF1" + struct.pack("<IQ", len(deep), 0) + deep.encode()),
                   1 << 20)


@pytest.mark.parametrize("descriptor", [
    {"array": ["<f8", [10**12], 0]},               # claims more bytes than the body has
    {"array": ["<f8", [1 << 62, 1 << 62], 0]},     # shape overflow
    {"array": ["|O", [1], 0]},                     # object dtype
    {"array": ["<U3", [1], 0]},                    # strings
    {"array": ["V8", [1], 0]},                     # raw bytes
    {"array": [[["a", "<f8"]], [1], 0]},           # structured
    {"array": ["(2,)<f8", [1], 0]},                # sub-array
    {"array": ["<f8", [-1], 0]},
    {"array": ["<f8", [1.5], 0]},
    {"array": ["<f8", [1], -8]},
    {"array": ["<f8", [1], 8]},                    # offset past the end
    {"array": ["<f8", [1] * 40, 0]},               # too many dimensions
    {"array": ["not a dtype", [1], 0]},
    {"tuple": [{"tuple": []}]},                    # nested tuple
    {"unsupported": 3},
    {"what": 1},
    {"array": 1, "tuple": 2},
    [],
    None,
])
def test_descriptors_that_do_not_fit_are_malformed(descriptor):
    with pytest.raises(wire.Malformed):
        wire.decode(descriptor, b"\0" * 8)


def test_big_endian_arrays_come_back_native():
    blobs = []
    descriptor = wire.encode(np.arange(3, dtype=">f8"), blobs)
    value = wire.decode(descriptor, b"".join(b for _, b in blobs))
    assert value.dtype.isnative and list(value) == [0.0, 1.0, 2.0]


def test_results_carry_numbers_and_dicts_of_arrays():
    """What a learner's call may return: a loss as a float or a NumPy scalar, a dict of
    gradients, a tuple of those."""
    grads = {"W1": np.arange(6.0).reshape(2, 3), "b1": np.zeros(3)}
    blobs = []
    descriptor = wire.encode((1.5, grads, np.float64(2.5)), blobs, result=True)
    header, body = wire.split(bytearray(wire.frame({"value": descriptor}, blobs)), 1 << 20)
    loss, got, scalar = wire.decode(header["value"], body, budget=wire.Budget())
    assert loss == 1.5 and type(loss) is float
    assert got.keys() == grads.keys()
    for key in grads:
        np.testing.assert_array_equal(got[key], grads[key])
    assert isinstance(scalar, np.ndarray) and scalar.shape == () and scalar == 2.5


@pytest.mark.parametrize("descriptor", [
    {"dict": {"a": {"dict": {"b": {"py": 1.0}}}}},   # a dict in a dict
    {"tuple": [{"tuple": [{"py": 1.0}]}]},            # a tuple in a tuple
    {"py": "text"},                                   # only numbers come back as plain values
    {"py": [1, 2]},
    {"dict": 3},
])
def test_results_nest_two_deep_at_most_and_hold_only_numbers(descriptor):
    with pytest.raises(wire.Malformed):
        wire.decode(descriptor, b"", budget=wire.Budget())
