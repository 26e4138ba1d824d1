"""Dates and periods as UK board papers write them, resolved to ISO.

The one date reader of boardpapers: readers, parsers and facts all read dates here.
``parse_date(text, ref)`` -> the ISO day a short text names, or None (parsers use it for
meeting headers); ``date_in(text)`` does the same after turning Welsh day-month phrases
into English; ``date_hits(text)`` -> every date-like match, which ``facts.dates`` turns
into DateFacts (``find_dates``) and tells the kind of.

Shapes read (tests/facts/test_dates.py has the full table):

* days: "23 AUGUST 2024", "Friday, 5 March 2021", "10th March 2021", "2 nd October 2019",
  "5<sup>th</sup> March", "7TH MARCH, 2019", "7 Jun 24", "March 5th 2021", "the 5th of
  March", UK day-first "23/05/2017" and "11.09.2016", ISO "2025-03-11", Welsh "Dydd
  Mawrth, 20 Mai 2025" and "1af Ebrill"; broken across lines or glued to the word before
  ("Council2 March 2021"); a month in a financial year takes that year's half: "31 January
  2025-26" is 2026-01-31, "October 2025-26" the period "2025-10";
* ranges: "15-17 March 2021", "from 15 October to 21 January" -> ``date`` is the first day
  and ``end_date`` the last;
* periods (``date`` None, ``period`` set, kind "period"): "April 2022" -> "2022-04",
  "Autumn 2024" -> "2024-autumn", "2020/21" and "2028/2029" -> "2020/2021" (a financial or
  municipal year, or a span of years, written as an ISO-8601-style interval of years;
  also "2025-2030" and "FY25/26"),
  "Q3 2024/25" -> "2024/2025-Q3", "Q3 2024" -> "2024-Q3", a bare year after "in", "until",
  "by"... -> "2031";
* "w/c 4 March": ``date`` is that day, ``period`` its ISO week ("2024-W10").

A day written without a year takes its year from ``ref`` (the paper's own date): the year
that puts it nearest to ``ref`` (so a paper of August 2024 reads "21 January" as 2025), on
the side the sentence's tense says when it says so plainly ("took place on 15 July" is
before the paper, "will be held on 10 August" after it), or the year that matches a
weekday written with it; the end of a range is the first such day
on or after its start. Without ``ref`` such a day has ``date`` None and ``period`` "--MM-DD"
(the ISO form for a day of no particular year).

A date that cannot be a real day ("27 September 20204", "31 February 2021") is reported with
``parsed`` False and ``date`` None: never guessed, never raised.

dateparser (BSD) was measured against this module in bench/compare_fact_parsers.py: on
40 short texts it was right 31 times (this module 40) at 5-90x the time, and on 14
sentences 6 times at ~70x (it finds dates in "2.1", "3:1", phone numbers and "£60m"), so
it is not used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from boardpapers.vocab import cues
from boardpapers.vocab import date_patterns as P
from boardpapers.vocab.calendar import (
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    WELSH_MONTH_MUTATIONS,
    WELSH_MONTHS,
    WELSH_WEEKDAYS,
)
from boardpapers.vocab.spans import Claimed

_FOUR_DIGITS = re.compile(r"\d{4}")  # every shape with a written year needs one
# What each shape cannot be written without, in any case (vocab.cues finds them all in one
# pass): a month's name, a season, a quarter, "early"/"end of" before a month, "FY".
_MONTH_CUE = cues.define("month", [*MONTHS, *WELSH_MONTHS])
_SEASON_CUE = cues.define("season", ["spring", "summer", "autumn", "winter"])
_QUARTER_CUE = cues.define("quarter", ["q1", "q2", "q3", "q4", "quarter"])
_MONTH_PART_CUE = cues.define("month part", ["early", "mid", "late", "end", "beginning",
                                             "start", "middle"], whole_words=True)
_FY_CUE = cues.define("fy", ["fy"])
# "2025-03-11": a year's last digit, "-", a month's first; "11/03/2025", "1.3.25": the
# separator either side of a month
_ISO_CUE = cues.define("iso day", [f"{d}-{m}" for d in range(10) for m in (0, 1)])
_NUMERIC_CUE = cues.define("numeric day", [
    f"{sep}{month}{sep}" for sep in "/.-"
    for month in (*(str(d) for d in range(10)), *(f"{d:02d}" for d in range(100)))])
_NEXT_WORD = re.compile(r"\s*([a-z]+|\d)")
_QUARTER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4}


@dataclass(frozen=True, slots=True)
class DateHit:
    """One date-like match before its year is resolved."""

    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    bad_year: bool = False  # "20204"
    day2: int | None = None  # "15-17 March"
    weekday: int | None = None
    period: str | None = None  # set for periods (months, seasons, financial years)
    week: bool = False  # "w/c 4 March"
    month_only: bool = False  # "mid-February": a month whose year comes from the paper
    end_hit: DateHit | None = None  # the other end of "from 15 October to 21 January"


def parse_date(text: str, ref: dt.date | None = None) -> str | None:
    """The ISO day a short text names ("Friday, 5 March 2021" -> "2021-03-05"), or None."""
    for hit in date_hits(text):
        if hit.day is not None:
            iso, _ = resolve_day(hit, ref)
            if iso:
                return iso
    return None


def date_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every date or period: other finders use it to leave dates alone."""
    return [(h.start, h.end) for h in date_hits(text)]


