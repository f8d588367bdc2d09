"""Loading the comment lexicons (``src/rashomon/data/comments/*.yaml``) and the text they are matched on.

Lexicon patterns are matched on :func:`fold` of a comment: lowercased, with leetspeak inside words undone
(``sh0t`` -> ``shot``, ``d!e`` -> ``die``). Folding keeps the length of the text, so a match's offsets are
offsets into the original comment and evidence spans can be cut from the page text directly.

A batch of comments is folded and screened at once (:func:`fold_batch`, :meth:`FoldedBatch.candidates`): one
regex pass over the joined batch per pattern family finds the few comments that can match at all, and only
those are matched one by one, so a page of comments costs a handful of passes over its text, not one per
comment and pattern.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as re_constants  # the standard library's own regex parser, for the prefix screen
from re import _parser as re_parser
from typing import Any

import yaml

from ..resources import data_path

LEXICON_DIR = data_path("comments")

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a", "!": "i"})
# Leet symbols between two letters (sh1t, l@st, d!e), and a dollar sign opening a word ($hit). Same as
# ``(?<=[a-z])[0-9$@!]+(?=[a-z])|(?<![\w$])\$(?=[a-z])``, written to open with the symbol so that the regex
# engine skips straight to the rare characters that can start a match (3x faster over a batch).
_LEET_RE = re.compile(r"[0-9$@!](?<=[a-z].)[0-9$@!]*(?=[a-z])|\$(?<![\w$]\$)(?=[a-z])")
#: Characters straightened before matching (``str.replace`` per pair: far faster than ``translate`` on long text).
_STRAIGHTEN = (("’", "'"), ("‘", "'"), ("\xa0", " "), ("\u2009", " "), ("\u202f", " "))


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase, curly apostrophes and odd spaces straightened, leetspeak undone; same length as ``text``.

    Cached: the lexicon, threat, sarcasm and correction steps all fold the same comment.
    """
    return _fold(text)


