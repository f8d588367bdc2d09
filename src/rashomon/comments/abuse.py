"""Abuse scores in the attributes people know from Perspective and Detoxify, with the spans behind each flag.

``toxicity``, ``severe_toxicity``, ``insult`` and ``identity_attack`` come from the calibrated linear heads
in ``data/models/comments-abuse.npz`` (trained by ``scripts/train.py`` on OLID and Davidson); ``threat`` from
the patterns of :mod:`rashomon.comments.threats`; ``profanity`` from the lexicon ``data/comments/abuse.yaml``
(no permitted data set labels profanity). Lexicon hits also set floors (a slur is an identity attack
whatever the model says) and give moderators the words that drove a flag.

A flag needs more than a high score where the field is known to fail: ``identity_attack`` needs a slur, a
dehumanizing phrase, or a toxic comment whose model evidence is not only identity words, so "Muslim
civilians fled" is never flagged; profanity alone does not make a comment an insult.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import numpy as np

from . import lexicon, threats
from .features import normalize, token_features
from .models import LinearModel, load_model

# --- settings ------------------------------------------------------------------------------------------
#: Model file (stem under data/models) with the abuse heads.
ABUSE_MODEL = "comments-abuse"
#: A head's calibrated score at or above this raises its flag (0.5: the flag is right more often than not).
FLAG_THRESHOLDS = {"toxicity": 0.5, "severe_toxicity": 0.5, "insult": 0.5, "identity_attack": 0.5, "threat": 0.5,
                   "profanity": 0.5}
#: Score floors set by a lexicon hit.
PROFANITY_FLOORS = {"strong": 0.95, "masked": 0.85, "mild": 0.7}
SLUR_FLOOR = 0.9
INSULT_WORD_FLOOR = 0.75
#: Score of profanity when no lexicon word is found.
NO_PROFANITY_SCORE = 0.02
#: Most model-evidence tokens reported per flag.
MAX_MODEL_EVIDENCE = 3
#: A word is model evidence only if its n-gram weights add up to more than this.
MIN_EVIDENCE_WEIGHT = 0.5
#: Only the first this many characters of a comment are scanned by patterns (a 100 KB comment stays fast).
MAX_SCAN_CHARS = 20_000
# ---------------------------------------------------------------------------------------------------------

MODEL_HEADS = ("toxicity", "severe_toxicity", "insult", "identity_attack")
ATTRIBUTES = MODEL_HEADS + ("threat", "profanity")
_WORD_RE = re.compile(r"[a-z0-9*#@$!']+")


@dataclass(slots=True)
class Hit:
    """Evidence local to one comment: ``label`` (the flag it supports), offsets into the comment, weight."""

    label: str
    start: int
    end: int
    weight: float


@dataclass(slots=True)
class AbuseResult:
    scores: dict[str, float]
    flags: list[str] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)


_TOKEN_RE = re.compile(r"[\w*#@$'-]+")
_LEXICON_CATEGORIES = ("identity_attack", "profanity:strong", "profanity:masked", "insult", "profanity:mild")


def _is_phrase(pattern: str) -> bool:
    return " " in pattern or "\\s" in pattern or "\\." in pattern


@dataclass(slots=True, frozen=True)
class _Lexicon:
    """Single-token entries as one full-match regex per category (checked once per distinct token, cached);
    phrase entries as one search regex per category."""

    token: tuple[tuple[str, re.Pattern], ...]
    phrase: tuple[tuple[str, re.Pattern], ...]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = lexicon.load("abuse")
    lists = {"identity_attack": data["slurs"], "insult": data["insult"],
             **{f"profanity:{level}": items for level, items in data["profanity"].items()}}
    token, phrase = [], []
    for category in _LEXICON_CATEGORIES:
        words = [p for p in lists.get(category, []) if not _is_phrase(p)]
        phrases = [p for p in lists.get(category, []) if _is_phrase(p)]
        if category == "identity_attack":
            phrases += data["dehumanizing"]
        if words:
            token.append((category, re.compile(lexicon.alternation(words))))
        if phrases:
            phrase.append((category, re.compile(r"(?<![\w*#@$])" + lexicon.alternation(phrases) + r"(?![\w*#@$])")))
    return _Lexicon(tuple(token), tuple(phrase))


@lru_cache(maxsize=100_000)
def _token_category(token: str) -> str | None:
    for category, pattern in _lexicon().token:
        if pattern.fullmatch(token):
            return category
    return None


def _hit_weight(category: str) -> float:
    if category.startswith("profanity:"):
        return PROFANITY_FLOORS[category.split(":", 1)[1]]
    return SLUR_FLOOR if category == "identity_attack" else INSULT_WORD_FLOOR


def model() -> LinearModel:
    return load_model(ABUSE_MODEL)


def lexicon_hits(text: str, folded: str | None = None, word_hits: list[Hit] | None = None,
                 phrases: bool = True) -> list[Hit]:
    """Profanity, insult words, slurs and dehumanizing phrases in ``text`` (local offsets; ``folded``:
    ``lexicon.fold`` of the text when the caller has it; ``word_hits``: its single-word hits when the caller
    found them batch-wide; ``phrases=False`` when the caller knows no phrase pattern can match)."""
    folded = lexicon.fold(text[:MAX_SCAN_CHARS]) if folded is None else folded[:MAX_SCAN_CHARS]
    if word_hits is None:
        word_hits = []
        for match in _TOKEN_RE.finditer(folded):
            category = _token_category(match.group(0).strip("'-"))
            if category is not None:
                word_hits.append(Hit(category, match.start(), match.end(), _hit_weight(category)))
    hits = list(word_hits)
    for category, pattern in _lexicon().phrase if phrases else ():
        for match in pattern.finditer(folded):
            if not any(h.start < match.end() and match.start() < h.end and h.label == category for h in hits):
                hits.append(Hit(category, match.start(), match.end(), _hit_weight(category)))
    return hits


#: What is not part of a token (``_TOKEN_RE``): a batch-wide word match bounded by these is a whole token.
_OUTSIDE_TOKEN = r"[\w*#@$'-]"


def batch_lexicon_hits(batch: lexicon.FoldedBatch) -> list[list[Hit]]:
    """:func:`lexicon_hits` of every text of a folded batch, without matching text by text where it can:
    the batch's distinct tokens are looked up once, the lexicon tokens among them found in one pass over the
    whole batch, and the phrase patterns run only on the texts the batch-wide screen says can hold one."""
    categories = {t: c for t in set(_TOKEN_RE.findall(batch.joined)) if (c := _token_category(t.strip("'-")))}
    word_hits: list[list[Hit]] = [[] for _ in batch.texts]
    if categories:
        # Longest first, bounded by non-token characters: each match is exactly one whole lexicon token.
        words = sorted(categories, key=len, reverse=True)
        pattern = re.compile(f"(?<!{_OUTSIDE_TOKEN})(?:" + "|".join(map(re.escape, words)) + f")(?!{_OUTSIDE_TOKEN})")
        for match in pattern.finditer(batch.joined):
            i = bisect_right(batch.starts, match.start()) - 1
            category, start = categories[match.group(0)], batch.starts[i]
            word_hits[i].append(Hit(category, match.start() - start, match.end() - start, _hit_weight(category)))
    phrase_candidates = set()
    for _, phrase in _lexicon().phrase:
        phrase_candidates.update(batch.candidates(phrase))
    return [lexicon_hits(folded, folded, word_hits[i], phrases=True) if i in phrase_candidates else word_hits[i]
            for i, folded in enumerate(batch.texts)]


#: Per head, each word's evidence weight (see :func:`_word_weight`); cleared when it grows past this size.
WORD_WEIGHT_CACHE_SIZE = 100_000
_word_weights: dict[str, dict[str, float]] = {}


def _word_weight(word: str, head: str) -> float:
    """How much one word's n-grams push ``head`` up (cached: comments reuse a small vocabulary)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    token = normalize(word).strip()
    if len(token) < 3 or token in ENGLISH_STOP_WORDS:
        return 0.0
    m = model()
    ids = list(token_features(token))
    return float(m.weights[ids, m.names.index(head)].sum() * m.idf[ids].mean() / np.sqrt(len(ids)))


