"""``analyze``: read a page, parse it once, run the registered stages over it.

Stages are looked up in a registry (as spaCy looks up its factories) instead of an if-chain: a stage is a
function ``stage(analysis, parsed) -> None`` that fills its part of the :class:`~rashomon.model.Analysis`.
``parsed`` holds one spaCy ``Doc`` per article block (one ``nlp.pipe`` over the page), each with the offset of
its block in the page text, so ``block.start + token.idx`` is a page offset.

A stage that fails does not lose the page: its lists stay empty and a warning names the failure.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import catalogue

from . import settings
from .model import Analysis, Block, Page
from .read import read

log = logging.getLogger(__name__)

stages = catalogue.create("rashomon", "stages")

Stage = Callable[[Analysis, "list[ParsedBlock]"], None]


@dataclass(slots=True)
class ParsedBlock:
    """An article block and its spaCy parse. Page offset of a token: ``block.start + token.idx``."""

    block: Block
    doc: Any  # spacy.tokens.Doc

    @property
    def offset(self) -> int:
        return self.block.start


def register_stage(name: str) -> Callable[[Stage], Stage]:
    """Decorator: make ``func`` available to ``analyze`` under ``name``."""

    def wrap(func: Stage) -> Stage:
        stages.register(name, func=func)
        return func

    return wrap


#: Built-in stages, each registered by importing the module of the same name (imported only when asked for,
#: so `import rashomon` stays light and a broken stage module cannot break runs that do not use it).
BUILTIN_STAGE_MODULES = ("attribution", "claims", "actors", "compare", "comments")


def get_stage(name: str) -> Stage:
    """The stage registered as ``name``; built-in stage modules are imported on first use."""
    if name in BUILTIN_STAGE_MODULES and name not in stages.get_all():
        importlib.import_module(f"{__package__}.{name}")
    return stages.get(name)


def parse(page: Page, nlp=None) -> list[ParsedBlock]:
    """Parse every article block of ``page`` with one ``nlp.pipe`` call."""
    from . import nlp as nlp_module

    nlp = nlp or nlp_module.load()
    blocks = [b for b in page.blocks if b.kind != "separator" and b.text.strip()]
    docs = nlp.pipe((b.text[: settings.MAX_BLOCK_CHARS] for b in blocks), batch_size=settings.SPACY_BATCH_SIZE)
    return [ParsedBlock(block, doc) for block, doc in zip(blocks, docs)]


def run_stages(analysis: Analysis, parsed: list[ParsedBlock], names: Sequence[str]) -> Analysis:
    for name in names:
        try:
            stage = get_stage(name)
        except catalogue.RegistryError:
            analysis.warn("unknown_stage", f"no stage named {name!r} is registered; skipped", "pipeline")
            continue
        try:
            stage(analysis, parsed)
        except Exception as err:  # a failing stage degrades the result, never loses the page
            log.exception("stage %s failed", name)
            analysis.warn("stage_failed", f"the {name} stage failed ({type(err).__name__}: {err})", name)
    return analysis


def analyze(source: Any, *, stage_names: Iterable[str] | None = None, nlp=None, **read_options: Any) -> Analysis:
    """Analyze one page.

    ``source`` is a path, a ``Page``, raw ``bytes`` or a ``str`` of page text (HTML is recognised by its markup).
    Raises :class:`~rashomon.errors.InputError` for input that is not a page at all (empty, binary, too large).
    """
    page = source if isinstance(source, Page) else read(source, **read_options)
    analysis = Analysis(page=page, warnings=list(page.warnings))
    names = tuple(settings.DEFAULT_STAGES if stage_names is None else stage_names)
    long_blocks = [b.id for b in page.blocks if len(b.text) > settings.MAX_BLOCK_CHARS]
    if long_blocks and names:
        analysis.warn("block_truncated", f"only the first {settings.MAX_BLOCK_CHARS:,} characters of block(s) "
                      f"{', '.join(long_blocks)} were analysed", "parse")
    parsed = parse(page, nlp) if page.blocks and names else []
    return run_stages(analysis, parsed, names)
