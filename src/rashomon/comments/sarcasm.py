"""Sarcasm: explicit markers (``/s``, ``/sarc``, "sarc off") and a model trained on iSarcasmEval.

A marker is certain (the writer says so): flag ``sarcasm_marker`` and ``sarcasm``, score 0.99, evidence the
marker. Otherwise the calibrated model of ``data/models/comments-sarcasm.npz`` (``fast`` mode) or the encoder
head ``comments-sarcasm-encoder`` (``encoder`` mode) gives the score, and the flag is raised only when the
model is more often right than not (``SARCASM_FLAG``; the encoder head's threshold was chosen so on development
folds). Sarcasm detection from
text alone is hard: the model's F1 on the sarcastic class is about 0.4 (``eval/sarcasm.py``), so the score
is a hint for a reader, not a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import lexicon
from .features import batch_scoring
from .models import load_model

# --- settings ------------------------------------------------------------------------------------------
SARCASM_MODEL = "comments-sarcasm"
#: Head file (``rashomon.heads``) of the sarcasm head on the shared encoder (the default mode; its threshold,
#: chosen on development folds, replaces ``SARCASM_FLAG``).
ENCODER_HEAD = "comments-sarcasm-encoder"
#: Calibrated model score at or above which a comment without a marker is flagged ``sarcasm``.
SARCASM_FLAG = 0.5
#: Score given to a comment with an explicit marker.
MARKER_SCORE = 0.99
# ---------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class SarcasmResult:
    score: float
    marker: tuple[int, int] | None  # local offsets of an explicit marker


@lru_cache(maxsize=1)
def _markers() -> re.Pattern:
    return re.compile(lexicon.alternation(lexicon.load("sarcasm")["markers"]))


@lru_cache(maxsize=1)
def _markers_multiline() -> re.Pattern:
    """The markers with ``$`` matching at every newline: the one pass over a joined batch (see
    :meth:`lexicon.FoldedBatch.candidates`)."""
    return re.compile(lexicon.alternation(lexicon.load("sarcasm")["markers"]), re.MULTILINE)


def find_marker(text: str, folded: str | None = None) -> tuple[int, int] | None:
    match = _markers().search(lexicon.fold(text) if folded is None else folded)
    return (match.start(), match.end()) if match else None


def find_markers(texts: Sequence[str]) -> list[tuple[int, int] | None]:
    """:func:`find_marker` of every text, with one pass over the batch to find the few that can have one."""
    batch = lexicon.fold_batch(texts)
    markers: list[tuple[int, int] | None] = [None] * len(texts)
    for i in batch.candidates(_markers_multiline()):
        markers[i] = find_marker(texts[i], batch.texts[i])
    return markers


@batch_scoring
def score_texts(texts: Sequence[str], counts=None, *, model_scores: np.ndarray | None = None) -> list[SarcasmResult]:
    """Marker and calibrated model score per text (``model_scores``: the encoder head's, when the caller has
    them; else the linear model scores, ``counts`` being the shared ``featurize_counts(texts)``)."""
    if not texts:
        return []
    if model_scores is None:
        model_scores = load_model(SARCASM_MODEL).score(texts, counts)["sarcasm"]
    scores = np.round(np.asarray(model_scores, dtype=np.float64), 4).tolist()
    return [
        SarcasmResult(MARKER_SCORE if marker else score, marker) for score, marker in zip(scores, find_markers(texts))
    ]
