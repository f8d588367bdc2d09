"""The report as Markdown, for pasting into a newsroom document.

Reads the same view as the HTML report (:func:`rashomon.report.view.build_view`). Page text is escaped for
Markdown *and* for the HTML most Markdown renderers let through, so a payload in a comment stays text.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from ..contract import to_dict
from ..model import Analysis
from .view import build_view

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
#: Characters a URL keeps as they are: RFC 3986 reserved ones and ``%`` (already escaped), except the brackets
#: and parentheses that delimit Markdown links; everything else (spaces, non-ASCII) is percent-encoded.
_URL_SAFE = ":/?#@!$&'*+,;=%"


def escape_md(text: Any) -> str:
    """Escape Markdown syntax and HTML markup; newlines become spaces (every value sits on one line)."""
    text = " ".join(str(text if text is not None else "").split())
    text = text.replace("&", "&amp;").replace("<", "&lt;")  # no raw HTML can open, so quotes stay readable
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\d+)\.", r"\1\\.", text)  # "12." would start an ordered list
    return "\\" + text if text.startswith(("-", "=")) else text


def markdown_url(url: str) -> str:
    """``url`` percent-quoted for a Markdown link: ``( ) [ ] < >``, whitespace and non-ASCII become ``%XX``."""
    return quote(url, safe=_URL_SAFE)


def _inline(text: str) -> str:
    """``escape_md`` keeping one space where the text began or ended with whitespace (segments are joined)."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0].isspace() else "") + escape_md(text) + (" " if text[-1].isspace() else "")


