"""Align claims by meaning: the same fact told by different accounts, found with the text encoder and judged
from the claims' event frames.

1. **Candidates.** Every checkable claim (:func:`rashomon.claims.frames.checkable`) is embedded once with the
   shared encoder. A pair of claims from different accounts is a candidate when their cosine reaches
   ``SAME_FACT_COSINE``, or ``ANCHORED_COSINE`` with an anchor the frames share: the event type
   ("seized" / "captured"), an actor (by actor id where the actors stage ran, else by name), the place, or a
   figure that agrees. Paraphrases often sit lower, where most same-event pairs are not one fact: from
   ``BAND_COSINE`` a pair is a candidate only when the frames give evidence (:func:`band_evidence`: the same
   event type with a shared actor, an agreeing figure that no account repeats (a repeated one is the story's
   topic, :func:`topic_figures`), one figure stated alike whatever noun counts it (:func:`same_stated_figure`), rare words of the event both use, weighted by IDF within the compared pages, or fewer such words when nothing else in either account comes near) or, across pages, when the two claims' words match one by one in the encoder's token vectors (:func:`token_match`); from
   ``LOW_BAND_COSINE``, only on rare words when a one-to-one matching of the two accounts' claims (closest pairs
   first, :func:`one_to_one`) pairs them, or on words matching one by one (``LOW_BAND_TOKEN_MATCH_SCORE``) in an
   agreement. Each
   claim keeps only its best partner in each other account (mutual best wins), so a chain of loose matches
   does not grow one group over a whole article; only pairs at ``SAME_FACT_COSINE`` join groups, closest
   first and never putting one account in a group twice (two claims of one page that both find one claim of
   another are a chain, not one fact), a looser pair stays a pair of two claims that have no closer match, or
   joins others when every two claims of the group are candidates, one claim per account
   (:func:`_closing_pairs`). Below ``SAME_FACT_COSINE``, two claims that relay two different people's words are
   never a pair (:func:`different_speakers`): two spokesmen's statements, two activists' same slogan are two
   facts. A counterfactual ("would not have placed him", hedged ``HYPOTHETICAL``) tells no deed and pairs only
   with another.
2. **Verdict** of each cross-account pair, from the frames (:func:`pair_verdict`): figures of one kind and
   unit that cannot both hold, or two spans of years ("from 1971 to 1983" / "from 1970 to 1982",
   :func:`clashing_year_spans`) → conflict of fact; one account denies the event (same event type) the other
   asserts (negation or a denial verb governing the predicate) → conflict of fact, unless the other says only
   that it may have happened ("could have been sent": compatible); opposed event types ("rose" / "fell": fact,
   "withdrew" / "were defeated": framing); different actors named as doing the same thing to the same
   patient → conflict of fact (responsibility); otherwise agree when every shared figure agrees (a pair
   judged one fact says the same; below ``AGREE_COSINE`` the reason says "in other words"), compatible when
   the figures differ but fit together.
3. A group's verdict is its worst pair's (conflict > compatible > agree), with one plain reason per pair; an
   agreement whose figures agree is compatible when one account tells more (:func:`tells_more_with_figure`).

The same engine runs on one page (accounts relayed on it) and across pages (``rashomon compare``).
Thresholds were set on development data only (``eval/compare.py``); none of that data trained anything.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from threadpoolctl import threadpool_limits

from .claims import HYPOTHETICAL, figure_family, noun_class
from .claims.frames import opposed, other_steps
from .claims.numbers import base_value, describe, figures_relation, in_base_unit
from .claims.quantities import DEGREE_ADVERBS, SUBSET_PARTS
from .disjoint import DisjointSets
from .figures import figure_key
from .model import Actor, Alignment, Claim, PairHow, Quantity, ReasonPart

# --- settings ------------------------------------------------------------------------------------------
#: Two claims of different accounts at or above this cosine are about one fact, anchors or not.
SAME_FACT_COSINE = 0.80
#: Below SAME_FACT_COSINE, a pair needs this cosine and a shared anchor (event type, actor, place, figure).
#: Set on the hand-judged BASIL groups of 20 dev triplets: 0.74 gave 0.88 about one fact, 0.78 gives 0.93.
ANCHORED_COSINE = 0.78
#: One account denies the event (same event type) another asserts: a candidate from this cosine.
DENIAL_COSINE = 0.62
#: Paraphrases of one fact often sit between this cosine and SAME_FACT_COSINE, where most pairs of sentences on
#: one event are not one fact: a pair there is a candidate only when the frames give evidence that it is one fact
#: (:func:`band_evidence`). Such a pair never makes a conflict. A claim that tells two facts ("the decision
#: follows a two-year FBI investigation" against one outlet's "investigation began two years ago" and another
#: fact) may pair with a claim that a closer pair took: the evidence then has to be the frames' or many rare
#: words, since the clear-lead kind needs each claim to be the other's closest. Issue 19's fourth round dropped
#: the one-to-one requirement here (:func:`one_to_one`): on the first 27 BASIL dev triplets, the 6 groups it adds
#: were all read one fact (dev facts 62 -> 64 of 118).
BAND_COSINE = 0.55
#: Below BAND_COSINE, down to this cosine, a pair is a candidate only on its rare words (a share of
#: ``BAND_RARE_OVERLAP``, or the trade with a clear lead) and only when a one-to-one matching of the two accounts
#: pairs them (:func:`one_to_one`: mutual best matches, or the best left once closer pairs are taken): one
#: outlet's quote cut short inside another's ("this is a debate we want to have"), a letter's words relayed in
#: part. An agreeing figure or a shared actor there names the topic, not the fact ("$447 billion jobs plan":
#: Republicans oppose it / the Senate takes up part of it), so they do not count. Set on the first 20 BASIL dev
#: triplets: from 0.47 it admits 4 pairs (at 0.48-0.55), all read one fact; lower ones were not read.
LOW_BAND_COSINE = 0.47
#: Band evidence: the share of the two claims' content words, weighted by their rarity among the claims of the
#: event (IDF within the compared pages, so words every article uses weigh nothing), that both claims use.
#: Set by reading the cross-outlet groups it adds on the first 27 BASIL dev triplets: at 0.3, 24 of 25 are one
#: fact; 0.25 adds 9 more, 7 of them one fact; 0.2 (with 0.12 from cosine 0.68) adds 68 in all, 55 one fact.
BAND_RARE_OVERLAP = 0.3
#: Band evidence, second kind: fewer rare words (``BAND_MARGIN_RARE_OVERLAP`` or more) when the two claims are
#: each other's best match by a clear margin (each claim's cosine to the other above its cosine to the runner-up
#: in the other's account): a paraphrase with few words in common ("refused to step down" / "continued his
#: refusal to step down") that nothing else in the other account comes near. The share and the margin trade:
#: share + ``BAND_MARGIN_WEIGHT`` x margin >= ``BAND_RARE_OVERLAP`` (so a share of 0.1 needs a margin of 0.08, a
#: share of 0.2 one of 0.04). Set by reading the mutual-best band pairs of the first 20 BASIL dev triplets that
#: the shared rare words alone miss: weight 2.5, 40 of 44 one fact; a flat margin of 0.08 with a share of 0.1,
#: 31 of 33; 0.06, 38 of 42; a share of 0.05 at margin 0.08, 38 of 49; without a margin, the pairs that share an
#: anchor (actor, event type) and a share of 0.1 from cosine 0.6, 48 of 66.
BAND_MARGIN_WEIGHT = 2.5
BAND_MARGIN_RARE_OVERLAP = 0.1
#: The closer a pair, the less of that evidence it needs (at SAME_FACT_COSINE it needs none): the cosine above
#: BAND_COSINE counts in the same trade, share + 2.5 x margin + ``BAND_COSINE_WEIGHT`` x (cosine - BAND_COSINE)
#: >= BAND_RARE_OVERLAP (a pair at 0.75 with a share of 0.12 needs a margin of 0.03). Issue 19's fourth round,
#: set on the mutual-best band pairs of the first 20 BASIL dev triplets the trade missed: at 0.5 it admits 18,
#: read one by one: 15 one fact (the three others: "his plan would cut Medicare by $800 billion" / "Obama has
#: cut $716 billion from Medicare", a lawyer's argument / judges agreeing with another, a party vote / the
#: candidate's call); 0.25, 10 (all one fact or unread); 0.75, 25 with 3 of the reader's fact list's "not one
#: fact" among them.
BAND_COSINE_WEIGHT = 0.5
#: Band evidence, third kind: one figure stated the same way in both claims whatever noun each counts with it
#: (:func:`same_stated_figure`: "nearly 40 harbour pilots" / "nearly 40 pilots"), in the band only. Bare
#: counts up to this many and whole numbers in ``YEARS`` are no such figure: "two senators", "in 2010" are
#: shared by many facts of one story, nor is a count whose noun was not read. Session 12: on the first 41 BASIL
#: triplets it adds one group, read one fact (+1 dev fact); without the noun condition a second one, two sentences
#: sharing only a man's age ("McCarthy, 49,"), read not one fact.
STATED_FIGURE_MIN_COUNT = 10
#: Below the band, a figure stated alike is evidence only with this many significant digits in all (396, "$141
#: million", "396-9", "2.35 percent"; not "1.6 million" or "40 percent", which many facts of a story share): two
#: outlets rarely write such a figure of two different facts.
DISTINCTIVE_FIGURE_DIGITS = 3
YEARS = (1900, 2100)
#: Two claims that clash in every one of this many figures or more, or in every one of two or more when each gives
#: this many, are two records ("212 yards, two touchdowns, 18 catches" / "348 yards, five touchdowns, 27 catches":
#: two seasons), not one fact told with a conflict.
RECORD_FIGURES = 3
#: Two figures of one unit whose counted noun one claim does not name meet only within this ratio: "$43,000" (a
#: watch) and "$750,000" (the whole sum) are two things, not one fact told twice with a clash.
UNNAMED_FIGURE_MAX_RATIO = 10.0
#: Band evidence, fourth kind: the two claims' words match one by one in the encoder's context (:func:`token_match`:
#: each token's closest token in the other claim, weighted by the token's rarity within the compared pages, the
#: harmonic mean of both directions, as BERTScore does) at this score or above, in the band only. The sentence
#: vector averages a claim's words into one point, where a paraphrase and a sentence on the same topic sit alike;
#: matching word by word keeps which words meet which. Session 15, on the cross-outlet pairs of BASIL triplets in
#: the band with a fact-list label: AUC 0.89 / 0.81 / 0.82 (dev, held out, second held out) against 0.76 / 0.67 /
#: 0.65 for the cosine. Set on dev (triplets 1-20) at 0.58; the merge took 0.60, precision first: at 0.58 the
#: judged groups about one fact fell to 0.901 and verdicts right to 0.782 (0.60: 0.906 and 0.792).
TOKEN_MATCH_SCORE = 0.60
#: Token match below the band (``LOW_BAND_COSINE`` to ``BAND_COSINE``): a pair whose words match one by one at this
#: score or above is a candidate even when a closer pair took one of its claims in the one-to-one matching
#: (:func:`one_to_one`), and the frames must call it an agreement (no figure that differs: a figure there names
#: the topic). One outlet's quotation cut short or split over two sentences in another ("this is a debate we want
#: to have" inside a longer quote) sits this low, where a sentence holding two facts has its closest partner taken
#: by the other fact. Session 16, read on the low band's pairs of the first 20 BASIL dev triplets and of triplets
#: 42-50 that no evidence admitted: at 0.54 or more 8 of 10 one fact; 0.50-0.54 about half. On the 50 triplets it
#: adds 5 groups (4 on triplets 1-41), all read one fact; at 0.52, 12 new groups and 4 lost (one right group lost
#: to a reshuffle, two new ones read not one fact).
LOW_BAND_TOKEN_MATCH_SCORE = 0.54
#: The longest span of years read as one dated period (a term of office, a war); wider "spans" are counts
#: ("between 1800 and 2000 troops").
MAX_YEAR_SPAN = 60
#: Claims of two accounts on one point (related, not one fact: "the plan cuts Medicare" / "the plan saves
#: Medicare") from this cosine, each claim's best partner in the other account only. Set on ClaimDiff dev pairs
#: for precision >= 0.90 of "related".
RELATED_COSINE = 0.43
#: Two accounts whose claims find partners this close in each other (:func:`page_similarity`) tell one event.
SAME_EVENT_COSINE = 0.45
#: How many of the smaller account's best-matched claims :func:`page_similarity` averages.
PAGE_TOP_CLAIMS = 3
#: A pair at or above this cosine says the same in nearly the same words; below it, "in other words".
AGREE_COSINE = 0.75
#: In a group of figures of one kind, a figure's counterpart in another account (the figure of its closest claim,
#: ``compare._counterparts``) is one only at this cosine or closer: a shared noun class alone would group "19
#: legislative bodies" with the dead.
NUMBER_GROUP_COSINE = 0.35
#: Two claims sharing at least this share of their words (Jaccard) give the same words: they agree.
SAME_WORDS_OVERLAP = 0.6
#: Event types too general to anchor a pair ("be", "have", "say").
WEAK_EVENT_TYPES = frozenset({"be", "have", "say", "do", "make", "get", "go", "come", "see", "know", "tell"})
#: Claim text shown in an explanation is cut to this many characters.
SHOWN_CLAIM_CHARS = 90
#: How sure a verdict is, by the kind of the group (:func:`group_kind`): the share of such groups that a careful
#: reader judged right (one fact and the right verdict), smoothed as (right + 1) / (judged + 2), on the
#: hand-judged cross-outlet groups of BASIL dev triplets 1-34 (``eval/data/basil-groups.json``); conflicts on all
#: 50 triplets. Session 13: the same words 83 of 83; other agreements 49 of 66, but 40 of 61 where a pair was
#: admitted only as each other's closest claims on few rare words (:data:`CLOSEST_ONLY`: two sentences on one
#: topic meet it too; such a group showed "agree, how sure: 75 %" before, and was right 6 of 18 times on
#: triplets 28-41); where one outlet tells ``TELLS_MORE_PARTICULARS`` or more particulars the others do not
#: name, 9 of 15, and 9 of 18 with a closest-only pair; conflicts 2 of 4. On triplets 35-41 (not used to set
#: them): 8 of 8, 11 of 12, 5 of 8, 3 of 3, 1 of 4. Session 14: a denial beside an assertion of a possibility is
#: compatible, no conflict, so conflicts are right 2 of 3; compatible verdicts (figures that fit together, one
#: account telling more of a fact whose figures agree, :func:`tells_more_with_figure`, a denial beside a
#: possibility) 3 of 3 on triplets 1-34, 3 of 3 on 35-41. Before (issue 19's fifth round, the first 20 triplets,
#: one value per verdict kind): 0.98, 0.75, 0.63, 0.5.
VERDICT_CERTAINTY = {
    "same words": 0.99,
    "agree": 0.74,
    "agree, closest only": 0.65,
    "one tells more": 0.59,
    "one tells more, closest only": 0.5,
    "conflict": 0.6,
    "compatible": 0.8,
}
#: The band evidence of two claims that are each other's closest by a clear margin but share few rare words
#: (:func:`band_evidence`): the loosest kind, which two sentences on one topic can meet.
CLOSEST_ONLY = "clearly each other's closest claim"
#: The band evidence of two claims whose words match one by one (:func:`token_match`).
TOKEN_MATCH = "their words match one by one"
#: What admits a pair that states one figure alike (:func:`same_stated_figure`).
STATED_FIGURE = "same figure stated"
#: What a reader is told of an agreement resting on :data:`CLOSEST_ONLY` evidence.
CLOSEST_ONLY_NOTE = "grouped as each other's closest sentences with few words in common: maybe one topic, not one fact"
#: Why a pair is a candidate before any band evidence is read (:func:`_candidate`): not band evidence, so not
#: stored as a :class:`~rashomon.model.ReasonPart`'s ``evidence``.
CANDIDATE_KINDS = frozenset({"close", "anchored", "denial"})
#: From this many particulars that one outlet's claim gives and no other outlet's claim of the group names
#: (:func:`extra_particulars`), an agreement not in the same words is "one tells more": less sure, maybe
#: compatible. On the judged groups of the first 20 BASIL dev triplets it marks 5 of the 12 compatible one-fact
#: groups and 16 of the 120 agreeing ones, so the verdict stays agree (compatible would make 16 right verdicts
#: wrong to fix 5). Right among the marked / the other agreements: 2 particulars 36 of 50 / 39 of 53; 3, 16 of
#: 25 / 59 of 78; 4, 8 of 12 / 67 of 91.
TELLS_MORE_PARTICULARS = 3
#: At most this many of a claim's extra particulars are named in a verdict's reason (all are in ``extra``).
SHOWN_PARTICULARS = 4

#: Words that make an assertion a possibility only ("it was possible that the photo could have been sent from his
#: account"): such a sentence does not contradict a denial of the event ("he did not send it"); both can hold.
#: "may" in lower case only ("in May" is a month).
_POSSIBILITY_WORD = re.compile(r"\b(?:may|[Mm]ight|[Cc]ould|[Pp]ossibl[ey]|[Pp]erhaps)\b")

#: A span of years as a claim states it: "from 1971 to 1983", "between 1990 and 2004", "1971-1983" (the claims stage
#: reads no year as a figure, so two outlets' spans of one term of office were never compared).
_YEAR_SPAN = re.compile(
    r"\b(?i:from|between)\s+((?:1[89]|20)\d\d)\s+(?:to|and|until|through|till)\s+((?:1[89]|20)\d\d)\b"
    r"|\b((?:1[89]|20)\d\d)\s?-\s?((?:1[89]|20)\d\d)\b"
)

#: Kinds of actor (``Actor.type``) that fight: two of them told as the doer of one attack are two accounts of who
#: did it.
ARMED_PARTIES = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces", "rioters"}
)
#: A day of the week, as a time expression names it.
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
#: Words of a time that name the day of the news and its hours ("on Tuesday", "late Friday", "yesterday afternoon",
#: "at 6:15 a.m. local time"): when, not over how long.
_DAY_OF_NEWS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight|last night|overnight|morning|afternoon"
    r"|evening|night|local time)\b|\b\d{1,2}(?::\d{2})?\s*[ap]\.\s?m\.?"
)
#: Capitalised words that name no one: a phrase's first word ("The army", "Those fighters").
_NAMELESS_CAPITALS = frozenset("the this that these those its their his her our some many several both all".split())
#: Words that name the kind of a place, not which one ("Korvo province", "the town of Tallen").
_PLACE_WORDS = frozenset("the of city town village province state region district county island capital".split())
#: Words left of a time once its day and figures are gone that name no period ("Friday to eight years" -> "to").
_TIME_FILLERS = frozenset({"on", "to", "for", "of", "a", "an", "and", "early", "late", "by", "at", "in", "the"})

#: A negation or denial word anywhere in a sentence.
_NEGATION_WORD = re.compile(r"\b(?:not|never|no|none|nobody|nothing|denied|denies|deny|denying)\b|n't\b", re.I)
#: The one an act is done to or with, right after the verb ("apologized to the fishermen", "met with the unions"):
#: a statement in the negative that names one says nothing of the act toward others (``addressee_after``).
_ADDRESSEE = r"\s+(?:to|with)\s+((?:the|his|her|their|its|those|these|a|an)\s+[\w-]+(?:\s+[\w-]+)?|[A-Z][\w-]+)"

#: Words that carry no fact of their own, left out of the rare-word overlap.
_FUNCTION_WORDS = frozenset(
    "the and but for nor yet not all any both each few more most other some such only own same than too very "
    "can will just should now also would could might must may shall had has have having was were are been being "
    "did does doing this that these those who whom whose which what when where why how its his her hers him "
    "their theirs them they she you your our ours out off over under again further then once here there about "
    "above after before below between into through during with without from upon onto said says say told added "
    "according one".split()
)

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def normalized_text(text: str) -> str:
    """The claim as the encoder reads it: one line, straight quotes and apostrophes."""
    return " ".join(text.translate(_QUOTES).split())


def claim_vectors(claims: Sequence[Claim], encoder) -> np.ndarray:
    """L2-normalised encoder vectors of the claims' texts, one row per claim."""
    if not claims:
        return np.zeros((0, 1), dtype=np.float32)
    return encoder.embed([normalized_text(c.text) for c in claims])


