"""Signs of meeting papers: agendas, minutes, and meeting pages with both.

An agenda calls a meeting and lists its business (an "Agenda" heading, standing items,
a summons, an item table with page ranges); minutes record what happened (a "Minutes of
…" title, a hearing's notice of determination, past-tense minute wording in the cue
table); a ModernGov or CMIS page lists the items with their minutes under them. One
``score`` function per genre, registered in ``builtins``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.genre_cues import CueTable, cue, score_cues
from boardpapers.genres import READ, Counted, Line, PaperLines, Signs, label_rows, start_or_search
from boardpapers.model.layout import BlockKind

_AGENDA_WORDS = re.compile(r"^(?:agenda|rhaglen|agenda and reports|supplementary agenda"
                           r"|agenda pack|public reports pack)$", re.IGNORECASE)
_AGENDA_ITEMS = re.compile(
    r"\b(?:apologies(?: for absence)?|declarations? of (?:interests?|pecuniary)"
    r"|minutes of the (?:previous|last) meeting|any other business|date of (?:the )?next meeting"
    r"|urgent business|exclusion of (?:the )?(?:press and )?public|ymddiheuriadau"
    r"|datganiadau? o (?:fuddiant|ddiddordeb)|public (?:participation|questions))\b",
    re.IGNORECASE)
_MEETING_NOTICE = re.compile(
    r"\b(?:there will be a meeting|you are (?:hereby )?summoned|notice (?:is hereby given )?of "
    r"(?:a )?meeting|members of the .{3,60} (?:committee|board|cabinet)|membership\b|quorum"
    r"|to: (?:members|all members))", re.IGNORECASE)
_MINUTES_TITLE = re.compile(r"^(?:(?:draft |confirmed |signed )?minutes(?: of (?:the )?(?:a )?"
                            r"(?:meeting|proceedings).*)?|cofnodion.*|note of .{0,60}meeting.*"
                            # the LGA's "Minutes of last Improvement and Innovation Board
                            # meeting"; an agenda's "Minutes of the last meeting" is not a title
                            r"|minutes of last \S.{0,60}meeting.*)$",
                            re.IGNORECASE)
_MODERNGOV = re.compile(
    r"^(?:agenda and minutes|agenda and draft minutes|agenda a chofnodion|agenda a chofnodion "
    r"drafft|rhaglen a chofnodion|minutes:|cofnodion:|(?:venue|lleoliad|contact|cyswllt):.*"
    r"|items|item no\.?|rhif eitem|eitemau|additional documents:|dogfennau ychwanegol:)$"
    r"|\bpdf (?:icon )?pdf \d+ kb\b|\bpdf eicon pdf\b", re.IGNORECASE)
_MODERNGOV_NEEDLES = ("pdf ",)
# What makes a ModernGov page "agenda and minutes" rather than an agenda: minutes in it.
_MODERNGOV_MINUTES = re.compile(r"^(?:minutes:|cofnodion:|agenda and (?:draft )?minutes"
                                r"|agenda a chofnodion(?: drafft)?|rhaglen a chofnodion)$",
                                re.IGNORECASE)
_ITEM_ROW = re.compile(r"^\d{1,2}[.)]?\s+\S.{3,}(?:\s\d{1,3}\s*[-–]\s*\d{1,3})?$")
_PAGE_RANGE = re.compile(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\s*$")

# A licensing (or other) sub-committee's notice of determination is the record of one
# hearing: its body, date, venue, members and decision. The expectations score it as
# minutes, the closest of the export contract's genres.
_HEARING_NOTICE = re.compile(r"^(?:notice of (?:the )?(?:determination|decision)(?: of .{3,60})?"
                             r"|(?:hearing )?decision notice|record of (?:the )?hearing)$",
                             re.IGNORECASE)
_HEARING_LABELS = re.compile(r"^(?:date of (?:the )?hearing|hearing(?: date)?|(?:sub-?committee|"
                             r"panel) members(?: present)?|parties (?:attending|present)"
                             r"|members of the (?:sub-?committee|panel))\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MeetingSignSettings:
    """Weights of the signs of agendas, minutes and meeting pages."""

    hearing_title: float = 1.5  # "Notice of Determination": a hearing's record, minutes
    hearing_labels: Counted = Counted(0.75, 1.5)  # "Date of hearing:", "Panel members:"
    agenda_heading: float = 1.5  # "Agenda" as a line of its own
    standing_items: Counted = Counted(0.5, 2.0)  # apologies, declarations... (distinct)
    notice: float = 1.0  # "you are summoned", membership, quorum
    agenda_table: float = 1.5  # item rows with page ranges
    agenda_table_rows: int = 2  # ...at least this many
    minutes_title: float = 2.0  # "Minutes of the meeting..."
    moderngov_labels: Counted = Counted(0.5, 4.0)  # a ModernGov page with minutes in it
    moderngov_agenda: Counted = Counted(0.5, 2.0)  # the same page without minutes: an agenda
    moderngov_min_labels: int = 3


MEETING_SIGNS = MeetingSignSettings()


def score_agenda(paper: PaperLines, signs: Signs) -> None:
    """Front-matter signs of an agenda, a ModernGov page without minutes, the agenda cues."""
    w = MEETING_SIGNS
    front = paper.front
    agenda_heads = sum(1 for _, _, t in front if _AGENDA_WORDS.match(t.rstrip(":")))
    if agenda_heads:
        signs("agenda", w.agenda_heading, f"'Agenda' heading x{agenda_heads}")
    items = {m.group(0).lower() for _, _, t in front for m in _AGENDA_ITEMS.finditer(t)}
    if items:
        signs("agenda", w.standing_items.of(len(items)),
              "standing agenda items: " + ", ".join(sorted(items)[:4]))
    if any(_MEETING_NOTICE.search(t) for _, _, t in front):
        signs("agenda", w.notice, "meeting notice / membership")
    page_rows = sum(1 for _, b, t in front if b.kind is BlockKind.TABLE and _PAGE_RANGE.search(t))
    page_rows += sum(1 for _, b, t in front if _ITEM_ROW.match(t) and _PAGE_RANGE.search(t))
    if page_rows >= w.agenda_table_rows:
        signs("agenda", w.agenda_table, f"agenda table ({page_rows} items with page ranges)")
    moderngov, with_minutes = paper.memo("moderngov", _moderngov_labels)
    if moderngov >= w.moderngov_min_labels and not with_minutes:
        signs("agenda", w.moderngov_agenda.of(moderngov),
              f"ModernGov agenda page labels x{moderngov} (Venue, Items), no minutes")
    score_cues(paper, AGENDA_CUES, signs)


def score_minutes(paper: PaperLines, signs: Signs) -> None:
    """A hearing's record, a "Minutes" title, the minute wording cues."""
    w = MEETING_SIGNS
    front = paper.front
    _score_hearing(front, signs)
    if any(_MINUTES_TITLE.match(t) for _, _, t in front):
        signs("minutes", w.minutes_title, "'Minutes' title")
        signs.title("minutes")
    score_cues(paper, MINUTES_CUES, signs)