# ------------------------------------------------------------------ finding


@lru_cache(maxsize=32)  # find_dates and find_metrics read the same block one after the other
def date_hits(text: str) -> tuple[DateHit, ...]:
    """Every match, most specific shapes first, without overlaps, in text order."""
    found = cues.present(text)
    month = _MONTH_CUE in found
    if cues.DIGIT not in found:
        finders: tuple[Callable[[str], list[DateHit]], ...] = (_month_parts,) if month else ()
    elif _FOUR_DIGITS.search(text):
        finders = ((_iso_days, _numeric, _day_month, _month_day, _quarters, _seasons,
                    _month_years, _financial_years, _years, _month_parts) if month else
                   (_iso_days, _numeric, _quarters, _seasons, _financial_years, _years))
    else:  # no year written out: only the shapes that can do without one
        finders = ((_numeric, _day_month, _month_day, _fy_short, _month_parts) if month
                   else (_numeric, _fy_short))
    finders = tuple(f for f in finders if _CUE_OF.get(f, cues.DIGIT) in found)
    hits: list[DateHit] = []
    claimed = Claimed()
    for finder in finders:
        hits.extend(hit for hit in finder(text) if claimed.claim(hit.start, hit.end))
    return tuple(sorted(hits, key=lambda h: h.start))


def _day_month(text: str) -> list[DateHit]:
    out = []
    for m in P.DAY_MONTH_YEAR.finditer(text):
        if _is_verb(m.group("mon")) or not 1 <= int(m.group("day")) <= 31:
            continue
        year, bad, end = _year_of(m, text)
        start, weekday = _weekday_before(text, m.start())
        week_words = P.WEEK_COMMENCING.search(text, max(0, start - 25), start)
        week = week_words is not None
        if week_words is not None:
            start = week_words.start()
        day, day2 = int(m.group("day")), int(m.group("day2") or 0) or None
        if day2 is not None and not day < day2 <= 31:
            if not 1 <= day2 <= 31:
                continue
            start, day, day2 = m.start("day2"), day2, None  # "Issue 18 - 14 November"
        out.append(DateHit(start, end, day, _month(m.group("mon")), year, bad, day2, weekday,
                        week=week))
    return out


def _month_day(text: str) -> list[DateHit]:
    out = []
    for m in P.MONTH_DAY_YEAR.finditer(text):
        day = int(m.group("day"))
        if _is_verb(m.group("mon")) or not 1 <= day <= 31:
            continue
        if not m.group("year") and not m.group("ord") and _count_follows(text, m.end()):
            continue  # "March 5 councils" is a count, not a date
        year, bad = _check_year(m.group("year"))
        start, weekday = _weekday_before(text, m.start())
        out.append(DateHit(start, m.end(), day, _month(m.group("mon")), year, bad,
                        weekday=weekday))
    return out


def _count_follows(text: str, pos: int) -> bool:
    """A digit or a plural noun just after 'March 5': a count, not a day."""
    m = _NEXT_WORD.match(text, pos)
    return m is not None and (m.group(1)[0].isdigit() or (
        len(m.group(1)) > 3 and m.group(1).endswith("s") and not m.group(1).endswith("ss")))


