"""What an ingest prints while it runs and when it ends."""

from __future__ import annotations

import io

from rich.console import Console

from boardpapers.pipeline import IngestSummary, Outcome
from boardpapers.progress import (
    IngestProgress,
    ProgressSettings,
    Tally,
    format_duration,
    status_line,
    summary_line,
)


def test_durations_read_short() -> None:
    assert [format_duration(s) for s in (0, 42, 185, 3720)] == ["0s", "42s", "3m05s", "1h02m"]


def test_status_line_names_files_pages_rate_and_time_left() -> None:
    tally = Tally(done=100, total=400, pages=1200, failed=2)
    assert status_line(tally, 50.0) == ("ingest: 100/400 files, 1,200 pages, 2.0 files/s, "
                                        "24 pages/s, about 2m30s left, 2 failed")


def test_status_line_before_any_file() -> None:
    assert status_line(Tally(total=10), 0.0) == "ingest: 0/10 files, 0 pages"


def test_summary_line_after_ctrl_c() -> None:
    summary = IngestSummary((Outcome("a.pdf", "ingested", pages=30),
                             Outcome("b.txt", "failed", "empty file")), seconds=4.0,
                            interrupted=True, not_started=8)
    assert summary_line(summary) == ("interrupted after 2 files, 30 pages in 4s: 0.5 files/s, "
                                     "8 pages/s; 8 files not started")
    assert summary.to_json()["not_started"] == 8 and summary.to_json()["pages"] == 30


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_log_gets_a_status_line_every_period() -> None:
    buf, clock = io.StringIO(), Clock()
    console = Console(file=buf, force_terminal=False, width=200)
    with IngestProgress(console, settings=ProgressSettings(status_every=10.0),
                        clock=clock) as progress:
        progress.on_total(6)
        for second in (1, 4, 11, 12, 25, 26):
            clock.now = float(second)
            progress.on_outcome(Outcome(f"p{second}.pdf", "ingested", pages=10))
    lines = buf.getvalue().splitlines()
    assert lines == ["ingest: 3/6 files, 30 pages, 0.3 files/s, 3 pages/s, about 11s left",
                     "ingest: 5/6 files, 50 pages, 0.2 files/s, 2 pages/s, about 5s left"]


def test_json_output_gets_no_progress() -> None:
    buf = io.StringIO()
    with IngestProgress(Console(file=buf, force_terminal=False), quiet=True) as progress:
        progress.on_total(1)
        progress.on_outcome(Outcome("a.pdf", "ingested", pages=1))
        progress.finish(IngestSummary((Outcome("a.pdf", "ingested", pages=1),), seconds=1.0))
    assert buf.getvalue() == ""


def test_a_terminal_gets_a_bar_with_pages() -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=160)
    with IngestProgress(console) as progress:
        progress.on_total(2)
        progress.on_outcome(Outcome("first.pdf", "ingested", pages=12))
    assert "12 pages" in buf.getvalue() and "1/2" in buf.getvalue()
