"""The ONNX models' int8 weights handed to onnxruntime signed where the CPU multiplies them exactly.

A small model is written here in protobuf's wire format, so the rewrite is checked byte by byte without the
``onnx`` package; the shipped models are then checked to give the same bits either way."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon import encoder, int8_weights, settings
from rashomon.resources import data_path


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def field(number: int, payload: bytes | int) -> bytes:
    if isinstance(payload, int):
        return varint(number << 3) + varint(payload)
    return varint(number << 3 | 2) + varint(len(payload)) + payload


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
    ],
)
def test_a_graph_not_as_the_build_leaves_it_is_left_alone(parts):
    assert int8_weights.signed_weights(model(*parts)) is None


def test_bytes_that_are_no_model_are_handed_on_unchanged(monkeypatch):
    monkeypatch.setattr(int8_weights, "has_int8_dot_product", lambda: True)
    for junk in (b"\xff\xff\xff", b"not an onnx file", model(MATMUL)[:-3]):
        assert int8_weights.signed_where_exact(junk) == junk


def test_without_an_exact_u8_s8_product_the_model_runs_as_stored(monkeypatch):
    monkeypatch.setattr(int8_weights, "has_int8_dot_product", lambda: False)
    stored = data_path(settings.ENCODER_MODEL).read_bytes()
    assert int8_weights.signed_where_exact(stored) is stored


@pytest.mark.parametrize("path", [settings.ENCODER_MODEL, "models/comments-stance-encoder.onnx"])
def test_the_shipped_models_have_their_weights_turned(path):
    stored = data_path(path).read_bytes()
    signed = int8_weights.signed_weights(stored)
    assert signed is not None and len(signed) == len(stored) and signed != stored
    assert int8_weights.signed_weights(signed) is None


@pytest.mark.skipif(not int8_weights.has_int8_dot_product(), reason="the CPU has no exact u8 x s8 product")
def test_signed_weights_give_the_encoder_the_same_vectors_bit_for_bit(monkeypatch):
    texts = [
        "Rebel fighters took the hill after a night of shelling, the ministry said.",
        "lol ok",
        "The council voted 7-2 to close the Port Sarn ferry on Sundays.",
        "Вчера в городе прошёл митинг.",
        "",
    ]
    encodings = []
    for signed in (False, True):
        monkeypatch.setattr(settings, "ONNX_SIGNED_WEIGHTS", signed)
        model = encoder.Encoder(data_path(settings.ENCODER_MODEL), data_path(settings.ENCODER_TOKENIZER), threads=1)
        encodings.append(model.encode(texts, tokens=True))
    unsigned, signed = encodings
    assert np.array_equal(unsigned.sentences, signed.sentences)
    for a, b in zip(unsigned.tokens, signed.tokens, strict=True):
        assert np.array_equal(a, b)
