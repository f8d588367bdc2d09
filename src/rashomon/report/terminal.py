"""The report in the terminal, with Rich.

Reads the same view as the HTML report. Page text is only ever put into ``rich.text.Text`` objects, never into
console markup, so a comment containing ``[bold red]`` or escape sequences prints as the characters it is.
"""

from __future__ import annotations

import re
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..contract import to_dict
from ..model import Analysis
from .svg import SIDE_COLOURS
from .view import build_view

# --- settings ------------------------------------------------------------------------------------------
# Sides take the report's one palette, ``svg.SIDE_COLOURS`` (Okabe–Ito), as in the HTML report.
VERDICT_STYLES = {"agree": "bold #009E73", "compatible": "bold #56B4E9", "conflict": "bold #D55E00", "unique": "bold"}
# --------------------------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


def _clean(text: Any) -> str:
    """Drop control characters (terminal escape sequences) from page text."""
    return _CONTROL.sub("", str(text if text is not None else ""))


def _segments_text(segments: list[dict], out: Text | None = None, quote: bool = False) -> Text:
    out = out if out is not None else Text()
    for seg in segments:
        if "kind" not in seg:
            out.append(_clean(seg["text"]), style="italic" if quote else None)
        elif seg["kind"] == "attribution":
            out.append(f"[{_clean(seg['data']['source'])}] ", style="bold reverse")
            _segments_text(seg["children"], out, seg["data"]["quote"])
        elif seg["kind"] == "evidence":
            start = len(out)
            _segments_text(seg["children"], out, quote)
            out.stylize("bold underline #D55E00", start, len(out))
            out.append(f"⟨{_clean(seg['data']['label'])}⟩", style="#D55E00")
        elif seg["kind"] == "claim":
            start = len(out)
            _segments_text(seg["children"], out, quote)
            out.stylize("underline", start, len(out))
        else:
            _segments_text(seg["children"], out, quote)
    return out


def render_text(analysis: Analysis | dict[str, Any], width: int = 100, color: bool = False) -> str:
    """The terminal report as a string (for ``--format text`` written to a file or a pipe)."""
    console = Console(
        width=width, record=True, file=_Discard(), color_system="standard" if color else None, force_terminal=color
    )
    render_terminal(analysis, console)
    return console.export_text(styles=color)


