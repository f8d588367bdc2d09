"""The ``rashomon`` command (Typer + Rich).

Every command validates its input at the edge and turns a :class:`~rashomon.errors.RashomonError` into one
plain line on standard error and a non-zero exit code: a user never sees a traceback for bad input.
"""

from __future__ import annotations

import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

import typer

from . import settings
from .console import (
    CONFIG_HELP,
    RENDER_HELP,
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
from .report import FORMAT_OF_SUFFIX, RENDERERS, SUFFIXES

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
    path: str = typer.Argument(
        ..., help="A page: an http(s) URL, an HTML file or a text dump; '-' reads standard input."
    ),
    format: Optional[Format] = typer.Option(
        None,
        "--format",
        "-f",
        help="Output format. Default: a one-screen summary on the terminal, or the format of --output's suffix "
        "(.html, .md, .json, .txt).",
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    open_: bool = typer.Option(
        False, "--open", help="Open the written report (HTML unless --format says otherwise) in the browser."
    ),
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
    in_browser: bool = typer.Option(False, "--render", help=RENDER_HELP),
    page_timeout: float = PAGE_TIMEOUT_OPTION,
) -> None:
    """Analyze one page: a one-screen summary, or the whole report written with -o report.html (--open opens it)."""
    from .pipeline import analyze as run
    from .report import render

    fmt = output_format(format.value if format else None, output, open_)
    if open_ and output is None:
        output = Path(tempfile.mkdtemp(prefix="rashomon-")) / f"{Path(path).stem or 'page'}{SUFFIXES[fmt]}"
    options = run_options(config, set_, actors=actors, comment_styles=comment_styles, stages=stages)
    # a URL is fetched within its own limits
    source = page_source(path, in_browser or options.read.render, options.read.consent)
    with page_time_limit(page_timeout, path):
        analysis = run(source, url=url, published_at=published_at, publisher=publisher, kind=kind, options=options)
    if fmt == "summary" and output is None:
        from .report.terminal import print_summary

        print_summary(analysis, out_console, source=path)
        return
    rendered = render(analysis, fmt)
    if output:
        write_output(output, rendered)
    else:
        sys.stdout.write(for_terminal(rendered if rendered.endswith("\n") else rendered + "\n", fmt))
    if not quiet:
        summary(analysis, str(output) if output else None)
    if open_ and output is not None:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


def output_format(fmt: str | None, output: Path | None, open_: bool = False) -> str:
    """The format to write: the one asked for; else the one ``output``'s suffix names; else the one-screen
    summary (or HTML when the report is to be opened)."""
    if fmt:
        return fmt
    if output is not None:
        suffix = output.suffix.lower()
        if suffix not in FORMAT_OF_SUFFIX:
            known = ", ".join(sorted(FORMAT_OF_SUFFIX))
            fail(f"cannot tell the format from {output.name!r}: use a suffix ({known}) or --format")
        return FORMAT_OF_SUFFIX[suffix]
    return "html" if open_ else "summary"


@app.command()
@guarded
def compare(
    paths: list[str] = typer.Argument(..., help="Two or more pages (URLs, HTML files or text dumps), one outlet each."),
    format: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        help="summary (the default on a terminal), html, md, text (the whole report), json (the comparison "
        "itself), or lines (one line per verdict). Default with --output: its suffix.",
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    open_: bool = typer.Option(False, "--open", help="Open the written report in the browser."),
    publisher: list[str] = typer.Option(
        [], "--publisher", help="Who publishes each page, in the order of the pages (repeatable)."
    ),
    in_browser: bool = typer.Option(False, "--render", help=RENDER_HELP),
    page_timeout: float = PAGE_TIMEOUT_OPTION,
) -> None:
    """Compare the same event told by different outlets: one report with a column per page (facts side by side,
    who says what, framing, actors, comments), outlets named by publisher or site."""
    import json

    from .compare import compare_pages
    from .contract import to_dict
    from .encode import CLAIM_ENCODING
    from .pipeline import analyze as run
    from .report import render
    from .report.comparison import comparison_text, merge_for_report, outlet_name

    fmt = output_format(format, output, open_)
    if fmt not in (*RENDERERS, "lines"):
        fail(f"--format must be one of {', '.join((*RENDERERS, 'lines'))}, not {fmt!r}")
    from .read.fetch import is_url

    missing = [p for p in paths if not is_url(p) and not Path(p).is_file()]
    if missing:
        fail(f"no such file: {', '.join(missing)}")
    if len(publisher) > len(paths):
        fail(f"{len(publisher)} --publisher given for {len(paths)} pages")
    if len(paths) < 2:
        err_console.print("[yellow]warning[/] one page given: nothing to compare across pages", highlight=False)
    if open_ and output is None:
        output = Path(tempfile.mkdtemp(prefix="rashomon-")) / f"compare{SUFFIXES.get(fmt, '.txt')}"
    analyses, encodings = [], []
    for index, path in enumerate(paths):
        given = publisher[index] if index < len(publisher) else None
        source = page_source(path, in_browser) if is_url(path) or in_browser else Path(path)
        provided: dict = {}  # the encode stage's claim vectors: compare_pages reuses them
        with page_time_limit(page_timeout, path):
            analysis = run(source, publisher=given, provided=provided)
        encodings.append(provided.get(CLAIM_ENCODING))
        if not analysis.page.publisher:  # named by site or file, never by headline
            fallback = urlsplit(path).hostname or path if is_url(path) else Path(path).stem
            analysis.page.publisher = outlet_name(to_dict(analysis)["page"], fallback)
        analyses.append(analysis)
    result = compare_pages(analyses, encodings=encodings)
    if fmt == "json":
        rendered = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "lines":
        rendered = comparison_text(result)
    else:
        merged = merge_for_report([to_dict(a) for a in analyses], result, [str(a.page.publisher) for a in analyses])
        if fmt == "summary" and output is None:
            from .report.terminal import print_summary

            print_summary(merged, out_console, source=" ".join(str(p) for p in paths), command="compare")
            return
        rendered = render(merged, fmt)
    if output:
        write_output(output, rendered)
        err_console.print(f"written to {plain(str(output))}", highlight=False)
    else:
        sys.stdout.write(for_terminal(rendered, fmt))
    if open_ and output is not None:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


@app.command()
@guarded
def comments(
    path: str = typer.Argument(
        ..., help="A page: an http(s) URL, an HTML file or a text dump; '-' reads standard input."
    ),
    kind: str = typer.Option("auto", help="Input kind: auto, text or html."),
    in_browser: bool = typer.Option(False, "--render", help=RENDER_HELP),
    page_timeout: float = PAGE_TIMEOUT_OPTION,
) -> None:
    """The comment section alone: thread tree, per-commenter summary and every comment's scores and flags."""
    import json

    from .comments import commenter_summary, thread_tree
    from .contract import to_dict
    from .pipeline import analyze as run
    from .pipeline import with_requirements

    source = page_source(path, in_browser)
    with page_time_limit(page_timeout, path):
        analysis = run(source, kind=kind, stage_names=with_requirements(["comments"]))
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
    fetch_private: bool = typer.Option(
        False,
        "--fetch-private",
        help="Fetch URLs on private, loopback and link-local addresses too (refused by default, against SSRF).",
    ),
) -> None:
    """Serve the web app: paste, upload or give the URL of pages, read reports, search, compare stored pages."""
    from .web import serve as run

    run(host, port, db, allowed_hosts=allowed_host, fetch_private=fetch_private or None)


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
    from .lazy import skip_torch

    skip_torch()  # thinc would import it (seconds) for nothing: the product runs without torch
    app()


if __name__ == "__main__":
    main()
