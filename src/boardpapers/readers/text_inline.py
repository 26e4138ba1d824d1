"""Inline markup in converted text: what the reader keeps and what it throws away.

Converted papers carry the debris of their conversion: Markdown emphasis and links,
stray HTML tags (``<b>``, ``<i>``, ``<sup>``, ``<a href="mailto:…">``), backslash
escapes and Word bookmark markers. The reader keeps the visible text only, and notes
whether the whole line was bold or italic because that is a heading signal.
"""

from __future__ import annotations

import html
import re

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]", re.I)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>\"'~])")
_PROTECT_BASE = 0xE000  # private-use code points stand in for escaped characters
_RESTORE = {_PROTECT_BASE + i: i for i in range(128)}
_SUP_ORDINAL = re.compile(r"(\d)\s*<sup>\s*(st|nd|rd|th)\s*</sup>", re.I)
_SUP_NOTE_REF = re.compile(r"(?<=[^\s>])<sup>\s*(\d{1,3})\s*</sup>", re.I)
_UNIT_BEFORE_POWER = re.compile(r"(?:\bm|\bkm|\bft|\bcm|CO)$")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+|[^<>@\s]+@[^<>@\s]+\.[a-z]{2,})>", re.I)
_NOTE_DEFINITION = re.compile(r"^\s*\[\^(\w{1,10})\]:\s*")
_TAG = re.compile(r"</?(?:a|b|i|u|em|strong|sup|sub|span|font|br|p|div|s|strike|del|ins|"
                  r"mark|small|big|tt|code|hr|ul|ol|li)\b[^>\n]*?/?>", re.I)
_NOTE_REF = re.compile(r"\[\^\w{1,10}\](?!:)")
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
# pandoc attributes: "[Venue: ]{.mgLabel}" keeps its text; "## Title {#id .class}" loses them
_ATTRIBUTE_SPAN = re.compile(r"\[([^\[\]\n]*)\]\{[.#][^{}\n]*\}")
_ATTRIBUTES = re.compile(r"\s*\{(?:\s*(?:[.#][A-Za-z][\w-]*|[\w-]+=(?:\"[^\"\n]*\"|\S+)))+\s*\}")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"\n]*\")?\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_BOLD_SPAN = re.compile(r"<(b|strong)\b[^>]*>.*?</\1\s*>|(\*\*|__)(?=\S).+?(?<=\S)\2", re.I)
_ITALIC_SPAN = re.compile(r"<(i|em)\b[^>]*>.*?</\1\s*>|(?<![\w*])\*(?=\S).+?(?<=\S)\*(?![\w*])"
                          r"|(?<![\w_])_(?=\S).+?(?<=\S)_(?![\w_])", re.I)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# Cheap pre-filters: most lines hold none of these, and str.translate with a dict is slow
_PROTECTED = re.compile("[\ue000-\ue07f]")
_ANY_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _has_markup(fragment: str) -> bool:
    """Whether any character markup starts with is in the fragment (seven str searches cost
    a seventh of one character-class scan)."""
    return ("<" in fragment or "[" in fragment or "{" in fragment or "*" in fragment
            or "_" in fragment or "&" in fragment or "!" in fragment)


def remove_bookmarks(raw: str) -> str:
    """Word bookmark anchors ("[bookmark: _Hlk…]") carry no text."""
    return _BOOKMARK.sub("", raw) if "[" in raw else raw


def protect_escapes(raw: str) -> str:
    r"""Swap Markdown escapes (``\*``) for placeholders no markup rule will touch."""
    if "\\" not in raw:  # most lines: no substitution to set up
        return raw
    return _ESCAPED.sub(lambda m: chr(_PROTECT_BASE + ord(m.group(1))), raw)


def restore_escapes(text: str) -> str:
    return text.translate(_RESTORE) if not text.isascii() and _PROTECTED.search(text) else text


def emphasis_of(fragment: str) -> str:
    """'bold' or 'italic' when emphasis covers every letter of the fragment, else ''."""
    if not _has_markup(fragment) or not any(ch.isalnum() for ch in fragment):
        return ""
    for name, span in (("bold", _BOLD_SPAN), ("italic", _ITALIC_SPAN)):
        rest = span.sub("", fragment)
        if rest != fragment and not any(ch.isalnum() for ch in rest):
            return name
    return ""


def strip_markup(fragment: str) -> str:
    """Visible text of a protected fragment: tags, links and emphasis markers removed."""
    if not _has_markup(fragment):
        return fragment
    text = _SUP_ORDINAL.sub(r"\1\2", fragment)
    text = _SUP_NOTE_REF.sub(_note_ref_or_power, text)
    text = _NOTE_REF.sub("", text)
    text = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    text = _NOTE_DEFINITION.sub(r"\1 ", text)
    text = _ATTRIBUTES.sub("", _ATTRIBUTE_SPAN.sub(r"\1", text))
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(_link_text, text)
    text = _TAG.sub("", _LINE_BREAK.sub(" ", text))  # "18 Smith<br>Square": a wrapped cell
    for _ in range(3):
        before = text
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDER.sub(r"\1", text)
        if text == before:
            break
    if _ENTITY.search(text):
        text = html.unescape(text)
    return text


def visible_text(fragment: str) -> str:
    """Markup removed, escapes restored, whitespace folded: what a reader of the paper sees."""
    text = restore_escapes(strip_markup(fragment))
    if not text.isascii() and _ANY_INVISIBLE.search(text):  # isascii costs nothing
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())  # str.split's whitespace is exactly re's \s


def _note_ref_or_power(match: re.Match[str]) -> str:
    """A raised number after a word is a footnote reference (dropped); after m or CO, a power."""
    before = match.string[:match.start()]
    return match.group(1) if _UNIT_BEFORE_POWER.search(before) else ""


def _link_text(match: re.Match[str]) -> str:
    label = match.group(1).strip()
    if label:
        return label
    target = match.group(2)
    return target[len("mailto:"):] if target.lower().startswith("mailto:") else target
