"""The one data model every stage of the pipeline passes on.

Every span is a pair of character offsets ``[start, end)`` into ``Page.text``, the single text a page is
reduced to by its reader (for a text dump, the dump itself; for HTML, the extracted article and comments).
A consumer can therefore highlight anything the analysis found without re-reading the source.

Stages fill the lists of :class:`Analysis`; a stage not built (or switched off) leaves its list empty, so the
JSON keys are always there. Nothing in this module computes anything: it only names the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

SCHEMA_VERSION = "1.0.0"

BlockKind = Literal["headline", "paragraph", "separator"]
SourceKind = Literal[
    "publisher",
    "news_agency",
    "media",
    "government",
    "military",
    "ngo",
    "armed_group",
    "political_party",
    "organization",
    "person",
    "unnamed_person",
    "document",
    "unknown",
]
AttributionKind = Literal["direct", "indirect", "mixed", "editorial", "continuation", "framing"]
Verdict = Literal["agree", "compatible", "conflict", "unique"]
StanceBasis = Literal["cues", "phrase", "model"]

# --- vocabularies --------------------------------------------------------------------------------------
# Each fixed vocabulary is declared once, here, as a Literal (so the generated JSON Schema lists it as an enum)
# and as a tuple for code. Whatever produces, colours, labels or filters one of them reads these; tests check
# that every member has its label, colour and filter, and that nothing produces a value outside them.

#: Relations between actors (the actors stage, ``data/actors/relations.yaml``).
RelationType = Literal[
    "backs",
    "supports",
    "arms",
    "allied_with",
    "fights",
    "attacks",
    "besieges",
    "captures_from",
    "hands_over_to",
    "evacuates",
    "accuses",
]
RELATION_TYPES: tuple[str, ...] = get_args(RelationType)
#: How each relation type reads in a report ("X captures from Y") and its Okabe–Ito colour in the actor graph:
#: hostile acts vermillion, backing green, alliance blue, accusation purple, handovers orange, evacuation sky blue.
#: Colour is never the only cue (every edge is also titled with its type). A test checks every type is here.
RELATION_STYLE: dict[str, tuple[str, str]] = {
    "backs": ("backs", "#009E73"),
    "supports": ("supports", "#009E73"),
    "arms": ("arms", "#009E73"),
    "allied_with": ("is allied with", "#0072B2"),
    "fights": ("fights", "#D55E00"),
    "attacks": ("attacks", "#D55E00"),
    "besieges": ("besieges", "#D55E00"),
    "captures_from": ("captures from", "#D55E00"),
    "hands_over_to": ("hands over to", "#E69F00"),
    "evacuates": ("evacuates", "#56B4E9"),
    "accuses": ("accuses", "#CC79A7"),
}
#: Whether a relation is stated in the page's own voice, relayed from a source, or denied.
Polarity = Literal["asserted", "denied", "reported"]

#: Flags the comments stage sets on a comment (and the reader: `pingback`, a notice that another site links here).
CommentFlag = Literal[
    "toxicity",
    "severe_toxicity",
    "insult",
    "identity_attack",
    "profanity",
    "threat",
    "sarcasm",
    "sarcasm_marker",
    "correction",
    "empty",
    "language_unknown",
    "pingback",
]
COMMENT_FLAGS: tuple[str, ...] = get_args(CommentFlag)
#: The report filter each flag falls under (a test checks every flag has one).
COMMENT_FLAG_FILTERS: dict[str, str] = {
    "threat": "threats",
    "toxicity": "abuse",
    "severe_toxicity": "abuse",
    "insult": "abuse",
    "identity_attack": "abuse",
    "profanity": "abuse",
    "sarcasm": "sarcasm",
    "sarcasm_marker": "sarcasm",
    "correction": "corrections",
    "empty": "unscored",
    "language_unknown": "unscored",
    "pingback": "pingbacks",
}

#: Codes of the warnings readers and stages attach to an analysis (``PageWarning.code``).
WarningCode = Literal[
    # reading
    "invalid_utf8",
    "unparsable_html",
    "no_article",
    "non_english",
    "language_unknown",
    "no_comments",
    "comment_structure_unknown",
    "comment_style_unknown",
    "page_truncated",
    "comments_truncated",
    "date_after_comments",
    # fetching and rendering a URL
    "render_incomplete",
    "consent_dialog",
    # pipeline and stages
    "block_truncated",
    "stage_failed",
    "stages_skipped",
    "unbalanced_quotes",
    "no_sources",
    "percent_over_100",
    "no_claims",
    "one_source",
    "one_account",
    "no_actors",
    "too_many_actors",
    "comment_offsets",
    "comment_truncated",
    "comment_model_missing",
]
WARNING_CODES: tuple[str, ...] = get_args(WarningCode)

#: File suffixes of single pages: what ``rashomon analyze`` and ``rashomon batch`` read from a folder or path.
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text")
PAGE_SUFFIXES: tuple[str, ...] = HTML_SUFFIXES + TEXT_SUFFIXES


@dataclass(slots=True)
class Span:
    """A piece of the page text: ``page.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class PageWarning:
    """Something the reader or a stage wants the user to know: the result is usable but degraded.

    ``code`` is stable and machine-readable (``invalid_utf8``, ``non_english``, ``no_article``,
    ``no_comments``, ...); ``message`` is one plain sentence for a person.
    """

    code: WarningCode
    message: str
    stage: str = "read"


