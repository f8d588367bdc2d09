"""The int8 weights of the project's ONNX models, given to onnxruntime in the form this CPU multiplies fastest.

The shipped models store each ``MatMulInteger``'s int8 weights as uint8 with zero point 128
(``scripts/build_encoder.py``, ``unsigned_weights``): onnxruntime then runs its u8 x u8 kernel, which widens
before adding and is exact on every CPU. Its u8 x s8 kernel is exact only where the CPU has a dot-product
instruction for it (AVX-512 VNNI, AVX-VNNI); on AVX2 alone it adds pairs of products in 16 bits and saturates.
Where the CPU has one, the u8 x s8 kernel is about twice as fast (session 46, one thread, this project's
encoder on tweets: 183 -> 420 texts/s) and gives the same bits: the weights shifted by 128 with a zero point of
0 are the same numbers.

So on such a CPU the model's bytes are rewritten before the session is built: each such weight's bytes have their
top bit flipped (``v - 128`` as int8 is ``v ^ 0x80``), its type turns from UINT8 to INT8, and so does its zero
point's. The rewrite walks the protobuf wire format (ModelProto -> GraphProto -> NodeProto / TensorProto)
without the ``onnx`` package, which the product does not install; every length stays the same, so only those
bytes change. A model it does not recognise is left as it is: slower, never wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np

# protobuf field numbers of onnx.proto3
MODEL_GRAPH = 7
GRAPH_NODE, GRAPH_INITIALIZER = 1, 5
NODE_INPUT, NODE_OP_TYPE = 1, 4
TENSOR_DATA_TYPE, TENSOR_NAME, TENSOR_RAW_DATA = 2, 8, 9
UINT8, INT8 = 2, 3
LENGTH_DELIMITED, VARINT = 2, 0


def signed_where_exact(model: bytes) -> bytes:
    """``model`` with its ``MatMulInteger`` weights signed when this CPU multiplies u8 x s8 exactly, else as it is."""
    if not has_int8_dot_product():
        return model
    try:
        return signed_weights(model) or model
    except ValueError:  # not a protobuf this walk reads: onnxruntime says what is wrong with it
        return model


@lru_cache(maxsize=1)
def has_int8_dot_product() -> bool:
    """Whether the CPU adds u8 x s8 products in 32 bits (AVX-512 VNNI or AVX-VNNI): onnxruntime's u8 x s8 kernel is
    exact only there. Read from numpy's CPU dispatch table and, on Linux, from ``/proc/cpuinfo`` (numpy does not
    list AVX-VNNI); unknown means no."""
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as features
    except ImportError:  # pragma: no cover - numpy < 2
        try:
            from numpy.core._multiarray_umath import __cpu_features__ as features
        except ImportError:
            features = {}
    if features.get("AVX512VNNI") or features.get("AVXVNNI"):
        return True
    if sys.platform.startswith("linux"):
        try:
            flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").split()
        except OSError:
            return False
        return "avx512_vnni" in flags or "avx_vnni" in flags
    return False


def signed_weights(model: bytes) -> bytes | None:
    """``model`` with every ``MatMulInteger`` weight and weight zero point stored as uint8 turned into int8 (the same
    numbers), or None when there is nothing to turn or the graph is not as ``scripts/build_encoder.py`` leaves
    it: a weight or zero point that is not an initializer, is read by another node, or is not raw uint8 bytes."""
    graph = next((span for field, wire, *span in fields(model, 0, len(model)) if field == MODEL_GRAPH), None)
    if graph is None:
        return None
    wanted: set[str] = set()
    read_elsewhere: set[str] = set()
    tensors: dict[str, tuple[int, int, int]] = {}  # name -> (data_type offset, raw start, raw end)
    for field, wire, start, end in fields(model, *graph):
        if wire != LENGTH_DELIMITED:
            continue
        if field == GRAPH_NODE:
            op_type, inputs = node_parts(model, start, end)
            if op_type == "MatMulInteger":
                if len(inputs) != 4:
                    return None
                wanted.update((inputs[1], inputs[3]))
            else:
                read_elsewhere.update(inputs)
        elif field == GRAPH_INITIALIZER:
            name, tensor = tensor_parts(model, start, end)
            if name is not None and tensor is not None:
                tensors[name] = tensor
    if not wanted or wanted & read_elsewhere or not wanted <= tensors.keys():
        return None
    out = bytearray(model)
    view = np.frombuffer(out, dtype=np.uint8)
    for name in wanted:
        type_at, raw_start, raw_end = tensors[name]
        out[type_at] = INT8
        view[raw_start:raw_end] ^= 0x80
    return bytes(out)


def node_parts(buffer: bytes, start: int, end: int) -> tuple[str, list[str]]:
    """A NodeProto's op type and inputs."""
    op_type, inputs = "", []
    for field, wire, value_start, value_end in fields(buffer, start, end):
        if wire != LENGTH_DELIMITED:
            continue
        if field == NODE_INPUT:
            inputs.append(buffer[value_start:value_end].decode("utf-8"))
        elif field == NODE_OP_TYPE:
            op_type = buffer[value_start:value_end].decode("utf-8")
    return op_type, inputs


def tensor_parts(buffer: bytes, start: int, end: int) -> tuple[str | None, tuple[int, int, int] | None]:
    """A TensorProto's name and, when it is uint8 held as raw bytes, where its type byte and its bytes are."""
    name = type_at = raw = None
    for field, wire, value_start, value_end in fields(buffer, start, end):
        if field == TENSOR_NAME and wire == LENGTH_DELIMITED:
            name = buffer[value_start:value_end].decode("utf-8")
        elif field == TENSOR_DATA_TYPE and wire == VARINT:
            # one byte holds the varint of UINT8 and of INT8 alike, so the length does not change
            type_at = value_start if buffer[value_start] == UINT8 and value_end == value_start + 1 else None
        elif field == TENSOR_RAW_DATA and wire == LENGTH_DELIMITED:
            raw = (value_start, value_end)
    if type_at is None or raw is None:
        return name, None
    return name, (type_at, *raw)


def fields(buffer: bytes, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
    """``(field number, wire type, value start, value end)`` of each field of the message in ``buffer[start:end]``;
    a length-delimited value's span is its payload."""
    at = start
    while at < end:
        key, at = varint(buffer, at)
        field, wire = key >> 3, key & 7
        if wire == VARINT:
            _, value_end = varint(buffer, at)
        elif wire == 1:  # 64-bit
            value_end = at + 8
        elif wire == LENGTH_DELIMITED:
            length, at = varint(buffer, at)
            value_end = at + length
        elif wire == 5:  # 32-bit
            value_end = at + 4
        else:
            raise ValueError(f"protobuf wire type {wire} at byte {at}: not an ONNX model")
        if value_end > end:
            raise ValueError(f"protobuf field {field} runs past its message at byte {at}: not an ONNX model")
        yield field, wire, at, value_end
        at = value_end


def varint(buffer: bytes, at: int) -> tuple[int, int]:
    """The varint at ``at`` and the offset after it."""
    value = shift = 0
    while True:
        if at >= len(buffer) or shift > 63:
            raise ValueError("truncated protobuf varint: not an ONNX model")
        byte = buffer[at]
        value |= (byte & 0x7F) << shift
        at += 1
        if byte < 0x80:
            return value, at
        shift += 7
