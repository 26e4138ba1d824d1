"""Programme figures: a number with what it counts ("192 councils have participated").

``find_metrics(text, block)`` -> Metrics with ``value``, ``unit`` (the noun counted:
"councils", "hours", "%") and ``subject`` (the phrase after the number: "councils have
participated", "individual coaching hours", "councillors and officer places").

A number is a metric only when a counted noun follows it: a plural ("602 members"), a
measure ("8,500m2", "12 hectares"), a few irregular plurals ("300 people", "40 staff"), any
noun after "1", or a percentage ("28%", "45 per cent" -> unit "%"). Scales apply
("1.2 million people" -> 1200000). Qualifiers ("over", "c.", "almost"...) set
``approximate``.

Left alone on purpose: money (facts/money.py finds it), dates and years (facts/dates.py),
paragraph numbers and list markers at the start of a line ("7.", "2.1", "3)"), numbers after
a label ("Cohort 22", "Phase 8", "Appendix 1", "page 12", "Issue 18"), "COVID-19", ratios
("3:1"), clock times ("1.00 pm"), phone numbers and other digit groups ("020 7664 3223"),
and every line that holds a tab: those
are table rows, which the tables extractor reads cell by cell with their headers (a count
in a table cell means little without its column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.facts.metric_words import find_word_metrics
from boardpapers.facts.money import QUALIFIER_BEFORE, money_spans
from boardpapers.facts.numbers import number_where, to_number, too_long
from boardpapers.facts.sentence import sentence_around
from boardpapers.model.paper import Metric, Span
from boardpapers.vocab import cues
from boardpapers.vocab.dates import date_spans
from boardpapers.vocab.spans import Claimed


@dataclass(frozen=True, slots=True)
class MetricsSettings:
    """How far around a number its qualifier, label and counted noun are looked for."""

    qualifier_before: int = 20  # characters before a number searched for "over", "c.", "almost"
    label_before: int = 25  # characters before a number searched for its label ("Cohort 22")
    marker_after: int = 3  # characters after a number that may make it a list marker ("7. ", "3)")
    line_start_reach: int = 12  # a number this near its line's start may be a paragraph number
    phrase_words: int = 4  # words after a number read for the noun it counts
    shared_tail_chars: int = 30  # "fire and rescue services": the words after "and", at most
    subject_words: int = 3  # verbs after the counted noun kept in the subject ("were trained")
    of_reach: int = 20  # characters after a percentage searched for "of the respondents"
    plural_min_chars: int = 3  # a shorter word ending in "s" ("is", "as") is no plural
    verbish_min_chars: int = 5  # a shorter word ending "ed"/"ing" ("red", "king") is no verb


METRICS = MetricsSettings()
# Read once: _plural and _is_verbish run for every word after every number.
_PLURAL_MIN = METRICS.plural_min_chars
_VERBISH_MIN = METRICS.verbish_min_chars

_NUMBER_AT = re.compile(
    number_where((r"c\.", r"ca\."), r"\w.,£$€/:#\-–") + r"(?![\d:/]|[.,]\d|-\d)"
    r"(?:\s?(?P<scale>million|thousand|billion|m|k|bn)(?![\w²]))?"
    r"(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b|\s+percentage\s+points?\b)?",
    re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DIGIT_SPACE_END = re.compile(r"\d\s$")
_SPACE_DIGIT = re.compile(r"\s\d")
_SPLIT_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3},\s$")
_THREE_DIGITS = re.compile(r"\d{3}")
_MARKER_AFTER = re.compile(r"[.)]|\s+\d")
_CLOCK_AFTER = re.compile(r"\s?(?:am|pm|a\.m\.|p\.m\.|noon|hrs)(?![a-z])", re.IGNORECASE)
_WORD = re.compile(r"\s{1,2}(?P<w>[A-Za-z][A-Za-z'’-]*[A-Za-z²2]|[A-Za-z])")
# Words whose number is a label, not a count ("Cohort 22", "page 12"), sought just before
# a number: the text before it is read backwards, so one anchored match says it (a search
# from the left tried every word at every position).
_LABEL_WORDS = """
cohort phase appendix annex annexe item items section sections paragraph paragraphs para
paras page pages p pp table figure fig round level tier stage part chapter no number nos
option priority step schedule ward lot clause article rule room grade band point version
minute minutes agenda question recommendation objective outcome theme workstream year
years term wave block unit zone route junction bus flat plot session group cohorts module
week day class key ks covid ofsted scale spine column row line box floor act regulation
regulations reg sch s ref tel telephone phone mobile fax extension ext code id reference
issue edition vol volume
""".split()
_LABEL_BEFORE_BACKWARDS = re.compile(  # r"\b(?:WORDS)\.?\s*$" read from the end
    r"\s*\.?(?:" + "|".join(w[::-1] for w in _LABEL_WORDS) + r")\b", re.IGNORECASE)
# "Last year 14 councils": a time word after last/next/this is no label for the number.
_TIME_WORD_BEFORE = re.compile(r"\b(?:last|next|this|each|every|per|previous|following|"
                               r"same|that)\s+(?:year|years|week|day|term)\s*$",
                               re.IGNORECASE)
# What may stand before a paragraph number at the start of a line (a marker is short).
_LINE_START = re.compile(r"[ >*#•·\-–]*(?:\(?[a-z]\)|[ivx]+\.)?\s*", re.IGNORECASE)
_STOP = frozenset("""
a an the this that these those their its our his her your my of in to for from with by on
at per and or but nor than as into onto over under through between since during within
across about up out off around after before until while who whom whose which what where
when why how have has had having are were was is be been being will would could can may
might should shall must do does did done not no also who each every all any some both
such so very more most less least other another further than then there here it they
them we you he she i including include includes included against via among amongst
towards toward upon if unless whether same new
""".split()) - {"new"}
_AUX = frozenset("have has had are were was is be been being will would could can may might "
                 "should shall now already also so far to date".split())
# Verb forms that start a new phrase rather than say what the counted things did.
_PREPOSITION_LIKE = frozenset("involving including covering regarding concerning following "
                              "according excluding featuring".split())
_IRREGULAR = frozenset("people staff children men women personnel police cattle sheep "
                       "deer fish youth feedback data media".split())
_MEASURES = frozenset("m2 m² sqm sq km km2 ha hectares acres miles mph kw kwh mw mwh gw gwh "
                      "tonnes tons kg litres mm cm metres meters feet ft".split())
_GLUED_MEASURE = re.compile(r"\s?(m2|m²|sq\.?\s?m|sqm|km2|ha|kwh|kw|mwh|mw|gwh|mph|kg|km)(?!\w)",
                            re.IGNORECASE)
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s", "ous", "ics")


def find_metrics(text: str, block: int) -> list[Metric]:
    """Every programme figure in one block's text, in order, with spans into that text."""
    if cues.DIGIT not in cues.present(text):
        return find_word_metrics(text, block, _noun_phrase, lambda start, end: False)
    taken = Claimed(money_spans(text) + date_spans(text))
    words = find_word_metrics(text, block, _noun_phrase, taken.overlaps)
    for said in words:
        taken.claim(said.span.start, said.span.end)
    out = list(words)
    for line_start, line_end in _lines_without_tabs(text):
        for m in _NUMBER_AT.finditer(text, line_start, line_end):
            if (taken.overlaps(m.start("num"), m.end()) or too_long(m.group("num"))
                    or not _standalone(text, m, line_start)):
                continue
            qualifier = QUALIFIER_BEFORE.search(
                text, max(0, m.start() - METRICS.qualifier_before), m.start())
            metric = _metric(text, block, m, qualifier)
            if metric is not None:
                out.append(metric)
    return sorted(out, key=lambda x: x.span.start) if words else out


