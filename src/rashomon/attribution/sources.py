"""Who a source mention is, and which mentions are the same speaker.

:func:`describe` reads one mention off the parse: its name (the noun phrase without asides), its kind from
the source lexicon (``data/attribution/sources.yaml``), its role ("military spokesman") and affiliation
("the Nour al-Din al-Zinki group", "RT" in "RT's Lizzie Phelan").

:class:`SourceBook` merges mentions into sources in reading order: the same name, a shorter definite name
whose words the earlier one contains ("the Observatory", "the center"), a surname, a pronoun ("he" after a
named speaker) or a bare description of its role or type ("the spokesman", "the group"). Indefinite mentions
("a rebel fighter", "one man") are new people every time; so are people the writer leaves vague ("some said",
"many believe"), unless the same word named a group just before ("Some farmers said ... Some also said").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..dateline import lead_in_end
from ..resources import name_titles
from .lexicon import SOURCE_KIND_ORDER, Lexicon
from .rules.settings import COLLECTIVE_NOUNS, QUANTIFIERS

# --- settings -----------------------------------------------------------------------------------------
#: Dependencies that hang asides off a source noun; the source's name stops before them.
ASIDE_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "prep"})
#: Prepositions that introduce a source's affiliation ("spokesman for X", "a fighter with X", "official in X").
AFFILIATION_PREPOSITIONS = frozenset({"for", "with", "of", "in", "from", "at"})
#: The longest affiliation phrase a role's name takes whole ("the head of the Office of Harbour Works").
MAX_AFFILIATION_WORDS = 7
#: Determiners that make a mention indefinite: every such mention is a new speaker.
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "many", "two", "three", "other"})
PERSON_PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
THING_PRONOUNS = frozenset({"it", "its"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
#: Participles that tie a descriptive source to its owner ("a news service run by X").
OWNING_VERBS = frozenset(
    {"run", "back", "fund", "lead", "operate", "own", "control", "sponsor", "support", "affiliate"}
)
#: A pronoun refers to a speaker last mentioned at most this many characters earlier (about two paragraphs).
PRONOUN_REACH = 1200
GENDERED_HEADS = {
    "man": "male",
    "men": "male",
    "boy": "male",
    "father": "male",
    "husband": "male",
    "son": "male",
    "brother": "male",
    "spokesman": "male",
    "woman": "female",
    "women": "female",
    "girl": "female",
    "mother": "female",
    "wife": "female",
    "daughter": "female",
    "sister": "female",
    "spokeswoman": "female",
}
#: Courtesy titles that say whether a person is a man or a woman ("Mr. Vell": a later "she" is someone else).
GENDERED_TITLES = {title: gender for gender in ("male", "female") for title in name_titles(gender)}
#: Nouns for a number of people that the lexicon's people nouns include: in apposition to a name they describe no
#: one person ("Eastfield, a crowd favourite" is no person's name for it).
COLLECTIVE_PEOPLE = frozenset({"people", "public", "family", "audience", "crowd", "staff", "jury", "couple", "elite"})
GROUP_PRONOUNS = frozenset({"those", "some", "many", "others", "several"})
#: Titles that make the name after them a person's, also a name the source lexicon knows as an outlet's ("Mr.
#: Bloomberg").
HONORIFICS = name_titles("courtesy") | {f"{title}." for title in name_titles("courtesy")}
#: Words after a surname that are no part of it ("Eric H. Holder Jr." is Holder).
NAME_SUFFIXES = name_titles("suffix")
#: Entity labels the small model gives a person's full name by mistake ("Denzel Okafor" read as a place).
MISREAD_NAME_LABELS = ("ORG", "GPE", "LOC", "NORP", "FAC")
#: Titles before a name, left out of a person's full name ("Sen. Ida Vell" is Ida Vell).
NAME_TITLES = name_titles("person") | name_titles("courtesy") | name_titles("speaker") | name_titles("match")
#: Determiners of a bare definite description ("the group", "the spokesman"), which refers back like a pronoun.
DEFINITE = frozenset({"the", "this", "that"})
#: Kinds a bare description of one kind can refer back to: "the group" after "Hamas" (armed group) or "Human Rights
#: Watch" (NGO); "the agency" after a news agency or a government agency. A kind not listed ("organization",
#: "document") refers back by type to nothing: "organization" is also the kind of any name the entity tagger calls
#: ORG ("Trump", "Columbia"), so "the company" could be any of them.
DESCRIPTION_REFERS_TO = {
    "ngo": frozenset({"ngo", "armed_group", "political_party"}),
    "armed_group": frozenset({"armed_group"}),
    "news_agency": frozenset({"news_agency", "government"}),
    "government": frozenset({"government"}),
    "military": frozenset({"military"}),
    "media": frozenset({"media"}),
    "political_party": frozenset({"political_party"}),
}
STOPWORDS = frozenset({"the", "a", "an", "'s", "’s", "of", "for", "and", "to", "in", "on", "at", "with", "by"})
PERSON_KINDS = frozenset({"person", "unnamed_person"})
#: Source kinds whose head nouns describe a named body ("the state broadcaster Eastline Today", "the news agency
#: Meridian Wire"): such a common noun with a proper-noun compound or apposition names the proper noun.
DESCRIPTOR_KINDS = (
    "news_agency",
    "media",
    "government",
    "military",
    "ngo",
    "armed_group",
    "political_party",
    "organization",
)
#: Words that make a title another, lower office ("Deputy Assistant Secretary"): "the secretary" is not its holder.
RANK_WORDS = frozenset({"deputy", "assistant", "vice", "under", "lieutenant"})
_PUNCT_EDGES = re.compile(r"^[\s\-–—,:;\"'“”‘’]+|[\s\-–—,:;\"'“”‘’]+$")


@dataclass(slots=True)
class Mention:
    """One source mention: what the parse says about the speaker at this place."""

    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    #: "male", "female", "plural", "thing", "first" for pronoun mentions; "pair" for "both" (two people met
    #: before); "vague" for people the writer leaves unnamed ("some said", "many believe")
    pronoun: str | None = None
    indefinite: bool = False
    plural: bool = False
    gender: str | None = None
    #: Named by a proper noun ("Eastline Today"), not only described ("the state broadcaster").
    proper: bool = False
    #: A bare definite description ("the group", "the ministry", "the spokesman"): the article and the head noun
    #: only, so it names no one by itself and refers back to an earlier source of its type, as a pronoun does.
    bare: bool = False
    #: Typed by the body it speaks for, but named with a person's role ("Ivo Brandt, a ministry spokesman").
    person_role: bool = False
    #: A person named with a definite description of their role beside the name ("The lawyer, Jane Roe,", "Jane
    #: Roe, the lawyer,"): the role, which an earlier "the lawyer" with no name may have been this person by.
    described_as: str | None = None
    #: The names of people named together as one source ("Lind and Brandt said": ("Lind", "Brandt")).
    members: tuple[str, ...] = ()


def _definite(noun: Token) -> bool:
    """Whether ``noun`` has the definite article ("the lawyer"), which points back to someone already met."""
    return any(t.dep_ == "det" and t.lower_ == "the" for t in noun.lefts)


def described_by(child: Token) -> bool:
    """Whether ``child`` of a group pronoun says which people it means: a relative clause ("those who left"), a
    phrase ("many of the crews"), a participle ("those living near the pier"), but not a participle with a clause
    of its own ("those wondering whether ..."), which is a cue; an adjective with its phrase ("those familiar
    with the plan")."""
    if child.dep_ in ("relcl", "prep"):
        return True
    if child.dep_ == "amod" and any(c.dep_ == "prep" for c in child.children):
        return True
    return child.dep_ == "acl" and not any(c.dep_ == "ccomp" for c in child.children)


def outranked(role_words: Iterable[str], described_words: Iterable[str]) -> bool:
    """Whether a title's words carry a rank word ("deputy", "assistant") the description's words lack: "the
    secretary" does not name a deputy assistant secretary. Words in lower case."""
    return bool(set(role_words) & RANK_WORDS - set(described_words))


def _text(tokens) -> str:
    """The tokens as written (original spacing), without edge punctuation or a trailing possessive. Where tokens
    left out stood between two kept ones (quotation marks: 'The "Morning Show" host'), the space around them is
    kept: "The Morning Show host", not "Showhost"."""
    ordered = sorted(tokens, key=lambda t: t.i)
    pieces = []
    for token, following in zip(ordered, [*ordered[1:], None]):
        gap = following is not None and following.i > token.i + 1
        spaced = gap and any(t.whitespace_ for t in token.doc[token.i : following.i])
        pieces.append(token.text + " " if spaced else token.text_with_ws)
    text = "".join(pieces).strip()
    text = _PUNCT_EDGES.sub("", text)
    return re.sub(r"\s*['’]s$", "", text)


def _without_honorifics(tokens) -> list[Token]:
    """The tokens without a courtesy title before a name: "Mr. Robert P. Smith's office" is the office of Robert P.
    Smith, "Ms. Jane Roe" is Jane Roe (the title says how the page addresses them, not who they are)."""
    return [t for t in tokens if not (t.lower_ in HONORIFICS and t.head.pos_ == "PROPN" and t.head.i > t.i)]


def _after_lead_in(tokens: list[Token]) -> list[Token]:
    """``tokens`` (a subtree, in order) without a run-in heading before a spaced dash (:func:`lead_in_end`: "What
    the report does not mean - Pew", which the parser may hang on a name)."""
    start = lead_in_end(tokens[0].doc, tokens[0].i, tokens[-1].i)
    return [t for t in tokens if t.i >= start]


def _core_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without asides: determiners, modifiers and compounds, up to the head."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "appos", "prep"):
            tokens.extend(_after_lead_in(list(child.subtree)))
    for child in head.rights:  # "Center for Reconciliation": a capitalised of/for name part belongs to the name
        if (
            child.dep_ == "prep"
            and child.lower_ in ("for", "of")
            and head.pos_ == "PROPN"
            and any(t.pos_ == "PROPN" for t in child.subtree)
        ):
            tokens.extend(child.subtree)
    return _whole_hyphened(sorted(set(tokens), key=lambda t: t.i))


def _whole_hyphened(tokens: list[Token]) -> list[Token]:
    """``tokens`` (in order) with the rest of a word written with hyphens at either end ("E-mails", "Wal-Mart"):
    the tokenizer splits it, and the parser may hang each piece on the verb, so a source took one piece ("Mart");
    and with the hyphens inside it, which the parser hangs on a piece as punctuation, so a name lost its hyphen
    ("Holm-Varga" shown as "HolmVarga")."""
    doc = tokens[0].doc
    kept = {t.i for t in tokens}
    # a hyphen inside a kept word ("Holm-Varga"), which the parser hangs on a piece as punctuation
    inner = [
        doc[k]
        for k in range(tokens[0].i + 1, tokens[-1].i)
        if doc[k].text == "-"
        and k - 1 in kept
        and k + 1 in kept
        and not doc[k - 1].whitespace_
        and not doc[k].whitespace_
    ]
    if inner:
        tokens = sorted(set(tokens) | set(inner), key=lambda t: t.i)
    first, last = tokens[0].i, tokens[-1].i
    while (
        first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_
    ):
        first -= 2
    while (
        last + 2 < len(doc)
        and doc[last + 1].text == "-"
        and not doc[last].whitespace_
        and not doc[last + 1].whitespace_
    ):
        last += 2
    if (first, last) == (tokens[0].i, tokens[-1].i):
        return tokens
    return sorted(set(tokens) | set(doc[first : last + 1]), key=lambda t: t.i)


def _kind(core: list[Token], head: Token, lexicon: Lexicon, text: str, indefinite: bool = False) -> str:
    if _person_named_like_a_body(head, lexicon) or _courtesy_titled(head):
        return "person"  # "Mr. Bloomberg", and "Mr. Weiner" the entity tagger calls an ORG
    lower = " " + text.lower().replace("’s", "").replace("'s", "") + " "
    head_lemma = head.lemma_.lower()
    in_lexicon = any(head_lemma in words or head.lower_ in words for words in lexicon.heads.values()) or any(
        head.lower_ in names for names in lexicon.known_names.values()
    )
    person_named = head.ent_type_ == "PERSON" or (
        head.pos_ == "PROPN" and any(t.ent_type_ == "PERSON" for t in core if t.head == head or t == head)
    )
    if not in_lexicon and person_named:
        return "person"
    if head.pos_ != "PROPN" and (
        head_lemma in lexicon.unnamed_person_heads or head.lower_ in lexicon.unnamed_person_heads
    ):
        return "unnamed_person"
    for kind in SOURCE_KIND_ORDER:
        for name in lexicon.known_names.get(kind, ()):
            if f" {name} " in lower:
                return kind
    if head.lower_ in ("general", "generals") and head.i > 0 and head.doc[head.i - 1].lower_ in lexicon.civil_offices:
        return "government"  # "the attorney general", "the surgeon general": a civil office, not a rank
    for kind in SOURCE_KIND_ORDER:
        if head_lemma in lexicon.heads.get(kind, ()) or head.lower_ in lexicon.heads.get(kind, ()):
            return kind
    if head.pos_ == "NOUN" and head_lemma in lexicon.speaker_nouns.get("people", ()):
        # a person described ("the shipping magnate and radio host"): a modifier ("TV") types no body
        return "unnamed_person"
    for token in core:
        for kind in SOURCE_KIND_ORDER:
            if token.lemma_.lower() in lexicon.heads.get(kind, ()):
                return kind
    by_label = {"ORG": "organization", "GPE": "government", "NORP": "organization", "PERSON": "person"}
    if head.ent_type_ in by_label:
        return by_label[head.ent_type_]
    if head.pos_ == "PROPN" and head.is_title:
        return "person"  # a capitalised name no lexicon knows and NER mislabels is most often a person's
    if head.pos_ in ("ADV", "ADJ") and head.is_title and len(core) == 1:
        return "person"  # "Merrily said": a surname the tagger read as an adverb, taken as a speaker only because
        # the page writes it as a name (SpeakerRules.name_misread_as_interjection)
    if head.pos_ == "NOUN" and head_lemma in lexicon.speaker_nouns.get("documents", ()):
        return "document"  # "an interview", "an email": a text or a talk, never "he" or "she"
    if head.pos_ == "NOUN" and indefinite:
        return "unnamed_person"  # "a fisherman", "one deckhand"
    return "unknown"


def _surname(key: tuple[str, ...]) -> str:
    """The last word of a name key that is no suffix ("eric h holder jr" -> "holder")."""
    words = [w for w in key if w not in NAME_SUFFIXES] or list(key)
    return words[-1] if words else ""


def _given_names(key: tuple[str, ...]) -> frozenset[str]:
    """The words of a person's name key before the surname that are more than an initial ("j marek olsen" ->
    {"marek"})."""
    words = [w for w in key if w not in NAME_SUFFIXES]
    return frozenset(w for w in words[:-1] if len(w) > 1)


def other_given_name(key: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names of one surname give different given names ("Ida Vell" and "Nora Vell"): two people of one
    family, not one person. A name with initials and one without agree when they share a given name ("J. Ida Vell",
    "Ida Vell"); a short form and the full name do not ("Liz", "Elizabeth"): kept apart, which costs a merge, not
    a wrong speaker."""
    first, second = _given_names(key), _given_names(other)
    return bool(first) and bool(second) and not first & second


def _bare_surname_entry(entry: BookEntry, key: tuple[str, ...]) -> bool:
    """Whether an earlier source the entity tagger made an organization is one proper word that is the surname of a
    person named now ("Vell says ..." in a headline, then "Interior Minister Tomas Vell said"): the same person. (A
    headline's name may have been read as a capitalised common noun: its capital is enough.)"""
    return (
        entry.kind == "organization"
        and (entry.proper or entry.name[:1].isupper())
        and len(entry.key) == 1
        and len(key) > 1
    )


def _surname_only(entry: BookEntry, mention: Mention) -> bool:
    """Whether a person's source was first named by the surname alone ("Vell Defends ..." in a headline) and is
    now named in full by a proper name ending in it ("Ida Mara Vell"): the full name is the better label."""
    key = name_key(mention.name)
    return (
        mention.kind == "person"
        and mention.proper
        and len(entry.key) == 1
        and len(key) > 1
        and _surname(key) == entry.key[0]
    )


def _surname_as_body(mention: Mention, key) -> bool:
    """Whether a mention the entity tagger made an organization, or a country, is one proper word, which a person's
    surname can be ("Holder said" after "Eric Holder": the parser's ORG on a bare surname; "Cuba said" after "Rep.
    Tom Cuba" spoke: the country's name)."""
    # the tagger also reads a capitalised surname as a common noun ("Baker said": NN, ORG)
    return (
        mention.kind in ("organization", "government")
        and (mention.proper or mention.name[:1].isupper())
        and len(key) == 1
    )


def _one_person(head: Token, kind: str) -> bool:
    """A person's name whose surname the tagger reads as a plural ("Larry Summers", "Ann Rivers") after a first
    name is one person; "the Clintons" stays a family."""
    return (
        kind == "person"
        and head.pos_ == "PROPN"
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts)
    )


def _group_reference(head: Token) -> str | None:
    """What a quantifier standing for people refers to, when nothing beside it says who: "both" ("both of them
    said") refers back to two people met before: ``"pair"``; "some", "many", "others" are people the writer does
    not name: ``"vague"``, a source of their own each time, never merged with another.
    None when a relative clause or a phrase says who ("those who left", "many of the crews", "both senators")."""
    lower = head.lower_
    if lower == "both":
        said_who = any(
            c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ != "PRON" for g in c.children) for c in head.rights
        )
        return None if said_who or head.dep_ in ("det", "preconj", "predet") else "pair"
    if lower in GROUP_PRONOUNS and head.pos_ in ("PRON", "DET", "NOUN", "ADJ"):
        return None if any(described_by(c) for c in head.rights) else "vague"
    return None


def _pronoun(head: Token) -> str | None:
    lower = head.lower_
    if lower in PERSON_PRONOUNS:
        return PERSON_PRONOUNS[lower]
    if lower in PLURAL_PRONOUNS:
        return "plural"
    if lower in THING_PRONOUNS:
        return "thing"
    if lower in FIRST_PERSON:
        return "first"
    return None


def _person_entity(head: Token, lexicon: Lexicon):
    """The PERSON entity ``head`` belongs to, unless the head is a word the source lexicon types (and not a
    person's surname that is also an outlet's name, :func:`_person_named_like_a_body`)."""
    if head.lower_ in _lexicon_words(lexicon) and not _person_named_like_a_body(head, lexicon):
        return None
    return _person_at(head)


def _person_named_like_a_body(head: Token, lexicon: Lexicon) -> bool:
    """Whether ``head`` is a person's surname that the lexicon knows as the name of an outlet or body: given names
    before it in one PERSON entity ("Michael R. Bloomberg") or an honorific ("Mr. Bloomberg"). "Bloomberg" alone
    stays the news agency; a describing noun ("the Washington Post", "Fox News") is never a surname here."""
    if head.pos_ != "PROPN" or not any(head.lower_ in names for names in lexicon.known_names.values()):
        return False
    if any(head.lower_ in words for words in lexicon.heads.values()):
        return False
    if _courtesy_titled(head):
        return True
    person = _person_at(head)
    if person is None or person.end - 1 != head.i:
        return False
    given = [t for t in person if t.i < head.i]
    words = _lexicon_words(lexicon)
    return bool(given) and all(t.pos_ == "PROPN" and t.lower_ not in words for t in given)


def _person_at(token: Token):
    """The PERSON entity ``token`` is part of, found from the token's own entity tags (reading ``doc.ents``
    rebuilds every entity of the doc: per source, that made a long paragraph quadratic)."""
    if token.ent_type_ != "PERSON" or token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label="PERSON")


