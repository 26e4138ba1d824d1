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

``text`` is exactly text[start:end] and covers the sum as written ("£383m", "£9.00", "£3m to
£4m"): a qualifier or rate beside it is kept in its own field, not in ``text``, since a reader
(and a search for the amount) takes "up to £25" and "£25" as the same sum. Not money: "£" alone,
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
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from boardpapers.facts.numbers import NUMBER, to_number, too_long
from boardpapers.facts.sentence import sentence_around
from boardpapers.model.paper import Money, Span
from boardpapers.vocab import cues
from boardpapers.vocab.spans import Claimed


@dataclass(frozen=True, slots=True)
class MoneySettings:
    """How far beside a sum its qualifier, rate and "from" are looked for, in characters."""

    qualifier_before: int = 20  # "in excess of ", "approximately " fit; farther words qualify
    change_before: int = 40  # "from £3.50 to £4.00": where "from" and "ranging" are looked for
    rate_before: int = 40  # "per graduate of £2,800": where a rate written first is looked for


MONEY = MoneySettings()

# A qualifier is looked for just before the sum (a pattern anchored at the sum's start), so
# the main patterns can start at a currency sign and stay fast.
QUALIFIER_BEFORE = re.compile(
    r"(?<![\w.])(?:c\.|ca\.|c|circa|approx\.|approximately|around|about|roughly|some|nearly|"
    r"almost|just\s+over|just\s+under|well\s+over|over|more\s+than|in\s+excess\s+of|up\s+to|"
    r"under|less\s+than|fewer\s+than|at\s+least|an\s+estimated|estimated)\s*$", re.IGNORECASE)
_CURRENCY = r"(?P<cur>£|€|US\$|\$|(?<![A-Za-z])(?:GBP|EUR|USD)\s?)"


def _amount(n: str) -> str:
    """NUMBER with an optional scale, named by suffix n ('1' or '2').

    The first number may sit in accounting brackets between the sign and the scale,
    "£(0.4)m", a negative as finance tables write it; its size is read like "£0.4m".
    """
    number = (rf"(?P<open>\()?(?P<num{n}>{NUMBER})(?(open)\))" if n == "1"
              else rf"(?P<num{n}>{NUMBER})")
    return (rf"{number}(?:\s?(?P<word{n}>trillion|billion|million|thousand"
            rf"|triliwn|biliwn|miliwn)(?!\w)|"
            rf"\s?(?P<abbr{n}>bn|mn|mln|tn|[mkb])(?![\w²]))?")


_RANGE = (rf"(?:\s?(?:-|–|—)\s?(?:£|€|\$)?|\s+to\s+(?:£|€|\$)){_amount('2')}")
_RATE = (r"(?P<rate>\s?(?:per\s+(?!cent\b)[a-z]+(?:\s+per\s+(?:annum|year|month|week))?|"
         r"an?\s+(?:year|month|week|day|hour|head|person)|p\.a\.|pa(?![\w.])|pa(?=\.(?!\w))|"
         r"/(?:year|yr|month|week|hour|hr|day|annum)|"
         r"each(?:\s+(?:year|month|week|day))?(?!\s+other)|"
         r"y\s+(?:flwyddyn|mis|dydd|dunnell|pen)|yr\s+(?:awr|wythnos))(?![\w-]))?")
_PLUS = r"(?P<plus>\+)?"

_MONEY_SIGN = re.compile(
    _CURRENCY + r"\s?" + _amount("1") + rf"(?:{_RANGE})?" + _PLUS + _RATE, re.IGNORECASE)
_SINGLE_SIGN = re.compile(_CURRENCY + r"\s?" + _amount("1") + _PLUS + _RATE, re.IGNORECASE)
_MONEY_WORDS = re.compile(
    rf"(?<![\w.,£$€]){_amount('1')}\s?(?P<cur>pounds(?:\s+sterling)?|GBP)\b" + _RATE,
    re.IGNORECASE)
# Pence: "90p", "12.5p", "45 pence" (never "7p.m.", "p2", "Appendix 4p").
_PENCE = re.compile(
    r"(?<![\w.,£$€/:])(?<!appendix )(?<!annex )(?<!page )(?<!item )(?<!para )"
    r"(?P<num1>\d{1,3}(?:\.\d{1,2})?)(?P<cur>p(?![\w-])(?!\.\s?m\b)|\s?pence\b|\s?ceiniog\b)"
    + _RATE, re.IGNORECASE)
# Cues (vocab.cues finds them in the lower-cased text): a pattern runs only on a block
# holding its cue, and every sum a digit.
_SIGN_CUE = cues.define("currency sign", ["£", "€", "$", "gbp", "eur", "usd"])
_WORD_CUE = cues.define("pounds", ["pounds", "gbp"])
_PENCE_CUE = cues.define("pence", [*(f"{d}p" for d in range(10)), "pence", "ceiniog"])
# "from £3.50 to £4.00": a change from one amount to another, two sums, not a range;
# unless the words before say a range ("ranging from", "varying from", "anywhere from").
_CHANGE_FROM = re.compile(r"(?<![\w])(?:from|o)\s+$", re.IGNORECASE)
_RANGE_WORDS = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|between|"
                          r"band|bands|scale)\s+(?:\w+\s+)?$", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"\bper\s+([a-z]+)\s+(?:of|is|was|at|will\s+be)\s*$", re.IGNORECASE)
_CODES = {"£": "GBP", "GBP": "GBP", "POUNDS": "GBP", "€": "EUR", "EUR": "EUR",
          "$": "USD", "US$": "USD", "USD": "USD"}
_SPACES = re.compile(r"\s+")
_ZEROS = re.compile(r"0\d")


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
    return found[0].value if found else None


