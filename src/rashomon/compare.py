"""The "compare" stage: line up what different sources say about one fact, and how each account frames it.

Alignment works on the numbers claims give (the place accounts most visibly agree or clash). Two quantities
speak of the same fact when they count the same kind of thing (a noun class of ``data/claims/topics.yaml``:
"civilians" and "people" are both *people*; "40 percent of the territory" and "more than a third of the land"
are both a *territory* share) under the same kind of event (a predicate family: "captured", "freed",
"cleared" are all *control*). Each group gets a verdict, judged only between different sources:

- **agree**: the same value within the stated approximation ("about 40 percent" / "roughly 40 percent");
- **compatible**: the ranges the words allow overlap ("more than a third" / "about 40 percent";
  "thousands" / "3,179"), or the values differ but the scopes differ too (another period, another place,
  other units counted: "six districts over the weekend" / "12 neighborhoods") and the explanation says so;
- **conflict**: the ranges cannot both hold for the same scope, or one source denies what another asserts;
- **unique**: only one source or account reports it (an omission by the others).

Counts of those known kinds are grouped here; every other fact (money, bare percentages, durations, claims
without numbers) is aligned by meaning, claim by claim, in :mod:`rashomon.meaning` (the shared encoder and the
claims' event frames), which also gates the number groups (a noun class alone is not one fact).

Every verdict carries a plain explanation listing what each source says. :func:`compare_pages` runs the same
comparison across pages (each page one account, e.g. two outlets on one event) for ``rashomon compare``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace

import numpy as np

from . import choices as choices_module
from . import framing as framing_module
from .attribution.page import voice_pieces
from .claims import CHANGES, figure_family, noun_class, source_label, topics
from .claims.numbers import (
    base_value,
    describe,
    figures_relation,
    in_base_unit,
    interval,
    relation,
    same_bound_kind,
)
from .disjoint import DisjointSets
from .encode import ClaimEncoding, claim_encoding, encode_claims
from .meaning import (
    BAND_COSINE,
    NUMBER_GROUP_COSINE,
    TokenView,
    align_claims,
    bought_apart,
    claim_vectors,
    increment_after,
    link_actors,
    negation_mark,
    other_periods,
    other_places,
    other_weekdays,
    page_similarity,
    period_of,
    related_pairs,
    rival_parts,
    shared_figure,
    token_view,
    told_earlier,
)
from .model import Alignment, Analysis, Claim, PairHow, Quantity, ReasonKind, ReasonPart
from .pipeline import StageContext, register_stage

__all__ = ["align", "compare_claims", "compare_pages", "compare_stage", "describe", "interval", "judge", "relation"]

# --- settings ------------------------------------------------------------------------------------------
#: Units that mark a period ("in the last 24 hours"), not a fact to compare.
PERIOD_UNITS = frozenset({"hour", "day", "week", "month", "year"})
#: An account's first claims (a page's headline and first sentences, the inverted pyramid's lead): where a story
#: gives the figures of its own event. Two figures that clash make a conflict only when their claims are close in
#: meaning (``BAND_COSINE``) or both lead their accounts: further down, a story gives past disasters' tolls and a
#: war's running totals.
LEAD_CLAIMS = 5


@dataclass(slots=True)
class _Item:
    """One quantity of one claim, with what it is needed to align it."""

    claim: Claim
    quantity: Quantity
    label: str  # who says it, for people: "Russian Defence Ministry via Reuters"
    account: str  # the top-level account (narrative or page) it belongs to
    unit: str
    noun_class: str
    family: str | None
    lead: bool = False  # among its account's first LEAD_CLAIMS claims


def _scope_difference(a: _Item, b: _Item, accounts: int = 2) -> str | None:
    """Why two different values may both hold: another period, place or kind of thing counted, a part beside a
    whole, a figure its own claim tells more beside ("17,000 ... and thousands more"), or, in a group of
    ``accounts`` accounts (two or more), two figures one account gives."""
    reasons = []
    if period_of(a.claim) != period_of(b.claim) or other_weekdays(a.claim, b.claim):
        reasons.append(
            f"periods differ ({a.label}: {a.claim.time or 'none given'}; {b.label}: {b.claim.time or 'none given'})"
        )
    if other_places(a.claim, b.claim):
        reasons.append(f"places differ ({a.claim.place} / {b.claim.place})")
    if earlier := told_earlier(a.claim, b.claim):
        reasons.append(f'one figure is told as an earlier count ("{earlier}")')
    noun_a, noun_b = _counted(a.quantity), _counted(b.quantity)
    if noun_a and noun_b and noun_a != noun_b and a.unit != "percent" and not _part_outnumbers_whole(a, b):
        reasons.append(f"they count different things ({a.quantity.noun} / {b.quantity.noun})")
    if a.account == b.account and accounts > 1:  # one page's two figures: mostly two things (a past toll)
        reasons.append("one account tells both")
    if bought_apart(a.quantity, b.quantity):
        reasons.append(f"they pay for different things ({a.quantity.scope} / {b.quantity.scope})")
    if not rival_parts(a.quantity, b.quantity):  # "another four people died", "70 of the dead" beside a whole
        part = a if a.quantity.part else b
        reasons.append(f"{part.label} counts a part or an increment ({_part_phrase(part.claim, part.quantity)})")
    for item, other in ((a, b), (b, a)):
        more = increment_after(item.claim, item.quantity)
        if more is not None and base_value(item.quantity) < base_value(other.quantity):
            reasons.append(f'{item.label} counts more beside its figure ("{_part_phrase(item.claim, more)}")')
    for item in (a, b):
        if item.family is None:  # joined its group by noun alone ("14,000 refugees", "home to 120,000 people")
            reasons.append(f"{item.label} does not say what befell the {item.quantity.noun or 'ones'} it counts")
    return "; ".join(reasons) or None


def _part_phrase(claim: Claim, quantity: Quantity) -> str:
    """A part's figure with its word in the order the claim writes them: "another four", "thousands more", "$5
    million in cash"."""
    before = claim.text[: max(0, quantity.start - claim.start)].rstrip().lower()
    part = quantity.part or ""
    return f"{part} {quantity.text}" if part and before.endswith(part) else f"{quantity.text} {part}".strip()


