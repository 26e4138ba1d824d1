"""ical and feed: the calendar parses with the expected events at Europe/London times and
stable UIDs; the Atom feed is well formed, complete and follows a saved search."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import feedparser
from icalendar import Calendar
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.pipeline import ingest
from boardpapers.publish.feed import new_papers, to_atom
from boardpapers.publish.ical import all_events, to_ical, uid_for
from boardpapers.store import Store, open_store
from tests.conftest import EXAMPLES


def _events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_meetings_are_at_london_times(publish_store: Store) -> None:
    events = _events(to_ical(all_events(publish_store)))
    westmere = [e for e in events.values() if str(e["SUMMARY"]) == "Cabinet"
                and e["DTSTART"].dt.date() == dt.date(2025, 4, 8)]
    assert len(westmere) == 1  # the pack's next meeting, announced in its front page
    start = westmere[0]["DTSTART"].dt
    assert (start.hour, start.minute) == (14, 0)
    assert str(start.tzinfo) == "Europe/London"
    assert start.utcoffset() == dt.timedelta(hours=1)  # BST in April
    minutes = [e for e in events.values() if str(e["SUMMARY"]) == "PLANNING COMMITTEE"]
    assert minutes[0]["DTSTART"].dt.utcoffset() == dt.timedelta(0)  # GMT in February
    assert minutes[0]["DTSTART"].dt.hour == 19
    assert b"BEGIN:VTIMEZONE" in to_ical(all_events(publish_store))


def test_deadlines_and_events_are_all_day(publish_store: Store) -> None:
    events = _events(to_ical(all_events(publish_store)))
    by_day = {(str(e["CATEGORIES"].cats[0]), e["DTSTART"].dt): e for e in events.values()}
    closing = by_day[("deadline", dt.date(2025, 6, 30))]
    assert "Closing date" in str(closing["DESCRIPTION"])
    masterclass = by_day[("event", dt.date(2025, 7, 10))]
    assert "FINANCE MASTERCLASS" in str(masterclass["SUMMARY"])
    assert masterclass["DTEND"].dt == dt.date(2025, 7, 11)


def test_uids_do_not_depend_on_files_or_order(publish_store: Store, tmp_path: Path) -> None:
    first = to_ical(all_events(publish_store))
    assert first == to_ical(all_events(publish_store))  # the same bytes each time
    copy = tmp_path / "copy"
    shutil.copytree(EXAMPLES, copy)  # the same papers found elsewhere, stored afresh
    other = open_store(str(tmp_path / "other.db"), create=True)
    ingest([copy], other)
    assert set(_events(first)) >= set(_events(to_ical(all_events(other))))
    assert uid_for("meeting", "Cabinet ", "2025-04-08") == uid_for("meeting", "cabinet",
                                                                   "2025-04-08")


def test_one_event_per_meeting(publish_store: Store) -> None:
    uids = [e.uid for e in all_events(publish_store)]
    assert len(uids) == len(set(uids))


def test_ical_command_filters_by_body(publish_db: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "ical", "--body", "planning"])
    assert result.exit_code == 0, result.output
    events = _events(result.stdout_bytes)
    meetings = {str(e["SUMMARY"]) for e in events.values()
                if e["CATEGORIES"].cats == ["meeting"]}
    assert meetings == {"PLANNING COMMITTEE"}
    assert all("Cabinet" not in str(e["SUMMARY"]) for e in events.values())


def test_feed_is_valid_atom(publish_store: Store) -> None:
    entries = new_papers(publish_store, limit=500)
    parsed = feedparser.parse(to_atom(entries, title="new papers", feed_id="papers"))
    assert not parsed.bozo and parsed.version == "atom10"
    with publish_store.connect() as conn:  # type: ignore[attr-defined]
        from sqlalchemy import text
        stored = conn.execute(text("SELECT count(*) FROM documents")).scalar()
    assert len(parsed.entries) == stored
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:boardpapers") for i in ids)
    for e in parsed.entries:
        assert e.title and e.updated and e.link


def test_feed_follows_a_saved_search(publish_db: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "feed", "--query",
                                      '"Housing Delivery Test"',
                                      "--base-url", "http://127.0.0.1:8000"])
    assert result.exit_code == 0, result.output
    parsed = feedparser.parse(result.stdout_bytes)
    assert not parsed.bozo
    titles = [e.title for e in parsed.entries]
    assert "Housing Delivery Test Action Plan 2025" in titles
    assert not any("POLICY BRIEF" in t for t in titles)
    assert all(e.link.startswith("http://127.0.0.1:8000/papers/") for e in parsed.entries)
