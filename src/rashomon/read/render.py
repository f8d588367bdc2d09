"""Render a URL in headless Chromium (``--render``): comment sections that load by JavaScript, read as HTML.

An optional path: Playwright is imported only here and only when asked (``pip install 'rashomon[render]'``), and
Chromium is Debian's ``/usr/bin/chromium`` (``settings.CHROMIUM_PATHS``, or ``RASHOMON_CHROMIUM``). Missing
either is a :class:`~rashomon.errors.RenderUnavailable` error that says how to install it.

The steps, each bounded and all within ``settings.RENDER_TIMEOUT_SECONDS``:

1. :func:`~rashomon.read.fetch.fetch` the URL first: its errors (status, size, redirects, media type) are the
   fetch's clear ones, and the browser is sent to the final URL. A text page is returned as fetched.
2. Load it in a fresh browser context: downloads refused, popups closed, service workers blocked, images, media
   and fonts not loaded, no navigation of the page away from it (a meta refresh, a script, a clicked link).
3. Answer a consent dialog (``data/read/consent.yaml``: a cookie banner or consent wall, in the page or in a frame
   inside one) by the consent policy, ``reject`` by default (:mod:`rashomon.read.consent`): many pages mount
   their comments only once it is answered. A ``consent_dialog`` warning says what was done.
4. Scroll down (widgets load when seen), then wait for the known comment widgets of
   ``data/read/comment_widgets.yaml`` (Disqus, Coral, OpenWeb, Viafoura, Facebook, WordPress) to show comments;
   the wait ends early once the page is quiet (no DOM change in any frame, no request in flight).
5. Click "more comments" / "show replies" controls, by the widgets' selectors and by label, a bounded number of
   times, waiting for the page to settle after each round.
6. Take the DOM: every frame's (same- or cross-origin) is read in its own context and put in the page where its
   ``<iframe>`` was, in a ``<div data-rashomon-frame>``; open shadow roots are put inside their host in a
   ``<div data-rashomon-shadow-root>``. Scripts (but JSON-LD), styles and markup comments are left out.

A page whose scripts never finish (an endless loop) is stopped at the time limit: its scripts are terminated
and disabled, and what was rendered so far is read, with a ``render_incomplete`` warning; if even that cannot
be read, :class:`~rashomon.errors.RenderTimeout`.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import os
import re
import threading
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .. import settings
from ..errors import ConnectionFailed, FetchTimeout, RenderTimeout, RenderUnavailable
from ..model import PageWarning
from ..resources import load_yaml
from .consent import consent_answers, consent_table
from .fetch import Fetched, fetch, user_agent

T = TypeVar("T")

# --- settings (rendering; the bounds a user may want to change are settings.RENDER_*) ----------------------
INSTALL_HINT = (
    "pip install 'rashomon[render]' for Playwright, and a Chromium: apt install chromium (Debian, Ubuntu), "
    "or 'playwright install chromium'; RASHOMON_CHROMIUM=/path/to/chrome names another"
)
#: Chromium's switches: no GPU, no background traffic of its own, /tmp rather than a small /dev/shm.
CHROMIUM_ARGS = (
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-extensions",
    "--no-first-run",
    "--mute-audio",
)
#: Seconds between two looks at a waiting page, and the longest one look may take before the page is taken for
#: stuck (a loaded machine can take a second to answer).
POLL_SECONDS = 0.25
PROBE_SECONDS = 3.0
#: Seconds between two looks for a consent dialog during the waits (each looks into every frame; the waits poll
#: more often).
CONSENT_POLL_SECONDS = 0.5
#: Seconds kept out of the total for reading the DOM and closing the browser after the last step.
SNAPSHOT_RESERVE_SECONDS = 8.0
#: DOM nodes serialised per frame at most (the reader cuts a page past settings.MAX_HTML_ELEMENTS anyway).
MAX_SNAPSHOT_NODES = 400_000
FRAME_PLACEHOLDER = re.compile(r"<!--rashomon-frame:(\d+)-->")
#: Seconds Chromium (and Playwright's driver) may take to start, and a page's browser context to close.
BROWSER_START_SECONDS = 30.0
CLOSE_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class RenderLimits:
    """The time and count bounds of one render, and its consent policy; the defaults are ``settings.RENDER_*``."""

    total: float = settings.RENDER_TIMEOUT_SECONDS
    navigation: float = settings.RENDER_NAVIGATION_SECONDS
    load: float = settings.RENDER_LOAD_SECONDS
    widget: float = settings.RENDER_WIDGET_SECONDS
    quiet: float = settings.RENDER_QUIET_SECONDS
    max_clicks: int = settings.RENDER_MAX_CLICKS
    clicking: float = settings.RENDER_CLICK_SECONDS
    settle: float = settings.RENDER_SETTLE_SECONDS
    settle_quiet: float = settings.RENDER_SETTLE_QUIET_SECONDS
    max_frames: int = settings.RENDER_MAX_FRAMES
    max_frame_depth: int = settings.RENDER_MAX_FRAME_DEPTH
    snapshot: float = settings.RENDER_SNAPSHOT_SECONDS
    consent: str = settings.RENDER_CONSENT
    consent_wait: float = settings.RENDER_CONSENT_SECONDS
    consent_clicks: int = settings.RENDER_CONSENT_CLICKS


@dataclass(frozen=True, slots=True)
class Widget:
    name: str
    present: str
    ready: str
    more: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WidgetTable:
    widgets: tuple[Widget, ...]
    more_labels: tuple[str, ...]
    once_labels: tuple[str, ...]


@lru_cache(maxsize=1)
def widget_table() -> WidgetTable:
    """``data/read/comment_widgets.yaml``, with each selector list joined into one CSS selector list."""
    data = load_yaml("read/comment_widgets.yaml")
    widgets = tuple(
        Widget(w["name"], ", ".join(w["present"]), ", ".join(w["ready"]), tuple(w.get("more") or ()))
        for w in data["widgets"]
    )
    labels = data.get("labels") or {}
    return WidgetTable(widgets, tuple(labels.get("more") or ()), tuple(labels.get("once") or ()))


# --- the browser ------------------------------------------------------------------------------------------


def chromium_executable() -> str | None:
    """The Chromium to drive: ``RASHOMON_CHROMIUM``, else the first of ``settings.CHROMIUM_PATHS`` that exists,
    else ``None`` (Playwright's own download, if there is one)."""
    named = os.environ.get("RASHOMON_CHROMIUM")
    if named:
        if not Path(named).is_file():
            raise RenderUnavailable(f"RASHOMON_CHROMIUM={named}: no such file")
        return named
    return next((str(p) for p in map(Path, settings.CHROMIUM_PATHS) if p.is_file()), None)


def require_playwright() -> None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        raise RenderUnavailable(f"--render needs Playwright, which is not installed: {INSTALL_HINT}") from None


def render(url: str, limits: RenderLimits | None = None) -> Fetched:
    """The rendered DOM of the page at ``url`` as a :class:`~rashomon.read.fetch.Fetched` (UTF-8 HTML, the
    final URL, ``rendered=True``); see the module doc for the steps and their bounds."""
    limits = limits or RenderLimits()
    consent_answers(limits.consent)  # an unknown policy is a ConfigError before anything starts
    started = time.monotonic()
    require_playwright()
    executable = chromium_executable()
    static = fetch(url, total_timeout=min(settings.FETCH_TOTAL_TIMEOUT, limits.total))
    if static.kind == "text":  # a text dump has no scripts to run
        return static
    left = limits.total - (time.monotonic() - started)
    if left <= 0:
        raise RenderTimeout(f"{url}: the page arrived too late to render ({limits.total:g} s)")
    job = _Render(static, limits, time.monotonic() + left)
    return shared_browser().run(executable, job, left + BROWSER_START_SECONDS + CLOSE_SECONDS)


class SharedBrowser:
    """One Chromium per process, started on the first render and kept for the next ones (a batch renders many
    pages; starting Playwright's driver and the browser costs seconds each time). Its event loop runs in a
    daemon thread; each render gets a fresh browser context, closed after it. The browser is closed when the
    process exits, and is started again if it crashed."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pid = -1
        self.loop: asyncio.AbstractEventLoop | None = None
        self.playwright: Any = None
        self.browser: Any = None
        self.starting: asyncio.Lock | None = None

    def run(self, executable: str | None, job: _Render, seconds: float) -> Fetched:
        loop = self._loop()
        future = asyncio.run_coroutine_threadsafe(self._run(executable, job), loop)
        until = time.monotonic() + seconds
        try:
            while True:  # short waits: a batch's page time limit (an exception raised in this thread) gets through
                try:
                    return future.result(timeout=0.5)
                except concurrent.futures.TimeoutError:
                    if time.monotonic() > until:
                        raise RenderTimeout(f"{job.static.url}: the browser did not answer in time") from None
        finally:
            future.cancel()

    async def _run(self, executable: str | None, job: _Render) -> Fetched:
        from playwright.async_api import Error as PlaywrightError

        browser = await self._browser(executable, PlaywrightError)
        return await job.run(browser)

    async def _browser(self, executable: str | None, PlaywrightError) -> Any:
        if self.starting is None:  # made in the loop's own thread, where every coroutine here runs
            self.starting = asyncio.Lock()
        async with self.starting:  # two renders at once start one browser
            if self.browser is not None and self.browser.is_connected():
                return self.browser
            return await self._start(executable, PlaywrightError)

    async def _start(self, executable: str | None, PlaywrightError) -> Any:
        from playwright.async_api import async_playwright

        args = list(CHROMIUM_ARGS)
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # Chromium refuses to start its sandbox as root
            args.append("--no-sandbox")
        try:
            if self.playwright is None:
                self.playwright = await asyncio.wait_for(async_playwright().start(), BROWSER_START_SECONDS)
            self.browser = await asyncio.wait_for(
                self.playwright.chromium.launch(executable_path=executable, args=args, headless=True),
                BROWSER_START_SECONDS,
            )
        except TimeoutError:
            raise RenderUnavailable(f"Chromium did not start within {BROWSER_START_SECONDS:g} s") from None
        except PlaywrightError as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise RenderUnavailable(f"Chromium could not be started ({first[:160]}): {INSTALL_HINT}") from None
        return self.browser

    def _loop(self) -> asyncio.AbstractEventLoop:
        with self.lock:
            if self.loop is None or self.pid != os.getpid():  # a forked child starts its own
                self.pid = os.getpid()
                self.loop = asyncio.new_event_loop()
                self.playwright = self.browser = self.starting = None
                threading.Thread(target=self.loop.run_forever, name="rashomon-render", daemon=True).start()
                atexit.register(self.close)
            return self.loop

    def close(self) -> None:
        """Close the browser and Playwright's driver (at exit; a later render starts them again)."""
        with self.lock:
            loop, self.loop = self.loop, None
        if loop is None or self.pid != os.getpid():
            return

        async def stop() -> None:
            for closing in (
                self.browser.close() if self.browser else None,
                self.playwright.stop() if self.playwright else None,
            ):
                if closing is not None:
                    try:
                        await asyncio.wait_for(closing, CLOSE_SECONDS)
                    except Exception:  # noqa: BLE001 - closing at exit: nothing left to tell
                        pass

        try:
            asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=2 * CLOSE_SECONDS)
        except Exception:  # noqa: BLE001 - the driver dies with this process anyway
            pass
        self.playwright = self.browser = None
        loop.call_soon_threadsafe(loop.stop)