def _fold(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (İ) lowercase to two; keep offsets exact
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for curly, straight in _STRAIGHTEN:
        if curly in lowered:
            lowered = lowered.replace(curly, straight)
    return _LEET_RE.sub(lambda m: m.group(0).translate(_LEET), lowered)


@dataclass(slots=True, frozen=True)
class FoldedBatch:
    """The folded texts of a batch, and the same joined by newlines so that one regex pass over ``joined``
    finds which texts can match a pattern at all (see :meth:`candidates`)."""

    texts: list[str]
    joined: str
    starts: list[int]

    def candidates(self, pattern: re.Pattern, literal_screen: bool = True) -> list[int]:
        """Indices of the texts that a match of ``pattern`` in the joined batch touches, in order.

        A superset of the texts ``pattern.search`` matches on their own, for patterns whose matches depend on
        nothing beyond a text's end but word boundaries, lookarounds that a newline satisfies like the text's
        edge would, and ``^``/``$`` (compile them with ``re.MULTILINE`` for this pass). Callers run their exact
        per-text matching on the candidates only: most comments match no lexicon or threat pattern.
        """
        found: set[int] = set()
        for match in (screen(pattern) if literal_screen else pattern).finditer(self.joined):
            first = bisect_right(self.starts, match.start()) - 1
            last = bisect_right(self.starts, max(match.start(), match.end() - 1)) - 1
            found.update(range(first, last + 1))
        return sorted(found)


#: Longest literal prefix taken from a pattern, and most prefixes kept, by :func:`screen`.
SCREEN_PREFIX_CHARS = 4
SCREEN_MAX_PREFIXES = 40


@lru_cache(maxsize=64)
def screen(pattern: re.Pattern) -> re.Pattern:
    """A fast stand-in for ``pattern`` in :meth:`FoldedBatch.candidates`: the alternation of the literal
    prefixes one of which every match of ``pattern`` starts with, when there are few and none shorter than
    two characters and none opening with a common word such as "the" (a regex of plain literals scans a batch
    many times faster than one with lookarounds and classes); else ``pattern`` itself. Its matches are a
    superset of ``pattern``'s starts."""
    try:
        prefixes = literal_prefixes(pattern.pattern) if not pattern.flags & re.IGNORECASE else None
    except Exception:  # noqa: BLE001 - the parser is the standard library's private one: never fail on it
        prefixes = None
    if (
        not prefixes
        or len(prefixes) > SCREEN_MAX_PREFIXES
        or any(len(p) < 2 and (p.isalnum() or p.isspace()) for p in prefixes)
        or any((word := _RUN_RE.match(p)) and word.group(0) in _common_words() for p in prefixes)
    ):
        return pattern
    return re.compile("|".join(map(re.escape, sorted(prefixes, key=len, reverse=True))))


def literal_prefixes(pattern: str, max_chars: int = SCREEN_PREFIX_CHARS) -> set[str] | None:
    """Literal strings (up to ``max_chars``) one of which every match of ``pattern`` begins with,
    zero-width assertions skipped; None when some match can begin otherwise (a class, a wildcard)."""
    prefixes, _ = _extend_prefixes(re_parser.parse(pattern), {""}, max_chars)
    return None if prefixes is None or "" in prefixes else prefixes


def _extend_prefixes(items, prefixes: set[str], max_chars: int) -> tuple[set[str] | None, bool]:
    """Grow ``prefixes`` along a parsed pattern; returns them and whether growing had to stop early."""
    for op, arg in items:
        if all(len(p) >= max_chars for p in prefixes):
            return prefixes, True
        if op is re_constants.LITERAL:
            prefixes = {p + chr(arg) if len(p) < max_chars else p for p in prefixes}
        elif op in (re_constants.AT, re_constants.ASSERT, re_constants.ASSERT_NOT):
            continue
        elif op is re_constants.SUBPATTERN:
            if arg[1] & re.IGNORECASE:
                return None, True
            prefixes, stopped = _extend_prefixes(arg[-1], prefixes, max_chars)
            if prefixes is None or stopped:
                return prefixes, True
        elif op is re_constants.BRANCH:
            grown, any_stopped = set(), False
            for branch in arg[1]:
                got, stopped = _extend_prefixes(branch, prefixes, max_chars)
                if got is None:
                    return None, True
                grown |= got
                any_stopped |= stopped
            prefixes = grown
            if any_stopped or len(prefixes) > 4 * SCREEN_MAX_PREFIXES:
                return prefixes, True
        elif op is re_constants.IN and len(arg) <= 8 and all(o is re_constants.LITERAL for o, _ in arg):
            prefixes = {p + chr(c) if len(p) < max_chars else p for p in prefixes for _, c in arg}
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] >= 1:
            prefixes, _ = _extend_prefixes(arg[2], prefixes, max_chars)
            return prefixes, True
        else:
            return prefixes, True
    return prefixes, False


def fold_batch(texts: Sequence[str]) -> FoldedBatch:
    """:func:`fold` of every text, folded in one pass over the joined batch (no fold pattern crosses a newline,
    and lowercasing the joined text keeps every text's length, else each text is folded on its own).

    The last few batches are cached: abuse and sarcasm fold the same batch."""
    return _fold_batch(tuple(texts))


@lru_cache(maxsize=4)
def _fold_batch(texts: tuple[str, ...]) -> FoldedBatch:
    joined = "\n".join(texts)
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    if len(joined.lower()) != len(joined):  # a character lowercases to two: fold text by text
        folded = [fold(text) for text in texts]
        return FoldedBatch(folded, "\n".join(folded), starts)
    joined = _fold(joined)
    return FoldedBatch([joined[s : s + len(t)] for s, t in zip(starts, texts)], joined, starts)


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


