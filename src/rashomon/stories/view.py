"""What the stories page shows, read from the story tables with DuckDB: a plain dict the renderers take."""

from __future__ import annotations

import json
import os
from typing import Any

from ..batch.query import connect

# --- settings (stories view) ----------------------------------------------------------------------------
#: Stories shown (those told by the most outlets first); the full tables are one `rashomon query` away.
TOP_STORIES = 40
#: Outlets shown as matrix columns (those that covered the most stories first).
TOP_OUTLETS = 30
#: Relations and pages listed per story.
RELATIONS_PER_STORY = 15
PAGES_PER_STORY = 12


def _records(cursor) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _first_rows(db, table: str, order: str, ids: list[str], limit: int) -> dict[str, list[dict[str, Any]]]:
    """The first ``limit`` rows of ``table`` per story of ``ids``, in ``order`` (both fixed by this module)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in _records(
        db.execute(
            f"SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY story_id ORDER BY {order}) AS n "
            f"FROM {table} WHERE list_contains(?, story_id)) WHERE n <= ? ORDER BY story_id, n",
            [ids, limit],
        )
    ):
        found.setdefault(row["story_id"], []).append(row)
    return found


def stories_view(out: str | os.PathLike, *, top: int = TOP_STORIES, top_outlets: int = TOP_OUTLETS) -> dict[str, Any]:
    db = connect(out)
    totals = db.execute("SELECT count(*), count(*) FILTER (WHERE n_outlets > 1), sum(n_pages) FROM stories").fetchone()
    stories = _records(
        db.execute("SELECT * FROM stories ORDER BY n_outlets DESC, n_pages DESC, first_date, story_id LIMIT ?", [top])
    )
    ids = [s["story_id"] for s in stories]
    outlets = [
        row[0]
        for row in db.execute(
            "SELECT site FROM coverage GROUP BY site ORDER BY count(*) DESC, site LIMIT ?", [top_outlets]
        ).fetchall()
    ]
    coverage: dict[str, dict[str, int]] = {}
    for story_id, site, count in db.execute(
        "SELECT story_id, site, pages FROM coverage WHERE list_contains(?, story_id)", [ids]
    ).fetchall():
        coverage.setdefault(story_id, {})[site] = count
    pages = _first_rows(db, "story_pages", "published_at, page_id", ids, PAGES_PER_STORY)
    relations = _first_rows(db, "story_relations", "day, pages DESC", ids, RELATIONS_PER_STORY)
    comparisons = {
        story_id: {"outlets": list(outlets_), "result": json.loads(text)}
        for story_id, outlets_, text in db.execute(
            "SELECT story_id, outlets, comparison FROM story_comparisons WHERE list_contains(?, story_id)", [ids]
        ).fetchall()
    }
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for story in stories:
        by_topic.setdefault(story["topic_id"], []).append(story)
    for story in stories:
        sid = story["story_id"]
        story["topic_peers"] = [
            {"story_id": p["story_id"], "label": p["label"]}
            for p in by_topic.get(story["topic_id"], [])
            if p is not story
        ]
        story["pages"] = pages.get(sid, [])
        story["relations"] = relations.get(sid, [])
        story["comparison"] = comparisons.get(sid)
        story["coverage"] = coverage.get(sid, {})
    return {
        "out": str(out),
        "stories_total": totals[0] or 0,
        "multi_outlet": totals[1] or 0,
        "pages": int(totals[2] or 0),
        "outlets": outlets,
        "stories": stories,
    }
