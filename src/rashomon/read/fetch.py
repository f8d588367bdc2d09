"""Fetch a page from its URL: the bytes, the final URL after redirects, and what the server says they are.

``rashomon analyze https://…``, ``compare`` and ``batch`` (URLs among the inputs, or ``.urls`` files) read pages
from the web through :func:`fetch`. Every limit is in :mod:`rashomon.settings` and every failure is one
:class:`~rashomon.errors.FetchError` subclass with one plain line: a scheme other than http/https
(:class:`URLNotAllowed`), a timeout (connect, between bytes, or the whole fetch), a page over the size limit (the
body is streamed and dropped past it), a redirect loop or chain, an error status, no connection, a media type that
is not a page. The bytes are decoded later by :func:`rashomon.read.decode`, with the charset the headers name.

Redirects are followed here rather than by httpx (cookies kept across them), so each hop's target is checked
(no redirect to ``file://``), a loop is named as a loop, and each hop gets only what is left of the total time.

``public_only`` (the web app's default, against server-side request forgery): the fetch connects only to public
addresses. The check is made where the connection is opened (:func:`public_address`): the host is resolved
once, every address it resolves to must be public, and the connection goes to the address that was checked, so
neither a redirect to ``http://127.0.0.1/`` nor a name that resolves to a private address the second time
(DNS rebinding) gets through. Such a fetch uses no proxy from the environment (the proxy would choose the address).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from .. import settings
from ..errors import (
    AddressNotAllowed,
    ConnectionFailed,
    FetchTimeout,
    HTTPStatusError,
    NotAPage,
    PageTooLarge,
    TooManyRedirects,
    URLNotAllowed,
)
from ..model import PageWarning

#: What makes a command-line argument a URL rather than a file name: a scheme and ``//``.
URL_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SCHEMES = ("http", "https")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
#: The content codings asked for: the ones whose inflation is bounded here, chunk by chunk (no brotli, no zstd).
ACCEPT_ENCODING = "gzip, deflate"
#: Openings of binary formats: a body sent without a media type that opens so is no page.
MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"\x00\x00\x01\x00")


def is_url(text: str) -> bool:
    """True for anything with a scheme and ``//`` (``https://…``, ``file://…``): it is fetched, or refused by
    scheme, never taken for a file name."""
    return bool(URL_PATTERN.match(text.strip()))


@dataclass(slots=True)
class Fetched:
    """A page as fetched (or rendered): its bytes and what is known of them. :func:`rashomon.read.read` takes
    one like a file: ``rashomon.analyze(fetch("https://…"))``."""

    #: The URL after redirects: the page's ``url``, and the site its publisher falls back to.
    url: str
    data: bytes
    #: The media type the server sent (``text/html``), lower case, without parameters; ``None`` if it sent none.
    media_type: str | None = None
    #: The charset the server named in Content-Type, if any (the page's own ``<meta>`` is read later).
    charset: str | None = None
    #: The URL asked for, and every URL redirected through, in order.
    requested_url: str = ""
    redirects: tuple[str, ...] = ()
    #: True when the bytes are the DOM a browser rendered (``--render``), not what the server sent.
    rendered: bool = False
    #: What went wrong but still gave a page (a render stopped at its time limit).
    warnings: list[PageWarning] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """The reader's input kind the media type implies: ``html``, ``text``, or ``auto`` when none was sent."""
        if self.media_type in settings.FETCH_HTML_TYPES:
            return "html"
        if self.media_type in settings.FETCH_TEXT_TYPES:
            return "text"
        return "auto"


@lru_cache(maxsize=1)
def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("rashomon")
    except PackageNotFoundError:  # run from a source tree that is not installed
        number = "dev"
    return settings.FETCH_USER_AGENT.format(version=number)


