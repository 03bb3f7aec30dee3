"""The private pipe between a learner's process and nncli: length-prefixed frames, no pickle.

frame := b"NNF1" | header length (uint32, little-endian) | body length (uint64) | header | body

The header is UTF-8 JSON. Arrays travel as raw C-order bytes in the body, described in the
header as {"array": [dtype_str, shape, offset]} (dtype_str as numpy.dtype.str, e.g. "<f8";
offset into the body). Other descriptors: {"tuple": [descriptor, ...]},
{"dict": {key: descriptor}}, {"unsupported": "a list of 3 items"}. A call's header also
lists the warnings its code raised, as "Category: message" strings (see `warning_texts`).

The child encodes (it is untrusted and may send anything); the parent decodes defensively:
every decoding problem raises `Malformed`, never anything else, and nothing is allocated
beyond what the frame's own bytes hold.
"""

from __future__ import annotations

import json
import struct

import numpy as np

MAGIC = b"NNF1"
_PREFIX = struct.Struct("<4sIQ")
PREFIX_SIZE = _PREFIX.size
MAX_HEADER = 4 << 20
MAX_TEXT = 64 * 1024
MAX_WARNINGS = 5          # distinct warnings kept per call
MAX_WARNING_TEXT = 300    # characters kept of each
# Plain numbers only: bool, signed and unsigned ints, floats, complex.
_KINDS = "biufc"


class Malformed(Exception):
    """The bytes are not a frame nncli can read."""


class Unsupported:
    """A value that is not an array (or an array nncli will not grade), described for the
    learner: "a list of 3 items", "an array of dtype object", "None"."""

    __slots__ = ("description",)

    def __init__(self, description: str):
        self.description = description

    def __repr__(self):
        return f"Unsupported({self.description!r})"

    def __eq__(self, other):
        return isinstance(other, Unsupported) and other.description == self.description

    def __hash__(self):
        return hash(self.description)


# ---- child side: encode -------------------------------------------------------------

def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe(value) -> str:
    """What a non-array value is, in words that fit after "returned"."""
    try:
        if value is None:
            return "None"
        if isinstance(value, np.generic):  # before float: np.float64 is a float
            return f"a NumPy scalar of dtype {value.dtype}"
        if isinstance(value, bool):
            return "a bool"
        if isinstance(value, int):
            return "an int"
        if isinstance(value, float):
            return "a float"
        if isinstance(value, np.ndarray):
            return f"an array of dtype {value.dtype}"
        if isinstance(value, list):
            return f"a list of {_plural(len(value), 'item')}"
        if isinstance(value, tuple):
            return f"a tuple of {_plural(len(value), 'item')}"
        if isinstance(value, dict):
            return f"a dict of {_plural(len(value), 'item')}"
        if isinstance(value, str):
            return "a str"
        name = type(value).__name__
        return f"an object of type {name}"
    except BaseException:  # a hostile __len__ or __name__
        return "an object nncli could not describe"


def encode(value, blobs: list, top: bool = True, dicts: bool = False):
    """A JSON-able descriptor for `value`; array bytes are appended to `blobs` as
    (offset, bytes) with offsets counted from the start of the body. A tuple is kept at the
    top level only; a dict of arrays only when `dicts` (arguments, not results)."""
    if isinstance(value, np.ndarray):
        dtype = value.dtype
        if dtype.kind not in _KINDS or dtype.fields is not None:
            return {"unsupported": describe(value)}
        data = np.asarray(value, order="C").tobytes()
        offset = blobs[-1][0] + len(blobs[-1][1]) if blobs else 0
        blobs.append((offset, data))
        return {"array": [dtype.str, [int(n) for n in value.shape], offset]}
    if top and isinstance(value, tuple):
        return {"tuple": [encode(item, blobs, top=False) for item in value]}
    if top and dicts and isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"dict": {k: encode(v, blobs, top=False) for k, v in value.items()}}
    return {"unsupported": describe(value)}


