"""classify(layout) -> Classification: which kind of paper this is, and why.

Each genre has a handful of *features* (a report template's labels, an agenda's item
table, a minute's "RESOLVED", a briefing's dated round-up headline...) found in the
paper's short lines. Every feature found adds to its genre's score and leaves a short
human-readable string of evidence; the best score past a threshold wins. A single
matching phrase never decides alone, so a stray "Agenda" in a report does not make it an
agenda; a blank or unfamiliar paper scores low everywhere and is "other".

``genre_cues`` adds the cues found anywhere in the words of the whole text (flattened
papers have few short lines); the decision then takes the best genre, with a confidence
(its share of the evidence) and the evidence itself. "other" is chosen on positive
evidence (a decision record, forward-plan entry, letter, template) or when nothing
points anywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from boardpapers.genre_cues import CUE_SETTINGS, score_cues
from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.plugins import points, resolve
from boardpapers.vocab.labels import clean_label_text, match_label
from boardpapers.vocab.text import fold


@dataclass(frozen=True, slots=True)
class Counted:
    """A sign that may occur many times: ``each`` per occurrence, at most ``cap`` in all."""

    each: float
    cap: float

    def of(self, n: int) -> float:
        return min(self.cap, self.each * n)


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """How much of the paper the line features read."""

    # Only the first part of a long paper decides its front matter; template labels are
    # counted everywhere (a pack's reports sit behind its agenda).
    front_blocks: int = 160
    title_lines: int = 12  # a title is among the first lines (record of decision, hearing)
    min_chars: int = 40  # less text than this is "other": nothing to classify
    label_line_chars: int = 160  # a longer line is prose, not a label
    label_table_rows: int = 40  # rows of a label/value table read
    label_table_cells: int = 3  # a wider table is not a label/value table
    label_cell_chars: int = 60  # a label cell longer than this is not a label
    column_header_chars: int = 15  # a flattened table header's cell ("Purpose", "Time")
    column_header_words: int = 2


READ = ReadSettings()


class _Scores(dict[str, float]):
    """Score per genre; a genre not scored yet reads 0 (and is not added by reading it)."""

    def __missing__(self, genre: str) -> float:
        return 0


@dataclass(slots=True)
class _Tally:
    scores: _Scores = field(default_factory=_Scores)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    titled: set[str] = field(default_factory=set)  # genres the paper's title names

    def add(self, genre: str, weight: float, why: str) -> None:
        self.scores[genre] += weight
        self.evidence.setdefault(genre, []).append(why)


# Letters that re.IGNORECASE folds onto ASCII letters but str.lower() does not.
_ODD_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _folded(text: str) -> str:
    """Lower case for substring pre-checks that agree exactly with re.IGNORECASE."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_ODD_FOLDS)
    return text.lower()


def _search(pattern: re.Pattern[str], needles: tuple[str, ...], text: str) -> bool:
    """``pattern.search(text)``, skipped when the text lacks every word a match contains.

    A long paper's lines are mostly prose that none of the genre phrases occur in;
    a substring test rules such a line out many times faster than the regex scan.
    """
    folded = _folded(text)
    return any(n in folded for n in needles) and pattern.search(text) is not None


def _start_or_search(pattern: re.Pattern[str], needles: tuple[str, ...], text: str) -> bool:
    """For patterns whose anchored alternatives need no needle: those can only match at 0."""
    return pattern.match(text) is not None or _search(pattern, needles, text)


# Pandoc's Markdown keeps an HTML page's ids and classes: "Items {#items .mgSectionTitle}",
# "[Venue: ]{.mgLabel}Council Chamber". They are markup, not words of the paper.
_PANDOC_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]{0,200}\}")
_PANDOC_SPAN = re.compile(r"\[([^\[\]]{0,200})\]\{\.[^{}]{0,200}\}")


def _without_pandoc_attributes(text: str) -> str:
    if "{" not in text:
        return text
    return _PANDOC_ATTRIBUTES.sub("", _PANDOC_SPAN.sub(r"\1", text))


def _lines(layout: Layout) -> list[tuple[int, Block, str]]:
    out = []
    for i, b in enumerate(layout.blocks):
        if b.kind is BlockKind.PAGE_BREAK:
            continue
        text = fold(clean_label_text(_without_pandoc_attributes(b.text)))
        if text:
            out.append((i, b, text))
    return out