def _placed_apart(a: _Item, b: _Item) -> bool:
    """Whether two figures that do not agree are each placed by their own claims apart from the other: both
    claims name a period and the periods differ, or both name days of the week and share none ("more than 1,000 in
    September 2009" / "230,000 in 2004": two disasters, though an open bound fits any larger value), or, for
    values that cannot both hold, both name a place and the places differ ("6.1 in Korvo" / "5.6 in Tallen"). Such
    figures are two facts, not one told two ways. A claim that names no period says nothing against being the
    same ("six districts over the weekend" / "12 neighbourhoods" stay one fact, whose scopes the verdict explains);
    nor does a bound around the other's very number ("at least seven" / "seven"), nor a place beside values that
    fit (a town and its province are two names: "at least three in Orrin" / "five in Korvo")."""
    relation = figures_relation(a.quantity, b.quantity)
    if relation == "agree" or base_value(a.quantity) == base_value(b.quantity):
        return False
    return other_periods(a.claim, b.claim) or (relation == "disjoint" and other_places(a.claim, b.claim))


def _part_outnumbers_whole(a: _Item, b: _Item) -> bool:
    """Whether one figure counts some of the people the other counts all of, and more of them than that: "12
    civilians" killed cannot hold beside "nine people" killed, whatever else differs in the words."""
    generic = topics()["generic_people"]
    nouns = (a.quantity.noun or "", b.quantity.noun or "")
    if (nouns[0] in generic) == (nouns[1] in generic):
        return False
    part, whole = (b, a) if nouns[0] in generic else (a, b)
    return interval(in_base_unit(part.quantity))[0] > interval(in_base_unit(whole.quantity))[1]


def _counted(quantity: Quantity) -> str | None:
    """The counted noun, "people" for a word that names people by what befell them ("3 killed", "14 dead")."""
    return "people" if noun_class(quantity.noun) in topics()["people_states"] else quantity.noun


def _noun_class(quantity: Quantity, family: str | None = None) -> str | None:
    """The class of what a figure counts; ``people`` for a count of the dead or the hurt ("14 dead" is 14
    people killed) and for a bare count whose own event befalls people ("Thirty-seven were rescued")."""
    data = topics()
    noun = quantity.noun
    found = noun_class(noun)
    if noun is None and quantity.measure:  # "net income fell to $141 million": a value of income
        return quantity.measure
    if quantity.unit == "percent":  # a share of districts or of land is a share of territory
        return f"share of {'territory' if found == 'areas' else found or 'a whole'}"
    if found in data["people_states"]:
        return "people"
    if noun is None and quantity.unit is None and quantity.event and family in data["people_families"]:
        return "people"
    return found or noun


def _family(quantity: Quantity, claim: Claim) -> str | None:
    """The event family of a figure (:func:`rashomon.claims.figure_family`), or its own verb when the lists do
    not know it, a verb of structure too (a group of its own: "2,000 people were forced from their homes", "the
    ferry had some 240 people on board" join no count of the dead); None only for a figure no verb of its own
    tells, or "be" ("the toll was 14")."""
    own = quantity.event if quantity.event and quantity.event != "be" else None
    return figure_family(quantity, claim) or own


def _items(analysis: Analysis, claims: list[Claim], account_of=None, label_of=None) -> list[_Item]:
    items = []
    told: dict[str, int] = defaultdict(int)  # claims each account has told so far
    for claim in claims:
        account = account_of(claim) if account_of else (claim.narrative or claim.source_id)
        told[account] += 1
        for quantity in claim.quantities:
            family = _family(quantity, claim)
            if quantity.unit in PERIOD_UNITS:
                continue
            noun_class = _noun_class(quantity, family)
            if noun_class is None:
                continue
            items.append(
                _Item(
                    claim=claim,
                    quantity=quantity,
                    label=label_of(claim) if label_of else source_label(analysis, claim),
                    account=account,
                    unit=in_base_unit(quantity).unit or "count",  # hectares and acres meet
                    noun_class=noun_class,
                    family=family,
                    lead=told[account] <= LEAD_CLAIMS,
                )
            )
    return items