@lru_cache(maxsize=1)
def shared_browser() -> SharedBrowser:
    return SharedBrowser()


@dataclass
class _Render:
    """One render, step by step; see the module doc."""

    static: Fetched
    limits: RenderLimits
    deadline: float
    warnings: list[PageWarning] = field(default_factory=list)
    in_flight: int = 0
    last_activity: float = 0.0
    mutations: dict[Any, int] = field(default_factory=dict)
    stalled: bool = False
    page: Any = None
    cdp: Any = None
    #: Per frame, whether it lies inside a consent dialog of its parent (a consent platform's message frame).
    consent_frames: dict[Any, bool] = field(default_factory=dict)
    #: The consent dialog: answers given (answer, label), whether one showed, until when one is looked for.
    consent_clicked: list[tuple[str, str]] = field(default_factory=list)
    consent_seen: bool = False
    consent_until: float = 0.0
    consent_busy: bool = False
    consent_next: float = 0.0
    created: float = field(default_factory=time.monotonic)

    @property
    def work_deadline(self) -> float:
        """When the steps must stop, so that reading the DOM and closing still fit in the total."""
        return self.deadline - min(SNAPSHOT_RESERVE_SECONDS, self.limits.total / 3)

    def left(self, deadline: float | None = None) -> float:
        return (deadline or self.work_deadline) - time.monotonic()

    async def bounded(self, awaitable: Awaitable[T], seconds: float) -> T:
        """``awaitable`` within ``seconds`` (and never past the work deadline); TimeoutError past them."""
        return await asyncio.wait_for(awaitable, max(0.05, min(seconds, self.left())))

    async def run(self, browser) -> Fetched:
        from playwright.async_api import Error as PlaywrightError

        html = await self._render(browser, PlaywrightError)
        data = html.encode("utf-8", errors="replace")
        return Fetched(
            url=self.static.url,
            data=data,
            media_type="text/html",
            charset="utf-8",
            requested_url=self.static.requested_url,
            redirects=self.static.redirects,
            rendered=True,
            warnings=[*self.static.warnings, *self.warnings],
        )

    async def _render(self, browser, PlaywrightError) -> str:
        context = await self.bounded(
            browser.new_context(
                accept_downloads=False,
                user_agent=user_agent(),
                service_workers="block",
                viewport={"width": 1280, "height": 1600},
            ),
            BROWSER_START_SECONDS,
        )
        try:
            return await self._render_in(context, PlaywrightError)
        finally:
            try:
                await asyncio.wait_for(context.close(), CLOSE_SECONDS)
            except (TimeoutError, PlaywrightError):
                pass

    async def _render_in(self, context, PlaywrightError) -> str:
        context.set_default_timeout(max(1000, 1000 * self.limits.snapshot))
        await context.add_init_script(WATCH_MUTATIONS)
        page = self.page = await context.new_page()
        context.on("page", self._close_popup)
        # the page's own requests (its frames' included); a closed popup's would never end
        page.on("request", self._request_started)
        page.on("requestfinished", self._request_ended)
        page.on("requestfailed", self._request_ended)
        await context.route("**/*", self._route)
        # attached before the page runs anything: a page stuck in a loop no longer answers a new session
        self.cdp = await context.new_cdp_session(page)
        self.last_activity = time.monotonic()
        try:
            await self._load(page, PlaywrightError)
            await self._answer_consent(page)
            await self._wait_for_widgets(page)
            await self._open_more(page)
            await self._wait_quiet(page, min(self.limits.settle, self.left()), self.limits.settle_quiet)
        except TimeoutError:
            self.stalled = True
        except PlaywrightError as err:
            if "Target closed" in str(err) or "has been closed" in str(err):
                raise RenderTimeout(f"{self.static.url}: the browser page closed before it could be read") from None
            self.stalled = True
        self._consent_warning()
        if self.stalled or self.left() <= 0:
            await self._stop_scripts()
        return await self._snapshot(page, PlaywrightError)

    # --- steps ---------------------------------------------------------------------------------------------

    async def _load(self, page, PlaywrightError) -> None:
        try:
            response = await self.bounded(
                page.goto(self.static.url, wait_until="commit", timeout=0), self.limits.navigation
            )
        except TimeoutError:
            raise FetchTimeout(
                f"{self.static.url}: the browser got no page within {self.limits.navigation:g} s"
            ) from None
        except PlaywrightError as err:
            message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise ConnectionFailed(
                f"{self.static.url}: the browser could not load the page ({message[:160]})"
            ) from None
        if response is None:
            raise ConnectionFailed(f"{self.static.url}: the browser got no response")
        try:
            await self.bounded(page.wait_for_load_state("domcontentloaded", timeout=0), self.limits.navigation)
        except TimeoutError:
            self.stalled = True  # the HTML never finished parsing: a script holds it
            raise
        try:
            await self.bounded(page.wait_for_load_state("load", timeout=0), self.limits.load)
        except TimeoutError:
            pass  # a slow image or ad: the DOM is there

    async def _answer_consent(self, page) -> None:
        """Answer a visible consent dialog by the consent policy (its answers in order of preference: the first
        that a button of the dialog gives is clicked) and let the page settle; one that shows later is answered
        by :meth:`_late_consent` during the waits that follow (a look every ``CONSENT_POLL_SECONDS``), for
        ``limits.consent_wait`` seconds after the page loaded, ``limits.consent_clicks`` answers in all (a
        second layer may follow). No wait of its own: a page without a dialog loses no time."""
        self.consent_until = time.monotonic() + min(self.limits.consent_wait, self.left())
        answered = len(self.consent_clicked)
        await self._late_consent(page)
        if len(self.consent_clicked) > answered:
            await self._wait_quiet(page, min(self.limits.settle, self.left()), self.limits.settle_quiet)

    async def _late_consent(self, page) -> None:
        """A look for a consent dialog (one that shows after the page loaded), answered by the policy, while the
        consent time and answers last; called from the waits."""
        answers = consent_answers(self.limits.consent)
        now = time.monotonic()
        if (
            self.consent_busy
            or not self.consent_until
            or now >= self.consent_until
            or now < self.consent_next
            or len(self.consent_clicked) >= self.limits.consent_clicks
            or (self.consent_seen and not answers)
        ):
            return
        self.consent_busy = True
        self.consent_next = now + CONSENT_POLL_SECONDS
        try:
            found, answer = await self._consent_round(page, answers)
            self.consent_seen = self.consent_seen or found
            if answer is not None:
                self.consent_clicked.append(answer)
                self.last_activity = time.monotonic()  # what the answer mounts is waited for
        finally:
            self.consent_busy = False

    def _consent_warning(self) -> None:
        """Say in a ``consent_dialog`` warning what was done with the page's consent dialog, if it had one."""
        if self.consent_clicked or self.consent_seen:
            message = consent_message(self.limits.consent, self.consent_clicked)
            self.warnings.append(PageWarning("consent_dialog", message))

    async def _consent_round(self, page, answers: tuple[str, ...]) -> tuple[bool, tuple[str, str] | None]:
        """One look at every frame: whether a consent dialog shows, and the (answer, label) clicked, if any."""
        table = consent_table()
        frames = self._frames(page)
        for frame in frames[1:]:
            if frame not in self.consent_frames:
                self.consent_frames[frame] = await self._in_consent_dialog(frame, table.xpath)
        found = False
        for answer in answers or (None,):
            for frame in frames:
                result = await self._bounded_evaluate(
                    frame,
                    ANSWER_CONSENT,
                    {
                        "xpath": table.xpath,
                        "whole": self.consent_frames.get(frame, False),
                        "selectors": list(table.selectors.get(answer or "", ())),
                        "labels": list(table.labels.get(answer or "", ())),
                        "answer": answer,
                    },
                )
                if not result:
                    continue
                found = found or bool(result.get("dialogs"))
                if result.get("clicked") and answer is not None:
                    return True, (answer, str(result["clicked"])[:80])
            if not found:
                break  # no dialog in any frame: no other answer to look for
        return found, None

    async def _in_consent_dialog(self, frame, xpath: str) -> bool:
        """Whether ``frame``'s ``<iframe>`` is, or lies inside, a consent dialog of its parent frame."""
        from playwright.async_api import Error as PlaywrightError

        try:
            element = await self.bounded(frame.frame_element(), PROBE_SECONDS)
            return bool(await self.bounded(element.evaluate(INSIDE_CONSENT, xpath), PROBE_SECONDS))
        except (TimeoutError, PlaywrightError):
            return False

    async def _wait_for_widgets(self, page) -> None:
        """Scroll through the page (widgets load when seen), then wait until every widget present shows
        comments, or the page has been quiet ``limits.quiet`` seconds, or ``limits.widget`` seconds passed."""
        await self.bounded(page.evaluate(SCROLL_THROUGH), 5.0)
        table = widget_table()
        present = [w for w in table.widgets if await self._count(page.main_frame, w.present)]
        if not present:
            await self._wait_quiet(page, min(self.limits.quiet * 2, self.left()), self.limits.quiet)
            return
        await self._bounded_evaluate(page.main_frame, SCROLL_INTO_VIEW, ", ".join(w.present for w in present))
        until = time.monotonic() + min(self.limits.widget, self.left())
        waiting = list(present)
        while waiting and time.monotonic() < until:
            waiting = [w for w in waiting if not await self._anywhere(page, w.ready)]
            if not waiting:
                break
            await self._late_consent(page)
            await asyncio.sleep(POLL_SECONDS)
            if await self._quiet_for(page) >= self.limits.quiet:
                break

    async def _open_more(self, page) -> None:
        """Click "more comments" / "show replies" controls in rounds until none is left, the click count or
        the click time is spent; after each round wait for the page to settle."""
        table = widget_table()
        selectors = [s for w in table.widgets for s in w.more]
        clicks = 0
        until = time.monotonic() + min(self.limits.clicking, self.left())
        while clicks < self.limits.max_clicks and time.monotonic() < until:
            clicked = 0
            for frame in self._frames(page):
                budget = self.limits.max_clicks - clicks - clicked
                if budget <= 0:
                    break
                found = await self._bounded_evaluate(
                    frame,
                    CLICK_CONTROLS,
                    {
                        "more": list(table.more_labels),
                        "once": list(table.once_labels),
                        "selectors": selectors,
                        "budget": budget,
                    },
                )
                clicked += int(found or 0)
            if not clicked:
                return
            clicks += clicked
            await self._wait_quiet(
                page, min(self.limits.settle, until - time.monotonic(), self.left()), self.limits.settle_quiet
            )

    async def _snapshot(self, page, PlaywrightError) -> str:
        """The page's HTML with every frame's body in place of its iframe (see the module doc), without the
        consent dialogs still there (never article, never comments; a frame inside one is not read)."""
        end = self.deadline - 2.0
        if not self.stalled:  # a stopped page runs no script: its dialogs stay, for the reader's tables to drop
            for frame in self._frames(page):
                if time.monotonic() > end - self.limits.snapshot:
                    break
                await self._quietly_evaluate(frame, MARK_CONSENT, consent_table().xpath, end)
        frames = [f for f in self._frames(page) if f is not page.main_frame and not self.consent_frames.get(f)]
        marked: list[tuple[str, Any]] = []
        for index, frame in enumerate(frames):  # every iframe marked before any frame is read
            if time.monotonic() > end:
                break
            try:
                element = await asyncio.wait_for(frame.frame_element(), max(0.05, min(2.0, end - time.monotonic())))
                await asyncio.wait_for(
                    element.evaluate("(e, n) => e.setAttribute('data-rashomon-frame', n)", str(index)),
                    max(0.05, min(2.0, end - time.monotonic())),
                )
            except (TimeoutError, PlaywrightError):
                continue  # a detached or unresponsive frame is left out
            marked.append((str(index), frame))
        bodies: dict[str, str] = {}
        for number, frame in marked:
            if time.monotonic() > end:
                break
            try:
                bodies[number] = await asyncio.wait_for(
                    frame.evaluate(SERIALIZE, {"body": True, "max": MAX_SNAPSHOT_NODES}),
                    max(0.05, min(self.limits.snapshot, end - time.monotonic())),
                )
            except (TimeoutError, PlaywrightError):
                continue
        try:
            main = await asyncio.wait_for(
                page.main_frame.evaluate(SERIALIZE, {"body": False, "max": MAX_SNAPSHOT_NODES}),
                max(0.5, min(self.limits.snapshot, self.deadline - time.monotonic())),
            )
        except (TimeoutError, PlaywrightError):
            raise RenderTimeout(
                f"{self.static.url}: the page's scripts did not finish within {self.limits.total:g} s and "
                "nothing of it could be read (settings.RENDER_TIMEOUT_SECONDS)"
            ) from None
        if self.stalled or time.monotonic() > self.work_deadline:
            self.warnings.append(
                PageWarning(
                    "render_incomplete",
                    f"the page's scripts were still running after {time.monotonic() - self.created:.0f} s and "
                    "were stopped; what is read is the page as rendered until then",
                )
            )
        return inline_frames(main, bodies, self.limits.max_frame_depth)

    async def _quietly_evaluate(self, frame, script: str, arg: Any, end: float) -> Any:
        """``frame.evaluate`` within ``PROBE_SECONDS`` and before ``end``; ``None`` when it fails or is late."""
        from playwright.async_api import Error as PlaywrightError

        try:
            return await asyncio.wait_for(
                frame.evaluate(script, arg), max(0.05, min(PROBE_SECONDS, end - time.monotonic()))
            )
        except (TimeoutError, PlaywrightError):
            return None

    async def _stop_scripts(self) -> None:
        """Stop a script that holds the page (an endless loop) and keep any other from running, so the DOM
        can be read: Chromium answers these two even while a script runs."""
        for method, params in (
            ("Runtime.terminateExecution", {}),
            ("Emulation.setScriptExecutionDisabled", {"value": True}),
            ("Runtime.terminateExecution", {}),
        ):
            try:
                await asyncio.wait_for(self.cdp.send(method, params), 2.0)
            except Exception:  # noqa: BLE001 - best effort: the snapshot says whether the page answers
                pass

    # --- helpers -------------------------------------------------------------------------------------------

    def _frames(self, page) -> list:
        """The page's frames, main first, at most ``limits.max_frames`` besides it, none deeper than allowed."""
        kept = []
        for frame in page.frames:
            depth, parent = 0, frame.parent_frame
            while parent is not None:
                depth, parent = depth + 1, parent.parent_frame
            if depth <= self.limits.max_frame_depth and not frame.is_detached():
                kept.append(frame)
            if len(kept) > self.limits.max_frames:
                break
        return kept

    async def _bounded_evaluate(self, frame, script: str, arg: Any = None) -> Any:
        """``frame.evaluate`` within ``PROBE_SECONDS``; ``None`` for a frame that is gone. A main frame that does
        not answer raises TimeoutError: the page is stuck."""
        from playwright.async_api import Error as PlaywrightError

        try:
            return await self.bounded(frame.evaluate(script, arg), PROBE_SECONDS)
        except PlaywrightError:
            return None
        except TimeoutError:
            if frame is self.page.main_frame:
                self.stalled = True
                raise
            return None

    async def _count(self, frame, selector: str) -> int:
        return int(await self._bounded_evaluate(frame, COUNT_DEEP, selector) or 0)

    async def _anywhere(self, page, selector: str) -> bool:
        for frame in self._frames(page):
            if await self._count(frame, selector):
                return True
        return False

    async def _quiet_for(self, page) -> float:
        """Seconds since the last DOM change in any frame or the last request in flight."""
        now = time.monotonic()
        for frame in self._frames(page):
            count = await self._bounded_evaluate(frame, "() => window.__rashomonMutations || 0")
            if count is not None and self.mutations.get(frame) != count:
                self.mutations[frame] = count
                self.last_activity = now
        if self.in_flight > 0:
            self.last_activity = now
        return now - self.last_activity

    async def _wait_quiet(self, page, seconds: float, quiet: float) -> None:
        until = time.monotonic() + max(0.0, seconds)
        while time.monotonic() < until:
            await self._late_consent(page)
            if await self._quiet_for(page) >= quiet:
                return
            await asyncio.sleep(POLL_SECONDS)

    def _request_started(self, request) -> None:
        self.in_flight += 1
        self.last_activity = time.monotonic()

    def _request_ended(self, request) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self.last_activity = time.monotonic()

    async def _route(self, route) -> None:
        """Every request: only http(s), no images, media or fonts, and no navigation of the page away."""
        request = route.request
        scheme = urlsplit(request.url).scheme.lower()
        blocked = scheme not in ("http", "https") or request.resource_type in settings.RENDER_BLOCKED_RESOURCES
        try:
            if not blocked and request.is_navigation_request() and self._leaves_page(request):
                # the page loads once; a script, a meta refresh or a clicked link do not take it away. A 204 keeps
                # the page as it is (an aborted navigation would put Chromium's error page in its place)
                await route.fulfill(status=204, body="")
                return
            await (route.abort("blockedbyclient") if blocked else route.continue_())
        except Exception:  # noqa: BLE001 - the page or browser closed meanwhile
            pass

    def _leaves_page(self, request) -> bool:
        page = self.page
        if page is None or request.frame != page.main_frame or page.url in ("about:blank", ""):
            return False
        return request.url.split("#")[0] != page.url.split("#")[0]

    def _close_popup(self, popup) -> None:
        if popup is not self.page:
            asyncio.ensure_future(_close_quietly(popup))


