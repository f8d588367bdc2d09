"""Toxic spans: the words that make a comment abusive, from a token head on the shared encoder (issue 22).

The head ``comments-spans`` (``data/models/comments-spans.npz``, trained by ``make train`` on Toxic Spans, CC0)
reads, for each word piece, its own token vector, its neighbours' (one before, one after: a word is read in its
phrase) and the comment's sentence vector (the same word is abusive in one comment and not in another), and
gives the chance that the piece lies in a span raters marked as toxic. Pieces are grouped into words (a word
scores its best piece), words at or above the head's threshold become spans, and neighbouring words join into
one phrase. Scored with the SemEval-2021 Task 5 character F1 by ``eval/spans.py``.

The head only explains: the comments stage runs it on comments already flagged (toxicity, insult, identity
attack), so a span never makes a flag of its own, and its threshold is set for precision (see the card).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import heads

# --- settings ------------------------------------------------------------------------------------------
#: Head file (``rashomon.heads``) of the span head.
SPAN_HEAD = "comments-spans"
#: What the head reads, written in its file and checked at use: piece, piece before, piece after, sentence.
FEATURES = "token-window1+sentence"
#: Most characters between two flagged words that still join them into one span (a space, a comma and space).
JOIN_GAP = 2
#: A flagged comment with no span at the head's threshold still shows its best phrase when that reaches this
#: score (and the stage keeps its flag; below it the flag is withheld). Chosen on OLID 5-fold cross-validation of
#: the encoder toxicity head: requiring a phrase at 0.4 or a lexicon word raised precision 0.62 -> 0.72 and
#: macro-F1 0.724 -> 0.727 (at 0.6: precision 0.80, macro-F1 0.697; at 0.3: 0.675, 0.730).
SUPPORT_THRESHOLD = 0.4
# ---------------------------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Span:
    """A toxic span in a comment's own offsets and the head's best piece score inside it."""

    start: int
    end: int
    score: float


def features(tokens: np.ndarray, sentence: np.ndarray) -> np.ndarray:
    """The head's input for one text: (pieces, 4 x dim) from its token vectors and its sentence vector."""
    tokens = np.asarray(tokens, dtype=np.float32)
    if tokens.ndim != 2 or not len(tokens):
        return np.zeros((0, 4 * len(sentence)), dtype=np.float32)
    return np.hstack([heads.token_window(tokens), np.repeat(np.asarray(sentence, np.float32)[None], len(tokens), 0)])


def words(text: str, offsets: np.ndarray) -> list[list[int]]:
    """Piece indices grouped into words: a piece continues the word before it when it touches it and both
    sides are letters or digits ("bigot" + "##ry"), so punctuation stays out of a word."""
    groups: list[list[int]] = []
    previous_end = -1
    for k, (start, end) in enumerate(np.asarray(offsets).reshape(-1, 2).tolist()):
        if end <= start:
            continue
        if groups and start == previous_end and text[start : start + 1].isalnum() and text[start - 1 : start].isalnum():
            groups[-1].append(k)
        else:
            groups.append([k])
        previous_end = end
    return groups


def spans_from_scores(text: str, offsets: np.ndarray, scores: np.ndarray, threshold: float) -> list[Span]:
    """Word-level spans where the best piece of a word reaches ``threshold``; words at most ``JOIN_GAP``
    characters of space or punctuation apart join into one span."""
    offsets = np.asarray(offsets).reshape(-1, 2)
    found: list[Span] = []
    for group in words(text, offsets):
        score = float(max(scores[k] for k in group))
        if score < threshold:
            continue
        start, end = int(offsets[group[0], 0]), int(offsets[group[-1], 1])
        if found and start - found[-1].end <= JOIN_GAP and not text[found[-1].end : start].strip(" ,-"):
            found[-1] = Span(found[-1].start, end, max(found[-1].score, score))
        else:
            found.append(Span(start, end, score))
    return found


