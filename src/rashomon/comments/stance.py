"""Stance of a comment toward the actors the article names: pro, anti or neutral, with the span.

Actors and their aliases come from ``analysis.actors`` (the actors stage) when it found any, else from the
minimal list ``data/comments/actors.yaml``. For each actor a comment mentions, the sentence around the
mention is scored with VADER (a lexicon of sentiment cues: "bless", "brave", "brutal", "liar"); the sentence
with the strongest cue decides. A comment marked sarcastic by its writer (``/s``) says the opposite of what
it means, so its stance is reversed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Actor
from . import lexicon

# --- settings ------------------------------------------------------------------------------------------
#: VADER compound score at or above which a sentence is pro (at or below minus it, anti).
STANCE_THRESHOLD = 0.3
#: Aliases shorter than this are matched case-sensitively (so "US" the country is not "us" the pronoun).
CASE_SENSITIVE_BELOW = 4
# ---------------------------------------------------------------------------------------------------------

_SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")


@dataclass(slots=True, frozen=True)
class ActorPattern:
    actor: str
    pattern: re.Pattern
    #: The aliases alone, without the guards around them (see :func:`_any_alias`).
    aliases: str


@dataclass(slots=True, frozen=True)
class StanceHit:
    actor: str
    stance: str
    start: int  # local offsets of the sentence that carries the stance
    end: int
    score: float


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _alias_alternation(aliases: Sequence[str]) -> str | None:
    long = sorted({a for a in aliases if len(a) >= CASE_SENSITIVE_BELOW}, key=len, reverse=True)
    short = sorted({a for a in aliases if 1 < len(a) < CASE_SENSITIVE_BELOW}, key=len, reverse=True)
    parts = []
    if long:
        parts.append("(?i:" + "|".join(re.escape(a) for a in long) + ")")
    if short:
        parts.append("|".join(re.escape(a) for a in short))
    return "|".join(parts) if parts else None


def _alias_pattern(alternation: str) -> re.Pattern:
    return re.compile(r"(?<![\w.])(?:" + alternation + r")(?![\w])")


def actor_patterns(actors: Sequence[Actor] = ()) -> list[ActorPattern]:
    """Patterns for ``actors`` (from the actors stage), or for the minimal alias list when there are none."""
    if actors:
        named = [(a.name, [a.name, *a.aliases]) for a in actors]
    else:
        named = [(name, [name, *aliases]) for name, aliases in lexicon.load("actors").items()]
    patterns = []
    for name, aliases in named:
        alternation = _alias_alternation([str(a) for a in aliases if a])
        if alternation is not None:
            patterns.append(ActorPattern(name, _alias_pattern(alternation), alternation))
    return patterns


@lru_cache(maxsize=16)
def _any_alias(alternations: tuple[str, ...]) -> re.Pattern:
    """One pattern for any alias of any of the actors: most comments name none, and are done in one search.
    Its guards are looser than a sentence's (``.`` may come before: a sentence starts after one), so it finds
    every mention a sentence holds."""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternations) + r")(?!\w)")


def find_stances(text: str, patterns: Sequence[ActorPattern], *, sarcastic: bool = False) -> list[StanceHit]:
    """One stance per actor mentioned in ``text``: the sentence with the strongest sentiment decides."""
    best: dict[str, StanceHit] = {}
    if not patterns or not _any_alias(tuple(p.aliases for p in patterns)).search(text):
        return []
    for sentence in _SENTENCE_RE.finditer(text):
        mentioned = [p.actor for p in patterns if p.pattern.search(sentence.group(0))]
        if not mentioned:
            continue
        score = _vader().polarity_scores(sentence.group(0))["compound"]
        if sarcastic:
            score = -score
        stance = "pro" if score >= STANCE_THRESHOLD else "anti" if score <= -STANCE_THRESHOLD else "neutral"
        start = sentence.start() + len(sentence.group(0)) - len(sentence.group(0).lstrip())
        for actor in mentioned:
            if actor not in best or abs(score) > abs(best[actor].score):
                best[actor] = StanceHit(actor, stance, start, sentence.end(), round(score, 4))
    return list(best.values())
