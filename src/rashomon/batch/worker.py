"""What every engine runs in its workers: load the models once, then turn records into table rows.

Both engines (the local process pool and Ray actors) call :func:`load_models` once per worker and
:func:`analyze_record` per page, so a page gives the same rows whichever engine ran it.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .. import settings
from ..errors import RashomonError
from ..read.corpus import Record
from .deadline import PageTimeout, time_limit
from .output import PageResult, rows_for_error, rows_for_page


class WorkerSetupError(RashomonError):
    """A worker could not load the stages or the models: every page would fail the same way, so the batch stops."""


#: Set in a worker whose setup failed; its first chunk raises it, so the parent reports why (not "a worker died").
_setup_error: str | None = None


def load_models(stage_names: Sequence[str] | None) -> None:
    """Import the stages and load spaCy now, so the first page of a worker does not pay for it.

    The models (and the reader's language identifier) are then moved out of the garbage collector's sight
    (``gc.freeze``): they live as long as the worker, and every full collection would otherwise walk their
    ~190,000 objects again, about 5 % of a worker's time on 4k-word pages.
    """
    from .. import nlp, pipeline
    from ..read import language_identifier

    # one process per core: a stage that asks for the shared encoder gets a single-threaded one
    settings.ENCODER_THREADS = 1
    names = settings.DEFAULT_STAGES if stage_names is None else stage_names
    for name in names:
        pipeline.get_stage(name)
    if names:
        nlp.load()
    language_identifier()  # every reader uses it
    gc.collect()
    gc.freeze()


def setup_worker(stage_names: Sequence[str] | None) -> None:
    """Worker initializer: load the models once; a failure is kept and reported with the first chunk."""
    global _setup_error
    try:
        load_models(stage_names)
    except Exception as err:  # noqa: BLE001 - reported to the parent as a WorkerSetupError
        _setup_error = f"{type(err).__name__}: {err}"


def analyze_record(record: Record, stage_names: Sequence[str] | None = None,
                   page_timeout: float | None = settings.PAGE_TIMEOUT_SECONDS) -> PageResult:
    """The rows of one record; a record that cannot be read or analysed gives one error row, never an exception.

    Everything a page can break (its text, its URL, the analysis, building its rows) happens inside the ``try``:
    one bad page must never stop a batch, or ``--resume`` would stop on it again forever. A page that runs past
    ``page_timeout`` seconds (``None``: no limit) becomes a ``PageTimeout`` error row.
    """
    if record.error is not None:
        return PageResult(record.id, rows_for_error(record, "corpus", "CorpusError", record.error), failed=True)
    try:
        with time_limit(page_timeout):
            return _analyze_readable(record, stage_names)
    except PageTimeout:
        message = f"the page took longer than {page_timeout:g} s to analyse (limit: --page-timeout)"
        return PageResult(record.id, rows_for_error(record, "analyze", "PageTimeout", message), failed=True)


def _analyze_readable(record: Record, stage_names: Sequence[str] | None) -> PageResult:
    try:
        from .. import analyze
        from ..report.json import to_dict

        started = time.perf_counter()
        source = Path(record.origin) if record.content is None else content_bytes(record.content)
        options = {"kind": record.kind}
        if record.url:
            options["url"] = record.url
        if record.published_at:
            options["published_at"] = record.published_at
        try:
            analysis = analyze(source, stage_names=stage_names, **options)
            data = to_dict(analysis)
        except RashomonError as err:
            return PageResult(record.id, rows_for_error(record, "read", type(err).__name__, str(err)), failed=True)
        seconds = time.perf_counter() - started
        rows = rows_for_page(record, data, seconds)
        return PageResult(record.id, rows, seconds=seconds, words=rows["pages"][0]["n_words"])
    except Exception as err:  # a bug or a pathological page: one error row, and the batch goes on
        message = f"{type(err).__name__}: {err}"
        return PageResult(record.id, rows_for_error(record, "analyze", type(err).__name__, message), failed=True)


def content_bytes(content: str | bytes | None) -> bytes | None:
    """A page's content as bytes, as both engines hand it to the reader (bytes: never taken for a file name).

    Text from JSONL is encoded as UTF-8; a lone surrogate (``"\\ud800"``, which JSON allows and UTF-8 does not)
    becomes ``?`` instead of failing the page, so the rest of the page is still read as UTF-8.
    """
    if isinstance(content, str):
        return content.encode("utf-8", errors="replace")
    return content


def analyze_chunk(records: Sequence[Record], stage_names: Sequence[str] | None = None,
                  page_timeout: float | None = settings.PAGE_TIMEOUT_SECONDS) -> tuple[list[PageResult], int]:
    """Analyze a chunk of records; also returns this worker's peak memory (bytes) so far."""
    if _setup_error is not None:
        raise WorkerSetupError(f"the workers cannot load the analysis stages or models ({_setup_error})")
    results = [analyze_record(record, stage_names, page_timeout) for record in records]
    return results, peak_rss_bytes()


def peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
