"""Headline rules: a Title-Case headline read again in sentence case."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from .base import Found
from .settings import (
    INFLECTIONS,
    IRREGULAR_FORMS,
    MAX_RECASED_LINES,
    MAX_TITLE_WORDS,
    MIN_TITLE_WORDS,
    READING_SKIPS,
    RECASED,
    TITLE_SHARE,
)


def is_title_case(sent: Span) -> bool:
    """ "Mayor Slams Ferry Plan As Fares Rise": most words capitalised (not all in capitals), few enough to be
    a headline."""
    words = [t for t in sent if t.is_alpha]
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or all(t.is_upper for t in words):
        return False
    return sum(t.text[0].isupper() for t in words) >= TITLE_SHARE * len(words)


def verb_stems(word: str) -> set[str]:
    """Possible lemmas of a lower-case verb or noun form, without a lemmatiser ("slams" -> "slam", "making" ->
    "make", "slammed" -> "slam", "denies" -> "deny"): only an inflection's ending is taken off, so a name is not
    read as a verb it merely starts with ("Brandt" is no form of "brand")."""
    stems = {word, IRREGULAR_FORMS.get(word, word)}
    for ending, replacements in INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            base = word[: -len(ending)]
            stems.update(base + r for r in replacements)
            if base[-1] == base[-2]:
                stems.add(base[:-1])  # a doubled consonant: "slammed", "slamming"
    return stems


def recased(sent: Span, lexicon: Lexicon) -> str:
    """``sent`` with its function words and cue words in lower case (same length, same offsets). A function word
    that opens a person's name the recognizer read ("Will Smith", "May Lin") keeps its capital."""
    cues = lexicon.all_cue_lemmas | lexicon.cue_nouns
    first = next((t.i for t in sent if t.is_alpha), sent.start)
    out = []
    for token in sent:
        text = token.text_with_ws
        if token.i != first and token.is_title:
            cue = bool(verb_stems(token.lower_) & cues)
            if cue or token.is_stop and not opens_name(token, cues):
                text = token.lower_ + token.whitespace_
        out.append(text)
    return "".join(out)


def opens_name(token: Token, cues: frozenset[str]) -> bool:
    """Whether ``token`` sits inside a person's name the recognizer read and the name goes on to a next word that
    is no cue ("Will Smith Denies ...": "Will"; not "Clinton Defends Her Actions": "Her" ends the name it was put
    in)."""
    if token.ent_type_ != "PERSON" or token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    return after.ent_type_ == "PERSON" and after.ent_iob_ == "I" and not verb_stems(after.lower_) & cues


def title_case_lines(doc: Doc) -> Iterator[Span]:
    """The Title-Case lines of ``doc`` (a line, not the parser's sentence: it cuts headlines at odd places)."""
    at = 0
    for line in doc.text.split("\n"):
        if line.strip():
            span = doc.char_span(at, at + len(line.rstrip()), alignment_mode="expand")
            if span is not None and is_title_case(span):
                yield span
        at += len(line) + 1


def with_recased_headlines(
    doc: Doc,
    found: list[Found],
    lexicon: Lexicon,
    reparse: Callable[[str], Doc],
    find: Callable[[Doc], list[Found]],
) -> list[Found]:
    """Replace what was found in Title-Case lines by what is found in their sentence-case reading. (The lines'
    entities are already those of that reading: :class:`HeadlineEntities` set them when the page was parsed.)"""
    for sent in title_case_lines(doc):
        text = recased(sent, lexicon)
        if text == sent.text:
            continue
        again = reparse(text)
        if again.vocab is not doc.vocab or again.text != text:
            continue
        again.user_data[RECASED] = True
        fresh = [f for f in find(again) if f.cue is not None]  # none: the line holds no cue read as prose either
        start, end = sent.start_char, sent.end_char
        kept = [i for i, f in enumerate(found) if not start <= (f.cue or f.content)[0] < end]
        renumber = {old: new for new, old in enumerate(kept)}
        result = [found[i] for i in kept]
        for item in result:
            item.inner_of = renumber.get(item.inner_of) if item.inner_of is not None else None
        shift = lambda span: (span[0] + start, span[1] + start) if span else None  # noqa: E731, B023 (used here)
        for item in fresh:
            item.content, item.cue, item.source = shift(item.content), shift(item.cue), shift(item.source)
            if item.source_root is not None:
                root = again[item.source_root]
                span = doc.char_span(start + root.idx, start + root.idx + len(root), alignment_mode="expand")
                item.source_root = span[-1].i if span is not None else None
            if item.inner_of is not None:
                item.inner_of += len(kept)
        found = result + fresh
    return found


class HeadlineEntities:
    """The spaCy component ``rashomon_headline_entities`` (after the recognizer, in the project's pipeline: see
    :func:`rashomon.nlp.load`): the named entities of a Title-Case line are those of its sentence-case reading.
    The recognizer takes most capitalised words for names, so "Lee Defends Her Record" makes "Lee Defends" one
    person; set where the page is parsed, the reading serves every stage (a source named from it would carry the
    cue, an actors table would list "Defends Her")."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon):
        self.nlp = nlp
        self.name = name
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("ENT_IOB"):
            return doc  # a caller that runs the pipeline without the recognizer has no entities to correct
        lines = [(line, recased(line, self.lexicon)) for line in title_case_lines(doc)]
        lines = [(line, text) for line, text in lines if text != line.text][:MAX_RECASED_LINES]
        # all the lines at once, and only what the entities need: not this component, the parser or the lemmas
        skipped = [p for p in (self.name, *READING_SKIPS) if p in self.nlp.pipe_names]
        readings = self.nlp.pipe((text for _, text in lines), disable=skipped)
        for (line, _), again in zip(lines, readings):
            entities_as_read(doc, line, again)
        return doc


def entities_as_read(doc: Doc, line: Span, again: Doc) -> None:
    """Give ``line`` the entities of its sentence-case reading ``again``."""
    start, end = line.start_char, line.end_char
    kept = [e for e in doc.ents if e.end_char <= start or e.start_char >= end]
    read = [doc.char_span(start + e.start_char, start + e.end_char, label=e.label_) for e in again.ents]
    doc.ents = sorted(kept + [e for e in read if e is not None], key=lambda e: e.start)