def score_agenda_and_minutes(paper: PaperLines, signs: Signs) -> None:
    """A ModernGov page's labels with minutes among them, the page-title cue."""
    w = MEETING_SIGNS
    moderngov, with_minutes = paper.memo("moderngov", _moderngov_labels)
    if moderngov >= w.moderngov_min_labels and with_minutes:
        signs("agenda_and_minutes", w.moderngov_labels.of(moderngov),
              f"ModernGov page labels x{moderngov} with minutes x{with_minutes} "
              "(Agenda and minutes, Venue, Items, Minutes:)")
    score_cues(paper, AGENDA_AND_MINUTES_CUES, signs)


def _moderngov_labels(paper: PaperLines) -> tuple[int, int]:
    """(ModernGov page labels, of them minutes labels): read by two genres' scorers."""
    lines = paper.lines
    return (sum(1 for _, _, t in lines if start_or_search(_MODERNGOV, _MODERNGOV_NEEDLES, t)),
            sum(1 for _, _, t in lines if _MODERNGOV_MINUTES.match(t)))


def _score_hearing(front: list[Line], signs: Signs) -> None:
    w = MEETING_SIGNS
    if any(_HEARING_NOTICE.match(t) for _, _, t in front[:READ.title_lines]):
        signs("minutes", w.hearing_title, "'Notice of Determination' title (a hearing's record)")
    labels = sum(1 for _, b, t in front for row in label_rows(b, t)
                 if _HEARING_LABELS.match(row))
    if labels:
        signs("minutes", w.hearing_labels.of(labels),
              f"hearing labels x{labels} (date of hearing, sub-committee members)")


# What calls a meeting and lists its business.
AGENDA_CUES = CueTable(
    cue("agenda", 2.0, 2.0,
         r"\b(?:you are (?:hereby )?(?:summoned|requested|invited) to attend|(?:councillors|"
         r"members) (?:are|is) (?:hereby )?summoned|summons to|notice is (?:hereby )?given"
         r"|(?:meeting|business) (?:is|are) (?:to be|will be) (?:held|transacted)"
         r"|will be held (?:at|in|on|via|within|remotely|virtually)"
         r"|to be held (?:at|in|on|via|within))",
         "a summons or notice of the meeting"),
    cue("agenda", 0.5, 2.0,
         r"^\s*(?:\d{1,3}[.)]?|[a-z]\)|item \d+\.?)?\s*to (?:receive|consider|note|approve|"
         r"agree|discuss|resolve|confirm|elect|appoint|review|determine|adopt|sign)\b",
         "agenda items in the imperative ('To receive …') x{n}"),
    cue("agenda", 0.5, 1.5,
         r"^\s*(?:\d{1,3}[.)]?\s*\|?\s*)(?:apologies|declarations? of|public (?:participation|"
         r"questions|forum|speaking)|chair(?:man)?'?s? (?:business|announcements)|any other "
         r"business|date of (?:the )?next|urgent (?:business|items?)|exclusion of)",
         "numbered standing items x{n}"),
    cue("agenda", 1.5, 1.5, r"^\s*(?:meeting |council |committee )?agenda\s*:?\s*$"
         r"|^\s*agenda for (?:the )?\w|\bagenda:\s",
         "'Agenda' heading", front=3000),
    cue("agenda", 1.0, 1.0, r"^\s*(?:no\.?|item(?: no\.?)?)\s*\|?\s*(?:agenda )?item\b",
         "a meeting page's 'No. Item' header"),
    cue("agenda", 0.5, 1.5, r"^\s*(?:date|time|venue|location|place|lleoliad|dyddiad)\s*:",
         "meeting labels x{n} (Date:, Time:, Venue:)", front=3000),
    cue("agenda", 1.5, 1.5,
         r"^\s*meeting details\s*$|(?:^|\s)(?:•\s*)?documents\s+(?:•\s*)?attendance\s+(?:•\s*)?"
         r"visitors\b",
         "a CMIS meeting page (Meeting Details: Documents, Attendance, Visitors)"),
)

