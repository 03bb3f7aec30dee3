"""Frames between nncli and the sandbox's processes: length-prefixed, no pickle.

frame := b"NNF1" | header length (uint32, little-endian) | body length (uint64) | header | body

The header is ASCII JSON. Arrays travel as raw C-order bytes in the body, described in the
header as {"array": [dtype_str, shape, offset]} (dtype_str as numpy.dtype.str, e.g. "<f8";
offset into the body). Other descriptors: {"tuple": [descriptor, ...]},
{"dict": {key: descriptor}}, {"py": int | float | bool | None | str} (plain values of a
call's arguments) and {"unsupported": "a list of 3 items"}. A call's header also lists the
warnings its code raised, as "Category: message" strings (see `warning_text`).

The same frames carry nncli's requests to the host (trusted) and a learner's results back
(untrusted: it may send anything). The results are decoded defensively: every problem
raises `Malformed`, never anything else, and each array is counted against the file's
`Budget` before it is allocated, so no frame, however it lists its payload, makes nncli
hold more than the budget.

This module runs in the host's fresh interpreter too: it imports only the standard library
and NumPy.
"""

from __future__ import annotations

import json
import struct


MAGIC = b"NNF1"
_PREFIX = struct.Struct("<4sIQ")
PREFIX_SIZE = _PREFIX.size
MAX_HEADER = 4 << 20
MAX_TEXT = 64 * 1024
MAX_WARNINGS = 5          # distinct warnings kept per call
MAX_WARNING_TEXT = 300    # characters kept of each
MAX_SOURCE = 2 << 20      # bytes of a learner's file: a larger one is not run (nor parsed)
# Plain numbers only: bool, signed and unsigned ints, floats, complex.
_KINDS = "biufc"


# A learner's exit status when the sandbox itself could not be set up, and when its results
# could not be sent (the pipe closed or replaced): both sides read them.
SETUP_FAILED = 70
CONTACT_LOST = 71


def size_text(n: int) -> str:
    """"1 GiB", "256 MiB": a memory limit as the messages say it."""
    if n >= 1 << 30 and n % (1 << 30) == 0:
        return f"{n >> 30} GiB"
    return f"{n / (1 << 20):.0f} MiB"


class Malformed(Exception):
    """The bytes are not a frame nncli can read."""


class OverBudget(Malformed):
    """The learner sent more than its file's budget allows."""


class Budget:
    """What one learner file may make nncli hold, counted before anything is allocated:
    `bytes` of decoded arrays in all and `arrays` arrays in all (32 MiB and 4096 by
    default: a hidden case's inputs and answers are kilobytes, so a real answer never comes
    near, while a file's results in flight stay small next to nncli's own memory)."""

    __slots__ = ("bytes", "arrays")

    def __init__(self, bytes=32 << 20, arrays=4096):
        self.bytes, self.arrays = bytes, arrays

    def take(self, size: int):
        if size > self.bytes or self.arrays <= 0:
            raise OverBudget("more than the budget")
        self.bytes -= size
        self.arrays -= 1


class Unsupported:
    """A value that is not an array (or an array nncli will not grade), described for the
    learner as a problem (key, values): ("value.container", {"kind": "list", "count": 3}),
    ("value.array_dtype", {"dtype": "object"}), ("value.none", {})."""

    __slots__ = ("description",)

    def __init__(self, description: str):
        self.description = description

    def __repr__(self):
        return f"Unsupported({self.description!r})"

    def __eq__(self, other):
        return isinstance(other, Unsupported) and other.description == self.description

    def __hash__(self):
        return hash(repr(self.description))


# ---- the sending side: encode -------------------------------------------------------------

def describe(value) -> list:
    """What a non-array value is, as [text key, values] ("value.*" of the grader's texts,
    worded at the report): a list of 3 items is ["value.container", {"kind": "list",
    "count": 3}]."""
    import numpy as np

    try:
        if value is None:
            return ["value.none", {}]
        if isinstance(value, np.generic):  # before float: np.float64 is a float
            return ["value.numpy_scalar", {"dtype": str(value.dtype)}]
        for kind, key in ((bool, "value.bool"), (int, "value.int"), (float, "value.float"),
                          (str, "value.str")):
            if isinstance(value, kind):
                return [key, {}]
        if isinstance(value, np.ndarray):
            return ["value.array_dtype", {"dtype": str(value.dtype)}]
        if isinstance(value, (list, tuple, dict)):
            count = len(value)
            return ["value.container_one" if count == 1 else "value.container",
                    {"kind": type(value).__name__ if type(value) in (list, tuple, dict)
                     else type(value).__mro__[1].__name__, "count": count}]
        return ["value.object", {"kind": str(type(value).__name__)[:100]}]
    except BaseException:  # a hostile __len__ or __name__
        return ["value.object_unknown", {}]


