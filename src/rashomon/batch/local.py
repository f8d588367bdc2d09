"""The local engine: a process pool, models loaded once per worker, pages sent in chunks.

The parent process streams the corpus (:mod:`rashomon.read.corpus`), skips the ids the output already holds,
sends chunks of records to the workers with a bounded number in flight (so a corpus of any size never sits
in memory), and commits a part of the output every ``part_size`` pages. Ctrl-C stops cleanly: the pages
already analysed are committed, the workers are stopped, and ``--resume`` finishes the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .. import settings
from ..options import Options
from ..read.corpus import JSONL_SUFFIXES, URL_LIST_SUFFIXES, Record, expand_inputs, iter_records
from .output import BatchError, BatchOutput, PageResult, new_records
from .progress import BatchSummary, make_progress
from .worker import WorkerSetupError, analyze_chunk, analyze_record, batch_options, setup_worker

# --- settings (local engine) ----------------------------------------------------------------------------
#: Pages per task sent to a worker: large enough to amortise the round trip, small enough to balance load.
CHUNK_SIZE = 4
#: Pages per committed output part: what a crash can cost to redo, and the size of the Parquet files.
PART_SIZE = 200
#: Chunks in flight per worker: keeps every worker busy without reading the corpus ahead into memory.
CHUNKS_IN_FLIGHT_PER_WORKER = 2
#: "spawn" starts clean workers on every platform; each loads the models once in its initializer.
START_METHOD = "spawn"


def _init_worker(options: Options, parent: int | None = None) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _one_thread_per_worker()
    setup_worker(options)


def die_with_parent(parent: int | None) -> None:
    """Make this worker process die when its parent does, even by SIGKILL (Linux: a parent-death signal).

    Without it a ``kill -9`` of ``rashomon batch`` left its workers (and, through them, multiprocessing's
    resource tracker) running for good, re-parented to init, hundreds of MB each. ``parent`` is the pid the
    worker was started for: if it is already gone, the worker exits at once.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's own clean-up still stops workers
        return
    if parent is not None and os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _one_thread_per_worker() -> None:
    """Pin BLAS/OpenMP pools to one thread: N workers x N BLAS threads on N cores would fight (Ray does the same)."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # scikit-learn brings it; without it the environment variables above still apply
        return
    threadpool_limits(limits=1)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run_local(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    workers: int | None = None,
    resume: bool = False,
    stage_names: Sequence[str] | None = None,
    options: Options | None = None,
    chunk_size: int = CHUNK_SIZE,
    part_size: int = PART_SIZE,
    progress: bool = True,
    start_method: str = START_METHOD,
    page_timeout: float | None = settings.PAGE_TIMEOUT_SECONDS,
) -> BatchSummary:
    """Analyze every page of ``inputs`` into the Parquet dataset ``out``; see the module docstring.

    ``options`` (with ``stage_names`` as its stages, if given) goes to every worker as it is."""
    options = batch_options(options, stage_names)
    if (workers is not None and workers < 1) or chunk_size < 1 or part_size < 1:
        raise BatchError("--workers, the chunk size and the part size must be at least 1")
    inputs = list(inputs)
    files = expand_inputs(inputs)  # fails before anything is written if an input names nothing
    output = BatchOutput(Path(out), resume=resume, engine="local")
    workers = workers or default_workers()
    summary = BatchSummary(out=Path(out), engine="local", workers=workers)
    started = time.perf_counter()
    buffer: list[PageResult] = []

    def collect(results: list[PageResult]) -> None:
        for result in results:
            buffer.append(result)
            summary.failed += result.failed
            summary.pages += not result.failed
            summary.words += result.words
        if len(buffer) >= part_size:
            flush()

    def flush() -> None:
        if output.commit(buffer):
            summary.parts += 1
        buffer.clear()

    total = estimate_total(files)
    bar = make_progress(progress)
    task = bar.add_task(
        "analysing", total=max(total - len(output.done_ids), 0) if total is not None else None, failed=0
    )
    # a snapshot: the live set grows as parts commit, and a repeat of a page of this run is a duplicate, not "done"
    done_before = frozenset(output.done_ids)
    records = new_records(iter_records(files), done_before, on_skip=lambda _, why: _count_skip(summary, why))
    context = multiprocessing.get_context(start_method)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(options, os.getpid()))
    pending: set[Future] = set()
    try:
        with bar:
            for chunk in _chunks(records, chunk_size):
                readable = [r for r in chunk if r.ok]
                unreadable = [analyze_record(r) for r in chunk if not r.ok]
                if unreadable:
                    collect(unreadable)
                    bar.update(task, advance=len(unreadable), failed=summary.failed)
                if readable:
                    while len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                        pending = _drain(pending, FIRST_COMPLETED, collect, summary, bar, task)
                    pending.add(pool.submit(analyze_chunk, readable, options, page_timeout))
            while pending:
                pending = _drain(pending, FIRST_COMPLETED, collect, summary, bar, task)
            flush()
    except KeyboardInterrupt:
        summary.interrupted = True
        _stop(pool, pending)
        flush()  # what is finished is kept; --resume does the rest
    except WorkerSetupError as err:
        _stop(pool, pending)
        flush()
        raise BatchError(str(err)) from None
    except BrokenProcessPool as err:
        _stop(pool, pending)
        flush()
        raise BatchError(
            f"a worker died ({err}); the pages finished so far are kept: run again with --resume"
        ) from None
    except BaseException:  # a bug here or in a worker's return: stop the workers, keep what is finished, re-raise
        _stop(pool, pending)
        try:
            flush()
        except Exception:  # noqa: BLE001 - the first error is the one to report
            pass
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        output.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _drain(pending, how, collect, summary, bar, task) -> set[Future]:
    done, rest = wait(pending, return_when=how)
    for future in done:
        results, peak_rss = future.result()
        summary.peak_worker_rss_bytes = max(summary.peak_worker_rss_bytes, peak_rss)
        collect(results)
        bar.update(task, advance=len(results), failed=summary.failed)
    return rest


def _stop(pool: ProcessPoolExecutor, pending: set[Future]) -> None:
    """Stop the workers without waiting for the chunks in progress. Nothing is cancelled: the pool, broken by the
    terminated workers (or by a Ctrl-C that reached them first), fails every pending future itself, and its manager
    thread raises ``InvalidStateError`` into the terminal when it meets a future already cancelled (CPython 3.11's
    ``terminate_broken``: a traceback after Ctrl-C, seen in CI). ``pending`` is never read again."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()
    pool.shutdown(wait=True)


def _count_skip(summary: BatchSummary, why: str) -> None:
    if why == "done":
        summary.skipped_done += 1
    else:
        summary.skipped_duplicates += 1


def _chunks(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def estimate_total(files: Sequence[Path | str]) -> int | None:
    """The number of records, when it can be had cheaply (page files, URLs and plain JSONL); ``None`` otherwise."""
    total = 0
    for path in files:
        if isinstance(path, str):  # a URL
            total += 1
            continue
        name = path.name.lower()
        if name.endswith(tuple(s for s in JSONL_SUFFIXES if not s.endswith(".gz")) + URL_LIST_SUFFIXES):
            with open(path, "rb") as handle:
                total += sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
        elif name.endswith((".gz", ".warc", ".arc")):
            return None
        else:
            total += 1
    return total
