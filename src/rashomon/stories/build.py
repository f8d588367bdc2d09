"""Stories over a batch output: stream its pages, group them, and write the story tables beside the batch tables.

Layout added to ``OUT``::

    OUT/stories/stories.parquet            one row per story: label, topic, pages, outlets, first and last date
    OUT/stories/story_pages.parquet        page -> story, with the score that joined it and its near-duplicate
    OUT/stories/coverage.parquet           story x outlet -> pages (the outlets that stayed silent have no row)
    OUT/stories/story_relations.parquet    actor relations per story and day
    OUT/stories/story_comparisons.parquet  per story: the side-by-side comparison and framing across its outlets
    OUT/stories/_state.pkl                 the grouping state: a later run adds only pages it has not seen

Pages are read from the committed parts in batches (never the whole table), their features computed by an
engine (``local``: in this process, the encoder on ``workers`` threads; ``ray``: Ray Data actors), and fed
to one :class:`~.grouping.StoryGrouper` in the order of the parts, so both engines give the same stories.
The tables are derived data: each run rewrites them whole from the state.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..batch.output import BatchError, committed_files
from .features import featurize_rows, iter_page_rows, to_features
from .grouping import StoryGrouper, story_label

# --- settings (stories output) --------------------------------------------------------------------------
STORIES_DIR = "stories"
STATE_FILE = "_state.pkl"
#: Stories compared across outlets (largest first): each comparison loads one analysis per outlet.
MAX_COMPARED = 200
#: Outlets compared per story (the earliest page of each).
MAX_OUTLETS_COMPARED = 6
_S, _I, _F = pa.string(), pa.int64(), pa.float64()

STORY_TABLES: dict[str, pa.Schema] = {
    "stories": pa.schema(
        [
            ("story_id", _S),
            ("label", _S),
            ("topic_id", _S),
            ("n_pages", _I),
            ("n_outlets", _I),
            ("outlets", pa.list_(_S)),
            ("first_date", _S),
            ("last_date", _S),
        ]
    ),
    "story_pages": pa.schema(
        [
            ("story_id", _S),
            ("page_id", _S),
            ("site", _S),
            ("published_at", _S),
            ("title", _S),
            ("score", _F),
            ("duplicate_of", _S),
            # the score's parts (null for a story's first page and a near-duplicate): score = similarity +
            # NAME_BONUS * names_shared, which is why a score may pass 1
            ("similarity", _F),
            ("names_shared", _F),
        ]
    ),
    "coverage": pa.schema([("story_id", _S), ("site", _S), ("pages", _I)]),
    "story_relations": pa.schema(
        [
            ("story_id", _S),
            ("day", _S),
            ("subject", _S),
            ("type", _S),
            ("object", _S),
            ("polarity", _S),
            ("pages", _I),
            ("sites", _I),
        ]
    ),
    "story_comparisons": pa.schema(
        [("story_id", _S), ("outlets", pa.list_(_S)), ("page_ids", pa.list_(_S)), ("comparison", _S)]
    ),
}
NO_SITE = "(no site)"


@dataclass
class StoriesState:
    """What persists between runs: the grouper and what each page's row needs."""

    grouper: StoryGrouper
    #: page id -> (site, date, title, score, near-duplicate of, similarity, names shared); a state saved before the
    #: last two were kept has five.
    pages: dict[str, tuple] = field(default_factory=dict)


@dataclass
class StoriesSummary:
    out: Path
    engine: str
    new_pages: int = 0
    pages: int = 0
    stories: int = 0
    multi_outlet: int = 0
    seconds_features: float = 0.0
    seconds_grouping: float = 0.0
    seconds_tables: float = 0.0

    def describe(self) -> str:
        return (
            f"{self.pages} pages ({self.new_pages} new) in {self.stories} stories, {self.multi_outlet} told by "
            f"more than one outlet; tables in {self.out / STORIES_DIR} (engine {self.engine})"
        )


def _local_features(out: Path, skip, workers: int | None, encoder=None) -> Iterator[list[dict[str, Any]]]:
    if encoder is None:
        from .. import encoder as encoder_module

        encoder = encoder_module.load(threads=workers or 0)
    for rows in iter_page_rows(out, skip):
        yield featurize_rows(rows, encoder)


