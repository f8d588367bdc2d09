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