# ------------------------------------------------------------------ report templates

_TEMPLATE_KINDS = ("purpose", "summary", "recommendations", "actions", "contact")
_IMPLICATION_KINDS = ("financial", "legal", "equalities", "implications_wales", "risk")
_RECOMMENDS = re.compile(r"\b(?:it is recommended that|is (?:recommended|asked) to|members are "
                         r"asked to (?:note|agree|approve|consider)|argymhellir"
                         # a planning report's "That the application be APPROVED subject to"
                         r"|that (?:the )?(?:application|planning permission) be "
                         r"(?:approved|granted|refused))\b", re.IGNORECASE)
# Words every match of a pattern contains (lower case), for the ``_search`` pre-check.
_RECOMMENDS_NEEDLES = ("recommended", "asked to", "argymhellir", " be ")


_HEADER_KINDS = ("confidential", "plan_theme", "key_decision", "wards", "report_of",
                 "report_to", "exempt")


def _label_rows(block: Block, text: str) -> list[str]:
    """The lines of a block that could be labels: a label/value table's rows count too.

    A Word front sheet ("Key decision: | Yes", "Divisions affected: | Lowbridge") is a
    table; its rows are the same header fields a typed report writes one per line. Only
    narrow tables with a short first cell are label tables (not an agenda's item table).
    """
    if block.kind is not BlockKind.TABLE:
        return [text] if len(text) <= READ.label_line_chars else []
    return [f"{row[0].strip()}\t{row[1].strip()}" if len(row) > 1 else row[0].strip()
            for row in block.rows[:READ.label_table_rows]
            if 1 <= len(row) <= READ.label_table_cells and row
            and 0 < len(row[0].strip()) <= READ.label_cell_chars]


def template_labels(lines: list[tuple[int, Block, str]]) -> Counter[str]:
    """How often each report-template label appears as a line (or table row) of its own."""
    found: Counter[str] = Counter()
    for n, (_, block, text) in enumerate(lines):
        for row in _label_rows(block, text):
            label = match_label(row)
            if label is None or (not label.value and _among_column_headers(lines, n)):
                continue
            _count_label(label.kind, label.value, found)
    return found


def _is_column_header(text: str) -> bool:
    return len(text) <= READ.column_header_chars \
        and len(text.split()) <= READ.column_header_words and not any(c.isdigit() for c in text)


def _among_column_headers(lines: list[tuple[int, Block, str]], n: int) -> bool:
    """A table's header row flattened one cell per line ("Item / Title / Lead / Purpose /
    Time"): its "Purpose" is a column, not the report template's heading."""
    around = [t for _, _, t in lines[max(0, n - 2):n] + lines[n + 1:n + 2]]
    return len(around) == 3 and all(_is_column_header(t) for t in around)


def _count_label(kind: str, value: str, found: Counter[str]) -> None:
    if kind == "author" and value:
        kind = "contact"  # "Report Author: Tom Ashworth, Senior Planner" names the contact
    if kind in _TEMPLATE_KINDS or kind in _IMPLICATION_KINDS:
        if kind == "contact" and value and "@" in value:
            return  # a bulletin's or summary's "Contact: Name, role  name@..." line
        found[kind] += 1
    elif kind in _HEADER_KINDS:
        found["header"] += 1


# A planning committee's application report has no "Purpose" heading: it is known by
# its application reference ("NP/25/0412/FUL", "25/01234/FUL") and its side headings.
_PLANNING_REFERENCE = re.compile(r"\b(?:[A-Z]{1,4}/)?\d{2,4}/\d{3,6}/[A-Z]{2,6}\b")
_PLANNING_HEADINGS = re.compile(
    r"^(?:site and surroundings|site description|the site|proposal|key issues|planning history"
    r"|history|consultations?(?: responses)?|representations|main policies|relevant policies"
    r"|planning policy|(?:officer )?assessment|applicant|agent|conditions|reasons? for refusal"
    r"|human rights)\s*:?$", re.IGNORECASE)
