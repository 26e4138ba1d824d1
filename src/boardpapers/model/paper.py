"""Paper: what boardpapers understands a Layout to be (the export contract of DESIGN.md).

All values are frozen dataclasses. ``Paper.to_json()`` is the public shape printed by
``boardpapers extract --json``; keys may be added, never renamed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from boardpapers.model.layout import Layout, Source

SCHEMA = "boardpapers/paper@1"

GENRES = ("agenda_pack", "report", "agenda", "minutes", "agenda_and_minutes", "briefing",
          "summary", "other")
SECTION_KINDS = ("purpose", "summary", "recommendations", "actions", "contact", "background",
                 "issues", "implications_wales", "financial", "legal", "equalities", "risk",
                 "next_steps", "appendix", "other")
MEMBER_ROLES = ("chair", "deputy_chair", "vice_chair", "member", "substitute", "observer",
                "non_voting", "independent_observer", "co_opted")


# ---------------------------------------------------------------- provenance


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value was read: index into Layout.blocks and a char span in that block's text."""

    block: int
    start: int
    end: int


# ---------------------------------------------------------------- meetings


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    role: str = "member"  # one of MEMBER_ROLES
    group: str | None = None  # political group, e.g. "Labour"
    authority: str | None = None
    honours: str | None = None  # "OBE", "CBE MP"...
    title: str | None = None  # "Cllr", "Lord", "Mayor", "Sir"...
    position: str | None = None  # "Cabinet Member for Finance", "Leader of the Council"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    number: str
    title: str
    pages: str | None = None  # as written, "9 - 24"
    presenters: tuple[str, ...] = ()
    confidential: bool = False
    verbal: bool = False
    subitems: tuple[str, ...] = ()
    decision: str | None = None  # minutes: "RESOLVED that ..."
    text: str | None = None  # minutes / ModernGov: the item's minute text


@dataclass(frozen=True, slots=True)
class NextMeeting:
    date: str | None = None
    time: str | None = None
    venue: str | None = None


@dataclass(frozen=True, slots=True)
class GroupOffice:
    group: str
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingContact:
    """Whom to ask about a meeting, with the same fields as a report's contact officer; a
    team with no person ("Democratic Services") is the position, with no name."""

    name: str | None = None
    position: str | None = None
    phone: str | None = None
    email: str | None = None
    text: str = ""  # as written after its label