def _flatten(segments: list[dict]) -> str:
    """Segments as inline Markdown: attributions become ``[source:] …``, direct quotes italic, evidence bold."""
    out = []
    for seg in segments:
        if "text" in seg and "kind" not in seg:
            out.append(_inline(seg["text"]))
        elif seg["kind"] == "attribution":
            inner = _flatten(seg["children"]).strip()
            inner = f"*{inner}*" if seg["data"]["quote"] else inner
            out.append(f"**[{escape_md(seg['data']['source'])}:]** {inner}")
        elif seg["kind"] == "evidence":
            out.append(f"**{_flatten(seg['children']).strip()}** ^{escape_md(seg['data']['label'])}^")
        else:
            out.append(_flatten(seg["children"]))
    return re.sub(r"(?<=\S) {2,}", " ", "".join(out))


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def render_markdown(analysis: Analysis | dict[str, Any]) -> str:
    """The whole report as one Markdown document."""
    view = build_view(analysis if isinstance(analysis, dict) else to_dict(analysis))
    page = view["page"]
    lines = [f"# {escape_md(view['title'])}", ""]
    lines.append(
        " · ".join(
            f"**{label}:** {escape_md(page.get(key) or 'unknown')}"
            for label, key in (("Publisher", "publisher"), ("Date", "published_at"), ("Language", "language"))
        )
    )
    if view["url"]:  # an http(s) URL as a whole (``safe_url``), percent-quoted so no character ends the link
        lines.append(f"\n<{markdown_url(view['url'])}>")
    elif page.get("url"):  # not a link: shown as text
        lines.append(f"\n{escape_md(page['url'])}")
    lines += ["", ", ".join(f"{n} {name}" for name, n in view["counts"].items()), ""]
    if view["warnings"]:
        lines += ["> **Warnings**", ">"]
        lines += [f"> - **{escape_md(w.get('code'))}**: {escape_md(w.get('message'))}" for w in view["warnings"]]
        lines.append("")

    lines += ["## The accounts side by side", ""]
    if view["preface"]:
        lines += ["### Outside any account (the publisher's own voice)", ""]
        lines += [_flatten(b["segments"]).strip() + "\n" for b in view["preface"]]
    for column in view["columns"]:
        lines += [f"### {escape_md(column['name'])}", ""]
        for block in column["blocks"]:
            lines += [_flatten(block["segments"]).strip(), ""]
            for speaker in block["speakers"]:
                lines.append("  " * speaker["depth"] + f"- {escape_md(speaker['source'])} ({speaker['kind']})")
            if block["speakers"]:
                lines.append("")
        if not column["blocks"]:
            lines += ["_No paragraph in this account._", ""]

    lines += ["## Comparison of claims", ""]
    if view["alignments"]:
        lines += _table(
            ["Topic", "Verdict", "Claims", "Why"],
            [
                [
                    escape_md(a["topic"] or "—"),
                    f"**{a['verdict']}** {a['symbol']}",
                    "<br>".join(f"{escape_md(c['source'])}: {escape_md(c['text'])}" for c in a["claims"]),
                    escape_md(a["explanation"]),
                ]
                for a in view["alignments"]
            ],
        )
    else:
        lines += ["_No claims were aligned across accounts._", ""]
    if view["unaligned_claims"]:
        lines += ["Claims no alignment covers:", ""]
        lines += [f"- {escape_md(c['source'])}: {escape_md(c['text'])}" for c in view["unaligned_claims"]] + [""]

    lines += ["## Framing", ""]
    framing = view["framing"]
    choices = framing["choices"]
    if choices["rows"]:
        lines += ["What each account calls the same thing:", ""] + _table(
            ["Actor or event", *(escape_md(c) for c in choices["columns"])],
            [[escape_md(row["label"]), *(escape_md(c) or "—" for c in row["cells"])] for row in choices["rows"]],
        )
    for side in framing["sides"]:
        terms = ", ".join(f"{escape_md(t['term'])} (z {t.get('z')})" for t in side["distinctive"]) or "—"
        lines += [f"- **{escape_md(side['name'])}** distinctive terms: {terms}"]
        if side["loaded"]:
            lines += ["  - loaded: " + ", ".join(escape_md(item["text"]) for item in side["loaded"])]
    if framing["lexicon_pairs"]:
        lines += [""] + _table(
            ["Word family", *(escape_md(s["name"]) for s in framing["sides"])],
            [
                [escape_md(row["family"]), *(escape_md(c) or "—" for c in row["by_side"])]
                for row in framing["lexicon_pairs"]
            ],
        )
    if not framing["sides"] and not choices["rows"]:
        lines += ["_No framing was measured._", ""]
    lines.append("")

    lines += ["## Scorecard: actors and relations", ""]
    actors = view["actors"]
    rows = [
        [
            escape_md(a["name"]),
            escape_md(group["side"]),
            escape_md(a.get("type")),
            escape_md(", ".join(a.get("aliases") or [])),
            a["mention_count"],
            a["relations"],
        ]
        for group in actors["sides"]
        for a in group["actors"]
    ]
    lines += (
        _table(["Actor", "Side", "Type", "Also called", "Mentions", "Relations"], rows)
        if rows
        else ["_No actors were found._", ""]
    )
    if actors["relations"]:
        lines += _table(
            ["Subject", "Relation", "Object", "Asserted by", "Evidence"],
            [
                [
                    escape_md(r["subject"]),
                    escape_md(r["label"] + ("" if r["polarity"] == "asserted" else f" ({r['polarity']})")),
                    escape_md(r["object"]),
                    escape_md(r["asserted_by"] or "—"),
                    escape_md(r["evidence"]),
                ]
                for r in actors["relations"]
            ],
        )

    lines += ["## The comment section", ""]
    comments = view["comments"]
    if comments["items"]:
        lines.append("Flagged: " + ", ".join(f"{name} {n}" for name, n in comments["filters"]) + "\n")
        for c in comments["items"]:
            flags = f" _({', '.join(escape_md(f) for f in c['flags'])})_" if c["flags"] else ""
            who = escape_md(c.get("author") or "(anonymous)")
            lines.append("  " * c["depth"] + f"- **{who}**{flags}: {_flatten(c['segments']).strip()}")
        lines += ["", "### Per commenter", ""]
        lines += _table(
            ["Commenter", "Comments", "Replies received", "Flags", "Highest abuse score"],
            [
                [
                    escape_md(r["author"]),
                    r["comments"],
                    r["replies_received"],
                    escape_md(", ".join(f"{f} ×{n}" for f, n in r["flags"])) or "—",
                    f"{r['max_abuse']:.2f}",
                ]
                for r in comments["commenters"]
            ],
        )
    else:
        lines += ["_The page has no reader comments._", ""]
    return "\n".join(lines).rstrip() + "\n"