def _role_and_owner_before(person, core: list[Token], lexicon: Lexicon) -> tuple[str | None, str | None]:
    """ "Kremlin spokesman Dmitry Peskov" -> ("spokesman", "Kremlin"); "RT's Lizzie Phelan" -> (None, "RT")."""
    before = [t for t in core if t.i < person.start]
    roles = [t for t in before if t.lemma_.lower() in lexicon.roles]
    if roles:  # "Interior Minister Dana Korvel": the portfolio is part of the title
        while roles[0].i - 1 >= before[0].i and (
            roles[0].doc[roles[0].i - 1].lower_ in lexicon.title_portfolios and roles[0].doc[roles[0].i - 1] in before
        ):
            roles.insert(0, roles[0].doc[roles[0].i - 1])
    titled = {
        t.i
        for t in before
        if roles and t.i >= roles[0].i and (t.lemma_.lower() in lexicon.roles or t.lower_ in lexicon.title_portfolios)
    }
    role = " ".join(t.text for t in before if t.i >= roles[0].i and t.i in titled) if roles else None
    owner = next((t for t in before if t.dep_ == "poss"), None)
    if owner is not None:
        return role, _text(owner.subtree)
    limit = roles[0].i if roles else person.start
    names = [
        t
        for t in before
        if t.pos_ == "PROPN"
        and t.i < limit
        and t.lemma_.lower() not in lexicon.roles
        and t.i not in titled
        and t.lower_ not in HONORIFICS
    ]
    return role, (_text(names) if names else None)