def head() -> heads.Head:
    """The shipped span head, refused if it reads other features than this module builds."""
    loaded = heads.load(SPAN_HEAD)
    if loaded.features != FEATURES:
        raise heads.HeadError(f"head {SPAN_HEAD} reads {loaded.features!r}, this module builds {FEATURES!r}")
    return loaded


def piece_scores(tokens: Sequence[np.ndarray], sentences: np.ndarray, span_head: heads.Head | None = None) -> list:
    """The head's score of every piece of every text (one array per text), in one pass over all pieces.

    The same numbers as ``span_head.scores(features(...))``, without building the 4 x dim features: the first
    layer's weight is cut into its piece, before, after and sentence blocks, each piece is multiplied by the
    first three once, and the neighbours' products are shifted into place (a quarter of the work, no copies)."""
    span_head = span_head or head()
    if not len(tokens):
        return []
    first, rest = span_head.layers[0], span_head.layers[1:]
    dim = first.weight.shape[0] // 4
    weight = first.weight.astype(np.float32)
    lengths = [len(t) for t in tokens]
    flat = np.vstack([np.asarray(t, dtype=np.float32).reshape(-1, dim) for t in tokens])
    own, before, after = (flat @ weight[k * dim : (k + 1) * dim] for k in range(3))
    hidden = own + first.bias.astype(np.float32)
    hidden += np.repeat(np.asarray(sentences, dtype=np.float32) @ weight[3 * dim :], lengths, axis=0)
    starts = np.cumsum([0, *lengths[:-1]])
    shifted_before = np.vstack([np.zeros((1, before.shape[1]), np.float32), before[:-1]])
    shifted_after = np.vstack([after[1:], np.zeros((1, after.shape[1]), np.float32)])
    shifted_before[starts] = 0.0  # the first piece of a text has no piece before it
    shifted_after[starts + np.asarray(lengths) - 1] = 0.0  # nor the last one a piece after it
    hidden += shifted_before + shifted_after
    if first.activation:
        hidden = heads.ACTIVATIONS[first.activation](hidden)
    tail = heads.Head(
        span_head.name, "token", rest, span_head.output, span_head.labels, encoder=span_head.encoder
    )  # the layers after the first, as a head of their own
    return np.split(tail.scores(hidden)[:, 0], np.cumsum(lengths)[:-1])


def find_spans(
    texts: Sequence[str],
    tokens: Sequence[np.ndarray],
    offsets: Sequence[np.ndarray],
    sentences: np.ndarray,
    threshold: float | None = None,
    support: float | None = None,
) -> list[list[Span]]:
    """Toxic spans of each text from its encoding (``rashomon.encoder.Encoding`` token vectors, offsets and
    sentence vectors), at the head's shipped threshold unless ``threshold`` is given; with ``support``, a text
    with no span at the threshold gets its best phrase if that reaches ``support`` (see ``SUPPORT_THRESHOLD``)."""
    span_head = head()
    limit = span_head.thresholds["toxic"] if threshold is None else threshold
    scores = piece_scores(tokens, sentences, span_head)
    found = []
    for text, piece_offsets, piece_score in zip(texts, offsets, scores, strict=True):
        spans = spans_from_scores(text, piece_offsets, piece_score, min(limit, support or limit))
        strong = [span for span in spans if span.score >= limit]
        found.append(strong or sorted(spans, key=lambda span: -span.score)[:1])
    return found


def char_f1(predicted: set[int], gold: set[int]) -> float:
    """SemEval-2021 Task 5 F1 of one post: 1 when both are empty, 0 when only one is."""
    if not gold or not predicted:
        return float(not gold and not predicted)
    overlap = len(predicted & gold)
    if not overlap:
        return 0.0
    precision, recall = overlap / len(predicted), overlap / len(gold)
    return 2 * precision * recall / (precision + recall)


def span_chars(spans: Sequence[Span] | Sequence[tuple[int, int]]) -> set[int]:
    """The character offsets covered by ``spans``."""
    chars: set[int] = set()
    for span in spans:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        chars.update(range(start, end))
    return chars
