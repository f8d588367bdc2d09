"""The reply tree: explicit structure first, then links inferred where the page lost it.

Explicit links (a reply target in a dump, nesting in HTML) come from the reader and are kept. For a comment
without one, the strongest of these reasons links it to an earlier comment (each with a confidence):

- ``quotes``: it quotes words of an earlier comment (0.9);
- ``addresses_author``: it names an earlier commenter, ``@name`` or the bare name (0.75);
- ``echoes``: it repeats a run of words of a recent comment (0.6);
- ``answers_previous``: it opens like an answer ("+1", "Talking to yourself again", "Yes.") right after
  another comment (0.5).

Two limits keep these guesses from contradicting the page. A comment is never linked to one posted after it
(both dates known). And where the page's own markup nests replies (an HTML page with some comments nested), a
comment it leaves at the top level was posted at the top level: only the strong reasons (``quotes``,
``addresses_author``) may still link it, not the weak ones, which on such pages link readers' parallel
compliments ("Lovely bread!" / "That's an incredible bread") to each other.

``thread_tree`` and ``commenter_summary`` are pure functions over a list of comments for the report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import accumulate
from typing import Any

from .. import settings
from ..model import Comment
from . import lexicon

# --- settings ------------------------------------------------------------------------------------------
REASON_CONFIDENCE = {"quotes": 0.9, "addresses_author": 0.75, "echoes": 0.6, "answers_previous": 0.5}
#: The reasons still inferred on a page whose markup nests replies itself (see the module docstring).
STRONG_REASONS = frozenset({"quotes", "addresses_author"})
#: A quoted snippet must have at least this many characters to identify the comment it comes from.
MIN_QUOTE_CHARS = 20
#: Words in a run shared with an earlier comment for an ``echoes`` link, and how far back to look.
ECHO_WORDS = 5
ECHO_WINDOW = 50
#: Author names shorter than this are not searched as bare words (too many false matches).
MIN_NAME_CHARS = 4
# ---------------------------------------------------------------------------------------------------------

_QUOTED_RE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_WORDS_RE = re.compile(r"[a-z0-9']+")
_NAME_WORDS_RE = re.compile(r"[\w'.-]*\w")
#: The word right after a bare name and the one right before it, with only spaces between.
_NEXT_WORD_RE = re.compile(r"[ \t]+(\w[\w'’-]*)")
_PREVIOUS_WORD_RE = re.compile(r"(\w[\w'’-]*)[ \t]+$")


@dataclass(slots=True, frozen=True)
class ReplyLink:
    target: str
    reason: str
    confidence: float
    start: int = 0  # local offsets, in the replying comment, of what shows the link
    end: int = 0


@lru_cache(maxsize=1)
def _openers() -> re.Pattern:
    return re.compile(r"^\W{0,3}" + lexicon.alternation(lexicon.load("threads")["reply_openers"]))


@lru_cache(maxsize=1)
def _part_of_a_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the bare name at ``start:end`` is one word of a longer name: it runs on, after spaces only, into a
    word that is neither a stop word nor a greeting ("Fred Varnholt", "Paul di'Orsa" name other people, not the
    commenters "fred" and "paul"; "Fred, you", "Fred you" and "Fred Thanks" still address him), or a capitalised
    word other than a greeting stands right before it ("Orrin Tallen", not the commenter "tallen")."""
    common = _common_after_a_name()
    following = _NEXT_WORD_RE.match(text, end)
    if following and following.group(1).lower() not in common:
        return True
    before = _PREVIOUS_WORD_RE.search(text, 0, start)
    return bool(before) and before.group(1)[0].isupper() and before.group(1).lower() not in common


@lru_cache(maxsize=1)
def _common_after_a_name() -> frozenset[str]:
    """Stop words and the openers of a sentence spoken to someone named just before it ("Fred Thanks")."""
    return _echo_stopwords() | frozenset(lexicon.load("threads")["address_openers"])


def _echo_stopwords() -> frozenset[str]:
    return frozenset(lexicon.load("threads")["echo_stopwords"])


def _squash(text: str) -> str:
    return " ".join(_WORDS_RE.findall(lexicon.fold(text)))


class QuoteIndex:
    """The squashed texts of the comments added so far, in one growing byte buffer: the latest comment holding
    a quoted snippet is found by ``rfind`` at C speed instead of a Python loop over every earlier comment (a
    page of thousands of comments that quote each other stays linear in practice)."""

    def __init__(self) -> None:
        self.comments: list[Comment] = []
        self.buffer = bytearray()
        self.ends: list[int] = []  # where each comment's squashed text ends in ``buffer``

    def add(self, comment: Comment) -> None:
        self.comments.append(comment)
        self.buffer += b"\x00" + _squash(comment.text).encode("utf-8")  # no squashed text holds a NUL
        self.ends.append(len(self.buffer))

    def latest_holding(self, snippet: str, author: str | None) -> Comment | None:
        """The latest comment not by ``author`` whose squashed text holds the squashed ``snippet``."""
        needle, end = snippet.encode("utf-8"), len(self.buffer)
        while (at := self.buffer.rfind(needle, 0, end)) >= 0:
            other = self.comments[bisect_right(self.ends, at)]
            if other.author != author and other.text.strip():
                return other
            end = at + len(needle) - 1  # look for an earlier occurrence
        return None

    def quote_source(self, text: str, author: str | None) -> tuple[Comment, int, int] | None:
        """The comment (not by ``author``) that ``text`` quotes, with the quotation's local offsets."""
        for match in _QUOTED_RE.finditer(text):
            snippet = _squash(match.group(1))
            if len(snippet) >= MIN_QUOTE_CHARS and (other := self.latest_holding(snippet, author)) is not None:
                return other, match.start(), match.end()
        return None


