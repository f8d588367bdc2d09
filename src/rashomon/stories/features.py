"""Page rows of a batch output -> the features grouping reads; the one featuriser both engines run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq

from ..batch.output import committed_files
from .grouping import PageFeatures, day_of, lead_text, names_in, new_minhash, signature
from .kinds import masked_lead

# --- settings (features) --------------------------------------------------------------------------------
#: Pages read and featurised per batch: bounds memory (an analysis column can hold large pages).
READ_BATCH = 256
PAGE_COLUMNS = ["id", "url", "site", "published_at", "title", "analysis"]


def featurize_rows(rows: list[dict[str, Any]], encoder) -> list[dict[str, Any]]:
    """Plain features of page rows (``_PAGE_COLUMNS``): what both engines compute, as picklable dicts. Each page's
    lead is encoded twice, as it is and with its actors' names, numbers and dates masked (``kind``, the topic
    level's second view: :mod:`.kinds`), in one call."""
    leads, masked, out = [], [], []
    for row in rows:
        data = json.loads(row["analysis"]) if row.get("analysis") else {}
        page = data.get("page") or {}
        title = row.get("title") or page.get("title") or ""
        text = page.get("text") or ""
        lead = lead_text(title, text)
        actors = data.get("actors") or []
        minhash = signature(text)
        leads.append(lead)
        masked.append(masked_lead(lead, actors))
        out.append(
            {
                "id": row["id"],
                "site": row.get("site"),
                "published_at": row.get("published_at"),
                "title": title,
                "names": sorted(names_in(lead, [a.get("name", "") for a in actors])),
                "hashvalues": None if minhash is None else minhash.hashvalues,
            }
        )
    vectors = encoder.embed(leads + masked) if leads else np.zeros((0, 384), dtype=np.float32)
    for item, vector, kind in zip(out, vectors[: len(leads)], vectors[len(leads) :]):
        item["vector"] = np.asarray(vector, dtype=np.float32)
        item["kind"] = np.asarray(kind, dtype=np.float32)
    return out


def to_features(item: dict[str, Any]) -> PageFeatures:
    hashvalues = item.get("hashvalues")
    minhash = None
    if hashvalues is not None and len(hashvalues):
        minhash = new_minhash(np.asarray(hashvalues))
    return PageFeatures(
        id=item["id"],
        site=item.get("site"),
        day=day_of(item.get("published_at")),
        title=item.get("title") or "",
        names=frozenset(item.get("names") or ()),
        vector=np.asarray(item["vector"], dtype=np.float32),
        signature=minhash,
        kind=None if item.get("kind") is None else np.asarray(item["kind"], dtype=np.float32),
    )


def iter_page_rows(out: Path, skip, batch: int = READ_BATCH) -> Iterator[list[dict[str, Any]]]:
    """Batches of page rows not in ``skip``, part by part in commit order (the order both engines group in)."""
    for path in committed_files(out, "pages"):
        for record_batch in pq.ParquetFile(path).iter_batches(batch_size=batch, columns=PAGE_COLUMNS):
            rows = [r for r in record_batch.to_pylist() if r["id"] not in skip]
            if rows:
                yield rows
