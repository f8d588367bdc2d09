"""Renderers of the corpus-level actor scorecard (:func:`rashomon.batch.scorecard.build_scorecard`): a Rich
terminal view and one self-contained HTML page. Every string from the corpus is escaped for its output."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..batch.scorecard import Scorecard


def render_terminal(card: Scorecard, console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    console.print(
        f"[bold]Actor scorecard[/] — {card.pages} pages ({card.failed} failed), "
        f"{card.distinct_actors} actors, {card.relations_total} relations"
    )
    if not card.actors:
        console.print("No actors in this output (the actors stage found none, or did not run).")
        return
    for title, columns, rows in _tables(card):
        if not rows:
            continue
        table = Table(title=title)
        for heading, _, numeric in columns:
            table.add_column(heading, justify="right" if numeric else "left")
        for row in rows:
            table.add_row(*(_plain(row[key]) for _, key, _ in columns))
        console.print(table)
    if card.periods:
        timeline = Table(title="Pages naming each actor, by page date")
        timeline.add_column("actor")
        for period in card.periods:
            timeline.add_column(period, justify="right")
        for name, counts in card.timeline.items():
            timeline.add_row(_plain(name), *(str(counts.get(p, "")) for p in card.periods))
        console.print(timeline)


#: (heading, key, numeric) of the actor and relation tables' columns; both renderers read them.
ACTOR_COLUMNS = (
    ("actor", "name", False),
    ("type", "type", False),
    ("side", "side", False),
    ("pages", "pages", True),
    ("sites", "sites", True),
    ("mentions", "mentions", True),
    ("as subject", "as_subject", True),
    ("as object", "as_object", True),
    ("first", "first_period", False),
    ("last", "last_period", False),
)
RELATION_COLUMNS = (
    ("subject", "subject", False),
    ("relation", "type", False),
    ("object", "object", False),
    ("polarity", "polarity", False),
    ("pages", "pages", True),
    ("sites", "sites", True),
    ("evidence", "evidence", False),
)


def _tables(card: Scorecard) -> list[tuple[str, tuple[tuple[str, str, bool], ...], list[dict[str, Any]]]]:
    return [
        ("Actors, by pages that name them", ACTOR_COLUMNS, card.actors),
        ("Relations, by pages that assert them", RELATION_COLUMNS, card.relations),
    ]


def _plain(value: Any) -> str:
    """A corpus value for a Rich table: no markup, no control character or bidi override (shown escaped)."""
    from rich.markup import escape

    from .terminal import terminal_safe

    return escape(terminal_safe(value))


_CSS = """body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #ccc;padding:.25em .6em}th{background:#f3f3f3}td.n{text-align:right}
caption{font-weight:bold;text-align:left;padding:.4em 0}"""


def render_html(card: Scorecard) -> str:
    """One self-contained HTML page; all text from the corpus is escaped."""
    e = lambda value: html.escape("" if value is None else str(value))  # noqa: E731
    parts = [
        f"<!doctype html><html lang=en><meta charset=utf-8><title>rashomon actor scorecard</title>"
        f"<style>{_CSS}</style><h1>Actor scorecard</h1>"
        f"<p>{e(card.pages)} pages ({e(card.failed)} failed) from <code>{e(card.out)}</code>: "
        f"{e(card.distinct_actors)} actors, {e(card.relations_total)} relations.</p>"
    ]

    def table(caption, headers, rows, numeric):
        head = "".join(f"<th>{e(h)}</th>" for h in headers)
        body = "".join(
            "<tr>"
            + "".join(f"<td class=n>{e(v)}</td>" if i in numeric else f"<td>{e(v)}</td>" for i, v in enumerate(row))
            + "</tr>"
            for row in rows
        )
        parts.append(f"<table><caption>{e(caption)}</caption><tr>{head}</tr>{body}</table>")

    for title, columns, rows in _tables(card):
        table(
            title,
            [c[0] for c in columns],
            [[row[key] for _, key, _ in columns] for row in rows],
            {i for i, column in enumerate(columns) if column[2]},
        )
    table(
        "Pages naming each actor, by page date",
        ["actor", *card.periods],
        [[name, *(counts.get(p, "") for p in card.periods)] for name, counts in card.timeline.items()],
        set(range(1, len(card.periods) + 1)),
    )
    parts.append("</html>\n")
    return "".join(parts)
