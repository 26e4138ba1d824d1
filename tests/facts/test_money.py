"""Money as UK board papers write it: the sum as written, its value, and what is not money.

A qualifier ("up to") or a rate ("per week") beside a sum is in its own field, not in its text.
"""

from __future__ import annotations

import pytest

from boardpapers.facts.money import find_money, parse_money

# (text, written, amount, amount_max, unit, qualifier)
CASES = [
    ("worth £60m to refurbish", "£60m", 60_000_000, None, None, None),
    ("WINS NEW £60M CONTRACT", "£60M", 60_000_000, None, None, None),
    ("The £1.4 billion scheme", "£1.4 billion", 1_400_000_000, None, None, None),
    ("a budget of £2.1bn", "£2.1bn", 2_100_000_000, None, None, None),
    ("a £1.2 bn boost", "£1.2 bn", 1_200_000_000, None, None, None),
    ("totalling c.£57m of revenue", "£57m", 57_000_000, None, None, "c."),
    ("a salary of £25,991 as of", "£25,991", 25_991, None, None, None),
    ("an allowance of £9.00 per hour or", "£9.00", 9, None, "per hour", None),
    ("granted £14k to deliver", "£14k", 14_000, None, None, None),
    ("a grant of £2.615m.", "£2.615m", 2_615_000, None, None, None),
    ("invoice for £4,210.50 paid", "£4,210.50", 4210.5, None, None, None),
    ("over £383m in capital receipts", "£383m", 383_000_000, None, None, "over"),
    ("or £10.55 if receiving", "£10.55", 10.55, None, None, None),
    ("more than £2million.", "£2million", 2_000_000, None, None, "more than"),
    ("an extra £1.2 million", "£1.2 million", 1_200_000, None, None, None),
    ("up to £500K each year", "£500K", 500_000, None, "each year", "up to"),
    ("costs of £3-4m a year", "£3-4m", 3_000_000, 4_000_000, "a year", None),
    ("between £3m and £4m", "£3m", 3_000_000, None, None, None),
    ("ranging from £3m to £4m", "£3m to £4m", 3_000_000, 4_000_000, None, None),
    ("a £3m to £4m scheme", "£3m to £4m", 3_000_000, 4_000_000, None, None),
    ("a charge of 90p for", "90p", 0.9, None, None, None),
    ("45 pence per mile", "45 pence", 0.45, None, "per mile", None),
    ("grant o £1.2 miliwn ar gyfer", "£1.2 miliwn", 1_200_000, None, None, None),
    ("valued at around £825m, means", "£825m", 825_000_000, None, None, "around"),
    ("almost £860,000 – a return", "£860,000", 860_000, None, None, "almost"),
    ("circa £12m", "£12m", 12_000_000, None, None, "circa"),
    ("about £3,000 per annum", "£3,000", 3000, None, "per annum", "about"),
    ("£30,000 a year", "£30,000", 30_000, None, "a year", None),
    ("£250 per week", "£250", 250, None, "per week", None),
    ("£40 per head", "£40", 40, None, "per head", None),
    ("a tariff of £6,000 per dwelling", "£6,000", 6000, None, "per dwelling",
     None),
    ("£32,000 pa", "£32,000", 32_000, None, "per annum", None),
    ("some 60 million pounds", "60 million pounds", 60_000_000, None, None, "some"),
    ("a GBP 5m loan", "GBP 5m", 5_000_000, None, None, None),
    ("£5m+ of savings", "£5m+", 5_000_000, None, None, None),
    ("a contingency of £3.5million to", "£3.5million", 3_500_000, None, None, None),
    ("underspends (£5.7m) and", "£5.7m", 5_700_000, None, None, None),
    ("a projected overspend of circa £5.396m for", "£5.396m", 5_396_000, None, None,
     "circa"),
    ("dirwy o £200 y dunnell", "£200", 200, None, "y dunnell", None),
]


@pytest.mark.parametrize(("text", "written", "amount", "amount_max", "unit", "qualifier"),
                         CASES)
