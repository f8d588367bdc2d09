"""Interface text: the words of a page's controls, counters and prompts, which no reader wrote.

A comment section is full of them: "Reply", "Antworten", "12 Kommentare", "Show more comments (20)",
"Newest first / Oldest first / Most liked", "You must be logged in to post a comment", "comments powered by
Disqus", a newsletter form. The table ``rashomon/data/read/interface_text.yaml`` lists them in several
languages; this module folds a line of text the same way as the table and tells whether it is interface text:

- a *label line* is made only of control labels (and the glue words between them, and numbers), or of two
  different weak words ("2 hours ago");
- a *prompt line* is a short line holding a prompt phrase ("must be logged in") or opening with one ("Sign in
  to ..."), or a line of a consent prompt, which may be longer ("We and our partners store and/or access
  information on a device ...").

The HTML reader drops interface lines from a comment, keeps a comment only when something *substantive* is
left (a letter or a pictograph that is not part of a control), and never takes a label for an author.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_yaml

# --- settings ------------------------------------------------------------------------------------------
#: A line of more folded words than this is not a label line (a sort bar or a button row is far shorter).
MAX_LABEL_WORDS = 24
# ---------------------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NOT_A_WORD = re.compile(r"[^\w']+|[\d_]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_NOT_A_NAME_PART = re.compile(r"[^\w']+|_+|(?<![^\W_])\d+(?![^\W_])")
#: Labels run together in camel case: "ReplyDelete", "LikeReply".
_CAMEL = re.compile(r"(?<=[a-zäöüéèàáíóúçñ])(?=[A-ZÄÖÜÉÈÀÁÍÓÚÇÑ])")
#: Emoticons are a comment's words too ("<3 <3 <3", ":-)").
EMOTICON = re.compile(r"<3|(?<!\w)[:;=8][-^'o]?[()\[\]DPpOo/\\|*](?!\w)")


def fold(text: str, *, numbers: bool = False, camel: bool = False) -> str:
    """``text`` as the table compares it: lower case, no numbers, every run of non-letters one space.

    ``numbers``: keep the digits that are part of a word ("link78" stays a user name, not the label "link").
    ``camel``: words run together in camel case apart ("ReplyDelete"; but also "Java Script").
    """
    pattern = _NOT_A_NAME_PART if numbers else _NOT_A_WORD
    text = text.translate(_APOSTROPHES)
    folded = pattern.sub(" ", (_CAMEL.sub(" ", text) if camel else text).casefold())
    return " ".join(word.strip("'") for word in folded.split() if word.strip("'"))


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: one table per process
class InterfaceTable:
    """The compiled table: label phrases as word tuples, weak and glue words, one regular expression of prompts."""

    labels: frozenset[tuple[str, ...]]
    badges: frozenset[tuple[str, ...]]
    weak: frozenset[tuple[str, ...]]
    glue: frozenset[str]
    #: Prompt phrases (anywhere in a line) and openings (at its start), indexed by their first word.
    prompts: dict[str, tuple[tuple[str, ...], ...]]
    openings: dict[str, tuple[tuple[str, ...], ...]]
    prompt_max_words: int
    longest: int
    #: Phrases of a consent prompt (a cookie banner's paragraph is long): interface text in a line of at most
    #: ``consent_max_words`` words.
    consent: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    consent_max_words: int = 0
    #: Per consent phrase, its words of letters only: a text without all of them holds no such phrase.
    consent_words: tuple[frozenset[str], ...] = ()

    def _segments(self, words: list[str], allowed: frozenset[tuple[str, ...]]) -> tuple[int, int] | None:
        """Split ``words`` into table entries: (labels used, distinct weak words used), or None when they
        cannot all be covered. Prefers a split with a label, then one with more distinct weak words."""
        best: list[tuple[int, frozenset] | None] = [None] * (len(words) + 1)
        best[len(words)] = (0, frozenset())
        for start in range(len(words) - 1, -1, -1):
            choice: tuple[int, frozenset] | None = None
            for size in range(1, min(self.longest, len(words) - start) + 1):
                rest = best[start + size]
                if rest is None:
                    continue
                phrase = tuple(words[start : start + size])
                if phrase in allowed:
                    option = (rest[0] + 1, rest[1])
                elif phrase in self.weak:
                    option = (rest[0], rest[1] | {phrase})
                elif size == 1 and phrase[0] in self.glue:
                    option = rest
                else:
                    continue
                if choice is None or (option[0], len(option[1])) > (choice[0], len(choice[1])):
                    choice = option
            best[start] = choice
        found = best[0]
        return None if found is None else (found[0], len(found[1]))

    def is_label_line(self, line: str, *, badges: bool = True, numbers: bool = False) -> bool:
        """Whether ``line`` is made only of control labels (``badges``: role badges count as labels;
        ``numbers``: digits in a word are part of it, as in a user name)."""
        allowed = self.labels | self.badges if badges else self.labels
        for camel in (False, True):  # "ReplyDelete" is two labels run together
            words = fold(line, numbers=numbers, camel=camel).split()
            if not words or len(words) > MAX_LABEL_WORDS:
                return False
            found = self._segments(words, allowed)
            if found is not None and (found[0] > 0 or found[1] >= 2):
                return True
            if not _CAMEL.search(line):
                break
        return False

    def is_prompt_line(self, line: str) -> bool:
        """Whether ``line`` is a short line holding a prompt or notice phrase."""
        words = fold(line).split()
        if not words:
            return False
        if len(words) <= self.prompt_max_words and (
            _holds(words, self.openings, (0,)) or _holds(words, self.prompts, range(len(words)))
        ):
            return True
        return len(words) <= self.consent_max_words and _holds(words, self.consent, range(len(words)))

    def is_interface_line(self, line: str) -> bool:
        return _is_interface_line(self, line)

    def is_consent_line(self, line: str) -> bool:
        """Whether ``line`` holds a consent prompt's phrase (and is at most ``consent_max_words`` words long)."""
        if not self.consent:
            return False
        words = fold(line).split()
        return 0 < len(words) <= self.consent_max_words and _holds(words, self.consent, range(len(words)))

    def without_consent(self, lines: list[str]) -> list[str]:
        """``lines`` (an article's) without its consent prompts (a consent wall in place of an embedded post or
        video) and the interface lines right around them ("External content", "Load external content")."""
        if not self.consent or not lines:
            return lines
        # first the whole at once (most articles hold no phrase at all): the words of letters only, in C
        words = set(_LETTERS.findall("\n".join(lines).casefold()))
        if not any(needed <= words for needed in self.consent_words):
            return lines
        drop = {i for i, line in enumerate(lines) if self.is_consent_line(line)}
        for i in sorted(drop):
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(lines) and j not in drop and self.is_interface_line(lines[j]):
                    drop.add(j)
                    j += step
        return [line for i, line in enumerate(lines) if i not in drop] if drop else lines

    def without_interface(self, text: str) -> str:
        """``text`` without its interface lines, and without lines of neither letters nor pictographs at its
        start and end (counters, separators: "12", "·", "|")."""
        lines = [line for line in text.split("\n") if not self.is_interface_line(line)]
        while lines and not substantive(lines[0]):
            lines.pop(0)
        while lines and not substantive(lines[-1]):
            lines.pop()
        return "\n".join(lines)

    def is_interface(self, text: str) -> bool:
        """Whether nothing substantive is left of ``text`` once its interface lines are gone."""
        return not substantive(self.without_interface(text))

    def is_author_like(self, name: str) -> bool:
        """Whether ``name`` may be an author: not a control label or a prompt (a role badge may be one)."""
        return (
            substantive(name)
            and not self.is_label_line(name, badges=False, numbers=True)
            and not self.is_prompt_line(name)
        )


