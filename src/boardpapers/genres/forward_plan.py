"""Forward plans (notices of key decisions): a genre added as one module plus its
registration in ``builtins``.

A council gives 28 days' notice of each key decision its executive will take: a forward
plan lists them, one entry per decision (what is to be decided, by whom, when, whether it
is key, the lead member and whom to contact), as label blocks or as a table, and a
ModernGov "Issue details" page shows one entry. The export contract files these papers
under "other", so this genre is a form of "other" (``GenreSpec.family``): the paper's
``genre`` stays "other" and its ``form`` is "forward_plan". ``score`` finds the signs;
``parse`` reads the paper as its family would and adds the entries.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from boardpapers.genres import Counted, PaperLines, Signs
from boardpapers.model.classification import Classification
from boardpapers.model.layout import BlockKind, Layout
from boardpapers.model.paper import Paper, PlanEntry
from boardpapers.parsers import parser_for
from boardpapers.parsers.lines import Line, lines_of
from boardpapers.vocab.dates import date_in

# ------------------------------------------------------------------ signs


@dataclass(frozen=True, slots=True)
class ForwardPlanSignSettings:
    """Weights of a forward plan's signs (a form of "other": see ``DECIDE.min_form_score``)."""

    title: float = 2.5  # "Forward Plan", "Notice of Key Decisions" near the top
    title_lines: int = 8
    issue_page: float = 2.0  # a ModernGov "Issue details" page: one entry
    labels: Counted = Counted(0.5, 2.0)  # distinct entry labels, with a due date among them
    entries: Counted = Counted(0.5, 1.5)  # due dates past the first: more entries


FORWARD_PLAN_SIGNS = ForwardPlanSignSettings()

_TITLE = re.compile(
    r"^(?:the\s+)?(?:[\w&'’-]+\s+){0,5}?(?:forward plan|notice of (?:key |executive )?decisions"
    r"|key decisions? (?:schedule|plan|notice)|(?:schedule|plan|register) of (?:forthcoming |"
    r"key )+decisions)\b", re.IGNORECASE)
_ISSUE_PAGE = re.compile(r"^issue details$", re.IGNORECASE)

# ------------------------------------------------------------------ entry labels

# field -> the labels that give it ("Decision due: 24/10/19 by Executive Member").
_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "title of decision", "title of report", "matter for decision",
              "decision to be taken", "subject", "issue", "proposed decision"),
    "decision_maker": ("decision maker", "decision-maker", "decision taker",
                       "decision making body", "who will make the decision"),
    "decision_due": ("decision due", "date of decision", "expected date of decision",
                     "date decision due", "anticipated date of decision", "decision date",
                     "expected decision date"),
    "first_published": ("notice of proposed decision first published", "first published",
                        "date first published", "date added to plan", "date of notice"),
    "key_decision": ("key decision", "is key decision?", "decision type", "key / non-key"),
    "lead_member": ("lead member", "portfolio holder", "cabinet member",
                    "responsible cabinet member", "lead councillor"),
    "contact": ("contact", "contact officer", "lead officer", "contact details",
                "officer contact"),
    "wards": ("wards affected", "ward(s) affected", "wards", "ward"),
}
_LABEL_FIELD = {label: name for name, labels in _FIELDS.items() for label in labels}
# Labels that say a decision is still to come: a record of a decision taken has
# "Decision maker" and "Date of decision" too, but never these.
_DUE_DATE_LABELS = ("decision due", "expected date of decision", "date decision due",
                    "anticipated date of decision", "expected decision date")
_DUE_LABELS = frozenset(_DUE_DATE_LABELS + ("notice of proposed decision first published",
                                            "first published", "date first published",
                                            "date added to plan"))
# "Notice of proposed decision first published: 13/08/2019": longer keys than a front
# sheet's labels.
_LABEL = re.compile(r"^\s*([A-Za-z][\w '’/()-]{0,60}?)\s*\??\s*:\s*(.*)$")
_DUE_BY = re.compile(r"^(?P<due>.*?)\s+by\s+(?P<maker>\S.*)$")
_YES = re.compile(r"^(?:yes|key)\b", re.IGNORECASE)
_NO = re.compile(r"^(?:no|non[- ]?key)\b", re.IGNORECASE)


def _split(text: str) -> tuple[str, str] | None:
    """("decision due", "24/10/19 by Cabinet") for "Decision due: 24/10/19 by Cabinet"."""
    m = _LABEL.match(text)
    return (m.group(1).strip().casefold(), m.group(2).strip()) if m else None


def _label_of(text: str) -> tuple[str, str] | None:
    """(field, value) for a line that is one of the entry labels."""
    pair = _split(text)
    if pair is None or pair[0] not in _LABEL_FIELD:
        return None
    return _LABEL_FIELD[pair[0]], pair[1]


def score(paper: PaperLines, signs: Signs) -> None:
    """A forward plan's title or an issue page, and its entries' labels."""
    w = FORWARD_PLAN_SIGNS
    top = paper.lines[:w.title_lines]
    if any(_TITLE.match(t) for _, _, t in top):
        signs("forward_plan", w.title, "a forward plan's title (Forward Plan, Notice of Key "
                                       "Decisions)")
    if any(_ISSUE_PAGE.match(t) for _, _, t in top):
        signs("forward_plan", w.issue_page, "a forward-plan issue page ('Issue details')")
    labels: set[str] = set()
    due = 0
    for _, _, text in paper.front:
        pair = _split(text) if ":" in text else None
        if pair is None or pair[0] not in _LABEL_FIELD:
            continue
        labels.add(pair[0])
        due += pair[0] in _DUE_DATE_LABELS
    if labels & _DUE_LABELS:
        signs("forward_plan", w.labels.of(len(labels)),
              f"forward-plan entry labels x{len(labels)} (Decision due, Lead member, ...)")
    if due > 1:
        signs("forward_plan", w.entries.of(due - 1), f"{due} entries with a due date")


