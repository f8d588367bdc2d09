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
from .view import build_view, flag_counts

# --- settings ------------------------------------------------------------------------------------------
# Sides take the report's one palette, ``svg.SIDE_COLOURS`` (Okabe–Ito), as in the HTML report.
VERDICT_STYLES = {"agree": "bold #009E73", "compatible": "bold #56B4E9", "conflict": "bold #D55E00", "unique": "bold"}
# --------------------------------------------------------------------------------------------------------

#: What page text must never bring to a terminal: C0 controls but newline and tab (ESC starts colours, window
#: titles, OSC 8 links), DEL, C1 controls (8-bit CSI, OSC), and the bidirectional overrides, isolates and marks
#: that make text print other than it reads.
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: Any) -> str:
    """``text`` with every terminal-unsafe character shown escaped (``\\x1b``, ``\\u202e``): it prints as what it is."""
    text = str(text if text is not None else "")
    return TERMINAL_UNSAFE.sub(_escaped, text) if TERMINAL_UNSAFE.search(text) else text


def json_terminal_safe(json_text: str) -> str:
    """JSON text with every terminal-unsafe character written as a ``\\uXXXX`` escape: the same JSON value.

    Such characters can only stand inside strings (JSON's syntax is ASCII), where the escape means the same."""
    return TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def _clean(text: Any) -> str:
    """Page text for the terminal report: one line per value, unsafe characters shown escaped."""
    return terminal_safe(text)


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


def _header(view: dict[str, Any]) -> Text:
    page = view["page"]
    header = Text(_clean(view["title"]), style="bold")
    header.append(
        "\n"
        + " · ".join(
            f"{label}: {_clean(page.get(key) or 'unknown')}"
            for label, key in (("publisher", "publisher"), ("date", "published_at"), ("language", "language"))
        )
    )
    if view["narratives"]:
        header.append("\naccounts: " + ", ".join(_clean(n["name"]) for n in view["narratives"]))
    header.append("\n" + ", ".join(f"{n} {name}" for name, n in view["counts"].items()), style="dim")
    for w in view["warnings"]:
        header.append(f"\n⚠ {_clean(w.get('code'))}: {_clean(w.get('message'))}", style="#E69F00")
    return header


def _facts_table(view: dict[str, Any], brief: bool) -> Table | Text:
    """Facts side by side: a row per fact, a column per account. ``brief`` cells hold the numbers and the source
    chain only (the one-screen summary); otherwise each claim's text follows."""
    facts = view["facts"]
    if not facts["rows"]:
        return Text(_clean(view["empty"]["facts"]), style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_lines=not brief, show_edge=False, expand=True, padding=(0, 1))
    table.add_column("Fact", ratio=2, overflow="fold")
    for column in facts["columns"]:
        table.add_column(
            Text(_clean(column["name"]), style="bold " + SIDE_COLOURS[column["slot"] % len(SIDE_COLOURS)]),
            ratio=3,
            overflow="fold",
        )
    for row in facts["rows"]:
        fact = Text(_clean(row["topic"] or "—"), style="bold")
        style = "bold" if row.get("unsure") else VERDICT_STYLES.get(row["verdict"], "bold")
        fact.append(f"\n{row['symbol']} {row['verdict_words']}", style=style)
        if not brief and row["reason"]:
            fact.append("\n" + _clean(row["reason"]), style="dim")
        cells = []
        for column, cell in zip(facts["columns"], row["cells"]):
            parts = []
            for claim in cell:
                line = Text(", ".join(_clean(n) for n in claim["numbers"]) or "—", style="bold")
                # the column already names the account: the chain shows who within it says so
                chain = claim["chain"][1:] if brief and claim["chain"][:1] == [column["name"]] else claim["chain"]
                if chain:
                    line.append(" (" + ", via ".join(_clean(n) for n in reversed(chain)) + ")", style="dim")
                if not brief:
                    line.append("\n" + _clean(claim["text"]))
                parts.append(line)
            cells.append(Text("\n").join(parts) if parts else Text("no match found", style="dim italic"))
        table.add_row(fact, *cells)
    return table


