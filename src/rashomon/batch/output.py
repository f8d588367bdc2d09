"""The output of a batch: a Parquet dataset, written in parts, each part committed with its manifest.

Layout of ``OUT``::

    OUT/_batch.json                   what wrote the dataset (rashomon and schema versions, tables)
    OUT/pages/part-….parquet          one row per page: id, url, published_at, ... and the JSON analysis
    OUT/comments|claims|actors|relations/part-….parquet   flat tables, one row per item, keyed by page_id
    OUT/errors/part-….parquet         one row per page that failed, with its reason
    OUT/_manifest/part-….json         the ids a part holds; its presence is what makes the part committed

A part is written table by table to temporary names, renamed into place, and only then its manifest is
renamed into ``_manifest/`` (an atomic rename): a process killed at any point leaves either a committed part
or debris without a manifest, which :class:`BatchOutput` removes when the batch is resumed. The set of ids in
the manifests is therefore exactly the set of pages written, and ``--resume`` skips exactly those.

Rows are built by :func:`rows_for_page` / :func:`rows_for_error` from the JSON contract
(:func:`rashomon.contract.to_dict`), so the tables follow the contract, not the dataclasses.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import RashomonError
from ..read.corpus import Record

# --- settings (batch output) ----------------------------------------------------------------------------
MANIFEST_DIR = "_manifest"
DATASET_INFO = "_batch.json"
PARQUET_COMPRESSION = "zstd"
TEMP_SUFFIX = ".tmp"


class BatchError(RashomonError):
    """The batch cannot run as asked (an output folder that already holds a batch, a broken worker pool)."""


_STR, _INT, _F64, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_PAGE_KEYS = [("page_id", _STR), ("site", _STR), ("published_at", _STR)]

#: The tables of a batch output and their columns; every part writes every table (empty ones too) so each
#: table's schema is known from its files alone.
TABLES: dict[str, pa.Schema] = {
    "pages": pa.schema(
        [
            ("id", _STR),
            ("url", _STR),
            ("site", _STR),
            ("published_at", _STR),
            ("title", _STR),
            ("publisher", _STR),
            ("language", _STR),
            ("source_format", _STR),
            ("origin", _STR),
            ("offset", _INT),
            ("n_words", _INT),
            ("n_comments", _INT),
            ("n_claims", _INT),
            ("n_actors", _INT),
            ("n_relations", _INT),
            ("warnings", pa.list_(_STR)),
            ("seconds", _F64),
            ("worker", _STR),
            ("analysis", _STR),
        ]
    ),
    "comments": pa.schema(
        _PAGE_KEYS
        + [
            ("comment_id", _STR),
            ("author", _STR),
            ("verified", _BOOL),
            ("reply_to", _STR),
            ("posted_at", _STR),
            ("text", _STR),
            ("flags", pa.list_(_STR)),
            ("scores", pa.map_(_STR, _F64)),
            ("corrects", _STR),
        ]
    ),
    "claims": pa.schema(
        _PAGE_KEYS
        + [
            ("claim_id", _STR),
            ("source_id", _STR),
            ("source_name", _STR),
            ("narrative", _STR),
            ("text", _STR),
            ("start", _INT),
            ("end", _INT),
            ("predicate", _STR),
            ("hedge", _STR),
            ("negated", _BOOL),
            ("actors", pa.list_(_STR)),
            ("n_quantities", _INT),
            ("quantities", _STR),
        ]
    ),
    "actors": pa.schema(
        _PAGE_KEYS
        + [
            ("actor_id", _STR),
            ("name", _STR),
            ("type", _STR),
            ("side", _STR),
            ("aliases", pa.list_(_STR)),
            ("n_mentions", _INT),
        ]
    ),
    "relations": pa.schema(
        _PAGE_KEYS
        + [
            ("relation_id", _STR),
            ("type", _STR),
            ("subject_id", _STR),
            ("subject", _STR),
            ("object_id", _STR),
            ("object", _STR),
            ("evidence", _STR),
            ("asserted_by", _STR),
            ("polarity", _STR),
        ]
    ),
    "errors": pa.schema(
        [
            ("id", _STR),
            ("origin", _STR),
            ("offset", _INT),
            ("url", _STR),
            ("stage", _STR),
            ("error_type", _STR),
            ("message", _STR),
        ]
    ),
}


def worker_name() -> str:
    """Which process analysed a page (host:pid), so a slow or unbalanced batch can be diagnosed from its output."""
    return f"{socket.gethostname()}:{os.getpid()}"


def site_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``: the unit a corpus is usually compared by."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # "http://[bad/x": not a URL a site can be read from; the page is still written
        return None
    return host.removeprefix("www.") or None


def safe_text(text: str | None) -> str | None:
    """``text`` as Arrow can store it: a lone surrogate (from JSON, or a file name that is not UTF-8) becomes ``?``."""
    if text is None:
        return None
    return text.encode("utf-8", errors="replace").decode("utf-8")


def new_records(
    records: Iterable[Record], done: Collection[str], on_skip: Callable[[Record, str], None] | None = None
) -> Iterator[Record]:
    """The records not yet in the output, each id once: the one rule both engines stream a corpus by.

    A record whose id ``done`` holds (committed by an earlier run) is skipped, and so is an id already seen
    in this stream: a page is analysed and written once, however often the corpus names it. ``on_skip`` is
    told of each skipped record and why (``"done"`` or ``"duplicate"``).
    """
    seen: set[str] = set()
    for record in records:
        if record.id in done:
            reason = "done"
        elif record.id in seen:
            reason = "duplicate"
        else:
            seen.add(record.id)
            yield record
            continue
        if on_skip is not None:
            on_skip(record, reason)


def rows_for_page(record, data: dict[str, Any], seconds: float = 0.0) -> dict[str, list[dict]]:
    """The rows every table gets for one analysed page; ``data`` is the page's JSON contract dict."""
    page = data["page"]
    url = record.url or page.get("url")
    published_at = record.published_at or page.get("published_at")
    keys = {"page_id": record.id, "site": site_of(url), "published_at": published_at}
    actor_names = {a["id"]: a["name"] for a in data["actors"]}
    source_names = {s["id"]: s["name"] for s in data["sources"]}
    return {
        "pages": [
            {
                "id": record.id,
                "url": url,
                "site": keys["site"],
                "published_at": published_at,
                "title": page.get("title"),
                "publisher": page.get("publisher"),
                "language": page.get("language"),
                "source_format": page.get("source_format"),
                "origin": safe_text(record.origin),
                "offset": record.offset,
                "n_words": len(page.get("text", "").split()),
                "n_comments": len(data["comments"]),
                "n_claims": len(data["claims"]),
                "n_actors": len(data["actors"]),
                "n_relations": len(data["relations"]),
                "warnings": [w["code"] for w in data["warnings"]],
                "seconds": seconds,
                "worker": worker_name(),
                "analysis": json.dumps(data, ensure_ascii=False),
            }
        ],
        "comments": [
            {
                **keys,
                "comment_id": c["id"],
                "author": c.get("author"),
                "verified": c.get("verified"),
                "reply_to": c.get("reply_to"),
                "posted_at": c.get("posted_at"),
                "text": c.get("text"),
                "flags": list(c.get("flags") or []),
                "scores": dict(c.get("scores") or {}),
                "corrects": c.get("corrects"),
            }
            for c in data["comments"]
        ],
        "claims": [
            {
                **keys,
                "claim_id": c["id"],
                "source_id": c.get("source_id"),
                "source_name": source_names.get(c.get("source_id")),
                "narrative": c.get("narrative"),
                "text": c.get("text"),
                "start": c.get("start"),
                "end": c.get("end"),
                "predicate": c.get("predicate"),
                "hedge": c.get("hedge"),
                "negated": c.get("negated"),
                "actors": [actor_names.get(a, a) for a in c.get("actors") or []],
                "n_quantities": len(c.get("quantities") or []),
                "quantities": json.dumps(c.get("quantities") or [], ensure_ascii=False),
            }
            for c in data["claims"]
        ],
        "actors": [
            {
                **keys,
                "actor_id": a["id"],
                "name": a["name"],
                "type": a.get("type"),
                "side": a.get("side"),
                "aliases": list(a.get("aliases") or []),
                "n_mentions": len(a.get("mentions") or []),
            }
            for a in data["actors"]
        ],
        "relations": [
            {
                **keys,
                "relation_id": r["id"],
                "type": r.get("type"),
                "subject_id": r.get("subject"),
                "subject": actor_names.get(r.get("subject"), r.get("subject")),
                "object_id": r.get("object"),
                "object": actor_names.get(r.get("object"), r.get("object")),
                "evidence": (r.get("evidence") or {}).get("text"),
                "asserted_by": source_names.get(r.get("asserted_by"), r.get("asserted_by")),
                "polarity": r.get("polarity"),
            }
            for r in data["relations"]
        ],
    }


