"""Sums of money as written in board papers, with their value in pounds.

``find_money(text, block)`` finds every sum in one block's text; ``parse_money(text)`` reads
the first sum in a short text ("£1.4 billion" -> 1400000000).

What counts (see tests/facts/test_money.py for the full table):

* a currency sign or code and a number: "£25,991", "£4,210.50", "GBP 5m", "€3m", "$10";
* a scale after the number, with or without a space: "£60m", "£60M", "£2.1bn", "£1.2 bn",
  "£1.4 billion", "£2million", "£14k", "£500K";
* a number followed by "pounds": "60 million pounds";
* a range "£3-4m", "£3m-£4m", "£3m to £4m": ``amount`` is the lower bound and
  ``amount_max`` the upper; a scale written only on the upper bound applies to both;
* a qualifier just before ("c.", "circa", "around", "about", "over", "almost", "up to",
  "more than", "in excess of"...) sets ``approximate`` and is kept in ``qualifier``;
* a rate just after ("per hour", "per annum", "a year", "pa", "each") or just before
  ("per graduate of £2,800") is kept in ``unit``.

``text`` is exactly text[start:end] and covers the qualifier, the sum and a rate written
after it ("over £383m", "£9.00 per hour"), so it reads on its own. Not money: "£" alone,
"8,500m2", "2,300 new homes", "45 per cent", page numbers: nothing without a currency sign,
code or the word "pounds" is money.

Measured against price-parser (BSD) and quantulum3 (MIT) in bench/compare_fact_parsers.py
on the same 44 cases: this module 44/44, quantulum3 30/44, price-parser 13/44 (neither knows
"£60m" as UK papers write it, and price-parser takes any number for a price), so no
library is used here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.facts.numbers import NUMBER, to_number
from boardpapers.facts.sentence import sentence_around
from boardpapers.paper import Money, Span

_QUALIFIER = (r"(?P<qual>(?<![\w.])(?:c\.|ca\.|c(?=\s?£)|circa|approx\.|approximately|around|"
              r"about|roughly|some|nearly|almost|just\s+over|just\s+under|well\s+over|over|"
              r"more\s+than|in\s+excess\s+of|up\s+to|under|less\s+than|at\s+least|"
              r"an\s+estimated|estimated)\s*)?")
_CURRENCY = r"(?P<cur>£|€|US\$|\$|(?<![A-Za-z])(?:GBP|EUR|USD)\s?)"


def _amount(n: str) -> str:
    """NUMBER with an optional scale, named by suffix n ('1' or '2')."""
    return (rf"(?P<num{n}>{NUMBER})(?:\s?(?P<word{n}>trillion|billion|million|thousand)|"
            rf"\s?(?P<abbr{n}>bn|mn|mln|tn|[mkb])(?![\w²]))?")


_RANGE = (rf"(?:\s?(?:-|–|—)\s?(?:£|€|\$)?|\s+to\s+(?:£|€|\$)){_amount('2')}")
_RATE = (r"(?P<rate>\s?(?:per\s+(?!cent\b)[a-z]+(?:\s+per\s+(?:annum|year|month|week))?|"
         r"an?\s+(?:year|month|week|day|hour|head|person)|p\.a\.|pa(?![\w.])|"
         r"/(?:year|yr|month|week|hour|hr|day|annum)|each(?:\s+(?:year|month|week|day))?(?!\s+other))(?![\w-]))?")
_PLUS = r"(?P<plus>\+)?"

_MONEY_SIGN = re.compile(
    _QUALIFIER + _CURRENCY + r"\s?" + _amount("1") + rf"(?:{_RANGE})?" + _PLUS + _RATE,
    re.IGNORECASE)
_MONEY_WORDS = re.compile(
    _QUALIFIER + rf"(?<![\w.,£$€]){_amount('1')}\s?(?P<cur>pounds(?:\s+sterling)?|GBP)\b"
    + _RATE, re.IGNORECASE)
_RATE_BEFORE = re.compile(r"\bper\s+([a-z]+)\s+(?:of|is|was|at|will\s+be)\s*$", re.IGNORECASE)
_CODES = {"£": "GBP", "GBP": "GBP", "POUNDS": "GBP", "€": "EUR", "EUR": "EUR",
          "$": "USD", "US$": "USD", "USD": "USD"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class MoneyValue:
    """What a sum of money says, without where it was found."""

    amount: int | float
    currency: str = "GBP"
    amount_max: int | float | None = None
    unit: str | None = None
    approximate: bool = False
    qualifier: str | None = None


def parse_money(text: str) -> MoneyValue | None:
    """The first sum of money in a short text ("c.£57m" -> 57000000, approximate)."""
    found = _matches(text)
    return found[0][1] if found else None


def money_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sum of money: other finders use it to leave money alone."""
    return [(m.start(), m.end()) for m, _ in _matches(text)]


def find_money(text: str, block: int) -> list[Money]:
    """Every sum of money in one block's text, in order, with spans into that text."""
    out = []
    for m, value in _matches(text):
        start, end = m.start(), _end_without_space(m)
        unit = value.unit or _rate_before(text, m.start("cur") if m.start("qual") < 0 else
                                          m.start("qual"))
        out.append(Money(text=text[start:end], amount=value.amount, span=Span(block, start, end),
                         currency=value.currency, unit=unit, approximate=value.approximate,
                         context=sentence_around(text, start, end),
                         amount_max=value.amount_max, qualifier=value.qualifier))
    return out


def _matches(text: str) -> list[tuple[re.Match[str], MoneyValue]]:
    """Sign matches and word matches ("60 million pounds"), without overlaps, in order."""
    found: list[tuple[re.Match[str], MoneyValue]] = []
    for pattern in (_MONEY_SIGN, _MONEY_WORDS):
        for m in pattern.finditer(text):
            if any(m.start() < other.end() and other.start() < m.end() for other, _ in found):
                continue
            found.append((m, _value(m)))
    return sorted(found, key=lambda pair: pair[0].start())


def _value(m: re.Match[str]) -> MoneyValue:
    scale1 = m.group("word1") or m.group("abbr1")
    amount = to_number(m.group("num1"), scale1)
    amount_max = None
    if m.groupdict().get("num2"):
        scale2 = m.group("word2") or m.group("abbr2")
        amount_max = to_number(m.group("num2"), scale2)
        if not scale1 and scale2:
            amount = to_number(m.group("num1"), scale2)
    qualifier = _fold(m.group("qual")) or None
    rate = _fold(m.group("rate")) or None
    return MoneyValue(amount=amount, currency=_CODES.get(_fold(m.group("cur")).upper(), "GBP"),
                      amount_max=amount_max, unit=_normalise_rate(rate),
                      approximate=bool(qualifier or m.groupdict().get("plus")),
                      qualifier=qualifier.lower() if qualifier else None)


def _normalise_rate(rate: str | None) -> str | None:
    if not rate:
        return None
    rate = rate.lower()
    if rate in ("pa", "p.a.", "/annum"):
        return "per annum"
    if rate.startswith("/"):
        return "per " + {"yr": "year", "hr": "hour"}.get(rate[1:], rate[1:])
    return rate


def _rate_before(text: str, start: int) -> str | None:
    """'per graduate of £2,800' -> 'per graduate'."""
    m = _RATE_BEFORE.search(text, max(0, start - 40), start)
    return f"per {m.group(1).lower()}" if m else None


def _end_without_space(m: re.Match[str]) -> int:
    end = m.end()
    while end > m.start() and m.string[end - 1].isspace():
        end -= 1
    return end


def _fold(value: str | None) -> str:
    return _SPACES.sub(" ", value).strip() if value else ""
