"""Our money and date parsers against the libraries that could replace them, on one case list.

Run: ``python -m bench.compare_fact_parsers`` (optional libraries: ``pip install
price-parser quantulum3 dateparser``; a library that is not installed is skipped).

Every parser gets the same text for each case and is scored right or wrong on the value a
reader would quote: the amount in pounds of the first sum (None where the text holds no
money), or the ISO day (None where the text names no single day). Speed is the mean time
per case over the whole list, repeated.

Results of four runs (two after the finders' speed work, Nov 2026) on a busy machine
(2 cores; price-parser 0.5.1, quantulum3 0.10.0, dateparser 1.5.0; run with ``-v`` to list
every miss):

    money, 44 cases
      boardpapers.money    44/44 right (100%)   0.008 ms/case
      price-parser         13/44 right (30%)    0.004 ms/case
      quantulum3           30/44 right (68%)    0.7-1.2 ms/case
    dates in short texts (paper dated 2024-08-23), 40 cases
      boardpapers.dates    40/40 right (100%)   0.012-0.08 ms/case
      dateparser.parse     31/40 right (78%)    0.4-1.1 ms/case   (5-90x slower)
    first day in a sentence, 14 cases
      boardpapers.dates    14/14 right (100%)   0.02-0.05 ms/case
      dateparser.search     6/14 right (43%)    1.4-3.8 ms/case   (~70x slower)

What the libraries miss: price-parser ignores scales ("£60m" -> 60) and takes any number
for a price ("2,300 new homes", "Phase 8", a phone number); quantulum3 reads "£60m" as
pound-sterling-metres (60), "£3-4m" as 3.5 and misses "60 million pounds"; dateparser.parse
takes "2.1", "1 - 8", "3:1", "£60m" and lower-case "may 5" for dates, turns "2020/21" and
"April 2022" into days, and cannot read "Council2 March 2021" or "31 <sup>st</sup>";
dateparser.search finds dates in phone numbers, "3:1" and "£4m" and misses the date in
"at 11.00 am on Friday, 5 March 2021". So boardpapers keeps its own regular expressions
and depends on none of the three. Our 100% is on a list written alongside our code (it
overlaps the unit tests): read the libraries' scores as "how well they fit UK papers", not
ours as "never wrong".
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from boardpapers.facts.dates import find_dates
from boardpapers.facts.money import parse_money
from boardpapers.vocab.dates import parse_date

REF = dt.date(2024, 8, 23)

MONEY_CASES: list[tuple[str, float | None]] = [
    ("worth £60m to refurbish", 60e6), ("WINS NEW £60M CONTRACT", 60e6),
    ("The £1.4 billion scheme", 1.4e9), ("a budget of £2.1bn", 2.1e9),
    ("a £1.2 bn boost", 1.2e9), ("totalling c.£57m of revenue", 57e6),
    ("a salary of £25,991 as of", 25991), ("£9.00 per hour", 9), ("granted £14k", 14e3),
    ("a grant of £2.615m.", 2.615e6), ("invoice for £4,210.50 paid", 4210.5),
    ("over £383m in capital receipts", 383e6), ("or £10.55 if receiving", 10.55),
    ("spend of over £200m (reducing to £100m next year)", 200e6),
    ("more than £2million.", 2e6), ("an extra £1.2 million", 1.2e6), ("up to £500K", 5e5),
    ("costs of £3-4m", 3e6), ("around £825m", 825e6), ("almost £860,000", 860e3),
    ("about £3,000 per annum", 3000), ("£30,000 a year", 30e3), ("£250 per week", 250),
    ("£40 per head", 40), ("£6,000 per dwelling", 6000), ("per graduate of £2,800", 2800),
    ("some 60 million pounds", 60e6), ("a GBP 5m loan", 5e6), ("£0.5m", 5e5),
    ("£4 billion of GVA", 4e9), ("savings of £430,000", 430e3), ("£17 million", 17e6),
    ("c.£65m of capital", 65e6),
    ("8,500m2 of floor space", None), ("2,300 new homes", None), ("45 per cent", None),
    ("Price: £", None), ("see pages 9 - 24", None), ("Phase 8", None),
    ("4.5 million people", None), ("020 7664 3223", None), ("the M25 junction", None),
    ("on 5 March 2021", None), ("7429 applicants", None),
]

DATE_CASES: list[tuple[str, str | None]] = [
    ("23 AUGUST 2024", "2024-08-23"), ("Friday, 5 March 2021", "2021-03-05"),
    ("10th March 2021", "2021-03-10"), ("2 nd October 2019", "2019-10-02"),
    ("7TH MARCH, 2019", "2019-03-07"), ("14 Sep 2019 - 19:00", "2019-09-14"),
    ("7 Jun 24", "2024-06-07"), ("23/05/2017", "2017-05-23"), ("11.09.2016", "2016-09-11"),
    ("March 5th 2021", "2021-03-05"), ("5 th March 2021", "2021-03-05"),
    ("20\nMay 2021", "2021-05-20"), ("Council2 March 2021", "2021-03-02"),
    ("on5 March", "2024-03-05"), ("Wednesday 18 September", "2024-09-18"),
    ("31 <sup>st</sup> March 2021", "2021-03-31"), ("the 5th of March 2021", "2021-03-05"),
    ("Sept. 14 2023", "2023-09-14"), ("01/02/2020", "2020-02-01"),
    ("Thursday, 20 May 2021, 11.00 am", "2021-05-20"),
    ("27 September 20204", None), ("31 February 2021", None), ("Autumn 2024", None),
    ("2028/2029", None), ("2020/21", None), ("April 2022", None), ("Q3 2024/25", None),
    ("2.1", None), ("Cohort 22", None), ("020 7664 3223", None), ("£60m", None),
    ("1 - 8", None), ("3:1", None), ("7429 applicants", None), ("Phase 8", None),
    ("Appendix 1", None), ("COVID-19", None), ("page 12", None), ("may 5", None),
    ("version 1.2.3", None),
]

SENTENCE_CASES: list[tuple[str, str | None]] = [
    ("There will be a meeting at 11.00 am on Friday, 5 March 2021 online.", "2021-03-05"),
    ("The closing date for consultation is 10th March 2021.", "2021-03-10"),
    ("Handling Difficult Situations - 27 September 20204 - 9:30 - 4:30", None),
    ("A follow-up session is being held on Wednesday 18 September online.", "2024-09-18"),
    ("The course runs from 15 October to 21 January.", "2024-10-15"),
    ("Date of Next Meeting: Thursday, 20 May 2021, 11.00 am, venue tbc", "2021-05-20"),
    ("2.1 The Board is asked to note the report.", None),
    ("Please call 020 7664 3223 for details.", None),
    ("Cohort 22 were recruited in 2020.", None),
    ("The partnership secured £4m from Government.", None),
    ("It will be phased in from Autumn 2024 and run to 2028/2029.", None),
    ("Our meeting on 2 nd October 2019 agreed the plan.", "2019-10-02"),
    ("Submissions by 23/05/2017 please.", "2017-05-23"),
    ("a return of over 3:1 against the cost", None),
]


# ------------------------------------------------------------------ parsers under test


def ours_money(text: str) -> float | None:
    value = parse_money(text)
    return float(value.amount) if value else None


def price_parser_money() -> Callable[[str], float | None] | None:
    try:
        from price_parser import Price
    except ImportError:
        return None

    def parse(text: str) -> float | None:
        price = Price.fromstring(text)
        return float(price.amount) if price.amount is not None else None
    return parse


def quantulum_money() -> Callable[[str], float | None] | None:
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def parse(text: str) -> float | None:
        for quantity in parser.parse(text):
            if quantity.unit.name.startswith("pound sterling"):
                return float(quantity.value)
        return None
    return parse


def ours_date(text: str) -> str | None:
    return parse_date(text, REF)


def ours_first_day(text: str) -> str | None:
    days = [f.date for f in find_dates(text, 0, REF) if f.date]
    return days[0] if days else None


def dateparser_parse() -> Callable[[str], str | None] | None:
    try:
        import dateparser
    except ImportError:
        return None
    settings = {"DATE_ORDER": "DMY", "RELATIVE_BASE": dt.datetime(REF.year, REF.month, REF.day),
                "PREFER_DATES_FROM": "current_period"}

    def parse(text: str) -> str | None:
        found = dateparser.parse(text, languages=["en"],
                                 settings=settings)  # type: ignore[arg-type]
        return found.date().isoformat() if found else None
    return parse


def dateparser_search() -> Callable[[str], str | None] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    settings = {"DATE_ORDER": "DMY", "RELATIVE_BASE": dt.datetime(REF.year, REF.month, REF.day)}

    def parse(text: str) -> str | None:
        found = search_dates(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
        return found[0][1].date().isoformat() if found else None
    return parse


# ------------------------------------------------------------------ scoring


def _same(got: Any, want: Any) -> bool:
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, float | int):
        return Decimal(str(got)).quantize(Decimal("0.01")) == \
            Decimal(str(want)).quantize(Decimal("0.01"))
    return bool(got == want)


def score(parse: Callable[[str], Any], cases: list[tuple[str, Any]],
          repeat: int = 3) -> tuple[int, float, list[str]]:
    """(right, ms per case, texts it got wrong)."""
    wrong = []
    for text, want in cases:
        try:
            got = parse(text)
        except Exception as error:  # noqa: BLE001 - a library crash counts as wrong
            got = f"raised {type(error).__name__}"
        if not _same(got, want):
            wrong.append(f"{text!r}: got {got!r}, want {want!r}")
    start = time.perf_counter()
    for _ in range(repeat):
        for text, _want in cases:
            try:
                parse(text)
            except Exception:  # noqa: BLE001, S112 - timing only
                continue
    ms = (time.perf_counter() - start) / (repeat * len(cases)) * 1000
    return len(cases) - len(wrong), ms, wrong


def report(title: str, cases: list[tuple[str, Any]],
           parsers: list[tuple[str, Callable[[str], Any] | None]], verbose: bool) -> None:
    print(f"{title}, {len(cases)} cases")
    for name, parse in parsers:
        if parse is None:
            print(f"  {name:<20} not installed")
            continue
        right, ms, wrong = score(parse, cases)
        print(f"  {name:<20} {right}/{len(cases)} right ({right / len(cases):.0%})"
              f"   {ms:.3f} ms/case")
        if verbose:
            for line in wrong:
                print(f"      wrong: {line}")


def main(verbose: bool = False) -> None:
    report("money", MONEY_CASES, [("boardpapers.money", ours_money),
                                  ("price-parser", price_parser_money()),
                                  ("quantulum3", quantulum_money())], verbose)
    report(f"dates in short texts (paper dated {REF})", DATE_CASES,
           [("boardpapers.dates", ours_date), ("dateparser.parse", dateparser_parse())],
           verbose)
    report("first day in a sentence", SENTENCE_CASES,
           [("boardpapers.dates", ours_first_day), ("dateparser.search", dateparser_search())],
           verbose)


if __name__ == "__main__":
    import sys
    main(verbose="-v" in sys.argv)
