"""Which cues a block of text holds, found in one pass for every finder that reads it.

Each fact finder's patterns cannot match without certain strings: a sum of money needs
"£", "pounds" or the like, a date a month's name or a digit, a titled person "Cllr",
"Mr" or another title. Python's ``re`` pays about the same for every character of every
pattern it scans, so a score of such checks per block (each a search of its own) cost
more than the finders on most blocks. Here every finder names its cues once, at import
(``define``, or ``define_pattern`` to take a case-sensitive pattern's needles from its
parse tree), and ``present(text)`` finds them all in one Aho-Corasick pass (pyahocorasick)
over the lower-cased text and one over the text as written, cached for the finders that
read the same block one after the other. A cue absent means the pattern certainly finds
nothing, so skipping it changes no result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

from boardpapers.prefilter import needles

DIGIT = "digit"  # any character ``\d`` matches, found by that pattern
# A digit of another script ("٣"): every cue whose strings hold an ASCII digit is present
# where one is, since a pattern's ``\d`` matches it too.
_DIGIT = re.compile(r"\d")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_ASCII_DIGITS = frozenset("0123456789")

# cased -> needle -> (cues it shows anywhere, cues it shows only as a whole word)
_needles: dict[bool, dict[str, tuple[set[str], set[str]]]] = {False: {}, True: {}}
_automata: dict[bool, ahocorasick.Automaton] = {}
_with_digits: set[str] = set()  # cues some of whose strings hold a digit
# The four letters beyond ASCII a case-blind pattern takes for an ASCII one ("ſ" for "s"),
# folded before lower-casing so a cue's ASCII strings find them too.
_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def define(name: str, strings: Iterable[str], *, cased: bool = False,
           whole_words: bool = False) -> str:
    r"""Cue ``name`` is present when any of ``strings`` is in the text: in its lower-cased
    form (give lower-case strings), or as written when ``cased``; with ``whole_words``
    only where no ASCII letter stands either side of it (what a pattern's ``\b``,
    ``(?<![\w-])`` or case-blind ``(?<![a-z])`` needs, and less). Returns the name."""
    found = list(strings)
    if not found or any(not s for s in found):
        raise ValueError(f"cue {name!r} needs non-empty strings")
    for s in found:
        if not cased and s != s.lower():
            raise ValueError(f"cue {name!r}: {s!r} is sought in lower-cased text")
        anywhere, as_words = _needles[cased].setdefault(s, (set(), set()))
        (as_words if whole_words else anywhere).add(name)
        if not _ASCII_DIGITS.isdisjoint(s):
            _with_digits.add(name)
    _automata.clear()
    present.cache_clear()  # a text read before this cue was defined must be read again
    return name


def define_pattern(name: str, pattern: re.Pattern[str]) -> str:
    """Cue ``name`` is present when ``pattern`` (case-sensitive) may match: one of the
    literal strings every match holds is in the text as written."""
    required = needles(pattern)
    if required is None:
        raise ValueError(f"cue {name!r}: no literal string is required by {pattern.pattern!r}")
    return define(name, required, cased=True)


def _automaton(cased: bool) -> ahocorasick.Automaton:
    automaton = _automata.get(cased)
    if automaton is None:
        automaton = ahocorasick.Automaton()
        for needle, (anywhere, as_words) in _needles[cased].items():
            automaton.add_word(needle, (frozenset(anywhere), frozenset(as_words), len(needle)))
        if len(automaton):
            automaton.make_automaton()
        _automata[cased] = automaton
    return automaton


@lru_cache(maxsize=64)  # every finder asks about the same block one after the other
def present(text: str) -> frozenset[str]:
    """The names of the cues ``text`` holds (``DIGIT`` when it holds a digit)."""
    found: set[str] = set()
    first = _DIGIT.search(text)
    if first is not None:
        found.add(DIGIT)
        if not text.isascii() and _OTHER_DIGIT.search(text, first.start()):
            found |= _with_digits
    low = text.lower() if text.isascii() else text.translate(_ASCII_FOLDS).lower()
    for cased, hay in ((False, low), (True, text)):
        automaton = _automaton(cased)
        if not len(automaton):
            continue
        for last, (anywhere, as_words, length) in automaton.iter(hay):
            found |= anywhere
            if as_words and not as_words <= found and _whole_word(hay, last + 1 - length, last):
                found |= as_words
    return frozenset(found)


def _whole_word(hay: str, first: int, last: int) -> bool:
    """No ASCII letter just before hay[first] or just after hay[last] (what both
    ``(?<![\\w-])`` and a case-blind ``(?<![a-z])`` need, and less)."""
    return not ((first > 0 and hay[first - 1] in _ASCII_LETTERS)
                or (last + 1 < len(hay) and hay[last + 1] in _ASCII_LETTERS))


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
