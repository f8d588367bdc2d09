"""Who a source mention is, and which mentions are the same speaker.

:func:`describe` reads one mention off the parse: its name (the noun phrase without asides), its kind from
the source lexicon (``data/attribution/sources.yaml``), its role ("military spokesman") and affiliation
("the Nour al-Din al-Zinki group", "RT" in "RT's Lizzie Phelan").

:class:`SourceBook` merges mentions into sources in reading order: the same name, a shorter definite name
whose words the earlier one contains ("the Observatory", "the center"), a surname, or a pronoun ("he" after a
named speaker). Indefinite mentions ("a rebel fighter", "one man") are new people every time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import SOURCE_KIND_ORDER, Lexicon

# --- settings -----------------------------------------------------------------------------------------
#: Dependencies that hang asides off a source noun; the source's name stops before them.
ASIDE_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "prep"})
#: Prepositions that introduce a source's affiliation ("spokesman for X", "a fighter with X", "official in X").
AFFILIATION_PREPOSITIONS = frozenset({"for", "with", "of", "in", "from", "at"})
#: Determiners that make a mention indefinite: every such mention is a new speaker.
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "many", "two", "three", "other"})
PERSON_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
STOPWORDS = frozenset({"the", "a", "an", "'s", "’s", "of", "for", "and", "to", "in", "on", "at", "with", "by"})
PERSON_KINDS = frozenset({"person", "unnamed_person"})
_PUNCT_EDGES = re.compile(r"^[\s\-–—,:;\"'“”‘’]+|[\s\-–—,:;\"'“”‘’]+$")


@dataclass(slots=True)
class Mention:
    """One source mention: what the parse says about the speaker at this place."""

    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    pronoun: str | None = None  # "male", "female", "plural", "thing", "first" for pronoun mentions
    indefinite: bool = False
    plural: bool = False


def _text(tokens) -> str:
    return _PUNCT_EDGES.sub("", " ".join(t.text for t in tokens).replace(" 's", "'s").replace(" ’s", "’s"))


def _core_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without asides: determiners, modifiers and compounds, up to the head."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "appos", "prep"):
            tokens.extend(child.subtree)
    for child in head.rights:  # "Center for Reconciliation": a capitalised of/for name part belongs to the name
        if child.dep_ == "prep" and child.lower_ in ("for", "of") and any(t.pos_ == "PROPN" for t in child.subtree) and head.pos_ == "PROPN":
            tokens.extend(child.subtree)
    return sorted(set(tokens), key=lambda t: t.i)


def _kind(core: list[Token], head: Token, lexicon: Lexicon, text: str) -> str:
    lower = " " + text.lower().replace("’s", "").replace("'s", "") + " "
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and any(t.ent_type_ == "PERSON" for t in core if t.head == head or t == head)):
        return "person"
    head_lemma = head.lemma_.lower()
    if head.pos_ != "PROPN" and head_lemma in lexicon.unnamed_person_heads | {head.lower_}.intersection(lexicon.unnamed_person_heads):
        return "unnamed_person"
    for kind in SOURCE_KIND_ORDER:
        for name in lexicon.known_names.get(kind, ()):
            if f" {name} " in lower:
                return kind
    for kind in SOURCE_KIND_ORDER:
        if head_lemma in lexicon.heads.get(kind, ()) or head.lower_ in lexicon.heads.get(kind, ()):
            return kind
    for token in core:
        for kind in SOURCE_KIND_ORDER:
            if token.lemma_.lower() in lexicon.heads.get(kind, ()):
                return kind
    return {"ORG": "organization", "GPE": "government", "NORP": "organization", "PERSON": "person"}.get(
        head.ent_type_, "unknown")


def describe(head: Token, lexicon: Lexicon) -> Mention:
    """Name, kind, role and affiliation of the source headed by ``head``."""
    lower = head.lower_
    if head.pos_ == "PRON" or lower in PERSON_PRONOUNS or lower in PLURAL_PRONOUNS | THING_PRONOUNS | FIRST_PERSON:
        pronoun = (PERSON_PRONOUNS.get(lower) or ("plural" if lower in PLURAL_PRONOUNS else None)
                   or ("thing" if lower in THING_PRONOUNS else None) or ("first" if lower in FIRST_PERSON else None))
        if pronoun:
            return Mention(head.text, "unknown", pronoun=pronoun)
    core = _core_tokens(head)
    person = [e for e in head.doc.ents if e.label_ == "PERSON" and e.start <= head.i < e.end]
    role = affiliation = None
    name_tokens = core
    if person:
        name_tokens = list(person[0])
        before = [t for t in core if t.i < person[0].start]
        roles = [t for t in before if t.lemma_.lower() in lexicon.roles]
        owners = [t for t in before if t.dep_ == "poss" or (t.pos_ == "PROPN" and t.lemma_.lower() not in lexicon.roles)]
        if roles:
            role = " ".join(t.text for t in before if t.i >= roles[0].i and t.lemma_.lower() in lexicon.roles | {roles[0].lower_})
        if owners:
            affiliation = _text(list(owners[0].subtree) if owners[0].dep_ == "poss" else [t for t in before if t.pos_ == "PROPN" and t.i < (roles[0].i if roles else head.i)])
    for child in head.rights:
        if child.dep_ == "appos" and child.lemma_.lower() in lexicon.roles:
            role = _text([t for t in child.lefts if t.dep_ in ("amod", "compound")] + [child])
            affiliation = affiliation or _affiliation(child)
            break
    if role is None and head.lemma_.lower() in lexicon.roles | lexicon.unnamed_person_heads and not person:
        role = head.lemma_.lower() if head.lemma_.lower() in lexicon.roles else None
        affiliation = _affiliation(head)
        modifiers = [t for t in head.lefts if t.dep_ == "compound" and t.lemma_.lower() not in lexicon.roles]
        if affiliation is None and modifiers:
            affiliation = _text(modifiers)
    name = _text(name_tokens) or head.text
    if not person and affiliation and head.lemma_.lower() in lexicon.unnamed_person_heads:
        name = _text(sorted(set(core) | set(t for c in head.rights if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPOSITIONS for t in c.subtree), key=lambda t: t.i))
    determiners = [t.lower_ for t in head.lefts if t.dep_ in ("det", "nummod", "amod", "quantmod")]
    indefinite = bool(INDEFINITE.intersection(determiners)) and not person
    kind = _kind(core, head, lexicon, name)
    return Mention(name, kind, role, affiliation, indefinite=indefinite, plural=head.tag_ in ("NNS", "NNPS"))


def _affiliation(noun: Token) -> str | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _text(objects[0].subtree)
    return None


def name_key(name: str) -> tuple[str, ...]:
    words = re.findall(r"[\w\-]+", name.lower().replace("’s", "").replace("'s", ""))
    return tuple(w for w in words if w not in STOPWORDS)


@dataclass(slots=True)
class BookEntry:
    id: str
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    plural: bool
    key: tuple[str, ...]
    last_seen: int = 0
    aliases: set[tuple[str, ...]] = field(default_factory=set)


class SourceBook:
    """Sources of one page in reading order; :meth:`resolve` merges a mention into one of them or adds it."""

    def __init__(self, id_prefix: str = "s"):
        self.entries: list[BookEntry] = []
        self.id_prefix = id_prefix

    def _new(self, mention: Mention, position: int) -> BookEntry:
        entry = BookEntry(f"{self.id_prefix}{len(self.entries) + 1}", mention.name, mention.kind, mention.role,
                          mention.affiliation, mention.plural, name_key(mention.name), position)
        entry.aliases.add(entry.key)
        self.entries.append(entry)
        return entry

    def _recent(self, accept) -> BookEntry | None:
        candidates = [e for e in self.entries if accept(e)]
        return max(candidates, key=lambda e: e.last_seen) if candidates else None

    def resolve(self, mention: Mention, position: int, speaker_hint: str | None = None) -> BookEntry:
        """The source ``mention`` (at page offset ``position``) refers to. ``speaker_hint`` is the id of the
        speaker of an enclosing quote, which first-person pronouns refer to."""
        entry = self._match(mention, speaker_hint)
        if entry is None:
            entry = self._new(mention, position)
        else:
            if mention.pronoun is None and len(mention.name) > len(entry.name) and not mention.indefinite and entry.kind != "person":
                entry.name = mention.name
            entry.role = entry.role or mention.role
            entry.affiliation = entry.affiliation or mention.affiliation
            if entry.kind == "unknown":
                entry.kind = mention.kind
            entry.aliases.add(name_key(mention.name))
        entry.last_seen = position
        return entry

    def _match(self, mention: Mention, speaker_hint: str | None) -> BookEntry | None:
        if mention.pronoun == "first":
            return next((e for e in self.entries if e.id == speaker_hint), None)
        if mention.pronoun in ("male", "female"):
            return self._recent(lambda e: e.kind in PERSON_KINDS and not e.plural)
        if mention.pronoun == "plural":
            return self._recent(lambda e: e.plural or e.kind not in PERSON_KINDS | {"document"})
        if mention.pronoun == "thing":
            return self._recent(lambda e: e.kind not in PERSON_KINDS and not e.plural)
        if mention.indefinite:
            return None
        key = name_key(mention.name)
        if not key:
            return None
        for entry in reversed(self.entries):
            if key in entry.aliases:
                return entry
        if mention.kind == "unnamed_person":
            return None
        keys = set(key)
        for entry in sorted(self.entries, key=lambda e: -e.last_seen):
            if entry.kind == "unnamed_person":
                continue
            words = set(entry.key)
            if mention.kind == "person" or entry.kind == "person":
                if mention.kind == entry.kind and key[-1] == entry.key[-1]:  # same surname
                    return entry
                continue
            if (keys <= words or words <= keys) and key[-1] in words | {w + "s" for w in words}:
                return entry
        return None