def rows_for_error(record, stage: str, error_type: str, message: str) -> dict[str, list[dict]]:
    return {
        "errors": [
            {
                "id": record.id,
                "origin": safe_text(record.origin),
                "offset": record.offset,
                "url": safe_text(record.url),
                "stage": stage,
                "error_type": error_type,
                "message": safe_text(message),
            }
        ]
    }


@dataclass(slots=True)
class PageResult:
    """What a worker sends back for one record: its id, its rows, and whether it failed."""

    id: str
    rows: dict[str, list[dict]]
    failed: bool = False
    seconds: float = 0.0
    words: int = 0


@dataclass
class PartInfo:
    name: str
    ids: list[str]
    pages: int
    errors: int


LOCK_FILE = ".rashomon-batch.lock"


def lock_folder(root: Path):
    """Take the output folder for this run (``flock`` on a lock file inside it) or refuse with a clear message.

    Two runs on one folder wrote every page twice, or the second removed the first's temporary files as
    debris. The kernel drops the lock when the holder dies, so a run killed with SIGKILL never blocks the next.
    """
    import fcntl

    root.mkdir(parents=True, exist_ok=True)
    handle = open(root / LOCK_FILE, "a+")  # noqa: SIM115 - held open for the whole run
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise BatchError(
            f"{root}: another rashomon batch is writing this folder (pid {holder}); wait for it to "
            "finish or stop it, then run again"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


@dataclass
class BatchOutput:
    """A batch output folder: committed parts, the ids they hold, and the writer of new parts.

    Opening a folder that already holds committed parts needs ``resume=True`` (so a typo never mixes two
    corpora); resuming removes the debris a killed run left (part files without a manifest, temporary files).
    """

    root: Path
    resume: bool = False
    engine: str = "local"
    done_ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        if self.root.exists() and not self.root.is_dir():
            raise BatchError(f"{self.root}: exists and is not a folder")
        self._lock = lock_folder(self.root)
        try:
            self._open()
        except BaseException:
            self.close()  # a refused folder is not left locked while the error travels
            raise

    def _open(self) -> None:
        if self.root.exists() and committed_parts(self.root) and not self.resume:
            raise BatchError(
                f"{self.root}: already holds a batch output; pass --resume to finish it, or choose another folder"
            )
        for table in TABLES:
            (self.root / table).mkdir(parents=True, exist_ok=True)
        (self.root / MANIFEST_DIR).mkdir(parents=True, exist_ok=True)
        manifests = list(iter_manifests(self.root))
        for manifest in manifests:
            self.done_ids.update(manifest["ids"])
        self._remove_debris({manifest["part"] for manifest in manifests})
        info_path = self.root / DATASET_INFO
        if not info_path.exists():
            from .. import SCHEMA_VERSION, __version__

            _write_atomic(
                info_path,
                json.dumps(
                    {
                        "rashomon_version": __version__,
                        "schema_version": SCHEMA_VERSION,
                        "tables": list(TABLES),
                        "created_at": _utc_now(),
                    },
                    indent=2,
                ).encode(),
            )

    def close(self) -> None:
        """Release the folder for another run (the lock also goes when the process dies, by any signal)."""
        lock, self._lock = getattr(self, "_lock", None), None
        if lock is not None:
            lock.close()

    def _remove_debris(self, committed: set[str]) -> None:
        for folder in [*TABLES, MANIFEST_DIR]:
            for path in (self.root / folder).glob("part-*"):
                stem = path.name.split(".", 1)[0]
                if path.name.endswith(TEMP_SUFFIX) or (folder != MANIFEST_DIR and stem not in committed):
                    path.unlink(missing_ok=True)

    def commit(self, results: Iterable[PageResult]) -> PartInfo | None:
        """Write ``results`` as one new part (every table, then the manifest); returns ``None`` if empty.

        Ctrl-C is held back while a part is written, so the ids in memory never disagree with the manifests.
        """
        blockable = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
        if blockable:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            return self._commit(results)
        finally:
            if blockable:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    def _commit(self, results: Iterable[PageResult]) -> PartInfo | None:
        info = write_part(self.root, [r for r in results if r.id not in self.done_ids], self.engine)
        if info is not None:
            self.done_ids.update(info.ids)
        return info


def write_part(root: Path, results: list[PageResult], engine: str = "local") -> PartInfo | None:
    """Write ``results`` as one new part of the output at ``root``: every table, then the manifest.

    Safe to call from many processes at once (Ray write tasks): part names are unique, nothing is scanned.
    """
    if not results:
        return None
    root = Path(root)
    name = f"part-{time.time_ns() // 1_000_000:013d}-{uuid.uuid4().hex[:8]}"
    for table, schema in TABLES.items():
        map_columns = [f.name for f in schema if pa.types.is_map(f.type)]
        rows = [_arrow_ready(row, map_columns) for result in results for row in result.rows.get(table, ())]
        temp = root / table / f"{name}.parquet{TEMP_SUFFIX}"
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), temp, compression=PARQUET_COMPRESSION)
        os.replace(temp, root / table / f"{name}.parquet")
    ids = [r.id for r in results]
    errors = sum(r.failed for r in results)
    manifest = {
        "part": name,
        "ids": ids,
        "pages": len(ids) - errors,
        "errors": errors,
        "words": sum(r.words for r in results),
        "engine": engine,
        "written_at": _utc_now(),
    }
    _write_atomic(root / MANIFEST_DIR / f"{name}.json", json.dumps(manifest).encode(), fsync=True)
    return PartInfo(name, ids, len(ids) - errors, errors)


