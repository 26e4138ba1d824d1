"""The regular expressions behind vocab/dates.py and facts/dates.py, compiled once at import.

Kept apart from the logic so each shape of date is readable on its own. All patterns are
case-insensitive; dates.py rejects lower-case "may"/"march" (the verbs) afterwards.
"""

from __future__ import annotations

import re

from boardpapers.vocab.calendar import WELSH_MONTHS, WELSH_WEEKDAYS

_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sept(?:ember)?|sep|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
          r"|" + "|".join(WELSH_MONTHS) + r")(?![a-z])\.?")
_MONTH_EN = _MONTH.split("|" + next(iter(WELSH_MONTHS)))[0] + r")(?![a-z])\.?"
# A weekday is looked for just before a day (anchored at its start), so that the day
# patterns can start at a digit or a month name and stay fast.
WEEKDAY_BEFORE = re.compile(
    r"(?<![a-z])(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues?|weds?|thurs?|thu|fri|sat|sun|"
    r"dydd\s+(?:" + "|".join(WELSH_WEEKDAYS) + r"))\.?,?\s+(?:the\s+)?$",
    re.IGNORECASE)
# "5th", "2 nd" (a split ordinal), "5<sup>th</sup>" left over from HTML.
_ORDINAL = r"(?P<ord>\s?(?:<sup>)?(?:st|nd|rd|th|af|il|ydd|fed|ed|eg)(?:</sup>)?(?![a-z]))?"
_ORDINAL2 = _ORDINAL.replace("?P<ord>", "?:")
# A day's first digit, then what may not stand before it (a lookbehind one character
# further back), then its second digit: a pattern that opens with a digit lets ``re`` skip
# to the digits instead of trying the lookbehind at every position (3-4x faster, the same
# matches as a lookbehind first: tests/property/test_fast_patterns.py).
_DAY = r"(?P<day>\d(?<![\d.,/:£$€\-–]\d)\d?)"
# 4 or 5 digits (5 is a typo such as "20204", reported unparsed) or a 2-digit year.
_YEAR = r"(?P<year>\d{4,5}|\d{2})(?!\d)"

ISO_DAY = re.compile(
    r"(?<![\d/.\-])(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
DAY_MONTH_YEAR = re.compile(
    _DAY + r"(?!\d)" + _ORDINAL
    + r"(?:\s?(?:-|–|to|and|&)\s?(?P<day2>\d{1,2})" + _ORDINAL2 + r")?"
    + r"[\s,]*(?:of\s+)?" + _MONTH + r"(?:[\s,]*" + _YEAR + r")?",
    re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(
    r"(?<![a-z])" + _MONTH_EN + r"\s+(?P<day>\d{1,2})(?![\d:.]\d|\d)" + _ORDINAL
    + r"(?:,?\s+(?P<year>\d{4,5})(?!\d))?",
    re.IGNORECASE)
NUMERIC = re.compile(
    r"(?P<day>\d(?<![\d./:£$€-]\d)\d?)(?P<sep>[/.-])(?P<mon>\d{1,2})(?P=sep)"
    r"(?P<year>\d{4}|(?<=/)\d{2})(?![\d/]|[.-]\d)")
MONTH_YEAR = re.compile(
    r"(?<![a-z\d])" + _MONTH + r"[\s,]+(?P<year>\d{4})(?!\d)", re.IGNORECASE)
# "mid-February", "by the end of June", "early March": a month of no written year, which
# takes the year that puts it nearest the paper's date.
MONTH_PART = re.compile(
    r"(?<![a-z])(?:(?P<part>early|mid|late)|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
    r"[\s-]+"
    + _MONTH_EN + r"(?![\s,]*(?:\d|of\b))", re.IGNORECASE)
# "between January and March 2025": a bare month joined to a month with a year.
MONTH_BEFORE_RANGE = re.compile(
    r"(?<![a-z\d])" + _MONTH + r"\s*(?:-|–|to|until|till|and|or|&)\s*$", re.IGNORECASE)
# "October 2023-24", "31 January 2023/24": a month of a financial year (April to March).
FY_SUFFIX = re.compile(r"\s?[/-]\s?(?P<year2>\d{4}|\d{2})(?![\d/]|[.:]\d)")
FY_SHORT = re.compile(r"\bFY\s?(?P<year>\d{2})\s?[/-]\s?(?P<year2>\d{2})(?!\d)", re.IGNORECASE)
SEASON_YEAR = re.compile(
    r"(?<![a-z])(?P<season>spring|summer|autumn|winter)\s+(?:of\s+)?(?P<year>\d{4})"
    r"(?!\d)(?:\s?[/-]\s?(?P<year2>\d{2}|\d{4})(?!\d))?", re.IGNORECASE)
QUARTER = re.compile(
    r"(?<![a-z\d])(?:Q(?P<q>[1-4])|quarter\s+(?P<qw>[1-4]|one|two|three|four))"
    r"(?:\s+of)?\s+(?:FY\s?)?(?P<year>(?:19|20)\d\d)(?:\s?[/-]\s?(?P<year2>\d{2}|\d{4}))?"
    r"(?!\d)", re.IGNORECASE)
FINANCIAL_YEAR = re.compile(
    r"(?<![\d/.£$€,:\-])(?:FY\s?)?(?P<year>(?:19|20)\d\d)\s?(?:/|-|–|to)\s?"
    r"(?P<year2>(?:19|20)\d\d|\d\d)(?![\d/]|[.:]\d)", re.IGNORECASE)
# 1950-2099 after "mid-" or no word, sum or number (the first digit before the
# lookbehinds, as _DAY is written)
YEAR = re.compile(r"(?P<year>[12](?:(?<=[Mm]id-[12])|(?<![\w£$€.,/\-][12]))"
                  r"(?:(?<=1)9[5-9]|(?<=2)0\d)\d)(?![\w%/]|[.,:]\d)")
# A bare year is a date only after words like these ("until 2031", "in 2027", "mid-2025").
YEAR_LEAD = re.compile(
    r"(?:\b(?:in|by|until|till|from|since|to|before|after|during|of|for|early|late|mid|end|"
    r"through|throughout|between|and|or|year|calendar|beyond)\s+(?:the\s+)?|\bmid-|\()$",
    re.IGNORECASE)
WEEK_COMMENCING = re.compile(
    r"(?:\bw/c|\bw\.c\.|\bweek\s+(?:commencing|beginning|starting))\s*(?:on\s+)?$",
    re.IGNORECASE)
RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|and)\s*", re.IGNORECASE)
RANGE_LEAD = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)