@dataclass(slots=True)
class Block:
    """One unit of the article: the headline, a paragraph, or a separator line (``* * *``).

    ``narrative`` is the id of the top-level account (a source) the block belongs to; the attribution stage
    fills it and the side-by-side report uses it for its columns.
    """

    id: str
    kind: BlockKind
    start: int
    end: int
    text: str
    narrative: str | None = None


@dataclass(slots=True)
class Evidence:
    """The span that made a stage raise a flag or give a score, so a person can see why."""

    label: str
    start: int
    end: int
    text: str
    weight: float | None = None


@dataclass(slots=True)
class Stance:
    """A comment's attitude toward an actor the article names. ``basis`` says how it was read: ``cues``, sentiment
    words whose grammatical target is the actor (checked by the stance head and model; ``score`` on VADER's scale);
    ``phrase``, a set phrase of praise or blame addressed to the actor ("Kudos to ..."); ``model``, the fine-tuned
    stance model's own reading of the comment where the words gave none (``score`` is P(pro) − P(anti))."""

    actor: str
    stance: Literal["pro", "anti", "neutral"]
    start: int
    end: int
    text: str
    score: float = 0.0
    basis: StanceBasis = "cues"


@dataclass(slots=True)
class Comment:
    """One reader comment. ``start``/``end`` cover its body in the page text.

    ``reply_to`` is the id of the comment answered, from explicit structure (a reply target in a dump, nesting
    in HTML) or, when the thread stage infers it, with ``reply_reason`` and ``reply_confidence`` set.
    """

    id: str
    author: str | None
    text: str
    start: int
    end: int
    verified: bool | None = None
    reply_to: str | None = None
    reply_to_author: str | None = None
    posted_at: str | None = None
    reply_reason: str | None = None
    reply_confidence: float | None = None
    language: str | None = None
    scores: dict[str, float] = field(default_factory=dict)
    flags: list[CommentFlag] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    corrects: str | None = None
    stance: list[Stance] = field(default_factory=list)


@dataclass(slots=True)
class Page:
    """What a reader makes of one page: its text, its article blocks and its comments."""

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published_at: str | None = None
    language: str | None = None
    source_format: Literal["text", "html"] = "text"
    blocks: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    warnings: list[PageWarning] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    @property
    def article_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "separator"]


