"""The ``batch``, ``query`` and ``scorecard`` commands, for the CLI to register: ``register(app)``.

They live here, next to the engines they drive, and use the CLI's shared helpers (:mod:`rashomon.console`), so
``rashomon.cli`` only needs ``from .batch.commands import register; register(app)`` and neither imports the other
the other way round.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app`` (once: registering twice is a no-op)."""
    from .. import settings
    from ..console import (
        CONFIG_HELP,
        RENDER_HELP,
        SET_HELP,
        err_console,
        fail,
        guarded,
        out_console,
        plain,
        run_options,
        write_output,
    )

    if any(_command_name(c) == "batch" for c in app.registered_commands):
        return

    @app.command()
    @guarded
    def batch(
        inputs: list[str] = typer.Argument(
            ...,
            help="Folders of HTML/text pages, JSONL or WARC files, globs, http(s) URLs or .urls files (a URL a line).",
        ),
        out: Path = typer.Option(..., "--out", "-o", help="Output folder: a Parquet dataset (created if missing)."),
        engine: Engine = typer.Option(Engine.local, "--engine", help="local: a process pool; ray: Ray Data."),
        workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Worker processes (default: CPUs)."),
        address: Optional[str] = typer.Option(None, "--address", help="Ray cluster: ray://host:port or auto."),
        resume: bool = typer.Option(False, "--resume", help="Finish an interrupted batch; skip pages already done."),
        stages: Optional[str] = typer.Option(None, "--stages", help="Comma-separated stages to run (default: all)."),
        actors: list[Path] = typer.Option([], "--actors", help="Extra actor alias table (YAML or JSON); repeatable."),
        page_timeout: float = typer.Option(
            settings.PAGE_TIMEOUT_SECONDS,
            "--page-timeout",
            min=0,
            help="Seconds a page may take before it is an error row (0: none).",
        ),
        config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
        set_: list[str] = typer.Option([], "--set", help=SET_HELP),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        stories: bool = typer.Option(False, "--stories", help="Then group the pages into stories (rashomon stories)."),
        render: bool = typer.Option(False, "--render", help=RENDER_HELP),
    ) -> None:
        """Analyze a corpus into a Parquet dataset; the exit code is the number of pages that failed (max 125)."""
        from . import run_batch

        if address and engine is not Engine.ray:
            fail("--address is for --engine ray")
        run = run_options(config, set_, actors=actors, stages=stages)
        if render:
            from dataclasses import replace

            run = replace(run, read=replace(run.read, render=True))
        options: dict[str, Any] = {
            "workers": workers,
            "resume": resume,
            "progress": not quiet,
            "page_timeout": page_timeout or None,
            "options": run,
        }
        if engine is Engine.ray:
            options["address"] = address
        result = run_batch(inputs, out, engine=engine.value, **options)
        err_console.print(plain(result.describe()), highlight=False)
        if stories and not result.interrupted:
            from ..stories import build_stories

            grouped = build_stories(out, engine=engine.value, workers=workers, address=address)
            err_console.print(plain(grouped.describe()), highlight=False)
        raise typer.Exit(result.exit_code)

    @app.command()
    @guarded
    def query(
        out: Path = typer.Argument(..., help="A batch output folder."),
        sql: str = typer.Argument(
            ..., help="SQL over the views pages, comments, claims, actors, relations, errors (and the story tables)."
        ),
        format: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
        limit: int = typer.Option(50, "--limit", help="Rows shown in a table (csv and json print all)."),
    ) -> None:
        """Run DuckDB SQL over a batch output, e.g. "SELECT site, count(*) FROM comments GROUP BY site"."""
        import csv
        import json

        from rich.markup import escape
        from rich.table import Table

        from ..report.terminal import json_terminal_safe, terminal_safe
        from .query import query as run_query

        if format not in ("table", "csv", "json"):
            fail(f"--format must be table, csv or json, not {format!r}")
        rows, columns = run_query(out, sql)
        # page text in the rows never reaches the terminal raw: JSON escapes it, CSV and tables show it escaped
        if format == "csv":
            writer = csv.writer(sys.stdout)
            writer.writerow([terminal_safe(c) for c in columns])
            writer.writerows(
                [[v if v is None or isinstance(v, (int, float)) else terminal_safe(v) for v in row] for row in rows]
            )
        elif format == "json":
            for row in rows:
                sys.stdout.write(
                    json_terminal_safe(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str)) + "\n"
                )
        else:
            table = Table(
                *(escape(terminal_safe(c)) for c in columns),
                caption=f"{len(rows)} rows" + (f", first {limit} shown" if len(rows) > limit else ""),
            )
            for row in rows[:limit]:
                table.add_row(*(escape(terminal_safe("" if v is None else v)) for v in row))
            out_console.print(table)

    @app.command()
    @guarded
    def scorecard(
        out: Path = typer.Argument(..., help="A batch output folder."),
        html: Optional[Path] = typer.Option(None, "--html", help="Also write a self-contained HTML page here."),
        top: int = typer.Option(25, "--top", min=1, help="Actors and relations shown."),
    ) -> None:
        """The corpus-level actor scorecard: actors and relations across pages and over time (by page date)."""
        from ..report.scorecard import render_html, render_terminal
        from .scorecard import build_scorecard

        card = build_scorecard(out, top_actors=top, top_relations=top)
        render_terminal(card, out_console)
        if html:
            write_output(html, render_html(card))
            err_console.print(f"written to {html}", highlight=False)

    @app.command("stories")
    @guarded
    def stories_command(
        out: Path = typer.Argument(..., help="A batch output folder."),
        html: Optional[Path] = typer.Option(None, "--html", help="Also write a self-contained HTML page here."),
        engine: Engine = typer.Option(Engine.local, "--engine", help="local: this process; ray: Ray Data actors."),
        workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Encoder threads or Ray actors."),
        address: Optional[str] = typer.Option(None, "--address", help="Ray cluster: ray://host:port or auto."),
        top: int = typer.Option(40, "--top", min=1, help="Stories shown (told by the most outlets first)."),
        no_compare: bool = typer.Option(False, "--no-compare", help="Skip the per-story comparison of accounts."),
    ) -> None:
        """Group a batch output's pages into stories (new pages join existing ones), with the outlets x stories
        coverage, actor relations per story and a side-by-side comparison of each story's accounts; the tables
        (stories, story_pages, coverage, story_relations, story_comparisons) are views for rashomon query."""
        from ..report.stories import render_html, render_terminal
        from ..stories import build_stories
        from ..stories.view import stories_view

        if address and engine is not Engine.ray:
            fail("--address is for --engine ray")
        summary = build_stories(out, engine=engine.value, workers=workers, address=address, compare=not no_compare)
        err_console.print(plain(summary.describe()), highlight=False)
        view = stories_view(out, top=top)
        render_terminal(view, out_console)
        if html:
            write_output(html, render_html(view))
            err_console.print(f"written to {plain(str(html))}", highlight=False)


def _command_name(command) -> str | None:
    return command.name or getattr(command.callback, "__name__", None)
