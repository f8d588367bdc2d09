"""rashomon: lay out the accounts a news page tells side by side.

>>> import rashomon
>>> from pathlib import Path
>>> analysis = rashomon.analyze(Path("page.txt"))     # doctest: +SKIP  (a Path is a file)
>>> analysis = rashomon.analyze("Headline\n\nText")  # doctest: +SKIP  (a str is the page itself)
>>> rashomon.to_dict(analysis)["sources"]             # doctest: +SKIP
>>> page = rashomon.read_page(Path("page.html"))      # doctest: +SKIP
>>> analysis = rashomon.analyze(rashomon.fetch_url("https://example.com/news/1"))  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError, RashomonError
from .model import SCHEMA_VERSION, Analysis, Page
from .options import Options, load_options

__version__ = "0.1.0"
__all__ = [
    "analyze",
    "read_page",
    "fetch_url",
    "to_dict",
    "to_json",
    "Analysis",
    "Page",
    "Options",
    "load_options",
    "RashomonError",
    "InputError",
    "ConfigError",
    "SCHEMA_VERSION",
    "__version__",
]


def analyze(source: Path | str | bytes | Page | None = None, **options: Any) -> Analysis:
    """Analyze one page: a :class:`~pathlib.Path` is read from disk, a ``str`` is the page's text (or HTML),
    ``bytes`` its raw content; ``path=``, ``text=`` or ``html=`` name the input explicitly. See
    :func:`rashomon.pipeline.analyze` for ``options=``, ``stage_names=`` and ``nlp=``."""
    from .pipeline import analyze as _analyze

    return _analyze(source, **options)


def read_page(source: Path | str | bytes | None = None, **options: Any) -> Page:
    """Read one page without analysing it (same inputs as :func:`analyze`); see :func:`rashomon.read.read`.

    (Not ``rashomon.read``: that name is the readers' subpackage.)
    """
    from .read import read as _read

    return _read(source, **options)


def fetch_url(url: str, *, render: bool = False, consent: str | None = None) -> Any:
    """The page at an http(s) URL, for :func:`analyze` or :func:`read_page`: fetched (bounded in time, size and
    redirects), or with ``render`` loaded in headless Chromium; see :func:`rashomon.read.fetch_url`."""
    from .read import fetch_url as _fetch_url

    return _fetch_url(url, render=render, consent=consent)


def to_dict(analysis: Analysis) -> dict[str, Any]:
    from .contract import to_dict as _to_dict

    return _to_dict(analysis)


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    from .contract import to_json as _to_json

    return _to_json(analysis, indent)
