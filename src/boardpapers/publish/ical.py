"""RFC 5545 calendars of meetings, deadlines and briefing events.

Each event's UID is made from what it is (a board's meeting on a day, a deadline's text
on a day, an event's headline on a day), never from the file it was read from, so the
same meeting found in an agenda, in minutes and as the "next meeting" of an earlier
pack is one event, and a subscribed calendar updates instead of duplicating. Times are
UK local time (Europe/London), as papers print them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from boardpapers.publish.rows import paper_json
from boardpapers.store import Store

LONDON = ZoneInfo("Europe/London")
MEETING_HOURS = 2  # a meeting's length when the paper gives no end time
UID_DOMAIN = "boardpapers"


@dataclass(frozen=True, slots=True)
class Event:
    uid: str
    summary: str
    day: str  # ISO date
    time: str | None = None  # HH:MM, UK local time; None for an all-day event
    location: str | None = None
    description: str = ""
    category: str = "meeting"  # meeting | deadline | event


def uid_for(category: str, key: str, day: str) -> str:
    """A stable UID: what the event is and its day, normalised and hashed."""
    words = " ".join(re.findall(r"[a-z0-9]+", key.lower()))
    digest = hashlib.sha1(f"{category}|{words}|{day}".encode()).hexdigest()[:20]
    return f"{category}-{day}-{digest}@{UID_DOMAIN}"


def meeting_events(store: Store, body: str | None = None) -> list[Event]:
    """Each meeting a paper is for, and each next meeting a paper announces."""
    rows = store.dated_meetings(body)
    out: list[Event] = []
    for r in rows:
        name = r["body"] or r["title"] or "Meeting"
        if r["date"]:
            out.append(Event(uid_for("meeting", name, r["date"]), name, r["date"], r["time"],
                             r["venue"], f"Papers: {r['title'] or ''}".strip()))
        if r["next_date"]:
            nxt = (paper_json(store, r["doc_id"]).get("meeting") or {}).get(
                "next_meeting") or {}
            out.append(Event(uid_for("meeting", name, r["next_date"]), name, r["next_date"],
                             nxt.get("time"), nxt.get("venue"),
                             f"Next meeting, announced in {r['title'] or 'a paper'}"))
    return out


def deadline_events(store: Store, body: str | None = None) -> list[Event]:
    """Deadlines papers set (closing dates, "by 31 March"), as all-day events: one per
    paper and day, however often the paper repeats it."""
    rows = store.deadlines(body=body)
    grouped: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        key = (r["title"] or r["body"] or "", r["date"])
        said = " ".join((r["context"] or r["text"]).split())
        if said not in grouped.setdefault(key, []):
            grouped[key].append(said)
    return [Event(uid_for("deadline", title, day), _deadline_summary(said[-1]), day, None,
                  None, "\n".join(said) + (f"\n\nFrom: {title}" if title else ""),
                  "deadline")
            for (title, day), said in grouped.items()]


def _deadline_summary(context: str, limit: int = 90) -> str:
    text = " ".join(context.split())
    return "Deadline: " + (text if len(text) <= limit else text[:limit - 1].rstrip() + "…")


def briefing_events(store: Store, body: str | None = None) -> list[Event]:
    """Events and training from briefings, on each day the item names."""
    rows = store.briefings(body=body, item_kind="event")  # JSON read: few
    out: list[Event] = []
    for r in rows:
        for item in paper_json(store, r["id"]).get("items") or ():
            if item.get("kind") != "event":
                continue
            for day in item.get("dates") or ():
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
                    links = "\n".join(item.get("links") or ())
                    out.append(Event(uid_for("event", item["headline"], day),
                                     item["headline"], day, None, None,
                                     f"{item.get('body', '')}\n{links}".strip(), "event"))
    return out


def all_events(store: Store, body: str | None = None) -> list[Event]:
    """Meetings, deadlines and events, one per UID (the first found), by day."""
    seen: dict[str, Event] = {}
    for event in (*meeting_events(store, body), *deadline_events(store, body),
                  *briefing_events(store, body)):
        kept = seen.get(event.uid)
        if kept is None or (kept.time is None and event.time is not None):
            seen[event.uid] = event
    return sorted(seen.values(), key=lambda e: (e.day, e.time or "", e.summary))


def to_ical(events: list[Event], name: str = "boardpapers") -> bytes:
    """An RFC 5545 calendar with a Europe/London VTIMEZONE for timed events."""
    from icalendar import Calendar
    from icalendar import Event as VEvent
    cal = Calendar()
    cal.add("prodid", "-//boardpapers//publish//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    stamp = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # fixed: the same input, the same bytes
    for e in events:
        v = VEvent()
        v.add("uid", e.uid)
        v.add("dtstamp", stamp)
        v.add("summary", e.summary)
        day = dt.date.fromisoformat(e.day)
        if e.time:
            start = dt.datetime.combine(day, dt.time.fromisoformat(e.time), tzinfo=LONDON)
            v.add("dtstart", start)
            v.add("dtend", start + dt.timedelta(hours=MEETING_HOURS))
        else:
            v.add("dtstart", day)
            v.add("dtend", day + dt.timedelta(days=1))
        if e.location:
            v.add("location", e.location)
        if e.description:
            v.add("description", e.description)
        v.add("categories", [e.category])
        cal.add_component(v)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
