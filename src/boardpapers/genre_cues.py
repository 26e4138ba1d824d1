"""Genre cues found in the words of the whole text, not only in lines marked as headings.

Real papers often reach us flattened: a report's cover table and headings run into one
paragraph ("REPORT TO: Council DATE: 4 March 2019 SUBJECT: … PURPOSE OF THE REPORT To
ask …"), a minute is a page of past-tense narrative, a meeting page loses its headings.
Each ``Cue`` is a phrase that points at a genre wherever it occurs; every occurrence adds
its weight to the genre, up to the cue's cap, and leaves a line of evidence. Each genre's
table sits in its module under ``genres/`` (a new shape is a new row there); this module
finds a table's cues in a paper, with one Aho-Corasick pass (``prefilter``) ruling out
the cues whose words the paper lacks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from boardpapers.genres import PaperLines, Signs
from boardpapers.prefilter import Prefilter, may_match


@dataclass(frozen=True, slots=True)
class Cue:
    genre: str
    weight: float  # added per occurrence
    cap: float  # at most this much from one cue
    pattern: re.Pattern[str]
    why: str  # evidence line; "{n}" is replaced by the number of occurrences
    front: int = 0  # > 0: only the first this many characters count
    title: bool = False  # names the paper's genre in its title ("Minutes of …")


@dataclass(frozen=True, slots=True)
class CueSettings:
    """How much of a long paper is read for cues (a pack's front matter is at its start)."""

    max_chars: int = 20_000


CUE_SETTINGS = CueSettings()
_IM = re.IGNORECASE | re.MULTILINE


def cue(genre: str, weight: float, cap: float, pattern: str, why: str, *, front: int = 0,
         flags: int = _IM, title: bool = False) -> Cue:
    return Cue(genre, weight, cap, re.compile(pattern, flags), why, front, title)


def _occurrences(one: Cue, text: str, low: str, prefiltered: bool) -> int:
    """How often the cue occurs; a case-blind cue is sought in the lower-cased text, three
    times faster than a case-blind search (``low`` is ``text.lower()``). ``prefiltered``:
    the text is known to hold one of the words every match of the cue needs."""
    pattern = _case_blind(one.pattern)
    if pattern is None:
        pattern, low = one.pattern, text
    elif one.front:
        low = text[:one.front].lower()
    hay = low[:one.front] if one.front else low
    if not prefiltered and not may_match(pattern, hay):
        return 0
    return sum(1 for _ in pattern.finditer(hay))


_CASED = re.compile(r"(?<!\\)[A-Z]")  # a capital that is no escape (\b, \s, \d…)


@functools.cache
def _case_blind(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without IGNORECASE, for lower-cased text; None when the pattern is
    case-sensitive or names a capital, where lower-casing would change what it finds."""
    if not pattern.flags & re.IGNORECASE or _CASED.search(pattern.pattern):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_TABLES: list[CueTable] = []  # every cue table made, in order: one prefilter serves them all


class CueTable:
    """A genre's cues. Its case-blind whole-text cues are ruled in or out by one
    Aho-Corasick pass over the paper shared by every table (``_all_tables``)."""

    __slots__ = ("cues", "number", "_whole")

    def __init__(self, *cues: Cue) -> None:
        self.cues = cues
        self.number = len(_TABLES)
        self._whole: dict[int, int] | None = None
        _TABLES.append(self)

    def __iter__(self) -> Iterator[Cue]:
        return iter(self.cues)

    def whole(self) -> dict[int, int]:
        """Cue index -> its position among the table's prefiltered (whole-text) cues."""
        if self._whole is None:
            indices = [i for i, one in enumerate(self.cues)
                       if not one.front and _case_blind(one.pattern) is not None]
            self._whole = {index: j for j, index in enumerate(indices)}
        return self._whole

    def patterns(self) -> list[re.Pattern[str]]:
        return [_case_blind(self.cues[i].pattern) or self.cues[i].pattern for i in self.whole()]


@functools.cache
def _all_tables(n: int) -> tuple[tuple[int, ...], Prefilter]:
    """One prefilter for the whole-text cues of the first ``n`` tables, and where each
    table's cues start among its patterns."""
    offsets: list[int] = []
    patterns: list[re.Pattern[str]] = []
    for table in _TABLES[:n]:
        offsets.append(len(patterns))
        patterns += table.patterns()
    return tuple(offsets), Prefilter(patterns)


def _cue_text(paper: PaperLines) -> tuple[str, str]:
    text = paper.text[:CUE_SETTINGS.max_chars]
    return text, text.lower()


def _candidates(paper: PaperLines) -> tuple[tuple[int, ...], set[int]]:
    """Which whole-text cues of every table made so far may occur in the paper."""
    offsets, prefilter = _all_tables(len(_TABLES))
    return offsets, prefilter.candidates(paper.memo("cue_text", _cue_text)[1])


def score_cues(paper: PaperLines, table: CueTable, signs: Signs) -> None:
    """Add every cue's weight (capped) and evidence, and the genres a title named."""
    text, low = paper.memo("cue_text", _cue_text)
    offsets, candidates = paper.memo("cue_candidates", _candidates)
    if table.number >= len(offsets):  # made after this paper's pass: look on its own
        offsets, candidates = _all_tables(len(_TABLES))[0], _candidates(paper)[1]
    offset, whole = offsets[table.number], table.whole()
    for index, cue in enumerate(table.cues):
        position = whole.get(index)
        if position is not None and offset + position not in candidates:
            continue
        n = _occurrences(cue, text, low, position is not None)
        if n:
            signs(cue.genre, min(cue.cap, cue.weight * n), cue.why.replace("{n}", str(n)))
            if cue.title:
                signs.title(cue.genre)
