"""The shared state of one doc's extraction and the span helpers every rule uses."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ...dateline import dateline_end
from ..lexicon import Lexicon
from .boundaries import after_connective, after_speech_time, bounded, trailing_occasion
from .marks import Quote, quote_spans, quoted_title
from .settings import (
    CAUGHT_VERBS,
    CLEAR_ADJECTIVES,
    CLOSE_TEXT,
    IRREGULAR_PAST,
    IRREGULAR_PAST_LEMMAS,
    MAKE_VERBS,
    OPEN_TEXT,
    REACTION_VERBS,
    SINGLE_CLOSE,
    SINGLE_OPEN,
)


@dataclass(slots=True)
class Found:
    """One attribution in a doc, in doc character offsets. ``source_root`` is the token heading the source."""

    content: tuple[int, int]
    kind: str
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    source_root: int | None = None
    recipient: str | None = None
    inner_of: int | None = None  # index (in the returned list) of the attribution that relays this one
    confidence: float = 1.0
    #: A reply to words already on the page ("..., a charge the group denied"): its content is someone
    #: else's statement, which it answers but does not relay, so it never becomes that statement's parent.
    replies: bool = False
    #: Found from a cue phrase ("according to X"): it relays all the clause it hangs on.
    phrase: bool = False
    #: The rule that found it (a key of :data:`~.confidence.CONFIDENCE`), for audits and per-rule figures.
    rule: str = ""


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two ``[start, end)`` character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` carries the infinitive marker "to" ("declined to comment", "asked her to leave"): an
    ``aux`` child the tagger read as TO. The rules ask it to tell an infinitive clause from a tensed one."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def perfect_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is the participle of a perfect infinitive ("to have told"): the act is reported as done."""
    return (
        verb.tag_ == "VBN"
        and to_infinitive(verb)
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    )


def clear_of(verb: Token) -> Token | None:
    """The "clear" of "made (it) clear" when ``verb`` is that "made" (``VerbCueRules.made_clear``), else None."""
    if verb.lemma_.lower() not in MAKE_VERBS:
        return None
    return next(
        (c for c in verb.rights if c.lemma_.lower() in CLEAR_ADJECTIVES and c.dep_ in ("ccomp", "oprd", "acomp")),
        None,
    )


def recorded_saying(participle: Token) -> bool:
    """Whether ``participle`` hangs on a verb of being seen, heard or recorded, as its adverbial or its complement
    ("was caught on tape saying ...", "is shown saying ...", "was overheard telling aides ..."): what the one
    recorded says (``SpeakerRules.caught_speaking``, ``CueDiscipline.records_a_speaker``)."""
    head = participle.head
    return (
        participle.dep_ in ("advcl", "xcomp")
        and participle.tag_ == "VBG"
        and head.i != participle.i
        and head.lemma_.lower() in CAUGHT_VERBS
    )


def circumstance_of_speech(verb: Token) -> bool:
    """Whether ``verb`` is an audience's reaction (:data:`REACTION_VERBS`) in an "as" or "while" clause after a cue
    verb with a speaker ('"We will win," she said, as the crowd applauded'): what went on while someone spoke, not an
    aside on their words ("as others have said" still relays them), and with no words of its own ("while his
    supporters booed the result" keeps its object)."""
    head = verb.head
    return (
        verb.lemma_.lower() in REACTION_VERBS
        and verb.dep_ == "advcl"
        and head.i < verb.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in verb.children)
    )


def set_off(verb: Token, child: Token) -> bool:
    """Whether a comma stands between ``verb`` and its dependent ``child`` after it: "..., he said, on condition of
    anonymity to speak freely" hangs an infinitive on "said" that is no complement of it."""
    return any(t.text == "," for t in verb.doc[verb.i + 1 : child.left_edge.i])


