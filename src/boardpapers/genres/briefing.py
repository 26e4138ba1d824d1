"""Signs of briefings (bulletins, newsletters, press releases) and of summaries.

A briefing is known by its masthead, its links and capitalised headlines, a press
release by its furniture ("For immediate release", "Notes to editors"); a summary is a
regional body's review of the support it gave its member councils ("support to
members", "value for money", a year span in its title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.genre_cues import CueTable, cue, score_cues
from boardpapers.genres import Counted, Line, PaperLines, Signs, search
from boardpapers.vocab.calendar import MONTH_NAMES

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
    """Weights of the signs of briefings, bulletins and press releases."""

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


BRIEFING_SIGNS = BriefingSignSettings()


def _is_shouted_headline(text: str) -> bool:
    w = BRIEFING_SIGNS
    if len(text) > w.headline_chars:
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= w.headline_letters and len(text) <= w.headline_chars \
        and sum(c.isupper() for c in letters) > w.headline_upper * len(letters)


@dataclass(frozen=True, slots=True)
class SummarySignSettings:
    """Weights of the signs of a regional body's periodic summary of its support."""

    wording: Counted = Counted(0.75, 2.5)  # member-support review wording (distinct)
    year_span: float = 0.75  # "2016-17" in the title
    year_span_lines: int = 8


SUMMARY_SIGNS = SummarySignSettings()


# A press release is one news story: the expectations score it as a briefing with one
# item, so it reaches the weekly brief rather than "other".
_PRESS_MASTHEAD = re.compile(r"^(?:news|press|media) (?:release|statement|notice)$", re.IGNORECASE)
_PRESS_FURNITURE = re.compile(r"^(?:for immediate release\b.*|embargoed (?:until|to)\b.*"
                              r"|notes? (?:to|for) editors?:?|media enquiries\b.*"
                              r"|press enquiries\b.*|-?\s*ends\s*-?\.?)$", re.IGNORECASE)


def _score_press_release(lines: list[Line], signs: Signs) -> None:
    w = BRIEFING_SIGNS
    if any(_PRESS_MASTHEAD.match(t) for _, _, t in lines[:w.press_masthead_lines]):
        signs("briefing", w.press_masthead, "'News release' masthead")
    furniture = {t.lower()[:20] for _, _, t in lines
                 if len(t) <= w.furniture_chars and _PRESS_FURNITURE.match(t)}
    if furniture:
        signs("briefing", w.press_furniture.of(len(furniture)),
                  "press release furniture: " + ", ".join(sorted(furniture)[:3]))

def score(paper: PaperLines, signs: Signs) -> None:
    """A briefing's masthead, a press release's furniture, links, headlines, the cues."""
    w = BRIEFING_SIGNS
    lines = paper.lines
    if any(_BRIEF_WORDS.search(t) for _, _, t in lines[:w.masthead_lines]
           if len(t) <= w.masthead_chars):
        signs("briefing", w.masthead,
              "briefing masthead (policy brief / weekly round up / bulletin)")
    _score_press_release(lines, signs)
    urls = sum(1 for _, _, t in lines if search(_URL, _URL_NEEDLES, t))
    if urls >= w.min_links:
        signs("briefing", w.links.of(urls), f"{urls} lines with links")
    shouted = sum(1 for _, _, t in lines if _is_shouted_headline(t))
    if shouted >= w.min_headlines:
        signs("briefing", w.headlines.of(shouted), f"{shouted} capitalised headlines")
    score_cues(paper, BRIEFING_CUES, signs)


def score_summary(paper: PaperLines, signs: Signs) -> None:
    """Member-support review wording, a year span in the title, the summary cue."""
    w = SUMMARY_SIGNS
    lines = paper.lines
    summary_words = {m.group(0).lower() for _, _, t in lines
                     if search(_SUMMARY_WORDS, _SUMMARY_NEEDLES, t)
                     for m in _SUMMARY_WORDS.finditer(t)}
    if summary_words:
        signs("summary", w.wording.of(len(summary_words)),
              "member-support review wording: " + ", ".join(sorted(summary_words)[:3]))
    if any(_YEAR_SPAN.search(t) for _, _, t in lines[:w.year_span_lines]):
        signs("summary", w.year_span, "a year span in the title (e.g. 2016-17)")
    score_cues(paper, SUMMARY_CUES, signs)

# Briefings, bulletins and newsletters.
BRIEFING_CUES = CueTable(
    cue("briefing", 2.5, 2.5,
         r"^[^\n]{0,80}?\b(?:e-?news(?:letter)?|newsletter|e-?bulletin|bulletin"
         r"|policy brief(?:ing)?|weekly (?:update|round[- ]?up|brief(?:ing)?)"
         r"|members'? (?:update|briefing)|round[- ]?up|news in brief|inside stories|heads up"
         r"|(?:member )?briefing notes?)\b"
         r"[^\n]{0,80}$",
         "a bulletin or newsletter masthead (a short line at the top)", front=400),
    cue("briefing", 1.5, 1.5,
         r"\b(?:welcome to (?:the|our|this) (?:\w+ ){0,3}(?:edition|issue)|in this (?:issue|"
         r"edition)|this (?:week|month)'?s? (?:edition|issue|update|news)|\d{1,3}(?:st|nd|rd|th) "
         r"edition\b|no\.\s?\d{2,4} (?:" + "|".join(m.lower() for m in MONTH_NAMES[1:]) + "))",
         "an edition or issue of a newsletter"),
    cue("briefing", 0.5, 2.0,
         r"\b(?:find out more|read more|click here|more information (?:is available|can be "
         r"found)|book (?:your|a) place|booking|sign up|register (?:now|here|your interest)"
         r"|training (?:course|session|event)s?|webinars?|vacanc(?:y|ies)|this week)\b",
         "news items' calls to action x{n} (find out more, booking, training)"),
    cue("briefing", 1.0, 1.0, r"\b(?:nalc|slcc|county association|clerks and councillors)\b",
         "a county association's sector news"),
)

# A regional body's review of the support it gave its member councils.
SUMMARY_CUES = CueTable(
    cue("summary", 4.0, 4.0,
         r"\b(?:annual|quarterly|half[- ]year(?:ly)?|six[- ]monthly|mid[- ]year|end of year) "
         r"(?:summary|review|report) of (?:the )?(?:support|activity|our work|services)",
         "a periodic summary of support to member councils", front=400, title=True),
)
