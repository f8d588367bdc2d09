"""Layout rules: speaker labels ("PENCE: ..."), "Name: \"...\"" lines and dash signatures."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...dateline import time_stamp_end
from .base import ExtractorBase, Found
from .confidence import rated
from .settings import (
    CLAUSE_BEFORE_COLON_DEPS,
    CLOSE_TEXT,
    COLON_NAME_REACH,
    DEFINED_TERM_REACH,
    EMBEDDED_CLAUSE_DEPS,
    INTERVIEW_TURNS,
    MAX_SPEAKER_TOKENS,
    MIN_CLAIMED_QUOTE_WORDS,
    NOUN_PHRASE_POS,
    OPEN_TEXT,
    SPEAKER_ENTITIES,
    TOPIC_MARKERS,
)


class LayoutRules(ExtractorBase):
    """Attributions given by the page's layout rather than its grammar: labels, colons, dash signatures."""

    def speaker_colon(self) -> None:
        """``Name: what they say`` at the start of a paragraph or line (headlines, transcripts, interviews)."""
        doc = self.doc
        starts = [0] + [t.i + 1 for t in doc if t.is_space and "\n" in t.text and t.i + 1 < len(doc)]
        for number, first in enumerate(starts):
            end = starts[number + 1] - 1 if number + 1 < len(starts) else len(doc)
            self.speaker_label(first, end)

    def speaker_label(self, first: int, end: int) -> None:
        """One line, tokens ``first`` to ``end`` (exclusive): a speaker label and what follows it."""
        doc = self.doc
        while first < end and (doc[first].is_space or doc[first].text in OPEN_TEXT or doc[first].text == "("):
            first += 1
        first = time_stamp_end(doc, first, end)  # "10:15 Power company: ...": a live report's entry
        limit = min(end, first + MAX_SPEAKER_TOKENS + 1)
        colon = next((t.i for t in doc[first:limit] if t.text == ":"), None)
        if colon is None or colon == first or colon + 1 >= end:
            return
        name = doc[first:colon]
        if any(t.i in self.claimed_tokens for t in name):
            return
        if not all(t.pos_ == "PROPN" or t.is_upper or t.is_title for t in name):
            return
        topic = next((t for t in name if t.lower_ in TOPIC_MARKERS and t.pos_ == "ADP"), None)
        if topic is not None and topic.i > name.start:
            speaker = doc[name.start : topic.i]
            if any(t.ent_type_ in SPEAKER_ENTITIES for t in speaker) and all(t.pos_ == "PROPN" for t in speaker):
                name = speaker  # "Korvel on the ferry strike: ...": a named speaker and the topic of the words
        if any(t.pos_ in ("VERB", "AUX") or t.pos_ == "ADP" and t.lower_ != "of" for t in name):
            return  # "Stealth Over Health:", "The Gap Goes On:": a Title-Case heading, not a name
        rest = [t for t in doc[colon + 1 : end] if not t.is_space]
        if name.text.lower() in INTERVIEW_TURNS:
            # "Q: ...", "A: Never.": a transcript's turns. The letter names no one. The questions are the
            # interviewer's, the publisher's own voice; the answers are the one interviewed, whose name is in
            # the page's prose if anywhere: someone's words, the speaker left unnamed
            if INTERVIEW_TURNS[name.text.lower()] == "answer" and rest:
                self.claimed_tokens.add(colon)
                content = self.chars(rest[0].i, end - 1)
                cue = (doc[colon].idx, doc[colon].idx + 1)
                self.add(Found(content, "direct", cue, None, None, **rated("layout.interview_answer")))
            return
        if name.text.lower() in self.lexicon.heading_labels or (
            all(t.is_upper for t in name if t.is_alpha) and any(t.is_stop for t in name)
        ):
            return  # "UPDATE:", "STAT OF THE WEEK:": a heading, not a speaker
        if name.root.ent_type_ in ("GPE", "LOC", "DATE", "TIME"):
            return  # "Iowa: Tim Albrecht, Brad Anderson, ...": a place heading a list, not a speaker
        if len(rest) < MIN_CLAIMED_QUOTE_WORDS:
            return
        if self.defined_term(name, rest):
            return  # "Managerial Grid: The managerial grid is a tool ...": a glossary's term and its definition
        content = self.chars(rest[0].i, end - 1)
        wrapped = self.text[name.start_char - 1 : name.start_char] in OPEN_TEXT
        if wrapped and self.text[content[1] - 1 : content[1]] in CLOSE_TEXT:
            content = (content[0], content[1] - 1)  # '"JONES: ... ."': the marks wrap the label, not the words
        cue = (doc[colon].idx, doc[colon].idx + 1)
        lead = self.lead_in_verb(list(name))
        if lead is not None and lead.i == name[0].i:  # 'Added Roe: ...': the verb is the cue, no part of the name
            cue = (lead.idx, lead.idx + len(lead))
            name = name[1:]
        self.claimed_tokens.add(colon)
        self.add(
            Found(
                content,
                "direct",
                cue,
                (name.start_char, name.end_char),
                name.root.i,
                **rated("layout.speaker_label"),
            )
        )

    @staticmethod
    def defined_term(label: Span, rest: list[Token]) -> bool:
        """Whether the words after a label open by naming the label itself ("Managerial Grid: The managerial grid
        is ..."): a term and its definition, as in a glossary or a list of models; a speaker's words do not start
        by naming the speaker."""
        words = {t.lower_ for t in label if t.is_alpha}
        opening = {t.lower_ for t in rest[:DEFINED_TERM_REACH] if t.is_alpha}
        return bool(words) and words <= opening

    def colon_quotes(self) -> None:
        """``... Jane Roe: "what she says"``: a quotation introduced by a colon after a name, anywhere in a line
        (roundups, live blogs: "More from Roe:", "Here is Roe in 1992:")."""
        doc = self.doc
        for quote in self.quotes:
            base = max(0, quote.start - 3)
            before = self.text[base : quote.start]
            if ":" not in before or any(s <= quote.start < e for s, e in (f.content for f in self.found)):
                continue
            at = base + before.index(":")
            colon = doc.char_span(at, at + 1, alignment_mode="expand")
            if colon is None or colon[0].i in self.claimed_tokens:
                continue
            colon = colon[0]
            names: list[Token] = []
            for token in reversed(doc[max(colon.sent.start, colon.i - COLON_NAME_REACH) : colon.i]):
                if token.pos_ == "PROPN":
                    names.insert(0, token)
                elif names or token.is_space or "\n" in token.text:
                    break
            if names and self.acts_before_colon(names, colon):
                names = []
            if names:
                names = self.speaker_before_topic(names)  # "Vell on Brandt: '...'": Vell speaks, of Brandt
            if not names:
                names = self.blunt_speaker(colon)
            if not names:
                opener = self.doc[colon.sent.start]
                if opener.i < colon.i and self.inverted_lead_in(opener):
                    names = self.common_speaker_after(opener)
            if not names or len(names) > MAX_SPEAKER_TOKENS or names[0].ent_type_ in ("DATE", "TIME", "GPE"):
                continue
            before = names[0].i - 1
            while before >= 0 and (self.doc[before].text in ("'s", "’s") or self.doc[before].pos_ in ("PROPN", "DET")):
                before -= 1
            if before >= 0 and self.doc[before].lower_ == "by":
                continue  # '"Title," by the Gazette's Ola Brekke: "..."': a linked story's byline and lead
            words = self.text[quote.start : quote.end]
            if len(words.split()) < MIN_CLAIMED_QUOTE_WORDS and not whole_sentence(words):
                continue  # a scare quote after a colon, not 'was blunt: "It's madness."'
            cue = (colon.idx, colon.idx + 1)
            lead = self.lead_in_verb(names)
            if lead is not None:  # 'Added Roe: "..."': the verb is the cue, and no part of the name
                cue = (lead.idx, lead.idx + len(lead))
                names = [t for t in names if t.i != lead.i]
            self.claimed_tokens.add(colon.i)
            self.add(
                Found(
                    (quote.start, quote.end),
                    "direct",
                    cue,
                    (names[0].idx, names[-1].idx + len(names[-1])),
                    names[-1].i,
                    **rated("layout.colon_quote"),
                )
            )

    def speaker_before_topic(self, names: list[Token]) -> list[Token]:
        """The speaker of "Vell on Brandt:", "Orrin Post President On Brandt:", "Vell to the workers:": the names
        before the preposition, when the names right before the colon follow one of ``TOPIC_MARKERS`` (they are the
        topic or the addressee, not the speaker); ``names`` unchanged otherwise, [] when nothing before it is a
        name."""
        marker = self.doc[names[0].i - 1] if names[0].i > 0 else None
        if marker is None or marker.lower_ not in TOPIC_MARKERS or marker.pos_ != "ADP":
            return names
        speaker: list[Token] = []
        for token in reversed(self.doc[max(marker.sent.start, marker.i - MAX_SPEAKER_TOKENS) : marker.i]):
            if token.pos_ != "PROPN" and not (token.is_title and not token.is_stop):
                break
            speaker.insert(0, token)
        return speaker

    def acts_before_colon(self, names: list[Token], colon: Token) -> bool:
        """'hoped that Lund wins the race: "That way ..."': a name that is the subject of a clause someone else's
        sentence holds (a verb between the name and the colon, not a verb of saying) is someone that clause is
        about; the quotation after the colon is not theirs ('Lund went even further: "..."' still is)."""
        inside = {t.i for t in names}
        head = next((t for t in names if t.head.i not in inside), names[-1])
        verb = head.head
        return (
            head.dep_ in ("nsubj", "nsubjpass")
            and names[-1].i < verb.i < colon.i
            and verb.dep_ in EMBEDDED_CLAUSE_DEPS
            and verb.head.i < colon.i  # (the parser may hang the clause before the colon on the quotation)
            and verb.lemma_.lower() not in self.lexicon.all_cue_lemmas
        )

    def blunt_speaker(self, colon: Token) -> list[Token]:
        """'The mayor was blunt: "..."', 'The chief put it simply: "..."': with no name before the colon, the
        subject of the clause the colon closes, when it can speak and the clause says only how they spoke (a
        copula with an adjective, or a verb of saying with nothing said of its own). The subject's noun phrase as
        tokens, or none."""
        if colon.i == colon.sent.start:
            return []
        head = self.doc[colon.i - 1]
        while head.head.i < colon.i and head.head.i != head.i and head.dep_ not in CLAUSE_BEFORE_COLON_DEPS:
            head = head.head  # up to the clause before the colon (the parser may hang the colon on the quotation)
        if head.pos_ not in ("VERB", "AUX"):
            return []
        manner = head.lemma_ == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children)
        said = self.lexicon.cue_group(head.lemma_.lower()) == "speech" and not any(
            t.dep_ == "ccomp" for t in self.doc[head.i + 1 : colon.i]
        )  # not 'and said she has the one quality it takes: "..."', where the quotation goes on what was said
        subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
        if subject is not None and subject.tag_ in ("WP", "WDT"):
            subject = self.antecedent(subject)  # "..., who responds: "...""
        if not (manner or said) or subject is None or self.speaker_kind(subject) != "person":
            return []
        return [t for t in self.doc[subject.left_edge.i : subject.i + 1] if not t.is_punct]  # not its "who" clause

    def lead_in_verb(self, names: list[Token]) -> Token | None:
        """The past tense of saying that opens an inverted lead-in before the speaker's name ("Added Roe:",
        "Said Roe:"): the name's first word when the tagger took it for part of the name, or the word before it
        when that opens the sentence."""
        if len(names) > 1 and self.speech_past(names[0]):
            return names[0]
        before = names[0].i - 1
        if before >= 0 and self.inverted_lead_in(self.doc[before]):
            return self.doc[before]
        return None

    def inverted_lead_in(self, verb: Token) -> bool:
        """'Added Roe: "..."': a past tense of saying that opens its sentence, then a name and a colon; the parser
        hangs the name elsewhere and the verb finds no speaker. Left to :meth:`colon_quotes`, which reads the name
        before the colon and takes the verb as the cue."""
        first = verb.sent.start
        while first < verb.i and (self.doc[first].is_space or self.doc[first].is_punct):
            first += 1
        if first != verb.i or not verb.is_title or not self.speech_past(verb):
            return False
        end = verb.i + 1
        while end < len(self.doc) and end - verb.i <= MAX_SPEAKER_TOKENS and self.doc[end].pos_ == "PROPN":
            end += 1
        if verb.i + 1 < end < len(self.doc) and self.doc[end].text == ":":
            return True
        return bool(self.common_speaker_after(verb))

    def common_speaker_after(self, verb: Token) -> list[Token]:
        """'Said one resident: "..."', 'Added a neighbour: "..."': the words between an inverted lead-in verb and
        its colon, when they are a short noun phrase whose head can speak."""
        end = verb.i + 1
        while end < len(self.doc) and end - verb.i <= MAX_SPEAKER_TOKENS and self.doc[end].text != ":":
            if self.doc[end].pos_ not in NOUN_PHRASE_POS:
                return []  # (not "Added to the list:")
            end += 1
        if end >= len(self.doc) or self.doc[end].text != ":" or end == verb.i + 1:
            return []
        head = self.doc[end - 1]
        if head.pos_ not in ("NOUN", "PROPN") or self.speaker_kind(head) is None:
            return []
        return list(self.doc[verb.i + 1 : end])

    def dash_bylines(self) -> None:
        """``"..." ― Name``: a quotation signed with a dash (reader voices, embedded posts)."""
        doc = self.doc
        for quote in self.quotes:
            after = self.text[quote.end : quote.end + 4]
            dash = re.match(r"\s*([―—–])\s*", after)
            if not dash:
                continue
            at = quote.end + dash.start(1)
            span = doc.char_span(at, at + 1, alignment_mode="expand")  # '”―' may be one token
            if span is None or span[-1].i + 1 >= len(doc):
                continue
            first = span[-1].i + 1
            while first < len(doc) and doc[first].is_space and "\n" not in doc[first].text:
                first += 1  # "―\u00a0Ida Vell": a no-break space after the dash is its own token
            names: list[Token] = []
            for token in doc[first : first + MAX_SPEAKER_TOKENS]:
                if token.pos_ != "PROPN" and not (token.is_title and token.pos_ == "NOUN" and names):
                    break  # a capitalised noun goes on a name ("Dara Quill": the tagger reads few words after a dash)
                names.append(token)
            if not names:
                continue
            self.claimed_tokens.add(span[-1].i)
            self.add(
                Found(
                    (quote.start, quote.end),
                    "direct",
                    (at, at + 1),
                    (names[0].idx, names[-1].idx + len(names[-1])),
                    names[-1].i,
                    **rated("layout.dash_byline"),
                )
            )


def whole_sentence(quoted: str) -> bool:
    """Whether a quotation (marks included) is a sentence of its own: a capital first, a full stop, question or
    exclamation mark last ('"It's madness."'), as a scare quote ('"spin"') is not."""
    inner = quoted.strip().strip("\"'“”‘’").strip()
    return len(inner) > 1 and inner[0].isupper() and inner[-1] in ".!?"