class ExtractorBase:
    """One doc's extraction state (its text, quotations, what was found so far) and the span helpers."""

    def __init__(self, doc: Doc, lexicon: Lexicon, matcher: Matcher, page_names: frozenset[str] = frozenset()):
        self.doc = doc
        self.page_names = page_names  # words the rest of the page uses as names (SpeakerRules.names)
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.lexicon = lexicon
        self.matcher = matcher
        quotes = quote_spans(self.text)
        # a quoted title ('on "Face the Nation"') is no quotation a cue claims; a content that touches it still
        # takes it whole (:meth:`~.quote_marks.QuoteMarkRules.with_quotes`)
        self.titles = [q for q in quotes if quoted_title(self.text, q)]
        self.quotes = [q for q in quotes if q not in self.titles] if self.titles else quotes
        # quotes come in text order and do not overlap: the ones a span touches are one slice of the list
        self._quote_ends = [q.end for q in self.quotes]
        self._quotes_disjoint = all(a.end <= b.start for a, b in zip(self.quotes, self.quotes[1:]))
        self.found: list[Found] = []
        self.claimed_tokens: set[int] = set()
        self._participles: list[int] | None = None  # see ContentRules.participial_cues
        self.next_acts: dict[int, Token] = {}  # a next act's verb -> the cue it follows (ContentRules.before_next_act)
        self.last_rule = ""  # the content rule that answered the last content_of call
        self._names: frozenset[str] | None = None  # see SpeakerRules.names
        # first verbs that left their attribution to a chain, with the chain's second verb (VerbCueRules)
        self.chain_heads: list[tuple[Token, Token]] = []
        self.unchained: set[int] = set()  # first verbs read alone: their chain's second verb was not taken

    # --- helpers ------------------------------------------------------------------------------------

    def chars(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``first..last`` (inclusive), without surrounding punctuation; quotation marks
        at the edges stay (PolNeAR's convention, and the reader sees the words were quoted)."""
        doc = self.doc
        while first < last and (
            doc[first].is_space or doc[first].is_punct and doc[first].text not in OPEN_TEXT | {SINGLE_OPEN}
        ):
            first += 1
        while last > first and (
            doc[last].is_space
            or doc[last].is_punct
            and doc[last].text not in CLOSE_TEXT
            and not self.closes_single(first, last)
        ):
            last -= 1
        last = self.closing_mark(first, last)
        return doc[first].idx, doc[last].idx + len(doc[last])

    def closing_mark(self, first: int, last: int) -> int:
        """``last``, or the closing quotation mark just after it (only punctuation between) when the span opens a
        quotation it does not close: "calls the plan ‘a disaster.’" (or "'a disaster.'") ends at the mark, not
        before the stop."""
        doc = self.doc
        for opening, closing in (("“", "”"), (SINGLE_OPEN, SINGLE_CLOSE)):
            span = doc[first : last + 1]
            if sum(t.text == opening for t in span) <= sum(t.text == closing for t in span):
                continue
            for token in doc[last + 1 : last + 3]:
                if token.text == closing:
                    return token.i
                if not token.is_punct or token.whitespace_:
                    break
        for token in doc[last + 1 : last + 3]:  # a straight one: "was an 'intentional act.'"
            if token.text == "'" and self.closes_single(first, token.i):
                return token.i
            if not token.is_punct or token.whitespace_:
                break
        return last

    def closes_single(self, first: int, last: int) -> bool:
        """Whether token ``last`` is a closing single quotation mark whose opening mark is in ``first..last``:
        "‘Not Fit To Serve.’" keeps its mark; "the Joneses’" (an apostrophe) does not."""
        doc = self.doc
        if doc[last].text == "'":
            # a straight mark (headlines: "was an 'intentional act.'"): an opening one stands after a space
            # and before a word, a closing one (or an apostrophe) right after a word
            opened = sum(1 for t in doc[first:last] if t.text == "'" and not t.whitespace_ and self.spaced(t.i))
            return opened > sum(1 for t in doc[first:last] if t.text == "'" and not self.spaced(t.i))
        if doc[last].text != SINGLE_CLOSE:
            return False
        opened = sum(1 for t in doc[first:last] if t.text == SINGLE_OPEN)
        return opened > sum(1 for t in doc[first:last] if t.text == SINGLE_CLOSE)

    def past_dateline(self, first: int, limit: int) -> int:
        """The first token after a dateline that opens the sentence at ``first``, or ``first`` when there is none
        before ``limit``: the place where the story was filed, never part of a source or a statement."""
        return dateline_end(self.doc, first, limit)

    def ends_sentence(self, i: int) -> bool:
        """Whether only punctuation (closing marks aside) follows token ``i`` in its sentence."""
        sent = self.doc[i].sent
        return all(t.is_punct and not t.is_quote or t.is_space for t in self.doc[i + 1 : sent.end])

    @staticmethod
    def opens_with_that(clause: Token) -> bool:
        """Whether a clause is marked by "that" or "whether": a statement or a question reported in it."""
        return any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in clause.children)

    def spaced(self, i: int) -> bool:
        """Whether token ``i`` opens the doc or follows white space."""
        return i == 0 or bool(self.doc[i - 1].whitespace_) or self.doc[i - 1].is_space

    def subtree_chars(self, token: Token) -> tuple[int, int]:
        return self.chars(token.left_edge.i, token.right_edge.i)

    def in_title(self, char: int) -> bool:
        """Whether ``char`` lies in a quoted title ('on "Face the Nation"', :func:`~.marks.quoted_title`)."""
        return any(t.start <= char < t.end for t in self.titles)

    def quotes_touching(self, start: int, end: int) -> list[Quote]:
        """The quotes with ``quote.start < end and start < quote.end``, in order: a bisect and a slice (a page of
        4,000 quotations asked this per cue was quadratic), or a scan if the quotes ever overlap."""
        if not self._quotes_disjoint:
            return [q for q in self.quotes if q.start < end and start < q.end]
        found = []
        for index in range(bisect_right(self._quote_ends, start), len(self.quotes)):
            quote = self.quotes[index]
            if quote.start >= end:
                break
            found.append(quote)
        return found

    def last_closed_quote(self, start: int, end: int) -> Quote | None:
        """The last closed quotation wholly inside ``start``..``end``, or None."""
        inside = (
            q for q in reversed(self.quotes_touching(start, end)) if q.closed and start <= q.start and q.end <= end
        )
        return next(inside, None)

    # --- rules ----------------------------------------------------------------------------------------

    def admits(self, found: Found) -> bool:
        """Whether ``found`` may be added (the speaker rules refuse a source that cannot speak)."""
        return True

    def claims_own_quote(self, found: Found) -> bool:
        """Whether ``found``'s cue stands inside a quotation its content was grown to hold whole: words of the
        quoted speaker ('"I recommend that every member read the report," she said': "recommend", "read"),
        which cannot relay the quotation they are part of."""
        if found.cue is None:
            return False
        cue, content = found.cue, found.content
        return any(
            q.start < cue[0] < q.end and content[0] <= q.start and q.end <= content[1]
            for q in self.quotes_touching(cue[0], cue[1])
        )

    def add(self, found: Found, accept: Callable[[Found], bool] | None = None) -> int | None:
        """Add ``found``; its index in :attr:`found`, or None when :meth:`admits` refuses it or ``accept`` (a
        caller's own test, asked about ``found`` as it would be stored: its content bounded) does not take it."""
        if not self.admits(found) or self.claims_own_quote(found):
            return None
        if found.kind in ("indirect", "mixed") and found.cue is not None:
            found.content = after_connective(self.doc, found.content)
        if found.kind == "indirect" and found.cue is not None:
            found.content = after_speech_time(self.doc, found.content, found.cue)
            found.content = bounded(
                self.doc, self.text, self.within_line(found.content, found.cue), self.lexicon.statement_lemmas
            )
        elif found.kind == "mixed" and found.cue is not None:
            # 'blasted X as a "disgrace" Wednesday on a radio show': a content with a quotation in it ends before
            # the act's occasion too; the other boundary rules are left to indirect contents (tried on mixed ones,
            # they expose cues PolNeAR does not mark)
            found.content = bounded(
                self.doc, self.text, found.content, self.lexicon.statement_lemmas, (trailing_occasion,)
            )
        if accept is not None and not accept(found):
            return None
        self.found.append(found)
        return len(self.found) - 1

    def speech_past(self, token: Token) -> bool:
        """Whether a capitalised word the tagger read as part of a name is the past of a verb of saying that
        opens an inverted lead-in ("Added Roe:", "Said Roe:"): a regular past of a listed speech or report verb
        ("added" from "add", "replied" from "reply", "quipped" from "quip"), or a listed irregular one."""
        word = token.lower_
        if word in IRREGULAR_PAST:
            return True
        if not word.endswith("ed"):
            return False
        stems = {word[:-1], word[:-2], word[:-3] + "y", word[:-3] if word[-3:-2] == word[-4:-3] else ""}
        return any(
            stem and stem not in IRREGULAR_PAST_LEMMAS and self.lexicon.cue_group(stem) in ("speech", "report")
            for stem in stems
        )
