"""What every command of the ``rashomon`` CLI shares: the consoles, one-line errors, the guard that keeps
tracebacks from users, and the run options built from ``--config``/``--set`` and the commands' own flags.

:mod:`rashomon.cli` and :mod:`rashomon.batch.commands` both import this module and not each other.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from .errors import PageTooSlow, RashomonError
from .options import Options

err_console = Console(stderr=True)
out_console = Console()


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


def guarded(func: Any) -> Any:
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


@contextlib.contextmanager
def page_time_limit(seconds: float, name: str) -> Iterator[None]:
    """Give up a page that runs past ``seconds`` with one plain error line (exit 2), as batch makes it an error
    row: a hostile page must not hold the command for ever."""
    from .batch.deadline import PageTimeout, time_limit

    try:
        with time_limit(seconds or None):
            yield
    except PageTimeout:
        raise PageTooSlow(
            f"{name}: the page took longer than {seconds:g} s to analyse (limit: --page-timeout)"
        ) from None


def run_options(
    config: Path | None,
    settings: Sequence[str],
    *,
    actors: Sequence[Path] = (),
    comment_styles: Sequence[Path] = (),
    stages: str | None = None,
) -> Options:
    """The run's :class:`~rashomon.options.Options` from ``--config``, ``--set`` and the commands' own options,
    checked now (unknown or mis-ordered stages, a bad actor table) so a mistake is one line before any page."""
    from dataclasses import replace

    from .options import load_options
    from .pipeline import plan_stages

    options = load_options(config, settings)
    if actors:
        tables = options.actors.tables + tuple(str(Path(p).resolve()) for p in actors)
        options = replace(options, actors=replace(options.actors, tables=tables))
    if comment_styles:
        styles = options.read.comment_styles + tuple(str(p) for p in comment_styles)
        options = replace(options, read=replace(options.read, comment_styles=styles))
    if stages is not None:
        options = replace(options, stages=tuple(s.strip() for s in stages.split(",") if s.strip()))
    plan_stages(options.stages)
    if options.actors.tables:
        from .actors import load_gazetteer

        load_gazetteer(options.actors.tables)
    return options


def page_source(path: str, render: bool = False, consent: str | None = None) -> Any:
    """A CLI page argument as the API takes it: ``-`` is standard input, an http(s) URL is fetched now (rendered
    in headless Chromium with ``render``, its consent dialog answered by the ``consent`` policy), anything else
    a file."""
    from .read.fetch import is_url

    if is_url(path):
        from .read import fetch_url

        return fetch_url(path, render=render, consent=consent)
    if render:
        from .errors import InputError

        raise InputError(f"{path}: --render reads a URL (http or https), not a file")
    return sys.stdin.buffer if path == "-" else Path(path)


RENDER_HELP = (
    "Load URLs in headless Chromium (Playwright: pip install 'rashomon[render]'), so comment sections that "
    "load by JavaScript are read."
)


CONFIG_HELP = "A TOML file of options (stages, [parse], [read], [actors], [batch]); see ARCHITECTURE.md."
SET_HELP = "Set one option, e.g. --set parse.batch_size=16 (repeatable; wins over --config)."
