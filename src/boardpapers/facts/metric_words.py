"""Figures written in words: shares ("three in five councils", "two-thirds", "nearly
half") and counts ("Twelve councils joined").

Shares come back with unit "%" and their value as a percentage rounded to one place
("one in three" -> 33.3), so they sort and compare with "45 per cent". Precision first:

* "N in M" / "N out of M" needs N below M and M at most 1,000 ("one in four
  respondents", "1 in 5"), never a frequency ("one in five years");
* "two-thirds" and "three-quarters" always count; "half", "a third", "a quarter" and
  "a fifth" only after a qualifier ("nearly half"), before "of" and a plural ("half of
  the councils") or before a verb ("a third said"), never as time ("the first half of
  the year", "a quarter of 2025") or an ordinal ("a third party");
* a number word counts things only opening a sentence (with its capital) or after a
  qualifier ("Twelve councils joined", "over twenty staff"), and only before a counted
  plural.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from boardpapers.facts.money import QUALIFIER_BEFORE
from boardpapers.facts.sentence import sentence_around
from boardpapers.model.paper import Metric, Span
from boardpapers.vocab import cues


@dataclass(frozen=True, slots=True)
class WordMetricsSettings:
    """Limits on shares and counts written in words ("one in four", "two thirds", "twelve")."""

    max_denominator: int = 1000  # "N in M" with a larger M is a rate, not a share of people
    qualifier_before: int = 20  # characters before a share or count searched for "over", "c."
    ordinal_before: int = 12  # characters before a fraction searched for "the second", "every"
    subject_reach: int = 40  # the plural after a share ("councils") is its subject this near
    sentence_start_before: int = 4  # characters before a capital count searched for ". "


WORD_METRICS = WordMetricsSettings()
NounPhrase = Callable[[str, int, float], "tuple[str, int, int] | None"]

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100}
FRACTIONS = {"half": 50.0, "a third": 33.3, "one third": 33.3, "two thirds": 66.7,
             "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
             "a fifth": 20.0, "one fifth": 20.0}
_ALWAYS = frozenset({"two thirds", "three quarters"})

_NUM = r"(?:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r"|\d{1,4})"
# A block with none of these has no figure in words: most blocks are skipped at once
# (vocab.cues finds them in the lower-cased text, with every other finder's cues).
_NUMBER_WORD_CUE = cues.define("number word", WORD_NUMBERS, whole_words=True)
_FRACTION_WORD_CUE = cues.define("fraction word", ["half", "third", "thirds", "quarter",
                                                   "quarters", "fifth"], whole_words=True)
_DIGIT_SHARE = re.compile(r"\d\s+(?:in|out\s+of)\s+\d", re.IGNORECASE)
_SHARE = re.compile(rf"(?<![\w,.£$€-])(?P<n>{_NUM})\s+(?:in|out\s+of)\s+(?P<d>{_NUM})"
                    r"(?![\w,.%-])", re.IGNORECASE)
_FRACTION = re.compile(
    r"(?<![\w-])(?P<f>half|(?:a|one)\s+(?:third|quarter|fifth)|two[- ]thirds|"
    r"three[- ]quarters)(?![\w-])", re.IGNORECASE)
_COUNT_WORD = re.compile(
    r"(?<![\w-])(?P<w>" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
    + r")(?:[- ](?P<unit>one|two|three|four|five|six|seven|eight|nine))?(?![\w-])",
    re.IGNORECASE)
# What _SHARE cannot match without, besides a number in words or digits
_SHARE_CUE = re.compile(r"\s(?:in|out\s+of)\s", re.IGNORECASE)
_FREQUENCY = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|times?)\b",
                        re.IGNORECASE)
_PLURAL_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+|our\s+|their\s+|these\s+|those\s+)?"
                        r"(?:[a-z-]+\s+)?[a-z-]{3,}s\b")
_TIME_OF = re.compile(r"\s+(?:of\s+(?:the\s+)?)?(?:year|month|term|century|decade|day|"
                      r"(?:19|20)\d\d|an?\s+hour|hour|mile|page)\b", re.IGNORECASE)
_VERB_AFTER = re.compile(
    r"\s+(?:were|are|was|is|have|had|has|said|say|says|reported|report|agreed|agree|"
    r"supported|support|felt|feel|think|thought|came|come|live|lived|did|do|will|would|"
    r"expect|expected|chose|used|use|want|wanted|rated|rate|received|attended)\b")
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|last|final|latter|other|the|in|per|"
                             r"each|every|this|next)\s+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|\t\s*|[•·*]\s*|\(\s*)$")
_SPACES = re.compile(r"\s+")
_DURATIONS = frozenset("years months weeks days hours minutes decades".split())


def find_word_metrics(text: str, block: int, noun_phrase: NounPhrase,
                      taken: Callable[[int, int], bool]) -> list[Metric]:
    """Shares and counts written in words, skipping spans ``taken`` says are claimed."""
    found = cues.present(text)
    words = _NUMBER_WORD_CUE in found
    fraction = _FRACTION_WORD_CUE in found
    if not (words or fraction or cues.DIGIT in found):
        return []
    out: list[Metric] = []
    shares = (_SHARE.finditer(text) if (words and _SHARE_CUE.search(text)) or (
        cues.DIGIT in found and _DIGIT_SHARE.search(text)) else ())
    for m in shares:
        n, d = _word_value(m.group("n")), _word_value(m.group("d"))
        if (n is None or d is None or not 0 < n < d or d > WORD_METRICS.max_denominator
                or taken(m.start(), m.end())
                or _FREQUENCY.match(text, m.end())):
            continue
        out.append(_share(text, block, m.start(), m.end(), round(100 * n / d, 1),
                          noun_phrase))
    fractions = _FRACTION.finditer(text) if fraction else ()
    for m in fractions:
        if taken(m.start(), m.end()) or any(x.span.start <= m.start() < x.span.end
                                            for x in out):
            continue
        key = _SPACES.sub(" ", m.group("f").lower().replace("-", " "))
        if _fraction_is_a_share(text, m, key):
            out.append(_share(text, block, m.start(), m.end(), FRACTIONS[key], noun_phrase))
    for m in _COUNT_WORD.finditer(text) if words else ():
        metric = _count(text, block, m, noun_phrase)
        if metric is not None and not taken(m.start(), m.end()) and not any(
                x.span.start < metric.span.end and metric.span.start < x.span.end
                for x in out):
            out.append(metric)
    return sorted(out, key=lambda x: x.span.start)


def _word_value(word: str) -> int | None:
    low = word.lower()
    return int(low) if low.isdigit() else WORD_NUMBERS.get(low)


def _fraction_is_a_share(text: str, m: re.Match[str], key: str) -> bool:
    if _TIME_OF.match(text, m.end()):
        return False  # "the first half of the year", "a quarter of 2025", "half an hour"
    if key in _ALWAYS:
        return True
    if _qualifier(text, m.start()) is not None:
        return True
    if _ORDINAL_BEFORE.search(text, max(0, m.start() - WORD_METRICS.ordinal_before), m.start()):
        return False  # "the second half", "cut in half", "every third"
    return bool(_PLURAL_OF.match(text, m.end()) or _VERB_AFTER.match(text, m.end()))


def _qualifier(text: str, start: int) -> re.Match[str] | None:
    return QUALIFIER_BEFORE.search(text, max(0, start - WORD_METRICS.qualifier_before), start)


def _share(text: str, block: int, start: int, end: int, value: float,
           noun_phrase: NounPhrase) -> Metric:
    """A share as a percentage; the plural after it ("councils") is its subject."""
    phrase = noun_phrase(text, end, 2)
    subject = ""
    if phrase is not None and phrase[1] - end <= WORD_METRICS.subject_reach:
        subject = _SPACES.sub(" ", text[end:phrase[2]]).strip()
        end = phrase[1]
    else:
        subject = _of_plural(text, end)
    qualifier = _qualifier(text, start)
    if qualifier is not None:
        start = qualifier.start()
    return _metric(text, block, start, end, value, "%", subject, qualifier)


def _of_plural(text: str, end: int) -> str:
    m = _PLURAL_OF.match(text, end)
    return _SPACES.sub(" ", m.group(0)).strip() if m else ""


def _count(text: str, block: int, m: re.Match[str], noun_phrase: NounPhrase) -> Metric | None:
    """"Twelve councils joined", "over twenty staff": at a sentence start or after a
    qualifier, and only before a counted plural."""
    value = WORD_NUMBERS[m.group("w").lower()] + (
        WORD_NUMBERS[m.group("unit").lower()] if m.group("unit") else 0)
    qualifier = _qualifier(text, m.start())
    if qualifier is None and not (m.group("w")[0].isupper() and _SENTENCE_START.search(
            text, max(0, m.start() - WORD_METRICS.sentence_start_before),
            m.start())):
        return None  # a sentence opens with a capital: "UK Peer Network: four nations"
    if value == 1:
        return None  # "One council", "One of the…": no count of things
    phrase = noun_phrase(text, m.end(), value)
    if phrase is None or phrase[0] in _DURATIONS:
        return None  # "at least three years" is how long, not how many
    unit, end, subject_end = phrase
    start = qualifier.start() if qualifier is not None else m.start()
    subject = _SPACES.sub(" ", text[m.end():subject_end]).strip()
    return _metric(text, block, start, end, value, unit, subject, qualifier)


def _metric(text: str, block: int, start: int, end: int, value: float, unit: str,
            subject: str, qualifier: re.Match[str] | None) -> Metric:
    said = _SPACES.sub(" ", qualifier.group(0)).strip().lower() if qualifier else None
    return Metric(text=text[start:end], value=value, unit=unit, span=Span(block, start, end),
                  subject=subject, context=sentence_around(text, start, end),
                  approximate=said is not None, qualifier=said)