def _iso_days(text: str) -> list[DateHit]:
    """'2025-03-11' as ModernGov pages and metadata write it."""
    out = []
    for m in P.ISO_DAY.finditer(text):
        day, month, year = int(m.group("day")), int(m.group("mon")), int(m.group("year"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.append(DateHit(m.start(), m.end(), day, month, year))
    return out


def _numeric(text: str) -> list[DateHit]:
    out = []
    for m in P.NUMERIC.finditer(text):
        day, month = int(m.group("day")), int(m.group("mon"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        year, bad = _check_year(m.group("year"))
        out.append(DateHit(m.start(), m.end(), day, month, year, bad))
    return out


def _month_years(text: str) -> list[DateHit]:
    out = []
    for m in P.MONTH_YEAR.finditer(text):
        if _is_verb(m.group("mon")):
            continue
        month = _month(m.group("mon"))
        year, end = _financial_year_month(text, m.end(), int(m.group("year")), month)
        first = _month_before(text, m.start(), year, month)
        if first is not None:
            out.append(first)
        out.append(DateHit(m.start(), end, period=f"{year:04d}-{month:02d}"))
    return out


def _month_parts(text: str) -> list[DateHit]:
    """"mid-February", "by the end of June": the month, its year left to the paper
    ("mid-" is kept in the text; "the end of" is left to say the kind)."""
    return [DateHit(m.start() if m.group("part") else m.start("mon"), m.end("mon"),
                 month=_month(m.group("mon")), month_only=True)
            for m in P.MONTH_PART.finditer(text) if not _is_verb(m.group("mon"))]


def _month_before(text: str, start: int, year: int, month: int) -> DateHit | None:
    """"January" in "between January and March 2025": it takes the year of the month
    after it (the year before when it comes later in the calendar: "November to
    February 2025")."""
    m = P.MONTH_BEFORE_RANGE.search(text, max(0, start - 30), start)
    if m is None or _is_verb(m.group("mon")):
        return None
    first = _month(m.group("mon"))
    first_year = year - 1 if first > month else year
    return DateHit(m.start(), m.end("mon"), period=f"{first_year:04d}-{first:02d}")


def _seasons(text: str) -> list[DateHit]:
    out = []
    for m in P.SEASON_YEAR.finditer(text):
        years = _year_span(m.group("year"), m.group("year2"))
        if years is None and m.group("year2"):
            continue
        base = years or m.group("year")
        out.append(DateHit(m.start(), m.end(), period=f"{base}-{m.group('season').lower()}"))
    return out


def _quarters(text: str) -> list[DateHit]:
    out = []
    for m in P.QUARTER.finditer(text):
        q = int(m.group("q")) if m.group("q") else _quarter_word(m.group("qw"))
        years = _year_span(m.group("year"), m.group("year2"))
        if years is None and m.group("year2"):
            continue
        out.append(DateHit(m.start(), m.end(), period=f"{years or m.group('year')}-Q{q}"))
    return out


def _financial_years(text: str) -> list[DateHit]:
    out = []
    for m in P.FINANCIAL_YEAR.finditer(text):
        years = _year_span(m.group("year"), m.group("year2"))
        if years:
            out.append(DateHit(m.start(), m.end(), period=years))
    return out + (_fy_short(text) if _FY_CUE in cues.present(text) else [])


def _fy_short(text: str) -> list[DateHit]:
    """"FY24/25": the one financial year written without four digits."""
    out = []
    for m in P.FY_SHORT.finditer(text):
        years = _year_span("20" + m.group("year"), m.group("year2"))
        if years:
            out.append(DateHit(m.start(), m.end(), period=years))
    return out


def _years(text: str) -> list[DateHit]:
    return [DateHit(m.start(), m.end(), period=m.group("year"))
            for m in P.YEAR.finditer(text)
            if P.YEAR_LEAD.search(text, max(0, m.start() - 30), m.start())]


# The cue a finder cannot match without (the others need a digit, checked above;
# _financial_years asks for its own "FY" part).
_CUE_OF: dict[Callable[[str], list[DateHit]], str] = {
    _month_parts: _MONTH_PART_CUE, _quarters: _QUARTER_CUE, _seasons: _SEASON_CUE,
    _fy_short: _FY_CUE, _iso_days: _ISO_CUE, _numeric: _NUMERIC_CUE}


def merge_ranges(text: str, hits: tuple[DateHit, ...]) -> list[DateHit]:
    """'19 April' + ' to ' + '22 April' -> one hit spanning both.

    Days of one month make one range, and so does a start that takes its year from the end
    ("15 October to 21 January 2025"); but two dates each whole on its own ("1 April 2005 to
    31 March 2007") or listed with "and" in different months ("14 March and 8 July") are two
    dates, as the paper's readers cite them.
    """
    out: list[DateHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.day is not None and hit.day is not None
                and prev.end_hit is None and prev.day2 is None and not prev.week
                and not _two_dates(text, prev, hit)
                and P.RANGE_JOIN.fullmatch(text, prev.end, hit.start)
                and (prev.year is None or hit.year is not None)):
            out[-1] = replace(prev, end=hit.end, end_hit=hit)
        else:
            out.append(hit)
    return out


def _two_dates(text: str, first: DateHit, second: DateHit) -> bool:
    """Two dates, not one range: years of their own that differ, or different months each
    whole on its own or listed with "and"."""
    if first.year is not None and second.year is not None and first.year != second.year:
        return True
    if first.month == second.month:
        return False
    joined_by_and = "and" in text[first.end:second.start].lower()
    return joined_by_and or (first.year is not None and second.year is not None)


def resolve_day(hit: DateHit, ref: dt.date | None,
                 tense: str | None = None) -> tuple[str | None, str | None]:
    """(ISO day, period): the period is '--MM-DD' when no year can be known."""
    assert hit.day is not None and hit.month is not None
    if hit.bad_year:
        return None, None
    year = hit.year
    if year is None and hit.end_hit is not None and hit.end_hit.year is not None:
        year = _year_before(hit, hit.end_hit)
    if year is None:
        if ref is None:
            return None, f"--{hit.month:02d}-{hit.day:02d}"
        year = nearest_year(hit.day, hit.month, ref, hit.weekday, tense)
    day = _safe_date(year, hit.month, hit.day)
    return (day.isoformat() if day else None), None


def resolve_end(hit: DateHit, start_iso: str | None, ref: dt.date | None) -> str | None:
    """Last day of '15-17 March' or 'from 15 October to 21 January'."""
    if start_iso is None:
        return None
    start = dt.date.fromisoformat(start_iso)
    if hit.day2 is not None:
        end = _safe_date(start.year, start.month, hit.day2)
        return end.isoformat() if end else None
    other = hit.end_hit
    if other is None or other.day is None or other.month is None or other.bad_year:
        return None
    end = _safe_date(other.year or start.year, other.month, other.day)
    if end is not None and end < start and other.year is None:
        end = _safe_date(start.year + 1, other.month, other.day)
    return end.isoformat() if end else None


def _year_before(first: DateHit, last: DateHit) -> int:
    """'15 October to 21 January 2025': the start is in 2024."""
    assert last.year is not None and first.month is not None and last.month is not None
    later_month = (first.month, first.day or 0) > (last.month, last.day or 0)
    return last.year - 1 if later_month else last.year


def nearest_year(day: int, month: int, ref: dt.date, weekday: int | None,
                  tense: str | None = None) -> int:
    """The year that puts day/month nearest the paper's date, on the side its tense says
    ("took place on 15 July" is before the paper), or that matches its weekday."""
    days = {y: d for y in (ref.year, ref.year + 1, ref.year - 1)
            if (d := _safe_date(y, month, day)) is not None}
    if not days:
        return ref.year
    if weekday is not None:
        days = {y: d for y, d in days.items() if d.weekday() == weekday} or days
    if tense is not None:
        days = {y: d for y, d in days.items()
                if (d <= ref if tense == "past" else d >= ref)} or days
    return min(days, key=lambda y: abs((days[y] - ref).days))


def _year_of(m: re.Match[str], text: str) -> tuple[int | None, bool, int]:
    """(year, typo?, end) for a day-month match; a 2-digit 'year' before a word is a count."""
    raw = m.group("year")
    if raw and len(raw) == 2:
        after = text[m.end():m.end() + 3]
        if re.match(r"\s*[a-z%]|[:.]\d", after):
            return None, False, m.end("mon")
    year, bad = _check_year(raw)
    if year is not None and len(raw) == 4:
        year, end = _financial_year_month(text, m.end(), year, _month(m.group("mon")))
        return year, bad, end
    return year, bad, m.end() if raw else m.end("mon")


def _financial_year_month(text: str, pos: int, year: int, month: int) -> tuple[int, int]:
    """(calendar year, end) of a month written in a financial year: 'January 2023-24' is
    January 2024, 'October 2023-24' October 2023. Without a year suffix, (year, pos)."""
    m = P.FY_SUFFIX.match(text, pos)
    if m is None or _year_span(str(year), m.group("year2")) != f"{year}/{year + 1}":
        return year, pos
    return (year + 1 if month < 4 else year), m.end()


def _check_year(raw: str | None) -> tuple[int | None, bool]:
    if not raw:
        return None, False
    if len(raw) == 2:
        return 2000 + int(raw), False
    if len(raw) != 4:
        return None, True
    return int(raw), False


def _year_span(first: str, second: str | None) -> str | None:
    """'2020', '21' -> '2020/2021'; None unless the second year follows within twenty
    (ten when written with two digits)."""
    if not second:
        return None
    start = int(first)
    end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
    longest = _LONGEST_SPAN if len(second) == 4 else _LONGEST_SHORT_SPAN
    return f"{start}/{end}" if 0 < end - start <= longest else None


# "2018-2033": a local plan runs 15-20 years; "2020-35" is read only within ten.
_LONGEST_SPAN = 20
_LONGEST_SHORT_SPAN = 10


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(word: str) -> int:
    low = word.lower().rstrip(".")
    return WELSH_MONTHS.get(low) or MONTHS[low[:3]]


def _weekday_before(text: str, start: int) -> tuple[int, int | None]:
    """(new start, weekday) when 'Friday, ' or 'Thurs the ' is written just before a day."""
    m = P.WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return start, None
    word = m.group("wd").lower()
    if word.startswith("dydd"):
        return m.start(), WELSH_WEEKDAYS[word.split()[-1]]
    return m.start(), WEEKDAYS[word[:3]]


def _quarter_word(word: str) -> int:
    return int(word) if word.isdigit() else _QUARTER_WORDS[word.lower()]


def _is_verb(month_word: str) -> bool:
    """Lower-case 'may' and 'march' are verbs far more often than months."""
    return month_word in ("may", "march", "mar")


# ------------------------------------------------------------------ Welsh day-month phrases


_WELSH_DAY_MONTH_NAMES = {word: MONTH_NAMES[n]
                          for word, n in {**WELSH_MONTHS, **WELSH_MONTH_MUTATIONS}.items()}
_WELSH_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:af|ail|ydd|edd|fed|ed|eg|ain)?\s+(" + "|".join(_WELSH_DAY_MONTH_NAMES)
    + r")\b", re.IGNORECASE)


def anglicise_welsh_dates(text: str) -> str:
    """"9fed Hydref, 2014" -> "9 October, 2014", so one date parser reads both languages
    (with a day before it, "Mai" and a mutated "Fehefin" are months too)."""
    return _WELSH_DAY_MONTH.sub(
        lambda m: f"{m.group(1)} {_WELSH_DAY_MONTH_NAMES[m.group(2).lower()]}", text)


def date_in(text: str) -> str | None:
    """The ISO day a meeting line names, in English or Welsh, or None."""
    return parse_date(anglicise_welsh_dates(text))


_WELSH_MONTH_NAMES = {word: MONTH_NAMES[n] for word, n in WELSH_MONTHS.items()}
_WELSH_MONTH = re.compile(r"\b(" + "|".join(_WELSH_MONTH_NAMES) + r")\b", re.IGNORECASE)


def english_months(text: str) -> str:
    """"3 June 2025" from "3 Mehefin 2025": every Welsh month name, a day before it or not."""
    return _WELSH_MONTH.sub(lambda m: _WELSH_MONTH_NAMES[m.group(1).lower()], text)
