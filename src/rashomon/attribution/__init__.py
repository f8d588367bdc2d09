"""Who says what: sources, quotes and nested attribution (issue 3).

The ``attribution`` stage fills ``analysis.sources`` and ``analysis.attributions`` and sets
``block.narrative`` on the page's blocks (the top-level account each block belongs to). The same rules run as
a spaCy component, ``nlp.add_pipe("rashomon_attribution")``, which writes ``doc._.attributions``.

Modules: :mod:`.lexicon` (the YAML lexicons), :mod:`.rules` (cue/source/content in one doc, one module per rule family),
:mod:`.sources` (who a mention is, merging mentions), :mod:`.page` (continuations, narratives, nesting,
editorial voice), :mod:`.component` (the spaCy factory).
"""

from __future__ import annotations

from ..model import Analysis
from ..pipeline import StageContext, register_stage
from . import lexicon as lexicon_module
from .component import AttributionComponent, matcher_for
from .page import PUBLISHER_ID, attribute_page, publisher_source
from .rules import Found, extract, quote_spans

__all__ = [
    "AttributionComponent",
    "Found",
    "PUBLISHER_ID",
    "attribution_stage",
    "extract",
    "matcher_for",
    "publisher_source",
    "quote_spans",
]


@register_stage(
    "attribution", assigns=("sources", "attributions", "page.blocks"), resources=("spacy",), languages=("en",)
)
def attribution_stage(analysis: Analysis, ctx: StageContext) -> None:
    """Pipeline stage: sources, attributions and block narratives for ``analysis.page``."""
    attribute_page(analysis, ctx.parsed, lexicon_module.load(), matcher_for, nlp=ctx.nlp)
