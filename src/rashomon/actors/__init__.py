"""The "actors" stage: who the parties are, their sides and aliases, and who backs, fights, accuses whom.

Runs after attribution and claims. Fills ``analysis.actors`` (one :class:`~rashomon.model.Actor` per party,
aliases merged, ACLED-style type, side when the text or the gazetteer gives one, a person's office and the
group a spokesperson speaks for) and ``analysis.relations`` (typed, with the evidence span, the source that
asserts it and the account it belongs to). :func:`scorecard` merges many pages' results.

Extra alias tables: ``Options(actors=ActorOptions(tables=...))`` (what the CLI option ``--actors FILE`` sets),
``load_gazetteer(paths)``, or the ``gazetteer`` argument of :func:`actors_stage`.
"""

from __future__ import annotations

import re
from typing import cast

from ..model import UNIDENTIFIED_SOURCE_ID, Actor, Analysis, Polarity, Relation, RelationType, Span
from ..pipeline import StageContext, register_stage
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import Found, find_actors, surname
from .relations import RawRelation, find_relations
from .scorecard import scorecard

__all__ = ["actors_stage", "find_actors", "find_relations", "load_gazetteer", "scorecard"]

# --- settings ----------------------------------------------------------------------------------------
#: Relations that put both actors on the same side (a side known for one is given to the other).
SAME_SIDE = {"backs", "supports", "arms", "allied_with"}
#: "the Syrian/Russian point of view, in which ...": a relation inside such a view is asserted by that side.
VIEW_PATTERN = re.compile(
    r"([\w./-]+(?:\s*(?:/|and|,)\s*[\w./-]+)*)\s+(?:point of view|view|narrative|version|perspective|angle|account)"
    r"\s*,?\s*(?:in which|where|according to which|under which)",
    re.IGNORECASE,
)


@register_stage("actors", assigns=("actors", "relations"), resources=("spacy",), languages=("en",))
def actors_stage(analysis: Analysis, ctx: StageContext, gazetteer: Gazetteer | None = None) -> None:
    """Fill ``analysis.actors`` and ``analysis.relations`` from the parsed article blocks (sources and
    attributions, when the attribution stage ran, name who asserts a relation)."""
    parsed = ctx.parsed
    gaz = gazetteer or load_gazetteer(ctx.options.actors.tables, nlp=ctx.nlp)
    article_text = "\n".join(pb.block.text for pb in parsed)
    speakers = frozenset(
        surname(source.name) for source in analysis.sources if source.kind == "person" and not source.is_publisher
    )
    found = find_actors(parsed, article_text, gaz, speakers)
    _promote_sources(found, analysis)
    raw = find_relations(parsed, found, gaz)
    _link_people(found, parsed, gaz)
    related = {r.subject for r in raw} | {r.object for r in raw}
    actors = [a for a in found.actors.values() if a.id not in found.weak or a.id in related]
    for actor in actors:
        actor.mentions.sort(key=lambda m: (m.start, m.end))
    actors.sort(key=lambda a: a.mentions[0].start if a.mentions else 0)
    limit = ctx.options.actors.max_actors
    if len(actors) > limit:
        analysis.warn(
            "too_many_actors", f"{len(actors)} actors found; only the {limit} most mentioned are kept", "actors"
        )
        keep = {a.id for a in sorted(actors, key=lambda a: -len(a.mentions))[:limit]}
        actors = [a for a in actors if a.id in keep]
        raw = [r for r in raw if r.subject in keep and r.object in keep]
    analysis.actors = actors
    analysis.relations = [_relation(f"rel{n}", r, analysis, parsed, gaz) for n, r in enumerate(raw, 1)]
    _propagate_sides(analysis)
    if not actors and any(pb.doc.text.strip() for pb in parsed):
        analysis.warn("no_actors", "the article names no actor that could be recognised", "actors")


def _relation(rel_id: str, raw: RawRelation, analysis: Analysis, parsed, gaz: Gazetteer) -> Relation:
    pb = parsed[raw.block_index]
    first, last = pb.doc[raw.first_token], pb.doc[raw.last_token]
    start, end = pb.block.start + first.idx, pb.block.start + last.idx + len(last.text)
    evidence = Span(start, end, analysis.page.text[start:end])
    publisher = analysis.publisher_id
    holders = [a for a in analysis.attributions if a.content.start <= start and end <= a.content.end]
    asserted_by, polarity = publisher, "asserted"
    if holders:
        asserted_by = min(holders, key=lambda a: a.content.end - a.content.start).source_id
        polarity = "asserted" if asserted_by == publisher else "reported"
    if raw.negated and raw.asserter:  # a denial made by a named actor ("a charge the group denied")
        asserted_by = raw.asserter
    elif asserted_by in (publisher, UNIDENTIFIED_SOURCE_ID):  # the page's own voice (or a voice it does not name) may
        # still hand the relation to someone inline
        viewers = (
            [raw.asserter]
            if raw.asserter
            else _view_holders(analysis.page.text, pb.block.start + first.sent.start_char, start, gaz)
        )
        if viewers:
            asserted_by, polarity = "+".join(viewers), "reported"
    if raw.negated:
        polarity = "denied"
    # the cue lexicon's types are checked against RELATION_TYPES when it is loaded (gazetteer._check_relation_types)
    return Relation(
        rel_id,
        cast(RelationType, raw.type),
        raw.subject,
        raw.object,
        evidence,
        asserted_by,
        cast(Polarity, polarity),
        pb.block.narrative,
    )