@lru_cache(maxsize=8192)
def _is_interface_line(table: InterfaceTable, line: str) -> bool:
    # cached: a page repeats its buttons under every comment
    return table.is_label_line(line) or table.is_prompt_line(line)


def _holds(words: list[str], index: dict[str, tuple[tuple[str, ...], ...]], starts) -> bool:
    """Whether one of the phrases of ``index`` stands in ``words`` at one of the positions ``starts``."""
    for start in starts:
        for phrase in index.get(words[start], ()):
            if tuple(words[start : start + len(phrase)]) == phrase:
                return True
    return False


def substantive(text: str) -> bool:
    """Whether ``text`` has a letter or a pictograph (a comment may be "❤️"); digits and punctuation are not."""
    return any(ch.isalpha() or unicodedata.category(ch) == "So" for ch in text) or EMOTICON.search(text) is not None


def _phrases(entries) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(str(e)).split()) for e in entries or () if fold(str(e)))


def table_from_data(data: dict) -> InterfaceTable:
    """The compiled :class:`InterfaceTable` of a table read from YAML."""
    languages = (data.get("languages") or {}).values()
    labels = _phrases(e for lang in languages for e in lang.get("labels") or ())
    badges = _phrases(e for lang in languages for e in lang.get("badges") or ())
    weak = _phrases(e for lang in languages for e in lang.get("weak") or ())
    glue = frozenset(fold(str(e)) for lang in languages for e in lang.get("glue") or () if fold(str(e)))

    def index(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in _phrases(e for lang in languages for e in lang.get(key) or ()):
            by_first.setdefault(phrase[0], []).append(phrase)
        return {first: tuple(phrases) for first, phrases in by_first.items()}

    longest = max((len(p) for p in labels | badges | weak), default=1)
    consent = index("consent")
    return InterfaceTable(
        labels,
        badges,
        weak,
        glue,
        index("prompts"),
        index("openings"),
        int(data.get("prompt_max_words") or 40),
        longest,
        consent,
        int(data.get("consent_max_words") or 0),
        tuple(frozenset(w for w in phrase if w.isalpha()) for group in consent.values() for phrase in group),
    )


@lru_cache(maxsize=1)
def default_table() -> InterfaceTable:
    return table_from_data(load_yaml("read/interface_text.yaml"))
