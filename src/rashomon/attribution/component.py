"""``rashomon_attribution``: the attribution rules as a spaCy pipeline component.

``nlp.add_pipe("rashomon_attribution")`` (after the parser and NER) sets ``doc._.attributions`` to a list of
:class:`DocAttribution`, one per attribution, with spaCy ``Span`` objects for source, cue and content and the
speaker merged across the doc's mentions. It runs the same :func:`~rashomon.attribution.rules.extract` and
:class:`~rashomon.attribution.sources.SourceBook` as the pipeline stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from . import lexicon as lexicon_module
from .rules import build_matcher, extract
from .sources import SourceBook, describe

_MATCHERS: dict[tuple[int, int], Matcher] = {}

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


def matcher_for(vocab, lexicon: lexicon_module.Lexicon | None = None) -> Matcher:
    """The cue matcher for ``vocab`` (built once per vocab and lexicon)."""
    lexicon = lexicon or lexicon_module.load()
    key = (id(vocab), id(lexicon))
    if key not in _MATCHERS:
        _MATCHERS[key] = build_matcher(vocab, lexicon)
    return _MATCHERS[key]


@dataclass(slots=True)
class DocAttribution:
    """One attribution in a doc. ``parent`` is the index of the attribution that relays this one."""

    kind: str
    content: Span
    cue: Span | None
    source: Span | None
    speaker_id: str | None
    speaker: str | None
    speaker_kind: str | None
    parent: int | None
    confidence: float


class AttributionComponent:
    """Finds attributions in a doc; needs the tagger, parser and NER upstream."""

    def __init__(self, nlp: Language, name: str, lexicon_dir: str | None = None):
        self.name = name
        self.lexicon = lexicon_module.load(lexicon_dir)
        self.matcher = build_matcher(nlp.vocab, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        found = extract(doc, self.lexicon, self.matcher)
        book = SourceBook()
        result: list[DocAttribution] = []
        positions: dict[int, int] = {}  # index in ``found`` -> index in ``result``
        for number, item in enumerate(found):
            if item.kind == "next_block":
                continue  # "He said:" ending the doc: what was said is not in this doc
            speaker = kind = speaker_id = None
            if item.source_root is not None:
                entry = book.resolve(describe(doc[item.source_root], self.lexicon, together=True), item.source[0])
                speaker, kind, speaker_id = entry.name, entry.kind, entry.id
            elif item.inner_of is None and item.cue is None and result:
                speaker, kind, speaker_id = result[-1].speaker, result[-1].speaker_kind, result[-1].speaker_id

            def span(chars):
                return doc.char_span(chars[0], chars[1], alignment_mode="expand") if chars else None

            positions[number] = len(result)
            result.append(
                DocAttribution(
                    item.kind,
                    span(item.content),
                    span(item.cue),
                    span(item.source),
                    speaker_id,
                    speaker,
                    kind,
                    positions.get(item.inner_of),
                    item.confidence,
                )
            )
        doc._.attributions = result
        return doc


@Language.factory("rashomon_attribution", default_config={"lexicon_dir": None})
def make_attribution_component(nlp: Language, name: str, lexicon_dir: str | None) -> AttributionComponent:
    return AttributionComponent(nlp, name, lexicon_dir)
