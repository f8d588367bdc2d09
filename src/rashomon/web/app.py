"""The web app: paste, upload or post a page, read its report, search and compare what is stored.

Server-rendered with the report's own templates (one template set for the file and the app). Every response
carries a strict Content-Security-Policy: the only script that runs is the report's own, allowed by its hash.
Input is validated at the edge: an oversized request is refused before it is read whole (413), a page the
reader cannot take (empty, binary) gives a 400 with the reader's one plain sentence, in HTML for the forms and
in JSON for the API. A URL given instead of a page is fetched with the reader's limits (:mod:`rashomon.read.fetch`)
and only from public addresses unless ``settings.WEB_FETCH_PRIVATE_ADDRESSES`` (or ``fetch_private``) allows
others; a fetch that fails gives the fetch's one plain sentence (400 for a URL that is not allowed, 422 for the
rest, 429 when too many fetches run), never a 5xx. Requests must name an allowed host (against DNS rebinding), and a request that changes
something (POST, PUT, PATCH, DELETE) sent by another site's page is refused with 403 (against CSRF).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from collections.abc import Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import settings
from ..compare import compare_pages
from ..contract import from_dict, validator
from ..errors import FetchError, PageTooSlow, RashomonError, URLNotAllowed
from ..model import HTML_SUFFIXES
from ..options import Options
from ..read import KINDS, without_surrogates
from ..read.fetch import Fetched, fetch
from ..report.comparison import merge_for_report, outlet_name
from ..report.html import REPORT_CSP, environment, inline_assets
from ..report.svg import SIDE_COLOURS
from ..report.view import VERDICTS, anchor, build_view, framing_view, path_segment
from .cache import ReadCache
from .pool import AnalysisPool, PoolFull, ThreadRunner, WorkerLost
from .store import HIT_END, HIT_START, MAX_PAGE_ID, Store

log = logging.getLogger(__name__)

# --- settings ------------------------------------------------------------------------------------------
#: Room for multipart or JSON framing around a page of ``settings.MAX_PAGE_BYTES``.
REQUEST_OVERHEAD_BYTES = 256 * 1024
#: A stored analysis posted whole (``POST /api/pages``) carries the page text and every span: allow more.
IMPORT_FACTOR = 4
#: Pages listed on the front page.
LIST_LIMIT = 200
#: Worker processes that run analyses (each loads the models once, ~400 MB); the app's own process serves
#: requests, so reads never wait behind an analysis.
ANALYZE_WORKERS = max(1, min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))
#: Analyses that may wait for a worker; one more request gets 429 with Retry-After.
ANALYZE_QUEUE_LIMIT = 32
#: Seconds one analysis may take in the web app; a slower page gets 422 and its worker goes on to the next.
ANALYZE_TIMEOUT_SECONDS = 60.0
#: Retry-After (seconds) sent with a 429.
RETRY_AFTER_SECONDS = 30
#: Pages one comparison may take (each is rendered side by side, and the engine's work grows with their number).
MAX_COMPARE = 10
#: Host names always accepted besides the one served (``testserver`` is the one Starlette's TestClient sends).
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "testserver")
#: Methods that change something: refused when another site's page sends them.
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# --------------------------------------------------------------------------------------------------------

WEB_CSP = REPORT_CSP.replace("form-action 'none'", "form-action 'self'") + "; frame-ancestors 'none'"
#: The policy repeated in the pages' ``<meta>``: without frame-ancestors, which a browser ignores there with a
#: console error (the response header carries it).
WEB_META_CSP = REPORT_CSP.replace("form-action 'none'", "form-action 'self'")

#: A stored page's id: SQLite's integer range (a larger number in the URL is a 422, not an overflow).
PageId = Annotated[int, PathParam(ge=1, le=MAX_PAGE_ID)]
_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


class AnalyzeRequest(BaseModel):
    """A page to analyze: its text (a text dump or HTML) and what is known about it."""

    text: str | None = Field(
        None,
        description="The page: a text dump (article, then comments) or its HTML. Without it, ``url`` is fetched.",
    )
    kind: str = Field(
        "auto", description="auto (HTML recognised by its markup), text or html.", pattern="^(auto|text|html)$"
    )
    url: str | None = Field(
        None, description="The page's address: fetched when no text is given (http or https, public addresses)."
    )
    published_at: str | None = Field(None, description="The page's date, ISO 8601.")
    publisher: str | None = Field(None, description="Who publishes the page (a text dump does not say).")
    store: bool = Field(True, description="Keep the analysis in the store (and return its id).")


class Stored(BaseModel):
    id: int | None
    report_url: str | None
    analysis: dict[str, Any]


class _BodyLimit:
    """ASGI middleware: refuse a request body over its limit with 413, counting what is actually received."""

    def __init__(self, app, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.limit_for(scope.get("path", ""))
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            return await _too_large(scope, send, limit)
        received = 0
        too_large = False

        async def limited_receive():
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await _too_large(scope, send, limit)
        except Exception:
            if too_large:  # a framework wrapped our exception; the answer is still 413
                await _too_large(scope, send, limit)
            else:
                raise


class _SameOriginOnly:
    """ASGI middleware: a request that changes something, sent by another site's page, is refused (403)."""

    def __init__(self, app, refuse: Callable[[Request, str], Response]) -> None:
        self.app, self.refuse = app, refuse

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in UNSAFE_METHODS:
            request = Request(scope)
            reason = cross_site_reason(request)
            if reason is not None:
                return await self.refuse(request, f"refused: {reason}")(scope, receive, send)
        return await self.app(scope, receive, send)


