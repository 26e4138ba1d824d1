"""A meeting's front matter: body, date, time, venue, group offices, agenda, next meeting.

Agenda packs, agendas and minutes all open with the same facts about one meeting, written
in many house styles (LGA packs with tab tables, ModernGov front sheets with "Venue:" and
"Contact:" labels, bilingual Welsh agendas with "Dyddiad"/"Amser"/"Lleoliad"). Everything
here is a pure function over ``Line``s: the block texts of a Layout cut into rows of cells,
so a table row, a bold paragraph and a markdown list item are read by the same rules.

Membership lists live in ``parsers/membership.py`` and the agenda in
``parsers/agenda_items.py``; ``read_meeting`` puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from boardpapers.model.layout import BlockKind, Layout
from boardpapers.model.paper import GroupOffice, Meeting, NextMeeting
from boardpapers.parsers.lines import NEXT_MEETING, Line, labelled_value, split_label
from boardpapers.vocab.dates import date_in, parse_date
from boardpapers.vocab.times import parse_time

# ------------------------------------------------------------------ labels and venues


DATE_LABELS = ("date", "dyddiad", "date of meeting", "meeting date", "date and time",
               "dyddiad ac amser", "date/dyddiad", "dyddiad/date")
TIME_LABELS = ("time", "amser", "start time", "time/amser", "amser/time")
VENUE_LABELS = ("venue", "location", "place", "where", "lleoliad", "venue/lleoliad",
                "lleoliad/venue", "meeting venue", "meeting location")
_ONLINE = re.compile(
    r"\b(?:zoom|microsoft teams|ms teams|teams meeting|via teams|virtual(?:ly)?|remote(?:ly)?"
    r" meeting|remotely|online|hybrid|webex|skype|cyfarfod rhithwir|rhithiol|o bell)\b",
    re.IGNORECASE)
_PLACE_WORDS = re.compile(
    r"\b(?:chamber|hall|room|house|offices?|centre|center|civic|siambr|neuadd|ystafell|"
    r"swyddfeydd|building|suite|library|street|road|square)\b", re.IGNORECASE)


def is_online(text: str) -> bool:
    """Whether a venue or meeting line names an online platform or a hybrid meeting."""
    return bool(_ONLINE.search(text))


# ------------------------------------------------------------------ body, date, time, venue


_BODY_WORDS = re.compile(
    r"\b(?:board|committee|cabinet|panel|executive|forum|sub-committee|commission|"
    r"partnership|assembly|council|authority|group|pwyllgor|cabinet|bwrdd|cyngor|fforwm)\b",
    re.IGNORECASE)
_NOT_BODY = re.compile(
    r"^(?:public document pack|agenda|rhaglen|membership|aelodaeth|notice of meeting|"
    r"supplementary|minutes|cofnodion|contact|political group|items?|dear|to:|"
    r"(?:clerk|proper officer|chief executive|monitoring officer|secretary)\s+(?:to|of)\s+the\b|"
    r"(?:town|parish|deputy)\s+clerk\b|"  # a signature's post, not the meeting
    r"(?:chief executive|head of paid service|managing director)(?: officer)?\s*$|"
    r"(?:councillors?|cllrs?|aldermen|alderman|mr|mrs|ms|miss|dr|mayor|sir|dame)\.?\s)",
    re.IGNORECASE)  # a member's line ("Councillor K Doyle – Marcheshire County Council")
_MEETING_OF = re.compile(
    r"\b(?:a |an )?(?:meeting|cyfarfod) of (?:the )?(.+?)(?: will be held| to be held| at "
    r"\d| on | held |,|\.|$)", re.IGNORECASE)
_BODY_LABELS = ("meeting", "committee", "board", "body", "meeting of", "pwyllgor", "cyfarfod")


def find_body(lines: Sequence[Line]) -> str | None:
    """The board or committee meeting: a "Meeting:" label, "a meeting of the X", or the
    first heading-like line naming a board, committee, cabinet or panel.

    A council's own name ("Northshire County Council") is kept only when nothing more
    specific is found, because front sheets often print the authority above the body;
    ``find_authority`` reads it.
    """
    return body_and_authority(lines)[0]


def find_authority(lines: Sequence[Line]) -> str | None:
    """The authority printed above the body ("Northmoor County Council" over "Cabinet"),
    or None when the front sheet names only the body."""
    return body_and_authority(lines)[1]


@dataclass(frozen=True, slots=True)
class FrontSheetSettings:
    """How far into a front sheet its meeting details are sought (in lines), and how long
    a line naming them may be (in characters)."""

    body_lines: int = 40  # the body and authority are among these lines
    label_lines: int = 60  # "Date:", "Time:", "Venue:" labels
    dated_lines: int = 80  # a line with a full date, when no label gives it
    restated_within: int = 20  # the date again, with its time, this many lines on wins
    restated_dates: int = 6  # ...among the first dated lines
    body_chars: int = 90  # a longer line names no body
    body_plain_chars: int = 60  # a body line that is neither heading nor bold is this short
    venue_lines: int = 4  # lines from the date's line on that may give the venue
    time_lines: int = 3  # lines from the date's line on that may give the time
    venue_chars: int = 150  # a venue line or place named in a sentence
    venue_words: int = 14
    sentence_chars: int = 60  # a shorter line is no sentence naming a place


FRONT = FrontSheetSettings()


def body_and_authority(lines: Sequence[Line]) -> tuple[str | None, str | None]:
    """(body, authority) from the front sheet's first lines; see ``find_body``.

    The authority is an authority's name printed as a line of its own above the body.
    """
    front = lines[:FRONT.body_lines]
    labelled = labelled_value(front, _BODY_LABELS)
    if labelled and _BODY_WORDS.search(labelled[0]):
        return _tidy_body(labelled[0]), _authority_line(front[:labelled[1]])
    authority: str | None = None
    for i, line in enumerate(front):
        if not _body_candidate(line):
            continue
        if authority is None and _is_authority(line):
            authority = _tidy_body(line.text)
            continue
        if authority and _tidy_body(line.text).casefold() == authority.casefold():
            continue  # the authority again ("Town Council" above "TOWN COUNCIL")
        return _tidy_body(line.text), _authority_line(front[:i])
    for i, line in enumerate(front):
        m = _MEETING_OF.search(line.text)
        if m and _BODY_WORDS.search(m.group(1)):
            return _tidy_body(m.group(1)), _authority_line(front[:i])
    return authority, None


def _body_candidate(line: Line) -> bool:
    """A short heading-like line naming a board, committee, cabinet, panel or council."""
    text = line.text
    if len(text) > FRONT.body_chars or not _BODY_WORDS.search(text) or _NOT_BODY.match(text):
        return False
    if split_label(text) or parse_date(text) or "@" in text or _NUMBERED_LINE.match(text):
        return False  # "25/104 Open forum – …" is an agenda item, not the meeting
    return line.kind is BlockKind.HEADING or line.bold or len(text) < FRONT.body_plain_chars


_NUMBERED_LINE = re.compile(r"^\(?(?:[A-Z]{1,4}/)?\d{1,3}(?:[./]\d{1,4})*[.)]?\s")


def _authority_line(lines: Sequence[Line]) -> str | None:
    """The first heading-like line among ``lines`` that is an authority's own name."""
    return next((_tidy_body(ln.text) for ln in lines
                 if _body_candidate(ln) and _is_authority(ln)), None)


