"""Errors a user can act on. Each carries one plain line; the CLI prints it and exits non-zero."""


class RashomonError(Exception):
    """Base of every error rashomon raises on purpose. ``str(err)`` is the line shown to the user."""

    exit_code = 2


class InputError(RashomonError):
    """The input cannot be read as a page: empty, binary, too large, missing."""


class ConfigError(RashomonError):
    """A user-supplied option or data file (lexicon, alias table) is invalid."""


class PageTooSlow(RashomonError):
    """A page ran past its time limit (``--page-timeout``; the web app's per-request limit)."""


class FetchError(InputError):
    """A page could not be had from its URL (``rashomon analyze https://…``); each subclass names one reason."""


class URLNotAllowed(FetchError):
    """Not an http or https URL (``file://``, ``ftp://``, ...), or no URL at all: rashomon fetches only the web."""


class AddressNotAllowed(URLNotAllowed):
    """The URL's host is (or resolves to) a private, loopback, link-local or other non-public address, which a
    fetch for the web app refuses: a page on the web must not make the server reach its own network (SSRF)."""


class FetchTimeout(FetchError):
    """The server did not connect, answer or finish sending within the fetch time limits."""


class PageTooLarge(FetchError):
    """The page is over the fetch size limit (``settings.FETCH_MAX_BYTES``); it is not downloaded further."""


class TooManyRedirects(FetchError):
    """A redirect loop, or more redirects than ``settings.FETCH_MAX_REDIRECTS``."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (4xx or 5xx)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class ConnectionFailed(FetchError):
    """No connection: the host is unknown, refused the connection, or broke it off (TLS included)."""


class NotAPage(FetchError):
    """The URL holds something other than a web page or text (an image, a PDF, JSON)."""


class RenderUnavailable(RashomonError):
    """``--render`` was asked for but Playwright or a Chromium is not installed; the message says how to install."""


class RenderTimeout(FetchError):
    """The page did not render within ``settings.RENDER_TIMEOUT_SECONDS`` and nothing of it could be read."""