def encode(value, blobs: list, top: bool = True, dicts: bool = False, plain: bool = False,
           result: bool = False):
    """A JSON-able descriptor for `value`; array bytes are appended to `blobs` as
    (offset, bytes) with offsets counted from the start of the body.

    A tuple is kept at the top level only; a dict of arrays only when `dicts` (arguments) or
    `result`; plain Python values (int, float, bool, None, str) only when `plain` (a call's
    arguments). A `result` (what a learner's call returned) may be an array, a number, a
    dict of those, or a tuple of those: numbers travel as {"py": n} (a NumPy scalar as a 0-d
    array), anything else is described as unsupported."""
    import numpy as np

    if isinstance(value, np.ndarray):
        dtype = value.dtype
        if dtype.kind not in _KINDS or dtype.fields is not None:
            return {"unsupported": describe(value)}
        data = np.asarray(value, order="C").tobytes()
        offset = _end(blobs)
        blobs.append((offset, data))
        return {"array": [dtype.str, [int(n) for n in value.shape], offset]}
    if result and isinstance(value, np.generic) and value.dtype.kind in _KINDS:
        return encode(np.asarray(value), blobs)
    if result and type(value) in (int, float):
        return {"py": value}
    if top and isinstance(value, tuple):
        return {"tuple": [encode(item, blobs, top=False, dicts=result, result=result)
                          for item in value]}
    if (dicts or result) and isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"dict": {k: encode(v, blobs, top=False, result=result) for k, v in value.items()}}
    if plain and (value is None or type(value) in (int, float, bool, str)):
        return {"py": value}
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


# ---- the receiving side: decode ------------------------------------------------------------

def frame_sizes(buffer) -> tuple:
    """(header length, body length) of the frame at the front of `buffer` (which holds at
    least PREFIX_SIZE bytes)."""
    _, head_len, body_len = _PREFIX.unpack_from(buffer, 0)
    return head_len, body_len


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


# The problems a learner's process may name by key (what it says of itself in words of ours:
# sys.exit, memory, its file or isolation failing); the values are short texts or numbers.
PROBLEM_KEYS = ("sandbox.exit", "sandbox.exit_none", "sandbox.memory",
                "sandbox.file_unreadable", "sandbox.not_isolated", "sandbox.import_refused",
                "value.none", "value.numpy_scalar", "value.bool", "value.int", "value.float",
                "value.str", "value.array_dtype", "value.container_one", "value.container",
                "value.object", "value.object_unknown", "value.unreadable")


def problem(value):
    """An "error" field from a learner's process: its own text (capped), a problem
    [key, {name: value}] of PROBLEM_KEYS as (key, values), or None."""
    if isinstance(value, list) and len(value) == 2 and value[0] in PROBLEM_KEYS \
            and isinstance(value[1], dict) and len(value[1]) <= 4:
        values = {}
        for name, item in value[1].items():
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                values[str(name)[:20]] = item
            else:
                values[str(name)[:20]] = text(item)[:200] if isinstance(item, str) else ""
        return (value[0], values)
    return text(value)