async def _close_quietly(page) -> None:
    try:
        await page.close()
    except Exception:  # noqa: BLE001 - already gone
        pass


def consent_message(policy: str, clicked: list[tuple[str, str]]) -> str:
    """The ``consent_dialog`` warning's words: what was done with the page's consent dialog, and why."""
    how = f"the consent policy is {policy!r} (settings.RENDER_CONSENT; --set read.consent=reject|accept|leave)"
    if not clicked:
        if policy == "leave":
            return f"a consent dialog was left as it was ({how}); what it hides, comments included, may be missing"
        return (
            f"a consent dialog was found, but no button of it reads as a reject or accept button, and it was left "
            f"as it was ({how}); what it hides, comments included, may be missing"
        )
    done = "; then ".join(
        f"{'rejected' if answer == 'reject' else 'accepted'} by clicking {label!r}" for answer, label in clicked
    )
    note = (
        "; comment widgets that a site loads only with consent may be missing"
        if clicked[-1][0] == "reject"
        else ("; it had no reject button" if policy == "reject" else "")
    )
    return f"a consent dialog was answered: {done} ({how}){note}"


def inline_frames(html: str, bodies: dict[str, str], max_depth: int) -> str:
    """``html`` with each frame placeholder replaced by that frame's body (itself inlined, to ``max_depth``)."""

    def replace(text: str, depth: int) -> str:
        if depth > max_depth:
            return FRAME_PLACEHOLDER.sub("", text)
        return FRAME_PLACEHOLDER.sub(lambda m: replace(bodies.pop(m.group(1), ""), depth + 1), text)

    return replace(html, 0)


