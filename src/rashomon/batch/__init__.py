"""Batch analysis of corpora: engines that run :func:`rashomon.analyze` over many pages into a Parquet dataset.

>>> from rashomon.batch import run_batch
>>> summary = run_batch(["pages/"], "out/", engine="local", workers=2)   # doctest: +SKIP
>>> summary.exit_code                                                      # doctest: +SKIP

Engines are looked up in :data:`ENGINES` (``local``: a process pool; ``ray``: Ray Data, an optional extra).
Both write the same output (:mod:`rashomon.batch.output`) and resume the same way; :mod:`.query` reads it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from typing import Any

from .output import BatchError
from .progress import BatchSummary

#: engine name -> "module:function"; the module is imported only when its engine is used.
ENGINES = {"local": "rashomon.batch.local:run_local", "ray": "rashomon.batch.ray_engine:run_ray"}

__all__ = ["run_batch", "BatchSummary", "BatchError", "ENGINES"]


def run_batch(
    inputs: Iterable[str | os.PathLike], out: str | os.PathLike, *, engine: str = "local", **options: Any
) -> BatchSummary:
    """Analyze every page of ``inputs`` into ``out`` with ``engine``; options are the engine's keywords."""
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    module_name, function_name = ENGINES[engine].split(":")
    return getattr(importlib.import_module(module_name), function_name)(inputs, out, **options)