def _tree(view: dict[str, Any], brief: bool) -> Tree | Text:
    """Who says what. ``brief``: the sources a relayed source cites are folded into one line under it."""
    if not view["source_tree"]:
        return Text(_clean(view["empty"]["sources"]), style="dim")

    def label(node: dict) -> Text:
        text = Text(_clean(node["name"]), style="bold")
        count = f"own voice {node['count']}×" if node["is_publisher"] else f"{node['count']}×"
        text.append(f" {_clean(node['kind'])} {count}".rstrip(), style="dim")
        return text

    def add(parent: Tree, nodes: list[dict], depth: int) -> None:
        for node in nodes:
            if brief and depth >= 2:
                continue
            branch = parent.add(label(node))
            if brief and depth == 1 and node["children"]:
                cited = sorted(node["children"], key=lambda c: -c["count"])
                folded = Text(", ".join(f"{_clean(c['name'])} {c['count']}×" for c in cited), style="dim")
                branch.add(folded)
            else:
                add(branch, node["children"], depth + 1)

    roots = view["source_tree"]
    tree = Tree(label(roots[0]) if len(roots) == 1 else Text("sources", style="bold"))
    add(tree, roots[0]["children"] if len(roots) == 1 else roots, 1)
    return tree


def render_summary(analysis: Analysis | dict[str, Any], width: int = 100, color: bool = False) -> str:
    """The one-screen summary ``rashomon analyze PAGE`` prints: the facts side by side, who says what, the counts
    of comment flags, and how to get the whole report."""
    console = Console(
        width=width, record=True, file=_Discard(), color_system="standard" if color else None, force_terminal=color
    )
    print_summary(analysis, console)
    return console.export_text(styles=color)


def print_summary(
    analysis: Analysis | dict[str, Any], console: Console, source: str = "PAGE", command: str = "analyze"
) -> None:
    view = build_view(analysis if isinstance(analysis, dict) else to_dict(analysis))
    console.print(Panel(_header(view), title="rashomon", box=box.ROUNDED))
    console.rule("Facts side by side")
    console.print(_facts_table(view, brief=True))
    console.rule("Who says what")
    console.print(_tree(view, brief=True))
    comments = view["comments"]
    flags = ", ".join(f"{name} {n}" for name, n in flag_counts(view)) or "none flagged"
    console.print(Text(f"Comments: {len(comments['items'])} ({flags})"))
    console.print(
        Text(
            f"More: rashomon {command} {_clean(source)} -o report.html --open (the whole report);"
            " -f text | md | json for the others.",
            style="dim",
        )
    )