class ThreadIndex:
    """What earlier comments offer to link to, built up in page order so each look-up stays cheap.

    Author names go in a dictionary (latest comment per name), word runs of the recent comments in sets, and
    each comment's squashed text in a :class:`QuoteIndex`: a page of thousands of comments links without
    comparing every pair.
    """

    def __init__(self) -> None:
        self.earlier: list[Comment] = []
        self.quotes = QuoteIndex()
        self.latest_by_name: dict[str, Comment] = {}
        self.grams: list[frozenset[tuple[str, ...]]] = []
        self.phrase_names: set[str] = set()  # names of several words ("new game"), found by substring
        self.squashed_names: set[str] = set()  # "tonym" for "Tony M": Q&A sites mention "@TonyM"; only with "@"

    def add(self, comment: Comment) -> None:
        self.earlier.append(comment)
        self.quotes.add(comment)
        self.grams.append(_word_runs(comment.text))
        if comment.author:
            name = comment.author.lower()
            self.latest_by_name[name] = comment
            self.squashed_names.discard(name)  # a commenter really named "annak" is a name, not a squashed one
            if not _NAME_WORDS_RE.fullmatch(name):
                self.phrase_names.add(name)
                squashed = name.replace(" ", "")
                if squashed in self.squashed_names or squashed not in self.latest_by_name:
                    self.latest_by_name[squashed] = comment  # the latest comment, as for the spaced name
                    self.squashed_names.add(squashed)

    def addressed(self, text: str, author: str | None) -> ReplyLink | None:
        folded = lexicon.fold(text)
        own = (author or "").lower()
        best: tuple[int, Comment, int, int] | None = None
        words = set(_NAME_WORDS_RE.findall(folded))
        candidates = [n for n in words if n in self.latest_by_name]
        candidates += [n for n in self.phrase_names if n in folded]
        for name in candidates:
            other = self.latest_by_name[name]
            if name in (own, own.replace(" ", "")):
                continue
            at = folded.find("@" + name)
            end = at + len(name) + 1
            if at < 0 and name in self.squashed_names:
                continue
            if at < 0 and len(name) >= MIN_NAME_CHARS and name in folded:
                bare = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", folded)
                at, end = (bare.start(), bare.end()) if bare else (-1, -1)
                if at >= 0 and _part_of_a_longer_name(text, at, end):
                    continue
            if at >= 0 and (best is None or at < best[0]):
                best = (at, other, at, end)
        if best is None:
            return None
        return ReplyLink(best[1].id, "addresses_author", REASON_CONFIDENCE["addresses_author"], best[2], best[3])

    def echo(self, text: str, author: str | None) -> ReplyLink | None:
        grams = _word_runs(text)
        if not grams:
            return None
        start = max(0, len(self.earlier) - ECHO_WINDOW)
        for other, other_grams in zip(reversed(self.earlier[start:]), reversed(self.grams[start:])):
            if other.author != author and grams & other_grams:
                return ReplyLink(other.id, "echoes", REASON_CONFIDENCE["echoes"])
        return None

    def previous(self) -> Comment | None:
        return next((c for c in reversed(self.earlier) if c.text.strip()), None)


@lru_cache(maxsize=4)  # a comment's runs are asked for twice in a row: to link it, then to index it
def _word_runs(text: str) -> frozenset[tuple[str, ...]]:
    """The runs of ``ECHO_WORDS`` words of ``text`` that hold at least two words other than stop words."""
    words = _WORDS_RE.findall(lexicon.fold(text))
    stop = _echo_stopwords()
    content = list(accumulate((w not in stop for w in words), initial=0))  # content words before each word
    return frozenset(
        tuple(words[i : i + ECHO_WORDS])
        for i in range(len(words) - ECHO_WORDS + 1)
        if content[i + ECHO_WORDS] - content[i] >= 2
    )


