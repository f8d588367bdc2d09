"""The corpus-level actor scorecard: actors and relations aggregated across pages and over time.

Computed with DuckDB from the flat ``actors`` and ``relations`` tables of a batch output, so it works on a
corpus of any size without loading analyses. Rendered as Rich tables for the terminal and as one
self-contained HTML page (inline CSS, no script, every text escaped) for sharing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .query import connect

# --- settings (scorecard) -------------------------------------------------------------------------------
#: Rows kept per section: the scorecard is a summary; the full tables are one `rashomon query` away.
TOP_ACTORS = 25
TOP_RELATIONS = 25
#: Time buckets by page date (DuckDB strftime format): months read well over a news corpus of a year or two.
PERIOD_FORMAT = "%Y-%m"
UNDATED = "undated"

_PAGE_DATE = f"coalesce(strftime(try_cast(published_at AS TIMESTAMP), '{PERIOD_FORMAT}'), '{UNDATED}')"

# Actors are grouped by their id (the actors stage gives the same id to an actor on every page: the gazetteer
# id, or one derived from its name), so aliases counted on different pages are one actor; the name shown is
# the one the pages use most.
ACTORS_SQL = f"""
WITH rel AS (
    SELECT subject_id AS actor_id, 'subject' AS role FROM relations
    UNION ALL SELECT object_id, 'object' FROM relations
)
SELECT a.actor_id, mode(a.name) AS name, mode(a.type) AS type, mode(a.side) AS side,
       count(DISTINCT a.page_id) AS pages, count(DISTINCT a.site) AS sites, sum(a.n_mentions) AS mentions,
       min({_PAGE_DATE.replace("published_at", "a.published_at")}) AS first_period,
       max({_PAGE_DATE.replace("published_at", "a.published_at")}) AS last_period,
       (SELECT count(*) FROM rel WHERE rel.actor_id = a.actor_id AND rel.role = 'subject') AS as_subject,
       (SELECT count(*) FROM rel WHERE rel.actor_id = a.actor_id AND rel.role = 'object') AS as_object
FROM actors a GROUP BY a.actor_id ORDER BY pages DESC, mentions DESC, name LIMIT ?
"""

RELATIONS_SQL = """
SELECT mode(subject) AS subject, type, mode(object) AS object, polarity, count(*) AS evidence,
       count(DISTINCT page_id) AS pages, count(DISTINCT site) AS sites
FROM relations GROUP BY subject_id, type, object_id, polarity ORDER BY pages DESC, evidence DESC, subject LIMIT ?
"""

TIMELINE_SQL = f"""
SELECT actor_id, {_PAGE_DATE} AS period, count(DISTINCT page_id) AS pages
FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY actor_id, period ORDER BY period
"""

TOTALS_SQL = """
SELECT (SELECT count(*) FROM pages), (SELECT count(*) FROM errors), (SELECT count(DISTINCT actor_id) FROM actors),
       (SELECT count(*) FROM relations)
"""


@dataclass
class Scorecard:
    """Aggregates over a batch output: the top actors, the top relations, and actor pages per period."""

    out: str
    pages: int = 0
    failed: int = 0
    distinct_actors: int = 0
    relations_total: int = 0
    actors: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    timeline: dict[str, dict[str, int]] = field(default_factory=dict)


def build_scorecard(
    out: str | os.PathLike, *, top_actors: int = TOP_ACTORS, top_relations: int = TOP_RELATIONS
) -> Scorecard:
    connection = connect(out)
    card = Scorecard(out=str(out))
    card.pages, card.failed, card.distinct_actors, card.relations_total = connection.execute(TOTALS_SQL).fetchone()
    card.actors = _records(connection.execute(ACTORS_SQL, [top_actors]))
    card.relations = _records(connection.execute(RELATIONS_SQL, [top_relations]))
    names = {a["actor_id"]: a["name"] for a in card.actors}
    for actor_id, period, pages in connection.execute(TIMELINE_SQL, [list(names)]).fetchall():
        card.timeline.setdefault(names[actor_id], {})[period] = pages
    card.periods = sorted({p for row in card.timeline.values() for p in row}, key=lambda p: (p == UNDATED, p))
    return card


def _records(cursor) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]
