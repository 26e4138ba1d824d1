"""Property tests: money and dates parse back what was formatted, and never crash."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.facts.dates import find_dates
from boardpapers.facts.metrics import find_metrics
from boardpapers.facts.money import find_money, parse_money
from boardpapers.vocab.dates import parse_date

FAST = settings(max_examples=150, deadline=None)

# Text made of the characters the finders care about, so the regexes are exercised hard.
_ALPHABET = st.sampled_from(list("0123456789£$€.,/-–:%' \n\tkmbnKMB") + [
    "March", "Mar", "may", "2021", "20204", "th", "nd", "per", "hour", "c.", "over", "to",
    "w/c", "Q3", "Autumn", "pounds", "GBP", "million", "bn", "councils", "<sup>", "Friday",
])
NOISY = st.lists(_ALPHABET, max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=200), NOISY)


@FAST
@given(st.integers(min_value=0, max_value=10**12))
def test_pounds_with_commas_round_trip(pounds: int) -> None:
    value = parse_money(f"£{pounds:,}")
    assert value is not None and value.amount == pounds


@FAST
@given(st.integers(min_value=0, max_value=10**8), st.integers(min_value=0, max_value=99))
def test_pounds_and_pence_round_trip(pounds: int, pence: int) -> None:
    value = parse_money(f"£{pounds:,}.{pence:02d}")
    assert value is not None
    assert Decimal(str(value.amount)) == Decimal(pounds) + Decimal(pence) / 100


@FAST
@given(st.decimals(min_value=0, max_value=9999, places=3, allow_nan=False),
       st.sampled_from([("m", 10**6), ("bn", 10**9), (" million", 10**6),
                        (" billion", 10**9), ("k", 10**3)]))
def test_scaled_sums_round_trip(number: Decimal, scale: tuple[str, int]) -> None:
    suffix, factor = scale
    written = f"£{number.normalize():f}{suffix}"
    value = parse_money(f"a grant of {written} for")
    assert value is not None
    assert Decimal(str(value.amount)) == number * factor


_UK_STYLES = [
    lambda d: f"{d.day} {d:%B %Y}",
    lambda d: f"{d:%A}, {d.day} {d:%B %Y}",
    lambda d: f"{d.day}{_ordinal(d.day)} {d:%B %Y}",
    lambda d: f"{d.day} {_ordinal(d.day)} {d:%B %Y}",
    lambda d: f"{d.day} {d:%b %Y}".upper(),
    lambda d: f"{d:%d/%m/%Y}",
    lambda d: f"{d:%d.%m.%Y}",
    lambda d: f"{d:%B} {d.day}{_ordinal(d.day)} {d:%Y}",
    lambda d: f"{d.day} {d:%b %y}",
]


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@FAST
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.integers(min_value=0, max_value=len(_UK_STYLES) - 1))
def test_uk_dates_round_trip(day: dt.date, style: int) -> None:
    written = _UK_STYLES[style](day)
    assert parse_date(written) == day.isoformat(), written
    [fact] = find_dates(f"The board met on {written}.", 0, None)
    assert fact.date == day.isoformat()
    assert fact.text == written


@FAST
@given(ANY_TEXT)
def test_money_never_crashes_and_spans_index_the_text(text: str) -> None:
    for money in find_money(text, 7):
        assert text[money.span.start:money.span.end] == money.text
        assert money.span.block == 7 and money.amount >= 0
    parse_money(text)


@FAST
@given(ANY_TEXT, st.one_of(st.none(), st.dates()))
def test_dates_never_crash_and_spans_index_the_text(text: str, ref: dt.date | None) -> None:
    for fact in find_dates(text, 7, ref):
        assert text[fact.span.start:fact.span.end] == fact.text
        if fact.date is not None:
            dt.date.fromisoformat(fact.date)
        assert fact.parsed or fact.date is None
    parse_date(text, ref)


@FAST
@given(ANY_TEXT)
def test_metrics_never_crash_and_spans_index_the_text(text: str) -> None:
    for metric in find_metrics(text, 7):
        assert text[metric.span.start:metric.span.end] == metric.text
        assert metric.unit


def test_long_blocks_with_thousands_of_facts_are_read_whole() -> None:
    """A flattened page can be one huge block: every fact in it is found (how the time
    grows with the block's length is measured in bench/bench_facts.py)."""
    text = ("On 5 March 2021 the 192 councils spent £5m (c.£6m) from 1 March to 2 April "
            "2021/22.\n7. ") * 1500  # ~130 KB, 7,500 facts
    money = find_money(text, 0)
    dates = find_dates(text, 0, dt.date(2021, 1, 1))
    metrics = find_metrics(text, 0)
    assert (len(money), len(dates), len(metrics)) == (3000, 3000, 1500)
    assert dates[1].text == "1 March to 2 April 2021/22"  # April of the year 2021/22


_WORDS = st.lists(st.sampled_from(
    ["one", "Two", "three", "in", "out of", "five", "half", "a third", "two-thirds",
     "nearly", "over", "councils", "staff", "mid-", "early", "the end of", "February", "by",
     "Cabinet", "on", "12", "March", "2026", "years", ".", ";", ",", "\n", "Twelve", "–"]),
    max_size=30).map(" ".join)
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


@FAST
@given(_WORDS, st.one_of(st.none(), st.dates()))
def test_figures_and_months_in_words_never_crash(text: str, ref: dt.date | None) -> None:
    for metric in find_metrics(text, 3):
        assert text[metric.span.start:metric.span.end] == metric.text
        assert metric.unit != "%" or 0 < metric.value < 100
    for fact in find_dates(text, 3, ref):
        assert text[fact.span.start:fact.span.end] == fact.text


@FAST
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=2, max_value=10))
def test_a_share_in_words_is_its_percentage(n: int, d: int) -> None:
    written = f"{_NUMBER_WORDS[n - 1].capitalize()} in {_NUMBER_WORDS[d - 1]} councils"
    found = find_metrics(f"{written} agreed.", 0)
    if n >= d:
        assert all(m.unit != "%" for m in found)
    else:
        assert [(m.text, m.value, m.unit) for m in found] == [
            (written, round(100 * n / d, 1), "%")]