@dataclass(frozen=True, slots=True)
class Meeting:
    body: str | None = None
    date: str | None = None  # ISO
    time: str | None = None  # HH:MM
    venue: str | None = None
    online: bool = False
    members: tuple[Member, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    next_meeting: NextMeeting | None = None
    group_offices: tuple[GroupOffice, ...] = ()
    attendees: tuple[str, ...] = ()  # minutes
    apologies: tuple[str, ...] = ()
    declarations: tuple[str, ...] = ()
    contact: MeetingContact | None = None
    officers: tuple[str, ...] = ()  # minutes: "Officers:" / "Wrth law:", as written
    end_time: str | None = None  # minutes: "The meeting ended at 8.15 pm" -> "20:15"
    authority: str | None = None  # printed above the body: "Northmoor County Council"


# ---------------------------------------------------------------- reports


@dataclass(frozen=True, slots=True)
class ContactOfficer:
    name: str
    position: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered paragraph kept with its number as written ("7.6")."""

    number: str
    text: str
    block: int = -1


@dataclass(frozen=True, slots=True)
class Section:
    kind: str  # one of SECTION_KINDS
    heading: str
    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    first_block: int = -1
    last_block: int = -1


@dataclass(frozen=True, slots=True)
class Report:
    title: str | None = None
    purpose: str | None = None
    summary: str | None = None
    recommendations: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    contact_officers: tuple[ContactOfficer, ...] = ()
    confidential: bool | None = None
    plan_theme: str | None = None
    report_of: str | None = None
    sections: tuple[Section, ...] = ()
    # Header facts, as written ("Report number: CAB/24/17", "Wards affected: All",
    # "Portfolio Holder: Cllr Ruth Adeyemi", "Key decision: Yes", "Exempt information: ...")
    report_number: str | None = None
    portfolio: str | None = None  # the portfolio or cabinet member named
    wards: str | None = None  # wards / electoral divisions affected ("All", "None", names)
    key_decision: bool | None = None  # None when the report does not say
    exemption: str | None = None  # why it is exempt, when the header says more than yes/no
    exempt_paragraphs: tuple[str, ...] = ()  # Schedule 12A paragraph numbers cited ("3",)
    agenda_item: str | None = None  # the pack's item number, when inside a pack
    first_block: int = -1
    last_block: int = -1
    pages: tuple[int, int] | None = None


# ---------------------------------------------------------------- briefings


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """One decision a forward plan (notice of key decisions) gives notice of."""

    title: str | None
    decision_maker: str | None = None  # "Cabinet", "Executive Member for Transport"
    decision_due: str | None = None  # as written: "24/10/19", "March 2026"
    due_date: str | None = None  # ISO, when the due date is a whole date
    key_decision: bool | None = None  # None: not said
    lead_member: str | None = None
    contact: str | None = None  # as written: name, role, phone, e-mail
    wards: str | None = None
    first_published: str | None = None  # ISO: when the notice was first published
    block: int = -1  # where the entry starts


@dataclass(frozen=True, slots=True)
class BriefingItem:
    kind: str  # news | vacancy | event
    headline: str
    body: str = ""
    links: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # ISO dates or periods
    first_block: int = -1
    section: str | None = None  # the heading the item sits under ("WORK WITH US!")
    highlighted: bool = False  # listed under "Top items this week" / "In this issue"


# ---------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True)
class Money:
    text: str
    amount: float
    span: Span
    currency: str = "GBP"
    unit: str | None = None  # "per hour", "per graduate"
    approximate: bool = False  # "c.", "around", "over"
    context: str = ""
    amount_max: float | None = None  # upper bound of a range "£3-4m"; amount is the lower
    qualifier: str | None = None  # "c.", "over", "up to" as written (lower case)


@dataclass(frozen=True, slots=True)
class DateFact:
    text: str
    span: Span
    date: str | None = None  # ISO day, when the text names one
    period: str | None = None  # "2028/2029", "2024-Q4", "2022-04" for months, seasons
    kind: str = "other"  # meeting | deadline | event | period | publication | other
    parsed: bool = True  # False for "20204": reported, never guessed
    context: str = ""
    time: str | None = None  # "HH:MM" written next to the date ("11.00 am", "19:00")
    end_date: str | None = None  # last ISO day of a range "from 15 October to 21 January"


@dataclass(frozen=True, slots=True)
class Metric:
    text: str
    value: float
    unit: str
    span: Span
    subject: str = ""  # "councils have participated"
    context: str = ""
    approximate: bool = False  # "over 5,000 attendees", "c.700 projects"
    qualifier: str | None = None  # "over", "c.", "almost" as written (lower case)


@dataclass(frozen=True, slots=True)
class Mention:
    """An email, phone number or URL as written, with where it was found."""

    kind: str  # email | phone | url
    text: str
    span: Span
    normalised: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    span: Span
    role: str | None = None
    title: str | None = None
    honours: str | None = None
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class CouncilMention:
    text: str
    span: Span
    code: str | None = None  # register code; None when unlinked
    name: str | None = None  # register name
    type: str | None = None
    region: str | None = None
    nation: str | None = None
    paper_columns: tuple[tuple[str, str], ...] = ()  # a table's own type/region/control cells
    official_name: str | None = None  # register's official name, "Sheffield City Council"
    current: bool | None = None  # False: the register says the authority has been replaced


@dataclass(frozen=True, slots=True)
class TableCheck:
    column: str
    kind: str  # total | percentage
    expected: float
    found: float
    ok: bool


@dataclass(frozen=True, slots=True)
class TableData:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    block: int
    numbers: tuple[tuple[float | None, ...], ...] = ()
    checks: tuple[TableCheck, ...] = ()
    consistent: bool | None = None  # None: nothing to check


@dataclass(frozen=True, slots=True)
class Facts:
    money: tuple[Money, ...] = ()
    dates: tuple[DateFact, ...] = ()
    metrics: tuple[Metric, ...] = ()
    contacts: tuple[Mention, ...] = ()
    people: tuple[Person, ...] = ()
    councils: tuple[CouncilMention, ...] = ()
    # Kinds a plugin adds (plugins.FactKindSpec): (kind, its facts), printed by extract.
    extra: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    # (kind, the block each of its facts was found in): a plugin's fact may be a plain
    # value with no Span, and the store files each fact under its block (for has:).
    extra_blocks: tuple[tuple[str, tuple[int, ...]], ...] = ()


# ---------------------------------------------------------------- the paper


@dataclass(frozen=True, slots=True)
class Paper:
    source: Source
    genre: str
    layout: Layout
    genre_evidence: tuple[str, ...] = ()
    genre_confidence: float = 0.0  # 0..1: the genre's share of the evidence found
    title: str | None = None
    body: str | None = None
    date: str | None = None
    meeting: Meeting | None = None
    reports: tuple[Report, ...] = ()
    items: tuple[BriefingItem, ...] = ()
    facts: Facts = field(default_factory=Facts)
    tables: tuple[TableData, ...] = ()
    language: str = "en"  # en | cy | bilingual
    highlights: tuple[str, ...] = ()  # briefings: "Top items this week", as written
    # The council, authority or association that owns the paper ("Northmoor County
    # Council"), where ``body`` is the board or committee it is for or from ("Cabinet").
    authority: str | None = None
    # The precise genre within ``genre`` ("forward_plan" in "other"); None: ``genre`` says all.
    form: str | None = None
    entries: tuple[PlanEntry, ...] = ()  # a forward plan's decisions

    def to_json(self, *, include_blocks: bool = True) -> dict[str, Any]:
        return paper_to_json(self, include_blocks=include_blocks)


def to_plain(value: Any) -> Any:
    """Dataclasses, tuples and spans to JSON-ready values (a plugin's facts as stored)."""
    return _plain(value)


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and spans to JSON-ready values."""
    if isinstance(value, Span):
        return {"block": value.block, "start": value.start, "end": value.end}
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, looked up once per class (every paper has thousands
    of facts to turn into JSON); None for any other type."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = (tuple(f.name for f in dataclasses.fields(cls))
                             if dataclasses.is_dataclass(cls) else None)
    return _FIELD_NAMES[cls]


def paper_to_json(paper: Paper, *, include_blocks: bool = True) -> dict[str, Any]:
    facts = paper.facts
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "source": paper.source.to_json(),
        "genre": paper.genre,
        "form": paper.form,
        "genre_evidence": list(paper.genre_evidence),
        "genre_confidence": paper.genre_confidence,
        "language": paper.language,
        "title": paper.title,
        "body": paper.body,
        "authority": paper.authority,
        "date": paper.date,
        "meeting": _plain(paper.meeting),
        "reports": [_plain(r) for r in paper.reports],
        "items": [_plain(i) for i in paper.items],
        "entries": [_plain(e) for e in paper.entries],
        "facts": {
            "money": [_plain(m) for m in facts.money],
            "dates": [_plain(d) for d in facts.dates],
            "metrics": [_plain(m) for m in facts.metrics],
            "emails": _unique(m.text for m in facts.contacts if m.kind == "email"),
            "phones": _unique(m.text for m in facts.contacts if m.kind == "phone"),
            "urls": _unique(m.text for m in facts.contacts if m.kind == "url"),
            "contacts": [_plain(m) for m in facts.contacts],
            "councils": [_plain(c) for c in facts.councils],
            "people": [_plain(p) for p in facts.people],
        },
        "tables": [_plain(t) for t in paper.tables],
        "highlights": list(paper.highlights),
    }
    for kind, found in facts.extra:
        out["facts"][kind] = [_plain(f) for f in found]
    if include_blocks:
        out["blocks"] = [b.to_json() for b in paper.layout.blocks]
    return out


def _unique(texts: Any) -> list[str]:
    seen: dict[str, None] = {}
    for t in texts:
        seen.setdefault(t, None)
    return list(seen)
