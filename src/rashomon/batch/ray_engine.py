"""The Ray engine: Ray Data streams the corpus through actors that hold the models once, into the same output.

Plan: the input files (a small list) become a dataset; ``map_batches`` with a generator streams each file's
records (:mod:`rashomon.read.corpus`, skipping ids already done); ``map_batches`` with the callable class
:class:`PageAnalyzer` (one per actor, models loaded in ``__init__``) analyses them; and ``write_datasink``
writes parts with :class:`ManifestDatasink`. That datasink is Ray's ``write_parquet`` plus what resuming
needs: each write task writes its Parquet files and then commits their manifest atomically, exactly as the
local engine does, so the output, ``--resume`` and ``rashomon query`` are the same whichever engine ran.

Ray is an optional extra (``pip install rashomon[ray]``). With no ``address`` a local Ray is started with
``workers`` CPUs and stopped at the end; ``address="auto"`` or ``ray://host:port`` joins a cluster (whose
workers must see ``out`` at the same path, as for ``write_parquet``).
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

from ..read.corpus import Record, expand_inputs, iter_file
from .local import CHUNK_SIZE as LOCAL_CHUNK_SIZE
from .local import PART_SIZE as LOCAL_PART_SIZE
from .output import BatchError, BatchOutput, PageResult, iter_manifests, new_records, write_part
from .progress import BatchSummary
from .worker import content_bytes

# --- settings (ray engine) ------------------------------------------------------------------------------
#: Records per batch handed to an analyzer actor, and pages per committed part: as in the local engine.
CHUNK_SIZE = LOCAL_CHUNK_SIZE
PART_SIZE = LOCAL_PART_SIZE
#: CPU share of a read task: none reserved, or the analyzer actors (one CPU each) could starve the reads.
READ_CPUS = 0
#: Read tasks running at once, per analyzer actor.
READS_PER_ACTOR = 1
#: Largest block Ray Data builds. Ray's default (128 MiB) would pack a whole JSONL or WARC file into one block,
#: and one block goes to one actor: small blocks spread the records of one file over every actor.
TARGET_BLOCK_BYTES = 256 * 1024

_RECORD_COLUMNS = ("id", "origin", "offset", "url", "published_at", "content", "error", "kind")


def _plog(what):
    with open("/tmp/prof.log", "a") as f:
        f.write(f"{os.getpid()} {time.time()} {what}\n")


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
    meet and this read task's own set of seen ids is the whole check.
    """
    buffer: list[Record] = []
    files = (Path(str(path)) for path in batch.column("path").to_pylist())
    for record in new_records((record for path in files for record in iter_file(path)), done):
        buffer.append(record)
        if len(buffer) >= size:
            _plog("read yield")
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
    """``map_batches`` callable class: each Ray actor loads the models once and analyses batches of records."""

    def __init__(self, stage_names: Sequence[str] | None = None):
        from .worker import load_models

        self.stage_names = stage_names
        _plog("init start")
        load_models(stage_names)
        _plog("init end")

    def __call__(self, batch: Any) -> dict[str, list]:
        from .worker import analyze_record, peak_rss_bytes

        _plog(f"call start {batch.num_rows}")
        out: dict[str, list] = {"id": [], "failed": [], "words": [], "rows": [], "peak_rss": []}
        for row in batch.to_pylist():  # pyarrow batch: plain Python values, None stays None
            result = analyze_record(Record(**{name: row.get(name) for name in _RECORD_COLUMNS}), self.stage_names)
            out["id"].append(result.id)
            out["failed"].append(result.failed)
            out["words"].append(result.words)
            out["rows"].append(json.dumps(result.rows, ensure_ascii=False))
            out["peak_rss"].append(peak_rss_bytes())
        _plog("call end")
        return out


def _manifest_datasink_class():
    from ray.data import Datasink

    class ManifestDatasink(Datasink):
        """``write_parquet`` with a manifest: each write call commits its rows as parts of the batch output."""

        def __init__(self, root: str, part_size: int):
            self.root, self.part_size = root, part_size
            self.peak_rss = 0

        def on_write_complete(self, write_result: Any) -> None:
            returns = getattr(write_result, "write_returns", None) or []
            self.peak_rss = max([self.peak_rss, *(r.get("peak_rss", 0) for r in returns if isinstance(r, dict))])

        @property
        def min_rows_per_write(self) -> int:
            return self.part_size

        def write(self, blocks: Iterable[Any], ctx: Any) -> dict[str, int]:
            from ray.data.block import BlockAccessor

            written = {"pages": 0, "failed": 0, "words": 0, "peak_rss": 0}
            results: list[PageResult] = []

            def flush():
                info = write_part(Path(self.root), results, engine="ray")
                if info is not None:
                    written["pages"] += info.pages
                    written["failed"] += info.errors
                results.clear()

            for block in blocks:
                for row in BlockAccessor.for_block(block).iter_rows(public_row_format=True):
                    results.append(PageResult(row["id"], json.loads(row["rows"]), failed=bool(row["failed"]),
                                              words=int(row["words"])))
                    written["words"] += int(row["words"])
                    written["peak_rss"] = max(written["peak_rss"], int(row["peak_rss"]))
                    if len(results) >= self.part_size:
                        flush()
            flush()
            _plog("write done")
            return written

    return ManifestDatasink


def run_ray(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    workers: int | None = None,
    address: str | None = None,
    resume: bool = False,
    stage_names: Sequence[str] | None = None,
    chunk_size: int = CHUNK_SIZE,
    part_size: int = PART_SIZE,
    progress: bool = True,
) -> BatchSummary:
    """Analyze every page of ``inputs`` into ``out`` on Ray; see the module docstring."""
    ray = _require_ray()
    if (workers is not None and workers < 1) or chunk_size < 1 or part_size < 1:
        raise BatchError("--workers, the chunk size and the part size must be at least 1")
    files = expand_inputs(list(inputs))
    output = BatchOutput(Path(out), resume=resume, engine="ray")
    root = output.root.resolve()
    started_here = not ray.is_initialized()
    if started_here:
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
        if address is None:
            options["num_cpus"] = workers or (os.cpu_count() or 1)
        ray.init(address=address, **options)
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
        dataset = ray.data.from_items([{"path": str(f)} for f in files],
                                      override_num_blocks=max(1, min(len(files), 4 * actors)))
        # Its own small CPU share keeps the read step from being fused into the analyzer actors, so one big
        # JSONL or WARC file is still analysed by every actor, not only by the one that reads it.
        records = dataset.map_batches(stream_records, batch_size=1, batch_format="pyarrow", num_cpus=READ_CPUS,
                                      concurrency=max(1, READS_PER_ACTOR * actors),
                                      fn_kwargs={"done": frozenset(before), "size": chunk_size})
        analysed = records.map_batches(PageAnalyzer, batch_size=chunk_size, batch_format="pyarrow",
                                       compute=ray.data.ActorPoolStrategy(size=actors),
                                       fn_constructor_kwargs={"stage_names": stage_names}, num_cpus=1)
        sink = _manifest_datasink_class()(str(root), part_size)
        analysed.write_datasink(sink)
        summary.peak_worker_rss_bytes = sink.peak_rss
    except KeyboardInterrupt:
        summary.interrupted = True
    except Exception as err:  # a Ray task failed for good: keep what is committed, say how to go on
        message = _cause(err)
        raise BatchError(f"the ray run failed ({message[:200]}); the pages finished so far are kept: "
                         "run again with --resume") from None
    finally:
        summary.seconds = time.perf_counter() - started
        if started_here:
            ray.shutdown()
    _summarise(summary, root, before)
    return summary


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
