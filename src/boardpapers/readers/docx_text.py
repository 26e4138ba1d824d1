"""The visible text of one DOCX paragraph, as a list of events in reading order.

Only ``w:t`` (and tabs, breaks, non-breaking hyphens) of runs not hidden is visible text:
field codes live in ``w:instrText`` and deleted text in ``w:delText``, so neither is read
and a field shows only its result. ``mc:AlternateContent`` repeats drawings (and the text
boxes inside them) in a fallback for old readers: only the first choice is read, so a text
box's text comes once. Text boxes are handed back as their own event, so the caller can read
their paragraphs as blocks right after the paragraph that anchors them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.readers.docx_styles import StyleTable
from boardpapers.readers.docx_xml import Element, int_val, mc, on_off, w, w_val

MAX_NESTING = 40

_SKIP = {w(t) for t in ("pPr", "rPr", "del", "moveFrom", "instrText", "delText",
                        "delInstrText", "footnoteReference", "endnoteReference",
                        "commentReference", "annotationRef", "sdtPr", "sdtEndPr",
                        "fldData", "separator", "continuationSeparator")}
_TEXT_OF = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "-"}
_BOLD_STYLE_NAME = re.compile(r"strong|bold", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    bold: bool
    size: int = 0  # half-points, 0 when nothing in the document says
    caps: bool = False  # shown in capitals (w:caps), whatever the letters typed


@dataclass(frozen=True, slots=True)
class RunLook:
    """What a run inherits: boldness, font size (half-points), capitals."""
    bold: bool
    size: int = 0
    caps: bool = False


@dataclass(frozen=True, slots=True)
class PageBreak:
    explicit: bool  # w:br type=page (True) or w:lastRenderedPageBreak (False)


@dataclass(frozen=True, slots=True)
class TextBox:
    content: Element  # w:txbxContent


Event = Text | PageBreak | TextBox


def paragraph_events(p: Element, styles: StyleTable, para: RunLook) -> list[Event]:
    """Events of a ``w:p`` in order; ``para`` is what the paragraph style gives its runs."""
    out: list[Event] = []
    _walk(p, para, styles, out, 0)
    return out


def _walk(el: Element, look: RunLook, styles: StyleTable, out: list[Event],
          depth: int) -> None:
    if depth > MAX_NESTING:
        return
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == w("t"):
            out.append(Text(child.text or "", look.bold, look.size, look.caps))
        elif tag in _TEXT_OF:
            out.append(Text(_TEXT_OF[tag], look.bold, look.size, look.caps))
        elif tag == w("br"):
            _break(child, look, out)
        elif tag == w("lastRenderedPageBreak"):
            out.append(PageBreak(explicit=False))
        elif tag == w("txbxContent"):
            out.append(TextBox(child))
        elif tag == mc("AlternateContent"):
            choice = child.find(mc("Choice"))
            if choice is not None:
                _walk(choice, look, styles, out, depth + 1)
        elif tag == w("r"):
            if not _hidden(child):
                _walk(child, run_look(child, look), styles, out, depth + 1)
        else:  # hyperlink, ins, smartTag, sdt, fldSimple, drawing, textbox shapes...
            _walk(child, look, styles, out, depth + 1)


def _break(br: Element, look: RunLook, out: list[Event]) -> None:
    kind = w_val(br, "type")
    if kind == "page":
        out.append(PageBreak(explicit=True))
    elif kind == "column":
        out.append(Text(" ", look.bold, look.size))
    else:
        out.append(Text("\n", look.bold, look.size))


def run_look(run: Element, inherited: RunLook) -> RunLook:
    rpr = run.find(w("rPr"))
    if rpr is None:
        return inherited
    size = int_val(rpr.find(w("sz")))
    caps = on_off(rpr.find(w("caps")))
    return RunLook(run_bold(run, inherited.bold),
                   size if size is not None and size > 0 else inherited.size,
                   inherited.caps if caps is None else caps)


def _hidden(run: Element) -> bool:
    """Hidden text (``w:vanish``): template guidance Word does not show or print."""
    rpr = run.find(w("rPr"))
    return rpr is not None and bool(on_off(rpr.find(w("vanish"))))


def run_bold(run: Element, inherited: bool) -> bool:
    rpr = run.find(w("rPr"))
    if rpr is None:
        return inherited
    direct = on_off(rpr.find(w("b")))
    if direct is not None:
        return direct
    rstyle = w_val(rpr.find(w("rStyle")))
    if rstyle and _BOLD_STYLE_NAME.search(rstyle):
        return True
    return inherited


def events_text(events: list[Event]) -> str:
    return "".join(e.text for e in events if isinstance(e, Text))


def events_size(events: list[Event]) -> int:
    """The smallest font size of the visible characters (0 when unknown or none)."""
    sizes = [e.size for e in events if isinstance(e, Text) and e.text.strip()]
    return min(sizes) if sizes and all(sizes) else 0


def events_caps(events: list[Event]) -> bool:
    """True when every visible character is shown in capitals by formatting."""
    visible = [e for e in events if isinstance(e, Text) and e.text.strip()]
    return bool(visible) and all(e.caps for e in visible)


def events_bold(events: list[Event]) -> bool:
    """True when every visible character of the events is bold (and there is one)."""
    visible = [e for e in events if isinstance(e, Text) and e.text.strip()]
    return bool(visible) and all(e.bold for e in visible)
