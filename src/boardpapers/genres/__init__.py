"""Signs of each genre, scored by the genre's own ``score`` function.

Every genre, built in or added from outside, is scored through one hook: ``GenreSpec.score``
is ``score(paper: PaperLines, signs: Signs) -> None``. It reads the paper's short lines
(``paper.lines``, ``paper.front``) or their text (``paper.text``), and for each sign it
finds calls ``signs(genre, weight, why)``. One module per built-in genre family
(``report``, ``meetings``, ``pack``, ``briefing``, ``other``) holds its signs, their
weights as a frozen settings dataclass and its cue table; ``boardpapers.genre`` runs every
registered scorer and then decides, with the rules and thresholds of ``genre.DECIDE``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.vocab.labels import clean_label_text
from boardpapers.vocab.text import fold

Line = tuple[int, Block, str]  # (block index, block, folded and cleaned text)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Counted:
    """A sign that may occur many times: ``each`` per occurrence, at most ``cap`` in all."""

    each: float
    cap: float

    def of(self, n: int) -> float:
        return min(self.cap, self.each * n)


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """How much of the paper the line features read."""

    # Only the first part of a long paper decides its front matter; template labels are
    # counted everywhere (a pack's reports sit behind its agenda).
    front_blocks: int = 160
    title_lines: int = 12  # a title is among the first lines (record of decision, hearing)
    min_chars: int = 40  # less text than this is "other": nothing to classify
    label_line_chars: int = 160  # a longer line is prose, not a label
    label_table_rows: int = 40  # rows of a label/value table read
    label_table_cells: int = 3  # a wider table is not a label/value table
    label_cell_chars: int = 60  # a label cell longer than this is not a label
    column_header_chars: int = 15  # a flattened table header's cell ("Purpose", "Time")
    column_header_words: int = 2


READ = ReadSettings()


class _Scores(dict[str, float]):
    """Score per genre; a genre not scored yet reads 0 (and is not added by reading it)."""

    def __missing__(self, genre: str) -> float:
        return 0


@dataclass(slots=True)
class Signs:
    """What the scorers found: called as ``signs(genre, weight, why)`` for each sign.

    ``title(genre)`` says the paper's title names the genre ("Minutes of …"), and
    ``measure(name, n)`` keeps a count the decision rules read (report templates).
    """

    scores: _Scores = field(default_factory=_Scores)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    titled: set[str] = field(default_factory=set)
    measures: dict[str, int] = field(default_factory=dict)

    def __call__(self, genre: str, weight: float, why: str) -> None:
        self.add(genre, weight, why)

    def add(self, genre: str, weight: float, why: str) -> None:
        self.scores[genre] += weight
        self.evidence.setdefault(genre, []).append(why)

    def title(self, genre: str) -> None:
        self.titled.add(genre)

    def measure(self, name: str, n: int) -> None:
        self.measures[name] = n


class PaperLines:
    """The paper as the scorers read it: its non-empty lines, folded, with their blocks.

    ``text`` is the lines joined by newlines; ``memo`` keeps what several scorers
    compute from the same lines, so it is computed once per paper.
    """

    __slots__ = ("lines", "_text", "_memo")

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self._text: str | None = None
        self._memo: dict[str, object] = {}

    @classmethod
    def of(cls, layout: Layout) -> PaperLines:
        out = []
        for i, b in enumerate(layout.blocks):
            if b.kind is BlockKind.PAGE_BREAK:
                continue
            text = fold(clean_label_text(_without_pandoc_attributes(b.text)))
            if text:
                out.append((i, b, text))
        return cls(out)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(t for _, _, t in self.lines)
        return self._text

    @property
    def front(self) -> list[Line]:
        """The front matter: the first ``READ.front_blocks`` lines."""
        return self.lines[:READ.front_blocks]

    def memo(self, key: str, compute: Callable[[PaperLines], T]) -> T:
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]  # type: ignore[return-value]


Score = Callable[[PaperLines, Signs], None]

# Pandoc's Markdown keeps an HTML page's ids and classes: "Items {#items .mgSectionTitle}",
# "[Venue: ]{.mgLabel}Council Chamber". They are markup, not words of the paper.
_PANDOC_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]{0,200}\}")
_PANDOC_SPAN = re.compile(r"\[([^\[\]]{0,200})\]\{\.[^{}]{0,200}\}")


def _without_pandoc_attributes(text: str) -> str:
    if "{" not in text:
        return text
    return _PANDOC_ATTRIBUTES.sub("", _PANDOC_SPAN.sub(r"\1", text))


# Letters that re.IGNORECASE folds onto ASCII letters but str.lower() does not.
_ODD_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _folded(text: str) -> str:
    """Lower case for substring pre-checks that agree exactly with re.IGNORECASE."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_ODD_FOLDS)
    return text.lower()


def search(pattern: re.Pattern[str], needles: tuple[str, ...], text: str) -> bool:
    """``pattern.search(text)``, skipped when the text lacks every word a match contains.

    A long paper's lines are mostly prose that none of the genre phrases occur in;
    a substring test rules such a line out many times faster than the regex scan.
    """
    folded = _folded(text)
    return any(n in folded for n in needles) and pattern.search(text) is not None


def start_or_search(pattern: re.Pattern[str], needles: tuple[str, ...], text: str) -> bool:
    """For patterns whose anchored alternatives need no needle: those can only match at 0."""
    return pattern.match(text) is not None or search(pattern, needles, text)


def label_rows(block: Block, text: str) -> list[str]:
    """The lines of a block that could be labels: a label/value table's rows count too.

    A Word front sheet ("Key decision: | Yes", "Divisions affected: | Lowbridge") is a
    table; its rows are the same header fields a typed report writes one per line. Only
    narrow tables with a short first cell are label tables (not an agenda's item table).
    """
    if block.kind is not BlockKind.TABLE:
        return [text] if len(text) <= READ.label_line_chars else []
    return [f"{row[0].strip()}\t{row[1].strip()}" if len(row) > 1 else row[0].strip()
            for row in block.rows[:READ.label_table_rows]
            if 1 <= len(row) <= READ.label_table_cells and row
            and 0 < len(row[0].strip()) <= READ.label_cell_chars]