def link_actors(claims: Sequence[Claim], actors: Sequence[Actor]) -> None:
    """Fill each claim's ``agent_ids`` / ``patient_ids`` with the actors its agent and patient phrases name
    (by the actor's name or an alias, whole words, case-insensitive), and ``agent_types`` with their types."""
    patterns = []
    for actor in actors:
        names = sorted({actor.name, *actor.aliases}, key=len, reverse=True)
        names = [n for n in names if len(n) > 2]
        if names:
            alternation = "|".join(re.escape(n) for n in names)
            patterns.append((actor.id, re.compile(rf"\b(?:{alternation})\b", re.I)))
    types = {actor.id: actor.type for actor in actors}
    for claim in claims:
        for role in ("agent", "patient"):
            phrase = getattr(claim, role)
            ids = [aid for aid, pattern in patterns if phrase and pattern.search(phrase)]
            setattr(claim, f"{role}_ids", ids)
        claim.agent_types = sorted({types[aid] for aid in claim.agent_ids})


def _actor_keys(claim: Claim) -> set[str]:
    keys = set(claim.agent_ids) | set(claim.patient_ids)
    keys |= {name.lower() for name in claim.actors}
    return keys


def _strong_event(claim: Claim) -> str | None:
    return claim.event_type if claim.event_type and claim.event_type not in WEAK_EVENT_TYPES else None


