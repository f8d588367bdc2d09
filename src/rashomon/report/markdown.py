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
from .terminal import terminal_safe
from .view import build_view

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
#: Characters a URL keeps as they are: RFC 3986 reserved ones and ``%`` (already escaped), except the brackets
#: and parentheses that delimit Markdown links; everything else (spaces, non-ASCII) is percent-encoded.
_URL_SAFE = ":/?#@!$&'*+,;=%"


def escape_md(text: Any) -> str:
    """Escape Markdown syntax and HTML markup; newlines become spaces (every value sits on one line)."""
    text = " ".join(terminal_safe(text).split())  # Markdown is read in terminals: no raw escape sequences
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


def _labels(segments: list[dict]) -> list[str]:
    """The evidence labels inside ``segments`` (evidence spans nest when two labels point at one phrase)."""
    out: list[str] = []
    for seg in segments:
        if seg.get("kind") == "evidence":
            out.append(str(seg["data"].get("label") or ""))
        out += _labels(seg.get("children") or [])
    return out


def _flatten(segments: list[dict], strong: bool = False) -> str:
    """Segments as inline Markdown: attributions become ``**source:** …`` (direct quotes italic), comment
    evidence bold with its labels after it in parentheses. Emphasis never nests inside emphasis of the same kind,
    so every ``*`` pairs up under CommonMark's rules."""
    out = []
    for seg in segments:
        if "text" in seg and "kind" not in seg:
            out.append(_inline(seg["text"]))
        elif seg["kind"] == "attribution":
            inner = _flatten(seg["children"], strong).strip()
            if seg["data"]["quote"] and inner and not strong:
                inner = f"_{inner}_" if "_" not in inner.replace("\\_", "") else inner
            who = escape_md(seg["data"]["source"])
            out.append(f" {who}: {inner} " if strong else f" **{who}:** {inner} ")
        elif seg["kind"] == "evidence":
            inner = _flatten(seg["children"], True).strip()
            if strong:
                out.append(inner)
                continue
            labels = ", ".join(escape_md(label) for label in dict.fromkeys(_labels([seg])) if label)
            out.append(f" **{inner}**" + (f" ({labels}) " if labels else " "))
        else:
            out.append(_flatten(seg["children"], strong))
    return re.sub(r"\) (?=[.,;:!?])", ")", re.sub(r" {2,}", " ", "".join(out)))


def _chain(chain: list[str]) -> str:
    """A source chain innermost first: ``the Observatory, via Reuters``."""
    return ", via ".join(escape_md(name) for name in reversed(chain))


def _fact_claim(claim: dict) -> str:
    """One claim of a fact cell: its figures, who it relays (none for the outlet's own words: the column
    names the outlet), a hedge, and the words."""
    numbers = ", ".join(f"**{escape_md(n)}**" for n in claim["numbers"])
    hedge = f"(hedged: {escape_md(claim['hedge'])})" if claim["hedge"] else ""
    speaker = " ".join(part for part in (_chain(claim["chain"]), hedge) if part)
    return f"  - {numbers + ' — ' if numbers else ''}{speaker + ': ' if speaker else ''}{escape_md(claim['text'])}"


def _tree(nodes: list[dict], depth: int = 0) -> list[str]:
    lines = []
    for node in nodes:
        kind = f" ({escape_md(node['kind'])})" if node["kind"] else ""
        count = f"the page's own voice, {node['count']}×" if node["is_publisher"] else f"cited {node['count']}×"
        if node["quotes"] and not node["is_publisher"]:
            count += f", {node['quotes']} quoted"
        lines.append("  " * depth + f"- **{escape_md(node['name'])}**{kind}: {count}")
        lines += _tree(node["children"], depth + 1)
    return lines


