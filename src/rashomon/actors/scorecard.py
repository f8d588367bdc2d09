"""The actor scorecard across pages: the same actor merged over pages and outlets, its relations over time.

A pure function over per-page results, given either as :class:`~rashomon.model.Analysis` objects or as the
plain dicts of the JSON contract (what batch output stores). For every relation it lists, per account (a page,
or a narrative of a page when the attribution stage split it into accounts), whether that account
``asserted``/``reported`` it, ``denied`` it, or is silent (``absent``): a relation one account gives and
another denies or lacks is what the scorecard is for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..contract import to_dict
from ..model import Analysis

GENERATED_PREFIXES = ("actor:", "person:")


def _as_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    if isinstance(item, Analysis):
        return to_dict(item)
    raise TypeError(f"scorecard takes Analysis objects or JSON-contract dicts, not {type(item).__name__}")


def _page_label(page: dict[str, Any], index: int) -> str:
    return page.get("publisher") or page.get("url") or page.get("title") or f"page {index + 1}"


def _time_key(entry: dict[str, Any]) -> tuple:
    when = entry.get("published_at")
    return (when is None, when or "", entry["page"])


def scorecard(analyses: Iterable[Any]) -> dict[str, Any]:
    """Merge actors across pages and order each relation's evidence by the pages' ``published_at``.

    Returns ``{"pages": [...], "actors": [...], "relations": [...]}`` (plain JSON-ready data). Actors merge on
    their gazetteer id, or, for actors found from the parse, on a name or alias a known actor carries.
    """
    results = [_as_dict(a) for a in analyses]
    pages, accounts_by_page = [], []
    for index, result in enumerate(results):
        page = result.get("page") or {}
        label = _page_label(page, index)
        pages.append(
            {
                "index": index,
                "label": label,
                "url": page.get("url"),
                "title": page.get("title"),
                "publisher": page.get("publisher"),
                "published_at": page.get("published_at"),
            }
        )
        narratives = sorted({b.get("narrative") for b in result.get("blocks", []) if b.get("narrative")})
        accounts_by_page.append([f"{label} / {n}" for n in narratives] or [label])

    # known actors first, so that parse-found actors can merge into them by name
    alias_owner: dict[str, str] = {}
    for result in results:
        for actor in result.get("actors", []):
            if not actor["id"].startswith(GENERATED_PREFIXES):
                for name in [actor["name"], *actor.get("aliases", [])]:
                    alias_owner.setdefault(name.lower(), actor["id"])

    merged: dict[str, dict[str, Any]] = {}
    canonical: list[dict[str, str]] = []
    for index, result in enumerate(results):
        ids: dict[str, str] = {}
        for actor in result.get("actors", []):
            target = actor["id"]
            if target.startswith(GENERATED_PREFIXES):
                target = alias_owner.get(actor["name"].lower(), target)
            ids[actor["id"]] = target
            entry = merged.setdefault(
                target,
                {
                    "id": target,
                    "name": actor["name"],
                    "type": actor.get("type"),
                    "side": None,
                    "aliases": [],
                    "pages": [],
                    "mentions": 0,
                    "office": None,
                    "spokesperson_for": None,
                },
            )
            for name in [actor["name"], *actor.get("aliases", [])]:
                if name != entry["name"] and name not in entry["aliases"]:
                    entry["aliases"].append(name)
            for key in ("side", "office", "spokesperson_for"):
                entry[key] = entry[key] or actor.get(key)
            if index not in entry["pages"]:
                entry["pages"].append(index)
            entry["mentions"] += len(actor.get("mentions", []))
        canonical.append(ids)

    relations: dict[tuple[str, str, str], dict[str, Any]] = {}
    for index, result in enumerate(results):
        label = pages[index]["label"]
        for rel in result.get("relations", []):
            subject = canonical[index].get(rel["subject"], rel["subject"])
            obj = canonical[index].get(rel["object"], rel["object"])
            key = (subject, rel["type"], obj)
            entry = relations.setdefault(
                key,
                {
                    "subject": subject,
                    "subject_name": merged.get(subject, {}).get("name", subject),
                    "type": rel["type"],
                    "object": obj,
                    "object_name": merged.get(obj, {}).get("name", obj),
                    "timeline": [],
                    "accounts": {},
                },
            )
            account = f"{label} / {rel['narrative']}" if rel.get("narrative") else label
            entry["timeline"].append(
                {
                    "page": index,
                    "published_at": pages[index]["published_at"],
                    "account": account,
                    "asserted_by": rel.get("asserted_by"),
                    "polarity": rel.get("polarity", "asserted"),
                    "evidence": rel["evidence"]["text"],
                }
            )

    for entry in relations.values():
        entry["timeline"].sort(key=_time_key)
        for page_accounts in accounts_by_page:
            for account in page_accounts:
                entry["accounts"][account] = "absent"
        for item in entry["timeline"]:
            status = "denied" if item["polarity"] == "denied" else "asserted"
            if entry["accounts"].get(item["account"]) != "denied":
                entry["accounts"][item["account"]] = status
        statuses = set(entry["accounts"].values())
        entry["contested"] = "asserted" in statuses and "denied" in statuses
        entry["one_sided"] = "asserted" in statuses and "absent" in statuses

    actors = sorted(merged.values(), key=lambda a: (-len(a["pages"]), -a["mentions"], a["name"]))
    ordered = sorted(
        relations.values(), key=lambda r: (_time_key(r["timeline"][0]), r["subject"], r["type"], r["object"])
    )
    return {"pages": pages, "actors": actors, "relations": ordered}
