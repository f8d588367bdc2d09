"""Noun-cue rules: speech-act nouns, light verbs with a speech noun, reception, viewpoints."""

from __future__ import annotations

from spacy.tokens import Token

from ...deps import NOMINAL_SUBJECT_DEPS
from .base import ExtractorBase, Found, _overlap, to_infinitive
from .boundaries import manner_noun
from .confidence import rated
from .settings import (
    ACT_CARRYING_PREPOSITIONS,
    ACT_IN_NOUNS,
    ACT_WITH_VERBS,
    BY_VIEWPOINT_NOUNS,
    DEMAND_NOUNS,
    HEDGING_SUBJECTS,
    HELD_NOUNS,
    HELD_PREPOSITIONS,
    HOLD_VERBS,
    LIGHT_NOUN_REACH,
    LIGHT_PREPOSITIONS,
    MATERIAL_NOUNS,
    MAX_TIME_WORDS,
    NOUN_CONTENT_PREPOSITIONS,
    OPEN_QUESTION_NOUNS,
    REASON_NOUNS,
    SPLIT_APOSTROPHES,
    SPOKEN_ABOUT,
    TIME_PREPOSITIONS,
)


class NounCueRules(ExtractorBase):
    """Speech-act and stance nouns as cues: "her criticism of X", "made the case that", "drew fire from X"."""

    def from_viewpoint(self, noun: Token) -> bool:
        """ "In the mayor's view, the pier will hold", "in her words, ...", "by his own admission, ...": the owner
        of a viewpoint noun after a sentence-level "in" (or of an admission or a count after "by") holds the rest
        of the sentence. Returns False when the pattern is absent."""
        preposition = noun.head
        lemma = noun.lemma_.lower()
        if (
            noun.dep_ != "pobj"
            or not (
                preposition.lower_ == "in"
                and lemma in self.lexicon.viewpoint_nouns
                or preposition.lower_ == "by"
                and lemma in BY_VIEWPOINT_NOUNS
            )
            or preposition.dep_ != "prep"
            or preposition.i in self.claimed_tokens
        ):
            return False
        owner, cue_end = self.owner_of(noun), noun.idx + len(noun)
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if (
            owner is None
            and of is not None
            and lemma in self.lexicon.viewpoint_nouns
            and preposition.i < preposition.head.i
        ):
            # "In the view of Ida Vell, a harbour economist, ...": the one after "of" holds it (fronted: "captured
            # in the very words of a shanty" quotes it, it is no view on the clause)
            owner = next((c for c in of.children if c.dep_ == "pobj" and self.speaker_kind(c) is not None), None)
            cue_end = of.idx + len(of)
        if owner is None or owner.lower_ in ("my", "our", "your") or owner.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        clause = preposition.head
        if clause.pos_ not in ("VERB", "AUX") or clause.dep_ not in ("ROOT", "ccomp", "conj"):
            return False
        content = self.clause_without(clause, preposition)
        if content is None:
            return False
        content, kind = self.with_quotes(content)
        self.claimed_tokens.update((preposition.i, noun.i))
        self.add(
            Found(
                content,
                kind,
                (preposition.idx, cue_end),
                self.source_chars(owner),
                owner.i,
                **rated("noun.viewpoint"),
            )
        )
        return True

    def from_light_verb(self, noun: Token) -> bool:
        """ "X made the case that ...", "X took issue with Y", "X raised concerns about Y": a light verb whose object
        noun carries the speech act. Source: the verb's subject; cue: verb to noun (and the preposition that
        introduces the content); content: the that-clause, or what the noun or the verb's preposition governs.
        Returns False when the pattern is absent."""
        verb = noun.head
        if (
            noun.dep_ != "dobj"
            or verb.pos_ != "VERB"
            or verb.i in self.claimed_tokens
            or noun.i - verb.i > LIGHT_NOUN_REACH
            or noun.i < verb.i
        ):
            return False
        if verb.lemma_.lower() in self.lexicon.reception_verbs:
            return self.from_reception(verb, noun)
        holds = verb.lemma_.lower() in HOLD_VERBS and noun.lemma_.lower() in HELD_NOUNS
        if verb.lemma_.lower() not in self.lexicon.light_verbs and not holds:
            return False
        prepositions = HELD_PREPOSITIONS if holds else LIGHT_PREPOSITIONS
        subject = self.subject_of(verb)
        if (
            subject is None
            or subject.lower_ in HEDGING_SUBJECTS
            or subject.tag_ in ("WDT", "WP")
            and verb.dep_ == "relcl"
            and not self.can_speak(verb.head)
        ):
            return False
        speaker = verb.head if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else subject
        mark = self.opens_with_that
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "relcl") and mark(c)), None) or next(
            (c for c in verb.rights if c.dep_ == "ccomp" and c.i > noun.i and mark(c)), None
        )
        preposition = None
        if clause is None:
            preposition = next(
                (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in prepositions and self.said_in(c)),
                None,
            ) or next(
                (
                    c
                    for c in verb.rights
                    if c.dep_ == "prep" and c.lower_ in prepositions and c.i > noun.i and self.said_in(c)
                ),
                None,
            )
            clause = (
                next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
                if preposition is not None
                else None
            )
        if clause is None:
            return False
        content, kind = self.with_quotes(self.subtree_chars(clause))
        cue_end = noun.idx + len(noun)
        if preposition is not None and preposition.i <= noun.right_edge.i + 1 and preposition.i < clause.i:
            cue_end = preposition.idx + len(preposition)
        cue = (self.cue_chars(verb)[0], cue_end)
        source = self.source_chars(speaker)
        return self.add_noun_cue(
            Found(content, kind, cue, source, speaker.i, **rated("noun.light_verb")),
            verb,
            noun,
        )

    def said_in(self, preposition: Token) -> bool:
        """Whether a light verb's preposition may introduce what was said: not when or where it was said ("made
        the remarks on Thursday", "made his comments in an interview", "during a breakfast")."""
        objects = [c for c in preposition.children if c.dep_ == "pobj"]
        return not any(
            o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in self.lexicon.channel_nouns for o in objects
        )

    @staticmethod
    def noun_object_said(noun: Token, obj: Token, owner: Token | None) -> bool:
        """Whether the noun after a speech-act noun's preposition is what was said or held. Yes for what is
        demanded, promised, denied or feared ("calls for a recount", "denials of wrongdoing", "fear of a storm"),
        and for what its named owner spoke about ("the governor's comments about the fares"). Not "his view of
        NATO", "her response to Trump", "support for the plan", "remarks on Saturday": a topic, an addressee, a
        target or a time, with nothing said about it."""
        if obj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            return True  # a gerund or a clause: "claims of being a businessman"
        if noun.lemma_.lower() in DEMAND_NOUNS:
            return True
        preposition = obj.head
        return owner is not None and preposition.lower_ in SPOKEN_ABOUT and obj.ent_type_ not in ("DATE", "TIME")

    @staticmethod
    def owner_of(noun: Token) -> Token | None:
        """The possessor of a speech-act noun ("her claim", "the board's report"); also a plural one written with a
        curly apostrophe ("the growers’ claim"), which the tokenizer splits off as a closing quotation mark, so the
        parser hangs the plural on the noun as a mere modifier."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        for child in noun.lefts:
            after = child.nbor(1) if child.i + 1 < len(child.doc) else None
            if (
                child.tag_ in ("NNS", "NNPS")
                and child.dep_ in ("nmod", "compound", "amod")
                and after is not None
                and after.text in SPLIT_APOSTROPHES
                and not child.whitespace_
            ):
                return child
        return None

    def possessor_as_subject(self, noun: Token, owner: Token) -> Token | None:
        """ "The mayor doubled down on her criticism", "he kept his promise", "the members stood by their claim": a
        speech-act noun owned by a pronoun, the object of a verb (or of the verb's preposition) whose subject the
        pronoun agrees with, is that subject's act; the subject names the source ("his" only points back to it).
        None when the verb is passive or has an object the pronoun could stand for ("challenged him over his
        comments"), or the subject does not agree."""
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
        if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX") or verb.i > noun.i:
            return None
        if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
            return None
        if any(c.dep_ in ("dobj", "dative") and c.pos_ == "PRON" and c.i != owner.i for c in verb.children):
            return None  # "put him on the defensive over his proposal": "his" is the object's
        subject = self.subject_of(verb)
        if subject is None or subject.tag_ in ("WDT", "WP") or subject.i > verb.i:
            return None
        return subject if self.possessive_agrees(owner, subject) else None

    def maker_of_act(self, noun: Token) -> Token | None:
        """ "The mayor delivered a promise to rebuild the pier", "the union opened with a call for talks", "crews
        marched in the hope that the port would reopen": a speech-act noun nobody owns, the object of a light verb
        (or of "with"/"in" on a verb), is the act of that verb's subject, who makes the promise or holds the hope.
        None when the verb is passive, a reception ("drew criticism": the subject is its target), the subject comes
        after the verb or cannot speak."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ACT_CARRYING_PREPOSITIONS:
            preposition, verb = verb, verb.head
            answers = verb.lemma_.lower() in ACT_WITH_VERBS  # "hit back with a claim", "replied in a statement"
            carries = answers or preposition.lower_ == "in" and noun.lemma_.lower() in ACT_IN_NOUNS
            if not carries:
                return None  # "argued with the claim", "saw merit in the claim": someone else's
        elif noun.dep_ != "dobj" or verb.lemma_.lower() not in self.lexicon.light_verbs:
            return None
        if verb.pos_ != "VERB" or verb.lemma_.lower() in self.lexicon.reception_verbs:
            return None
        if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
            return None
        subject = self.subject_of(verb)
        if subject is None or subject.i > verb.i or subject.tag_ in ("WDT", "WP"):
            return None
        return subject if self.speaker_kind(subject) is not None else None

    def possessive_agrees(self, owner: Token, subject: Token) -> bool:
        """Whether a possessive pronoun can point back to ``subject``: "his"/"her" to one person (a name that is
        no place, "he"/"she", a person noun), "its" to one body or thing, "their" to several."""
        lower = owner.lower_
        if lower in ("his", "her"):
            if subject.pos_ == "PRON":
                return subject.lower_ == {"his": "he", "her": "she"}[lower]
            if subject.tag_ == "NNP":
                return subject.ent_type_ not in ("GPE", "NORP", "LOC")
            return subject.tag_ == "NN" and self.is_person(subject, people=True)
        if lower == "its":
            return subject.lower_ == "it" or (
                subject.tag_ in ("NN", "NNP") and subject.ent_type_ != "PERSON" and not self.is_person(subject)
            )
        if lower == "their":
            return subject.lower_ == "they" or subject.tag_ in ("NNS", "NNPS")
        return False

    def add_noun_cue(self, found: Found, verb: Token, noun: Token) -> bool:
        """Add an attribution whose cue runs from a verb to its noun, unless its content overlaps its cue or
        source (the parse went wrong); the verb and noun are then taken, so no other rule reads them again."""
        if _overlap(found.content, found.cue) or _overlap(found.content, found.source):
            return False
        self.claimed_tokens.update((verb.i, noun.i))
        self.add(found)
        return True

    def from_reception(self, verb: Token, noun: Token) -> bool:
        """ "The plan drew criticism from the union", "she won the endorsement of the mayor": the one the act
        comes from is the source; what it is about is the noun's own object ("opposition to the plan") or else
        the verb's subject. Cue: verb to noun."""
        if noun.lemma_.lower() not in self.lexicon.cue_nouns:
            return False
        holders = [c for c in noun.rights if c.dep_ == "prep"] + [
            c for c in verb.rights if c.dep_ == "prep" and c.i > noun.i
        ]
        origin = next((c for c in holders if c.lower_ in ("from", "of", "by")), None)
        source = next((c for c in origin.children if c.dep_ == "pobj"), None) if origin is not None else None
        if source is None or not self.can_speak(source):
            return False
        about = next(
            (
                c
                for c in holders
                if c is not origin and c.lower_ in self.lexicon.noun_content_prepositions | {"to", "over", "on"}
            ),
            None,
        )
        target = next((c for c in about.children if c.dep_ in ("pobj", "pcomp")), None) if about is not None else None
        if target is None and noun.lemma_.lower() in MATERIAL_NOUNS:
            return False  # "received support from states": arms or money as likely as words
        if target is None:
            subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
            if subject is None or subject.tag_ in ("WDT", "WP"):
                subject = verb.head if verb.dep_ == "relcl" else None
            target = subject
        if target is None:
            return False
        content, kind = self.with_quotes(
            self.subtree_chars(target)
            if target.head.i != verb.i or target.i > verb.i
            else self.chars(target.left_edge.i, target.i)
        )
        cue = (self.cue_chars(verb)[0], noun.idx + len(noun))
        source_span = self.source_chars(source)
        return self.add_noun_cue(
            Found(
                content,
                kind,
                cue,
                source_span,
                source.i,
                **rated("noun.reception"),
            ),
            verb,
            noun,
        )

    def clause_after_time(self, noun: Token) -> Token | None:
        """ "mocked the mayor's promise last spring (on Monday) that every tenant would get a roof": a time between
        the noun and its that-clause makes the parser hang the clause on the sentence's verb before the noun; the
        clause is the noun's. Only a noun with an owner, a "that" right after the time words, and a clause hung
        before the noun."""
        if not any(c.dep_ == "poss" for c in noun.children):
            return None  # ("a statement Monday that ...": whose, the sentence does not say here)
        i = noun.i + 1
        if i < len(self.doc) and self.doc[i].lower_ in TIME_PREPOSITIONS and self.doc[i].dep_ == "prep":
            i += 1  # "her remark on Monday that ...": the time may come as a phrase
        while i < len(self.doc) and i - noun.i <= MAX_TIME_WORDS and self.doc[i].ent_type_ in ("DATE", "TIME"):
            i += 1
        if i == noun.i + 1 or i >= len(self.doc) or self.doc[i].lower_ != "that" or self.doc[i].dep_ != "mark":
            return None
        clause = self.doc[i].head
        if clause.dep_ == "ccomp" and clause.head.i < noun.i:
            return clause
        return None

    @staticmethod
    def reason_phrase(noun: Token) -> bool:
        """ "gave only her first name for fear of reprisals", "out of concern for X": a feeling named as the reason
        for an act, with no one's mark on it (no article, no owner), is why they did it, not a view they stated."""
        return (
            noun.lemma_.lower() in REASON_NOUNS
            and noun.dep_ == "pobj"
            and noun.head.lower_ in ("for", "of", "in")
            and not any(c.dep_ in ("det", "poss") for c in noun.children)
        )

    def from_noun(self, noun: Token) -> None:
        """ "Trump's claim that ...", "a report by the Observatory that ...": a speech-act noun with a that-clause."""
        if self.inside_quote(noun.idx) or noun.i in self.claimed_tokens or self.inside_found_cue(noun.idx):
            return  # "said in a statement that X": the statement is the verb cue's channel, not a second cue
        if self.from_viewpoint(noun) or self.from_light_verb(noun) or noun.lemma_.lower() not in self.lexicon.cue_nouns:
            return
        if self.reason_phrase(noun):
            return
        clause = next(
            (
                c
                for c in noun.rights
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None:
            clause = self.clause_after_time(noun)
        if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":
            # "Her answer was that ...", "the question is whether ...": the copula's clause is what the noun says
            clause = next(
                (
                    c
                    for c in noun.head.rights
                    if c.dep_ in ("ccomp", "attr", "acomp")
                    and any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in c.children)
                ),
                None,
            )
        owner = self.owner_of(noun)
        if clause is None and owner is not None and owner.pos_ in ("PROPN", "PRON", "NOUN"):
            # "Trump's comments about the judge", "her support for the bill": the owner's stance on something
            preposition = next(
                (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPOSITIONS), None
            )
            clause = (
                next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
                if preposition is not None
                else None
            )
        if clause is None and (owner is not None or noun.lemma_.lower() not in self.lexicon.nouns_need_owner):
            # "calls for a recount", "questions about his health", "a pledge to cut taxes": what the act is about
            # (said by the noun's owner, or by the one it comes from, when the phrase names them); a noun that
            # needs an owner takes its infinitive once it has one ("his determination to act alone")
            clause = next(
                (c for c in noun.rights if c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and to_infinitive(c)),
                None,
            )
            if clause is None:
                preposition = next(
                    (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in self.lexicon.noun_content_prepositions),
                    None,
                )
                clause = (
                    next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
                    if preposition is not None
                    else None
                )
            if clause is not None and self.inside_found_content(noun.idx):
                return  # a noun inside what someone else says is part of their words
        if clause is None or manner_noun(clause):
            return  # (not "his account on condition of anonymity": how someone spoke of it)
        if clause.dep_ in ("relcl", "acl") and self.reply_to_content_noun(clause, self.subject_of(clause)) is not None:
            return  # "..., a claim that the authority rejected": the authority's reply, not the claim's content
        if owner is None:
            for prep in noun.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of") and prep.i != clause.head.i:
                    owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    break
        if owner is None:  # "a Times report that ...", "Republican calls for ...": a name before the noun
            owner = next((c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and self.is_name(c)), None)
        if (
            owner is not None
            and owner.tag_ == "PRP$"
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "in"
            and noun.head.head.pos_ in ("VERB", "AUX", "ADJ")
        ):
            # "Republicans were unsparing in their criticism of X": the ones named in the clause, not "their"
            holder = self.subject_of(noun.head.head)
            if holder is not None and holder.tag_ not in ("WDT", "WP", "PRP"):
                owner = holder
        elif owner is not None and owner.tag_ == "PRP$":
            owner = self.possessor_as_subject(noun, owner) or owner
        if owner is None:
            owner = self.maker_of_act(noun)
        if (
            owner is None
            and noun.lemma_.lower() in OPEN_QUESTION_NOUNS
            and not any(c.dep_ == "relcl" for c in noun.children)
        ):
            return  # "the question is whether ...", "there is no question that ...": the writer's, nobody asks it
            # (but "a question that has been raised is whether ...": someone raised it)
        content, kind = self.with_quotes(self.subtree_chars(clause))
        if kind == "indirect" and clause.dep_ == "pobj" and not self.noun_object_said(noun, clause, owner):
            return  # "his view of NATO", "her response to Trump", "support for X": a topic or a target
        source = self.source_chars(owner) if owner is not None else None
        first = noun.i
        while first > 0 and self.doc[first - 1].head.i == noun.i and self.doc[first - 1].dep_ in ("amod", "compound"):
            first -= 1
        self.add(
            Found(
                content,
                kind,
                (self.doc[first].idx, noun.idx + len(noun)),
                source,
                owner.i if owner is not None else None,
                **rated("noun.speech_act"),
            )
        )
