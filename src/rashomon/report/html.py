"""The side-by-side HTML report: one self-contained file that opens offline and prints.

The report is rendered from the view model (:mod:`rashomon.report.view`) of the JSON contract, not from the
dataclasses, so the web app renders a stored analysis exactly as the command line renders a fresh one, and the
Markdown and terminal renderers never disagree with it.

Page text is hostile: every string reaches the output through Jinja2 autoescaping (or ``markupsafe`` in the SVG
charts), links are only made from ``http(s)`` URLs, and the inline script and style are allowed by their hashes
in a strict Content-Security-Policy, so even an escaping bug could not run a script smuggled into the page.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2

from ..contract import to_dict
from ..model import PAGE_SUFFIXES, Analysis
from .view import VERDICTS, anchor, build_view, path_segment, safe_url, when

#: Content-Security-Policy of the report file; the hashes of the inline script and style are appended.
REPORT_CSP = "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'"


def render_html(analysis: Analysis | dict[str, Any]) -> str:
    """The whole report as one self-contained HTML document."""
    data = analysis if isinstance(analysis, dict) else to_dict(analysis)
    view = build_view(data)
    assets = inline_assets()
    return (
        environment()
        .get_template("report.html.j2")
        .render(view=view, assets=assets, csp=f"{REPORT_CSP}; {assets['csp']}", web=None)
    )


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one template set, shared by the report file and the web app. Autoescaping is always on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rashomon.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.ChainableUndefined,
    )
    env.filters["anchor"] = anchor
    env.filters["safe_url"] = safe_url
    env.filters["path_segment"] = path_segment
    env.filters["when"] = when
    env.globals["verdicts"] = VERDICTS
    env.globals["page_accept"] = ",".join(PAGE_SUFFIXES + ("text/html", "text/plain"))
    return env


@lru_cache(maxsize=1)
def inline_assets() -> dict[str, str]:
    """The report's stylesheet and script, and the CSP directives that allow exactly them."""
    folder = resources.files("rashomon.report") / "templates"
    css = (folder / "report.css").read_text(encoding="utf-8")
    js = (folder / "report.js").read_text(encoding="utf-8")

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return {"css": css, "js": js, "csp": f"script-src {digest(js)}; style-src {digest(css)}"}