def warning_text(message, category) -> str:
    """"RuntimeWarning: overflow encountered in exp" for one warning, cut to
    MAX_WARNING_TEXT characters (what warnings.showwarning receives: the message, which may
    be a Warning instance, and its category)."""
    try:
        text = f"{category.__name__}: {message}"
    except BaseException:  # a hostile warning class or message
        text = "Warning: a warning nncli could not read"
    return _cut(text, MAX_WARNING_TEXT)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def frame(header: dict, blobs=()) -> bytes:
    body = b"".join(data for _, data in blobs)
    head = json.dumps(header, ensure_ascii=True).encode("ascii")
    return _PREFIX.pack(MAGIC, len(head), len(body)) + head + body


# ---- parent side: decode ------------------------------------------------------------

def split(buffer: bytearray, max_body: int):
    """Take one whole frame off the front of `buffer`: (header dict, body bytes), or None
    when the frame is not complete yet. Raises Malformed for bytes that cannot be a frame
    (the stream cannot be resynchronised after that)."""
    if len(buffer) < PREFIX_SIZE:
        return None
    magic, head_len, body_len = _PREFIX.unpack_from(buffer, 0)
    if magic != MAGIC or head_len > MAX_HEADER or body_len > max_body:
        raise Malformed("bad frame prefix")
    end = PREFIX_SIZE + head_len + body_len
    if len(buffer) < end:
        return None
    head = bytes(buffer[PREFIX_SIZE:PREFIX_SIZE + head_len])
    body = bytes(buffer[PREFIX_SIZE + head_len:end])
    del buffer[:end]
    try:
        header = json.loads(head.decode("ascii"))
    except Exception as exc:  # bad JSON, too deep, huge ints
        raise Malformed("bad frame header") from exc
    if not isinstance(header, dict):
        raise Malformed("frame header is not an object")
    return header, body


def text(value):
    """A string field from the child: a str (capped) or None."""
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[:MAX_TEXT] + "…"
    return None


def warnings_field(value) -> tuple:
    """A call's "warnings" field from the child: a tuple of at most MAX_WARNINGS strings, each
    capped again here (the child is not trusted to have done it); absent: ()."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Malformed("bad warnings")
    return tuple(_cut(item, MAX_WARNING_TEXT) for item in value[:MAX_WARNINGS])


def _array(spec, body: bytes) -> np.ndarray:
    if not (isinstance(spec, list) and len(spec) == 3):
        raise Malformed("bad array descriptor")
    dtype_str, shape, offset = spec
    if not (isinstance(dtype_str, str) and len(dtype_str) <= 8 and isinstance(shape, list)
            and len(shape) <= 32 and type(offset) is int and offset >= 0):
        raise Malformed("bad array descriptor")
    if not all(type(n) is int and 0 <= n < (1 << 62) for n in shape):
        raise Malformed("bad array shape")
    try:
        dtype = np.dtype(dtype_str)
    except Exception as exc:
        raise Malformed("bad dtype") from exc
    if dtype.kind not in _KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise Malformed("dtype not allowed")
    count = 1
    for n in shape:
        count *= n
    size = count * dtype.itemsize
    if offset + size > len(body):
        raise Malformed("array larger than its frame")
    try:
        if count == 0:
            array = np.empty(shape, dtype=dtype)
        else:
            array = np.frombuffer(body, dtype=dtype, count=count, offset=offset)
            array = array.reshape(shape).copy()
        if not dtype.isnative:
            array = array.astype(dtype.newbyteorder("="))
    except Exception as exc:
        raise Malformed("array does not fit its shape") from exc
    return array


def decode(descriptor, body: bytes, top: bool = True):
    """The value a descriptor stands for: ndarray, tuple, dict or Unsupported."""
    if not isinstance(descriptor, dict) or len(descriptor) != 1:
        raise Malformed("bad descriptor")
    (kind, spec), = descriptor.items()
    if kind == "array":
        return _array(spec, body)
    if kind == "unsupported":
        description = text(spec)
        if description is None:
            raise Malformed("bad description")
        return Unsupported(description)
    if top and kind == "tuple" and isinstance(spec, list):
        return tuple(decode(item, body, top=False) for item in spec)
    if top and kind == "dict" and isinstance(spec, dict):
        return {str(k): decode(v, body, top=False) for k, v in spec.items()}
    raise Malformed("bad descriptor kind")