def _arrow_ready(row: dict[str, Any], map_columns: list[str]) -> dict[str, Any]:
    """Map columns as Arrow wants them (pairs); rows keep dicts so they survive JSON (the Ray engine ships them)."""
    for name in map_columns:
        if isinstance(row.get(name), dict):
            row = {**row, name: list(row[name].items())}
    return row


def _manifest_paths(root: Path) -> list[Path]:
    return sorted((Path(root) / MANIFEST_DIR).glob("part-*.json"))


def committed_parts(root: Path) -> list[str]:
    """Names of the committed parts of the output at ``root``, oldest first."""
    return [path.stem for path in _manifest_paths(root)]


def committed_files(root: Path, table: str) -> list[Path]:
    """The Parquet files of ``table`` that belong to committed parts (debris of a killed run left out)."""
    root = Path(root)
    return [
        root / table / f"{name}.parquet"
        for name in committed_parts(root)
        if (root / table / f"{name}.parquet").exists()
    ]


def iter_manifests(root: Path) -> Iterator[dict[str, Any]]:
    """The manifest of every committed part of the output at ``root``, oldest first: the one reader of manifests.

    Each is the dict :func:`write_part` wrote, with ``part`` always the part's name and ``ids`` always a list;
    a manifest that cannot be read raises :class:`BatchError` (its pages would otherwise be silently redone).
    """
    for path in _manifest_paths(root):
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
            ids = manifest["ids"]
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                raise TypeError("ids is not a list of strings")
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise BatchError(
                f"{path}: damaged manifest ({type(err).__name__}); move it and its part files "
                "away, then resume to redo those pages"
            ) from None
        yield {**manifest, "part": path.stem}


def iter_manifest_ids(root: Path) -> Iterator[str]:
    """The ids of every page (and error row) the committed parts of ``root`` hold."""
    for manifest in iter_manifests(root):
        yield from manifest["ids"]


def _write_atomic(path: Path, data: bytes, fsync: bool = False) -> None:
    temp = path.with_name(path.name + TEMP_SUFFIX)
    with open(temp, "wb") as handle:
        handle.write(data)
        if fsync:
            handle.flush()
            os.fsync(handle.fileno())
    os.replace(temp, path)


def _utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