def warnings_field(value) -> tuple:
    """A call's "warnings" field from the child: a tuple of at most MAX_WARNINGS strings, each
    capped again here (the child is not trusted to have done it); absent: ()."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Malformed("bad warnings")
    return tuple(_cut(item, MAX_WARNING_TEXT) for item in value[:MAX_WARNINGS])


_DTYPES = {}  # dtype text -> np.dtype, for the texts seen already (each checked once)


def _dtype(text):
    """The NumPy dtype a descriptor names, if it is one a value may have (numbers or bools,
    no fields, no sub-arrays); raises Malformed otherwise."""
    if type(text) is not str or len(text) > 8:
        raise Malformed("bad array descriptor")
    dtype = _DTYPES.get(text)
    if dtype is not None:
        return dtype
    import numpy as np

    try:
        dtype = np.dtype(text)
    except Exception as exc:
        raise Malformed("bad dtype") from exc
    if dtype.kind not in _KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise Malformed("dtype not allowed")
    if len(_DTYPES) < 64:
        _DTYPES[text] = dtype
    return dtype


def _array(spec, body: bytes, budget=None):
    import numpy as np

    if not (type(spec) is list and len(spec) == 3):
        raise Malformed("bad array descriptor")
    dtype_str, shape, offset = spec
    if not (type(shape) is list and len(shape) <= 32 and type(offset) is int and offset >= 0):
        raise Malformed("bad array descriptor")
    dtype = _dtype(dtype_str)
    count = 1
    for n in shape:
        if type(n) is not int or not 0 <= n < (1 << 62):
            raise Malformed("bad array shape")
        count *= n
    size = count * dtype.itemsize
    if offset + size > len(body):
        raise Malformed("array larger than its frame")
    if budget is not None:
        budget.take(size)
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


def decode(descriptor, body: bytes, top: bool = True, budget=None, plain=False, depth=0):
    """The value a descriptor stands for: ndarray, number, tuple, dict or Unsupported (or,
    when `plain`: nncli's own requests, any plain Python value). Tuples only at the top,
    dicts at the top or in a tuple, so nesting stays two deep; arrays are counted against
    `budget` (a Budget) when one is given."""
    if not isinstance(descriptor, dict) or len(descriptor) != 1:
        raise Malformed("bad descriptor")
    (kind, spec), = descriptor.items()
    if kind == "array":
        return _array(spec, body, budget)
    if kind == "py" and (plain or type(spec) in (int, float)):
        return spec
    if kind == "unsupported":
        description = problem(spec)
        if not isinstance(description, tuple):
            raise Malformed("bad description")
        return Unsupported(description)
    if not isinstance(spec, (list, dict)):
        raise Malformed("bad descriptor kind")
    if budget is not None and len(spec) > budget.arrays:
        raise OverBudget("more items than the budget")
    if top and depth == 0 and kind == "tuple" and isinstance(spec, list):
        return tuple(decode(item, body, False, budget, plain, 1) for item in spec)
    if depth <= 1 and kind == "dict" and isinstance(spec, dict):
        return {str(k): decode(v, body, False, budget, plain, 2) for k, v in spec.items()}
    raise Malformed("bad descriptor kind")


# ---- a file's calls, as nncli sends them to the host ----------------------------------

def encode_calls(calls, blobs: list) -> list:
    """[[name, [argument descriptors], {keyword: descriptor}], ...] for calls of
    (name, args, kwargs); array bytes go to `blobs` (see encode)."""
    return [[str(name), [encode(a, blobs, dicts=True, plain=True) for a in args],
             {str(k): encode(v, blobs, dicts=True, plain=True) for k, v in kwargs.items()}]
            for name, args, kwargs in calls]


def _end(blobs) -> int:
    """Where the next blob starts in the body."""
    return blobs[-1][0] + len(blobs[-1][1]) if blobs else 0


def attach_source(request: dict, source, blobs: list):
    """Put a file's source (bytes, or a str saying why there is none) into a start request:
    the bytes go to `blobs`, after what is there."""
    if isinstance(source, bytes):
        offset = _end(blobs)
        request["source"] = [offset, len(source)]
        blobs.append((offset, source))
    else:
        request["unreadable"] = str(source)[:200]


def source(request: dict, body: bytes):
    """The source attach_source put in `request`: bytes, or the reason (a str) there is
    none."""
    spec = request.get("source")
    if isinstance(spec, list) and len(spec) == 2 and all(type(n) is int for n in spec):
        offset, length = spec
        if 0 <= offset and 0 <= length <= MAX_SOURCE and offset + length <= len(body):
            return bytes(body[offset:offset + length])
    return str(request.get("unreadable") or "no source")


def decode_calls(spec, body: bytes) -> list:
    """The calls encode_calls described: [(name, args tuple, kwargs dict), ...]."""
    if not isinstance(spec, list):
        raise Malformed("bad calls")
    calls = []
    for item in spec:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                and isinstance(item[1], list) and isinstance(item[2], dict)):
            raise Malformed("bad call")
        name, args, kwargs = item
        calls.append((name, tuple(decode(a, body, plain=True) for a in args),
                      {k: decode(v, body, plain=True) for k, v in kwargs.items()}))
    return calls
