"""The prefilter skips a pattern only when the text cannot hold a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpapers.genre_cues import _case_blind
from boardpapers.genres import briefing, meetings, other, report
from boardpapers.prefilter import Prefilter, may_match, needles

# Every built-in genre's cue table.
CUES = [cue for table in (report.CUES, meetings.AGENDA_CUES, meetings.AGENDA_AND_MINUTES_CUES,
                          meetings.MINUTES_CUES, briefing.SUMMARY_CUES, briefing.BRIEFING_CUES,
                          other.CUES) for cue in table]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bdecision status\s*:|^\s*decision made\b",
     {"decision status", "decision made"}),
    (r"(?:officer|delegated) decision (?:record|notice)\b",
     {"officer decision record", "officer decision notice", "delegated decision record",
      "delegated decision notice"}),
    (r"call[- ]in", {"call-in", "call in"}),
    (r"\d+ (?:per ?cent|%)", {" per cent", " percent", " %"}),
    (r"ab(?:x|\d)cde", {"cde"}),  # the longer run, either side of what is no literal
])
def test_needles_are_what_every_match_holds(pattern: str, expected: set[str]) -> None:
    assert needles(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [r"\d+", r"(?:abc|\d)", r"x?y*", r"(?i)abc"])
def test_patterns_without_a_required_literal_have_no_needles(pattern: str) -> None:
    assert needles(re.compile(pattern)) is None
    assert may_match(re.compile(pattern), "")


def test_prefilter_names_only_the_patterns_whose_needles_occur() -> None:
    patterns = [re.compile(r"\bminutes of\b"), re.compile(r"\bagenda\b"), re.compile(r"\d+")]
    prefilter = Prefilter(patterns)
    assert prefilter.candidates("the agenda for 3 june") == {1, 2}
    assert prefilter.candidates("draft minutes of the agenda") == {0, 1, 2}
    assert prefilter.candidates("nothing here") == {2}


_CUE_PATTERNS = [_case_blind(cue.pattern) or cue.pattern for cue in CUES]
_CUE_PREFILTER = Prefilter(_CUE_PATTERNS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(st.data())
def test_no_genre_cue_match_is_ever_skipped(data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(_CUE_PATTERNS) - 1))
    pattern = _CUE_PATTERNS[index]
    text = data.draw(st.from_regex(pattern))
    assert pattern.search(text)
    assert may_match(pattern, text)
    assert index in _CUE_PREFILTER.candidates(text)
