"""Kept for imports written before the rules became a package: see :mod:`rashomon.attribution.rules`."""

from __future__ import annotations

from .rules import DocExtractor, Found, Quote, build_matcher, extract, quote_spans

__all__ = ["DocExtractor", "Found", "Quote", "build_matcher", "extract", "quote_spans"]