def model_evidence(text: str, head: str, limit: int = MAX_MODEL_EVIDENCE, folded: str | None = None) -> list[Hit]:
    """The words of ``text`` whose n-gram weights push ``head`` up the most (local offsets)."""
    folded = lexicon.fold(text[:MAX_SCAN_CHARS]) if folded is None else folded[:MAX_SCAN_CHARS]
    cache = _word_weights.setdefault(head, {})
    if len(cache) > WORD_WEIGHT_CACHE_SIZE:
        cache.clear()
    words = _WORD_RE.findall(folded)
    weights = list(map(cache.get, words))
    if None in weights:
        for k, (word, weight) in enumerate(zip(words, weights)):
            if weight is None:
                weights[k] = cache[word] = _word_weight(word, head)
    picked = [(round(weight, 3), k) for k, weight in enumerate(weights) if weight > MIN_EVIDENCE_WEIGHT]
    if not picked:
        return []
    picked.sort(key=lambda pick: -pick[0])  # stable: equal weights stay in text order
    picked = picked[:limit]
    spans = [match.span() for match in islice(_WORD_RE.finditer(folded), max(k for _, k in picked) + 1)]
    return [Hit(head, *spans[k], weight) for weight, k in picked]


def score_texts(texts: Sequence[str], counts=None) -> list[AbuseResult]:
    """Scores, flags and evidence for each text (English comments; the caller skips unknown languages).

    Vectorized over the batch: one feature matrix and one product per model; the lexicon and threat patterns
    run once over the whole batch to find the few texts that can match, and only those are matched one by
    one. A text with no lexicon or threat hit (most) is decided from its model scores in one array step;
    evidence is looked up only for the texts flagged. ``counts`` is ``features.featurize_counts(texts)``
    when the caller already has it (shared with sarcasm).
    """
    if not texts:
        return []
    scan = [t[:MAX_SCAN_CHARS] for t in texts]
    model_scores = model().score(scan, counts)
    batch = lexicon.fold_batch(scan)
    all_hits = batch_lexicon_hits(batch)
    for i in batch.candidates(threats.patterns().any_violence):
        all_hits[i] = all_hits[i] + [Hit("threat", h.start, h.end, h.weight)
                                     for h in threats.find_threats(scan[i], batch.texts[i])]
    # Profanity is not abuse by itself: a profane comment is scored again with its profane words blanked,
    # and its toxicity and insult flags follow that second score (unless a slur, an insult word or a threat
    # decides them: see _decide).
    profane = [i for i, hits in enumerate(all_hits) if _flags_follow_blanked_score(hits)]
    clean_scores = model().score([_blank_profanity(scan[i], all_hits[i]) for i in profane]) if profane else {}
    clean_row = {i: row for row, i in enumerate(profane)}
    table = np.column_stack([model_scores[head] for head in MODEL_HEADS]
                            + [np.full(len(scan), threats.NO_MATCH_SCORE), np.full(len(scan), NO_PROFANITY_SCORE)])
    rounded = [[round(v, 4) for v in row] for row in table.tolist()]
    flagged = {head: (table[:, k] >= FLAG_THRESHOLDS[head]).tolist() for k, head in enumerate(MODEL_HEADS)}
    columns = {head: table[:, k].tolist() for k, head in enumerate(MODEL_HEADS)}
    clean_columns = {head: values.tolist() for head, values in clean_scores.items()}
    results = []
    for i, text in enumerate(scan):
        if not all_hits[i]:
            results.append(_decide_plain(text, batch.texts[i], rounded[i],
                                         [flagged[head][i] for head in MODEL_HEADS]))
            continue
        scores = {head: columns[head][i] for head in MODEL_HEADS}
        without = {head: clean_columns[head][clean_row[i]] for head in MODEL_HEADS} if i in clean_row else scores
        hits = all_hits[i]
        scores["threat"] = threats.threat_score([h for h in hits if h.label == "threat"])
        results.append(_decide(text, scores, without, hits, batch.texts[i]))
    return results


