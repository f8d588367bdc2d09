"""A loopback web server for the URL and ``--render`` tests: the pages of ``tests/fixtures/web`` (our own) and a
few routes that misbehave on purpose (redirects, a redirect loop and one to a private address, a slow and a dripping server, a 20 MB page,
error statuses, media types that are no page, a charset named only in the header).

``serve()`` starts it on 127.0.0.1 with port 0 in a thread and gives its base URL; the render fixtures reach
"another origin" as ``localhost`` on the same port.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
#: Seconds the slow routes hold a request: far past the short limits the tests set, far below a test's patience.
SLOW_SECONDS = 5.0
BIG_BYTES = 20 * 1024 * 1024
LATIN1_PAGE = (
    "<html><head><title>Café reopens on the quay</title></head><body><article><h1>Café reopens on the quay</h1>"
    "<p>The café on the quay reopened on Saturday after the winter, the owner said, with crème brûlée back on the "
    "menu and the terrace heated for the first time. Prices are up by about a tenth, she said, because of the cost "
    "of fuel and dairy.</p></article></body></html>"
).encode("latin-1")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files from ``FIXTURES``, and the routes of :attr:`ROUTES`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(FIXTURES), **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def do_GET(self):
        route = ROUTES.get(self.path.split("?")[0])
        try:
            if route is not None:
                route(self)
            else:
                super().do_GET()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as the limits make it do
            pass

    def send(self, status: int, body: bytes = b"", content_type: str | None = "text/html", **headers: str) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _redirect(target: str, status: int = 302):
    return lambda h: h.send(status, content_type=None, Location=target)


def _cookie_check(h: Handler) -> None:
    """Back to the same URL with a cookie, as consent and bot checks do; the page once the cookie comes back."""
    if "checked=1" in str(h.headers.get("Cookie")):
        h.send(200, (FIXTURES / "article.html").read_bytes())
    else:
        h.send(302, content_type=None, Location="/cookie-check", Set_Cookie="checked=1; Path=/")


def _slow(h: Handler) -> None:
    time.sleep(SLOW_SECONDS)
    h.send(200, b"<html><body><p>late</p></body></html>")


def _drip(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    h.wfile.write(b"<html><body><p>")
    deadline = time.monotonic() + SLOW_SECONDS
    while time.monotonic() < deadline:
        h.wfile.write(b"a")
        h.wfile.flush()
        time.sleep(0.1)


def _big(h: Handler, declare: bool) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    if declare:
        h.send_header("Content-Length", str(BIG_BYTES))
    h.end_headers()
    block = b"<p>" + b"x" * 1020 + b"</p>\n"
    for _ in range(BIG_BYTES // len(block)):
        h.wfile.write(block)


def _gzip_bomb(megabytes: int = 64) -> bytes:
    """``megabytes`` MB of markup in about 1/1000 of that as gzip, compressed a megabyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"x" * (1024 * 1024)
    parts = [packer.compress(b"<p>"), *(packer.compress(block) for _ in range(megabytes)), packer.compress(b"</p>")]
    return b"".join([*parts, packer.flush()])


GZIP_BOMB = _gzip_bomb()


def _bomb(h: Handler) -> None:
    h.send(200, GZIP_BOMB, "text/html", **{"Content-Encoding": "gzip"})


ROUTES = {
    "/bomb": _bomb,
    "/gzipped": lambda h: h.send(
        200, gzip.compress((FIXTURES / "article.html").read_bytes()), "text/html", **{"Content-Encoding": "gzip"}
    ),
    "/deflated": lambda h: h.send(
        200, zlib.compress((FIXTURES / "article.html").read_bytes()), "text/html", **{"Content-Encoding": "deflate"}
    ),
    "/brotli": lambda h: h.send(200, b"\x0b\x02\x80hello\x03", "text/html", **{"Content-Encoding": "br"}),
    "/redirect": _redirect("/article.html"),
    "/redirect-twice": _redirect("/redirect", 301),
    "/loop-a": _redirect("/loop-b"),
    "/loop-b": _redirect("/loop-a", 307),
    "/to-file": _redirect("file:///etc/passwd"),
    # a private address (never connected to: a fetch for the web app refuses it first)
    "/to-private": _redirect("http://10.255.255.1/article.html"),
    "/cookie-check": _cookie_check,
    "/slow": _slow,
    "/drip": _drip,
    "/big": functools.partial(_big, declare=False),
    "/big-declared": functools.partial(_big, declare=True),
    "/server-error": lambda h: h.send(503, b"<html><body>down</body></html>"),
    "/image": lambda h: h.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
    "/data": lambda h: h.send(200, b'{"title": "not a page"}', "application/json"),
    "/latin1": lambda h: h.send(200, LATIN1_PAGE, "text/html; charset=ISO-8859-1"),
    "/no-type": lambda h: h.send(200, (FIXTURES / "article.html").read_bytes(), None),
    "/user-agent": lambda h: h.send(200, str(h.headers.get("User-Agent")).encode(), "text/plain"),
}


@contextlib.contextmanager
def serve() -> Iterator[str]:
    """The fixture server's base URL (``http://127.0.0.1:PORT``) while the ``with`` lasts."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
