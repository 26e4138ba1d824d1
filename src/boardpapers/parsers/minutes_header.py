"""Meeting header of minutes and ModernGov pages: body, date, time, venue, contact.

Private helpers of the minutes parser, in English and Welsh, for what only minutes say
("Minutes of the meeting of X held at Y on …", "Cabinet - Tuesday, 12th March, 2024", "The
meeting ended at 8.15 pm"). Dates, times, labels and online platforms are read by
``parsers.meeting``, as for agendas. They read one header line at a time and return None
rather than guess: a venue is only taken after a label ("Venue:", "Lleoliad:") or from a
sentence naming a place ("held in the Council Chamber on …"); a time only with am/pm, a
24-hour clock or a Welsh "y.b."/"y.h." (a bare "2.00 o'r gloch" is left unread).
"""

from __future__ import annotations

import re

from boardpapers.parsers.lines import label_is, split_label
from boardpapers.parsers.meeting import DATE_LABELS, TIME_LABELS, VENUE_LABELS
from boardpapers.vocab.calendar import WEEKDAY_NAMES, WELSH_WEEKDAYS
from boardpapers.vocab.dates import date_in
from boardpapers.vocab.text import fold
from boardpapers.vocab.times import parse_time

_DAYS = (r"(?:" + "|".join(WEEKDAY_NAMES) + r"|"
         r"Dydd\s+(?:" + "|".join(w.title() for w in WELSH_WEEKDAYS) + r"))")
_DAYS_RE = re.compile(_DAYS, re.IGNORECASE)
_AT_TIME = re.compile(r"\b(?:at|am|Time:?|Amser:?)\s+(?:\d)", re.IGNORECASE)
_LABELS = {"venue": VENUE_LABELS, "date": DATE_LABELS,
           "contact": ("contact", "cyswllt", "please ask for", "gofynnwch am"),
           "time": TIME_LABELS, "body": ("title", "meeting", "committee", "board", "teitl",
                                         "pwyllgor", "cyfarfod", "hearing", "sub-committee")}
_DASHED_LABEL = re.compile(r"^([A-Za-z][\w /]{0,30}?)\s+[-–]\s+(?=\S)")
_BODY_OF = re.compile(
    r"^(?:(?:draft|confirmed|approved|unconfirmed)\s+)?minutes\s+of\s+(?:the\s+|a\s+)?"
    r"(?:(?:annual|special|extraordinary|ordinary|reconvened|remote|hybrid|virtual)\s+)*"
    r"(?:meeting|proceedings)\s+of\s+(?:the\s+)?(?P<body>.+?)"
    r"(?:\s+held\b|\s+on\s+" + _DAYS + r"|,|$)", re.IGNORECASE)
_BODY_OF_CY = re.compile(
    r"^cofnodion\s+(?:cyfarfod\s+(?:arbennig\s+|blynyddol\s+)?(?:o['’]r\s+|o\s+)?)?(?P<body>.+?)\s+a\s+"
    r"gynhaliwyd\b", re.IGNORECASE)
_MODERNGOV_TITLE = re.compile(r"^(?P<body>.+?)\s+[-–]\s+(?P<when>" + _DAYS + r".*)$")
_ENDED = re.compile(
    r"\b(?:meeting|proceedings)\s+(?:ended|closed|concluded|finished|terminated|rose)"
    r"(?:\s+at)?\s+(?P<time>[\d.:]+\s*(?:[ap]\.?\s?m\.?)?)"
    r"|\bdaeth\s+y\s+cyfarfod\s+i\s+ben\s+am\s+(?P<cy>[\d.:]+\s*(?:y\.?\s?[bhp]\.?)?)",
    re.IGNORECASE)


def clock(text: str, *, need_cue: bool = False) -> str | None:
    """The first clock time in ``text`` as HH:MM, or None when am/pm cannot be told
    (``meeting.parse_time`` without guessing). ``need_cue``: only after "at"/"Time:"/"Amser"."""
    if need_cue:
        cue = _AT_TIME.search(text)
        if not cue:
            return None
        text = text[cue.end() - 1:]
    return parse_time(text, guess=False)


def labelled(text: str, label: str) -> str | None:
    """The value after a label such as "Venue:" ("venue", "contact", "date", "time", or
    "body" for an LGA note's "Title: Community Wellbeing Board"),
    read by ``meeting.split_label``; "Venue – Council Chamber" is a label too."""
    text = _DASHED_LABEL.sub(r"\1: ", fold(text), count=1)
    pair = split_label(text)
    if pair and pair[1] and label_is(pair[0], _LABELS[label]):
        return pair[1]
    return None


_WHOLE_COUNCIL = re.compile(r"^(?:the\s+|y\s+|full\s+)?(?:council|cyngor)$", re.IGNORECASE)


def names_whole_council(body: str | None) -> bool:
    """"Council", "the Council", "y Cyngor": the minutes of the authority's own meeting,
    whose name is the authority's ("cyfarfod o'r Cyngor" of Llanfihangel Community Council)."""
    return bool(body and _WHOLE_COUNCIL.match(body.strip()))


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


def end_time(text: str) -> str | None:
    """"The meeting ended at 8.15 pm" -> "20:15"; None when there is no such sentence."""
    m = _ENDED.search(text)
    if not m:
        return None
    raw = m.group("time") or m.group("cy")
    return clock(raw)


def before_end(text: str) -> str:
    """The text before the sentence that ends the meeting ("The Council noted … . The
    meeting closed at 8.51pm." -> "The Council noted … ."), where a converter ran the two
    together; "" when the line opens with it."""
    m = _ENDED.search(text)
    if not m:
        return text
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
    return text[:start + 1].strip() if start >= 0 else ""
