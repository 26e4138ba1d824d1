"""Date facts: every date and period in a block, with what it is for.

``find_dates(text, block, ref)`` -> every DateFact in one block's text. The shapes and the
year a day takes are read by ``vocab.dates`` (the one date reader); this module adds the
provenance, a time written beside the date, and the kind.

``kind``: "period" for periods; "publication" for a date standing alone in one of the first
blocks of a paper; otherwise from the words around it: "by", "deadline", "no later than",
"closing date", "submit" -> "deadline"; "meeting", "will meet" -> "meeting"; "webinar",
"conference", "event", "session", "training"... -> "event" (the nearest word wins);
else "other". A time written next to the date ("11.00 am on...", "- 19:00") is kept in
``time`` as "HH:MM".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from boardpapers.facts.sentence import sentence_around, sentence_bounds
from boardpapers.model.paper import DateFact, Span
from boardpapers.vocab import date_patterns as P
from boardpapers.vocab.dates import (
    DateHit,
    date_hits,
    merge_ranges,
    nearest_year,
    resolve_day,
    resolve_end,
)


@dataclass(frozen=True, slots=True)
class DatesSettings:
    """How far around a date its words are looked for: windows in characters, places in blocks."""

    publication_blocks: int = 12  # a date alone in one of the first blocks dates the paper
    alone_ratio: int = 3  # a block "alone" with its date is under this many times the date...
    alone_slack: int = 20  # ...plus this many characters (a label or a weekday beside it)
    time_before: int = 25  # characters before a date searched for its clock time ("at 10am on")
    deadline_before: int = 30  # characters before a date searched for "by", "no later than"
    meeting_before: int = 80  # characters before a date searched for a meeting's label or body
    issue_blocks: int = 5  # a newsletter's issue month sits in one of its first blocks...
    issue_line_chars: int = 60  # ...on a line no longer than this ("Issue 47 – September 2025")
    month_day: int = 15  # the day a month alone stands for when its nearest year is chosen


DATES = DatesSettings()
_MARKUP = re.compile(r"[*#_>`]+|</?[a-z]+>", re.IGNORECASE)


def find_dates(text: str, block: int, ref: dt.date | None = None) -> list[DateFact]:
    """Every date and period in one block's text, in order, with spans into that text."""
    out = []
    hits = merge_ranges(text, date_hits(text))
    for i, hit in enumerate(hits):
        fact = _to_fact(text, block, hit, ref, _tense(text, hit) if ref else None)
        between = (hits[i - 1].end if i else 0,
                   hits[i + 1].start if i + 1 < len(hits) else len(text))
        out.append(replace(fact, kind=_kind(text, block, fact, hit, between)))
    return out


# ------------------------------------------------------------------ resolving


def _to_fact(text: str, block: int, hit: DateHit, ref: dt.date | None,
             tense: str | None) -> DateFact:
    written = text[hit.start:hit.end]
    common = {"text": written, "span": Span(block, hit.start, hit.end),
              "context": sentence_around(text, hit.start, hit.end)}
    if hit.month_only and hit.month is not None:
        year = nearest_year(DATES.month_day, hit.month, ref, None, tense) if ref else None
        month = f"{year:04d}-{hit.month:02d}" if year else f"--{hit.month:02d}"
        return DateFact(period=month, **common)  # type: ignore[arg-type]
    if hit.day is None:
        return DateFact(period=hit.period, **common)  # type: ignore[arg-type]
    iso, period = resolve_day(hit, ref, tense)
    end_iso = resolve_end(hit, iso, ref)
    parsed = iso is not None or (period is not None and not hit.bad_year)
    if hit.end_hit is not None and iso is not None and end_iso is None:
        parsed = False  # "1 March to 31 Febuary": the end is reported, never guessed
    if hit.week and iso:
        year, week, _ = dt.date.fromisoformat(iso).isocalendar()
        period = f"{year}-W{week:02d}"
    return DateFact(date=iso, period=period, parsed=parsed, time=_time_near(text, hit),
                    end_date=end_iso, **common)  # type: ignore[arg-type]


def _tense(text: str, hit: DateHit) -> str | None:
    """'past' or 'future' when the sentence's verbs say so plainly, else None."""
    left, right = sentence_bounds(text, hit.start, hit.end)
    past = P.PAST.search(text, left, right) is not None
    future = P.FUTURE.search(text, left, right) is not None
    if past != future:
        return "past" if past else "future"
    return None