def _group(items: list[_Item]) -> list[list[_Item]]:
    """Group items by (unit, noun class, predicate family); items without a known family join the largest
    group of their unit and class."""
    groups: dict[tuple, list[_Item]] = defaultdict(list)
    for item in items:
        if item.family is not None:
            groups[(item.unit, item.noun_class, item.family)].append(item)
    for item in items:
        if item.family is None:
            groups[(item.unit, item.noun_class, None)].append(item)
    return [groups[k] for k in sorted(groups, key=lambda k: min(i.quantity.start for i in groups[k]))]


def _listing(group: list[_Item]) -> str:
    by_label: dict[str, list[str]] = defaultdict(list)
    for item in group:
        text = describe(item.quantity)
        if item.claim.hedge:
            text += f" ({item.claim.hedge})"
        text += negation_mark(item.claim)
        by_label[item.label].append(text)
    return "; ".join(f"{label}: {', '.join(texts)}" for label, texts in by_label.items())


def judge(
    group: list[_Item],
    account_labels: dict[str, str] | None = None,
    two_facts: Callable[[_Item, _Item, list[_Item]], str | None] | None = None,
) -> tuple[str, str, float, list[ReasonPart]]:
    """Verdict, explanation, score (share of cross-source pairs whose ranges overlap) of one group, and the
    lines of the explanation's reason as data (:class:`rashomon.model.ReasonPart`). ``two_facts``: why two
    figures of the group may tell two facts, or None (:func:`_two_facts`); two that clash then make no conflict."""
    account_labels = account_labels or {}
    parts: list[ReasonPart] = []
    listing = _listing(group)
    pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1 :] if a.label != b.label]
    accounts = {item.account for item in group}
    if not pairs:
        who = account_labels.get(next(iter(accounts)), next(iter(accounts)))
        # the figure named: a claim can sit in a fact row with the other account and, for a figure only it gives
        # ("including 900 children"), in a row of its own, which must say what that row is about
        figures = ", ".join(dict.fromkeys(describe(item.quantity) for item in group))
        text = f"only {who} gives this figure: {figures}"
        parts.append(ReasonPart(kind="note", text=text))
        return "unique", f"{listing} → unique: {text}", 1.0, parts
    notes: list[str] = []
    conflicts: list[str] = []
    agreements: list[str] = []
    overlapping = 0
    said: dict[str, ReasonPart] = {}  # each line as data, by its words

    def pair(kind: ReasonKind, text: str, a: _Item, b: _Item, how: PairHow | None = None) -> str:
        part = ReasonPart(kind=kind, text=text, claim_ids=[a.claim.id, b.claim.id], names=[a.label, b.label], how=how)
        said.setdefault(text, part)
        return text

    for a, b in pairs:
        if a.claim.negated != b.claim.negated:
            asserter, negative = (a, b) if b.claim.negated else (b, a)
            verb = "denies" if negative.claim.denied else "says is not so"
            conflicts.append(
                pair("verdict", f"{asserter.label} asserts what {negative.label} {verb}", asserter, negative)
            )
            continue
        kind = figures_relation(a.quantity, b.quantity)
        if kind == "agree":
            agreements.append(pair("pair", f"{a.label} and {b.label} agree", a, b, "figures agree"))
            overlapping += 1
        elif kind == "compatible":
            overlapping += 1
        else:
            reason = _scope_difference(a, b, len(accounts))
            if reason is None and two_facts is not None:
                reason = two_facts(a, b, group)
            shown = f"{describe(a.quantity)} / {describe(b.quantity)}"
            if reason:
                notes.append(
                    pair(
                        "verdict",
                        f"values differ ({shown}) but the scopes differ: {reason}; not counted as a conflict",
                        a,
                        b,
                    )
                )
            else:
                # two bounds of one kind ("at least five" / "at least 50") can both hold, but tell the count apart
                told = "different bounds" if same_bound_kind(a.quantity, b.quantity) else "incompatible values"
                conflicts.append(
                    pair("verdict", f"{a.label} and {b.label} give {told} for the same scope ({shown})", a, b)
                )
    if conflicts:
        verdict = "conflict"
    elif agreements and len(agreements) == len(pairs):
        verdict = "agree"
    else:
        verdict = "compatible"
    details = list(dict.fromkeys(conflicts + sorted(set(agreements)) + notes))  # a headline repeats its body
    parts += [said[text] for text in details]
    explanation = f"{listing} → {verdict}" + (f" ({'; '.join(details)})" if details else "")
    if len(accounts) == 1 and len(account_labels) > 1:
        who = account_labels.get(next(iter(accounts)), next(iter(accounts)))
        explanation += f"; only {who}'s account reports it"
        parts.append(ReasonPart(kind="note", text=f"only {who}'s account reports it"))
    return verdict, explanation, round(overlapping / len(pairs), 3), parts


