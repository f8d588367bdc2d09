"""The ONNX models' int8 weights handed to onnxruntime signed where the CPU multiplies them exactly.

Small models are written here in protobuf's wire format (with the module's own writer, which the probe uses; the
rewrite reads them with its parser), so the rewrite is checked byte by byte without the ``onnx`` package; the
shipped models are then checked to give the same bits either way."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon import encoder, int8_weights, settings
from rashomon.resources import data_path

varint = int8_weights.encode_varint  # the probe's writer; the rewrite under test reads with its own parser


def field(number: int, payload: bytes | int) -> bytes:
    if isinstance(payload, int):
        return int8_weights.varint_field(number, payload)
    return int8_weights.message(number, payload)


def node(op_type: str, *inputs: str) -> bytes:
    return b"".join(field(1, name.encode()) for name in inputs) + field(4, op_type.encode())


def tensor(name: str, data_type: int, raw: bytes) -> bytes:
    return field(1, 1) + field(2, data_type) + field(8, name.encode()) + field(9, raw)


def model(*graph_parts: bytes) -> bytes:
    return field(1, 8) + field(7, b"".join(graph_parts))  # ir_version, graph


def initializer(name: str, data_type: int, raw: bytes) -> bytes:
    return field(5, tensor(name, data_type, raw))


MATMUL = field(1, node("MatMulInteger", "x", "w", "x_zero", "w_zero"))
WEIGHTS = initializer("w", 2, bytes([0, 127, 128, 255]))
ZERO = initializer("w_zero", 2, bytes([128]))
TABLE = initializer("table", 2, bytes([0, 200]))  # an embedding table's uint8 weights: not a MatMulInteger's


def test_each_matmul_weight_turns_signed_with_the_same_numbers_and_nothing_else_moves():
    before = model(MATMUL, field(1, node("Gather", "table", "ids")), WEIGHTS, ZERO, TABLE)
    after = int8_weights.signed_weights(before)
    expected = model(
        MATMUL,
        field(1, node("Gather", "table", "ids")),
        initializer("w", 3, bytes([0x80, 0xFF, 0x00, 0x7F])),  # 0 - 128, 127 - 128, 0, 127 as int8
        initializer("w_zero", 3, bytes([0])),
        TABLE,
    )
    assert after == expected
    signed = np.frombuffer(bytes([0x80, 0xFF, 0x00, 0x7F]), dtype=np.int8).astype(int)
    assert list(signed) == [v - 128 for v in (0, 127, 128, 255)]
    # nothing left to turn: already signed
    assert int8_weights.signed_weights(after) is None


@pytest.mark.parametrize(
    "parts",
    [
        (MATMUL, field(1, node("Add", "w", "b")), WEIGHTS, ZERO),  # the weights read by another node too
        (MATMUL, WEIGHTS),  # the zero point is not an initializer
        (MATMUL, WEIGHTS, field(5, field(2, 2) + field(8, b"w_zero") + field(4, 128))),  # not raw bytes
        (field(1, node("MatMulInteger", "x", "w")), WEIGHTS, ZERO),  # no zero points
        (field(1, node("MatMul", "x", "w")), initializer("w", 1, bytes(16))),  # no integer product at all
        (MATMUL, WEIGHTS, ZERO, field(11, field(1, b"w"))),  # the weights are also an input of the graph
        (MATMUL, WEIGHTS, ZERO, field(12, field(1, b"w_zero"))),  # the zero point is also an output of the graph
        (MATMUL, WEIGHTS, ZERO, field(13, field(1, b"w"))),  # a typed value of the graph names the weights
        (  # the weights and their zero point read as another product's activations and their zero point
            MATMUL,
            field(1, node("MatMulInteger", "w", "v", "w_zero", "v_zero")),
            WEIGHTS,
            ZERO,
            initializer("v", 2, bytes([1, 2])),
            initializer("v_zero", 2, bytes([128])),
        ),
        (MATMUL, field(1, node("If", "c") + field(5, field(1, b"then") + field(6, b""))), WEIGHTS, ZERO),  # a branch
        (MATMUL, WEIGHTS, ZERO, WEIGHTS),  # two initializers of one name
    ],
)
def test_a_graph_not_as_the_build_leaves_it_is_left_alone(parts):
    assert int8_weights.signed_weights(model(*parts)) is None


def test_a_graph_split_in_two_fields_is_left_alone():
    """protobuf merges a repeated message field, so a second part could hold a node that reads the weights."""
    split = model(MATMUL, WEIGHTS, ZERO) + field(7, node("Add", "w", "b"))
    assert int8_weights.signed_weights(split) is None


def test_a_field_that_runs_past_its_message_is_no_model():
    """A node whose length reaches past the graph that holds it (into the bytes after the graph)."""
    inner = node("MatMulInteger", "x", "w", "x_zero", "w_zero")
    graph = varint(1 << 3 | 2) + varint(len(inner) + 4) + inner
    broken = field(7, graph) + field(1, 8) * 4
    with pytest.raises(ValueError):
        int8_weights.signed_weights(broken)


def test_bytes_that_are_no_model_are_handed_on_unchanged(monkeypatch):
    monkeypatch.setattr(int8_weights, "has_int8_dot_product", lambda: True)
    monkeypatch.setattr(int8_weights, "u8_s8_exact", lambda: True)
    for junk in (b"\xff\xff\xff", b"not an onnx file", model(MATMUL)[:-3]):
        assert int8_weights.signed_where_exact(junk) == junk


@pytest.mark.parametrize(
    "flags, probe",
    [(False, True), (True, False)],  # no dot-product instruction; or one, but onnxruntime's product is not exact
)
def test_without_an_exact_u8_s8_product_the_model_runs_as_stored(monkeypatch, flags, probe):
    monkeypatch.setattr(int8_weights, "has_int8_dot_product", lambda: flags)
    monkeypatch.setattr(int8_weights, "u8_s8_exact", lambda: probe)
    stored = data_path(settings.ENCODER_MODEL).read_bytes()
    assert int8_weights.signed_where_exact(stored) is stored


@pytest.mark.parametrize(
    "features, cpuinfo, expected",
    [
        ({"AVX512VNNI": True, "AVX2": True}, set(), True),
        ({"AVX512VNNI": False, "AVX2": True}, {"avx2", "fma"}, False),  # AVX2 alone: pairs added in 16 bits
        ({"AVX2": True, "AVX512BW": True}, {"avx512bw", "avx512f"}, False),  # AVX-512 without VNNI saturates too
        ({}, {"avx2", "avx_vnni"}, True),  # AVX-VNNI, which numpy does not list
        ({}, {"avx512_vnni"}, True),
        ({"ASIMD": True, "ASIMDDP": True}, set(), False),  # ARM: the stored form
        ({}, set(), False),  # nothing known
    ],
)
def test_the_cpu_flags_that_promise_an_exact_product(features, cpuinfo, expected):
    assert int8_weights.int8_dot_product_in(features, cpuinfo) is expected


def test_the_probe_is_an_onnx_model_onnxruntime_runs():
    """The probe's bytes load and give one int32 per row; its sum is exact or the product is reported inexact."""
    import onnxruntime

    session = onnxruntime.InferenceSession(int8_weights.probe_model(), providers=["CPUExecutionProvider"])
    (product,) = session.run(None, {"a": np.full((3, int8_weights.PROBE_LENGTH), 255, dtype=np.uint8)})
    assert product.shape == (3, 1) and product.dtype == np.int32
    exact = bool((product == 255 * -128 * int8_weights.PROBE_LENGTH).all())
    int8_weights.u8_s8_exact.cache_clear()
    try:
        assert int8_weights.u8_s8_exact() is exact
    finally:
        int8_weights.u8_s8_exact.cache_clear()