@dataclass(slots=True)
class Source:
    """Someone a page relays: an agency, a ministry, an NGO, a named or unnamed person, or the publisher.

    One source per real-world speaker, merged across its mentions ("the Observatory" is the Syrian Observatory
    for Human Rights; "he" after a named speaker is that speaker).
    """

    id: str
    name: str
    kind: SourceKind = "unknown"
    role: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    is_publisher: bool = False
    #: Named only by a pronoun or a bare description ("the group", "the spokesman") that no earlier source on the
    #: page could be ("he wants ..." with no man before): the name is the pronoun or description, and who it is
    #: stays unknown.
    unresolved: bool = False


#: The id of the source of an act the text names no one for ("faced demands that she step down"): not the
#: publisher, who only reports it.
UNIDENTIFIED_SOURCE_ID = "unidentified"


@dataclass(slots=True)
class Attribution:
    """Who says what: a source, the cue that marks the speech act, and what is said.

    ``parent`` is the attribution that relays this one (the page quotes Reuters quoting the Observatory); the
    top of every chain is the publisher's own voice, a top-level narrative, or, for an act the text names no one
    for, the source "speaker not identified" (:data:`UNIDENTIFIED_SOURCE_ID`).
    """

    id: str
    source_id: str
    kind: AttributionKind
    content: Span
    source: Span | None = None
    cue: Span | None = None
    parent: str | None = None
    block_id: str | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Quantity:
    """A number a claim gives, normalized: "more than 3,000 civilians" -> low=3000, approx=more_than.

    ``value`` is the number stated (None for a range or a vague amount); ``low``/``high`` the bounds the words
    state (exact: both = value; more_than/at_least: low; less_than/at_most/almost: high; about: neither;
    range and vague: both). ``approx`` is exact | about | almost | more_than | at_least | less_than | at_most |
    range | vague | score (a score or tally, "a 7-0 lead", "a 5-4 ruling": ``low``/``high`` its two sides as
    written). Fractions are percent ("a third of" -> 33.33, unit percent); someone's age has the unit "age" ("an
    11-year-old girl"); ``noun`` is the counted noun as written, lower-cased; ``scope`` the "of ..." phrase a share
    is taken of, or the "for ..." phrase of what a sum pays for ("$1,349 for the smaller model"); ``event`` what
    happened to what is counted, as the parse tells it ("six people still missing" -> missing, "14 were killed" ->
    kill, "the death toll rose to 14" -> toll), so a count of the dead is never compared with a count of the
    missing; ``measure``
    what a figure that counts no noun is the value of ("net income fell to $141 million" -> income, "shares fell 6
    percent" -> share), so sums and percentages of one measure meet across accounts; ``part`` the word that makes
    the figure a part or an increment of a count told elsewhere ("another four", "12 more", "70 of the dead",
    "including three children", "30 seriously injured", "$5 million in cash" -> another, more, of, including,
    seriously, in cash), None for a figure that stands as a whole: a part is no rival of the whole's count.
    """

    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approx: str = "exact"
    unit: str | None = None
    noun: str | None = None
    scope: str | None = None
    vague: bool = False
    event: str | None = None
    measure: str | None = None
    part: str | None = None


@dataclass(slots=True)
class Claim:
    """An attributed proposition: what a source asserts about an event, with its numbers."""

    id: str
    source_id: str
    start: int
    end: int
    text: str
    attribution_id: str | None = None
    narrative: str | None = None
    predicate: str | None = None
    actors: list[str] = field(default_factory=list)
    place: str | None = None
    time: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    hedge: str | None = None
    #: ``negated``: the claim states its event in the negative ("did not capture") or denies it; ``denied``: a
    #: denial verb denies it ("denied that any had been captured"), a denial and not only a negative statement.
    negated: bool = False
    denied: bool = False
    #: The event frame (added with the meaning-based comparison; all optional): ``event_type`` the normalised
    #: predicate ("capture" for captured / seized / took), ``agent`` / ``patient`` the phrases doing and
    #: undergoing it, ``agent_ids`` / ``patient_ids`` the actors (ids of ``Analysis.actors``) they name, and
    #: ``checkable`` whether the sentence reports a fact or assertion (False: questions, fragments, asides).
    event_type: str | None = None
    agent: str | None = None
    patient: str | None = None
    agent_ids: list[str] = field(default_factory=list)
    patient_ids: list[str] = field(default_factory=list)
    checkable: bool = True
    #: The types of the actors the agent names (``Actor.type``: state_forces, rebel_group ...): they compare across
    #: pages, where each page's actor ids may name one man twice ("Obama", "President Obama").
    agent_types: list[str] = field(default_factory=list)


