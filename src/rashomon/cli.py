"""The ``rashomon`` command (Typer + Rich).

Every command validates its input at the edge and turns a :class:`~rashomon.errors.RashomonError` into one
plain line on standard error and a non-zero exit code: a user never sees a traceback for bad input.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from . import settings
from .errors import PageTooSlow, RashomonError

app = typer.Typer(
    name="rashomon",
    help="Lay out the accounts a news page tells side by side: who says what, claims, framing, actors, comments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)
out_console = Console()


class Format(str, Enum):
    json = "json"
    html = "html"
    md = "md"
    text = "text"


def plain(text: str) -> str:
    """Page text or a file name made safe for the terminal: no Rich markup, no control characters."""
    return escape("".join(ch if ch.isprintable() else " " for ch in str(text)))


#: Exit code for an input or output failure of the machine (EX_IOERR): a full disk, a read-only folder.
EXIT_IO_ERROR = 74


def for_terminal(rendered: str, fmt: str) -> str:
    """A rendering bound for standard output: no control character or bidi override of the page's reaches the
    terminal (JSON gets ``\\uXXXX`` escapes, the same value; other formats show them escaped)."""
    from .report.terminal import json_terminal_safe, terminal_safe

    return json_terminal_safe(rendered) if fmt == "json" else terminal_safe(rendered)


def fail(message: str, code: int = 2) -> None:
    err_console.print(f"[bold red]error:[/] {plain(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def guarded(func):
    """Run a command body; expected errors become one line, unexpected ones one line plus a hint."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # here, not at exit: a full disk or /dev/full must fail inside the guard
            return result
        except RashomonError as err:
            fail(str(err), err.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except (typer.Exit, typer.Abort, SystemExit):
            _flush_or_fail()
            raise
        except OSError as err:  # a full disk, a read-only folder, /dev/full: the machine's state, not a bug
            if os.environ.get("RASHOMON_DEBUG"):
                raise
            _silence_stdout()
            fail(io_message(err), EXIT_IO_ERROR)
        except Exception as err:  # the promise is: never a traceback (unless asked for one)
            if os.environ.get("RASHOMON_DEBUG"):
                raise
            fail(f"internal error: {type(err).__name__}: {err} (set RASHOMON_DEBUG=1 for details)", 70)

    return wrapper


def io_message(err: OSError) -> str:
    """One line for an input or output failure: the file and the system's reason (no space, read-only...)."""
    reason = err.strerror or str(err) or type(err).__name__
    return f"{err.filename}: {reason}" if err.filename else f"cannot write the output: {reason}"


def write_output(path: Path, text: str) -> None:
    """Write a rendered result to ``path``; a failure names the file (write_text's own error does not)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as err:
        raise OSError(err.errno, err.strerror or str(err), err.filename or str(path)) from None


def _flush_or_fail() -> None:
    try:
        sys.stdout.flush()
    except OSError as err:
        _silence_stdout()
        fail(io_message(err), EXIT_IO_ERROR)


def _silence_stdout() -> None:
    """When standard output itself cannot be written (``> /dev/full``), point its file descriptor at /dev/null,
    so the interpreter's own flush at exit does not fail a second time with a traceback."""
    try:
        sys.stdout.flush()
        return
    except OSError:
        pass
    try:
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file behind it (a test runner's buffer)
        pass


PAGE_TIMEOUT_OPTION = typer.Option(settings.PAGE_TIMEOUT_SECONDS, "--page-timeout", min=0,
                                   help="Seconds a page may take before it is given up (0: none).")


@contextlib.contextmanager
def page_time_limit(seconds: float, name: str):
    """Give up a page that runs past ``seconds`` with one plain error line (exit 2), as batch makes it an error
    row: a hostile page must not hold the command for ever."""
    from .batch.deadline import PageTimeout, time_limit

    try:
        with time_limit(seconds or None):
            yield
    except PageTimeout:
        raise PageTooSlow(f"{name}: the page took longer than {seconds:g} s to analyse "
                          "(limit: --page-timeout)") from None


def use_actor_tables(paths: list[Path]) -> None:
    """Load user actor tables now (a bad file is one clear error) and pass them on to worker processes."""
    if paths:
        from .actors import use_gazetteers

        use_gazetteers(paths)


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
    format: Format = typer.Option(Format.json, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    url: Optional[str] = typer.Option(None, help="The page's URL, if known."),
    published_at: Optional[str] = typer.Option(None, "--published-at", help="The page's date (ISO 8601)."),
    publisher: Optional[str] = typer.Option(None, help="Who publishes the page (a text dump does not say)."),
    kind: str = typer.Option("auto", help="Input kind: auto, text or html."),
    comment_styles: list[Path] = typer.Option([], "--comment-styles", help="Extra YAML file of comment dump styles."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor alias table (YAML or JSON); repeatable."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
    page_timeout: float = PAGE_TIMEOUT_OPTION,
) -> None:
    """Analyze one page and print or write the result."""
    from .pipeline import analyze as run
    from .report import render

    use_actor_tables(actors)
    with page_time_limit(page_timeout, path):
        analysis = run(path if path == "-" else Path(path), url=url, published_at=published_at,
                       publisher=publisher, kind=kind, comment_styles=tuple(comment_styles))
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

    from .compare import compare_pages, comparison_text
    from .pipeline import analyze as run

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
            analyses.append(run(path))
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
    from .pipeline import analyze as run
    from .report.json import to_dict

    with page_time_limit(page_timeout, path):
        analysis = run(path if path == "-" else Path(path), kind=kind, stage_names=("actors", "comments"))
    comments, data = analysis.page.comments, to_dict(analysis)
    sys.stdout.write(for_terminal(json.dumps({"threads": thread_tree(comments),
                                              "commenters": commenter_summary(comments),
                                              "comments": data["comments"], "warnings": data["warnings"]},
                                             indent=2, ensure_ascii=False) + "\n", "json"))


@app.command()
@guarded
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    db: Optional[Path] = typer.Option(None, "--db", help="SQLite store (default: rashomon.db in the user data folder)."),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host", help="Another host name clients may use (when serving beyond this machine); repeatable."),
) -> None:
    """Serve the web app: paste or upload pages, read reports, search, compare stored pages."""
    from .web import serve as run

    run(host, port, db, allowed_hosts=allowed_host)


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of the analysis output."""
    from .report.json import shipped_schema
    import json

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