# --- word screens --------------------------------------------------------------------------------------------
#: A word (a run of ``\w``) this short, or one of these common words, is too frequent to screen texts by.
MIN_SCREEN_WORD_CHARS = 3
#: Longest literal prefix taken from a pattern by :func:`word_screen` (long enough to hold a whole word).
WORD_SCREEN_PREFIX_CHARS = 24
#: Frequent comment words that are not in scikit-learn's English stop words, also too common to screen by.
COMMON_COMMENT_WORDS = (
    "like",
    "make",
    "good",
    "just",
    "get",
    "got",
    "know",
    "think",
    "want",
    "people",
    "really",
    "going",
    "right",
    "time",
    "said",
    "say",
    "come",
    "way",
)
_RUN_RE = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | frozenset(COMMON_COMMENT_WORDS)


@dataclass(slots=True, frozen=True)
class WordScreen:
    """Which texts of a batch can match a family of patterns, told for most of the family by the words of the
    texts (a set lookup per distinct token of the batch) instead of a regex pass over the batch.

    Built by :func:`word_screen` from patterns that each begin at the start of a word (after ``\\b``, or after
    a lookbehind that excludes word characters). A pattern whose every match begins with a literal prefix
    holding a distinctive word ("rope" in "the rope") is screened by words: a text can match it only if one
    of its words starts with such a word (``starts``) or, when the prefix goes on past the word, equals it
    (``exact``). The other patterns (no literal prefix, or only common words in it) are screened by ``rest``,
    one regex as :meth:`FoldedBatch.candidates` runs it.
    """

    starts: tuple[str, ...]
    exact: frozenset[str]
    rest: re.Pattern | None

    def triggered_by(self, token: str) -> bool:
        """Whether a token (any run of non-space characters) holds a word that can begin a screened match."""
        return bool(self.triggered(enumerate(words_of(token))))

    def triggered(self, words: Iterable[tuple[Any, str]]) -> set[Any]:
        """The keys of the ``(key, word)`` pairs whose word can begin a screened match (many tokens' words at
        once: one set comprehension, no call per word)."""
        return {key for key, word in words if word in self.exact or word.startswith(self.starts)}


def words_of(token: str) -> Sequence[str]:
    """The word runs (``\\w+``) of a token. Most tokens are one word, told without a regex: ``str.isalnum``
    holds for exactly the characters ``\\w`` matches, but ``_``."""
    return (token,) if token.isalnum() else _RUN_RE.findall(token)


def _screen_word(prefix: str) -> tuple[str, bool] | None:
    """The longest distinctive word of a literal prefix, and whether it is whole (a non-word character follows
    it in the prefix) or may go on; None when the prefix holds no distinctive word. A word of the prefix
    begins a word of any text the prefix occurs in (the prefix starts at a word start, and a non-word
    character precedes every other word in it)."""
    best = None
    for run in _RUN_RE.finditer(prefix):
        word = run.group(0)
        distinctive = len(word) >= MIN_SCREEN_WORD_CHARS and word not in _common_words()
        if distinctive and (best is None or len(word) > len(best[0])):
            best = (word, run.end() < len(prefix))
    return best


def word_screen(patterns: Sequence[str], before: str) -> WordScreen:
    """A :class:`WordScreen` for ``before + p`` for each pattern ``p`` (``before``: ``\\b`` or a lookbehind
    that excludes word characters, so that every match begins a word)."""
    if before != r"\b" and not before.startswith(r"(?<![\w"):
        raise ValueError(f"cannot screen by words the patterns that follow {before!r}")
    starts, exact, rest = set(), set(), []
    for pattern in patterns:
        try:
            prefixes = literal_prefixes(before + pattern, WORD_SCREEN_PREFIX_CHARS)
        except Exception:  # noqa: BLE001 - the standard library's private parser: never fail on it
            prefixes = None
        words = [_screen_word(prefix) for prefix in prefixes or ()]
        if not words or None in words:
            rest.append(pattern)
            continue
        for word, whole in words:
            (exact if whole else starts).add(word)
    rest_pattern = re.compile(before + alternation(rest)) if rest else None
    return WordScreen(tuple(sorted(starts)), frozenset(exact), rest_pattern)