# --- scripts run in the page ---------------------------------------------------------------------------------
# Each runs in the page's main world, in one frame; none reads or sends anything outside the page.

#: Before any script of the page: count DOM changes, so a wait can tell a quiet page from a busy one.
WATCH_MUTATIONS = """
(() => {
  window.__rashomonMutations = 0;
  const start = () => new MutationObserver(() => { window.__rashomonMutations++; })
    .observe(document, {subtree: true, childList: true, characterData: true, attributes: false});
  try { start(); } catch (e) { document.addEventListener('DOMContentLoaded', start); }
})();
"""

#: Scroll to the bottom a screen at a time (lazy widgets start when they come into view), then back up.
SCROLL_THROUGH = """
async () => {
  const step = Math.max(400, window.innerHeight || 800);
  for (let y = 0, n = 0; n < 40 && y < document.documentElement.scrollHeight; y += step, n++) {
    window.scrollTo(0, y);
    await new Promise(r => setTimeout(r, 30));
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
}
"""

#: The elements matching a selector in the document and every open shadow root.
_DEEP = """
const roots = (root, found = []) => {
  found.push(root);
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots(el.shadowRoot, found);
  return found;
};
const deep = (selector) => roots(document).flatMap(r => Array.from(r.querySelectorAll(selector)));
"""

