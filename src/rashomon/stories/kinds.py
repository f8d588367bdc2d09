"""The kind of event a page tells: its lead with the names of its actors, its numbers and its dates masked.

Two events of one kind (two prison escapes, two earthquakes) differ in their lead vectors mostly by who, where
and when; replaced by neutral type words ("someone", "a group", "one day", "several"), what is left is the kind
of event, which the topic level reads beside the lead itself (:mod:`.topics`). The names come from what a batch
analysis already has, the actors stage's actors (their names, aliases and mentions), so no second parse is
needed; numbers and calendar words go by rule. Places are kept: a topic is often a kind of event in a region,
and the actors stage keeps places apart (they become actors, of type ``state``, only when a relation needs
them, and that type is kept too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# --- settings (kinds) -----------------------------------------------------------------------------------
#: The neutral word an actor's name becomes, by actor type (``None``: kept, as places are); other types
#: (armed groups, governments, media, organisations) become ``MASK_OTHER``.
MASK_TYPE_WORDS: dict[str, str | None] = {
    "person": "someone",
    "unknown": "someone",
    "civilians": "people",
    "protesters": "people",
    "rioters": "people",
    "state": None,
}
MASK_OTHER = "a group"
MASK_DATE = "one day"
MASK_NUMBER = "several"

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: A date: a month with its day and year when given, a weekday, or a year on its own.
_DATE = re.compile(
    rf"\b(?:{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}"
    rf"(?:,?\s+\d{{4}})?|{_WEEKDAY}|(?:19|20)\d\d)(?![\w.])"
)
_NUMBER = re.compile(r"\b\d+(?:[,.:/]\d+)*(?:st|nd|rd|th|s)?\b")


def masked_lead(lead: str, actors: Iterable[Mapping[str, Any]] = ()) -> str:
    """``lead`` with the names of ``actors`` (actor dicts of an analysis: ``name``, ``type``, ``aliases``,
    ``mentions``) replaced by their type words (``MASK_TYPE_WORDS``), then dates and numbers by rule. Only
    capitalised forms are names: an actor found from a noun ("the rebels", "civilians") tells the kind of
    event and stays."""
    words: dict[str, str] = {}
    for actor in actors:
        word = MASK_TYPE_WORDS.get(str(actor.get("type") or "unknown"), MASK_OTHER)
        if word is None:
            continue
        forms = [actor.get("name") or "", *(actor.get("aliases") or ())]
        forms += [m.get("text") or "" for m in actor.get("mentions") or () if isinstance(m, Mapping)]
        for form in forms:
            form = form.strip()
            if len(form) > 1 and form[0].isupper():
                words.setdefault(form, word)
    if words:
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(words, key=len, reverse=True)) + r")(?!\w)"
        )
        lead = pattern.sub(lambda m: words[m.group(0)], lead)
    return _NUMBER.sub(MASK_NUMBER, _DATE.sub(MASK_DATE, lead))
