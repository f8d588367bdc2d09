"""What a batch reports while it runs (a Rich progress bar with pages/s and ETA) and when it ends."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

#: Exit codes are one byte and 126+ mean something to the shell: the failure count is capped below them.
MAX_FAILURE_EXIT_CODE = 125
INTERRUPTED_EXIT_CODE = 130


@dataclass
class BatchSummary:
    """The outcome of one batch run. ``exit_code`` is 0, the number of failed pages (capped), or 130."""

    out: Path
    engine: str
    workers: int
    pages: int = 0
    failed: int = 0
    skipped_done: int = 0
    skipped_duplicates: int = 0
    words: int = 0
    seconds: float = 0.0
    parts: int = 0
    peak_worker_rss_bytes: int = 0
    interrupted: bool = False

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return INTERRUPTED_EXIT_CODE
        return min(self.failed, MAX_FAILURE_EXIT_CODE)

    @property
    def pages_per_second(self) -> float:
        return (self.pages + self.failed) / self.seconds if self.seconds else 0.0

    def describe(self) -> str:
        done = f"{self.pages} pages analysed, {self.failed} failed (see the errors table)"
        skipped = f", {self.skipped_done} already done" if self.skipped_done else ""
        duplicates = f", {self.skipped_duplicates} duplicate records skipped" if self.skipped_duplicates else ""
        rate = f" in {self.seconds:.1f} s ({self.pages_per_second:.2f} pages/s, {self.workers} workers)"
        tail = "; interrupted: run again with --resume to finish" if self.interrupted else ""
        return f"{done}{skipped}{duplicates}{rate} -> {self.out}{tail}"


class PagesPerSecondColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.2f} pages/s" if speed else "- pages/s", style="progress.data.speed")


def make_progress(enabled: bool, console: Console | None = None) -> Progress:
    """A progress bar on stderr; ``enabled=False`` gives one that draws nothing (tests, pipes)."""
    console = console or Console(stderr=True)
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        PagesPerSecondColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not enabled,
        transient=False,
        speed_estimate_period=60.0,
    )
