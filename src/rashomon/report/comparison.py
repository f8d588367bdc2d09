"""A comparison across pages (:func:`rashomon.compare.compare_pages`) as one report with a column per page.

:func:`merge_for_report` folds the pages' analyses and the comparison into one dict shaped like the JSON contract
of a single analysis, where each page is one account (its blocks' narrative is the page's outlet) and the
cross-page alignments are the alignments. :func:`rashomon.report.view.build_view` and every renderer then read it
as they read one page, so ``rashomon compare -o cmp.html`` is the same report as ``rashomon analyze -o page.html``:
facts side by side (a column per outlet), who says what, framing, actors, comments, the texts.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .. import framing
from ..actors.across import same_actors_across_pages
from .view import certainty_words

#: Keys holding the id of a record of the same page (prefixed with the page id when pages are merged).
_REFERENCES = ("source_id", "parent", "attribution_id", "block_id", "reply_to", "corrects")
#: Warnings of one page that a comparison answers: each page is one account there by design.
PAGE_ONLY_WARNINGS = frozenset({"one_account"})
#: Text put between two pages' texts in the merged text (offsets of the second page shift past it).
PAGE_SEPARATOR = "\n\n"


def outlet_name(page: dict[str, Any], fallback: str) -> str:
    """How a page's outlet is named in a comparison: its publisher, else its site (``www.`` dropped), else
    ``fallback`` (the file name, say); never its headline, which says nothing about who tells the story."""
    if page.get("publisher"):
        return str(page["publisher"])
    host = urlsplit(str(page.get("url") or "")).hostname or ""
    host = host[4:] if host.startswith("www.") else host
    return host or fallback


def _shift(value: Any, offset: int) -> Any:
    """``value`` with every ``start``/``end`` offset pair moved by ``offset`` (spans, quantities, evidence)."""
    if isinstance(value, list):
        return [_shift(v, offset) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _shift(v, offset) for k, v in value.items()}
    if isinstance(out.get("start"), int) and isinstance(out.get("end"), int):
        out["start"] += offset
        out["end"] += offset
    return out


def _pages_value(analyses: list[dict[str, Any]], key: str) -> str | None:
    """What the compared pages say for a header field (``language``, ``published_at``): the one value when all
    pages that know it agree, else each distinct value once; None when no page knows it. A comparison of three
    English pages is in English, not of an unknown language."""
    values = [str(v) for data in analyses if (v := (data.get("page") or {}).get(key))]
    return ", ".join(dict.fromkeys(values)) or None


def _one_line_per_warning(warnings: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The pages' warnings (outlet name, warning) with the ones several pages share said once, naming each page
    ("New York Times, Fox News: the page has no comment section"), so three text files do not fill the header
    with one line thrice."""
    grouped: dict[tuple, list[tuple[str, dict[str, Any]]]] = {}
    for name, warning in warnings:
        key = (warning.get("stage"), warning.get("code"), warning.get("message"))
        grouped.setdefault(key, []).append((name, warning))
    out = []
    for same in grouped.values():
        names = ", ".join(dict.fromkeys(name for name, _ in same))
        first = same[0][1]
        out.append({**first, "message": f"{names}: {first.get('message')}"})
    return out


