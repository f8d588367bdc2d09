"""Corrections and disputes: a comment that contradicts another comment or the article, linked to it.

A comment corrects when it carries a correction cue (``data/comments/corrections.yaml``: "WRONG!", "not
true", "It's the ... that decides") or opens with a denial ("No, ...", "Um no."). What it corrects is, in
order: the comment whose words it quotes, the comment it replies to (explicit or inferred), the article when
it quotes the article or names it, else nothing (the flag stays, ``corrects`` stays empty).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Block, Comment
from . import lexicon
from .threads import _QUOTED_RE, QuoteIndex, _squash

# --- settings ------------------------------------------------------------------------------------------
#: Id given to ``Comment.corrects`` when the comment corrects the article rather than a comment.
ARTICLE = "article"
#: A quoted snippet of at least this many characters found in an article block links to that block.
MIN_ARTICLE_QUOTE_CHARS = 20
# ---------------------------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Correction:
    target: str | None  # comment id, block id, ARTICLE, or None when unknown
    cue: tuple[int, int]  # local offsets of the cue
    quote: tuple[int, int] | None = None  # local offsets of the quoted words it corrects


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    data = lexicon.load("corrections")
    return {
        key: re.compile(lexicon.alternation(items), re.MULTILINE if key != "weak" else 0) for key, items in data.items()
    }


def find_correction(comment: Comment, earlier: QuoteIndex, blocks: Sequence[Block] = ()) -> Correction | None:
    """The correction ``comment`` makes, if it makes one, linked to what it corrects: an earlier comment (one
    it quotes, from ``earlier``, else the one it replies to), an article block it quotes, or the article."""
    folded = lexicon.fold(comment.text)
    cues = _cues()
    cue = cues["strong"].search(folded) or cues["weak"].search(folded.lstrip())
    if cue is None:
        return None
    cue_span = (cue.start(), cue.end())
    if cue.re is cues["weak"]:
        shift = len(folded) - len(folded.lstrip())
        cue_span = (cue.start() + shift, cue.end() + shift)
    quoted = earlier.quote_source(comment.text, comment.author)
    if quoted:
        return Correction(quoted[0].id, cue_span, (quoted[1], quoted[2]))
    if cue.re is cues["weak"] and comment.reply_to is None:
        return None
    if comment.reply_to is not None:
        return Correction(comment.reply_to, cue_span)
    block = _quoted_block(comment.text, blocks)
    if block is not None:
        return Correction(block[0], cue_span, block[1])
    if cues["article"].search(folded):
        return Correction(ARTICLE, cue_span)
    return Correction(None, cue_span)


def _quoted_block(text: str, blocks: Sequence[Block]) -> tuple[str, tuple[int, int]] | None:
    for match in _QUOTED_RE.finditer(text):
        snippet = _squash(match.group(1))
        if len(snippet) >= MIN_ARTICLE_QUOTE_CHARS:
            for block in blocks:
                if snippet in _squash(block.text):
                    return block.id, (match.start(), match.end())
    return None