def test_a_kernel_that_adds_pairs_in_16_bits_fails_the_probe(monkeypatch):
    """What AVX2's pairwise add gives: each pair of 255 x -128 saturates at -32,768."""
    import onnxruntime

    class Saturating:
        def __init__(self, *args, **kwargs):
            pass

        def run(self, outputs, feeds):
            rows = feeds["a"].shape[0]
            return [np.full((rows, 1), -32768 * (int8_weights.PROBE_LENGTH // 2), dtype=np.int32)]

    monkeypatch.setattr(onnxruntime, "InferenceSession", Saturating)
    int8_weights.u8_s8_exact.cache_clear()
    try:
        assert int8_weights.u8_s8_exact() is False
    finally:
        int8_weights.u8_s8_exact.cache_clear()


@pytest.mark.parametrize(
    "path",
    [settings.ENCODER_MODEL, "models/comments-stance-encoder.onnx", "models/comments-group-hate-encoder.onnx"],
)
def test_the_shipped_models_have_their_weights_turned(path):
    stored = data_path(path).read_bytes()
    signed = int8_weights.signed_weights(stored)
    assert signed is not None and len(signed) == len(stored) and signed != stored
    assert int8_weights.signed_weights(signed) is None


TEXTS = [
    "Rebel fighters took the hill after a night of shelling, the ministry said.",
    "lol ok",
    "The council voted 7-2 to close the Port Sarn ferry on Sundays.",
    "Вчера в городе прошёл митинг.",
    "",
    "ok so the mayor of Port Sarn is a total clown and everyone knows it!!! " * 6,
    "@USER honestly that ferry strike was a disgrace #PortSarn",
]
EXACT_HERE = int8_weights.signs_here()


@pytest.mark.skipif(not EXACT_HERE, reason="no exact u8 x s8 product on this machine: the stored form runs")
@pytest.mark.parametrize("threads, batch_size", [(1, 1), (0, 8)])
def test_signed_weights_give_the_encoder_the_same_vectors_bit_for_bit(monkeypatch, threads, batch_size):
    stored = data_path(settings.ENCODER_MODEL).read_bytes()
    assert int8_weights.signed_where_exact(stored) != stored  # the weights are signed on this machine
    encodings = []
    for signed in (False, True):
        monkeypatch.setattr(settings, "ONNX_SIGNED_WEIGHTS", signed)
        model = encoder.Encoder(
            data_path(settings.ENCODER_MODEL),
            data_path(settings.ENCODER_TOKENIZER),
            threads=threads,
            batch_size=batch_size,
        )
        encodings.append(model.encode(TEXTS, tokens=True))
    unsigned, signed = encodings
    assert np.array_equal(unsigned.sentences, signed.sentences)
    for a, b in zip(unsigned.tokens, signed.tokens, strict=True):
        assert np.array_equal(a, b)


@pytest.mark.skipif(not EXACT_HERE, reason="no exact u8 x s8 product on this machine: the stored form runs")
def test_signed_weights_give_the_stance_model_the_same_probabilities(monkeypatch):
    from rashomon.comments import stance_encoder

    texts = [text for text in TEXTS if "Port Sarn" in text]
    mentions = [[(text.index("Port Sarn"), text.index("Port Sarn") + len("Port Sarn"))] for text in texts]
    read = []
    for signed in (False, True):
        monkeypatch.setattr(settings, "ONNX_SIGNED_WEIGHTS", signed)
        stance_encoder._load.cache_clear()
        read.append(stance_encoder.load(1).probabilities(texts, mentions))
    stance_encoder._load.cache_clear()
    assert np.array_equal(read[0], read[1])