class _SecurityHeaders:
    """ASGI middleware: every answer carries the Content-Security-Policy and the other protective headers."""

    def __init__(self, app, policy: str) -> None:
        self.app = app
        self.fixed = [
            (b"x-content-type-options", b"nosniff"),
            # not no-referrer: under it a browser's form POST carries "Origin: null", refused as cross-site
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY"),
        ]
        self.policy = (b"content-security-policy", policy.encode())

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {b"x-content-type-options", b"referrer-policy", b"x-frame-options"}
                headers = [(k, v) for k, v in message.get("headers") or [] if k.lower() not in names]
                if not any(k.lower() == b"content-security-policy" for k, _ in headers):
                    headers.append(self.policy)
                message = {**message, "headers": headers + self.fixed}
            await send(message)

        await self.app(scope, receive, with_headers)


class _TooLarge(Exception):
    pass


async def _too_large(scope, send, limit: int) -> None:
    message = f"the request is over the {limit / 1e6:.1f} MB limit for one page"
    wants_json = scope.get("path", "").startswith("/api/")
    body = f'{{"detail": "{message}"}}' if wants_json else f"<!doctype html><title>Too large</title><p>{message}</p>"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json" if wants_json else b"text/html; charset=utf-8"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body.encode()})


def _origin(url: str) -> tuple[str, str, int] | None:
    """``(scheme, host, port)`` of an origin or URL, default ports filled in; None if it has none (``null``)."""
    try:
        parts = urlsplit(url)
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:  # a malformed port or IPv6 literal
        return None
    if not parts.scheme or not parts.hostname or port is None:
        return None
    return parts.scheme.lower(), parts.hostname.lower(), port


def cross_site_reason(request: Request) -> str | None:
    """Why ``request`` must be refused as cross-site (CSRF), or None when it may proceed.

    Only methods that change something are checked. A browser marks a request another site's page sends with
    ``Sec-Fetch-Site: cross-site`` and with an ``Origin`` that is not the app's; clients that are not browsers
    (``curl``, scripts) send neither and are let through.
    """
    if request.method not in UNSAFE_METHODS:
        return None
    if request.headers.get("sec-fetch-site", "").strip().lower() == "cross-site":
        return "the request came from another site"
    origin = request.headers.get("origin")
    if origin is not None:
        own = _origin(f"{request.url.scheme}://{request.headers.get('host', '')}")
        if own is None or _origin(origin.strip()) != own:
            return "the request came from another site"
    return None


