"""Quotation marks in plain text: where each top-level quotation starts and ends."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .settings import (
    CLOSING_MARKS,
    MAX_CARRIED_PARAGRAPHS,
    MIN_ORPHAN_QUOTE_WORDS,
    MIN_PARAGRAPH_LINE_CHARS,
    NAMING_WORDS,
    OPENING_MARKS,
    PARAGRAPH_REOPENS,
    QUOTE_MARKS,
    SENTENCE_LINE_END,
    SHORT_ANSWERS,
    TITLE_BEFORE,
    TITLE_MAX_WORDS,
    TITLE_SMALL_WORDS,
    TITLE_TOLD,
)


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    closed: bool


def quote_spans(text: str) -> list[Quote]:
    """Top-level quotations in ``text``, marks included; quotes inside quotes stay inside their quote.

    Straight marks toggle, typographic marks open and close. A quote left open runs to the end of the text
    (a quotation that continues in the next paragraph leaves its closing mark out), or of its paragraph where
    the text's paragraphs are lines (:func:`unclosed_end`); a stray closing mark is ignored.
    """
    spans: list[Quote] = []
    open_at: int | None = None
    depth = 0
    for match in QUOTE_MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if open_at is not None:
            reopened = PARAGRAPH_REOPENS.search(text, open_at, at + 1)
            if reopened is not None:
                # a quotation continued in the next paragraph: that paragraph opens with a new mark, so this
                # quote ends where its paragraph does (left open: the speaker carries on)
                spans.append(Quote(open_at, len(text[: reopened.start()].rstrip()), False))
                open_at, depth = None, 0
        mark = '"' if mark == "''" else mark
        opening = mark in OPENING_MARKS or (mark == '"' and open_at is None)
        if mark == "”" and open_at is None and (at == 0 or text[at - 1].isspace()) and text[at + 1 : at + 2].isalnum():
            opening = True  # a closing mark typed where an opening one belongs
        if mark == '"' and open_at is not None and depth and text[at - 1 : at].isspace():
            opening = True  # a straight mark after a space inside a quote opens a nested quote
        if (
            mark == "“"
            and open_at is not None
            and not depth
            and at > open_at + 1
            and not text[at - 1].isspace()
            and (at + 1 >= len(text) or text[at + 1].isspace() or text[at + 1] in ".,;:!?")
        ):
            opening = False  # '“Not now,“ he said': an opening mark typed where the closing one belongs
        if opening:
            if open_at is None:
                open_at = at
            else:
                depth += 1
        elif open_at is not None:
            if depth:
                depth -= 1
            else:
                spans.append(Quote(open_at, match.end(), True))
                open_at = None
    if open_at is not None:
        spans.append(Quote(open_at, unclosed_end(text, open_at), False))
    return spans


def unclosed_end(text: str, open_at: int) -> int:
    """Where a quotation never closed in ``text`` ends: at the end of the paragraph it opens in, when the text's
    paragraphs are lines (a page whose lost closing mark would otherwise run the quote over every line after
    it, a list of links included); at the end of the text otherwise (a hard-wrapped paragraph, or a quotation
    that goes on in the next paragraph, whose closing mark is left out)."""
    ended = SENTENCE_LINE_END.search(text, open_at)
    if ended is not None:
        line_start = text.rfind("\n", 0, ended.start()) + 1
        if ended.start() - line_start >= MIN_PARAGRAPH_LINE_CHARS:
            return ended.start() + 1
    return len(text.rstrip())


def quotations_by_block(texts: list[str], read: list[list[Quote]] | None = None) -> list[list[Quote]]:
    """The quotations of consecutive paragraphs, with a quotation carried over paragraph breaks counted as closed:
    one left open at a paragraph's end that a following paragraph goes on with, either by opening a new mark (the
    usual way to quote several paragraphs) or by closing it before opening any ('“... the plan.' then 'But it
    failed.”'), with at most ``MAX_CARRIED_PARAGRAPHS`` paragraphs without any mark between (they are inside it
    too, and so are the closing paragraph's words up to its mark). A quotation left open with nothing to carry it
    stays open (a stray mark, perhaps). ``read``: each text's :func:`quote_spans`, when the caller has them (they are
    copied, not changed)."""
    spans = [list(quotes) for quotes in read] if read is not None else [quote_spans(text) for text in texts]
    for i, text in enumerate(texts):
        last = spans[i][-1] if spans[i] else None
        if last is None or last.closed or last.end < len(text.rstrip()):
            continue
        for j in range(i + 1, min(len(texts), i + 2 + MAX_CARRIED_PARAGRAPHS)):
            mark = QUOTE_MARKS.search(texts[j])
            if mark is None:
                continue  # a paragraph of the quotation with no mark of its own
            if mark.group() in CLOSING_MARKS and not texts[j][mark.end() : mark.end() + 1].isalnum():
                spans[j] = [Quote(0, mark.end(), True)] + [q for q in spans[j] if q.start >= mark.end()]
            elif not (mark.group() in OPENING_MARKS and not texts[j][: mark.start()].strip()):
                break  # the paragraph opens with its own words: the quotation did not go on
            spans[i][-1] = Quote(last.start, last.end, True)
            for k in range(i + 1, j):
                spans[k] = [Quote(0, len(texts[k].rstrip()), True)]
            break
    return spans


def after_naming_word(text: str, quote: Quote) -> bool:
    """'a video titled "The Pier at Night Is Not What You Think"': a quotation right after a word that names a work
    is that work's title, however long; no one's words."""
    before = text[max(0, quote.start - 20) : quote.start].split()
    return bool(before) and before[-1].lower().strip(",:") in NAMING_WORDS


def someones_words(text: str, quote: Quote) -> bool:
    """Whether ``quote`` is long enough to be words someone said or wrote (not a scare quote) and is no name of a
    work: what may continue a speaker, and what keeps a sentence from the publisher's own voice."""
    return len(text[quote.start : quote.end].split()) >= MIN_ORPHAN_QUOTE_WORDS and not after_naming_word(text, quote)


def quoted_title(text: str, quote: Quote) -> bool:
    """Whether ``quote`` is the title of a show, book or article in quotation marks ('said on "Face the Nation"'):
    a few capitalised words (small words aside) right after a preposition or a noun of a work. A title names a
    work; it is not words anyone said, so no cue claims it as a quotation."""
    words = re.findall(r"[^\W_][\w'’.-]*", text[quote.start : quote.end])
    if not words or len(words) > TITLE_MAX_WORDS or not words[0][0].isupper():
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words):
        return False
    before = re.search(r"([A-Za-z]+)[\s\u00a0]*$", text[max(0, quote.start - 20) : quote.start])
    if before is not None and before.group(1).lower() in TITLE_BEFORE:
        return True
    if before is not None and before.group(1).lower() in TITLE_TOLD:
        return len(words) > 1 or words[0].lower().rstrip(".") not in SHORT_ANSWERS
    # 'on Fox News's "Fox and Friends"', "NBC's 'Meet the Press'": a name's own work
    return re.search(r"[A-Z][\w.]*['’]s[\s\u00a0]*$", text[max(0, quote.start - 30) : quote.start]) is not None