def _decide_plain(text: str, folded: str, rounded: list[float], flagged: list[bool]) -> AbuseResult:
    """:func:`_decide` for a text with no lexicon or threat hit: its flags follow its model scores alone."""
    toxicity, severe, insult, identity = flagged
    flags = [head for head, up in (("toxicity", toxicity), ("insult", insult), ("severe_toxicity", severe and toxicity))
             if up]
    if identity and toxicity:
        flags.append("identity_attack")
    evidence = []
    for head in ("toxicity", "insult", "identity_attack"):
        if head in flags:
            evidence += model_evidence(text, head, folded=folded)
    return AbuseResult(dict(zip(ATTRIBUTES, rounded)), flags, evidence)


def _flags_follow_blanked_score(hits: list[Hit]) -> bool:
    """Whether :func:`_decide` reads this text's toxicity and insult flags off its profanity-blanked score."""
    labels = {h.label for h in hits}
    return (any(label.startswith("profanity") for label in labels) and "identity_attack" not in labels
            and "insult" not in labels
            and threats.threat_score([h for h in hits if h.label == "threat"]) < FLAG_THRESHOLDS["threat"])


def _blank_profanity(text: str, hits: list[Hit]) -> str:
    chars = list(text)
    for h in hits:
        if h.label.startswith("profanity"):
            chars[h.start : h.end] = " " * (h.end - h.start)
    return "".join(chars)