def _time_near(text: str, hit: DateHit) -> str | None:
    """'HH:MM' of a time written just after or just before the date."""
    after = P.TIME_AFTER.match(text, hit.end)
    if after and _time_ok(after, after.group(0)):
        return _clock(after)
    before = P.TIME_BEFORE.search(text, max(0, hit.start - DATES.time_before), hit.start)
    if before and _time_ok(before, before.group(0)):
        return _clock(before)
    return None


def _time_ok(m: re.Match[str], written: str) -> bool:
    """A clock time needs am/pm, a colon, or 'at'; '2.1' alone is a paragraph number."""
    if m.group("h") is None or int(m.group("h")) > 23:
        return False
    if m.group("ap"):
        return m.group("mi") is not None or m.group("colon") is None
    return m.group("mi") is not None and (m.group("colon") is not None or "at" in written)


def _clock(m: re.Match[str]) -> str:
    hour, minute = int(m.group("h")), int(m.group("mi") or 0)
    ap = (m.group("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    elif ap == "noon":
        hour = 12
    return f"{hour:02d}:{minute:02d}"


# ------------------------------------------------------------------ kinds


def _kind(text: str, block: int, fact: DateFact, hit: DateHit,
          between: tuple[int, int]) -> str:
    """What the date is for, from the words around it; ``between`` is the stretch of text
    up to the dates before and after it, so one date's words never decide another's."""
    if hit.day is None and not hit.month_only:
        return _period_kind(text, block, fact, hit)
    if not hit.month_only and _alone(text, block, fact):
        return "publication"
    before = max(between[0], hit.start - DATES.meeting_before)
    if P.DEADLINE_JUST_BEFORE.search(text, max(0, hit.start - DATES.deadline_before), hit.start):
        return "deadline"
    if (P.MEETING_DATE_LABEL.search(text, max(0, hit.start - DATES.meeting_before), hit.start)
            or P.BODY_BEFORE.search(text, before, hit.start)):
        return "meeting"
    return _nearest_kind_word(text, hit, between)


def _alone(text: str, block: int, fact: DateFact) -> bool:
    """A date standing alone in one of the first blocks of a paper."""
    return (block < DATES.publication_blocks
            and len(text) < DATES.alone_ratio * len(fact.text) + DATES.alone_slack
            and _MARKUP.sub("", text).strip(" \n\t,.") == _MARKUP.sub("", fact.text).strip(" ,."))


def _period_kind(text: str, block: int, fact: DateFact, hit: DateHit) -> str:
    """A month is a deadline after "by the end of", a meeting's after "to Cabinet in", and
    a newsletter's issue month on a short line at its top ("Issue 47 – September 2025")."""
    if not _MONTH_PERIOD.match(fact.period or ""):
        return "period"
    if P.DEADLINE_JUST_BEFORE.search(text, max(0, hit.start - DATES.deadline_before), hit.start):
        return "deadline"
    if P.BODY_BEFORE.search(text, max(0, hit.start - DATES.meeting_before), hit.start):
        return "meeting"
    if (block < DATES.issue_blocks and len(text) <= DATES.issue_line_chars
            and P.ISSUE_LINE.match(text)):
        return "publication"
    return "period"


_MONTH_PERIOD = re.compile(r"^\d{4}-\d{2}$")


def _nearest_kind_word(text: str, hit: DateHit, between: tuple[int, int]) -> str:
    """The kind whose word stands nearest, in the date's own clause: words after the
    date stop where a new clause starts ("runs from 1 July to 12 August, with drop-in
    sessions")."""
    left, right = sentence_bounds(text, hit.start, hit.end)
    left = max(left, between[0], _clause_start(text, left, hit.start))
    right = min(right, between[1], _clause_end(text, hit.end, right))
    best, best_distance = "other", 10**9
    for kind, pattern in P.KIND_WORDS.items():
        for m in pattern.finditer(text, left, right):
            distance = hit.start - m.end() if m.end() <= hit.start else m.start() - hit.end
            if distance < best_distance:
                best, best_distance = kind, distance
    return best


def _clause_start(text: str, left: int, start: int) -> int:
    semicolon = text.rfind(";", left, start)
    return semicolon + 1 if semicolon != -1 else left


def _clause_end(text: str, end: int, right: int) -> int:
    stop = _CLAUSE_STOP.search(text, end, right)
    return stop.start() if stop else right


# Where the clause after a date ends: "…, with drop-in sessions", "… and that a visit".
_CLAUSE_STOP = re.compile(r";|,\s+(?:with|and|while|which|where|but|including)\b|"
                          r"\s+and\s+that\b")
