"""Joining a block's or a table cell's lines into text.

Three things decide what goes between two lines: a word hyphenated at the line end is
mended (see ``join_line_texts``); an e-mail address or web address broken inside itself,
as Word and LibreOffice break a long address in a narrow table cell
("gareth.ellingham@hollinsrid" + "ge.gov.uk"), is joined with nothing between; and in a
table cell, a line that ended although the next line's first word would have fitted on
it was ended by the writer (a name, a job title and a phone number stacked in one cell,
or an agenda item's title over its description), so the two keep a "\\n" between them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

# the end of a line inside an address: "jo.bloggs@hollinsrid", "jo@council.gov.", "https://x/"
_ADDRESS_END = re.compile(
    r"(?:^|\s)(?:[\w.+-]*@[\w.-]*|(?:https?://|www\.)\S*|[\w.+-]+)$", re.IGNORECASE)
_NAME_PART = re.compile(r"[\w+-]+(?:\.[\w+-]+)*")  # an address's name part: no trailing dot
_AT_OR_URL = re.compile(r"@|https?://|www\.", re.IGNORECASE)
# the rest of an address at the start of the next line: "ge.gov.uk", "uk", "@council.gov.uk"
_ADDRESS_REST = re.compile(r"^[a-z0-9@._/-][\w.@/%?=&#~+-]*(?=\s|$|[,;:)])")


class CellLine(NamedTuple):
    """One line of a table cell: its text and where it starts and ends."""

    text: str
    x0: float
    x1: float
    size: float


def join_line_texts(texts: list[str], known_word: Callable[[str], bool] | None = None) -> str:
    """Lines to one string, mending words hyphenated across a line end.

    A soft hyphen is always dropped. A plain hyphen before a lower-case letter is dropped
    only when the mended word is used elsewhere in the document ("imple-" + "mentation"
    where "implementation" occurs); otherwise the hyphen is real and kept, with no space
    ("application-" + "based" -> "application-based"), since Word and LibreOffice only
    break lines at hyphens the author typed unless hyphenation was switched on. An
    address broken inside itself is joined with nothing between (``broken_address``).
    """
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif out.endswith("\xad"):
            out = out[:-1] + text
        elif out[-1] == "-" and out[-2:-1].isalpha():
            mended = _last_word(out[:-1]) + text.split(" ", 1)[0]
            whole = text[0].islower() and known_word is not None and known_word(mended)
            out = (out[:-1] if whole else out) + text
        elif broken_address(out, text):
            out += text
        else:
            out = f"{out} {text}"
    return out.replace("\xad", "")


def broken_address(before: str, after: str) -> bool:
    """True when a line break falls inside an e-mail or web address.

    The line must end in a token with no space that is (part of) an address: one with
    "@" ("jo.bloggs@hollinsrid"), a web address ("www.x.gov.uk/meet"), or the name part
    of an address whose "@" is on the next line ("simon.brayfield" + "@fernhurst…",
    "rosalind.feathers" + "tonehaugh@ashvale…"; a word with no dot only when it is the
    whole line, so "write to" + "jo@x.gov.uk" stays two words).
    The next line must go on with the address: lower case, no space before its first "."
    or "/" ("ge.gov.uk"), or, after a token ending in "." or "-" or with no dot after its
    "@" yet, any lower-case rest ("jo@council.gov." + "uk"). A sentence that ends with an
    address and goes on "to book a place" is never joined.
    """
    if after[:1].isupper():
        return False
    tail = before[before.rfind(" ", 0, len(before) - 1) + 1:] if len(before) > 60 else before
    if not ("@" in tail or "." in tail or "/" in tail or "@" in after[:40]):
        return False  # the common case, a word wrapped at a space: no regex needed
    match = _ADDRESS_END.search(tail)
    rest = _ADDRESS_REST.match(after)
    if not match or not rest or after[:1].isupper():
        return False
    token, first = match.group(0).strip(), rest.group(0)
    if first.startswith("@"):  # "simon.brayfield" + "@fernhurst.gov.uk", not a handle
        return "@" not in token and "." in first and bool(re.fullmatch(r"[\w.+-]+", token))
    if not _AT_OR_URL.search(token):  # "rosalind.feathers" + "tonehaugh@ashvale.gov.uk"
        return "@" in first and token.islower() and bool(_NAME_PART.fullmatch(token)) and (
            token == before.strip() or "." in token.strip("."))
    domain = token.rsplit("@", 1)[-1]
    if token.endswith((".", "-", "@", "/")) or ("@" in token and "." not in domain):
        return True
    return "." in first or "/" in first


def join_cell_lines(lines: list[CellLine], limit: float,
                    known_word: Callable[[str], bool] | None = None) -> str:
    """A table cell's lines, top to bottom, as its text: lines the writer ended are kept
    apart by "\\n", wrapped ones joined. ``limit`` is the furthest right a line of the
    cell can reach; a line ended by the writer is one whose end plus the next line's
    first word (generously measured) still falls clearly short of it, unless that word
    goes on a sentence in lower case. An address may be too long to fit on any line, so
    one under a line ending in a capitalised word ("Head of Housing") starts an item."""
    items: list[list[str]] = []
    prev: CellLine | None = None
    for line in lines:
        if prev is None or (_ended_early(prev, line, limit)
                            and not broken_address(prev.text, line.text)):
            items.append([line.text])
        else:
            items[-1].append(line.text)
        prev = line
    return "\n".join(filter(None, (join_line_texts(item, known_word) for item in items)))


def _ended_early(prev: CellLine, line: CellLine, limit: float) -> bool:
    text = line.text.strip()
    if not text:
        return False
    first_word = text.split(" ", 1)[0]
    if _AT_OR_URL.search(first_word):  # an address too long to have fitted anyway
        last = prev.text.rstrip().rsplit(" ", 1)[-1]
        return last[-1:].isalnum() and not last.islower()  # "Head of Housing", not "to"
    if first_word[0].islower():
        return False  # "and tree works": a sentence goes on, whatever the line's length
    width = (line.x1 - line.x0) * len(first_word) / len(text)
    return prev.x1 + 0.3 * line.size + 1.25 * width < limit - 4


def _last_word(text: str) -> str:
    return text.rsplit(" ", 1)[-1]
