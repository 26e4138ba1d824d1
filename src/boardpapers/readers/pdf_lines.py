"""Text runs to lines and segments: the geometry step of the PDF reader.

A *line* is every run sharing a baseline band on the page; a *segment* is a stretch of a
line with no wide gap in it (a column of a table, one column of a newsletter, or the whole
line of ordinary prose). Typed list markers ("2.1", "(a)", "•") that stand apart from
their text, as a tab or a hanging indent leaves them, are joined back to their text and
remembered, because the gap itself is the best evidence that they are markers.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter
from typing import NamedTuple

from boardpapers.readers.pdf_extract import Rule, Run
from boardpapers.vocab.text import fold

MARKER = re.compile(
    r"""^(?:\d{1,3}(?:\.\d{1,3})+\.?       # 2.1  2.1.3
      | \d{1,3}[.)]                        # 1.  12)
      | \((?:\d{1,3}|[ivx]{1,6}|[a-zA-Z])\)  # (3) (iv) (b) (B)
      | (?:[ivx]{1,6}|[a-z])[.)]           # iv) b) b.
      | [A-Z]\)                            # A)
      | [•●▪■◦○‣⁃·❖➢✓\u2013\u2014*-]       # bullets and dashes
    )$""",
    re.VERBOSE,
)
_LEADING_MARKER = re.compile(r"^(\S{1,8})\s+(?=\S)")
_BULLETS = "•●▪■◦○‣⁃·❖➢✓"
_new_tuple = tuple.__new__


class Segment(NamedTuple):  # a named tuple for speed, as Run
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    marker: str = ""        # a list marker that stood apart from the text
    text_x0: float = 0.0    # where the text after such a marker starts

    @property
    def height(self) -> float:
        return self.bottom - self.top


class Line(tuple):
    """Segments sharing a baseline band. Its edges, text, biggest size and boldness are
    worked out once when it is made, as every later stage asks for them several times; a
    tuple underneath, like Segment, because a long pack makes tens of thousands."""

    __slots__ = ()

    def __new__(cls, segments: tuple[Segment, ...]) -> Line:
        if len(segments) == 1:  # the common case, without generators
            seg = segments[0]
            return tuple.__new__(cls, (segments, seg.x0, seg.x1, seg.top, seg.bottom,
                                       seg.text, seg.size, seg.bold))
        return tuple.__new__(cls, (
            segments, segments[0].x0, segments[-1].x1, min(s.top for s in segments),
            max(s.bottom for s in segments), " ".join(s.text for s in segments),
            max(s.size for s in segments), all(s.bold for s in segments)))

    def __getnewargs__(self) -> tuple:
        return (self.segments,)

    segments = property(itemgetter(0))
    x0 = property(itemgetter(1))
    x1 = property(itemgetter(2))
    top = property(itemgetter(3))
    bottom = property(itemgetter(4))
    text = property(itemgetter(5))
    size = property(itemgetter(6))   # the biggest segment's
    bold = property(itemgetter(7))   # every segment bold

    def __repr__(self) -> str:
        return f"Line({self.segments!r})"


def runs_to_lines(runs: list[Run], rules: list[Rule]) -> list[Line]:
    """Group a page's runs into lines (top to bottom), each split into segments."""
    verticals = [r for r in rules if not r.horizontal]
    lines = []
    for band in baseline_bands(runs):
        if len(band) == 1:  # most lines are one text object: the short way
            r = band[0]
            text = fold(r.text)
            seg = Segment(text, r.x0, r.top, r.x1, r.bottom, r.size, r.bold, "", r.x0)
            if text[:1] in _BULLETS:
                lines.append(Line((_inline_marker(seg),)))
            else:  # Line((seg,)) without the call
                lines.append(_new_tuple(Line, ((seg,), r.x0, r.x1, r.top, r.bottom, text,
                                               r.size, r.bold)))
        else:
            lines.append(Line(tuple(_segments(band, verticals))))
    return lines


