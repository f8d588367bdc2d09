"""Datelines: the place a story was filed, written before its first sentence ("KESTREL BAY, Ore. — ",
"LONDON (Coastwire) - "). A dateline is never part of a source, a statement or an actor's mentions: "WASHINGTON —"
does not name the United States as a party, it says where the reporter was."""

from __future__ import annotations

import re

#: Dashes that end a dateline ("LONDON (Reuters) - "; "―" is the horizontal bar some outlets use).
DATELINE_DASHES = frozenset({"-", "—", "–", "--", "―"})
#: A clock time opening a live report's entry ("10:42", "9.05", "9:05am"), and the zones that may follow it.
CLOCK_TIME = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ap]\.?m\.?)?$", re.IGNORECASE)
TIME_ZONES = frozenset({"am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc", "cet", "cest", "et", "est", "edt", "pt"})
#: Tokens a dateline may take before its dash ("KESTREL BAY, Ore. (Coastwire) —" is 8, with ", Dec. 11" 11).
DATELINE_MAX_TOKENS = 14


def dateline_end(doc, first: int, limit: int) -> int:
    """The first token after a dateline that opens the sentence at token ``first`` of the parsed ``doc``, or
    ``first`` when there is none before ``limit``. A dateline is a place in capitals, then only capitals, state,
    country or month abbreviations ("Ore.", "D.C.", "Dec."), numbers and a bracketed agency, up to a dash
    ("KESTREL BAY, Ore., Dec. 11 (Coastwire) ― ")."""
    first_word = doc[first]
    stamp = time_stamp_end(doc, first, limit)
    if stamp > first:
        return stamp
    if not (first_word.is_upper and sum(c.isalpha() for c in first_word.text) >= 2):
        return first
    bracket = False
    for token in doc[first : min(limit, first + DATELINE_MAX_TOKENS)]:
        if token.text in DATELINE_DASHES and token.i > first:
            return token.i + 1
        bracket = (bracket or token.text == "(") and token.text != ")"
        if not (
            bracket
            or token.is_upper
            or token.like_num  # the date in "KESTREL BAY, Ore., Dec. 11 (Coastwire) —"
            or token.is_punct
            or token.is_space
            or token.text.endswith(".")
            and token.text[:1].isupper()
        ):
            return first
    return first


def time_stamp_end(doc, first: int, limit: int) -> int:
    """The first token after the clock time a live report opens an entry with ("10:42 The storm made landfall",
    "9.05am GMT Police said"), or ``first`` when token ``first`` opens no line or is no clock time: when the
    entry was posted, no part of a source or a statement."""
    if not (first == 0 or doc[first - 1].is_space and "\n" in doc[first - 1].text) or first >= limit:
        return first
    end = first + 1 if CLOCK_TIME.match(doc[first].text) else first
    while first < end < limit and doc[end].lower_ in TIME_ZONES:
        end += 1
    return end


def lead_in_end(doc, first: int, limit: int) -> int:
    """The first token after a run-in heading that opens ``doc[first:limit]`` before a spaced dash ("What the poll
    does not mean - Pew's research ...", a newsletter's line), or ``first`` when there is none. Only a heading
    with a verb before the (last) dash: a noun phrase the dash spells out ("The cable networks — MSNBC, CNN …")
    has none and is kept. Like a dateline, it names nobody."""
    dashes = [
        t.i
        for t in doc[first:limit]
        if t.text in DATELINE_DASHES
        and t.i > first
        and t.whitespace_
        and (doc[t.i - 1].whitespace_ or doc[t.i - 1].is_space)
    ]
    if not dashes or not any(t.pos_ in ("VERB", "AUX") for t in doc[first : dashes[-1]]):
        return first
    return dashes[-1] + 1
