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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from boardpapers.model.layout import BlockKind, Layout
from boardpapers.model.paper import GroupOffice, Meeting, NextMeeting
from boardpapers.vocab.dates import date_in, parse_date


@dataclass(frozen=True, slots=True)
class Line:
    """One row of text: a table row's cells, or one line of a paragraph as a single cell."""

    cells: tuple[str, ...]
    block: int
    kind: BlockKind = BlockKind.PARAGRAPH
    bold: bool = False
    marker: str = ""
    depth: int = 0
    level: int = 0

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)


_TAGS = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|__")
_SPACES = re.compile(r"[ \t\u00a0]+")
ITEM_MARKER = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,2})?[a-z]?|[a-z]|[ivx]{1,4})[.)]$")


def clean_cell(text: str) -> str:
    """Inline markup a reader may have left (``<b>``, ``**``) dropped, spaces folded."""
    return _SPACES.sub(" ", _TAGS.sub("", text)).strip(" *")


def lines_of(layout: Layout, first: int = 0, last: int | None = None) -> list[Line]:
    """blocks[first:last+1] as Lines; page breaks and empty rows dropped.

    A numbered list item gets its marker back in front of its text ("8." + "Any other
    business"), because agenda numbering is part of what is read here.
    """
    stop = len(layout.blocks) if last is None else min(last + 1, len(layout.blocks))
    out: list[Line] = []
    for i in range(max(first, 0), stop):
        b = layout.blocks[i]
        if b.kind is BlockKind.PAGE_BREAK:
            continue
        if b.kind is BlockKind.TABLE and b.rows:
            rows: Iterable[Sequence[str]] = b.rows
        else:
            rows = [part.split("\t") for part in b.text.split("\n")]
        for row in rows:
            cells = tuple(clean_cell(c) for c in row)
            while cells and not cells[-1]:
                cells = cells[:-1]
            if not any(cells):
                continue
            if b.kind is BlockKind.LIST_ITEM and (ITEM_MARKER.match(b.marker) or re.fullmatch(
                    r"[1-9]\d{0,2}(?:\.\d{1,2})?[a-z]?", b.marker)):  # a bare "1" or "7.1"
                cells = (f"{b.marker} {cells[0]}",) + cells[1:]
            out.append(Line(cells, i, b.kind, b.bold, b.marker, b.depth, b.level))
    return out


# ------------------------------------------------------------------ times


_TIME_12H = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?|y\.?\s?b\b\.?|y\.?\s?[hp]\b\.?)",
    re.IGNORECASE)
_TIME_24H = re.compile(
    r"(?<![\d.:£$€])\b([01]?\d|2[0-3])[:.]([0-5]\d)(\s*(?:hrs|hours|h)\b)?(?!\s*[-–]?\s*\d)")
_TIME_OCLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(?:o'?\s?clock|o['’]r gloch)",
                          re.IGNORECASE)
_NOON = re.compile(r"\b(?:12\s*)?(?:noon|midday|hanner dydd)\b", re.IGNORECASE)


def parse_time(text: str, *, guess: bool = True) -> str | None:
    """The first clock time in ``text`` as "HH:MM": "11.00 am", "2.30pm", "14:00", "noon".

    Welsh "y.b."/"y.h."/"y.p." are am/pm. A bare "11.00" counts only with a colon or a
    point and two digits, and not when it starts a range of numbers ("10.00 - 12" is a
    page range or a clause). "2.00 o'clock" (or "o'r gloch") with an hour from 1 to 7 is
    read as afternoon, as meetings rarely start before 8 am. ``guess=False`` reads only
    times that cannot be misread: with am/pm, noon, "hrs", or a 24-hour clock past 12 or
    with a leading zero ("09:30"); a bare "7.00" or "2.00 o'clock" is then left unread.
    """
    found: list[tuple[int, int, str]] = []  # (position, preference, "HH:MM")
    m = _TIME_12H.search(text)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        pm = re.sub(r"[.\s]", "", m.group(3)).lower() in ("pm", "yh", "yp")
        if 1 <= hour <= 12 and minute < 60:
            hour = hour % 12 + (12 if pm else 0)
            found.append((m.start(), 0, f"{hour:02d}:{minute:02d}"))
    m = _TIME_OCLOCK.search(text) if guess else None
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if 1 <= hour <= 12 and minute < 60:
            found.append((m.start(), 1, f"{hour + 12 if hour <= 7 else hour:02d}:{minute:02d}"))
    m = _NOON.search(text)
    if m:
        found.append((m.start(), 2, "12:00"))
    m = _TIME_24H.search(text)
    if m and not _TIME_12H.match(text, m.start()) and (guess or _unmistakable_24h(m)):
        found.append((m.start(), 3, f"{int(m.group(1)):02d}:{m.group(2)}"))
    return min(found)[2] if found else None


