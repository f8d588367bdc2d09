"""Content rules: what a cue verb reports. ``content_of`` tries :data:`CONTENT_RULES` in order."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ...deps import FINITE_TAGS, NOMINAL_SUBJECT_DEPS, SUBJECT_DEPS, TENSED_TAGS
from .base import ExtractorBase, circumstance_of_speech, clear_of, set_off, to_infinitive
from .boundaries import opened_by_in_case, second_complement
from .confidence import CONFIDENCE
from .settings import (
    ABSOLUTE_PREPOSITIONS,
    ACCUSATION_VERBS,
    ACT_TIME_PREPOSITIONS,
    ADDRESSEE_PREPOSITIONS,
    ADDRESSEE_VERBS,
    APPOSITION_MARKS,
    ASIDE_AFTER,
    ASIDE_BETWEEN,
    BARE_CLAUSE_OPENERS,
    CALLING_VERBS,
    CHANNEL_REACH,
    CHARGING_VERBS,
    CIRCUMSTANCE_MARKS,
    CONTENT_DEPS,
    CONTENT_PREPOSITIONS,
    DEED_OBJECT_VERBS,
    FINDING_VERBS,
    GAP_PRONOUNS,
    JUDGING_VERBS,
    MAX_SUBTREE_CUES,
    MEDIUM_NOUNS,
    MEDIUM_PREPOSITIONS,
    MIN_SAID_OBJECT_TOKENS,
    NAMING_VERBS,
    NEXT_ACT_CLAUSE_DEPS,
    NEXT_ACT_PREPOSITIONS,
    NO_OBJECT_CONTENT,
    NO_XCOMP_CONTENT,
    NOT_AN_ACT,
    OBJECT_COMPLETIONS,
    OBJECT_CONTENT_SPEECH,
    OCCASION_VERBS,
    OPENING_MARKS,
    OWN_COMPLEMENT_DEPS,
    OWN_CUE_REACH,
    PASSIVE_ADDRESSEE_PREPOSITIONS,
    PERSON_OBJECT_NOT_SAID,
    PHYSICAL_PREPOSITIONS,
    QUANTIFIERS,
    QUESTION_MARKS,
    RANGE_CLIMB_DEPS,
    REASON_PREPOSITIONS,
    REFUSAL_VERBS,
    RELATIVE_GAP_NOT_CONTENT,
    REPEATED_DEEDS,
    REPEATING_VERBS,
    SAY_LEMMAS,
    SHORT_ANSWERS,
    SPEAKS_FOR_VERBS,
    SPEECH_PREPOSITIONS,
    SPLIT_QUOTE_GAP,
    STANCE_PRONOUNS,
    STATEMENT_OCCASION_PREPOSITIONS,
    STATEMENT_OCCASIONS,
    SUBORDINATORS,
    SUMMARY_NOUNS,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
    TOLD_CLAUSE_VERBS,
    TOPIC_PREPOSITIONS,
    WITHHOLDING_VERBS,
    WRITER_CLAUSE_MARKS,
    WRITER_CLAUSE_OPENERS,
)

#: A character span ``[start, end)`` in the doc's text.
Span_ = tuple[int, int]
#: What a content rule answers when the cue has no content and no later rule may give it one.
NO_CONTENT: Span_ = (-2, -2)


@dataclass(slots=True)
class Ask:
    """What every content rule reads about one cue verb."""

    verb: Token
    group: str
    lemma: str
    objects: list[Token]
    passive: bool
    clauses: list[Token]
    #: the speaker after an inverted aside ("X, said Vell, had asked ..."), see SpeakerRules.inverted_aside_speaker
    inverted_aside: Token | None = None


class ContentRules(ExtractorBase):
    """What a cue verb reports: its clause, object, prepositional object or the clause it comments on."""

    def content_of(self, verb: Token, group: str) -> tuple[tuple[int, int] | None, float]:
        """What ``verb`` (a cue of ``group``) reports and how sure: the first of :data:`CONTENT_RULES` that
        answers. A rule answers with a span, with :data:`NO_CONTENT` (this cue has none: stop), or not at all."""
        ask = self.ask_of(verb, group)
        self.last_rule = ""
        for rule in CONTENT_RULES:
            span = rule(self, ask)
            if span is NO_CONTENT:
                return None, 0.0
            if span is not None:
                self.last_rule = "content." + rule.__name__
                return span, CONFIDENCE[self.last_rule]
        return None, 0.0

    def ask_of(self, verb: Token, group: str) -> Ask:
        """The parts of ``verb``'s parse every content rule reads: objects, passive, complement clauses."""
        lemma = verb.lemma_.lower()
        # a file name or an address is no object said ("should not be called in /www/file.php")
        # nor is a "that" the parser took for the object of a complement clause it opens ("told the paper that he
        # had not spoken to X")
        objects = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "oprd")
            and c.tag_ != "ADD"
            and not c.like_url
            and not (
                c.lower_ == "that"
                and verb.dep_ == "ccomp"
                and any(s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i == c.i + 1 for s in verb.children)
            )
        ]
        passive = self.is_passive(verb)  # "was said to be furious": the infinitive is what was said
        clauses = [
            c
            for c in verb.children
            if c.dep_ in CONTENT_DEPS
            and not (c.dep_ == "ccomp" and c.i > verb.i and self.condition_after_object(verb, lemma, c))
            or (c.dep_ == "xcomp" and (lemma not in NO_XCOMP_CONTENT or passive or self.gerund_subject(c)))
            or (
                c.dep_ == "advcl"
                and c.i > verb.i
                and group != "report"
                and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in c.children)
                and not self.condition_after_object(verb, lemma, c)
            )
            or (c.dep_ == "advcl" and c.i > verb.i and group != "report" and self.bare_clause(c) is not None)
            or (c.dep_ == "advcl" and c.i > verb.i and self.withheld_question(verb, c))
            # "called for the files to be made public": the parser takes "for" for a clause mark
            or (
                c.dep_ == "advcl"
                and c.i > verb.i
                and any(
                    m.dep_ == "mark" and m.i == verb.i + 1 and m.lower_ in self.lexicon.cue_prepositions.get(lemma, ())
                    for m in c.children
                )
            )
        ]
        owned = {c.i for n in verb.rights if (c := self.owned_by_noun_after(verb, n)) is not None}
        clauses = [c for c in clauses if c.i not in owned]  # "mocked her promise on Monday that X": the promise's X
        channel = self.channel_after(verb, verb.i, CHANNEL_REACH) if not clauses else None
        if channel is not None:
            # "told reporters in an interview that ...": the parser hangs the that-clause on the channel noun
            clauses = [
                c
                for c in self.doc[channel].rights
                if c.dep_ in ("relcl", "acl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ][:1]
        if not clauses and objects and lemma in TOLD_CLAUSE_VERBS:
            clauses = self.clause_on_recipient(objects[0])
        aside_speaker = self.inverted_aside_speaker(verb)
        if aside_speaker is not None:
            clauses = []  # "X, said Vell, had asked ...": the clause after the aside is the host's, not a complement
        if self.trailing_cue_object(verb) is not None:
            objects, clauses = [], [verb.head]  # "X, alleges the aid group.": the object speaks, the clause is said
        clauses = [self.past_absolute(verb, c) for c in clauses if not self.subordinated_between(verb, c)]
        clauses = [c for c in clauses if c is not None]
        if not clauses and group == "speech":
            clauses = self.clause_on_time(verb)
        clauses.sort(key=lambda c: c.i < verb.i)  # a complement after the cue first
        inverted = self.inverted_speaker(verb) if len(clauses) > 1 else None
        if inverted is not None:
            clauses = [c for c in clauses if c.i != inverted.head.i]  # that clause holds the speaker, not the words
        return Ask(verb, group, lemma, objects, passive, clauses, aside_speaker)

    def owned_by_noun_after(self, verb: Token, phrase: Token) -> Token | None:
        """The complement clause the parser hung on ``verb`` that belongs to a speech noun in the verb's object or
        prepositional phrase ``phrase`` (``NounCueRules.clause_after_time``: "challenged over her statement on
        Friday that ..."), or None."""
        nouns = [phrase] if phrase.dep_ in ("dobj", "obj") else [c for c in phrase.children if c.dep_ == "pobj"]
        for noun in nouns:
            if noun.lemma_.lower() in self.lexicon.cue_nouns:
                return self.clause_after_time(noun)
        return None

    @staticmethod
    def withheld_question(verb: Token, clause: Token) -> bool:
        """ "did not say when it would report", "declined to say why": after a speech verb that is refused or
        denied, a clause opened by a wh-adverb is the question left unanswered, though the parser hangs it on the
        verb as a clause of time or manner ("he did not speak when the verdict was read" is one)."""
        opener = clause.doc[clause.left_edge.i]
        refused = any(c.dep_ == "neg" for c in verb.children) or (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSAL_VERBS
        )
        return (
            refused
            and verb.lemma_.lower() in WITHHOLDING_VERBS
            and opener.tag_ == "WRB"
            and opener.head.i == clause.i
            and opener.dep_ == "advmod"
        )

    def condition_after_object(self, verb: Token, lemma: str, clause: Token) -> bool:
        """ "would see lower bills if the council adopts it", "defend the rules wherever they work": after a verb's own
        object (not the one asked or told), an "if", "when" or "where" clause is the condition, time or place of
        what is seen, held or said, not the content."""
        return (
            lemma not in self.lexicon.question_verbs
            and lemma not in self.lexicon.recipient_objects
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in CIRCUMSTANCE_MARKS for m in clause.children)
            and any(c.dep_ == "dobj" and c.i < clause.i for c in verb.children)
        )

    @staticmethod
    def clause_on_recipient(recipient: Token) -> list[Token]:
        """ "told the crews she shares ...": the parser hung the told clause on the one told, as a relative
        clause, though nothing relative opens it (no "who", "that", "which"): its subject, a pronoun or a name,
        follows the recipient's words at once, and the clause has its own object or complement and no stranded
        preposition, so no gap a relative would leave ("told the man he met", "told the families he hopes to serve",
        "told the reporter she gave the files to")."""
        clauses = []
        for clause in recipient.rights:
            if clause.dep_ != "relcl":
                continue
            subject = clause.doc[clause.left_edge.i]
            before = clause.doc[subject.i - 1]
            if (
                subject.head.i == clause.i
                and subject.dep_ in ("nsubj", "nsubjpass")
                and subject.pos_ in ("PRON", "PROPN")
                and subject.tag_ not in ("WP", "WDT", "WP$")
                and not before.is_punct
                and before.i in {t.i for t in recipient.subtree} - {t.i for t in clause.subtree}
                and any(c.dep_ in OWN_COMPLEMENT_DEPS for c in clause.children)
                and not any(t.dep_ == "prep" and not any(c.dep_ == "pobj" for c in t.children) for t in clause.subtree)
            ):
                clauses.append(clause)
        return clauses[:1]

    @staticmethod
    def bare_clause(clause: Token) -> Token | None:
        """ "said after the vote the plan was dead", "tweeted in the night that X was ...": a tensed clause with
        a subject of its own and no subordinator (or only "that") that the parser hung on the cue as a modifier
        after a phrase of time or place (which it may take into the clause); it is what was said, as a complement would be. A clause opened by
        "when", "because", "if" ... is the occasion, not the words. Its subject, or None."""
        subject = next((c for c in clause.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
        if subject is None or subject.i > clause.i:
            return None
        if not (clause.tag_ in TENSED_TAGS or any(c.tag_ in FINITE_TAGS and c.dep_ == "aux" for c in clause.children)):
            return None
        before = [c for c in clause.children if c.i < subject.i]
        # "when the state stated ...", "where he spoke": a wh-word makes the clause an occasion or a place
        opens = all(
            (c.dep_ in BARE_CLAUSE_OPENERS and not c.tag_.startswith("W")) or c.lower_ == "that" for c in before
        )
        return subject if opens and not any(c.dep_ == "mark" and c.lower_ != "that" for c in clause.children) else None

    @staticmethod
    def subordinated_between(verb: Token, clause: Token) -> bool:
        """ "X reiterated that A, hours after Y said B": the parser sometimes makes the second verb the root and the
        first clause its complement. A clause before the cue, with a subordinator ("after", "when", "because" ...)
        of the cue's own between them, is the sentence the cue's clause modifies, not what was said."""
        return clause.i < verb.i and any(
            c.dep_ == "mark" and c.lower_ in SUBORDINATORS and clause.i < c.i < verb.i for c in verb.children
        )

    def past_absolute(self, verb: Token, clause: Token) -> Token | None:
        """ "'...,' the skipper said, his hands shaking": a participle with its own subject and no auxiliary, set off by
        a comma after the cue, says how it was said, not what: the that-clause the parser hung on it, if any ("said,
        his hands shaking, that ..."), else nothing. Any other clause is returned as it is."""
        if not (
            clause.i > verb.i
            and clause.tag_ == "VBG"
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
            and any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in clause.children)
            and self.doc[clause.left_edge.i - 1].text == ","
        ):
            return clause
        return next((c for c in clause.rights if c.dep_ == "ccomp" and self.opens_with_that(c)), None)

    def clause_on_time(self, verb: Token) -> list[Token]:
        """ "said at the time that ...", "said on Monday that ...": the parser hangs the that-clause on the time
        noun as a relative clause; right after it, it is what was said. Also after an event that places the
        statement ("said after the verdict that his client would appeal"), when the tagger read the "that" as
        opening a complement (not "said after the meeting that he chaired": a relative pronoun). The phrases may
        follow one another ("said late on Monday during a visit to the port that ..."): the clause on the last of
        them, when its "that" opens a complement, is what was said too."""
        last = verb.i
        for child in verb.rights:
            if child.dep_ == "advmod" and child.i == last + 1 and child.right_edge.i == child.i:
                last = child.i  # "said earlier on Friday ..."
                continue
            if child.dep_ != "prep" or child.i - last > CHANNEL_REACH:
                continue
            event = child.lower_ in ACT_TIME_PREPOSITIONS
            if not (event or child.lower_ in TIME_PREPOSITIONS):
                continue
            for noun in child.children:
                if noun.dep_ != "pobj":
                    continue
                timed = event or noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in TIME_NOUNS
                clauses = [
                    c
                    for c in noun.rights
                    if c.dep_ in ("relcl", "acl")
                    and (self.said_at_time(noun, c, event) if timed else self.said_at_occasion(child, noun, c))
                ][:1]
                if clauses:
                    return clauses
                following = noun.right_edge.i + 1
                if following >= len(self.doc) or self.doc[following].head.i != verb.i:
                    return []  # the phrases on the cue end here
                last = noun.right_edge.i
        return []

    def said_at_time(self, noun: Token, clause: Token, event: bool) -> bool:
        """Whether ``clause``, hung on a time or an event (``event``) the cue's phrase names, is what was said: a
        that-clause right after it (after an event only a complement's "that"), or "for the first time he ..."."""
        if clause.left_edge.i != noun.i + 1:
            return False
        that = clause.left_edge
        return (
            that.lower_ == "that"
            and (not event or self.complementizer(that, clause))
            or self.said_for_nth_time(noun, clause)
        )

    def said_at_occasion(self, preposition: Token, noun: Token, clause: Token) -> bool:
        """Whether ``clause``, hung on an occasion the cue's phrase names ("said at a rally in the capital that ..."),
        is what was said: the occasion is one of ``STATEMENT_OCCASIONS`` (not "testified in the case that X built")
        and the clause opens with a "that" parsed as a clause mark (not the relative's object or subject) and its own
        subject, right after the noun's own words."""
        that = clause.left_edge
        return (
            preposition.lower_ in STATEMENT_OCCASION_PREPOSITIONS
            and noun.lemma_.lower() in STATEMENT_OCCASIONS
            and that.lower_ == "that"
            and that.dep_ == "mark"
            and self.subject_after(that, clause)
            and that.i == self.own_words_end(noun) + 1
        )

    @classmethod
    def complementizer(cls, that: Token, clause: Token) -> bool:
        """Whether a "that" opening ``clause`` opens a complement, not a relative clause: tagged as a preposition
        and followed by the clause's own subject ("that his client would appeal")."""
        return that.tag_ == "IN" and cls.subject_after(that, clause)

    @staticmethod
    def subject_after(that: Token, clause: Token) -> bool:
        """Whether the clause's own subject follows its opening "that" right away."""
        return any(c.dep_ in NOMINAL_SUBJECT_DEPS and c.left_edge.i == that.i + 1 for c in clause.children)

    @staticmethod
    def own_words_end(noun: Token) -> int:
        """The last token of a noun with the prepositional phrases it takes before any clause on it ("a rally in
        the capital")."""
        end = noun.i
        for child in noun.rights:
            if child.dep_ != "prep" or child.i != end + 1:
                break
            end = child.right_edge.i
        return end

    def said_for_nth_time(self, noun: Token, clause: Token) -> bool:
        """ "said for the first time he backs it": after "the first / last / third time" a clause opened by its own
        subject (no "that", no relative word) is what was said; the parser reads it as the time's relative clause.
        Only after a verb of speech that is more than an occasion ("said at the time he was ill" has no ordinal; "spoke
        for the first time the council met" stays a time)."""
        nth = any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ == "last") for c in noun.children)
        subject = next((c for c in clause.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
        return (
            nth
            and self.lexicon.cue_group(noun.head.head.lemma_.lower()) == "speech"
            and noun.head.head.lemma_.lower() not in OCCASION_VERBS  # "spoke for the first time the council met"
            and subject is not None
            and subject.left_edge.i == clause.left_edge.i
            and subject.tag_ != "WP"
        )

    # --- the content rules, in the order CONTENT_RULES tries them --------------------------------------
    def report_object(self, ask: Ask) -> Span_ | None:
        """ "announced the capture ..., by some estimates ...": a report verb's object, when nearer than a clause,
        with what completes it on the verb ("likened the ferry to a prison")."""
        objects, verb = ask.objects, ask.verb
        takes_object = ask.group == "report" and ask.lemma not in self.lexicon.recipient_objects
        if objects and takes_object and (objects[0].pos_ != "PRON" or objects[0].lower_ in ("it", "this", "that")):
            if not ask.clauses or abs(objects[0].i - verb.i) < abs(ask.clauses[0].i - verb.i):
                return self.object_phrase(verb, objects[0], report=True)  # "likened the ferry to a prison"
        return None

    def clause(self, ask: Ask) -> Span_ | None:
        """ "said that X", and "A, but B, the source said.": all before a trailing cue is what was said."""
        if not ask.clauses:
            return None
        verb, clause = ask.verb, ask.clauses[0]
        answer = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        if (
            answer is not None
            and clause.left_edge.i > answer.i
            and answer.head.i == verb.i
            and answer.dep_ in ("intj", "dobj", "advmod")
            and answer.lower_ in SHORT_ANSWERS
        ):
            return None  # "said yes, against 20 percent who ...": the answer is what was said (see short_answer)
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if (
            clause.i < verb.i
            and subject is not None
            and subject.left_edge.i > 0
            and self.doc[subject.left_edge.i - 1].text in (";", ":")
        ):
            return None  # "X said A was true; they learned of B": after a semicolon a clause of its own begins
        if clause.i < verb.i and (subject is None or subject.i > clause.i):
            sent = verb.sent
            stop = min(subject.left_edge.i if subject is not None else verb.i, verb.i) - 1
            start = sent.start
            if (
                verb.dep_ == "conj"
                and verb.head.i < clause.left_edge.i
                and verb.head.lemma_.lower() in self.lexicon.all_cue_lemmas
            ):
                start = clause.left_edge.i  # "X said A, but B, they said": B is what the second cue relays
            if stop >= start and clause.left_edge.i >= sent.start:
                return self.chars(self.past_dateline(start, stop), stop)  # not "KESTREL BAY ― "
        first, last = self.clause_chars(clause)
        that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if clause.i > verb.i and that is not None and that.i > clause.left_edge.i and self.doc[that.i - 1].text == ",":
            first = that.idx  # "said, his hands shaking, that ...": an aside the parser hung inside the clause
        elif (
            clause.i > verb.i
            and that is None
            and clause.left_edge.i > 0
            and "," in (clause.left_edge.text, self.doc[clause.left_edge.i - 1].text)
        ):
            opening = self.opening_before_speaker(verb)
            if opening is not None:  # "If she wins, Vell said in a tweet, the fees go": the cue is an aside
                first = opening
        if clause.i > verb.i:
            # "said she was sorry and that she wanted to move on": the parser hangs the second "that" clause on
            # the cue; it is more of what was said. So is a complement with no subject right after the first
            # ("shows most of the miles driven were private": "driven" taken for the first, "were" the second)
            for other in verb.rights:
                if other.i > clause.i and (
                    second_complement(other) or opened_by_in_case(other) or self.continues_complement(clause, other)
                ):
                    last = max(last, self.clause_chars(other)[1])
        if (
            clause.dep_ == "advcl"
            and self.doc[verb.i + 1].dep_ == "mark"
            and self.doc[verb.i + 1].idx == first
            and self.doc[verb.i + 1].lower_ not in QUESTION_MARKS  # "Asked if X, ...": the "if" is X's
        ):
            first = self.doc[verb.i + 2].idx  # "called for X to ...": "for" goes with the cue
        elif clause.dep_ == "advcl" and clause.i > verb.i and (subject := self.bare_clause(clause)) is not None:
            # "said after the vote the plan was dead": the time phrase the parser hung on the clause is the cue's
            start = subject.left_edge
            if start.i > 0 and self.doc[start.i - 1].lower_ == "that":
                start = self.doc[start.i - 1]
            first = max(first, start.idx)
        return first, last

    def inverted_aside(self, ask: Ask) -> Span_ | None:
        """ "The ferry, said a spokesman, would resume on Monday": the whole sentence the inverted aside comments on
        (as "the ferry, he said, would ..." gives it); all before the comma when the aside ends the sentence."""
        verb = ask.verb
        if ask.inverted_aside is None:
            return None
        sent = verb.sent
        if self.ends_sentence(ask.inverted_aside.right_edge.i):
            return self.chars(self.past_dateline(sent.start, verb.i), verb.i - 2)
        last = sent.end - 1
        while last > verb.i and self.doc[last].is_punct and not self.doc[last].is_quote:
            last -= 1
        return self.chars(self.past_dateline(sent.start, verb.i), last)

    def continues_complement(self, clause: Token, other: Token) -> bool:
        """ "shows most of the miles driven were private": a second complement of the cue with no subject, right
        after the first, is the rest of one clause the parser split ("driven" taken for the first, "were" the
        second; "saying she's mishandled X", the auxiliary taken for the first). It is finite, or the first is an
        auxiliary alone; not a cue ('saying "...," adding that ...': the speaker's next words), and the first is not a
        whole quotation (not 'saying "the buses are too slow" rose by 12 points': the sentence's verb; but
        'claims that the board "hid the costs" were false' goes on)."""
        bare_auxiliary = clause.pos_ == "AUX" and clause.right_edge.i == clause.i
        first = clause.left_edge.i
        opened = self.doc[first].is_quote or first > 0 and self.doc[first - 1].is_quote
        return (
            other.dep_ == "ccomp"
            and other.left_edge.i == clause.right_edge.i + 1
            and (
                other.tag_ in FINITE_TAGS
                or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in other.children)
                or bare_auxiliary
            )
            and not (opened and self.doc[clause.right_edge.i].is_quote)
            and other.lemma_.lower() not in self.lexicon.all_cue_lemmas
            and not any(c.dep_ in SUBJECT_DEPS for c in other.children)
        )

    def passive_agent(self, ask: Ask) -> Span_ | None:
        """ "the plan was criticized by X": what X criticized. A passive with neither agent nor clause ("the price
        was not disclosed", "Cruz was booed") names what was done to something, not anything said: no content
        (and no later rule may take its subject for one)."""
        verb = ask.verb
        if not ask.passive or ask.lemma in self.lexicon.recipient_objects:
            return None
        holder = verb.head if self.passive_conjunct(verb) else verb
        subject = next((c for c in holder.children if c.dep_ == "nsubjpass"), None)
        if any(c.dep_ == "agent" for c in verb.children):
            if ask.lemma in NO_OBJECT_CONTENT:
                return NO_CONTENT  # "the letter was written by X": what was written is not what was said
            if subject is not None and subject.tag_ in ("PRP", "DT") and subject.i < verb.i:
                return NO_CONTENT  # "it was mentioned by X": the content is elsewhere, "it" says nothing
            if subject is not None and subject.tag_ not in ("WDT", "WP"):
                return self.subtree_chars(subject)
            return None
        if (
            ask.group != "belief"
            and not ask.objects
            and subject is not None
            and subject.tag_ not in ("WDT", "WP", "PRP")
            and subject.i < verb.i
        ):
            return NO_CONTENT
        return None

    def relative_gap(self, ask: Ask) -> Span_ | None:
        """ "an arrangement the campaign has criticized": the noun the clause hangs on; with what the cue calls
        it ("a target that experts described as 'ambitious'": PolNeAR's "which as ..."), to the end of that."""
        span = self.relative_gap_of(ask.verb, ask.group, ask.objects)
        return self.through_as_phrase(ask.verb, span) if span is not None else None

    def through_as_phrase(self, verb: Token, span: Span_) -> Span_:
        """``span`` run on to the end of the "as" phrase after ``verb`` that says what the cue takes it for."""
        phrase = next(
            (
                c
                for c in verb.rights
                if c.dep_ == "prep"
                and c.lower_ == "as"
                and any(g.dep_ in ("pobj", "pcomp", "amod") for g in c.children)
            ),
            None,
        )
        if phrase is None or phrase.idx < span[1]:
            return span
        end = self.subtree_chars(phrase)[1]
        quoted = bool(self.quotes_touching(phrase.idx, end))
        if verb.lemma_.lower() not in CALLING_VERBS and not quoted:
            return span  # "a levy she fought as a councillor": the role she had, not what she called it
        if not quoted and self.doc[verb.left_edge.i - 1].text == ",":
            return span  # "the pier, which they describe as a hazard": the content's boundary rules end it at the comma
        return span[0], end

    def free_relative_gap(self, ask: Ask) -> Span_ | None:
        """ "planned for what he said is a rising need": the parser makes the cue's clause the subject of "is"; the
        "what" is the subject of what was said, so the whole free relative is the content, the cue inside it (as
        "which he said showed ..." gives it). Only where the free relative is the object of a preposition
        ("to what ...", "against what ..."), where no other reading is grammatical: "What she said is true" and
        "complained that what she heard was false" are said of the words or of what was heard."""
        verb = ask.verb
        copula = verb.head
        what = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "what" and c.i < verb.i), None)
        if (
            verb.dep_ != "csubj"
            or what is None
            or copula.lemma_.lower() != "be"
            or copula.i < verb.i
            or copula.dep_ not in ("pcomp", "pobj")
        ):
            return None
        return self.chars(what.i, copula.right_edge.i)

    def short_answer(self, ask: Ask) -> Span_ | None:
        """ "said yes", "would not say so", "said the same of X", "thinks so"; not "saw nothing" (a perception verb
        answers nothing: what was seen is no statement)."""
        if ask.lemma not in SAY_LEMMAS | self.lexicon.cue_verbs["belief"] or ask.lemma in self.lexicon.perception_verbs:
            return None
        answer = next(
            (
                c
                for c in ask.verb.rights
                if (c.dep_ in ("dobj", "intj", "advmod") and c.lower_ in SHORT_ANSWERS)
                or (c.dep_ in ("dobj", "nsubj", "attr") and c.lower_ == "same")
            ),
            None,
        )
        if answer is None:
            return None
        return self.chars(answer.left_edge.i, max(answer.right_edge.i, answer.i))

    def regarded_as(self, ask: Ask) -> Span_ | None:
        """ "viewed it as a great deal", "is seen as aligned with X"."""
        return self.regarded_as_of(ask.verb, ask.objects)

    def belief_object(self, ask: Ask) -> Span_ | None:
        """ "wants a wall along the border", "an audit found no record": a listed belief verb's noun object."""
        objects, verb = ask.objects, ask.verb
        if (
            ask.group == "belief"
            and objects
            and (ask.lemma in self.lexicon.belief_objects or self.study_finds(verb))
            and objects[0].pos_ in ("NOUN", "PROPN")
            and objects[0].i > verb.i
        ):
            return self.subtree_chars(objects[0])
        return None

    def belief_preposition(self, ask: Ask) -> Span_ | None:
        """ "thinks of X", "worried about X": only the prepositions the lexicon lists for the verb."""
        if ask.group != "belief":
            return None
        for child in ask.verb.rights:
            if child.dep_ == "prep" and child.lower_ in self.lexicon.cue_prepositions.get(ask.lemma, ()):
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    return self.subtree_chars(objects[0])
        return None

    def belief_aside(self, ask: Ask) -> Span_ | None:
        """ "his leverage, they believe, is intact"; a belief verb with none of the above has no content."""
        if ask.group != "belief":
            return None
        verb = ask.verb
        if verb.dep_ in ("parataxis", "advcl") and verb.head.i != verb.i and self.is_aside(verb):
            return self.clause_without(verb.head, verb)
        return NO_CONTENT

    def object_then_clause(self, ask: Ask) -> Span_ | None:
        """ "said the insurgents ... had withdrawn" parsed with the subject as an object: all that follows; an
        object before the cue only as a quotation (:meth:`fronted_quotation`)."""
        objects, verb = ask.objects, ask.verb
        if objects and objects[0].i < verb.i:
            return self.fronted_quotation(objects[0], verb)
        if (
            objects
            and ask.group == "speech"
            and ask.lemma not in self.lexicon.recipient_objects
            and ask.lemma not in OBJECT_CONTENT_SPEECH
            and objects[0].pos_ in ("NOUN", "PROPN")
            and verb.right_edge.i - objects[0].right_edge.i > 2
            and any(t.pos_ in ("VERB", "AUX") for t in self.doc[objects[0].right_edge.i + 1 : verb.right_edge.i + 1])
            and not self.subordinate_after(objects[0], verb)
            and not self.next_predicate_after(objects[0], verb)
        ):
            return self.chars(objects[0].left_edge.i, verb.right_edge.i)
        return None

    def next_predicate_after(self, obj: Token, verb: Token) -> bool:
        """ "has not endorsed Vell and has long opposed her budget": the first verb after the object is the speaker's
        next predicate, joined by a coordinator right before it, so the object is a real object, not a reported
        clause's subject."""
        for token in self.doc[obj.right_edge.i + 1 : verb.right_edge.i + 1]:
            if token.pos_ in ("VERB", "AUX"):
                predicate = token.head if token.dep_ in ("aux", "auxpass", "neg") else token
                before = self.doc[predicate.left_edge.i - 1] if predicate.left_edge.i > 0 else None
                return predicate.dep_ == "conj" and before is not None and before.dep_ == "cc"
        return False

    def fronted_quotation(self, obj: Token, verb: Token) -> Span_ | None:
        """'"Denver," he answered': an object quoted before its cue is all that was said (the rule after the cue
        would run on through the speaker and the cue). The quotation from its opening mark to its closing one,
        or None when the object is not set off by marks."""
        first, last = obj.left_edge.i, obj.right_edge.i
        opened = first > 0 and self.doc[first - 1].is_quote
        closing = next((t.i for t in self.doc[last + 1 : verb.i] if t.is_quote), None)
        if not opened or closing is None:
            return None
        return self.chars(first - 1, closing)

    def subordinate_after(self, obj: Token, verb: Token) -> bool:
        """ "focused their firepower while much of the rest remains ...": the first verb after the object heads a
        subordinate clause of its own ("while", "because"), so the object is a real object, not a clause's
        subject."""
        for token in self.doc[obj.right_edge.i + 1 : verb.right_edge.i + 1]:
            if token.pos_ in ("VERB", "AUX"):
                return token.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in token.children
                )
        return False

    @staticmethod
    def tensed_with_subject(verb: Token) -> bool:
        """Whether ``verb`` is a tensed verb with a subject of its own ("they described", "has described")."""
        tensed = verb.tag_ in TENSED_TAGS or any(c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children)
        return tensed and any(c.dep_ == "nsubj" for c in verb.children)

    @staticmethod
    def names_something(verb: Token, objects: list[Token]) -> bool:
        """ "described the raid as a success", "described it a failure": a name given, not only a topic. Also
        "called her brother her role model", which the parser reads as an apposition: one with nothing to set it off."""
        doc = verb.doc
        return (
            any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children)
            or any(t.lower_ == "as" or t.is_quote for t in verb.subtree if t.i > objects[0].i)
            or any(
                c.dep_ == "appos"
                and c.pos_ == "NOUN"
                and c.i > objects[0].i
                and doc[c.left_edge.i - 1].text not in APPOSITION_MARKS
                for c in objects[0].children
            )
        )  # "called it a massacre", "calls the plan ‘a disaster’"; not "called his rival Ann Lind" (phoned her)

    def long_said_object(self, ask: Ask) -> Span_ | None:
        """ "said families of victims file lawsuits": a clause the parser cut into an object."""
        objects = ask.objects
        if (
            objects
            and ask.lemma in SAY_LEMMAS
            and objects[0].pos_ in ("NOUN", "PROPN")
            and objects[0].right_edge.i - objects[0].left_edge.i + 1 >= MIN_SAID_OBJECT_TOKENS
        ):
            return self.chars(objects[0].left_edge.i, ask.verb.right_edge.i)
        return None

    def name_given(self, ask: Ask) -> Span_ | None:
        """ "what she called a rant": the name given is the content."""
        objects = ask.objects
        if objects and ask.lemma in OBJECT_CONTENT_SPEECH and objects[0].tag_ in ("WP", "WDT"):
            complements = [c for c in ask.verb.rights if c.dep_ in ("oprd", "xcomp", "dobj") and c.i != objects[0].i]
            if complements:
                return self.subtree_chars(complements[0])
        return None

    def object_named(self, ask: Ask) -> Span_ | None:
        """ "called it a massacre", "described X as Y": the object with what it was called."""
        objects = ask.objects
        if objects and ask.lemma in OBJECT_CONTENT_SPEECH and objects[0].tag_ not in ("WP", "WDT"):
            if ask.passive and objects[0].dep_ == "dobj":
                return NO_CONTENT  # "should not be called statically in file.php": a passive has no object
            if ask.lemma in REPEATING_VERBS and objects[0].lemma_.lower() in REPEATED_DEEDS:
                return NO_CONTENT  # "do not repeat the mistake", "hopes to repeat last year's success": an act
            if (
                ask.lemma in NAMING_VERBS
                and not self.names_something(ask.verb, objects)
                and not (ask.lemma == "describe" and self.tensed_with_subject(ask.verb))
            ):
                return NO_CONTENT  # "describing events": no name given, nothing said ("they described the
                # scene" is what they told)
            first = min(c.left_edge.i for c in objects)
            last = max(
                (
                    c.right_edge.i
                    for c in ask.verb.rights
                    # not the time of another act: "called him her mentor before explaining why"
                    if c.dep_ in ("dobj", "oprd")
                    or c.dep_ == "prep"
                    and not (c.lower_ in ACT_TIME_PREPOSITIONS and any(g.dep_ == "pcomp" for g in c.children))
                ),
                default=max(c.right_edge.i for c in objects),
            )
            agent = next((c for c in ask.verb.rights if c.dep_ == "agent" and c.i > first), None)
            if agent is not None:
                last = min(last, agent.i - 1)  # "has been called a fraud by fellow cooks for X": "a fraud"
            return self.chars(first, last)
        return None

    def speech_object(self, ask: Ask) -> Span_ | None:
        """ "mentioned the remarks", "is stressing the need to ...": the object is what is said."""
        objects = ask.objects
        if (
            objects
            and ask.group == "speech"
            and ask.lemma not in NO_OBJECT_CONTENT
            and (ask.lemma not in self.lexicon.recipient_objects or self.asked_for(ask))
            and (
                objects[0].pos_ in ("NOUN", "PROPN", "NUM")
                or objects[0].lower_ in STANCE_PRONOUNS
                or (
                    objects[0].lower_ in QUANTIFIERS
                    and any(c.dep_ == "prep" and c.lower_ == "of" for c in objects[0].children)
                )
            )
        ):
            if ask.lemma in PERSON_OBJECT_NOT_SAID and self.speaker_kind(objects[0]) == "person":
                return NO_CONTENT  # "questioned the witnesses", "admitted Poland": whom, not what
            if ask.lemma in CHARGING_VERBS and self.speaker_kind(objects[0]) is not None:
                # "charged him with fraud" lays a charge (PolNeAR: him with fraud); "police charged the crowd" rushed it
                after = list(ask.verb.rights) + list(objects[0].rights)
                if not any(c.dep_ == "prep" and c.lower_ == "with" for c in after):
                    return NO_CONTENT
                return self.object_phrase(ask.verb, objects[0], report=True)
            return self.with_infinitive(ask.verb, objects[0], self.object_phrase(ask.verb, objects[0]))
        return None

    def names_speech(self, noun: Token) -> bool:
        """Whether ``noun`` is a noun of saying ("a note", "a warning"): a cue noun, or one a light verb makes one."""
        lemma = noun.lemma_.lower()
        return lemma in self.lexicon.cue_nouns or lemma in self.lexicon.light_nouns

    def content_prepositions(self, lemma: str) -> frozenset[str]:
        """The prepositions that open what a cue says: those of any cue ("for", "against", "about") and the
        lexicon's own for this one ("accused X of", "called on")."""
        return CONTENT_PREPOSITIONS | set(self.lexicon.cue_prepositions.get(lemma, ()))

    def asked_for(self, ask: Ask) -> bool:
        """ "urged calm", "advised caution": the object of a verb that usually names the one addressed ("urged the
        council to ...") is what was asked for when it cannot speak and nothing follows it as a clause."""
        own = self.content_prepositions(ask.lemma)
        after = list(ask.verb.children) + list(ask.objects[0].children)
        return self.speaker_kind(ask.objects[0]) is None and not any(
            c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ in own for c in after
        )  # ("accused the civil body of X": the preposition says what)

    def object_phrase(self, verb: Token, obj: Token, report: bool = False) -> Span_:
        """The object with what completes it on the verb, up to a comma: "endorsed Cruz for president",
        "thanked voters for their support", "did not mention him by name" (what the act was said of or for). A
        report verb's object takes any phrase the parser hangs on the verb after it ("the poll showed Vell with a
        narrow lead", "announced a concert in support of X", "charged him with fraud": what was reported); a
        phrase of mere occasion ("on Twitter", "on Monday") is cut after (``boundaries.trailing_occasion``)."""
        last = obj.right_edge.i
        own = self.lexicon.cue_prepositions.get(verb.lemma_.lower(), ())  # "thanked X for": those join the cue
        judging = verb.lemma_.lower() in JUDGING_VERBS and obj.i > verb.i  # (not "the remark that X blamed for")
        for child in verb.rights:
            if child.i <= last:
                continue
            # "criticized him for not doing more"; not "slammed him for years" (how long, no reason)
            reason = (
                judging
                and child.lower_ in REASON_PREPOSITIONS
                and not any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children)
            )
            if (
                child.dep_ != "prep"
                or not report
                and child.lower_ not in OBJECT_COMPLETIONS
                and not reason
                or child.lower_ in own
                and not reason
                or self.doc[last + 1].is_punct
            ):
                break
            last = child.right_edge.i
        return self.chars(obj.left_edge.i, last)

    def with_infinitive(self, verb: Token, obj: Token, span: Span_) -> Span_:
        """``span`` (what ``obj`` gives) run on to the infinitive that follows the object on the verb: "called for
        the secretary to release the transcripts" asks for the release, not for the secretary (the parser hangs
        "to release ..." on the verb, not on its object)."""
        tail = self.infinitive_after(verb, obj.right_edge.i)
        if tail is None or span[1] > self.doc[tail].idx:
            return span
        return span[0], self.chars(obj.right_edge.i, tail)[1]

    def infinitive_after(self, verb: Token, last: int) -> int | None:
        """The last token of an infinitive clause of ``verb`` that starts right after token ``last``, if any."""
        nxt = last + 1
        if nxt >= len(self.doc) or self.doc[nxt].lower_ != "to":
            return None
        for child in verb.rights:
            if (
                child.dep_ in ("advcl", "xcomp")
                and child.left_edge.i == nxt
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
            ):
                return child.right_edge.i
        return None

    def topic_object(self, ask: Ask) -> Span_ | None:
        """ "told the story of X", "wrote an assessment of X", "added a brief note of caution" (not "added pressure on X":
        after "add", only a noun of saying makes a text)."""
        objects = ask.objects
        if (
            objects
            and ask.group == "speech"
            and ask.lemma in NO_OBJECT_CONTENT
            and (ask.lemma not in DEED_OBJECT_VERBS or self.names_speech(objects[0]))
            and objects[0].pos_ == "NOUN"
            and not self.is_person(objects[0])
            and objects[0].ent_type_ not in ("ORG", "NORP", "GPE")
            and any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS for c in objects[0].rights)
        ):
            return self.subtree_chars(objects[0])
        return None

    def preposition(self, ask: Ask) -> Span_ | None:
        """ "lashed out at X", "pushed back against X", "called for X": a prepositional object (not "spoke to
        reporters": an addressee; not "spoke on Monday": when)."""
        verb, lemma, objects = ask.verb, ask.lemma, ask.objects
        prepositions = self.content_prepositions(lemma)
        if not objects and ask.group == "speech" and not ask.passive:  # not "should not be called ... on line 8"
            prepositions |= SPEECH_PREPOSITIONS - (ADDRESSEE_PREPOSITIONS if lemma in ADDRESSEE_VERBS else set())
        if lemma in SPEAKS_FOR_VERBS:
            prepositions -= {"for"}
        holders = list(verb.rights)
        holders += [g for c in verb.rights if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1 for g in c.rights]
        if objects and lemma in self.lexicon.recipient_objects:
            # "accused the rebels of X", "warned them of X": the parser often hangs the preposition on the object
            own = self.lexicon.cue_prepositions.get(lemma, ())
            holders += [c for c in objects[0].rights if c.lower_ in own]
            holders += self.own_preposition_after_place(verb, objects[0], own)
        particle = any(c.dep_ == "prt" for c in verb.children)
        listed = self.lexicon.cue_prepositions.get(lemma, ())
        # "is talking to fishermen about the toll": the parser hangs "about" on the ones spoken to
        holders += [
            g
            for c in verb.rights
            if c.dep_ == "prep" and c.lower_ in ("to", "with")
            for o in c.children
            if o.dep_ == "pobj"
            for g in o.rights
            if g.dep_ == "prep" and g.lower_ == "about" and g.lower_ in listed
        ]
        manner = self.manner_phrase(verb)
        for child in holders:
            if child.lower_ == "at" and not particle and "at" not in listed:
                continue  # "spoke at a rally", "sang at church": where, not what ("lashed out at X" is what)
            if child.lower_ in PHYSICAL_PREPOSITIONS.get(lemma, ()):
                continue  # "could not defend against an attack": a fight, not a defence of anything said
            if ask.passive and child.lower_ in PASSIVE_ADDRESSEE_PREPOSITIONS.get(lemma, ()):
                continue  # "was called on line 661": the passive's subject is the one called on
            if manner is not None and child.i == manner.i or child.lower_ not in listed and set_off(verb, child):
                continue  # "said on condition of anonymity", "..., he said, on background": how, not what
            if child.dep_ == "prep" and child.lower_ in prepositions:
                found = [
                    c
                    for c in child.children
                    if c.dep_ in ("pobj", "pcomp")
                    and not (c.ent_type_ in ("DATE", "TIME") and child.lower_ in TIME_PREPOSITIONS)
                ]
                if found and self.in_title(found[0].idx):
                    continue  # 'said on "Face the Nation"': the programme it was said on, not what was said
                if found and child.lower_ in MEDIUM_PREPOSITIONS and found[0].lemma_.lower() in MEDIUM_NOUNS:
                    continue  # "speaking on state television", "spoke over the phone": through what, not what
                if found:
                    span = self.with_infinitive(verb, found[0], self.subtree_before_next_cue(found[0]))
                    if objects and lemma in ACCUSATION_VERBS and objects[0].i < child.i:
                        span = (self.subtree_chars(objects[0])[0], span[1])  # "accused the council of X"
                    return self.with_as_complement(verb, found[0], span)
                ask.objects = []  # a listed preposition with nothing after it: the verb has no object left
        return None

    @staticmethod
    def own_preposition_after_place(verb: Token, obj: Token, own: tuple[str, ...]) -> list[Token]:
        """ "accused armed groups inside the city of stealing aid": the parser hangs the cue's own preposition on
        the noun of a phrase that places the object ("inside the city"). The first such preposition with a gerund
        after it, whose noun's phrase hangs on the verb or on its object ("told him at the start of the meeting" is
        a noun's "of"); none otherwise."""
        for token in verb.doc[obj.i + 1 : verb.right_edge.i + 1]:
            if token.dep_ != "prep" or token.lower_ not in own or token.head.dep_ != "pobj":
                continue
            if not any(c.dep_ == "pcomp" for c in token.children):
                continue
            phrase = token.head.head
            if phrase.dep_ == "prep" and phrase.head.i in (verb.i, obj.i):
                return [token]
        return []

    def with_as_complement(self, verb: Token, obj: Token, span: Span_) -> Span_:
        """ "refers to the governor as 'Chris'": what the verb calls its prepositional object is part of what is
        said (the parser hangs the "as" phrase on the verb or on the object)."""
        complement = next(
            (
                c
                for c in (*obj.rights, *verb.rights)
                if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i and any(g.dep_ == "pobj" for g in c.children)
            ),
            None,
        )
        if complement is None or complement.idx < span[1] - 1 or complement.i - obj.right_edge.i > 1:
            return span
        return span[0], self.subtree_chars(complement)[1]

    def aside(self, ask: Ask) -> Span_ | None:
        """ "the attack, he said, was ...": the clause a bare cue comments on (not '"...," she said, speaking by
        phone': a participle beside a cue tells how the cue's speaker spoke; nor "as the mayor spoke": when)."""
        verb = ask.verb
        if ask.passive and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in verb.children):
            if not any(c.dep_ == "agent" for c in verb.children):
                return NO_CONTENT  # "as mentioned before", "as shown below": the writer's cross-reference
        if (
            verb.dep_ in ("parataxis", "advcl")
            and verb.head.i != verb.i
            and self.is_aside(verb)
            and not (
                verb.tag_ == "VBG"
                and verb.head.lemma_.lower() in self.lexicon.all_cue_lemmas
                or ask.lemma in OCCASION_VERBS
                or circumstance_of_speech(verb)
            )
        ):
            clause = verb.head
            if clause.dep_ in ("aux", "auxpass") and clause.head.i != clause.i:
                clause = clause.head  # "the pier, he said, was closed": the parser hung the cue on the auxiliary
            span = self.before_writer_clause(
                clause, verb, self.with_host_infinitive(verb, self.clause_without(clause, verb))
            )
            opening = self.opening_before_speaker(verb)
            if span is not None and opening is not None and opening < span[0]:
                return self.within_semicolons(verb, (opening, span[1]))
            return self.within_semicolons(verb, self.after_as_aside(verb, span))
        return None

    def before_writer_clause(self, clause: Token, verb: Token, span: Span_ | None) -> Span_ | None:
        """ "A downpour overwhelmed the dam on Tuesday, its operator said, as the death toll rose to 14": once the
        cue closes the clause it comments on, an "as" clause after it is the writer's (``WRITER_CLAUSE_MARKS``),
        though the parser hangs it on the clause; what is relayed ends before it."""
        if span is None or clause.i > verb.i:
            return span
        after = next(
            (
                c
                for c in clause.rights
                if c.i > verb.i
                and c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in WRITER_CLAUSE_MARKS for m in c.children)
                and self.doc[c.left_edge.i - 1].text == ","
            ),
            None,
        )
        if after is None:
            return span
        end = self.doc[after.left_edge.i - 1].idx
        return (span[0], end) if span[0] < end < span[1] else span

    def with_host_infinitive(self, verb: Token, span: Span_ | None) -> Span_ | None:
        """ "Nor does the union have any plans, its lawyers say, to drop the case": an infinitive right after the comma
        that closes the aside goes on with the host's words (the parser hangs it on the cue). Not one after more of
        the aside (", on condition of anonymity to speak freely")."""
        if span is None:
            return span
        for child in verb.rights:
            first = child.left_edge.i
            if (
                child.dep_ == "xcomp"
                and to_infinitive(child)
                and first > 0
                and self.doc[first - 1].text == ","
                and all(t.dep_ in ASIDE_AFTER for t in self.doc[verb.i + 1 : first - 1])
            ):
                return span[0], max(span[1], self.subtree_chars(child)[1])
        return span

    def within_semicolons(self, verb: Token, span: Span_ | None) -> Span_ | None:
        """ "The board voted to stay; most of its rules, analysts say, would hurt no one": an aside comments on
        the clause it stands in, and a semicolon closes a clause, so what it relays stops at the semicolons
        around the cue (the parser may hang the cue on the root of the whole sentence)."""
        if span is None:
            return None
        sent = verb.sent
        before = [t for t in self.doc[sent.start : verb.i] if t.text == ";" and t.idx >= span[0]]
        after = [t for t in self.doc[verb.i : sent.end] if t.text == ";" and t.idx < span[1]]
        start = self.doc[before[-1].i + 1].idx if before else span[0]
        end = after[0].idx if after else span[1]
        return (start, end) if start < end else span

    def comma_aside(self, ask: Ask) -> Span_ | None:
        """ "These workers, Vell explained at the hearing, were well paid", "The difference now, he told me, is
        that ...", "Hawaii, as an adviser pointed out, rarely gets ...": a bare cue set off by commas inside a
        sentence comments on the sentence around it, however the parser hung it (as the root, a complement of
        the main verb, a clause on the subject noun). Read from the commas: the speaker opens right after the
        first, only time, place, manner or the one told stand between the cue and the second, and a clause
        with a verb goes on after it. Not a relative clause (", who spoke Monday, said ...")."""
        verb, sent = ask.verb, ask.verb.sent
        if verb.dep_ == "relcl" or ask.passive or ask.clauses or ask.lemma in OCCASION_VERBS:
            return None  # "who, as Vell spoke, bowed his head": when, not what
        subjects = [c for c in verb.lefts if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if len(subjects) != 1 or subjects[0].tag_ in ("WP", "WDT") or subjects[0].right_edge.i >= verb.i:
            return None
        subject = subjects[0]
        opener = subject.left_edge.i - 1
        if opener > sent.start and self.doc[opener].lower_ == "as":
            opener -= 1
        if opener <= sent.start or self.doc[opener].text != ",":
            return None
        if any(
            t.pos_ in ("VERB", "AUX") or t.dep_ not in ASIDE_BETWEEN
            for t in self.doc[subject.right_edge.i + 1 : verb.i]
        ):
            return None
        close = verb.i + 1
        while close < sent.end and self.doc[close].text != ",":
            token = self.doc[close]
            if token.pos_ in ("VERB", "AUX") or token.dep_ not in ASIDE_AFTER or token.text in OPENING_MARKS:
                return None
            if token.dep_ == "dobj" and token.pos_ != "PRON":
                return None  # "told the council, ...": an object that is no one told is something said
            close += 1
        rest = self.doc[close + 1 : sent.end]
        finite = next((t for t in rest if t.pos_ in ("VERB", "AUX")), None)
        if finite is None or rest[0].dep_ in ("cc", "mark") or rest[0].tag_.startswith("W") or rest[0].is_quote:
            return None  # "On Monday, the mayor spoke at the fair, and the band played": a clause of its own
        governs = finite.head if finite.dep_ in ("aux", "auxpass") else finite
        fronted = self.doc[sent.start : opener]
        opens_subordinate = fronted[0].dep_ == "mark" or fronted[0].pos_ in ("SCONJ", "ADP")
        if not opens_subordinate and any(t.dep_ in SUBJECT_DEPS and t.head.i == governs.i for t in rest):
            # the words after the aside have a subject of their own: not the clause it sits in (unless what opens
            # the sentence is a condition, a time or a place: "If she wins, Lind said, the fees go")
            return None
        return self.chars(sent.start, sent.end - 1)

    def after_as_aside(self, verb: Token, span: Span_ | None) -> Span_ | None:
        """ "Yet, as Mr. Bown observed, in the early days ...", "If, as I've suggested, he ...": what an "as" aside
        relays starts after it; the words before it ("Yet", "If", "After all") are the writer's frame."""
        if span is None or not any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in verb.children):
            return span
        comma = verb.right_edge.i if verb.right_edge.text == "," else verb.right_edge.i + 1
        if comma + 1 >= len(self.doc) or self.doc[comma].text != "," or self.doc[verb.left_edge.i].idx <= span[0]:
            return span
        before = [t for t in self.doc[: verb.left_edge.i] if t.idx >= span[0]]
        if any(t.dep_ in SUBJECT_DEPS or t.pos_ in ("VERB", "AUX") for t in before):
            return span  # "The ferry, as the mayor noted, runs late": the subject is part of what was noted
        start = self.doc[comma + 1].idx
        return (start, span[1]) if span[0] < start < span[1] else span

    def opening_before_speaker(self, verb: Token) -> int | None:
        """ "If the plan fails, Brandt argues, there are other tools": the parser hangs the opening clause on the
        parenthetical cue, but it is part of the words around the cue; where it starts (it ends in a comma right
        before the speaker), or None."""
        subject = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or verb.left_edge.i >= subject.left_edge.i:
            return None
        before = self.doc[subject.left_edge.i - 1]
        if before.text != "," or before.i <= verb.left_edge.i:
            return None
        return self.doc[verb.left_edge.i].idx

    def trailing_cue(self, ask: Ask) -> Span_ | None:
        """ "The mill is holding on, but imports hurt, said its chief executive": all before the comma."""
        if self.is_trailing_cue(ask.verb, ask.group, ask.objects):
            return self.chars(ask.verb.sent.start, ask.verb.i - 1)
        return None

    def closing_aside(self, ask: Ask) -> Span_ | None:
        """ "Roe thinks the plan costs too much, her husband said this week at a fair.": a bare speech cue with its
        speaker right before it, set off by a comma and closing the sentence, relays all before the comma. The
        parser may hang it on the sentence's first verb (as a second complement, a conjunct), where no other rule
        reads it. Only a time, a place or a manner may follow the cue, or a clause of the writer's after ", and"
        ("..., a spokeswoman said on Sunday, and the shelter has filled twice"); not "..., and she said", not a
        cue with a complement or an object of its own."""
        verb, doc = ask.verb, self.doc
        addressee = self.addressee_object(ask)
        if (
            ask.group != "speech"
            or ask.objects
            and addressee is None
            or ask.clauses
            or ask.passive
            or ask.lemma in OCCASION_VERBS
            or verb.tag_ == "VBG"
            or verb.dep_ not in ("ccomp", "conj")
            or verb.head.i > verb.i
        ):
            return None  # not "..., Lind and Vell are speaking to voters with one voice": an act of speaking
        subjects = [c for c in verb.lefts if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if len(subjects) != 1 or subjects[0].tag_ in ("WP", "WDT"):
            return None
        sent, comma = verb.sent, subjects[0].left_edge.i - 1
        if comma <= sent.start or doc[comma].text != ",":
            return None
        between = doc[subjects[0].right_edge.i + 1 : verb.i]
        end = sent.end
        joined = next((c for c in verb.rights if c.dep_ == "conj" and self.tensed_with_subject(c)), None)
        if joined is not None:
            end = joined.left_edge.i
            while end > verb.i + 1 and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
                end -= 1
            if doc[end].text != ",":
                return None
        after = [
            t
            for t in doc[verb.i + 1 : end]
            if not t.is_space and not (addressee is not None and self.descends(t, addressee))
        ]
        if any(t.dep_ not in ASIDE_BETWEEN for t in between) or any(
            t.pos_ in ("VERB", "AUX") or t.is_quote or t.dep_ not in ASIDE_AFTER or t.dep_ in ("dobj", "cc", "conj")
            for t in after
        ):
            return None
        return self.chars(self.past_dateline(sent.start, comma), comma - 1)

    def addressee_object(self, ask: Ask) -> Token | None:
        """The one object of a cue that names whom it speaks to ("..., Doyle told members in an email"), when it
        can hear; None otherwise."""
        if len(ask.objects) != 1 or ask.lemma not in self.lexicon.recipient_objects:
            return None
        return ask.objects[0] if self.speaker_kind(ask.objects[0]) is not None else None

    def name_hung_before_cue(self, ask: Ask) -> Span_ | None:
        """ "X found that Y, Secretary of State Jane Roe revealed Wednesday.": all before the comma that opens the
        speaker's name (see :meth:`~.speakers.SpeakerRules.name_hung_before`)."""
        name = self.name_hung_before(ask.verb)
        if name is None:
            return None
        start = self.past_dateline(ask.verb.sent.start, name.left_edge.i)  # "WASHINGTON --"
        return self.chars(start, name.left_edge.i - 2)

    @staticmethod
    def is_trailing_cue(verb: Token, group: str, objects: list[Token]) -> bool:
        """ "The mill is holding on, but imports hurt, said its chief executive": a cue after a comma with its
        speaker behind it, which the parser joined to the sentence as one more conjunct. All before the comma
        is what was said."""
        return (
            group == "speech"
            and verb.dep_ == "conj"
            and verb.head.i < verb.i
            and not objects
            and verb.i > verb.sent.start
            and verb.doc[verb.i - 1].text == ","
            and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
            and not any(c.dep_ == "cc" for c in verb.children)
        )

    def study_finds(self, verb: Token) -> bool:
        """ "An audit found no record of the payment": a study's finding is what it reports (a person who
        "found a seat" reports nothing)."""
        if verb.lemma_.lower() not in FINDING_VERBS:
            return False
        subject = self.subject_of(verb)
        return subject is not None and subject.lemma_.lower() in self.lexicon.study_nouns

    @staticmethod
    def gerund_subject(xcomp: Token) -> bool:
        """ "say taxing consumption encourages savings": the parser made the gerund subject of a that-less clause
        the verb's complement and the clause's verb its child; the whole is what is said."""
        return xcomp.tag_ == "VBG" and any(c.dep_ == "ccomp" and c.i > xcomp.i for c in xcomp.children)

    def with_stray_verbs(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """ "wants to double the fleet, grow the harbour and create a fund", "sees it as a chance to fix X,
        increase Y and cut Z", "stressed that X, but would not Y": the parser hangs the later verbs on the cue, but
        a bare verb with no subject cannot go with a tensed cue ("wants ... grow"), so it goes on with the content
        it follows (a tensed one, "and questioned Y", is the speaker's next act). So does a bare verb of such a list
        the parser hung on the cue as a modifier ("advocates rules to end A, stop B and remove C"), and the list after
        a present tense the tagger took for a bare verb ("Both parties see X as a chance to fix A, increase B ...").
        So does a noun phrase hung on the cue as its conjunct ("condemned the test as provocative and a grave
        threat"): a verb has no nominal conjuncts."""
        tensed = verb.tag_ in TENSED_TAGS or (
            # "Both parties see X as a chance to fix A, increase B and address C": a present tense the tagger took for
            # a bare verb (it has a subject and no auxiliary)
            verb.tag_ == "VB"
            and any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        )
        end = content[1]
        for other in verb.rights:
            # "advocates rules to end X, stop Y and remove Z": a bare verb of the list the parser hung on the cue as
            # a modifier (no "to", no subordinator of its own)
            listed = (
                other.dep_ == "advcl"
                and other.tag_ == "VB"
                and not any(c.dep_ in ("aux", "mark", "auxpass", "neg") for c in other.children)
            )
            if (
                (other.dep_ != "conj" and not listed)
                or any(c.dep_ in SUBJECT_DEPS for c in other.children)
                or other.left_edge.idx < end
                or self.text[end : other.left_edge.idx].strip(" ,;") not in ("", "and", "or", "but")
            ):
                continue
            if other.tag_ == "VB" and tensed:
                end = max(end, self.clause_chars(other)[1])
            elif other.pos_ in ("NOUN", "PROPN") and content[0] < other.left_edge.idx:
                # "condemned the test as provocative and a grave threat": a noun phrase cannot be a verb's
                # conjunct; the parser hung the content's second conjunct on the cue
                end = max(end, self.subtree_chars(other)[1])
        return content[0], end

    def before_next_cue(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """Cut ``content`` before the next cue joined to this one: "criticized X, saying Y", "attacked X and
        questioned Y", "said X, and she accused Y". Each is an attribution of its own; the first does not
        swallow the second."""
        joined = {c.i: c for c in verb.rights if c.dep_ in ("conj", "parataxis")}
        participles = {t.i: t for t in self.participial_cues(verb)}
        for i in sorted(joined.keys() | participles.keys()):
            token = joined.get(i) or participles[i]
            if token.pos_ != "VERB" or not (
                token.lemma_.lower() in self.lexicon.all_cue_lemmas or i in joined and clear_of(token) is not None
            ):
                continue
            if i in joined and second_complement(token):
                continue  # "said X and that she wanted Y": the same statement goes on
            if i not in joined and not self.descends(token, verb):
                continue
            if i not in joined and token.dep_ == "pcomp" and token.head.head.i != verb.i:
                continue  # "said the firm hid the losses by moving them": the means of the reported act
            first = token.left_edge.i if i in joined else self.participle_start(token)
            while first > 0 and (self.doc[first - 1].is_punct or self.doc[first - 1].dep_ == "cc"):
                first -= 1
            cut = self.doc[first].idx
            if content[0] < cut < content[1] and self.text[content[0] : cut].strip():
                while cut > 0 and self.text[cut - 1] in " ,;—–-":
                    cut -= 1
                return content[0], cut
        return content

    def before_contrasting_cue(self, content: tuple[int, int]) -> tuple[int, int]:
        """ "Economists warn that the cuts could hurt, while the government insists growth will return": a clause
        of contrast set off by a comma ("while", "though", "whereas") whose own subject says or holds something is
        the other side's attribution, which the writer set beside this one; the parser hangs it inside the reported
        clause, and the content ends before it. A contrast with no statement of its own ("..., though prices rose",
        "..., while 25 percent would vote for X") may be part of what was said and stays."""
        for token in self.doc.char_span(*content, alignment_mode="expand") or ():
            if (
                token.dep_ != "advcl"
                or token.i < token.head.i  # "finds that, while 37 percent say X, 39 percent ...": one finding
                or not any(c.dep_ == "nsubj" for c in token.children)
                or not self.states_a_clause(token)
            ):
                continue
            mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in WRITER_CLAUSE_OPENERS), None)
            if mark is None or mark.i != token.left_edge.i or mark.i == 0:
                continue
            first = mark.i - 1 if self.doc[mark.i - 1].lower_ == "even" else mark.i
            closing = first > 1 and self.doc[first - 1].tag_ == "''"  # '... they need," though she conceded'
            comma = self.doc[first - 2] if closing else self.doc[first - 1] if first > 0 else None
            if comma is not None and comma.text == "," and content[0] < comma.idx:
                cut = self.doc[first - 1] if closing else comma
                return self.ending_before(content, cut.idx + len(cut) if closing else cut.idx)
        return content

    def before_next_act(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """ "said it was opposed to the test and warned X to ...", "says he respects her and calls her ...": the
        parser joins the speaker's next act to the reported clause; a verb of the cue's own tense with no subject
        of its own, coordinated with the clause the cue reports, is the speaker's next act, not more of what was
        said (PolNeAR gives it an attribution of its own). A verb of the reported clause's own tense is taken as
        part of the clause ("said he was tired and wanted to rest") unless it is a verb of statement; a verb after
        "rather than" / "instead" is no act. The act's speaker is the cue's (``next_acts``)."""
        tense = self.tense_of(verb)
        if tense is None:
            return content
        for clause in verb.rights:
            if clause.dep_ not in NEXT_ACT_CLAUSE_DEPS or not content[0] <= clause.idx < content[1]:
                continue
            clause_tense = self.tense_of(clause)
            for act in clause.rights:
                if (
                    act.dep_ != "conj"
                    or act.pos_ not in ("VERB", "AUX")
                    or act.idx >= content[1]
                    or any(c.dep_ in SUBJECT_DEPS for c in act.children)
                    or self.tense_of(act) != tense
                    or clause_tense == tense
                    and act.lemma_.lower() not in self.lexicon.statement_lemmas
                    or self.doc[act.left_edge.i - 1].lower_ in NOT_AN_ACT
                    or any(c.dep_ in ("cc", "advmod") and c.lower_ in NOT_AN_ACT for c in act.children)
                ):
                    continue
                first = act.left_edge.i
                while first > clause.i and joins_clauses(self.doc[first - 1]):
                    first -= 1
                cut = self.doc[first].idx
                if first <= clause.left_edge.i or any(
                    q.start < cut < q.end for q in self.quotes_touching(cut, cut + 1)
                ):
                    continue  # nothing of the clause before it, or the act is inside a quotation
                self.next_acts[act.i] = verb
                return self.ending_before(content, cut)
        return content

    def before_range_end(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """ "reactions ranged from unions praising the ruling to employers condemning it": a cue at the "from" end
        of a range says only up to the "to" that opens the other end, which is someone else's (see :meth:`range_end`:
        "complaints from parents who said letters went to the wrong homes" is one statement)."""
        opener = verb
        while opener.dep_ in RANGE_CLIMB_DEPS and opener.head.i != opener.i:
            opener = opener.head
            if opener.dep_ == "prep" and opener.lower_ == "from":
                break
        if opener.lower_ != "from" or opener.dep_ != "prep":
            return content
        for token in self.doc[verb.i + 1 : opener.right_edge.i + 1]:
            if token.lower_ == "to" and token.dep_ in ("prep", "dative") and content[0] < token.idx < content[1]:
                if any(a.i == opener.i for a in token.ancestors) and self.range_end(verb, token):
                    return self.ending_before(content, token.idx)
        return content

    def ending_before(self, content: tuple[int, int], cut: int) -> tuple[int, int]:
        """``content`` cut at character ``cut``, without the spaces, commas or semicolons left before it."""
        while cut > content[0] and self.text[cut - 1] in " ,;":
            cut -= 1
        return content[0], cut

    def range_end(self, verb: Token, to: Token) -> bool:
        """Whether ``to`` opens the other end of a range and not a phrase of the cue's own words: it hangs on the
        cue or on a noun of the cue's object ("praising the ruling to outright anger"), not on a verb the cue
        reports ("said the school had sent letters to the wrong homes"), or its phrase holds a cue of its own."""
        if any(t.pos_ == "VERB" and t.lemma_.lower() in self.lexicon.all_cue_lemmas for t in to.subtree):
            return True
        head = to.head
        while head.i != verb.i and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return head.i == verb.i

    @staticmethod
    def tense_of(verb: Token) -> str | None:
        """ "past", "present" or "modal": the tense of ``verb``'s first auxiliary, else of the verb; None for a bare
        verb or a participle with no auxiliary."""
        aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
        head = aux if aux is not None else verb
        if head.tag_ == "VBD":
            return "past"
        if head.tag_ in ("VBZ", "VBP"):
            return "present"
        return "modal" if head.tag_ == "MD" else None

    def participial_cues(self, head: Token) -> list[Token]:
        """Participial cues ("..., saying ...": advcl, VBG with no auxiliary, a cue lemma; or after "before", "by":
        "praised X before adding Y", "answered by noting Y"; or with a subject of its own after "with") after
        ``head`` and within its subtree's edges, in order, at most ``MAX_SUBTREE_CUES``: from one sorted index per
        doc, not a walk of the subtree (a paragraph chaining 1,000 cues made that quadratic). Not all need descend
        from ``head``: see :meth:`descends`."""
        if self._participles is None:
            cues = self.lexicon.all_cue_lemmas
            self._participles = [
                t.i
                for t in self.doc
                if t.tag_ == "VBG"
                and t.lemma_.lower() in cues
                and (
                    # not a progressive ("since the mayor was backing him"): a finite clause, no participle
                    t.dep_ == "advcl"
                    and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
                    or t.dep_ == "pcomp"
                    and t.head.lower_ in NEXT_ACT_PREPOSITIONS
                    and t.lemma_.lower() not in OCCASION_VERBS  # "before speaking engagements": an occasion
                    or t.dep_ == "pcomp"  # "mocked the fee, with one fan calling it X": another's words
                    and t.head.lower_ in ABSOLUTE_PREPOSITIONS
                    and any(c.dep_ == "nsubj" for c in t.children)
                )
            ]
        index = self._participles
        low, high = bisect_right(index, head.i), bisect_right(index, head.right_edge.i)
        return [self.doc[i] for i in index[low : min(high, low + MAX_SUBTREE_CUES)]]

    @staticmethod
    def participle_start(token: Token) -> int:
        """Where a participial cue's phrase starts: its left edge, or the preposition of "before adding"."""
        return token.head.i if token.dep_ == "pcomp" else token.left_edge.i

    @staticmethod
    def descends(token: Token, head: Token) -> bool:
        """Whether ``token`` is in ``head``'s subtree (walks up from ``token``; leaves ``head``'s edges at once
        when it is not)."""
        first, last = head.left_edge.i, head.right_edge.i
        node = token
        while node.i != head.i:
            parent = node.head
            if parent.i == node.i or not first <= parent.i <= last:
                return False
            node = parent
        return True

    def subtree_before_next_cue(self, token: Token) -> tuple[int, int]:
        """ "accused X of being duped and encouraged Y to ...": the parser may join the speaker's next cue to the
        content; what was said ends before it."""
        last = token.right_edge.i
        for child in token.rights:
            if child.dep_ == "conj" and child.pos_ == "VERB" and child.lemma_.lower() in self.lexicon.all_cue_lemmas:
                last = child.left_edge.i - 1
                while last > token.i and (self.doc[last].dep_ == "cc" or self.doc[last].is_punct):
                    last -= 1
                break
        return self.chars(token.left_edge.i, max(last, token.i))

    @staticmethod
    def is_aside(verb: Token) -> bool:
        """ "the attack, he said, was ...", "as Reuters adds, ...": a bare cue commenting on the clause around it.
        Not "When pressed by reporters, ..." (a passive with its agent) nor "as the crowd continued to
        chant" (a cue with a complement of its own, also one of what something is held to be: "(the numbers
        generally considered the most accurate)"). An infinitive the parser hung on the cue after a comma is no
        complement of it ("..., he said, on condition of anonymity to speak freely")."""
        for child in verb.children:
            if child.dep_ == "xcomp" and set_off(verb, child):
                continue
            if child.dep_ in ("xcomp", "ccomp", "dobj", "agent", "auxpass", "oprd"):
                return False
            if child.dep_ in ("mark", "advmod") and child.tag_ in ("IN", "WRB") and child.lower_ != "as":
                return False  # "when asked", "if confirmed", "after saying": a time or a condition, no aside
            if child.dep_ == "mark" and child.lower_ == "as" and verb.tag_ == "VBN":
                if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                    return False  # "see the toll as aimed at small boats", "as expected": what, or how, no aside
        return True

    def clause_chars(self, clause: Token) -> tuple[int, int]:
        """The clause's subtree, without a trailing participial cue ("..., saying ...", "..., calling it ..."):
        that is the speaker's next statement, not part of this one."""
        last = clause.right_edge.i
        for token in self.participial_cues(clause):
            if token.dep_ != "pcomp" and token.right_edge.i == last and self.descends(token, clause):
                last = token.left_edge.i - 1
                break
        for token in clause.rights:
            # "said the plan is dead, and he attacked the mayor": a cue with its own subject, joined to the
            # reported clause by the parser, starts the speaker's next statement; not a belief ("and he feels he
            # can win") nor a second "that" clause ("and that she wanted Y"): those go on with the same words
            if (
                token.dep_ == "conj"
                and token.pos_ == "VERB"
                and token.lemma_.lower() in self.lexicon.statement_lemmas
                and any(c.dep_ in SUBJECT_DEPS for c in token.children)
                and token.left_edge.i > clause.i
                and not second_complement(token)
            ):
                first = token.left_edge.i
                while first > clause.i and joins_clauses(self.doc[first - 1]):
                    first -= 1
                last = min(last, first - 1)
                break
        if last < clause.i:
            return self.subtree_chars(clause)
        return self.chars(clause.left_edge.i, last)

    def relative_gap_of(self, verb: Token, group: str, objects: list[Token]) -> tuple[int, int] | None:
        """ "a fact he often mentions", "a plan which the mayor proposed": a cue in a relative clause whose
        object is the noun the clause modifies; that noun phrase (without the clause) is what is said."""
        lemma = verb.lemma_.lower()
        if (
            verb.dep_ != "relcl"
            or verb.head.i > verb.i
            or not (verb.head.pos_ in ("NOUN", "PROPN") or verb.head.lower_ in GAP_PRONOUNS)
        ):
            return None
        if verb.head.lemma_.lower() in RELATIVE_GAP_NOT_CONTENT or verb.head.ent_type_ in ("GPE", "LOC", "FAC"):
            return None  # "the way they say it", "the day she announced", "areas they defend": not what was said
        takes_object = (
            group == "report"
            or lemma in self.lexicon.belief_objects
            or (group == "speech" and lemma not in NO_OBJECT_CONTENT)
        )
        if not takes_object or lemma in self.lexicon.recipient_objects:
            return None
        own = self.content_prepositions(lemma)
        if any(o.tag_ not in ("WDT", "WP") for o in objects) or any(
            (c.dep_ in ("ccomp", "xcomp", "dative") or c.dep_ == "prep" and c.lower_ in own) and c.i > verb.i
            for c in verb.children
        ):
            return None  # the clause has an object or a complement of its own ("proposed in May" is neither)
        if lemma in ADDRESSEE_VERBS and any(
            c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPOSITIONS and not any(c.children) for c in verb.rights
        ):
            return None  # "residents we spoke to": the ones spoken to, not what was said
        subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
        if subject is None or subject.tag_ in ("WDT", "WP") or subject.dep_ == "nsubjpass":
            return None  # "a plan that pleased ...": the relative pronoun is the subject, there is no gap
        first = verb.head.left_edge.i
        last = verb.left_edge.i - 1
        while last > first and (self.doc[last].is_punct or self.doc[last].tag_ in ("WDT", "WP", "IN")):
            last -= 1
        if last < verb.head.i:
            return None
        return self.chars(first, last)

    def regarded_as_of(self, verb: Token, objects: list[Token]) -> tuple[int, int] | None:
        """ "X views Y as Z" -> "Y as Z"; "Y is seen as Z" -> "as Z": what the cue takes something for."""
        as_phrase = next(
            (
                c
                for c in verb.rights
                if c.dep_ == "prep"
                and c.lower_ == "as"
                and any(g.dep_ in ("pobj", "pcomp", "amod", "acomp") for g in c.children)
            ),
            None,
        )
        if as_phrase is None:
            # "were rated as mostly true": the parser hangs "as" on the adjective it introduces
            as_phrase = next(
                (
                    c
                    for c in verb.rights
                    if c.dep_ == "oprd" and c.left_edge.lower_ == "as" and c.left_edge.dep_ in ("advmod", "prep")
                ),
                None,
            )
        lemma = verb.lemma_.lower()
        if as_phrase is None and (lemma in self.lexicon.perception_verbs or self.lexicon.cue_group(lemma) == "belief"):
            as_phrase = self.as_clause_of(verb)
        if as_phrase is None:
            return None
        if objects and objects[0].tag_ in ("WP", "WDT") and as_phrase.i > verb.i:
            # "in what officials described as a handover": the description is the content, not "what ..."
            return self.chars(as_phrase.i + 1, as_phrase.right_edge.i)
        if objects and objects[0].i < as_phrase.i:
            return self.chars(objects[0].left_edge.i, as_phrase.right_edge.i)
        if self.is_passive(verb):
            if verb.lemma_.lower() in OBJECT_CONTENT_SPEECH and not any(c.dep_ == "agent" for c in verb.children):
                return None  # "is also called X", "to be called fouls": a name in use, nobody's words
            return self.subtree_chars(as_phrase)
        return None

    @staticmethod
    def as_clause_of(verb: Token) -> Token | None:
        """The "as" phrase of "sees Tallen as bound by a faction" (a participle or an adjective the parser reads as
        a clause of the verb with "as" for its mark, and no subject of its own: "as he said" is an aside)."""
        objects = [c for c in verb.rights if c.dep_ == "dobj"]
        for child in [*verb.rights, *(g for o in objects for g in o.rights)]:  # "see the toll as aimed at": on the
            # object, as the parser may hang it
            if (
                child.dep_ == "advcl"
                and child.left_edge.lower_ == "as"
                and child.left_edge.dep_ == "mark"
                and child.tag_ in ("VBN", "VBG", "JJ")
                and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
                and len(list(child.children)) > 1  # "as planned", "as expected": how it went, not what it is taken for
                and (child.left_edge.i == 0 or child.doc[child.left_edge.i - 1].text != ",")  # "saw the site, as
                # required by the treaty": a manner aside, not what the site is taken for
            ):
                return child
        return None

    @staticmethod
    def is_passive(verb: Token) -> bool:
        """ "was asked whether ...", and the bare participle of "Asked whether ..., she said ..."."""
        return (
            any(c.dep_ == "auxpass" for c in verb.children)
            or (verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ == "aux" for c in verb.children))
            # "Asked what ..., she said": the parser may tag the opening participle as a past tense
            or (
                verb.tag_ == "VBD"
                and verb.dep_ == "advcl"
                and verb.i == verb.sent.start
                and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
            )
            or ContentRules.passive_conjunct(verb)
        )

    @staticmethod
    def passive_conjunct(verb: Token) -> bool:
        """ "Her views were shared and later posted on a forum by a reporter": a participle with its own agent,
        joined to a passive verb, shares that verb's auxiliary and subject."""
        return (
            verb.dep_ == "conj"
            and verb.tag_ == "VBN"
            and any(c.dep_ == "agent" for c in verb.children)
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.head.children)
        )

    def clause_without(self, head: Token, cut: Token) -> tuple[int, int] | None:
        """The clause of ``head`` minus the subtree of ``cut`` (a parenthetical cue): the side that is longer."""
        first, last = head.left_edge.i, head.right_edge.i
        cut_first, cut_last = cut.left_edge.i, cut.right_edge.i
        before = (first, cut_first - 1) if cut_first > first else None
        after = (cut_last + 1, last) if cut_last < last else None
        if after and all(t.is_punct or t.is_space for t in self.doc[after[0] : after[1] + 1]):
            after = None  # "The ferry will run, as the mayor said.": only the full stop follows the cue
        if (
            before
            and after
            and (self.narration_after_quotation(before, cut, after) or self.own_clause_after(head, after[0]))
        ):
            return self.chars(*before)
        if before and after:
            # a parenthetical in the middle: the content is the whole clause around it
            return self.chars(first, last)
        side = before or after
        if not side or side[0] > side[1]:
            return None
        return self.chars(*side)

    def before_summary_gloss(self, content: tuple[int, int]) -> tuple[int, int]:
        """ "The ministry added that no civilians were harmed, a claim that could not be independently verified": an
        apposition closing the content that sums up what was said ("a claim", "a figure", "a move") is the writer's
        comment on it, however the parser hung it; the content ends before its comma. So does one that others judge
        (:meth:`judged_by_others`). Not inside a quotation."""
        span = self.doc.char_span(*content, alignment_mode="expand")
        if span is None:
            return content
        for comma in span[:-2]:
            article, noun = self.doc[comma.i + 1], self.doc[comma.i + 2]
            if (
                comma.text == ","
                and article.lower_ in ("a", "an")
                and (
                    noun.lemma_.lower() in SUMMARY_NOUNS
                    or self.judged_by_others(noun)
                    and noun.right_edge.i >= span.end - 2  # closing it
                )
                and noun.tag_ == "NN"
                and noun.dep_ not in SUBJECT_DEPS  # "Overall, she said, a claim of theirs was ...": the clause goes on
                and comma.i > span.start
                and not self.quotes_touching(comma.idx, comma.idx + 1)
            ):
                return self.ending_before(content, comma.idx)
        return content

    def judged_by_others(self, noun: Token) -> bool:
        """ "a new pier, a plan that traders described as 'a fantasy'": an apposition whose relative clause has a
        speaker of its own judging it is someone else's view of what was said, not more of it."""
        return any(
            c.dep_ == "relcl"
            and c.lemma_.lower() in self.lexicon.all_cue_lemmas
            and any(s.dep_ == "nsubj" and s.tag_ not in ("WDT", "WP") for s in c.children)
            for c in noun.rights
        )

    def own_clause_after(self, head: Token, first: int) -> bool:
        """ "Firms have begun rerouting cargo, people familiar with their plans said, and two lines are reportedly
        considering X": after the aside an "and" or "but" opens a clause with a subject and a source of its own
        (a statement of someone else's, or "reportedly"), which the aside does not relay. Without one the aside
        comments on both ("X, they say, but Y" is all theirs)."""
        opener = self.doc[first]
        if opener.dep_ != "cc" or opener.head.i != head.i:
            return False
        return any(
            c.dep_ == "conj"
            and c.i > first
            and self.tensed_with_subject(c)
            and (
                any(a.dep_ == "advmod" and a.lower_ in self.lexicon.relay_adverbs for a in c.children)
                or self.states_a_clause(c)
            )
            for c in head.rights
        )

    def states_a_clause(self, verb: Token) -> bool:
        """Whether ``verb`` says or holds a clause of its own ("the government insists growth will return"): a verb of
        saying or believing with a clausal complement after it. Such a clause inside another cue's content is another
        statement (:meth:`before_contrasting_cue`, :meth:`own_clause_after`)."""
        return self.lexicon.cue_group(verb.lemma_.lower()) in ("speech", "belief") and any(
            c.dep_ == "ccomp" for c in verb.rights
        )

    def narration_after_quotation(self, before: tuple[int, int], cut: Token, after: tuple[int, int]) -> bool:
        """'"Stay close," the guide said, and the children followed her', '"Watch out," he said, when a visitor
        slipped': a quotation closed before its speaker, with no mark opening again after the cue, is all that
        was said; what follows the cue is the writer's narration, however the parser joined it to the quoted
        clause (not '"The pier," she said, "was closed."', one quotation around its cue)."""
        doc = self.doc
        opened = doc[before[0]].is_quote
        closed = any(t.is_quote for t in doc[before[0] + 1 : cut.i])
        reopened = any(t.is_quote for t in doc[after[0] : after[0] + 2])
        return opened and closed and not reopened

    def within_line(self, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
        """An indirect content does not cross a line break: the parser may run a sentence over into the next
        paragraph (or a headline into the first line); keep the part on the cue's side of the break."""
        start, end = content
        inside = self.text[start:end]
        if "\n" not in inside.strip():
            return content
        pieces, at = [], start
        for line in inside.split("\n"):
            if line.strip():
                lead = len(line) - len(line.lstrip())
                pieces.append((at + lead, at + len(line.rstrip())))
            at += len(line) + 1
        if not pieces:
            return content
        anchor = cue[0]
        return min(pieces, key=lambda p: 0 if p[0] <= anchor <= p[1] else min(abs(anchor - p[0]), abs(anchor - p[1])))

    def second_half(
        self, content: tuple[int, int], cue: tuple[int, int], subject: Token | None, verb: Token
    ) -> tuple[int, int]:
        """'"A," he said, "B."': a quotation resumed right after the cue belongs to the same content, also after
        what the cue says of how it was said ('"A," she said to the crowd, clapping. "B."')."""
        after = max(cue[1], subject.right_edge.idx + len(subject.right_edge) if subject is not None else 0)
        for child in verb.rights:
            if child.dep_ in ("prep", "advcl", "npadvmod", "advmod", "dative") and child.idx >= cue[1]:
                if any(self.answers_with_colon(t) for t in child.subtree):
                    return content  # '"A," she says to Roe, who answers: "B."': B is the one who answers
                if self.quote_at(child.idx, child.right_edge.idx + 1) is None:
                    after = max(after, child.right_edge.idx + len(child.right_edge))
        # the gap matches only when it is a few characters long (``$`` may stand before one last line break):
        # only the quotes starting that close are tried
        for quote in self.quotes_touching(after, after + 6) if self._quotes_disjoint else self.quotes:
            if quote.start >= after and SPLIT_QUOTE_GAP.match(self.text[after : quote.start]):
                if self.has_own_cue(quote.end):
                    return content  # '"A," she said. "B," she added.': "B" is an attribution of its own
                return content[0], quote.end
        return content

    def answers_with_colon(self, verb: Token) -> bool:
        """Whether ``verb`` is a speech verb of a relative clause that a colon ends ("..., who responds: ")."""
        end = verb.right_edge.i + 1
        return (
            verb.dep_ == "relcl"
            and verb.lemma_.lower() in self.lexicon.cue_verbs["speech"]
            and end < len(self.doc)
            and self.doc[end].text == ":"
        )

    def first_half(
        self, content: tuple[int, int], cue: tuple[int, int], source: tuple[int, int] | None
    ) -> tuple[int, int]:
        """'"A," he said, "B."' found from "B": the quotation right before the speaker and the cue (nothing but a
        comma between) is the first half of the same statement, so the content starts there."""
        left = min(cue[0], source[0]) if source is not None else cue[0]
        if self.quote_at(content[0], content[0] + 1) is None:
            return content  # the content does not open with a quotation: no split quotation
        # the gap matches only when it is a few characters long: only the quotes ending that close are tried
        near = self.quotes_touching(left - 5, left) if self._quotes_disjoint else self.quotes
        before = next((q for q in reversed(near) if q.closed and q.end <= left), None)
        if before is None or not SPLIT_QUOTE_GAP.match(self.text[before.end : left]):
            return content
        if self.inside_found_content(before.start):
            return content  # another cue already claims it
        return before.start, content[1]

    def has_own_cue(self, end: int) -> bool:
        """Whether a cue verb follows a quotation ending at ``end`` within a few tokens of the same sentence
        ('"...," she added', '"...," Lane said')."""
        span = self.doc.char_span(end, min(len(self.text), end + 1), alignment_mode="expand")
        if span is None:
            return False
        cues = self.lexicon.all_cue_lemmas
        for token in self.doc[span.start : span.start + OWN_CUE_REACH]:
            if token.is_sent_start and token.i > span.start or token.text in OPENING_MARKS:
                return False
            if token.pos_ == "VERB" and token.lemma_.lower() in cues:
                return True
        return False


#: The content rules, tried in this order; each one's confidence is ``CONFIDENCE["content." + its name]``.
CONTENT_RULES: tuple[Callable[[ContentRules, Ask], Span_ | None], ...] = (
    ContentRules.report_object,
    ContentRules.clause,
    ContentRules.inverted_aside,
    ContentRules.passive_agent,
    ContentRules.relative_gap,
    ContentRules.free_relative_gap,
    ContentRules.short_answer,
    ContentRules.regarded_as,
    ContentRules.belief_object,
    ContentRules.belief_preposition,
    ContentRules.belief_aside,
    ContentRules.object_then_clause,
    ContentRules.long_said_object,
    ContentRules.name_given,
    ContentRules.object_named,
    ContentRules.speech_object,
    ContentRules.topic_object,
    ContentRules.preposition,
    ContentRules.aside,
    ContentRules.comma_aside,
    ContentRules.name_hung_before_cue,
    ContentRules.trailing_cue,
    ContentRules.closing_aside,
)


def joins_clauses(token: Token) -> bool:
    """Whether ``token`` only joins two clauses (a comma, a dash, "and"), so a cut before the second clause steps back
    over it. Not a closing quotation mark: 'were "a wake-up call" and urged X' keeps the quotation whole."""
    return token.dep_ == "cc" or token.is_punct and not token.is_quote