COUNT_DEEP = f"(selector) => {{ {_DEEP} try {{ return deep(selector).length; }} catch (e) {{ return 0; }} }}"

SCROLL_INTO_VIEW = f"""(selector) => {{ {_DEEP}
  try {{ const el = deep(selector)[0]; if (el) el.scrollIntoView({{block: 'center'}}); }} catch (e) {{}}
}}"""

#: Whether an element (an ``<iframe>``) is, or lies inside, one of the consent dialogs the XPath finds.
INSIDE_CONSENT = """(element, xpath) => {
  try {
    const found = document.evaluate(xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < found.snapshotLength; i++) if (found.snapshotItem(i).contains(element)) return true;
  } catch (e) {}
  return false;
}"""

#: Mark the consent dialogs of one frame, for the snapshot to leave out.
MARK_CONSENT = """(xpath) => {
  try {
    const found = document.evaluate(xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < found.snapshotLength; i++) {
      const el = found.snapshotItem(i);
      if (el.nodeType === 1 && el !== document.body && el !== document.documentElement)
        el.setAttribute('data-rashomon-consent', '');
    }
  } catch (e) {}
}"""

#: In one frame: the visible consent dialogs (the XPath's, or the whole frame when it lies inside one), and, for
#: an ``answer``, a click on the first visible button of theirs that the platforms' selectors or the labels
#: name. Returns how many dialogs show and the label clicked.
ANSWER_CONSENT = """(args) => {
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0';
  };
  // a dialog answered once is not answered again (one fading out is still visible for a moment, and its other
  // button would be clicked next)
  const fresh = (el) => visible(el) && !el.hasAttribute('data-rashomon-answered');
  const dialogs = [];
  if (args.whole) { if (document.body && fresh(document.body)) dialogs.push(document.body); }
  else {
    try {
      const found = document.evaluate(args.xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      for (let i = 0; i < found.snapshotLength; i++) {
        const el = found.snapshotItem(i);
        if (el.nodeType === 1 && el.localName !== 'iframe' && fresh(el) && !dialogs.some(d => d.contains(el)))
          dialogs.push(el);
      }
    } catch (e) {}
  }
  if (!dialogs.length || !args.answer) return {dialogs: dialogs.length, clicked: null};
  const roots = (root, found = []) => {
    found.push(root);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots(el.shadowRoot, found);
    return found;
  };
  const within = (selector) => dialogs.flatMap(d => [d, ...roots(d).slice(1)]).flatMap(r => {
    try { return Array.from(r.querySelectorAll(selector)); } catch (e) { return []; }
  });
  const label = (el) => [el.getAttribute('aria-label'), el.value, el.textContent, el.getAttribute('title')]
    .map(t => (t || '').replace(/\\s+/g, ' ').trim()).filter(t => t && t.length <= 60);
  const usable = (el) => visible(el) && !el.disabled;
  let target = null;
  for (const s of args.selectors) { target = within(s).find(usable); if (target) break; }
  if (!target) {
    const patterns = args.labels.map(p => new RegExp(p, 'i'));
    target = within('button, a, [role=button], input[type=button], input[type=submit]')
      .find(el => usable(el) && label(el).some(t => patterns.some(r => r.test(t))));
  }
  if (!target) return {dialogs: dialogs.length, clicked: null};
  const said = label(target)[0] || args.answer;
  dialogs.forEach(d => d.setAttribute('data-rashomon-answered', ''));
  try { target.click(); } catch (e) { return {dialogs: dialogs.length, clicked: null}; }
  return {dialogs: dialogs.length, clicked: said};
}"""

