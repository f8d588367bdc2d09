"""Hate toward a group read whole, by a fine-tuned model (issue 22, sessions 38 and 51).

The abuse lexicon's phrases and the span head find hate by its words; hate phrased in words no rule was written for
("aren't ... the lowest kind?", "... lives do not matter", "our street was fine before ... came") was missed. A
passage that names a group by faith, origin, sex, sexuality or disability (:func:`mention.names_a_group`) is read
whole by the group-hate model (:mod:`group_hate_encoder`: all-MiniLM-L6-v2 fine-tuned on the project's functional
cases, comments written as comment sections write, and texts that name a group without hate; its card says which).
Sessions 38 to 50 read it with logistic heads on the shared encoder's frozen sentence vector; with the model
fine-tuned on the same rows, the comments stage reads the unread halves of the functional suites C, D and E at
0.924 / 0.910 / 0.860 where it read 0.896 / 0.859 / 0.805 with the heads, and the kind plain statements the heads
took for hate ("... just want to get on with their lives like everyone else") the model does not. Precision first:
it flags from the threshold at which its flags were right 93 % of the time on rows it was not trained on, and
abstains below.

A comment up to ``WHOLE_COMMENT_CHARS`` is read whole (the cases it learned from are one or two sentences); a
longer one by windows, each sentence that names a group with the sentence after it ("... were on the news again.
They make me sick"), at most ``MAX_WINDOWS``. A flag adds ``identity_attack`` and ``toxicity`` with the passage as
``group_hate`` evidence (how often the model's flags were right at its probability, as weight).

Sessions 38–50 also took a passage that VADER reads warm for hate only where the abuse heads found the comment toxic
too: the heads read emphatic praise as hate. That rule is gone (session 52). VADER calls many threats and
stereotypes warm by a word in them ("make sure ... never feel safe", "deal with ... for good", "the kindest thing would
be ..."): the rule dropped 7 of suite F's 80 threat cases and 2 of the 40 of suite E's unread half that the model read
as hate at 1.0, and of 60 hateful comments written with warm words for the test it set aside 11 that the model found,
where of 60 comments of praise it set aside none the model flagged. Praise the model misreads stays set aside by words of regard
(:func:`mention.speaks_well`: "I've never met a ... who wasn't kind"). Session 50's rule that a question with no cold
word needed a score of 0.97 did nothing under the model's threshold and is gone too; the model reads some plain
questions about a group as hate ("Why are ... moving to ...?" at 0.998), but a rule that set them aside cost half of
the hateful questions of suite C's unread half.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import abuse, lexicon, mention

#: A comment up to this many characters is read whole.
WHOLE_COMMENT_CHARS = 300
#: A window is cut to this many characters.
WINDOW_CHARS = 400
#: At most this many windows of one comment are read (the first ones).
MAX_WINDOWS = 4
_SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")


@dataclass(slots=True, frozen=True)
class Passage:
    """A window of a comment that the model flagged: offsets in the text given, the model's probability (``score``)
    and how often its flags were right at that probability (``confidence``: what the flag shows)."""

    start: int
    end: int
    score: float
    confidence: float


def windows(text: str) -> list[tuple[int, int]]:
    """The passages of ``text`` the model reads: the whole text when short, else each sentence that names a group
    with the sentence after it; none when no group is named."""
    if not mention.names_a_group(text):
        return []
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if end - start <= WHOLE_COMMENT_CHARS:
        return [(start, end)] if end > start else []
    sentences = [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text) if m.group(0).strip()]
    found: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(sentences):
        if not mention.names_a_group(text[a:b]):
            continue
        a += len(text[a:b]) - len(text[a:b].lstrip())
        b = sentences[k + 1][1] if k + 1 < len(sentences) else b
        found.append((a, min(b, a + WINDOW_CHARS)))
        if len(found) == MAX_WINDOWS:
            break
    return found


def read(texts: Sequence[str], model) -> list[list[Passage]]:
    """Per text, every passage of :func:`windows` with the probability ``model``
    (:class:`group_hate_encoder.GroupHateEncoder`) gives it and its confidence, in text order; all passages of all
    texts are read in one call, and none when no text names a group."""
    spans = [windows(text) for text in texts]
    passages = [text[a:b] for text, found in zip(texts, spans, strict=True) for a, b in found]
    probabilities = model.probabilities(passages) if passages else np.zeros(0, dtype=np.float32)
    scores = iter(zip(probabilities, model.confidence(probabilities), strict=True))
    return [
        [Passage(a, b, float(score), float(sure)) for (a, b), (score, sure) in zip(found, scores)] for found in spans
    ]


def find(texts: Sequence[str], model) -> list[list[Passage]]:
    """Per text, the passages ``model`` flags (:func:`read`: a probability at its threshold or more), the best
    first."""
    return [
        sorted((p for p in row if p.score >= model.threshold), key=lambda p: -p.score) for row in read(texts, model)
    ]


def judge(texts: Sequence[str], model) -> list[list[Passage]]:
    """Per text (a comment as the stage reads it, left unflagged by the other parts), the passages read as hate
    toward a group that the stage keeps, the best first; ``model`` as :func:`find` takes it. Not read: a text that
    names no group (or names a nation only for its state: :func:`mention.names_a_people`, "the american tyrants"),
    that speaks well of a group or only mentions abuse (:func:`abuse.defends_or_denies`), or that speaks of harm done
    to a group or denied it (:func:`abuse.harm_sentences`). Not kept: a passage whose group is named only in a quotation
    or a claim the writer does not make (:func:`mention.names_a_group_in_use`).
    Each text is folded once."""
    result: list[list[Passage]] = [[] for _ in texts]
    folded, quoted, read = {}, {}, []
    for k, text in enumerate(texts):
        if not mention.names_a_people(text):
            continue
        folded[k] = lexicon.fold(text)
        quoted[k] = mention.quoted_regions(folded[k])
        if not abuse.defends_or_denies(folded[k], quoted[k]) and not abuse.harm_sentences(folded[k], quoted[k]):
            read.append(k)
    if not read:
        return result
    for k, passages in zip(read, find([texts[k] for k in read], model), strict=True):
        result[k] = [p for p in passages if mention.names_a_group_in_use(folded[k], p.start, p.end, quoted[k])]
    return result


__all__ = [
    "Passage",
    "find",
    "judge",
    "read",
    "windows",
]