def _topic(group: list[_Item]) -> str:
    first = group[0]
    family = next((i.family for i in group if i.family in topics()["predicate_families"] or i.family in CHANGES), None)
    unit = "" if first.unit in ("count", "percent") else f" ({first.unit})"
    return f"{first.noun_class}{unit}" + (f", {family}" if family else "")


def align(
    items: list[_Item],
    account_labels: dict[str, str] | None = None,
    id_prefix: str = "g",
    split: Callable[[list[_Item]], list[list[_Item]]] | None = None,
    two_facts: Callable[[_Item, _Item, list[_Item]], str | None] | None = None,
) -> list[Alignment]:
    """Alignments of the quantity items: one per group of the same fact, with its verdict.

    Only counts of a known noun class (people, fighters, dead, a share of territory ...) and values of a named
    measure ("net income fell to $141 million", "shares fell 6 percent") are grouped here; other figures (bare
    sums and percentages, durations) are compared claim by claim by meaning (:mod:`rashomon.meaning`). ``split``
    parts a group of one kind into the figures that tell one fact (:func:`_counterparts`)."""
    groups = [g for g in _group(items) if _of_grouped_kind(g[0])]
    if split is not None:
        groups = [part for group in groups for part in split(group)]
    # a measure only one account names is no fact the others leave out: they may name it otherwise ("energy
    # costs" / "energy prices"), so no "unique" row is made of it
    # nor of a figure whose verb the lists do not know ("the ferry had 240 people on board"): no fact of a kind
    families = set(topics()["predicate_families"]) | {None}
    groups = [
        g
        for g in groups
        if len({i.account for i in g}) > 1 or (g[0].noun_class != g[0].quantity.measure and g[0].family in families)
    ]
    accounts = {item.claim.id: item.account for item in items}  # a claim's account is the claim's own

    def account_of(claim: Claim) -> str:
        return accounts[claim.id]

    alignments = []
    for n, group in enumerate(groups, 1):
        verdict, explanation, score, parts = judge(group, account_labels, two_facts)
        claim_ids = list(dict.fromkeys(item.claim.id for item in group))
        alignments.append(
            Alignment(
                id=f"{id_prefix}{n}",
                claim_ids=claim_ids,
                verdict=verdict,
                explanation=explanation,
                topic=_topic(group),
                score=score,
                conflict_kind="fact" if verdict == "conflict" else None,  # figures that cannot both hold
                reason_parts=parts,
                figure=shared_figure([item.claim for item in group], account_of),
                figures_compared=_figures_compared(group),
            )
        )
    return alignments


def _figures_compared(group: list[_Item]) -> dict[str, list[str]]:
    """By claim id, the figures of a group as written, each once."""
    compared: dict[str, list[str]] = defaultdict(list)
    for item in group:
        if item.quantity.text not in compared[item.claim.id]:
            compared[item.claim.id].append(item.quantity.text)
    return dict(compared)


def _of_grouped_kind(item: _Item) -> bool:
    """Whether an item's figure is of a kind the number groups compare: a count of a known noun class, a share of
    one, or a value of a named measure."""
    known = topics()["noun_classes"]
    return (
        item.noun_class in known
        or item.noun_class.removeprefix("share of ") in known
        or item.noun_class == item.quantity.measure
    )


def _account_labels(analysis: Analysis) -> dict[str, str]:
    names = {s.id: s.name for s in analysis.sources}
    accounts = {c.narrative or c.source_id for c in analysis.claims}
    return {a: names.get(a, a) for a in accounts}


def _narrative_texts(analysis: Analysis) -> dict[str, list[tuple[int, str]]]:
    return voice_pieces(analysis)  # the publisher's sentences inside a relayed block are its own


def _claim_cosine(claims: list[Claim], vectors) -> Callable[[Claim, Claim], float]:
    """The cosine of two of ``claims`` from their encoder vectors."""
    index = {c.id: n for n, c in enumerate(claims)}
    return lambda a, b: float(vectors[index[a.id]] @ vectors[index[b.id]])


