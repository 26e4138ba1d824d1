"""Decisions as data: every decision a paper records, from minutes (each minute's
"RESOLVED …"), ModernGov decision pages ("Decision Maker:", "Decision:") and records of
decision ("Decision taker:", "I have decided to:").

A pure function of the parsed ``Paper``: the parsers already find each minute's decision;
this reads the labelled fields around a decision page's or record's decision and what
each decision's words did (``outcome``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from boardpapers.decisions.model import Decision
from boardpapers.decisions.outcome import (
    amendment_of,
    call_in_and_effect,
    deferral_of,
    key_decision_in,
    outcome_of,
    votes_of,
)
from boardpapers.model.layout import BlockKind
from boardpapers.model.paper import AgendaItem, Meeting, NextMeeting, Paper
from boardpapers.parsers.decisions import is_decision_label, until_reasons
from boardpapers.vocab.dates import parse_date

MINUTES_GENRES = frozenset({"minutes", "agenda_and_minutes"})


def decisions_of(paper: Paper) -> tuple[Decision, ...]:
    """Every decision the paper records, in the paper's order."""
    if paper.meeting and any(it.decision for it in paper.meeting.items):
        return tuple(_minute_decision(paper.meeting, it, paper.date)
                     for it in paper.meeting.items if it.decision)
    if paper.genre in MINUTES_GENRES:
        return ()
    record = _record_decision(paper)
    return (record,) if record else ()


def _minute_decision(meeting: Meeting, item: AgendaItem, paper_date: str | None) -> Decision:
    text = item.decision or ""
    minute = item.text or ""
    date = meeting.date or paper_date
    outcome = outcome_of(text)
    deferred_to, deferred_date = (deferral_of(text, date, _next_date(meeting))
                                  if outcome == "deferred" else (None, None))
    call_in, effective = call_in_and_effect(minute + "\n" + text, date)
    votes = votes_of(minute + "\n" + text)
    return Decision(
        text=text, outcome=outcome, source="minutes", item=item.number or None,
        title=item.title or None, maker=meeting.body, date=date,
        key_decision=key_decision_in(minute + "\n" + item.title),
        exempt=True if item.confidential else None, call_in_deadline=call_in,
        effective_date=effective,
        amendment=amendment_of(text, minute) if outcome == "amended" else None,
        deferred_to=deferred_to, deferred_date=deferred_date,
        votes_for=votes[0], votes_against=votes[1], abstentions=votes[2])


def _next_date(meeting: Meeting) -> str | None:
    return meeting.next_meeting.date if meeting.next_meeting else None


# ---------------------------------------------------------------- decision pages, records

# label (as written, lower case, without "?" or ":") -> the field it fills
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern)) for name, pattern in (
        ("maker", r"^(?:decision[\s-]*(?:maker|taker|made\s+by|taken\s+by)|made\s+by|"
                  r"decided\s+by|gwneuthurwr\s+y\s+penderfyniad)$"),
        ("date", r"^(?:date\s+of\s+(?:the\s+)?decision|decision\s+date|date\s+decision\s+"
                 r"(?:taken|made)|dyddiad\s+y\s+penderfyniad)$"),
        ("key", r"^(?:is\s+)?key\s+decision$"),
        ("exempt", r"^(?:exempt\s+information|exempt|is\s+(?:the\s+decision|it)\s+exempt|"
                   r"confidential(?:ity)?|reason\s+no\s+public\s+access|restricted)$"),
        ("call_in", r"^(?:call[\s-]?in\s+(?:deadline|expiry(?:\s+date)?|period\s+ends?|ends?)|"
                    r"last\s+date\s+for\s+call[\s-]?in|deadline\s+for\s+call[\s-]?in)$"),
        ("subject_to_call_in", r"^is\s+(?:it\s+|this\s+)?subject\s+to\s+call[\s-]?in$"),
        ("effective", r"^(?:effective\s+(?:from|date)|date\s+(?:of\s+implementation|decision\s+"
                      r"(?:effective|takes\s+effect|comes\s+into\s+effect)))$"),
        ("status", r"^decision\s+status$"),
        ("title", r"^(?:title|subject|decision\s+title)$"),
    ))
_LABEL_LINE = re.compile(r"^\s*(?P<label>[^:\t\n]{2,60}?)\s*\??\s*[:\t]\s*(?P<value>.*)$")
_RECORD_TITLE = re.compile(r"^(?:record\s+of\s+(?:a\s+|the\s+)?(?:\w+\s+){0,3}?decisions?|"
                           r"decision\s+details|(?:officer|executive|delegated|cabinet\s+member|"
                           r"individual|key)\s+decision\s+(?:record|notice|report)|"
                           r"decision\s+(?:record|notice))\b", re.IGNORECASE)
_DECISION_HEAD = re.compile(r"^(?:decisions?|resolved|penderfyniad|penderfynwyd|"
                            r"i\s+have\s+decided\s+(?:to|that))\s*:?$", re.IGNORECASE)
