"""Paragraph styles of a DOCX, resolved through ``w:basedOn``: is a style a heading (and
of which level), is it bold, does it carry list numbering.

A style's font size (and the document default) is kept so the body walker can tell a
paragraph set clearly larger than the body text.

Councils' templates often rename or derive their heading styles ("CC Heading 2",
"Report Title", "Agenda Heading"), so a style counts as a heading when its name (or a
style it is based on) says Heading/Title, or when it sets an outline level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from boardpapers.readers.docx_xml import Element, int_val, on_off, w, w_val

_DIGITS = re.compile(r"(\d+)")
BODY_TEXT_OUTLINE = 9  # w:outlineLvl 9 means "body text"


@dataclass(frozen=True, slots=True)
class StyleInfo:
    style_id: str
    name: str
    based_on: str | None = None
    outline: int | None = None  # 0-based outline level set by the style itself
    bold: bool | None = None
    num_id: str | None = None
    ilvl: int | None = None
    size: int | None = None  # w:sz, in half-points
    caps: bool | None = None  # w:caps: shown in capitals


@dataclass(frozen=True, slots=True)
class StyleTable:
    styles: dict[str, StyleInfo] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_size: int = 0  # half-points from w:docDefaults, 0 when not set

    def chain(self, style_id: str | None) -> list[StyleInfo]:
        """The style and its ancestors, nearest first (cycles cut)."""
        out: list[StyleInfo] = []
        seen: set[str] = set()
        sid = style_id if style_id in self.styles else self.default_paragraph
        while sid is not None and sid in self.styles and sid not in seen:
            seen.add(sid)
            info = self.styles[sid]
            out.append(info)
            sid = info.based_on
        return out

    def name(self, style_id: str | None) -> str:
        chain = self.chain(style_id)
        return chain[0].name if chain else ""

    def heading_level(self, style_id: str | None) -> int:
        """Heading level the style implies, 0 when it is not a heading style."""
        for info in self.chain(style_id):
            level = heading_level_from_name(info.name)
            if level:
                return level
            if info.outline is not None:
                return info.outline + 1 if info.outline < BODY_TEXT_OUTLINE else 0
        return 0

    def inherited(self, style_id: str | None, name: str) -> object:
        """A run property (bold, size, caps) from the nearest style that sets it."""
        for info in self.chain(style_id):
            value = getattr(info, name)
            if value is not None:
                return value
        return None

    def bold(self, style_id: str | None) -> bool:
        return self.inherited(style_id, "bold") is True

    def caps(self, style_id: str | None) -> bool:
        return self.inherited(style_id, "caps") is True

    def size(self, style_id: str | None) -> int:
        """Font size in half-points the style gives its text (the default when none)."""
        size = self.inherited(style_id, "size")
        return size if isinstance(size, int) and size > 0 else self.default_size

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for info in self.chain(style_id):
            if info.num_id is not None:
                return info.num_id, info.ilvl
        return None, None

    def num_ids_by_style(self) -> dict[str, str]:
        return {sid: s.num_id for sid, s in self.styles.items() if s.num_id is not None}


def heading_level_from_name(name: str) -> int:
    """"Heading 2" -> 2, "Title" -> 1, "Subtitle" -> 2, "CC Heading" -> 1, "Normal" -> 0."""
    lowered = name.lower()
    if "heading" not in lowered and "title" not in lowered:
        return 0
    if lowered.startswith("toc") or "char" in lowered.split():
        return 0  # "TOC Heading" is a contents heading but "toc 1" entries are not
    if "subtitle" in lowered:
        return 2
    digits = _DIGITS.search(name)
    if digits:
        return max(1, min(int(digits.group(1)), 9))
    return 1


def parse_styles(root: Element | None) -> StyleTable:
    if root is None:
        return StyleTable()
    styles: dict[str, StyleInfo] = {}
    default: str | None = None
    for style in root.findall(w("style")):
        if w_val(style, "type") not in {"paragraph", None}:
            continue
        sid = w_val(style, "styleId")
        if sid is None:
            continue
        styles[sid] = _style_info(sid, style)
        if on_off_attr(style, "default"):
            default = sid
    return StyleTable(styles=styles, default_paragraph=default,
                      default_size=_default_size(root))


def _default_size(root: Element) -> int:
    defaults = root.find(w("docDefaults"))
    rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}") if defaults is not None else None
    return max(0, int_val(rpr.find(w("sz")), 0) or 0) if rpr is not None else 0


def on_off_attr(el: Element, attr: str) -> bool:
    return w_val(el, attr) in {"1", "true", "on"}


def _style_info(sid: str, style: Element) -> StyleInfo:
    ppr = style.find(w("pPr"))
    rpr = style.find(w("rPr"))
    outline = int_val(ppr.find(w("outlineLvl"))) if ppr is not None else None
    num_id = ilvl = None
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    if numpr is not None:
        num_id = w_val(numpr.find(w("numId")))
        ilvl = int_val(numpr.find(w("ilvl")))
    return StyleInfo(
        style_id=sid,
        name=w_val(style.find(w("name"))) or sid,
        based_on=w_val(style.find(w("basedOn"))),
        outline=outline,
        bold=on_off(rpr.find(w("b"))) if rpr is not None else None,
        num_id=num_id,
        ilvl=ilvl,
        size=int_val(rpr.find(w("sz"))) if rpr is not None else None,
        caps=on_off(rpr.find(w("caps"))) if rpr is not None else None,
    )