def baseline_bands(runs: list[Run]) -> list[list[Run]]:
    """Runs whose vertical middles lie within half a line of each other share a band.
    A run's box is its glyphs' ink, so a lone "-" or "." is under a point tall: it counts
    as at least 0.7 of its font size, or it would start a line of its own."""
    bands: list[list[Run]] = []
    middle = height = 0.0
    for run in sorted(runs, key=_middle):
        h = max(run.bottom - run.top, 0.7 * run.size)
        mid = (run.top + run.bottom) / 2
        if bands and abs(mid - middle) < 0.45 * min(h, height):
            bands[-1].append(run)
            continue
        bands.append([run])
        middle, height = mid, h
    return bands


def _middle(run: Run) -> float:
    return (run.top + run.bottom) / 2


def _segments(band: list[Run], verticals: list[Rule]) -> list[Segment]:
    if len(band) == 1:
        return [_inline_marker(_segment(band))]
    band.sort(key=lambda r: r.x0)
    groups: list[list[Run]] = [[band[0]]]
    for run in band[1:]:
        prev = groups[-1][-1]
        gap = run.x0 - prev.x1
        if gap > _split_gap(prev, run) or _ruled_between(prev, run, verticals):
            groups.append([run])
        else:
            groups[-1].append(run)
    segments = [_segment(g) for g in groups]
    return _attach_markers(segments)


def _split_gap(prev: Run, run: Run) -> float:
    """A gap wider than about two spaces separates columns; prose words sit closer."""
    return max(1.1 * max(prev.size, run.size), 7.0)


def _ruled_between(a: Run, b: Run, verticals: list[Rule]) -> bool:
    return any(a.x1 - 1 <= v.x0 <= b.x0 + 1 and v.top <= a.middle <= v.bottom
               for v in verticals)


def _segment(runs: list[Run]) -> Segment:
    if len(runs) == 1:  # the common case: one text object is the whole segment
        r = runs[0]
        return Segment(fold(r.text), r.x0, r.top, r.x1, r.bottom, r.size, r.bold,
                       text_x0=r.x0)
    parts: list[str] = []
    for i, run in enumerate(runs):
        if i and not parts[-1].endswith(" ") and not run.text.startswith(" ") \
                and run.x0 - runs[i - 1].x1 > 0.15 * run.size:
            parts.append(" ")
        parts.append(run.text)
    text = " ".join("".join(parts).split())
    weights: Counter[float] = Counter()
    for run in runs:
        weights[run.size] += len(run.text)
    size = weights.most_common(1)[0][0]
    bold = all(r.bold for r in runs if r.text.strip(" .:•"))
    return Segment(text, runs[0].x0, min(r.top for r in runs), runs[-1].x1,
                   max(r.bottom for r in runs), size, bold, text_x0=runs[0].x0)


def _attach_markers(segments: list[Segment]) -> list[Segment]:
    """Join a lone marker segment ("2.1", "•") to the segment after it."""
    out: list[Segment] = []
    i = 0
    while i < len(segments):
        seg = segments[i]
        if i + 1 < len(segments) and MARKER.match(seg.text) and not seg.marker:
            nxt = segments[i + 1]
            out.append(nxt._replace(x0=seg.x0, top=min(seg.top, nxt.top),
                               bottom=max(seg.bottom, nxt.bottom), marker=_bullet(seg.text),
                               text_x0=nxt.x0, bold=nxt.bold))
            i += 2
            continue
        out.append(_inline_marker(seg))
        i += 1
    return out


def _inline_marker(seg: Segment) -> Segment:
    """A marker typed with a space ("• text") in the same run: split it off."""
    match = _LEADING_MARKER.match(seg.text)
    if match and MARKER.match(match.group(1)) and match.group(1)[0] in _BULLETS:
        return seg._replace(text=seg.text[match.end():], marker=_bullet(match.group(1)))
    return seg


def _bullet(marker: str) -> str:
    return "•" if marker in "●·" else marker


def body_size(pages_runs: list[list[Run]]) -> float:
    """The font size carrying the most characters: the document's body text."""
    weights: Counter[float] = Counter()
    for runs in pages_runs:
        for run in runs:
            weights[round(run.size * 2) / 2] += len(run.text)
    return weights.most_common(1)[0][0] if weights else 10.0