def _unit_kind(quantity: Quantity) -> str:
    return in_base_unit(quantity).unit or "count"


def _noun_key(quantity: Quantity) -> str | None:
    noun = quantity.noun
    return (noun_class(noun) or noun.rstrip("s")) if noun else None


def figure_pairs(a: Claim, b: Claim) -> list[tuple[Quantity, Quantity, str]]:
    """The figures of two claims that measure the same kind of thing, with their relation.

    Two figures meet when their unit kinds match (durations in days, areas in hectares, money by currency,
    percent, counts), their counted nouns are of one class (or one has none while the unit is not a bare count,
    and the values are within ``UNNAMED_FIGURE_MAX_RATIO`` of each other), their measures are one where both name
    one, and what befell the counted is of one kind where both say (:func:`rashomon.claims.figure_family`:
    killed, missing, rescued ...). Among several candidates the closest values pair up, so "2.1 percent growth"
    meets "2.3 percent growth", not a tax rate.
    """
    candidates = []
    # what each figure of b is, read once for every figure of a
    read_b = [(_unit_kind(qb), _noun_key(qb), figure_family(qb, b), base_value(qb)) for qb in b.quantities]
    for i, qa in enumerate(a.quantities):
        kind_a, noun_a, family_a, va = _unit_kind(qa), _noun_key(qa), figure_family(qa, a), base_value(qa)
        for j, (qb, (kind_b, noun_b, family_b, vb)) in enumerate(zip(b.quantities, read_b, strict=True)):
            if kind_a != kind_b:
                continue
            if noun_a and noun_b and noun_a != noun_b:
                continue
            if qa.measure and qb.measure and qa.measure != qb.measure:
                continue  # net income and revenue, both in dollars
            if family_a and family_b and family_a != family_b:
                continue  # the dead and the missing of one flood: two counts, whatever their nouns
            if noun_a is None or noun_b is None:
                # a bare count ("all but 10", "in 2010") says nothing comparable without its noun, or a measure
                # both name ("a magnitude of 5.8" / "put the magnitude at 6.1")
                if _unit_kind(qa) == "count" and not (qa.measure and qa.measure == qb.measure):
                    continue
                if not _of_one_size(va, vb):
                    continue
            kind = figures_relation(qa, qb)
            if kind == "disjoint" and (not rival_parts(qa, qb) or bought_apart(qa, qb)):
                kind = "compatible"  # "another four people died" beside "24 dead": a part, no rival count
            distance = abs(va - vb) / max(abs(va), abs(vb), 1e-9)
            candidates.append((kind == "disjoint", distance, i, j, kind))
    # the fitting pairs first, closest values first, over both claims at once: "$412 million, including $350
    # million in cash" meets "$350m in cash and $62m in stock" at the $350 million, not at its first figure
    pairs, used_a, used_b = [], set(), set()
    for _, _, i, j, kind in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, a.quantities[i], b.quantities[j], kind))
    return [(qa, qb, kind) for _, qa, qb, kind in sorted(pairs, key=lambda pair: pair[0])]


def _of_one_size(va: float, vb: float) -> bool:
    """Whether two values (in their base unit) are within ``UNNAMED_FIGURE_MAX_RATIO`` of each other."""
    return max(abs(va), abs(vb)) <= UNNAMED_FIGURE_MAX_RATIO * max(min(abs(va), abs(vb)), 1e-9)


def rival_parts(qa: Quantity, qb: Quantity) -> bool:
    """Whether two figures may be rival counts as far as parts go (``Quantity.part``): two whole counts, or two
    parts of one sort ("including four children" / "among them three children", "30 seriously injured" / "20
    critically injured"). A part is no rival of a whole, and an increment ("another four", "two more") of
    nothing: it adds to a count told elsewhere."""
    return _part_sort(qa.part) == _part_sort(qb.part) != "increment"


def increment_after(claim: Claim, quantity: Quantity) -> Quantity | None:
    """An increment the claim tells after ``quantity``, of nothing else it counts ("killed 17,000 people in the
    province and thousands more abroad"): ``quantity`` is then only some of the claim's whole count."""
    for later in claim.quantities:
        if (
            later.start > quantity.start
            and _part_sort(later.part) == "increment"
            and later.noun in (None, quantity.noun)
            and later.unit == quantity.unit
            and later.event in (None, quantity.event)
        ):
            return later
    return None


#: Words of a "for ..." phrase that do not tell what was bought.
_BOUGHT_STOP = frozenset({"for", "the", "its", "their", "his", "her", "each", "every"})


def bought_apart(qa: Quantity, qb: Quantity) -> bool:
    """Whether two sums pay for two things (each a "for ..." scope, :func:`rashomon.claims.quantities.bought_with`,
    neither's words holding the other's): "$1,349 for the smaller model" / "$2,649 for the model with the faster
    chip"."""
    if not (qa.scope and qb.scope and qa.scope.startswith("for ") and qb.scope.startswith("for ")):
        return False
    words_a, words_b = _words(qa.scope) - _BOUGHT_STOP, _words(qb.scope) - _BOUGHT_STOP
    return not (words_a <= words_b or words_b <= words_a)


def _part_sort(part: str | None) -> str | None:
    if part is None:
        return None
    if part.startswith("in "):  # what a sum is paid in: cash with cash, stock with stock
        return part
    if part in SUBSET_PARTS:
        return "subset"
    return "degree" if part in DEGREE_ADVERBS else "increment"


def _figure_key(quantity: Quantity) -> tuple | None:
    """A stated figure as a key (unit kind, value, counted-noun class), or None for a range or a vague amount."""
    based = in_base_unit(quantity)
    if based.value is None:
        return None
    return (_unit_kind(quantity), round(based.value, 6), _noun_key(quantity))


def _stated_figure(quantity: Quantity) -> tuple | None:
    """A figure as it is stated, whatever noun it counts: ("stated", unit kind, value or (low, high) of a range,
    approximation), so "nearly 40 harbour pilots" and "nearly 40 pilots", "40 to 60 hours of training" and "a
    40- to 60-hour course" meet. None for a vague amount ("dozens"), a one-sided bound, a year ("in 2010") or a
    small count ("three cities", "two senators"): many facts of one story share those; nor a count whose noun
    the claims stage did not read ("McCarthy, 49,")."""
    if quantity.vague:
        return None
    based, kind = in_base_unit(quantity), _unit_kind(quantity)
    if based.value is None:
        if based.low is None or based.high is None:
            return None
        return "stated", kind, (round(based.low, 6), round(based.high, 6)), quantity.approx
    if kind == "count" and (
        quantity.noun is None  # "McCarthy, 49,": a bare count says nothing comparable without its noun
        or based.value <= STATED_FIGURE_MIN_COUNT
        or (YEARS[0] <= based.value <= YEARS[1] and float(based.value).is_integer())
    ):
        return None
    return "stated", kind, round(based.value, 6), quantity.approx


def same_stated_figure(
    a: Claim, b: Claim, topic: set[tuple] | frozenset[tuple] = frozenset(), distinctive: bool = False
) -> bool:
    """Whether two claims state one figure the same way (:func:`_stated_figure`: value, unit kind and
    approximation) whatever nouns they count it with ("all 42 members of the GOP caucus" / "all 42 Senate
    Republicans"), the figure not being one an account repeats (``topic``: :func:`topic_figures`);
    ``distinctive``: only a figure of ``DISTINCTIVE_FIGURE_DIGITS`` significant digits or more."""
    mine = {
        k
        for q in a.quantities
        if (k := _stated_figure(q)) is not None and k[:3] not in topic and (not distinctive or _distinctive(q))
    }
    return any(_stated_figure(q) in mine for q in b.quantities)


def _distinctive(quantity: Quantity) -> bool:
    """Whether a figure as written (not in its base unit: "15 years" is no 5,479 days) has
    ``DISTINCTIVE_FIGURE_DIGITS`` significant digits or more, a range's or tally's two numbers together: the
    digits left when the decimal point and the zeros at either end are dropped."""
    numbers = (quantity.value,) if quantity.value is not None else (quantity.low, quantity.high)
    digits = sum(len(f"{abs(n):.6f}".replace(".", "").strip("0")) for n in numbers if n is not None)
    return digits >= DISTINCTIVE_FIGURE_DIGITS


def topic_figures(claims: Sequence[Claim], account_of: Callable[[Claim], str]) -> set[tuple]:
    """The figures (:func:`_figure_key`, and :func:`_stated_figure` without its approximation) that one account
    gives in two or more of its claims: a figure of the story's topic ("the 100 pages of e-mails", "solvent for
    75 years"), which names what the claims are about, not which fact of it they tell."""
    claims_giving: dict[tuple, set[str]] = defaultdict(set)
    for claim in claims:
        account = account_of(claim)
        keys = {k for q in claim.quantities if (k := _figure_key(q)) is not None}
        keys |= {k[:3] for q in claim.quantities if (k := _stated_figure(q)) is not None}
        for key in keys:
            claims_giving[(key, account)].add(claim.id)
    return {key for (key, _), ids in claims_giving.items() if len(ids) >= 2}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", normalized_text(text).lower()) if len(w) > 2}


def _names_shared(a: str | None, b: str | None) -> bool:
    """Whether two phrases share a capitalised word ("Brandt" / "Brandt, who owned the warehouse"): across pages, where
    actor ids are each page's own, the same name in both is the same doer."""
    names = [
        {w for w in re.findall(r"\b[A-Z][a-z]{2,}", phrase or "") if w.lower() not in _NAMELESS_CAPITALS}
        for phrase in (a, b)
    ]
    return bool(names[0] & names[1])


def _word_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the words of two texts (a quote relayed by two outlets scores near 1)."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(len(wa | wb), 1)


class TokenView(NamedTuple):
    """Each claim's token vectors (L2-normalised rows) and each token's weight, its IDF among the claims' tokens
    (``log((n + 1) / (df + 1))``: a word piece every claim of the event holds weighs nothing)."""

    vectors: list[np.ndarray]
    weights: list[np.ndarray]

    def subset(self, rows: Sequence[int]) -> TokenView:
        return TokenView([self.vectors[n] for n in rows], [self.weights[n] for n in rows])


def token_view(texts: Sequence[str], tokens: Sequence[np.ndarray], offsets: Sequence[np.ndarray]) -> TokenView:
    """The :class:`TokenView` of claims from the encoder's token vectors and their character offsets in ``texts``
    (the texts as the encoder read them)."""
    pieces = [[text[int(s) : int(e)].lower() for s, e in found] for text, found in zip(texts, offsets, strict=True)]
    df = _document_frequency(pieces)
    n = len(pieces)
    weights = [np.array([np.log((n + 1) / (df[p] + 1)) for p in found], dtype=np.float32) for found in pieces]
    vectors = [t / np.maximum(np.linalg.norm(t, axis=1, keepdims=True), 1e-9) for t in tokens]
    return TokenView(vectors, weights)