def _is_authority(line: Line) -> bool:
    """"Northmoor County Council" on a line of its own ("Full Council" is a meeting, and
    a table row "Councillor | Authority" a header)."""
    text = line.text.strip()
    return (len(line.cells) == 1 and bool(_AUTHORITY_NAME.search(text))
            and not _COUNCIL_MEETING.fullmatch(text))


_COUNCIL_MEETING = re.compile(r"(?:the\s+)?(?:full|annual|extraordinary|special)?\s*council"
                              r"(?:\s+meeting)?|cyngor\s+llawn", re.IGNORECASE)
_AUTHORITY_NAME = re.compile(
    r"(?:\b(?:council|cyngor|authority)\s*$|^(?:london borough|royal borough|city) of\b|"
    r"^cyngor\b)", re.IGNORECASE)


def _tidy_body(text: str) -> str:
    if text.isupper():  # "POLICE AND CRIME PANEL" -> "Police and Crime Panel"
        text = re.sub(r"(?<=\s)(?:And|Of|The|For|In|On|To)(?=\s)", lambda m: m.group(0).lower(),
                      text.title())
    text = re.sub(r"\s*[-–—]\s*(?:agenda|rhaglen|membership.*)$", "", text, flags=re.I)
    return text.strip(" .:-–—")


_NOT_MEETING_DATE = re.compile(
    r"publish|dispatch|issued|circulat|date of next|next meeting|cyfarfod nesaf|deadline|"
    r"by no later|membership|previous meeting|minutes of", re.IGNORECASE)


