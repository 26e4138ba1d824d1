"""A committee report's signs: its template's headings, cover fields and wording.

A report is known by the labels of the template councils write to ("Purpose of report",
"Recommendation(s)", "Contact officer", the implications headings), found as lines or as
rows of a label/value table, and by what it says of itself in running text (the cue
table). A planning application report has no "Purpose" heading: its application reference
and side headings stand in. ``score`` also counts the paper's report templates
(``signs.measure("templates", n)``), which the decision rules read to tell a pack.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from boardpapers.genre_cues import CueTable, cue, score_cues
from boardpapers.genres import READ, Counted, Line, PaperLines, Signs, label_rows, search
from boardpapers.vocab.labels import match_label

_TEMPLATE_KINDS = ("purpose", "summary", "recommendations", "actions", "contact")
_IMPLICATION_KINDS = ("financial", "legal", "equalities", "implications_wales", "risk")
_RECOMMENDS = re.compile(r"\b(?:it is recommended that|is (?:recommended|asked) to|members are "
                         r"asked to (?:note|agree|approve|consider)|argymhellir"
                         # a planning report's "That the application be APPROVED subject to"
                         r"|that (?:the )?(?:application|planning permission) be "
                         r"(?:approved|granted|refused))\b", re.IGNORECASE)
# Words every match of a pattern contains (lower case), for the ``search`` pre-check.
_RECOMMENDS_NEEDLES = ("recommended", "asked to", "argymhellir", " be ")


_HEADER_KINDS = ("confidential", "plan_theme", "key_decision", "wards", "report_of",
                 "report_to", "exempt")


def template_labels(lines: list[Line]) -> Counter[str]:
    """How often each report-template label appears as a line (or table row) of its own."""
    found: Counter[str] = Counter()
    for n, (_, block, text) in enumerate(lines):
        for row in label_rows(block, text):
            label = match_label(row)
            if label is None or (not label.value and _among_column_headers(lines, n)):
                continue
            _count_label(label.kind, label.value, found)
    return found


def _is_column_header(text: str) -> bool:
    return len(text) <= READ.column_header_chars \
        and len(text.split()) <= READ.column_header_words and not any(c.isdigit() for c in text)


def _among_column_headers(lines: list[Line], n: int) -> bool:
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


REPORT_SIGNS = ReportSignSettings()


def _planning(paper: PaperLines, signs: Signs) -> None:
    """A planning application report: an application reference and its side headings."""
    w = REPORT_SIGNS
    front = paper.front
    references = sum(1 for _, _, t in front if "/" in t and _PLANNING_REFERENCE.search(t))
    headings = {t.lower().rstrip(" :") for _, _, t in front
                if len(t) <= w.planning_heading_chars and _PLANNING_HEADINGS.match(t)}
    if references and len(headings) >= w.planning_headings:
        signs("report", w.planning, f"planning application report (reference, {len(headings)} "
                                    "headings: " + ", ".join(sorted(headings)[:4]) + ")")


def score(paper: PaperLines, signs: Signs) -> None:
    """Template features, a planning report's shape and the report cues; measures how many
    report templates the paper holds ("templates")."""
    w = REPORT_SIGNS
    lines = paper.lines
    labels = template_labels(lines)
    signs.measure("templates", max(labels["purpose"], labels["recommendations"]))
    if labels["purpose"]:
        signs("report", w.purpose, f"heading 'Purpose of report' x{labels['purpose']} "
                                   "(report template)")
    if labels["recommendations"]:
        signs("report", w.recommendations,
              f"'Recommendation(s)' heading x{labels['recommendations']}")
    if labels["contact"]:
        signs("report", w.contact, "contact officer block")
    if labels["summary"]:
        signs("report", w.summary, "'Summary' heading")
    implications = sum(labels[k] for k in _IMPLICATION_KINDS)
    if implications:
        signs("report", w.implications.of(implications),
              f"{implications} implications heading(s) (financial, legal, equalities...)")
    if labels["header"]:
        signs("report", w.header.of(labels["header"]),
              "report header fields (confidential, report to/of, wards, key decision)")
    if any(search(_RECOMMENDS, _RECOMMENDS_NEEDLES, t) for _, _, t in lines[:w.recommends_lines]):
        signs("report", w.recommends, "'it is recommended that' / 'members are asked to'")
    _planning(paper, signs)
    score_cues(paper, CUES, signs)


# What a committee report says about itself, and its cover sheet's labels inline.
CUES = CueTable(
    cue("report", 2.0, 2.0, r"\bpurpose of (?:the |this )?(?:report|paper)\b|\bdiben yr adroddiad",
         "'Purpose of the report' in the text"),
    cue("report", 1.5, 1.5,
         r"\b(?:this|the attached) (?:report|paper) (?:sets out|provides|presents|seeks|asks|"
         r"considers|summarises|updates|informs|details|outlines|describes|proposes|is to|"
         r"notes|makes|gives|requests|recommends|reviews|explains|highlights|brings)\b"
         r"|\bthe (?:purpose|aim|objective) of this (?:report|paper)\b",
         "the paper speaks of itself as a report ('This report sets out …')"),
    cue("report", 1.5, 1.5,
         r"\bit is recommended that\b|\brecommended that (?:the )?(?:cabinet|committee|council|"
         r"board|members|executive|panel|authority|leader)\b|\bargymhellir\b",
         "'It is recommended that …'"),
    cue("report", 0.75, 1.5,
         r"\b(?:is|are) (?:asked|recommended|requested|invited) to (?:note|agree|approve|"
         r"consider|endorse|comment|decide|choose|review|delegate|give|support|adopt|"
         r"recommend|confirm|authorise)\b",
         "'… is asked to note / agree' x{n}"),
    cue("report", 1.0, 1.0,
         r"(?:^|\s)(?:recommendations?|recommendation\(s\)|recommendation/s)\s*[:\-–]"
         r"|^\s*(?:\d+(?:\.\d+)*\.?\s+)?recommendations?(?: of [\w ]{3,60})?\s*$",
         "'Recommendation(s)' label"),
    cue("report", 0.5, 2.5,
         r"\b(?:report (?:to|of|by|from|author)|wards? affected|key decision|portfolio holders?"
         r"|report no|executive summary|summary of (?:the )?report|background (?:papers|documents)"
         r"|financial implications|legal implications|equalit(?:y|ies) implications"
         r"|risk (?:management|assessment|implications)|reasons? for (?:the )?recommendations?"
         r"|issue for decision|options? considered|alternative options|head of service"
         r"|lead (?:officer|member|director)|contact officer|report author|cabinet member"
         r"|subject)\s*(?:\(s\))?\s*[:\-–]",
         "report cover labels x{n} (report to, wards affected, contact officer, …)"),
    cue("report", 1.0, 1.0, r"^\s*(?:joint )?report (?:of|by|from|to) (?:the )?\w",
         "'Report of …' line", front=1500),
)