def token_match(view: TokenView, i: int, j: int) -> float:
    """How well two claims' words match one by one (0..1): each token's closest token in the other claim, averaged
    with the tokens' weights, in both directions, and their harmonic mean (BERTScore's F with in-event IDF)."""
    a, b = view.vectors[i], view.vectors[j]
    wa, wb = view.weights[i], view.weights[j]
    if not len(a) or not len(b) or wa.sum() <= 0 or wb.sum() <= 0:
        return 0.0
    sims = a @ b.T
    precision = float((sims.max(axis=1) * wa).sum() / wa.sum())
    recall = float((sims.max(axis=0) * wb).sum() / wb.sum())
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def anchored(a: Claim, b: Claim) -> bool:
    """Whether two claims share an anchor besides their wording: event type, actor, place or an agreeing figure."""
    event_a, event_b = _strong_event(a), _strong_event(b)
    if event_a and event_a == event_b:
        return True
    if _actor_keys(a) & _actor_keys(b):
        return True
    if a.place and b.place and a.place.lower() == b.place.lower():
        return True
    return any(kind == "agree" for _, _, kind in figure_pairs(a, b))


def different_speakers(a: Claim, b: Claim, speaker_a: str | None, speaker_b: str | None) -> bool:
    """Whether two claims relay the words of two different people: both name a person as their speaker, the
    names share no word ("Barry Rand" / "A. Barry Rand" are one), neither person is named in the other claim
    (an outlet may give one man's account to the man he quotes), and the claims do not give the same words
    (``SAME_WORDS_OVERLAP``: one quotation a wrong attribution split). Two people's statements are two facts,
    however close their topic: two spokesmen's separate statements, two activists' same slogan."""
    if not speaker_a or not speaker_b:
        return False
    names_a, names_b = content_words(speaker_a), content_words(speaker_b)
    if not names_a or not names_b or names_a & names_b:
        return False
    if names_a & content_words(b.text) or names_b & content_words(a.text):
        return False
    return _word_overlap(a.text, b.text) < SAME_WORDS_OVERLAP


class PairVerdict(NamedTuple):
    """The verdict of two claims about one fact: ``verdict``, ``conflict_kind`` (conflicts only), the plain
    ``reason``, and for a pair that says its fact alike (agree, or compatible figures of one fact) ``how`` it does
    and what its ``figures`` do ("agree", "fit together"), as the reason words them; ``period_clash``: whether its
    figures clash and one claim tells of a past period beside the other's news (:func:`past_beside_news`). (A month,
    season or year beside the day of the news, :func:`period_beside_news_day`, makes no candidate pair at all.)"""

    verdict: str
    conflict_kind: str | None
    reason: str
    how: PairHow | None = None
    figures: str | None = None
    period_clash: bool = False


@lru_cache(maxsize=4096)
def year_spans(text: str) -> frozenset[tuple[int, int]]:
    """The spans of years a text states (:data:`_YEAR_SPAN`), as (first, last) years. Read once per claim text:
    :func:`pair_verdict` asks for both claims' spans at every pair a claim is in."""
    spans = set()
    for match in _YEAR_SPAN.finditer(normalized_text(text)):
        first, last = (int(g) for g in match.groups() if g is not None)
        if 0 < last - first <= MAX_YEAR_SPAN:  # "between 1800 and 2000 troops" is a count, "2001-1999" no span
            spans.add((first, last))
    return frozenset(spans)


def weekdays(claim: Claim) -> frozenset[str]:
    """The days of the week a claim's time expressions name ("Sunday afternoon", "on Thursday night")."""
    return frozenset(m.group().lower() for m in _WEEKDAY.finditer(claim.time or ""))


def period_of(claim: Claim) -> str:
    """The times of a claim that can scope a figure, lower case: its times without the day of the news ("on
    Tuesday" says when something was told or done, not over how long: "the weekend", "quarterly", "in 2012" do)
    and without the claim's own figures ("jailed for eight years", "walked at least 30 minutes a day": a duration
    the claim states is a figure to compare, not its period)."""
    figures = [w for q in claim.quantities for w in (q.text.lower(), (q.noun or "").lower()) if w]
    kept = []
    for part in (claim.time or "").split(","):
        part = " ".join(_DAY_OF_NEWS.sub(" ", part.lower()).split()).removeprefix("the ")
        rest = part
        for figure in figures:
            rest = rest.replace(figure, " ")
        if any(word not in _TIME_FILLERS for word in rest.split()):  # "the last 24 hours" is a period
            kept.append(part)
    return ", ".join(kept)


#: Words by which a claim tells its figure as one given before the latest ("the agency earlier counted 30
#: dead", "initially reported", "at first put the toll at", "early reports"): a count that may have
#: grown since. Only beside a verb of telling: "areas previously held", "an earlier attack" tell no earlier count.
_TOLD_EARLIER = re.compile(
    r"\b(?:(?:said|says|reported|told|put|gave|confirmed|estimated|counted)\s+(?:\w+\s+)?earlier"
    r"|(?:earlier|initially|at first|first)\s+(?:said|reported|told|put|gave|confirmed|estimated|counted)"
    r"|(?:initial|first|early|earlier) (?:reports?|estimates?|figures?|tolls?))\b",
    re.I,
)


def told_earlier(a: Claim, b: Claim) -> str | None:
    """The word by which one of two claims, and only one, tells its figures as given earlier ("said earlier",
    "initially"), or None: an earlier count beside a later one is no rival figure, a toll grows."""
    found = [_TOLD_EARLIER.search(claim.text) for claim in (a, b)]
    if bool(found[0]) == bool(found[1]):
        return None
    return next(match.group(0).lower() for match in found if match)


def addressee_after(claim: Claim) -> str | None:
    """The one the claim's act is done to or with, named right after its verb ("has not apologized to the
    fishermen involved" -> "the fishermen involved"), or None. "Has not apologized to the fishermen" beside "has
    apologized for the outburst" is no contradiction: the apology may have gone to others."""
    if not claim.predicate:
        return None
    stem = claim.predicate[:-1] if claim.predicate.endswith("e") else claim.predicate
    found = re.search(rf"\b(?i:{re.escape(stem)})\w*{_ADDRESSEE}", claim.text)
    return found.group(1) if found else None


def negation_mark(claim: Claim) -> str:
    """What a listing adds to a claim in the negative: " (denied)" for a denial, " (negative)" for a statement in
    the negative ("did not say when the talks would resume" denies nothing), "" otherwise."""
    if not claim.negated:
        return ""
    return " (denied)" if claim.denied else " (negative)"


def other_places(a: Claim, b: Claim) -> bool:
    """Whether both claims name a place and the two are not one place told two ways ("Korvo" / "Korvo province",
    "Tallen" / "the town of Tallen" are one; "Korvo" / "Tallen" and "Korvo" / "Central Korvo", a district of it,
    are two)."""
    if not (a.place and b.place):
        return False
    words_a, words_b = (set(re.findall(r"[a-z]+", place.lower())) - _PLACE_WORDS for place in (a.place, b.place))
    return words_a != words_b


def other_weekdays(a: Claim, b: Claim) -> bool:
    """Whether both claims name days of the week and no day is shared: two meetings, two statements."""
    days_a, days_b = weekdays(a), weekdays(b)
    return bool(days_a) and bool(days_b) and not days_a & days_b