def test_finds_money_as_written(text: str, written: str, amount: float,
                                amount_max: float | None, unit: str | None,
                                qualifier: str | None) -> None:
    found = find_money(text, 3)
    assert found, text
    money = found[0]
    assert money.text == written
    assert text[money.span.start:money.span.end] == written
    assert money.span.block == 3
    assert money.amount == amount
    assert money.amount_max == amount_max
    assert money.unit == unit
    assert money.qualifier == qualifier
    assert money.approximate is (qualifier is not None or written.endswith("+"))
    assert money.currency == "GBP"


def test_a_sum_with_its_later_reduction_is_two_sums() -> None:
    text = "if they have a spend of over £200m (reducing to £100m from April 2023)"
    found = find_money(text, 0)
    assert [(m.text, m.amount, m.approximate) for m in found] == [
        ("£200m", 200_000_000, True), ("£100m", 100_000_000, False)]
    assert found[0].context == text


def test_rate_written_before_the_sum() -> None:
    [fee] = find_money("There is a one-off fee, per graduate of £2,800, covering both", 0)
    assert (fee.text, fee.amount, fee.unit) == ("£2,800", 2800, "per graduate")


def test_other_currencies_are_labelled() -> None:
    assert [(m.amount, m.currency) for m in find_money("€3m and $10 and US$2bn", 0)] == [
        (3_000_000, "EUR"), (10, "USD"), (2_000_000_000, "USD")]


@pytest.mark.parametrize("text", [
    "8,500m2 of floor space", "2,300 new homes", "45 per cent of councils", "Price: £",
    "see pages 9 - 24", "Phase 8", "£ per head", "4.5 million people", "020 7664 3223",
    "we may spend more", "the m25 junction", "Budget £000s", "£'000",
    "the meeting starts at 7p.m. prompt", "see Appendix 4p", "Page 12p",
])
def test_not_money(text: str) -> None:
    assert find_money(text, 0) == []


def test_parse_money_reads_the_first_sum() -> None:
    value = parse_money("c.£57m")
    assert value is not None
    assert (value.amount, value.approximate, value.qualifier) == (57_000_000, True, "c.")
    assert parse_money("£3-4m").amount_max == 4_000_000  # type: ignore[union-attr]
    assert parse_money("no money here") is None


def test_scale_does_not_eat_the_next_word() -> None:
    [money] = find_money("£5 more than last year", 0)
    assert (money.text, money.amount) == ("£5", 5)


def test_a_change_from_one_charge_to_another_is_two_sums() -> None:
    text = "The charge rises from 90p to £1.00 and the all-day charge from £3.50 to £4.00."
    assert [(m.text, m.amount, m.amount_max) for m in find_money(text, 0)] == [
        ("90p", 0.9, None), ("£1.00", 1, None), ("£3.50", 3.5, None), ("£4.00", 4, None)]
    [one, two] = find_money("increased from £3m to £4m a year", 0)
    assert (one.text, two.text, two.unit) == ("£3m", "£4m", "a year")


def test_a_lower_bound_written_in_full_keeps_its_own_value_beside_a_scaled_upper_bound() -> None:
    (found,) = find_money("bids of £250,000 to £2 million are invited", 0)
    assert (found.text, found.amount, found.amount_max) == (
        "£250,000 to £2 million", 250_000, 2_000_000)
    (plain,) = find_money("grants of £250000 to £2m", 0)
    assert (plain.amount, plain.amount_max) == (250_000, 2_000_000)
    (short,) = find_money("a £1.2–1.5bn programme", 0)
    assert (short.amount, short.amount_max) == (1_200_000_000, 1_500_000_000)


def test_an_accounting_negative_with_the_sign_outside_the_brackets_is_read() -> None:
    (found,) = find_money("a pressure of £(0.4)m on the car parks account", 0)
    assert (found.text, found.amount) == ("£(0.4)m", 400_000)
    (whole,) = find_money("a variance of £(1,250) in Q2", 0)
    assert (whole.text, whole.amount) == ("£(1,250)", 1250)
    assert find_money("a lone £(3 bracket", 0) == []


def test_pa_at_the_end_of_a_sentence_is_a_rate_per_annum() -> None:
    (found,) = find_money("the Mayor's allowance is £3,100 pa. The charge", 0)
    assert (found.text, found.unit) == ("£3,100", "per annum")
    (pdf,) = find_money("see the £3,100 pa.pdf file", 0)
    assert pdf.unit is None
