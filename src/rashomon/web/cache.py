"""The web app's read cache: a GET answered once is answered again from memory until the store changes.

Reads are cheap to cache and dear to compute (a stored page's report is rendered from its analysis each time),
and under load every read queues on one interpreter. So a successful GET is kept, keyed by its path, its query
and the store's generation (bumped by each write through the app; one stored page's own reads only by a
deletion, since a stored page never changes), for at most ``CACHE_SECONDS`` (a write by
another process, a ``batch`` into the same file, shows after that). Concurrent misses of one key compute it
once: the others wait for that answer rather than render the same page again. Responses that set cookies,
are not 200, or are over ``CACHE_MAX_BODY`` bytes are never kept; the whole cache is bounded in entries and bytes.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

# --- settings ------------------------------------------------------------------------------------------
#: Seconds a cached answer may be served: the delay before a write by another process (a ``batch`` into the
#: same file) shows in the lists and searches.
CACHE_SECONDS = 2.0
#: The same for the reads of one stored page, which only a deletion changes, and only the app deletes.
CACHE_PAGE_SECONDS = 600.0
#: Answers kept at most, and their total bytes.
CACHE_ENTRIES = 512
CACHE_BYTES = 64 * 1024 * 1024
#: A larger answer is not kept.
CACHE_MAX_BODY = 4 * 1024 * 1024
# --------------------------------------------------------------------------------------------------------

Key = tuple[int, str, bytes]
Entry = tuple[float, int, list[tuple[bytes, bytes]], bytes]  # (stored at, status, headers, body)


class ReadCache:
    """ASGI middleware over the app: a GET answered from memory while ``generation(path)`` stays the same
    (``one_page(path)``: the path reads one stored page, kept longer)."""

    def __init__(self, app, generation: Callable[[str], int], one_page: Callable[[str], bool]) -> None:
        self.app = app
        self.generation = generation
        self.one_page = one_page
        self.entries: OrderedDict[Key, Entry] = OrderedDict()
        self.size = 0
        self.pending: dict[Key, asyncio.Future] = {}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            return await self.app(scope, receive, send)
        key: Key = (self.generation(scope["path"]), scope["path"], scope.get("query_string", b""))
        entry = self._fresh(key)
        if entry is None and key in self.pending:
            entry = await asyncio.shield(self.pending[key])  # None: that computation failed; compute our own
        if entry is not None:
            return await _replay(entry, send)
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self.pending.setdefault(key, future)
        entry = None
        try:
            entry = await self._compute(scope, receive, send)
        finally:
            if self.pending.get(key) is future:
                del self.pending[key]
            future.set_result(entry)
            if entry is not None:
                self._keep(key, entry)

    async def _compute(self, scope, receive, send) -> Entry | None:
        """Run the app, passing its answer through, and return it if it may be kept."""
        start: dict[str, Any] = {}
        chunks: list[bytes] = []
        keep = True

        async def capture(message) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                headers = message.get("headers") or []
                keep = message["status"] == 200 and not any(name.lower() == b"set-cookie" for name, _ in headers)
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > CACHE_MAX_BODY:
                    keep = False
                    chunks.clear()
            await send(message)

        await self.app(scope, receive, capture)
        if not keep or not start:
            return None
        return (time.monotonic(), start["status"], list(start.get("headers") or []), b"".join(chunks))

    def _fresh(self, key: Key) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if time.monotonic() - entry[0] > (CACHE_PAGE_SECONDS if self.one_page(key[1]) else CACHE_SECONDS):
            self._drop(key)
            return None
        self.entries.move_to_end(key)
        return entry

    def _keep(self, key: Key, entry: Entry) -> None:
        self._drop(key)
        self.entries[key] = entry
        self.size += len(entry[3])
        while self.entries and (len(self.entries) > CACHE_ENTRIES or self.size > CACHE_BYTES):
            self._drop(next(iter(self.entries)))

    def _drop(self, key: Key) -> None:
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= len(entry[3])


async def _replay(entry: Entry, send) -> None:
    _, status, headers, body = entry
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
