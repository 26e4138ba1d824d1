"""The paper's own date where its parser found none: chosen among the day dates it holds.

Which day a paper is "of" depends on its kind (the real-paper conventions): the meeting's
day for agendas, reports and minutes, the issue date for briefings, the document date
for letters and decision records (a forward-plan entry's "first published" day). Real
papers often lose the layout a parser reads that from: a cover table flattened into one
paragraph ("REPORT … TO THE Cabinet ON MONDAY 7TH FEBRUARY 2005"), a CMIS page's
"20 Mar 2015 - 09:30 to 11:00", a newsletter's "Tuesday 29 November 2022" under its
masthead. Each dated fact near the top is scored by what stands before it (a "Date:"
label, "held on", a meeting name) and by where it is (a short line of its own, early
in the paper); words that make a date someone else's ("minutes of the meeting held
on", "deadline", "by") count against it. The best-scoring date with its year written
becomes the paper's date.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from boardpapers.model.layout import BlockKind
from boardpapers.model.paper import DateFact, Paper


@dataclass(frozen=True, slots=True)
class DateChoice:
    """Weights of the evidence for one date being the paper's own."""

    window: int = 3000  # only dates within this many characters of the top are candidates
    label: float = 3.0  # "Date:", "Meeting date", "Dyddiad", "Published:"
    held: float = 2.5  # "held on", "will be held … on", "Meeting:"
    meeting_line: float = 1.5  # "Committee: 17th February 2011", "Full Council - 28-09-2015"
    own_line: float = 1.5  # the date is (nearly) all of a short line
    early: float = 1.0  # bonus falling linearly to 0 across the window
    weekday: float = 0.5  # written with its weekday, as meeting dates are
    foreign: float = -3.0  # "minutes of the meeting held on", "deadline", "by", "until"
    minimum: float = 1.0  # below this no date is taken


CHOICE = DateChoice()

_LABEL = re.compile(
    r"(?:\bdate(?: of (?:the )?(?:meeting|decision|publication|issue))?|meeting date|dyddiad"
    r"|published|issued|decision made|date of decision|first published|decision taken)"
    r"\s*[:\-–|]?\s*\|?\s*$", re.IGNORECASE)
# "held … on", ModernGov's "Meeting:", and a flattened cover's "TO THE CABINET ON" (a bare
# lower-case "on" is any day in the prose).
_HELD = re.compile(r"(?:\bheld\b[^.;]{0,120}?\b(?:on|at)\b|\bmeeting\s*:|(?-i:\bON))\s*$",
                   re.IGNORECASE)
_MEETING_NAME = re.compile(r"\b(?:council|committee|cabinet|board|panel|executive|forum|"
                           r"authority|meeting|cyngor|pwyllgor)\b\s*[:\-–]?\s*$", re.IGNORECASE)
_FOREIGN = re.compile(
    r"(?:minutes of (?:the )?(?:\w+ ){0,6}(?:meeting|meetings)\b[^.]{0,60}|previous meeting"
    r"[^.]{0,40}|last meeting[^.]{0,40}|deadline[^.]{0,30}|\bby|\buntil|\bfrom|\bsince"
    r"|\bbefore|\bafter|\bending|\bclosing date[^.]{0,20}|\breceived (?:on)?|\bsubmitted"
    r"|\bnext meeting[^.]{0,40}|\bissue\s*:?)\s*$", re.IGNORECASE)
# The year written out: "2024", "'23", "04/07/2022", "1.10.20", "11 Jan 23".
_HAS_YEAR = re.compile(r"(?:19|20)\d\d|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
                       r"|[A-Za-z]{3,9}\.?,?\s+'?\d{2}\s*$")
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b"
                      r"|\bdydd\b|\bnos\b", re.IGNORECASE)


def with_paper_date(paper: Paper) -> Paper:
    """The paper with a date, when its parser gave it none and a date near the top fits.

    A decision record or forward-plan entry ("other") is dated by its "Date of decision:"
    or "first published:" label even where the report parser that read it took another
    day (its publication date, the day a decision is due)."""
    if paper.genre == "other" and (labelled := _decision_date(paper)):
        return dataclasses.replace(paper, date=labelled)
    if paper.date or (paper.meeting and paper.meeting.date):
        return paper
    date = choose_date(paper)
    return dataclasses.replace(paper, date=date) if date else paper


_DECISION_LABEL = re.compile(r"(?:\bdate of decision|\bdecision made|\bdecided at meeting"
                             r"|\bfirst published)\s*[:\-–]?\s*$", re.IGNORECASE)


def _decision_date(paper: Paper) -> str | None:
    for fact in paper.facts.dates:
        text = paper.layout.blocks[fact.span.block].text
        if fact.date and _HAS_YEAR.search(fact.text) \
                and _DECISION_LABEL.search(text[max(0, fact.span.start - 60):fact.span.start]):
            return fact.date
    return None


def choose_date(paper: Paper, choice: DateChoice = CHOICE) -> str | None:
    blocks = paper.layout.blocks
    offsets, at = [], 0
    for block in blocks:
        offsets.append(at)
        at += len(block.text) + 1 if block.kind is not BlockKind.PAGE_BREAK else 0
    best: tuple[float, int, str] | None = None
    for fact in paper.facts.dates:
        if not fact.date or not _HAS_YEAR.search(fact.text):
            continue
        where = offsets[fact.span.block] + fact.span.start
        if where > choice.window:
            continue
        score = _score(fact, blocks[fact.span.block].text, where, choice)
        if best is None or score > best[0]:
            best = (score, where, fact.date)
    return best[2] if best and best[0] >= choice.minimum else None


def _score(fact: DateFact, text: str, where: int, choice: DateChoice) -> float:
    before = text[max(0, fact.span.start - 160):fact.span.start]
    # a weekday written before the date belongs to it ("Tuesday, 11 July 2017")
    before_bare = re.sub(r"(?:\b\w+day\b|\bdydd \w+|\bnos \w+)[,\s]*$", "", before,
                         flags=re.IGNORECASE)
    score = choice.early * (1 - where / choice.window)
    if _FOREIGN.search(before_bare):
        return score + choice.foreign
    if _LABEL.search(before_bare):
        score += choice.label
    elif _HELD.search(before_bare):
        score += choice.held
    elif _MEETING_NAME.search(before_bare):
        score += choice.meeting_line
    rest = (text[:fact.span.start] + text[fact.span.end:]).strip(" -–|,.:")
    if len(rest) <= 40 or len(text) <= 80:
        score += choice.own_line
    if _WEEKDAY.search(fact.text) or _WEEKDAY.search(before[-14:]):
        score += choice.weekday
    return score
