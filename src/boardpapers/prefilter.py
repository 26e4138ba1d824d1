"""Literal strings a regular expression cannot match without, to skip searches that cannot hit.

Python's ``re`` tries a pattern such as ``\\bdecision status\\s*:|^\\s*decision made`` at
every position of a text, and a table of such patterns scans the text once per row.
``needles`` reads a pattern's parse tree once and returns strings one of which every match
must contain; ``Prefilter`` finds the needles of many patterns in one Aho-Corasick pass
(pyahocorasick), so only the patterns whose needles occur are searched, with the same result.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from re import _constants as C  # type: ignore[attr-defined]  # noqa: N812
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

Needles = frozenset[str]


@dataclass(frozen=True, slots=True)
class PrefilterSettings:
    """How many strings a run of literals may expand to (``(?:a|b) (?:c|d)`` is four)."""

    max_strings: int = 32


SETTINGS = PrefilterSettings()
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT,)  # consumes nothing: literals either side stay adjacent


@functools.cache
def needles(pattern: re.Pattern[str]) -> Needles | None:
    """Strings one of which is in every match of ``pattern``; None when no such set is
    known (a case-blind pattern, or one that can match without any literal)."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _sequence(_parser.parse(pattern.pattern, pattern.flags))


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` certainly finds nothing in ``text``."""
    found = needles(pattern)
    return found is None or any(n in text for n in found)


class Prefilter:
    """Which of many patterns may match a text, found in one pass over it."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        owners: dict[str, set[int]] = {}
        always = set()
        for index, pattern in enumerate(patterns):
            required = needles(pattern)
            if required is None:
                always.add(index)
            for needle in required or ():
                owners.setdefault(needle, set()).add(index)
        self._always = frozenset(always)
        self._automaton = ahocorasick.Automaton()
        for needle, indices in owners.items():
            self._automaton.add_word(needle, frozenset(indices))
        if owners:
            self._automaton.make_automaton()

    def candidates(self, text: str) -> set[int]:
        """Indices of the patterns that may match ``text``; the others certainly do not."""
        found = set(self._always)
        if len(self._automaton):
            for _, indices in self._automaton.iter(text):
                found |= indices
        return found


def _rarer(a: Needles | None, b: Needles | None) -> Needles | None:
    """The set whose shortest string is longer: fewer texts hold it by chance."""
    if a is None:
        return b
    if b is None:
        return a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """Every string the item can match, when they are few (``a``, ``[- ]``, ``(?:x|yz)?``)."""
    if op is C.LITERAL:
        return frozenset({chr(av)})
    if op is C.IN and all(kind is C.LITERAL for kind, _ in av):
        return frozenset(chr(code) for _, code in av)
    if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _exact_sequence(av[3])
    if op is C.BRANCH:
        sets = [_exact_sequence(alternative) for alternative in av[1]]
        return None if any(s is None for s in sets) else frozenset().union(*sets)  # type: ignore[arg-type]
    if op in _REPEATS and av[0] == 0 and av[1] == 1:
        inner = _exact_sequence(av[2])
        return None if inner is None else inner | {""}
    return None


def _exact_sequence(items: Any) -> frozenset[str] | None:
    strings = frozenset({""})
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        item = _exact(op, av)
        if item is None or len(strings) * len(item) > SETTINGS.max_strings:
            return None
        strings = frozenset(a + b for a in strings for b in item)
    return strings


def _sequence(items: Any) -> Needles | None:
    """Items in a row: the rarest of their literal runs and of what nested parts require."""
    best: Needles | None = None
    run = frozenset({""})
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        item = _exact(op, av)
        if item is not None and len(run) * len(item) <= SETTINGS.max_strings:
            run = frozenset(a + b for a in run for b in item)
            continue
        best = _rarer(best, _usable(run))
        run = frozenset({""}) if item is None else item
        if item is not None:
            continue
        if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
            best = _rarer(best, _sequence(av[3]))
        elif op is C.BRANCH:
            best = _rarer(best, _branch(av[1]))
        elif op in _REPEATS and av[0] >= 1:
            best = _rarer(best, _sequence(av[2]))
    return _rarer(best, _usable(run))


def _usable(strings: frozenset[str]) -> Needles | None:
    """A run is worth checking only when none of its strings is empty."""
    return None if "" in strings else strings
def _branch(alternatives: Any) -> Needles | None:
    """Every alternative must require something, and any of those will do."""
    found: set[str] = set()
    for alternative in alternatives:
        required = _sequence(alternative)
        if required is None:
            return None
        found |= required
    return frozenset(found)