class _Discard:
    """A file that drops what is written: the recording console keeps the text."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def render_terminal(analysis: Analysis | dict[str, Any], console: Console | None = None) -> None:
    """Print the report to ``console`` (a new stdout console if None)."""
    console = console or Console()
    view = build_view(analysis if isinstance(analysis, dict) else to_dict(analysis))
    page = view["page"]
    header = Text(_clean(view["title"]), style="bold")
    header.append(
        "\n"
        + " · ".join(
            f"{label}: {_clean(page.get(key) or 'unknown')}"
            for label, key in (("publisher", "publisher"), ("date", "published_at"), ("language", "language"))
        )
    )
    header.append("\n" + ", ".join(f"{n} {name}" for name, n in view["counts"].items()), style="dim")
    for w in view["warnings"]:
        header.append(f"\n⚠ {_clean(w.get('code'))}: {_clean(w.get('message'))}", style="#E69F00")
    console.print(Panel(header, title="rashomon", box=box.ROUNDED))

    console.rule("The accounts side by side")
    for block in view["preface"]:
        console.print(_segments_text(block["segments"]), style="dim")
    if view["columns"]:
        panels = []
        for column in view["columns"]:
            body = [_segments_text(b["segments"]) for b in column["blocks"]] or [Text("(no paragraph)", style="dim")]
            panels.append(
                Panel(
                    Group(*[Group(t, Text("")) for t in body]),
                    title=Text(_clean(column["name"])),
                    border_style=SIDE_COLOURS[column["slot"] % len(SIDE_COLOURS)],
                )
            )
        grid = Table.grid(expand=True, padding=(0, 1))
        for _ in panels:
            grid.add_column(ratio=1)
        grid.add_row(*panels)
        console.print(grid)

    console.rule("Comparison of claims")
    if view["alignments"]:
        table = Table(box=box.SIMPLE_HEAVY, show_lines=True)
        for name in ("Topic", "Verdict", "Claims", "Why"):
            table.add_column(name, overflow="fold")
        for a in view["alignments"]:
            claims = Text("\n").join(Text(f"{_clean(c['source'])}: {_clean(c['text'])}") for c in a["claims"])
            table.add_row(
                Text(_clean(a["topic"] or "—")),
                Text(f"{a['symbol']} {a['verdict']}", style=VERDICT_STYLES[a["verdict"]]),
                claims,
                Text(_clean(a["explanation"])),
            )
        console.print(table)
    else:
        console.print(Text("No claims were aligned across accounts.", style="dim"))

    console.rule("Framing")
    choices = view["framing"]["choices"]
    for row in choices["rows"]:
        console.print(Text(f"{_clean(row['label'])}:", style="bold"))
        for column, cell in zip(choices["columns"], row["cells"], strict=True):
            if cell:
                console.print(Text(f"  {_clean(column)}: {_clean(cell)}"))
    for side in view["framing"]["sides"]:
        line = Text(f"{_clean(side['name'])}: ", style="bold " + SIDE_COLOURS[side["slot"] % len(SIDE_COLOURS)])
        line.append(", ".join(f"{_clean(t['term'])} ({t.get('z')})" for t in side["distinctive"]) or "—")
        console.print(line)
    for row in view["framing"]["lexicon_pairs"]:
        console.print(Text(f"  {_clean(row['family'])}: " + " | ".join(_clean(c) or "—" for c in row["by_side"])))
    if not view["framing"]["sides"] and not choices["rows"]:
        console.print(Text("No framing was measured.", style="dim"))

    console.rule("Scorecard")
    actors = view["actors"]
    if actors["sides"]:
        table = Table("Actor", "Side", "Type", "Mentions", "Relations", box=box.SIMPLE)
        for group in actors["sides"]:
            for a in group["actors"]:
                table.add_row(
                    Text(_clean(a["name"])),
                    Text(_clean(group["side"])),
                    Text(_clean(a.get("type"))),
                    str(a["mention_count"]),
                    str(a["relations"]),
                )
        console.print(table)
    for r in actors["relations"]:
        line = Text(f"{_clean(r['subject'])} —{_clean(r['label'])}→ {_clean(r['object'])}")
        if r["polarity"] != "asserted":
            line.append(f" ({r['polarity']})", style="dim")
        if r["asserted_by"]:
            line.append(f"  says {_clean(r['asserted_by'])}", style="dim")
        console.print(line)
    if not actors["sides"]:
        console.print(Text("No actors were found.", style="dim"))

    console.rule("The comment section")
    comments = view["comments"]
    if not comments["items"]:
        console.print(Text("The page has no reader comments.", style="dim"))
        return
    tree = Tree(Text(", ".join(f"{name}: {n}" for name, n in comments["filters"]), style="dim"))
    nodes: dict[str, Tree] = {}
    for c in comments["items"]:
        label = Text(_clean(c.get("author") or "(anonymous)"), style="bold")
        for flag in c["flags"]:
            label.append(f" [{_clean(flag)}]", style="bold #D55E00")
        label.append("  ")
        _segments_text(c["segments"], label)
        parent = nodes.get(c.get("reply_to")) if c["depth"] else None
        nodes[c["id"]] = (parent or tree).add(label)
    console.print(tree)
    table = Table("Commenter", "Comments", "Replies received", "Flags", "Max abuse", box=box.SIMPLE)
    for r in comments["commenters"]:
        table.add_row(
            Text(_clean(r["author"])),
            str(r["comments"]),
            str(r["replies_received"]),
            Text(", ".join(f"{_clean(f)} ×{n}" for f, n in r["flags"]) or "—"),
            f"{r['max_abuse']:.2f}",
        )
    console.print(table)
