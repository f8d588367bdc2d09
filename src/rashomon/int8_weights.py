"""The int8 weights of the project's ONNX models, given to onnxruntime in the form this CPU multiplies fastest.

The shipped models store each ``MatMulInteger``'s int8 weights as uint8 with zero point 128
(``scripts/build_encoder.py``, ``unsigned_weights``): onnxruntime then runs its u8 x u8 kernel, which widens
before adding and is exact on every CPU. Its u8 x s8 kernel is exact only where the CPU has a dot-product
instruction for it (AVX-512 VNNI, AVX-VNNI); on AVX2 alone it adds pairs of products in 16 bits and saturates.
Where the CPU has one, the u8 x s8 kernel is about twice as fast (session 46, one thread, this project's
encoder on tweets: 183 -> 420 texts/s with AMX, about 1.8x with AVX-512 VNNI alone) and gives the same bits: the
weights shifted by 128 with a zero point of 0 are the same numbers. The flags only say where it should be exact;
a probe (:func:`u8_s8_exact`: a 64-long product of 255 and -128, which overflows 16 bits in pairs) asks
onnxruntime itself once per process, so a masked virtual CPU or a build without the VNNI kernels keeps the stored
form.

So on such a CPU the model's bytes are rewritten before the session is built: each such weight's bytes have their
top bit flipped (``v - 128`` as int8 is ``v ^ 0x80``), its type turns from UINT8 to INT8, and so does its zero
point's. The rewrite walks the protobuf wire format (ModelProto -> GraphProto -> NodeProto / TensorProto)
without the ``onnx`` package, which the product does not install; every length stays the same, so only those
bytes change. A model it does not recognise is left as it is: slower, never wrong.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np

# protobuf field numbers of onnx.proto3
MODEL_IR_VERSION, MODEL_OPSET_IMPORT, MODEL_GRAPH = 1, 8, 7
OPSET_DOMAIN, OPSET_VERSION = 1, 2
GRAPH_NODE, GRAPH_NAME, GRAPH_INITIALIZER, GRAPH_INPUT, GRAPH_OUTPUT, GRAPH_VALUE_INFO = 1, 2, 5, 11, 12, 13
NODE_INPUT, NODE_OUTPUT, NODE_OP_TYPE, NODE_ATTRIBUTE = 1, 2, 4, 5
ATTRIBUTE_GRAPH, ATTRIBUTE_GRAPHS = 6, 11
VALUE_NAME, VALUE_TYPE = 1, 2
TYPE_TENSOR, TENSOR_TYPE_ELEM, TENSOR_TYPE_SHAPE, SHAPE_DIM, DIM_VALUE, DIM_PARAM = 1, 1, 2, 1, 1, 2
TENSOR_DIMS, TENSOR_DATA_TYPE, TENSOR_NAME, TENSOR_RAW_DATA = 1, 2, 8, 9
UINT8, INT8, INT32 = 2, 3, 6
LENGTH_DELIMITED, VARINT = 2, 0
#: The probe's product: 64 pairs of 255 x -128. Pairs of them overflow 16 bits (-65,280), so a kernel that adds
#: pairs in 16 bits gives another sum than the exact -2,088,960.
PROBE_LENGTH = 64


def signed_where_exact(model: bytes) -> bytes:
    """``model`` with its ``MatMulInteger`` weights signed when this CPU multiplies u8 x s8 exactly, else as it is."""
    if not signs_here():
        return model
    try:
        return signed_weights(model) or model
    except ValueError:  # not a protobuf this walk reads: onnxruntime says what is wrong with it
        return model


def signing() -> bool:
    """Whether this process hands onnxruntime signed int8 weights: ``settings.ONNX_SIGNED_WEIGHTS`` allows it and
    this CPU multiplies them exactly (:func:`signs_here`). The one answer the loader and the benches read."""
    from . import settings

    return settings.ONNX_SIGNED_WEIGHTS and signs_here()


def signs_here() -> bool:
    """Whether this CPU takes signed int8 weights: it has the instruction (:func:`has_int8_dot_product`) and
    onnxruntime's product is exact on it (:func:`u8_s8_exact`)."""
    return has_int8_dot_product() and u8_s8_exact()