def descriptor_kind(token: Token, lexicon: Lexicon) -> str | None:
    """The kind a common noun describes a body as ("broadcaster" -> media, "agency" -> news_agency), if any."""
    if token.pos_ != "NOUN":
        return None
    lemma, lower = token.lemma_.lower(), token.lower_
    return next(
        (
            kind
            for kind in DESCRIPTOR_KINDS
            if lemma in lexicon.heads.get(kind, ()) or lower in lexicon.heads.get(kind, ())
        ),
        None,
    )


def _is_name(token: Token) -> bool:
    """A proper noun, or a capitalised word the tagger missed inside a name ("Valden One", "Channel 4")."""
    return token.pos_ == "PROPN" or (
        token.pos_ in ("NUM", "X", "NOUN")
        and token.is_title
        and any(t.dep_ == "compound" and t.pos_ == "PROPN" for t in token.lefts)
    )


def named_body(head: Token, lexicon: Lexicon) -> tuple[Token, Token | None]:
    """The proper noun a descriptive source is named by, and the common noun that describes it.

    "the state broadcaster Eastline Today" (apposition on the common noun) -> (Today, broadcaster);
    "the news agency Meridian Wire" (the common noun a compound of the name) -> (Wire, agency);
    "Eastline Today, the state broadcaster," (the common noun in apposition) -> (Today, broadcaster).
    Persons are left to the person rules ("the ministry spokesman Ivo Brandt"). Otherwise ``(head, None)``.
    """
    if head.pos_ == "NOUN" and descriptor_kind(head, lexicon):
        for child in head.rights:
            if child.dep_ == "appos" and _is_name(child) and child.ent_type_ != "PERSON":
                return child, head
        return head, None
    if _is_name(head) and head.ent_type_ != "PERSON":
        compounds = [t for t in head.lefts if t.dep_ == "compound" and descriptor_kind(t, lexicon)]
        if compounds:
            return head, compounds[-1]
        for child in head.rights:
            if child.dep_ == "appos" and descriptor_kind(child, lexicon):
                return head, child
    return head, None


