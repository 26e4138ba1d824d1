"""Meeting header of minutes and ModernGov pages: body, date, time, venue, contact.

Private helpers of the minutes parser, in English and Welsh. They read one header line at
a time and return None rather than guess: a venue is only taken after a label ("Venue:",
"Lleoliad:") or from "held at/in ... on <date>"; a time only with am/pm, a 24-hour clock
or a Welsh "y.b."/"y.h." (a bare "2.00 o'r gloch" is left unread).
"""

from __future__ import annotations

import re

from boardpapers.facts.dates import parse_date
from boardpapers.parsers.block_text import fold

WELSH_MONTHS = {
    "ionawr": "January", "chwefror": "February", "mawrth": "March", "ebrill": "April",
    "mai": "May", "mehefin": "June", "fehefin": "June", "gorffennaf": "July",
    "awst": "August", "medi": "September", "hydref": "October", "tachwedd": "November",
    "rhagfyr": "December",
}
_WELSH_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:af|ail|ydd|edd|fed|ed|eg|ain|ain)?\s+(" + "|".join(WELSH_MONTHS) + r")\b",
    re.IGNORECASE)
_DAYS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
         r"Dydd\s+(?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul))")
_DAYS_RE = re.compile(_DAYS, re.IGNORECASE)
_TIME = re.compile(
    r"(?<![\d.:£])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*"
    r"(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?|y\.?\s?b\.?|y\.?\s?[hp]\.?|noon|midday|hrs|hours)?(?![\d])",
    re.IGNORECASE)
_AT_TIME = re.compile(r"\b(?:at|am|Time:?|Amser:?)\s+(?:\d)", re.IGNORECASE)
_LABELS = {
    "venue": r"(?:Venue|Location|Place|Lleoliad)",
    "contact": r"(?:Contact|Cyswllt)",
    "date": r"(?:Date|Dyddiad)",
    "time": r"(?:Time|Amser)",
}
_HELD_AT = re.compile(
    r"\bheld\s+(?:at|in)\s+(?P<venue>.+?)(?:,?\s+on\s+" + _DAYS + r"|,?\s+on\s+\d|\s+at\s+\d|$)",
    re.IGNORECASE)
_TIME_THEN_PLACE = re.compile(
    r"\b(?:held\s+on|gynhaliwyd\s+ar)\s+.*?\d\s*(?:[ap]\.?m\.?|y\.?\s?[bhp]\.?)\s+"
    r"(?:in|at|yn|ym)\s+(?P<venue>.+)$", re.IGNORECASE)
_BODY_OF = re.compile(
    r"^(?:(?:draft|confirmed|approved|unconfirmed)\s+)?minutes\s+of\s+(?:the\s+|a\s+)?"
    r"(?:(?:annual|special|extraordinary|ordinary|reconvened|remote|hybrid|virtual)\s+)*"
    r"(?:meeting|proceedings)\s+of\s+(?:the\s+)?(?P<body>.+?)"
    r"(?:\s+held\b|\s+on\s+" + _DAYS + r"|,|$)", re.IGNORECASE)
_BODY_OF_CY = re.compile(
    r"^cofnodion\s+(?:cyfarfod\s+(?:arbennig\s+|blynyddol\s+)?(?:o\s+)?)?(?P<body>.+?)\s+a\s+"
    r"gynhaliwyd\b", re.IGNORECASE)
_MODERNGOV_TITLE = re.compile(r"^(?P<body>.+?)\s+[-–]\s+(?P<when>" + _DAYS + r".*)$")
_ONLINE = re.compile(r"\b(?:remote(?:ly)?|virtual(?:ly)?|online|microsoft teams|zoom|hybrid|"
                     r"o bell|rhithiol)\b", re.IGNORECASE)
_ENDED = re.compile(
    r"\b(?:meeting|proceedings)\s+(?:ended|closed|concluded|finished|terminated|rose)"
    r"(?:\s+at)?\s+(?P<time>[\d.:]+\s*(?:[ap]\.?\s?m\.?)?)"
    r"|\bdaeth\s+y\s+cyfarfod\s+i\s+ben\s+am\s+(?P<cy>[\d.:]+\s*(?:y\.?\s?[bhp]\.?)?)",
    re.IGNORECASE)


