"""What an ingest tells the person waiting for it.

On a terminal: a live bar with files done of the total, pages, rate and time left. In
a log (not a terminal): one status line every ``status_every`` seconds — files, pages,
rate, time left — so a long batch is never silent. Either way a summary line at the end
(also after Ctrl-C) with the time taken and the rate.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from boardpapers.files import printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from boardpapers.pipeline import IngestSummary, Outcome


@dataclass(frozen=True, slots=True)
class ProgressSettings:
    status_every: float = 10.0  # seconds between status lines when not on a terminal
    name_width: int = 40  # characters of the current file's name shown on the bar


PROGRESS = ProgressSettings()


def format_duration(seconds: float) -> str:
    """"42s", "3m05s", "1h02m": short enough for a status line."""
    s = max(0, round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts so far: a pure value the status line and the bar are made from."""

    done: int = 0
    total: int | None = None
    pages: int = 0
    failed: int = 0

    def add(self, outcome: Outcome) -> Tally:
        return Tally(self.done + 1, self.total, self.pages + outcome.pages,
                     self.failed + (outcome.status == "failed"))


def status_line(tally: Tally, elapsed: float) -> str:
    """"ingest: 1,200/20,000 files, 3,400 pages, 40.1 files/s, 113 pages/s, about 7m00s
    left" — time left from the rate so far, once there is one."""
    total = f"/{tally.total:,}" if tally.total is not None else ""
    parts = [f"ingest: {tally.done:,}{total} files", f"{tally.pages:,} pages"]
    if elapsed > 0 and tally.done:
        files_rate = tally.done / elapsed
        parts += [f"{files_rate:.1f} files/s", f"{tally.pages / elapsed:.0f} pages/s"]
        if tally.total is not None and tally.done < tally.total:
            parts.append(f"about {format_duration((tally.total - tally.done) / files_rate)} "
                         "left")
    if tally.failed:
        parts.append(f"{tally.failed:,} failed")
    return ", ".join(parts)


def summary_line(summary: IngestSummary) -> str:
    """One closing line: what was done, in how long, how fast."""
    n = len(summary.outcomes)
    rate = (f": {n / summary.seconds:.1f} files/s, {summary.pages / summary.seconds:.0f} "
            "pages/s" if summary.seconds > 0 and n else "")
    head = "interrupted after" if summary.interrupted else "done:"
    tail = f"; {summary.not_started:,} files not started" if summary.not_started else ""
    return (f"{head} {n:,} files, {summary.pages:,} pages in "
            f"{format_duration(summary.seconds)}{rate}{tail}")


class IngestProgress:
    """Callbacks for ``pipeline.ingest`` that draw a bar on a terminal or write status
    lines to a log; ``quiet`` shows nothing (JSON output)."""

    def __init__(self, console: Console, *, quiet: bool = False,
                 settings: ProgressSettings = PROGRESS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.console, self.quiet, self.settings = console, quiet, settings
        self._clock = clock
        self.tally = Tally()
        self._started = self._last = self._clock()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> IngestProgress:
        self._started = self._last = self._clock()
        if not self.quiet and self.console.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar
            bar = Bar(TextColumn("[progress.description]{task.description}"), BarColumn(),
                           MofNCompleteColumn(), TextColumn("files {task.fields[pages]} pages"),
                           TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                           TimeRemainingColumn(), console=self.console)
            bar.start()
            self._task = bar.add_task("ingesting", total=None, pages=0, rate="")
            self._bar = bar
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()

    def on_total(self, total: int) -> None:
        self.tally = Tally(self.tally.done, total, self.tally.pages, self.tally.failed)
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=total)

    def on_outcome(self, outcome: Outcome) -> None:
        self.tally = self.tally.add(outcome)
        now = self._clock()
        elapsed = now - self._started
        if self._bar is not None and self._task is not None:
            rate = f"{self.tally.pages / elapsed:.0f} pages/s" if elapsed > 0 else ""
            from rich.markup import escape
            name = escape(printable(outcome.path.rsplit("/", 1)[-1][:self.settings.name_width]))
            self._bar.update(self._task, advance=1, description=name,
                             pages=f"{self.tally.pages:,}", rate=rate)
        elif not self.quiet and now - self._last >= self.settings.status_every:
            self._last = now
            self.console.print(status_line(self.tally, elapsed), markup=False,
                               highlight=False, soft_wrap=True)

    def finish(self, summary: IngestSummary) -> None:
        """The summary line on the console, unless quiet."""
        if not self.quiet:
            self.console.print(summary_line(summary), markup=False, highlight=False,
                               soft_wrap=True)