def _descriptor_text(descriptor: Token) -> str:
    """ "state broadcaster", "news agency": the describing noun with its modifiers, without the article."""
    tokens = [t for t in descriptor.lefts if t.dep_ in ("amod", "compound") and t.pos_ != "PROPN"]
    return _text(tokens + [descriptor])


def _describe_body(head: Token, descriptor: Token, lexicon: Lexicon) -> Mention:
    """A named body with a describing common noun: named by its proper-noun run, typed by the descriptor."""
    name_tokens = [head]
    for token in reversed(list(head.lefts)):
        if token.dep_ == "compound" and token.pos_ == "PROPN" and token.i == name_tokens[0].i - 1:
            name_tokens.insert(0, token)
    core = _core_tokens(head)
    name_tokens += [t for t in core if t.i > head.i]  # "Centre for Civil Rights"
    name = _text(name_tokens) or head.text
    lower = f" {name.lower()} "
    known = next(
        (
            kind
            for kind in SOURCE_KIND_ORDER
            for known_name in lexicon.known_names.get(kind, ())
            if f" {known_name} " in lower
        ),
        None,
    )
    kind = known or descriptor_kind(descriptor, lexicon) or _kind(name_tokens, head, lexicon, name)
    return Mention(
        name,
        kind,
        role=_descriptor_text(descriptor),
        plural=head.tag_ == "NNPS" and not _one_person(head, kind),
        proper=True,
    )


def describe(head: Token, lexicon: Lexicon, together: bool = False) -> Mention:
    """Name, kind, role and affiliation of the source headed by ``head``. ``together``: a source that speaks,
    where names coordinated with the head speak with it ("Lind and Brandt said"); off where the text names one
    person the rules look for ("Gov. Ida Vell and Sen. Ivo Brandt toured ...; the governor said")."""
    mention = _describe(head, lexicon, together)
    if mention.role and mention.kind not in PERSON_KINDS and mention.role.split()[-1].lower() in lexicon.roles:
        mention.person_role = True  # "Ivo Brandt, a ministry spokesman": typed by the body, but one person
    return mention


