"""A person's description linked to the person the text named: "the former Kestrel Bay governor" after "Ida Vell,
the former Kestrel Bay governor, ..." (or "former Governor Ida Vell"), or after "Ida Vell" as the one person the
sentence before is about.

The source book links a description to an earlier *source* only (someone who spoke); a person the text named
without a cue of their own is not in it, so "the former governor said ..." stood as a source of its own. These
rules look for that person in the text: first one named with the description's role (an apposition or a title
before the name), else, for a description that says more than its role ("the former Alaska governor", not "the
governor"), the one person named in the sentence right before, as its subject. One candidate or none: with two
people who could be meant, the description stays unresolved (the precision-first choice; an earlier round that
took the nearest person for any bare description was wrong two times in three).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .sources import PRONOUN_REACH, outranked

#: Written abbreviations of roles before a name ("Gov. Ida Vell", "Gov Ida Vell"), read as the role.
ROLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen.": "general",
    "lt.": "lieutenant",
    "sgt.": "sergeant",
    "pres.": "president",
    "amb.": "ambassador",
}
#: Entity labels (or none) under which the tagger also files people's names: another such name in the sentence
#: before means a second person the description could be.
OTHER_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", ""})
#: Entity labels (or none) of the names in a pair "they" can be: people or bodies, which the tagger often tells apart
#: wrongly ("Blake and Mouton" as an ORG and a GPE).
PAIR_NAME_LABELS = OTHER_NAME_LABELS | {"GPE"}
#: Modifiers a description may carry that tell which holder of a role, not another role ("the former governor").
ROLE_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
#: How far up the parse a name is looked at for the description of another person it sits in.
MAX_DESCRIPTION_CLIMB = 6


def role_of(token: Token) -> str:
    """The role a word names, abbreviations written out ("Gov." -> "governor")."""
    lower = token.lower_
    return ROLE_ABBREVIATIONS.get(lower, ROLE_ABBREVIATIONS.get(lower.rstrip("."), token.lemma_.lower()))


def description(root: Token, lexicon: Lexicon) -> tuple[str, frozenset[str]] | None:
    """The role and the modifier words of a definite description of one person by role ("the former Alaska
    governor" -> ("governor", {"former", "alaska"})), or None for anything else: a name, a plural, an owner ("his
    spokesman"), an indefinite ("a governor"), a phrase after the noun ("the governor of X"), a noun no role."""
    if root.pos_ != "NOUN" or root.tag_ != "NN" or root.ent_type_ == "PERSON":
        return None
    role = role_of(root)
    if role not in lexicon.roles:
        return None
    lefts = [t for t in root.lefts if t.dep_ != "punct"]
    if not lefts or lefts[0].dep_ != "det" or lefts[0].lower_ != "the":
        return None
    if any(t.dep_ not in ROLE_MODIFIER_DEPS for t in lefts[1:]):
        return None
    if any(c.dep_ in ("prep", "appos", "poss", "conj") for c in root.rights):
        return None
    words = frozenset(t.lower_ for left in lefts[1:] for t in left.subtree if not t.is_punct)
    if any(t.ent_type_ == "PERSON" for left in lefts[1:] for t in left.subtree):
        return None
    return role, words


def titles_of(person: Token) -> tuple[set[str], set[str]]:
    """The roles the text gives a named person right at the name, and their words: an apposition ("Ida Vell, the
    former Kestrel Bay governor") or a title before the name ("former Governor Ida Vell", "Gov. Ida Vell")."""
    roles: set[str] = set()
    words: set[str] = set()
    for child in person.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            roles.add(role_of(child))
            words.update(t.lower_ for t in child.subtree if t.i < child.i and not t.is_punct)
        elif child.dep_ == "compound" and child.i < person.i and child.ent_type_ != "PERSON":
            roles.add(role_of(child))
            words.update(t.lower_ for t in child.subtree if not t.is_punct)
    return roles, words


def named_with_role(
    parsed, position: int, floor: int, role: str, words: frozenset[str], quoted
) -> tuple[int, Token] | None:
    """The person named before ``position`` (from ``floor``, within pronoun reach, outside quotation marks) with
    the role and every modifier word of the description, and no rank word the description lacks ("the secretary"
    is no deputy secretary); None when no one, or two people, are."""
    found: dict[str, tuple[int, Token]] = {}
    for at, item, ent in people_before(parsed, position, floor):
        if quoted(item.block, ent.start_char):
            continue
        roles, title_words = titles_of(ent.root)
        if role in roles and words <= title_words | {role} and not outranked(title_words, words):
            found[ent.root.lower_] = (at, ent.root)
    return next(iter(found.values())) if len(found) == 1 else None


def people_before(parsed, position: int, floor: int) -> Iterator[tuple[int, Any, Span]]:
    """``(page offset, parsed block, entity)`` of each PERSON the text names before ``position``, from ``floor``
    and within pronoun reach, in text order; never in a headline, whose capitals the tagger reads as names
    ("Ferry Talks Stall")."""
    for item in parsed:
        start = item.block.start
        if start >= position:
            break
        if item.block.kind == "headline":
            continue
        for ent in item.doc.ents:
            at = start + ent.start_char
            if ent.label_ != "PERSON" or not floor <= at < position or position - at > PRONOUN_REACH:
                continue
            if not in_description_of_another(ent):
                yield at, item, ent


def in_description_of_another(ent: Span) -> bool:
    """Whether a PERSON entity is named inside the description of another person (an apposition, no verb between):
    "Tom Hale" in "Anna Berg, a lawyer for Tom Hale, met the press", "Hull" in "John Smith, a farmer from Hull"
    (a town the tagger reads as a person). The sentence is about the person described, so a "she" or "he" after it
    is not given to the name inside the description."""
    token = ent.root
    for _ in range(MAX_DESCRIPTION_CLIMB):
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "appos" and token.head.ent_type_ == "PERSON" and token.head not in ent:
            return True
        token = token.head
    return False


def sentence_at(parsed, position: int) -> tuple[int, list[Span], int] | None:
    """``(index of the parsed block, its sentences, index of the sentence)`` holding page offset ``position``, or
    None."""
    for index, item in enumerate(parsed):
        start, end = item.block.start, item.block.end
        if not start <= position < end + 1:
            continue
        local = position - start
        sentences = list(item.doc.sents)
        current = next((i for i, s in enumerate(sentences) if s.start_char <= local < s.end_char + 1), None)
        return None if current is None else (index, sentences, current)
    return None


def sentence_just_before(parsed, position: int, floor: int) -> tuple[Any, Span] | None:
    """``(parsed block, sentence)`` of the sentence right before the one holding ``position``: in its paragraph, or
    the last of the paragraph before (not a headline); None at the top, or when that sentence starts before
    ``floor``."""
    found = sentence_at(parsed, position)
    if found is None:
        return None
    index, sentences, current = found
    if current > 0:
        before, owner = sentences[current - 1], parsed[index]
    elif index > 0 and parsed[index - 1].block.kind != "headline":
        owner = parsed[index - 1]
        before = list(owner.doc.sents)[-1]
    else:
        return None
    if owner.block.start + before.start_char < floor:
        return None
    return owner, before


def subject_just_before(parsed, position: int, floor: int, quoted) -> tuple[int, Token] | None:
    """The one person the sentence right before ``position`` names, when that person is its main clause's
    subject ("Ida Vell toured the harbour on Monday." before "The former Alaska governor said ..."); None when that
    sentence names no person or two, or names them only inside a quotation."""
    found = sentence_just_before(parsed, position, floor)
    if found is None:
        return None
    owner, before = found
    people = {ent.root.lower_: ent for ent in before.ents if ent.label_ == "PERSON"}
    if len(people) != 1:
        return None
    entity = next(iter(people.values()))
    if quoted(owner.block, entity.start_char) or any(
        t.pos_ == "PROPN" and t.ent_type_ in OTHER_NAME_LABELS and not entity.start <= t.i < entity.end for t in before
    ):
        return None  # another name the tagger typed otherwise ("with Ivo Brandt" as an ORG) could be meant
    person = entity.root
    if person.dep_ not in ("nsubj", "nsubjpass") or person.head.dep_ != "ROOT":
        return None
    return owner.block.start + person.idx, person


def words_just_before(parsed, position: int) -> tuple[Any, Span] | None:
    """``(parsed block, words)``: the words of the sentence holding ``position`` that come before it; None when
    there are none."""
    found = sentence_at(parsed, position)
    if found is None:
        return None
    index, sentences, current = found
    item = parsed[index]
    words = [t for t in sentences[current] if item.block.start + t.idx < position]
    return (item, item.doc[words[0].i : words[-1].i + 1]) if words else None


def pair_just_before(
    parsed, position: int, floor: int, quoted, same_sentence: bool = False
) -> tuple[int, Token] | None:
    """The one coordination of people's names the sentence right before ``position`` holds ("The grid was drawn up
    by Lind and Brandt." before "According to them, ..."), as ``(page offset, first name's head)``; None when that
    sentence names anyone else, or two such pairs, or the pair only inside a quotation. ``same_sentence``: the
    words before ``position`` in its own sentence instead ("Lind and Brandt met the board, both of them saying")."""
    found = words_just_before(parsed, position) if same_sentence else sentence_just_before(parsed, position, floor)
    if found is None:
        return None
    owner, before = found
    heads = [t for t in before if t.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children)]
    if len(heads) != 1 or quoted(owner.block, heads[0].idx):
        return None
    head = heads[0]
    pair = [t for t in before if head.left_edge.i <= t.i <= head.right_edge.i]
    if not all(t.ent_type_ in PAIR_NAME_LABELS for t in pair if t.pos_ == "PROPN"):
        return None  # "between Lind and the 1990s"
    # someone else named in that sentence could be among "them" ("both" in the pair's own sentence is two
    # people: only another person's name leaves it open, not "On Twitter" or "also Republicans")
    others = frozenset({"PERSON"}) if same_sentence else OTHER_NAME_LABELS
    if any(t.pos_ == "PROPN" and t.ent_type_ in others and t not in pair for t in before):
        return None
    return owner.block.start + head.idx, head