def build_stories(
    out: str | os.PathLike,
    *,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    compare: bool = True,
    window_days: int | None = None,
    encoder=None,
) -> StoriesSummary:
    """Group the pages of the batch output ``out`` into stories (adding to earlier runs) and write the tables.

    ``encoder``: anything with ``embed(texts) -> (n, dim)`` normalised rows, for the local engine (default: the
    shared encoder); benchmarks pass a cheap stand-in to time the rest."""
    import time

    root = Path(out)
    if not committed_files(root, "pages") and not (root / "_batch.json").exists():
        raise BatchError(f"{root}: not a batch output; run 'rashomon batch ... -o {root}' first")
    folder = root / STORIES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    state = _load_state(folder, window_days)
    summary = StoriesSummary(out=root, engine=engine)
    if engine == "local":
        batches = _local_features(root, state.pages, workers, encoder)
    elif engine == "ray":
        from .ray_features import ray_features

        batches = ray_features(root, state.pages, workers=workers, address=address)
    else:
        raise BatchError(f"unknown engine {engine!r}; choose local or ray")
    grouper = state.grouper
    started = time.perf_counter()
    grouping = 0.0
    for items in batches:
        features = [to_features(item) for item in items]
        begun = time.perf_counter()
        for page, assignment in zip(features, grouper.add(features)):
            state.pages[page.id] = (
                page.site,
                _iso(page.day),
                page.title,
                assignment.score,
                assignment.duplicate_of,
                assignment.similarity,
                assignment.names_shared,
            )
        grouping += time.perf_counter() - begun
        summary.new_pages += len(features)
    summary.seconds_grouping = grouping
    summary.seconds_features = time.perf_counter() - started - grouping
    begun = time.perf_counter()
    grouper.assign_topics()
    _save_state(folder, state)
    write_tables(root, state, compare=compare)
    summary.seconds_tables = time.perf_counter() - begun
    summary.pages = len(state.pages)
    summary.stories = len(grouper.stories)
    summary.multi_outlet = sum(len({state.pages[p][0] for p in s.pages}) > 1 for s in grouper.stories)
    return summary


def _iso(day: int | None) -> str | None:
    return None if day is None else date.fromordinal(day).isoformat()


def _load_state(folder: Path, window_days: int | None) -> StoriesState:
    path = folder / STATE_FILE
    if path.exists():
        with open(path, "rb") as handle:
            state = pickle.load(handle)
        if not isinstance(state, StoriesState):
            raise BatchError(f"{path}: not a stories state; remove it to group the output again")
        return state
    grouper = StoryGrouper() if window_days is None else StoryGrouper(window_days=window_days)
    return StoriesState(grouper=grouper)


def _save_state(folder: Path, state: StoriesState) -> None:
    temp = folder / (STATE_FILE + ".tmp")
    with open(temp, "wb") as handle:
        pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temp, folder / STATE_FILE)


def _write(folder: Path, table: str, rows: list[dict[str, Any]]) -> None:
    temp = folder / f"{table}.parquet.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=STORY_TABLES[table]), temp, compression="zstd")
    os.replace(temp, folder / f"{table}.parquet")


def write_tables(root: Path, state: StoriesState, *, compare: bool = True) -> None:
    folder = root / STORIES_DIR
    grouper = state.grouper
    story_rows, page_rows, coverage_rows = [], [], []
    for story in grouper.stories:
        sites: dict[str, int] = {}
        titles = []
        for page_id in story.pages:
            site, published, title, score, duplicate_of, similarity, shared = (*state.pages[page_id], None, None)[:7]
            sites[site or NO_SITE] = sites.get(site or NO_SITE, 0) + 1
            titles.append(title)
            page_rows.append(
                {
                    "story_id": story.id,
                    "page_id": page_id,
                    "site": site,
                    "published_at": published,
                    "title": title,
                    "score": score,
                    "duplicate_of": duplicate_of,
                    "similarity": similarity,
                    "names_shared": shared,
                }
            )
        coverage_rows += [{"story_id": story.id, "site": s, "pages": n} for s, n in sorted(sites.items())]
        story_rows.append(
            {
                "story_id": story.id,
                "label": story_label(titles, story.names),
                "topic_id": story.topic,
                "n_pages": len(story.pages),
                "n_outlets": len(sites),
                "outlets": sorted(sites),
                "first_date": _iso(story.first_day),
                "last_date": _iso(story.last_day),
            }
        )
    _write(folder, "stories", story_rows)
    _write(folder, "story_pages", page_rows)
    _write(folder, "coverage", coverage_rows)
    _write(folder, "story_relations", _relation_rows(root))
    _write(folder, "story_comparisons", _comparison_rows(root, story_rows, page_rows) if compare else [])


