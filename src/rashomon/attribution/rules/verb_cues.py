"""Verb-cue rules: speech and belief verbs, attitude adjectives, clause marks, chains, replies."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from ...deps import SUBJECT_DEPS
from .base import ExtractorBase, Found, circumstance_of_speech, clear_of, set_off, to_infinitive
from .boundaries import manner_noun, opened_by_in_case
from .confidence import CONFIDENCE, GROUP_CONFIDENCE, rated
from .marks import Quote
from .settings import (
    ADVICE_MODALS,
    AMOUNT_ENTITIES,
    ANONYMITY_WORDS,
    ANYONE,
    BACK_IN_TIME,
    CASE_MARKS,
    CHOICE_MODALS,
    CHOICE_VERBS,
    CLEAR_ADJECTIVES,
    CLOSING_MARKS,
    COMPARISON_MODALS,
    COMPARISON_VERBS,
    CONDITION_MARKS,
    CONJUNCTION_THAT_LEADS,
    COPULAS,
    DUTY_MODALS,
    DUTY_VERBS,
    ENSURE_ADJECTIVES,
    ESTIMATE_FIGURE_NOUNS,
    ESTIMATE_PRONOUNS,
    EVIDENT_ADJECTIVES,
    EXPLETIVES,
    GERUND_PREPOSITIONS,
    GOING_ON,
    HEDGING_SUBJECTS,
    IMPERATIVE_OPENERS,
    IMPERSONAL_SUBJECTS,
    IMPERSONAL_VERBS,
    LABEL_PREFIXES,
    MAKE_VERBS,
    MAX_CHAIN_GAP,
    NEXT_BLOCK,
    OCCASION_VERBS,
    PARTICLE_ADVERBS,
    PASSIVE_ADDRESSEE_VERBS,
    PURPOSE_CLAUSES,
    QUESTION_MARKS,
    QUOTE_ONLY_VERBS,
    RAISED_COMPLEMENT_DEPS,
    RAISING_ADJECTIVES,
    REPLY_JOINS,
    RETORT_CONTENT_RULES,
    RETORT_PARTICLE,
    RETORT_VERBS,
    SAY_LEMMAS,
    SKIP_CUES_IN_QUOTES,
    UNSPOKEN_INFINITIVE_HEADS,
    VEHICLE_CONTENT_RULES,
    VEHICLE_VERBS,
)

#: The spaces after a mark, up to the next character (matched in place, no copy of the rest of the text).
_SPACES = re.compile(r" *")


class VerbCueRules(ExtractorBase):
    """Speech and belief verbs, attitude adjectives and clause marks as cues, with their source and content."""

    def speakers_manner(self, verb: Token) -> bool:
        """'"...," said Ida Vell, joking.', '"...," Ida Vell said, joking.': a participle hung on a verb of saying or
        on its speaker tells how it was said; the quotation is that cue's, not a second statement. (Not "is shown
        saying": there the participle is the speech.)"""
        if verb.tag_ != "VBG":
            return False
        if verb.dep_ == "xcomp":
            return verb.head.lemma_.lower() in SAY_LEMMAS
        speaker = verb.head
        return (
            verb.dep_ in ("appos", "acl")
            and speaker.dep_ in ("nsubj", "nsubjpass")
            and speaker.head.lemma_.lower() in self.lexicon.all_cue_lemmas
        )

    def cue_chars(self, verb: Token) -> tuple[int, int]:
        """The cue verb with its auxiliaries, negation and adverbs ("has also said"), particle ("pointed out")
        and the preposition that introduces its content ("called for", "accused her of")."""
        doc = self.doc
        first = verb.i
        while first > 0:
            left = doc[first - 1]
            modifies = left.dep_ in ("aux", "auxpass", "neg") or (left.dep_ == "advmod" and left.pos_ == "ADV")
            # ("Merrily said": a surname read as an adverb is the speaker, SpeakerRules.name_misread_as_interjection)
            if left.head.i != verb.i or not modifies or left.is_title and left.lower_ in self.names():
                break
            first -= 1
        last = verb.i
        for child in verb.rights:
            particle = child.dep_ == "prt" or (
                child.lower_ in PARTICLE_ADVERBS and not any(child.children) and not self.time_follows(child)
            )
            if particle and child.i == last + 1:
                last = child.i  # "pointed out", and "shot back" with "back" read as an adverb (not "back in May")
        prepositions = self.lexicon.cue_prepositions.get(verb.lemma_.lower(), ())
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in prepositions and child.i - last <= 3:
                last = child.i
                break
        channel = self.channel_after(verb, last)
        if channel is not None:
            last = channel  # "said in a statement", "told reporters in an interview": how it was said
        if (
            last + 1 < len(doc)
            and doc[last + 1].lower_ == "as"
            and doc[last + 1].head.i == verb.i
            and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in verb.children)
        ):
            last += 1  # "what officials described as a handover": the cue is "described as"
        return doc[first].idx, doc[last].idx + len(doc[last])

    @staticmethod
    def time_follows(token: Token) -> bool:
        """Whether a time comes right after ``token`` ("declared back in December", "said back then")."""
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return after is not None and (after.lower_ in BACK_IN_TIME or after.ent_type_ in ("DATE", "TIME"))

    def with_preposition(self, verb: Token, cue: tuple[int, int], content: tuple[int, int]) -> tuple[int, int]:
        """ "lashed out at X", "agreed with X": the preposition that introduces the content, right after the cue,
        belongs to the cue (as the lexicon's listed ones do: "called for", "accused ... of")."""
        between = self.doc.char_span(cue[1], content[0], alignment_mode="expand")
        if between is None:
            return cue
        words = [t for t in between if not t.is_space and t.idx < content[0]]
        if len(words) == 1 and (
            words[0].dep_ == "prep"
            and words[0].head.i in (verb.i, verb.i + 1)
            or words[0].dep_ == "mark"
            and words[0].i == verb.i + 1
            and words[0].lower_ == "for"
        ):
            return cue[0], words[0].idx + len(words[0])
        return cue

    def channel_after(self, verb: Token, last: int, reach: int = 1) -> int | None:
        """The last token of "in a statement" / "in an interview" within ``reach`` tokens after token ``last``,
        when the lexicon lists the noun as a channel; None otherwise."""
        for child in verb.rights:
            if child.dep_ != "prep" or child.lower_ != "in" or not 0 < child.i - last <= reach:
                continue
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.lemma_.lower() in self.lexicon.channel_nouns and noun.i - child.i <= 4:
                return noun.i
        return None

    def from_clause_mark(self, mark: Token) -> None:
        """ "X made clear that ...", "X is confident that ...": a verb or adjective no lexicon lists, with a
        subject and a that/whether-clause, reports what its subject says or holds (lower confidence)."""
        clause = mark.head
        cue = clause.head
        if self.made_clear(clause, cue) or self.evident(mark, clause, cue):
            return
        if clause.dep_ != "ccomp" or cue is clause or cue.i in self.claimed_tokens:
            return
        if cue.pos_ not in ("VERB", "ADJ") or cue.lemma_.lower() in self.lexicon.not_clause_cues:
            return
        if self.lexicon.cue_group(cue.lemma_.lower()) is not None and cue.pos_ == "VERB":
            return  # a listed cue: its own rule has had its say
        if any(t.lower_ in ("so", "such") for t in self.doc[cue.i + 1 : mark.i]):
            return  # "drove so fast that the police stopped her": a result, nothing said or held
        if mark.i > 0 and self.doc[mark.i - 1].lower_ in CONJUNCTION_THAT_LEADS:
            return  # "hired more clerks now that the budget has grown": a time or a reason, nothing said or held
        if mark.lower_ in QUESTION_MARKS and cue.pos_ == "VERB":
            return  # "owners can check whether their car is affected": an unlisted verb with a question looks
            # something up; asking and wondering are listed
        if cue.pos_ == "ADJ" and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ in IMPERSONAL_SUBJECTS for c in cue.head.children
        ):
            return  # "it was significant that ...", "it is likely that ...": "it" holds nothing, nobody is named
        if self.ensures(cue):
            return
        if any(
            t.dep_ in ("dobj", "pobj") and t.pos_ == "NOUN" and t.ent_type_ not in ("DATE", "TIME")
            for t in self.doc[cue.i + 1 : mark.i]
        ):
            return  # "reduces the chance that ...", "is based on the premise that ...": the clause is the noun's
        if (
            cue.pos_ == "VERB"
            and not any(c.dep_ in SUBJECT_DEPS for c in cue.children)
            and self.subject_of(cue) is None
        ):
            return  # "is based on the view that ...": with nobody named, an unlisted verb reports nothing
        self.from_verb(cue, group="belief", ceiling=CONFIDENCE["verb.clause_mark"])

    def from_label_prefix(self, verb: Token) -> bool:
        """ "a so-called harbour tax", "the self-described reformer": a label the writer passes on without
        owning it (the "self" of "self-described" is the noun's own referent). Content: the labelled words."""
        first = verb.i - 2
        if first < 0 or self.doc[first + 1].text not in ("-", "‑") or verb.head.i <= verb.i:
            return False
        prefix = self.doc[first].lower_
        if (prefix, verb.lemma_.lower()) not in LABEL_PREFIXES:
            return False
        noun = verb.head
        content, kind = self.with_quotes(self.chars(verb.i + 1, noun.i))
        source = None
        if prefix == "self":  # the one who describes themself: the noun phrase itself
            source = self.chars(noun.left_edge.i, noun.i)
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                content,
                kind,
                (self.doc[first].idx, verb.idx + len(verb)),
                source,
                noun.i if source else None,
                **rated("verb.label_prefix"),
            )
        )
        return True

    def from_impression(self, verb: Token, subject: Token | None) -> None:
        """ "The plan seems doomed", "it appears that the pier will hold": an impression with nobody named as its
        holder (the writer's). The content is what seems so: the subject with its complement, or the clause."""
        complement = next(
            (
                c
                for c in verb.rights
                if c.dep_ in ("ccomp", "xcomp", "acomp", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ == "like")
            ),
            None,
        )
        if complement is None or self.inside_quote(verb.idx):
            return
        if subject is not None and subject.tag_ in ("WDT", "WP") and subject.i < verb.i:
            # "who seemed to be confused", "which seemed to carry little weight": the relative clause says what
            # seems so of the noun it hangs on; the content runs from its pronoun
            content = self.chars(subject.i, complement.right_edge.i)
        elif (
            subject is None
            or subject.lower_ in IMPERSONAL_SUBJECTS
            or subject.tag_ in ("WDT", "WP")
            or (verb.tag_ == "VBG" and verb.dep_ == "advcl")
        ):
            # "X denied it, appearing to rely on Y": what seems so is the complement; the sentence it hangs on
            # is X's own act, not part of the impression
            content = self.subtree_chars(complement)
        else:
            content = self.chars(subject.left_edge.i, complement.right_edge.i)
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(verb.i)
        self.add(Found(content, kind, self.cue_chars(verb), **rated("verb.impression")))

    def made_clear(self, clause: Token, adjective: Token) -> bool:
        """ "X made (it) clear that ...": "clear" alone never is a cue ("it is clear that"), "made clear" is.
        The parser hangs the that-clause on "clear" or on "made"."""
        if adjective.lemma_.lower() in MAKE_VERBS:
            adjective = next((c for c in adjective.children if c.lemma_.lower() in CLEAR_ADJECTIVES), adjective)
        verb = adjective.head
        if (
            clause.dep_ not in ("ccomp", "advcl", "csubj")
            or adjective.lemma_.lower() not in CLEAR_ADJECTIVES
            or adjective.dep_ not in ("ccomp", "oprd", "acomp")
            or verb.lemma_.lower() not in MAKE_VERBS
            or verb.i in self.claimed_tokens
            or self.inside_quote(verb.idx)
        ):
            return False
        subject = self.subject_of(verb)
        if subject is None or subject.lower_ in HEDGING_SUBJECTS:
            return False
        content, kind = self.with_quotes(self.subtree_chars(clause))
        self.claimed_tokens.update((verb.i, adjective.i))
        self.add(
            Found(
                content,
                kind,
                (self.cue_chars(verb)[0], adjective.idx + len(adjective)),
                self.source_chars(subject),
                subject.i,
                **rated("verb.made_clear"),
            )
        )
        return True

    def from_made_clear(self, verb: Token) -> None:
        """ "made clear on Friday evening that she plans to ...", "made it clear they would not": "made clear"
        with a clause the parser did not open with a "that" mark it reads as one (see :meth:`made_clear`)."""
        clear = clear_of(verb)
        if clear is None:
            return
        clause = next(
            (
                c
                for c in (*clear.rights, *verb.rights)
                if c.dep_ in ("ccomp", "advcl")
                and c.i > clear.i
                and c.pos_ in ("VERB", "AUX")
                and any(s.dep_ in SUBJECT_DEPS for s in c.children)
            ),
            None,
        )
        if clause is not None:
            self.made_clear(clause, clear)

    def evident(self, mark: Token, clause: Token, head: Token) -> bool:
        """ "it is obvious that ...", "it is evident that ...": a judgment that something is evident, with
        nobody named (an impression, like "it appears that"). The parser hangs the clause on the adjective or on
        the copula. Cue: from "it" (or the copula) to the adjective. True when that added the attribution."""
        if mark.lower_ != "that" or clause.dep_ != "ccomp":
            return False
        adjective = head if head.pos_ == "ADJ" else next((c for c in head.rights if c.dep_ == "acomp"), None)
        if adjective is None or adjective.lower_ not in EVIDENT_ADJECTIVES or adjective.dep_ != "acomp":
            return False
        copula = adjective.head
        it = next((c for c in copula.children if c.dep_ in ("nsubj", "expl") and c.lower_ == "it"), None)
        if (
            copula.lemma_.lower() != "be"
            or it is None
            or adjective.i in self.claimed_tokens
            or self.inside_quote(adjective.idx)
            or any(c.dep_ == "neg" for c in copula.children)
        ):
            return False
        content, kind = self.with_quotes(self.subtree_chars(clause))
        self.claimed_tokens.add(adjective.i)
        self.add(
            Found(
                content,
                kind,
                (min(it.idx, self.cue_chars(copula)[0]), adjective.idx + len(adjective)),
                **rated("verb.evident"),
            )
        )
        return True

    @staticmethod
    def ensures(adjective: Token) -> bool:
        """ "will make sure (that) the bill passes": "make sure" is "ensure", an act, nobody's certainty."""
        return adjective.lower_ in ENSURE_ADJECTIVES and adjective.head.lemma_.lower() in MAKE_VERBS

    @staticmethod
    def raising(adjective: Token, complement: Token) -> bool:
        """ "X seemed certain to open the door": a likelihood about X, no certainty X holds."""
        return adjective.lower_ in RAISING_ADJECTIVES and complement.dep_ == "xcomp" and to_infinitive(complement)

    def from_adjective(self, adjective: Token) -> None:
        """ "X is confident that Y", "X was critical of Y", "X is eager to Y": an attitude of the subject."""
        if adjective.i in self.claimed_tokens or self.inside_quote(adjective.idx):
            return
        if self.ensures(adjective) or self.put_as_question(adjective):
            return
        subject = self.subject_of(adjective.head) if adjective.head.i != adjective.i else None
        if subject is None or subject.tag_ in ("WDT", "WP") or subject.lower_ in HEDGING_SUBJECTS | EXPLETIVES:
            return
        complement = next((c for c in adjective.rights if c.dep_ in ("ccomp", "xcomp")), None)
        if complement is None and adjective.dep_ == "acomp":
            # "was fully aware, of course, that X": the parser hung the clause on the copula
            complement = next(
                (
                    c
                    for c in adjective.head.rights
                    if c.dep_ == "ccomp"
                    and c.i > adjective.i
                    and any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children)
                ),
                None,
            )
        if complement is None and adjective.tag_ != "VBN":
            # a listed attitude the tagger read as a participle holds a clause ("are convinced that"); with a
            # preposition it is mostly a state ("is committed to the senator", "were disgusted with both parties")
            preposition = next((c for c in adjective.rights if c.dep_ == "prep"), None)
            complement = (
                next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
                if preposition is not None
                else None
            )
        if complement is None or self.raising(adjective, complement):
            return
        content, kind = self.with_quotes(self.before_summary_gloss(self.subtree_chars(complement)))
        self.claimed_tokens.add(adjective.i)
        cue = (adjective.idx, adjective.idx + len(adjective))
        copula = adjective.head
        if (
            copula.i < adjective.i
            and copula.lemma_.lower() == "be"
            and adjective.dep_ == "acomp"
            and all(t.dep_ in ("neg", "advmod") for t in self.doc[copula.i + 1 : adjective.i])
        ):
            # "was not critical of": the copula with its auxiliaries and negation belongs to the stance
            cue = (self.cue_chars(copula)[0], cue[1])
        if cue[1] < content[0]:
            cue = self.with_preposition(adjective, cue, content)
        self.add(
            Found(
                content,
                kind,
                cue,
                self.source_chars(subject),
                subject.i,
                **rated("verb.unlisted"),
            )
        )

    def from_stance_holder(self, noun: Token) -> None:
        """ "X is a vocal critic of Y", "X has long been a supporter of Y": the copula's subject holds a stance on
        what follows "of". Cue: copula to "of"."""
        copula = noun.head
        if copula.lemma_.lower() != "be" or noun.i in self.claimed_tokens or self.inside_quote(noun.idx):
            return
        subject = self.subject_of(copula)
        if (
            subject is None
            or subject.lower_ in HEDGING_SUBJECTS | EXPLETIVES
            or subject.tag_ in ("WDT", "WP")
            and copula.dep_ != "relcl"
        ):
            return
        speaker = copula.head if subject.tag_ in ("WDT", "WP") else subject
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        target = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
        if target is None:
            return
        content, kind = self.with_quotes(self.subtree_chars(target))
        self.claimed_tokens.add(noun.i)
        self.add(
            Found(
                content,
                kind,
                (self.cue_chars(copula)[0], of.idx + len(of)),
                self.source_chars(speaker),
                speaker.i,
                **rated("verb.unlisted"),
            )
        )

    @staticmethod
    def noun_modifier(verb: Token) -> bool:
        """ "before speaking engagements", "his talking points": an -ing form of "speak" or "talk" right before a
        bare noun the parser made its object names a kind of thing, no act of speaking."""
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return (
            verb.tag_ == "VBG"
            and verb.lemma_.lower() in OCCASION_VERBS
            and following is not None
            and following.dep_ == "dobj"
            and following.head.i == verb.i
            and following.pos_ == "NOUN"
            and following.i == following.left_edge.i
        )

    @staticmethod
    def bare_participle(verb: Token) -> bool:
        """ "Declared 2016 Presidential Candidates", "Announced March 23, 2015": a past participle heading its
        sentence with no auxiliary (and, for the caller, no one named) is a list label or a heading, not a
        report. Only at the root: "the plan, announced Monday, ..." is a report PolNeAR marks."""
        return (
            verb.dep_ == "ROOT"
            and verb.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children)
        )

    def light_verb_first(self, verb: Token) -> bool:
        """ "expressed concern about X", "voiced support for X", "issued a warning that X": a light verb whose
        object is a speech-act noun reports what the noun is about, not the noun (PolNeAR's cue runs from the verb
        to the noun and its preposition); read as a light verb before the verb's own object rule takes the noun
        for the content. True when that added the attribution."""
        if verb.lemma_.lower() not in self.lexicon.light_verbs:
            return False
        return any(
            self.from_light_verb(c)
            for c in verb.rights
            if c.dep_ == "dobj" and c.lemma_.lower() in self.lexicon.light_verb_objects and self.says_what_about(c)
        )

    def says_what_about(self, noun: Token) -> bool:
        """Whether a speech-act noun says what it is about: a that/whether clause or a preposition of content
        ("concern about X", "support for X"); not "advice to X" (the one addressed) nor "a statement in X"."""
        return any(
            c.dep_ in ("acl", "ccomp", "relcl")
            and self.opens_with_that(c)
            or c.dep_ == "prep"
            and c.lower_ in self.lexicon.noun_content_prepositions
            for c in noun.rights
        )

    def from_verb(
        self, verb: Token, group: str | None = None, ceiling: float = 1.0, accept: Callable[[Found], bool] | None = None
    ) -> None:
        """The attribution of a cue verb, read as a cue of ``group`` (default: its lexicon group). ``accept``, when
        given, is the caller's test of the attribution before it is stored (:meth:`~.base.ExtractorBase.add`): the
        verb is then a cue only when its attribution is stored, and stays unclaimed for later rules otherwise."""
        group = group or self.lexicon.cue_group(verb.lemma_.lower())
        if group is None or verb.i in self.claimed_tokens:
            return
        if verb.pos_ == "NOUN" and not self.verb_tagged_noun(verb):
            return
        if self.light_verb_first(verb):
            return
        if (
            verb.tag_ == "VBG"
            and verb.i > 0
            and verb.nbor(-1).dep_ == "aux"
            and verb.nbor(-1).head.i == verb.i
            and {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"} == {"have"}
        ):
            # "doctors have admitting privileges": "have" right before an -ing word, no "been", is no verb form but
            # a noun's modifier misread (not "has Clinton discussing ...", where she is made to discuss)
            return
        quote_as = self.lexicon.cue_verbs["quote_as"]
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in quote_as:
            return  # the "as saying" of "X quoted Y as saying": handled with "quoted"
        if group == "quote_as" or verb.lemma_.lower() in quote_as:
            if self.from_quote_as(verb):
                return
        if SKIP_CUES_IN_QUOTES and self.inside_quote(verb.idx):
            return  # speech reported inside someone's own words is part of what they say
        if verb.dep_ == "amod" and self.from_label_prefix(verb):
            return
        infinitive = verb.tag_ == "VB" and to_infinitive(verb)
        if (
            infinitive
            and verb.dep_ in ("xcomp", "advcl")
            and verb.head.lemma_.lower() not in self.lexicon.all_cue_lemmas
            and self.subject_of(verb.head) is None
            and self.made_to(verb) is None
        ):
            return  # "to show", "to find" with no one doing it: an intention, not a speech act
        if infinitive and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            return  # "a theory to predict X", "a tool to show Y": what a thing is for, nobody's statement
        if (
            PURPOSE_CLAUSES
            and infinitive
            and verb.dep_ == "advcl"
            and verb.lemma_.lower() not in self.lexicon.all_cue_lemmas
        ):
            return  # "heard evidence to determine whether ...": what someone set out to do, nothing said
        if (
            self.speaks_how(verb)
            or self.anonymity_purpose(verb)
            or self.advice(verb)
            or self.in_idiom(verb)
            or self.conditional(verb, group)
            or self.invitation(verb)
            or self.comparison_not_drawn(verb)
            or self.put_as_question(verb)
            or self.fronted_purpose(verb, infinitive)
            or self.purpose_on_a_thing(verb, infinitive)
            or self.finds_itself(verb)
            or self.compound_misread(verb)
            or self.deed_by_object(verb)
            or self.moved_on(verb)
            or self.alternative_not_taken(verb)
            or self.summoned(verb)
            or self.pressed_to(verb)
            or self.asked_of_object(verb)
            or self.reduced_passive(verb)
            or self.records_a_speaker(verb)
            or self.regular_past_of_irregular(verb)
            or self.inverted_lead_in(verb)
            or self.order_to_reader(verb)
            or self.anyones_case(verb)
            or self.noun_modifier(verb)
        ):
            return  # "spoke on condition of anonymity", "may want to", "let us know": no one's statement
        if self.inside_found_content(verb.idx) and self.owed(verb):
            return  # 'X said Republicans should press for cuts': X's advice, no act or statement of theirs
        subject = self.subject_of(verb)
        if subject is None and self.asked_in_passing(verb):
            return  # "Lind denied it and was asked about it again": a question put to Lind by no one named
        if self.impersonal_aside(verb, subject):
            return  # "it is worth noting that ...": the writer's aside
        impersonal = (
            infinitive
            and subject is not None
            and subject.lower_ in IMPERSONAL_SUBJECTS
            and verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() in COPULAS
        )
        if impersonal:
            subject = None  # "it is hard to know", "it's easy to criticize": a judgment with nobody named
        reply = self.reply_to_content_noun(verb, subject)
        if reply is not None:
            self.add_reply(verb, *reply, ceiling=ceiling)
            return
        if group == "belief" and subject is not None and subject.lower_ in HEDGING_SUBJECTS:
            return  # "I think", "you know", "we want": a speaker's hedge inside their own words
        if verb.lemma_.lower() in IMPERSONAL_VERBS and verb.pos_ == "VERB":
            if not self.held_by_subject(verb, subject):
                self.from_impression(verb, subject)
            return
        speaker_root = subject
        if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            # "an architect who said ...", "the union, which endorsed ...": the antecedent; "losses that
            # threatened ..." has none that can speak
            speaker_root = self.antecedent(subject)
            if speaker_root is None:
                return
        second = self.chained_cue(verb)
        if second is not None:
            self.chain_heads.append((verb, second))
            return  # "refused to call him a liar": one attribution, found from "call" (see chain_head)
        content, confidence = self.content_of(verb, group)
        rule = self.last_rule
        if content is not None and content is not NEXT_BLOCK:
            content = self.before_next_act(verb, self.before_next_cue(verb, self.with_stray_verbs(verb, content)))
            content = self.before_summary_gloss(self.before_contrasting_cue(self.before_range_end(verb, content)))
            noun = self.text_noun(verb, content) if rule in VEHICLE_CONTENT_RULES else None
            if noun is not None:
                if self.text_says_itself(noun):
                    return  # "issued a statement calling for calm": the statement's own cue relays what it says
                told = self.quoted_text(verb, noun)
                if told is not None:
                    content, confidence, rule = told, CONFIDENCE["content.text_quoted"], "content.text_quoted"
        if group == "speech" and (behind := self.quote_behind_colon(verb)) is not None:
            content, confidence, rule = behind, CONFIDENCE["content.colon_quote"], "content.colon_quote"
        recipient = self.recipient_of(verb)
        quote = None
        if content is None:
            beside_cue = (
                verb.tag_ == "VBG"
                and verb.dep_ == "advcl"
                and verb.head.lemma_.lower() in self.lexicon.all_cue_lemmas
                # "she said, speaking by phone": the quotation is the cue's ("did not seem pleased, telling
                # reporters, '...'": an impression is nobody's words, so the quotation is the participle's)
                and verb.head.lemma_.lower() not in IMPERSONAL_VERBS
                or verb.lemma_.lower() in OCCASION_VERBS  # "as he spoke, ...": when, not what
                or circumstance_of_speech(verb)  # "she said, as the crowd applauded"
                or self.speakers_manner(verb)
                or verb.dep_ == "xcomp"  # "declined to comment, saying only X", "Asked to describe X, Y said":
                and verb.head.lemma_.lower() in UNSPOKEN_INFINITIVE_HEADS  # a refusal or a request quotes nothing
            )
            quote = (
                self.neighbour_quote(verb)
                if (verb.dep_ not in ("acl", "amod", "relcl") or self.finite_acl(verb)) and not beside_cue
                else None
            )
            if quote is not None and verb.dep_ == "advcl" and self.is_passive(verb) and quote.start > verb.head.idx:
                quote = None  # "Pressed by X on Y, Roe declined. '...,' she said", "When pressed, she replied, '...'":
                # the one pressed answers ('Asked by an aide, "Is this final?" Roe replied': before the answer, the
                # question is the aide's)
            if quote is None:
                content = self.cross_sentence_content(verb) if subject is not None else None
                confidence, rule = CONFIDENCE["verb.cross_sentence"], "verb.cross_sentence"
                if content is None:
                    return
            else:
                content, confidence = (quote.start, quote.end), CONFIDENCE["verb.neighbour_quote"]
                rule = "verb.neighbour_quote"
        gerund = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in GERUND_PREPOSITIONS
        if (
            subject is None
            and quote is None
            and group != "report"
            and not self.is_passive(verb)
            and not self.passive_chain(verb)
            and not gerund
            and not impersonal
        ):
            return  # a speech verb with neither speaker nor quotation is not an attribution ("to say")
            # (a passive cue, "is expected to", "was asked whether", leaves its speaker out on purpose)
        if subject is None and quote is None and self.bare_participle(verb):
            return  # "Declared 2016 Presidential Candidates", "Announced March 23": a label, not a report
        if subject is None and rule == "content.aside":
            return  # "a letter, addressed to fellow conservatives, ...", "generally focused on X": a participle
            # aside with nobody named describes the clause it hangs on, it relays no one's words
        if content is NEXT_BLOCK:
            kind = "next_block"
        else:
            content, kind = self.with_quotes(content)
        if verb.lemma_.lower() in QUOTE_ONLY_VERBS and kind not in ("direct", "mixed"):
            return  # "the story reads as follows:", "read the report": only a quotation is what a text "reads"
        if kind != "next_block" and (
            not self.reports_content(verb, group, speaker_root, rule, kind, content)
            or kind == "indirect"
            and self.topic_only(verb, content)
            or self.generic_wish(verb, group, speaker_root, rule)
            or self.hypothetical_class(verb, speaker_root)
            or self.wh_topic(verb, group, rule)
            or self.only_attempted(verb, rule)
        ):
            return  # "supports the goal", "explains how to prune", "guests who wish to fish": nothing relayed
        head = self.chain_head(verb)
        if subject is None and quote is None and kind in ("indirect", "mixed"):
            # "X is expected to win", and "X is expected to announce Y" (the cue chained from "expected")
            content = self.with_raised_subject(head if head is not None else verb, content)
        if quote is None and kind in ("indirect", "mixed"):
            content = self.with_addressee(head if head is not None else verb, content)
        source = self.source_chars(subject) if subject is not None else None
        cue = self.cue_chars(verb)
        if head is not None:
            cue = (min(cue[0], self.cue_chars(head)[0]), cue[1])
        elif infinitive and verb.dep_ in ("advcl", "xcomp") and self.going_on(verb.head) is not None:
            cue = (min(cue[0], self.cue_chars(verb.head)[0]), cue[1])  # "went on to say": one cue
        elif verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" and subject is not None:
            cue = (min(cue[0], self.cue_chars(verb.head.head)[0]), cue[1])  # "was quick to point out"
        elif (stopped := self.stopped_short(verb)) is not None:
            cue = (min(cue[0], self.cue_chars(stopped)[0]), cue[1])  # "stopped short of calling"
        elif (issued := self.text_issued(verb)) is not None:
            cue = (min(cue[0], self.cue_chars(issued)[0]), cue[1])  # "issued a statement saying": one cue
        if kind != "next_block" and cue[1] < content[0]:
            cue = self.with_preposition(verb, cue, content)
        elif kind != "next_block" and cue[0] < content[0] < cue[1]:
            cue = (cue[0], min(cue[1], verb.idx + len(verb)))  # "accused [the council of X]": the cue is the verb
        if kind in ("direct", "mixed") and content[1] <= cue[0]:
            content = self.second_half(content, cue, subject, verb)
        elif kind in ("direct", "mixed") and cue[1] <= content[0]:
            content = self.first_half(content, cue, source)
        if source and kind != "next_block" and content[0] < source[0] < content[1] <= cue[0]:
            # '"...," Jane Roe, an adviser, said': the parser hung the speaker on the quoted clause
            quote = self.last_closed_quote(content[0], source[0])
            if quote is not None and not self.text[quote.end : source[0]].strip(" ,\n"):
                content, kind = self.with_quotes((content[0], quote.end))
            elif quote is None:
                # a quotation opened in an earlier sentence ('... military," Flynn, an adviser, said'): its
                # closing mark right before the speaker ends what was said
                close = max(self.text.rfind(mark, content[0], source[0]) for mark in CLOSING_MARKS)
                if close > content[0] and not self.text[close + 1 : source[0]].strip(" ,\n"):
                    content, kind = (content[0], close + 1), "direct"
        if source and kind in ("direct", "mixed") and content[0] < source[0] and content[1] <= cue[0]:
            # '"...," Tulsa police Chief Ada Moss said': a name the parser left in the quoted clause opens the speaker
            name = self.name_after_quote(content, source)
            if name is not None:
                content, source = (content[0], name[0]), (name[1], source[1])
        parenthetical = kind != "next_block" and content[0] <= cue[0] and cue[1] <= content[1]
        if parenthetical and cue[1] < content[1] and self.text[cue[0] : cue[1]].endswith(" as"):
            cue = (cue[0], cue[1] - len(" as"))  # "a target experts described as 'ambitious'": "as" is what was said
        if source and kind != "next_block" and not parenthetical and content[0] < source[1] and source[0] < content[1]:
            return  # the "source" sits inside what is said: a mis-parse, not an attribution
        found = Found(
            content,
            kind,
            cue,
            source,
            speaker_root.i if speaker_root is not None else None,
            recipient,
            confidence=min(confidence, ceiling, GROUP_CONFIDENCE.get(group, 1.0)),
            rule=rule,
        )
        if self.add(found, accept) is not None or accept is None:
            self.claimed_tokens.add(verb.i)

    def going_on(self, verb: Token) -> Token | None:
        """The "on" of "went on" / "goes on" right after the verb (a particle or adverb), or None."""
        if verb.lemma_.lower() != GOING_ON[0] or verb.i + 1 >= len(self.doc):
            return None
        after = self.doc[verb.i + 1]
        return (
            after
            if after.lower_ == GOING_ON[1] and after.head.i == verb.i and after.dep_ in ("prt", "advmod")
            else None
        )

    def retort(self, verb: Token) -> bool:
        """Whether ``verb`` is a retort: "shot back", "fired back", "hit back" (the particle right after it)."""
        after = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        return (
            verb.lemma_.lower() in RETORT_VERBS
            and after is not None
            and after.lower_ == RETORT_PARTICLE
            and after.head.i == verb.i
            and after.dep_ in ("prt", "advmod")
        )

    def from_retort(self, verb: Token) -> None:
        """'"...," the mayor shot back', 'He fired back: "..."', "hit back that ...": a retort is a speech verb
        with a quotation or a clause; not "fired the director" or "shot a video" (no "back"), nor "hit back with
        strikes" (no words)."""
        if not self.retort(verb):
            return
        before = len(self.found)
        self.from_verb(verb, group="speech", accept=lambda found: self.says_back(found, verb.sent))
        if len(self.found) > before:
            retort, back = self.found[-1], self.doc[verb.i + 1]
            retort.cue = (retort.cue[0], max(retort.cue[1], back.idx + len(back)))  # the cue is "shot back"

    @staticmethod
    def says_back(found: Found, sentence: Span) -> bool:
        """Whether ``found``, read from a retort verb of ``sentence``, relays words said back: a quotation or a
        clause that touches the retort's sentence. "Vell fired back in March, attacking X": a quotation of the
        sentence before is not the retort; "the navy hit back with strikes", "fired back a pass": no words, a
        blow or a ball."""
        said = found.kind in ("direct", "mixed") or found.rule in RETORT_CONTENT_RULES
        return said and found.content[0] < sentence.end_char and sentence.start_char < found.content[1]

    def from_going_on(self, verb: Token) -> None:
        """'She went on: "..."', 'He went on, "..."': going on before a quotation opened right after it (a colon or a
        comma between) is speaking on; the quotation is what was said. Not "the talks went on for hours", nor "the
        strike went on: no ferry left" (no quotation); the speaker must be able to speak (the rules' usual check)."""
        on = self.going_on(verb)
        if on is None or on.i + 1 >= len(self.doc) or self.doc[on.i + 1].text not in (":", ","):
            return
        mark = self.doc[on.i + 1]
        opening = _SPACES.match(self.text, mark.idx + 1).end()  # the first character after the mark's spaces
        quote = next((q for q in self.quotes_touching(opening, opening + 1) if q.start == opening), None)
        subject = self.subject_of(verb)
        if quote is None or subject is None or self.inside_quote(verb.idx):
            return
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                (quote.start, quote.end),
                "direct",
                (verb.idx, on.idx + len(on)),
                self.source_chars(subject),
                subject.i,
                **rated("verb.going_on"),
            )
        )

    def with_raised_subject(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """ "Trump is expected to win", "the plan was seen as a gamble", "which is considered safe": with nobody
        named, what is expected or held is the passive subject with its complement, so the content starts at the
        subject (and holds the cue, as PolNeAR marks it: subject and complement are one content). Not for a verb
        whose passive subject is the one addressed ("X was asked to leave"), nor with an agent ("by Y")."""
        if (
            not any(c.dep_ == "auxpass" for c in verb.children)
            or any(c.dep_ == "agent" for c in verb.children)
            or verb.lemma_.lower() in PASSIVE_ADDRESSEE_VERBS
        ):
            return content
        subject = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.lower_ in EXPLETIVES:
            return content  # "there is expected to be ...": "there" holds nothing; "it is expected that ..." has
            # a clause, not a complement, and is left alone below
        listed = self.lexicon.cue_prepositions.get(verb.lemma_.lower(), ())
        complement = next(
            (
                c
                for c in verb.rights
                if c.dep_ in RAISED_COMPLEMENT_DEPS or c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ in listed)
            ),
            None,
        )
        if complement is None or not complement.left_edge.idx <= content[0] <= complement.right_edge.idx:
            return content
        start = self.chars(subject.left_edge.i, subject.i)[0]
        return (start, content[1]) if start < content[0] else content

    def with_addressee(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """ "urged voters to stay home", "asked the council to wait", "wants Vell to resign": the one asked is the
        subject of what is asked, so the content starts at the object (PolNeAR marks object and infinitive as one
        content)."""
        complement = next(
            (c for c in verb.rights if c.dep_ in ("xcomp", "ccomp") and to_infinitive(c)),
            None,
        )
        if complement is None or not complement.left_edge.idx <= content[0] <= complement.right_edge.idx:
            return content
        addressee = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < complement.left_edge.i), None)
        if addressee is None:
            # "called on the mayor to release X": the one called on is the one asked (the parser may hang the
            # mayor on "on" taken for a particle)
            listed = self.lexicon.cue_prepositions.get(verb.lemma_.lower(), ())
            addressee = next(
                (
                    o
                    for c in verb.rights
                    if c.dep_ in ("prep", "prt") and c.lower_ in listed and c.i < complement.left_edge.i
                    for o in c.children
                    if o.dep_ == "pobj"
                ),
                None,
            )
        if addressee is None:
            return content
        start = self.chars(addressee.left_edge.i, addressee.i)[0]
        return (start, content[1]) if start < content[0] else content

    def speaks_how(self, verb: Token) -> bool:
        """ "who spoke on condition of anonymity", "speaking on behalf of X": how or for whom, not what. Not a cue
        that also has what was said: "said on condition of anonymity that ...", "X, he said, on condition of
        anonymity" (an aside)."""
        return (
            self.manner_phrase(verb) is not None
            and not any(c.dep_ == "ccomp" for c in verb.children)
            and not (verb.dep_ in ("parataxis", "advcl") and self.is_aside(verb))
        )

    def anonymity_purpose(self, verb: Token) -> bool:
        """ "who spoke on condition of anonymity to discuss the talks": the infinitive says what the speaker would
        not be named for, not what they said."""
        first = verb.left_edge.i
        return to_infinitive(verb) and first > 0 and self.doc[first - 1].lower_ in ANONYMITY_WORDS

    @staticmethod
    def manner_phrase(verb: Token) -> Token | None:
        """The "on" of "on condition of anonymity", "on behalf of X", "on background" hung on ``verb``, or None."""
        return next(
            (c for c in verb.rights if c.dep_ == "prep" and any(manner_noun(o) for o in c.children)),
            None,
        )

    @staticmethod
    def verb_tagged_noun(token: Token) -> bool:
        """ "Audit files from the office show that ...": a noun heading its sentence with a subject before it and
        a that-clause after it is the sentence's verb, mis-tagged by the small model."""
        return (
            token.dep_ == "ROOT"
            and token.i > token.sent.start
            and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)
            and any(
                c.dep_ in ("ccomp", "relcl", "acl")
                and c.i > token.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in token.children
            )
        )

    def in_idiom(self, verb: Token) -> bool:
        """ "That said, ...", "needless to say": a set phrase, no one's words (the lexicon's ``idioms``)."""
        for words in self.lexicon.idioms:
            for at, word in enumerate(words):
                first = verb.i - at
                if (
                    word == verb.lower_
                    and first >= 0
                    and first + len(words) <= len(self.doc)
                    and tuple(t.lower_ for t in self.doc[first : first + len(words)]) == words
                ):
                    return True
        return False

    @staticmethod
    def owed(verb: Token) -> bool:
        """Whether ``verb`` says what someone ought to do: under a modal of duty ("should press for cuts") or the
        infinitive of a verb of duty ("needs to assess whether ...", "has to explain")."""
        if any(c.dep_ == "aux" and c.lower_ in DUTY_MODALS for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DUTY_VERBS and to_infinitive(verb)

    @staticmethod
    def advice(verb: Token) -> bool:
        """ "Investors may want to think twice", "readers can decide which they like": the writer's advice or
        invitation, not anyone's wish."""
        lemma = verb.lemma_.lower()
        modals = ADVICE_MODALS if lemma == "want" else CHOICE_MODALS if lemma in CHOICE_VERBS else ()
        return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)

    @staticmethod
    def comparison_not_drawn(verb: Token) -> bool:
        """ "You really can't compare the taste of X with Y", "one could compare": a comparison a modal or a
        negation holds back is nobody's statement ("she likened him to Nixon" is one)."""
        if verb.lemma_.lower() not in COMPARISON_VERBS:
            return False
        return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in COMPARISON_MODALS for c in verb.children)

    @staticmethod
    def order_to_reader(verb: Token) -> bool:
        """ "Compare the two plans: ...", "Please note that the pier closes at six": a sentence that opens on a bare
        verb with no subject or auxiliary tells the reader what to do; no one's statement is relayed (the sentence
        stays the writer's). Whatever the parser hung the verb on ("Compare X: ..." as a clause of what follows)."""
        if verb.tag_ != "VB":
            return False
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children):
            return False
        before = [t for t in verb.sent if t.i < verb.i and not t.is_punct]
        return all(t.lower_ in IMPERATIVE_OPENERS for t in before)

    @staticmethod
    def anyones_case(verb: Token) -> bool:
        """ "... is used when someone expresses an idea in the passive", "if anyone says otherwise": a case set for
        whoever speaks, in the present, not a statement anyone made (the sentence stays the writer's). Not an
        occasion told in the past ("when someone in the crowd shouted ...") nor one of a group ("when one of his
        aides mentioned ..."): those are someone's words."""
        if verb.tag_ not in ("VB", "VBP", "VBZ"):
            return False
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in CASE_MARKS for c in verb.children) and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ANYONE and not any(p.dep_ == "prep" for p in c.children)
            for c in verb.children
        )

    @staticmethod
    def conditional(verb: Token, group: str) -> bool:
        """ "if he wants to run again", "in case she decides to run": a wish or belief set as a condition is no
        one's stated stance (the parser reads "in case" as a phrase, so it is looked for before the clause)."""
        if group != "belief":
            return False
        return opened_by_in_case(verb) or any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)

    def chained_cue(self, verb: Token) -> Token | None:
        """ "sought to clarify the remark", "refused to call him a liar": a cue whose infinitive complement is
        itself a cue with something to report. The two make one attribution: the cue runs from the first verb
        to the second, the content is what the second reports. Returns the second verb, or None."""
        if verb.i in self.unchained:
            return None
        for child in verb.rights:
            if (
                child.dep_ == "xcomp"
                and child.pos_ == "VERB"
                and (child.tag_ == "VB" and to_infinitive(child) or self.raised_speaker(child) is not None)
                and child.i - verb.i <= MAX_CHAIN_GAP
                and not set_off(verb, child)
                and not any(c.dep_ == "dobj" and c.i < child.i for c in verb.children)
            ):
                group = self.lexicon.cue_group(child.lemma_.lower())
                if group is not None and group != "quote_as" and self.content_of(child, group)[0] is not None:
                    return child
        return None

    def unchain(self) -> None:
        """ "the union promised to \"keep every boat\"", "I wanted to address the concern": a chain's second verb that was
        not taken (inside a quotation, or no statement by itself) leaves the first verb's own infinitive content,
        as when the second verb is no cue at all ("promised to keep"). Not a passive first verb: "was asked to
        explain the delay" leaves the one asked, who has said nothing yet (see :meth:`passive_chain`)."""
        for verb, second in self.chain_heads:
            if second.i not in self.claimed_tokens and verb.i not in self.claimed_tokens and not self.is_passive(verb):
                self.unchained.add(verb.i)
                self.from_verb(verb)

    def chain_head(self, verb: Token) -> Token | None:
        """The first verb of a cue chain whose second verb is ``verb`` (see :meth:`chained_cue`)."""
        head = verb.head
        if verb.dep_ != "xcomp" or head.i == verb.i or head.pos_ != "VERB":
            return None
        chained = self.chained_cue(head) if self.lexicon.cue_group(head.lemma_.lower()) is not None else None
        if chained is None or chained.i != verb.i:
            return None
        return head

    def passive_chain(self, verb: Token) -> bool:
        """ "The cooperative is expected to back the plan": the second verb of a chain whose first is passive leaves
        its speaker out as the passive does (see :meth:`chain_head`). Not after asking or urging ("the minister was
        asked to explain the delay"): the subject is the one who would speak, and has not yet."""
        head = self.chain_head(verb)
        return (
            head is not None
            and self.is_passive(head)
            and head.lemma_.lower() not in PASSIVE_ADDRESSEE_VERBS
            and self.raised_speaker(verb) is None
        )

    def reply_to_content_noun(self, verb: Token, subject: Token | None) -> tuple[Token, tuple[int, int]] | None:
        """ "X accused Y of Z, a charge the group denied": a content noun ("a charge", "a claim", "a report")
        set beside the clause before it names that clause as the object of the cue; the one who answers
        ("the group") is the speaker, never the noun. Returns ``(speaker, content)``, or None when the pattern
        is absent. Two parses occur: the noun as subject with the speaker as its apposition, or the cue as a
        relative clause of the noun with its own subject."""
        nouns = self.lexicon.cue_nouns
        if verb.lemma_.lower() not in self.lexicon.reply_verbs or any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.rights
        ):
            return None  # "..., a claim that officials lied": a that-clause, the claim's own content
        noun = speaker = None
        if subject is not None and subject.lemma_.lower() in nouns:
            appos = [c for c in subject.rights if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN") and c.i < verb.i]
            if appos:
                noun, speaker = subject, appos[0]
        elif (
            subject is not None
            and verb.dep_ in ("relcl", "acl")
            and verb.head.lemma_.lower() in nouns
            and verb.head.i < subject.i < verb.i
        ):
            noun, speaker = verb.head, subject
        if noun is None:
            return None
        first = noun.left_edge.i
        sent = noun.sent
        if first - 1 <= sent.start or self.doc[first - 1].text not in REPLY_JOINS:
            return None  # "The claim the ministry denied was ...": no earlier clause to point at
        return speaker, self.what_was_reported(self.chars(sent.start, first - 2))

    def what_was_reported(self, clause: tuple[int, int]) -> tuple[int, int]:
        """ "The army said it had retaken the town, a claim the rebels rejected": when the clause a reply points
        at relays someone's statement, the claim is that statement, not the clause with its speaker and cue. The
        widest clause already found as content in the clause; the clause itself when there is none (an object
        content is no claim by itself: "accused the smugglers of bribing officers, an accusation X denied")."""
        inside = [
            f.content
            for f in self.found
            if f.cue is not None
            and (f.rule == "content.clause" or f.kind == "direct")
            and clause[0] <= f.cue[0]
            and f.cue[1] <= clause[1]
            and clause[0] <= f.content[0]
            and f.content[1] <= clause[1]
        ]
        return max(inside, key=lambda c: c[1] - c[0]) if inside else clause

    def add_reply(self, verb: Token, speaker: Token, content: tuple[int, int], ceiling: float = 1.0) -> None:
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                content,
                kind,
                self.cue_chars(verb),
                self.source_chars(speaker),
                speaker.i,
                confidence=min(CONFIDENCE["verb.reply"], ceiling),
                rule="verb.reply",
                replies=True,
            )
        )

    def from_put_it(self, verb: Token) -> None:
        """ "As the harbour master put it, ...", "..., as one skipper put it", "as the mayor sees it": an "as"-clause
        with "put it" (or "sees it", a view) is a cue; what it comments on (the clause it hangs on, or what follows
        its colon) is the content."""
        if (
            verb.i in self.claimed_tokens
            or self.inside_quote(verb.idx)
            or not any(c.lower_ == "as" and c.dep_ in ("mark", "advmod", "prep") for c in verb.children)
        ):
            return
        subject = self.subject_of(verb)
        if subject is None:
            return
        it = self.doc[verb.i + 1]
        content = None
        if it.i + 1 < len(self.doc) and self.doc[it.i + 1].text == ":":
            quote = next((q for q in self.quotes if q.start > it.idx), None)
            if quote is not None and not self.text[it.idx + len(it) + 1 : quote.start].strip():
                content = (quote.start, quote.end)
            else:
                content = self.cross_sentence_content(verb)
        elif verb.dep_ in ("advcl", "parataxis") and verb.head.i != verb.i:
            content = self.clause_without(verb.head, verb)
        if content is None or content is NEXT_BLOCK:
            return
        content, kind = self.with_quotes(content)
        source = self.source_chars(subject)
        if content[0] < source[1] and source[0] < content[1]:
            return
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                content,
                kind,
                (verb.idx, it.idx + len(it)),
                source,
                subject.i,
                **rated("verb.put_it"),
            )
        )

    def from_estimate(self, verb: Token) -> None:
        """ "The observatory put the toll at 15", "the Tax Office puts the figure at $498 billion, assuming X": a
        figure someone sets is their estimate. The cue runs from the verb to "at", the content is the amount and
        what the verb adds after it; the one who puts it is the source, if they can speak ("the storm put the
        losses at risk" or "put it at ease" is no estimate: "risk" is no amount)."""
        figure = next(
            (
                c
                for c in verb.rights
                if c.dep_ == "dobj" and (c.lemma_.lower() in ESTIMATE_FIGURE_NOUNS or c.lower_ in ESTIMATE_PRONOUNS)
            ),
            None,
        )  # "Organisers put it at 20,000": the figure the sentence before gave
        at = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "at"), None)
        if figure is None or at is None or at.i < figure.i or self.inside_quote(verb.idx):
            return
        amount = next((c for c in at.children if c.dep_ == "pobj"), None)
        subject = self.subject_of(verb)
        if amount is None or subject is None or self.speaker_kind(subject) is None:
            return
        if not any(t.like_num or t.ent_type_ in AMOUNT_ENTITIES for t in amount.subtree):
            return
        # the amount and a participle after it ("assuming X"), not a verb joined to this one ("and said ...")
        last = max([amount.right_edge.i] + [c.right_edge.i for c in verb.rights if c.dep_ == "advcl" and c.i > at.i])
        while last > amount.i and (self.doc[last].is_punct or self.doc[last].is_space):
            last -= 1
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                self.chars(amount.left_edge.i, last),
                "indirect",
                (verb.idx, at.idx + len(at)),
                self.source_chars(subject),
                subject.i,
                **rated("verb.estimate"),
            )
        )

    def recipient_of(self, verb: Token) -> str | None:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() in self.lexicon.recipient_objects:
                if child.pos_ == "PROPN":
                    return self.doc[child.left_edge.i : child.right_edge.i + 1].text
        subject = self.subject_of(verb)
        for acl in subject.children if subject is not None else ():  # "a fighter reached by Reuters said"
            for agent in (c for c in acl.children if acl.dep_ == "acl" and c.dep_ == "agent"):
                for obj in agent.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                        return obj.text
        return None

    def from_quote_as(self, verb: Token) -> bool:
        """``X quoted Y as saying C``: X relays Y, who says C. Returns False when the pattern is absent."""
        saying = None
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                saying = next(
                    (
                        c
                        for c in child.children
                        if c.dep_ in ("pcomp", "pobj")
                        and c.lemma_.lower() in self.lexicon.all_cue_lemmas
                        and c.pos_ == "VERB"  # "as saying", not "was cited ... as the most important issue"
                    ),
                    None,
                )
        inner = next((c for c in verb.children if c.dep_ == "dobj"), None)
        passive = inner is None and self.is_passive(verb)
        if passive:  # "Y was quoted by X as saying C": Y says C, X relays it
            inner = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if saying is None or inner is None:
            return False
        content, confidence = self.content_of(saying, "speech")
        if content is None:
            content, confidence = self.content_of(verb, "speech")
        if content is None and verb.dep_ in ("ROOT",):
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            content = self.subtree_chars(clauses[0]) if clauses else None
        if content is None:
            return False
        content, kind = self.with_quotes(content)
        outer_subject = self.subject_of(verb)
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            outer_subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        self.claimed_tokens.update((verb.i, saying.i))
        outer_extent = (min(content[0], inner.left_edge.idx), max(content[1], saying.idx + len(saying)))
        if content[1] <= verb.idx:
            outer_extent = content  # "C, agencies quoted Y as saying": what is relayed is C, not the cue after it
        outer = (
            self.add(
                Found(
                    outer_extent,
                    "indirect",
                    self.cue_chars(verb),
                    self.source_chars(outer_subject) if outer_subject is not None else None,
                    outer_subject.i if outer_subject is not None else None,
                    **rated("verb.quote_as"),
                )
            )
            if outer_subject is not None or not passive
            else None  # "Y was quoted as saying C": no one named relays it
        )
        cue = (saying.head.idx, saying.idx + len(saying))
        self.add(
            Found(
                content,
                kind,
                cue,
                self.source_chars(inner),
                inner.i,
                inner_of=outer,
                confidence=confidence,
                rule=self.last_rule,
            )
        )
        return True

    def quote_behind_colon(self, verb: Token) -> tuple[int, int] | None:
        """'Korvex attacked the plan, saying in a post on its website: "The toll is a disaster."', 'chanting: "Resign!"':
        a colon right after a speech verb's own words (no clause or object of its own before it) opens the quotation
        it relays, though the parser hung the quoted clause on the sentence's first verb (the cue was read as an
        aside on the whole sentence)."""
        after = next((t.i for t in self.doc[verb.i + 1 : verb.sent.end] if t.text == ":"), None)
        if after is None:
            return None
        words = self.doc[verb.i + 1 : after]
        if any(not verb.is_ancestor(t) and not t.is_punct for t in words):
            return None  # the colon closes more than the cue's words
        if any(t.pos_ == "VERB" and t.lemma_.lower() in self.lexicon.all_cue_lemmas for t in words):
            return None  # "attacked the plan, saying in a statement: ...": the quotation is the later cue's
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i < after for c in verb.children):
            return None  # "saying it would cut costs: ...": the clause is what was said
        colon_end = self.doc[after].idx + 1
        quote = next((q for q in self.quotes if q.start >= colon_end), None)
        if quote is None or self.text[colon_end : quote.start].strip():
            return None
        return (quote.start, quote.end)

    def text_issued(self, participle: Token) -> Token | None:
        """The "issued" of "issued a statement saying X" when ``participle`` is that "saying" (see
        :meth:`text_says_itself`), else None."""
        noun = participle.head
        if participle.dep_ != "acl" or participle.tag_ != "VBG" or noun.i == participle.i:
            return None
        return noun.head if self.is_text_object(noun.head, noun) else None

    def is_text_object(self, verb: Token, noun: Token) -> bool:
        """Whether ``noun`` is the object of ``verb`` naming the text it makes or sends (:data:`VEHICLE_VERBS`, a
        channel noun of the lexicon: "issued a statement", "posted a message")."""
        return (
            noun.dep_ == "dobj"
            and noun.head.i == verb.i
            and verb.lemma_.lower() in VEHICLE_VERBS
            and noun.lemma_.lower() in self.lexicon.channel_nouns
        )

    def text_noun(self, verb: Token, content: tuple[int, int]) -> Token | None:
        """The noun of the text ``verb`` makes or sends when it heads ``content`` (:meth:`is_text_object`), else
        None."""
        span = self.doc.char_span(content[0], content[1], alignment_mode="expand")
        return span.root if span is not None and self.is_text_object(verb, span.root) else None

    def text_says_itself(self, noun: Token) -> bool:
        """ "Korvex issued a statement calling for calm", "released a letter saying X": the text's noun carries a
        participle of speech of its own, which is the attribution of what the text says; "issued" with the whole
        phrase for content would tell it twice, once with the wrong words."""
        return any(
            c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in self.lexicon.all_cue_lemmas
            for c in noun.children
        )

    def quoted_text(self, verb: Token, noun: Token) -> tuple[int, int] | None:
        """'Korvex issued a statement: "We regret ..."', 'Korvex issued a statement on Monday. "We regret ..."': a verb
        that makes or sends a text whose object is only the noun of that text (:meth:`text_noun`, with nothing of what
        it says) relays the quotation right after it, behind a colon or opening the next sentence with nothing after
        it there; that quotation, not the noun, is what was said."""
        quote = next((q for q in self.quotes if q.start > noun.idx), None)
        if quote is None:
            return None
        if self.tagged_after(quote):
            return None  # '"We regret the delay," it said': the quotation is its tag's
        sent_end = verb.sent.end_char
        if quote.start < sent_end:
            between = self.text[noun.idx + len(noun) : quote.start]
            behind_colon = between.strip().endswith(":") and not any(mark in between for mark in '.?!"“')
            return (quote.start, quote.end) if behind_colon else None
        if any(c.dep_ in ("acl", "relcl", "ccomp", "appos") for c in noun.children):
            return None  # "a statement calling for calm", "a letter that says ...": it says what it says
        own_sentence = not self.text[sent_end : quote.start].strip() and not self.quotes_touching(
            verb.sent.start_char, sent_end
        )
        return (quote.start, quote.end) if own_sentence else None

    def tagged_after(self, quote: Quote) -> bool:
        """Whether words follow ``quote`` in the sentence it ends ('"...," it said', '"..." Vell added.'): a tag that
        gives the quotation a speaker of its own."""
        span = self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand")
        if span is None:
            return False
        sent = self.doc[span.start].sent
        return any(t.is_alpha for t in self.doc[span.end : sent.end])

    def cross_sentence_content(self, verb: Token) -> tuple[int, int] | None:
        """A cue sentence with a speaker but nothing said: 'He said:' + next sentence, or 'He said.' after one."""
        sent = verb.sent
        doc = self.doc
        if sent[-1].text == ":" or (sent[-1].is_space and len(sent) > 1 and sent[-2].text == ":"):
            if sent.end >= len(doc) or all(t.is_space for t in doc[sent.end :]):
                return NEXT_BLOCK  # "He said:" ending the paragraph: what he said is the next paragraph
            nxt = next(iter(doc[sent.end :].sents), None)
            return (nxt.start_char, nxt.end_char) if nxt is not None else None
        words = [t for t in sent if not t.is_punct]
        infinitive = to_infinitive(verb)
        # not "X declined to comment.", nor a cue inside another's words ("She added that he would testify.")
        if len(words) <= 6 and sent.start > 0 and not infinitive and verb.dep_ == "ROOT":
            previous = doc[sent.start - 1].sent
            return self.chars(previous.start, previous.end - 1)
        return None

    def from_records_show(self, verb: Token) -> None:
        """ "The boat was insured for two million, records show, and ...": a study noun and "show" set off by
        commas, which the parser reads as a noun compound joined to the clause, or the tagger as a noun closing
        the sentence or set in it ("..., records show."). Source the study, content the clause it comments on."""
        studies = [c for c in verb.lefts if c.dep_ in ("compound", "nsubj")]
        first = studies[0].left_edge.i if studies else 0
        sent = verb.sent
        closing = not self.text[verb.idx + len(verb) : sent.end_char].strip(" .,;:!?")
        aside = verb.i + 1 < sent.end and self.doc[verb.i + 1].text == ","
        if (
            verb.i in self.claimed_tokens
            or not studies
            or studies[-1].lemma_.lower() not in self.lexicon.study_nouns
            or any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children)
            or first <= sent.start
            or self.doc[first - 1].text != ","
            or self.inside_quote(verb.idx)
        ):
            return
        opening = not any(t.pos_ in ("VERB", "AUX") for t in self.doc[sent.start : first])
        if verb.pos_ == "NOUN" and (closing or aside and opening):
            # "..., records show." / "In the first month, harbour records show, the ferry ...": the tagger took
            # "show" for a noun and the parser hung it anywhere; the sentence around it is what the records show
            content: tuple[int, int] | None = self.chars(sent.start, sent.end - 1)
        elif verb.pos_ == "NOUN" and verb.dep_ not in ("conj", "parataxis"):
            return
        elif verb.head.i >= verb.i or any(c.dep_ == "ccomp" for c in verb.children):
            return
        else:
            content = self.clause_without(verb.head, verb)
        if content is None:
            return
        if closing or not self.text[verb.idx + len(verb) : content[1]].strip(" .,;:!?"):
            content = (content[0], len(self.text[: self.doc[first].idx].rstrip(" ,")))  # "..., records show."
        content, kind = self.with_quotes(content)
        self.claimed_tokens.add(verb.i)
        self.add(
            Found(
                content,
                kind,
                (verb.idx, verb.idx + len(verb)),
                self.chars(first, verb.i - 1),
                studies[-1].i,
                **rated("verb.records_show"),
            )
        )
