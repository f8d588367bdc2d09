"""Quote-mark rules: where quotations are, a quote as a cue's content, orphan quotations."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from spacy.tokens import Token

from .base import ExtractorBase, Found, to_infinitive
from .confidence import rated
from .marks import Quote, someones_words
from .settings import (
    COMPLEMENT_DEPS,
    DIALOGUE_BREAKS,
    DIALOGUE_ENDS,
    DIRECT_SHARE,
    MAX_DIALOGUE_SPEAKER_WORDS,
    MIN_CLAIMED_QUOTE_WORDS,
    NEIGHBOUR_QUOTE_GAP,
    QUOTE_MARKS,
    REASON_SUBORDINATORS,
    SENTENCE_ENDS,
)


class QuoteMarkRules(ExtractorBase):
    """Quotations as contents: the quote around a span, a quote beside a cue, quotes no cue claims."""

    def quote_at(self, start: int, end: int) -> Quote | None:
        return next(iter(self.quotes_touching(start, end)), None)

    def inside_quote(self, char: int) -> Quote | None:
        for quote in self.quotes_touching(char, char + 1):
            if quote.closed and quote.start < char < quote.end:
                return quote
        return None

    def inside_found_content(self, char: int) -> bool:
        """Whether ``char`` lies in what an attribution found so far says (next-block contents left out): words
        inside someone else's statement are part of it, not a new attribution."""
        return any(s <= char < e for s, e in (f.content for f in self.found if f.kind != "next_block"))

    def inside_found_cue(self, char: int) -> bool:
        """Whether ``char`` is part of the cue of an attribution already found."""
        return any(f.cue is not None and f.cue[0] <= char < f.cue[1] for f in self.found)

    def with_quotes(self, content: tuple[int, int]) -> tuple[tuple[int, int], str]:
        """Grow ``content`` to the quotations it touches and say whether it is direct, mixed or indirect."""
        start, end = self.before_opening_mark(content)
        quoted = 0
        touched = self.quotes_touching(start, end) + [t for t in self.titles if t.start < end and start < t.end]
        for quote in touched:  # a quote (or quoted title) the content touches is part of it
            start, end = min(start, quote.start), max(end, quote.end)
        for quote in self.quotes_touching(start, end):
            if start <= quote.start and quote.end <= end:
                quoted += quote.end - quote.start
        share = quoted / max(1, end - start)
        kind = "direct" if share >= DIRECT_SHARE else "mixed" if quoted else "indirect"
        return (start, end), kind

    def before_opening_mark(self, content: tuple[int, int]) -> tuple[int, int]:
        """ "X, Okoro said, had too many berths. ''A bad winter emptied it,'' she said.": where one mark both opens
        and closes quotations, the parser may end a sentence after the next quotation's opening mark. A content
        that ends a sentence and then holds no more of a quotation than its opening mark ends before the mark; it
        does not take the quotation in (but 'asked the staff "Who ..."' does)."""
        start, end = content
        for quote in self.quotes_touching(end - 1, end):
            mark = QUOTE_MARKS.match(self.text, quote.start)
            before = self.text[start : quote.start].rstrip()
            if mark is not None and end <= mark.end() and quote.end > end and before.endswith(SENTENCE_ENDS):
                return start, start + len(before)
        return content

    def neighbour_quote(self, verb: Token) -> Quote | None:
        """A quotation in the cue's sentence or right around it that the cue can claim."""
        sent = verb.sent
        s_start, s_end = sent.start_char, sent.end_char
        candidates = self.quotes_touching(s_start - NEIGHBOUR_QUOTE_GAP, s_end + NEIGHBOUR_QUOTE_GAP)
        candidates = [
            q
            for q in candidates
            if not (q.start <= verb.idx < q.end)
            and (len(self.text[q.start : q.end].split()) >= MIN_CLAIMED_QUOTE_WORDS or self.dialogue_line(verb, q))
            and not self.said_by_later_cue(verb, q)
            and not self.beyond_belief(verb, q)
            and not self.outside_host(verb, q)
        ]
        if not candidates:
            return None
        chosen = self.nearest_quote(verb, candidates)
        if chosen is None:
            return None
        gap = self.gap(chosen, (verb.idx, verb.idx + len(verb)))
        if any(
            f.content == (chosen.start, chosen.end) and f.cue and f.source and self.gap(chosen, f.cue) <= gap
            for f in self.found
        ):
            return None  # a nearer cue with a speaker has it ('"X," Lund wrote, hours after the result was announced')
        return chosen

    @staticmethod
    def gap(quote: Quote, cue: tuple[int, int]) -> int:
        """Characters between a quotation and a cue."""
        return max(cue[0] - quote.end, quote.start - cue[1], 0)

    def nearest_quote(self, verb: Token, candidates: list[Quote]) -> Quote | None:
        """The candidate quotation a cue claims: the one after a colon right after it, else the nearest before it,
        else the first after it."""
        before = [q for q in candidates if q.end <= verb.idx and not self.reason_clause_after(verb, q)]
        after = [q for q in candidates if q.start > verb.idx]
        trailing = self.text[verb.idx + len(verb) : verb.idx + len(verb) + 40]
        if after and ":" in trailing.split('"')[0]:
            return after[0]
        if before:
            return before[-1]
        return after[0] if after else None

    @staticmethod
    def reason_clause_after(verb: Token, quote: Quote) -> bool:
        """'called the report "a rush to judgment," because the council can still vote': a verb in a clause of
        reason, condition or concession after the quotation gives the writer's why, not the quotation's speaker."""
        return any(c.dep_ == "mark" and c.lower_ in REASON_SUBORDINATORS and quote.end <= c.idx for c in verb.children)

    def dialogue_line(self, verb: Token, quote: Quote) -> bool:
        """'"Nope," the skipper replied.', '"Later?" asked the clerk.': a quotation however short, closed by a comma, a question
        or an exclamation mark inside its marks, with nothing but the speaker between it and the cue, is a line
        of dialogue (a scare quote or a title is not set off that way)."""
        inner = self.text[quote.start : quote.end].rstrip()[:-1].rstrip()
        if quote.end > verb.idx or not inner or inner[-1] not in DIALOGUE_ENDS:
            return False
        between = self.text[quote.end : verb.idx]
        if any(ch in between for ch in DIALOGUE_BREAKS) or len(between.split()) > MAX_DIALOGUE_SPEAKER_WORDS:
            return False
        # only the speaker: not '... as "fake news," but did not dispute X', where the words between are the verb's
        return not any(t.dep_ in ("cc", "aux", "auxpass", "neg") and t.idx >= quote.end for t in verb.lefts)

    def outside_host(self, verb: Token, quote: Quote) -> bool:
        """'said her client would plead not guilty and accused prosecutors of "..."': a cue inside what someone
        else is reported to say does not reach out of those words for a quotation that a cue on another branch of
        the sentence governs ("accused"); the host's speaker said it."""
        hosts = [f.content for f in self.found if f.kind != "next_block" and f.content[0] <= verb.idx < f.content[1]]
        if not hosts or any(s <= quote.start and quote.end <= e for s, e in hosts):
            return False
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        above = {t.i for t in verb.ancestors}
        for ancestor in span.root.ancestors:
            if ancestor.i == verb.i:
                return False
            if (
                ancestor.i not in above
                and ancestor.pos_ == "VERB"
                and ancestor.lemma_.lower() in self.lexicon.all_cue_lemmas
            ):
                return True
        return False

    def beyond_belief(self, verb: Token, quote: Quote) -> bool:
        """'Brandt said he felt "cornered". "Which one is it?" Brandt asked.': a verb of feeling or belief holds
        what its own sentence says; a quotation in the next or the previous sentence is someone's words, not the
        feeling's (only speech reaches over to a quotation beside its sentence)."""
        sent = verb.sent
        outside = quote.end <= sent.start_char or quote.start >= sent.end_char
        return outside and self.lexicon.cue_group(verb.lemma_.lower()) == "belief"

    def said_by_later_cue(self, verb: Token, quote: Quote) -> bool:
        """'feel cheated by it, saying that "..."': a quotation after a verb of feeling or belief that a cue
        between them governs is that cue's content, not the feeling's words. (After a verb of speech the
        quotation may well be its words too: "interjected, calling it '...'".)"""
        if quote.start < verb.idx or self.lexicon.cue_group(verb.lemma_.lower()) != "belief":
            return False
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return False
        for ancestor in span[0].ancestors:
            if ancestor.i == verb.i:
                return False
            if verb.i < ancestor.i < span[0].i and ancestor.lemma_.lower() in self.lexicon.all_cue_lemmas:
                return True
        return False

    def opens_label(self, quote: Quote) -> bool:
        """Whether ``quote`` is a transcript paragraph that opens with its speaker's label ('"PENCE: Well, ...'):
        the label's own words run to the quotation's end, so the quotation is no one else's continuation."""
        return any(
            f.rule == "layout.speaker_label"
            and f.source is not None
            and not self.text[quote.start + 1 : f.source[0]].strip()
            and f.content[1] >= quote.end - 1
            for f in self.found
        )

    def governing_cue(self, quote: Quote) -> Token | None:
        """A cue verb whose complement the quotation is part of ("a statement that claimed the council 'has never
        ...'" where the parser hung "claimed" on a noun that cannot speak): the quotation has a cue, only not a
        speaker we could name, so it continues no one's words. None when nothing in the sentence governs it."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        child = span.root
        for head in child.ancestors:
            complement = child.dep_ in COMPLEMENT_DEPS or (
                child.dep_ == "advcl" and to_infinitive(child)
            )  # "called for the council to 'tell its members ...'": the parser makes the infinitive a modifier
            if complement and head.pos_ == "VERB" and head.lemma_.lower() in self.lexicon.all_cue_lemmas:
                return head
            child = head
        return None

    def orphans(self) -> None:
        """Quotations no cue claimed (and not inside claimed content): candidates for continuation; a transcript
        paragraph that opens with its speaker's label is that speaker's (:meth:`opens_label`)."""
        covered = sorted(f.content for f in self.found if f.kind != "next_block")
        starts = [s for s, _ in covered]
        reach = list(accumulate((e for _, e in covered), max))  # the furthest end of any content starting so far
        for quote in self.quotes:
            index = bisect_right(starts, quote.start)
            if index and reach[index - 1] >= quote.end:  # some content starting at or before it holds it
                continue
            if self.opens_label(quote):
                continue
            if not someones_words(self.text, quote) or self.governing_cue(quote) is not None:
                continue
            self.found.append(Found((quote.start, quote.end), "continuation", **rated("quote.orphan")))