def _two_facts(cosine: Callable[[Claim, Claim], float]) -> Callable[[_Item, _Item, list[_Item]], str | None]:
    """Why two figures of a group may tell two facts, or None: their claims are neither close in meaning
    (``BAND_COSINE``) nor both in their accounts' lead (``LEAD_CLAIMS``); or, in a group of more claims, one of
    them has a closer claim in the other's account than the other (a toll told at two hours, a district's count
    beside the province's: the closest claims tell one fact, the others may tell another). A claim of the same
    account whose figure fits the other's stands for it (a headline's "31 dead" for the body's "at least 31")."""

    def closest_tells(item: _Item, other: _Item, group: list[_Item]) -> bool:
        # whether other's figure, or one its account gives that fits it, is in item's closest claim there
        there = [(cosine(item.claim, x.claim), x) for x in group if x.account == other.account]
        top = max(value for value, _ in there)
        return any(
            value >= top
            and (x.claim.id == other.claim.id or figures_relation(x.quantity, other.quantity) != "disjoint")
            for value, x in there
        )

    def reason(a: _Item, b: _Item, group: list[_Item]) -> str | None:
        if not ((a.lead and b.lead) or cosine(a.claim, b.claim) >= BAND_COSINE):
            return "the two claims may tell two events (little in common, and not both in the lead)"
        if a.account != b.account and not (closest_tells(a, b, group) and closest_tells(b, a, group)):
            return "each account tells something closer to the other's claim: the two figures may tell two facts"
        return None

    return reason


def _counterparts(group: list[_Item], cosine: Callable[[Claim, Claim], float]) -> list[list[_Item]]:
    """The figures of a group of one kind (the dead, the arrested, a share of territory) that tell one fact each.

    A story's figures of one kind are many facts: this disaster's toll and a past one's, a district's dead and the
    whole province's, the wounded of one strike and of the whole war. Two figures of two accounts tell one fact
    when each is the other's counterpart in the other account: the figure of its closest claim (ties to a figure
    that fits, then to the nearer value), at ``NUMBER_GROUP_COSINE`` or closer. A figure that is no one's mutual
    counterpart joins its own counterpart's fact only when their values fit, or when its own account gives that
    fact's figure again (a headline's "31 dead" beside the body's "at least 31 people"); else it is left out. No
    join leaves one account with two rival values in one fact. A group one account tells is kept whole (its
    figures may make a "unique" row)."""
    accounts = sorted({item.account for item in group})
    if len(accounts) < 2:
        return [group]
    groups = DisjointSets(len(group))
    root = groups.root

    def fits(a: _Item, b: _Item) -> bool:
        return figures_relation(a.quantity, b.quantity) != "disjoint"

    values = [abs(base_value(item.quantity)) for item in group]

    def rank(n: int, m: int) -> tuple:
        va, vb = values[n], values[m]
        return (
            round(cosine(group[n].claim, group[m].claim), 3),
            fits(group[n], group[m]),
            -abs(va - vb) / max(va, vb, 1e-9),
        )

    best = {
        (n, account): max((m for m, other in enumerate(group) if other.account == account), key=lambda m: rank(n, m))
        for n, item in enumerate(group)
        for account in accounts
        if account != item.account
    }
    close = {
        (n, m)
        for (n, _), m in best.items()
        if cosine(group[n].claim, group[m].claim) >= NUMBER_GROUP_COSINE and not _placed_apart(group[n], group[m])
    }

    def one_figure_each(n: int, m: int) -> bool:
        # joined, the two facts would have no account give two rival values: a chain of closest claims across
        # three accounts (a province's toll, a district's, another day's) is no one fact
        members = [k for k in range(len(group)) if root(k) in (root(n), root(m))]
        return all(
            fits(group[j], group[k]) for j in members for k in members if j < k and group[j].account == group[k].account
        )

    for n, m in sorted(close):
        if best[m, group[n].account] == n and one_figure_each(n, m):
            groups.join(n, m)
    sizes = Counter(root(n) for n in range(len(group)))
    joined = {n for n in range(len(group)) if sizes[root(n)] > 1}
    for n, m in sorted(close):
        if n in joined or m not in joined:
            continue
        # a figure that fits its counterpart, or that its own account gives again there (a headline's "31 dead"
        # and the body's "at least 31 people"), tells that fact too
        restated = (k for k in joined if root(k) == root(m) and group[k].account == group[n].account)
        if (fits(group[n], group[m]) or any(fits(group[n], group[k]) for k in restated)) and one_figure_each(n, m):
            groups.join(m, n)
    parts: dict[int, list[_Item]] = defaultdict(list)
    for n, item in enumerate(group):
        parts[root(n)].append(item)
    return [part for part in parts.values() if len({item.account for item in part}) > 1]