def money_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sum of money: other finders use it to leave money alone."""
    return [(f.start, f.end) for f in _matches(text)]


def find_money(text: str, block: int) -> list[Money]:
    """Every sum of money in one block's text, in order, with spans into that text."""
    out = []
    for found in _matches(text):
        start, end, value = found.amount_start, found.amount_end, found.value
        unit = value.unit or _rate_before(text, found.start)
        out.append(Money(text=text[start:end], amount=value.amount, span=Span(block, start, end),
                         currency=value.currency, unit=unit, approximate=value.approximate,
                         context=sentence_around(text, found.start, found.end),
                         amount_max=value.amount_max, qualifier=value.qualifier))
    return out


class _Found(NamedTuple):
    """A sum's claimed extent (qualifier and rate included) and the sum's own extent."""

    start: int
    end: int
    value: MoneyValue
    amount_start: int
    amount_end: int


@lru_cache(maxsize=32)  # find_money and find_metrics read the same block one after the other
def _matches(text: str) -> tuple[_Found, ...]:
    """Sign matches and word matches ("60 million pounds"), without overlaps, in order."""
    found_cues = cues.present(text)
    if cues.DIGIT not in found_cues:
        return ()
    found: list[_Found] = []
    claimed = Claimed()
    qualifier_before = MONEY.qualifier_before
    for pattern, cued in ((_MONEY_SIGN, _SIGN_CUE in found_cues),
                          (_MONEY_WORDS, _WORD_CUE in found_cues),
                          (_PENCE, _PENCE_CUE in found_cues)):
        if not cued:
            continue
        for m in pattern.finditer(text):
            if _ZEROS.match(m.group("num1")) or too_long(m.group("num1")) or too_long(
                    m.groupdict().get("num2") or ""):
                continue  # "£000s", a table's unit heading, is not a sum; nor 10**999
            for one in _change_parts(m):
                qualifier = QUALIFIER_BEFORE.search(
                    text, max(0, one.start() - qualifier_before), one.start())
                start = qualifier.start() if qualifier else one.start()
                end = _end_without_space(one)
                if claimed.claim(start, end):
                    found.append(_Found(start, end,
                                        _value(one, qualifier.group(0) if qualifier else ""),
                                        one.start(), _end_of_sum(one)))
    return tuple(sorted(found, key=lambda f: f.start))


def _change_parts(m: re.Match[str]) -> list[re.Match[str]]:
    """"from £3.50 to £4.00" -> the match of £3.50 and the match of £4.00; else [m]."""
    if m.re is not _MONEY_SIGN or not m.group("num2"):
        return [m]
    text = m.string
    before = text[max(0, m.start() - MONEY.change_before):m.start()]
    between = text[m.end("num1"):m.start("num2")]
    change = _CHANGE_FROM.search(before)
    if (change is None or _RANGE_WORDS.search(before[:change.start()])
            or not re.search(r"\s(?:to|i)\s+[£€$]", between)):
        return [m]
    first = _SINGLE_SIGN.match(text, m.start())
    second = _MONEY_SIGN.match(text, m.start("num2") - 1)
    return [x for x in (first, second) if x is not None] or [m]


def _value(m: re.Match[str], qualifier_text: str) -> MoneyValue:
    if m.re is _PENCE:
        return MoneyValue(amount=_pounds_of_pence(m.group("num1")),
                          unit=_normalise_rate(_fold(m.group("rate")) or None))
    scale1 = m.groupdict().get("word1") or m.groupdict().get("abbr1")
    amount = to_number(m.group("num1"), scale1)
    amount_max = None
    if m.groupdict().get("num2"):
        scale2 = m.group("word2") or m.group("abbr2")
        amount_max = to_number(m.group("num2"), scale2)
        if not scale1 and scale2:
            amount = _lower_bound_scaled(m.group("num1"), scale2, amount, amount_max)
    qualifier = _fold(qualifier_text).lower() or None
    rate = _fold(m.group("rate")) or None
    return MoneyValue(amount=amount, currency=_CODES.get(_fold(m.group("cur")).upper(), "GBP"),
                      amount_max=amount_max, unit=_normalise_rate(rate),
                      approximate=bool(qualifier or m.groupdict().get("plus")),
                      qualifier=qualifier)


def _lower_bound_scaled(digits: str, scale: str, amount: int | float,
                        amount_max: int | float) -> int | float:
    """"£3-4m": the upper bound's scale applies to a bare lower number (3 -> 3000000).

    Not to one already written in full: "£250,000 to £2 million" is 250000, never
    250 billion; and a lower bound is never made larger than the upper one.
    """
    if "," in digits:
        return amount
    scaled = to_number(digits, scale)
    return scaled if scaled <= amount_max else amount


def _pounds_of_pence(digits: str) -> int | float:
    """"90" -> 0.9, "12.5" -> 0.125: money values are in pounds."""
    value = Decimal(digits) / 100
    return int(value) if value == value.to_integral_value() else float(value)


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
    m = _RATE_BEFORE.search(text, max(0, start - MONEY.rate_before), start)
    return f"per {m.group(1).lower()}" if m else None


def _end_of_sum(m: re.Match[str]) -> int:
    """Where the sum itself ends: before a rate written after it ("£9.00 per hour")."""
    if m.groupdict().get("rate"):
        end = m.start("rate")
        while end > m.start() and m.string[end - 1].isspace():
            end -= 1
        return end
    return _end_without_space(m)


def _end_without_space(m: re.Match[str]) -> int:
    end = m.end()
    while end > m.start() and m.string[end - 1].isspace():
        end -= 1
    return end


def _fold(value: str | None) -> str:
    return _SPACES.sub(" ", value).strip() if value else ""
