"""The block cues only let finders skip work: with every cue said present, each finder
finds exactly what it finds with the cues as found (so no cue is missing where a pattern
could match), and ``present`` agrees with a plain substring search."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.facts import money
from boardpapers.facts.contacts import find_contacts
from boardpapers.facts.councils import find_councils
from boardpapers.facts.dates import find_dates
from boardpapers.facts.metrics import find_metrics
from boardpapers.facts.money import find_money
from boardpapers.facts.people import find_people
from boardpapers.vocab import cues
from boardpapers.vocab import dates as vocab_dates

# Fragments near every cue's edge: the cue words inside longer words, glued to digits,
# in capitals, beside hyphens; plus the shapes the finders read.
_PIECES = ["one", "One", "ONE", "someone", "twenty-one", "ten", "often", "half", "a third",
           "two-thirds", "quarters", "Q3", "fy", "FY24/25", "spring", "Winter", "mid-",
           "end of", "the start of", "March", "march", "Mai", "sept", "Dec", "£", "$", "€",
           "GBP", "gbp", "pounds", "90p", "1P", "pence", "ceiniog", "www.", "@", "/", "Cllr",
           "Mr", "Dr", "The Rt Hon", "Lord", "Sir", "Mayor", "OBE", "\u00a0MP", "MBC",
           "RBKC", "B&NES", "BCP Council", "Council", "Borough", "Authority", "Leeds",
           "Sheffield", "London Borough of", "Hackney", " in ", " out of ", "1 in 4",
           "three in five", "2,300", "12.5", "2024", "2024/25", "15 March", "3/4/2021",
           "020 7946 0123", "per cent", "%", "m", "bn", "councils", "people", "staff",
           "hectares", "over", "nearly", "c.", " ", " ", " ", "\n", "\t", ",", ".", "-",
           ":", ";", "(", ")", "0", "7", "\u0663", "\u0130", "é", "\u212a", "\u017f",
           "\u017fpring", "M\u0130D-", "\u212aey", "Qu\u0131te"]
_NUMBERS = ["", "", "5", "7 ", " 12", "2,300", "1.5", "2024", "\u0663"]
# a piece, often a number glued to it, another piece: "£" "5" "m", "Q3" " 2024" ""
_CHUNK = st.tuples(st.sampled_from(_PIECES), st.sampled_from(_NUMBERS),
                   st.sampled_from(["", *_PIECES])).map("".join)
_TEXT = st.lists(_CHUNK, max_size=14).map("".join)
_REF = dt.date(2025, 3, 11)


def _all_finders(text: str) -> tuple[object, ...]:
    vocab_dates.date_hits.cache_clear()
    money._matches.cache_clear()
    return (find_money(text, 0), find_dates(text, 0, _REF), find_dates(text, 0, None),
            find_metrics(text, 0), find_contacts(text, 0), find_people(text, 0),
            find_councils(text, 0))


def _every_cue() -> frozenset[str]:
    names = {cues.DIGIT}
    for table in cues._needles.values():
        for anywhere, as_words in table.values():
            names |= anywhere | as_words
    return frozenset(names)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=120)))
def test_skipping_by_cue_changes_nothing(text: str) -> None:
    cued = _all_finders(text)
    everything = _every_cue()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cues, "present", lambda _text: everything)
        assert _all_finders(text) == cued


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_present_agrees_with_a_plain_search(text: str) -> None:
    found = cues.present(text)
    low = text.translate(cues._ASCII_FOLDS).lower()
    for cased, table in cues._needles.items():
        hay = text if cased else low
        for needle, (anywhere, as_words) in table.items():
            if needle in hay:
                assert anywhere <= found, needle
            whole = re.search(rf"(?<![A-Za-z]){re.escape(needle)}(?![A-Za-z])", hay)
            if whole:
                assert as_words <= found, needle
    assert (cues.DIGIT in found) == bool(re.search(r"\d", text))


def test_a_cue_needs_strings_of_its_case(own_cues: None) -> None:
    with pytest.raises(ValueError, match="lower-cased"):
        cues.define("bad", ["Council"])
    with pytest.raises(ValueError, match="non-empty"):
        cues.define("bad", [""])
    with pytest.raises(ValueError, match="no literal string"):
        cues.define_pattern("bad", re.compile(r"\d+"))


@pytest.fixture()
def own_cues(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cues defined by a test go when it ends."""
    monkeypatch.setattr(cues, "_needles", {
        cased: {n: (set(a), set(w)) for n, (a, w) in table.items()}
        for cased, table in cues._needles.items()})
    monkeypatch.setattr(cues, "_automata", {})
    monkeypatch.setattr(cues, "_with_digits", set(cues._with_digits))
    cues.present.cache_clear()
    yield
    cues.present.cache_clear()


def test_whole_word_cues_ignore_words_inside_words(own_cues: None) -> None:
    name = cues.define("test: number ten", ["ten"], whole_words=True)
    assert name not in cues.present("It was often written")
    assert name in cues.present("Ten councils")
    assert name in cues.present("ten-year plan")


def test_digits_of_another_script_count_as_digits() -> None:
    """A cue written with ASCII digits ("90p", "/03/") stands for any script's digits, as
    the patterns' ``\\d`` does."""
    [day] = find_dates("Met on 11/\u0660\u0663/2025.", 0)
    assert day.date == "2025-03-11"
    [pence] = find_money("It costs \u0669\u0660p.", 0)
    assert pence.amount == 0.9


def test_letters_a_case_blind_pattern_reads_as_ascii_are_cues_too() -> None:
    """re.IGNORECASE takes "ſ" for "s" and "İ" for "i": a cue must as well."""
    [spring, mid] = find_dates("By \u017fpring 2024 and M\u0130D-March", 0)
    assert spring.period is not None and mid.period == "--03"