def compare_claims(
    claims: list[Claim],
    encoder,
    items: list[_Item],
    account_of: Callable[[Claim], str],
    label_of: Callable[[Claim], str],
    account_labels: dict[str, str],
    prefixes: tuple[str, str] = ("g", "e"),
    vectors=None,
    speaker_of: Callable[[Claim], str | None] | None = None,
    closest_only: bool = True,
    tokens: TokenView | None = None,
) -> list[Alignment]:
    """The alignments of one set of claims (one page's, or several pages' with prefixed ids): number groups
    of known kinds first, then every other fact by meaning (:func:`rashomon.meaning.align_claims`).
    ``vectors``: the claims' encoder vectors when the caller has them already; ``speaker_of``: the person whose
    words a claim relays (two people's statements are not one fact below the same-fact cosine); ``closest_only``:
    whether the loosest band evidence may pair claims (:func:`rashomon.meaning.align_claims`); ``tokens``: the
    claims' token view (:func:`rashomon.meaning.token_view`), given across pages only, where two outlets' words
    matching one by one is band evidence."""
    if vectors is None:
        vectors = claim_vectors(claims, encoder)
    cosine = _claim_cosine(claims, vectors)
    alignments = align(
        items,
        account_labels,
        id_prefix=prefixes[0],
        split=lambda group: _counterparts(group, cosine),
        two_facts=_two_facts(cosine),
    )
    # a claim the number groups hold is aligned by meaning too when it tells a figure they do not compare ("scorched
    # nearly 30,000 acres and destroyed 61 homes": the homes are a number group, the area is not)
    compared = {(item.claim.id, item.quantity.start) for item in items if _of_grouped_kind(item)}
    told_apart = {
        c.id
        for c in claims
        if any(q.unit not in PERIOD_UNITS and (c.id, q.start) not in compared for q in c.quantities)
    }
    grouped = {cid for a in alignments if a.verdict != "unique" for cid in a.claim_ids if cid not in told_apart}
    chosen = [n for n, c in enumerate(claims) if c.checkable and c.id not in grouped]
    if chosen:
        alignments += align_claims(
            [claims[n] for n in chosen],
            vectors[chosen],
            account_of,
            label_of,
            id_prefix=prefixes[1],
            speaker_of=speaker_of,
            closest_only=closest_only,
            tokens=None if tokens is None else tokens.subset(chosen),
        )
    return alignments


@register_stage(
    "compare",
    requires=("claims", "encode"),
    assigns=("alignments", "framing"),
    resources=("encoder",),
    languages=("en",),
)
def compare_stage(analysis: Analysis, ctx: StageContext) -> None:
    """Fill ``analysis.alignments`` and ``analysis.framing`` (see :func:`rashomon.framing.framing_for`) from the
    claims' vectors that the encode stage left in ``ctx`` (:mod:`rashomon.encode`).

    Claims' ``agent_ids`` / ``patient_ids`` are filled here from ``analysis.actors`` when the actors stage ran
    before (it does in the default plan)."""
    labels = _account_labels(analysis)
    link_actors(analysis.claims, analysis.actors)

    def label_of(claim: Claim) -> str:
        return source_label(analysis, claim)

    encoder = ctx.resource("encoder")
    # The encode stage's one pass over the claims serves both the alignment (their vectors) and the framing
    # head (their token vectors): the claims cover nearly all of a narrative's text, so framing encodes only
    # what is left.
    encoded = claim_encoding(analysis, ctx)
    read, encoding = encoded.read, encoded.encoding
    analysis.alignments = compare_claims(
        analysis.claims,
        encoder,
        _items(analysis, analysis.claims),
        label_of,
        label_of,
        labels,
        vectors=None if encoding is None else encoding.sentences,
        closest_only=False,  # one page's sources tell one story: each other's closest sentence is its topic
    )
    speakers = {source_label(analysis, c) for c in analysis.claims}
    if not analysis.claims:
        analysis.warn("no_claims", "no claims were found in the article: there is nothing to compare", "compare")
    elif len(speakers) == 1:
        analysis.warn(
            "one_source",
            f"every claim found comes from one source ({next(iter(speakers))}): there is nothing to compare them "
            "with; every figure is marked unique",
            "compare",
        )
    names = {s.id: s.name for s in analysis.sources}
    texts = _narrative_texts(analysis)
    spans = framing_module.encoded_spans(
        analysis.page.text, [(c.start, c.end) for c in analysis.claims], read, encoding
    )
    analysis.framing = framing_module.framing_for(texts, {nid: names.get(nid, nid) for nid in texts}, encoder, spans)
    if len(texts) <= 1 and texts:
        analysis.warn("one_account", "the article tells one account: framing has no other side to contrast", "compare")


def page_label(analysis: Analysis, index: int) -> str:
    page = analysis.page
    return page.publisher or page.title or page.url or f"page {index + 1}"


