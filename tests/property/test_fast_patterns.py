"""Patterns rewritten to open with a character class (so ``re`` skips to the characters a
match can start with) find exactly what they found written the plain way, with a
lookbehind first: the plain forms are kept here as the reference."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.facts import contacts, council_names, metrics, sentence
from boardpapers.facts.numbers import NUMBER
from boardpapers.vocab import date_patterns as P

_REFERENCE = {
    "number": (metrics._NUMBER_AT, re.compile(
        r"(?:(?<=c\.)|(?<=ca\.)|(?<![\w.,£$€/:#\-–]))"
        rf"(?P<num>{NUMBER})(?![\d:/]|[.,]\d|-\d)"
        r"(?:\s?(?P<scale>million|thousand|billion|m|k|bn)(?![\w²]))?"
        r"(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b|\s+percentage\s+points?\b)?",
        re.IGNORECASE)),
    "day month year": (P.DAY_MONTH_YEAR, re.compile(
        P.DAY_MONTH_YEAR.pattern.replace(P._DAY, r"(?<![\d.,/:£$€\-–])(?P<day>\d{1,2})", 1),
        re.IGNORECASE)),
    "capital word": (council_names._CAPITAL_WORD, re.compile(
        rf"(?<![{council_names._LETTER}'’])[A-ZÂÊÎÔÛŴŶ][{council_names._LETTER}]*"
        r"(?:['’][A-Za-z]+)*")),
    "year": (P.YEAR, re.compile(r"(?:(?<=[Mm]id-)|(?<![\w£$€.,/\-]))"
                                r"(?P<year>(?:19[5-9]|20\d)\d)(?![\w%/]|[.,:]\d)")),
    "sentence end": (sentence._SENTENCE_END,
                     re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(£•·-])|\n+|\t+")),
    "numeric": (P.NUMERIC, re.compile(
        P.NUMERIC.pattern.replace(r"(?P<day>\d(?<![\d./:£$€-]\d)\d?)",
                                  r"(?<![\d./:£$€-])(?P<day>\d{1,2})", 1))),
    "phone": (contacts._PHONE, re.compile(
        r"(?<![\w/£$€.,-])(?<!\d[ .-])(?P<number>(?:\+\s?44\s?(?:\(\s?0\s?\)\s?)?|\(\s?0|0)"
        + contacts._PHONE.pattern.split(r"0{_NOT_AFTER})".replace(
            "{_NOT_AFTER}", contacts._NOT_AFTER), 1)[1], re.IGNORECASE)),
}
_PIECES = st.sampled_from(
    list("0123456789.,£$€-–:/#()+ \n\tcCaAxX%") + [
        "ca.", "c.", "million", " per cent", "44", "020 ", "07700 ", "ext ", "March", "th",
        "to", "and", "Jan", " 2024", "\u0663", "1,000", "2.5", "King’s", "O'Brien", "Â",
        "ŷ", "Leeds", "LEEDS", "'", "1950", "2031", "1949", "mid-", "Mid-", "19", "20", "!", "?",
        "“", "•", "\r", "\u00a0"])
_TEXT = st.lists(_PIECES, max_size=30).map("".join)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    """Every match, and those within a window (finders search a stretch of a block)."""
    window = pattern.finditer(text, len(text) // 3, 2 * len(text) // 3 + 1)
    return [(m.span(), m.groupdict()) for m in (*pattern.finditer(text), *window)]


def test_the_references_are_the_plain_forms() -> None:
    for fast, plain in _REFERENCE.values():
        assert fast.pattern != plain.pattern
        assert not plain.pattern.startswith("(?P<")


@pytest.mark.parametrize("name", sorted(_REFERENCE))
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_TEXT, st.text(max_size=60)))
def test_fast_form_finds_what_the_plain_form_finds(name: str, text: str) -> None:
    fast, plain = _REFERENCE[name]
    assert _found(fast, text) == _found(plain, text)


def test_fast_forms_on_papers_shapes() -> None:
    text = ("Spending c.2.5m (ca.3,000 staff) on 11/03/2025 and 1.3.25; £020 7946 0123 is a "
            "sum, call 020 7946 0123 or +44 (0)20 7946 0124 ext 12; 5th-7th March 2025, "
            "x12 items, 2,300 homes, .5 per cent, 7:30 at King’s Lynn and O'Brien's Ynys Môn. "
            "In\n1950\tmid-2031")
    for fast, plain in _REFERENCE.values():
        assert _found(fast, text) == _found(plain, text)
        assert _found(fast, text)


_LABEL_BEFORE = re.compile(  # the plain form: a label word ending the text before a number
    r"\b(?:cohort|phase|appendix|annex|annexe|item|items|section|sections|paragraph|"
    r"paragraphs|para|paras|page|pages|pp?|table|figure|fig|round|level|tier|stage|part|"
    r"chapter|no|number|nos|option|priority|step|schedule|ward|lot|clause|article|rule|room|"
    r"grade|band|point|version|minute|minutes|agenda|question|recommendation|objective|"
    r"outcome|theme|workstream|year|years|term|wave|block|unit|zone|route|junction|bus|flat|"
    r"plot|session|group|cohorts|module|week|day|class|key|ks|covid|ofsted|scale|spine|"
    r"column|row|line|box|floor|level|act|regulation|regulations|reg|sch|s|ref|tel|"
    r"telephone|phone|mobile|fax|extension|ext|code|id|reference|issue|edition|vol|volume)"
    r"\.?\s*$",
    re.IGNORECASE)
_BEFORE = st.lists(st.sampled_from(
    ["page", "Page", "PAGES", "pp", "p", "s", "items", "cohort", "year", "last year", " ",
     ".", "\n", "x", "_", "1", "-", "(", "the", "para.", "Tel:", "\u0130", "é"]),
    max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_BEFORE)
def test_a_label_read_backwards_is_the_label_read_forwards(before: str) -> None:
    forwards = _LABEL_BEFORE.search(before)
    assert bool(metrics._LABEL_BEFORE_BACKWARDS.match(before[::-1])) == bool(forwards)
    assert forwards is None or forwards.end() == len(before)
