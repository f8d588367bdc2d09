"""What every command of the ``rashomon`` CLI shares: the consoles, one-line errors, the guard that keeps
tracebacks from users, and the run options built from ``--config``/``--set`` and the commands' own flags.

:mod:`rashomon.cli` and :mod:`rashomon.batch.commands` both import this module and not each other.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from .errors import RashomonError
from .options import Options

err_console = Console(stderr=True)
out_console = Console()


def plain(text: str) -> str:
    """Page text or a file name made safe for the terminal: no Rich markup, no control characters."""
    return escape("".join(ch if ch.isprintable() else " " for ch in str(text)))


def fail(message: str, code: int = 2) -> None:
    err_console.print(f"[bold red]error:[/] {plain(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def guarded(func: Any) -> Any:
    """Run a command body; expected errors become one line, unexpected ones one line plus a hint."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except RashomonError as err:
            fail(str(err), err.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as err:  # the promise is: never a traceback (unless asked for one)
            if os.environ.get("RASHOMON_DEBUG"):
                raise
            fail(f"internal error: {type(err).__name__}: {err} (set RASHOMON_DEBUG=1 for details)", 70)

    return wrapper


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


def page_source(path: str) -> Any:
    """A CLI page argument as the API takes it: ``-`` is standard input, anything else a file."""
    return sys.stdin.buffer if path == "-" else Path(path)


CONFIG_HELP = "A TOML file of options (stages, [parse], [read], [actors], [batch]); see ARCHITECTURE.md."
SET_HELP = "Set one option, e.g. --set parse.batch_size=16 (repeatable; wins over --config)."