#: Click visible controls that load more comments or open replies; a control clicked once is marked and not
#: clicked again if its label is a toggle (``once``). Returns how many were clicked.
CLICK_CONTROLS = f"""(args) => {{ {_DEEP}
  const more = args.more.map(p => new RegExp(p, 'i'));
  const once = args.once.map(p => new RegExp(p, 'i'));
  const bySelector = new Set();
  for (const s of args.selectors) {{ try {{ deep(s).forEach(e => bySelector.add(e)); }} catch (e) {{}} }}
  const candidates = new Set([...deep('button, a, [role=button], [role=link]'), ...bySelector]);
  let clicked = 0;
  for (const el of candidates) {{
    if (clicked >= args.budget) break;
    if (el.hasAttribute('data-rashomon-once') || el.disabled || el.getAttribute('aria-disabled') === 'true') continue;
    if (!el.getClientRects().length) continue;
    const label = (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
    const isOnce = label.length <= 80 && once.some(r => r.test(label));
    const isMore = bySelector.has(el) || (label.length <= 80 && more.some(r => r.test(label)));
    if (!isOnce && !isMore) continue;
    if (isOnce) el.setAttribute('data-rashomon-once', '');
    try {{ el.click(); clicked++; }} catch (e) {{}}
  }}
  return clicked;
}}"""