def render_terminal(analysis: Analysis | dict[str, Any], console: Console | None = None) -> None:
    """Print the whole report to ``console`` (a new stdout console if None), in the order of the HTML report."""
    console = console or Console()
    view = build_view(analysis if isinstance(analysis, dict) else to_dict(analysis))
    console.print(Panel(_header(view), title="rashomon", box=box.ROUNDED))

    console.rule("Facts side by side")
    console.print(_facts_table(view, brief=False))
    if view["unaligned_claims"]:
        console.print(Text(f"{len(view['unaligned_claims'])} more claims no fact row covers.", style="dim"))

    console.rule("Who says what")
    console.print(_tree(view, brief=False))

    console.rule("Framing")
    framing = view["framing"]
    for row in framing["pairs"]:
        line = Text(f"{_clean(row['label'])}: ", style="bold")
        line.append(" | ".join(f"{_clean(s)}: {_clean(c)}" for s, c in zip(framing["pair_sides"], row["cells"]) if c))
        console.print(line)
    if framing.get("alike_line"):
        console.print(Text(_clean(framing["alike_line"]), style="dim"))
    for side in framing["sides"]:
        line = Text(f"{_clean(side['name'])}: ", style="bold " + SIDE_COLOURS[side["slot"] % len(SIDE_COLOURS)])
        line.append(", ".join(f"{_clean(t['term'])} ({t.get('z')})" for t in side["distinctive"]) or "—")
        console.print(line)
    for row in framing["lexicon_pairs"]:
        console.print(Text(f"  {_clean(row['family'])}: " + " | ".join(_clean(c) or "—" for c in row["by_side"])))
    if not framing["sides"]:
        console.print(Text(_clean(view["empty"]["framing"]), style="dim"))

    console.rule("Actors")
    matrix = view["matrix"]
    if matrix["rows"]:
        table = Table("Actor", "Side", *(_clean(c["name"]) for c in matrix["columns"]), box=box.SIMPLE)
        for row in matrix["rows"] + matrix["more"]:
            cells = []
            for cell in row["cells"]:
                text = Text(f"named {cell['mentions']}×" if cell["mentions"] else "", style="dim")
                for r in cell["relations"]:
                    said = f"{r['label']} {r['other']}" if r["outgoing"] else f"{r['other']} {r['label']} it"
                    text.append(f"\n{r['mark']} {_clean(said)}")
                cells.append(text)
            table.add_row(Text(_clean(row["name"])), Text(_clean(row["side"] or "—")), *cells)
        console.print(table)
    else:
        console.print(Text(_clean(view["empty"]["actors"]), style="dim"))
    for r in view["actors"]["relations"]:
        line = Text(f"{_clean(r['subject'])} —{_clean(r['label'])}→ {_clean(r['object'])}")
        if r["polarity"] != "asserted":
            line.append(f" ({r['polarity']})", style="dim")
        if r["asserted_by"]:
            line.append(f"  says {_clean(r['asserted_by'])}", style="dim")
        console.print(line)

    console.rule("The comment section")
    _comments(view, console)

    console.rule("Article text, annotated")
    console.print(Text("[Source] marks what a source says; direct quotes in italics; claims underlined.", style="dim"))
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
    else:
        console.print(Text("The page has no article text.", style="dim"))


def _comments(view: dict[str, Any], console: Console) -> None:
    comments = view["comments"]
    if not comments["items"]:
        console.print(Text("The page has no reader comments.", style="dim"))
        return
    tree = Tree(Text(", ".join(f"{name}: {n}" for name, n in comments["filters"]), style="dim"))
    open_at: list[Tree] = [tree]  # the last node shown at each depth (items come depth-first, depth capped)
    for c in comments["items"]:
        label = Text(_clean(c["who"]), style="bold")
        for _, flag in c["flag_labels"]:
            label.append(f" [{_clean(flag)}]", style="bold #D55E00")
        label.append("  ")
        _segments_text(c["segments"], label)
        depth = min(c["depth"], len(open_at) - 1)
        del open_at[depth + 1 :]
        open_at.append(open_at[depth].add(label))
    console.print(tree)
    if comments["actor_stances"]:
        sides = Table("Actor", "For", "Against", title="Sides taken on the page's actors", box=box.SIMPLE)
        for r in comments["actor_stances"]:
            sides.add_row(
                Text(_clean(r["actor"])),
                *(
                    Text(f"{len(r[side])}" + (": " + ", ".join(_clean(c["who"]) for c in r[side]) if r[side] else ""))
                    for side in ("pro", "anti")
                ),
            )
        console.print(sides)
    table = Table("Commenter", "Comments", "Replies received", "Flags", "Max abuse flagged", box=box.SIMPLE)
    for r in comments["commenters"]:
        table.add_row(
            Text(_clean(r["author"])),
            str(r["comments"]),
            str(r["replies_received"]),
            Text(", ".join(f"{_clean(f)} ×{n}" for f, n in r["flags"]) or "—"),
            "not scored" if not r["scored"] else "—" if r["max_abuse"] is None else f"{r['max_abuse']:.2f}",
        )
    console.print(table)