def labelled_clock(text: str) -> str | None:
    """The time after a "Time:" label, where a bare "10:00" or "2.00" is the meeting's
    start: from 8.00 to 12.59 as written, 1.00 to 7.59 in the afternoon (meetings rarely
    start before 8 am)."""
    found = parse_time(text)
    if found is None or parse_time(text, guess=False):
        return found
    hour, minute = (int(x) for x in found.split(":"))
    return f"{hour + 12:02d}:{minute:02d}" if 1 <= hour <= 7 else found


def _unmistakable_24h(m: re.Match[str]) -> bool:
    """"14:00", "09:30", "10.00 hrs" — not "7.00", which may be morning or evening."""
    return bool(m.group(3)) or int(m.group(1)) >= 13 or m.group(1).startswith("0")


# ------------------------------------------------------------------ labels and venues


_LABEL = re.compile(r"^\s*([A-Za-z][\w '’/()-]{0,40}?)\s*[:：]\s*(.*)$")
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


def split_label(text: str) -> tuple[str, str] | None:
    """("venue", "Council Chamber") for "Venue: Council Chamber"; None without a label."""
    m = _LABEL.match(text)
    if not m:
        return None
    return m.group(1).strip().casefold(), m.group(2).strip()


def labelled_value(lines: Sequence[Line], labels: Sequence[str]) -> tuple[str, int] | None:
    """The value after the first of ``labels`` ("Venue: X"), as a cell, a line or the next line.

    Returns the value and the index of the line it came from.
    """
    for i, line in enumerate(lines):
        for j, cell in enumerate(line.cells):
            pair = split_label(cell)
            key = pair[0] if pair else cell.rstrip(":").strip().casefold()
            if not label_is(key, labels):
                continue
            value = pair[1] if pair else ""
            if not value and len(line.cells) > 2:
                break  # a column heading ("Item | Title | Lead | Time"): its values are data
            if not value and j + 1 < len(line.cells):
                value = " ".join(line.cells[j + 1:]).strip()
            if not value and i + 1 < len(lines):
                return lines[i + 1].text, i + 1
            if value:
                return value, i
    return None


def label_is(key: str, labels: Sequence[str]) -> bool:
    """"dyddiad / date" is a date label: bilingual labels name the field once per language."""
    key = re.sub(r"\s*/\s*", "/", key)
    return key in labels or any(part.strip() in labels for part in key.split("/"))


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


NEXT_MEETING = re.compile(r"(?:date (?:and time )?of (?:the )?next meeting|next meeting|"
                   r"dyddiad y cyfarfod nesaf|cyfarfod nesaf)", re.IGNORECASE)


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


def read_meeting(lines: Sequence[Line]) -> Meeting:
    """Every front-matter fact this module and ``membership`` know how to read."""
    from boardpapers.parsers.agenda_items import parse_agenda_items
    from boardpapers.parsers.meeting_contact import find_meeting_contact
    from boardpapers.parsers.membership import parse_members

    dated = find_meeting_date(lines)
    date_line = dated[1] if dated else None
    venue = find_venue(lines, date_line)
    body, authority = body_and_authority(lines)
    return Meeting(
        body=body, authority=authority, date=dated[0] if dated else None,
        time=find_meeting_time(lines, date_line), venue=venue,
        online=meeting_is_online(venue, lines, date_line), members=parse_members(lines),
        items=parse_agenda_items(lines), next_meeting=find_next_meeting(lines),
        group_offices=group_offices(lines), contact=find_meeting_contact(lines))
