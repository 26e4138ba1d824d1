"""Minutes and ModernGov "Agenda and minutes" pages -> Paper with a Meeting.

A minutes paper has a header (body, date, time, venue, who was present), then numbered
items, each with its minute text and, often, a decision. A ModernGov page is the same
meeting laid out by the web system: "Cabinet - Tuesday, 12th March, 2024 6.00 pm",
"Venue:", "Contact:", then per item a number cell, a title and "Minutes:" /
"Decision:" sections. Both read in English and Welsh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from boardpapers.model.classification import Classification
from boardpapers.model.layout import BlockKind, Layout
from boardpapers.model.paper import AgendaItem, Meeting, Member, NextMeeting, Paper
from boardpapers.parsers.agenda_items import private_scope
from boardpapers.parsers.authority import paper_authority
from boardpapers.parsers.block_text import headline_text
from boardpapers.parsers.decisions import decision_from_lines, is_decision_label, until_reasons
from boardpapers.parsers.lines import Line as MeetingLine
from boardpapers.parsers.meeting import body_and_authority, is_online, venue_in_sentence
from boardpapers.parsers.meeting_contact import parse_contact
from boardpapers.parsers.minute_items import NOISE, ItemStart, Line, item_starts, layout_lines
from boardpapers.parsers.minutes_header import (
    before_end,
    body_of_minutes,
    clock,
    end_time,
    labelled,
    moderngov_title,
    names_whole_council,
)
from boardpapers.parsers.minutes_people import (
    Attendance,
    apologies_from_text,
    attendance_from_table,
    attendance_label,
    declarations_from_text,
    members_from_text,
    split_people,
    with_columns,
)
from boardpapers.vocab.dates import date_in
from boardpapers.vocab.times import labelled_clock

_MINUTES_LABEL = re.compile(r"^(?:minutes|cofnodion)\s*:?$", re.IGNORECASE)
_PURPOSE_LABEL = re.compile(r"^(?:purpose|pwrpas)\s*:", re.IGNORECASE)
_APOLOGIES_ITEM = re.compile(r"\bapolog|\bymddiheuriad", re.IGNORECASE)
_DECLARATIONS_ITEM = re.compile(
    r"\b(?:declarations?|disclosures?|interests?|datgan\w*|datgeliad\w*|buddiant|buddiannau|"
    r"cysylltiad\w*|ddiddordeb)\b", re.IGNORECASE)
_NEXT_MEETING_ITEM = re.compile(r"\bdate\s+of\s+(?:the\s+)?next\s+meeting\b|"
                                r"\bdyddiad\s+y\s+cyfarfod\s+nesaf\b", re.IGNORECASE)
_MINUTES_TITLE = re.compile(r"^(?:(?:draft|confirmed|unconfirmed)\s+)?(?:minutes|cofnodion)\b",
                            re.IGNORECASE)
_COVER_NOISE = re.compile(r"^(?:public\s+document\s+pack|draft|minutes|cofnodion|"
                          r"agenda\s+(?:and|a)\s+(?:minutes|chofnodion|decisions)|"
                          r"rhaglen\s+a\s+chofnodion)$", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:signed|chair(?:man)?|cadeirydd|date)\s*[:.…_]*\s*[._…]*$",
                        re.IGNORECASE)
_DIRECTIONS = re.compile(r"\s*[.,]?\s*(?:view\s+directions|directions|cyfarwyddiadau)\s*$",
                         re.IGNORECASE)
_DATE_ONLY = re.compile(r"^(?:[A-Za-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4}$")
_NOTICE_TITLE = re.compile(r"^(?:notice\s+of\s+(?:determination|decision)|decision\s+notice|"
                           r"record\s+of\s+(?:the\s+)?(?:hearing|decisions?))$", re.IGNORECASE)
_DANGLING = re.compile(r"\b(?:in|at|of|the|held|and|on|yn|y|yr)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MinutesSettings:
    """How far minutes' header and items are read (lines) and how long their parts may be
    (characters)."""

    item_limit: int = 400  # more "items" than this is a misread list, not a meeting
    cover_headings: int = 6  # unnumbered headings at the top that may be the header's
    cover_lines: int = 12  # lines under one in which "Date:", "Venue:", "Present:" show it
    running_chars: int = 100  # a running header ("Planning Committee – 22 April 2025")
    body_lines: int = 40  # the committee's heading is among these lines
    body_chars: int = 100  # a "Committee:" label's value longer than this names no body
    description_chars: int = 120  # what a listed person represents, on the line under them
    names_chars: int = 600  # a longer continuation of "Present:" is a sentence, not names
    names_capitalised: float = 0.7  # share of capitalised words in a line of names
    restricted_lines: int = 4  # an item's opening lines that may mark it exempt


MINUTES = MinutesSettings()


@dataclass
class _Header:
    """What the lines before the first item say about the meeting (built up line by line)."""

    title: str | None = None
    body: str | None = None
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    contact: str | None = None
    online: bool = False
    people: dict[str, list[str]] = field(default_factory=dict)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> its other cells


def parse_minutes(layout: Layout, classification: Classification) -> Paper:
    return _parse(layout, classification)


def parse_agenda_and_minutes(layout: Layout, classification: Classification) -> Paper:
    return _parse(layout, classification)


def _parse(layout: Layout, classification: Classification) -> Paper:
    lines = layout_lines(layout)
    starts = _past_cover(lines, item_starts(lines)[:MINUTES.item_limit])
    header_end = starts[0].line if starts else len(lines)
    header = read_header(lines[:header_end])
    furniture = running_lines(lines)
    items = mark_private_items(
        [item_from(lines, start, starts[k + 1].line if k + 1 < len(starts) else len(lines),
                   furniture)
         for k, start in enumerate(starts)],
        [[x.text for x in lines[start.body_from:(starts[k + 1].line if k + 1 < len(starts)
                                                 else len(lines))]]
         for k, start in enumerate(starts)])
    table = _attendance_table(layout)
    authority = paper_authority(layout, body=header.body)
    if names_whole_council(header.body) and authority:
        header.body = authority
    meeting = Meeting(
        body=header.body, authority=authority, date=header.date, time=header.time,
        venue=header.venue,
        online=header.online,
        members=_unique_members(_members(header) + list(table.members)),
        items=tuple(items),
        next_meeting=_next_meeting(items, header.date),
        attendees=tuple(dict.fromkeys(
            _entries(header.people.get("also_present", [])) + list(table.attendees))),
        officers=tuple(_entries(header.people.get("officers", []))),
        apologies=tuple(dict.fromkeys(_apologies(header, items) + list(table.apologies))),
        declarations=tuple(_declarations(items)),
        contact=parse_contact(header.contact) if header.contact else None,
        end_time=next((t for t in (end_time(x.text) for x in lines) if t), None),
    )
    return Paper(source=layout.source, genre=classification.genre, layout=layout,
                 genre_evidence=classification.evidence,
                 language=getattr(classification, "language", None) or "en",
                 title=header.title, body=header.body or authority, authority=authority,
                 date=header.date, meeting=meeting)


def _past_cover(lines: list[Line], starts: list[ItemStart]) -> list[ItemStart]:
    """Without the leading unnumbered headings that open the meeting's header rather than an
    item: the committee's name above "Date:/Time:/Venue:", a "Minutes" heading above
    "Sederunt:"/"Present:" (a web page as converted text, read by its headings)."""
    cover = 0
    for k, start in enumerate(starts[:MINUTES.cover_headings]):
        if start.number:
            break
        # the only heading found may be the page's own title ("Agenda and minutes" above
        # "Venue:/Contact:" on a page whose items lost their headings)
        own = lines[start.body_from:starts[k + 1].line if k + 1 < len(starts) else len(lines)]
        if any(attendance_label(x.text) or labelled(x.text, "date") or labelled(x.text, "venue")
               for x in own[:MINUTES.cover_lines]):
            cover = k + 1
        if k + 1 >= len(starts):
            break
    return starts[cover:]


def running_lines(lines: list[Line]) -> frozenset[str]:
    """Short dated lines printed more than once ("Planning Committee – 22 April 2025" at the
    top of each page): a running header a converter left in the text, not minute text."""
    seen: dict[str, int] = {}
    for x in lines:
        if len(x.text) < MINUTES.running_chars:
            seen[x.text] = seen.get(x.text, 0) + 1
    return frozenset(t for t, n in seen.items() if n > 1 and date_in(t))


# ------------------------------------------------------------------ header


def read_header(lines: list[Line]) -> _Header:
    header = _Header()
    current: str | None = None
    previous_heading: str | None = None
    joined = False
    for k, line in enumerate(lines):
        if joined:
            joined = False
            continue  # read with the line before it
        if len(line.cells) > 1:
            in_table = _read_people_row(header, line.cells, current)
            if in_table:
                current = in_table
                continue
            if _COLUMN_HEAD.match(line.cells[0]):
                current = None  # the items table begins: no more names
        text = line.text
        if _DANGLING.search(text) and k + 1 < len(lines):
            text, joined = f"{text} {lines[k + 1].text}", True  # "… 7.30 pm in the" + "Hall, …"
        label = attendance_label(text)
        if label:
            current = label[0]
            header.people.setdefault(current, [])
            if label[1]:
                header.people[current].append(label[1])
            continue
        if current in _PEOPLE and _describes_last_person(header, current, text):
            last = header.people[current][-1]
            header.columns[last] = header.columns.get(last, ()) + (text,)
            continue
        if current and not _OTHER_LABEL.match(text) and _reads_as_names(text):
            header.people[current].append(_without_column(header, text))
            continue
        current = None
        _read_header_line(header, text, previous_heading)
        if headline_text(line.block) and not _COVER_NOISE.match(text):
            previous_heading = text
    if header.title is None:
        header.title = next((x.text for x in lines if _NOTICE_TITLE.match(x.text)), None) \
            or next((x.text for x in lines if not NOISE.match(x.text)), None)
    if header.body is None:
        header.body = _body_heading(lines)
    return header


def _body_heading(lines: list[Line]) -> str | None:
    """A web page's or front sheet's heading naming the committee ("Education, Children and
    Families Committee" above its "Date:/Time:/Venue:" table), when no sentence or label
    named the body."""
    front: list[MeetingLine] = []
    for x in lines[:MINUTES.body_lines]:
        if front and _LONE_BODY_WORD.match(x.text) and not front[-1].text.endswith((":", ".")):
            joined = f"{front[-1].text} {x.text}"  # "Education, Children and Families" +
            front[-1] = replace(front[-1], cells=(joined,))  # "Committee", wrapped
            continue
        front.append(MeetingLine(x.cells or (x.text,), x.index, x.block.kind, x.block.bold,
                                 level=x.block.level))
    return body_and_authority(front)[0]


_LONE_BODY_WORD = re.compile(r"^(?:(?:sub-)?committee|board|panel|cabinet|forum|authority)$",
                             re.IGNORECASE)


# a label that ends a list of names ("Applicant:", "Premises:"); "Councillors:" does not
_OTHER_LABEL = re.compile(r"^(?!(?:councillors?|cllrs?|aldermen|members)\s*:)"
                          r"[A-Z][\w' /-]{1,30}:(?:\s|$)",
                          re.IGNORECASE)
_PEOPLE = ("chair", "present", "co_opted", "also_present", "officers", "apologies", "absent")


# the header row of the items table under "Apologies: …" ("Item No. | Item")
_COLUMN_HEAD = re.compile(r"^(?:item|minute|agenda item|ref(?:erence)?)(?:\s*(?:no\.?|number))?"
                          r"\s*$|^no\.?$", re.IGNORECASE)


def _read_people_row(header: _Header, cells: tuple[str, ...], current: str | None) -> str | None:
    """A table row of the attendance: a label cell and its names ("In the Chair: | Alderman
    N Hetherington"; a cell's lines are separate lists), or under a label a name and the
    member's council or role ("Councillor G Hollis (Chair) | Somerset Council"). Returns
    the label now open, or None when the row is not one of these."""
    label = attendance_label(cells[0])
    if label and not label[1]:
        values = [v for c in cells[1:] for v in c.split("\n") if v.strip()]
        header.people.setdefault(label[0], []).extend(values)
        return label[0]
    if current not in _PEOPLE or _OTHER_LABEL.match(cells[0]) or _COLUMN_HEAD.match(cells[0]) \
            or not _reads_as_names(cells[0]):
        return None
    others = tuple(c for c in cells[1:] if c.strip())
    for name in cells[0].split("\n"):
        header.people[current].append(name)
        header.columns[name] = others
    return current


_PERSON_TITLE = re.compile(r"^(?:councillors?|cllrs?|mayor(?!\s+of\b)|alderm[ae]n"
                           r"|mr|mrs|ms|miss|dr|sir|dame|lord|lady|baroness|professor|prof)\.?\s",
                           re.IGNORECASE)
_DESCRIPTION = re.compile(
    r"^\(.*\)$|^(?:mayor of|(?:deputy |assistant )?leader\b|(?:vice[- ]|deputy )?chair\b|"
    r"cabinet member|portfolio holder|chief executive|independent\b)|"
    r"\b(?:council|authority|board|partnership|commission|service)\.?$", re.IGNORECASE)


def _describes_last_person(header: _Header, current: str, text: str) -> bool:
    """A two-column attendance table flattened one cell a line (pdftotext): under "Mayor
    J Ferriby (Chair)" the line "Mayor of the Ridings and Vale", under "Councillor G
    Hollis" the line "Somerset Council", or a note "(substitute for Councillor M Daley)":
    what that person represents, not another person."""
    listed = header.people.get(current)
    if not listed or "," in listed[-1] or " and " in listed[-1] or _PERSON_TITLE.match(text) \
            or not _DESCRIPTION.search(text) or len(text) > MINUTES.description_chars:
        return False
    return len(members_from_text(listed[-1])) == 1


def _without_column(header: _Header, text: str) -> str:
    """A table row a reader left as one line ("Councillor O Penrose Somerset Council")
    without the council or role the table's other rows have in their second column."""
    known = {v for cells in header.columns.values() for v in cells}
    for value in sorted(known, key=len, reverse=True):  # "North Somerset Council" first
        if len(value) < len(text) and text.endswith(f" {value}"):
            return text[:-len(value)].rstrip()
    return text


def _read_header_line(header: _Header, text: str, previous_heading: str | None) -> None:
    """Fill whatever of body/date/time/venue/contact one header line states."""
    mg = moderngov_title(text)
    if mg and header.date is None:
        header.body, header.date, header.time = header.body or mg[0], mg[1], mg[2]
        header.title = header.title or text
        return
    for label in ("venue", "contact", "date", "time", "body"):
        value = labelled(text, label)
        if value:
            _take_labelled(header, label, value)
            return
    if _MINUTES_TITLE.match(text):
        header.title = header.title or text
        header.body = header.body or body_of_minutes(text) or (
            previous_heading if re.search(r"\bmeeting\s+held\b|\bcyfarfod\s+a\s+gynhaliwyd\b",
                                          text, re.IGNORECASE) else None)
    date = date_in(text)
    if date and header.date in (None, date):  # a running header may have named the day
        header.date = date
        header.time = header.time or clock(text, need_cue=True)
        header.venue = header.venue or venue_in_sentence(text)
        header.online = header.online or bool(re.search(r"\bheld\b", text)) and is_online(text)


def _take_labelled(header: _Header, label: str, value: str) -> None:
    if label == "venue" and header.venue is None:
        header.venue = _DIRECTIONS.sub("", value).strip(" .,") or None
        header.online = header.online or is_online(value)
    elif label == "contact" and header.contact is None:
        header.contact = value
    elif label == "date" and header.date is None:
        header.date = date_in(value)
        header.time = header.time or clock(value)
    elif label == "time" and header.time is None:
        header.time = clock(value) or labelled_clock(value)
    elif label == "body" and header.body is None and len(value) < MINUTES.body_chars \
            and not date_in(value):
        header.body = value


def _reads_as_names(text: str) -> bool:
    """A continuation of a "Present:" list: mostly capitalised words, no long sentence."""
    if len(text) > MINUTES.names_chars \
            or re.search(r"\b(?:welcomed|opened|was|were|noted|reported)\b", text):
        return False
    words = [w for w in re.sub(r"\([^)]*\)", "", text).split()
             if w.lower() not in ("and", "ac", "a", "of", "de", "van", "von", "le", "la", "y",
                                  "&", "-", "–")]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or not w[0].isalpha())
    return capitalised / len(words) >= MINUTES.names_capitalised


def _attendance_table(layout: Layout) -> Attendance:
    """The attendance list printed as a table (often "Appendix A" of an LGA note)."""
    for block in layout.blocks:
        if block.kind is BlockKind.TABLE and block.rows:
            found = attendance_from_table(block.rows)
            if found is not None:
                return found
    return Attendance()


def _unique_members(members: list[Member]) -> tuple[Member, ...]:
    """Members by name, the first reading of each kept."""
    seen: dict[str, Member] = {}
    for m in members:
        seen.setdefault(m.name.casefold(), m)
    return tuple(seen.values())


def _members(header: _Header) -> list[Member]:
    """Who was present, the chair named apart ("In the Chair:") first, each with the
    council or role a table printed beside the name."""
    out = [replace(m, role="chair") for t in header.people.get("chair", [])
           for m in members_from_text(t)]
    for text in header.people.get("present", []):
        found = members_from_text(text)
        others = header.columns.get(text, ())
        if len(found) == 1 and others:
            found = [with_columns(found[0], others)]
        out += found
    out += [replace(m, role="co_opted") if m.role == "member" else m
            for t in header.people.get("co_opted", []) for m in members_from_text(t)]
    return out


def _entries(texts: list[str]) -> list[str]:
    return [e for t in texts for e in split_people(t, posts=True)]


# ------------------------------------------------------------------ items


def item_from(lines: list[Line], start: ItemStart, end: int,
              furniture: frozenset[str] = frozenset()) -> AgendaItem:
    """One minute: its text, and its decision (a ModernGov "Decision:" or a RESOLVED).

    The minute stops where the meeting ended; ``furniture`` (running headers) is skipped."""
    own = [_without_number(x) if k == start.number_line else x
           for k, x in enumerate(lines[:end]) if k >= start.body_from]
    closed = next((k for k, x in enumerate(own) if end_time(x.text)), None)
    if closed is not None and before_end(own[closed].text):  # "… noted. The meeting closed …"
        own[closed] = replace(own[closed], text=before_end(own[closed].text))
        closed += 1
    body = [_with_number(x) for x in own[:closed] if x.text
            if not NOISE.match(x.text) and not _SIGNATURE.match(x.text)
            and x.text not in furniture and not _PART_MARK.match(x.text)
            and not _DATE_ONLY.match(x.text)]
    text_lines, decision_lines = _moderngov_sections(body)
    decision = ("\n".join(until_reasons(decision_lines)) if decision_lines
                else decision_from_lines(text_lines))
    return AgendaItem(number=start.number, title=start.title,
                      text="\n".join(text_lines) or None, decision=decision or None)


_PART_MARK = re.compile(
    r"^(?:restricted|cyfyngedig|part\s*(?:1|2|i|ii|one|two)\b.{0,60}|rhan\s*(?:1|2|un|dau)\b"
    r".{0,60}|(?:exempt|confidential) items?|eitemau (?:eithriedig|cyfrinachol)|in confidence)$",
    re.IGNORECASE)
_RESTRICTED = re.compile(r"^(?:restricted|cyfyngedig)$", re.IGNORECASE)
_EXCLUDES = re.compile(r"\b(?:press|public)\b.{0,40}\bexclu|\bexclusion of (?:the )?(?:press|"
                       r"public)|\bgwahardd y (?:cyhoedd|wasg)", re.IGNORECASE)


def mark_private_items(items: list[AgendaItem], bodies: list[list[str]]) -> list[AgendaItem]:
    """Items held in private: marked "Restricted" (ModernGov), under a "Part 2" heading,
    named by an exclusion resolution ("excluded for item 12"), or after one that excludes
    the public "for the following item(s)" — until a "Part 1" heading."""
    private = False
    named: set[str] = set()
    out: list[AgendaItem] = []
    for item, body in zip(items, bodies, strict=True):
        own = any(_RESTRICTED.match(t) for t in body[:MINUTES.restricted_lines])
        out.append(replace(item, confidential=item.confidential or own or private
                           or item.number in named))
        for text in body:
            if _PART_MARK.match(text) and not _RESTRICTED.match(text):
                private = bool(private_scope(text))  # "Part 2 – Exempt items" / "Part 1"
                continue
            scope = private_scope(text) if _EXCLUDES.search(f"{item.title} {text}") else None
            if scope == "following":
                private = True
            elif isinstance(scope, set):
                named |= scope
    return [replace(i, confidential=i.confidential or i.number in named) for i in out]


def _without_number(line: Line) -> Line:
    """The line that held an item's number cell, without it ("5." + minute text, or
    "7. Restricted" -> "Restricted"); empty when the number stood alone."""
    if line.marker:
        return replace(line, block=replace(line.block, marker=""))
    return replace(line, text=re.sub(r"^\d{1,3}[a-z]?[.)]?\s*", "", line.text))


def _with_number(line: Line) -> str:
    """A numbered list item keeps its number ("1. That ..."); bullets are dropped."""
    marker = line.marker
    return f"{marker} {line.text}" if marker and any(c.isalnum() for c in marker) else line.text


def _moderngov_sections(body: list[str]) -> tuple[list[str], list[str]]:
    """Split an item's lines at "Minutes:" and "Decision:" labels, when it has them."""
    if not any(_MINUTES_LABEL.match(t) or is_decision_label(t) for t in body):
        return body, []
    minutes: list[str] = []
    decision: list[str] = []
    target: list[str] | None = None
    for text in body:
        if _MINUTES_LABEL.match(text):
            target = minutes
        elif is_decision_label(text):
            target = decision
        elif target is not None:
            target.append(text)
        elif not _PURPOSE_LABEL.match(text):
            continue  # the item's description and document links before the labels
    return minutes, decision


def _apologies(header: _Header, items: list[AgendaItem]) -> list[str]:
    names = [n for t in header.people.get("apologies", []) for n in apologies_from_text(t)]
    for item in items:
        if _APOLOGIES_ITEM.search(item.title) and item.text:
            names += [n for t in item.text.split("\n")
                      if _APOLOGIES_ITEM.search(t) or _reads_as_names(t)
                      for n in apologies_from_text(t)]
    return list(dict.fromkeys(names))


def _declarations(items: list[AgendaItem]) -> list[str]:
    out: list[str] = []
    for item in items:
        if _DECLARATIONS_ITEM.search(item.title) and item.text:
            out += declarations_from_text(item.text.split("\n"))
    return out


def _next_meeting(items: list[AgendaItem], meeting_date: str | None) -> NextMeeting | None:
    for item in items:
        if _NEXT_MEETING_ITEM.search(item.title) and item.text:
            date = date_in(item.text)
            if date and date != meeting_date:
                return NextMeeting(date=date, time=clock(item.text, need_cue=True))
    return None
