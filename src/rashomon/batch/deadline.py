"""A time limit for one page, so a pathological page becomes an error row instead of a stuck worker.

A watchdog timer raises :class:`PageTimeout` in the thread that analyses the page (``PyThreadState_SetAsyncExc``),
which works in a process-pool worker's main thread and in the threads Ray runs actor calls in alike; a signal
alarm would only reach a main thread. The exception is raised when the thread next runs Python code, so a page
stuck inside one native call (a single huge regular-expression search, say) is stopped when that call returns.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class PageTimeout(BaseException):
    """The page ran past its time limit.

    A ``BaseException``, like ``KeyboardInterrupt``: the stages' ``except Exception`` (a failing stage leaves a
    warning and the page goes on) must not swallow it, or the page would go on past its limit stage after stage.
    """


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`PageTimeout` in the calling thread if the ``with`` body runs longer than ``seconds``.

    ``None`` or 0 means no limit. If the timer fires just as the body ends, a still-pending exception is
    withdrawn, so it can never surface later in unrelated code.
    """
    if not seconds:
        yield
        return
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"finished": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["finished"]:
                state["fired"] = True
                _set_async_exc(thread_id, ctypes.py_object(PageTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["finished"] = True
            timer.cancel()
            if state["fired"]:
                _set_async_exc(thread_id, ctypes.py_object())  # NULL: withdraw the exception if not yet raised
