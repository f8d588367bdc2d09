"""rashomon: lay out the accounts a news page tells side by side.

>>> import rashomon
>>> analysis = rashomon.analyze("page.txt")      # doctest: +SKIP
>>> rashomon.to_dict(analysis)["sources"]       # doctest: +SKIP
>>> page = rashomon.read_page("page.html")      # doctest: +SKIP
"""

from .errors import InputError, RashomonError
from .model import SCHEMA_VERSION, Analysis, Page

__version__ = "0.1.0"
__all__ = ["analyze", "read_page", "to_dict", "to_json", "Analysis", "Page", "RashomonError", "InputError",
           "SCHEMA_VERSION", "__version__"]


def analyze(source, **options) -> Analysis:
    """Analyze one page (path, bytes, text or :class:`Page`); see :func:`rashomon.pipeline.analyze`."""
    from .pipeline import analyze as _analyze

    return _analyze(source, **options)


def read_page(source, **options) -> Page:
    """Read one page without analysing it; see :func:`rashomon.read.read`.

    (Not ``rashomon.read``: that name is the readers' subpackage.)
    """
    from .read import read as _read

    return _read(source, **options)


def to_dict(analysis: Analysis) -> dict:
    from .report.json import to_dict as _to_dict

    return _to_dict(analysis)


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    from .report.json import to_json as _to_json

    return _to_json(analysis, indent)
