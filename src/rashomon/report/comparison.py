"""A comparison across pages (:func:`rashomon.compare.compare_pages`) as one report with a column per page.

:func:`merge_for_report` folds the pages' analyses and the comparison into one dict shaped like the JSON contract
of a single analysis, where each page is one account (its blocks' narrative is the page's outlet) and the
cross-page alignments are the alignments. :func:`rashomon.report.view.build_view` and every renderer then read it
as they read one page, so ``rashomon compare -o cmp.html`` is the same report as ``rashomon analyze -o page.html``:
facts side by side (a column per outlet), who says what, framing, actors, comments, the texts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

from .view import certainty_words

#: Keys holding the id of a record of the same page (prefixed with the page id when pages are merged).
_REFERENCES = ("source_id", "parent", "attribution_id", "block_id", "reply_to", "corrects")
#: Warnings of one page that a comparison answers: each page is one account there by design.
PAGE_ONLY_WARNINGS = frozenset({"one_account"})
#: Text put between two pages' texts in the merged text (offsets of the second page shift past it).
PAGE_SEPARATOR = "\n\n"
#: Titles before a name, dropped when names are matched across pages.
NAME_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "rep", "sen", "gov", "rev", "capt", "gen", "lt", "col", "sgt", "prof"}
)
#: Suffixes that tell a son from his father: kept apart from the name's words.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Usual English nicknames -> the given name (a shortening of its first three letters needs no entry).
NICKNAMES = {
    "bob": "robert",
    "bobby": "robert",
    "bill": "william",
    "billy": "william",
    "will": "william",
    "dick": "richard",
    "rick": "richard",
    "jim": "james",
    "jimmy": "james",
    "mike": "michael",
    "joe": "joseph",
    "tom": "thomas",
    "ted": "edward",
    "ed": "edward",
    "chuck": "charles",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "peggy": "margaret",
    "sandi": "sandra",
    "sandy": "sandra",
}
#: Actor types that are people: their given names may differ ("Dave" / "David") and still name one person.
PERSON_TYPES = frozenset({"person"})
#: Actor types a last name alone may have: the actors stage types a bare "Cantor" or "Holder" as an
#: organization as often as a person (spaCy's entity label), so both may join the one full name of that person.
LAST_NAME_TYPES = frozenset({"person", "organization"})


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


def merge_for_report(analyses: list[dict[str, Any]], result: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """One contract-shaped dict for the report of ``compare_pages``' ``result`` over ``analyses`` (contract
    dicts, in the order given to it); ``names[i]`` names page ``i``'s outlet (:func:`outlet_name`)."""
    text_parts: list[str] = []
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
        merged["warnings"] += [
            {**w, "message": f"{name}: {w.get('message')}"}
            for w in data.get("warnings") or []
            if w.get("code") not in PAGE_ONLY_WARNINGS
        ]
        text = (data.get("page") or {}).get("text") or ""
        text_parts.append(text)
        offset += len(text) + len(PAGE_SEPARATOR)
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
            "text": PAGE_SEPARATOR.join(text_parts),
        },
        **merged,
        "actors": joined,
        "alignments": result.get("alignments") or [],
        # compare_pages keys framing by page id ("p1"): the outlet's id makes it that column's side
        "framing": {
            outlets.get(key, key): _framing_in_merged_text(value, starts.get(key, 0))
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


def _framing_in_merged_text(entry: Any, offset: int) -> Any:
    """One page's framing with its spans (loaded words, distinctive words' uses and context), which are offsets
    of the page's own text, moved into the merged text as every other span of the report."""
    if not isinstance(entry, dict):
        return entry
    distinctive = [
        {
            **row,
            "spans": [[a + offset, b + offset] for a, b in row.get("spans") or []],
            "context": _shift(row.get("context"), offset),
        }
        if isinstance(row, dict)
        else row
        for row in entry.get("distinctive") or []
    ]
    return {**entry, "distinctive": distinctive, "loaded": _shift(entry.get("loaded") or [], offset)}


def _name(name: str) -> tuple[tuple[str, ...], str]:
    """A name's words, lower case, without titles and initials, and its suffix apart: "Eric H. Holder Jr." ->
    ((eric, holder), "jr"); "Rep. Cantor" -> ((cantor,), "")."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name.lower()) if w not in NAME_TITLES]
    suffix = next((w for w in words if w in NAME_SUFFIXES), "")
    return tuple(w for w in words if len(w) > 1 and w not in NAME_SUFFIXES), suffix


def _given_fits(short: str, long: str) -> bool:
    """One given name can stand for the other: the same, a shortening ("Ron" / "Ronald", "Dave" / "David":
    the first three letters) or a usual nickname ("Bob" / "Robert")."""
    if short == long or (len(short) >= 3 and len(long) >= 3 and short[:3] == long[:3]):
        return True
    return NICKNAMES.get(short) == long or NICKNAMES.get(long) == short


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (given names and a last name) that can name one person: the same last name, and each
    given name of the shorter one fitting one of the other's."""
    short, long = sorted((a, b), key=len)
    if len(short) < 2 or short[-1] != long[-1]:
        return False
    return all(any(_given_fits(w, g) for g in long[:-1]) for w in short[:-1])


def same_actors_across_pages(actors: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Actors of different pages that name one thing made one row (each page finds its own actors, so "Eric
    Cantor" on one page and "Cantor" on another were two rows, and the table said each page left the other out).

    ``actors`` carry ``pages``: the ids of the pages that name them (dropped on return). Two steps, each joining
    only where exactly one candidate fits (so "Jackson" beside "Jesse Jackson" and "Sandra Jackson" stays apart):

    1. the same name on pages that share none of their actors' pages ("FERGUSON" / "Ferguson"), or for people,
       given names that fit ("Dave Brat" / "David Brat", "Ron Johnson" / "Ronald S. Johnson"), always with the
       same suffix: "Jesse Jackson Jr." is not "Jesse Jackson" (nor, for want of a way to tell, "Eric Holder"
       "Eric H. Holder Jr.");
    2. a last name alone ("Cantor", a person or, as the parser often has it, an organization) joins the one
       person of that last name with a full name, on any page: a page that kept "Cantor" apart from its own
       "Eric Cantor" had nobody else to mean.

    Returns the actors and the ids that were joined into another (old id -> kept id)."""

    def fullness(actor: dict[str, Any]) -> tuple[int, int, int]:
        name = str(actor.get("name") or "")
        return -len(_name(name)[0]), -len(name), -len(actor.get("mentions") or [])

    order = sorted(actors, key=fullness)
    parent = {a["id"]: a["id"] for a in order}
    pages = {a["id"]: set(a.pop("pages", set()) or set()) for a in order}
    names = {a["id"]: _name(str(a.get("name") or "")) for a in order}
    person = {a["id"]: a.get("type") in PERSON_TYPES for a in order}

    def root(ident: str) -> str:
        while parent[ident] != ident:
            ident = parent[ident]
        return ident

    rank = {a["id"]: n for n, a in enumerate(order)}

    def join(one: str, other: str) -> None:
        keep, gone = sorted((one, other), key=rank.__getitem__)  # the group keeps its fullest name
        parent[gone] = keep
        pages[keep] |= pages[gone]

    by_last: dict[str, list[str]] = defaultdict(list)  # the actors that can match share the last word
    for actor in order:
        if names[actor["id"]][0]:
            by_last[names[actor["id"]][0][-1]].append(actor["id"])
    for actor in order:
        ident = actor["id"]
        words, suffix = names[ident]
        if not words:
            continue
        found = set()
        for other in by_last[words[-1]]:
            group = root(other)
            if group == root(ident) or pages[group] & pages[root(ident)] or names[other][1] != suffix:
                continue
            if names[other][0] == words or (person[ident] and person[other] and _same_person(words, names[other][0])):
                found.add(group)
        if len(found) == 1:
            join(root(ident), next(iter(found)))
    for actor in order:
        ident = actor["id"]
        if actor.get("type") not in LAST_NAME_TYPES or len(names[ident][0]) != 1:
            continue
        full = [o for o in by_last[names[ident][0][0]] if person[o] and len(names[o][0]) > 1]
        # one person of that last name in all the pages: else the last name alone is ambiguous
        found = {root(o) for o in full} - {root(ident)}
        if len(found) == 1 and all(_same_person(names[a][0], names[b][0]) for a in full for b in full):
            join(root(ident), next(iter(found)))
    by_id = {a["id"]: a for a in order}
    kept: dict[str, dict[str, Any]] = {}
    renamed: dict[str, str] = {}
    for actor in order:  # longest names first: the group is named by its fullest name
        group = root(actor["id"])
        head = kept.setdefault(group, {**by_id[group], "mentions": []})
        head["mentions"] = head["mentions"] + list(actor.get("mentions") or [])
        if actor["id"] != group:
            renamed[actor["id"]] = group
            if actor.get("name") != head.get("name"):
                head["aliases"] = list(dict.fromkeys([*(head.get("aliases") or []), str(actor.get("name"))]))
    for head in kept.values():
        head["mentions"] = sorted(head["mentions"], key=lambda m: m.get("start", 0))
    return list(kept.values()), renamed


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