@lru_cache(maxsize=1)
def cpu_flags() -> frozenset[str]:
    """The words of ``/proc/cpuinfo`` (its feature flags among them), or none off Linux or when it cannot be read."""
    if not sys.platform.startswith("linux"):
        return frozenset()
    try:
        return frozenset(Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").split())
    except OSError:
        return frozenset()


@lru_cache(maxsize=1)
def has_int8_dot_product() -> bool:
    """Whether the CPU adds u8 x s8 products in 32 bits (AVX-512 VNNI or AVX-VNNI): onnxruntime's u8 x s8 kernel is
    exact only there. Read from numpy's CPU dispatch table and, on Linux, from ``/proc/cpuinfo`` (numpy does not
    list AVX-VNNI); unknown means no."""
    features: dict[str, bool] = {}
    try:
        umath = importlib.import_module("numpy._core._multiarray_umath")  # numpy's dispatch table, not public API
        features = dict(getattr(umath, "__cpu_features__", {}))
    except ImportError:  # numpy < 2: then unknown, and so no
        pass
    return int8_dot_product_in(features, cpu_flags())


def int8_dot_product_in(features: dict[str, bool], cpuinfo_flags: frozenset[str] | set[str]) -> bool:
    """:func:`has_int8_dot_product` from numpy's feature table and the words of ``/proc/cpuinfo``."""
    return bool(features.get("AVX512VNNI")) or bool(cpuinfo_flags & {"avx512_vnni", "avx_vnni"})


@lru_cache(maxsize=1)
def u8_s8_exact() -> bool:
    """Whether onnxruntime's u8 x s8 integer product is exact here: a one-node model (``MatMulInteger`` of 255s by
    -128s, 64 long) run for one row and for 32, against the exact sum. Some CPU kernels add pairs of products in
    16 bits and saturate; the CPU flags say which kernel should run, this says which one does."""
    import onnxruntime

    try:
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        session = onnxruntime.InferenceSession(probe_model(), options, providers=["CPUExecutionProvider"])
        for rows in (1, 32):
            product = session.run(None, {"a": np.full((rows, PROBE_LENGTH), 255, dtype=np.uint8)})[0]
            if product.shape != (rows, 1) or not (product == 255 * -128 * PROBE_LENGTH).all():
                return False
    except Exception:  # onnxruntime raises its own types; any failure means: keep the stored form
        return False
    return True


def probe_model() -> bytes:
    """The probe of :func:`u8_s8_exact` as ONNX bytes, written here in protobuf's wire format: input ``a`` (uint8,
    rows x 64), weights ``b`` (int8 -128, 64 x 1) with zero point 0, output ``y`` (int32, rows x 1)."""

    def value(name: str, elem_type: int, width: int) -> bytes:
        shape = message(SHAPE_DIM, message(DIM_PARAM, name.encode() + b"_rows")) + message(
            SHAPE_DIM, varint_field(DIM_VALUE, width)
        )
        tensor_type = varint_field(TENSOR_TYPE_ELEM, elem_type) + message(TENSOR_TYPE_SHAPE, shape)
        return message(VALUE_NAME, name.encode()) + message(VALUE_TYPE, message(TYPE_TENSOR, tensor_type))

    weights = (
        varint_field(TENSOR_DIMS, PROBE_LENGTH)
        + varint_field(TENSOR_DIMS, 1)
        + varint_field(TENSOR_DATA_TYPE, INT8)
        + message(TENSOR_NAME, b"b")
        + message(TENSOR_RAW_DATA, bytes([0x80]) * PROBE_LENGTH)
    )
    zero = varint_field(TENSOR_DATA_TYPE, INT8) + message(TENSOR_NAME, b"b_zero") + message(TENSOR_RAW_DATA, b"\x00")
    node = b"".join(message(NODE_INPUT, name) for name in (b"a", b"b", b"", b"b_zero"))
    node += message(NODE_OUTPUT, b"y") + message(NODE_OP_TYPE, b"MatMulInteger")
    graph = (
        message(GRAPH_NODE, node)
        + message(GRAPH_NAME, b"probe")
        + message(GRAPH_INITIALIZER, weights)
        + message(GRAPH_INITIALIZER, zero)
        + message(GRAPH_INPUT, value("a", UINT8, PROBE_LENGTH))
        + message(GRAPH_OUTPUT, value("y", INT32, 1))
    )
    opset = message(OPSET_DOMAIN, b"") + varint_field(OPSET_VERSION, 13)
    return varint_field(MODEL_IR_VERSION, 8) + message(MODEL_OPSET_IMPORT, opset) + message(MODEL_GRAPH, graph)


def message(field: int, payload: bytes) -> bytes:
    """A length-delimited protobuf field."""
    return encode_varint(field << 3 | LENGTH_DELIMITED) + encode_varint(len(payload)) + payload


def varint_field(field: int, value: int) -> bytes:
    """A varint protobuf field."""
    return encode_varint(field << 3 | VARINT) + encode_varint(value)


def encode_varint(value: int) -> bytes:
    """A non-negative int as a protobuf varint."""
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def signed_weights(model: bytes) -> bytes | None:
    """``model`` with every ``MatMulInteger`` weight and weight zero point stored as uint8 turned into int8 (the same
    numbers), or None when there is nothing to turn or the graph is not as ``scripts/build_encoder.py`` leaves
    it: a weight or zero point that is not an initializer, is not raw uint8 bytes, or is read as anything else
    (by another node or as another product's activations, as a graph input, output or typed value, or possibly by
    a node's subgraph); an initializer named twice; a graph split over two fields. All or nothing: no weight is
    turned unless every one is."""
    graphs = [(wire, start, end) for field, wire, start, end in fields(model, 0, len(model)) if field == MODEL_GRAPH]
    if len(graphs) != 1 or graphs[0][0] != LENGTH_DELIMITED:
        return None  # no graph, or one split in parts that protobuf would merge
    wanted: set[str] = set()
    read_elsewhere: set[str] = set()  # every other use of a name: other nodes, other inputs, the graph's own
    tensors: dict[str, tuple[int, int, int]] = {}  # name -> (data_type offset, raw start, raw end)
    names: list[str] = []
    for field, wire, start, end in fields(model, *graphs[0][1:]):
        if wire != LENGTH_DELIMITED:
            continue
        if field == GRAPH_NODE:
            op_type, inputs, has_subgraph = node_parts(model, start, end)
            if has_subgraph:
                return None  # a branch or loop body may read a weight by its outer name
            if op_type == "MatMulInteger":
                if len(inputs) != 4:
                    return None
                wanted.update((inputs[1], inputs[3]))
                read_elsewhere.update((inputs[0], inputs[2]))
            else:
                read_elsewhere.update(inputs)
        elif field in (GRAPH_INPUT, GRAPH_OUTPUT, GRAPH_VALUE_INFO):
            read_elsewhere.update(value_name(model, start, end))
        elif field == GRAPH_INITIALIZER:
            name, tensor = tensor_parts(model, start, end)
            if name is not None:
                names.append(name)
                if tensor is not None:
                    tensors[name] = tensor
    if len(names) != len(set(names)) or not wanted or wanted & read_elsewhere or not wanted <= tensors.keys():
        return None
    out = bytearray(model)
    view = np.frombuffer(out, dtype=np.uint8)
    for name in wanted:
        type_at, raw_start, raw_end = tensors[name]
        out[type_at] = INT8
        view[raw_start:raw_end] ^= 0x80
    return bytes(out)


def node_parts(buffer: bytes, start: int, end: int) -> tuple[str, list[str], bool]:
    """A NodeProto's op type, its inputs, and whether an attribute of it holds a graph (``If``, ``Loop``)."""
    op_type, inputs, has_subgraph = "", [], False
    for field, wire, value_start, value_end in fields(buffer, start, end):
        if wire != LENGTH_DELIMITED:
            continue
        if field == NODE_INPUT:
            inputs.append(buffer[value_start:value_end].decode("utf-8"))
        elif field == NODE_OP_TYPE:
            op_type = buffer[value_start:value_end].decode("utf-8")
        elif field == NODE_ATTRIBUTE:
            has_subgraph = has_subgraph or any(
                f in (ATTRIBUTE_GRAPH, ATTRIBUTE_GRAPHS) for f, *_ in fields(buffer, value_start, value_end)
            )
    return op_type, inputs, has_subgraph


def value_name(buffer: bytes, start: int, end: int) -> list[str]:
    """A ValueInfoProto's name (a graph input's, output's or typed value's), as a list of zero or one."""
    return [
        buffer[value_start:value_end].decode("utf-8")
        for field, wire, value_start, value_end in fields(buffer, start, end)
        if field == VALUE_NAME and wire == LENGTH_DELIMITED
    ][:1]


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