# ModernGov and CMIS pages that carry the minutes under each agenda item.
AGENDA_AND_MINUTES_CUES = CueTable(
    cue("agenda_and_minutes", 4.0, 4.0,
         r"^\s*(?:agenda(?:,? decisions)?,? and (?:draft )?minutes"
         r"|rhaglen a chofnodion|agenda a chofnodion)\s*$",
         "'Agenda and minutes' page title", front=1500),
)

# Past-tense record of what happened: minutes, minute extracts, item pages with minutes.
MINUTES_CUES = CueTable(
    cue("minutes", 2.5, 2.5,
         r"^\s*(?:draft |confirmed |unconfirmed |signed )?minutes of "
         r"(?!(?:the )?(?:previous|last))(?:the |a |an )?[^\n]{0,100}?(?:meeting|proceedings)"
         r"|^\s*cofnodion\b|\bat a meeting of\b|\bcofnodion (?:cyfarfod|y cyfarfod|o gyfarfod)",
         "a minutes title ('Minutes of the … meeting held …')", front=600, title=True),
    cue("minutes", 1.0, 2.0,
         r"^\s*(?:\d{1,3}\.?\s*)?(?:present|in attendance|also present|officers present|"
         r"presennol|yn bresennol|wrth law|sederunt)\b\s*(?::|-|–|$)|\bpresennol\s*:",
         "an attendance list ('Present:') x{n}"),
    cue("minutes", 0.75, 3.0,
         r"\b(?:resolved|penderfynwyd|it was (?:resolved|agreed|noted|reported|moved|"
         r"proposed|advised|"
         r"seconded|explained|confirmed)|were received from"
         r"|apologies (?:for absence )?(?:were|was) (?:received|submitted|given|noted)"
         r"|declared an? (?:[\w-]+ ){0,3}interest|^\s*decided\s*:|there was submitted"
         r"|there were no declarations"
         r"|the (?:chair(?:man|person)?|mayor|convener) (?:welcomed|thanked|introduced|"
         r"explained|reported|advised|noted|informed)|members (?:noted|discussed|agreed|"
         r"considered|asked|were (?:informed|advised|reminded))|(?:introduced|presented) the "
         r"(?:report|item|strategy|update)|agreed that\b|(?:was|were) (?:observed|agreed|noted|"
         r"approved|adopted) (?:as|by|that)|the meeting (?:closed|ended|commenced|was "
         r"(?:inquorate|adjourned))|(?:minutes|record) of the (?:previous |last )?meeting "
         r"[^.\n]{0,80}?(?:were|was|be) (?:agreed|approved|confirmed|signed)"
         r"|(?:the )?(?:committee|board|panel|council|cabinet|members) (?:considered|received|"
         r"noted|agreed|resolved)|(?:clerk|officer|chair(?:man)?) (?:referred|reported|"
         r"explained|informed|advised) )",
         "minute wording x{n} (resolved, it was agreed, members noted, …)"),
    cue("minutes", 0.5, 2.5,
         r"\b(?:councillors?|cllr|the (?:leader|chair(?:man|person)?|mayor|clerk|director|"
         r"(?:chief |monitoring |finance |scrutiny )?officer|head of \w+|cabinet member|"
         r"portfolio holder|vice[- ]chair(?:man)?|scrutiny adviser)|members|officers)\b"
         r"[^.\n]{0,60}?\b(?:explained|questioned|accepted|reported|advised|stated|asked|"
         r"confirmed|responded|commented|welcomed|thanked|noted|agreed|suggested|informed|"
         r"queried|highlighted|added|raised|expressed|referred|outlined|introduced|presented|"
         r"requested|proposed|seconded|moved|declared|addressed|clarified|replied)\b",
         "minute narrative x{n} (Councillor X asked, the Leader explained, members noted)"),
    cue("minutes", 1.0, 2.0, r"(?:^|\s)minutes:|(?:^|\s)resolved\s*[:\-–]|^\s*decision:",
         "'Minutes:' / 'Resolved:' labels x{n}"),
)
