"""The web app's store: every analysis kept in one SQLite file, with an FTS5 index for search.

The analysis is stored whole, as its JSON contract (the one the schema describes), so a stored page renders
exactly as a fresh one. Beside it, a few flat tables make the cross-page views cheap: the actors of each page
and the relations between them (for an actor's page over time), and one FTS5 table over page text, sources,
actors and comments. A new connection per call keeps the store safe to use from the server's worker threads.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import RashomonError

# --- settings ------------------------------------------------------------------------------------------
#: Search hits returned at most.
SEARCH_LIMIT = 50
#: Words of context around a search hit.
SNIPPET_TOKENS = 14
#: Markers around matched words in snippets (control characters cannot occur in stored page text after the
#: reader, so they never collide with content; the template turns them into <mark>).
HIT_START, HIT_END = "\x02", "\x03"
#: The largest page id SQLite can hold (a signed 64-bit integer); a larger one names no page.
MAX_PAGE_ID = 2**63 - 1
# --------------------------------------------------------------------------------------------------------

_SCHEMA = """
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    title TEXT, publisher TEXT, published_at TEXT, url TEXT, language TEXT,
    comments INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS page_actors (
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, type TEXT, side TEXT
);
CREATE INDEX IF NOT EXISTS page_actors_key ON page_actors(key);
CREATE TABLE IF NOT EXISTS page_relations (
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    type TEXT NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL, subject_key TEXT NOT NULL,
    object_key TEXT NOT NULL, polarity TEXT, asserted_by TEXT, evidence TEXT
);
CREATE INDEX IF NOT EXISTS page_relations_subject ON page_relations(subject_key);
CREATE INDEX IF NOT EXISTS page_relations_object ON page_relations(object_key);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    kind UNINDEXED, label, body, page_id UNINDEXED, ref UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
);
"""


class StoreError(RashomonError):
    """The store file cannot be opened or used."""


def actor_key(name: str) -> str:
    """How actor names are matched across pages: case- and space-insensitive."""
    return " ".join(str(name).casefold().split())


def fts_query(text: str) -> str | None:
    """A user's words as an FTS5 query: every word must occur (as a prefix); FTS syntax is neutralised."""
    words = [w for w in "".join(c if c.isalnum() or c.isspace() else " " for c in text).split() if w]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words[:12])


