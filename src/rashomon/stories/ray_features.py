"""Story features on Ray Data: actors that hold the encoder once read the pages' Parquet files and featurise
them; the driver groups the results in the parts' order (``preserve_order``), as the local engine does, so
both give the same stories. A local Ray is started (and stopped) when no ``address`` is given."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..batch.output import BatchError, committed_files
from .features import PAGE_COLUMNS, READ_BATCH, featurize_rows


class _Featurizer:
    def __init__(self) -> None:
        from .. import encoder

        self.encoder = encoder.load(threads=1)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        keys = list(batch)
        rows = [dict(zip(keys, values)) for values in zip(*(batch[k] for k in keys))]
        items = featurize_rows(rows, self.encoder)
        return {
            "id": [i["id"] for i in items],
            "site": [i["site"] for i in items],
            "published_at": [i["published_at"] for i in items],
            "title": [i["title"] for i in items],
            "names": [list(i["names"]) for i in items],
            "hashvalues": [np.zeros(0, np.uint32) if i["hashvalues"] is None else i["hashvalues"] for i in items],
            "vector": np.stack([i["vector"] for i in items]) if items else np.zeros((0, 384), np.float32),
            "kind": np.stack([i["kind"] for i in items]) if items else np.zeros((0, 384), np.float32),
        }


def settle_http_filesystem_import() -> None:
    """Make fsspec's HTTP filesystem either importable or plainly absent before Ray Data lists the files.

    Ray's listing checks each path in several threads, each importing ``fsspec.implementations.http``, which needs
    aiohttp (not installed). Ray catches the ModuleNotFoundError of a failed import, but a thread that meets the
    module half-imported by another gets a plain ImportError that Ray does not catch: reading an output of several
    parts failed at random. Marked absent in ``sys.modules``, every import fails the way Ray expects."""
    try:
        import fsspec.implementations.http  # noqa: F401
    except ImportError:
        sys.modules["fsspec.implementations.http"] = None  # type: ignore[assignment]


def page_dataset(ray, files: list[str], skip, batch: int = READ_BATCH):
    """The page rows of ``files`` not in ``skip``, in blocks of at most ``batch`` rows, in the parts' order.

    Reading and filtering take no CPU of their own: the featurizing actors hold one CPU each, and tasks that
    waited for a free CPU would wait for ever. Ray Data keeps a part of a few megabytes as one block, and one block
    goes to one actor, which featurises it batch after batch while the others idle (2,000 pages in one part: one
    actor of two busy, the Ray path twice as slow as local); blocks of a batch each spread every part over all
    the actors. The split streams (no shuffle); its task takes the CPU a local Ray keeps beyond the actors'."""
    settle_http_filesystem_import()
    return (
        ray.data.read_parquet(files, columns=PAGE_COLUMNS, ray_remote_args={"num_cpus": 0})
        .filter(lambda row: row["id"] not in skip, num_cpus=0)
        .repartition(target_num_rows_per_block=batch)
    )


def ray_features(root: Path, skip, *, workers: int | None = None, address: str | None = None) -> Iterator[list[dict]]:
    try:
        import ray
    except ImportError:
        raise BatchError("the ray engine needs the ray extra: pip install 'rashomon[ray]'") from None
    files = [str(p) for p in committed_files(root, "pages")]
    if not files:
        return
    started_here = not ray.is_initialized()
    if started_here:
        # one CPU beyond the actors' for reading the parts: with each CPU held by a featurizer, the read tasks
        # would wait for ever (the test of the Ray engine hung exactly so)
        cpus = None if address else (workers or 2) + 1
        ray.init(address=address, num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        dataset = page_dataset(ray, files, skip)
        featurized = dataset.map_batches(
            _Featurizer, batch_size=READ_BATCH, concurrency=workers or 2, batch_format="numpy", num_cpus=1
        )
        for batch in featurized.iter_batches(batch_size=READ_BATCH, batch_format="numpy"):
            yield [
                {
                    "id": str(batch["id"][n]),
                    "site": batch["site"][n],
                    "published_at": batch["published_at"][n],
                    "title": batch["title"][n],
                    "names": list(batch["names"][n]),
                    "hashvalues": batch["hashvalues"][n] if len(batch["hashvalues"][n]) else None,
                    "vector": batch["vector"][n],
                    "kind": batch["kind"][n],
                }
                for n in range(len(batch["id"]))
            ]
    finally:
        if started_here:
            ray.shutdown()
