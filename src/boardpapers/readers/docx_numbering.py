"""List numbering for DOCX: turn numbering.xml definitions and paragraph counters into
the marker a reader sees on the page ("1.", "2.1", "a)", "(iv)", "•").

Word keeps one set of counters per abstract numbering definition: every ``w:num`` that
points at the same abstract list continues it, unless the ``w:num`` carries a
``w:startOverride`` for a level, which restarts that level the first time the num is used.
A counter restarts whenever a shallower level of the same list advances (``w:lvlRestart``
can say otherwise). ``%N`` in ``w:lvlText`` is level N's counter in level N's own format
(decimal everywhere when ``w:isLgl`` is set).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from boardpapers.readers.docx_xml import Element, int_val, on_off, w, w_val
from boardpapers.readers.list_numbers import format_number

MAX_LEVELS = 9

# Symbol/Wingdings private-use glyphs and font-specific letters that stand for bullets.
_BULLET_GLYPHS = {"o": "◦", "§": "▪", "Ø": "➢", "ü": "✓", "q": "❑", "v": "❖", "": "•"}


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a numbering definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart_after: int | None = None  # None: restart after any shallower level
    legal: bool = False


@dataclass(frozen=True, slots=True)
class NumberingDefinitions:
    """numbering.xml, reduced: abstract lists, nums pointing at them and start overrides."""

    abstract_levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_abstract: dict[str, str] = field(default_factory=dict)
    num_levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # lvlOverride/lvl
    num_starts: dict[str, dict[int, int]] = field(default_factory=dict)  # startOverride
    style_links: dict[str, str] = field(default_factory=dict)  # abstract id -> numStyleLink


def parse_level(lvl: Element) -> Level:
    restart_el = lvl.find(w("lvlRestart"))
    restart = int_val(restart_el) if restart_el is not None else None
    return Level(
        start=int_val(lvl.find(w("start")), 1) or 0,
        fmt=w_val(lvl.find(w("numFmt"))) or "decimal",
        text=w_val(lvl.find(w("lvlText"))) or "",
        restart_after=restart,
        legal=bool(on_off(lvl.find(w("isLgl")))),
    )


def _levels_of(parent: Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in parent.iter(w("lvl")):
        ilvl = _ilvl_attr(lvl)
        if ilvl is not None:
            levels[ilvl] = parse_level(lvl)
    return levels


def _ilvl_attr(el: Element) -> int | None:
    raw = w_val(el, "ilvl")
    if raw is None or not raw.isdigit():
        return None
    ilvl = int(raw)
    return ilvl if ilvl < MAX_LEVELS else None


def parse_numbering(root: Element | None) -> NumberingDefinitions:
    """Read the ``w:numbering`` element (None when the document has no numbering part)."""
    defs = NumberingDefinitions()
    if root is None:
        return defs
    for abstract in root.findall(w("abstractNum")):
        aid = w_val(abstract, "abstractNumId")
        if aid is None:
            continue
        defs.abstract_levels[aid] = _levels_of(abstract)
        link = abstract.find(w("numStyleLink"))
        if link is not None and w_val(link):
            defs.style_links[aid] = str(w_val(link))
    for num in root.findall(w("num")):
        _read_num(num, defs)
    return defs


def _read_num(num: Element, defs: NumberingDefinitions) -> None:
    nid = w_val(num, "numId")
    aid = w_val(num.find(w("abstractNumId")))
    if nid is None or aid is None:
        return
    defs.num_abstract[nid] = aid
    for override in num.findall(w("lvlOverride")):
        ilvl = _ilvl_attr(override)
        if ilvl is None:
            continue
        start = override.find(w("startOverride"))
        if start is not None:
            defs.num_starts.setdefault(nid, {})[ilvl] = int_val(start, 1) or 0
        lvl = override.find(w("lvl"))
        if lvl is not None:
            defs.num_levels.setdefault(nid, {})[ilvl] = parse_level(lvl)


class NumberingCounters:
    """Counters that advance as the reader meets numbered paragraphs in body order."""

    def __init__(self, defs: NumberingDefinitions,
                 style_num_ids: dict[str, str] | None = None) -> None:
        self._defs = defs
        self._style_num_ids = style_num_ids or {}
        self._counts: dict[str, dict[int, int]] = {}
        self._started_nums: set[str] = set()

    def _abstract_id(self, num_id: str) -> str | None:
        aid = self._defs.num_abstract.get(num_id)
        seen = 0
        while aid is not None and aid in self._defs.style_links and seen < 5:
            # A list style indirection: the abstract list lives behind the style's numId.
            linked_num = self._style_num_ids.get(self._defs.style_links[aid])
            linked = self._defs.num_abstract.get(linked_num or "")
            if linked is None or linked == aid:
                break
            aid, seen = linked, seen + 1
        return aid

    def level(self, num_id: str, ilvl: int) -> Level | None:
        override = self._defs.num_levels.get(num_id, {}).get(ilvl)
        if override is not None:
            return override
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        return self._defs.abstract_levels.get(aid, {}).get(ilvl)

    def next_marker(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter for (num, level) and return the marker, or None when the
        paragraph is not really numbered (numId 0, unknown list, ``numFmt="none"`` with
        empty text)."""
        if num_id in {"", "0"}:
            return None
        aid = self._abstract_id(num_id)
        lvl = self.level(num_id, ilvl)
        if aid is None or lvl is None:
            return None
        counts = self._counts.setdefault(aid, {})
        self._apply_start_overrides(num_id, counts)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else lvl.start
        self._reset_deeper(num_id, ilvl, counts)
        return self._format(num_id, ilvl, lvl, counts)

    def _apply_start_overrides(self, num_id: str, counts: dict[int, int]) -> None:
        if num_id in self._started_nums:
            return
        self._started_nums.add(num_id)
        for ilvl, start in self._defs.num_starts.get(num_id, {}).items():
            counts[ilvl] = start - 1
            self._reset_deeper(num_id, ilvl, counts)

    def _reset_deeper(self, num_id: str, ilvl: int, counts: dict[int, int]) -> None:
        for deeper in [k for k in counts if k > ilvl]:
            lvl = self.level(num_id, deeper)
            restart = lvl.restart_after if lvl is not None else None
            if restart == 0:
                continue
            if restart is None or ilvl < restart:
                del counts[deeper]

    def _format(self, num_id: str, ilvl: int, lvl: Level, counts: dict[int, int]) -> str:
        if lvl.fmt == "bullet":
            return bullet_glyph(lvl.text)
        out: list[str] = []
        text = lvl.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                ref = int(text[i + 1]) - 1
                ref_lvl = self.level(num_id, ref)
                value = counts.get(ref, ref_lvl.start if ref_lvl else 1)
                fmt = ref_lvl.fmt if ref_lvl else "decimal"
                if lvl.legal and ref < ilvl:
                    fmt = "decimal"
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out).strip()


def bullet_glyph(lvl_text: str) -> str:
    """The bullet as displayed: Symbol/Wingdings private-use code points become "•"."""
    glyph = lvl_text.strip()
    if not glyph:
        return "•"
    if glyph in _BULLET_GLYPHS:
        return _BULLET_GLYPHS[glyph]
    if any(0xE000 <= ord(c) <= 0xF8FF for c in glyph):
        return "•"
    return glyph


def paragraph_num_props(ppr: Element | None) -> tuple[str | None, int | None]:
    """(numId, ilvl) written directly on a paragraph; either may be absent (None)."""
    if ppr is None:
        return None, None
    numpr = ppr.find(w("numPr"))
    if numpr is None:
        return None, None
    num_id = w_val(numpr.find(w("numId")))
    ilvl = int_val(numpr.find(w("ilvl")))
    return num_id, ilvl
