"""Speaker rules: who a cue's source is (subject, inverted speaker, speaker after a quote, datelines)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...dateline import lead_in_end
from ...deps import SUBJECT_DEPS, TENSED_TAGS
from .base import ExtractorBase, Found, perfect_infinitive, recorded_saying, to_infinitive
from .confidence import CONFIDENCE
from .settings import (
    ABSOLUTE_PREPOSITIONS,
    CHANNEL_PLACES,
    CLOSE_TEXT,
    COLLECTIVE_NOUNS,
    COMPANION_VERBS,
    CONTACT_VERBS,
    COURT_SIDES,
    DISPLAY_NOUNS,
    DISPLAY_VERBS,
    DOCUMENT_ENTITIES,
    EXPLETIVE_HOSTS,
    EXPLETIVES,
    FLOATING_QUANTIFIERS,
    GERUND_PREPOSITIONS,
    IMPERSONAL_SUBJECTS,
    IMPLICATIVE_VERBS,
    INVERTED_CUE_LEMMAS,
    MAX_ANTECEDENT_CLIMB,
    MAX_ANTECEDENT_REACH,
    MAX_CLAUSE_CLIMB,
    MAX_INTERRUPTER_WORDS,
    MAX_SPEAKER_SPAN,
    MAX_SPEAKER_TOKENS,
    NOT_SOURCES_AFTER_PHRASE,
    NOT_SPEAKERS,
    OBJECT_GERUND_PREPOSITIONS,
    OBJECT_PARTICIPLE_VERBS,
    PAGE_PART_NOUNS,
    PAGE_PART_PLACES,
    PARTICIPLE_PRONOUNS,
    PARTICIPLE_SETTERS,
    PASSIVE_ADDRESSEE_VERBS,
    PLACE_ENTITIES,
    READER_WORDS,
    RECASED,
    SENDING_VERBS,
    SHORT_OF_ADVERBS,
    SPEAKER_ENTITIES,
    TIME_ENTITIES,
    WISH_MODALS,
    WRITER_GROUP_NOUNS,
    WRITER_OWNERS,
    WRITER_WISH_AFTER_MODAL,
    WRITER_WISH_VERBS,
    WRITER_WORDS,
)

#: The most an attribution to the page's own writer ("we recommend"), given to the publisher, can be sure of.
WRITER_CONFIDENCE = CONFIDENCE["speaker.writer"]


def names_in(doc: Doc) -> frozenset[str]:
    """Lower-case words ``doc`` uses as names: proper nouns, person and organisation entities."""
    return frozenset(t.lower_ for t in doc if t.pos_ == "PROPN" or t.ent_type_ in SPEAKER_ENTITIES)


class SpeakerRules(ExtractorBase):
    """Who speaks: the source noun phrase of a cue, repaired where the parser slips."""

    def source_chars(self, head: Token) -> tuple[int, int]:
        """The source noun phrase, without a participle aside ("Trump, speaking to ..."), a restrictive relative
        clause ("a lawyer who is a staunch opponent of X": the clause may hold the cue) or a floating "all",
        "both", "each" after it ("Vell and Brandt all said"); an aside set off by a comma ("Ida Vell, who heads the
        board, said") is kept, as PolNeAR marks sources, unless it holds a statement of its own ("two witnesses,
        who said he had been driving": an attribution of its own, not who they are)."""
        opening = head.left_edge
        # "Current and former officials who spoke with X": the phrase opens with "Current", the parser's head, but
        # the noun's own clauses are what is cut
        head = self.noun_of_coordinated_adjectives(head)
        last = head.right_edge.i
        for child in head.rights:
            if child.dep_ == "appos" and child.lower_ in FLOATING_QUANTIFIERS and child.i == child.right_edge.i:
                last = min(last, child.i - 1)  # "Vell, Brandt and Okafor all calling for": not "all"
            elif (
                child.dep_ == "relcl"
                and (self.doc[child.left_edge.i - 1].text != "," or self.speaks_itself(child))
                or (child.dep_ in ("acl", "advcl") and child.tag_ == "VBG")
                or self.finite_acl(child)
            ):
                last = min(last, child.left_edge.i - 1)
            elif (
                child.dep_ == "acl"
                and child.tag_ == "VBN"
                and any(c.dep_ == "agent" for c in child.children)
                and (self.is_person(head) or child.lemma_.lower() in CONTACT_VERBS)
            ):
                # "a fighter reached by Reuters by telephone": how a person was reached, not who they are
                # (a document keeps its maker: "a study released by the ministry")
                last = min(last, child.left_edge.i - 1)
        verb = head.head
        if head.i < verb.i < last:
            # "Vell is not sure she would ..., the front-runner who ...": a phrase after the verb the parser hung on
            # the subject is not part of it; the subject ends with its own words before the verb
            inside = {t.i for t in head.subtree}
            end = head.i
            while end + 1 < verb.i and end + 1 in inside:
                end += 1
            last = min(last, end)
        while last > head.i and (
            (self.doc[last].is_punct or self.doc[last].is_space)
            and self.doc[last].text != ")"
            or self.doc[last].dep_ == "case"
        ):  # "the governor's comments": not the 's
            last -= 1
        first = self.after_quote(opening, head)  # '"...," Jane Roe said': not the quotation
        # "KESTREL BAY (Coastwire) - Mayor Ida Vell", "KESTREL BAY, Ore. — Leaders of ...": not the source (the
        # parser may even hang the phrase after the dash on the place)
        first = self.past_dateline(first, max(last, head.i))
        first = self.past_summary_noun(self.past_place(self.past_lead_in(first, head), head), head)
        if first < head.i and self.doc[first].tag_ in ("WDT", "WP") and self.doc[first].dep_ != "det":
            first += 1  # "The ruling, which lawyers for the family called X": "which" is what they called
        start, end = self.chars(first, max(last, head.i))
        if self.doc[max(last, head.i)].text == ")":
            end = self.doc[max(last, head.i)].idx + 1  # "Sen. Jane Roe (D-Wis.)": keep the closing bracket
        return start, end

    def speaks_itself(self, clause: Token) -> bool:
        """Whether a relative clause says or holds something of its own: its verb (or one joined to it) is a cue
        with a clause or a quotation ("who said X", "who noted that X", 'which called them "..."'); not "who runs
        the ferry and backed the toll plan", nor "who spoke on condition of anonymity"."""
        end = clause.right_edge.idx + len(clause.right_edge)
        for verb in [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
            lemma = verb.lemma_.lower()
            if lemma not in self.lexicon.all_cue_lemmas or lemma in self.lexicon.needs_reported_content:
                continue
            if any(c.dep_ == "ccomp" for c in verb.children) or self.quotes_touching(verb.idx, end):
                return True
        return False

    def past_place(self, first: int, head: Token) -> int:
        """ "In Dunmore, Ohio, 58-year-old Ada Lund said": a place the parser hung on the speaker's name and set off
        by a comma is where they were, not who they are; "the minimum $20 million experts say it costs": an amount
        before the noun is what they speak of. The source starts after either; ``first`` otherwise."""
        for child in head.lefts:
            end = child.right_edge.i
            if child.ent_type_ == "MONEY" and end < head.i and self.is_person(head):
                return end + 1  # (a "$5 billion fund" keeps its size: the amount says which fund)
            if (
                child.dep_ in ("nmod", "compound")
                and child.ent_type_ in PLACE_ENTITIES
                and child.left_edge.i <= first
                and self.doc[end].text == ","
                and end + 1 < head.i
            ):
                return end + 1
        return first

    def past_summary_noun(self, first: int, head: Token) -> int:
        """ "..., a claim union leaders dismissed as spin", "a decision residents say was made in secret": the parser
        reads the writer's noun for what went before and the speakers after it as one noun phrase. An "a" cannot go
        with a plural head, so the source starts after the singular noun the "a" belongs to; ``first`` otherwise."""
        if head.tag_ not in ("NNS", "NNPS") or first + 2 > head.i:
            return first
        article, noun = self.doc[first], self.doc[first + 1]
        if article.lower_ in ("a", "an") and noun.tag_ == "NN" and noun.dep_ == "compound" and noun.head.i == head.i:
            return first + 2
        return first

    def past_lead_in(self, first: int, head: Token) -> int:
        """The first token after a run-in heading that opens the line before the source (:func:`lead_in_end`:
        "What the poll does not mean - Pew's research focuses on ..."; the parser hangs it on the subject, but it
        names nobody); ``first`` otherwise."""
        if not (first == 0 or self.doc[first - 1].is_space or self.doc[first].is_sent_start):
            return first
        return lead_in_end(self.doc, first, head.i)

    def after_quote(self, first: Token, head: Token) -> int:
        """The first token of a source whose noun phrase opens inside a closed quotation that ends before its head
        ('"A, B," Jane Roe said' parsed with the quotation, or only its closing mark, hung on "Roe"): the first
        token after that quotation. Otherwise ``first``'s index."""
        end = max(
            (q.end for q in self.quotes_touching(first.idx, first.idx + 1) if q.closed and q.end <= head.idx),
            default=None,
        )
        if end is None:
            return first.i
        return next(t.i for t in self.doc[first.i : head.i + 1] if t.idx >= end)

    def can_speak(self, head: Token) -> bool:
        """Whether a noun names someone or something that can say or hold things: a person, an organisation, a
        document ("the union, which endorsed ...", "a report that suggested ..."), not "losses that threatened"."""
        lemma = head.lemma_.lower()
        return (
            self.is_person(head)
            or head.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")
            or any(lemma in words for words in self.lexicon.heads.values())
        )

    def headline_capital(self, head: Token) -> bool:
        """ "Okafor Harbour Hearings Show ...": in a Title-Case headline read again, a capitalised word no entity
        label names is no evidence of a name ("Hearings"); the lexicons decide whether it can speak."""
        return bool(self.doc.user_data.get(RECASED)) and not head.ent_type_

    def speaker_kind(self, head: Token) -> str | None:
        """What a source's head word can be: ``"person"`` (a person, a group of people, an organisation, a country,
        a pronoun for one), ``"document"`` (a text, a study, a poll, a video), or None when it cannot speak or hold a
        view ("this mission", "technology", "the software", "the goal"). Read from the entity label, the tag, the
        lexicons (heads, person heads, roles, ``speaker_nouns``) and the endings of agent nouns ("organiser")."""
        lexicon = self.lexicon
        lemma, lower = head.lemma_.lower(), head.lower_
        if head.tag_ in ("WP", "WDT", "WP$"):
            return None  # a relative pronoun stands for its antecedent: see speaker_of
        if head.ent_type_ in TIME_ENTITIES and head.dep_ == "poss":
            return None  # "last spring's attack": when, not who (but "the 43-year-old said": who)
        if head.pos_ in ("PRON", "DET") or head.tag_ in ("PRP", "PRP$"):
            return "person" if lower in lexicon.speaker_pronouns or lemma in lexicon.speaker_pronouns else None
        if head.ent_type_ in SPEAKER_ENTITIES or head.pos_ == "PROPN" and not self.headline_capital(head):
            return "person"  # a name (the small model's entity labels slip too often to go by them alone)
        if head.ent_type_ in DOCUMENT_ENTITIES:
            return "document"
        if any(lemma in words or lower in words for kind, words in lexicon.heads.items() if kind == "document"):
            return "document"
        if lemma in lexicon.speaker_nouns.get("documents", ()) or lemma in lexicon.study_nouns:
            return "document"
        if lemma in COURT_SIDES and any(c.dep_ in ("poss", "prep") for c in head.children):
            return None  # "the defence argued" is a side in court; "Obama's defense of the plan" is an act
        if (
            lexicon.names_people(lemma, lower)
            or any(lemma in words or lower in words for words in lexicon.heads.values())
            or any(lemma in words or lower in words for words in lexicon.speaker_nouns.values())
        ):
            return "person"
        if head.is_title and (
            head.pos_ in ("NOUN", "VERB", "INTJ")
            and (
                head.i > head.sent.start
                or head.lower_ in self.names()
                or not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in head.children)
            )
            or head.pos_ in ("ADV", "ADJ")
            and head.lower_ in self.names()
        ):
            return "person"  # "Sanders", "Trump" tagged as common nouns: a name (at a sentence's start, one the doc
            # also writes as a proper noun, or one standing alone: "Wines believes", not "This mission"; the stage
            # reads Title-Case headlines again in sentence case); "Merrily said": a surname read as an adverb, one the
            # page writes as a name
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if members is not None and lemma in COLLECTIVE_NOUNS:
            kind = self.speaker_kind(members)
            if kind is not None:
                return kind  # "a chorus of Republicans": a number of people; "a body of research": of texts
        if lemma == "old" and any(t.lower_ in ("year", "years", "month", "months") for t in head.lefts):
            return "person"  # "the 43-year-old asked"
        if head.pos_ == "NUM" or head.ent_type_ in ("CARDINAL", "PERCENT"):
            return "person"  # "the two said", "42 percent back the plan": a count of people
        if head.pos_ == "NOUN" and lexicon.names_a_doer(lemma):
            return "person"  # "the organisers", "an environmentalist", "attendees"
        return None

    def names(self) -> frozenset[str]:
        """Lower-case words the doc (and the rest of its page, when given) uses as names (:func:`names_in`)."""
        if self._names is None:
            self._names = names_in(self.doc) | self.page_names
        return self._names

    def antecedent(self, pronoun: Token) -> Token | None:
        """The noun a relative pronoun stands for: the head of its relative clause ("an architect who said ...",
        "the union, which endorsed ..."). "who" means a person or a group: when the parser hung the clause on a
        thing inside the noun phrase ("people from groups in technology who'd like ..."), the noun that phrase
        hangs on is tried, up to the first that can be a person; "that" and "which" climb so to the first that can
        speak at all ("the inspector's report on the repairs that suggested ..."). None when there is no such noun."""
        clause = pronoun.head
        for _ in range(MAX_ANTECEDENT_CLIMB):  # "who designed X and said ...", "who was quoted saying ..."
            if clause.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or clause.head.i == clause.i:
                break
            clause = clause.head
        person = pronoun.lower_ in ("who", "whom", "whose")
        if clause.dep_ == "relcl" and clause.head.i != clause.i:
            noun = clause.head
            described = self.subject_described(noun)
            if described is not None:
                return described
            for _ in range(MAX_ANTECEDENT_CLIMB):
                kind = self.speaker_kind(noun)
                if kind == "person" or kind is not None and not person:
                    return noun
                if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
                    break
                # "groups in technology who ...": "technology", then "groups"; "the report on the repairs that
                # suggested ...": "repairs", then "report"
                noun = noun.head.head
            if not person:
                return clause.head  # "that"/"which" on nothing that can speak: the noun it hangs on
        elif not person:
            return self.noun_before(pronoun)  # "the Police Department which reported ...", parsed as an adverbial
        # the clause hung on the wrong word ("a focal point for demonstrators here, who ...", "heard from fishermen
        # in the harbour who said"): the nearest noun before the pronoun that names people
        return self.person_before(pronoun)

    def subject_described(self, noun: Token) -> Token | None:
        """ "Vell ... is a bully, a braggart and a sore loser who has pledged to ...": a relative clause on a noun that
        describes the subject after "is" (alone or in a list) tells what the subject did; the subject, when it is a
        noun that can speak, else None (the report named one of the nouns as a source). A pronoun may stand for
        things ("they are speeches that tell you little ...") or open a cleft ("It is the law that says ...")."""
        if self.speaker_kind(noun) == "document":
            return None  # "The clearest sign was a leaked memo that described ...": the memo speaks
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ != "attr":
            return None
        verb = noun.head
        for _ in range(MAX_ANTECEDENT_CLIMB):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                if subject.pos_ in ("PRON", "NUM"):
                    return None  # "It is the law that says ...": the law; "they are speeches that ...": things
                return subject if self.speaker_kind(subject) == "person" else None
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                return None
            verb = verb.head  # "mocks his critics and is a bully ...": the subject of the first verb
        return None

    def person_before(self, pronoun: Token) -> Token | None:
        """The nearest noun before a relative "who" that can be a person, within ``MAX_ANTECEDENT_REACH`` tokens of
        its noun phrase (no verb or clause mark between), or None."""
        for token in reversed(self.doc[max(pronoun.sent.start, pronoun.i - MAX_ANTECEDENT_REACH) : pronoun.i]):
            if token.pos_ in ("VERB", "AUX", "SCONJ") or token.text in (";", ":", "(", ")"):
                return None
            if token.pos_ in ("NOUN", "PROPN") and self.speaker_kind(token) == "person":
                return token
        return None

    def noun_before(self, pronoun: Token) -> Token | None:
        """The head of the noun phrase that ends right before a relative pronoun (a comma and an adverb such as
        "here" may stand between), or None."""
        at = pronoun.i - 1
        while at > pronoun.sent.start and (self.doc[at].text == "," or self.doc[at].pos_ == "ADV"):
            at -= 1
        token = self.doc[at]
        for _ in range(MAX_ANTECEDENT_CLIMB):  # up from the phrase's last word to its head noun
            if token.head.i == token.i or token.head.i > pronoun.i or token.dep_ not in ("compound", "amod", "appos"):
                break
            token = token.head
        return token if token.pos_ in ("NOUN", "PROPN") and at >= pronoun.sent.start else None

    def speaker_of(self, head: Token) -> Token | None:
        """The word that names who speaks, when ``head`` (a source's head) can speak: a relative pronoun gives way
        to its antecedent. None when nobody who could speak is named ("this mission supports ...")."""
        if head.tag_ in ("WP", "WDT") and head.lower_ in ("who", "whom", "which", "that"):
            antecedent = self.antecedent(head)
            if antecedent is None:
                return None
            head = antecedent
        floated = self.floated_on(head)
        if floated is not None:
            head = floated  # "with Trump, Huckabee and Christie all calling for ...": the three
        head = self.noun_of_coordinated_adjectives(head)
        return head if self.speaker_kind(head) is not None else None

    @staticmethod
    def noun_of_coordinated_adjectives(head: Token) -> Token:
        """ "Current and former officials said ...": the parser makes the first adjective the subject and the noun
        its conjunct; the noun is who speaks. Any other head is returned as it is."""
        if head.pos_ != "ADJ" or head.dep_ not in ("nsubj", "nsubjpass"):
            return head
        return next((c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), head)

    def floated_on(self, quantifier: Token) -> Token | None:
        """The names a floating "all", "both" or "each" right after them stands for ("with Vell, Brandt and Okafor
        all calling for ...", "the two senators both said"): the head of the noun phrase that ends right before it,
        when that phrase names people (climbing its coordination); None otherwise."""
        if (
            quantifier.lower_ not in FLOATING_QUANTIFIERS
            or quantifier.i == 0
            or any(c.dep_ == "prep" for c in quantifier.children)
        ):
            return None
        before = quantifier.doc[quantifier.i - 1]
        if before.pos_ not in ("PROPN", "NOUN") or before.sent.start != quantifier.sent.start:
            return None
        head = before
        while head.dep_ in ("conj", "compound", "flat") and head.head.i < quantifier.i and head.head.i != head.i:
            head = head.head
        return head if head.pos_ in ("PROPN", "NOUN") and self.speaker_kind(head) == "person" else None

    def admits(self, found: Found) -> bool:
        """A source must be able to speak: an attribution whose source cannot is no attribution. A relative
        pronoun's antecedent becomes the source's head."""
        if found.source_root is None:
            return True
        if self.addresses_reader(self.doc[found.source_root]):
            return False
        head = self.doc[found.source_root]
        if found.rule == "layout.speaker_label" and self.label_name(found):
            return True  # "Pence: ..." heading a line: the layout names a speaker, also in a headline read again
        if found.phrase and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in NOT_SOURCES_AFTER_PHRASE:
            return True  # "according to port rules", "according to her memoir": the phrase names a source
        speaker = self.speaker_of(head)
        if speaker is None or self.display_without_wording(speaker, found):
            return False
        if head.lower_ in FLOATING_QUANTIFIERS and speaker.i < head.i:  # speaker_of took the names "all" stands for
            found.source = self.chars(speaker.left_edge.i, head.i - 1)
        found.source_root = speaker.i
        return True

    def label_name(self, found: Found) -> bool:
        """Whether a speaker label is written as a name ("Pence:", "Cecile Richards:"): proper nouns in Title
        Case, no article; not a heading in capitals ("HUFFPOLLSTER:", "Q:") nor "The Ninth Circle:"."""
        span = self.doc.char_span(found.source[0], found.source[1], alignment_mode="expand")
        return span is not None and all(t.pos_ == "PROPN" and t.is_title and len(t) > 1 for t in span)

    def display_without_wording(self, speaker: Token, found: Found) -> bool:
        """ "Signs urging the mayor to resign": a sign or a banner carries words but acts for no one; it is a source
        only of its wording ('"...," the sign read', "a banner saying ...")."""
        if speaker.lemma_.lower() not in DISPLAY_NOUNS or speaker.pos_ == "PROPN" or found.cue is None:
            return False
        cue = self.doc.char_span(*found.cue, alignment_mode="expand")
        return cue is None or not any(t.lemma_.lower() in DISPLAY_VERBS for t in cue)

    def addresses_reader(self, head: Token) -> bool:
        """ "You really can't compare ...", "you request any type of pass": outside a quotation, "you" is the
        reader the page talks to, who says nothing on it; the sentence is the writer's advice, not a report."""
        return head.lower_ in READER_WORDS and not any(
            q.closed and q.start < head.idx < q.end for q in self.quotes_touching(head.idx, head.idx + 1)
        )

    @staticmethod
    def is_name(token: Token) -> bool:
        """A proper name of someone who can speak: a person, an organisation, a group or a country."""
        return token.ent_type_ in SPEAKER_ENTITIES or token.pos_ == "PROPN" and token.ent_type_ not in NOT_SPEAKERS

    def is_person(self, head: Token, people: bool = False) -> bool:
        """Whether a noun names a person: a person entity, or a person noun of the lexicons
        (:meth:`~rashomon.attribution.lexicon.Lexicon.names_people`; with ``people``, a noun for people too)."""
        return head.ent_type_ == "PERSON" or self.lexicon.names_people(head.lemma_.lower(), head.lower_, people)

    # --- sources ------------------------------------------------------------------------------------

    @staticmethod
    def has_read_as_passive(verb: Token) -> bool:
        """ "he's expressed openness", "she's said that ...": the parser reads a clitic "'s" (has) as a passive
        "is"; a passive verb takes no object or that-clause, so with one the clause is active and its subject
        speaks."""
        clitic = [c for c in verb.children if c.dep_ == "auxpass" and c.lower_ in ("'s", "’s")]
        return bool(clitic) and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)

    def subject_of(self, verb: Token) -> Token | None:
        """Who does what ``verb`` says: its subject, or the agent of a passive, or the subject of the clause it
        continues. A subject quoted before a cue outside the quotation ('"We were wrong," Jane Roe told ...', parsed
        with "We" as the subject) is part of the quoted words: the speaker is the name between the quotation and
        the cue, if any."""
        if verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
            # "Lind denied it and was asked about it again": Lind is the one asked, and who asked is not said
            return self._subject_of(verb) if any(c.dep_ == "agent" for c in verb.children) else None
        act_of = self.next_acts.get(verb.i)
        if act_of is not None:
            return self.subject_of(act_of)  # "X said it was over and warned Y": X warned, not "it"
        subject = self._subject_of(verb)
        if subject is not None and self.quoted_before(subject, verb):
            return self.speaker_after_quote(verb, loose=True)
        if subject is not None and subject.i > verb.i and self.in_title(subject.idx):
            # '..." Flynn, an adviser, said on Fox's "Fox and Friends."': a quoted title after the cue is no speaker
            return self.speaker_after_quote(verb, loose=True)
        if (
            subject is not None
            and subject.lower_ == "it"
            and subject.head.i != verb.i
            and subject.head.lemma_.lower() in EXPLETIVE_HOSTS
        ):
            return self.behind_expletive(subject.head) or subject
        return subject

    @staticmethod
    def behind_expletive(host: Token) -> Token | None:
        """The speaker a cue takes over from a clause whose subject is an empty "it": "It was at the fair that Moss
        spoke, pointing to X" (the cleft's subject, Moss), "It falls to the board to give an opinion" (the one it
        falls to); else None, and the "it" stays (the speaker rules do not tell an empty "it" from a company's)."""
        for child in host.rights:
            if child.dep_ in ("ccomp", "relcl", "advcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in child.children
            ):
                subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
                    return subject
        for child in host.rights:
            if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "for"):
                noun = next((c for c in child.children if c.dep_ == "pobj"), None)
                if noun is not None and noun.pos_ in ("PROPN", "NOUN"):
                    return noun
        return None

    @staticmethod
    def caught_speaking(verb: Token) -> Token | None:
        """ "The chief was caught on tape saying ...", "she was overheard telling aides ...": a participle under a
        passive verb of being heard, seen or recorded ("is shown saying") is what the passive's subject was heard
        saying (the parser hangs it on the passive, as an adverbial or as its complement, whose subject the
        passive rule would leave out, and above it another cue's speaker would take it). The subject, or None."""
        if not recorded_saying(verb):
            return None
        return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)

    @staticmethod
    def absolute_subject(verb: Token) -> Token | None:
        """ "The protest peaked with Ada Moss, the editor, writing a letter ...": in a "with" phrase, the noun right
        before the participle does what it says (the parser hangs the participle on the sentence's verb, whose
        subject, "the protest", says nothing). None unless the participle follows the noun phrase of a "with"
        on its head verb right away, or after the comma that closes the noun's apposition."""
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.i == verb.i:
            return None
        if verb.head.lemma_.lower() in COMPANION_VERBS:
            return None  # "spoke with reporters saying ...": the one who spoke says it
        for preposition in verb.head.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "with" or preposition.i > verb.i:
                continue
            noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
            if noun is None:
                continue
            gap = verb.doc[noun.right_edge.i + 1 : verb.i].text
            # a comma only closes an apposition ("with Ada Moss, the editor, writing"); "agreed with the plan,
            # saying ..." is the subject's own participle
            if not gap or gap == "," and any(c.dep_ == "appos" for c in noun.children):
                return noun
        return None

    def participle_speaker(self, cues: list[Token], participle: Token) -> Token | None:
        """The speaker of a participial cue ("..., arguing that ...") from the cues above it, nearest first: the
        subject of the nearest, unless that cue is reported by the next one and either its subject is only a
        pronoun for that one's named speaker ("Vell said she did not believe X, arguing that Y": Vell argues; the
        parser hangs "arguing" on "believe"), or it is a feeling or belief and the participle speaks ("Vell
        denied that voters feel cheated, saying that Y": a feeling reported by Vell says nothing; Vell does)."""
        speaker = self.subject_of(cues[0])
        if speaker is None or len(cues) < 2 or cues[0].dep_ != "ccomp" or cues[0].head.i != cues[1].i:
            return speaker
        held_then_said = (
            self.lexicon.cue_group(cues[0].lemma_.lower()) == "belief"
            and self.lexicon.cue_group(participle.lemma_.lower()) == "speech"
            and speaker.pos_ != "PROPN"  # "Roe said Smith believes X, calling it ...": Smith may well call it so
        )
        if speaker.lower_ not in PARTICIPLE_PRONOUNS and not held_then_said:
            return speaker
        outer = self.subject_of(cues[1])
        return outer if outer is not None and (outer.pos_ == "PROPN" or held_then_said) else speaker

    def quoted_before(self, token: Token, verb: Token) -> bool:
        """Whether ``token`` lies in a closed quotation that ends before ``verb``."""
        return any(
            q.closed and q.start <= token.idx < q.end <= verb.idx
            for q in self.quotes_touching(token.idx, token.idx + 1)
        )

    @staticmethod
    def imperative_conjunct(verb: Token) -> bool:
        """Whether a conjoined verb is an order to the reader, not a second verb of its head's subject: it has a
        "do" of its own that cannot agree with a singular subject ("Vell has dropped the plan, but don't expect him
        to fade": "do", not "does")."""
        if not any(c.dep_ == "aux" and c.lower_ == "do" for c in verb.children if c.i < verb.i):
            return False
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return False
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and (subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "it"))

    def out_of_dateline(self, subject: Token) -> Token | None:
        """``subject``, or where the parser hung the subject on a dateline's place ("KESTREL BAY, Ore. — Leaders
        of the union said") the phrase after the dash; None when the place is all there is."""
        end = self.past_dateline(subject.sent.start, subject.sent.end)
        if subject.i >= end:
            return subject
        return next((t for t in subject.children if t.dep_ == "appos" and t.i >= end), None)

    def raised_speaker(self, verb: Token) -> Token | None:
        """ "The minister is reported to have told colleagues ...", "she is said to have called it a farce": the
        subject of a passive with a perfect infinitive of speech said what the infinitive says; only the report of
        it is hearsay. None otherwise ("is expected to announce": nothing said yet, see ``passive_chain``; "seems
        to have found", "is said to have lobbied for": the raising verb is the cue, PolNeAR's reading)."""
        head = verb.head
        if verb.dep_ != "xcomp" or head.i == verb.i or not perfect_infinitive(verb):
            return None
        if self.lexicon.cue_group(verb.lemma_.lower()) != "speech" or not any(
            c.dep_ == "auxpass" for c in head.children
        ):
            return None
        return next((c for c in head.lefts if c.dep_ == "nsubjpass"), None)

    @staticmethod
    def stopped_short(verb: Token) -> Token | None:
        """The "stopped" of "stopped short of calling X" when ``verb`` is that gerund: PolNeAR marks the act not
        quite done as a cue, its speaker the one who stopped. None otherwise."""
        of = verb.head
        if verb.dep_ != "pcomp" or of.lower_ != "of" or of.head.lower_ not in SHORT_OF_ADVERBS:
            return None
        return of.head.head if of.head.head.pos_ == "VERB" else None

    @staticmethod
    def subject_on_infinitive(verb: Token) -> Token | None:
        """ "Ida Vell, one of nine members to vote no, said ...": the parser hangs the speaker on the appositive's
        infinitive as its subject, and the finite cue gets none. A to-infinitive has no subject of its own but after
        "for" ("for the plan to work"), so one on an infinitive clause before the cue is the cue's subject."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        for clause in verb.lefts:
            if clause.dep_ != "advcl" or clause.tag_ != "VB":
                continue
            marks = [c for c in clause.children if c.dep_ in ("aux", "mark")]
            if not any(m.tag_ == "TO" for m in marks) or any(m.lower_ == "for" for m in marks):
                continue
            subject = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
        return None

    @staticmethod
    def subject_in_fronted_phrase(verb: Token) -> Token | None:
        """ "In an appeal to growers, Ida Vell, a candidate for the board, announced ...": the parser makes the
        speaker an appositive of the fronted phrase's noun and leaves the finite cue with no subject. A person's
        name in apposition inside a phrase on the cue, whose words end at the comma right before it, or right
        before the cue with no comma ("At the convention Sen. Ida Vell (D-Ore.) said ..."), is its subject."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2:
            return None
        comma = verb.doc[verb.i - 1].text == ","
        for token in verb.doc[verb.sent.start : verb.i]:
            if (
                token.dep_ == "appos"
                and token.ent_type_ == "PERSON"
                and (verb.i - 2 <= token.right_edge.i if comma else token.right_edge.i == verb.i - 1)
                and token.right_edge.i < verb.i
                and any(a.dep_ in ("prep", "npadvmod") and a.head.i == verb.i for a in token.ancestors)
            ):
                return token  # (hung on the cue through a preposition, or through a day: "Saturday at the ...")
        return None

    def subject_before_interrupter(self, verb: Token) -> Token | None:
        """ "after Mr. Brandt, asked about the strikes, had said, '...'": the parser loses the subject of a cue
        across a phrase set off by commas and hangs it elsewhere. A name or a noun that can speak, ending right
        before the phrase, is the cue's subject when the phrase is the only stretch of words between the two
        commas, a participle's ("asked about X") or an apposition ("her lawyer") with no subject of its own, and
        the noun is no one's object ("Police arrested the suspect, a local man, accused him of ...": the police
        accuse)."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "aux" and c.tag_ != "TO" for c in verb.lefts):
            return None  # a finite verb ("had said"), not an infinitive ("using a stop in Orrin, Ulm, to criticize")
        if verb.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in verb.head.children):
            return None  # a second verb of a clause that has its subject: the parser joined them right
        close = self.before_own_words(verb, ("aux", "neg"), verb.sent.start)
        if self.doc[close].text != "," or close - verb.sent.start < 3:
            return None
        commas = [t.i for t in self.doc[verb.sent.start : close] if t.text == ","]
        if not commas:
            return None
        opening = commas[-1]
        if opening == verb.sent.start:
            return None  # a comma opening the sentence has no name before it in this sentence
        inside = self.doc[opening + 1 : close]
        if not 0 < len(inside) <= MAX_INTERRUPTER_WORDS or any(t.dep_ in SUBJECT_DEPS for t in inside):
            return None
        roots = [t for t in inside if not opening < t.head.i < close]
        if len(roots) != 1 or not (roots[0].tag_ in ("VBN", "VBG", "VBD") or roots[0].pos_ in ("NOUN", "PROPN")):
            return None
        name = self.doc[opening - 1]
        if name.dep_ in SUBJECT_DEPS or name.dep_ in ("dobj", "dative", "attr", "compound"):
            return None
        if name.ent_type_ in TIME_ENTITIES:
            return None  # "sank on Tuesday, a stormy day, said ...": a date before the phrase
        while name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.pos_ == "NOUN":
            name = name.head.head  # "the mayor of Orrin, Ulm, suggested": the mayor speaks, not the town
        return name if self.speaker_kind(name) == "person" else None

    def subject_of_clause_joined(self, verb: Token) -> Token | None:
        """The subject of the clause a cue continues when the parser did not join them: "Okafor paused, then
        revealed why ..." (the second verb hung on the first as an unlabelled dependent) and "Korvo shared the news,
        writing '...'" (the participle taken for the subject of the quoted words). The verb before the comma must
        have a subject of its own, before it."""
        if verb.i < 2:
            return None
        if verb.dep_ == "dep" and verb.head.pos_ == "VERB" and verb.head.i < verb.i:
            joint = self.before_own_words(verb, ("advmod",), verb.head.i)  # past "then", "later"
            if self.doc[joint].text != "," and self.doc[joint].dep_ != "cc":
                return None
            host = verb.head
        elif verb.tag_ == "VBG" and verb.dep_ in ("nsubj", "csubj") and self.doc[verb.i - 1].text == ",":
            host = self.doc[verb.i - 1].head
            if host.pos_ != "VERB" or host.i > verb.i:
                return None
        else:
            return None
        subject = next((c for c in host.lefts if c.dep_ == "nsubj"), None)
        if subject is None or self.speaker_kind(subject) != "person":
            return None
        return subject

    def subject_of_reduced_relative(self, verb: Token) -> Token | None:
        """ "Residents fleeing the fire said ...", "Protesters marching through the city said ...": the parser reads
        the participle that describes the subject as the clause's subject (or as its main verb) and hangs the
        subject on it. A bare participle (no auxiliary) whose own subject, before it, can speak gives that subject
        back to the cue (it may be far from the participle: "Most growers in the two valleys heading to the market
        said ..."). Asked for a verb whose subject is the participle (``csubj``) and for one hung on it."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        if verb.dep_ == "dep" and verb.head.i < verb.i:
            participles = [verb.head]  # "Protesters marching ... said": the participle taken for the main verb
        else:
            participles = [c for c in verb.lefts if c.dep_ == "csubj"]  # "Residents fleeing ... said"
        for participle in participles:
            if participle.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in participle.children):
                continue
            subject = next((c for c in participle.lefts if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i < participle.i and self.speaker_kind(subject) == "person":
                return subject
        return None

    @staticmethod
    def share_misread_as_number(verb: Token) -> Token | None:
        """ "About 4 in 10 say cars should pay more": the parser hangs a count or share of people on the finite verb as a number
        modifier and leaves it with no subject; that number, standing right before the verb, is who says it."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == verb.sent.start:
            return None
        before = verb.doc[verb.i - 1]
        if before.head.i == verb.i and before.dep_ in ("nummod", "npadvmod", "dep") and before.like_num:
            return before
        return None

    def attitude_holder(self, verb: Token) -> Token | None:
        """The subject of a passive whose participle is an adjective of attitude ("is convinced", "was disappointed",
        "is determined": the lexicon's ``adjectives``, which the parser reads as a passive verb, not as "is
        confident"): the one who holds the view, not the object of someone unnamed's act. None otherwise."""
        if verb.lower_ not in self.lexicon.cue_adjectives or not any(c.dep_ == "auxpass" for c in verb.children):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in EXPLETIVES), None)
        return None if subject is None else self.out_of_dateline(subject)

    def _subject_of(self, verb: Token) -> Token | None:
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.i != verb.i:
            return self.subject_of(verb.head)  # "X is confident that ...": the subject of "is"
        relative = self.participle_out_of_relative(verb)
        if relative is not None:
            return relative
        held = self.attitude_holder(verb)
        if held is not None:
            return held  # "Brandt is convinced (by the data) that ...": Brandt holds the view
        active = any(c.dep_ == "nsubj" for c in verb.children)
        for child in verb.children:
            if child.dep_ == "agent" and not active:  # "blamed strikes by doctors": a "by" misread as an agent
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in EXPLETIVES]
        inverted_aside = self.inverted_aside_speaker(verb)
        if inverted_aside is not None:
            return inverted_aside
        trailing = self.trailing_cue_object(verb)
        if trailing is not None:
            return trailing  # "..., alleges the aid group.": the speaker after the cue, read as its object
        if len(subjects) > 1:  # "LONDON (Reuters) - Jane Roe said": a dateline taken for a second subject
            # ('"A," said Jane Roe' with a subject of the quotation hung on "said" too: the one outside it)
            subjects.sort(key=lambda c: (self.quoted_before(c, verb), c.i > verb.i, -c.i))
        for child in subjects[:1]:
            if child.dep_ == "csubj" and (reduced := self.subject_of_reduced_relative(verb)) is not None:
                return reduced  # "Residents fleeing the fire said ...": the residents, not the fleeing
            if (
                child.dep_ == "nsubjpass"
                and verb.lemma_ not in ("quote", "cite")
                and not self.has_read_as_passive(verb)
            ):
                return None  # "X was reported killed": the subject is what is reported, not who reports
            return self.out_of_dateline(child)
        absolute = self.absolute_subject(verb)
        if absolute is not None:
            return absolute  # "with Ada Moss writing a letter ...": Moss writes
        misread = self.name_misread_as_interjection(verb)
        if misread is not None:
            return misread
        caught = self.caught_speaking(verb) or self.participle_on_object(verb)
        if caught is not None:
            return caught  # "the chief was caught on tape saying ...", "left most voters saying ...": they say it
        raised = self.raised_speaker(verb)
        if raised is not None:
            return raised
        stray = (
            self.subject_on_infinitive(verb)
            or self.subject_in_fronted_phrase(verb)
            or self.share_misread_as_number(verb)
            or self.subject_before_interrupter(verb)
            or self.subject_of_reduced_relative(verb)
            or self.subject_of_clause_joined(verb)
        )
        if stray is not None:
            return self.out_of_dateline(stray)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "..., calling it ...": the speaker of the cue above
            cues = [a for a in verb.ancestors if a.lemma_.lower() in self.lexicon.all_cue_lemmas and a.pos_ == "VERB"]
            if cues:
                return self.participle_speaker(cues, verb)
        infinitive = verb.tag_ == "VB" and to_infinitive(verb)
        if verb.dep_ == "conj" and self.imperative_conjunct(verb):
            return None  # "X has dropped plans, but don't expect him to ...": an imperative speaks to the reader
        if (
            verb.dep_ == "conj"
            and verb.head.dep_ == "pcomp"
            and verb.head.head.dep_ == "prep"
            and verb.head.head.head.pos_ == "VERB"
            and self.quoted_alone(verb.head, verb)
        ):
            # 'accusing Aslan of "scaremongering" and pointing to X': the parser joins the act to the quoted word;
            # the one accusing points
            return self.subject_of(verb.head.head.head)
        if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or infinitive)):
            passive = self.passive_subject_of_head(verb)
            if passive is not None:
                return passive
            controller = self.object_controller(verb) if infinitive else None
            if controller is not None:
                return controller  # "the senator forced Stumpf to admit that ...": Stumpf admits
            made = self.made_to(verb) if infinitive else None
            if made is not None:
                return made  # "Moss was forced to admit X"
            beside = self.subject_of_clause_before(verb)
            if beside is not None:
                return beside  # "It was a blow, as the board rejected it, saying ...": the board says it
            if verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
                return self.subject_of(verb.head)
            if (
                verb.dep_ == "xcomp"
                and verb.head.pos_ == "ADJ"
                and verb.head.dep_ == "acomp"
                and verb.head.head.pos_ in ("VERB", "AUX")
            ):
                return self.subject_of(verb.head.head)  # "was quick to point out": the one who was quick
        if self.finite_acl(verb):
            return verb.head  # "Two analysts, A and B, found in 2014 that ...": the sentence's verb hung on its subject
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            writer = self.writer_to(verb.head)
            if writer is not None:
                return writer  # "has written to the minister demanding X": the one who wrote demands it
            channel = self.addressed_channel(verb.head) or verb.head
            maker = self.maker_of(channel)
            return maker if maker is not None else channel  # "a statement saying ..."
        if (
            verb.dep_ == "pcomp"
            and verb.head.lower_ in GERUND_PREPOSITIONS
            and verb.head.dep_ == "prep"
            and verb.head.head.pos_ in ("VERB", "AUX")
        ):
            before = self.subject_before(verb.head.head, verb)
            if before is not None:
                return before  # "Ryan, despite admitting X, said ...": the subject the aside follows
            judged = self.judged_object(verb.head)
            if judged is not None:
                return judged  # "praised Vell for agreeing to ...": Vell agrees
            return self.subject_of(verb.head.head)  # "responded by saying ...": the one who responded
        stopped = self.stopped_short(verb)
        if stopped is not None:
            return self.subject_of(stopped)  # "stopped short of calling X": the one who stopped
        if verb.lemma_.lower() in self.lexicon.cue_verbs["speech"]:
            inverted = [c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.pos_ == "PROPN"]
            if inverted and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.lefts):
                return inverted[0]  # '"...," said Jane Roe, a historian': the parser took the speaker for an object
        lefts = [c for c in verb.lefts if c.dep_ == "ccomp"]
        rights = [c for c in verb.rights if c.dep_ == "ccomp"]
        if lefts and rights:  # "X - an aside - said ...": the parser hung the subject on the aside
            subjects = [c for c in lefts[0].children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if subjects:
                return subjects[0]
            inverted = self.inverted_speaker(verb)
            if inverted is not None:
                return inverted
        return (
            self.stranded_subject(verb)
            or self.speaker_after_quote(verb)
            or self.name_hung_before(verb)
            or self.object_after_quoted_cue(verb)
        )

    @staticmethod
    def made_to(verb: Token) -> Token | None:
        """The one made to do what ``verb`` says, when ``verb`` is the infinitive of a passive verb of making someone
        do something, which says it was done ("Moss was forced to admit that ...", "was prompted to say"): the
        passive's subject, who speaks. None otherwise, and for one the sentence only supposes ("more voters would
        be compelled to register")."""
        head = verb.head
        if (
            verb.dep_ != "xcomp"
            or head.lemma_.lower() not in IMPLICATIVE_VERBS
            or any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
        ):
            return None
        return next((c for c in head.children if c.dep_ == "nsubjpass"), None)

    @staticmethod
    def passive_subject_of_head(verb: Token) -> Token | None:
        """ "aides who were interviewed by agents and told them that ...", "the minister was pushed into a retreat and
        said that ...": the one a passive is about does what an active verb joined to it says: with the passive's
        agent named, or when the passive is the sentence's own verb (not one deep in a clause the parser may have
        joined the verb to: "a plea that the pier be kept open and hoped that ..."). Not a participle sharing the
        passive's auxiliary ("was stopped and accused of smuggling": accused, not accusing). None otherwise."""
        head = verb.head
        if verb.dep_ != "conj" or head.i == verb.i or verb.tag_ == "VBN":
            return None
        passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if passive is None or not (head.dep_ == "ROOT" or any(c.dep_ == "agent" for c in head.children)):
            return None
        return passive

    def participle_on_object(self, verb: Token) -> Token | None:
        """ "The floods have left 40 percent of residents saying X", "the tape shows him saying X": an -ing cue right
        after the object of a verb of leaving, finding or showing (:data:`OBJECT_PARTICIPLE_VERBS`), with no comma
        between, is what the object does, when the object can speak (not "..., saying X": the subject's next
        words; not "spent the day saying X"). None otherwise."""
        if (
            verb.dep_ != "advcl"
            or verb.tag_ != "VBG"
            or verb.head.lemma_.lower() not in OBJECT_PARTICIPLE_VERBS
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        ):
            return None
        target = next((c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 1), None)
        if target is None or target.ent_type_ in NOT_SPEAKERS - {"PERCENT", "CARDINAL"}:
            return None  # not "spent $2 million attacking X"
        return target if self.speaker_kind(target) == "person" else None

    def judged_object(self, preposition: Token) -> Token | None:
        """ "praised the councillors for agreeing to ...", "accused her of saying ...": a gerund after "for" or "of"
        on a verb with an object before it is that object's doing (the one praised, thanked or blamed). None when
        there is no such object or it cannot speak."""
        if preposition.lower_ not in OBJECT_GERUND_PREPOSITIONS:
            return None
        target = next((c for c in preposition.head.children if c.dep_ == "dobj" and c.i < preposition.i), None)
        return target if target is not None and self.speaker_kind(target) == "person" else None

    def object_controller(self, verb: Token) -> Token | None:
        """ "forced Stumpf to admit that ...", "pushing doctors to ask veterans about ...": the object of a verb of
        asking, urging or forcing (:data:`PASSIVE_ADDRESSEE_VERBS`) is the one who does what its infinitive says,
        not the verb's subject. None when ``verb`` is no such infinitive or the object cannot speak. (Only after a
        verb of making someone do it is the infinitive a cue at all: ``CueDiscipline.asked_of_object``; and no
        cue chain runs over an object: ``VerbCueRules.chained_cue``.)"""
        head = verb.head
        if verb.dep_ != "xcomp" or head.i == verb.i or head.lemma_.lower() not in PASSIVE_ADDRESSEE_VERBS:
            return None
        target = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        return target if target is not None and self.speaker_kind(target) == "person" else None

    def participle_out_of_relative(self, verb: Token) -> Token | None:
        """ "Vell was angry at a worker who said he was never paid, saying ...": a participle set off by a comma or
        a dash that the parser hung inside a relative clause is not said by the relative clause's subject: it
        speaks for the clause the relative clause's noun sits in (its subject, Vell), or, in an absolute "with X
        -- who ... -- lambasting Y", for that noun. None when the participle is not so placed (the other rules
        decide)."""
        if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0:
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        before = verb.i - 1
        while before > verb.sent.start and self.doc[before].pos_ == "ADV":
            before -= 1  # ", now saying ..."
        if self.doc[before].text not in PARTICIPLE_SETTERS:
            return None
        clause = verb.head
        for _ in range(MAX_ANTECEDENT_CLIMB + 1):
            if clause.dep_ not in ("ccomp", "advcl", "conj", "xcomp"):
                break
            clause = clause.head
        if clause.dep_ != "relcl" or clause.head.i == clause.i or clause.head.i > verb.i:
            return None
        noun = clause.head
        if noun.dep_ == "pobj" and noun.head.lower_ in ABSOLUTE_PREPOSITIONS:
            return noun if self.can_speak(noun) else None
        return self.clause_subject(noun)

    def quoted_alone(self, word: Token, after: Token) -> bool:
        """Whether ``word`` sits inside a quotation that closes before ``after``."""
        quote = self.inside_quote(word.idx)
        return quote is not None and quote.end <= after.idx

    def name_misread_as_interjection(self, verb: Token) -> Token | None:
        """ "Pike dismissed the offer as ...", "Merrily said he would ...": the tagger read a surname that opens the
        sentence as an interjection or an adverb, and the finite verb after it has no subject. A capitalised word
        standing alone before the verb, which the page uses as a name elsewhere or an entity label marks, is that
        subject."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == verb.sent.start:
            return None
        first = self.doc[verb.sent.start]
        if first.i != verb.i - 1 or first.head.i != verb.i or first.dep_ not in ("intj", "npadvmod", "advmod", "dep"):
            return None
        if not first.is_title or first.ent_type_ in TIME_ENTITIES:
            return None  # ("Wednesday added one more twist": a day)
        if not (first.ent_type_ in SPEAKER_ENTITIES or first.lower_ in self.names()):
            return None
        return first

    def subject_of_clause_before(self, participle: Token) -> Token | None:
        """ "The vote was a blow to the mayor, as the council rejected the plan, saying it cost too much": the
        parser hangs the participle on the sentence's verb, whose subject cannot speak (an empty "it", "the vote");
        the adverbial clause that ends right before its comma has one that can, and it is the one who says it. None
        when the sentence's subject can speak ("The mayor smiled as the vote passed, saying ...": the mayor)."""
        head = participle.head
        if participle.dep_ != "advcl" or participle.tag_ != "VBG" or head.i == participle.i:
            return None
        if participle.lemma_.lower() not in self.lexicon.all_cue_lemmas:
            return None  # "once Moss retired, leaving staff to wonder X": who is left wondering is another rule's
        own = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if own is not None and not (own.lower_ == "it" and head.lemma_ == "be") and self.speaker_kind(own) is not None:
            return None
        if self.doc[participle.i - 1].text != ",":
            return None
        before = next(
            (
                c
                for c in head.children
                if c.dep_ == "advcl" and c.i < participle.i and c.right_edge.i == participle.i - 2
            ),
            None,
        )
        if before is None or before.tag_ not in TENSED_TAGS:
            return None
        subject = next((c for c in before.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and self.speaker_kind(subject) == "person" else None

    def clause_subject(self, token: Token) -> Token | None:
        """The subject of the clause ``token`` is part of: up its heads to the first verb with a nominal subject
        of its own, through the complements and adverbial clauses that share their head's subject ("was angry
        when forced to defend not paying an architect": the one who was angry). None when there is none."""
        for _ in range(MAX_CLAUSE_CLIMB):
            if token.pos_ in ("VERB", "AUX"):
                subject = next(
                    (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in EXPLETIVES),
                    None,
                )
                if subject is not None:
                    if subject.tag_ in ("WP", "WDT"):
                        return None
                    return self.out_of_dateline(subject)
                if token.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "acomp"):
                    return None
            if token.head.i == token.i or token.dep_ == "relcl":
                return None
            token = token.head
        return None

    def subject_before(self, verb: Token, participle: Token) -> Token | None:
        """When the parser gave ``verb`` two subjects, one before ``participle`` and one after it ("Ryan,
        despite admitting X, the victims need ...", a slip): the one before, which the participle's aside
        follows. None otherwise."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in EXPLETIVES]
        if len(subjects) < 2:
            return None
        before = [c for c in subjects if c.i < participle.i]
        if not before or len(before) == len(subjects):
            return None
        return self.out_of_dateline(before[-1])

    def name_hung_before(self, verb: Token) -> Token | None:
        """ "X found that Y, Secretary of State Jane Roe revealed Wednesday.": a speech verb closing the sentence
        with its speaker's name right before it and a comma before the name, which the parser hung on a word of
        the clause (as an apposition) instead of on the verb. The name's last word, or None."""
        doc = self.doc
        if self.lexicon.cue_group(verb.lemma_.lower()) not in ("speech", "report") or verb.i == verb.sent.start:
            return None
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
            return None
        after = [t for t in doc[verb.i + 1 : verb.sent.end] if not t.is_punct]
        if any(t.dep_ != "npadvmod" and t.head.dep_ != "npadvmod" for t in after):
            return None  # only a time ("Wednesday") may follow the verb
        name = doc[verb.i - 1]
        if name.pos_ != "PROPN" or name.ent_type_ != "PERSON" or name.dep_ != "appos":
            return None
        first = name.left_edge.i
        if first <= verb.sent.start or doc[first - 1].text != "," or first - 1 <= verb.sent.start:
            return None
        return name

    def name_after_quote(self, content: tuple[int, int], source: tuple[int, int]) -> tuple[int, int] | None:
        """'"...," Tulsa police Chief Ada Moss said': proper nouns between a quotation's closing mark and the
        source, which the parser hung on the quoted clause, are the first words of the speaker's name. Where the
        quotation ends and where the name starts, or None."""
        quote = self.last_closed_quote(content[0], source[0])
        if quote is None or quote.end >= source[0] or self.text[quote.end : source[0]].strip() == "":
            return None
        span = self.doc.char_span(quote.end, source[0], alignment_mode="contract")
        words = [t for t in span if not t.is_space] if span is not None else []
        if not words or len(words) >= MAX_SPEAKER_TOKENS or not all(t.is_title and not t.is_stop for t in words):
            return None
        return quote.end, words[0].idx

    def inverted_aside_speaker(self, verb: Token) -> Token | None:
        """ "The ferry, said a spokesman for the port, would resume on Monday": a speech verb set off by commas with
        its speaker after it comments on the clause around it. The parser gives the verb two subjects, the
        clause's before the comma and the speaker after; the speaker is the one after, when a comma closes it and
        the clause goes on, or when it ends the sentence ("The pledge appeals to voters who want X, said Ida
        Vell, a pollster."). None otherwise."""
        if (
            verb.i == 0
            or self.doc[verb.i - 1].text != ","
            or verb.lemma_.lower() not in self.lexicon.cue_verbs["speech"]
        ):
            return None
        before = [c for c in verb.lefts if c.dep_ == "nsubj" and c.i < verb.i - 1]
        after = [c for c in verb.rights if c.dep_ == "nsubj"]
        if before and not after:
            # "Part of the problem, say experts like Ida Vell, is the ground": the parser made the speaker the
            # subject of the clause after it
            after = [
                g
                for c in verb.rights
                if c.dep_ == "ccomp"
                for g in c.lefts
                if g.dep_ == "nsubj" and g.left_edge.i == verb.i + 1
            ]
        if not before or not after:
            return None
        closing = after[0].right_edge.i + 1
        if self.doc[closing - 1].text == ",":  # the parser took the closing comma into the speaker's phrase
            closing -= 1
        if self.ends_sentence(closing - 1):
            return after[0]
        rest = self.doc[closing + 1 : verb.sent.end]
        if (
            closing >= verb.sent.end
            or self.doc[closing].text != ","
            or not any(t.pos_ in ("VERB", "AUX") for t in rest)
        ):
            return None
        return after[0]

    def speaker_after_quote(self, verb: Token, loose: bool = False) -> Token | None:
        """'"...," Jane Roe, a top adviser, said': a cue verb after a quotation whose speaker the parser took
        into the quoted clause. The words between the closing mark and the verb are the speaker; their head
        (the word whose head lies outside them) is returned when it is a noun that can speak. ``loose``: also when
        the parser gave the verb no quoted clause (the speaker taken for a subject inside the quotation)."""
        if verb.tag_ not in TENSED_TAGS or not (
            loose or any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        ):
            return None
        last = verb.i - 1
        if last > verb.sent.start and self.doc[last].text == ",":
            last -= 1
        first = last
        while (
            first > verb.sent.start and self.doc[first - 1].text not in CLOSE_TEXT and last - first < MAX_SPEAKER_SPAN
        ):
            first -= 1
        if first <= verb.sent.start or self.doc[first - 1].text not in CLOSE_TEXT:
            return None
        if self.doc[first].text == ",":
            first += 1
        heads = [t for t in self.doc[first : last + 1] if not first <= t.head.i <= last or t.head.i == t.i]
        if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or not self.can_speak(heads[0]):
            return self.name_before_aside(first, last)
        speaker = heads[0]
        return speaker

    def name_before_aside(self, first: int, last: int) -> Token | None:
        """'"...," Mr. Vell, now 81 and retired in Hull, said': the parser made the aside a clause of its own
        ("retired" a verb with "Vell" for subject), so the words before the cue have no one head; a name opening
        them, set off by a comma, is the speaker. None otherwise."""
        end = first
        while end <= last and self.doc[end].pos_ == "PROPN":
            end += 1
        if end == first or end > last or self.doc[end].text != ",":
            return None
        name = self.doc[end - 1]
        return name if self.can_speak(name) else None

    def object_after_quoted_cue(self, verb: Token) -> Token | None:
        """'"Why?" asked the mayor.': a speech verb right after a closing quotation mark, with no subject, whose
        speaker the parser took for its object."""
        if (
            verb.i == 0
            or self.doc[verb.i - 1].text not in CLOSE_TEXT
            or verb.lemma_.lower() not in self.lexicon.cue_verbs["speech"]
        ):
            return None
        speaker = next((c for c in verb.rights if c.dep_ in ("dobj", "attr")), None)
        return speaker if speaker is not None and self.speaker_kind(speaker) == "person" else None

    def finite_acl(self, verb: Token) -> bool:
        """A past or present tense cue the parser hung on the noun before it as a clause modifier ("the
        43-year-old asked in ...", "the campaign called the report ..."): it is the sentence's verb, the noun its
        subject. A participle ("a plan announced Monday") is not."""
        head = verb.head
        before = self.text[: head.left_edge.idx].rstrip()
        after_quote = head.dep_ == "ROOT" and before[-1:] in ("”", '"', "'")  # '"...?" the pilot asked'
        unmarked_relative = verb.dep_ == "relcl" and head.dep_ == "ROOT" and verb.tag_ in TENSED_TAGS
        if head.dep_ in SUBJECT_DEPS and self.doc[verb.i - 1].text == "," and head.head.i > verb.i:
            return False  # "The office, asked about the report, referred ...": a passive set off on the subject
        return (
            (verb.dep_ == "acl" or unmarked_relative)  # "Ida Vell on Tuesday called X ...", with no "who"
            and (
                verb.tag_ in TENSED_TAGS
                or verb.tag_ == "VBN"
                and (
                    after_quote
                    or head.dep_ == "ROOT"
                    and any(c.dep_ == "ccomp" for c in verb.children)
                    and verb.lemma_.lower() not in self.lexicon.recipient_objects
                )
            )  # "A Korvex poll found last week that ...": a participle takes no clause, so the verb is finite (but
            # "The crew informed Friday that ...": a passive of telling does)
            and head.i < verb.i
            and (
                head.pos_ in ("NOUN", "PROPN")
                and self.can_speak(head)
                or head.dep_ == "ROOT"
                and head.pos_ in ("NOUN", "PROPN", "ADJ")
            )
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        )

    def addressed_channel(self, noun: Token) -> Token | None:
        """ "She sent an e-mail to the members saying ...", "a letter to the mayor saying ...", "posted a note on her
        site saying ...": the parser hangs the participle on the addressee or the place, but it is the e-mail, the
        letter or the note that says it. The channel noun the addressee is sent "to" (on the noun itself), or that
        a verb of sending or writing the noun's preposition hangs on has for its object; else None."""
        preposition = noun.head
        if noun.dep_ != "pobj" or preposition.dep_ not in ("dative", "prep"):
            return None
        holder = preposition.head
        if preposition.lower_ == "to" and holder.lemma_.lower() in self.lexicon.channel_nouns:
            return holder
        if preposition.lower_ not in CHANNEL_PLACES or holder.lemma_.lower() not in SENDING_VERBS:
            return None  # "read a statement to reporters asking ...": the reporters ask
        # a hyphenated channel is split in parts ("e - mail"), each an object: its last part names it
        objects = [c for c in holder.children if c.dep_ == "dobj" and c.i < preposition.i]
        named = [o for o in objects if self.names_channel(o)]
        return named[-1] if named else None

    def writer_to(self, noun: Token) -> Token | None:
        """ "The MP has written to the minister demanding funds": a participle hung on the one written or sent to,
        when no letter or message is named, is what the writer says in it (not "read a statement to reporters
        asking ...": reading is no sending). The writer, or None."""
        preposition = noun.head
        if noun.dep_ != "pobj" or preposition.lower_ != "to" or preposition.dep_ not in ("prep", "dative"):
            return None
        verb = preposition.head
        if verb.lemma_.lower() not in SENDING_VERBS or any(c.dep_ == "dobj" for c in verb.children):
            return None
        return self.subject_of(verb)

    def names_channel(self, token: Token) -> bool:
        """Whether ``token`` names a channel noun ("statement", "letter"), also the last piece of one the tokenizer
        split at its hyphen ("e-mail")."""
        return token.lemma_.lower() in self.lexicon.channel_nouns or self.hyphenated_channel(token)

    def hyphenated_channel(self, part: Token) -> bool:
        """Whether ``part`` ends a channel noun the tokenizer split at its hyphen ("e-mail": "e", "-", "mail")."""
        start = part.i
        while start > 0 and not self.doc[start - 1].whitespace_ and not self.doc[start - 1].is_space:
            start -= 1
        word = self.doc[start : part.i + 1].text.lower()
        return word != part.lower_ and word in self.lexicon.channel_nouns

    def maker_of(self, channel: Token) -> Token | None:
        """ "His office put out a statement saying ...", "X shot back in an article stating ...": a channel noun
        that someone issues or speaks in; the one who does is the speaker, not the noun ("the board released a
        report saying ...", "the council approved a resolution condemning ..."). None when the noun stands alone
        ("A statement from the ministry said ...") or its issuer is "it"."""
        if not self.names_channel(channel) or any(c.dep_ == "poss" for c in channel.children):
            return None
        governor = channel.head
        if channel.dep_ == "pobj" and governor.dep_ == "prep":
            governor = governor.head
        elif channel.dep_ != "dobj":
            return None
        if governor.pos_ != "VERB" or governor.i == channel.i:
            return None
        subject = next((c for c in governor.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")), None)
        return (
            subject
            if subject is not None
            and (self.can_speak(subject) or subject.pos_ != "PRON" and self.speaker_kind(subject) == "person")
            or (subject is not None and subject.pos_ == "PRON" and subject.lower_ not in ("it", "this", "that"))
            else None
        )

    def inverted_speaker(self, verb: Token) -> Token | None:
        """'"...," said Jane Roe, who later endorsed X' (or ', asked about X'): the parser made the speaker the
        subject of a clause after the cue. Returns the name right after the cue when that clause is a relative
        clause's or a bare participle's."""
        if verb.i + 1 >= len(self.doc):
            return None
        for clause in (c for c in verb.rights if c.dep_ == "ccomp"):
            subject = next(
                (
                    c
                    for c in clause.children
                    if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and c.left_edge.i == verb.i + 1
                ),
                None,
            )
            if subject is not None and (
                any(c.dep_ == "relcl" for c in subject.rights)
                or (
                    clause.tag_ in ("VBN", "VBD")
                    and self.doc[clause.i - 1].text == ","
                    and not any(g.dep_ in ("aux", "auxpass") for g in clause.children)
                )
            ):
                return subject  # '..., who later endorsed X' or '..., asked about X': the speaker's aside
        return None

    def trailing_cue_object(self, verb: Token) -> Token | None:
        """ "The army shelled the camp on Thursday, alleges the aid group.", "..., reported the Orrin Examiner.": a
        verb of saying after a comma, at the end of its sentence, with the speaker after it, which the parser reads
        as a second verb of the sentence's subject with the speaker as its object. That object, when it can speak
        and nothing but punctuation follows it, is the speaker, and the clause before the comma what was said."""
        if verb.dep_ != "conj" or verb.head.i > verb.i or verb.lemma_.lower() not in INVERTED_CUE_LEMMAS:
            return None
        if self.doc[verb.i - 1].text != "," or any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in ("ccomp", "xcomp", "cc") for c in verb.children
        ):
            return None
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if len(objects) != 1 or objects[0].left_edge.i != verb.i + 1:
            return None
        speaker = objects[0]
        rest = self.doc[speaker.right_edge.i + 1 : verb.sent.end]
        if any(not (t.is_punct or t.is_space) for t in rest) or self.speaker_kind(speaker) != "person":
            return None
        if verb.lemma_.lower() != "say" and not self.named_or_definite(speaker):
            return None  # "the fire gutted the mill, claimed two firefighters", "sold a striker, added a winger"
        return speaker

    @staticmethod
    def named_or_definite(noun: Token) -> bool:
        """Whether a noun phrase names someone or picks out one known ("the aid group", "Orrin Post"), not a
        count or an indefinite one ("two firefighters", "a winger")."""
        if any(c.dep_ == "nummod" or c.like_num for c in noun.lefts):
            return False
        first = noun.left_edge
        return noun.pos_ == "PROPN" or noun.ent_type_ in ("ORG", "PERSON", "NORP") or first.lower_ in ("the", "this")

    def before_own_words(self, verb: Token, deps: tuple[str, ...], floor: int) -> int:
        """The index of the token before the words of ``deps`` that ``verb`` takes right before it (its adverbs,
        its auxiliaries: "bluntly suggested", "had not said"), stepping back no further than token ``floor``."""
        i = verb.i - 1
        while i > floor and self.doc[i].dep_ in deps and self.doc[i].head.i == verb.i:
            i -= 1
        return i

    def stranded_subject(self, verb: Token) -> Token | None:
        """ "At Oak Park, Jane Roe, the club's manager, suggested that ...": a finite cue verb heading its sentence
        with no subject, because the parser hung the speaker on an earlier phrase (as an apposition or an
        object), or left the verb hanging on that phrase ("dep"). The noun phrase that ends right before the verb
        (after a comma, an adverb of the verb aside) is the speaker."""
        if (
            verb.dep_ not in ("ROOT", "dep")
            or verb.tag_ not in TENSED_TAGS
            or any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        ):
            return None
        last = self.before_own_words(verb, ("advmod",), verb.sent.start)  # "..., bluntly suggested ..."
        if last > verb.sent.start and self.doc[last].text == ",":
            last -= 1
        if last <= verb.sent.start:
            return None
        head = self.doc[last]
        while (
            head.dep_ in ("compound", "amod", "prep", "pobj")
            and head.head.i < verb.i
            and head.head.i != head.i
            and head.head.right_edge.i == last
            and (head.head.pos_ in ("NOUN", "PROPN") or self.describing_preposition(head))
        ):
            head = head.head  # up from the phrase's last word to its head noun
        speaker = head if head.pos_ in ("NOUN", "PROPN") and head.right_edge.i == last else None
        while (
            speaker is not None
            and speaker.dep_ in ("appos", "conj")
            and speaker.head.i < speaker.i
            and speaker.head.pos_ in ("NOUN", "PROPN")
            and self.is_person(speaker.head)
        ):
            speaker = speaker.head  # "Jane Roe, the club's manager,": the name first
        if speaker is None or speaker.dep_ not in ("appos", "pobj", "conj", "dobj") or not self.can_speak(speaker):
            return None
        return speaker

    @staticmethod
    def describing_preposition(token: Token) -> bool:
        """ "Jane Roe, a partner with Hale & Co, said": the firm at the end of a person's description is no speaker;
        the climb to the speaker goes on through the preposition to the described noun."""
        return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.dep_ == "appos"

    def held_by_subject(self, verb: Token, subject: Token | None) -> bool:
        """ "Obama seemed to recognize X", "voters appeared pleased with Y": "seem" before a cue verb or an attitude
        adjective hedges the subject's own stance, it is no impression of the writer's. The cue after it (found by
        its own rule, with "seem" in its cue) has the subject as its source."""
        if subject is None or subject.lower_ in IMPERSONAL_SUBJECTS or subject.tag_ in ("WDT", "WP"):
            return False
        if self.chained_cue(verb) is not None:
            return True
        return any(c.dep_ in ("acomp", "oprd") and c.lower_ in self.lexicon.cue_adjectives for c in verb.rights)


def writer_word(head: Token) -> bool:
    """Whether a source's head names the page's own writer as the page would if it spoke for itself: a
    first-person pronoun ("we recommend", "I don't think"), the writer's group ("our team recommends") or a part
    of the page itself ("Figure 1 illustrates", "the chart below shows": see ``PAGE_PART_NOUNS``). Only
    outside quotations and relayed accounts, which the page reader checks: there "we" is the quoted speaker."""
    lower = head.lower_
    if lower in WRITER_WORDS:
        return True
    if lower in PAGE_PART_NOUNS or head.lemma_.lower() in PAGE_PART_NOUNS:
        return any(
            (c.dep_ == "nummod" and c.like_num)
            or (c.dep_ == "advmod" and c.lower_ in PAGE_PART_PLACES)
            or (c.dep_ == "poss" and c.lower_ in WRITER_OWNERS)
            for c in head.children
        )
    return head.lemma_.lower() in WRITER_GROUP_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in WRITER_OWNERS for c in head.children
    )


def wish_of(head: Token) -> bool:
    """Whether a source's head is the subject of a wish ("we want ...", "I hope ...", "we'd love to ..."): from
    the page's own writer that is a wish stated, not anyone's words relayed (see ``WRITER_WISH_VERBS``)."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma in WRITER_WISH_VERBS:
        return True
    return lemma in WRITER_WISH_AFTER_MODAL and any(c.dep_ == "aux" and c.lower_ in WISH_MODALS for c in verb.children)
