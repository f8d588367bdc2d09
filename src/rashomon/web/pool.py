"""Where the web app runs analyses: a bounded pool of worker processes with a bounded queue and a time limit.

The app's own process only serves requests (reads, search, reports), so a read never waits behind an
analysis; analyses run in ``workers`` processes (spawned, models loaded once each, at a lower CPU priority so
they yield to requests), at most ``queue_limit`` more wait, and a request past that is told to come back
(:class:`PoolFull`, a 429). One analysis may take ``seconds``: the worker gives the page up
(``PageTimeout``), and if it is stuck in native code the server stops waiting a little later and replaces
the pool's processes (:class:`AnalysisTimeout`, a 422). Workers die with the app, even by SIGKILL.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from ..errors import PageTooSlow, RashomonError
from ..options import Options

if TYPE_CHECKING:
    from ..read.fetch import Fetched

#: Seconds the server waits past the time limit for a worker to give a page up before replacing the workers.
GRACE_SECONDS = 5.0
#: Added to the workers' nice value: analyses take the CPU the request handlers leave.
WORKER_NICENESS = 10


class PoolFull(RashomonError):
    """Every worker is busy and the queue is full: come back later (429)."""


class AnalysisTimeout(PageTooSlow):
    """The page took longer than the web app's time limit for one analysis (422)."""


class WorkerLost(RashomonError):
    """An analysis worker died (out of memory, killed): the server's trouble, not the request's (503)."""


def _init(options: Options, parent: int) -> None:
    import signal

    from ..batch.local import _one_thread_per_worker
    from ..batch.worker import setup_worker

    _watch_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the app's to handle
    try:
        os.nice(WORKER_NICENESS)
    except OSError:
        pass
    _one_thread_per_worker()
    setup_worker(options)


def _watch_parent(parent: int, every: float = 0.5) -> None:
    """Exit when the app's process is gone, even by SIGKILL. A parent-death signal is not used here: it fires
    when the *thread* that started the worker ends, and the app may start workers from a short-lived thread."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="rashomon-parent-watch", daemon=True).start()


def _analyze(
    data: bytes | Fetched, read_options: dict[str, Any], options: Options, seconds: float | None
) -> tuple[str, Any]:
    """In a worker: the analysis JSON contract of ``data``, or why there is none (``input`` or ``timeout``)."""
    from ..batch.deadline import PageTimeout, time_limit
    from ..contract import to_dict
    from ..pipeline import analyze

    try:
        with time_limit(seconds):
            return "ok", to_dict(analyze(data, options=options, **read_options))
    except PageTimeout:
        return "timeout", None
    except RashomonError as err:
        return "input", str(err)


def _ready() -> bool:
    return True


class AnalysisPool:
    """``await pool.analyze(data, kind=..., url=..., published_at=...)`` -> the analysis JSON contract."""

    def __init__(self, workers: int, queue_limit: int, seconds: float | None, options: Options | None = None) -> None:
        self.workers, self.queue_limit, self.seconds = workers, queue_limit, seconds
        self.options = options or Options()
        self.in_flight = 0
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init,
                initargs=(self.options, os.getpid()),
            )
        return self._executor

    async def analyze(self, data: bytes | Fetched, **read_options: Any) -> dict[str, Any]:
        if self.in_flight >= self.workers + self.queue_limit:
            raise PoolFull(f"{self.in_flight} analyses are running or waiting; try again in a minute")
        self.in_flight += 1
        try:
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self._pool(), _analyze, data, read_options, self.options, self.seconds)
            wait = None if not self.seconds else self.seconds * (1 + self.queue_limit / self.workers) + GRACE_SECONDS
            try:
                status, value = await asyncio.wait_for(future, wait)
            except TimeoutError:
                self.restart()  # a worker stuck in native code: replace the workers, not the app
                raise AnalysisTimeout(self._too_slow()) from None
            except BrokenProcessPool:
                self.restart()
                raise WorkerLost("the analysis worker stopped unexpectedly; try again") from None
        finally:
            self.in_flight -= 1
        if status == "timeout":
            raise AnalysisTimeout(self._too_slow())
        if status == "input":
            raise RashomonError(value)
        return value

    async def warm(self) -> None:
        """Start every worker and load its models now (at the app's start-up), so no request pays for it."""
        loop = asyncio.get_running_loop()
        pool = self._pool()
        try:
            await asyncio.gather(*(loop.run_in_executor(pool, _ready) for _ in range(self.workers)))
        except BrokenProcessPool:  # reported with the first analysis, which starts new workers
            self.restart()

    def _too_slow(self) -> str:
        return f"the page took longer than {self.seconds:g} s to analyse (the web app's limit for one page)"

    def restart(self) -> None:
        """Stop the workers now (their analyses are lost); the next analysis starts new ones."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()

    def close(self) -> None:
        self.restart()


class ThreadRunner:
    """The same interface over a caller's own ``analyze`` function (tests, embedding), run in one thread of
    this process: the same queue limit and time limit, no worker processes."""

    def __init__(self, analyze, queue_limit: int, seconds: float | None) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.function, self.queue_limit, self.seconds, self.workers = analyze, queue_limit, seconds, 1
        self.in_flight = 0
        # one at a time: spaCy pipelines are not promised to be thread-safe
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rashomon-analyze")

    def _run(self, data: bytes | Fetched, options: dict[str, Any]) -> dict[str, Any]:
        from ..batch.deadline import PageTimeout, time_limit
        from ..contract import to_dict

        try:
            with time_limit(self.seconds):
                return to_dict(self.function(data, **options))
        except PageTimeout:
            raise AnalysisTimeout(
                f"the page took longer than {self.seconds:g} s to analyse (the web app's limit for one page)"
            ) from None

    async def analyze(self, data: bytes | Fetched, **options: Any) -> dict[str, Any]:
        if self.in_flight >= self.workers + self.queue_limit:
            raise PoolFull(f"{self.in_flight} analyses are running or waiting; try again in a minute")
        self.in_flight += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, self._run, data, options)
        finally:
            self.in_flight -= 1

    async def warm(self) -> None:
        """Nothing to start: the caller's function runs in this process."""

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