def _describe(head: Token, lexicon: Lexicon, together: bool) -> Mention:
    if head.pos_ == "PRON" or _pronoun(head):
        pronoun = _pronoun(head)
        if pronoun:
            return Mention(head.text, "unknown", pronoun=pronoun)
    group = _group_reference(head)
    if group == "pair":
        return Mention(head.text, "unknown", pronoun=group, plural=True)
    if group == "vague":
        return Mention(head.text, "unnamed_person", pronoun=group, plural=True, indefinite=True)
    named, descriptor = named_body(head, lexicon)
    if descriptor is not None and _person_entity(named, lexicon) is None:
        return _describe_body(named, descriptor, lexicon)
    core = _core_tokens(head)
    if head.lower_ in GROUP_PRONOUNS:  # "those who managed to escape": the relative clause is the description
        # (not a participle that reports, "those wondering whether ...": that is the cue itself, and the parser
        # may hang the rest of the sentence on it)
        described = [t for c in head.rights if described_by(c) for t in c.subtree]
        core = [t for t in [head, *described] if not t.is_punct]
    person = _person_entity(head, lexicon)
    role = affiliation = described_as = None
    named = next((c for c in head.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    named = named or _named_after_affiliation(head, lexicon)
    if person is None and named is not None and head.pos_ == "NOUN":  # "the harbour master, Ilse Marrow,"
        role = _text([t for t in head.lefts if t.dep_ in ("amod", "compound")] + [head])
        described_as = role if _definite(head) else None
        affiliation = _affiliation(head)
        if affiliation and named.text in affiliation:  # "the mayor of Portsmouth, Ida Marrow": Portsmouth
            affiliation = _text([t for t in named.head.subtree if t.i < named.left_edge.i])
        head = named
        person = _person_at(head)
        core = _core_tokens(head)
    name_tokens = list(person) if person is not None else core
    if person is not None:
        role_before, owner = _role_and_owner_before(person, core, lexicon)
        role, affiliation = role or role_before, affiliation or owner
    for child in head.rights:  # "X, military spokesman for the Y group"
        if child.dep_ == "appos" and child.lemma_.lower() in lexicon.roles:
            role = _text([t for t in child.lefts if t.dep_ in ("amod", "compound")] + [child])
            described_as = described_as or (role if _definite(child) else None)
            affiliation = affiliation or _affiliation(child)
            break
    head_lemma = head.lemma_.lower()
    describes_person = person is None and lexicon.names_people(head_lemma)
    if role is None and describes_person:  # "an official in the X group", "a rebel fighter"
        role = head_lemma if head_lemma in lexicon.roles else None
        affiliation = _affiliation(head)
        modifiers = [t for t in head.lefts if t.dep_ == "compound" and t.lemma_.lower() not in lexicon.roles]
        if affiliation is None and modifiers:
            affiliation = _text(modifiers)
    if affiliation is None and head.pos_ != "PROPN":
        affiliation = _agent_or_owner(head)
    name = _text(_without_honorifics(name_tokens)) or head.text
    of_someone = head.pos_ == "NOUN" and (head_lemma in lexicon.roles or lexicon.names_people(head_lemma, people=True))
    affiliated_person = bool(affiliation) and head_lemma in lexicon.unnamed_person_heads
    if person is None and (affiliated_person or of_someone):
        affiliated = []
        for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPOSITIONS):
            if not affiliated_person and prep.lower_ == "in":
                continue  # "The voters in the town": where they are, not whose they are
            phrase = [t for t in prep.subtree if not _in_aside(t, prep)]
            if not affiliated_person and len(phrase) > MAX_AFFILIATION_WORDS:  # a long description: its first noun
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                phrase = [prep, *_core_tokens(obj)] if obj is not None else []
            affiliated += phrase
            if not affiliated_person:
                break  # "a councillor from Marston", not "... from Marston with a long record of X"
        # "a gunner with a brigade on the army's side", "The owner of the warehouse" (not "..., which oversees the
        # police")
        name = _text(_without_honorifics(set(core) | set(affiliated)))
    if person is None and head.pos_ == "NOUN":
        # the words without which a common noun names no one, most telling first: a document's maker ("A report by
        # the state auditor", "figures from the health ministry"), whom a collective is made of ("a group of shop
        # owners", "a majority of voters"), what people are close to ("people familiar with the talks")
        described = _maker_of_document(head, lexicon) or _members_named(head, lexicon) or _familiar_with(head, lexicon)
        if described:
            name = _text(_without_honorifics({*name_tokens, *described}))
    determiners = [t.lower_ for t in head.lefts if t.dep_ in ("det", "nummod", "amod", "quantmod")]
    indefinite = bool(INDEFINITE.intersection(determiners)) and person is None
    kind = _kind(core, head, lexicon, name, indefinite)
    if kind == "person" and person is None and _described_as_a_thing(head):
        kind = "organization"  # "Twitter, which does not comment on ...": a body, never "he" or "she"
    described_person = _person_by_apposition(head, kind, name_tokens, lexicon)
    if described_person is not None:  # "Ana Reyes, a farmer": a person, whatever the entity tagger said
        kind = "person"
        role = role or _text([t for t in described_person.lefts if t.dep_ in ("amod", "compound")] + [described_person])
    pair = _coordinated_names(head, name_tokens) if together else []
    members = _members(pair) if pair else ()
    if members:  # "Tannenbaum and Schmidt": both speak, under one name
        name = _together(members)
        kind = "person" if any(t.ent_type_ == "PERSON" for t in pair) else kind
    gender = (
        GENDERED_HEADS.get(head.lower_)
        or next((GENDERED_HEADS[t.lower_] for t in core if t.lower_ in GENDERED_HEADS and t.dep_ == "appos"), None)
        or _title_gender(head)
    )
    return Mention(
        name,
        kind,
        role,
        affiliation,
        indefinite=indefinite,
        plural=bool(pair) or head.tag_ in ("NNS", "NNPS") and not _one_person(head, kind),
        gender=None if pair else gender,
        proper=head.pos_ == "PROPN",
        bare=_bare(head, person),
        described_as=described_as if person is not None else None,
        members=members,
    )


def _in_aside(token: Token, top: Token) -> bool:
    """Whether ``token`` is inside a relative clause or an apposition (or is its comma) below ``top``."""
    if token.is_punct and token.head.dep_ in ("relcl", "appos") and token.i != top.i:
        return True
    for ancestor in (token, *token.ancestors):
        if ancestor.i == top.i:
            return False
        if ancestor.dep_ in ("relcl", "acl", "appos"):
            return True
    return False


def _maker_of_document(head: Token, lexicon: Lexicon) -> list[Token]:
    """The "by", "from" or "of" phrase that names who made a document the source is ("a report by the state
    auditor", "estimates from the finance office", "a study by researchers at Halden University"): the
    preposition, its object's noun phrase and, for people, where they work. Empty for other nouns."""
    lemma = head.lemma_.lower()
    if lemma not in lexicon.speaker_nouns.get("documents", ()) and lemma not in lexicon.study_nouns:
        return []
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("by", "from", "of"):
            continue
        maker = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if maker is None or maker.lemma_.lower() in lexicon.speaker_nouns.get("documents", ()):
            continue  # ("a copy of the report": no maker)
        tokens = [prep, *_core_tokens(maker)]
        for joined in maker.rights:  # "from Marston and Kestrel Bay"
            if joined.dep_ == "cc" or joined.dep_ == "conj" and joined.pos_ == maker.pos_:
                tokens += [joined] if joined.dep_ == "cc" else _core_tokens(joined)
        if lexicon.names_people(maker.lemma_.lower(), maker.lower_, people=True):
            at = next((c for c in maker.rights if c.dep_ == "prep" and c.lower_ in ("at", "from", "with")), None)
            tokens += list(at.subtree) if at is not None and len(list(at.subtree)) <= 6 else []
        if (
            maker.pos_ == "PROPN"
            or maker.ent_type_
            or any(t.dep_ in ("det", "poss", "compound") for t in maker.lefts)
            or len(tokens) > 2
        ):
            return tokens
    return []


def _familiar_with(head: Token, lexicon: Lexicon) -> list[Token]:
    """The adjective phrase that says which unnamed people speak ("people familiar with the talks", "officials
    close to the mayor"); empty for other nouns."""
    if head.lemma_.lower() not in lexicon.unnamed_person_heads:
        return []
    return [t for c in head.rights if c.dep_ == "amod" and described_by(c) for t in c.subtree]


def _members_named(head: Token, lexicon: Lexicon) -> list[Token]:
    """The "of" phrase that says who or what a collective noun is made of ("a group of shop owners", "dozens of
    residents", "a chorus of critics", "a body of research"), when it names people or texts; empty otherwise ("the
    board of the port": the port is no member)."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or not (lemma in lexicon.speaker_nouns.get("groups", ()) or lemma in COLLECTIVE_NOUNS):
        return []
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        member = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if member is None or member.pos_ not in ("NOUN", "PROPN"):
            continue
        if member.pos_ == "PROPN":  # "a chorus of Republicans", not "the board of Halden Port"
            if member.ent_type_ == "NORP" and lemma in COLLECTIVE_NOUNS:
                return [prep, *_core_tokens(member)]
            continue
        member_lemma = member.lemma_.lower()
        if lexicon.names_people(member_lemma, member.lower_, people=True) or (
            member_lemma in lexicon.study_nouns or member_lemma in lexicon.speaker_nouns.get("documents", ())
        ):
            return [prep, *_core_tokens(member)]  # (not "... at Halden, a port town": where, not who)
    return []


def _person_by_apposition(head: Token, kind: str, name_tokens: list[Token], lexicon: Lexicon) -> Token | None:
    """The noun in apposition that makes a name the entity tagger read as a body a person's ("Ana Reyes, a
    farmer": ORG for "Reyes"): a singular noun for one person (not a group word: "a crowd"), after a name of two
    proper words or more, as people's names are; a one-word name ("Acme, a supplier") stays what it was. None
    when there is no such noun."""
    if kind != "organization" or head.pos_ != "PROPN" or sum(t.pos_ == "PROPN" for t in name_tokens) < 2:
        return None
    return next(
        (
            c
            for c in head.rights
            if c.dep_ == "appos"
            and c.tag_ == "NN"
            and c.lemma_.lower() not in COLLECTIVE_PEOPLE
            and lexicon.names_people(c.lemma_.lower(), c.lower_, people=True)
        ),
        None,
    )


def titled_genders(docs: Iterable) -> dict[str, str]:
    """Surname -> "male" / "female" from the courtesy titles a page writes anywhere ("Mr. Vell", "Ms. Okafor"), so
    that a person first named without one ("Ida Okafor, a student") is no "he". Only a title the parser puts on a
    name ("miss" the verb is none); a surname written with titles of both genders ("Mr. and Mrs. Vell", or "Mr.
    Vell" and "Ms. Vell" apart) is left out."""
    seen: dict[str, set[str]] = {}
    for doc in docs:
        for token in doc:
            gender = GENDERED_TITLES.get(token.lower_.rstrip("."))
            if gender is None or token.pos_ != "PROPN":  # not the verb "miss"
                continue
            title = token
            if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "and":
                title = doc[token.i + 2]  # "Mr. and Mrs. Vell": the name the second title is on
            name = title.head
            if title.dep_ != "compound" or name.i <= title.i or name.pos_ != "PROPN":
                continue
            if name.lower_.rstrip(".") in NAME_SUFFIXES:  # "Mr. Vell Jr.": the parser's head is the suffix
                before = [t for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i > title.i]
                if not before:
                    continue
                name = before[-1]
            seen.setdefault(name.lower_, set()).add(gender)
    return {surname: genders.pop() for surname, genders in seen.items() if len(genders) == 1}


def full_names(docs: Iterable) -> dict[str, str]:
    """Surname -> the one full name a page gives a person with it ("Dana Korvel"): a PERSON entity of two proper words
    or more, titles left out; failing one, a name of two or three proper words the small model labelled otherwise
    ("Denzel Okafor" read as a place), which only a speaker already read as a person takes up. A surname the page
    gives two names ("Ida Vell", "Nora Vell") is left out: a bare "Vell" may be either."""
    people: dict[str, set[str]] = {}
    others: dict[str, set[str]] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", *MISREAD_NAME_LABELS):
                continue
            words = [t for t in ent if t.lower_.rstrip(".") not in NAME_TITLES and t.text not in ("'s", "’s")]
            words = [t for t in words if t.lower_.rstrip(".") not in NAME_SUFFIXES] or words
            if len(words) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
                continue
            if ent.label_ != "PERSON" and len(words) > 3:
                continue
            table = people if ent.label_ == "PERSON" else others
            table.setdefault(words[-1].lower_, set()).add(" ".join(t.text for t in words))
    names = {surname: found for surname, found in others.items() if surname not in people}
    names.update(people)
    return {surname: found.pop() for surname, found in names.items() if len(found) == 1}


def _described_as_a_thing(head: Token) -> bool:
    """Whether a name is taken up by "which" in a relative clause on it ("Twitter, which does not comment ..."):
    the writer treats it as a thing or a body, not a person, whatever the entity tagger said."""
    return any(c.dep_ == "relcl" and c.left_edge.lower_ == "which" for c in head.rights)


def _courtesy_titled(head: Token) -> bool:
    """Whether a proper noun has a courtesy title before it ("Mr. Vell", "Ms. Okafor"): a person's name."""
    return head.pos_ == "PROPN" and any(
        t.dep_ == "compound" and t.lower_ in HONORIFICS and t.i < head.i for t in head.lefts
    )


def _title_gender(head: Token) -> str | None:
    """ "male" for "Mr. Vell", "female" for "Mrs." or "Ms.": the courtesy title written before the name."""
    titles = (t.lower_.rstrip(".") for t in head.lefts if t.dep_ == "compound" and t.i < head.i)
    return next((GENDERED_TITLES[t] for t in titles if t in GENDERED_TITLES), None)


def _coordinated_names(head: Token, name_tokens: list[Token]) -> list[Token]:
    """The tokens of a coordination of proper names the source heads ("Tannenbaum and Schmidt", "Ada Lind, Ivo
    Brandt and Ilse Marrow"): the run from the head's name to its last conjunct, when that run holds nothing but
    names, commas and one "and"; else nothing (a name and a description, "Lind and her lawyer", stays the head)."""
    if head.pos_ != "PROPN" or not name_tokens:
        return []
    last = head
    while (following := next((c for c in last.rights if c.dep_ == "conj"), None)) is not None:
        last = following
    if last is head:
        return []
    start = min(t.i for t in name_tokens)
    run = list(head.doc[start : last.i + 1])
    linking = [t for t in run if t.pos_ != "PROPN" and t.lower_ not in HONORIFICS]
    if [t.lower_ for t in linking if t.lower_ != ","] != ["and"] or run[-1].pos_ != "PROPN":
        return []
    return run


def _members(pair: list[Token]) -> tuple[str, ...]:
    """Each name of a coordination of names, without courtesy titles or a title the entity tagger leaves out of a
    person's name ("Mr. Autor and Sen. Ada Lind": ("Autor", "Ada Lind"))."""
    members: list[list[Token]] = [[]]
    for token in _without_honorifics(pair):
        if token.pos_ == "PROPN":
            members[-1].append(token)
        elif members[-1]:
            members.append([])
    names = [[t for t in m if t.ent_type_ == "PERSON"] or m for m in members if m]
    return tuple(_text(m) for m in names)


def _together(members: tuple[str, ...]) -> str:
    """ "Lind and Brandt", "Lind, Brandt and Marrow": the members' names as one source's."""
    return ", ".join(members[:-1]) + " and " + members[-1]


def _named_after_affiliation(head: Token, lexicon: Lexicon) -> Token | None:
    """ "the mayor of Portsmouth, Ida Marrow": the parser hangs the person's name on the place or body the role is of,
    not on the role. The name, when the head is a role or a person noun and its of/for/at object is no person."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or not lexicon.names_people(lemma):
        return None
    for preposition in head.rights:
        if preposition.dep_ != "prep" or preposition.lower_ not in ("of", "for", "at"):
            continue
        for body in preposition.children:
            if body.dep_ == "pobj" and body.ent_type_ != "PERSON":
                return next((c for c in body.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    return None


def _bare(head: Token, person) -> bool:
    """Whether a source is a bare definite description: "the group", "the spokesman" (a common noun with "the",
    "this" or "that" and nothing else: no name, modifier, owner or "for"/"of" phrase that would tell who it is)."""
    if head.pos_ != "NOUN" or person is not None:
        return False
    lefts = [t for t in head.lefts if t.dep_ != "punct"]
    if len(lefts) != 1 or lefts[0].dep_ != "det" or lefts[0].lower_ not in DEFINITE:
        return False
    return not any(c.dep_ in ("prep", "appos", "compound", "poss", "amod", "conj", "cc") for c in head.rights)


_LEXICON_WORDS: dict[int, frozenset[str]] = {}


def _lexicon_words(lexicon: Lexicon) -> frozenset[str]:
    """Every head noun and known name of the source lexicon (cached per lexicon)."""
    if id(lexicon) not in _LEXICON_WORDS:
        _LEXICON_WORDS[id(lexicon)] = frozenset().union(*lexicon.heads.values(), *lexicon.known_names.values())
    return _LEXICON_WORDS[id(lexicon)]


def _agent_or_owner(noun: Token) -> str | None:
    """ "a news service run by X" -> X; "X's reporter" -> X."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return _text(_without_honorifics(_after_lead_in(list(child.subtree))))
        if child.dep_ == "acl" and child.lemma_.lower() in OWNING_VERBS:
            for agent in child.children:
                if agent.dep_ == "agent":
                    objects = [c for c in agent.children if c.dep_ == "pobj"]
                    if objects:
                        return _text(objects[0].subtree)
    return None


def _affiliation(noun: Token) -> str | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _text(_without_honorifics(objects[0].subtree))
    return None


def _named_only_as_its_place(name: str, other: str) -> bool:
    """Whether the shorter of two names is only the place or owner the longer one names after "of" ("Norway" and
    "the Harbour Office of Northern Norway", "Orrin" and "the University of Orrin"): two sources, though every word
    of the one is in the other ("the Ministry" and "the Ministry of Defence" stay one, and so do a part and its whole,
    "some of the councillors" and "councillors")."""
    (short_key, _), (long_key, long) = sorted(((name_key(n), n) for n in (name, other)), key=lambda kn: len(kn[0]))
    head_key = set(name_key(re.split(r"\bof\b", long, maxsplit=1, flags=re.IGNORECASE)[0]))
    singular = head_key | {w[:-1] for w in head_key if w.endswith("s")}
    if singular & (COLLECTIVE_NOUNS | QUANTIFIERS) or not head_key:
        return False  # "some of the councillors", "a growing group of councillors": part of them, one source
    return bool(short_key) and len(long_key) > len(short_key) and short_key[-1] not in head_key


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
    gender: str | None = None  # "male" / "female" when a pronoun or a gendered noun told
    #: Only ever named by a pronoun ("he", "they") or a bare description ("the group") no earlier source on the
    #: page could be: who it is is not known.
    unresolved: bool = False
    #: A person typed by the body they speak for ("Ivo Brandt, a ministry spokesman"): "he" or "she" can be them.
    person_role: bool = False
    #: Named by a proper noun at least once ("Hamas", not only "the militants"): what a bare description can be.
    proper: bool = False
    #: The names of people who speak together as this source ("Lind and Brandt"); empty for one speaker.
    members: tuple[str, ...] = ()


class SourceBook:
    """Sources of one page in reading order; :meth:`resolve` merges a mention into one of them or adds it."""

    def __init__(self, id_prefix: str = "s"):
        self.entries: list[BookEntry] = []
        self.id_prefix = id_prefix
        #: Pronouns do not reach back before this offset (the reader sets it at each separator).
        self.floor = 0
        #: Surname -> gender from the page's courtesy titles (:func:`titled_genders`), set by the page's reader.
        self.title_genders: dict[str, str] = {}
        #: Surname -> the one full name the page gives it (:func:`full_names`), set by the page's reader.
        self.full_names: dict[str, str] = {}

    def _gender_by_title(self, entry: BookEntry) -> str | None:
        """The gender the page's courtesy titles give a person's surname (not a pair's), or None."""
        if entry.kind != "person" or entry.members or entry.plural or not entry.key:
            return None
        return self.title_genders.get(_surname(entry.key))

    def entry(self, source_id: str | None) -> BookEntry | None:
        """The source of this id, or None."""
        return next((e for e in self.entries if e.id == source_id), None)

    def _new(self, mention: Mention, position: int) -> BookEntry:
        entry = BookEntry(
            f"{self.id_prefix}{len(self.entries) + 1}",
            mention.name,
            mention.kind,
            mention.role,
            mention.affiliation,
            mention.plural,
            name_key(mention.name),
            position,
        )
        entry.aliases.add(entry.key)
        # "she said" with no one before: a woman, so a later "he" is someone else (as for a name that matched)
        entry.gender = mention.gender or (mention.pronoun if mention.pronoun in ("male", "female") else None)
        entry.person_role = mention.person_role
        entry.proper = mention.proper
        entry.members = mention.members
        if (mention.kind == "person" or _surname_as_body(mention, entry.key)) and not mention.members:
            full = self._member_name(entry.key)
            if full is not None:  # "Sanders said" after "Bernie Sanders and Ada Lind": the person, by full name
                entry.name, entry.kind = full, "person"
            elif mention.kind == "person" and len(entry.key) == 1 and entry.key[0] in self.full_names:
                # '"We will not give up," Korvel said' on a page that names Dana Korvel: the person, by full name
                entry.name = self.full_names[entry.key[0]]
                entry.aliases.add(name_key(entry.name))
        entry.unresolved = mention.pronoun in ("male", "female", "plural", "pair", "thing", "vague") or mention.bare
        entry.gender = entry.gender or self._gender_by_title(entry)
        self.entries.append(entry)
        return entry

    def _member_name(self, key: tuple[str, ...]) -> str | None:
        """The fuller name a person named by surname only was given among people named together before ("Ada Lind
        and Ivo Brandt said ... Lind added": Ada Lind); None when no one, or two people, of that surname were."""
        names = {
            member
            for entry in self.entries
            if entry.last_seen >= self.floor
            for member in entry.members
            if len(name_key(member)) > len(key) and key and _surname(name_key(member)) == _surname(key)
        }
        return names.pop() if len(names) == 1 else None

    def _family_name(self, key: tuple[str, ...]) -> bool:
        """Whether ``key`` is a surname alone that people of different given names on the page share ("Vell said"
        after "Ida Vell" and "Nora Vell" spoke): either of them, or a third of the family, so no one is guessed."""
        if _given_names(key):
            return False
        keys = [e.key for e in self.entries if e.kind == "person" and _surname(e.key) == _surname(key)]
        return any(other_given_name(first, second) for first in keys for second in keys)

    def pair_since(self, entry: BookEntry | None, position: int | None) -> bool:
        """Whether two people named together ("Lind and Brandt") spoke after ``entry`` and in pronoun reach: a "he"
        or "she" there may be either of them, or someone before them; it is left unresolved, not guessed."""
        pair = self._recent(lambda e: bool(e.members), position)
        return pair is not None and (entry is None or pair.last_seen > entry.last_seen)

    def _recent(self, accept, position: int | None = None) -> BookEntry | None:
        candidates = [
            e
            for e in self.entries
            if accept(e) and e.last_seen >= self.floor and (position is None or position - e.last_seen <= PRONOUN_REACH)
        ]
        return max(candidates, key=lambda e: e.last_seen) if candidates else None

    def resolve(self, mention: Mention, position: int, speaker_hint: str | None = None) -> BookEntry:
        """The source ``mention`` (at page offset ``position``) refers to. ``speaker_hint`` is the id of the
        speaker of an enclosing quote, which first-person pronouns refer to."""
        entry = self._match(mention, speaker_hint, position) or self._described_before(mention)
        if entry is None:
            return self._new(mention, position)
        return self.merge(entry, mention, position)

    def _described_before(self, mention: Mention) -> BookEntry | None:
        """ "The lawyer said ... The lawyer, Jane Roe, added ...": the earlier source that was only a definite
        description of the role a person is now named with beside the name, which becomes that person's (its
        name, kind and key are the person's from here on; what it said stays with it). Only when the text makes
        it unique: one such description since the last separator, and no one else named with that role (two
        lawyers, or "a lawyer, Jane Roe," which may be another one, leave it as it was)."""
        if mention.described_as is None or mention.kind != "person" or mention.plural:
            return None
        key = name_key(mention.described_as)
        candidates = [
            e
            for e in self.entries
            if e.kind in ("unknown", "unnamed_person")
            and not e.proper
            and not e.plural
            and e.name.lower().split()[0] == "the"
            and e.key[: len(key)] == key  # ("the lawyer for the campaign ... The lawyer, Jane Roe,")
            and e.last_seen >= self.floor
        ]
        holders = [e for e in self.entries if e.kind == "person" and e.role and name_key(e.role) == key]
        if (
            len(candidates) != 1
            or holders
            or candidates[0].gender not in (None, mention.gender or candidates[0].gender)
        ):
            return None
        entry = candidates[0]
        entry.name, entry.kind, entry.key, entry.unresolved = mention.name, mention.kind, name_key(mention.name), False
        return entry

    def merge(self, entry: BookEntry, mention: Mention, position: int) -> BookEntry:
        """``mention`` (at page offset ``position``) is one more of ``entry``'s: what it tells is added."""
        fuller = mention.pronoun is None and not mention.bare and len(mention.name) > len(entry.name)
        if fuller and not mention.indefinite and (entry.kind != "person" or _surname_only(entry, mention)):
            entry.name = mention.name  # (a person keeps the name first given, unless that was the surname alone)
        entry.role = entry.role or mention.role
        entry.person_role = entry.person_role or mention.person_role
        entry.proper = entry.proper or mention.proper
        entry.affiliation = entry.affiliation or mention.affiliation
        key = name_key(mention.name)
        titled = mention.kind == "person" and mention.gender is not None and mention.proper and key == entry.key
        if entry.kind == "unknown" or (mention.kind == "person" and (_bare_surname_entry(entry, key) or titled)):
            # a surname first read as a body: a person once the full name, or a courtesy title, is given
            entry.kind = mention.kind
        entry.aliases.add(key)
        entry.unresolved = entry.unresolved and (mention.pronoun is not None or mention.bare)
        pronoun_gender = mention.pronoun if mention.pronoun in ("male", "female") else None
        entry.gender = entry.gender or mention.gender or pronoun_gender or self._gender_by_title(entry)
        entry.last_seen = position
        return entry

    def _described(self, mention: Mention, position: int | None) -> BookEntry | None:
        """The source a bare description refers back to, as a pronoun does (the most recent one in reach, not
        across a separator) but only one that agrees with it. First a body whose name holds the noun ("the campaign"
        after "the Clinton campaign", however far back); then, for a role, a source with that role ("the
        spokesman" after "Ivo Brandt, a ministry spokesman", whatever body he speaks for); else a body of its
        type named by a proper noun ("the group" after "Hamas" or "Human Rights Watch", "the ministry" a government
        body; see :data:`DESCRIPTION_REFERS_TO`). A person is never "the group". None when no earlier source
        agrees: the description stays a source of its own, marked unresolved."""
        word = mention.name.split()[-1].lower()
        named = self._recent(
            lambda e: (
                e.kind not in PERSON_KINDS
                and not e.unresolved
                and e.plural == mention.plural
                and (word in e.key or word[:-1] in e.key)
                and not outranked(e.key, mention.name.lower().split())
            )
        )
        if named is not None and mention.kind not in PERSON_KINDS:
            return named  # "the campaign" after "the Clinton campaign", whatever other body spoke since
        if mention.kind in PERSON_KINDS or mention.role is not None:
            return self._recent(
                lambda e: (
                    e.kind != "document"
                    and not e.unresolved
                    and e.plural == mention.plural
                    and e.gender in (None, mention.gender or e.gender)
                    and e.role is not None
                    and word in e.role.lower().split()
                    and not outranked(e.role.lower().split(), mention.name.lower().split())
                ),
                position,
            )
        kinds = DESCRIPTION_REFERS_TO.get(mention.kind)
        if kinds is None:
            return None  # "the results", "the family", "the company": no type to agree on
        return self._recent(
            lambda e: e.kind in kinds and e.proper and e.plural == mention.plural and not e.unresolved, position
        )

    def _titled(self, key: tuple[str, ...], position: int | None) -> BookEntry | None:
        """The person most recently named with exactly this title ("the interior minister" after "Interior
        Minister Tomas Vell", "the mayor" after "Mayor Ida Vell"), in pronoun reach; None when no one or several people
        hold it."""
        holders = [
            e
            for e in self.entries
            if e.kind == "person" and not e.plural and e.role and name_key(e.role) == key and e.last_seen >= self.floor
        ]
        if len(holders) != 1 or (position is not None and position - holders[0].last_seen > PRONOUN_REACH):
            return None
        return holders[0]

    def _match(self, mention: Mention, speaker_hint: str | None, position: int | None = None) -> BookEntry | None:
        if mention.pronoun == "first":
            return self.entry(speaker_hint)
        if mention.pronoun in ("male", "female"):
            one = self._recent(
                lambda e: (
                    (e.kind in PERSON_KINDS | {"unknown"} or e.person_role)
                    and not e.plural
                    and e.gender in (None, mention.pronoun)
                ),
                position,
            )
            if one is not None and one.kind == "unknown" and not (one.proper or one.role or one.person_role):
                # "The ferry operator disputes that. ... She said": a body named by a common noun is "she" only when
                # no person who may be she was named in reach
                one = (
                    self._recent(
                        lambda e: e.kind in PERSON_KINDS and not e.plural and e.gender in (None, mention.pronoun),
                        position,
                    )
                    or one
                )
            return None if self.pair_since(one, position) else one
        if mention.pronoun == "pair":  # "both": two people who spoke together, never another group
            return self._recent(lambda e: len(e.members) == 2, position)
        if mention.pronoun == "plural":
            return self._recent(lambda e: e.plural or e.kind not in PERSON_KINDS | {"document"}, position)
        if mention.pronoun == "vague":
            # "Some Republicans said X. Some also said Y": the same people, named by the same word just before
            word = mention.name.lower()
            return self._recent(
                lambda e: e.plural and not e.unresolved and len(e.key) > 1 and e.name.lower().split()[0] == word,
                position,
            )
        if mention.pronoun == "thing":
            return self._recent(lambda e: e.kind not in PERSON_KINDS and not e.plural, position)
        if mention.indefinite:
            return None
        key = name_key(mention.name)
        if not key:
            return None
        if mention.bare and (described := self._described(mention, position)) is not None:
            return described  # the source it refers back to
        for entry in reversed(self.entries):
            if key in entry.aliases:
                return entry
        if mention.name.lower().split()[0] in DEFINITE and (titled := self._titled(key, position)) is not None:
            return titled  # "the interior minister" after "Interior Minister Tomas Vell"
        if mention.kind == "unnamed_person" or mention.bare:
            return None  # a bare description is the same description met before, or no one yet
        keys = set(key)
        for entry in sorted(self.entries, key=lambda e: -e.last_seen):
            if entry.kind == "unnamed_person" or entry.unresolved:
                continue  # an unresolved "the company" may be any company: a name does not merge into it
            if bool(mention.members) != bool(entry.members):
                continue  # "Lind and Brandt" and "Brandt": two who speak together are not one of them
            words = set(entry.key)
            if mention.kind == "person" or entry.kind == "person":
                if (
                    _surname(key) == _surname(entry.key)
                    and (
                        mention.kind == entry.kind or _surname_as_body(mention, key) or _bare_surname_entry(entry, key)
                    )
                    and not other_given_name(key, entry.key)
                    and not self._family_name(key)
                ):
                    return entry  # same surname
                continue
            if (
                (keys <= words or words <= keys)
                and key[-1] in words | {w + "s" for w in words}
                and not _named_only_as_its_place(mention.name, entry.name)
            ):
                return entry
        return None