def _relation_rows(root: Path) -> list[dict[str, Any]]:
    from ..batch.query import connect

    connection = connect(root)
    return [
        dict(zip(("story_id", "day", "subject", "type", "object", "polarity", "pages", "sites"), row))
        for row in connection.execute(
            """
            SELECT sp.story_id, coalesce(strftime(try_cast(r.published_at AS TIMESTAMP), '%Y-%m-%d'), 'undated') AS day,
                   mode(r.subject), r.type, mode(r.object), r.polarity,
                   count(DISTINCT r.page_id), count(DISTINCT r.site)
            FROM relations r JOIN story_pages sp ON sp.page_id = r.page_id
            GROUP BY sp.story_id, day, r.subject_id, r.type, r.object_id, r.polarity
            ORDER BY sp.story_id, day
            """
        ).fetchall()
    ]


def _comparison_rows(root: Path, story_rows, page_rows) -> list[dict[str, Any]]:
    from ..batch.query import connect

    multi = sorted((s for s in story_rows if s["n_outlets"] > 1), key=lambda s: (-s["n_outlets"], -s["n_pages"]))
    chosen = {s["story_id"] for s in multi[:MAX_COMPARED]}
    first: dict[str, dict[str, tuple[str, str]]] = {}
    for row in sorted(page_rows, key=lambda r: (r["published_at"] or "9999", r["page_id"])):
        if row["story_id"] in chosen:
            per_site = first.setdefault(row["story_id"], {})
            site = row["site"] or NO_SITE
            if site not in per_site and len(per_site) < MAX_OUTLETS_COMPARED:
                per_site[site] = (row["page_id"], site)
    wanted = [page_id for per_site in first.values() for page_id, _ in per_site.values()]
    # one scan of the pages table for every story's analyses
    found = dict(
        connect(root)
        .execute("SELECT id, analysis FROM pages WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted])
        .fetchall()
    )
    rows = []
    for story in multi[:MAX_COMPARED]:
        picked = list(first.get(story["story_id"], {}).values())
        ids = [page_id for page_id, _ in picked]
        analyses = [json.loads(found[i]) for i in ids if i in found]
        rows.append(
            {
                "story_id": story["story_id"],
                "outlets": [site for page_id, site in picked if page_id in found],
                "page_ids": [i for i in ids if i in found],
                "comparison": json.dumps(
                    compare_story(analyses, [site for page_id, site in picked if page_id in found]),
                    ensure_ascii=False,
                    default=str,
                ),
            }
        )
    return rows


def compare_story(analyses: list[dict[str, Any]], outlets: list[str] | None = None) -> dict[str, Any]:
    """The comparison of one story's accounts (one page per outlet, JSON contract dicts), each labelled by its
    outlet: the one place that calls the comparison engine, so a new engine drops in here. Each alignment's
    ``topic`` is the label a reader sees (:func:`rashomon.report.view.fact_words_of`: who did what, in an
    outlet's words), since the story page has the comparison but not the claims."""
    from ..compare import compare_pages
    from ..contract import from_dict
    from ..report.comparison import merge_for_report
    from ..report.view import fact_words_of

    parsed = [from_dict(a) for a in analyses]
    for analysis, outlet in zip(parsed, outlets or []):
        if outlet and outlet != NO_SITE:
            analysis.page.publisher = outlet
    result = compare_pages(parsed)
    # the story page keeps the comparison alone, not the claims: each group's topic is the label a reader sees
    names = [str(a.page.publisher or p.get("label")) for a, p in zip(parsed, result["pages"])]
    words = fact_words_of(merge_for_report(analyses, result, names))
    for alignment in result["alignments"]:
        alignment["topic"] = words.get(alignment["id"], (alignment.get("topic"), ""))[0]
    return result