def render_markdown(analysis: Analysis | dict[str, Any]) -> str:
    """The whole report as one Markdown document (CommonMark: lists and emphasis, no tables), in the order of the
    HTML report: header, facts side by side, who says what, framing, actors, comments, then the article text."""
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
    if view["narratives"]:
        lines += ["", "**Accounts found:** " + ", ".join(escape_md(n["name"]) for n in view["narratives"])]
    lines += ["", ", ".join(f"{n} {name}" for name, n in view["counts"].items()), ""]
    if view["warnings"]:
        lines += ["> **Warnings**", ">"]
        lines += [f"> - **{escape_md(w.get('code'))}**: {escape_md(w.get('message'))}" for w in view["warnings"]]
        lines.append("")

    lines += ["## Facts side by side", ""]
    facts = view["facts"]
    for row in facts["rows"]:
        topic = escape_md(row["topic"] or "—")
        lines += [f"### {topic}: {row['symbol']} {escape_md(row['verdict_words'])}", ""]
        if row["reason"]:
            lines += [f"_Why:_ {escape_md(row['reason'])}", ""]
        for column, cell in zip(facts["columns"], row["cells"]):
            if not cell:
                lines.append(f"- **{escape_md(column['name'])}**: no match found")
                continue
            lines.append(f"- **{escape_md(column['name'])}**:")
            lines += [_fact_claim(claim) for claim in cell]
        lines.append("")
    if not facts["rows"]:
        lines += [f"_{escape_md(view['empty']['facts'])}_", ""]
    if view["unaligned_claims"]:
        lines += ["Claims no fact row covers:", ""]
        lines += [f"- {escape_md(c['source'])}: {escape_md(c['text'])}" for c in view["unaligned_claims"]] + [""]

    lines += ["## Who says what", ""]
    lines += (
        (_tree(view["source_tree"]) + [""]) if view["source_tree"] else [f"_{escape_md(view['empty']['sources'])}_", ""]
    )

    lines += ["## Framing", ""]
    framing = view["framing"]
    if framing["pairs"]:
        lines += ["### Paired word choices", ""]
        for row in framing["pairs"]:
            said = "; ".join(
                f"{escape_md(side)}: {escape_md(cell)}"
                for side, cell in zip(framing["pair_sides"], row["cells"])
                if cell
            )
            lines.append(f"- **{escape_md(row['label'] or '—')}**: {said}")
        lines.append("")
    if framing.get("alike_line"):
        lines += [escape_md(framing["alike_line"]), ""]
    for side in framing["sides"]:
        terms = ", ".join(f"{escape_md(t['term'])} (z {t.get('z')})" for t in side["distinctive"]) or "—"
        lines += [f"- **{escape_md(side['name'])}** distinctive words: {terms}"]
        if side["loaded"]:
            lines += ["  - loaded: " + ", ".join(_loaded_item(item) for item in side["loaded"])]
        if side.get("loaded_leads"):
            leads = ", ".join(_loaded_item(item) for item in side["loaded_leads"])
            lines += ["  - possibly loaded (leads to check, not findings): " + leads]
    if framing["lexicon_pairs"]:
        lines += ["", "Framing lexicon, by word family:", ""]
        for row in framing["lexicon_pairs"]:
            said = "; ".join(
                f"{escape_md(side['name'])}: {escape_md(cell) or '—'}"
                for side, cell in zip(framing["sides"], row["by_side"])
            )
            lines.append(f"- **{escape_md(row['family'])}**: {said}")
    if not framing["sides"]:
        lines += [f"_{escape_md(view['empty']['framing'])}_"]
    lines.append("")

    lines += ["## Actors", ""]
    matrix = view["matrix"]
    for row in matrix["rows"] + matrix["more"]:
        side = f" ({escape_md(row['side'])})" if row["side"] else ""
        lines.append(f"- **{escape_md(row['name'])}**{side}")
        for column, cell in zip(matrix["columns"], row["cells"]):
            if not cell["mentions"] and not cell["relations"]:
                continue
            relations = [
                f"{r['mark']} "
                + (f"{r['label']} {r['other']}" if r["outgoing"] else f"{r['other']} {r['label']} it")
                + ("" if r["polarity"] == "asserted" else f" ({r['polarity']})")
                + (f" ×{r['times']}" if r["times"] > 1 else "")
                for r in cell["relations"]
            ]
            lines.append(
                f"  - {escape_md(column['name'])}: named {cell['mentions']}×"
                + ("; " + "; ".join(escape_md(x) for x in relations) if relations else "")
            )
    if not matrix["rows"]:
        lines.append(f"_{escape_md(view['empty']['actors'])}_")
    lines.append("")
    actors = view["actors"]
    if actors["relations"]:
        lines += ["Relations, as the page asserts them:", ""]
        for r in actors["relations"]:
            polarity = "" if r["polarity"] == "asserted" else f" ({r['polarity']})"
            by = f", says {escape_md(r['asserted_by'])}" if r["asserted_by"] else ""
            lines.append(
                f"- {escape_md(r['subject'])} **{escape_md(r['label'])}**{polarity} {escape_md(r['object'])}{by}:"
                f" “{escape_md(r['evidence'])}”"
            )
        lines.append("")

    lines += ["## The comment section", ""]
    comments = view["comments"]
    if comments["items"]:
        lines.append("Flagged: " + ", ".join(f"{name} {n}" for name, n in comments["filters"]) + "\n")
        for c in comments["items"]:
            flags = f" ({', '.join(escape_md(label) for _, label in c['flag_labels'])})" if c["flag_labels"] else ""
            who = escape_md(c["who"])
            lines.append("  " * c["depth"] + f"- **{who}**{flags}: {_flatten(c['segments']).strip()}")
        if comments["actor_stances"]:
            lines += ["", "### Sides taken on the page's actors", ""]
            for r in comments["actor_stances"]:
                sides = "; ".join(
                    f"{label} {len(r[side])}"
                    + (f" ({', '.join(escape_md(c['who']) for c in r[side])})" if r[side] else "")
                    for side, label in (("pro", "for"), ("anti", "against"))
                )
                lines.append(f"- **{escape_md(r['actor'])}**: {sides}")
        lines += ["", "### Per commenter", ""]
        for r in comments["commenters"]:
            flags = escape_md(", ".join(f"{f} ×{n}" for f, n in r["flags"])) or "no flags"
            lines.append(
                f"- **{escape_md(r['author'])}**: {r['comments']} comments, {r['replies_received']} replies received,"
                f" {flags}, "
                + (
                    "not scored"
                    if not r["scored"]
                    else "no abuse flag"
                    if r["max_abuse"] is None
                    else f"highest abuse score flagged {r['max_abuse']:.2f}"
                )
            )
        lines.append("")
    else:
        lines += ["_The page has no reader comments._", ""]

    lines += ["## Article text, annotated", ""]
    lines += ["_Legend: **Source:** marks what a source says; direct quotes are in italics._", ""]
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
    if not view["columns"]:
        lines += ["_The page has no article text._", ""]
    return "\n".join(lines).rstrip() + "\n"


def _loaded_item(item: dict) -> str:
    """A loaded word with its kind and, when measured, how often a flag of its kind was right."""
    notes = [escape_md(str(item["label"]))] if item.get("label") else []
    if item.get("whose"):
        notes.append(escape_md(str(item["whose"])))
    if item.get("confidence_words"):
        notes.append(item["confidence_words"])
    return escape_md(item["text"]) + (f" ({'; '.join(notes)})" if notes else "")
