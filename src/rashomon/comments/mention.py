"""Abusive words a comment mentions rather than uses (issue 22): denied, or quoted or reported to denounce them.

"Gay people are not disgusting", "I don't hate anyone", "you have to stop calling them vermin", 'statements
like "they are scum" are hurtful': the abusive word is there, but the writer negates it or holds it up to
condemn it. A span (the span head's phrase, a lexicon insult word, a dehumanizing phrase) is *mentioned* when

* a negation stands at most ``NEGATION_WORDS`` words before it in the same clause ("are not disgusting",
  "would never hurt"), but not a negation that sharpens an insult ("not just stupid", "don't be an idiot");
* it sits inside quotation marks in a comment that reports speech or writing ("wrote", "says", "statements");
* its clause says it of someone else's words: "stop calling ...", "saying that ...", "calling them X is ...".

A group's name is not abusive on its own (:func:`names_a_group_only`), so a negation before it denies nothing.
Tried and left out (issue 22): dropping the span head's spans that only name a group ("I love gay people"
flagged on "gay people"): the head puts most hateful comments' evidence on the group's name too, and the
functional suite's accuracy fell (encoder, half A 0.789 -> 0.705, held-out half B 0.734 -> 0.649).

Such spans are not evidence: they set no lexicon floor, and a flag with only them to show is withheld
(``comments.FLAG_NEEDS_EVIDENCE``). Slurs are left alone (a slur is a slur even when negated: "he is no ..."),
and threats keep their own negation, reporting and quotation rules (``threats``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

# --- settings ------------------------------------------------------------------------------------------
#: Most words between a negation and the span it negates ("are not disgusting": 0; "don't really hate": 1).
NEGATION_WORDS = 2
# ---------------------------------------------------------------------------------------------------------

_CLAUSE_END_RE = re.compile(r"[.!?;:,\n()]|\b(?:but|though|although|yet|because)\b")
_WORD = r"[\w'*#@$-]+"
_NEGATION_RE = re.compile(
    r"(?:\b(?:not|never|no|nobody|noone|no one|none|nothing)\b|n't\b|\bcannot\b)"
    + rf"(?:\s+{_WORD}){{0,{NEGATION_WORDS}}}\s*$"
)
#: Negations that do not deny what follows: they sharpen it or order it ("not just stupid", "don't be a fool").
_NOT_DENIAL_RE = re.compile(
    r"\b(?:not (?:just|only|merely|simply|even)|(?:don'?t|do not|never) (?:be|act|sound|look)(?: like)?|"
    r"no (?:wonder|doubt|surprise)|nothing but|none other than|no better than|nobody but)\b"
)
#: Someone else's words held up in the same clause, before the span: "stop calling X ...", "saying that X".
_REPORTED_RE = re.compile(
    r"(?:\b(?:stop|quit|stopped|not okay to|wrong to|enough of)\s+(?:\w+\s+)?(?:calling|saying|claiming|"
    r"spreading|repeating|posting)|(?:^|[.!?;:\n]\s*)(?:calling|saying|claiming|suggesting|implying)"
    r"(?:\s+that)?)\b[^.!?;:\n]*$"
)
_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{1,400})[\"“”]|(?<!\w)'((?:[^'\n]|(?<=\w)'(?=\w)){1,400}?)'(?!\w)")


@lru_cache(maxsize=1)
def _quote_cue() -> re.Pattern:
    data = lexicon.load("threats")
    return re.compile(lexicon.alternation(data["quote_cues"], data) + r"|\b(?:statements?|remarks?|phrases?)\b")


def _clause_before(folded: str, start: int) -> str:
    """The text from the start of ``start``'s clause up to ``start``."""
    head = folded[max(0, start - 200) : start]
    ends = [m.end() for m in _CLAUSE_END_RE.finditer(head)]
    return head[ends[-1] :] if ends else head


def negated(folded: str, start: int) -> bool:
    """Whether the span starting at ``start`` of the folded comment is denied by a negation just before it."""
    before = _clause_before(folded, start)
    found = _NEGATION_RE.search(before)
    return found is not None and not _NOT_DENIAL_RE.search(before, found.start())


def quoted_regions(folded: str) -> list[tuple[int, int]]:
    """Regions in quotation marks when the comment reports someone's words (empty otherwise)."""
    if not _quote_cue().search(folded):
        return []
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(folded)]


#: Words that may stand beside a group's name in a span that only names the group ("all the gay people").
_GROUP_FILLERS = frozenset(
    "a an the all these those some many most every each of and or our their my your people person persons folk "
    "folks men man women woman kids community communities family families".split()
)
_SPAN_NEGATION_RE = re.compile(r"(?:not|never|no|nobody|don't|dont|doesn't|didn't|won't|wouldn't|cannot|can't)\s+")


@lru_cache(maxsize=1)
def _group_word() -> re.Pattern:
    """A whole word that names a group by faith, origin, sex, sexuality or disability (the groups of
    ``identity_neutral.yaml`` and the group nouns of ``threats.yaml``), singular or plural."""
    threat_lists = lexicon.load("threats")
    names = [re.escape(g.lower()) + "s?" for g in lexicon.load("identity_neutral")["groups"]]
    return re.compile(lexicon.alternation(names + threat_lists["group_nouns"], threat_lists))


def names_a_group_only(folded_span: str) -> bool:
    """Whether a folded span holds nothing but a group's name and filler words ("all the gay people")."""
    words = re.findall(r"[\w'-]+", folded_span)
    named = False
    for word in words:
        if _group_word().fullmatch(word):
            named = True
        elif word not in _GROUP_FILLERS:
            return False
    return named


def mentioned(
    folded: str, start: int, end: int, quoted: list[tuple[int, int]] | None = None, negatable: bool = True
) -> bool:
    """Whether the span ``start:end`` of the folded comment is mentioned rather than used (module docstring);
    ``quoted``: ``quoted_regions(folded)`` when the caller checks several spans of one comment; ``negatable``:
    whether a negation before the span denies it (False when the span is no abusive word on its own: "I don't
    respect them", "never treat them as equals" are the abuse, not its denial)."""
    quoted = quoted_regions(folded) if quoted is None else quoted
    if any(qs <= start and end <= qe for qs, qe in quoted):
        return True
    inner = _SPAN_NEGATION_RE.match(folded, start, end)  # the span opens with its own negation: "never hurt X"
    if negatable and (inner is not None or negated(folded, start)):
        return True
    return bool(_REPORTED_RE.search(_clause_before(folded, start)))


def without_negation(folded_span: str) -> str:
    """The span without the negation it opens with, if any ("never hurt a child" -> "hurt a child")."""
    found = _SPAN_NEGATION_RE.match(folded_span)
    return folded_span[found.end() :] if found else folded_span
