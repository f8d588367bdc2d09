"""The view model of every report: the JSON contract of one analysis arranged for display.

:func:`build_view` turns the contract (``rashomon.contract.to_dict``) into plain dicts and lists: columns of
blocks, nested segments of text, claims and verdicts, framing charts, actors, comment threads and a
per-commenter summary. The HTML report, the web app, the Markdown and the terminal renderers all read this one
view, so no two formats disagree about what the page says, and a stored analysis renders as a fresh one does.
Strings stay raw here; each renderer escapes them for its own output (HTML autoescaping, Markdown escaping, Rich
markup escaping).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from ..model import COMMENT_FLAG_FILTERS, RELATION_STYLE
from . import svg
from .facts import PRONOUNS, fact_label, fact_reason

# --- settings ------------------------------------------------------------------------------------------
#: Nesting deeper than this is drawn at this depth (indentation would eat the column otherwise).
MAX_DEPTH = 6
#: Distinctive terms shown per side in the framing chart.
FRAMING_TERMS_PER_SIDE = 12
#: A conflict-lexicon family is shown beside several accounts only when this many of them wrote words of it:
#: one account's lone "government" or "opposition" pairs with nothing (and in a story that is no war, the
#: family's sense is rarely the one meant: "opposition to Mr. Cantor" named no armed group).
LEXICON_PAIR_MIN_SIDES = 2
#: A distinctive word is charted only at this z or more (a two-sided 5 % test). The framing stage lists words
#: from z 1.0 so the ranking has something to work with, but two articles of 700 words give a z of 1.3 to any
#: word one of them writes twice and the other never ("conspiracy", "liberal"): noise shown as a side's framing.
DISTINCTIVE_MIN_Z = 1.96
#: A loaded-language flag whose kind was right less often than this when measured (``confidence``) is shown as
#: a lead to check, folded apart from the findings: a reader who meets flags that are mostly wrong stops
#: trusting the rest of the report (the head's and the scare quotes' flags were right 16-17 % of the time).
LOADED_FINDING_MIN_CONFIDENCE = 0.5
#: A reply the threads stage inferred (the page's markup did not say it) nests its comment under the one it
#: answers only at this confidence or more (a quotation of it, its author named). The weaker reasons (a run of
#: shared words, an answer-like opening) are shown as a hint beside the comment, which keeps its place in the
#: page's order: drawn as replies, they moved readers' parallel compliments under each other, out of date order.
INFERRED_REPLY_NEST_MIN_CONFIDENCE = 0.75
#: Below this, an inferred reply is not shown at all: "answers the previous comment" (0.5) is a guess about
#: order alone, and on flat blogs it pointed at another reader's parallel compliment.
INFERRED_REPLY_HINT_MIN_CONFIDENCE = 0.6
#: How each reason of an inferred reply (``rashomon.comments.threads``) reads beside the comment.
REPLY_REASON_LABELS = {
    "quotes": "quotes it",
    "addresses_author": "names its author",
    "echoes": "repeats its words",
    "answers_previous": "opens like an answer to it",
}
#: Attribution kinds whose whole content is the source's own words, and those that are the page's own voice.
QUOTED_KINDS = frozenset({"direct", "continuation"})
OWN_VOICE_KINDS = frozenset({"editorial"})
#: The abuse scores whose highest a commenter's row shows. A score alone never puts a comment under the abuse
#: filter: the comments stage withholds a flag it has nothing to show for, and the report keeps to its flags.
ABUSE_SCORE_KEYS = ("abuse", "toxicity", "toxic", "insult", "obscene", "identity_attack", "severe_toxicity")
#: Comment filters of the report, in button order: filter name -> the flags that select it (from
#: ``rashomon.model.COMMENT_FLAG_FILTERS``, where each flag is declared with its filter).
COMMENT_FILTERS: dict[str, tuple[str, ...]] = {
    name: tuple(flag for flag, owner in COMMENT_FLAG_FILTERS.items() if owner == name)
    for name in dict.fromkeys(COMMENT_FLAG_FILTERS.values())
}
#: How a comment flag reads in a report, where its code alone would mislead ("language_unknown" on a comment
#: known to be German, which was set aside rather than scored); other codes read with spaces for underscores.
FLAG_LABELS = {
    "language_unknown": "not scored: language unknown",
    "empty": "not scored: no words",
    "pingback": "pingback: a post elsewhere links here",
}
#: How a comment's evidence label reads in a report where its code is the model's name, not what it marks;
#: other labels read with spaces for underscores ("identity_attack" -> "identity attack").
EVIDENCE_LABELS = {"toxic_span": "abusive words", "group_hate": "read as hate toward a group"}
#: How each relation type reads in a report ("X captures from Y"), from ``rashomon.model.RELATION_STYLE``.
RELATION_LABELS: dict[str, str] = {kind: label for kind, (label, _) in RELATION_STYLE.items()}
#: An agreement the compare stage is less sure of than this (its kind's measured share of right verdicts: each
#: other's closest sentences with few words in common, 0.65; one outlet telling more, 0.59) shows a neutral
#: "agree?" badge, not the green one: a reader found the green pill beside "maybe one topic, how sure: 50 %".
AGREE_SURE_MIN_CERTAINTY = 0.7
#: Verdict -> (symbol, plain words), so a badge never relies on colour alone.
VERDICTS = {
    "agree": ("=", "agree"),
    "compatible": ("≈", "compatible"),
    "conflict": ("≠", "conflict"),
    "unique": ("•", "unique"),
}
#: Actors shown in the actors × accounts matrix before "more actors" (those in relations and most named first).
MATRIX_ROWS = 14
#: Facts side by side list conflicts first: what a reader must check comes before what everyone agrees on.
VERDICT_ORDER = {"conflict": 0, "compatible": 1, "agree": 2, "unique": 3}
# --------------------------------------------------------------------------------------------------------

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
#: A whole http(s) URL with nothing that could end an attribute, a Markdown link or a line: no whitespace, quotes,
#: angle brackets, backticks or control characters anywhere in it.
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\x00-\x1f\x7f]+", re.IGNORECASE)


def anchor(kind: str, ident: Any) -> str:
    """A fragment id safe in HTML attributes and URLs: ``claim-c1``."""
    return f"{kind}-{_SAFE_ID.sub('-', str(ident))}"


def safe_url(url: Any) -> str | None:
    """``url`` if the whole of it is an http(s) URL, else None: ``javascript:`` and ``data:`` never become links,
    and neither does an address carrying whitespace, quotes or markup after a valid start."""
    if isinstance(url, str) and _SAFE_URL.fullmatch(url.strip()):
        return url.strip()
    return None


def path_segment(value: Any) -> str:
    """``value`` quoted as one URL path segment: ``/`` too is encoded (``AC/DC`` -> ``AC%2FDC``)."""
    return quote(str(value), safe="")


# --- the view ------------------------------------------------------------------------------------------


def build_view(data: dict[str, Any]) -> dict[str, Any]:
    """Arrange the JSON contract of one analysis for display. Tolerates missing or empty keys."""
    page = data.get("page") or {}
    text: str = page.get("text") or ""
    sources = {s["id"]: s for s in data.get("sources") or []}
    attributions = data.get("attributions") or []
    claims = data.get("claims") or []
    blocks = data.get("blocks") or []
    comments = data.get("comments") or []
    actors = data.get("actors") or []
    relations = data.get("relations") or []
    alignments = data.get("alignments") or []
    headline = next((b for b in blocks if b.get("kind") == "headline"), None)

    narratives = _narratives(blocks, sources)
    columns, preface = _columns(text, blocks, narratives, sources, attributions, claims)
    claims_by_id = {c["id"]: c for c in claims}
    facts = facts_view(alignments, claims_by_id, attributions, sources, narratives, actors)
    topics = {row["id"]: row["topic"] for row in facts["rows"]}
    return {
        "title": page.get("title") or (headline or {}).get("text") or "Untitled page",
        "page": page,
        "url": safe_url(page.get("url")),
        "counts": {
            "paragraphs": sum(1 for b in blocks if b.get("kind") == "paragraph"),
            "sources": len(sources),
            "attributions": len(attributions),
            "claims": len(claims),
            "actors": len(actors),
            "relations": len(relations),
            "comments": len(comments),
        },
        "warnings": data.get("warnings") or [],
        "narratives": narratives,
        "columns": columns,
        "preface": preface,
        "alignments": [_alignment(a, claims_by_id, sources, narratives, topics.get(a.get("id"))) for a in alignments],
        "facts": facts,
        "source_tree": source_tree(attributions, sources, data.get("block_publisher")),
        "unaligned_claims": _unaligned(claims, alignments, sources, narratives),
        "framing": framing_view(
            data.get("framing") or {}, narratives, data.get("word_choices") or [], voices(attributions, sources, text)
        ),
        "actors": _actors(actors, relations, sources),
        "comments": _comments(text, comments, {a["id"]: a.get("name") or a["id"] for a in actors}),
        "matrix": actor_matrix(actors, relations, blocks, narratives),
        "schema_version": data.get("schema_version"),
        "empty": empty_sentences(data.get("warnings") or []),
    }


#: What an empty section says, and the stages that fill it.
EMPTY_SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "facts": ("No claims were aligned across accounts.", ("claims", "compare")),
    "sources": ("No attributed statement was found.", ("attribution",)),
    "framing": ("No framing was measured.", ("compare", "choices")),
    "actors": ("No actors were found.", ("actors",)),
}


def empty_sentences(warnings: list[dict[str, Any]]) -> dict[str, str]:
    """Section -> the sentence it shows when empty: "none found", or, when its stages did not run on the page's
    language (a ``stages_skipped`` warning, whose ``stage`` lists them), that it was not analysed and why."""
    skipped = {
        name.strip()
        for warning in warnings
        if warning.get("code") == "stages_skipped"
        for name in (warning.get("stage") or "").split(",")
    }
    reason = next((w.get("message") or "" for w in warnings if w.get("code") == "stages_skipped"), "")
    language = re.search(r"the page is in ([^(]+?) \(", reason)
    not_run = "Not analysed: " + (
        f"the page is in {language.group(1)}, which this part does not read yet."
        if language
        else "its stages did not run."
    )
    return {
        section: not_run if skipped & set(stages) else sentence
        for section, (sentence, stages) in EMPTY_SECTIONS.items()
    }


#: Names of a source that is only ever a pronoun the attribution stage could not tie to anyone ("he said" with no
#: one named before): shown as what they are, not as if "he" were a name.
UNRESOLVED_PRONOUNS = frozenset({"he", "him", "she", "her", "it"})
#: The same for people in the plural, and for the people a writer leaves vague ("some said", "many believe",
#: "others argued"): a reader should see that nobody is named, not read "Some" as a name. (The attribution stage
#: marks them ``unresolved``; the report reads the JSON and keeps its own list of the words it shows this way.)
UNRESOLVED_GROUPS = frozenset({"they", "them", "both", "some", "many", "others", "several", "those"})
#: How such a source is shown, the pronoun in quotation marks.
NOT_NAMED = "someone not named (“{pronoun}”)"
NOT_NAMED_GROUP = "people not named (“{pronoun}”)"


def not_named(source: dict[str, Any] | None) -> bool:
    """Whether a source is only ever a pronoun nobody was tied to, or vague people (shown as :data:`NOT_NAMED`,
    :data:`NOT_NAMED_GROUP`): nobody a report can say it quotes."""
    name = str((source or {}).get("name") or "").lower()
    return bool(source and source.get("unresolved") and name in UNRESOLVED_PRONOUNS | UNRESOLVED_GROUPS)


def source_name(sources: dict[str, Any], source_id: str | None) -> str:
    if source_id is None:
        return "unknown source"
    source = sources.get(source_id)
    if not source:
        return str(source_id)
    if not_named(source):
        group = source["name"].lower() in UNRESOLVED_GROUPS
        return (NOT_NAMED_GROUP if group else NOT_NAMED).format(pronoun=source["name"])
    return source.get("name") or source_id


def _narratives(blocks: list[dict], sources: dict[str, Any]) -> list[dict[str, Any]]:
    """Top-level accounts in order of first appearance: id, display name, palette slot."""
    seen: dict[str, dict[str, Any]] = {}
    for block in blocks:
        narrative = block.get("narrative")
        if narrative and narrative not in seen:
            seen[narrative] = {
                "id": narrative,
                "name": source_name(sources, narrative),
                "anchor": anchor("narrative", narrative),
                "slot": len(seen) % len(svg.SIDE_COLOURS),
                "is_publisher": bool((sources.get(narrative) or {}).get("is_publisher")),
            }
    return list(seen.values())


def _columns(text, blocks, narratives, sources, attributions, claims):
    """One column per narrative; blocks outside every narrative go to the preface (the publisher's voice)."""
    by_block: dict[str, list[dict]] = defaultdict(list)
    for attribution in attributions:
        by_block[_block_of(attribution, blocks)].append(attribution)
    depth = _depths(attributions)
    claims_by_block: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        claims_by_block[_block_of_span(claim.get("start"), blocks)].append(claim)

    def block_view(block: dict) -> dict[str, Any]:
        own = by_block.get(block["id"], [])
        intervals = []
        for a in own:
            content = a.get("content") or {}
            intervals.append(
                (
                    content.get("start"),
                    content.get("end"),
                    "attribution",
                    {
                        "id": a["id"],
                        "anchor": anchor("attribution", a["id"]),
                        "kind": a.get("kind") or "indirect",
                        "source": source_name(sources, a.get("source_id")),
                        "depth": min(depth.get(a["id"], 0), MAX_DEPTH),
                        "quote": a.get("kind") in ("direct", "mixed"),
                        "confidence": a.get("confidence"),
                    },
                )
            )
            for role in ("source", "cue"):
                span = a.get(role)
                if span:
                    intervals.append((span.get("start"), span.get("end"), role, {}))
        for c in claims_by_block.get(block["id"], []):
            intervals.append(
                (c.get("start"), c.get("end"), "claim", {"id": c["id"], "anchor": anchor("claim", c["id"])})
            )
        return {
            "id": block["id"],
            "anchor": anchor("block", block["id"]),
            "kind": block.get("kind"),
            "segments": segment(text, block.get("start", 0), block.get("end", 0), intervals, block.get("text")),
            "speakers": [
                {
                    "source": source_name(sources, a.get("source_id")),
                    "kind": a.get("kind"),
                    "depth": min(depth.get(a["id"], 0), MAX_DEPTH),
                    "anchor": anchor("attribution", a["id"]),
                }
                for a in sorted(own, key=lambda a: (a.get("content") or {}).get("start") or 0)
            ],
        }

    # The headline is the report's title; it is shown in the text too when something in it is marked, so an
    # attribution or claim found there can be seen where it was found.
    body = [
        b
        for b in blocks
        if b.get("kind") == "paragraph"
        or (b.get("kind") == "headline" and (by_block.get(b["id"]) or claims_by_block.get(b["id"])))
    ]
    if not narratives:
        return (
            [
                {
                    "id": None,
                    "name": "Article",
                    "anchor": "narrative-article",
                    "slot": 0,
                    "is_publisher": False,
                    "blocks": [block_view(b) for b in body],
                }
            ]
            if body
            else []
        ), []
    columns = [{**n, "blocks": [block_view(b) for b in body if b.get("narrative") == n["id"]]} for n in narratives]
    preface = [block_view(b) for b in body if not b.get("narrative")]
    return columns, preface


def _block_of(attribution: dict, blocks: list[dict]) -> str | None:
    if attribution.get("block_id"):
        return attribution["block_id"]
    return _block_of_span((attribution.get("content") or {}).get("start"), blocks)


def _block_of_span(start: int | None, blocks: list[dict]) -> str | None:
    if start is None:
        return None
    for block in blocks:
        if block.get("start", 0) <= start < block.get("end", 0):
            return block["id"]
    return None


def _depths(attributions: list[dict]) -> dict[str, int]:
    """Nesting depth of each attribution: 0 for a top-level one, parent's depth + 1 otherwise (cycles cut)."""
    parents = {a["id"]: a.get("parent") for a in attributions}
    depths: dict[str, int] = {}
    for ident in parents:
        depth, seen, current = 0, {ident}, parents[ident]
        while current and current in parents and current not in seen:
            seen.add(current)
            depth += 1
            current = parents[current]
        depths[ident] = depth
    return depths


def segment(text: str, start: int, end: int, intervals: list[tuple], fallback: str | None = None) -> list[dict]:
    """Cut ``text[start:end]`` into a tree of segments following ``intervals`` ``(start, end, kind, data)``.

    Intervals nest as they do in the text; one that crosses the end of its parent is clipped to it, and one
    outside the range or with bad offsets is dropped, so a stage's off-by-one never breaks the report.
    """
    if not (0 <= start <= end <= len(text)):
        return [{"text": fallback or ""}]
    usable = sorted(
        (
            (s, e, kind, data)
            for s, e, kind, data in intervals
            if isinstance(s, int) and isinstance(e, int) and start <= s < e and s < end
        ),
        key=lambda item: (item[0], -item[1]),
    )
    root: dict[str, Any] = {"children": [], "end": end}
    stack = [root]
    cursor = start

    def emit(upto: int) -> None:
        nonlocal cursor
        if upto > cursor:
            stack[-1]["children"].append({"text": text[cursor:upto]})
            cursor = upto

    for s, e, kind, data in usable:
        while len(stack) > 1 and s >= stack[-1]["end"]:
            emit(stack[-1]["end"])
            stack.pop()
        emit(s)
        node = {"kind": kind, "data": data, "children": [], "end": min(e, stack[-1]["end"])}
        stack[-1]["children"].append(node)
        stack.append(node)
    while len(stack) > 1:
        emit(stack[-1]["end"])
        stack.pop()
    emit(end)
    return root["children"]


def _claim_ref(claim: dict, sources: dict, narratives: list[dict]) -> dict[str, Any]:
    slots = {n["id"]: n["slot"] for n in narratives}
    return {
        "id": claim["id"],
        "anchor": anchor("claim", claim["id"]),
        "text": claim.get("text") or "",
        "source": source_name(sources, claim.get("source_id")),
        "narrative": claim.get("narrative"),
        "slot": slots.get(claim.get("narrative")),
        "hedge": claim.get("hedge"),
        "negated": claim.get("negated"),
        "event_type": claim.get("event_type"),
        "quantities": [q.get("text") for q in claim.get("quantities") or [] if q.get("text")],
    }


def _alignment(
    alignment: dict, claims: dict, sources: dict, narratives: list[dict], topic: str | None
) -> dict[str, Any]:
    """One alignment with its claims for the pages that list them; ``topic``: its label (:func:`facts_view`)."""
    verdict = str(alignment.get("verdict")) if alignment.get("verdict") in VERDICTS else "unique"
    return {
        "id": alignment.get("id"),
        "topic": topic,
        "verdict": verdict,
        "symbol": VERDICTS[verdict][0],
        "explanation": alignment.get("explanation") or "",
        "score": alignment.get("score"),
        "claims": [_claim_ref(claims[c], sources, narratives) for c in alignment.get("claim_ids") or [] if c in claims],
    }


def _unaligned(claims, alignments, sources, narratives) -> list[dict]:
    aligned = {c for a in alignments for c in a.get("claim_ids") or []}
    return [_claim_ref(c, sources, narratives) for c in claims if c["id"] not in aligned]


def _without_own_name(chain: list[str], account: str | None) -> list[str]:
    """A source chain with its account's own name taken off its head ("Fox News" relaying no one: [])."""
    return chain[1:] if chain and chain[0] == account else chain


def _chains(attributions: list[dict], sources: dict) -> dict[str, list[str]]:
    """Each attribution's source chain, outermost first: ``["Reuters", "the Syrian Observatory"]``."""
    by_id = {a["id"]: a for a in attributions}
    chains: dict[str, list[str]] = {}
    for attribution in attributions:
        chain: list[str] = []
        seen: set[str] = set()
        current: dict | None = attribution
        while current is not None and current["id"] not in seen:
            seen.add(current["id"])
            name = source_name(sources, current.get("source_id"))
            if not chain or chain[0] != name:
                chain.insert(0, name)
            current = by_id.get(current.get("parent") or "")
        chains[attribution["id"]] = chain
    return chains


def certainty_words(certainty: object) -> str:
    """A verdict's measured certainty in the words every report uses ("how sure: 71 %"); empty when unmeasured."""
    if not isinstance(certainty, int | float) or isinstance(certainty, bool):
        return ""
    return f"how sure: {round(100 * certainty)} %"


def confidence_words(confidence: object) -> str:
    """A flag's measured precision in the words every report uses ("right 16 % of the time in tests")."""
    if not isinstance(confidence, int | float) or isinstance(confidence, bool):
        return ""
    return f"right {round(100 * confidence)} % of the time in tests"


def _certainty_words(alignment: dict) -> str:
    """How sure the verdict is, to follow its reason ("; how sure: 71 %"), when the compare stage measured it."""
    words = certainty_words(alignment.get("certainty"))
    return f"; {words}" if words else ""


def _outlet_namer(narratives: list[dict], sources: dict) -> tuple[Callable[[dict], str], Callable[[dict], str | None]]:
    """For a claim (contract dict): the name of its column (narrative, or its source when it has none), and the
    person or body its outlet relays (None when the claim is the outlet's own voice)."""
    names = {n["id"]: n["name"] for n in narratives}

    def outlet_of(claim: dict) -> str:
        return names.get(claim.get("narrative")) or source_name(sources, claim.get("source_id"))

    def speaker_of(claim: dict) -> str | None:
        source = sources.get(claim.get("source_id")) or {}
        if not source or source.get("is_publisher") or claim.get("source_id") == claim.get("narrative"):
            return None
        name = source_name(sources, claim.get("source_id"))
        return None if name.lower() in PRONOUNS or not_named(source) else name

    return outlet_of, speaker_of


def fact_words(
    alignment: dict, claims: dict[str, dict], narratives: list[dict], sources: dict, actors: Sequence[dict] = ()
) -> tuple[str, str]:
    """The label and the reason a reader sees of one group (:mod:`rashomon.report.facts`), without the
    certainty."""
    members = [claims[c] for c in alignment.get("claim_ids") or [] if c in claims]
    outlet_of, speaker_of = _outlet_namer(narratives, sources)
    outlets = list(dict.fromkeys([n["name"] for n in narratives] + [outlet_of(c) for c in members]))
    label = fact_label(members, outlet_of, actors, speaker_of) if members else str(alignment.get("topic") or "")
    reason = str(alignment.get("reason") or fact_reason(alignment, outlets))
    return label, reason


def fact_words_of(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """By alignment id, the label and reason a reader sees of each group of a contract dict (one analysis, or
    pages merged by :func:`rashomon.report.comparison.merge_for_report`), as :func:`facts_view` shows them."""
    sources = {s["id"]: s for s in data.get("sources") or []}
    narratives = _narratives(data.get("blocks") or [], sources)
    claims = {c["id"]: c for c in data.get("claims") or []}
    actors = data.get("actors") or []
    return {str(a.get("id")): fact_words(a, claims, narratives, sources, actors) for a in data.get("alignments") or []}


def facts_view(
    alignments: list[dict],
    claims: dict[str, dict],
    attributions: list[dict],
    sources: dict,
    narratives: list[dict],
    actors: Sequence[dict] = (),
) -> dict[str, Any]:
    """Facts side by side: one row per alignment, one column per account (narrative).

    Each cell holds what that account says about the fact: the claim text, its numbers and its source chain
    (``Reuters › the Syrian Observatory``). Fields a newer compare stage may add to an alignment (``verdict``
    values beyond :data:`VERDICTS`, ``reason``, ``frame``) pass through as they are.
    """
    chains = _chains(attributions, sources)
    columns = [{"id": n["id"], "name": n["name"], "slot": n["slot"], "anchor": n["anchor"]} for n in narratives]
    known = {n["id"] for n in narratives}
    names = {n["id"]: n["name"] for n in narratives}
    rows: list[dict[str, Any]] = []
    shown: set[tuple[frozenset[str], str]] = set()
    for alignment in alignments:
        verdict = str(alignment.get("verdict") or "unique")
        # a figure's row and its sentences' row over the same claims, with one verdict, are one row to a reader
        same = (frozenset(alignment.get("claim_ids") or ()), verdict)
        if same in shown:
            continue
        shown.add(same)
        symbol, words = VERDICTS.get(verdict, ("?", verdict.replace("_", " ")))
        certainty = alignment.get("certainty")
        unsure = verdict == "agree" and isinstance(certainty, int | float) and certainty < AGREE_SURE_MIN_CERTAINTY
        if unsure:
            symbol, words = "=?", "agree?"
        cells: dict[str, list[dict]] = defaultdict(list)
        compared = alignment.get("figures_compared") or {}
        for claim_id in alignment.get("claim_ids") or []:
            claim = claims.get(claim_id)
            if claim is None:
                continue
            written = [q.get("text") for q in claim.get("quantities") or [] if q.get("text")]
            narrative = claim.get("narrative") if claim.get("narrative") in known else None
            if narrative is None and not columns:
                continue
            key = narrative or columns[0]["id"]
            cells[key].append(
                {
                    "id": claim["id"],
                    "anchor": anchor("claim", claim["id"]),
                    "text": claim.get("text") or "",
                    # a number group's own figures only: "at least six" missing is no figure of the dead
                    "numbers": compared.get(claim_id) or written,
                    # the column names its account: an account's own words need no name above them
                    "chain": _without_own_name(
                        chains.get(claim.get("attribution_id") or "") or [source_name(sources, claim.get("source_id"))],
                        names.get(key),
                    ),
                    "hedge": claim.get("hedge"),
                    "negated": bool(claim.get("negated")),
                }
            )
        explanation = str(alignment.get("explanation") or "")
        row_cells: list[list[dict]] = [cells.get(c["id"], []) for c in columns]
        label, reason = fact_words(alignment, claims, narratives, sources, actors)
        rows.append(
            {
                "id": alignment.get("id"),
                "topic": label,
                "frame": alignment.get("frame"),
                "verdict": verdict,
                "symbol": symbol,
                "verdict_words": words,
                "unsure": unsure,
                "reason": reason + _certainty_words(alignment),
                "certainty": certainty,
                "explanation": explanation,
                "cells": row_cells,
            }
        )
    rows.sort(key=lambda r: (VERDICT_ORDER.get(r["verdict"], len(VERDICT_ORDER)), -sum(1 for c in r["cells"] if c)))
    used = [i for i in range(len(columns)) if any(r["cells"][i] for r in rows)]
    if len(used) < 2:  # one account's table: "only X reports this" on every figure says nothing to a reader
        rows = [r for r in rows if r["verdict"] != "unique"]
        used = [i for i in used if any(r["cells"][i] for r in rows)]
    return {
        "columns": [columns[i] for i in used],
        "rows": [{**r, "cells": [r["cells"][i] for i in used]} for r in rows],
    }


def source_tree(
    attributions: list[dict], sources: dict, block_publisher: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Who says what as a tree: the publisher at the root, then each source under the source that relays it
    (agency → ministry / observatory / spokesman), with how often it is cited and a link to its first citation.
    ``block_publisher`` (block id -> publisher source id) roots each page at its own outlet when a comparison
    merges several pages (:mod:`rashomon.report.comparison`)."""
    by_id = {a["id"]: a for a in attributions}

    def parent_source(a: dict) -> str | None:
        parent = by_id.get(a.get("parent") or "")
        seen = {a["id"]}
        while parent is not None and parent.get("source_id") == a.get("source_id") and parent["id"] not in seen:
            seen.add(parent["id"])
            parent = by_id.get(parent.get("parent") or "")
        return parent.get("source_id") if parent is not None else None

    publisher = next((sid for sid, s in sources.items() if s.get("is_publisher")), None)
    nodes: dict[tuple, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []

    def node(path: tuple) -> dict[str, Any]:
        if path not in nodes:
            sid = path[-1]
            source = sources.get(sid) or {}
            nodes[path] = {
                "id": sid,
                "name": source_name(sources, sid),
                # (the name of a source nobody is named for says so already: "people not named (“Some”)")
                "kind": "" if not_named(source) else str(source.get("kind") or "").replace("_", " "),
                "is_publisher": bool(source.get("is_publisher")),
                "count": 0,
                "quotes": 0,
                "anchor": None,
                "children": [],
            }
            if len(path) > 1:
                node(path[:-1])["children"].append(nodes[path])
            else:
                roots.append(nodes[path])
        return nodes[path]

    def path_of(a: dict, depth: int = 0) -> tuple:
        sid = a.get("source_id")
        root = (block_publisher or {}).get(a.get("block_id") or "", publisher)
        parent = parent_source(a)
        if parent is None or depth > MAX_DEPTH:
            return (sid,) if sid == root or root is None or sources.get(sid, {}).get("is_publisher") else (root, sid)
        holder = next((p for p in attributions if p.get("source_id") == parent), None)
        return (*path_of(holder, depth + 1), sid) if holder else (root, parent, sid)

    for attribution in sorted(attributions, key=lambda a: (a.get("content") or {}).get("start") or 0):
        if attribution.get("kind") == "continuation" and attribution.get("source_id") == (
            by_id.get(attribution.get("parent") or "") or {}
        ).get("source_id"):
            continue  # the same source going on: not a new citation
        path = tuple(p for p in path_of(attribution) if p is not None)
        if not path:
            continue
        entry = node(path)
        entry["count"] += 1
        entry["quotes"] += attribution.get("kind") in ("direct", "mixed")
        entry["anchor"] = entry["anchor"] or anchor("attribution", attribution["id"])
    return roots


def tree_lines(roots: list[dict], depth: int = 0) -> list[tuple[int, dict]]:
    """The source tree flattened depth-first: ``(depth, node)`` pairs, for the text renderers."""
    out: list[tuple[int, dict]] = []
    for root in roots:
        out.append((depth, root))
        out += tree_lines(root["children"], depth + 1)
    return out


def _title_case_headline(block: dict) -> bool:
    """A headline most of whose words are capitalised ("As Tension Eases On Ferguson's Streets, Focus Turns"):
    there every word looks like a name, and an actor found in it and nowhere else is rarely one. Titles are told
    as the framing stage tells them."""
    from ..framing import is_title

    return block.get("kind") == "headline" and is_title(re.findall(r"[^\W\d_]+", str(block.get("text") or "")))


def actor_matrix(
    actors: list[dict], relations: list[dict], blocks: list[dict], narratives: list[dict]
) -> dict[str, Any]:
    """Actors × accounts: in each account's paragraphs, how often the actor is named and which relations about
    it that account asserts (``+``), reports (``~``) or denies (``−``). An empty cell: the account leaves it out."""
    spans = [(b.get("start", 0), b.get("end", 0), b.get("narrative")) for b in blocks]

    def narrative_at(offset: Any) -> str | None:
        if not isinstance(offset, int):
            return None
        return next((n for s, e, n in spans if s <= offset < e), None)

    columns = [{"id": n["id"], "name": n["name"], "slot": n["slot"]} for n in narratives]
    names = {a["id"]: a.get("name") or a["id"] for a in actors}
    titles = [(b.get("start", 0), b.get("end", 0)) for b in blocks if _title_case_headline(b)]
    rows = []
    for actor in actors:
        found = [m for m in actor.get("mentions") or [] if isinstance(m.get("start"), int)]
        if found and titles and all(any(s <= m["start"] < e for s, e in titles) for m in found):
            continue  # "Tension Eases", "Focus Turns": a headline's capitals, named nowhere else
        mentions: Counter[str | None] = Counter(narrative_at(m.get("start")) for m in actor.get("mentions") or [])
        said: dict[str | None, list[dict]] = defaultdict(list)
        for r in relations:
            if actor["id"] not in (r.get("subject"), r.get("object")):
                continue
            where = r.get("narrative") or narrative_at((r.get("evidence") or {}).get("start"))
            other = r.get("object") if r.get("subject") == actor["id"] else r.get("subject")
            polarity = str(r.get("polarity") or "asserted")
            said[where].append(
                {
                    "type": r.get("type"),
                    "label": RELATION_LABELS.get(str(r.get("type")), str(r.get("type") or "related").replace("_", " ")),
                    "other": names.get(other, other),
                    "outgoing": r.get("subject") == actor["id"],
                    "polarity": polarity,
                    "mark": {"denied": "−", "reported": "~"}.get(polarity, "+"),
                }
            )
        if not sum(mentions.values()):
            continue
        for where, items in said.items():
            merged: dict[tuple, dict] = {}
            for item in items:
                key = (item["label"], item["other"], item["outgoing"], item["polarity"])
                merged.setdefault(key, {**item, "times": 0})["times"] += 1
            said[where] = list(merged.values())
        rows.append(
            {
                "name": names[actor["id"]],
                "anchor": anchor("actor", actor["id"]),
                "side": actor.get("side") or "",
                "cells": [{"mentions": mentions.get(c["id"], 0), "relations": said.get(c["id"], [])} for c in columns],
                "total": sum(mentions.values()),
            }
        )
    rows.sort(key=lambda r: (-any(c["relations"] for c in r["cells"]), -r["total"], r["name"]))
    # the Side column only when some actor has a side: an all-dash column costs a narrow screen an account
    return {
        "columns": columns,
        "rows": rows[:MATRIX_ROWS],
        "more": rows[MATRIX_ROWS:],
        "sides": any(r["side"] for r in rows),
    }


def flag_counts(view: dict[str, Any]) -> list[tuple[str, int]]:
    """How many comments each report filter selects, non-zero ones only."""
    return [(name, n) for name, n in view["comments"]["filters"] if n]


def voices(attributions: list[dict], sources: dict, text: str = "") -> Callable[[int, int], str | None]:
    """``voice_at(start, end)``: the source whose own words hold that stretch of ``text`` (the innermost), or
    None where the account chose the words. A source's own words are a quotation: the whole content of a direct
    quotation (or its continuation), and inside reported speech ("calling the deal “fiscally irresponsible”")
    only the stretches in quotation marks, since the rest is the account's paraphrase ("Mr. Boehner said that
    ..., a surprisingly downbeat assessment": the account's word). Statements of the page's own publisher are
    the account's."""
    from ..framing import quotations

    spans: list[tuple[int, int, str, int]] = []  # start, end, source, its statement's length
    for attribution in attributions:
        content, source = attribution.get("content"), sources.get(attribution.get("source_id")) or {}
        if source.get("is_publisher") or not isinstance(content, dict):
            continue
        start, end = content.get("start"), content.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or end <= start:
            continue
        name = source_name(sources, attribution.get("source_id")) if source else "a source"
        if attribution.get("kind") in QUOTED_KINDS:
            spans.append((start, end, name, end - start))
        elif attribution.get("kind") not in OWN_VOICE_KINDS and text:
            spans += [(start + a, start + b, name, end - start) for a, b in quotations(text[start:end])]
    # the innermost first: of one quotation relayed twice ("B dismissed A's comment that ... “X”"), the
    # statement closest to it (A's)
    spans.sort(key=lambda s: (s[1] - s[0], s[3]))

    def voice_at(start: int, end: int) -> str | None:
        return next((name for a, b, name, _ in spans if a <= start and end <= b), None)

    return voice_at


def framing_view(
    framing: dict[str, Any],
    narratives: list[dict],
    choices: list[dict] | None = None,
    voice_at: Callable[[int, int], str | None] | None = None,
) -> dict[str, Any]:
    """Per side: distinctive terms, lexicon hits, loaded spans; the diverging chart, the lexicon pairs and the
    paired word choices (what each account calls the same actor or event).

    ``voice_at(start, end)`` names the source a loaded word is relayed from (:func:`voices`): such a word is the
    source's choice, not the account's, and is listed after the account's own with whose words it is."""
    names = {n["id"]: n for n in narratives}
    sides: list[dict[str, Any]] = []
    for key, value in framing.items():
        if not isinstance(value, dict):
            continue
        narrative = names.get(key) or {
            "id": key,
            "name": str(value.get("label") or key),
            "slot": len(sides) % len(svg.SIDE_COLOURS),
        }
        distinctive = [
            t
            for t in value.get("distinctive") or []
            if isinstance(t, dict)
            and t.get("term")
            and not (isinstance(t.get("z"), int | float) and abs(t["z"]) < DISTINCTIVE_MIN_Z)
            and not (voice_at and _all_relayed(t.get("spans"), voice_at))
        ]
        distinctive.sort(key=lambda t: -abs(_number(t.get("z"))))
        sides.append(
            {
                "id": key,
                "name": narrative["name"],
                "slot": narrative["slot"],
                "distinctive": distinctive[:FRAMING_TERMS_PER_SIDE],
                "lexicon": [t for t in value.get("lexicon") or [] if isinstance(t, dict)],
                **_findings_and_leads(
                    _merge_loaded(
                        [
                            flag
                            for flag in (_loaded(item, voice_at) for item in value.get("loaded") or [])
                            # a short quotation of a source's words is a quotation, not the account's scare quotes
                            if not (flag["kind"] == "scare_quote" and flag["voice"])
                        ]
                    )
                ),
            }
        )
    families: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    words_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for side in sides:
        for hit in side["lexicon"]:
            forms = [str(f) for f in hit.get("forms") or []]
            if forms and all(f[:1].isupper() for f in forms):  # "Vineyard Holistic Retreat": a name's word
                continue
            written = " / ".join(forms) or str(hit.get("term", ""))
            label = written + (f" ×{hit['count']:g}" if isinstance(hit.get("count"), int | float) else "")
            families[str(hit.get("family") or "other")][side["id"]].append(label)
            words_of[str(hit.get("family") or "other")][side["id"]].update(f.lower() for f in forms or [written])
    chart = None
    if len(sides) == 2 and (sides[0]["distinctive"] or sides[1]["distinctive"]):
        chart = svg.diverging_bars(sides[0], sides[1])
    charts = [] if chart is not None else [svg.bars(side) for side in sides if side["distinctive"]]
    choice_table = word_choices_view(choices or [], narratives)
    return {
        "pair_sides": choice_table["columns"],
        "pairs": choice_table["rows"],
        "alike_line": choice_table["alike_line"],
        "choices": choice_table,
        "sides": sides,
        "chart": chart,
        "charts": charts,
        "lexicon_pairs": [
            {"family": fam.replace("_", " "), "by_side": [", ".join(by_side.get(s["id"], [])) for s in sides]}
            for fam, by_side in sorted(families.items())
            if len(sides) < 2 or _words_differ(words_of[fam])
        ],
    }


def _words_differ(words: Mapping[str, set[str]]) -> bool:
    """Whether a lexicon family tells the accounts apart: at least :data:`LEXICON_PAIR_MIN_SIDES` accounts use
    it, not all with the same words ("defeat" in two accounts, often one speaker quoted by both, is no choice)."""
    return len(words) >= LEXICON_PAIR_MIN_SIDES and len({frozenset(w) for w in words.values()}) > 1


def _all_relayed(spans: Any, voice_at: Callable[[int, int], str | None]) -> bool:
    """Whether every use of a word lies inside some source's statement (so the word is theirs, not the
    account's); False when the uses are not known."""
    placed = [s for s in spans or [] if isinstance(s, list | tuple) and len(s) == 2]
    return bool(placed) and all(voice_at(int(a), int(b)) for a, b in placed)


def _findings_and_leads(flags: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """``loaded``: the flags whose kind was right at least :data:`LOADED_FINDING_MIN_CONFIDENCE` of the time
    when measured (or never measured: a lexicon's label); ``loaded_leads``: the others, shown apart as leads."""
    lead = [
        isinstance(f.get("confidence"), int | float) and f["confidence"] < LOADED_FINDING_MIN_CONFIDENCE for f in flags
    ]
    return {
        "loaded": [f for f, is_lead in zip(flags, lead, strict=True) if not is_lead],
        "loaded_leads": [f for f, is_lead in zip(flags, lead, strict=True) if is_lead],
    }


def _merge_loaded(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per loaded word (case kept from its first use), counting repeats; labels made readable."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for item in items:
        label = str(item["label"]).replace("_", " ").replace(",", ", ").lower() if item["label"] else None
        entry = merged.setdefault((item["text"].lower(), item.get("voice") or ""), {**item, "label": label, "count": 0})
        entry["count"] += int(_number(item.get("count")) or 1)
    return sorted(merged.values(), key=lambda e: bool(e.get("voice")))  # the account's own words first


#: The line under the paired word choices that names the referents every account wrote alike (all reports).
NAMED_ALIKE = "Named with the same words by every account that names them: {referents}."


def word_choices_view(choices: list[dict], narratives: list[dict]) -> dict[str, Any]:
    """The paired word choices as one table: a row per shared actor or event, a column per account that writes
    one of them (an account named only in referents written alike has nothing to show); each cell lists the
    words that account wrote, with counts and the sources it relays when it uses them. ``alike``: the referents
    every account wrote alike, and ``alike_line`` the one sentence every report gives them (None without any)."""
    order = {n["id"]: i for i, n in enumerate(narratives)}
    differing = [c for c in choices if c.get("differs")]
    columns: dict[str, str] = {}
    for choice in differing:
        for row in choice.get("accounts") or []:
            columns.setdefault(str(row.get("account")), str(row.get("label") or row.get("account")))
    ids = sorted(columns, key=lambda a: (order.get(a, len(order)), a))
    rows = []
    for choice in differing:
        cells = {str(row.get("account")): _choice_cell(row.get("words") or []) for row in choice.get("accounts") or []}
        label = str(choice.get("label") or choice.get("referent") or "")
        rows.append({"label": label, "kind": choice.get("kind"), "cells": [cells.get(a, "") for a in ids]})
    # every account that names these wrote the same words: no choice to show, one line names them
    alike = [str(c.get("label") or c.get("referent") or "") for c in choices if not c.get("differs")]
    return {
        "columns": [columns[a] for a in ids],
        "rows": rows,
        "alike": alike,
        "alike_line": NAMED_ALIKE.format(referents=", ".join(alike)) if alike else None,
    }


def _choice_cell(words: list[dict]) -> str:
    parts = []
    for word in words:
        part = f"{word.get('term')} ×{word.get('count')}"
        notes = []
        if word.get("scare_quoted"):
            notes.append("in quotes")
        voices = word.get("voices") or []
        if voices:
            notes.append("quoting " + "; ".join(voices[:2]) + (" …" if len(voices) > 2 else ""))
        parts.append(part + (f" ({', '.join(notes)})" if notes else ""))
    return ", ".join(parts)


#: How a loaded-language flag's kind is named to the reader (the head's own flags go by their technique).
LOADED_KIND_LABELS = {"scare_quote": "scare quotes", "verb": "side-taking verb"}


def _loaded(item: Any, voice_at: Callable[[int, int], str | None] | None = None) -> dict[str, Any]:
    """A loaded-language flag for display: its text, what kind of flag it is, whose words they are when a
    source's quotation holds them (``voice_at``) and, when the framing stage gave one, ``confidence``: how often
    a flag of that kind was right when measured."""
    if not isinstance(item, dict):
        item = {"text": str(item)}
    start, end = item.get("start"), item.get("end")
    voice = voice_at(start, end) if voice_at and isinstance(start, int) and isinstance(end, int) else None
    confidence = item.get("confidence")
    return {
        "text": str(item.get("text") or item.get("term") or ""),
        "kind": item.get("kind"),
        "label": item.get("label")
        or LOADED_KIND_LABELS.get(str(item.get("kind")))
        or item.get("technique")
        or item.get("family"),
        "count": item.get("count"),
        "voice": voice,
        "whose": in_words_of(voice) if voice else None,
        "confidence": confidence if isinstance(confidence, int | float) else None,
        "confidence_words": confidence_words(confidence),
    }


def in_words_of(name: str) -> str:
    """ "Holder" -> "in Holder’s words", "voters" -> "in voters’ words"; a name that ends in a gloss ("someone
    not named (“he”)") takes no possessive: "in the words of someone not named (“he”)"."""
    if name.endswith((")", "”", '"')):
        return f"in the words of {name}"
    return "in " + name + ("’" if name.endswith("s") else "’s") + " words"


def _actors(actors: list[dict], relations: list[dict], sources: dict) -> dict[str, Any]:
    names = {a["id"]: a.get("name") or a["id"] for a in actors}
    by_side: dict[str, list[dict]] = defaultdict(list)
    for actor in actors:
        by_side[actor.get("side") or "no side given"].append(
            {
                **actor,
                "anchor": anchor("actor", actor["id"]),
                "mention_count": len(actor.get("mentions") or []),
                "relations": sum(1 for r in relations if actor["id"] in (r.get("subject"), r.get("object"))),
            }
        )
    rows = [
        {
            "id": r.get("id"),
            "type": r.get("type") or "related",
            "label": RELATION_LABELS.get(r.get("type") or "", str(r.get("type") or "related").replace("_", " ")),
            "subject": names.get(r.get("subject"), r.get("subject")),
            "object": names.get(r.get("object"), r.get("object")),
            "polarity": r.get("polarity") or "asserted",
            "asserted_by": (
                names[r["asserted_by"]] if r["asserted_by"] in names else source_name(sources, r["asserted_by"])
            )
            if r.get("asserted_by")
            else None,
            "evidence": (r.get("evidence") or {}).get("text") or "",
        }
        for r in relations
    ]
    return {
        "sides": [{"side": side, "actors": members} for side, members in sorted(by_side.items())],
        "relations": rows,
        "graph": svg.actor_graph(actors, relations) if actors and relations else None,
    }


def comment_filters(comment: dict) -> list[str]:
    """The report filters (:data:`COMMENT_FILTERS`) a comment falls under, by its flags (never by a score whose
    flag the comments stage withheld)."""
    flags = {str(f).lower() for f in comment.get("flags") or []}
    selected = [name for name, members in COMMENT_FILTERS.items() if flags.intersection(members)]
    if "corrections" not in selected and comment.get("corrects"):
        selected.append("corrections")
    return selected


def evidence_label(label: Any) -> str:
    """What a comment's evidence mark says to the reader (``toxic_span`` is the head that found the words)."""
    text = str(label or "")
    return EVIDENCE_LABELS.get(text, text if text.startswith("reply:") else text.replace("_", " "))


def flag_label(flag: str, language: str | None = None) -> str:
    """What a comment flag says in plain words. ``language_unknown`` is set on every comment that is not
    English, told or not: a comment known to be German reads "not scored: German", not "language unknown"."""
    if flag == "language_unknown" and language and language != "en":
        from ..read import language_name

        return f"not scored: {language_name(language)}"
    return FLAG_LABELS.get(flag, flag.replace("_", " "))


#: An ISO 8601 time as written by the readers: date, clock and what follows (seconds, offset).
ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(.*)$")


def when(value: str | None) -> str:
    """A time for reading: "2020-04-09 20:50 +02:00" for "2020-04-09T20:50:40+02:00" (the seconds and the "T"
    of ISO 8601 help no reader); anything else as it is."""
    match = ISO_TIME.match(value or "")
    if not match:
        return value or ""
    date, clock, rest = match.groups()
    zone = " UTC" if rest in ("Z", "+00:00") else (f" {rest}" if rest else "")
    return f"{date} {clock}{zone}"


def is_pingback(comment: dict) -> bool:
    """Whether a comment is another site's notice that it links here (the reader's ``pingback`` flag), not a
    reader's words."""
    return "pingback" in (comment.get("flags") or [])


def commenter_name(comment: dict) -> str:
    """Who wrote a comment, for display: its author, else "(pingback)" for another site's notice that it links
    here, else "(anonymous)"."""
    return comment.get("author") or ("(pingback)" if is_pingback(comment) else "(anonymous)")


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _nests(comment: dict) -> bool:
    """Whether a comment is drawn under the one it replies to: always for a reply the page marked, and for an
    inferred one only when the threads stage was sure enough (``INFERRED_REPLY_NEST_MIN_CONFIDENCE``)."""
    if not comment.get("reply_reason"):
        return True
    confidence = comment.get("reply_confidence")
    return confidence is not None and _number(confidence) >= INFERRED_REPLY_NEST_MIN_CONFIDENCE


def _comments(text: str, comments: list[dict], actor_names: dict[str, str]) -> dict[str, Any]:
    """Reply threads (depth-first, with depth), filters per comment, and a per-commenter summary."""
    ids = {c["id"] for c in comments}
    children: dict[str | None, list[dict]] = defaultdict(list)
    for comment in comments:
        parent = comment.get("reply_to") if _nests(comment) else None
        children[parent if parent in ids and parent != comment["id"] else None].append(comment)
    ordered: list[tuple[dict, int]] = []
    visited: set[str] = set()

    def walk(top: dict, depth: int) -> None:  # depth-first with a stack: a 1,000-reply argument is no recursion
        stack = [(top, depth)]
        while stack:
            comment, level = stack.pop()
            if comment["id"] in visited:
                continue
            visited.add(comment["id"])
            ordered.append((comment, level))
            stack.extend((child, level + 1) for child in reversed(children.get(comment["id"], [])))

    for top in children.get(None, []):
        walk(top, 0)
    for comment in comments:  # reply cycles: still shown, at the top level
        walk(comment, 0)

    by_id = {c["id"]: c for c in comments}
    items = []
    filter_counts: Counter[str] = Counter()
    for comment, depth in ordered:
        filters = comment_filters(comment)
        filter_counts.update(filters)
        nests = _nests(comment)
        intervals = [
            (
                e.get("start"),
                e.get("end"),
                "evidence",
                {"label": evidence_label(e.get("label")), "weight": e.get("weight")},
            )
            for e in comment.get("evidence") or []
            if nests or not str(e.get("label") or "").startswith("reply:")
        ]
        hinted = nests or _number(comment.get("reply_confidence")) >= INFERRED_REPLY_HINT_MIN_CONFIDENCE
        reason = comment.get("reply_reason") if hinted else None
        linked = by_id.get(str(comment.get("reply_to"))) if hinted else None
        parent = linked if nests else None
        items.append(
            {
                **comment,
                "reply_reason": reason,
                "anchor": anchor("comment", comment["id"]),
                "depth": min(depth, MAX_DEPTH),
                "filters": filters,
                "flag_labels": [(f, flag_label(f, comment.get("language"))) for f in comment.get("flags") or []],
                "who": commenter_name(comment),
                "segments": segment(
                    text, comment.get("start", 0), comment.get("end", 0), intervals, comment.get("text")
                ),
                "parent_anchor": anchor("comment", parent["id"]) if parent else None,
                "parent_author": (parent or {}).get("author") or comment.get("reply_to_author"),
                "reply_reason_label": REPLY_REASON_LABELS.get(str(reason), reason),
                "maybe_answers": None if nests or linked is None else commenter_name(linked),
                "maybe_answers_anchor": None if nests or linked is None else anchor("comment", linked["id"]),
                "top_scores": sorted(
                    (
                        (k, _number(v))
                        for k, v in (comment.get("scores") or {}).items()
                        if k in (comment.get("flags") or ())
                    ),
                    key=lambda kv: -kv[1],
                )[:4],
                "stance": [
                    {**s, "actor": actor_names.get(s.get("actor"), s.get("actor")), "read": _stance_read(s)}
                    for s in comment.get("stance") or []
                    if s.get("stance") != "neutral"
                ],
                "corrects_anchor": anchor("comment", comment["corrects"]) if comment.get("corrects") in by_id else None,
            }
        )
    return {
        "items": items,
        "filters": [(name, filter_counts.get(name, 0)) for name in COMMENT_FILTERS],
        "commenters": _commenters(comments, by_id),
        "actor_stances": _actor_stances(items),
    }


def _stance_read(stance: dict) -> str:
    """How a stance was read, for its chip's tooltip: the sentence, and the phrase or model that read it."""
    text = str(stance.get("text") or "")
    if stance.get("basis") == "phrase":
        return f"a set phrase of praise or blame: {text}"
    if stance.get("basis") == "model":
        score = stance.get("score")
        sure = f" (P(pro) − P(anti) = {score:+.2f})" if isinstance(score, int | float) else ""
        return f"the stance model's reading of the comment{sure}, which names the actor in: {text}"
    return f"read from: {text}"


def _actor_stances(items: list[dict]) -> list[dict[str, Any]]:
    """Per actor the comments take a side on: the pro and the anti ones (anchor and commenter, in page order),
    most discussed first. Neutral mentions are not counted: the stance step's abstention is no finding."""
    rows: dict[str, dict[str, Any]] = {}
    for item in items:
        for s in item.get("stance") or []:
            side = s.get("stance")
            if side not in ("pro", "anti"):
                continue
            row = rows.setdefault(str(s.get("actor")), {"actor": str(s.get("actor")), "pro": [], "anti": []})
            row[side].append({"anchor": item["anchor"], "who": item["who"], "text": s.get("text") or ""})
    return sorted(rows.values(), key=lambda r: (-(len(r["pro"]) + len(r["anti"])), r["actor"]))


def _commenters(comments: list[dict], by_id: dict[str, dict]) -> list[dict[str, Any]]:
    summary: dict[str, dict[str, Any]] = {}

    def row_of(comment: dict) -> dict[str, Any]:
        author = commenter_name(comment)
        return summary.setdefault(
            author,
            {
                "author": author,
                "comments": 0,
                "replies_received": 0,
                "flags": Counter(),
                "max_abuse": None,
                "scored": False,
                "verified": comment.get("verified"),
            },
        )

    for comment in comments:
        if is_pingback(comment):  # another site's notice: no commenter
            continue
        row = row_of(comment)
        row["comments"] += 1
        row["flags"].update(flag_label(f, comment.get("language")) for f in comment.get("flags") or [])
        scores = comment.get("scores") or {}
        row["scored"] = row["scored"] or bool(scores)  # none scored: no highest score (not 0.00)
        # only the kinds the comment is flagged with, as its card shows them: a benign question's unflagged 0.61
        # read as "highest abuse score 0.61" beside its name
        flags = set(comment.get("flags") or ())
        flagged = [_number(scores[k]) for k in ABUSE_SCORE_KEYS if k in scores and k in flags]
        if flagged:
            row["max_abuse"] = max([row["max_abuse"] or 0.0, *flagged])
        parent = by_id.get(str(comment.get("reply_to")))
        if parent and not is_pingback(parent):
            row_of(parent)["replies_received"] += 1
    rows = sorted(summary.values(), key=lambda r: (-r["comments"], r["author"]))
    for row in rows:
        row["flags"] = sorted(row["flags"].items(), key=lambda kv: (-kv[1], kv[0]))
    return rows
