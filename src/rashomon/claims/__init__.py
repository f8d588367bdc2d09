"""The "claims" stage: every sentence of the article that asserts, as an attributed proposition, with its numbers.

A claim is one sentence (or the part of it an attribution's content covers) with: its source (the innermost
attribution whose content holds it; otherwise the block's narrative; otherwise the publisher), its predicate
(the event verb, climbing over speech and structure verbs: "said about 40 percent ... had been freed" ->
"free"), actors (named people, organisations, groups), place and time (spaCy entities), hedges
("by some estimates") and negation, and its quantities normalized by :mod:`rashomon.claims.quantities`.
Only a sentence that asserts is a claim (:func:`rashomon.claims.frames.asserts`: a tensed main clause):
headings, list rows, questions and instructions are not, numbers or not ("Day 64", "01. Jane Doe").

Word lists live in ``data/claims/topics.yaml``; thresholds in the settings block below.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..attribution.lexicon import load as attribution_lexicon
from ..model import Analysis, Attribution, Block, Claim, Quantity
from ..pipeline import ParsedBlock, StageContext, register_stage
from ..resources import load_yaml
from . import frames
from .quantities import find_quantities

__all__ = ["claims_stage", "figure_family", "find_quantities", "noun_class", "topics", "source_label"]

# --- settings ------------------------------------------------------------------------------------------
#: Sentences with fewer tokens than this and no number are not claims (bylines, "* * *", fragments).
MIN_CLAIM_TOKENS = 4
#: An attribution holds a sentence when its content covers at least this share of the sentence's characters.
MIN_CONTENT_COVER = 0.5
#: Characters before an attribution's first word (an opening quotation mark, a space) for it to open its sentence.
SENTENCE_OPENING_SLACK = 2
#: Event types of a change in a measure, and the family of a figure that is a measure's value, not its change.
CHANGES = frozenset({"rise", "fall"})
LEVEL = "level"
#: Entity labels read as actors, places and times.
ACTOR_LABELS = ("PERSON", "ORG", "NORP")
PLACE_LABELS = ("GPE", "LOC", "FAC")
TIME_LABELS = ("DATE", "TIME")
#: Units of a body's measures, which the entity tagger may label a date ("5-foot-10"): never a claim's time.
BODY_UNITS = frozenset({"inch", "ft", "lb"})
#: The hedge of a claim that tells what would have been so (``frames.counterfactual``: "would not have signed him
#: if ...", "should have called"), before any hedge word. It asserts no deed, so only another such claim tells it
#: too.
HYPOTHETICAL = "hypothetical"
#: Words before a percentage over 100 that make it growth ("rose 150 percent"), not an impossible share.
_GROWTH = re.compile(
    r"\b(?:rose|rise[ns]?|risen|increase[sd]?|grew|grown|jump(?:ed|s)?|surged?|up|higher|more|soar(?:ed|s)?|climb(?:ed|s)?|gain(?:ed|s)?|by)\s+(?:\w+\s+){0,2}$",
    re.I,
)


def _a_measure(entity: str, quantities) -> bool:
    """Whether a date the tagger found is a height or a weight the claim gives ("5-foot-10", "180 pounds")."""
    return any(q.unit in BODY_UNITS and (q.text in entity or entity in q.text) for q in quantities)


@lru_cache(maxsize=1)
def topics() -> dict:
    """The word lists of ``data/claims/topics.yaml``, with reverse indexes for lookups."""
    data = load_yaml("claims/topics.yaml")
    data["noun_class_of"] = {}
    for name, words in data["noun_classes"].items():
        for word in words:
            data["noun_class_of"].setdefault(word, name)
    data["family_of"] = {w: name for name, words in data["predicate_families"].items() for w in words}
    data["carrier_set"] = set(data["carrier_verbs"])
    data["hedge_re"] = re.compile(
        r"\b(?:" + "|".join(re.escape(h) for h in sorted(data["hedges"], key=len, reverse=True)) + r")\b", re.I
    )
    return data


def noun_class(noun: str | None) -> str | None:
    """The class of a counted noun (``noun_classes``: "civilians" -> people), as written or without its plural s."""
    if not noun:
        return None
    classes = topics()["noun_class_of"]
    return classes.get(noun) or classes.get(noun.rstrip("s"))


def figure_family(quantity: Quantity, claim: Claim) -> str | None:
    """The kind of event a figure counts for (a ``predicate_families`` name): the one its noun names ("7 deaths",
    "40 wounded": ``people_states``; for a noun that names no state of its own, "victims", none when its own word says
    they were cared for: "treated 20 victims"); else that of its own word (``Quantity.event``: "six people still missing" ->
    missing) when it has one that is no carrier verb, None when the lists do not know that word ("2,000 were
    forced from their homes" is no count of the dead the same sentence gives); else that of its claim's predicate
    (None when unknown): "six quarters, comprising nearly half the old town, were retaken". A value of a measure
    (``Quantity.measure``: "net income fell to $141 million") is of ``rise`` or ``fall`` when it is the size of a
    change ("shares fell 6 percent"), else of ``level``."""
    data = topics()
    if quantity.measure and quantity.noun is None:
        change = frames.event_type(quantity.event)
        return change if change in CHANGES else LEVEL
    event = quantity.event
    state = data["people_states"].get(noun_class(quantity.noun))
    if state and quantity.noun in data["states_told_by_event"] and event in data["care_verbs"]:
        return None  # "she had treated 20 victims": a count of those cared for, of its own, not of the dead
    if state:
        return state
    if event and event not in data["carrier_set"]:
        return data["family_of"].get(event)
    return data["family_of"].get(claim.predicate or "")


def source_label(analysis: Analysis, claim: Claim) -> str:
    """A person-readable name for who makes a claim: "Russian Defence Ministry via Reuters"."""
    names = {s.id: s.name for s in analysis.sources}
    publishers = {s.id for s in analysis.sources if s.is_publisher} | {"publisher"}
    name = names.get(claim.source_id, claim.source_id)
    if claim.narrative and claim.narrative != claim.source_id and claim.narrative not in publishers:
        return f"{name} via {names.get(claim.narrative, claim.narrative)}"
    return name


def _holding_attribution(
    attributions: list[Attribution], start: int, end: int, anchor: int, side_acts: frozenset[int] = frozenset()
) -> Attribution | None:
    """The innermost attribution whose content holds the sentence (or at least the claim's anchor). The sentence is
    held when the attribution's content, with its own source and cue, covers most of it: "Jane Roe, who attended the
    meeting, told reporters that ..." is Jane Roe's, however long her description. ``side_acts``: the offsets of
    the sentence's participles of speech beside its main verb (:func:`_side_acts`), whose attributions cover their
    content only."""
    best = None
    for attribution in attributions:
        content = attribution.content
        overlap = min(end, content.end) - max(start, content.start)
        if overlap <= 0:
            continue
        holds_anchor = content.start <= anchor < content.end
        side_act = attribution.cue is not None and attribution.cue.start in side_acts
        if not holds_anchor and _told_cover(attribution, start, end, side_act) < MIN_CONTENT_COVER * (end - start):
            continue
        if best is None or _holds_rather(attribution, best):
            best = attribution
    return best


def _holds_rather(attribution: Attribution, best: Attribution) -> bool:
    """Whether ``attribution`` holds a sentence rather than ``best``: the inner of two nested contents (the
    ministry relayed inside the agency's words), else the first of two side by side, the sentence's main
    statement ("Rebel commanders denied that any had been captured and said forces had been pushed back": the
    denial is the claim, not the shorter statement coordinated with it)."""
    inner, outer = attribution.content, best.content
    if outer.start <= inner.start and inner.end <= outer.end:
        return inner.end - inner.start < outer.end - outer.start
    if inner.start <= outer.start and outer.end <= inner.end:
        return False
    return inner.start < outer.start


def _told_cover(attribution: Attribution, start: int, end: int, side_act: bool = False) -> int:
    """How much of the sentence ``start``-``end`` the attribution covers: its content, and its own source and cue
    too when they open the sentence ("Jane Roe, who attended the meeting, told reporters that ..."), not when the
    writer's own clause comes first ("The board raised fares, and Jane Roe told reporters that ...") nor when the
    cue is a participle beside the sentence's own deed (``side_act``: "Protesters gathered outside the court,
    calling for the judge to resign": the gathering is the writer's report, the call alone the protesters')."""
    content = attribution.content
    parts = [p for p in (content, attribution.source, attribution.cue) if p is not None]
    told_start, told_end = min(p.start for p in parts), max(p.end for p in parts)
    if side_act or told_start > start + SENTENCE_OPENING_SLACK:
        told_start, told_end = content.start, content.end
    return min(end, told_end) - max(start, told_start)


def _side_acts(sent, offset: int) -> frozenset[int]:
    """The page offsets of a sentence's participles of speech beside its main verb when that verb is no speech
    itself ("gathered outside the court, calling for ...", "visited the town, promising that ..."): an -ing form
    hung on the root as an adverbial clause, after it."""
    root = sent.root
    if root.lemma_.lower() in attribution_lexicon().all_cue_lemmas:
        return frozenset()  # "spoke to reporters, saying ...": the participle goes on with the speech
    return frozenset(offset + t.idx for t in root.children if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > root.i)


def _counts_speakers(attributions: list[Attribution], quantity: Quantity) -> bool:
    """ "Three harbour pilots who asked not to be named said ...": a number in a source's own words counts who
    speaks, not what they report; it is no figure of the claim (it would be compared with the claim's real
    figures)."""
    return any(a.source is not None and a.source.start <= quantity.start < a.source.end for a in attributions)


def event_predicate(sent, anchor_token, span_start: int, span_end: int):
    """The event verb of a claim: from the quantity (or the content's top verb between the character offsets
    ``span_start`` and ``span_end`` of the doc) up, over carrier verbs (speech or structure: "said", "amounted
    to"), else the verb a carrier reports; None when the sentence has none. ``eval/stories.py`` reads the event of
    each sentence of a lead with it."""
    carriers = topics()["carrier_set"]
    token = anchor_token
    if token is None:
        inside = [t for t in sent if span_start <= t.idx < span_end and t.pos_ in ("VERB", "AUX")]
        tops = [t for t in inside if not (span_start <= t.head.idx < span_end) or t.head == t]
        token = (tops or inside or [sent.root])[0]
    chosen = None
    for _ in range(12):
        if token.pos_ == "VERB" and token.lemma_.lower() not in carriers:
            return token
        if token.pos_ in ("VERB", "AUX") and chosen is None:
            chosen = token
            # a number under "amounted to", "comprising": the event is told in the same clause
            inside = [t for t in token.subtree if t.pos_ == "VERB" and t.lemma_.lower() not in carriers]
            if inside and anchor_token is not None:
                return min(inside, key=lambda t: abs(t.i - anchor_token.i))
        if token.head == token:
            break
        token = token.head
    # only speech or structure verbs above: the event is the verb they report ("X said militants fled")
    for candidate in sent:
        if (
            candidate.pos_ == "VERB"
            and candidate.lemma_.lower() not in carriers
            and candidate.head.lemma_.lower() in carriers
            and candidate.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "ROOT")
        ):
            return candidate
    return chosen


def _attributions_by_block(analysis: Analysis, parsed: list[ParsedBlock]) -> dict[str, list[Attribution]]:
    """Per parsed block, the attributions whose content overlaps it, in the analysis' order: each attribution
    is placed in the blocks it reaches (a bisect and a short walk), not tested against every block (a page of
    7,000 one-line paragraphs made that 49 million tests)."""
    blocks = sorted((item.block for item in parsed), key=lambda b: b.start)
    starts = [b.start for b in blocks]
    found: dict[str, list[Attribution]] = {b.id: [] for b in blocks}
    for attribution in analysis.attributions:
        content = attribution.content
        index = max(0, bisect_right(starts, content.start) - 1)
        while index < len(blocks) and blocks[index].start < content.end:
            block = blocks[index]
            if content.start < block.end and content.end > block.start:
                found[block.id].append(attribution)
            index += 1
    return found


def _claims_of_block(
    analysis: Analysis, item: ParsedBlock, counter: list[int], attributions: list[Attribution] | None = None
) -> list[Claim]:
    block: Block = item.block
    doc = item.doc
    offset = block.start
    if attributions is None:
        attributions = [a for a in analysis.attributions if a.content.start < block.end and a.content.end > block.start]
    fallback = block.narrative or analysis.publisher_id
    claims = []
    sentences = list(doc.sents)
    if block.kind == "paragraph" and frames.heading(block.text):
        return []  # a heading asserts nothing: none of its sentences is a claim
    # entities bucketed by sentence once: Span.ents rebuilds the doc's whole entity list on every call
    sentence_ents: list[list] = [[] for _ in sentences]
    sentence_starts = [sent.start for sent in sentences]
    for ent in doc.ents:
        k = bisect_right(sentence_starts, ent.start) - 1
        if k >= 0 and ent.end <= sentences[k].end:
            sentence_ents[k].append(ent)
    for sent, ents in zip(sentences, sentence_ents):
        start, end = offset + sent.start_char, offset + sent.end_char
        text = analysis.page.text[start:end]
        quantities = [
            q
            for q in find_quantities(sent.text, doc, offset=start, doc_offset=sent.start_char)
            if not _counts_speakers(attributions, q)
        ]
        if len([t for t in sent if not t.is_punct]) < MIN_CLAIM_TOKENS and not quantities:
            continue
        anchor = quantities[0].start if quantities else start
        attribution = _holding_attribution(attributions, start, end, anchor, _side_acts(sent, offset))
        reported = attribution is not None and attribution.kind not in ("editorial", "continuation")
        if not frames.asserts(sent, headline=block.kind == "headline", reported=reported):
            continue  # a heading, a list row, a question or an instruction asserts nothing
        span_start, span_end = (
            (max(start, attribution.content.start), min(end, attribution.content.end)) if attribution else (start, end)
        )
        anchor_token = None
        if quantities:
            anchor_token = next(
                (
                    t
                    for t in sent
                    if offset + t.idx >= quantities[0].start
                    and t.like_num
                    or t.lower_ in ("thousands", "hundreds", "dozens", "third", "half", "quarter", "millions")
                ),
                None,
            )
        predicate = frames.past_denial(event_predicate(sent, anchor_token, span_start - offset, span_end - offset))
        hedge = topics()["hedge_re"].search(text)
        denial = frames.denied(predicate)
        agent, patient = frames.roles(predicate)
        counter[0] += 1
        claims.append(
            Claim(
                id=f"c{counter[0]}",
                source_id=attribution.source_id if attribution else fallback,
                start=start,
                end=end,
                text=text,
                attribution_id=attribution.id if attribution else None,
                narrative=analysis.publisher_id
                if attribution is not None and attribution.kind == "editorial"
                else block.narrative,
                predicate=predicate.lemma_.lower() if predicate is not None else None,
                actors=sorted({e.text for e in ents if e.label_ in ACTOR_LABELS}),
                place=next((e.text for e in ents if e.label_ in PLACE_LABELS), None),
                time=", ".join(e.text for e in ents if e.label_ in TIME_LABELS and not _a_measure(e.text, quantities))
                or None,
                quantities=quantities,
                hedge=HYPOTHETICAL if frames.counterfactual(predicate) else hedge.group().lower() if hedge else None,
                negated=denial or frames.said_in_the_negative(predicate),
                denied=denial,
                event_type=frames.predicate_event_type(predicate),
                agent=agent[0] if agent else None,
                patient=patient[0] if patient else None,
                checkable=frames.checkable(sent, bool(quantities), predicate),
            )
        )
    return claims


def _check(analysis: Analysis, quantity: Quantity) -> None:
    number = quantity.value if quantity.value is not None else quantity.high
    if quantity.unit == "percent" and number is not None and number > 100:
        before = analysis.page.text[max(0, quantity.start - 40) : quantity.start]
        if not _GROWTH.search(before):
            analysis.warn(
                "percent_over_100",
                f"{quantity.text!r} at {quantity.start} is a share over 100 percent; kept as written, check the source",
                "claims",
            )


@register_stage("claims", requires=("attribution",), assigns=("claims",), resources=("spacy",), languages=("en",))
def claims_stage(analysis: Analysis, ctx: StageContext) -> None:
    """Fill ``analysis.claims`` from the parsed article blocks (the sentences of each attribution)."""
    counter = [0]
    by_block = _attributions_by_block(analysis, ctx.parsed)
    for item in ctx.parsed:
        analysis.claims.extend(_claims_of_block(analysis, item, counter, by_block[item.block.id]))
    for claim in analysis.claims:
        for quantity in claim.quantities:
            _check(analysis, quantity)