def compare_pages(analyses: list[Analysis], encoder=None, encodings: Sequence[ClaimEncoding | None] = ()) -> dict:
    """Compare accounts that are each their own page (two outlets on one event); columns per outlet.

    ``encoder``: the text encoder (default: the shipped one, loaded once per process). ``encodings``: each
    page's encode-stage result (:class:`rashomon.encode.ClaimEncoding`, from ``analyze(provided=...)``), so the
    claims are not encoded again; when one is missing or is of other claims, every page's claims are encoded
    here in one pass.

    Returns a JSON-plain dict: ``pages`` (id, label, title, url, claims), ``alignments`` (as in an analysis,
    claim ids prefixed with the page id: ``p1:c3``), ``related`` (claims of two pages on one point that no
    alignment holds, with their cosine; no verdict), ``page_pairs`` (each pair of pages: how close they are in
    what they tell, and whether they seem to tell one event), ``framing`` (keyed by page id), ``word_choices``
    (the words each outlet wrote for an actor or a kind of event two or more name, where they differ; as an
    analysis' ``word_choices`` with the page id as the account and evidence in that page's offsets:
    :func:`rashomon.choices.across_pages`) and ``warnings``.
    """
    pages, items, texts, warnings = [], [], {}, []
    event_claims: list[Claim] = []
    event_labels: dict[str, str] = {}
    speakers: dict[str, str] = {}
    if len(analyses) < 2:
        warnings.append({"code": "one_page", "message": "one page given: nothing to compare across pages"})
    labels: dict[str, str] = {}
    # framing reads every page's words in one pass, so each page's offsets are moved past the previous pages'
    bases, base = {}, 0
    for index, analysis in enumerate(analyses):
        bases[f"p{index + 1}"] = base
        base += len(analysis.page.text) + 1
    for index, analysis in enumerate(analyses):
        pid = f"p{index + 1}"
        label = page_label(analysis, index)
        if label in labels.values():
            label = f"{label} ({pid})"
        labels[pid] = label
        pages.append(
            {
                "id": pid,
                "label": label,
                "title": analysis.page.title,
                "url": analysis.page.url,
                "claims": len(analysis.claims),
            }
        )
        link_actors(analysis.claims, analysis.actors)
        prefixed = [_prefixed(claim, pid) for claim in analysis.claims]
        items.extend(
            _items(
                analysis,
                prefixed,
                account_of=lambda c, pid=pid: pid,
                label_of=lambda c, a=analysis, pid=pid, label=label: _outlet_label(a, c, pid, label),
            )
        )
        people = _people(analysis)
        for claim in prefixed:
            event_labels[claim.id] = _outlet_label(analysis, claim, pid, label)
            if claim.source_id in people:
                speakers[claim.id] = people[claim.source_id]
        event_claims.extend(prefixed)
        texts[pid] = [(bases[pid] + block.start, block.text) for block in analysis.page.article_blocks]
        if not analysis.claims:
            warnings.append({"code": "no_claims", "message": f"{label}: no claims found (was the claims stage run?)"})
    if encoder is None:
        from .encoder import load

        encoder = load()

    # one encoder pass serves the alignment (sentence vectors) and the framing head (token vectors); the pages'
    # own encode-stage passes when the caller has them
    joined = _joined_encoding(analyses, encodings)
    if joined is None:
        own = encode_claims(event_claims, encoder)
        joined = own.read, own.encoding
    read, encoding = joined
    vectors = claim_vectors(event_claims, encoder) if encoding is None else encoding.sentences
    tokens = None  # the token vectors let band pairs be read word by word (meaning.token_match)
    if encoding is not None and encoding.tokens is not None and encoding.offsets is not None:
        tokens = token_view(read, encoding.tokens, encoding.offsets)
    alignments = compare_claims(
        event_claims,
        encoder,
        items,
        _page_of,
        lambda c: event_labels[c.id],
        labels,
        prefixes=("x", "xe"),
        vectors=vectors,
        speaker_of=lambda c: speakers.get(c.id),
        tokens=tokens,
    )
    chosen = [n for n, c in enumerate(event_claims) if c.checkable]
    grouped = {cid for a in alignments if a.verdict != "unique" for cid in a.claim_ids}
    related = related_pairs([event_claims[n] for n in chosen], vectors[chosen], _page_of, grouped)
    return {
        "pages": pages,
        "alignments": [asdict(a) for a in alignments],
        "related": related,
        "page_pairs": _page_pairs(analyses, event_claims, vectors, encoder),
        "framing": _page_framing(analyses, event_claims, read, encoding, texts, labels, bases, encoder),
        "word_choices": [asdict(c) for c in _word_choices(analyses, labels, alignments, event_claims)],
        "warnings": warnings,
    }


def _word_choices(analyses: list[Analysis], labels: dict[str, str], alignments: list[Alignment], claims: list[Claim]):
    """:func:`rashomon.choices.across_pages` of the pages, actors joined as the report's actor table joins them,
    events paired inside the alignments that hold claims of two or more pages (one fact)."""
    from .claims.frames import lexicon

    pages = [choices_module.PageAccount(f"p{n + 1}", labels[f"p{n + 1}"], a) for n, a in enumerate(analyses)]
    by_id = {c.id: c for c in claims}
    facts = []
    for alignment in alignments:
        held = [by_id[i] for i in alignment.claim_ids if i in by_id]
        if alignment.verdict != "unique" and len({_page_of(c) for c in held}) >= 2:
            spans = [(_page_of(c), c.start, c.end) for c in held]
            fact = choices_module.Fact(alignment.id, (alignment.topic or "").removeprefix("event: "), spans)
            kind_of = {c.id: lexicon()["type_of"].get(c.predicate or "") for c in held}
            pages_of: dict[str, set[str]] = defaultdict(set)
            for claim in held:
                if kind_of[claim.id]:
                    pages_of[kind_of[claim.id]].add(_page_of(claim))
            # a known kind of event two or more pages tell the fact with: each outlet's verb is its word for it
            shared = {kind for kind, found in pages_of.items() if len(found) >= 2}
            for claim in held:
                if kind_of[claim.id] in shared:
                    page = _page_of(claim)
                    text = analyses[int(page[1:]) - 1].page.text
                    where = choices_module.verb_span(text, claim.start, claim.end, claim.predicate or "")
                    if where is not None:
                        fact.verbs.append((page, *where, claim.predicate or ""))
            facts.append(fact)
    return choices_module.across_pages(pages, facts)


