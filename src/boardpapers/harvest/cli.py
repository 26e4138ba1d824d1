"""``boardpapers harvest …`` and ``boardpapers watch``: arguments in, one library call,
the report out (a line for each address that failed, was refused or skipped, then the
summary; ``--json`` for the report as one object)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from boardpapers.harvest.run import HarvestReport, Session

harvest_app = typer.Typer(help="Fetch papers from council websites and ingest them.",
                          no_args_is_help=True)
_db: dict[str, Callable[[], str | None]] = {}

Interval = Annotated[float, typer.Option(
    "--interval", min=0, help="Seconds between two requests to one host.")]
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait "
                                        "for an answer.")]
AsJson = Annotated[bool, typer.Option("--json", help="The report as one JSON object.")]
Since = Annotated[str | None, typer.Option(help="On or after this date (YYYY-MM-DD).")]


def bind_database(get_db: Callable[[], str | None]) -> None:
    """The main command line tells where --db points."""
    _db["get"] = get_db


def _session(interval: float, timeout: float) -> Session:
    from boardpapers.harvest.run import Session, harvest_folder
    from boardpapers.harvest.settings import HarvestSettings
    from boardpapers.store import open_store
    db = _db["get"]() if "get" in _db else None
    store = open_store(db, create=True)
    return Session(store, harvest_folder(db),
                   HarvestSettings(interval=interval, timeout=timeout))


def _finish(report: HarvestReport, as_json: bool) -> None:
    from boardpapers.output import write_json
    if as_json:
        write_json(report.to_json())
    else:
        for line in report.problems:
            sys.stderr.write(f"{line.status}: {line.url}: {line.reason}\n")
        for path, reason in report.ingest_failures:
            sys.stderr.write(f"failed: {path}: {reason}\n")
        sys.stdout.write(report.summary() + "\n")
    raise typer.Exit(1 if report.count("failed") or report.ingest_failures else 0)


@harvest_app.command("moderngov")
def moderngov(site: Annotated[str, typer.Argument(help="The Modern.Gov site, e.g. "
                                                  "https://democracy.example.gov.uk")],
              committee: Annotated[list[str] | None, typer.Option(
                  "--committee", "-c", help="A committee's id or part of its title "
                  "(repeatable); default: every current committee.")] = None,
              since: Annotated[str | None, typer.Option(
                  help="Meetings on or after this date (YYYY-MM-DD); default: a year "
                  "ago.")] = None,
              interval: Interval = 1.0, timeout: Timeout = 30.0,
              as_json: AsJson = False) -> None:
    """Committees, meetings, items and their documents, through mgWebService.asmx."""
    from boardpapers.harvest import moderngov as mg
    with _session(interval, timeout) as session:
        mg.harvest(session, site, committees=committee or (), since=since)
        report = session.ingest()
    _finish(report, as_json)


@harvest_app.command("cmis")
def cmis_site(url: Annotated[str, typer.Argument(help="A CMIS page that lists meetings "
                                                 "(the meetings calendar or list).")],
              since: Since = None, interval: Interval = 1.0, timeout: Timeout = 30.0,
              as_json: AsJson = False) -> None:
    """Meeting pages a CMIS site lists, and the papers each links."""
    from boardpapers.harvest import cmis
    _harvest_url(cmis.harvest, url, since, interval, timeout, as_json)


@harvest_app.command("feed")
def feed(url: Annotated[str, typer.Argument(help="An RSS or Atom feed's address.")],
         since: Since = None, interval: Interval = 1.0, timeout: Timeout = 30.0,
         as_json: AsJson = False) -> None:
    """The papers an RSS or Atom feed's entries carry or link."""
    from boardpapers.harvest import feeds
    _harvest_url(feeds.harvest, url, since, interval, timeout, as_json)


def _harvest_url(harvester: Callable[..., None], url: str, since: str | None,
                 interval: float, timeout: float, as_json: bool) -> None:
    with _session(interval, timeout) as session:
        harvester(session, url, since=since)
        report = session.ingest()
    _finish(report, as_json)


def watch(folder: Annotated[Path, typer.Argument(help="The folder to watch (recursive).",
                                                 exists=True, file_okay=False)],
          poll: Annotated[bool, typer.Option(
              "--poll", help="Look for changes every moment instead of being told (for "
              "network shares, where change events do not arrive).")] = False,
          workers: Annotated[int, typer.Option("--workers", "-w", min=1)] = 1) -> None:
    """Ingest a folder, then every paper added to it or changed, until Ctrl-C."""
    from boardpapers.harvest.watch import watch_folder
    from boardpapers.pipeline import IngestSummary
    from boardpapers.store import open_store
    store = open_store(_db["get"]() if "get" in _db else None, create=True)

    def told(summary: IngestSummary) -> None:
        for o in summary.outcomes:
            if o.status != "present":
                sys.stdout.write(f"{o.status}: {o.path}"
                                 + (f": {o.reason}" if o.reason else "") + "\n")
        sys.stdout.flush()

    sys.stdout.write(f"watching {folder} (Ctrl-C stops)\n")
    try:
        watch_folder(folder, store, on_batch=told, poll=poll, workers=workers)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()
