"""WordprocessingML names and attribute helpers shared by the DOCX reader's modules.

The reader walks the raw XML (lxml elements that python-docx parsed) rather than
python-docx's object model, because only the XML keeps body order, text boxes, fields and
numbering properties in one place.
"""

from __future__ import annotations

from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

Element = Any  # an lxml element; lxml ships no type stubs we can rely on


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute: ``w("p")`` -> ``{ns}p``."""
    return f"{{{W_NS}}}{tag}"


def mc(tag: str) -> str:
    return f"{{{MC_NS}}}{tag}"


def w_val(el: Element | None, attr: str = "val") -> str | None:
    """The ``w:val`` (or another ``w:`` attribute) of an element, or None when absent."""
    if el is None:
        return None
    value = el.get(w(attr))
    return None if value is None else str(value)


def int_val(el: Element | None, default: int | None = None) -> int | None:
    raw = w_val(el)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        return default


def on_off(el: Element | None) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): None when the element is absent."""
    if el is None:
        return None
    return w_val(el) not in {"0", "false", "off", "none"}


def local_name(el: Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def is_w(el: Element, name: str) -> bool:
    return el.tag == w(name)
