"""Sarcasm: explicit markers (``/s``, ``/sarc``, "sarc off") and a model trained on iSarcasmEval.

A marker is certain (the writer says so): flag ``sarcasm_marker`` and ``sarcasm``, score 0.99, evidence the
marker. Otherwise the calibrated model of ``data/models/comments-sarcasm.npz`` gives the score and the flag
is raised only when the model is more often right than not (see ``SARCASM_FLAG``). Sarcasm detection from
text alone is hard: the model's F1 on the sarcastic class is about 0.4 (``eval/sarcasm.py``), so the score
is a hint for a reader, not a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .models import load_model

# --- settings ------------------------------------------------------------------------------------------
SARCASM_MODEL = "comments-sarcasm"
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


def find_marker(text: str) -> tuple[int, int] | None:
    match = _markers().search(lexicon.fold(text))
    return (match.start(), match.end()) if match else None


def score_texts(texts: Sequence[str], counts=None) -> list[SarcasmResult]:
    """Marker and calibrated model score per text (``counts``: shared ``featurize_counts(texts)``)."""
    scores = load_model(SARCASM_MODEL).score(texts, counts)["sarcasm"] if texts else []
    results = []
    for text, score in zip(texts, scores):
        marker = find_marker(text)
        results.append(SarcasmResult(MARKER_SCORE if marker else round(float(score), 4), marker))
    return results
