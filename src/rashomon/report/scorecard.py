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
    actors = Table(title="Actors, by pages that name them")
    for column in ("actor", "type", "side", "pages", "sites", "mentions", "as subject", "as object", "first", "last"):
        actors.add_column(
            column, justify="right" if column in ("pages", "sites", "mentions", "as subject", "as object") else "left"
        )
    for a in card.actors:
        actors.add_row(
            *(
                _plain(v)
                for v in (
                    a["name"],
                    a["type"],
                    a["side"],
                    a["pages"],
                    a["sites"],
                    a["mentions"],
                    a["as_subject"],
                    a["as_object"],
                    a["first_period"],
                    a["last_period"],
                )
            )
        )
    console.print(actors)
    if card.relations:
        relations = Table(title="Relations, by pages that assert them")
        for column in ("subject", "relation", "object", "polarity", "pages", "sites", "evidence"):
            relations.add_column(column)
        for r in card.relations:
            relations.add_row(
                *(
                    _plain(v)
                    for v in (
                        r["subject"],
                        r["type"],
                        r["object"],
                        r["polarity"],
                        r["pages"],
                        r["sites"],
                        r["evidence"],
                    )
                )
            )
        console.print(relations)
    if card.periods:
        timeline = Table(title="Pages naming each actor, by page date")
        timeline.add_column("actor")
        for period in card.periods:
            timeline.add_column(period, justify="right")
        for name, counts in card.timeline.items():
            timeline.add_row(_plain(name), *(str(counts.get(p, "")) for p in card.periods))
        console.print(timeline)


def _plain(value: Any) -> str:
    from rich.markup import escape

    return escape("" if value is None else str(value))


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

    table(
        "Actors, by pages that name them",
        ["actor", "type", "side", "pages", "sites", "mentions", "as subject", "as object", "first", "last"],
        [
            [
                a["name"],
                a["type"],
                a["side"],
                a["pages"],
                a["sites"],
                a["mentions"],
                a["as_subject"],
                a["as_object"],
                a["first_period"],
                a["last_period"],
            ]
            for a in card.actors
        ],
        {3, 4, 5, 6, 7},
    )
    table(
        "Relations, by pages that assert them",
        ["subject", "relation", "object", "polarity", "pages", "sites", "evidence"],
        [
            [r["subject"], r["type"], r["object"], r["polarity"], r["pages"], r["sites"], r["evidence"]]
            for r in card.relations
        ],
        {4, 5, 6},
    )
    table(
        "Pages naming each actor, by page date",
        ["actor", *card.periods],
        [[name, *(counts.get(p, "") for p in card.periods)] for name, counts in card.timeline.items()],
        set(range(1, len(card.periods) + 1)),
    )
    parts.append("</html>\n")
    return "".join(parts)