def _lines_without_tabs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that is not a tab-separated table row."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if "\t" not in line:
            out.append((start, end))
        start = end + 1
    return out


def _metric(text: str, block: int, m: re.Match[str],
            qualifier_match: re.Match[str] | None) -> Metric | None:
    value = to_number(m.group("num"), m.group("scale"))
    qualifier = None
    if qualifier_match is not None:
        qualifier = _SPACES.sub(" ", qualifier_match.group(0)).strip().lower()
    if m.group("pct"):
        unit, end, subject = "%", m.end(), _of_phrase(text, m.end())
    else:
        phrase = _noun_phrase(text, m.end(), value)
        if phrase is None:
            return None
        unit, end, subject_end = phrase
        subject = _SPACES.sub(" ", text[m.end():subject_end]).strip()
    start = qualifier_match.start() if qualifier_match else m.start()
    return Metric(text=text[start:end], value=value, unit=unit, span=Span(block, start, end),
                  subject=subject, context=sentence_around(text, start, end),
                  approximate=qualifier is not None, qualifier=qualifier)


def _noun_phrase(text: str, pos: int, value: float) -> tuple[str, int, int] | None:
    """(unit, end of the counted phrase, end of the subject) after a number, or None."""
    glued = _GLUED_MEASURE.match(text, pos)
    if glued:
        return glued.group(1).lower(), glued.end(), glued.end()
    words: list[tuple[str, int]] = []  # (word, end offset)
    at = pos
    while len(words) < METRICS.phrase_words:
        w = _WORD.match(text, at)
        if w is None:
            break
        word = w.group("w")
        if word.lower() in ("and", "or") and words:
            shared = _shared_head(text, w.end(), words[-1][0])
            if shared is not None:
                words.append(shared)
            break
        if word.lower() in _STOP or (words and _is_verbish(word)):
            break
        if word[0].isupper() and not _capitalised_adjective(text, w.end()):
            break
        if words and _plural(words[-1][0]) and _plural(word):
            break  # "every 6 months managers are invited": the count is of months
        words.append((word, w.end()))
        at = w.end()
    counted = _last_counted(words, value)
    if counted is None:
        return None
    i = counted
    unit, end = words[i]
    if i > 0 and words[i - 1][0].lower() in ("sq", "square", "cubic"):
        unit = f"{words[i - 1][0]} {unit}"  # "1.2m sq ft commercial space"
    return unit.lower(), end, _subject_end(text, end)


