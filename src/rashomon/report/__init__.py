"""Renderers of an :class:`~rashomon.model.Analysis`: JSON (the contract), HTML, Markdown, terminal.

Renderers are looked up by format name in a registry; each module is imported only when its format is asked
for, so the JSON path does not pay for Jinja2 or Rich.
"""

from __future__ import annotations

import importlib

#: format name -> "module:function" returning the rendered document as a string.
RENDERERS = {
    "json": "rashomon.report.json:render_json",
    "html": "rashomon.report.html:render_html",
    "md": "rashomon.report.markdown:render_markdown",
    "text": "rashomon.report.terminal:render_text",
}
SUFFIXES = {"json": ".json", "html": ".html", "md": ".md", "text": ".txt"}


def render(analysis, fmt: str) -> str:
    """``analysis`` rendered in format ``fmt`` (one of :data:`RENDERERS`)."""
    try:
        module_name, function = RENDERERS[fmt].split(":")
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RENDERERS)}") from None
    return getattr(importlib.import_module(module_name), function)(analysis)
