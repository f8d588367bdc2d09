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
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import RashomonError
from ..options import Options
from ..read.corpus import Record
from .deadline import PageTimeout, time_limit
from .output import PageResult, rows_for_error, rows_for_page


class WorkerSetupError(RashomonError):
    """A worker could not load the stages or the models: every page would fail the same way, so the batch stops."""


#: Set in a worker whose setup failed; its first chunk raises it, so the parent reports why (not "a worker died").
_setup_error: str | None = None


def batch_options(options: Options | None = None, stage_names: Sequence[str] | None = None) -> Options:
    """The options an engine hands to its workers: ``options`` with ``stage_names`` (if given) as its stages,
    checked here (an unknown or mis-ordered stage is a ConfigError before any worker starts), and a
    single-threaded encoder."""
    from ..pipeline import plan_stages

    options = options or Options()
    if stage_names is not None:
        options = replace(options, stages=tuple(stage_names))
    plan_stages(options.stages)
    # one worker process per core: each encoder runs on one thread
    return replace(options, encoder=replace(options.encoder, threads=1))


def load_models(options: Options | None) -> None:
    """Import the stages and load their resources now (spaCy, once per worker), so the first page of a worker
    does not pay for it.

    The models (and the reader's language identifier) are then moved out of the garbage collector's sight
    (``gc.freeze``): they live as long as the worker, and every full collection would otherwise walk their
    ~190,000 objects again, about 5 % of a worker's time on 4k-word pages.
    """
    from .. import pipeline
    from ..read import language_identifier

    options = options or Options()
    plan = pipeline.plan_stages(options.stages)
    for name in plan.resources:
        pipeline.load_resource(name, options)
    if options.actors.tables or "actors" in plan.names:
        from ..actors import load_gazetteer

        load_gazetteer(options.actors.tables, nlp=pipeline.load_resource("spacy", options))
    language_identifier()  # every reader uses it
    gc.collect()
    gc.freeze()


def setup_worker(options: Options | None) -> None:
    """Worker initializer: load the models once; a failure is kept and reported with the first chunk."""
    global _setup_error
    try:
        load_models(options)
    except Exception as err:  # noqa: BLE001 - reported to the parent as a WorkerSetupError
        _setup_error = f"{type(err).__name__}: {err}"


def analyze_record(
    record: Record, options: Options | None = None, page_timeout: float | None = settings.PAGE_TIMEOUT_SECONDS
) -> PageResult:
    """The rows of one record; a record that cannot be read or analysed gives one error row, never an exception.

    Everything a page can break (its text, its URL, the analysis, building its rows) happens inside the ``try``:
    one bad page must never stop a batch, or ``--resume`` would stop on it again forever. A page that runs past
    ``page_timeout`` seconds (``None``: no limit) becomes a ``PageTimeout`` error row.
    """
    if record.error is not None:
        return PageResult(record.id, rows_for_error(record, "corpus", "CorpusError", record.error), failed=True)
    try:
        with time_limit(page_timeout):
            return _analyze_readable(record, options)
    except PageTimeout:
        message = f"the page took longer than {page_timeout:g} s to analyse (limit: --page-timeout)"
        return PageResult(record.id, rows_for_error(record, "analyze", "PageTimeout", message), failed=True)


def _analyze_readable(record: Record, options: Options | None) -> PageResult:
    try:
        from .. import analyze
        from ..contract import to_dict

        started = time.perf_counter()
        known: dict[str, str] = {"kind": record.kind}
        if record.url:
            known["url"] = record.url
        if record.published_at:
            known["published_at"] = record.published_at
        source: Any = Path(record.origin) if record.content is None else content_bytes(record.content)
        if record.kind == "url":  # fetched here, in the worker; the page's url is where it ended up
            from ..read import fetch_url

            try:
                source = fetch_url(
                    str(record.url),
                    render=bool(options and options.read.render),
                    consent=options.read.consent if options else None,
                )
            except RashomonError as err:
                return PageResult(record.id, rows_for_error(record, "fetch", type(err).__name__, str(err)), failed=True)
            record = replace(record, url=source.url)
            known = {k: v for k, v in known.items() if k not in ("kind", "url")}
        try:
            analysis = analyze(source, options=options, **known)
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


def analyze_chunk(
    records: Sequence[Record],
    options: Options | None = None,
    page_timeout: float | None = settings.PAGE_TIMEOUT_SECONDS,
) -> tuple[list[PageResult], int]:
    """Analyze a chunk of records; also returns this worker's peak memory (bytes) so far."""
    if _setup_error is not None:
        raise WorkerSetupError(f"the workers cannot load the analysis stages or models ({_setup_error})")
    results = [analyze_record(record, options, page_timeout) for record in records]
    return results, peak_rss_bytes()


def peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