def create_app(
    db_path: str | Path | None = None,
    *,
    analyze: Callable[..., Any] | None = None,
    max_page_bytes: int | None = None,
    stage_names: tuple[str, ...] | None = None,
    options: Options | None = None,
    allowed_hosts: Sequence[str] | None = None,
    workers: int | None = None,
    queue_limit: int = ANALYZE_QUEUE_LIMIT,
    analyze_timeout: float | None = ANALYZE_TIMEOUT_SECONDS,
    fetch_private: bool | None = None,
) -> FastAPI:
    """The app over the store at ``db_path`` (default: ``rashomon.db`` in the user's data folder).

    ``analyze`` replaces :func:`rashomon.analyze` (a different pipeline, run in a thread of this process),
    ``options`` the run's :class:`~rashomon.options.Options` (handed to every analysis worker) and ``stage_names``
    its stages (default: ``rashomon.pipeline.DEFAULT_STAGES``); ``max_page_bytes`` replaces the page size limit.
    ``workers``, ``queue_limit`` and ``analyze_timeout``: the analysis worker processes, the analyses that may
    wait for one (429 past it) and the seconds one analysis may take (422 past it; ``None``: no limit). ``allowed_hosts``:
    the host names a request may address (its ``Host`` header; default ``LOCAL_HOSTS``), so a DNS-rebinding
    page cannot reach the app under its own name. ``fetch_private``: whether a URL on a private, loopback or
    link-local address may be fetched (default ``settings.WEB_FETCH_PRIVATE_ADDRESSES``, False: against SSRF).
    """
    store = Store(db_path or default_db_path())
    page_limit = max_page_bytes or settings.MAX_PAGE_BYTES
    public_only = not (settings.WEB_FETCH_PRIVATE_ADDRESSES if fetch_private is None else fetch_private)
    fetching = asyncio.Semaphore(settings.WEB_FETCH_CONCURRENCY)
    # one FIFO queue of analyses, bounded: requests are answered in the order they came, none starves
    if analyze is None:
        from ..batch.worker import batch_options

        # the run's options (a wrong stage list fails here, not on every request), handed to every worker
        run_options = batch_options(options, stage_names)
        runner: AnalysisPool | ThreadRunner = AnalysisPool(
            workers or ANALYZE_WORKERS, queue_limit, analyze_timeout, run_options
        )
    else:
        runner = ThreadRunner(analyze, queue_limit, analyze_timeout)
    env = environment()
    assets = inline_assets()
    csp = f"{WEB_CSP}; {assets['csp']}"
    meta_csp = f"{WEB_META_CSP}; {assets['csp']}"

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await runner.warm()  # workers started and models loaded before the first request is served
        # templates compiled before the first read too: the first report rendered cold took ~0.3 s, and every
        # read that arrived meanwhile waited behind it
        await run_in_threadpool(_compile_templates, env)
        yield
        runner.close()

    app = FastAPI(
        title="rashomon",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        description="Lay out the accounts a news page tells side by side. The JSON API analyzes pages, "
        "stores them, searches them and returns the analysis JSON contract.",
    )
    app.state.store = store
    app.state.analyses = runner
    app.state.templates = env
    app.add_middleware(
        _BodyLimit,
        limit_for=lambda path: (
            page_limit * IMPORT_FACTOR + REQUEST_OVERHEAD_BYTES
            if path == "/api/pages"
            else page_limit + REQUEST_OVERHEAD_BYTES
        ),
    )

    app.add_middleware(
        ReadCache,
        generation=lambda path: store.deletions if _ONE_PAGE.match(path) else store.generation,
        one_page=lambda path: _ONE_PAGE.match(path) is not None,
    )
    app.add_middleware(_SecurityHeaders, policy=csp)
    app.add_middleware(_SameOriginOnly, refuse=lambda request, reason: error_response(request, 403, reason))

    def page(template: str, status: int = 200, query: str | None = None, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(assets=assets, csp=meta_csp, web={"query": query}, **context)
        return HTMLResponse(html, status_code=status)

    async def fetch_page(url: str) -> Fetched:
        """The page at ``url``, fetched in a thread with the reader's limits (and the page limit); every failure is
        a 4xx with the fetch's own sentence."""
        if fetching.locked():
            raise HTTPException(
                429,
                f"{settings.WEB_FETCH_CONCURRENCY} pages are being fetched already; try again shortly",
                headers={"Retry-After": "5"},
            )
        async with fetching:
            try:
                return await run_in_threadpool(
                    fetch, url, max_bytes=min(page_limit, settings.FETCH_MAX_BYTES), public_only=public_only
                )
            except URLNotAllowed as err:
                raise HTTPException(400, str(err)) from None
            except FetchError as err:
                raise HTTPException(422, str(err)) from None
            except Exception as err:  # a failure the fetch does not name is still the page's, not the server's
                log.error("fetching %s failed", url, exc_info=err)
                raise HTTPException(422, f"{url}: the page could not be fetched ({type(err).__name__})") from None

    async def run_analysis(
        data: bytes | Fetched,
        kind: str = "auto",
        url: str | None = None,
        published_at: str | None = None,
        publisher: str | None = None,
    ) -> dict[str, Any]:
        """The analysis JSON contract of ``data`` (a page's bytes, or a page fetched from its URL), computed on the
        analysis queue."""
        raw = data.data if isinstance(data, Fetched) else data
        if len(raw) > page_limit:
            raise HTTPException(413, f"the page is over the {page_limit / 1e6:.1f} MB limit")
        if not raw.strip():
            raise HTTPException(400, "the page is empty: paste its text, choose a file or give its address")
        if kind not in KINDS:
            raise HTTPException(400, f"kind must be {', '.join(KINDS[:-1])} or {KINDS[-1]}")
        # publisher only when given: an injected analyze (tests, other front ends) need not take it
        extra = {"publisher": publisher} if publisher else {}
        try:
            return await runner.analyze(data, kind=kind, url=url or None, published_at=published_at or None, **extra)
        except PoolFull as err:
            raise HTTPException(429, str(err), headers={"Retry-After": str(RETRY_AFTER_SECONDS)}) from None
        except PageTooSlow as err:
            raise HTTPException(422, str(err)) from None
        except WorkerLost as err:
            raise HTTPException(503, str(err), headers={"Retry-After": "5"}) from None
        except RashomonError as err:
            raise HTTPException(400, str(err)) from None

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/")

    def error_response(request: Request, status: int, message: Any) -> Response:
        if wants_html(request):
            return page("web_error.html.j2", status=status, status_code=status, message=message)
        return JSONResponse({"detail": message}, status_code=status)

    def stored_response(page_id: int | None, analysis_json: str) -> Response:
        """``{"id", "report_url", "analysis"}`` around an analysis already serialised (it is not re-validated)."""
        report_url = f"/pages/{page_id}" if page_id is not None else None
        return Response(
            f'{{"id":{json.dumps(page_id)},"report_url":{json.dumps(report_url)},"analysis":{analysis_json}}}',
            media_type="application/json",
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        response = error_response(request, exc.status_code, exc.detail)
        response.headers.update(exc.headers or {})  # Retry-After with a 429 or 503
        return response

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        if wants_html(request):
            return page(
                "web_error.html.j2", status=422, status_code=422, message=f"the form is incomplete ({problems})"
            )
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        # the exception's text may carry page content, paths or internals: it goes to the log, not the client
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(
            request, 500, f"internal error ({type(exc).__name__}); the details are in the server's log"
        )

    # --- pages for people ------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index():
        return page("web_index.html.j2", pages=store.list(LIST_LIMIT), total=store.count(), limit_mb=page_limit / 1e6)

    @app.post("/analyze", include_in_schema=False)
    async def analyze_form(request: Request):
        # parsed here, not by Form(): a pasted page may be larger than the framework's 1 MB per-field default
        try:
            form = await request.form(max_files=1, max_fields=8, max_part_size=page_limit + 1)
        except HTTPException:
            raise
        except Exception as err:  # malformed multipart body
            raise HTTPException(400, f"the form could not be read ({err})") from None
        text, url, kind, upload = (
            (form.get("text") or ""),
            (form.get("url") or ""),
            (form.get("kind") or "auto"),
            form.get("file"),
        )
        publisher, published_at = (form.get("publisher") or ""), (form.get("published_at") or "")
        if not all(isinstance(v, str) for v in (text, url, kind, publisher, published_at)):
            raise HTTPException(400, "the text, url, kind, publisher and date fields must be text")
        data: bytes | Fetched
        if isinstance(upload, StarletteUploadFile) and upload.filename:
            data = await upload.read(page_limit + 1)
            if kind == "auto" and upload.filename.lower().endswith(HTML_SUFFIXES):
                kind = "html"
        elif not text.strip() and url.strip():  # nothing pasted: the address is the page
            data, url = await fetch_page(url), ""
        else:
            data = text.encode("utf-8")
        analysis = await run_analysis(data, kind, url, published_at.strip() or None, publisher.strip() or None)
        page_id = await run_in_threadpool(store.add, analysis)
        return RedirectResponse(f"/pages/{page_id}", status_code=303)

    @app.get("/pages/{page_id}", response_class=HTMLResponse, include_in_schema=False)
    def show(page_id: PageId):
        data = _stored(store, page_id)
        return page("web_page.html.j2", view=build_view(data), page_id=page_id)

    @app.get("/pages/{page_id}/delete", response_class=HTMLResponse, include_in_schema=False)
    def confirm_delete(page_id: PageId):
        """Deleting asks first: this page names what goes and holds the one button that deletes it."""
        data = _stored(store, page_id)
        return page("web_delete.html.j2", view=build_view(data), page_id=page_id)

    @app.post("/pages/{page_id}/delete", include_in_schema=False)
    def delete_form(page_id: PageId):
        if not store.delete(page_id):
            raise HTTPException(404, f"no stored page {page_id}")
        return RedirectResponse("/", status_code=303)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = ""):
        return page("web_search.html.j2", query=q, hits=[_hit(h) for h in store.search(q)] if q.strip() else [])

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page():
        return page("web_actors.html.j2", actors=store.actors())

    @app.get("/actors/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(name: str):
        actor = store.actor(name)
        if actor is None:
            raise HTTPException(404, f"no stored page names the actor {name!r}")
        return page("web_actor.html.j2", actor=actor)

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(ids: list[int] = Query(default_factory=list)):
        _check_compare_count(ids)
        if len(ids) < 2:
            return page("web_compare.html.j2", pages=store.list(LIST_LIMIT), comparison=None, chosen=ids)
        analyses = [_stored(store, i) for i in ids]
        return page("web_compare.html.j2", pages=store.list(LIST_LIMIT), chosen=ids, comparison=compare(ids, analyses))

    # --- the JSON API ----------------------------------------------------------------------------------

    @app.post(
        "/api/analyze",
        response_model=Stored,
        tags=["analysis"],
        responses={
            400: {"description": "Not a page (empty, binary, undecodable)"},
            413: {"description": "Over the size limit"},
        },
    )
    async def api_analyze(request: AnalyzeRequest):
        """Analyze one page; store it unless ``store`` is false. Returns the analysis JSON contract."""
        # JSON may carry lone surrogates (\ud800), which UTF-8 cannot: the page's become invalid bytes the reader
        # replaces and reports (invalid_utf8), the fields' become U+FFFD
        url = _without_surrogates(request.url)
        page: bytes | Fetched
        if request.text is None or (not request.text.strip() and url and url.strip()):
            if not url or not url.strip():
                raise HTTPException(400, "give the page's text, or its url to fetch it")
            page, url = await fetch_page(url), None
        else:
            page = request.text.encode("utf-8", "surrogatepass")
        data = await run_analysis(
            page,
            request.kind,
            url,
            _without_surrogates(request.published_at),
            _without_surrogates(request.publisher),
        )
        # serialised before it is stored: a failure here leaves nothing stored, and nothing after storing can fail
        analysis_json = _to_json(data)
        page_id = await run_in_threadpool(store.add, data) if request.store else None
        return stored_response(page_id, analysis_json)

    @app.post(
        "/api/pages",
        response_model=Stored,
        tags=["pages"],
        responses={400: {"description": "Not a valid analysis (see the JSON Schema)"}},
    )
    def api_import(analysis: dict[str, Any] = Body(..., description="An analysis in the JSON contract.")):
        """Store an analysis made elsewhere (``rashomon analyze --format json``), after validating it."""
        try:
            validator().validate(analysis)
        except Exception as err:  # jsonschema.ValidationError: say where, in one line
            path = "/".join(str(p) for p in getattr(err, "absolute_path", [])) or "(top)"
            raise HTTPException(400, f"not a valid analysis at {path}: {getattr(err, 'message', err)}") from None
        analysis = _without_surrogates(analysis)
        try:
            analysis_json = _to_json(analysis)
        except ValueError:  # Python's JSON parser takes NaN and Infinity; JSON (and the store's readers) do not
            raise HTTPException(
                400, "not a valid analysis: it holds a number JSON cannot carry (NaN or Infinity)"
            ) from None
        return stored_response(store.add(analysis), analysis_json)

    @app.get("/api/pages", tags=["pages"])
    def api_list(limit: int = Query(LIST_LIMIT, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_PAGE_ID)):
        """Stored pages, newest first (no analysis bodies)."""
        return {"total": store.count(), "pages": store.list(limit, offset)}

    @app.get("/api/pages/{page_id}", tags=["pages"])
    def api_get(page_id: PageId):
        """The stored analysis JSON contract of one page."""
        return _stored(store, page_id)

    @app.delete("/api/pages/{page_id}", status_code=204, tags=["pages"])
    def api_delete(page_id: PageId):
        if not store.delete(page_id):
            raise HTTPException(404, f"no stored page {page_id}")

    @app.get("/api/search", tags=["search"])
    def api_search(q: str = Query(..., min_length=1, description="Words to find in pages, sources, actors, comments")):
        hits = store.search(q)
        for hit in hits:
            hit["snippet"] = hit["snippet"].replace(HIT_START, "[").replace(HIT_END, "]")
        return {"query": q, "hits": hits}

    @app.get("/api/actors/{name:path}", tags=["actors"])
    def api_actor(name: str):
        """An actor across stored pages: appearances and relations over time, with who asserts them."""
        actor = store.actor(name)
        if actor is None:
            raise HTTPException(404, f"no stored page names the actor {name!r}")
        return actor

    @app.get("/api/compare", tags=["compare"])
    def api_compare(ids: list[int] = Query(..., description=f"Two to {MAX_COMPARE} stored page ids")):
        _check_compare_count(ids)
        if len(ids) < 2:
            raise HTTPException(400, "give two or more page ids to compare")
        result = compare(ids, [_stored(store, i) for i in ids])
        return {k: v for k, v in result.items() if k not in ("views", "across", "report")}

    # outermost: a request naming a host the app does not serve is answered 400 before anything else runs
    app.add_middleware(
        TrustedHostMiddleware, allowed_hosts=_host_patterns(allowed_hosts or LOCAL_HOSTS), www_redirect=False
    )
    return app


def _compile_templates(env) -> None:
    """Compile every template of the set once (Jinja keeps them), so no request pays for it."""
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)


def _host_patterns(hosts: Sequence[str]) -> list[str]:
    """Host names as ``TrustedHostMiddleware`` compares them: an IPv6 address in brackets (``[::1]``)."""
    return [f"[{h}]" if ":" in h and not h.startswith("[") else h for h in (h.strip().lower() for h in hosts)]


def _without_surrogates(value: Any) -> Any:
    """``value`` (a JSON value) with every lone surrogate made U+FFFD: one character for one, so offsets hold."""
    if isinstance(value, str):
        return without_surrogates(value)
    stack, root = [value], value  # a stack, not recursion: the body's depth is the client's to choose
    while stack:
        item = stack.pop()
        pairs = item.items() if isinstance(item, dict) else enumerate(item) if isinstance(item, list) else ()
        for key, child in list(pairs):
            if isinstance(child, str):
                item[key] = _without_surrogates(child)
            elif isinstance(child, (dict, list)):
                stack.append(child)
        if isinstance(item, dict) and any(isinstance(k, str) and without_surrogates(k) != k for k in item):
            fixed = {_without_surrogates(k): v for k, v in item.items()}
            item.clear()
            item.update(fixed)
    return root


#: The paths that read one stored page and nothing else.
_ONE_PAGE = re.compile(r"/(api/)?pages/\d+\Z")


def _to_json(data: dict[str, Any]) -> str:
    """``data`` as the API's JSON; ``ValueError`` on NaN or Infinity, which JSON cannot carry."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _check_compare_count(ids: list[int]) -> None:
    if len(ids) > MAX_COMPARE:
        raise HTTPException(400, f"compare at most {MAX_COMPARE} pages at once ({len(ids)} were given)")


def _stored(store: Store, page_id: int) -> dict[str, Any]:
    data = store.get(page_id)
    if data is None:
        raise HTTPException(404, f"no stored page {page_id}")
    return data


def _hit(hit: dict[str, Any]) -> dict[str, Any]:
    """A search hit with its snippet cut into (text, is_match) pieces, so the template escapes every piece."""
    pieces, matched = [], False
    for part in hit["snippet"].replace(HIT_END, HIT_START).split(HIT_START):
        if part:
            pieces.append((part, matched))
        matched = not matched
    link = f"/pages/{hit['page_id']}"
    if hit["kind"] == "comment" and hit.get("ref"):
        link += f"#{anchor('comment', hit['ref'])}"  # the report's own anchor of the comment
    elif hit["kind"] == "actor":
        link = f"/actors/{path_segment(hit['label'])}"
    return {**hit, "pieces": pieces, "link": link}


def compare(ids: list[int], analyses: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare stored pages with the comparison stage's ``compare_pages``, and side by side.

    The side-by-side part lists each page's claims in its own column and the actors the pages share; it is
    what is shown if the engine fails.
    """
    result: dict[str, Any] = {"ids": ids, "engine": None, "result": None}
    views = [build_view(a) for a in analyses]
    try:
        outcome = compare_pages([from_dict(a) for a in analyses])
        result["engine"] = "compare_pages"
        result["result"] = outcome
        result["across"] = None
        if isinstance(outcome, dict):  # the same report as a page's, a column per stored page
            report = build_view(merge_for_report(analyses, outcome, _outlet_names(ids, views)))
            words = {str(row["id"]): (row["topic"], row["reason"]) for row in report["facts"]["rows"]}
            result["across"] = _across_view(outcome, ids, views, words)
            result["report"] = report
    except Exception as err:  # the across-pages engine failing must not lose the side-by-side view
        log.exception("compare_pages failed")
        result["error"] = f"the comparison engine failed ({type(err).__name__}); showing claims side by side"
    names = [{a.get("name") for a in (data.get("actors") or [])} for data in analyses]
    result["shared_actors"] = sorted(set.intersection(*names) - {None}) if names else []
    result["views"] = views
    result["pages"] = [
        {
            "id": i,
            "title": v["title"],
            "publisher": v["page"].get("publisher"),
            "published_at": v["page"].get("published_at"),
            "claims": list({c["id"]: c for a in v["alignments"] for c in a["claims"]}.values()) + v["unaligned_claims"],
        }
        for i, v in zip(ids, views)
    ]
    return result


def _outlet_names(ids: list[int], views: list[dict[str, Any]]) -> list[str]:
    """Each stored page's outlet (publisher, else site, else "page N"), made unique."""
    names: list[str] = []
    for page_id, view in zip(ids, views):
        name = outlet_name(view["page"], f"page {page_id}")
        names.append(name if name not in names else f"{name} (page {page_id})")
    return names


def _across_view(
    outcome: dict[str, Any], ids: list[int], views: list[dict[str, Any]], words: dict[str, tuple[str, str]]
) -> dict[str, Any]:
    """``compare_pages``' result arranged like a page's comparison table: claim ids ``p1:c3`` become links;
    ``words``: each alignment's label and reason as the merged report's facts table gives them."""
    claims: dict[str, dict[str, Any]] = {}
    for index, (page_id, view) in enumerate(zip(ids, views)):
        for claim in [c for a in view["alignments"] for c in a["claims"]] + view["unaligned_claims"]:
            claims[f"p{index + 1}:{claim['id']}"] = {
                **claim,
                "href": f"/pages/{page_id}#{claim['anchor']}",
                "slot": index % len(SIDE_COLOURS),
                "page": f"p{index + 1}",
                "publisher": outlet_name(view["page"], f"page {page_id}"),
            }
    labels = {p.get("id"): p.get("label") for p in outcome.get("pages") or [] if isinstance(p, dict)}
    alignments = []
    for a in outcome.get("alignments") or []:
        verdict = a.get("verdict") if a.get("verdict") in VERDICTS else "unique"
        label, reason = words.get(str(a.get("id")), ("", ""))
        alignments.append(
            {
                "topic": label or a.get("topic"),
                "verdict": verdict,
                "symbol": VERDICTS[verdict][0],
                "explanation": a.get("explanation") or "",
                "reason": reason or a.get("explanation") or "",
                "claims": [claims[c] for c in a.get("claim_ids") or [] if c in claims],
            }
        )
    narratives = [
        {"id": pid, "name": label or pid, "slot": i % len(SIDE_COLOURS)}
        for i, (pid, label) in enumerate(labels.items())
    ]
    return {
        "alignments": alignments,
        "framing": framing_view(outcome.get("framing") or {}, narratives),
        "warnings": outcome.get("warnings") or [],
    }


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("rashomon", appauthor=False)) / "rashomon.db"


def _version() -> str:
    from .. import __version__

    return __version__
