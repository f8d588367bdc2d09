"""The ``rashomon`` command (Typer + Rich).

Every command validates its input at the edge and turns a :class:`~rashomon.errors.RashomonError` into one
plain line on standard error and a non-zero exit code: a user never sees a traceback for bad input.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import settings
from .console import (
    CONFIG_HELP,
    SET_HELP,
    err_console,
    fail,
    for_terminal,
    guarded,
    out_console,
    page_source,
    page_time_limit,
    plain,
    run_options,
    write_output,
)
from .report import RENDERERS

app = typer.Typer(
    name="rashomon",
    help="Lay out the accounts a news page tells side by side: who says what, claims, framing, actors, comments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


#: Output formats: one per renderer registered in ``rashomon.report.RENDERERS``.
Format = Enum("Format", {name: name for name in RENDERERS}, type=str)  # type: ignore[misc]

PAGE_TIMEOUT_OPTION = typer.Option(
    settings.PAGE_TIMEOUT_SECONDS,
    "--page-timeout",
    min=0,
    help="Seconds a page may take before it is given up (0: none).",
)


def summary(analysis, destination: str | None) -> None:
    """A few lines for a person: what was found, and what went wrong."""
    page = analysis.page
    console = err_console if destination is None else out_console
    console.print(f"[bold]{plain(page.title or '(no title)')}[/]", highlight=False)
    console.print(
        f"  blocks {len(page.blocks)} · sources {len(analysis.sources)} · attributions {len(analysis.attributions)}"
        f" · claims {len(analysis.claims)} · actors {len(analysis.actors)} · comments {len(page.comments)}",
        highlight=False,
    )
    for warning in analysis.warnings:
        console.print(f"  [yellow]warning[/] {plain(warning.code)}: {plain(warning.message)}", highlight=False)
    if destination:
        console.print(f"  written to {plain(destination)}", highlight=False)


@app.command()
@guarded
def analyze(
    path: str = typer.Argument(..., help="A page: an HTML file or a text dump; '-' reads standard input."),
    format: Format = typer.Option("json", "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    url: Optional[str] = typer.Option(None, help="The page's URL, if known."),
    published_at: Optional[str] = typer.Option(None, "--published-at", help="The page's date (ISO 8601)."),
    publisher: Optional[str] = typer.Option(None, help="Who publishes the page (a text dump does not say)."),
    kind: str = typer.Option("auto", help="Input kind: auto, text or html."),
    comment_styles: list[Path] = typer.Option([], "--comment-styles", help="Extra YAML file of comment dump styles."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor alias table (YAML or JSON); repeatable."),
    stages: Optional[str] = typer.Option(None, "--stages", help="Comma-separated stages to run (default: all)."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    set_: list[str] = typer.Option([], "--set", help=SET_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
    page_timeout: float = PAGE_TIMEOUT_OPTION,
) -> None:
    """Analyze one page and print or write the result."""
    from .pipeline import analyze as run
    from .report import render

    options = run_options(config, set_, actors=actors, comment_styles=comment_styles, stages=stages)
    with page_time_limit(page_timeout, path):
        analysis = run(
            page_source(path), url=url, published_at=published_at, publisher=publisher, kind=kind, options=options
        )
    rendered = render(analysis, format.value)
    if output:
        write_output(output, rendered)
    else:
        sys.stdout.write(for_terminal(rendered if rendered.endswith("\n") else rendered + "\n", format.value))
    if not quiet:
        summary(analysis, str(output) if output else None)


@app.command()
@guarded
def compare(
    paths: list[Path] = typer.Argument(..., help="Two or more pages (HTML or text dumps), one outlet each."),
    format: str = typer.Option("json", "--format", "-f", help="Output format: json or text."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    page_timeout: float = PAGE_TIMEOUT_OPTION,
) -> None:
    """Compare the same event told by different outlets: one column per page, verdicts per fact, framing."""
    import json

    from .compare import compare_pages
    from .pipeline import analyze as run
    from .report.comparison import comparison_text

    if format not in ("json", "text"):
        fail(f"--format must be json or text, not {format!r}")
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        fail(f"no such file: {', '.join(missing)}")
    if len(paths) < 2:
        err_console.print("[yellow]warning[/] one page given: nothing to compare across pages", highlight=False)
    analyses = []
    for path in paths:
        with page_time_limit(page_timeout, str(path)):
            analyses.append(run(Path(path)))
    result = compare_pages(analyses)
    rendered = json.dumps(result, indent=2, ensure_ascii=False) + "\n" if format == "json" else comparison_text(result)
    if output:
        write_output(output, rendered)
    else:
        sys.stdout.write(for_terminal(rendered, format))


@app.command()
@guarded
def comments(
    path: str = typer.Argument(..., help="A page: an HTML file or a text dump; '-' reads standard input."),
    kind: str = typer.Option("auto", help="Input kind: auto, text or html."),
    page_timeout: float = PAGE_TIMEOUT_OPTION,
) -> None:
    """The comment section alone: thread tree, per-commenter summary and every comment's scores and flags."""
    import json

    from .comments import commenter_summary, thread_tree
    from .contract import to_dict
    from .pipeline import analyze as run
    from .pipeline import with_requirements

    with page_time_limit(page_timeout, path):
        analysis = run(page_source(path), kind=kind, stage_names=with_requirements(["comments"]))
    comments, data = analysis.page.comments, to_dict(analysis)
    sys.stdout.write(
        for_terminal(
            json.dumps(
                {
                    "threads": thread_tree(comments),
                    "commenters": commenter_summary(comments),
                    "comments": data["comments"],
                    "warnings": data["warnings"],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n",
            "json",
        )
    )


@app.command()
@guarded
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    db: Optional[Path] = typer.Option(
        None, "--db", help="SQLite store (default: rashomon.db in the user data folder)."
    ),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host", help="Another host name clients may use (when serving beyond this machine); repeatable."
    ),
) -> None:
    """Serve the web app: paste or upload pages, read reports, search, compare stored pages."""
    from .web import serve as run

    run(host, port, db, allowed_hosts=allowed_host)


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of the analysis output."""
    import json

    from .contract import shipped_schema

    sys.stdout.write(json.dumps(shipped_schema(), indent=2) + "\n")


@app.command()
@guarded
def version() -> None:
    """Print rashomon's version and the spaCy model it uses."""
    from . import __version__, nlp

    out_console.print(f"rashomon {__version__} · spaCy model {nlp.model_name(nlp.load())}", highlight=False)


def _register_batch_commands() -> None:
    from .batch.commands import register

    register(app)


_register_batch_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