def _joined_encoding(analyses: list[Analysis], encodings: Sequence[ClaimEncoding | None]):
    """The pages' encode-stage results joined in page order as one (read texts, Encoding), or None when one is
    missing, is not of its page's claims, or has no token vectors."""
    if len(encodings) != len(analyses) or not analyses:
        return None
    parts = []
    for analysis, found in zip(analyses, encodings, strict=True):
        if found is None or not found.matches(analysis.claims):
            return None
        if found.encoding is not None and found.encoding.tokens is None:
            return None
        parts.append(found)
    parts = [p for p in parts if p.encoding is not None]
    if not parts:
        return [], None
    first = parts[0].encoding
    encoding = replace(
        first,
        sentences=np.vstack([p.encoding.sentences for p in parts]),
        truncated=np.concatenate([p.encoding.truncated for p in parts]),
        tokens=[t for p in parts for t in p.encoding.tokens],
        offsets=[o for p in parts for o in p.encoding.offsets],
    )
    return [t for p in parts for t in p.read], encoding


def _page_pairs(analyses: list[Analysis], claims: list[Claim], vectors, encoder) -> list[dict]:
    """:func:`rashomon.meaning.page_similarity` of every pair of pages; a page without claims (a headline
    whose verbs the parser took for names) takes part through its article blocks' texts instead."""
    units = list(claims)
    rows = [vectors] if len(claims) else []
    bare = [
        (f"p{index + 1}", block)
        for index, analysis in enumerate(analyses)
        if not analysis.claims
        for block in analysis.page.article_blocks
        if block.text.strip()
    ]
    if bare:
        units += [
            Claim(id=f"{pid}:{block.id}", source_id="page", start=block.start, end=block.end, text=block.text)
            for pid, block in bare
        ]
        rows.append(claim_vectors(units[len(claims) :], encoder))
    if len(rows) == 0:
        return []
    return page_similarity(units, np.vstack(rows), _page_of)


def _page_framing(
    analyses: list[Analysis],
    claims: list[Claim],
    read: list[str],
    encoding,
    texts: dict[str, list[tuple[int, str]]],
    labels: dict[str, str],
    bases: dict[str, int],
    encoder,
) -> dict:
    """Framing per page from the token vectors of the claims' encoder pass (only the text the claims leave
    out is encoded again); ``texts`` hold offsets moved by ``bases``, and the result's offsets are moved back
    to each page's own."""
    encoded = []
    if encoding is not None and encoding.tokens is not None and encoding.offsets is not None:
        for index, analysis in enumerate(analyses):
            pid = f"p{index + 1}"
            rows = [n for n, c in enumerate(claims) if _page_of(c) == pid]
            if not rows:
                continue
            part = replace(
                encoding,
                sentences=encoding.sentences[rows],
                truncated=encoding.truncated[rows],
                tokens=[encoding.tokens[n] for n in rows],
                offsets=[encoding.offsets[n] for n in rows],
            )
            spans = [(claims[n].start, claims[n].end) for n in rows]
            for span in framing_module.encoded_spans(analysis.page.text, spans, [read[n] for n in rows], part):
                shift = bases[pid]
                encoded.append(
                    framing_module.EncodedSpan(span.start + shift, span.end + shift, span.tokens, span.offsets + shift)
                )
    result = framing_module.framing_for(texts, labels, encoder, encoded)
    return {pid: framing_module.shifted(entry, -bases.get(pid, 0)) for pid, entry in result.items()}


def _people(analysis: Analysis) -> dict[str, str]:
    """Source id -> name of the page's sources that are named people (not the publisher, not a pronoun or a
    bare description left unresolved): whose words a claim relays, for
    :func:`rashomon.meaning.different_speakers`."""
    return {s.id: s.name for s in analysis.sources if s.kind == "person" and not s.is_publisher and not s.unresolved}


def _prefixed(claim: Claim, pid: str) -> Claim:
    return replace(claim, id=f"{pid}:{claim.id}")


def _page_of(claim: Claim) -> str:
    """The page id of a claim that :func:`_prefixed` named (``p2:c7`` -> ``p2``)."""
    return claim.id.split(":", 1)[0]


def _outlet_label(analysis: Analysis, claim: Claim, pid: str, outlet: str) -> str:
    original = replace(claim, id=claim.id.split(":", 1)[1])
    speaker = source_label(analysis, original)
    publishers = {s.name for s in analysis.sources if s.is_publisher} | {"publisher", analysis.page.publisher}
    return outlet if speaker in publishers or speaker == outlet else f"{speaker} via {outlet}"
