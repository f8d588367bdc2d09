"""Whether abuse is aimed at someone (issue 22): a person or a group, not a thing.

OLID labels an insult (TIN) where an offensive post targets someone. The abuse heads raise ``insult`` on
criticism of a thing too ("I think this list sucks", "Ridiculous.", praise slang like "sooo sick"), so the stage
keeps the flag only when one of its evidence spans is said of a target that can be insulted:

* the span names its own target: an insulting noun ("moron", "you idiot", "Idiot.": ``insult_nouns``), or a
  person or group noun or pronoun ("crazy liberals", "he is a satanist", "fuck them");
* the span qualifies a noun that stands for people ("stupid liberals"), or is the predicate of a subject that
  does ("you are pathetic", "he sucks", "whoever made this is a moron"): a pronoun for people, a name (a proper
  noun, an @handle), a person or group noun, or a thing of someone's ("your argument is stupid", "his dumb ass");
* the span is said to the addressee: the object of a verb ("screw you") or part of an order ("shut up, stupid").

A span that qualifies a thing ("this list", "the article"), has no target at all ("Ridiculous.", "sooo sick") or
is someone's thing with nothing said of it (a possessive and plain nouns: "your fig tree") is not aimed: the
comment does not keep ``insult``. The same judgement decides ``toxicity`` where its evidence is not abuse by itself
(a profane word, a slur, a threat: :func:`self_evident`): criticism of a thing with negative words ("this
timetable sucks", "what a stupid idea") is not toxic either (:func:`flags_aimed`). The rules read one
spaCy parse of the comment (only of comments flagged ``insult``, or ``toxicity`` with nothing abusive by itself)
and the word lists of ``data/comments/insult_targets.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..deps import SUBJECT_DEPS
from . import lexicon

# --- settings ------------------------------------------------------------------------------------------
#: Most steps up the parse from a span to the word it is said of ("is -> a -> complete -> moron").
MAX_CLIMB = 5
#: Dependencies through which a verb takes its subject from the verb above it ("he lies and cheats").
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp"})
#: Dependencies of a predicate noun, said of its verb's subject ("she is a disgusting excuse for a mayor").
PREDICATE_NOUN_DEPS = frozenset({"attr", "oprd"})
#: Dependencies of a predicate, said of its verb's subject ("how crooked he is": spaCy may tag it a verb).
PREDICATE_DEPS = PREDICATE_NOUN_DEPS | {"acomp"}
#: Dependencies the climb follows: modifiers to their noun, predicates to their verb, phrases to their head;
#: not clause links (``ccomp``, ``advcl``, ``parataxis``, ``dep``), where a fragment hangs off another clause.
CLIMB_DEPS = (
    SHARED_SUBJECT_DEPS
    | PREDICATE_DEPS
    | {
        "amod",
        "advmod",
        "compound",
        "det",
        "nummod",
        "quantmod",
        "npadvmod",
        "nmod",
        "poss",
        "prep",
        "pobj",
        "pcomp",
        "appos",
        "neg",
        "aux",
        "cc",
        "dobj",
        "prt",
    }
)
#: Objects of a verb: "screw you", "fuck them".
OBJECT_DEPS = frozenset({"dobj", "dative", "obj"})
#: Evidence labels an insult flag is judged by (the span head's phrases and the lexicon's words).
INSULT_EVIDENCE = frozenset({"insult", "toxic_span", "profanity", "identity_attack"})
#: Evidence that is abuse whoever it is said of: a comment holding one keeps ``toxicity`` without a target (a
#: slur or a dehumanizing phrase, a threat, a profane word of the lexicon). On OLID (fast mode, 5-fold, even rows)
#: counting the mild profane words ("crap", "damn", "ass") here rather than judging them by their target kept the
#: same precision (0.816) at more recall (0.451 against 0.437): OLID counts profanity as offensive.
SELF_EVIDENT_LABELS = frozenset({"identity_attack", "threat", "profanity"})
#: Evidence labels a ``toxicity`` flag is judged by when none is abuse by itself: the span head's phrases, the
#: lexicon's insulting words ("stupid", "moron"), and (``[comments] spans = false``) the fast model's n-gram words.
TOXICITY_EVIDENCE = frozenset({"toxic_span", "insult", "toxicity"})
# ---------------------------------------------------------------------------------------------------------

_PEOPLE_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: Nouns of doers by their ending ("referee", "developer", "columnist", "politician"); ``not_people`` lists
#: the common things that end alike.
_NOT_LETTERS_RE = re.compile(r"[^a-z]+")
_AGENT_RE = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|ee)s?")


@dataclass(slots=True, frozen=True)
class _Lists:
    """The word lists of ``data/comments/insult_targets.yaml``."""

    pronouns: frozenset[str]
    possessives: frozenset[str]
    #: Person and group nouns, with the insulting nouns (a "moron" is a person).
    people: frozenset[str]
    insults: frozenset[str]
    not_people: frozenset[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    data = lexicon.load("insult_targets")
    return _Lists(
        frozenset(data["people_pronouns"]),
        frozenset(data["people_possessives"]),
        frozenset(data["person_nouns"]) | frozenset(data["insult_nouns"]),
        frozenset(data["insult_nouns"]),
        frozenset(data["not_people"]),
    )


def insult_nouns() -> frozenset[str]:
    """The insulting nouns of ``insult_targets.yaml`` ("moron", "scumbag"): a person named by one is insulted."""
    return _lists().insults


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2] in _lists().people:
        return word[:-2]
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _word(token) -> str:
    return lexicon.fold(token.text).strip("'")


@lru_cache(maxsize=1)
def _parser():
    """The process's one spaCy pipeline run without entities or lemmas (the rule reads parts of speech and
    dependencies)."""
    from .. import nlp

    return nlp.load(disable=("ner", "lemmatizer"))


def names_people(token, names: bool = True, owned: bool = True) -> bool:
    """Whether ``token`` (a spaCy token) stands for a person or a group that an insult can target (with
    ``names=False``, a proper noun alone is not enough: spaCy tags an opening "Pathetic." a proper noun; with
    ``owned=False``, a thing of someone's, "your argument", is not either)."""
    lists = _lists()
    word = _word(token)
    if word in lists.pronouns or token.text.startswith("@") or (names and token.pos_ == "PROPN"):
        return True
    if token.pos_ in _PEOPLE_POS and (word in lists.people or _singular(word) in lists.people):
        return True  # a group's name may be tagged a proper noun ("Hindus", "Mexicans")
    if word != _singular(word) and _singular(word) in lists.people:
        return True  # a plural of a person noun names people whatever its tag ("Hindus disgust me": an adjective)
    if token.pos_ == "NOUN" and _AGENT_RE.fullmatch(word) and _singular(word) not in lists.not_people:
        return True  # "the referee", "developers": a noun of a doer
    if owned and any(c.dep_ == "poss" and (_word(c) in lists.possessives or c.pos_ == "PROPN") for c in token.children):
        return True  # "your argument", "Sam's dumb ass": someone's own
    if token.dep_ in ("csubj", "csubjpass"):  # "whoever made this list (is a moron)"
        return any(c.dep_ in SUBJECT_DEPS and names_people(c) for c in token.children)
    return False


def _imperative(verb) -> bool:
    """An order to the addressee: a bare verb heading its sentence, with no subject ("shut up", "get lost")."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _aimed_from(token, span: set[int]) -> bool:
    """Whether the span whose top word is ``token`` is said of someone, climbing the parse (see the module)."""
    for _ in range(MAX_CLIMB):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i not in span]
        if subjects:  # a predicate with its own subject: said of that subject ("this list sucks", "u suck"), or
            # of its object ("I hate them", "I despise these councillors")
            return any(names_people(s) for s in subjects) or any(
                c.dep_ in OBJECT_DEPS and c.i not in span and names_people(c) for c in token.children
            )
        if token.i not in span and token.pos_ in _PEOPLE_POS:
            if names_people(token):  # the noun the span qualifies or stands beside
                return True
            if token.dep_ not in PREDICATE_NOUN_DEPS:
                return False
            # "she is a vile example of ...": the predicate noun is said of the subject, read on
        if any(c.dep_ in OBJECT_DEPS and c.i not in span and names_people(c) for c in token.children):
            return True  # "screw you" (spaCy may tag an opening "Screw" a proper noun)
        if token.pos_ in ("VERB", "AUX"):
            if _imperative(token):
                return True
            if token.dep_ not in SHARED_SUBJECT_DEPS | PREDICATE_DEPS:
                return False
        if token.head.i == token.i or token.dep_ not in CLIMB_DEPS:
            return False  # a clause of its own ("have you seen the roof, sooo sick"): not said of the one above
        token = token.head
    return False


def _owned_thing_only(doc, inside: set[int]) -> bool:
    """Whether a span holds nothing but someone's thing: a possessive and plain nouns ("your fig tree"), no word
    that names people or insults. Such a span says nothing of the thing or its owner, so it is aimed at no one
    (issue 22: the encoder mode flagged a gardening answer's "your" + the plant's name as an insult: the span head
    scored it 0.83, and the possessive made it someone's). "your stupid plan" has its insult, "your mom" names a
    person."""
    words = [doc[i] for i in sorted(inside) if doc[i].is_alpha]
    owners = [t for t in words if t.dep_ == "poss" and t.pos_ == "PRON"]
    things = [t for t in words if t not in owners]
    insult_nouns = _lists().insults
    return bool(owners and things) and all(
        t.pos_ == "NOUN"
        and _word(t) not in insult_nouns
        and _singular(_word(t)) not in insult_nouns
        and not names_people(t, names=False, owned=False)
        for t in things
    )


def insults_aimed(texts: Sequence[str], evidence: Sequence[Sequence[tuple[int, int, str]]]) -> list[bool]:
    """For each text, whether its insult evidence (``(start, end, label)`` in the text's offsets; the labels of
    ``INSULT_EVIDENCE`` count) is aimed at someone (:func:`aimed_at_someone`), the texts parsed in one batch
    (``nlp.pipe`` is faster than one call per text)."""
    return [insult for _, insult in flags_aimed(texts, evidence, [False] * len(texts), [True] * len(texts))]


def self_evident(evidence: Sequence[tuple[int, int, str]]) -> bool:
    """Whether ``evidence`` (``(start, end, label)``) holds abuse that needs no target (``SELF_EVIDENT_LABELS``):
    the comment keeps ``toxicity`` whoever it is said of."""
    return any(label in SELF_EVIDENT_LABELS for _, _, label in evidence)


def flags_aimed(
    texts: Sequence[str],
    evidence: Sequence[Sequence[tuple[int, int, str]]],
    toxicity: Sequence[bool],
    insult: Sequence[bool],
) -> list[tuple[bool, bool]]:
    """For each text, whether its ``toxicity`` flag (where ``toxicity`` asks) and its ``insult`` flag (where
    ``insult`` asks) are kept: toxicity when its evidence is abuse by itself (:func:`self_evident`) or one span of
    ``TOXICITY_EVIDENCE`` is aimed at someone, insult when one span of ``INSULT_EVIDENCE`` is (a question not
    asked answers True). Evidence is ``(start, end, label)`` in the text's offsets. Only the texts whose answer
    needs the parse are parsed (see :func:`_without_parse`), once each, in one batch (``nlp.pipe`` is faster than
    one call per text)."""
    questions: list[list[list[tuple[int, int]] | None]] = []
    answers: list[list[bool | None]] = []
    for found, ask_toxicity, ask_insult in zip(evidence, toxicity, insult, strict=True):
        asked = [
            None
            if not ask_toxicity or self_evident(found)
            else [(a, b) for a, b, lb in found if lb in TOXICITY_EVIDENCE],
            None if not ask_insult else [(a, b) for a, b, lb in found if lb in INSULT_EVIDENCE],
        ]
        questions.append(asked)
        answers.append([True if spans is None else None for spans in asked])
    for text, asked, answer in zip(texts, questions, answers):
        for q, spans in enumerate(asked):
            if spans is not None:
                answer[q] = _without_parse(text, spans)
    parsed = [k for k, answer in enumerate(answers) if None in answer]
    for k, doc in zip(parsed, _parser().pipe([texts[k] for k in parsed], batch_size=256)):
        for q, spans in enumerate(questions[k]):
            if answers[k][q] is None and spans is not None:
                answers[k][q] = aimed_at_someone(texts[k], spans, doc)
    return [(bool(toxic), bool(insulting)) for toxic, insulting in answers]


def _without_parse(text: str, spans: Sequence[tuple[int, int]]) -> bool | None:
    """What :func:`aimed_at_someone` answers for ``spans`` before it reads the parse: False when there is no span,
    True when a span holds an insulting noun ("moron", "you idiot"); None when the parse must tell."""
    if not spans:
        return False
    insult_nouns = _lists().insults
    folded = lexicon.fold(text)
    for start, end in spans:
        words = [w.strip("'-") for w in folded[start:end].split()]
        words.append(_NOT_LETTERS_RE.sub("", folded[start:end]))  # spelled apart: "i d i o t", "m.o.r.o.n"
        if any(w in insult_nouns or _singular(w) in insult_nouns for w in words):
            return True
    return None


def aimed_at_someone(text: str, spans: Sequence[tuple[int, int]], doc: Any = None) -> bool:
    """Whether any of ``spans`` (character offsets into ``text``, the evidence of an insult flag) is aimed at
    a person or a group (see the module's docstring); False when there is no span. ``doc``: the parse of
    ``text`` when the caller has it (:func:`insults_aimed`)."""
    known = _without_parse(text, spans)
    if known is not None:
        return known
    doc = _parser()(text) if doc is None else doc
    for start, end in spans:
        inside = {t.i for t in doc if t.idx < end and t.idx + len(t) > start}
        if not inside or _owned_thing_only(doc, inside):
            continue
        if any(doc[i].pos_ in _PEOPLE_POS and names_people(doc[i], names=False) for i in inside):
            return True  # the phrase names people itself: "crazy liberals", "a satanist", "kill them"
        # the span's top word: the one whose head lies outside it
        top = next((doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i), None)
        if top is not None and _aimed_from(top, inside):
            return True
    return False