# A record of a decision taken by a cabinet member or officer is filed as "other" (the
# real-paper conventions) and read by the report parser, which finds its decision list.
_DECISION_RECORD = re.compile(
    r"^(?:record of (?:(?:an? )?(?:executive|key|delegated|officer|individual|cabinet member|"
    r"portfolio holder|non-key) )*decisions?(?: taken .*)?|decision record|(?:executive|officer|"
    r"delegated|cabinet member|key) decision (?:record|notice|report)|officer decision)$",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReportSignSettings:
    """Weights of a committee report's signs: its template's headings and cover fields."""

    purpose: float = 2.0  # "Purpose of report" heading
    recommendations: float = 1.5  # "Recommendation(s)" heading
    contact: float = 1.0  # contact officer block
    summary: float = 0.5  # "Summary" heading
    implications: Counted = Counted(0.5, 1.5)  # financial, legal, equalities... headings
    header: Counted = Counted(0.5, 1.0)  # report to/of, wards, key decision
    recommends: float = 0.5  # "it is recommended that" in the opening lines
    recommends_lines: int = 200  # ...read this far
    planning: float = 1.5  # a planning application report (reference + side headings)
    planning_headings: int = 3  # at least this many of its side headings
    planning_heading_chars: int = 40  # a longer line is not a side heading
    decision_record: float = 2.5  # "Record of Decision" title: counts for "other"


REPORT_SIGNS = ReportSignSettings()


def _score_report_kinds(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    """Report kinds without the usual template: planning applications, decision records."""
    w = REPORT_SIGNS
    front = lines[:READ.front_blocks]
    if any(_DECISION_RECORD.match(t) for _, _, t in front[:READ.title_lines]):
        tally.add("other", w.decision_record,
                  "'Record of Decision' title (a decision taken, read as a report)")
    references = sum(1 for _, _, t in front if "/" in t and _PLANNING_REFERENCE.search(t))
    headings = {t.lower().rstrip(" :") for _, _, t in front
                if len(t) <= w.planning_heading_chars and _PLANNING_HEADINGS.match(t)}
    if references and len(headings) >= w.planning_headings:
        tally.add("report", w.planning, f"planning application report (reference, {len(headings)} "
                                 "headings: " + ", ".join(sorted(headings)[:4]) + ")")


def _score_report(lines: list[tuple[int, Block, str]], tally: _Tally) -> int:
    """Template features; returns how many report templates the paper holds."""
    w = REPORT_SIGNS
    labels = template_labels(lines)
    templates = max(labels["purpose"], labels["recommendations"])
    if labels["purpose"]:
        tally.add("report", w.purpose, f"heading 'Purpose of report' x{labels['purpose']} "
                                 "(report template)")
    if labels["recommendations"]:
        tally.add("report", w.recommendations,
                  f"'Recommendation(s)' heading x{labels['recommendations']}")
    if labels["contact"]:
        tally.add("report", w.contact, "contact officer block")
    if labels["summary"]:
        tally.add("report", w.summary, "'Summary' heading")
    implications = sum(labels[k] for k in _IMPLICATION_KINDS)
    if implications:
        tally.add("report", w.implications.of(implications),
                  f"{implications} implications heading(s) (financial, legal, equalities...)")
    if labels["header"]:
        tally.add("report", w.header.of(labels["header"]),
                  "report header fields (confidential, report to/of, wards, key decision)")
    if any(_search(_RECOMMENDS, _RECOMMENDS_NEEDLES, t) for _, _, t in lines[:w.recommends_lines]):
        tally.add("report", w.recommends, "'it is recommended that' / 'members are asked to'")
    _score_report_kinds(lines, tally)
    return templates


# ------------------------------------------------------------------ agendas and minutes

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


_PACK_COVER = re.compile(r"^(?:public (?:document|reports) pack|agenda pack|supplementary pack)$",
                         re.IGNORECASE)
_ITEM_STAMP = re.compile(r"^(?:agenda item|eitem agenda|eitem)\s+\d{1,2}[a-z]?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PackSignSettings:
    """Weights of what only a pack has: the publisher's cover line and item stamps."""

    cover: float = 2.0  # "Public Document Pack"
    cover_lines: int = 10  # ...among the first lines
    stamps: Counted = Counted(1.0, 2.0)  # "Agenda Item 4" page stamps
    min_stamps: int = 1


PACK_SIGNS = PackSignSettings()


def _score_pack(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    """What only a pack has: the publisher's cover line and "Agenda Item 4" page stamps."""
    w = PACK_SIGNS
    if any(_PACK_COVER.match(t) for _, _, t in lines[:w.cover_lines]):
        tally.add("agenda_pack", w.cover, "'Public Document Pack' cover")
    stamps = sum(1 for _, _, t in lines if _ITEM_STAMP.match(t))
    if stamps >= w.min_stamps:
        tally.add("agenda_pack", w.stamps.of(stamps), f"'Agenda Item N' stamps x{stamps}")


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


def _score_hearing(front: list[tuple[int, Block, str]], tally: _Tally) -> None:
    w = MEETING_SIGNS
    if any(_HEARING_NOTICE.match(t) for _, _, t in front[:READ.title_lines]):
        tally.add("minutes", w.hearing_title,
                  "'Notice of Determination' title (a hearing's record)")
    labels = sum(1 for _, b, t in front for row in _label_rows(b, t)
                 if _HEARING_LABELS.match(row))
    if labels:
        tally.add("minutes", w.hearing_labels.of(labels),
                  f"hearing labels x{labels} (date of hearing, sub-committee members)")


def _score_meetings(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    w = MEETING_SIGNS
    front = lines[:READ.front_blocks]
    _score_hearing(front, tally)
    agenda_heads = sum(1 for _, _, t in front if _AGENDA_WORDS.match(t.rstrip(":")))
    if agenda_heads:
        tally.add("agenda", w.agenda_heading, f"'Agenda' heading x{agenda_heads}")
    items = {m.group(0).lower() for _, _, t in front for m in _AGENDA_ITEMS.finditer(t)}
    if items:
        tally.add("agenda", w.standing_items.of(len(items)),
                  "standing agenda items: " + ", ".join(sorted(items)[:4]))
    if any(_MEETING_NOTICE.search(t) for _, _, t in front):
        tally.add("agenda", w.notice, "meeting notice / membership")
    page_rows = sum(1 for _, b, t in front if b.kind is BlockKind.TABLE and _PAGE_RANGE.search(t))
    page_rows += sum(1 for _, b, t in front if _ITEM_ROW.match(t) and _PAGE_RANGE.search(t))
    if page_rows >= w.agenda_table_rows:
        tally.add("agenda", w.agenda_table, f"agenda table ({page_rows} items with page ranges)")
    minutes_title = sum(1 for _, _, t in front if _MINUTES_TITLE.match(t))
    if minutes_title:
        tally.add("minutes", w.minutes_title, "'Minutes' title")
        tally.titled.add("minutes")
    moderngov = sum(1 for _, _, t in lines
                    if _start_or_search(_MODERNGOV, _MODERNGOV_NEEDLES, t))
    with_minutes = sum(1 for _, _, t in lines if _MODERNGOV_MINUTES.match(t))
    if moderngov >= w.moderngov_min_labels and with_minutes:
        tally.add("agenda_and_minutes", w.moderngov_labels.of(moderngov),
                  f"ModernGov page labels x{moderngov} with minutes x{with_minutes} "
                  "(Agenda and minutes, Venue, Items, Minutes:)")
    elif moderngov >= w.moderngov_min_labels:
        tally.add("agenda", w.moderngov_agenda.of(moderngov),
                  f"ModernGov agenda page labels x{moderngov} (Venue, Items), no minutes")


# ------------------------------------------------------------------ briefings, summaries

_BRIEF_WORDS = re.compile(
    r"\b(?:policy brief(?:ing)?|members'? (?:briefing|bulletin|update|newsletter)"
    r"|in this (?:issue|edition)|issue \d{1,3}\b"
    r"|weekly (?:round[- ]?up|brief(?:ing)?|bulletin|update)"
    r"|round[- ]?up|newsletter|e-?bulletin|bulletin|top items this week|in this issue"
    r"|news in brief)\b", re.IGNORECASE)
_SUMMARY_WORDS = re.compile(
    r"\b(?:support to (?:members?|councils|member \w+)|member (?:authorities|councils)"
    r"|our support|councillor development|employers'? organisation"
    r"|annual (?:review|summary|report)|year in review"
    r"|value for money|member organisations?|return on (?:investment|subscriptions?)"
    r"|savings delivered|supporting (?:elected )?members|looking ahead)\b", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_URL_NEEDLES = ("http", "www.")
_SUMMARY_NEEDLES = ("support", "member ", "councillor development", "employer", "annual ",
                    "year in review", "value for money", "return on ", "savings delivered",
                    "looking ahead")
_YEAR_SPAN = re.compile(r"\b20\d\d\s*[-/–]\s*(?:20)?\d\d\b")


@dataclass(frozen=True, slots=True)
class BriefingSignSettings:
    """Weights of the signs of briefings, bulletins, press releases and summaries."""

    masthead: float = 2.0  # "Policy brief", "Weekly round up" near the top
    masthead_lines: int = 12
    masthead_chars: int = 140  # a longer line is prose, not a masthead
    press_masthead: float = 2.0  # "News release"
    press_masthead_lines: int = 6
    press_furniture: Counted = Counted(0.5, 1.5)  # "Notes to editors", "Ends" (distinct)
    furniture_chars: int = 120
    links: Counted = Counted(0.25, 1.5)  # lines with links
    min_links: int = 2
    headlines: Counted = Counted(0.3, 1.5)  # capitalised headlines
    min_headlines: int = 3
    headline_chars: int = 120  # a shouted headline is at most this long...
    headline_letters: int = 12  # ...with at least this many letters...
    headline_upper: float = 0.9  # ...more than this share of them capitals
    summary_wording: Counted = Counted(0.75, 2.5)  # member-support review wording (distinct)
    year_span: float = 0.75  # "2016-17" in the title: a summary
    year_span_lines: int = 8


BRIEFING_SIGNS = BriefingSignSettings()


def _is_shouted_headline(text: str) -> bool:
    w = BRIEFING_SIGNS
    if len(text) > w.headline_chars:
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= w.headline_letters and len(text) <= w.headline_chars \
        and sum(c.isupper() for c in letters) > w.headline_upper * len(letters)


# A press release is one news story: the expectations score it as a briefing with one
# item, so it reaches the weekly brief rather than "other".
_PRESS_MASTHEAD = re.compile(r"^(?:news|press|media) (?:release|statement|notice)$", re.IGNORECASE)
_PRESS_FURNITURE = re.compile(r"^(?:for immediate release\b.*|embargoed (?:until|to)\b.*"
                              r"|notes? (?:to|for) editors?:?|media enquiries\b.*"
                              r"|press enquiries\b.*|-?\s*ends\s*-?\.?)$", re.IGNORECASE)


def _score_press_release(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    w = BRIEFING_SIGNS
    if any(_PRESS_MASTHEAD.match(t) for _, _, t in lines[:w.press_masthead_lines]):
        tally.add("briefing", w.press_masthead, "'News release' masthead")
    furniture = {t.lower()[:20] for _, _, t in lines
                 if len(t) <= w.furniture_chars and _PRESS_FURNITURE.match(t)}
    if furniture:
        tally.add("briefing", w.press_furniture.of(len(furniture)),
                  "press release furniture: " + ", ".join(sorted(furniture)[:3]))


def _score_briefing(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    w = BRIEFING_SIGNS
    front = lines[:w.masthead_lines]
    if any(_BRIEF_WORDS.search(t) for _, _, t in front if len(t) <= w.masthead_chars):
        tally.add("briefing", w.masthead,
                  "briefing masthead (policy brief / weekly round up / bulletin)")
    _score_press_release(lines, tally)
    urls = sum(1 for _, _, t in lines if _search(_URL, _URL_NEEDLES, t))
    if urls >= w.min_links:
        tally.add("briefing", w.links.of(urls), f"{urls} lines with links")
    shouted = sum(1 for _, _, t in lines if _is_shouted_headline(t))
    if shouted >= w.min_headlines:
        tally.add("briefing", w.headlines.of(shouted), f"{shouted} capitalised headlines")
    summary_words = {m.group(0).lower() for _, _, t in lines
                     if _search(_SUMMARY_WORDS, _SUMMARY_NEEDLES, t)
                     for m in _SUMMARY_WORDS.finditer(t)}
    if summary_words:
        tally.add("summary", w.summary_wording.of(len(summary_words)),
                  "member-support review wording: " + ", ".join(sorted(summary_words)[:3]))
    if any(_YEAR_SPAN.search(t) for _, _, t in lines[:w.year_span_lines]):
        tally.add("summary", w.year_span, "a year span in the title (e.g. 2016-17)")


# ------------------------------------------------------------------ language

_WELSH = frozenset("""yr a'r i'r o'r ac yn ein eich mae oedd bydd wedi bod sydd hyn hynny
gan gyda ydy ydyw nid dim neu ond fel ar gyfer cyngor pwyllgor argymhelliad argymhellion
adroddiad cyfarfod cynghorydd cynghorwyr swyddog cymru sir gwasanaethau aelodau diben
cefndir crynodeb goblygiadau ariannol cyfreithiol penderfyniad cofnodion eitem eitemau
ymddiheuriadau dyddiad amser lleoliad rhaglen cadeirydd is-gadeirydd aelodaeth datgan
buddiant tudalennau tudalen dydd hefyd rhaid angen drwy trwy y""".split())
_ENGLISH = frozenset("""the and of to is that for with this on be are was as by from it will
have has an at which report council members committee not or their been date time venue
agenda items minutes apologies declarations interest chair vice-chair membership page pages
purpose recommendation recommendations summary contact officer""".split())
_WORD = re.compile(r"[A-Za-z\u00C0-\u017F'-]+")


def _half_language(text: str) -> str | None:
    cy = en = 0
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        if word in _WELSH:
            cy += 1
        elif word in _ENGLISH:
            en += 1
    if cy == en:
        return None
    return "cy" if cy > en else "en"


@dataclass(frozen=True, slots=True)
class LanguageSettings:
    """How the language is told from the lines' function words."""

    lines: int = 600  # lines read
    min_lines: int = 3  # fewer lines in either language: too few words to tell ("en")
    bilingual_lines: int = 2  # bilingual needs this many lines in each language...
    bilingual_share: float = 0.25  # ...and the lesser language this share of them


LANGUAGE = LanguageSettings()


def detect_language(lines: list[tuple[int, Block, str]]) -> tuple[str, str]:
    """("en" | "cy" | "bilingual", evidence) from which language each line is written in.

    Welsh councils print labels and text twice ("Dyddiad / Date"), so each half of a
    line split at " / " is judged on its own by its function words and common labels.
    """
    counts: Counter[str] = Counter()
    w = LANGUAGE
    for _, _, text in lines[:w.lines]:
        for half in re.split(r"\s+/\s+", text):
            language = _half_language(half)
            if language:
                counts[language] += 1
    cy, en = counts["cy"], counts["en"]
    total = cy + en
    if total < w.min_lines:
        return "en", "too few words to tell the language"
    if cy >= w.bilingual_lines and en >= w.bilingual_lines \
            and min(cy, en) >= w.bilingual_share * total:
        return "bilingual", f"Welsh and English lines {cy}/{en}"
    if cy > en:
        return "cy", f"Welsh lines {cy}/{total}"
    return "en", f"English lines {en}/{total}"


# ------------------------------------------------------------------ deciding


# A meeting page (ModernGov, CMIS) lists a meeting's items; with minutes under them it
# is "agenda and minutes", without them an agenda.
_MEETING_PAGE = re.compile(
    r"^\s*(?:no\.?|item(?: no\.?)?)\s*\|?\s*(?:agenda )?item\b|^\s*meeting details\s*$"
    r"|(?:^|\s)(?:•\s*)?documents\s+(?:•\s*)?attendance\s+(?:•\s*)?visitors\b",
    re.IGNORECASE | re.MULTILINE)
# Genres made of two others: their evidence is both parts' evidence.
_COMBINED = {"agenda_pack": ("agenda", "report"), "agenda_and_minutes": ("agenda", "minutes")}
_GENRES = ("report", "agenda", "minutes", "agenda_and_minutes", "briefing", "summary", "other")


@dataclass(frozen=True, slots=True)
class DecideSettings:
    """Thresholds of the final choice (scores are sums of feature weights)."""

    min_score: float = 1.5  # below this nothing points anywhere: "other"
    # A ModernGov/CMIS page with its minutes: its own labels this strong, with minute
    # wording or labels strong enough alone.
    page_with_minutes: float = 2.0
    page_minutes: float = 1.5
    page_alone: float = 3.0
    # A pack: agenda front matter (or a pack cover with an "Agenda" heading) and a report
    # template behind it.
    pack_agenda: float = 3.0
    pack_cover: float = 2.0
    pack_cover_agenda: float = 1.5
    pack_templates: int = 1
    pack_report: float = 3.0
    meeting_page_agenda: float = 1.5  # agenda signs that make a meeting page
    meeting_page_minutes: float = 2.0  # minute wording that makes a meeting page a&m
    # Two signs of a decision record, forward-plan entry, letter or template outweigh the
    # report headings such papers quote.
    other_decisive: float = 4.0
    read_as_report: float = 3.0  # an "other" paper this report-like is read by the report parser
    confidence_prior: float = 1.0  # pseudo-score that keeps one weak feature from 100 %


DECIDE = DecideSettings()


def _decide(tally: _Tally, templates: int, text: str) -> str:
    s, d = tally.scores, DECIDE
    agenda, report, minutes = s["agenda"], s["report"], s["minutes"]
    page = s["agenda_and_minutes"]
    if page >= d.page_with_minutes and (minutes >= d.page_minutes or page >= d.page_alone):
        return "agenda_and_minutes"
    pack = s["agenda_pack"]
    if (agenda >= d.pack_agenda or (pack >= d.pack_cover and agenda >= d.pack_cover_agenda)) \
            and templates >= d.pack_templates and report >= d.pack_report:
        tally.add("agenda_pack", agenda + report,
                  f"agenda front matter + {templates} report template(s)")
        return "agenda_pack"
    if s["other"] >= d.other_decisive:
        return "other"  # a decision record or forward-plan entry quotes a report's headings
    labels = len(_MEETING_PAGE.findall(text[:CUE_SETTINGS.max_chars]))
    if labels and "minutes" not in tally.titled and agenda >= d.meeting_page_agenda \
            and minutes >= d.meeting_page_minutes and report < minutes:
        tally.add("agenda_and_minutes", agenda + minutes,
                  f"a meeting page ({labels} page labels) with minutes under its items")
        return "agenda_and_minutes"
    best = max(_candidates(), key=lambda g: s[g])
    if s[best] < d.min_score:
        return "other"
    return best


def _candidates() -> tuple[str, ...]:
    """The built-in genres, then those added from outside with a score of their own."""
    return _GENRES + tuple(spec.name for spec in points().genres
                           if spec.score is not None and spec.name not in _GENRES)


def _confidence(genre: str, scores: _Scores) -> float:
    """The chosen genre's share of the evidence, damped so that one feature is not certainty."""
    chosen = max(scores[genre], scores["agenda"] + scores["report"]) \
        if genre == "agenda_pack" else scores[genre]
    rival = max((v for g, v in scores.items() if g != genre and g != "agenda_pack"
                 and not (genre == "agenda_pack" and g in ("agenda", "report"))), default=0.0)
    if chosen <= 0:
        return round(1.0 / (1.0 + DECIDE.confidence_prior + rival), 2)
    return round(chosen / (chosen + rival + DECIDE.confidence_prior), 2)


def classify(layout: Layout) -> Classification:
    lines = _lines(layout)
    tally = _Tally()
    if sum(len(t) for _, _, t in lines) < READ.min_chars:
        return Classification("other", ("no text to classify",), (), "en", 1.0)
    text = "\n".join(t for _, _, t in lines)
    templates = _score_report(lines, tally)
    _score_meetings(lines, tally)
    _score_pack(lines, tally)
    _score_briefing(lines, tally)
    tally.titled |= score_cues(text, tally.add)
    for spec in points().genres:
        if spec.score is not None:
            resolve(spec.score)(text, tally.add)
    genre = _decide(tally, templates, text)
    language, language_why = detect_language(lines)
    evidence = list(tally.evidence.get(genre, []))
    if genre in _COMBINED:
        evidence = [why for part in _COMBINED[genre] for why in tally.evidence.get(part, [])] \
            + evidence
    if not evidence:
        best = max(_candidates(), key=lambda g: tally.scores[g])
        evidence = [f"nothing points to any genre (best: {best} {tally.scores[best]:.2f})"]
    if language != "en":
        evidence.append(language_why)
    scores = tuple(sorted(((g, round(v, 2)) for g, v in tally.scores.items()),
                          key=lambda kv: -kv[1]))
    read_as = "report" if genre == "other" and tally.scores["report"] >= DECIDE.read_as_report \
        else None
    return Classification(genre, tuple(dict.fromkeys(evidence)), scores, language,
                          _confidence(genre, tally.scores), read_as)
