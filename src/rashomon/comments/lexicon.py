"""Loading the comment lexicons (``src/rashomon/data/comments/*.yaml``) and the text they are matched on.

Lexicon patterns are matched on :func:`fold` of a comment: lowercased, with leetspeak inside words undone
(``sh0t`` -> ``shot``, ``d!e`` -> ``die``). Folding keeps the length of the text, so a match's offsets are
offsets into the original comment and evidence spans can be cut from the page text directly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "comments"

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a", "!": "i"})
# Leet symbols between two letters (sh1t, l@st, d!e), and a dollar sign opening a word ($hit).
_LEET_RE = re.compile(r"(?<=[a-z])[0-9$@!]+(?=[a-z])|(?<![\w$])\$(?=[a-z])")
_PLACEHOLDER_SUB = str.maketrans({"’": "'", "‘": "'", "\xa0": " ", "\u2009": " ", "\u202f": " "})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase, curly apostrophes and odd spaces straightened, leetspeak undone; same length as ``text``.

    Cached: the lexicon, threat, sarcasm and correction steps all fold the same comment.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (İ) lowercase to two; keep offsets exact
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    lowered = lowered.translate(_PLACEHOLDER_SUB)
    return _LEET_RE.sub(lambda m: m.group(0).translate(_LEET), lowered)


@lru_cache(maxsize=32)
def load(name: str) -> dict[str, Any]:
    """One lexicon file by stem (``threats``), parsed once per process."""
    path = LEXICON_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"lexicon {path} must be a mapping of lists")
    return data


def alternation(patterns: list[str], lists: dict[str, Any] | None = None) -> str:
    """``(?:p1|p2|...)``, with ``{name}`` in a pattern replaced by the alternation of list ``name``."""
    lists = lists or {}

    def expand(pattern: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: alternation(lists[m.group(1)], lists), pattern)

    return "(?:" + "|".join(expand(p) for p in patterns) + ")"