def find_meeting_date(lines: Sequence[Line]) -> tuple[str, int] | None:
    """The meeting's ISO date and the line it was read from.

    A "Date:"/"Dyddiad:" label wins; otherwise the first line with a full date that is
    not a publication date, a deadline or the next meeting.
    """
    labelled = labelled_value(lines[:FRONT.label_lines], DATE_LABELS)
    if labelled:
        iso = date_in(labelled[0])
        if iso:
            return iso, labelled[1]
    dated = [(iso, i) for i, line in enumerate(lines[:FRONT.dated_lines])
             if not _NOT_MEETING_DATE.search(line.text) and (iso := date_in(line.text))]
    if not dated:
        return None
    # a running header ("Authority – Committee – 10 September 2025") may name the day
    # first: the same date again with its time ("Friday 10 September 2025 at 1.30 pm") wins
    timed = (d for d in dated[:FRONT.restated_dates]
             if d[0] == dated[0][0] and d[1] - dated[0][1] <= FRONT.restated_within
             and _timed_around(lines, d[1]))
    return next(timed, dated[0])


def _timed_around(lines: Sequence[Line], i: int) -> bool:
    return any(parse_time(x.text) for x in lines[i:i + 2])


def find_meeting_time(lines: Sequence[Line], date_line: int | None) -> str | None:
    """The start time: a "Time:" label, else a time on or just after the date's line."""
    labelled = labelled_value(lines[:FRONT.label_lines], TIME_LABELS)
    if labelled:
        found = parse_time(labelled[0])
        if found:
            return found
    if date_line is not None:
        for line in lines[date_line:date_line + FRONT.time_lines]:
            found = parse_time(line.text)
            if found and not _NOT_MEETING_DATE.search(line.text):
                return found
    for line in lines[:FRONT.body_lines]:
        if re.search(r"\b(?:meeting|cyfarfod)\b.*\b(?:at|am)\b", line.text, re.I):
            found = parse_time(line.text)
            if found:
                return found
    return None


def find_venue(lines: Sequence[Line], date_line: int | None) -> str | None:
    """Where: a "Venue:"/"Location:"/"Lleoliad:" label, else the line near the date that
    names an online platform or a place ("Council Chamber, County Hall")."""
    labelled = labelled_value(lines[:FRONT.label_lines], VENUE_LABELS)
    if labelled and labelled[0]:
        return labelled[0].strip(" .")
    if date_line is None:
        return None
    for line in lines[date_line:date_line + FRONT.venue_lines]:
        text = line.text
        if _NOT_MEETING_DATE.search(text):
            continue
        in_sentence = venue_in_sentence(text)
        if in_sentence:
            return in_sentence
        rest = re.sub(r"^(?:hybrid|virtual|remote|online) meeting\s*[:–-]\s*", "",
                      _after_date_and_time(text), flags=re.IGNORECASE)
        if (rest and len(rest) < FRONT.venue_chars and len(rest.split()) <= FRONT.venue_words
                and (is_online(rest) or _PLACE_WORDS.search(rest))):
            return rest  # a venue line, not what is left of a sentence
    return None


_IN_PLACE = re.compile(r"\b(?:in|at|yn)\s+(?:the\s+)?(?=[A-Z])([^.;]+)")
_HELD = re.compile(r"\b(?:held|a gynhaliwyd|to be held)\b", re.IGNORECASE)
# after "held": "at"/"in" then a capital ("at 11.00 am at Hadley Point" skips the time)
_HELD_PLACE = re.compile(r"\b(?i:in|at|yn)\s+(?:(?i:the)\s+)?(?=[A-Z])([^.;]+)")


def venue_in_sentence(text: str) -> str | None:
    """"… to be held on 3 July at 6.30pm in the Council Chamber, Civic Offices." -> the place.

    Only sentences are searched (a short line is a venue or a heading by itself), and only
    places named with a place word (chamber, hall, room, offices…).
    """
    if len(text) < FRONT.sentence_chars:
        return None
    held = _HELD.search(text)
    if held:  # "… held at Service Headquarters, Kiln Lane on …", "HELD IN THE COUNCIL CHAMBER"
        for m in _HELD_PLACE.finditer(text, held.end()):
            place = _PLACE_END.split(m.group(1), maxsplit=1)[0].strip(" ,")
            if place and parse_time(place) is None and not parse_date(place) \
                    and len(place) < FRONT.venue_chars:
                return place
    for m in _IN_PLACE.finditer(text):
        place = _PLACE_END.split(m.group(1), maxsplit=1)[0].strip(" ,")
        if _PLACE_WORDS.search(place) and parse_time(place) is None and not parse_date(place):
            return place
    return None


# where a place named in a sentence ends: "… Market Place on Monday 9 June", "… at 7.00 pm"
_PLACE_END = re.compile(
    r",?\s+(?:on|at|from|commencing|starting|beginning)\s+(?=(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day\b|\d|noon|midday)|,?\s+(?:for the purpose|to transact|to consider)\b",
    re.IGNORECASE)