def _decide(text: str, scores: dict[str, float], without_profanity: dict[str, float], hits: list[Hit],
            folded: str | None = None) -> AbuseResult:
    profanity = [h for h in hits if h.label.startswith("profanity")]
    slurs = [h for h in hits if h.label == "identity_attack"]
    insult_words = [h for h in hits if h.label == "insult"]
    scores["profanity"] = max((h.weight for h in profanity), default=NO_PROFANITY_SCORE)
    if slurs:
        for head in ("identity_attack", "severe_toxicity", "toxicity", "insult"):
            scores[head] = max(scores[head], SLUR_FLOOR)
    if insult_words:
        scores["insult"] = max(scores["insult"], INSULT_WORD_FLOOR)
        scores["toxicity"] = max(scores["toxicity"], INSULT_WORD_FLOOR)
    if scores["threat"] >= FLAG_THRESHOLDS["threat"]:
        scores["toxicity"] = max(scores["toxicity"], scores["threat"])
    flag_scores = dict(scores)
    for head in ("toxicity", "insult"):
        if not slurs and not insult_words and scores["threat"] < FLAG_THRESHOLDS["threat"]:
            flag_scores[head] = without_profanity[head]
    flags = [head for head in ("toxicity", "insult", "severe_toxicity", "threat", "profanity")
             if flag_scores[head] >= FLAG_THRESHOLDS[head]]
    if slurs or (scores["identity_attack"] >= FLAG_THRESHOLDS["identity_attack"] and "toxicity" in flags):
        flags.append("identity_attack")
    if "severe_toxicity" in flags and "toxicity" not in flags:
        flags.remove("severe_toxicity")
    evidence = [Hit("profanity", h.start, h.end, h.weight) for h in profanity]
    evidence += [h for h in hits if h.label in ("threat", "identity_attack", "insult")]
    for head in ("toxicity", "insult", "identity_attack"):
        if head in flags and not any(h.label == head for h in evidence):
            evidence += model_evidence(text, head, folded=folded)
    return AbuseResult({k: round(v, 4) for k, v in scores.items()}, flags, evidence)
