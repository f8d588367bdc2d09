"""Sarcasm: explicit markers (``/s``, ``/sarc``, "sarc off"), cues, and a model trained on iSarcasmEval.

A marker is certain (the writer says so): flag ``sarcasm_marker`` and ``sarcasm``, score 0.99, evidence the
marker. Otherwise the calibrated model of ``data/models/comments-sarcasm.npz`` (``fast`` mode) or the encoder
head ``comments-sarcasm-encoder`` (``encoder`` mode) gives the score. The encoder head reads the sentence vector
and the cues of ``data/comments/sarcasm.yaml`` (a wink, "yeah right", scare quotes, "in...3...2...1": signs, not
proof; one 0/1 input each, ``cue_matrix``). Precision first: each model's flag threshold is the lowest score
at which its flags were right at least 60 % of the time on held-in development folds
(``training.MIN_FLAG_PRECISION``), or never when no score was. Sarcasm detection from text alone is hard (F1
of the sarcastic class about 0.4 at best, ``eval/sarcasm.py``), so the flag is rare and the score is a hint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .. import heads
from . import lexicon
from .features import batch_scoring
from .models import load_model
from .stance import vader

# --- settings ------------------------------------------------------------------------------------------
SARCASM_MODEL = "comments-sarcasm"
#: Head file (``rashomon.heads``) of the sarcasm head on the shared encoder (the default mode; its threshold,
#: chosen on development folds, replaces ``SARCASM_FLAG``).
ENCODER_HEAD = "comments-sarcasm-encoder"
#: Calibrated model score at or above which a comment without a marker is flagged ``sarcasm`` when the model
#: file carries no threshold of its own (the shipped ones do: chosen for precision on development folds).
SARCASM_FLAG = 0.5
#: What the encoder head reads (``Head.features``): the sentence vector, then one input per cue.
HEAD_FEATURES = "sentence+sarcasm_cues"
#: Score given to a comment with an explicit marker.
MARKER_SCORE = 0.99
#: A comment without a marker keeps the model's flag only if something in it can be meant otherwise (see
#: :func:`sincere`); a kind comment reads as sincere from this VADER compound score up. Issue 22, encoder mode:
#: "This sounds like a brilliant idea!" and "Wow, this is great idea!" under a blog post were flagged sarcastic
#: (0.78, 0.50): iSarcasmEval's sarcastic tweets are often kind words about a bad day, which the model cannot tell
#: from kind words about a post. On its held-out folds the gate withholds 17 of 123 flags (9 of them wrong):
#: precision 0.626 -> 0.651, higher in each of the 5 folds, recall 0.089 -> 0.080 (``eval/sarcasm.py``).
SINCERE_MIN_COMPOUND = 0.3
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


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((c["name"], re.compile(c["pattern"], re.IGNORECASE)) for c in lexicon.load("sarcasm")["cues"])


def cue_names() -> tuple[str, ...]:
    """The cue names, in the order of :func:`cue_matrix`'s columns."""
    return tuple(name for name, _ in _cues())


def cue_matrix(texts: Sequence[str]) -> np.ndarray:
    """(texts, cues) float32: 1 where the cue occurs in the text (the raw text: capitals count)."""
    cues = _cues()
    matrix = np.zeros((len(texts), len(cues)), dtype=np.float32)
    for i, text in enumerate(texts):
        for j, (_, pattern) in enumerate(cues):
            if pattern.search(text):
                matrix[i, j] = 1.0
    return matrix


def head_features(vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """The encoder head's inputs: each text's sentence vector beside its cues (``HEAD_FEATURES``)."""
    return np.hstack([np.asarray(vectors, dtype=np.float32), cue_matrix(texts)])


def head_scores(vectors: np.ndarray, texts: Sequence[str]) -> tuple[np.ndarray, float]:
    """Calibrated scores of the shipped encoder head for ``texts`` (``vectors``: their sentence vectors) and its
    flag threshold. A head trained on another cue list (other features or width) is refused."""
    head = heads.load(ENCODER_HEAD)
    if head.features != HEAD_FEATURES or head.input_dim != np.shape(vectors)[-1] + len(_cues()):
        raise heads.HeadError(
            f"head {head.name} reads {head.features or 'sentence'} of width {head.input_dim}, not {HEAD_FEATURES} "
            f"with {len(_cues())} cues: retrain it (make train)"
        )
    return head.scores(head_features(vectors, texts))[:, 0], head.thresholds.get("sarcasm", SARCASM_FLAG)


@lru_cache(maxsize=1)
def _incongruity_cues() -> tuple[re.Pattern, ...]:
    wanted = set(lexicon.load("sarcasm")["incongruity_cues"])
    unknown = wanted - set(cue_names())
    if unknown:
        raise ValueError(f"sarcasm.yaml: incongruity_cues names no cue: {sorted(unknown)}")
    return tuple(pattern for name, pattern in _cues() if name in wanted)


def sincere(text: str) -> bool:
    """Whether ``text`` reads as plainly meant: kind on the whole (VADER compound ``SINCERE_MIN_COMPOUND`` or
    more), no word VADER counts as negative, no question and none of the cues that mark irony (a wink, "yeah
    right", "I love it when", scare quotes: ``incongruity_cues`` of ``sarcasm.yaml``). Sarcasm says the opposite
    of what it means, so it needs something that does not fit: a bad situation, a doubt, a sign. Text alone cannot
    tell "great idea!" meant from "great idea!" mocked; where nothing hints at the second, the flag abstains (the
    score stays). Markers are the writer's word and are not judged here."""
    if "?" in text or any(pattern.search(text) for pattern in _incongruity_cues()):
        return False
    polarity = vader().polarity_scores(text)
    return polarity["neg"] == 0 and polarity["compound"] >= SINCERE_MIN_COMPOUND


def flag_sarcasm(texts: Sequence[str], scores: np.ndarray, limit: float) -> np.ndarray:
    """Which of ``texts`` a model flags: a score at ``limit`` or more, on a text that is not plainly sincere
    (:func:`sincere`, asked only of the few texts over the limit)."""
    over = np.asarray(scores) >= limit
    return np.array([bool(o) and not sincere(t) for t, o in zip(texts, over, strict=True)], dtype=bool)


def model_threshold() -> float:
    """The ``fast`` model's flag threshold, stored with it (chosen for precision on development folds)."""
    return load_model(SARCASM_MODEL).heads[0].threshold


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
