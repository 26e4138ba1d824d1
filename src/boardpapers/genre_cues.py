"""Genre cues found in the words of the whole text, not only in lines marked as headings.

Real papers often reach us flattened: a report's cover table and headings run into one
paragraph ("REPORT TO: Council DATE: 4 March 2019 SUBJECT: … PURPOSE OF THE REPORT To
ask …"), a minute is a page of past-tense narrative, a meeting page loses its headings.
Each ``Cue`` is a phrase that points at a genre wherever it occurs; every occurrence adds
its weight to the genre, up to the cue's cap, and leaves a line of evidence. The table is
the whole of this module's knowledge: a new shape is a new row.

``other`` has cues of its own: what the export contract files under "other" (forward-plan
entries, decision records, annual reports, letters, templates, registers) is recognised,
not merely left over.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from boardpapers.prefilter import Prefilter, may_match
from boardpapers.vocab.calendar import MONTH_NAMES


@dataclass(frozen=True, slots=True)
class Cue:
    genre: str
    weight: float  # added per occurrence
    cap: float  # at most this much from one cue
    pattern: re.Pattern[str]
    why: str  # evidence line; "{n}" is replaced by the number of occurrences
    front: int = 0  # > 0: only the first this many characters count
    title: bool = False  # names the paper's genre in its title ("Minutes of …")


@dataclass(frozen=True, slots=True)
class CueSettings:
    """How much of a long paper is read for cues (a pack's front matter is at its start)."""

    max_chars: int = 20_000


CUE_SETTINGS = CueSettings()
_IM = re.IGNORECASE | re.MULTILINE


def _cue(genre: str, weight: float, cap: float, pattern: str, why: str, *, front: int = 0,
         flags: int = _IM, title: bool = False) -> Cue:
    return Cue(genre, weight, cap, re.compile(pattern, flags), why, front, title)


# What a committee report says about itself, and its cover sheet's labels inline.
_REPORT = (
    _cue("report", 2.0, 2.0, r"\bpurpose of (?:the |this )?(?:report|paper)\b|\bdiben yr adroddiad",
         "'Purpose of the report' in the text"),
    _cue("report", 1.5, 1.5,
         r"\b(?:this|the attached) (?:report|paper) (?:sets out|provides|presents|seeks|asks|"
         r"considers|summarises|updates|informs|details|outlines|describes|proposes|is to|"
         r"notes|makes|gives|requests|recommends|reviews|explains|highlights|brings)\b"
         r"|\bthe (?:purpose|aim|objective) of this (?:report|paper)\b",
         "the paper speaks of itself as a report ('This report sets out …')"),
    _cue("report", 1.5, 1.5,
         r"\bit is recommended that\b|\brecommended that (?:the )?(?:cabinet|committee|council|"
         r"board|members|executive|panel|authority|leader)\b|\bargymhellir\b",
         "'It is recommended that …'"),
    _cue("report", 0.75, 1.5,
         r"\b(?:is|are) (?:asked|recommended|requested|invited) to (?:note|agree|approve|"
         r"consider|endorse|comment|decide|choose|review|delegate|give|support|adopt|"
         r"recommend|confirm|authorise)\b",
         "'… is asked to note / agree' x{n}"),
    _cue("report", 1.0, 1.0,
         r"(?:^|\s)(?:recommendations?|recommendation\(s\)|recommendation/s)\s*[:\-–]"
         r"|^\s*(?:\d+(?:\.\d+)*\.?\s+)?recommendations?(?: of [\w ]{3,60})?\s*$",
         "'Recommendation(s)' label"),
    _cue("report", 0.5, 2.5,
         r"\b(?:report (?:to|of|by|from|author)|wards? affected|key decision|portfolio holders?"
         r"|report no|executive summary|summary of (?:the )?report|background (?:papers|documents)"
         r"|financial implications|legal implications|equalit(?:y|ies) implications"
         r"|risk (?:management|assessment|implications)|reasons? for (?:the )?recommendations?"
         r"|issue for decision|options? considered|alternative options|head of service"
         r"|lead (?:officer|member|director)|contact officer|report author|cabinet member"
         r"|subject)\s*(?:\(s\))?\s*[:\-–]",
         "report cover labels x{n} (report to, wards affected, contact officer, …)"),
    _cue("report", 1.0, 1.0, r"^\s*(?:joint )?report (?:of|by|from|to) (?:the )?\w",
         "'Report of …' line", front=1500),
)

# What calls a meeting and lists its business.
_AGENDA = (
    _cue("agenda", 2.0, 2.0,
         r"\b(?:you are (?:hereby )?(?:summoned|requested|invited) to attend|(?:councillors|"
         r"members) (?:are|is) (?:hereby )?summoned|summons to|notice is (?:hereby )?given"
         r"|(?:meeting|business) (?:is|are) (?:to be|will be) (?:held|transacted)"
         r"|will be held (?:at|in|on|via|within|remotely|virtually)"
         r"|to be held (?:at|in|on|via|within))",
         "a summons or notice of the meeting"),
    _cue("agenda", 0.5, 2.0,
         r"^\s*(?:\d{1,3}[.)]?|[a-z]\)|item \d+\.?)?\s*to (?:receive|consider|note|approve|"
         r"agree|discuss|resolve|confirm|elect|appoint|review|determine|adopt|sign)\b",
         "agenda items in the imperative ('To receive …') x{n}"),
    _cue("agenda", 0.5, 1.5,
         r"^\s*(?:\d{1,3}[.)]?\s*\|?\s*)(?:apologies|declarations? of|public (?:participation|"
         r"questions|forum|speaking)|chair(?:man)?'?s? (?:business|announcements)|any other "
         r"business|date of (?:the )?next|urgent (?:business|items?)|exclusion of)",
         "numbered standing items x{n}"),
    _cue("agenda", 1.5, 1.5, r"^\s*(?:meeting |council |committee )?agenda\s*:?\s*$"
         r"|^\s*agenda for (?:the )?\w|\bagenda:\s",
         "'Agenda' heading", front=3000),
    _cue("agenda", 1.0, 1.0, r"^\s*(?:no\.?|item(?: no\.?)?)\s*\|?\s*(?:agenda )?item\b",
         "a meeting page's 'No. Item' header"),
    _cue("agenda", 0.5, 1.5, r"^\s*(?:date|time|venue|location|place|lleoliad|dyddiad)\s*:",
         "meeting labels x{n} (Date:, Time:, Venue:)", front=3000),
    _cue("agenda", 1.5, 1.5,
         r"^\s*meeting details\s*$|(?:^|\s)(?:•\s*)?documents\s+(?:•\s*)?attendance\s+(?:•\s*)?"
         r"visitors\b",
         "a CMIS meeting page (Meeting Details: Documents, Attendance, Visitors)"),
)

# ModernGov and CMIS pages that carry the minutes under each agenda item.
_AGENDA_MINUTES = (
    _cue("agenda_and_minutes", 4.0, 4.0,
         r"^\s*(?:agenda(?:,? decisions)?,? and (?:draft )?minutes"
         r"|rhaglen a chofnodion|agenda a chofnodion)\s*$",
         "'Agenda and minutes' page title", front=1500),
)

# Past-tense record of what happened: minutes, minute extracts, item pages with minutes.
_MINUTES = (
    _cue("minutes", 2.5, 2.5,
         r"^\s*(?:draft |confirmed |unconfirmed |signed )?minutes of "
         r"(?!(?:the )?(?:previous|last))(?:the |a |an )?[^\n]{0,100}?(?:meeting|proceedings)"
         r"|^\s*cofnodion\b|\bat a meeting of\b|\bcofnodion (?:cyfarfod|y cyfarfod|o gyfarfod)",
         "a minutes title ('Minutes of the … meeting held …')", front=600, title=True),
    _cue("minutes", 1.0, 2.0,
         r"^\s*(?:\d{1,3}\.?\s*)?(?:present|in attendance|also present|officers present|"
         r"presennol|yn bresennol|wrth law|sederunt)\b\s*(?::|-|–|$)|\bpresennol\s*:",
         "an attendance list ('Present:') x{n}"),
    _cue("minutes", 0.75, 3.0,
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
    _cue("minutes", 0.5, 2.5,
         r"\b(?:councillors?|cllr|the (?:leader|chair(?:man|person)?|mayor|clerk|director|"
         r"(?:chief |monitoring |finance |scrutiny )?officer|head of \w+|cabinet member|"
         r"portfolio holder|vice[- ]chair(?:man)?|scrutiny adviser)|members|officers)\b"
         r"[^.\n]{0,60}?\b(?:explained|questioned|accepted|reported|advised|stated|asked|"
         r"confirmed|responded|commented|welcomed|thanked|noted|agreed|suggested|informed|"
         r"queried|highlighted|added|raised|expressed|referred|outlined|introduced|presented|"
         r"requested|proposed|seconded|moved|declared|addressed|clarified|replied)\b",
         "minute narrative x{n} (Councillor X asked, the Leader explained, members noted)"),
    _cue("minutes", 1.0, 2.0, r"(?:^|\s)minutes:|(?:^|\s)resolved\s*[:\-–]|^\s*decision:",
         "'Minutes:' / 'Resolved:' labels x{n}"),
)

# A regional body's review of the support it gave its member councils.
_SUMMARY = (
    _cue("summary", 4.0, 4.0,
         r"\b(?:annual|quarterly|half[- ]year(?:ly)?|six[- ]monthly|mid[- ]year|end of year) "
         r"(?:summary|review|report) of (?:the )?(?:support|activity|our work|services)",
         "a periodic summary of support to member councils", front=400, title=True),
)

# Briefings, bulletins and newsletters.
_BRIEFING = (
    _cue("briefing", 2.5, 2.5,
         r"^[^\n]{0,80}?\b(?:e-?news(?:letter)?|newsletter|e-?bulletin|bulletin"
         r"|policy brief(?:ing)?|weekly (?:update|round[- ]?up|brief(?:ing)?)"
         r"|members'? (?:update|briefing)|round[- ]?up|news in brief|inside stories|heads up"
         r"|(?:member )?briefing notes?)\b"
         r"[^\n]{0,80}$",
         "a bulletin or newsletter masthead (a short line at the top)", front=400),
    _cue("briefing", 1.5, 1.5,
         r"\b(?:welcome to (?:the|our|this) (?:\w+ ){0,3}(?:edition|issue)|in this (?:issue|"
         r"edition)|this (?:week|month)'?s? (?:edition|issue|update|news)|\d{1,3}(?:st|nd|rd|th) "
         r"edition\b|no\.\s?\d{2,4} (?:" + "|".join(m.lower() for m in MONTH_NAMES[1:]) + "))",
         "an edition or issue of a newsletter"),
    _cue("briefing", 0.5, 2.0,
         r"\b(?:find out more|read more|click here|more information (?:is available|can be "
         r"found)|book (?:your|a) place|booking|sign up|register (?:now|here|your interest)"
         r"|training (?:course|session|event)s?|webinars?|vacanc(?:y|ies)|this week)\b",
         "news items' calls to action x{n} (find out more, booking, training)"),
    _cue("briefing", 1.0, 1.0, r"\b(?:nalc|slcc|county association|clerks and councillors)\b",
         "a county association's sector news"),
)

# What the export contract calls "other": recognised, not left over.
_OTHER = (
    _cue("other", 2.0, 4.0,
         r"^\s*issue details\s*$|\bdecision due\s*:|\bnotice of (?:the )?proposed decision"
         r"|\breason key\s*:|\bfirst published\s*:|\bforward plan entry",
         "a forward-plan entry (Issue details, Decision due) x{n}"),
    _cue("other", 2.5, 2.5,
         r"^\s*(?:the )?(?:\w+ ){0,3}forward plan\b|\bforward plan of (?:key )?decisions"
         r"|^\s*notice of key decisions", "a forward plan's title", front=400, title=True),
    # What only a record of a decision taken says; "Decision maker:" and "Date of decision:"
    # also head the cover of a report still to be decided, so they count for little.
    _cue("other", 2.0, 4.0,
         r"\bdecision status\s*:|^\s*decision made\b|^\s*decision details\s*$|\brecord of "
         r"(?:(?:an?|the) )?(?:[\w-]+ ){0,3}decisions?\b|\bis subject to call[- ]in"
         r"|\b(?:officer|delegated|executive|individual) decision (?:record|notice)\b"
         r"|^\s*short description\s*$|\bdecision notice\b",
         "a record of a decision (Decision status, Decision made) x{n}"),
    _cue("other", 0.5, 1.0, r"\bdecision (?:makers?|type|taker)\s*:|\bdate of decision\s*:",
         "decision labels x{n} (Decision maker:, Date of decision:)"),
    _cue("other", 2.0, 2.0,
         r"\b(?:chair(?:man|person)?|mayor)'?s? (?:annual )?report\b|\bannual "
         r"report\b|\bannual parish meeting\b|\byear in review\b",
         "an annual report", front=400),
    _cue("other", 2.0, 2.0,
         r"^\s*dear (?!colleague|all\b|member|councillor)\w[^\n]{0,40}[,:]?\s*$",
         "a letter ('Dear …')"),
    _cue("other", 1.0, 1.0, r"^\s*yours (?:sincerely|faithfully)\b", "a letter's close"),
    _cue("other", 1.5, 3.0, r"\btemplate\b|\{[a-z][^{}\n]{2,60}\}|\[insert\b",
         "a blank template ('Template', {placeholders}) x{n}"),
    # capitals only: 'XYZ' is a placeholder, 'xyz' in prose is not
    _cue("other", 1.0, 2.0, r"\b(?:XYZ|ABC|XXX)\b", "template placeholders (XYZ) x{n}",
         flags=re.MULTILINE),
    _cue("other", 2.0, 2.0, r"\bregister of (?:interests|decisions|members|gifts)\b",
         "a register", front=600),
)

CUES: tuple[Cue, ...] = (_REPORT + _AGENDA + _AGENDA_MINUTES + _MINUTES + _SUMMARY + _BRIEFING
                         + _OTHER)

def _occurrences(cue: Cue, text: str, low: str, prefiltered: bool) -> int:
    """How often the cue occurs; a case-blind cue is sought in the lower-cased text, three
    times faster than a case-blind search (``low`` is ``text.lower()``). ``prefiltered``:
    the text is known to hold one of the words every match of the cue needs."""
    pattern = _case_blind(cue.pattern)
    if pattern is None:
        pattern, low = cue.pattern, text
    elif cue.front:
        low = text[:cue.front].lower()
    hay = low[:cue.front] if cue.front else low
    if not prefiltered and not may_match(pattern, hay):
        return 0
    return sum(1 for _ in pattern.finditer(hay))


_CASED = re.compile(r"(?<!\\)[A-Z]")  # a capital that is no escape (\b, \s, \d…)


@functools.cache
def _case_blind(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without IGNORECASE, for lower-cased text; None when the pattern is
    case-sensitive or names a capital, where lower-casing would change what it finds."""
    if not pattern.flags & re.IGNORECASE or _CASED.search(pattern.pattern):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


Add = Callable[[str, float, str], None]


@functools.cache
def _prefiltered() -> tuple[tuple[int, ...], Prefilter]:
    """The case-blind whole-text cues (indices into CUES), and one prefilter for them all."""
    indices = tuple(i for i, cue in enumerate(CUES)
                    if not cue.front and _case_blind(cue.pattern) is not None)
    return indices, Prefilter([_case_blind(CUES[i].pattern) or CUES[i].pattern
                               for i in indices])


def score_cues(text: str, add: Add, settings: CueSettings = CUE_SETTINGS) -> set[str]:
    """Add every cue's weight (capped) and evidence; returns the genres a title named."""
    text = text[:settings.max_chars]
    low = text.lower()
    indices, prefilter = _prefiltered()
    candidates = prefilter.candidates(low)
    absent = {index for j, index in enumerate(indices) if j not in candidates}
    titled = set()
    for index, cue in enumerate(CUES):
        if index in absent:
            continue
        n = _occurrences(cue, text, low, index in indices)
        if n:
            add(cue.genre, min(cue.cap, cue.weight * n), cue.why.replace("{n}", str(n)))
            if cue.title:
                titled.add(cue.genre)
    return titled
