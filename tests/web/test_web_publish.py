"""The publishing routes of the web app: brief, calendar, feed and CSV export."""

from __future__ import annotations

import csv
import io

import feedparser
from fastapi.testclient import TestClient
from icalendar import Calendar


def test_brief_page(client: TestClient) -> None:
    r = client.get("/brief", params={"week": "2025-06-13"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Top items this week" in r.text and "VACANCY: REGIONAL SKILLS LEAD" in r.text
    assert client.get("/brief", params={"week": "soon"}).status_code == 400


def test_calendar_feed_and_export(client: TestClient) -> None:
    r = client.get("/calendar.ics", params={"body": "cabinet"})
    assert r.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(r.content).walk("VEVENT")
    assert events and all(str(e["SUMMARY"]) != "PLANNING COMMITTEE" for e in events)
    parsed = feedparser.parse(client.get("/feed.atom", params={"q": "housing"}).content)
    assert not parsed.bozo and parsed.entries
    assert all("/papers/" in e.link for e in parsed.entries)
    rows = list(csv.DictReader(io.StringIO(client.get("/export/papers.csv").text)))
    assert rows and "genre" in rows[0]
    assert client.get("/export/blocks.csv").status_code == 404
