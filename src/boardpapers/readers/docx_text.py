"""The visible text of one DOCX paragraph, as a list of events in reading order.

Only ``w:t`` (and tabs, breaks, non-breaking hyphens) is visible text: field codes live in
``w:instrText`` and deleted text in ``w:delText``, so neither is read and a field shows
only its result. ``mc:AlternateContent`` repeats drawings (and the text boxes inside them)
in a fallback for old readers: only the first choice is read, so a text box's text comes
once. Text boxes are handed back as their own event, so the caller can read their
paragraphs as blocks right after the paragraph that anchors them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.readers.docx_styles import StyleTable
from boardpapers.readers.docx_xml import Element, mc, on_off, w, w_val

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


@dataclass(frozen=True, slots=True)
class PageBreak:
    explicit: bool  # w:br type=page (True) or w:lastRenderedPageBreak (False)


@dataclass(frozen=True, slots=True)
class TextBox:
    content: Element  # w:txbxContent


Event = Text | PageBreak | TextBox


def paragraph_events(p: Element, styles: StyleTable, para_bold: bool) -> list[Event]:
    """Events of a ``w:p`` in order; ``para_bold`` is the paragraph style's boldness."""
    out: list[Event] = []
    _walk(p, para_bold, styles, out, 0)
    return out


def _walk(el: Element, bold: bool, styles: StyleTable, out: list[Event], depth: int) -> None:
    if depth > MAX_NESTING:
        return
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == w("t"):
            out.append(Text(child.text or "", bold))
        elif tag in _TEXT_OF:
            out.append(Text(_TEXT_OF[tag], bold))
        elif tag == w("br"):
            _break(child, bold, out)
        elif tag == w("lastRenderedPageBreak"):
            out.append(PageBreak(explicit=False))
        elif tag == w("txbxContent"):
            out.append(TextBox(child))
        elif tag == mc("AlternateContent"):
            choice = child.find(mc("Choice"))
            if choice is not None:
                _walk(choice, bold, styles, out, depth + 1)
        elif tag == w("r"):
            _walk(child, run_bold(child, bold), styles, out, depth + 1)
        else:  # hyperlink, ins, smartTag, sdt, fldSimple, drawing, textbox shapes...
            _walk(child, bold, styles, out, depth + 1)


def _break(br: Element, bold: bool, out: list[Event]) -> None:
    kind = w_val(br, "type")
    if kind == "page":
        out.append(PageBreak(explicit=True))
    elif kind == "column":
        out.append(Text(" ", bold))
    else:
        out.append(Text("\n", bold))


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


_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def fold_lines(text: str) -> str:
    """Fold whitespace within each line, drop blank lines, keep the line breaks."""
    text = _INVISIBLE.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def fold_all(text: str) -> str:
    """Fold all whitespace, line breaks included, to single spaces."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text).replace("\n", " ")).strip()


def events_text(events: list[Event]) -> str:
    return "".join(e.text for e in events if isinstance(e, Text))


def events_bold(events: list[Event]) -> bool:
    """True when every visible character of the events is bold (and there is one)."""
    visible = [e for e in events if isinstance(e, Text) and e.text.strip()]
    return bool(visible) and all(e.bold for e in visible)
