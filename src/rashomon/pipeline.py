"""``analyze``: read a page, parse it once, run the planned stages over it.

Stages live in a registry (as spaCy looks up its factories) and declare what they need, as stanza's processors
do: ``requires`` (stages that must have run before), ``assigns`` (the :class:`~rashomon.model.Analysis` fields
they fill) and ``resources`` (shared models such as ``"spacy"``, loaded once per process). A run is *planned*
before any page is read (:func:`plan_stages`): an unknown stage, or a stage whose prerequisite is not run
before it, is a :class:`~rashomon.errors.ConfigError` then, not a warning on every page.

Every stage has one signature, ``<name>_stage(analysis: Analysis, ctx: StageContext) -> None``; ``ctx`` holds
the parsed article blocks, the run's :class:`~rashomon.options.Options` and its resources (``ctx.nlp`` is the
caller's spaCy pipeline when one was passed to :func:`analyze`, else the project's). A stage that fails does
not lose the page: its lists stay empty and a ``stage_failed`` warning names the failure.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import catalogue

from .errors import ConfigError
from .model import Analysis, Block, Page, PageWarning
from .options import Options, ParseOptions

if TYPE_CHECKING:
    from .read.fetch import Fetched

log = logging.getLogger(__name__)

#: The built-in stages in the order ``analyze`` runs them. Each is registered by importing the module of the same
#: name (only when asked for, so ``import rashomon`` stays light and a broken stage module cannot break runs that
#: do not use it). This is the one list of stages.
DEFAULT_STAGES = ("attribution", "claims", "encode", "actors", "compare", "comments", "choices")

stages = catalogue.create("rashomon", "stages")
resources = catalogue.create("rashomon", "resources")

#: Resources registered by importing a module of the package on first use: name -> module (``rashomon.<module>``).
RESOURCE_MODULES: dict[str, str] = {
    "encoder": "encoder",
    "stance-encoder": "comments.stance_encoder",
    "group-hate-encoder": "comments.group_hate_encoder",
}


@dataclass(slots=True)
class ParsedBlock:
    """An article block and its spaCy parse. Page offset of a token: ``block.start + token.idx``."""

    block: Block
    doc: Any  # spacy.tokens.Doc

    @property
    def offset(self) -> int:
        return self.block.start


@dataclass(slots=True)
class StageContext:
    """What a stage is given besides the analysis: the parse, the run's options and its shared resources."""

    parsed: list[ParsedBlock] = field(default_factory=list)
    options: Options = field(default_factory=Options)
    #: Resources loaded for this run (name -> object); the caller's own (``analyze(nlp=...)``) are put here first.
    loaded: dict[str, Any] = field(default_factory=dict)
    #: What a stage hands the stages after it in this run and nothing else (name -> value, each name declared in
    #: the stage's ``provides``): the ``encode`` stage's vectors of the claims, read by every stage that needs
    #: them, so no sentence is encoded twice. Not part of the analysis or its JSON.
    provided: dict[str, Any] = field(default_factory=dict)

    def resource(self, name: str) -> Any:
        """The shared resource ``name`` (loaded once per process by its registered loader)."""
        if name not in self.loaded:
            self.loaded[name] = load_resource(name, self.options)
        return self.loaded[name]

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline of this run."""
        return self.resource("spacy")


Stage = Callable[[Analysis, StageContext], None]


@dataclass(frozen=True, slots=True)
class StageSpec:
    """A registered stage and what it declares."""

    name: str
    func: Stage
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    #: Names of what the stage leaves in ``StageContext.provided`` for later stages (not in the analysis).
    provides: tuple[str, ...] = ()
    #: The page languages (ISO 639-1) the stage reads; None: any (a stage that reads no words, or that checks
    #: the language of each piece itself, as the comments stage does).
    languages: tuple[str, ...] | None = None

    def reads(self, language: str | None) -> bool:
        """Whether the stage runs on a page in ``language`` (an unknown language: it runs, and the page says
        that its language could not be told)."""
        return self.languages is None or language is None or language in self.languages


def register_stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    resources: Iterable[str] = (),
    languages: Iterable[str] | None = None,
    provides: Iterable[str] = (),
) -> Callable[[Stage], Stage]:
    """Decorator: make ``func(analysis, ctx)`` available to ``analyze`` as stage ``name``.

    ``requires``: stages that must run before it; ``assigns``: the ``Analysis`` fields it fills (documentation
    and a test check them against the model); ``resources``: shared models it uses (``"spacy"``; a stage that
    needs no resource runs without a parse); ``languages``: the page languages it reads (None: any). On a page
    in another language the stage does not run, and the analysis says so (``stages_skipped``); ``provides``:
    what it leaves in ``ctx.provided`` for the stages that require it (a shared intermediate such as the
    encoder's vectors, not a field of the analysis).
    """
    unknown = [f for f in assigns if _field_of(f) is None]
    if unknown:
        raise ValueError(f"stage {name!r} assigns unknown Analysis fields: {', '.join(unknown)}")

    def wrap(func: Stage) -> Stage:
        spec = StageSpec(
            name,
            func,
            tuple(requires),
            tuple(assigns),
            tuple(resources),
            provides=tuple(provides),
            languages=tuple(languages) if languages is not None else None,
        )
        stages.register(name, func=spec)
        return func

    return wrap


def _field_of(dotted: str) -> Any:
    """The dataclass field ``"claims"`` of Analysis, or ``"page.comments"`` of its Page; None if there is none."""
    owner: Any = Analysis
    found = None
    for part in dotted.split("."):
        found = getattr(owner, "__dataclass_fields__", {}).get(part)
        if found is None:
            return None
        owner = {"page": Page}.get(part)
    return found


def register_resource(name: str) -> Callable[[Callable[[Options], Any]], Callable[[Options], Any]]:
    """Decorator: ``loader(options) -> object`` provides the shared resource ``name``. The loader caches what it
    loads (e.g. ``functools.lru_cache``), so each process loads a resource once, whatever the number of pages."""

    def wrap(loader: Callable[[Options], Any]) -> Callable[[Options], Any]:
        resources.register(name, func=loader)
        return loader

    return wrap


@register_resource("spacy")
def _load_spacy(options: Options) -> Any:
    from . import nlp

    return nlp.load(options.parse.spacy_model)


def load_resource(name: str, options: Options | None = None) -> Any:
    if name in RESOURCE_MODULES and name not in resources.get_all():
        importlib.import_module(f"{__package__}.{RESOURCE_MODULES[name]}")
    try:
        loader = resources.get(name)
    except catalogue.RegistryError:
        raise ConfigError(f"no resource named {name!r} is registered") from None
    return loader(options or Options())


def stage_spec(name: str) -> StageSpec:
    """The stage registered as ``name``; built-in stage modules are imported on first use."""
    if name in DEFAULT_STAGES and name not in stages.get_all():
        importlib.import_module(f"{__package__}.{name}")
    try:
        return stages.get(name)
    except catalogue.RegistryError:
        known = ", ".join(sorted(set(DEFAULT_STAGES) | set(stages.get_all())))
        raise ConfigError(f"unknown stage {name!r} (known stages: {known})") from None


def get_stage(name: str) -> Stage:
    return stage_spec(name).func


@dataclass(frozen=True, slots=True)
class Plan:
    """The stages of a run, checked: every name registered, every prerequisite run before the stage needing it."""

    stages: tuple[StageSpec, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    @property
    def resources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for s in self.stages for r in s.resources))

    @property
    def needs_parse(self) -> bool:
        return "spacy" in self.resources

    def for_language(self, language: str | None) -> tuple[Plan, tuple[StageSpec, ...]]:
        """The plan of the stages that read ``language``, and the stages that do not (they do not run)."""
        runs = tuple(s for s in self.stages if s.reads(language))
        return Plan(runs), tuple(s for s in self.stages if not s.reads(language))


def plan_stages(names: Iterable[str] | None = None) -> Plan:
    """Check a stage list before a run: raises :class:`ConfigError` for an unknown stage, a repeated one, or one
    whose ``requires`` are not run before it (the message says what to add)."""
    names = tuple(DEFAULT_STAGES if names is None else names)
    specs: list[StageSpec] = []
    for name in names:
        spec = stage_spec(name)
        if spec.name in (s.name for s in specs):
            raise ConfigError(f"the {name} stage is listed twice")
        missing = [r for r in spec.requires if r not in (s.name for s in specs)]
        if missing:
            raise ConfigError(
                f"the {name} stage needs {', '.join(missing)} to run before it "
                f"(stages in order: {', '.join(with_requirements(names))})"
            )
        specs.append(spec)
    return Plan(tuple(specs))


def with_requirements(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` with every prerequisite added before the stage that needs it (``comments`` -> ``actors``,
    ``comments``)."""
    ordered: dict[str, None] = {}

    def add(name: str) -> None:
        if name in ordered:
            return
        for required in stage_spec(name).requires:
            add(required)
        ordered[name] = None

    for name in names:
        add(name)
    return tuple(ordered)


_TOKEN = re.compile(r"\w+|[^\w\s]")


def parsed_extent(page: Page, options: ParseOptions) -> tuple[list[tuple[Block, int]], Block | None]:
    """The article blocks to parse, each with the characters of it to parse, within the page's token budget
    (``max_article_tokens``, words and single symbols: what spaCy's time grows with) and the block limit; and
    the block where the budget ran out (``None``: the whole article fits)."""
    extent: list[tuple[Block, int]] = []
    budget = options.max_article_tokens
    for block in (b for b in page.blocks if b.kind != "separator" and b.text.strip()):
        text = block.text[: options.max_block_chars]
        end, used = len(text), 0
        for used, token in enumerate(_TOKEN.finditer(text), start=1):
            if used > budget:
                end = token.start()
                break
        if end < len(text):
            if text[:end].strip():
                extent.append((block, end))
            return extent, block
        budget -= used
        extent.append((block, end))
    return extent, None


def cut_to_budget(page: Page, options: ParseOptions) -> Block | None:
    """Cut ``page``'s article where :func:`parsed_extent` stops, so that every stage (not only the parse: the
    framing and the comparison read the blocks' text too) works on the same bounded article; the block it stopped
    in, or ``None`` when the whole article fits. ``page.text`` is kept whole: the offsets stay valid."""
    extent, stopped_in = parsed_extent(page, options)
    if stopped_in is None:
        return None
    ends = {id(block): end for block, end in extent}
    cut: list[Block] = []
    for block in page.blocks:
        end = ends.get(id(block))
        if end is not None:
            cut.append(
                block if end == len(block.text) else replace(block, end=block.start + end, text=block.text[:end])
            )
        elif block.kind == "separator":
            cut.append(block)
        if block is stopped_in:
            break
    page.blocks = cut
    return stopped_in


def parse(page: Page, nlp: Any = None, options: ParseOptions | None = None) -> list[ParsedBlock]:
    """Parse the article blocks of ``page`` (within :func:`parsed_extent`) with one ``nlp.pipe`` call. A caller's
    own pipeline without the project's reading of Title-Case lines (:func:`rashomon.nlp.headline_entities`) has it
    run here, so that every stage reads the same entities whichever pipeline parsed the page."""
    from . import nlp as nlp_module

    options = options or ParseOptions()
    nlp = nlp or load_resource("spacy", Options(parse=options))
    extent, _ = parsed_extent(page, options)
    docs = nlp.pipe((block.text[:end] for block, end in extent), batch_size=options.batch_size)
    if nlp_module.HEADLINE_ENTITIES not in nlp.pipe_names:
        docs = map(nlp_module.headline_entities(nlp, nlp_module.HEADLINE_ENTITIES), docs)
    return [ParsedBlock(block, doc) for (block, _), doc in zip(extent, docs, strict=True)]


def run_stages(analysis: Analysis, plan: Plan | Sequence[str], ctx: StageContext | None = None) -> Analysis:
    """Run the planned stages over ``analysis`` (a name list is planned first). A stage that does not read the
    page's language does not run; one ``stages_skipped`` warning names them and says why."""
    plan = plan if isinstance(plan, Plan) else plan_stages(plan)
    plan, skipped = plan.for_language(analysis.page.language)
    if skipped:
        # its stage: the skipped stages, so a report can say which of its parts were not analysed
        names = ",".join(spec.name for spec in skipped)
        analysis.warn("stages_skipped", skipped_message(skipped, analysis.page.language), names)
    ctx = ctx or StageContext()
    for spec in plan.stages:
        try:
            before = set(ctx.provided)
            spec.func(analysis, ctx)
            check_provided(spec, before, ctx.provided)
        except Exception as err:  # a failing stage degrades the result, never loses the page
            log.exception("stage %s failed", spec.name)
            analysis.warn("stage_failed", f"the {spec.name} stage failed ({type(err).__name__}: {err})", spec.name)
    return analysis


def check_provided(spec: StageSpec, before: set[str], provided: dict[str, Any]) -> None:
    """Hold a stage to its ``provides``: it must leave every name it declares, and only names some registered
    stage declares (a later stage may fill in what an earlier one would have provided, as ``compare`` encodes
    the claims when ``encode`` did not run). Raises ``RuntimeError``: a broken promise is a bug of the stage,
    which ``run_stages`` reports as that stage's failure."""
    missing = [name for name in spec.provides if name not in provided]
    declared = {name for other in stages.get_all().values() for name in other.provides}
    undeclared = sorted(set(provided) - before - declared)
    if missing or undeclared:
        raise RuntimeError(
            f"stage {spec.name!r} "
            + (f"did not provide {', '.join(missing)}" if missing else "")
            + (" and " if missing and undeclared else "")
            + (f"provided undeclared {', '.join(undeclared)}" if undeclared else "")
        )


def skipped_message(skipped: Sequence[StageSpec], language: str | None) -> str:
    """One plain sentence: which stages did not run on a page in ``language``, and why."""
    from .read import language_name

    names = [s.name for s in skipped]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    read = sorted({language_name(code) for s in skipped for code in s.languages or ()})
    return (
        f"not analysed: the page is in {language_name(language)} ({language}) and the {listed} "
        f"stage{'s' if len(names) > 1 else ''} read{'' if len(names) > 1 else 's'} only {' and '.join(read)}, so "
        f"{'they' if len(names) > 1 else 'it'} did not run: {'their' if len(names) > 1 else 'its'} parts of the "
        "report are empty rather than guesses"
    )


def analyze(
    source: Path | str | bytes | Page | Fetched | None = None,
    *,
    path: str | Path | None = None,
    text: str | None = None,
    html: str | None = None,
    options: Options | None = None,
    stage_names: Iterable[str] | None = None,
    nlp: Any = None,
    provided: dict[str, Any] | None = None,
    **read_options: Any,
) -> Analysis:
    """Analyze one page.

    ``source`` is a :class:`~pathlib.Path` (a file is read), a ``str`` of page text (HTML is recognised by its
    markup), raw ``bytes``, a :class:`Page`, or a page fetched from its URL (:func:`rashomon.fetch_url`); or name
    the input with ``path=``, ``text=`` or ``html=``.
    ``options`` sets the run (stages, per-stage sections); ``stage_names`` overrides its stages; ``nlp`` is a
    spaCy pipeline every stage uses instead of loading the project's; ``provided``: a dict the run fills with
    what its stages provide (``StageContext.provided``: the encode stage's claim vectors), for a caller that
    reuses them (``rashomon compare`` hands them to ``compare_pages``). The stage list is checked before the
    page is read. Raises :class:`~rashomon.errors.InputError` for input that is not a page at all.
    """
    from .read import SURROGATES_MENDED, mend_surrogates, read, source_of

    options = options or Options()
    if stage_names is not None:
        options = replace(options, stages=tuple(stage_names))
    plan = plan_stages(options.stages)
    if isinstance(source, Page) and path is None and text is None and html is None:
        page = source
        if mend_surrogates(page):
            page.warnings.append(PageWarning("invalid_utf8", SURROGATES_MENDED))
    else:
        readable, kind = source_of(source, path=path, text=text, html=html)
        if kind is not None:
            read_options.setdefault("kind", kind)
        if options.read.comment_styles and "comment_styles" not in read_options:
            read_options["comment_styles"] = options.read.comment_styles
        page = read(readable, **read_options)
    analysis = Analysis(page=page, warnings=list(page.warnings))
    ctx = StageContext(
        options=options,
        loaded={"spacy": nlp} if nlp is not None else {},
        provided=provided if provided is not None else {},
    )
    limit = options.parse.max_block_chars
    if plan.for_language(page.language)[0].needs_parse and page.blocks:
        long_blocks = [b.id for b in page.blocks if len(b.text) > limit]
        if long_blocks:
            analysis.warn(
                "block_truncated",
                f"only the first {limit:,} characters of block(s) {', '.join(long_blocks)} were analysed",
                "parse",
            )
        stopped_in = cut_to_budget(page, options.parse)
        if stopped_in is not None:
            analysis.warn(
                "page_truncated",
                f"the article is longer than {options.parse.max_article_tokens:,} words and symbols: the analysis "
                f"stops in block {stopped_in.id}, and the text after it was not analysed",
                "parse",
            )
        ctx.parsed = parse(page, ctx.nlp, options.parse)
    return run_stages(analysis, plan, ctx)