def check_url(url: str) -> str:
    """``url`` stripped, if it is an http(s) URL with a host; else :class:`URLNotAllowed`."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError as err:
        raise URLNotAllowed(f"{url}: not a valid URL ({err})") from None
    if parts.scheme.lower() not in SCHEMES:
        scheme = parts.scheme or "no scheme"
        raise URLNotAllowed(f"{url}: only http and https URLs are fetched, not {scheme}")
    if not parts.hostname:
        raise URLNotAllowed(f"{url}: the URL names no host")
    return url


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of a Content-Type header; a charset Python does not know is dropped."""
    if not value:
        return None, None
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, raw = param.partition("=")
        if name.strip().lower() == "charset":
            charset = _known_charset(raw.strip().strip("\"'"))
    return media_type.strip().lower() or None, charset


def _known_charset(name: str) -> str | None:
    import codecs

    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def fetch(
    url: str,
    *,
    max_bytes: int | None = None,
    total_timeout: float | None = None,
    connect_timeout: float | None = None,
    read_timeout: float | None = None,
    max_redirects: int | None = None,
    public_only: bool = False,
) -> Fetched:
    """GET ``url`` and return its bytes; each limit defaults to its ``settings.FETCH_*`` value. ``public_only``:
    refuse (:class:`~rashomon.errors.AddressNotAllowed`) a host that is or resolves to an address that is not
    public, at every redirect (see the module doc).

    Raises a :class:`~rashomon.errors.FetchError` subclass for every way the fetch can fail (see the module doc).
    """
    import httpx

    limit = settings.FETCH_MAX_BYTES if max_bytes is None else max_bytes
    total = settings.FETCH_TOTAL_TIMEOUT if total_timeout is None else total_timeout
    connect = settings.FETCH_CONNECT_TIMEOUT if connect_timeout is None else connect_timeout
    read = settings.FETCH_READ_TIMEOUT if read_timeout is None else read_timeout
    hops = settings.FETCH_MAX_REDIRECTS if max_redirects is None else max_redirects
    requested = check_url(url)
    deadline = time.monotonic() + total
    visited: list[str] = [requested]
    current = requested
    headers = {
        "User-Agent": user_agent(),
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    if public_only:
        _check_literal_address(requested)
    guard = {"transport": _public_only_transport(), "trust_env": False} if public_only else {}
    with httpx.Client(headers=headers, follow_redirects=False, **guard) as client:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise FetchTimeout(f"{requested}: no page within {total:g} s (settings.FETCH_TOTAL_TIMEOUT)")
            timeout = httpx.Timeout(connect=min(connect, left), read=min(read, left), write=min(read, left), pool=left)
            try:
                with client.stream("GET", current, timeout=timeout) as response:
                    if response.status_code in REDIRECT_STATUSES and response.headers.get("location"):
                        target = _redirect_target(requested, response)
                        # a URL seen twice already: a loop (once more is allowed: a site that sets a cookie
                        # and sends the browser back to the same URL is no loop)
                        if visited.count(target) >= 2:
                            raise TooManyRedirects(
                                f"{requested}: a redirect loop ({_chain(visited, target)}); the page cannot be reached"
                            )
                        if len(visited) > hops:
                            raise TooManyRedirects(
                                f"{requested}: more than {hops} redirects (settings.FETCH_MAX_REDIRECTS)"
                            )
                        if public_only:
                            _check_literal_address(target)
                        visited.append(target)
                        current = target
                        continue
                    final = str(response.url)
                    if response.status_code >= 400:
                        reason = response.reason_phrase or ""
                        raise HTTPStatusError(
                            f"{final}: the server answered {response.status_code} {reason}".rstrip(),
                            response.status_code,
                        )
                    media_type, charset = parse_content_type(response.headers.get("content-type"))
                    _check_media_type(final, media_type)
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > limit:
                        raise PageTooLarge(_too_large(final, limit, int(declared)))
                    data = _read_body(response, final, limit, deadline, total)
            except AddressNotAllowed as err:  # from the connection's own check, which knows no URL
                raise AddressNotAllowed(f"{current}: {err}") from None
            except httpx.TimeoutException as err:
                what = {
                    httpx.ConnectTimeout: "no connection",
                    httpx.ReadTimeout: "no answer",
                    httpx.WriteTimeout: "the request could not be sent",
                    httpx.PoolTimeout: "no connection",
                }.get(type(err), "no answer")
                raise FetchTimeout(f"{current}: {what} within the time limit ({_limits(connect, read)})") from None
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as err:
                raise ConnectionFailed(f"{current}: {_reason(err)}") from None
            except httpx.DecodingError as err:
                raise ConnectionFailed(f"{current}: the body cannot be decoded ({_reason(err)})") from None
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
                raise URLNotAllowed(f"{current}: not a URL that can be fetched ({err})") from None
            except httpx.HTTPError as err:  # proxies, local protocol errors: still the network's fault
                raise ConnectionFailed(f"{current}: {_reason(err)}") from None
            if media_type is None:
                _sniff(final, data)
            return Fetched(
                url=final,
                data=data,
                media_type=media_type,
                charset=charset,
                requested_url=requested,
                redirects=tuple(visited[1:]),
            )


def is_public_address(address: str) -> bool:
    """Whether an IP address is one on the public internet: not private, loopback, link-local, shared (CGNAT),
    multicast, reserved or unspecified; an IPv4 address written as IPv6 (``::ffff:127.0.0.1``) is judged as IPv4."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") names no other host
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _not_public(host: str, address: str | None = None) -> str:
    where = host if address is None or address == host else f"{host} ({address})"
    return (
        f"{where} is not a public address; pages on private, loopback or link-local addresses are not fetched "
        "here (settings.WEB_FETCH_PRIVATE_ADDRESSES)"
    )


def _check_literal_address(url: str) -> None:
    """Refuse at once a URL whose host is written as an IP address that is not public (the connection would be
    refused anyway; this says so before anything is sent)."""
    host = (urlsplit(url).hostname or "").strip("[]")
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return  # a name: judged by what it resolves to, when the connection is opened
    if not is_public_address(host):
        raise AddressNotAllowed(f"{url}: {_not_public(host)}")


def public_address(host: str, port: int) -> str:
    """The address to connect to for ``host``: every address it resolves to must be public (a name that resolves
    to a public and a private address is refused: which one a client would use is not ours to know)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        import httpcore

        raise httpcore.ConnectError(f"Name or service not known ({host}: {err})") from None
    addresses = [str(info[4][0]) for info in infos]
    for address in addresses:
        if not is_public_address(address):
            raise AddressNotAllowed(_not_public(host, address))
    if not addresses:
        import httpcore

        raise httpcore.ConnectError(f"Name or service not known ({host})")
    return addresses[0]


def _public_only_transport():
    """An httpx transport whose connections go only to public addresses, checked when each one is opened."""
    import httpx

    transport = httpx.HTTPTransport()
    # httpx takes no network backend of its own; its connection pool (httpcore) does
    transport._pool._network_backend = _public_only_backend_class()()
    return transport


@lru_cache(maxsize=1)
def _public_only_backend_class():
    import httpcore

    class PublicOnlyBackend(httpcore.SyncBackend):
        """httpcore's socket backend, connecting to the checked address of the host (TLS still names the host)."""

        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            return super().connect_tcp(
                public_address(host, port),
                port,
                timeout=timeout,
                local_address=local_address,
                socket_options=socket_options,
            )

    return PublicOnlyBackend


def _redirect_target(requested: str, response) -> str:
    target = str(response.url.join(response.headers["location"]))
    try:
        return check_url(target)
    except URLNotAllowed:
        raise URLNotAllowed(f"{requested}: redirects to {target}, and only http and https URLs are followed") from None


def _read_body(response, url: str, limit: int, deadline: float, total: float) -> bytes:
    """The decoded body, streamed: dropped past ``limit`` bytes or past the total deadline.

    The body is inflated here, never more than ``limit`` bytes at a time (a few KB of gzip can inflate to
    gigabytes: httpx would hand them over as one chunk)."""
    chunks: list[bytes] = []
    size = 0
    inflate = _inflater(url, response.headers.get("content-encoding", ""))
    for raw in response.iter_raw():
        for chunk in inflate(raw, limit - size + 1):
            size += len(chunk)
            if size > limit:
                raise PageTooLarge(_too_large(url, limit))
            chunks.append(chunk)
        if time.monotonic() > deadline:
            raise FetchTimeout(
                f"{url}: the page did not finish arriving within {total:g} s ({size:,} bytes so far; "
                "settings.FETCH_TOTAL_TIMEOUT)"
            )
    return b"".join(chunks)


def _inflater(url: str, content_encoding: str):
    """``inflate(raw, room)``: the decoded pieces of ``raw``, together at most ``room`` bytes, for the encodings
    asked for (``ACCEPT_ENCODING``); any other is refused, since its expansion cannot be bounded here."""
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity"):
        return lambda raw, room: [raw]
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise NotAPage(f"{url}: the server sent the body encoded as {encoding!r}, which rashomon did not ask for")
    return _Inflater(url, encoding)


class _Inflater:
    """A gzip or zlib stream (wbits 47 tells them apart by the header), or a raw deflate stream, which some
    servers send as "deflate", inflated at most ``room`` bytes per call."""

    def __init__(self, url: str, encoding: str) -> None:
        self.url, self.encoding = url, encoding
        self.stream = zlib.decompressobj(47)
        self.started = False

    def __call__(self, raw: bytes, room: int) -> list[bytes]:
        pieces = []
        data = raw
        while data:
            try:
                piece = self.stream.decompress(data, max(1, room))
            except zlib.error:
                if self.encoding == "deflate" and not self.started:  # raw deflate, without zlib's header
                    self.stream, self.started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise ConnectionFailed(
                    f"{self.url}: the body cannot be decoded (damaged {self.encoding} data)"
                ) from None
            self.started = True
            pieces.append(piece)
            room -= len(piece)
            if room <= 0:
                return pieces
            data = self.stream.unconsumed_tail
        return pieces


def _check_media_type(url: str, media_type: str | None) -> None:
    if media_type is None or media_type in settings.FETCH_HTML_TYPES + settings.FETCH_TEXT_TYPES:
        return
    raise NotAPage(f"{url}: the server sent {media_type}, not a web page (HTML or text)")


def _sniff(url: str, data: bytes) -> None:
    """A body sent without a media type that opens like a known binary format is refused here; other binary
    bodies are refused by the reader's own check (:func:`rashomon.read.check_bytes`)."""
    if data.lstrip()[:8].startswith(MAGIC):
        raise NotAPage(f"{url}: the server sent no media type and the body is not a web page")


def _too_large(url: str, limit: int, size: int | None = None) -> str:
    what = f"{size / 1e6:.1f} MB" if size is not None else "the page"
    return f"{url}: {what} is over the {limit / 1e6:.0f} MB limit for a fetched page (settings.FETCH_MAX_BYTES)"


def _chain(visited: list[str], target: str) -> str:
    start = len(visited) - 1 - visited[::-1].index(target)
    loop = visited[start:] + [target]
    if len(loop) > 4:
        loop = [*loop[:2], "…", *loop[-2:]]
    return " -> ".join(loop)


def _limits(connect: float, read: float) -> str:
    return f"connect {connect:g} s, between bytes {read:g} s; settings.FETCH_CONNECT_TIMEOUT, FETCH_READ_TIMEOUT"


def _reason(err: Exception) -> str:
    """One line for a network error: the innermost cause's words (refused, no such host, TLS...)."""
    cause: BaseException = err
    while cause.__cause__ is not None or cause.__context__ is not None:
        cause = cause.__cause__ or cause.__context__  # type: ignore[assignment]
    text = str(cause).strip() or str(err).strip() or type(err).__name__
    line = " ".join(text.split())
    if "refused" in line.lower():
        return f"the connection was refused ({line[:120]})"
    if "name or service not known" in line.lower() or "nodename nor servname" in line.lower():
        return f"no such host ({line[:120]})"
    return f"no connection ({line[:160]})"