def infer_reply(comment: Comment, index: ThreadIndex) -> ReplyLink | None:
    """Why ``comment`` answers one of the comments already in ``index`` (those above it), or None."""
    previous = index.previous()
    if previous is None or not comment.text.strip():
        return None
    quoted = index.quotes.quote_source(comment.text, comment.author)
    if quoted:
        return ReplyLink(quoted[0].id, "quotes", REASON_CONFIDENCE["quotes"], quoted[1], quoted[2])
    link = index.addressed(comment.text, comment.author) or index.echo(comment.text, comment.author)
    if link:
        return link
    opener = _openers().match(lexicon.fold(comment.text).lstrip())
    if opener and previous.author != comment.author:
        offset = len(comment.text) - len(comment.text.lstrip())
        return ReplyLink(
            previous.id,
            "answers_previous",
            REASON_CONFIDENCE["answers_previous"],
            offset + opener.start(),
            offset + opener.end(),
        )
    return None


def _posted_after(target: Comment, comment: Comment) -> bool:
    """Whether ``target`` was posted after ``comment`` (False when either date is unknown or unreadable)."""
    if not (target.posted_at and comment.posted_at):
        return False
    try:
        first, second = datetime.fromisoformat(target.posted_at), datetime.fromisoformat(comment.posted_at)
        if (first.tzinfo is None) != (second.tzinfo is None):
            first, second = first.replace(tzinfo=None), second.replace(tzinfo=None)
        return first > second
    except (ValueError, TypeError):
        return False


def link_replies(comments: Sequence[Comment], *, nested_markup: bool = False) -> list[tuple[Comment, ReplyLink]]:
    """Fill ``reply_to`` (with reason and confidence) where the page gave none; return the new links.

    ``nested_markup``: the page's markup nests replies itself, so only :data:`STRONG_REASONS` link a comment
    it left at the top level."""
    links = []
    index = ThreadIndex()
    by_id = {c.id: c for c in comments}
    for comment in comments:
        if comment.reply_to is None:
            link = infer_reply(comment, index)
            if link is not None and (
                (nested_markup and link.reason not in STRONG_REASONS) or _posted_after(by_id[link.target], comment)
            ):
                link = None
            if link is not None:
                target = by_id[link.target]
                comment.reply_to, comment.reply_to_author = target.id, target.author
                comment.reply_reason, comment.reply_confidence = link.reason, link.confidence
                links.append((comment, link))
        index.add(comment)
    return links


def thread_tree(comments: Sequence[Comment]) -> list[dict[str, Any]]:
    """Nested threads: one node per comment, ``replies`` holding its answers, roots in page order.

    A reply whose target is unknown (or would make a cycle) becomes a root, so no comment is lost.
    """
    nodes = {
        c.id: {
            "id": c.id,
            "author": c.author,
            "reply_reason": c.reply_reason,
            "reply_confidence": c.reply_confidence,
            "flags": list(c.flags),
            "replies": [],
        }
        for c in comments
    }
    roots = []
    parent_of: dict[str, str | None] = {}  # links accepted so far: a link that would close a cycle is refused
    shown_depth: dict[str, int] = {}
    held_by: dict[str, dict] = {}
    for c in comments:
        parent = nodes.get(c.reply_to) if c.reply_to and c.reply_to != c.id else None
        if parent is not None and not _is_ancestor(c.id, c.reply_to, parent_of):
            parent_of[c.id] = reply_to = c.reply_to
            assert reply_to is not None  # the parent was found by it
            # nested at most MAX_REPLY_DEPTH deep: past it a reply sits beside its parent, under the same node
            # (a 1,000-reply argument nested 1,000 deep is past any JSON encoder or reader)
            depth = shown_depth.get(reply_to, 0)
            holder = parent if depth < settings.MAX_REPLY_DEPTH else held_by[reply_to]
            shown_depth[c.id], held_by[c.id] = min(depth + 1, settings.MAX_REPLY_DEPTH), holder
            holder["replies"].append(nodes[c.id])
        else:
            roots.append(nodes[c.id])
    return roots


def _is_ancestor(candidate: str, start: str | None, parent_of: dict[str, str | None]) -> bool:
    seen, node = set(), start
    while node is not None and node not in seen:
        if node == candidate:
            return True
        seen.add(node)
        node = parent_of.get(node)
    return False


def commenter_summary(comments: Sequence[Comment]) -> list[dict[str, Any]]:
    """Per commenter: number of comments, flag counts, replies received; most active first."""
    by_id = {c.id: c for c in comments}
    summary: dict[str, dict[str, Any]] = {}
    for c in comments:
        entry = summary.setdefault(
            c.author or "(anonymous)",
            {
                "author": c.author,
                "comments": 0,
                "comment_ids": [],
                "flags": Counter(),
                "replies_received": 0,
                "verified": c.verified,
            },
        )
        entry["comments"] += 1
        entry["comment_ids"].append(c.id)
        entry["flags"].update(c.flags)
    for c in comments:
        target = by_id.get(c.reply_to) if c.reply_to else None
        if target is not None and target.author != c.author:
            summary[target.author or "(anonymous)"]["replies_received"] += 1
    rows = [dict(v, flags=dict(v["flags"])) for v in summary.values()]
    return sorted(rows, key=lambda r: (-r["comments"], -r["replies_received"], r["author"] or ""))