#: The DOM as HTML: open shadow roots inside their host, marked frames as placeholders the caller fills, no
#: scripts (but JSON-LD, whose ``<`` are escaped), styles, templates or markup comments.
SERIALIZE = """(args) => {
  const VOID = new Set(['area','base','br','col','embed','hr','img','input','link','meta','param','source','track','wbr']);
  const SKIP = new Set(['style','noscript','template','svg','canvas','video','audio','object']);
  const NAME = /^[a-zA-Z][a-zA-Z0-9_.:-]*$/;
  const text = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const attr = s => text(s).replace(/"/g, '&quot;');
  const out = [];
  let nodes = 0;
  const walk = (node) => {
    if (++nodes > args.max) return;
    if (node.nodeType === 3) { out.push(text(node.data)); return; }
    if (node.nodeType !== 1) return;
    const tag = (node.localName || '').toLowerCase();
    if (!NAME.test(tag)) { for (const c of node.childNodes) walk(c); return; }
    if (tag === 'script') {
      if ((node.getAttribute('type') || '').toLowerCase() === 'application/ld+json')
        out.push('<script type="application/ld+json">' + node.textContent.replace(/</g, '\\\\u003c') + '</script>');
      return;
    }
    if (SKIP.has(tag) || node.hasAttribute('data-rashomon-consent')) return;
    if ((tag === 'iframe' || tag === 'frame') && node.hasAttribute('data-rashomon-frame')) {
      const n = node.getAttribute('data-rashomon-frame');
      if (/^[0-9]+$/.test(n)) {
        out.push('<div data-rashomon-frame="' + n + '" data-rashomon-src="' + attr(node.src || '') + '"><!--rashomon-frame:' + n + '--></div>');
        return;
      }
    }
    let open = '<' + tag;
    for (const a of node.attributes) if (NAME.test(a.name)) open += ' ' + a.name + '="' + attr(a.value) + '"';
    out.push(open + '>');
    if (VOID.has(tag)) return;
    if (node.shadowRoot) {
      out.push('<div data-rashomon-shadow-root="">');
      for (const c of node.shadowRoot.childNodes) walk(c);
      out.push('</div>');
    }
    if (tag !== 'iframe' && tag !== 'frame') for (const c of node.childNodes) walk(c);
    out.push('</' + tag + '>');
  };
  if (args.body) {
    if (document.body) for (const c of document.body.childNodes) walk(c);
  } else {
    out.push('<!DOCTYPE html>');
    walk(document.documentElement);
  }
  return out.join('');
}"""
