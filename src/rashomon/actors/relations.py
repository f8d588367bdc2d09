"""Relations between actors from the dependency parse, driven by the cue lexicon ``data/actors/relations.yaml``.

Each finder reads one construction and yields :class:`Found` relations (subject, type, object, tokens):

* a cue **verb** with its subject and object, active or passive ("Iran arms the group", "backed by Iran"),
  a "from" object turning a capture into *captures_from*, a negation into a denial;
* a **compound** adjective ("a U.S.-backed militia", "Iran-backed fighters");
* a **role noun** with its possessor and members ("its allies, Russia and Iran", "their patrons
  including the United States");
* **receiving** ("received support from states such as Turkey and Qatar");
* an **event noun** ("the capture of the district from the rebels", "Iran's support for the group");
* a **handover** ("the area lost by X was taken over by Y in an agreed handover").

Arguments are noun phrases resolved to actors through the mention map, conjuncts ("Turkey and Qatar"),
partitives ("some of the rebels"), collectives ("states such as ...") and pronouns (nearest earlier actor
of the right kind).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..deps import NOMINAL_SUBJECT_DEPS
from ..model import Span
from .gazetteer import Gazetteer
from .mentions import Found as FoundActors

# --- settings ----------------------------------------------------------------------------------------
#: How far back (in tokens) a pronoun looks for the actor it stands for.
PRONOUN_WINDOW = 80
#: Verbs whose clausal complement is denied ("Ankara denied arming the group").
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute"}
#: Verbs through which a nominal cue takes its subject ("the army announced the capture of ...").
REPORTING_VERBS = {"announce", "complete", "launch", "claim", "begin", "start", "continue", "step", "confirm"}
CHARACTERISING_VERBS = {"describe", "call", "term", "dub", "label", "characterise", "characterize", "brand"}
RECEIVE_VERBS = {"receive", "get", "obtain", "accept", "enjoy", "win"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
#: Verbs after which an infinitive tells what is done ("continued to shell the town", "agreed to hand over"); after
#: any other verb or noun an infinitive is a wish, plan, threat or purpose ("urged the guard to fight X", "vowed
#: to attack Y"), no relation the sentence asserts.
ASPECTUAL_VERBS = {"begin", "start", "continue", "resume", "keep", "manage", "proceed", "go", "help", "use", "agree"}


@dataclass(slots=True)
class RawRelation:
    subject: str
    type: str
    object: str
    block_index: int
    first_token: int
    last_token: int  # inclusive
    negated: bool = False
    asserter: str | None = None  # an actor the sentence itself credits ("what rebels described as ...")


class _Reader:
    """Resolves noun phrases of one parsed block to actors and reads the constructions over it."""

    def __init__(self, block_index: int, doc, offset: int, found: FoundActors, gaz: Gazetteer):
        self.index, self.doc, self.offset, self.found, self.gaz = block_index, doc, offset, found, gaz
        self.mentions = found.token_actor[block_index]
        self.cues = gaz.relation_cues
        self.lexicon = gaz.lexicon

    # --- arguments -------------------------------------------------------------------------------------
    def args(self, tok, depth: int = 0, follow_conj: bool = True) -> list[tuple[str, object]]:
        """Actors a noun phrase headed by ``tok`` stands for, with the token that names each."""
        if tok is None or depth > 4:
            return []
        out: list[tuple[str, object]] = []
        actor = self.mentions.get(tok.i)
        if actor is None and tok.pos_ in ("NOUN", "PROPN"):
            for child in tok.children:  # "a police patrol", "the army convoy": the actor's own unit or asset
                if child.dep_ == "compound" and child.i in self.mentions:
                    actor = self.mentions[child.i]
        if actor is not None:
            out.append((actor, tok))
        elif tok.lower_ in PLURAL_PRONOUNS | PERSON_PRONOUNS | THING_PRONOUNS:
            resolved = self.pronoun(tok)
            if resolved:
                out.append((resolved, tok))
        elif tok.lemma_.lower() in self.lexicon["partitives"]:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    out += [a for c in child.children if c.dep_ == "pobj" for a in self.args(c, depth + 1)]
        if not out and tok.lemma_.lower() in self.lexicon["collectives"]:
            out += self.members(tok, depth + 1)
        chain = [c for c in tok.children if c.dep_ == "conj"] if follow_conj else []
        while chain:  # "Turkey, Saudi Arabia, Qatar and the United States": the whole list, however long
            conj = chain.pop(0)
            out += self.args(conj, depth + 1, follow_conj=False)
            chain += [c for c in conj.children if c.dep_ == "conj"]
        return out

    def members(self, tok, depth: int = 0) -> list[tuple[str, object]]:
        """Actors listed under a noun: apposition, "including X", "such as X", "like X", "allies, X and Y"."""
        out: list[tuple[str, object]] = []
        listed = tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text in (",", ":", "–", "—")
        for child in tok.children:
            if listed and child.dep_ == "conj" and child.i in self.mentions:
                out += self.args(child, depth + 1)
                continue
            if child.dep_ == "appos":
                out += self.args(child, depth + 1)
            elif child.dep_ == "prep" and child.lower_ in ("including", "like", "as", "among", "notably"):
                out += [a for c in child.children if c.dep_ == "pobj" for a in self.args(c, depth + 1)]
            elif child.dep_ in ("amod",) and child.lower_ == "such":
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ == "as":
                        out += [a for c in grand.children if c.dep_ == "pobj" for a in self.args(c, depth + 1)]
        return out

    def pronoun(self, tok) -> str | None:
        lower = tok.lower_
        start = max(0, tok.i - PRONOUN_WINDOW)
        for i in range(tok.i - 1, start - 1, -1):
            actor_id = self.mentions.get(i)
            if actor_id is None or actor_id in self.found.weak:
                continue
            kind = self.found.actors[actor_id].type
            if lower in PERSON_PRONOUNS and kind in ("person", "unknown"):
                return actor_id
            if lower in PLURAL_PRONOUNS and kind != "person":
                return actor_id
            if lower in THING_PRONOUNS and kind != "person":
                return actor_id
        return None

    # --- clause structure ------------------------------------------------------------------------------
    def subjects(self, verb, depth: int = 0) -> list[tuple[str, object]]:
        if depth > 3:
            return []
        for child in verb.children:
            if child.dep_ == "nsubj":
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return self.args(verb.head)
                return self.args(child)
        if verb.dep_ in ("relcl", "acl"):
            return self.args(verb.head)
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
            return self.subjects(verb.head, depth + 1)
        return []

    def passive_subjects(self, verb, depth: int = 0) -> list[tuple[str, object]]:
        if depth > 3:
            return []
        for child in verb.children:
            if child.dep_ in NOMINAL_SUBJECT_DEPS:
                return self.args(child)
        if verb.dep_ in ("acl", "amod", "relcl"):
            return self.args(verb.head)
        if verb.dep_ == "conj" and self.is_passive(verb.head):
            return self.passive_subjects(verb.head, depth + 1)
        return []

    @staticmethod
    def is_passive(verb) -> bool:
        deps = {c.dep_ for c in verb.children}
        return bool(deps & {"auxpass", "nsubjpass", "agent"}) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))

    def agents(self, verb) -> list[tuple[str, object]]:
        """The "by ..." of a passive verb, also when the parser hung it on a nearer noun."""
        direct = self.pobjs(verb, ("by",))
        if direct:
            return direct
        return [
            a
            for c in verb.children
            if c.dep_ == "prep"
            for p in c.children
            if p.dep_ == "pobj"
            for a in self.pobjs(p, ("by",))
        ]

    def pobjs(self, head, preps) -> list[tuple[str, object]]:
        out = []
        for child in head.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
                out += [a for c in child.children if c.dep_ == "pobj" for a in self.args(c)]
        return out

    def negated(self, verb) -> bool:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        words = set(self.cues.get("negating_subject_words", ()))
        for subject in (c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS):
            if subject.lower_ in words or any(
                c.lower_ in words for c in subject.children if c.dep_ in ("preconj", "det")
            ):
                return True
        head = verb.head  # "Ankara denied arming the group"; not "..., a charge the group denied"
        return verb.dep_ in ("ccomp", "xcomp", "pcomp") and head.lemma_ in DENIAL_VERBS and head.i < verb.i

    # --- constructions ---------------------------------------------------------------------------------
    def relation(self, subject, type_, obj, *tokens, negated=False) -> RawRelation | None:
        (s_id, s_tok), (o_id, o_tok) = subject, obj
        if s_id == o_id or not type_:
            return None
        idx = [s_tok.i, o_tok.i] + [t.i for t in tokens]
        first, last = min(idx), max(idx)
        while (
            first > 0
            and self.mentions.get(first - 1) is not None
            and self.mentions.get(first - 1) == self.mentions.get(first)
        ):
            first -= 1
        while (
            last + 1 < len(self.doc)
            and self.mentions.get(last + 1) is not None
            and self.mentions.get(last + 1) == self.mentions.get(last)
        ):
            last += 1
        return RawRelation(s_id, type_, o_id, self.index, first, last, negated, self.characterised_by(tokens))

    def characterised_by(self, tokens) -> str | None:
        """The actor of "what X described as / called ..." above the cue, if any."""
        for tok in tokens:
            for ancestor in tok.ancestors:
                if ancestor.lemma_ in CHARACTERISING_VERBS:
                    found = self.subjects(ancestor)
                    if found:
                        return found[0][0]
        return None

    @staticmethod
    def unrealised(verb) -> bool:
        """Whether ``verb`` is an infinitive of a wish, plan, threat or purpose ("urged the guard to fight the
        group", "vowed to attack the town"): what it tells is not asserted to happen. Not after a verb of doing
        ("began to shell", "continued to back")."""
        if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECTUAL_VERBS)

    def from_verbs(self) -> Iterator[RawRelation]:
        verbs = self.cues["verbs"]
        for verb in self.doc:
            cue = verbs.get(verb.lemma_.lower())
            if cue is None or verb.pos_ not in ("VERB",) or self.unrealised(verb):
                continue
            if cue.get("particle") and not any(c.dep_ == "prt" and c.lower_ == cue["particle"] for c in verb.children):
                continue
            passive = self.is_passive(verb) and not cue.get("stative")
            subjects = self.agents(verb) if passive else self.subjects(verb)
            if not subjects and cue.get("stative"):
                subjects = self.passive_subjects(verb)
            if passive:
                objects = self.passive_subjects(verb)
            else:
                objects = [a for c in verb.children if c.dep_ == "dobj" for a in self.args(c)]
                if not objects and cue.get("clause_object"):
                    objects = [
                        a
                        for c in verb.children
                        if c.dep_ in ("ccomp", "xcomp")
                        for s in c.children
                        if s.dep_ == "nsubj"
                        for a in self.args(s)
                    ]
            objects += self.pobjs(verb, tuple(cue.get("preps", ())))
            type_ = cue.get("type")
            if cue.get("from_type"):
                dobjs = [c for c in verb.children if c.dep_ == "dobj"]
                taken_from = self.pobjs(verb, ("from",)) + [a for d in dobjs for a in self.pobjs(d, ("from",))]
                if taken_from and (type_ or not dobjs or any(self.is_ground(d) for d in dobjs)):
                    objects, type_ = taken_from, cue["from_type"]
            negated = self.negated(verb)
            denier = self.inverted_denial(verb)
            for s in subjects:
                for o in objects:
                    rel = self.relation(s, type_, o, verb, negated=negated)
                    if rel:
                        yield rel
                        if denier and not negated:  # "X accused Y of ..., a charge Y denied": both sides kept
                            yield replace(rel, negated=True, asserter=denier)

    def is_ground(self, tok) -> bool:
        """Whether a taken object is ground: a named place, or a noun of ``ground_nouns`` (not "a leave")."""
        return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in self.cues.get("ground_nouns", ())

    def inverted_denial(self, verb) -> str | None:
        """The actor of a denial that follows the clause it denies ("..., a charge the group denied")."""
        for denial in verb.sent:
            if denial.i <= verb.i or denial.lemma_ not in DENIAL_VERBS or denial.pos_ != "VERB":
                continue
            deniers = self.subjects(denial) or [
                a
                for c in denial.children
                if c.dep_ == "nsubj"
                for ap in c.children
                if ap.dep_ == "appos"
                for a in self.args(ap)
            ]
            if deniers:
                return deniers[0][0]
        return None

    def from_alongside(self) -> Iterator[RawRelation]:
        preps = tuple(self.cues.get("ally_preps", ()))
        for verb in self.doc:
            if verb.pos_ != "VERB":
                continue
            allies = self.pobjs(verb, preps)
            if not allies:
                continue
            for s in self.subjects(verb):
                for o in allies:
                    rel = self.relation(s, "allied_with", o, verb, negated=self.negated(verb))
                    if rel:
                        yield rel

    def from_compounds(self) -> Iterator[RawRelation]:
        compounds = self.cues["compounds"]
        doc = self.doc
        for tok in doc:
            lower = tok.lower_
            subject = None
            if "-" in lower and lower.rsplit("-", 1)[1] in compounds and not lower.endswith("-"):
                prefix, cue = tok.text.rsplit("-", 1)
                subject = self._named(prefix, tok, tok)
            elif lower in compounds and tok.i >= 2 and doc[tok.i - 1].text in ("-", "–"):
                prefix_tok, cue = doc[tok.i - 2], tok.text
                actor = self.mentions.get(prefix_tok.i)
                subject = (actor, prefix_tok) if actor else self._named(prefix_tok.text, prefix_tok, prefix_tok)
            if subject is None:
                continue
            target = tok.head if tok.dep_ in ("amod", "compound", "npadvmod") else None
            if target is None or target.i == tok.i:
                continue
            for obj in self.args(target):
                rel = self.relation(subject, compounds[cue.lower()], obj, tok)
                if rel:
                    yield rel

    def _named(self, surface: str, tok, span_tok):
        """A gazetteer actor named by a bare surface form ("U.S." in "U.S.-backed"), added as a mention."""
        ids = self.gaz.lookup(surface)
        if not ids:
            return None
        entry = self.gaz.entries[ids[0]]
        if tok.i not in self.mentions:
            start = self.offset + tok.idx
            whole = surface == tok.text
            self.found.add(
                self.index,
                entry.id,
                entry.name,
                entry.type,
                Span(start, start + len(surface), surface),
                range(tok.i, tok.i + 1) if whole else range(0),
                side=entry.side,
                office=entry.office,
                spokesperson_for=entry.spokesperson_for,
            )
        return (entry.id, tok)

    def from_role_nouns(self) -> Iterator[RawRelation]:
        roles = self.cues["role_nouns"]
        for noun in self.doc:
            role = roles.get(noun.lemma_.lower())
            if role is None or noun.pos_ != "NOUN" or noun.tag_ not in ("NN", "NNS"):
                continue
            owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
            owners += self.pobjs(noun, ("of",))
            members = self.members(noun)
            if noun.dep_ == "attr":
                members += [a for c in noun.head.children if c.dep_ == "nsubj" for a in self.args(c)]
            for owner in owners:
                for member in members:
                    pair = (member, owner) if role["member_is_subject"] else (owner, member)
                    rel = self.relation(*pair[:1], role["type"], pair[1], noun)
                    if rel:
                        yield rel

    def from_receiving(self) -> Iterator[RawRelation]:
        gifts = self.cues["receive_nouns"]
        for verb in self.doc:
            if verb.lemma_.lower() not in RECEIVE_VERBS:
                continue
            for gift in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in gifts):
                givers = self.pobjs(verb, ("from",)) + self.pobjs(gift, ("from",))
                for giver in givers:
                    for receiver in self.subjects(verb):
                        rel = self.relation(
                            giver, gifts[gift.lemma_.lower()], receiver, gift, negated=self.negated(verb)
                        )
                        if rel:
                            yield rel

    def from_event_nouns(self) -> Iterator[RawRelation]:
        events = self.cues["event_nouns"]
        for noun in self.doc:
            event = events.get(noun.lemma_.lower())
            if event is None or noun.pos_ != "NOUN":
                continue
            subjects = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
            subjects += self.pobjs(noun, ("by",))
            if not subjects and noun.dep_ == "dobj" and noun.head.lemma_ in REPORTING_VERBS:
                subjects = self.subjects(noun.head)
            if not subjects:
                continue
            type_, objects = event["type"], self.pobjs(noun, tuple(event.get("preps", ())))
            if event.get("from_type"):
                taken_from = [
                    a
                    for t in noun.subtree
                    if t.dep_ == "prep" and t.lower_ == "from"
                    for c in t.children
                    if c.dep_ == "pobj"
                    for a in self.args(c)
                ]
                if taken_from:
                    objects, type_ = taken_from, event["from_type"]
            for s in subjects:
                for o in objects:
                    rel = self.relation(s, type_, o, noun)
                    if rel:
                        yield rel

    def from_handovers(self) -> Iterator[RawRelation]:
        nouns = set(self.cues["handover_nouns"])
        for noun in self.doc:
            if noun.lower_ not in nouns:
                continue
            sent = noun.sent
            givers = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
            takers = self.pobjs(noun, ("to",))
            for verb in sent:
                if verb.lemma_ == "lose" and self.is_passive(verb):
                    givers += self.pobjs(verb, ("by",))
                if verb.lemma_ == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
                    takers += self.pobjs(verb, ("by",)) if self.is_passive(verb) else self.subjects(verb)
            for g in givers:
                for t in takers:
                    rel = self.relation(g, "hands_over_to", t, noun)
                    if rel:
                        yield rel

    def all(self) -> Iterator[RawRelation]:
        yield from self.from_verbs()
        yield from self.from_alongside()
        yield from self.from_compounds()
        yield from self.from_role_nouns()
        yield from self.from_receiving()
        yield from self.from_event_nouns()
        yield from self.from_handovers()


def find_relations(parsed, found: FoundActors, gaz: Gazetteer) -> list[RawRelation]:
    """Relations of every block, deduplicated on (subject, type, object, first token)."""
    seen, out = set(), []
    for index, pb in enumerate(parsed):
        for rel in _Reader(index, pb.doc, pb.block.start, found, gaz).all():
            key = (rel.subject, rel.type, rel.object, rel.block_index, rel.first_token, rel.negated)
            if key not in seen:
                seen.add(key)
                out.append(rel)
    return out