_CLOCK = (r"(?P<h>[012]?\d)(?:(?P<colon>:)|\.)?(?P<mi>[0-5]\d)?\s?"
          r"(?P<ap>am|pm|a\.m\.|p\.m\.|noon)?(?![\w:])")
TIME_AFTER = re.compile(r"\s*(?:[-–,@]|at|from)?\s*" + _CLOCK, re.IGNORECASE)
TIME_BEFORE = re.compile(_CLOCK + r"\s*,?\s*(?:on\s+)?(?:the\s+)?$", re.IGNORECASE)

DEADLINE_JUST_BEFORE = re.compile(
    r"\b(?:by(?:\s+the)?(?:\s+end\s+of)?|erbyn|no\s+later\s+than|deadline(?:\s+(?:is|of))?:?|"
    r"(?:have|has)\s+until(?:\s+the\s+end\s+of)?|"
    r"closing\s+date(?:\s+is)?:?|"
    r"closes?(?:\s+on)?|due(?:\s+on|\s+by)?|before)\s+(?:the\s+)?(?:w/c\s+)?$",
    re.IGNORECASE)
# "Date: Tuesday, 14 May 2024" heading an agenda or a report: the date of the meeting.
# Only the label and the date (in one or two languages) stand before the day.
MEETING_DATE_LABEL = re.compile(
    r"(?:^|\n)[ \t*#>]*(?:date(?: of (?:the )?meeting)?|meeting date|dyddiad(?: y cyfarfod)?)"
    r"(?:\s*/\s*(?:date|dyddiad))?\s*[:\t]\s*[^\n]{0,50}$", re.IGNORECASE)
# "approved by Council on 20 February", "– Cabinet – 18 February 2026", "to Cabinet in
# Sept 2025 and Jan 2026": a body's name just before the date (capitalised, as a body).
BODY_NAME = (r"(?:Cabinet|Council|Committee|Board|Panel|Executive|Forum|Commission|"
             r"Assembly|Scrutiny|Sub-Committee|Cabinet\s+Member)")
_BODY = BODY_NAME
BODY_BEFORE = re.compile(
    rf"(?:\b(?:by|to|before|the)\s+{_BODY}\s+(?:meeting\s+)?(?:on|in|of)\s+(?:the\s+)?"
    r"(?:[A-Za-z]+\.?\s+\d{4}\s+(?:and|or)\s+)?"
    rf"|\b{_BODY}['’]?s?\s*[–—-]\s*(?:w/c\s+)?)$")
# A newsletter's masthead line: "Issue 47 – September 2025", "September 2025".
ISSUE_LINE = re.compile(r"^[\W_]*(?:(?:Issue|No\.?|Number|Vol\.?|Volume|Edition)\s*\d+"
                        r"\s*[–—,:|-]?\s*)?[A-Za-z]+\.?\s+\d{4}[\W_]*$", re.IGNORECASE)
KIND_WORDS = {
    "deadline": re.compile(r"\b(?:deadlines?|no\s+later\s+than|closing\s+date|submit\w*|"
                           r"submissions?|applications?\s+close|returns?\s+by|due)\b", re.I),
    "meeting": re.compile(r"\b(?:meetings?|meet|meets|will\s+meet|AGM|cyfarfod)\b", re.I),
    "event": re.compile(r"\b(?:webinars?|conferences?|events?|sessions?|training|workshops?|"
                        r"seminars?|courses?|summits?|masterclass(?:es)?|forums?|roadshows?|"
                        r"launch|residential|visits?|interviews?|drop-ins?|"
                        r"gweminar|digwyddiad|hyfforddiant|sesiwn|cynhadledd)\b", re.I),
}
PAST = re.compile(r"\b(?:was|were|had|held|took\s+place|launched|began|started|completed|"
                  r"hosted|ran|attended|published|agreed|met|received|delivered|saw|since)\b",
                  re.I)
FUTURE = re.compile(r"\b(?:will|shall|going\s+to|upcoming|forthcoming|next|planned|"
                    r"scheduled|expected|due|deadline|by)\b", re.I)