# ------------------------------------------------------------------ reading the entries


def parse(layout: Layout, classification: Classification) -> Paper:
    """The paper as its family reads it (a report-like issue page by the report parser),
    with the plan's entries; a page of one entry takes that entry's title."""
    paper = parser_for(classification.read_as or classification.genre)(layout, classification)
    entries = plan_entries(layout)
    title = entries[0].title if len(entries) == 1 and entries[0].title else paper.title
    return dataclasses.replace(paper, entries=entries, title=title)


def plan_entries(layout: Layout) -> tuple[PlanEntry, ...]:
    """Every entry, from label blocks and from tables whose header names the fields."""
    lines = lines_of(layout)
    found = [*_labelled_entries(lines), *_table_entries(layout)]
    return tuple(sorted(found, key=lambda e: e.block))


def _labelled_entries(lines: Sequence[Line]) -> list[PlanEntry]:
    """Runs of "Label: value" lines; a field seen again, or a title label, starts the next."""
    entries: list[PlanEntry] = []
    fields: dict[str, str] = {}
    start = floor = last = 0  # the entry's first label, where its title may start, last label
    for i, line in enumerate(lines):
        if line.kind is BlockKind.TABLE:
            continue
        pair = _label_of(line.text)
        if pair is None or not pair[1] and pair[0] != "contact":
            continue
        name, value = pair
        if fields and (name in fields or name == "title"):
            entries.append(_entry(fields, lines, start, floor))
            fields, floor = {}, last + 1
        if not fields:
            start = i
        fields[name] = value
        last = i
    if fields:
        entries.append(_entry(fields, lines, start, floor))
    return [e for e in entries if e.decision_due or e.decision_maker]


def _entry(fields: dict[str, str], lines: Sequence[Line], start: int, floor: int) -> PlanEntry:
    due = fields.get("decision_due")
    maker = fields.get("decision_maker")
    by = _DUE_BY.match(due) if due else None
    if by:  # "24/10/19 by Executive Member for Transport"
        due, maker = by.group("due"), maker or by.group("maker")
    title = fields.get("title") or _title_above(lines, start, floor)
    published = fields.get("first_published")
    return PlanEntry(
        title=title, decision_maker=_tidy(maker), decision_due=_tidy(due),
        due_date=date_in(due) if due else None, key_decision=_key(fields.get("key_decision")),
        lead_member=_tidy(fields.get("lead_member")), contact=_tidy(fields.get("contact")),
        wards=_tidy(fields.get("wards")),
        first_published=date_in(published) if published else None,
        block=lines[start].block if 0 <= start < len(lines) else -1)


def _title_above(lines: Sequence[Line], start: int, floor: int) -> str | None:
    """An entry's title when no label gives it: the line under an "Issue details" heading,
    else the short line just above its labels that is no label."""
    above = [line.text.strip() for line in lines[floor:start]]
    for k, text in enumerate(above[:-1]):
        if _ISSUE_PAGE.match(text) and _is_title(above[k + 1]):
            return above[k + 1]
    return next((text for text in reversed(above[-4:]) if _is_title(text)), None)


def _is_title(text: str) -> bool:
    return bool(text) and len(text) <= 160 and not text.endswith(".") \
        and not _split(text) and not _ISSUE_PAGE.match(text) and not _TITLE.match(text)


def _table_entries(layout: Layout) -> list[PlanEntry]:
    """Rows of a table whose header names a decision and its date or maker."""
    out = []
    for i, block in enumerate(layout.blocks):
        if block.kind is not BlockKind.TABLE or len(block.rows) < 2:
            continue
        columns = {n: name for n, cell in enumerate(block.rows[0])
                   if (name := _column_field(cell)) is not None}
        named = set(columns.values())
        if "title" not in named or not named & {"decision_due", "decision_maker"}:
            continue
        for row in block.rows[1:]:
            fields = {columns[n]: cell.strip() for n, cell in enumerate(row)
                      if n in columns and cell.strip()}
            entry = _entry(fields, [], -1, 0) if fields.get("title") else None
            # a row whose cells a converter wrapped onto rows of their own ("12" /
            # "November 2025") gives no whole date: no entry rather than a wrong one
            if entry is not None and entry.due_date and len((entry.title or "").split()) > 1:
                out.append(entry)
        out = [dataclasses.replace(e, block=i) if e.block < 0 else e for e in out]
    return out


# A table column's field from words in its header, the first row that matches.
_COLUMNS = ((re.compile(r"\b(?:decision maker|decision taker|who)\b"), "decision_maker"),
            (re.compile(r"\bdate\b|\bdue\b|\bwhen\b"), "decision_due"),
            (re.compile(r"\bcontact|officer\b"), "contact"),
            (re.compile(r"\bkey\b"), "key_decision"),
            (re.compile(r"\b(?:matter|subject|title|decision|item)\b"), "title"))


def _column_field(header: str) -> str | None:
    key = header.strip().rstrip(":").casefold()
    if key in _LABEL_FIELD:
        return _LABEL_FIELD[key]
    return next((name for pattern, name in _COLUMNS if pattern.search(key)), None)


def _key(value: str | None) -> bool | None:
    if not value:
        return None
    if _NO.match(value.strip()):
        return False
    return True if _YES.match(value.strip()) else None


def _tidy(value: str | None) -> str | None:
    value = (value or "").strip(" ;,.")
    return value or None