def _shared_head(text: str, pos: int, before: str) -> tuple[str, int] | None:
    """(unit, end) when the words after "and" finish the counted phrase, else None.

    "44 fire and rescue services", "1,950 councillor and officer places": the words before
    "and" qualify the noun after it, which is what is counted. After a plural the count
    stays with the first noun ("2,000 councillors and officers", "142 peer challenges and
    follow-up visits", "38 enquiries and supported councils"), unless a bare singular
    qualifier comes before the last noun ("1700 councillors and officer places").
    """
    first = _WORD.match(text, pos)
    if first is None or _is_verbish(first.group("w")):
        return None
    tail = _noun_phrase(text, pos, 2)
    if tail is None or tail[1] - pos > METRICS.shared_tail_chars:
        return None
    if _plural(before):
        qualifiers = text[pos:tail[1]].split()[:-1]
        if len(qualifiers) != 1 or not qualifiers[0].isalpha() or _plural(qualifiers[0]):
            return None
        if _CLAUSE_VERB.match(text, tail[1]):
            return None  # "465 coaching hours and peer mentors gave …": a new clause
    return tail[0], tail[1]


# A finite verb after "… and <noun>s": that noun is the subject of a new clause.
_CLAUSE_VERB = re.compile(
    r"\s+(?:gave|give|made|make|took|take|said|say|ran|run|were|are|have|had|will|would|"
    r"delivered|deliver|provided|provide|supported|support|helped|help|led|lead|joined|join|"
    r"reported|report|attended|attend|completed|complete|received|receive)\b")