def _view_holders(text: str, sentence_start: int, evidence_start: int, gaz: Gazetteer) -> list[str]:
    matches = list(VIEW_PATTERN.finditer(text, sentence_start, evidence_start))
    if not matches:
        return []
    holders = []
    for part in re.split(r"\s*(?:/|\band\b|,)\s*", matches[-1].group(1)):
        for entry_id in gaz.lookup(part)[:1]:
            if entry_id not in holders:
                holders.append(entry_id)
    return holders


def _promote_sources(found: Found, analysis: Analysis) -> None:
    """A name kept aside as doubtful (a "person" only seen after "of") is an actor if it is a source.

    Only the source's name counts, not the rest of its mention: in "Jane Roe, Group President, Asia Pacific,
    Acme Corp" the region is part of her title, not a source (the whole mention is the span when the name is not
    written in it); so does the group it speaks for, when the attribution stage read one."""
    spans = []
    for source in analysis.sources:
        for mention in source.mentions:
            spans.append(_written_at(source.name, mention) or (mention.start, mention.end))
            if source.affiliation and (at := _written_at(source.affiliation, mention)):
                spans.append(at)
    for actor_id in list(found.weak):
        mentions = found.actors[actor_id].mentions
        if any(m.start < end and start < m.end for m in mentions for start, end in spans):
            found.weak.discard(actor_id)


def _written_at(name: str, mention: Span) -> tuple[int, int] | None:
    """The page span of ``name`` inside a source's mention, if the mention writes it."""
    at = mention.text.find(name) if name else -1
    return (mention.start + at, mention.start + at + len(name)) if at >= 0 else None


def _link_people(found: Found, parsed, gaz: Gazetteer) -> None:
    """A person's office ("Russian President") and the group a spokesperson speaks for."""
    titles = [t.split() for t in gaz.lexicon["titles"]]
    spokes = set(gaz.lexicon["spokes"])
    for index, pb in enumerate(parsed):
        doc, mentions = pb.doc, found.token_actor[index]
        for start, end, person_id in found.person_heads[index]:
            person = found.actors[person_id]
            head = doc[end - 1]
            phrases = []
            left = start
            while (
                left > 0
                and doc[left - 1].head.i in range(left - 1, end)
                and doc[left - 1].dep_ in ("compound", "amod", "nmod")
            ):
                left -= 1
            if left < start:
                phrases.append(doc[left:start])
            for noun in [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else []):
                if noun.pos_ == "NOUN":
                    phrases.append(doc[noun.left_edge.i : noun.right_edge.i + 1])
            for phrase in phrases:
                words = [t.lower_ for t in phrase]
                is_spokes = any(w in spokes for w in words)
                has_title = is_spokes or any(words[i : i + len(t)] == t for t in titles for i in range(len(words)))
                if not has_title:
                    continue
                if person.office is None:
                    person.office = phrase.text.strip(" ,")[:80]
                if is_spokes and person.spokesperson_for is None:
                    cue = next(t.i for t in phrase if t.lower_ in spokes)
                    groups = [mentions[t.i] for t in phrase if t.i in mentions and mentions[t.i] != person_id]
                    after = [
                        mentions[t.i] for t in phrase if t.i > cue and t.i in mentions and mentions[t.i] != person_id
                    ]
                    group = (after or groups or [None])[-1]
                    if group:
                        person.spokesperson_for = group
                        person.side = person.side or found.actors[group].side


def _propagate_sides(analysis: Analysis) -> None:
    """Give a side to an actor that backs or is allied with actors of exactly one side (not to one that backs
    two sides, as a state backing both rebels and a Kurdish militia)."""
    by_id: dict[str, Actor] = {a.id: a for a in analysis.actors}
    for _ in range(2):
        candidates: dict[str, set[str]] = {}
        for rel in analysis.relations:
            if rel.type not in SAME_SIDE or rel.polarity == "denied":
                continue
            a, b = by_id.get(rel.subject), by_id.get(rel.object)
            if a and b and bool(a.side) != bool(b.side):
                sided, other = (a, b) if a.side else (b, a)
                candidates.setdefault(other.id, set()).add(sided.side)
        for actor_id, sides in candidates.items():
            if len(sides) == 1:
                by_id[actor_id].side = sides.pop()