#: What one line of a group's reason tells (:class:`ReasonPart`): two claims that say one fact alike ("pair"),
#: two claims judged otherwise (a conflict, figures for another period: "verdict"), the particulars one claim
#: gives that no other account names ("adds"), or anything else the compare stage says of the group ("note").
ReasonKind = Literal["pair", "verdict", "adds", "note"]
#: How the two claims of an agreeing pair say their fact: in the same words, the same (encoder cosine at
#: ``meaning.AGREE_COSINE`` or above), the same in other words, the same fact with figures that fit together, or
#: (a number group) figures that agree.
PairHow = Literal["same words", "same", "other words", "same fact", "figures agree"]
PAIR_HOWS: tuple[str, ...] = get_args(PairHow)


@dataclass(slots=True)
class ReasonPart:
    """One line of a group's reason as data, so a report words the group without reading ``text`` back.

    ``claim_ids`` and ``names``: the claims the line is about (two for a pair or a verdict, one for "adds") and
    who says each, as ``text`` names them ("Ivo Brandt via Daily A"). ``how``: for a pair, how its claims agree.
    ``figures``: for a pair, what its figures do ("agree", "fit together"; None when it gives none that meet).
    ``evidence``: what made a pair below the anchored cosine one fact (:func:`rashomon.meaning.band_evidence`:
    "shared rare words", "same figure", ...); None for a closer pair. ``particulars``: for "adds", the
    particulars shown; ``tells_more``: there are enough of them that the claim may tell more than the others.
    """

    kind: ReasonKind
    text: str
    claim_ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    how: PairHow | None = None
    figures: str | None = None
    evidence: str | None = None
    particulars: list[str] = field(default_factory=list)
    tells_more: bool = False


@dataclass(slots=True)
class Alignment:
    """Claims from different sources about one fact, and whether they agree.

    ``verdict``: agree (same value within the stated approximation), compatible (the ranges overlap, or the
    values differ under different scopes, said in ``explanation``), conflict (incompatible values for one
    scope, two different bounds of one kind, or one source denies what another asserts), unique (one source
    or account only). ``score`` is
    the share of cross-source pairs whose ranges overlap.
    """

    id: str
    claim_ids: list[str]
    verdict: Verdict
    explanation: str
    topic: str | None = None
    score: float | None = None
    #: For a conflict: ``fact`` (values, denials, who did it) or ``framing`` (the same event told with opposed
    #: words: "withdrew" / "were defeated"); None otherwise.
    conflict_kind: str | None = None
    #: The lowest encoder cosine between claims of different accounts in the group (None: aligned by numbers).
    similarity: float | None = None
    #: The reasons of the verdict, one plain sentence each (the explanation joins them).
    reasons: list[str] = field(default_factory=list)
    #: How sure the verdict is, 0..1: how often a careful reader found verdicts of its kind right on hand-judged
    #: coverage (:data:`rashomon.meaning.VERDICT_CERTAINTY`); None where that was not measured.
    certainty: float | None = None
    #: By claim id, the particulars (figures, times, places, names) a claim gives that no claim of another
    #: account in the group names: where one account tells more than another, which an "agree" may hide.
    extra: dict[str, list[str]] = field(default_factory=dict)
    #: The lines of the group's reason as data, in the order the explanation gives them (``reasons`` word them;
    #: a number group gives them in its explanation only). Empty in analyses written before they were added.
    reason_parts: list[ReasonPart] = field(default_factory=list)
    #: A figure every account of the group gives (the same value and unit), as the first of its claims writes
    #: it: what a report names in "give the same figure, 12". None when there is none.
    figure: str | None = None
    #: By claim id, the figures a number group compares, as written ("at least six" is no figure of a row of the
    #: dead, though its claim gives both); empty for a group aligned by meaning, which compares whole claims.
    figures_compared: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Actor:
    """A party to the events: a canonical name, its aliases, an ACLED-style type and a side if the text gives one.

    ``id`` is stable across pages: the gazetteer id ("syrian_army"), or ``actor:<slug>`` / ``person:<slug>`` of
    the name for actors found from the parse. ``type``: state_forces, rebel_group, political_militia,
    identity_militia, rioters, protesters, civilians, external_forces, state, government, media, ngo,
    organization, person or unknown. ``aliases`` are the other surface forms the page uses; ``office`` is a
    person's title ("Russian President"); ``spokesperson_for`` the id of the actor a spokesperson speaks for.
    """

    id: str
    name: str
    type: str = "unknown"
    side: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    spokesperson_for: str | None = None
    office: str | None = None