class Store:
    """Stored analyses in the SQLite file ``path`` (created with its folder if missing)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as con:
                con.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"cannot open the store {self.path}: {err}") from None
        self._write_lock = threading.Lock()
        #: Bumped by every write through this object, and by every deletion: what the web app's read cache keys
        #: on (a stored page never changes, its id is never reused: only a deletion changes what it reads).
        self.generation = 0
        self.deletions = 0

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=30)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA foreign_keys = ON")
        try:
            with con:
                yield con
        finally:
            con.close()

    def add(self, data: dict[str, Any]) -> int:
        """Store one analysis (its JSON contract) and index it; returns its id."""
        page = data.get("page") or {}
        actors = {a["id"]: a.get("name") or a["id"] for a in data.get("actors") or []}
        sources = {s["id"]: s.get("name") or s["id"] for s in data.get("sources") or []}
        with self._write_lock, self._connect() as con:
            cursor = con.execute(
                "INSERT INTO pages (created_at, title, publisher, published_at, url, language, comments, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    page.get("title"),
                    page.get("publisher"),
                    page.get("published_at"),
                    page.get("url"),
                    page.get("language"),
                    len(data.get("comments") or []),
                    json.dumps(data, ensure_ascii=False, allow_nan=False),
                ),
            )
            page_id = int(cursor.lastrowid)
            con.executemany(
                "INSERT INTO page_actors VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (page_id, a["id"], actors[a["id"]], actor_key(actors[a["id"]]), a.get("type"), a.get("side"))
                    for a in data.get("actors") or []
                ],
            )
            con.executemany(
                "INSERT INTO page_relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        page_id,
                        r.get("type") or "related",
                        actors.get(r.get("subject"), str(r.get("subject"))),
                        actors.get(r.get("object"), str(r.get("object"))),
                        actor_key(actors.get(r.get("subject"), str(r.get("subject")))),
                        actor_key(actors.get(r.get("object"), str(r.get("object")))),
                        r.get("polarity"),
                        sources.get(r.get("asserted_by"), r.get("asserted_by")),
                        (r.get("evidence") or {}).get("text"),
                    )
                    for r in data.get("relations") or []
                ],
            )
            rows = [("page", page.get("title") or "", page.get("text") or "", page_id, None)]
            rows += [
                (
                    "source",
                    s.get("name") or "",
                    " ".join(filter(None, [s.get("name"), s.get("role"), s.get("affiliation"), s.get("kind")])),
                    page_id,
                    s["id"],
                )
                for s in data.get("sources") or []
            ]
            rows += [
                (
                    "actor",
                    a.get("name") or "",
                    " ".join(
                        [a.get("name") or "", *(a.get("aliases") or []), a.get("type") or "", a.get("side") or ""]
                    ),
                    page_id,
                    a["id"],
                )
                for a in data.get("actors") or []
            ]
            rows += [
                ("comment", c.get("author") or "", c.get("text") or "", page_id, c["id"])
                for c in data.get("comments") or []
            ]
            con.executemany("INSERT INTO search (kind, label, body, page_id, ref) VALUES (?, ?, ?, ?, ?)", rows)
        self.generation += 1
        return page_id

    def get(self, page_id: int) -> dict[str, Any] | None:
        """The stored JSON contract of page ``page_id``, or None."""
        if not 1 <= page_id <= MAX_PAGE_ID:  # SQLite would overflow
            return None
        with self._connect() as con:
            row = con.execute("SELECT data FROM pages WHERE id = ?", (page_id,)).fetchone()
        return json.loads(row["data"]) if row else None

    def delete(self, page_id: int) -> bool:
        if not 1 <= page_id <= MAX_PAGE_ID:
            return False
        with self._write_lock, self._connect() as con:
            con.execute("DELETE FROM search WHERE page_id = ?", (page_id,))
            deleted = con.execute("DELETE FROM pages WHERE id = ?", (page_id,)).rowcount > 0
        self.generation += 1
        self.deletions += 1
        return deleted

    def list(self, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
        with self._connect() as con:
            rows = con.execute(
                "SELECT id, created_at, title, publisher, published_at, url, language, comments FROM pages "
                "ORDER BY id DESC LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [dict(r) for r in rows]

    def count(self) -> int:
        with self._connect() as con:
            return int(con.execute("SELECT count(*) FROM pages").fetchone()[0])

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[dict[str, Any]]:
        """Hits for ``text`` over pages, sources, actors and comments, best first, each with a snippet."""
        query = fts_query(text)
        if query is None:
            return []
        with self._connect() as con:
            rows = con.execute(
                "SELECT s.kind, s.label, s.page_id, s.ref, p.title, "
                f"snippet(search, 2, '{HIT_START}', '{HIT_END}', '…', {SNIPPET_TOKENS}) AS snippet "
                "FROM search s JOIN pages p ON p.id = s.page_id WHERE search MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        return [dict(r) for r in rows]

    def actors(self) -> list[dict[str, Any]]:
        """Every actor name across stored pages, with the number of pages and relations naming it."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT min(name) AS name, key, count(DISTINCT page_id) AS pages, "
                "(SELECT count(*) FROM page_relations r WHERE r.subject_key = a.key OR r.object_key = a.key) AS relations "
                "FROM page_actors a GROUP BY key ORDER BY pages DESC, name"
            ).fetchall()
        return [dict(r) for r in rows]

    def actor(self, name: str) -> dict[str, Any] | None:
        """One actor across pages: its names, types, sides, and its relations ordered by page date."""
        key = actor_key(name)
        with self._connect() as con:
            appearances = [
                dict(r)
                for r in con.execute(
                    "SELECT a.name, a.type, a.side, p.id AS page_id, p.title, p.published_at, p.created_at "
                    "FROM page_actors a JOIN pages p ON p.id = a.page_id WHERE a.key = ? "
                    "ORDER BY coalesce(p.published_at, p.created_at), p.id",
                    (key,),
                )
            ]
            relations = [
                dict(r)
                for r in con.execute(
                    "SELECT r.*, p.title, p.published_at, p.created_at FROM page_relations r JOIN pages p ON p.id = r.page_id "
                    "WHERE r.subject_key = ? OR r.object_key = ? ORDER BY coalesce(p.published_at, p.created_at), p.id",
                    (key, key),
                )
            ]
        if not appearances and not relations:
            return None
        return {
            "name": appearances[0]["name"] if appearances else name,
            "appearances": appearances,
            "relations": relations,
        }