#: A period that lies before the news: a year, "last April", "last year", "nine months ago", "the previous quarter",
#: "earlier in the day"; not "the last 24 hours" (up to now) nor "last Tuesday" (the day of the news).
_PAST_PERIOD = re.compile(
    r"\b(?:(?:19|20)\d\d|ago|previous|earlier|last (?:year|month|week|season|quarter|decade|spring|summer|autumn|"
    r"fall|winter|january|february|march|april|may|june|july|august|september|october|november|december))\b"
)
#: Words that put a period ahead ("next year", "the coming months"), and a year a claim sets as a deadline ("will
#: cut 1,200 jobs by 2030": its time reads "2030"): no past.
_AHEAD = re.compile(r"\b(?:by|until|till|through|next|coming)\b")
_YEAR_AHEAD = re.compile(r"\b(?:by|until|till|through|before)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.I)


def _set_ahead(claim: Claim, period: str) -> bool:
    """Whether a claim's period (:func:`period_of`) is put ahead ("next year", "the coming months") or set as a
    deadline ("will cut 1,200 jobs by 2030")."""
    return bool(_AHEAD.search(period) or _YEAR_AHEAD.search(claim.text))


def _told_of_the_past(claim: Claim, period: str) -> bool:
    """Whether a claim's period (:func:`period_of`) lies before the news (:data:`_PAST_PERIOD`)."""
    return bool(_PAST_PERIOD.search(period)) and not _set_ahead(claim, period)


def past_beside_news(a: Claim, b: Claim) -> bool:
    """Whether one claim places itself in a past period ("cut 1,200 jobs in 2016", "raised $150 million nine
    months ago") and the other names no period (the news: "said on Tuesday it would cut 2,400 jobs"): a figure of
    the past beside today's is no rival value."""
    periods = period_of(a), period_of(b)
    return _told_of_the_past(a, periods[0]) != _told_of_the_past(b, periods[1]) and not all(periods)


#: A period that spans more than a day, told as when something happened: a month without its day ("in February",
#: "in March 2019"; not "on February 3", "in March 3" nor "3 February"), a season ("during the winter"), a year ("in
#: 2018", "last spring"); not "Marsk's 2012 law" nor "in the 2012 shooting", which date a thing the claim names,
#: nor "since 2012", which reaches the news, nor "by late March", a deadline. Months are read capitalised: "who
#: arrive late may lose" names none. The word it names (group ``season`` or ``when``) must be of the claim's own
#: time.
_WHOLE_PERIOD = re.compile(
    r"(?<!by )\b(?:[Ii]n|[Dd]uring|[Ll]ast|[Ee]arly|[Ll]ate)\s+(?:(?:the\s+)?(?:(?:early|late|mid)[-\s])?"
    r"(?P<season>spring|summer|autumn|fall|winter)|(?:(?:early|late|mid)[-\s])?(?P<when>(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)(?!,? ?\d{1,2}\b)|(?:19|20)\d\d))\b"
)
#: Words that tell a plan or a forecast, not something that happened ("will cut 1,500 jobs in March").
_TOLD_AHEAD = re.compile(
    r"\b(?:will|would|shall|plans? to|planned to|expects? to|(?:is|are) (?:expected|set|due) to)\b"
)


def _whole_period_told(claim: Claim, period: str) -> bool:
    """Whether a claim tells a month, season or year as when it happened (:data:`_WHOLE_PERIOD`), of its own
    time (``period``: :func:`period_of`), in the past: not a plan ("will cut 1,500 jobs in March") nor a
    deadline (:func:`_set_ahead`)."""
    told = any((m.group("season") or m.group("when")).lower() in period for m in _WHOLE_PERIOD.finditer(claim.text))
    return told and not _TOLD_AHEAD.search(claim.text) and not _set_ahead(claim, period)


def period_beside_news_day(a: Claim, b: Claim) -> bool:
    """Whether one claim places itself in a month, season or year (:func:`_whole_period_told`) and names no day of
    the week, and the other names only the day of the news ("laid off 600 employees in January" / "said on
    Thursday it would lay off 1,800"; "a two-hour outage in February" / "a six-hour outage on Tuesday"): two
    occasions, not one fact told with two values."""
    for this, other in ((a, b), (b, a)):
        period = period_of(this)
        if _whole_period_told(this, period) and not weekdays(this) and weekdays(other) and not period_of(other):
            return True
    return False


def stated_scores(claim: Claim) -> set[tuple[float | None, float | None]]:
    """The scores and tallies a claim states ("voted 6-3", "a 24-17 win"), each as its two sides as written."""
    return {(q.low, q.high) for q in claim.quantities if q.approx == "score"}


def other_scores(a: Claim, b: Claim) -> bool:
    """Whether both claims state a score or tally and they share none: two votes or two games ("the council voted
    6-3 to dismiss the chief" / "voted 7-2 to hire an auditor"), however alike the words."""
    scores_a, scores_b = stated_scores(a), stated_scores(b)
    return bool(scores_a) and bool(scores_b) and not scores_a & scores_b


def other_measures(a: Claim, b: Claim) -> bool:
    """Whether both claims give figures of measures with one head, each told apart by words of its own, and share no
    measure (``Quantity.measure``): "the unemployment rate fell to 4.1 percent" / "the inflation rate fell to 3.2
    percent", "raise business prices by 9 percent" / "raise household prices by 22 percent" are two facts, however
    alike the words. A measure and the same with more words ("prices" / "household prices") may be one."""
    measures_a, measures_b = ({q.measure for q in c.quantities if q.measure} for c in (a, b))
    if measures_a & measures_b:
        return False
    return any(
        x.split()[-1] == y.split()[-1] and " " in x and " " in y and not _maybe_one_measure(x, y)
        for x in measures_a
        for y in measures_b
    )


def _maybe_one_measure(x: str, y: str) -> bool:
    """Whether the words of one measure's name are among the other's ("rate" / "unemployment rate")."""
    words_x, words_y = set(x.split()), set(y.split())
    return words_x <= words_y or words_y <= words_x


def other_periods(a: Claim, b: Claim) -> bool:
    """Whether both claims name a period (:func:`period_of`) and the periods differ, or both name days of the week
    and share none (:func:`other_weekdays`): each claim places its figures at another time."""
    periods = period_of(a), period_of(b)
    return (all(periods) and periods[0] != periods[1]) or other_weekdays(a, b)


def clashing_year_spans(a: Claim, b: Claim) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two spans of years when each claim states exactly one and they overlap but differ at both ends ("was
    mayor from 1971 to 1983" / "held the office from 1970 to 1982"): two claims of one fact that date it two ways
    cannot both be right. None when either states none or several (which span is which is not read), when they
    share an end (a change measured from another start: "from 2010 to 2019" / "between 2012 and 2019") or when
    they do not overlap (two periods, as of two people)."""
    spans_a, spans_b = year_spans(a.text), year_spans(b.text)
    if len(spans_a) != 1 or len(spans_b) != 1:
        return None
    (first_a, last_a), (first_b, last_b) = next(iter(spans_a)), next(iter(spans_b))
    if first_a == first_b or last_a == last_b or min(last_a, last_b) <= max(first_a, first_b):
        return None  # one end shared (a period of change told from another start), or two periods apart
    return (first_a, last_a), (first_b, last_b)


def pair_verdict(a: Claim, b: Claim, cosine: float, label_a: str, label_b: str) -> PairVerdict:
    """The verdict, conflict kind and plain reason (:class:`PairVerdict`) for two claims already judged to be
    about one fact."""
    figures = figure_pairs(a, b)
    clashing = [(qa, qb) for qa, qb, kind in figures if kind == "disjoint"]
    # beside an agreeing figure a clash counts only when it pairs the one figure of its kind in each claim: "eight
    # years for bribes of $2.4 million" / "eight years for $2.1 million in bribes"; or the one figure of a measure
    # both name: "20 km east of Korvo, 2 km deep (depth)" / "20 km east of it, 20 km deep"
    if any(kind == "agree" for _, _, kind in figures):
        clashing = [
            (qa, qb)
            for qa, qb in clashing
            if (_sole_of_kind(qa, a) and _sole_of_kind(qb, b)) or _sole_of_measure(qa, a, qb, b)
        ]
    many = min(len(a.quantities), len(b.quantities)) >= RECORD_FIGURES
    if len(figures) >= 2 and len(clashing) == len(figures) and (many or len(figures) >= RECORD_FIGURES):
        # one fact told twice shares most of its figures: a clash in every one is two records of one template
        return PairVerdict(
            "compatible",
            None,
            f"{label_a} and {label_b} give other values for all {len(figures)} figures they both give: two records "
            "of one kind (another game, season or year), not one fact told two ways",
        )
    # a figure a claim gives in the negative is no value it gives ("no club offered more than six years"): no clash
    if clashing and not (a.negated or b.negated):
        qa, qb = clashing[0]
        past = past_beside_news(a, b)  # a month beside the news day never gets here: no candidate pair
        if past or other_periods(a, b) or other_places(a, b) or told_earlier(a, b):
            return PairVerdict(
                "compatible",
                None,
                f"{label_a} gives {describe(qa)}, {label_b} {describe(qb)}, but for another period or place",
                period_clash=past,
            )
        return PairVerdict(
            "conflict",
            "fact",
            f"{label_a} gives {describe(qa)}, {label_b} {describe(qb)}: both cannot hold for the same fact",
        )
    years = clashing_year_spans(a, b)
    if years is not None:
        (a_first, a_last), (b_first, b_last) = years
        return PairVerdict(
            "conflict",
            "fact",
            f"{label_a} gives {a_first} to {a_last}, {label_b} {b_first} to {b_last}: both cannot hold for the same fact",
        )
    same_event = a.event_type and a.event_type == b.event_type
    # when the asserting sentence holds a negation too ("many speculated that X ..., but Y said that was never
    # the case"), which way it leans is not read from the frame: no conflict is claimed
    asserted = normalized_text((b if a.negated else a).text)
    if a.negated != b.negated and same_event and not _NEGATION_WORD.search(asserted):
        (denier, negative), asserter = ((label_b, b), label_a) if b.negated else ((label_a, a), label_b)
        if _POSSIBILITY_WORD.search(asserted):
            says = "denies it" if negative.denied else "says it is not so"
            return PairVerdict("compatible", None, f"{denier} {says}; {asserter} says only that it may have happened")
        addressee = addressee_after(negative)
        if addressee is not None and addressee_after(b if a.negated else a) is None:
            says = "denies it" if negative.denied else "says it did not happen"
            return PairVerdict(
                "compatible",
                None,
                f"{denier} {says} toward {addressee}; {asserter} does not say toward whom: both may hold",
            )
        says = "denies" if negative.denied else "says the opposite of"
        return PairVerdict("conflict", "fact", f"{denier} {says} what {asserter} asserts")
    kind = opposed(a.event_type, b.event_type)
    if kind:
        return PairVerdict(
            "conflict",
            kind,
            f"{label_a} says {a.predicate}, {label_b} says {b.predicate}"
            + (": they cannot both hold" if kind == "fact" else ": one event told with opposed words"),
        )
    if same_event and (
        (
            cosine >= SAME_FACT_COSINE
            and a.agent_ids
            and b.agent_ids
            and not set(a.agent_ids) & set(b.agent_ids)
            and set(a.patient_ids) & set(b.patient_ids)
            and not _names_shared(a.agent, b.agent)  # ids are each page's own: one man may have two
        )
        or opposed_doers(a, b)
    ):
        return PairVerdict(
            "conflict",
            "fact",
            f"{label_a} names {a.agent} as doing it, {label_b} names {b.agent}: who is responsible differs",
        )
    unmet = None if figures else _unmet_figures(a, b)
    if unmet is not None:
        # "raised its lending rate to 5.25 percent" / "the deposit rate stood at 4.75 percent": figures that differ and
        # meet nowhere (other measures, or one sum converted two ways) are no agreement, nor read as a conflict
        return PairVerdict(
            "compatible",
            None,
            f"{label_a} and {label_b} may tell one fact; their figures differ ({describe(unmet[0])} / "
            f"{describe(unmet[1])}) and are not read as values of one thing",
            "same fact",
        )
    if _word_overlap(a.text, b.text) >= SAME_WORDS_OVERLAP and all(kind == "agree" for _, _, kind in figures):
        return PairVerdict("agree", None, f"{label_a} and {label_b} give the same words", "same words")
    if all(kind == "agree" for _, _, kind in figures):
        shared = "; the figures agree" if figures else ""
        close = cosine >= AGREE_COSINE
        words = "" if close else " in other words"
        return PairVerdict(
            "agree",
            None,
            f"{label_a} and {label_b} say the same{words}{shared}",
            "same" if close else "other words",
            "agree" if figures else None,
        )
    return PairVerdict(
        "compatible",
        None,
        f"{label_a} and {label_b} tell the same fact; the figures they give fit together",
        "same fact",
        "fit together",
    )


def _unmet_figures(a: Claim, b: Claim) -> tuple[Quantity, Quantity] | None:
    """Two figures, one of each claim, in one unit that is no bare count (percent, a currency, a duration ...), of
    one size (within ``UNNAMED_FIGURE_MAX_RATIO``: a $38,000 watch is no rival of $600,000 spent) and with values
    that differ, when no figure of the one met a figure of the other (:func:`figure_pairs` found none): the first
    such two, or None. Two figures of one value ("five years" / "five years") are never named so, nor two of
    measures one of which names the other with more words ("the rate" / "the unemployment rate")."""
    for qa in a.quantities:
        kind = _unit_kind(qa)
        if kind == "count":
            continue
        for qb in b.quantities:
            if (
                _unit_kind(qb) == kind
                and _of_one_size(base_value(qa), base_value(qb))
                and figures_relation(qa, qb) == "disjoint"
                and not (qa.measure and qb.measure and _maybe_one_measure(qa.measure, qb.measure))
            ):
                return qa, qb
    return None


def _sole_of_kind(quantity: Quantity, claim: Claim) -> bool:
    """Whether ``quantity`` is its claim's only figure of its unit kind (money, percent, a duration, a count)."""
    kind = _unit_kind(quantity)
    return sum(_unit_kind(q) == kind for q in claim.quantities) == 1


def _sole_of_measure(qa: Quantity, a: Claim, qb: Quantity, b: Claim) -> bool:
    """Whether two figures name one measure ("depth", "net income") and each is its claim's only figure of it."""
    measure = qa.measure
    return (
        bool(measure)
        and measure == qb.measure
        and all(sum(q.measure == measure for q in claim.quantities) == 1 for claim in (a, b))
    )


def opposed_doers(a: Claim, b: Claim) -> bool:
    """Whether two claims of one event name doers of opposed kinds (``ARMED_PARTIES``: "Government forces
    shelled the village" / "Rebel fighters shelled the village") for one target, the same actor or the same words:
    who did it conflicts, whatever ids each page gave its actors."""
    types_a, types_b = set(a.agent_types), set(b.agent_types)
    if not types_a or not types_b or types_a & types_b or not (types_a | types_b) <= ARMED_PARTIES:
        return False
    if set(a.patient_ids) & set(b.patient_ids):
        return True
    return bool(a.patient) and normalized_text(a.patient or "").lower() == normalized_text(b.patient or "").lower()


def shared_figure(claims: Sequence[Claim], account_of: Callable[[Claim], str]) -> str | None:
    """A figure every account of two or more gives (:func:`rashomon.figures.figure_key`: the same value and
    unit, else the same words), as the first claim to give it writes it: what a report names in "give the same
    figure, 12" or "the figures agree (12)"."""
    accounts = {account_of(c) for c in claims}
    if len(accounts) < 2:
        return None
    by_key: dict[str, tuple[str, set[str]]] = {}
    for claim in claims:
        for quantity in claim.quantities:
            if quantity.text:
                key = figure_key(quantity.value, quantity.unit, quantity.text)
                by_key.setdefault(key, (quantity.text, set()))[1].add(account_of(claim))
    return next((text for text, seen in by_key.values() if seen == accounts), None)


def group_kind(verdict: str, same_words: bool, extra: dict[str, list[str]], closest_only: bool = False) -> str:
    """The kind of a judged group that :data:`VERDICT_CERTAINTY` is measured by: the verdict itself unless it is
    an agreement; then "same words" (every pair of outlets gives the same words), "one tells more" (a claim
    gives ``TELLS_MORE_PARTICULARS`` or more particulars the other outlets' claims do not name) or "agree";
    either of the last two "..., closest only" when a pair of the group was admitted only as each other's
    closest claims on few rare words (``closest_only``: :data:`CLOSEST_ONLY`, the loosest evidence)."""
    if verdict != "agree":
        return verdict
    if same_words:
        return "same words"
    kind = "one tells more" if any(len(found) >= TELLS_MORE_PARTICULARS for found in extra.values()) else "agree"
    return f"{kind}, closest only" if closest_only else kind


def tells_more_with_figure(
    judged: Sequence[PairVerdict], extra: dict[str, list[str]], claims: Sequence[Claim], members: Sequence[int]
) -> bool:
    """Whether an agreement is compatible because one account tells more of a fact that one figure pins down:
    a pair's figures agree ("$4 billion" in both), and either one claim alone gives particulars that no other
    account's claim names (``extra``: :func:`extra_particulars`), or a claim gives a further figure of its own
    ("to spend $4 billion to keep 15,000 cops on the streets" / "to commit $4 billion to hiring more police").

    The agreeing figure is the plain evidence that the claims tell one fact, so what one adds is more of it, not
    another fact; without it, particulars only one side gives are as common in agreements (issue 19's fifth
    round: 3 or more of them marked 5 of 12 compatible groups and 16 of 120 agreements on the first 20 BASIL
    triplets). Session 14, on the judged groups of those 20: 2 agreements turned compatible, both read
    compatible, none of the 120 agreements touched."""
    if not any(p.figures == "agree" for p in judged):
        return False
    if len(extra) == 1:
        return True
    texts = {claims[k].id: {q.text for q in claims[k].quantities} for k in members}
    return any(p in texts.get(cid, ()) for cid, found in extra.items() for p in found)


#: A run of capitalised words ("Kansas City", "Department of Health"), a name the claim gives.
_NAME_RUN = re.compile(r"\b[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*)*")


def particulars(claim: Claim) -> list[str]:
    """The particulars a claim gives of its fact: its figures, times and place as the claims stage read them,
    the actors it names, and the capitalised names in its text past the sentence start ("in Norwalk", "on
    Tuesday", "Paris Island")."""
    found = [q.text for q in claim.quantities if q.text]
    found += [part.strip() for part in (claim.time or "").split(",") if part.strip()]
    found += [part.strip() for part in (claim.place or "").split(",") if part.strip()]
    found += list(claim.actors)
    text = normalized_text(claim.text)
    for match in _NAME_RUN.finditer(text):
        before = text[: match.start()].rstrip()
        if before and before[-1] not in ".!?\"'":
            found.append(match.group().rstrip(".'"))
    shown: dict[str, str] = {}
    for particular in found:
        # "the George Washington Bridge" and "George Washington Bridge", "Mr. Bauer" and "Bauer" are one
        particular = re.sub(r"^the\s+|'s?$", "", particular.strip(), flags=re.I).strip()
        if particular.isupper() and text.startswith(particular):
            continue  # a dateline ("WASHINGTON —") tells where the outlet filed, not a particular of the fact
        shown.setdefault(" ".join(sorted(content_words(particular))) or particular.lower(), particular)
    # "Ilse Varga" inside "Governor Ilse Varga": the longer name stands for both
    keys = {key: set(key.split()) for key in shown}
    return [p for key, p in shown.items() if not any(keys[key] < words for words in keys.values())]


def extra_particulars(claim: Claim, others: Sequence[Claim]) -> list[str]:
    """The particulars of ``claim`` (:func:`particulars`) that none of ``others`` names: one account telling more
    of a fact than another (a date, a place, a figure, who else took part), which an "agree" verdict hides.

    A particular counts as named when one of its words is in the other claim ("Blumenthal" for "Mr. Blumenthal";
    "the Times" for "the New York Times"), a figure only when all of its words are ("14,000 followers") or when the
    other claim gives the same figure in other words ("one-in-three" beside "1 in 3", "a third") or in another unit
    of its kind (:func:`_converted_alike`)."""
    named: set[str] = set()
    for other in others:
        named |= content_words(other.text)
    figures = {_figure(q) for other in others for q in other.quantities} - {None}
    theirs = [q for other in others for q in other.quantities if q.unit]
    same_figure = {
        q.text for q in claim.quantities if q.text and (_figure(q) in figures or _converted_alike(q, theirs))
    }
    extra = []
    for particular in particulars(claim):
        words = content_words(particular)
        if not words or particular in same_figure:
            continue
        has_figure = any(ch.isdigit() for ch in particular)
        if (words <= named) if has_figure else bool(words & named):
            continue
        extra.append(particular)
    return extra


def _converted_alike(quantity: Quantity, others: Sequence[Quantity]) -> bool:
    """Whether one of ``others`` gives ``quantity`` in another unit of its kind, rounded alike ("about 85 miles" /
    "some 135 kilometres", "75 mph" / "120 km/h"): the same figure, no particular of its own."""
    if not quantity.unit:
        return False
    kind = in_base_unit(quantity).unit
    return any(
        other.unit != quantity.unit
        and in_base_unit(other).unit == kind
        and figures_relation(quantity, other) == "agree"
        for other in others
    )


def _figure(quantity: Quantity) -> tuple[float, str | None] | None:
    """A quantity's stated value and unit, however it is written ("1 in 3" and "one-in-three" are 33.33 percent)."""
    if quantity.value is None:
        return None
    return round(quantity.value, 2), quantity.unit


#: A word or a number with its separators ("750,000", "2.1"): split at the comma, every figure in thousands
#: shared the word "000" with every other, which named "$38,000" inside a claim that gives "$600,000".
_CONTENT_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")


def content_words(text: str) -> set[str]:
    """The content words of a claim: lower-case, three letters or more, function words and speech verbs left
    out, a plural's "s" cut ("bishops" and "bishop" are one word), a number whole ("750,000")."""
    words = set()
    for word in _CONTENT_WORD.findall(normalized_text(text).lower()):
        if len(word) < 3 or word in _FUNCTION_WORDS:
            continue
        words.add(word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word)
    return words


def _document_frequency(documents: Sequence[Iterable[str]]) -> Counter[str]:
    """In how many of ``documents`` each word occurs."""
    return Counter(word for words in documents for word in set(words))


def event_idf(claims: Sequence[Claim]) -> tuple[list[set[str]], dict[str, float]]:
    """Each claim's content words, and each word's IDF among these claims (``log(n / df)``): a word that most
    claims of the event use (the event's topic: "Santorum", "theology") weighs little, a word only the claims of
    one fact share weighs much."""
    words = [content_words(c.text) for c in claims]
    df = _document_frequency(words)
    n = max(len(claims), 1)
    return words, {word: float(np.log(n / count)) for word, count in df.items()}


def rare_overlap(words_a: set[str], words_b: set[str], idf: dict[str, float]) -> float:
    """The IDF-weighted share of the words of two claims that both use (weighted Jaccard), 0..1."""
    union = sum(idf.get(w, 0.0) for w in words_a | words_b)
    return sum(idf.get(w, 0.0) for w in words_a & words_b) / union if union > 0 else 0.0


def band_evidence(
    a: Claim,
    b: Claim,
    overlap: float,
    margin: float = 0.0,
    words_only: bool = False,
    cosine: float = 0.0,
    topic: set[tuple] | frozenset[tuple] = frozenset(),
) -> str | None:
    """Why two claims whose cosine is in the band (``BAND_COSINE`` to ``SAME_FACT_COSINE``, not anchored) are
    one fact, or None: the same event type with a shared agent or patient actor, an agreeing figure of one
    kind, one figure stated alike whatever noun counts it (:func:`same_stated_figure`), rare words of the event that both use (``overlap``: :func:`rare_overlap`, at ``BAND_RARE_OVERLAP`` or
    above), or fewer rare words (``BAND_MARGIN_RARE_OVERLAP`` or more) when each claim is the other's best match
    by a clear margin (``margin``: the smaller lead of the pair's cosine over each claim's runner-up in the other
    account; share + ``BAND_MARGIN_WEIGHT`` x margin + ``BAND_COSINE_WEIGHT`` x the pair's ``cosine`` above
    ``BAND_COSINE`` must reach ``BAND_RARE_OVERLAP``). ``words_only``: the rare words alone count (below
    ``BAND_COSINE``, where a shared actor or figure names the topic, not the fact). ``topic``: figures that
    name the story's topic (:func:`topic_figures`), no evidence anywhere. Issue 19's sixth round: on the first
    20 BASIL dev triplets this drops one agreement that was not one fact ("solvent for 75 years": a report and a
    senator) and no dev fact; on triplets 35-41 (not used to set it) it trades one right group for another and
    finds one more held-out fact."""
    event = _strong_event(a)
    if not words_only and event is not None and event == _strong_event(b):
        roles_a = set(a.agent_ids) | set(a.patient_ids)
        if roles_a & (set(b.agent_ids) | set(b.patient_ids)):
            return "same event and actor"
    if not words_only and any(kind == "agree" and _figure_key(qa) not in topic for qa, _, kind in figure_pairs(a, b)):
        return "same figure"
    if same_stated_figure(a, b, topic, distinctive=words_only):
        return STATED_FIGURE
    if overlap >= BAND_RARE_OVERLAP:
        return "shared rare words"
    closeness = BAND_COSINE_WEIGHT * max(cosine - BAND_COSINE, 0.0)
    if (
        overlap >= BAND_MARGIN_RARE_OVERLAP
        and margin > 0
        and overlap + BAND_MARGIN_WEIGHT * margin + closeness >= BAND_RARE_OVERLAP
    ):
        return CLOSEST_ONLY
    return None


def _candidate(a: Claim, b: Claim, cosine: float) -> str | None:
    """Why two claims of different accounts are a candidate pair before any band evidence is read, or None:
    "close" (at ``SAME_FACT_COSINE``), "anchored" or "denial"."""
    if cosine >= SAME_FACT_COSINE:
        return "close"
    if cosine >= ANCHORED_COSINE and anchored(a, b):
        return "anchored"
    # a denial words the event otherwise ("denied that it had arrested"): same event, opposite polarity
    event = _strong_event(a)
    if cosine >= DENIAL_COSINE and a.negated != b.negated and event is not None and event == _strong_event(b):
        return "denial"
    return None


def _account_codes(claims: Sequence[Claim], account_of: Callable[[Claim], str]) -> tuple[np.ndarray, list[str]]:
    """Each claim's account as a small integer (accounts in sorted order), and the accounts' names."""
    names = [account_of(c) for c in claims]
    order = sorted(set(names))
    code = {name: k for k, name in enumerate(order)}
    return np.array([code[name] for name in names], dtype=np.int64), order


def _nearest_per_account(sims: np.ndarray, codes: np.ndarray, accounts: int) -> np.ndarray:
    """(claims, accounts): each claim's closest claim in every account (itself in its own)."""
    nearest = np.zeros((len(codes), accounts), dtype=np.int64)
    for k in range(accounts):
        members = np.nonzero(codes == k)[0]
        nearest[:, k] = members[np.argmax(sims[:, members], axis=1)]
    return nearest


def _runner_up_per_account(sims: np.ndarray, codes: np.ndarray, accounts: int) -> np.ndarray:
    """(claims, accounts): each claim's second-highest cosine to the claims of every account (-1 when the
    account has one claim only)."""
    second = np.full((len(codes), accounts), -1.0, dtype=np.float32)
    for k in range(accounts):
        members = np.nonzero(codes == k)[0]
        if len(members) >= 2:
            second[:, k] = np.partition(sims[:, members], -2, axis=1)[:, -2]
    return second


def one_to_one(sims: np.ndarray, rows: np.ndarray, cols: np.ndarray, codes: np.ndarray) -> set[tuple[int, int]]:
    """The pairs (both orders) of a greedy one-to-one matching between every two accounts: the pairs of
    ``rows``/``cols`` taken from the highest cosine down, each claim matched at most once per other account.

    It holds every pair of mutual best matches, and also a claim's second-best partner when its best is taken by
    a closer pair ("the White House disputed claims of impropriety" is Fox's best match for two New York Times
    sentences, and the closer one takes it)."""
    order = sorted(
        ((float(sims[i, j]), i, j) for i, j in zip(rows.tolist(), cols.tolist(), strict=True) if i < j), reverse=True
    )
    used: set[tuple[int, int]] = set()
    matched: set[tuple[int, int]] = set()
    for _, i, j in order:
        if (i, int(codes[j])) in used or (j, int(codes[i])) in used:
            continue
        used |= {(i, int(codes[j])), (j, int(codes[i]))}
        matched |= {(i, j), (j, i)}
    return matched


def candidate_pairs(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    account_of: Callable[[Claim], str],
    evidence: dict[tuple[int, int], str] | None = None,
    speaker_of: Callable[[Claim], str | None] | None = None,
    closest_only: bool = True,
    tokens: TokenView | None = None,
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, cosine) of claims of different accounts about one fact, each claim keeping its best
    partner per other account.

    One matrix product gives every cosine; only the pairs of different accounts at the loosest candidate
    cosine (``BAND_COSINE``) or above are read by the frames (:func:`anchored`, :func:`band_evidence`), so the
    Python work grows with the pairs that may align, not with the square of the claims (10 pages of 50 claims:
    250,000 pairs). A pair that only the band admits (:func:`band_evidence`) is left out when its verdict would
    be a conflict (loose evidence does not make a conflict); below ``BAND_COSINE`` it must also be matched one
    to one between the two accounts (:func:`one_to_one`) and share rare words, or be an agreement whose words
    match one by one (``LOW_BAND_TOKEN_MATCH_SCORE``). ``evidence``, when given, gets
    why each returned pair is a candidate ("close", "anchored", "denial" or the :func:`band_evidence` found);
    ``speaker_of``: the named person whose words a claim relays, if any: below ``SAME_FACT_COSINE`` two claims
    of :func:`different_speakers` are no pair; ``closest_only``: whether :data:`CLOSEST_ONLY` evidence admits a
    pair (left out before it can push a claim's other candidate of that account aside); ``tokens``: the claims'
    :class:`TokenView`, when given a pair whose words match one by one (:func:`token_match`) is a candidate too
    (:data:`TOKEN_MATCH`)."""
    if len(claims) < 2:
        return []
    sims = vectors @ vectors.T
    codes, names = _account_codes(claims, account_of)
    floor = min(SAME_FACT_COSINE, ANCHORED_COSINE, DENIAL_COSINE, BAND_COSINE, LOW_BAND_COSINE)
    rows, cols = np.nonzero((codes[:, None] != codes[None, :]) & (sims >= floor))
    words: list[set[str]] | None = None
    idf: dict[str, float] = {}
    second: np.ndarray | None = None
    matched: set[tuple[int, int]] | None = None
    topic: set[tuple] | None = None
    scores: dict[tuple[int, int], float] = {}  # token_match of a pair, (i < j), once read
    verdicts: dict[tuple[int, int], PairVerdict] = {}  # pair_verdict of a pair, (i < j), once read

    def verdict(i: int, j: int, cosine: float) -> PairVerdict:
        """The frames' verdict of the pair (:func:`pair_verdict`, read in the order :func:`align_claims` reads it),
        once per pair: the low band's token match and the loose-evidence conflict check both ask for it."""
        key = (min(i, j), max(i, j))
        if key not in verdicts:
            verdicts[key] = pair_verdict(claims[key[0]], claims[key[1]], cosine, "", "")
        return verdicts[key]

    def words_match(i: int, j: int, cosine: float) -> bool:
        """Whether the pair's words match one by one (:func:`token_match`), at the low band's score below
        ``BAND_COSINE``, where the frames must also call it an agreement."""
        if tokens is None:
            return False
        key = (min(i, j), max(i, j))
        if key not in scores:  # each pair is read once, in either order
            scores[key] = token_match(tokens, i, j)
        if cosine >= BAND_COSINE:
            return scores[key] >= TOKEN_MATCH_SCORE
        return scores[key] >= LOW_BAND_TOKEN_MATCH_SCORE and verdict(i, j, cosine).verdict == "agree"

    best: dict[tuple[int, int], tuple[float, int, str]] = {}
    # the token products are small: BLAS threads cost more than they save there (10x on a loaded machine)
    with threadpool_limits(limits=1) if tokens is not None else nullcontext():
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            cosine = float(sims[i, j])
            found = _candidate(claims[i], claims[j], cosine)
            if found is None:
                low = cosine < BAND_COSINE
                if low:
                    if matched is None:
                        matched = one_to_one(sims, rows, cols, codes)
                    if (i, j) not in matched:
                        # a closer pair took a partner: only the words matching one by one admit the pair (an
                        # agreement: words_match has read the frames), or a distinctive figure stated alike
                        if words_match(i, j, cosine):
                            found = TOKEN_MATCH
                        else:
                            if topic is None:
                                topic = topic_figures(claims, account_of)
                            if not same_stated_figure(claims[i], claims[j], topic, distinctive=True):
                                continue
                            found = STATED_FIGURE  # what band_evidence would answer below the band: read once
                if found is None:
                    if words is None or second is None:
                        words, idf = event_idf(claims)
                        second = _runner_up_per_account(sims, codes, len(names))
                    if topic is None:
                        topic = topic_figures(claims, account_of)
                    margin = cosine - float(max(second[i, codes[j]], second[j, codes[i]]))
                    overlap = rare_overlap(words[i], words[j], idf)
                    found = band_evidence(
                        claims[i], claims[j], overlap, margin, words_only=low, cosine=cosine, topic=topic
                    )
                    if found is None and words_match(i, j, cosine):
                        found = TOKEN_MATCH
                if found is None or (found == CLOSEST_ONLY and not closest_only):
                    continue
                # loose evidence makes no conflict: a pair it finds that the frames would call one, or whose figures
                # clash with one of another period (a conflict before past_beside_news), is left out, but for the rare
                # words of one event told with doers of opposed kinds (who did it)
                judged = verdict(i, j, cosine)
                if (judged.verdict == "conflict" or judged.period_clash) and not (
                    found == "shared rare words" and opposed_doers(claims[i], claims[j])
                ):
                    continue
                if other_weekdays(claims[i], claims[j]):
                    continue  # "met on Sunday" / "met on Thursday": two occasions, however alike the words
            if (claims[i].hedge == HYPOTHETICAL) != (claims[j].hedge == HYPOTHETICAL):
                continue  # "placed him on the list" / "would not have placed him if ...": no second telling of the deed
            if other_steps(claims[i].event_type, claims[i].text, claims[j].event_type, claims[j].text):
                continue  # "was arrested" / "was charged": two steps of one case, however close the words
            if period_beside_news_day(claims[i], claims[j]):
                continue  # "a storm flooded the road in 2021" / "... on Monday": two occasions, however close the words
            if other_scores(claims[i], claims[j]):
                continue  # "voted 6-3" / "voted 7-2": two votes, however close the words (a misreported tally is rarer)
            if other_measures(claims[i], claims[j]):
                continue  # "the unemployment rate fell to" / "the inflation rate fell to": two measures
            if (
                speaker_of is not None
                and found != "close"
                and different_speakers(claims[i], claims[j], speaker_of(claims[i]), speaker_of(claims[j]))
            ):
                continue  # last: only a pair the other tests admit pays for reading the speakers' names
            key = (i, int(codes[j]))
            if key not in best or cosine > best[key][0]:
                best[key] = (cosine, j, found)
    pairs = {}
    for (i, _), (cosine, j, found) in best.items():
        pairs[(min(i, j), max(i, j))] = cosine
        if evidence is not None:
            evidence[(min(i, j), max(i, j))] = found
    return [(i, j, cosine) for (i, j), cosine in sorted(pairs.items())]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CLAIM_CHARS else text[: SHOWN_CLAIM_CHARS - 1].rstrip() + "…"


_RANK = {"agree": 0, "compatible": 1, "conflict": 2}


def _closing_pairs(
    skipped: list[tuple[int, int, float]],
    candidates: set[tuple[int, int]],
    claims: Sequence[Claim],
    account_of: Callable[[Claim], str],
    groups: DisjointSets,
) -> list[tuple[int, int, float]]:
    """The looser pairs :func:`align_claims` left out that close a clique: two groups (or a group and a claim)
    join when every two of their claims are a candidate pair and no account tells it twice (three outlets whose
    claims are each other's best match pairwise tell one fact). Returns the pairs taken; ``groups`` is updated."""
    members: dict[int, set[int]] = defaultdict(set)
    for k in {k for i, j, _ in skipped for k in (i, j)} | {k for pair in candidates for k in pair}:
        members[groups.root(k)].add(k)
    taken = []
    for i, j, cosine in skipped:
        ri, rj = groups.root(i), groups.root(j)
        merged = members[ri] | members[rj]
        accounts = [account_of(claims[k]) for k in merged]
        if len(set(accounts)) != len(accounts):
            continue
        if any(
            (a, b) not in candidates
            for a in merged
            for b in merged
            if a < b and account_of(claims[a]) != account_of(claims[b])
        ):
            continue
        if ri != rj:
            groups.join(ri, rj)
            members[ri] = merged
        taken.append((i, j, cosine))
    return taken


def align_claims(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    account_of: Callable[[Claim], str],
    label_of: Callable[[Claim], str],
    id_prefix: str = "m",
    speaker_of: Callable[[Claim], str | None] | None = None,
    closest_only: bool = True,
    tokens: TokenView | None = None,
) -> list[Alignment]:
    """Alignments of claims told by two or more accounts, each with its verdict, reasons and explanation.
    ``speaker_of``: the person whose words a claim relays, if any (:func:`different_speakers`);
    ``closest_only``: whether :data:`CLOSEST_ONLY` evidence may pair two claims (not between the sources of one
    page, which all tell one story: there each other's closest sentence is the same topic, not the same fact)."""
    evidence: dict[tuple[int, int], str] = {}
    pairs = candidate_pairs(claims, vectors, account_of, evidence, speaker_of, closest_only, tokens)
    groups = DisjointSets(len(claims))

    strong = {k for i, j, cosine in pairs if cosine >= SAME_FACT_COSINE for k in (i, j)}
    paired: set[int] = set()
    kept, skipped = [], []
    told_by: dict[int, set[str]] = {k: {account_of(claims[k])} for k in range(len(claims))}  # by group root
    # the close pairs first, closest first: each claim keeps its best partner per account, so two claims of one page
    # that both find one claim of another would chain into one group (a deal, its price, an executive's praise of
    # it: of 34 such groups on ECB+, 12 were about one fact); a close pair that would put an account in a group
    # twice is left out, for good (no later join takes the account out of either group)
    for i, j, _ in sorted((p for p in pairs if p[2] >= SAME_FACT_COSINE), key=lambda p: (-p[2], p[0], p[1])):
        ri, rj = groups.root(i), groups.root(j)
        if ri != rj and told_by[ri] & told_by[rj]:
            continue
        groups.join(i, j)
        told_by[groups.root(i)] = told_by[ri] | told_by[rj]
    for i, j, cosine in pairs:
        if cosine >= SAME_FACT_COSINE:
            if groups.root(i) != groups.root(j):  # left out above
                continue
        elif not {i, j} & (strong | paired):
            # a looser, anchored match pairs two claims that have no closer match; it never chains a group
            paired |= {i, j}
            groups.join(i, j)
        else:
            skipped.append((i, j, cosine))
            continue
        kept.append((i, j, cosine))
    pairs = kept + _closing_pairs(skipped, {(i, j) for i, j, _ in pairs}, claims, account_of, groups)
    by_group: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
    for i, j, cosine in pairs:
        by_group[groups.root(i)].append((i, j, cosine))
    alignments: list[Alignment] = []
    for group_pairs in sorted(by_group.values(), key=lambda g: min(min(i, j) for i, j, _ in g)):
        members = sorted({k for i, j, _ in group_pairs for k in (i, j)})
        judged = [
            pair_verdict(claims[i], claims[j], cosine, label_of(claims[i]), label_of(claims[j]))
            for i, j, cosine in group_pairs
        ]
        verdict = max((p.verdict for p in judged), key=_RANK.__getitem__)
        kinds = sorted({p.conflict_kind for p in judged if p.verdict == "conflict" and p.conflict_kind})
        extra: dict[str, list[str]] = {}
        for k in members:
            others = [claims[o] for o in members if account_of(claims[o]) != account_of(claims[k])]
            speaker = content_words(label_of(claims[k]))  # "Holder via Fox News" names Holder already
            found = [p for p in extra_particulars(claims[k], others) if not content_words(p) <= speaker]
            if found:
                extra[claims[k].id] = found
        # read by group_kind for agreements only: every pair of an agreement agrees, so this is "give the same words"
        # an agreeing pair is "same words" exactly when pair_verdict found their words overlap that much
        same_words = verdict == "agree" and all(p.how == "same words" for p in judged)
        # every pair is (i, j) with i < j, as candidate_pairs keys its evidence
        loose = any(evidence.get((i, j)) == CLOSEST_ONLY for i, j, _ in group_pairs)
        kind = group_kind(verdict, same_words, extra, loose)
        told_more = (
            kind != "same words" and verdict == "agree" and tells_more_with_figure(judged, extra, claims, members)
        )
        if told_more:
            verdict, kind = "compatible", "compatible"
        parts: dict[str, ReasonPart] = {}
        for (i, j, _), pair in zip(group_pairs, judged, strict=True):
            why = evidence.get((i, j))
            parts.setdefault(
                pair.reason,
                ReasonPart(
                    kind="pair" if pair.how else "verdict",
                    text=pair.reason,
                    claim_ids=[claims[i].id, claims[j].id],
                    names=[label_of(claims[i]), label_of(claims[j])],
                    how=pair.how,
                    figures=pair.figures,
                    evidence=None if why in CANDIDATE_KINDS else why,
                ),
            )
        if loose and verdict == "agree" and not same_words:
            parts.setdefault(CLOSEST_ONLY_NOTE, ReasonPart(kind="note", text=CLOSEST_ONLY_NOTE))
        if verdict != "conflict":
            for k in members:
                found = extra.get(claims[k].id, [])
                if not found:
                    continue
                more = told_more or (kind.startswith("one tells more") and len(found) >= TELLS_MORE_PARTICULARS)
                told = "tells more" if verdict == "compatible" else "tells more, maybe compatible"
                shown = found[:SHOWN_PARTICULARS]
                text = f"{label_of(claims[k])} {told if more else 'also gives'}: {', '.join(shown)}"
                parts.setdefault(
                    text,
                    ReasonPart(
                        kind="adds",
                        text=text,
                        claim_ids=[claims[k].id],
                        names=[label_of(claims[k])],
                        particulars=shown,
                        tells_more=more,
                    ),
                )
        reasons = list(parts)
        listing = "; ".join(
            f"{label_of(claims[k])}: “{_short(claims[k].text)}”" + negation_mark(claims[k]) for k in members
        )
        event = next((claims[k].event_type for k in members if _strong_event(claims[k])), None)
        alignments.append(
            Alignment(
                id=f"{id_prefix}{len(alignments) + 1}",
                claim_ids=[claims[k].id for k in members],
                verdict=verdict,  # type: ignore[arg-type]
                explanation=f"{listing} → {verdict} ({'; '.join(reasons)})",
                topic=f"event: {event}" if event else "same fact",
                score=None,
                conflict_kind=("fact" if "fact" in kinds else kinds[0]) if kinds else None,
                similarity=round(min(c for _, _, c in group_pairs), 3),
                reasons=reasons,
                certainty=VERDICT_CERTAINTY.get(kind),
                extra=extra,
                reason_parts=list(parts.values()),
                figure=shared_figure([claims[k] for k in members], account_of),
            )
        )
    return alignments


def related_pairs(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    account_of: Callable[[Claim], str],
    grouped: set[str],
) -> list[dict]:
    """Claims of different accounts on one point that no alignment holds: mutual best partners at
    ``RELATED_COSINE`` or above, as ``{"claim_ids": [a, b], "similarity": s}`` (no verdict: related is not
    the same fact). Each claim's best partner in every account comes from one matrix product and one
    arg-max per account."""
    if len(claims) < 2:
        return []
    sims = vectors @ vectors.T
    codes, names = _account_codes(claims, account_of)
    best = _nearest_per_account(sims, codes, len(names))
    out = []
    for i in range(len(claims)):
        own = int(codes[i])
        for k in range(own + 1, len(names)):
            j = int(best[i, k])
            if sims[i, j] < RELATED_COSINE or best[j, own] != i:
                continue
            if claims[i].id in grouped and claims[j].id in grouped:
                continue
            out.append({"claim_ids": [claims[i].id, claims[j].id], "similarity": round(float(sims[i, j]), 3)})
    return out


def page_similarity(claims: Sequence[Claim], vectors: np.ndarray, account_of: Callable[[Claim], str]) -> list[dict]:
    """How close two accounts are in what they tell, for every pair of accounts: the mean of the best
    ``PAGE_TOP_CLAIMS`` cosines that the smaller account's claims find in the other (a headline: its best
    cosine to any sentence of the body), and ``same_event`` when that reaches ``SAME_EVENT_COSINE``. Two pages
    told about unrelated events stay far below it even when a sentence or two of boilerplate match."""
    if len(claims) < 2:
        return []
    codes, names = _account_codes(claims, account_of)
    rows = [np.nonzero(codes == k)[0] for k in range(len(names))]
    out = []
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            small, large = (rows[a], rows[b]) if len(rows[a]) <= len(rows[b]) else (rows[b], rows[a])
            best = (vectors[small] @ vectors[large].T).max(axis=1)
            top = np.sort(best)[::-1][:PAGE_TOP_CLAIMS]
            score = float(top.mean())
            out.append(
                {
                    "accounts": [names[a], names[b]],
                    "similarity": round(score, 3),
                    "same_event": score >= SAME_EVENT_COSINE,
                }
            )
    return out