@dataclass(slots=True)
class Relation:
    """One actor backs, fights, accuses ... another, as asserted by a source, with the span that says so.

    ``subject``/``object`` are actor ids. ``asserted_by`` is the id of the source whose attribution holds the
    evidence (the innermost one), else the publisher's source id (``"publisher"`` when the page has none);
    when the page's own voice hands the relation to someone inline ("the Syrian/Russian view, in which ...",
    "what rebels described as ..."), it is that side's actor id(s), joined by ``+``.
    ``polarity``: ``asserted`` in the page's own voice, ``reported`` when the page relays another source,
    ``denied`` when negated ("has not fought", "denied arming"). ``narrative`` is the account (block
    narrative) the evidence sits in, so the scorecard can show a relation one account gives and another lacks.
    """

    id: str
    type: RelationType
    subject: str
    object: str
    evidence: Span
    asserted_by: str | None = None
    polarity: Polarity = "asserted"
    narrative: str | None = None


ReferentKind = Literal["actor", "event", "thing"]


@dataclass(slots=True)
class ChosenWord:
    """A word (or phrase) one account wrote for a shared referent, with every place it wrote it.

    ``term`` is a form the account wrote (its most frequent one; ``forms`` lists them all). ``family`` and
    ``lean`` are tags from the conflict-framing lexicon, never a substitute for the written word. ``voices``
    are the sources the account relays when it uses the word (empty: the account's own voice);
    ``scare_quoted`` counts the uses set in quotation marks as one word or two.
    """

    term: str
    count: int
    forms: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    family: str | None = None
    lean: str | None = None
    voices: list[str] = field(default_factory=list)
    scare_quoted: int = 0
    shared: bool = False


@dataclass(slots=True)
class AccountWords:
    """The words one account (a narrative, or a page across pages) chose for one referent."""

    account: str
    label: str
    words: list[ChosenWord] = field(default_factory=list)


@dataclass(slots=True)
class WordChoice:
    """One thing several accounts speak of (an actor, a kind of event) and the words each chose for it.

    ``differs`` is true when some account wrote a word for it that another account did not.
    """

    id: str
    kind: ReferentKind
    referent: str
    label: str
    accounts: list[AccountWords] = field(default_factory=list)
    differs: bool = False


@dataclass(slots=True)
class Analysis:
    """Everything rashomon knows about one page. ``framing`` is keyed by narrative id."""

    page: Page
    sources: list[Source] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)
    framing: dict[str, Any] = field(default_factory=dict)
    actors: list[Actor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[PageWarning] = field(default_factory=list)
    word_choices: list[WordChoice] = field(default_factory=list)

    def warn(self, code: WarningCode, message: str, stage: str) -> None:
        self.warnings.append(PageWarning(code, message, stage))

    @property
    def publisher_id(self) -> str:
        """The id of the source that is the page's own voice (``"publisher"`` before attribution has run)."""
        return next((s.id for s in self.sources if s.is_publisher), "publisher")