def anglicise_welsh_dates(text: str) -> str:
    """"9fed Hydref, 2014" -> "9 October, 2014", so one date parser reads both languages."""
    return _WELSH_DAY_MONTH.sub(
        lambda m: f"{m.group(1)} {WELSH_MONTHS[m.group(2).lower()]}", text)


def date_in(text: str) -> str | None:
    """The ISO day a header line names, in English or Welsh, or None."""
    return parse_date(anglicise_welsh_dates(text))


def clock(text: str, *, need_cue: bool = False) -> str | None:
    """The first clock time in ``text`` as HH:MM, or None when am/pm cannot be told.

    Only times with am/pm (or Welsh y.b./y.h./y.p.), "noon", or a 24-hour hour (13-23, or
    "hh:mm" with a leading zero) are read. ``need_cue``: only after "at"/"Time:"/"Amser".
    """
    if need_cue:
        cue = _AT_TIME.search(text)
        if not cue:
            return None
        text = text[cue.end() - 1:]
    for m in _TIME.finditer(text):
        value = _clock_value(m)
        if value:
            return value
    return None


def _clock_value(m: re.Match[str]) -> str | None:
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    marker = (m.group("ap") or "").lower().replace(".", "").replace(" ", "")
    if minute > 59 or hour > 23:
        return None
    if marker in ("am", "yb"):
        if hour > 12 or hour == 0:
            return None
        hour = 0 if hour == 12 else hour
    elif marker in ("pm", "yh", "yp"):
        if hour > 12 or hour == 0:
            return None
        hour = hour if hour == 12 else hour + 12
    elif marker in ("noon", "midday"):
        if hour != 12:
            return None
    elif marker in ("hrs", "hours") or (m.group("m") and (hour >= 13 or
                                                          m.group("h").startswith("0"))):
        pass
    else:
        return None
    return f"{hour:02d}:{minute:02d}"


def labelled(text: str, label: str) -> str | None:
    """The value after a label such as "Venue:" ("venue", "contact", "date", "time")."""
    m = re.match(_LABELS[label] + r"\s*[:\-–]\s*(.+)$", fold(text), re.IGNORECASE)
    return m.group(1).strip() if m else None


def venue_held_at(text: str) -> str | None:
    """The venue in "... held at the Council Chamber, Town Hall on Tuesday ...", or None."""
    text = fold(text)
    m = _HELD_AT.search(text) or _TIME_THEN_PLACE.search(text)
    if not m:
        return None
    venue = re.sub(r"^the\s+", "", m.group("venue").strip(" ,."), flags=re.IGNORECASE)
    if _DAYS_RE.match(venue) or re.match(r"\d", venue) or len(venue) > 150:
        return None
    return venue


def body_of_minutes(text: str) -> str | None:
    """"Minutes of the meeting of the Planning Committee held on ..." -> "Planning Committee"."""
    text = fold(text)
    m = _BODY_OF.match(text) or _BODY_OF_CY.match(text)
    if not m:
        return None
    body = re.sub(r"^(?:y|yr)\s+", "", m.group("body").strip(" ,."), flags=re.IGNORECASE)
    return body if body and len(body) <= 120 and not _DAYS_RE.match(body) else None


def moderngov_title(text: str) -> tuple[str, str | None, str | None] | None:
    """"Cabinet - Tuesday, 12th March, 2024 6.00 pm" -> ("Cabinet", "2024-03-12", "18:00")."""
    m = _MODERNGOV_TITLE.match(fold(text))
    if not m:
        return None
    when = m.group("when")
    date = date_in(when)
    if date is None:
        return None
    after_year = re.split(r"\b\d{4}\b", when, maxsplit=1)
    return m.group("body").strip(), date, clock(after_year[-1]) if len(after_year) > 1 else None


def is_online(text: str) -> bool:
    return bool(_ONLINE.search(text))


def end_time(text: str) -> str | None:
    """"The meeting ended at 8.15 pm" -> "20:15"; None when there is no such sentence."""
    m = _ENDED.search(text)
    if not m:
        return None
    raw = m.group("time") or m.group("cy")
    return clock(raw)