def _last_counted(words: list[tuple[str, int]], value: float) -> int | None:
    """Index of the last word of the phrase that names what is counted."""
    for i in range(len(words) - 1, -1, -1):
        if _plural(words[i][0]) or words[i][0].lower() in _MEASURES:
            return i
    if value == 1 and words and not words[0][0].endswith("ly"):
        return len(words) - 1
    return None


def _subject_end(text: str, pos: int) -> int:
    """Extend past 'have participated', 'registered', 'were trained' (up to 3 words)."""
    end, at = pos, pos
    for _ in range(METRICS.subject_words):
        w = _WORD.match(text, at)
        if w is None:
            break
        word = w.group("w").lower()
        if word in _PREPOSITION_LIKE:
            break
        if word in _AUX or (_is_verbish(word) and word not in _STOP):
            at = w.end()
            if _is_verbish(word):
                end = at
        else:
            break
    return end


def _of_phrase(text: str, pos: int) -> str:
    """'28% of respondents' -> 'of respondents'; '' when no 'of' phrase follows."""
    m = re.match(r"\s+of\s+(?:the\s+|all\s+|our\s+)?", text[pos:pos + METRICS.of_reach],
                 re.IGNORECASE)
    if not m:
        return ""
    phrase = _noun_phrase(text, pos + m.end() - 1, 2)
    return re.sub(r"\s+", " ", text[pos:phrase[1]]).strip() if phrase else ""


def _capitalised_adjective(text: str, pos: int) -> bool:
    """'Syrian' in '300 Syrian refugees' (or '1,200 Afghan and Ukrainian households'): a
    capital word with a lower-case plural next."""
    nxt = _WORD.match(text, pos)
    if nxt is not None and nxt.group("w").lower() in ("and", "or"):
        other = _WORD.match(text, nxt.end())  # "Afghan and Ukrainian households"
        if other is None or not other.group("w")[0].isupper():
            return False
        nxt = _WORD.match(text, other.end())
    return nxt is not None and nxt.group("w")[0].islower() and _plural(nxt.group("w"))


def _plural(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR:
        return True
    return (len(low) >= _PLURAL_MIN and low.endswith("s") and not low.endswith(_NOT_PLURAL_ENDINGS)
            and low.isalpha())


def _is_verbish(word: str) -> bool:
    low = word.lower()
    return len(low) >= _VERBISH_MIN and (low.endswith("ed") or low.endswith("ing")) and low not in (
        "funding", "housing", "training", "coaching", "meeting", "meetings", "building",
        "hundred", "seed")


def _standalone(text: str, m: re.Match[str], line_start: int) -> bool:
    """Not a paragraph number, a label's number, part of a digit group or a clock time."""
    start, end = m.start("num"), m.end("num")
    before = text[max(0, start - METRICS.label_before):start]
    after = text[end:end + METRICS.marker_after]
    if _LABEL_BEFORE_BACKWARDS.match(before[::-1]) and not _TIME_WORD_BEFORE.search(before):
        return False
    at_line_start = (start - line_start <= METRICS.line_start_reach
                     and _LINE_START.fullmatch(text, line_start, start))
    if at_line_start and (
            ("." in m.group("num") and not m.group("scale")) or _MARKER_AFTER.match(after)):
        return False  # "7. The board", "2.1 Members", "3) councils"
    if _DIGIT_SPACE_END.search(before) or _SPACE_DIGIT.match(after):
        return False  # "020 7664 3223"
    if _SPLIT_THOUSANDS.search(before) and _THREE_DIGITS.fullmatch(m.group("num")):
        return False  # "48, 917 views": a thousands comma with a stray space
    if _CLOCK_AFTER.match(text, end):
        return False  # "1.00 pm", "10am"
    return True