_SECTION_END = re.compile(r"^(?:publication\s+date|accompanying\s+documents|reasons?\b|"
                          r"alternative|conflicts?\s+of\s+interest|consultation|call[\s-]?in|"
                          r"signed|contact|declarations|reason\s+key|background\s+papers|"
                          r"date\s+of\s+decision|subject\s+to\s+urgent)", re.IGNORECASE)
HEAD_BLOCKS = 40  # a record's labelled fields sit near its top


def _record_decision(paper: Paper) -> Decision | None:
    """The one decision a decision page or record of decision records, or None when the
    paper is neither."""
    texts = [b.text.strip() for b in paper.layout.blocks if b.kind is not BlockKind.PAGE_BREAK]
    fields = _fields(texts)
    is_record = "maker" in fields or any(_RECORD_TITLE.match(t) for t in texts[:HEAD_BLOCKS])
    if not is_record:
        return None
    text = _decision_text(texts) or "\n".join(
        rec for report in paper.reports for rec in report.recommendations)
    if not text:
        return None
    whole = "\n".join(texts)
    date = parse_date(fields.get("date", "")) or paper.date
    call_in, effective = call_in_and_effect(whole, date)
    status = fields.get("status", "")
    outcome = outcome_of(status) if status and not _approved(status) else outcome_of(text)
    votes = votes_of(whole)
    return Decision(
        text=text, outcome=outcome,
        source="decision_page" if "status" in fields or "subject_to_call_in" in fields
        else "record_of_decision",
        title=fields.get("title") or _title(paper.title, texts),
        maker=fields.get("maker") or paper.body,
        date=date, key_decision=_yes_no(fields.get("key")),
        exempt=_exempt(fields.get("exempt")),
        call_in_deadline=parse_date(fields.get("call_in", ""), None) or call_in,
        effective_date=parse_date(fields.get("effective", ""), None) or effective,
        amendment=amendment_of(text) if outcome == "amended" else None,
        deferred_to=deferral_of(text, date)[0] if outcome == "deferred" else None,
        deferred_date=deferral_of(text, date)[1] if outcome == "deferred" else None,
        votes_for=votes[0], votes_against=votes[1], abstentions=votes[2])


def _title(title: str | None, texts: Sequence[str]) -> str | None:
    """A ModernGov page's title is the line under its "Decision details" heading."""
    if title and _RECORD_TITLE.match(title):
        after = texts[texts.index(title) + 1:] if title in texts else []
        return next((t for t in after[:3] if t and not _LABEL_LINE.match(t)), title)
    return title


def _fields(texts: Sequence[str]) -> dict[str, str]:
    """The labelled fields near the top: "Decision Maker: Cabinet" -> {"maker": "Cabinet"};
    the first of each wins."""
    out: dict[str, str] = {}
    for text in texts[:HEAD_BLOCKS]:
        for line in text.splitlines():
            m = _LABEL_LINE.match(line)
            if not m:
                continue
            label = " ".join(m.group("label").lower().rstrip("?").split())
            for name, pattern in _LABELS:
                if pattern.match(label) and m.group("value").strip():
                    out.setdefault(name, m.group("value").strip())
    return out


def _decision_text(texts: Sequence[str]) -> str | None:
    """The paragraphs under a "Decision:" label or heading, up to the reasons or the next
    labelled field."""
    for i, text in enumerate(texts):
        if is_decision_label(text) or _DECISION_HEAD.match(text):
            body = list(_until_end(until_reasons(list(texts[i + 1:]))))
            if body and _DECISION_HEAD.match(body[0]):  # "Decision" then "I have decided to:"
                body = body[1:]
            if body:
                return "\n".join(body)
    return None


def _until_end(texts: Iterable[str]) -> Iterable[str]:
    for text in texts:
        if _SECTION_END.match(text):
            return
        yield text


def _approved(status: str) -> bool:
    return bool(re.search(r"\bapproved\b", status, re.IGNORECASE)) and not re.search(
        r"\bnot\b|\bamend", status, re.IGNORECASE)


def _yes_no(value: str | None) -> bool | None:
    if not value:
        return None
    word = value.strip().lower()
    if word.startswith(("yes", "y ", "true")) or word == "y":
        return True
    if word.startswith(("no", "n/a", "false")) or word == "n":
        return False
    return None


def _exempt(value: str | None) -> bool | None:
    if not value:
        return None
    word = value.strip().lower()
    return not word.startswith(("no", "none", "n/a", "not ", "open", "public"))


def minute_decisions_from_json(paper: dict[str, Any]) -> tuple[Decision, ...]:
    """The minutes' decisions of a paper stored as its export contract (``paper_json``):
    how a database made before decisions were stored gets them (migration 0002)."""
    m = paper.get("meeting") or {}
    items = [AgendaItem(number=it.get("number") or "", title=it.get("title") or "",
                        confidential=bool(it.get("confidential")),
                        decision=it.get("decision"), text=it.get("text"))
             for it in m.get("items") or [] if it.get("decision")]
    if not items:
        return ()
    nxt = m.get("next_meeting") or {}
    meeting = Meeting(body=m.get("body"), date=m.get("date"),
                      next_meeting=NextMeeting(date=nxt.get("date")) if nxt else None)
    return tuple(_minute_decision(meeting, it, paper.get("date")) for it in items)