def merge_for_report(analyses: list[dict[str, Any]], result: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """One contract-shaped dict for the report of ``compare_pages``' ``result`` over ``analyses`` (contract
    dicts, in the order given to it); ``names[i]`` names page ``i``'s outlet (:func:`outlet_name`)."""
    text_parts: list[str] = []
    page_warnings: list[tuple[str, dict[str, Any]]] = []
    offset = 0
    merged: dict[str, Any] = {
        key: [] for key in ("blocks", "sources", "attributions", "claims", "relations", "comments", "warnings")
    }
    actors: dict[str, dict[str, Any]] = {}
    block_publisher: dict[str, str] = {}
    outlets: dict[str, str] = {}
    starts: dict[str, int] = {}
    for index, (data, name) in enumerate(zip(analyses, names)):
        pid = f"p{index + 1}"
        starts[pid] = offset
        data = _shift(data, offset)

        def ref(ident: Any, pid: str = pid) -> Any:
            return f"{pid}:{ident}" if ident is not None else None

        publisher = next((s for s in data.get("sources") or [] if s.get("is_publisher")), None)
        outlet = outlets[pid] = ref(publisher["id"] if publisher else "publisher")
        merged["sources"].append(
            {**(publisher or {"kind": "publisher", "mentions": []}), "id": outlet, "name": name, "is_publisher": True}
        )
        merged["sources"] += [
            {**s, "id": ref(s["id"])} for s in data.get("sources") or [] if s is not publisher and s.get("id")
        ]
        for block in data.get("blocks") or []:
            merged["blocks"].append({**block, "id": ref(block["id"]), "narrative": outlet})
            block_publisher[ref(block["id"])] = outlet
        for key in ("attributions", "claims", "comments"):
            for record in data.get(key) or []:
                record = {**record, "id": ref(record["id"])}
                for field in _REFERENCES:
                    if record.get(field) is not None:
                        record[field] = ref(record[field])
                if key == "claims":
                    record["narrative"] = outlet
                merged[key].append(record)
        for actor in data.get("actors") or []:
            entry = actors.setdefault(actor["id"], {**actor, "mentions": []})
            entry["mentions"] = entry["mentions"] + list(actor.get("mentions") or [])
            entry.setdefault("pages", set()).add(pid)
        sources = {s.get("id") for s in data.get("sources") or []}
        for relation in data.get("relations") or []:
            merged["relations"].append(
                {
                    **relation,
                    "id": ref(relation.get("id")),
                    "narrative": outlet,
                    "asserted_by": ref(relation["asserted_by"])
                    if relation.get("asserted_by") in sources
                    else relation.get("asserted_by"),
                }
            )
        page_warnings += [(name, w) for w in data.get("warnings") or [] if w.get("code") not in PAGE_ONLY_WARNINGS]
        text = (data.get("page") or {}).get("text") or ""
        text_parts.append(text)
        offset += len(text) + len(PAGE_SEPARATOR)
    merged["warnings"] = _one_line_per_warning(page_warnings)
    merged["warnings"] += [{"stage": "compare", **w} for w in result.get("warnings") or []]
    joined, renamed = same_actors_across_pages(list(actors.values()))
    for relation in merged["relations"]:
        for end in ("subject", "object"):
            if relation.get(end) in renamed:
                relation[end] = renamed[relation[end]]
    return {
        "schema_version": (analyses[0] if analyses else {}).get("schema_version"),
        "page": {
            "title": "Compared: " + ", ".join(names),
            "publisher": ", ".join(names),
            "published_at": _pages_value(analyses, "published_at"),
            "language": _pages_value(analyses, "language"),
            "text": PAGE_SEPARATOR.join(text_parts),
        },
        **merged,
        "actors": joined,
        "alignments": result.get("alignments") or [],
        # compare_pages keys framing by page id ("p1"): the outlet's id makes it that column's side
        "framing": {
            outlets.get(key, key): framing.shifted(value, starts.get(key, 0)) if isinstance(value, dict) else value
            for key, value in (result.get("framing") or {}).items()
        },
        "block_publisher": block_publisher,
        # compare_pages' rows are by page id with offsets in each page's text: here the outlet's column and the
        # merged text, as every other span of the report
        "word_choices": [_choice_in_merged_text(c, outlets, starts) for c in result.get("word_choices") or []],
    }


def _choice_in_merged_text(choice: dict[str, Any], outlets: dict[str, str], starts: dict[str, int]) -> dict[str, Any]:
    """One cross-page word choice with each row's account made its outlet's id and its evidence moved into
    the merged text."""
    rows = [
        {
            **row,
            "account": outlets.get(row["account"], row["account"]),
            "words": _shift(row.get("words") or [], starts.get(row["account"], 0)),
        }
        for row in choice.get("accounts") or []
    ]
    return {**choice, "accounts": rows}


def comparison_text(result: dict) -> str:
    """``compare_pages``' result as plain text for a terminal: one line per verdict, then each outlet's words."""
    lines = ["pages: " + " | ".join(f"{p['id']} {p['label']} ({p['claims']} claims)" for p in result["pages"])]
    for alignment in result["alignments"]:
        sure = certainty_words(alignment.get("certainty"))
        verdict = alignment["verdict"] + (f"; {sure}" if sure else "")
        lines.append(f"[{verdict}] {alignment['topic']}: {alignment['explanation']}")
    for pid, entry in result["framing"].items():
        words = ", ".join(f"{d['term']} ({d['z']:.1f})" for d in entry["distinctive"][:10]) or "none"
        terms = ", ".join(f"{h['term']} ×{h['count']:g}" for h in entry["lexicon"]) or "none"
        lines.append(f"{pid} {entry['label']}: distinctive words {words}; framing terms {terms}")
    for warning in result["warnings"]:
        lines.append(f"warning {warning['code']}: {warning['message']}")
    return "\n".join(lines) + "\n"