def _after_date_and_time(text: str) -> str:
    """"11.00 am – online via Zoom" -> "online via Zoom"; a bare venue line unchanged."""
    if parse_date(text) is None and parse_time(text) is None:
        return text.strip(" ,.")
    parts = re.split(r"\s[-–—]\s|,\s*(?=[A-Z])", text)
    rest = [p for p in parts if parse_date(p) is None and parse_time(p) is None
            and not re.fullmatch(r"\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*", p, re.I)]
    return ", ".join(p.strip(" ,.") for p in rest).strip()


def meeting_is_online(venue: str | None, lines: Sequence[Line], date_line: int | None) -> bool:
    """Online when the venue, or a line about the meeting itself, names a platform."""
    if venue and is_online(venue):
        return True
    near = lines[date_line:date_line + FRONT.time_lines] if date_line is not None else []
    about = [ln for ln in lines[:FRONT.body_lines] if _MEETING_OF.search(ln.text)]
    return any(is_online(ln.text) for ln in [*near, *about])


# ------------------------------------------------------------------ political group offices


_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")
PARTY_NAMES = (
    "Conservative", "Labour", "Liberal Democrat", "Independent", "Green", "Plaid Cymru",
    "Scottish National Party", "SNP", "Reform UK", "UKIP", "Residents", "Alliance",
    "Non-aligned", "Co-operative", "Lib Dem")
_PARTY = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in PARTY_NAMES) + r")", re.I)


def group_offices(lines: Sequence[Line]) -> tuple[GroupOffice, ...]:
    """Political group offices: "Labour:  Group Office: 020 …  email: …" rows."""
    out: list[GroupOffice] = []
    for line in lines:
        text = line.text
        email = _EMAIL.search(text)
        phone = _PHONE.search(text)
        if not (email or phone):
            continue
        head = line.cells[0] if len(line.cells) > 1 else text.split(":")[0]
        group = head.strip().rstrip(":").strip()
        if not group or len(group) > 40 or not (_PARTY.search(group) or
                                                 re.search(r"\bgroup\b", group, re.I)):
            continue
        if re.search(r"group office", group, re.I):
            continue
        out.append(GroupOffice(group=group, phone=phone.group(0) if phone else None,
                               email=email.group(0) if email else None))
    return tuple(out)


# ------------------------------------------------------------------ next meeting


def find_next_meeting(lines: Sequence[Line]) -> NextMeeting | None:
    """"Date of Next Meeting: Thursday, 20 May 2021, 11.00 am, venue tbc" -> its parts.

    The text may follow on the same line, in the next cell or on the next line(s) (an
    agenda item "Date of next meeting" followed by "To note … 12 May 2024 at 10am").
    """
    for i, line in enumerate(lines):
        m = NEXT_MEETING.search(line.text)
        if not m:
            continue
        text = line.text[m.end():]
        for follow in lines[i + 1:i + 3]:
            if parse_date(text):
                break
            text += " " + follow.text
        iso = parse_date(text)
        if iso is None:
            continue
        return NextMeeting(date=iso, time=parse_time(text), venue=_next_venue(text))
    return None


def _next_venue(text: str) -> str | None:
    candidates = [text[m.end():] for m in re.finditer(
        r"\b(?:venue|location|lleoliad|at|in|yn)\b\s*[:-]?\s*", text, re.I)]
    candidates.append(_after_date_and_time(text.strip(" :.-")))
    for c in candidates:
        c = re.sub(r"^(?:the\s+)?(?:(?:venue|location)\b\s*[:-]?\s*)?", "", c.strip(" ,.:"),
                   flags=re.I)
        if c and parse_time(c) is None and parse_date(c) is None and len(c) < 120:
            if _PLACE_WORDS.search(c) or is_online(c) or re.fullmatch(r"(?i)tbc|tba|to be "
                                                                      r"confirmed", c):
                return c
    return None


# ------------------------------------------------------------------ the whole meeting


def with_running_body(meeting: Meeting, layout: Layout) -> Meeting:
    """The body from the running header ("MARCHESHIRE POLICE AND CRIME PANEL" printed on
    every page, so the PDF reader set it aside), when the front sheet named none."""
    if meeting.body is not None:
        return meeting
    header = str(layout.metadata.get("running_headers") or "")
    lines = [Line((text.strip(),), -1, BlockKind.HEADING)
             for text in re.split(r"\s\|\s|\n", header) if text.strip()]
    body, authority = body_and_authority(lines)
    return replace(meeting, body=body, authority=meeting.authority or authority) if body \
        else meeting
