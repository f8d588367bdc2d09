"""The stance model: all-MiniLM-L6-v2 fine-tuned to read a text's stance toward a named target (issue 22).

``data/models/comments-stance-encoder.onnx`` (built by ``scripts/build_stance_encoder.py``; its card says on what)
reads a pair of texts, the target's words and then the text, and gives the probabilities of ``anti``, ``neutral``
and ``pro``. It shares the shared encoder's tokenizer (the same vocabulary) but not its weights: fine-tuned, it
reads the sentiment aimed at the target that the frozen vectors do not carry (session 41: a head on the frozen
vectors was right about half the time it said pro or anti). Run by onnxruntime, like the shared encoder; each pair
alone, so that its probabilities do not move with its neighbours (activations are quantized per call).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from .. import settings
from ..encoder import read_tokenizer, shipped_model_session
from ..options import Options
from ..pipeline import register_resource
from ..read import without_surrogates

MODEL = "models/comments-stance-encoder.onnx"
#: The pair's length in word pieces; only the text is cut (the target's words are a few pieces).
MAX_PIECES = 256
#: Characters of the text read at most (bounds the tokenizer's work on a hostile comment), and of the target's words.
MAX_CHARS = 2048
MAX_TARGET_CHARS = 200


@lru_cache(maxsize=1)
def pair_tokenizer():
    """The shared encoder's tokenizer, set to read pairs: unpadded, the second text cut to fit ``MAX_PIECES``."""
    tokenizer = read_tokenizer()
    tokenizer.enable_truncation(MAX_PIECES, strategy="only_second")
    return tokenizer


def encode_pairs(tokenizer, pairs: Sequence[tuple[str, str]]):
    """``tokenizer``'s encodings of (target's words, text) pairs: the target cut to ``MAX_TARGET_CHARS``, the text
    to ``MAX_CHARS``, lone surrogates made U+FFFD (same length: offsets still point into the caller's text)."""
    return tokenizer.encode_batch(
        [
            (without_surrogates(target[:MAX_TARGET_CHARS]), without_surrogates(text[:MAX_CHARS]))
            for target, text in pairs
        ]
    )


def read_up_to(encoding) -> int:
    """The character offset in the text (the pair's second part) up to which ``encoding`` read it."""
    return max((end for (_, end), seq in zip(encoding.offsets, encoding.sequence_ids) if seq == 1), default=0)


class StanceEncoder:
    """The fine-tuned stance model in an onnxruntime session. Build it with :func:`load`."""

    def __init__(self, session) -> None:
        self.session = session

    def pair_probabilities(self, pairs: Sequence[tuple[str, str]], encodings=None) -> np.ndarray:
        """(anti, neutral, pro) probabilities per (target's words, text) pair (``encodings``: theirs, if made)."""
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        for row, encoding in enumerate(encode_pairs(pair_tokenizer(), pairs) if encodings is None else encodings):
            ids = np.asarray([encoding.ids], dtype=np.int64)
            feed = {
                "input_ids": ids,
                "attention_mask": np.ones_like(ids),
                "token_type_ids": np.asarray([encoding.type_ids], dtype=np.int64),
            }
            out[row] = self.session.run(None, feed)[0][0]
        return out

    def read(self, texts: Sequence[str], mentions: Sequence[Sequence[tuple[int, int]]]) -> tuple[np.ndarray, list[int]]:
        """(anti, neutral, pro) probabilities of each text's stance toward the target mentioned at its ``mentions``
        (character spans; the first one's words are the target's), and how far into each text the model read (a
        character offset). NaN for a text whose target the model cannot judge: no mention, a blank one, or none
        read whole (cut off by its window)."""
        out = np.full((len(texts), 3), np.nan, dtype=np.float32)
        limits = [0] * len(texts)
        judged = [k for k, spans in enumerate(mentions) if spans and texts[k][spans[0][0] : spans[0][1]].strip()]
        pairs = [(texts[k][mentions[k][0][0] : mentions[k][0][1]], texts[k]) for k in judged]
        read_whole: list[tuple[int, tuple[str, str], Any]] = []
        for k, pair, encoding in zip(judged, pairs, encode_pairs(pair_tokenizer(), pairs), strict=True):
            limits[k] = read_up_to(encoding)
            if any(end <= limits[k] for _, end in mentions[k]):
                read_whole.append((k, pair, encoding))
        if read_whole:
            rows, kept_pairs, encodings = zip(*read_whole, strict=True)
            out[list(rows)] = self.pair_probabilities(kept_pairs, encodings)
        return out, limits

    def probabilities(self, texts: Sequence[str], mentions: Sequence[Sequence[tuple[int, int]]]) -> np.ndarray:
        """The probabilities of :meth:`read` alone."""
        return self.read(texts, mentions)[0]


def load(threads: int | None = None) -> StanceEncoder:
    """The shipped stance model, loaded once per process (and thread count)."""
    return _load(settings.ENCODER_THREADS if threads is None else threads)


@register_resource("stance-encoder")
def _load_for_run(options: Options) -> StanceEncoder:
    """The pipeline's resource ``"stance-encoder"``, with the run's ``[encoder]`` threads."""
    return load(options.encoder.threads)


@lru_cache(maxsize=2)
def _load(threads: int) -> StanceEncoder:
    return StanceEncoder(shipped_model_session(MODEL, "stance model", "stance-encoder", threads))
