"""Cue discipline: whether what a cue verb found is something said or held, not an act, a topic or a class.

A verb is a cue for a reader only when it relays what someone says or holds. These checks run after a cue verb's
content is found and before it is added; each answers "keep" or "drop":

* a verb that is no speech by itself (``needs_reported_content``: "support", "see", "want", "address") needs
  reported content: a that/whether/wh-clause, a quotation, "X as Y", or, for a wish or an intention of someone
  who can hold one, an infinitive; never a plain noun phrase ("supports the goal") or a prepositional object
  ("focused on jobs"), unless a document is its subject ("the report backs the claim"); nor a quotation in a
  neighbouring sentence;
* a verb that makes something public (``put_forward_verbs``: "offer", "share", "show") takes a noun object only
  when it is something said or shown ("offered no proof", "unveiled a plan") or a document shows it ("the poll
  shows Clinton ahead"); "the spa offers treatments" relays nothing;
* a wh-infinitive ("explains how to prune") names a topic or a skill, not a statement, except after a question
  or a choice ("asked how to vote", "decided whether to run");
* a wish in a restrictive clause on an indefinite noun ("anyone wanting to learn more", "guests who wish to
  fish") describes a class of people, it reports nobody's wish;
* "it is worth noting that", "it is hard to know whether": the writer's own aside, nobody's statement;
* a cue in a clause "rather than" or "instead of" opens: what someone did not do; "were called to clear the pier":
  a summons; "stepped up pressure on the director to justify (and drop) X": what someone is pressed to say,
  not anything said; "Mayor Criticized for Pier Remarks": a headline's passive with its "is" left out, whose
  subject is the one criticized, by no one named;
* a cue inside a yes/no question put to someone ("asked whether the board would be willing to wait"), a fronted
  purpose ("To counter the complaints, the board ..."), "find" with a reflexive object ("may find itself short"):
  a possibility, an aim or a predicament, not something said or held;
* a cue of working a figure or an outcome out in the infinitive of an attempt, with a noun phrase for content
  ("tried to predict the outcome"): the work is told, not what came of it ("tried to blame X" and "tried to
  argue that X" say something all the same);
* a passive verb of being seen, heard or recorded with a speech participle ("is shown saying", "was heard telling
  aides"): the participle is the cue and the passive's subject its speaker; the recording relays nothing itself.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...deps import FINITE_TAGS, NOMINAL_SUBJECT_DEPS
from .base import ExtractorBase, recorded_saying, to_infinitive
from .settings import (
    ASKING_VERBS,
    ATTEMPT_VERBS,
    CAUGHT_VERBS,
    COPULAS,
    DEED_OBJECTS,
    DIALOGUE_TAG_VERBS,
    ESTIMATE_VERBS,
    FOUND_IN_PLACE,
    HYPOTHETICAL_PRONOUNS,
    IMPERSONAL_SUBJECTS,
    IMPLICATIVE_VERBS,
    INDEFINITE_DETERMINERS,
    INDEFINITE_PRONOUNS,
    IRREGULAR_PAST_LEMMAS,
    JUDGING_VERBS,
    MEETING_VERBS,
    PASSIVE_ADDRESSEE_VERBS,
    PRESSING_VERBS,
    PRESSURE_NOUNS,
    PURPOSE_WORDS_DEPS,
    QUESTION_MARKS,
    REACHING_VERBS,
    REFLEXIVE_PRONOUNS,
    SUMMONING_VERBS,
    TALKS_NOUNS,
    WH_GAP_WORDS,
    WH_WORDS,
)

#: Content rules whose content is a clause or a name given, not an object: reported content for any cue.
CLAUSE_RULES = frozenset(
    {
        "content.aside",
        "content.inverted_aside",
        "content.trailing_cue",
        "content.closing_aside",
        "content.belief_aside",
        "content.short_answer",
    }
)
#: Content rules that take a noun phrase (an object, a prepositional object, a passive subject) as the content.
OBJECT_RULES = frozenset(
    {
        "content.report_object",
        "content.speech_object",
        "content.belief_object",
        "content.belief_preposition",
        "content.preposition",
        "content.topic_object",
        "content.passive_agent",
        "content.relative_gap",
        "content.object_then_clause",
        "content.long_said_object",
        "content.object_named",
        "content.name_given",
    }
)


#: Verbs of answering whose object, when it is a person and nothing is said of them, is a deed done to someone:
#: "dismissed the coach" (fired), "welcomed the minister" (met), "accepted the refugees" (took in).
PERSON_OBJECT_DEEDS = frozenset({"dismiss", "welcome", "accept"})
#: Content rules that read what a cue is about from its preposition ("think of it", "said about X").
WH_TOPIC_RULES = frozenset({"content.belief_preposition", "content.preposition"})


class CueDiscipline(ExtractorBase):
    """Checks on a cue verb and what it found (see the module docstring)."""

    def reports_content(
        self, verb: Token, group: str, speaker: Token | None, rule: str, kind: str, content: tuple[int, int]
    ) -> bool:
        """Whether a verb of ``needs_reported_content`` relays something here (any other verb: True)."""
        lemma = verb.lemma_.lower()
        if lemma in PERSON_OBJECT_DEEDS and rule in OBJECT_RULES and self.person_object_only(verb):
            return False  # "the club dismissed its coach", "welcomed the minister": a deed done to someone
        if kind == "indirect" and rule in OBJECT_RULES and self.contacted_only(verb, content):
            return False  # "emailed supporters", "called Ms. Korvel": someone was reached, nothing said is told
        if lemma == "find" and self.came_upon(verb):
            return False  # "rangers found her sitting on the ridge": what they saw, no finding
        head = self.chain_head(verb)
        if head is not None and head.lemma_.lower() not in self.lexicon.needs_reported_content:
            return True  # "pledged to push for X", "agreed to share X": the first verb of the chain speaks
        put_forward = lemma in self.lexicon.put_forward_verbs
        if not put_forward and lemma not in self.lexicon.needs_reported_content:
            return True
        if rule in ("verb.neighbour_quote", "verb.cross_sentence"):
            # a quotation in the next sentence is not what "he leaned" or "she saw" relays; '"...?" Brandt continued.'
            # tags a line of dialogue
            return rule == "verb.neighbour_quote" and lemma in DIALOGUE_TAG_VERBS and self.tags_dialogue(verb, content)
        if rule == "content.regarded_as":
            # "sees it as a deal", "viewed as a threat"; not "supporting organisers as a volunteer" (a role)
            return group == "belief" or lemma in self.lexicon.perception_verbs
        if kind in ("direct", "mixed", "next_block") or rule in CLAUSE_RULES:
            return True
        if rule == "content.clause":
            clauses = self.ask_of(verb, group).clauses
            if not clauses:
                return True
            rest = [c for c in verb.rights if self.continues_complement(clauses[0], c)]
            return any(self.clause_reports(c, lemma, group, speaker) for c in clauses[:1] + rest)
        if rule in OBJECT_RULES:
            if speaker is not None and self.speaker_kind(speaker) == "document":
                return True  # "the poll shows Clinton ahead", "figures show a rise": a document's finding
            span = self.doc.char_span(content[0], content[1], alignment_mode="expand")
            if span is not None and lemma in self.lexicon.reply_verbs and self.reported_statement(span.root):
                return True  # "challenged claims that X": an answer to a statement it names with its words (not
                # "ignored warnings that X" or "supported the claim that X": no answer)
            if not put_forward:
                return False
            return span is not None and span.root.lemma_.lower() in self.lexicon.information_nouns
        return False

    @staticmethod
    def came_upon(verb: Token) -> bool:
        """Whether "find" reports coming upon someone where they were ("found her sitting on the ridge", "was
        found sleeping in a barn"): a bare participle of posture or place after it, not a finding ("a judge found the
        company violating the order" stays one)."""
        return any(
            c.dep_ in ("ccomp", "xcomp", "oprd", "advcl")
            and c.tag_ == "VBG"
            and c.lemma_.lower() in FOUND_IN_PLACE
            and not any(m.dep_ in ("mark", "aux") for m in c.children)
            for c in verb.rights
        )

    def person_object_only(self, verb: Token) -> bool:
        """Whether the verb's direct object names a person (a person's name, a person noun, a personal pronoun) and
        nothing says what was said of them ("dismissed him as a liar" keeps its "as")."""
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None or any(c.dep_ == "prep" and c.lower_ == "as" for c in (*verb.children, *obj.children)):
            return False
        return (
            obj.ent_type_ == "PERSON"
            or obj.lower_ in ("him", "her", "me", "us")  # "them" is as often the claims dismissed
            or self.lexicon.names_people(obj.lemma_.lower(), obj.lower_)
        )

    def contacted_only(self, verb: Token, content: tuple[int, int]) -> bool:
        """ "Okafor emailed supporters", "briefed reporters", "the mayor called Ms. Korvel on Sunday": a verb of
        reaching someone (:data:`REACHING_VERBS`) whose content is only the one reached, its object (a person or
        people) or, for "call" with no object, a name the parser took for what someone is called."""
        if verb.lemma_.lower() not in REACHING_VERBS:
            return False
        span = self.doc.char_span(content[0], content[1], alignment_mode="expand")
        if span is None or span.root.head.i != verb.i or self.quotes_touching(*content):
            return False
        root = span.root
        if root.dep_ == "dobj":
            named = any(
                c.dep_ in ("oprd", "ccomp") or c.dep_ == "xcomp" and not to_infinitive(c) for c in verb.children
            ) or any(
                c.dep_ in ("appos", "acl", "relcl") for c in root.children
            )  # "called him a liar", "called her son her hero" (an apposition), "emailed supporters asking for X";
            # not "called Governor Ruiz to offer his condolences" (the call's purpose)
            return not named and (
                root.ent_type_ == "PERSON"
                or root.lower_ in ("him", "her", "them", "us", "me", "you")
                or self.lexicon.names_people(root.lemma_.lower(), root.lower_, people=True)
                or self.lexicon.names_a_doer(root.lemma_.lower())
            )
        gap = verb.dep_ in ("relcl", "acl") and any(c.dep_ == "nsubj" for c in verb.children)
        return (
            root.dep_ == "oprd"
            and verb.lemma_.lower() == "call"
            and root.ent_type_ == "PERSON"
            and not gap  # "a plan critics called Project Fear": the name it was given
            and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)
        )

    def tags_dialogue(self, verb: Token, content: tuple[int, int]) -> bool:
        """Whether ``content`` is a quotation that ``verb`` tags as a line of dialogue (see ``dialogue_line``)."""
        quote = next((q for q in self.quotes_touching(*content) if (q.start, q.end) == content), None)
        return quote is not None and self.dialogue_line(verb, quote)

    def reported_statement(self, noun: Token) -> bool:
        """Whether ``noun`` is a speech-act noun with the words of the statement after it ("claims that the port
        would close", "reports that ..."): reported content, though the verb's object."""
        return noun.lemma_.lower() in self.lexicon.cue_nouns and any(
            c.dep_ in ("acl", "ccomp") and self.opens_with_that(c) for c in noun.children
        )

    def clause_reports(self, clause: Token, lemma: str, group: str, speaker: Token | None) -> bool:
        """Whether the complement clause of a ``needs_reported_content`` verb is something said or held: a clause
        opened by that/whether/if or a wh-word; an infinitive, for a wish or intention of a person or a group
        ("wants to run"); a gerund ("supports raising the tax"); a finite clause, unless the verb sees or hears
        ("saw the speakers take the stage" is what was seen)."""
        marks = ("that", "whether", "if")
        if any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children) or clause.left_edge.tag_ in (
            "WDT",
            "WP",
            "WRB",
            "WP$",
        ):
            return True
        if lemma in self.lexicon.perception_verbs:
            return False
        if to_infinitive(clause):
            return group == "belief" and speaker is not None and self.speaker_kind(speaker) == "person"
        if clause.tag_ == "VBG":
            return True
        return clause.pos_ in ("VERB", "AUX") and (
            clause.tag_ in FINITE_TAGS
            or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in clause.children)
        )

    def topic_only(self, verb: Token, content: tuple[int, int]) -> bool:
        """ "I'll explain how to prune", "learn what to plant": a wh-infinitive names a topic or a skill, not a
        statement (after a question or a choice it is what is asked or weighed: "asked how to vote")."""
        if verb.lemma_.lower() in self.lexicon.question_verbs:
            return False
        span = self.doc.char_span(content[0], content[1], alignment_mode="expand")
        words = [t for t in span if not t.is_punct and not t.is_space][:3] if span is not None else []
        return len(words) >= 2 and words[0].lower_ in WH_WORDS and words[1].lower_ == "to"

    def generic_wish(self, verb: Token, group: str, speaker: Token | None, rule: str) -> bool:
        """ "anyone wanting to learn more", "guests who wish to go fishing", "people who'd like to present": a wish
        in a restrictive clause on an indefinite noun picks out a class of people; nobody's wish is reported."""
        if group != "belief" or speaker is None or rule != "content.clause":
            return False
        if not any(c.dep_ == "xcomp" and to_infinitive(c) for c in verb.rights):
            return False
        clause = verb
        while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ not in ("relcl", "acl") or clause.i < speaker.i:
            return False
        if self.set_off_from(speaker, clause):
            return False  # "the mayor, who wants to run again, ...": an aside about someone, not a class
        if speaker.lower_ in INDEFINITE_PRONOUNS:
            return True
        if speaker.pos_ == "PROPN" or speaker.ent_type_ in ("PERSON", "ORG", "GPE"):
            return False
        determiners = [c for c in speaker.children if c.dep_ in ("det", "poss", "predet")]
        if not determiners:
            return speaker.tag_ in ("NNS", "NN")  # "people who'd like to", "voters who want to"
        return all(d.lower_ in INDEFINITE_DETERMINERS for d in determiners)

    def hypothetical_class(self, verb: Token, speaker: Token | None) -> bool:
        """ "any senator who backed the deal would face a challenge", "anyone who says otherwise": a cue in a
        restrictive clause on "any" or "anyone" speaks of whoever might; nobody is reported as saying it."""
        if speaker is None or verb.dep_ != "relcl" or verb.head.i != speaker.i:
            return False
        if self.set_off_from(speaker, verb):
            return False
        return speaker.lower_ in HYPOTHETICAL_PRONOUNS or any(
            c.dep_ == "det" and c.lower_ == "any" for c in speaker.children
        )

    def set_off_from(self, noun: Token, clause: Token) -> bool:
        """Whether a comma, bracket or dash stands between ``noun`` and the clause on it: an aside about someone
        ("the mayor, who wants to run again"), not a clause that picks out a class."""
        return any(t.text in (",", "(", "—", "–") for t in self.doc[noun.i + 1 : clause.left_edge.i])

    @staticmethod
    def wh_topic(verb: Token, group: str, rule: str) -> bool:
        """ "what our readers think of it", "what riders feel about the timetable": a belief whose object is the
        "what" its clause opens with, and whose content the rules took from its preposition, holds nothing here:
        what is thought is the gap the wh-word leaves (a question to ask), and "it" is only what it is about.
        "what he said about the plan" points to words that were said and stays; "what I thought was a parcel",
        "what she called a rant", "what they see as a threat" give what is held and keep their rules."""
        if group != "belief" or rule not in WH_TOPIC_RULES:
            return False
        return any(
            c.dep_ in ("dobj", "attr") and c.lower_ in WH_GAP_WORDS and c.i == verb.left_edge.i for c in verb.children
        )

    @staticmethod
    def invitation(verb: Token) -> bool:
        """ "Let us know what you think", "let me explain": an imperative "let" invites; nobody's view is told."""
        head = verb.head
        return (
            verb.dep_ in ("ccomp", "xcomp")
            and head.lemma_.lower() == "let"
            and not any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in head.children)
        )

    def impersonal_aside(self, verb: Token, subject: Token | None) -> bool:
        """ "It is worth noting that ...", "it's hard to know whether ...": "it" is the subject of a copula whose
        adjective governs the cue; the writer's own aside, nobody's statement."""
        if subject is None or subject.lower_ not in IMPERSONAL_SUBJECTS or subject.head.i == verb.i:
            return False
        head = verb.head
        return (
            verb.dep_ == "xcomp"
            and head.pos_ == "ADJ"
            and head.dep_ in ("acomp", "attr")
            and head.head.lemma_.lower() in COPULAS
            or verb.dep_ == "xcomp"
            and head.lemma_.lower() in COPULAS
        )

    @staticmethod
    def put_as_question(verb: Token) -> bool:
        """ "Asked whether the board would be willing to wait, ...": a cue inside the yes/no question a verb of
        asking puts is a possibility someone was asked about; nobody said or held it."""
        child = verb
        for ancestor in verb.ancestors:
            if child.dep_ in ("relcl", "acl", "appos"):
                return False  # "asked whether the plan, which the mayor said would cost more, ...": said, not asked
            if (
                ancestor.lemma_.lower() in ASKING_VERBS
                and child.dep_ in ("ccomp", "advcl")
                and any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in child.children)
            ):
                return True
            child = ancestor
        return False

    @staticmethod
    def asked_in_passing(verb: Token) -> bool:
        """ "Lind denied it and was asked about it again": a passive verb of asking joined to another verb, with no
        asker named, reports a question put to the subject; left to the relaying voice, it made the publisher ask."""
        return (
            verb.lemma_.lower() in ASKING_VERBS
            and verb.dep_ == "conj"
            and any(c.dep_ == "auxpass" for c in verb.children)
            and not any(c.dep_ == "agent" for c in verb.children)
        )

    @staticmethod
    def purpose_on_a_thing(verb: Token, infinitive: bool) -> bool:
        """ "The two met to discuss harbour policing", "scheduled a briefing to denounce the plan": an infinitive of
        purpose after a verb of meeting or arranging one, with only a thing as its object (no clause, no quotation,
        no "as"), is what a meeting was for; whether anything was said there, and what, the sentence does not tell.
        (After other verbs PolNeAR marks such purposes as acts: "hired lobbyists to attack the bill".)"""
        if not infinitive or verb.dep_ not in ("advcl", "xcomp") or verb.i < verb.head.i:
            return False
        if verb.head.lemma_.lower() not in MEETING_VERBS:
            return False
        return any(c.dep_ == "dobj" for c in verb.children) and not any(
            c.dep_ in PURPOSE_WORDS_DEPS or c.lower_ == "as" for c in verb.children
        )

    @staticmethod
    def fronted_purpose(verb: Token, infinitive: bool) -> bool:
        """ "To counter the complaints, the board circulated ...": an infinitive of purpose before its clause
        says what someone set out to do; with no clause of its own it relays nothing."""
        return (
            infinitive
            and verb.dep_ == "advcl"
            and verb.i < verb.head.i
            and not any(c.dep_ == "ccomp" for c in verb.children)
        )

    @staticmethod
    def compound_misread(verb: Token) -> bool:
        """ "Ceasefire talks stall", "Trade talks resume": a headline's noun compound the parser read as a subject
        and a verb; a singular common noun with no determiner before "talks" is the name of the talks."""
        return verb.lower_ in TALKS_NOUNS and any(
            c.dep_ == "nsubj" and c.tag_ == "NN" and c.i == verb.i - 1 and not any(c.children) for c in verb.lefts
        )

    @staticmethod
    def deed_by_object(verb: Token) -> bool:
        """ "The carmaker is recalling 400,000 vehicles", "claimed the title", "conceded the race", "charged a $5,000
        fee", "confirmed 68 judges": with such an object (:data:`DEED_OBJECTS`, by its lemma or its entity
        label) the verb is a deed in another sense; nothing is said or held."""
        objects = DEED_OBJECTS.get(verb.lemma_.lower())
        return objects is not None and any(
            c.dep_ in ("dobj", "nsubjpass")
            and (c.lemma_.lower() in objects or c.ent_type_ in objects)
            and not any(d.dep_ == "prep" and d.lower_ == "of" for d in c.children)  # "the title of the party of X"
            for c in verb.children
        )

    @staticmethod
    def moved_on(verb: Token) -> bool:
        """ "wins the primary, adding to a string of wins", "referred the case to prosecutors", "are referred to
        a fraud office": "add to" something grows it, and "refer" with an object, or in the passive, sends it on;
        nothing is said ("referring to the plan", "is referred to as a reformer" still speak)."""
        lemma = verb.lemma_.lower()
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is None or any(c.dep_ in ("ccomp", "xcomp") or c.lower_ == "as" for c in verb.children):
            return False
        if lemma == "add":
            return to.i == verb.i + 1 and not any(c.dep_ == "dobj" for c in verb.children)
        return lemma == "refer" and any(c.dep_ in ("dobj", "auxpass") for c in verb.children)

    @staticmethod
    def finds_itself(verb: Token) -> bool:
        """ "the town may find itself short of water": "find" with a reflexive object is a predicament."""
        following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        return verb.lemma_.lower() == "find" and following is not None and following.lower_ in REFLEXIVE_PRONOUNS

    @staticmethod
    def alternative_not_taken(verb: Token) -> bool:
        """ "Rather than stay and declare that she will not quit, the mayor left", "instead of saying that ...": a
        cue in (or joined to) the clause "rather than" or "instead of" opens is what someone did not do."""
        clause = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else verb
        than = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "than"), None)
        if than is not None and than.i > 0:
            return verb.doc[than.i - 1].lower_ == "rather"  # the clause's own "rather than", not one fronted before it
        if clause.dep_ == "pcomp" and clause.head.lower_ == "of" and clause.head.i > 0:
            return verb.doc[clause.head.i - 1].lower_ == "instead"
        return False

    @staticmethod
    def pressed_to(verb: Token) -> bool:
        """ "stepped up pressure on the director to justify X", "renewed calls for the chief to resign": an infinitive
        on a verb whose object is a noun of pressure or demand is what someone is pressed to say or do, not
        anything said (by the one pressing or the one pressed). So is a bare verb coordinated with that verb or
        with that infinitive ("... to explain -- and apologize for -- X")."""
        head = verb.head
        if head.i == verb.i or verb.tag_ != "VB":
            return False
        if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
            if head.tag_ == "VB" and CueDiscipline.pressed_to(head):
                return True  # "to explain -- and apologize for --": the infinitive's second verb
        elif not (verb.dep_ in ("xcomp", "advcl", "acl") and to_infinitive(verb)):
            return False
        if head.lemma_.lower() not in PRESSING_VERBS:
            return False
        return any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in PRESSURE_NOUNS
            and c.i < verb.i
            and any(p.dep_ == "prep" and p.lower_ in ("on", "for") for p in c.children)
            for c in head.children
        )

    @staticmethod
    def asked_of_object(verb: Token) -> bool:
        """ "urged Democrats to vote for the deal", "challenged readers to guess whether ...": the infinitive after the
        object of a verb of asking or urging is what the object was asked to do, not anything it said (the asking
        is the attribution, with the object and the infinitive for content). Not after a verb of making someone do
        it (:data:`IMPLICATIVE_VERBS`: "forced the chief to admit that ..." says the chief admitted it)."""
        head = verb.head
        return (
            verb.dep_ == "xcomp"
            and verb.tag_ == "VB"
            and to_infinitive(verb)
            and head.i != verb.i
            and head.lemma_.lower() in PASSIVE_ADDRESSEE_VERBS - IMPLICATIVE_VERBS
            and any(c.dep_ == "dobj" and c.i < verb.i for c in head.children)
        )

    @staticmethod
    def only_attempted(verb: Token, rule: str) -> bool:
        """ "The forecasters tried to predict the outcome": a cue of working something out in the infinitive of an
        attempt, with a noun phrase for content (``rule`` in :data:`OBJECT_RULES`)."""
        return (
            rule in OBJECT_RULES
            and verb.lemma_.lower() in ESTIMATE_VERBS
            and verb.dep_ == "xcomp"
            and to_infinitive(verb)
            and verb.head.lemma_.lower() in ATTEMPT_VERBS
        )

    def records_a_speaker(self, verb: Token) -> bool:
        """'"...," Mr. Vell is shown saying', "she was heard telling aides that ...": a passive verb of being seen,
        heard or recorded whose complement or adverbial is a speech participle (found from the participle, see
        ``SpeakerRules.caught_speaking``)."""
        if verb.lemma_.lower() not in CAUGHT_VERBS or not any(c.dep_ == "auxpass" for c in verb.children):
            return False
        speech = self.lexicon.cue_verbs["speech"]
        return any(recorded_saying(c) and c.lemma_.lower() in speech for c in verb.children)

    @staticmethod
    def reduced_passive(verb: Token) -> bool:
        """ "Mayor Criticized for Pier Remarks", "chief blamed over delays": a verb of judging that cannot stand
        without its object, with none and "for" or "over" right after it, is a passive with its "is" left out (as
        headlines write it): its subject is the one judged, and who judged is not said."""
        if verb.lemma_.lower() not in JUDGING_VERBS or verb.tag_ not in ("VBD", "VBN") or verb.i + 1 >= len(verb.doc):
            return False
        after = verb.doc[verb.i + 1]
        if after.lower_ not in ("for", "over") or after.head.i != verb.i:
            return False
        # a bare noun right after a named "for" is the parser's misreading of one phrase ("criticized for Harbour
        # Remarks"); "criticized for years the agency's plan" is the active verb with its object
        named = any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in after.children)
        return not any(
            c.dep_ in ("aux", "auxpass", "dative", "ccomp")
            or c.dep_ == "dobj"
            and (c.i < after.i or not named or any(d.dep_ in ("det", "poss") for d in c.children))
            for c in verb.children
        )

    def summoned(self, verb: Token) -> bool:
        """ "police were called to clear the pier": a passive of a verb of summoning with an infinitive says
        someone was sent for, not that anything was said."""
        return (
            verb.lemma_.lower() in SUMMONING_VERBS
            and self.is_passive(verb)
            and any(c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children) for c in verb.children)
        )

    @staticmethod
    def regular_past_of_irregular(verb: Token) -> bool:
        """ "Sayed Okafor: ...": a name the lemmatiser took for "say"; a verb with an irregular past has no "-ed"."""
        return verb.lemma_.lower() in IRREGULAR_PAST_LEMMAS and verb.lower_.endswith("ed")
