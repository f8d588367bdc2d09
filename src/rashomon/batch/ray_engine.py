"""The Ray engine: Ray Data streams the corpus through actors that hold the models once, into the same output.

Plan: the input files become a dataset of read items (:func:`read_plan`: each file whole when there are many, else
one shard of each file per actor); ``map_batches`` with the callable class :class:`PageAnalyzer` (one per actor,
models loaded in ``__init__``) reads its items with :func:`stream_records` (:mod:`rashomon.read.corpus`, skipping
ids already done) and yields the analysis of every chunk of records; the driver commits the results as parts with
:func:`~rashomon.batch.output.write_part`, exactly as the local engine does, so the output, ``--resume`` and
``rashomon query`` are the same whichever engine ran. Reading in the actors and writing in the driver start no Ray
process besides the actors, which on a small machine is most of what Ray adds to a run.

Ray is an optional extra (``pip install rashomon[ray]``). With no ``address`` a local Ray is started with
``workers`` CPUs and stopped at the end; ``address="auto"`` or ``ray://host:port`` joins a cluster (whose
workers must see the input files at the same paths; only the driver writes ``out``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import settings
from ..options import Options
from ..read.corpus import Record, expand_inputs, iter_file
from ..read.fetch import is_url
from .local import PART_SIZE as LOCAL_PART_SIZE
from .output import BatchError, BatchOutput, PageResult, iter_manifests, new_records, write_part
from .progress import BatchSummary
from .worker import content_bytes

# --- settings (ray engine) ------------------------------------------------------------------------------
#: Records an analyzer actor analyses per call and hands back: small, so results reach the driver steadily.
CHUNK_SIZE = 2
#: Pages per committed part: as in the local engine.
PART_SIZE = LOCAL_PART_SIZE
#: Largest block Ray Data builds. An actor's results are held until they fill a block, and Ray's default
#: (128 MiB) would hold a whole file's results: small blocks send each chunk's results to the driver at once.
TARGET_BLOCK_BYTES = 256 * 1024

#: With at least this many input files per actor, each file is read whole by one actor (files balance the load);
#: with fewer, every file is split into one shard per actor, and each actor reads all of it to find its share.
FILES_PER_ACTOR_UNSHARDED = 4

_RECORD_COLUMNS = ("id", "origin", "offset", "url", "published_at", "content", "error", "kind")


def _require_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise BatchError("the ray engine needs Ray: pip install 'rashomon[ray]' (or use --engine local)") from None
    return ray


def stream_records(batch: dict[str, Any], done: frozenset[str], size: int) -> Iterator[dict[str, list]]:
    """``map_batches`` generator: the records of each file in ``batch["path"]``, ``size`` at a time.

    Records are filtered by :func:`~rashomon.batch.output.new_records`, the local engine's rule: ids already
    done are skipped and an id is streamed once. A record id names its file, so ids of different files never
    meet and this read task's own set of seen ids is the whole check. With ``shard`` and ``shards`` columns,
    a row streams only every ``shards``-th of the file's new records, from the ``shard``-th on: every shard
    reads the whole file (cheap beside the analysis) and applies the same rule, so the shards of one file
    split its pages between actors, each page in exactly one shard.
    """
    paths = batch.column("path").to_pylist()
    names = batch.column_names
    shard = batch.column("shard").to_pylist() if "shard" in names else [0] * len(paths)
    shards = batch.column("shards").to_pylist() if "shards" in names else [1] * len(paths)
    seen: set[str] = set()
    buffer: list[Record] = []
    for path, mine, count in zip(paths, shard, shards):
        source = str(path) if is_url(str(path)) else Path(str(path))
        fresh = (record for record in new_records(iter_file(source), done) if record.id not in seen)
        for number, record in enumerate(fresh):
            seen.add(record.id)
            if number % count != mine:
                continue
            buffer.append(record)
            if len(buffer) >= size:
                yield _columns(buffer)
                buffer = []
    if buffer:
        yield _columns(buffer)


def _columns(records: list[Record]) -> dict[str, list]:
    columns = {name: [getattr(r, name) for r in records] for name in _RECORD_COLUMNS}
    # one Arrow type per column: page text from JSONL is sent as UTF-8 bytes, like WARC bodies
    columns["content"] = [content_bytes(c) for c in columns["content"]]
    return columns


class PageAnalyzer:
    """``map_batches`` callable class: each Ray actor loads the models once, then streams and analyses records.

    A call takes rows of ``path`` (with ``shard`` and ``shards``), reads them with :func:`stream_records` and
    yields the analysis of every ``size`` records: reading in the actor needs no read process beside it and
    sends no page through the object store twice.
    """

    def __init__(
        self,
        options: Options | None = None,
        done: frozenset[str] = frozenset(),
        size: int = CHUNK_SIZE,
        page_timeout: float | None = settings.PAGE_TIMEOUT_SECONDS,
    ):
        from .worker import load_models

        self.options, self.done, self.size, self.page_timeout = options, done, size, page_timeout
        load_models(options)

    def __call__(self, batch: Any) -> Iterator[dict[str, list]]:
        for records in stream_records(batch, self.done, self.size):
            yield self.analyse(records)

    def analyse(self, records: dict[str, list]) -> dict[str, list]:
        from .worker import analyze_record, peak_rss_bytes

        out: dict[str, list] = {"id": [], "failed": [], "words": [], "rows": [], "peak_rss": []}
        for values in zip(*(records[name] for name in _RECORD_COLUMNS)):
            result = analyze_record(Record(**dict(zip(_RECORD_COLUMNS, values))), self.options, self.page_timeout)
            out["id"].append(result.id)
            out["failed"].append(result.failed)
            out["words"].append(result.words)
            out["rows"].append(json.dumps(result.rows, ensure_ascii=False))
            out["peak_rss"].append(peak_rss_bytes())
        return out


class _PartWriter:
    """Commits the analysed rows as parts of the output, ``part_size`` pages each, as the local engine does."""

    def __init__(self, root: Path, part_size: int):
        self.root, self.part_size = root, part_size
        self.results: list[PageResult] = []
        self.peak_rss = 0

    def add(self, batch: Any) -> None:
        for row in batch.to_pylist():
            self.results.append(
                PageResult(row["id"], json.loads(row["rows"]), failed=bool(row["failed"]), words=int(row["words"]))
            )
            self.peak_rss = max(self.peak_rss, int(row["peak_rss"]))
            if len(self.results) >= self.part_size:
                self.flush()

    def flush(self) -> None:
        write_part(self.root, self.results, engine="ray")
        self.results.clear()


def run_ray(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    workers: int | None = None,
    address: str | None = None,
    resume: bool = False,
    stage_names: Sequence[str] | None = None,
    options: Options | None = None,
    chunk_size: int = CHUNK_SIZE,
    part_size: int = PART_SIZE,
    progress: bool = True,
    page_timeout: float | None = settings.PAGE_TIMEOUT_SECONDS,
) -> BatchSummary:
    """Analyze every page of ``inputs`` into ``out`` on Ray; see the module docstring. ``options`` (with
    ``stage_names`` as its stages, if given) is handed to every actor as it is."""
    from .worker import batch_options

    options = batch_options(options, stage_names)
    ray = _require_ray()
    if (workers is not None and workers < 1) or chunk_size < 1 or part_size < 1:
        raise BatchError("--workers, the chunk size and the part size must be at least 1")
    files = expand_inputs(list(inputs))
    output = BatchOutput(Path(out), resume=resume, engine="ray")
    root = output.root.resolve()
    started_here = not ray.is_initialized()
    if started_here:
        init: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
        if address is None:
            init["num_cpus"] = workers or (os.cpu_count() or 1)
        ray.init(address=address, **init)
    actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    summary = BatchSummary(out=Path(out), engine="ray", workers=actors)
    before = set(output.done_ids)
    summary.skipped_done = len(before)
    started = time.perf_counter()
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = progress
        context.target_max_block_size = TARGET_BLOCK_BYTES
        if not progress:
            logging.getLogger("ray.data").setLevel(logging.WARNING)
        items = read_plan(files, actors)
        dataset = ray.data.from_items(items, override_num_blocks=max(1, min(len(items), 4 * actors)))
        # one task in flight per actor: an idle actor takes the next item, none queues behind a busy one
        analysed = dataset.map_batches(
            PageAnalyzer,
            batch_size=1,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=1),
            num_cpus=1,
            fn_constructor_kwargs={
                "options": options,
                "done": frozenset(before),
                "size": chunk_size,
                "page_timeout": page_timeout,
            },
        )
        writer = _PartWriter(root, part_size)
        try:
            for batch in analysed.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
                writer.add(batch)
        finally:
            writer.flush()
            summary.peak_worker_rss_bytes = writer.peak_rss
    except KeyboardInterrupt:
        summary.interrupted = True
    except Exception as err:  # a Ray task failed for good: keep what is committed, say how to go on
        message = _cause(err)
        raise BatchError(
            f"the ray run failed ({message[:200]}); the pages finished so far are kept: run again with --resume"
        ) from None
    finally:
        output.close()
        summary.seconds = time.perf_counter() - started
        if started_here:
            ray.shutdown()
    _summarise(summary, root, before)
    return summary


def read_plan(files: Sequence[Path | str], actors: int) -> list[dict[str, Any]]:
    """The read items: a file read by the actor that analyses it, whole or as one shard per actor.

    Sharding lets a few large files (one WARC, say) keep every actor busy, at the price of each actor reading
    every file to find its share; with many files that reading would grow with the number of actors, so each
    file is then read once, by one actor.
    """
    if len(files) >= FILES_PER_ACTOR_UNSHARDED * actors:
        return [{"path": str(f), "shard": 0, "shards": 1} for f in files]
    return [{"path": str(f), "shard": k, "shards": actors} for k in range(actors) for f in files]


def _cause(err: BaseException) -> str:
    """The line of a Ray error that names the real exception, not Ray's advice about retries."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    named = [line for line in lines if re.match(r"^[\w.]+(Error|Exception)\b", line)]
    return (named or lines or [type(err).__name__])[-1]


def _summarise(summary: BatchSummary, root: Path, before: set[str]) -> None:
    """Count what this run committed from the manifests (the write tasks ran elsewhere)."""
    for info in iter_manifests(root):
        if before.isdisjoint(info["ids"]):
            summary.parts += 1
            summary.pages += info["pages"]
            summary.failed += info["errors"]
            summary.words += info.get("words", 0)
    summary.skipped_done = len(before)
