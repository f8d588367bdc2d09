"""The shared text encoder: the one place that loads it and turns texts into vectors.

all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; 6 layers, 384 dimensions) exported to ONNX with int8
weights (``data/models/encoder-minilm-l6.onnx``, built by ``scripts/build_encoder.py``; its card says how),
run by onnxruntime and tokenized by Hugging Face ``tokenizers``: no torch at run time. Like spaCy in ``nlp.py``,
the encoder is loaded once per process and cached, so a batch worker pays for it once.

Every stage asks this module for vectors, never loads its own copy:

- ``embed(texts)``: one L2-normalised sentence vector per text (mean pooling, as sentence-transformers does),
  so a dot product is the cosine similarity;
- ``encode(texts, tokens=True)``: the same plus each text's token vectors and their character offsets, for heads
  that tag spans (``rashomon.heads``).

Each text is run alone (``settings.ENCODER_BATCH_SIZE``): the model quantizes its activations to int8 per
call, so a text run beside others would take their range, and its vector (and every score read from it) would
move with its neighbours. Alone, a text gets the same vector wherever it is encoded: in a page or a corpus, in
either comment mode, in ``make train`` or in use (the shipped heads name the encoder they were fitted on:
``Encoder.fingerprint``, ``Head.vectors``). A larger ``batch_size`` sorts texts by length and pads
each call to its longest, trading that for a few per cent of speed. A text longer than the model's window
(``settings.ENCODER_MAX_TOKENS`` word pieces) is truncated, not windowed: its vector reads its beginning, and
``Encoding.truncated`` says so, so a caller can flag it. Texts are first cut to ``ENCODER_MAX_CHARS``
characters, which bounds the tokenizer's work on a hostile 100,000-character comment.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from . import settings
from .errors import RashomonError
from .options import Options
from .pipeline import register_resource
from .read import without_surrogates
from .resources import data_path


@dataclass(frozen=True)
class Encoding:
    """What the encoder gives for a list of texts, in the caller's order.

    ``sentences`` is (n, dim) float32, each row L2-normalised. With ``tokens=True``, ``tokens[i]`` is text i's
    (word pieces, dim) array without the [CLS]/[SEP] markers and ``offsets[i]`` its (word pieces, 2) character
    spans into text i. ``truncated[i]`` is true when text i did not fit the model's window.
    """

    sentences: np.ndarray
    truncated: np.ndarray
    tokens: list[np.ndarray] | None = None
    offsets: list[np.ndarray] | None = None


def read_tokenizer(path: Path | None = None):
    """A gzipped tokenizer file (the shared encoder's, ``settings.ENCODER_TOKENIZER``, by default), unpadded: a new
    object each call, whose truncation the caller sets (the encoder, and the fine-tuned models that share its
    vocabulary)."""
    from tokenizers import Tokenizer

    source = data_path(settings.ENCODER_TOKENIZER) if path is None else path
    tokenizer = Tokenizer.from_str(gzip.decompress(source.read_bytes()).decode("utf-8"))
    tokenizer.no_padding()
    return tokenizer


class Encoder:
    """An ONNX sentence encoder with its tokenizer. Build it with ``load()``; it holds no per-call state."""

    def __init__(
        self,
        model_path: Path,
        tokenizer_path: Path,
        *,
        threads: int = 0,
        max_tokens: int = 256,
        max_chars: int = 4096,
        batch_size: int = settings.ENCODER_BATCH_SIZE,
    ) -> None:
        for path in (model_path, tokenizer_path):
            if not path.is_file():
                raise RashomonError(f"the encoder file {path} is missing: rebuild it with 'make encoder'")
        self.session = inference_session(model_path, threads)
        self.tokenizer = read_tokenizer(tokenizer_path)
        self.tokenizer.enable_truncation(max_tokens)
        self.max_tokens = max_tokens
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.dim = int(self.session.get_outputs()[1].shape[-1])
        self.name = settings.ENCODER_NAME
        self.files = (model_path, tokenizer_path)

    @cached_property
    def fingerprint(self) -> str:
        """What decides the vectors this encoder gives: its model and tokenizer files, how it cuts texts and how many
        it encodes per call. A cache of vectors keys on it, so that one made by another encoder is never read."""
        digest = hashlib.sha1(repr((self.max_tokens, self.max_chars, self.batch_size)).encode())
        for path in self.files:
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised vector per text, shape (len(texts), dim)."""
        return self.encode(texts).sentences

    def encode(self, texts: Sequence[str], *, tokens: bool = False) -> Encoding:
        """Sentence vectors for ``texts`` and, with ``tokens=True``, token vectors with character offsets."""
        count = len(texts)
        sentences = np.zeros((count, self.dim), dtype=np.float32)
        token_out: list[np.ndarray] | None = [np.zeros((0, self.dim), np.float32)] * count if tokens else None
        offset_out: list[np.ndarray] | None = [np.zeros((0, 2), np.int64)] * count if tokens else None
        if count == 0:
            return Encoding(sentences, np.zeros(0, dtype=bool), token_out, offset_out)
        cut = [self._clean(text) for text in texts]
        pieces = self.tokenizer.encode_batch([text for text, _ in cut], add_special_tokens=True)
        truncated = np.array(
            [was_cut or bool(piece.overflowing) for (_, was_cut), piece in zip(cut, pieces, strict=True)],
            dtype=bool,
        )
        order = sorted(range(count), key=lambda i: len(pieces[i].ids))
        for start in range(0, count, self.batch_size):
            batch = order[start : start + self.batch_size]
            width = len(pieces[batch[-1]].ids)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, index in enumerate(batch):
                piece_ids = pieces[index].ids
                ids[row, : len(piece_ids)] = piece_ids
                mask[row, : len(piece_ids)] = 1
            token_vectors, sentence_vectors = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            sentences[batch] = sentence_vectors
            if token_out is not None and offset_out is not None:
                for row, index in enumerate(batch):
                    length = int(mask[row].sum())
                    # drop [CLS] and [SEP]: heads tag the words of the text, not the markers
                    token_out[index] = np.ascontiguousarray(token_vectors[row, 1 : length - 1])
                    offset_out[index] = np.asarray(pieces[index].offsets[1 : length - 1], dtype=np.int64)
        return Encoding(sentences, truncated, token_out, offset_out)

    def _clean(self, text: str) -> tuple[str, bool]:
        """The text as the tokenizer may take it, and whether it was cut to ``max_chars``."""
        if not isinstance(text, str):
            raise TypeError(f"the encoder takes str, not {type(text).__name__}")
        was_cut = len(text) > self.max_chars
        if was_cut:
            text = text[: self.max_chars]
        # lone surrogates cannot cross into the Rust tokenizer; U+FFFD keeps the offsets
        return without_surrogates(text), was_cut


def inference_session(model_path: Path, threads: int):
    """An onnxruntime CPU session on ``model_path`` with ``threads`` intra-op threads (0: one per physical core),
    sequential, every graph optimization on, its int8 weights in the form this CPU multiplies fastest
    (``int8_weights``): how the project runs each of its ONNX models."""
    import onnxruntime

    from .int8_weights import signed_where_exact, signing

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    if signing():  # elsewhere the file is not even read here
        stored = model_path.read_bytes()
        signed = signed_where_exact(stored)
        if signed is not stored:
            try:
                return onnxruntime.InferenceSession(signed, sess_options=options, providers=["CPUExecutionProvider"])
            except Exception:  # onnxruntime's own types: whatever it refuses in the rewrite, the stored file runs
                pass
    return onnxruntime.InferenceSession(str(model_path), sess_options=options, providers=["CPUExecutionProvider"])


def shipped_model_session(name: str, what: str, make_target: str, threads: int):
    """An :func:`inference_session` on the shipped model file ``name`` (under the package's data), for the fine-tuned
    models that share the encoder's tokenizer: a missing file raises ``FileNotFoundError`` (the stage warns and goes
    on without the model), a damaged one :class:`RashomonError`; both name the file as ``what`` and the ``make``
    target that rebuilds it."""
    path = data_path(name)
    if not path.is_file():
        raise FileNotFoundError(f"the {what} {path} is missing: rebuild it with 'make {make_target}'")
    try:
        return inference_session(path, threads)
    except Exception as err:  # onnxruntime raises its own types for a damaged file
        raise RashomonError(f"the {what} {path} could not be loaded: {err}") from err


def load(threads: int | None = None) -> Encoder:
    """The shipped encoder, loaded once per process (and thread count).

    ``threads`` is onnxruntime's intra-op thread count; ``None`` takes ``settings.ENCODER_THREADS`` (0:
    onnxruntime uses one per physical core).
    """
    return _load(settings.ENCODER_THREADS if threads is None else threads)


@register_resource("encoder")
def _load_for_run(options: Options) -> Encoder:
    """The pipeline's resource ``"encoder"``: stages declare ``resources=("encoder",)`` and call
    ``ctx.resource("encoder")``; the run's ``[encoder]`` options choose the threads (1 in batch workers)."""
    return load(options.encoder.threads)


@lru_cache(maxsize=2)
def _load(threads: int) -> Encoder:
    return Encoder(
        data_path(settings.ENCODER_MODEL),
        data_path(settings.ENCODER_TOKENIZER),
        threads=threads,
        max_tokens=settings.ENCODER_MAX_TOKENS,
        max_chars=settings.ENCODER_MAX_CHARS,
        batch_size=settings.ENCODER_BATCH_SIZE,
    )


def padded_batches(pieces, size: int, torch):
    """``(start, ids, mask)`` tensors of ``size`` tokenized texts at a time, padded to the longest of each batch:
    for the fine-tuning measures (``bench/finetune.py``, ``eval/sarcasm_finetune.py``), which pass the ``torch``
    module of the ``train`` extra so that this module never imports it."""
    for start in range(0, len(pieces), size):
        batch = pieces[start : start + size]
        width = max(len(p.ids) for p in batch)
        ids = torch.zeros(len(batch), width, dtype=torch.long)
        mask = torch.zeros(len(batch), width, dtype=torch.long)
        for row, piece in enumerate(batch):
            ids[row, : len(piece.ids)] = torch.tensor(piece.ids)
            mask[row, : len(piece.ids)] = 1
        yield start, ids, mask
