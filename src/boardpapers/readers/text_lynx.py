"""Text dumped from a web page by ``lynx -dump`` or ``w3m -dump``.

A dump numbers every link in the text ("Email: [1]jo.bloggs@x.gov.uk", "[5]Home >
[6]Cabinet") and lists the targets at the end under "References" ("1. mailto:…"). The
markers are not the paper's words and the list repeats what the text shows, so both go.
A URL the dump wrapped at the right margin ("…/councillor-developm" / "ent/") is put back
whole from the list. Rules drawn with underscores across the page become blank lines.

Only a text that ends in such a list is treated as a dump: "[1]" in any other text may be
a footnote or a reference and stays.
"""

from __future__ import annotations

import re
from collections import Counter

_REFERENCES = re.compile(r"^References[ \t]*$")
_REFERENCE_LINE = re.compile(r"^[ \t]*(?:(\d{1,4})\.[ \t]+(\S+)|(?:Visible|Hidden) links:)[ \t]*$")
_MARKER = re.compile(r"\[(\d{1,4})\]")
_UNDERSCORE_RULE = re.compile(r"^[ \t]*_{10,}[ \t]*$")
_URL_START = re.compile(r"\[(\d{1,4})\](\S+)$")


def strip_link_list(lines: list[str]) -> list[str]:
    """The lines without a dump's link markers and trailing References list (unchanged
    if the text does not end in such a list)."""
    start = _references_start(lines)
    if start is None:
        return lines
    targets = _targets(lines[start:])
    body = _rejoin_wrapped_urls(lines[:start], targets)
    return ["" if _UNDERSCORE_RULE.match(ln) else _without_markers(ln) for ln in body]


def is_link_dump(lines: list[str]) -> bool:
    """Whether the text ends in a dump's References list of numbered link targets."""
    return _references_start(lines) is not None


def _references_start(lines: list[str]) -> int | None:
    """Index of the "References" line when only the link list follows it."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if _REFERENCES.match(line):
            rest = [ln for ln in lines[i + 1:] if ln.strip()]
            return i if rest and all(_REFERENCE_LINE.match(ln) for ln in rest) else None
        if line.strip() and not _REFERENCE_LINE.match(line):
            return None
    return None


def _targets(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        match = _REFERENCE_LINE.match(line)
        if match and match.group(1):
            found.setdefault(match.group(1), match.group(2))
    return found


def _rejoin_wrapped_urls(lines: list[str], targets: dict[str, str]) -> list[str]:
    """"[5]https://…/councillor-developm" then "ent/": the URL whole on the first line."""
    out = list(lines)
    for i in range(len(out) - 1):
        match = _URL_START.search(out[i])
        if not match:
            continue
        shown, target = match.group(2), targets.get(match.group(1), "")
        rest = out[i + 1].strip()
        if target and shown != target and target.startswith(shown) and rest \
                and target == shown + rest.split()[0]:
            out[i] = out[i][:match.start(2)] + target
            out[i + 1] = out[i + 1].replace(rest.split()[0], "", 1)
    return out


def _without_markers(line: str) -> str:
    """"Contact: [1]jo@x.gov.uk" -> "Contact: jo@x.gov.uk"; "Engineer, [1]" -> "Engineer,"."""
    return _MARKER.sub("", line).rstrip() if _MARKER.search(line) else line


# Header labels of a report's cover table. A dump sets a two-column table as "Label Value"
# with as little as one space between the columns, so only these words are told apart from
# the value; a longer label is tried before a shorter one ("Report title" before "Title").
_COVER_LABELS = tuple(sorted((
    "report title", "title", "title of report", "subject", "report subject", "report to",
    "report of", "report by", "report from", "report author", "report authors", "author",
    "report authorised by", "report authorized by", "date", "date of meeting", "meeting date",
    "date of decision", "committee", "meeting", "decision maker", "wards", "ward",
    "wards affected", "ward(s) affected", "divisions affected", "electoral divisions",
    "electoral division", "electoral divisions affected", "key decision", "cabinet member",
    "portfolio", "portfolio holder", "lead member", "lead officer", "responsible officer",
    "status", "urgent", "exempt", "classification", "enclosures", "appendices",
    "contact for enquiries", "contact officer", "officer contact details", "report number",
    "report no", "reference", "forward plan reference", "purpose",
), key=len, reverse=True))
_HONORIFIC_FIRST_NAME = re.compile(r"\b(?:Councillor|Cllr\.?|Dr|Mr|Mrs|Ms|Mx)\s+[A-Z][\w'’-]+$")
_SPACED_ROW = re.compile(r"^ *\S.*?\S {3,}\S")  # "   Key decision            No"
_SURNAME_LINE = re.compile(r"^[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?$")


def split_cover_labels(lines: list[str], body_indent: int, dump: bool = False) -> list[str]:
    """"   Report title Acquisition of …" -> "   Report title<tab>Acquisition of …".

    ``lynx -dump`` writes a cover table's rows with one space between label and value,
    so the rows read as a paragraph. Where two or more lines near each other start with a
    cover label, each such line becomes a tab row (one table) and the lines the dump
    wrapped out of a row's value go back into it. Only for a dump: a margin (``body_indent``)
    and left-edge headings, or a trailing link list (``dump``) and lines at a small margin.
    """
    body_indent = body_indent or (_common_margin(lines) if dump else 0)
    if not body_indent:
        return lines
    split = [_split_label(ln, body_indent) for ln in lines]
    out: list[str] = []
    last_row: int | None = None  # index in out of the row wrapped lines go back into
    for i, line in enumerate(lines):
        if split[i] is not None and _has_label_neighbour(split, lines, i):
            out.append(split[i] or "")
            last_row = len(out) - 1
            continue
        if last_row is not None and _wrapped_value(out, last_row, line, body_indent):
            continue
        if line.strip():
            last_row = None
        out.append(line)
    return out


def _common_margin(lines: list[str]) -> int:
    """The indent most filled lines share, if it is a dump's small margin (2-4), else 0."""
    counts = Counter(len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip())
    indent = counts.most_common(1)[0][0] if counts else 0
    return indent if 2 <= indent <= 4 else 0


def _split_label(line: str, body_indent: int) -> str | None:
    indent = len(line) - len(line.lstrip(" "))
    text = line.strip()
    if indent != body_indent or "\t" in text or "  " in text:
        return None
    lowered = text.lower()
    for label in _COVER_LABELS:
        if lowered.startswith(label + " "):
            value = text[len(label) + 1:].strip()
            if value[:1].isupper() or value[:1].isdigit() or "@" in value.split()[0]:
                return f"{line[:indent]}{text[:len(label)]}\t{value}"
            return None
    return None


def _has_label_neighbour(split: list[str | None], lines: list[str], i: int) -> bool:
    """Another label line within three filled lines either side: a table, not a sentence."""
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(lines) and seen < 3:
            if lines[j].strip():
                if split[j] is not None or _SPACED_ROW.match(lines[j]):
                    return True
                seen += 1
            j += step
    return False


def _wrapped_value(out: list[str], row: int, line: str, body_indent: int) -> bool:
    """Put a wrapped line back at the end of the row's value: the line right under the row
    at the margin ("…: Councillor" / "Tobias"), or a lone surname the dump set a blank line
    apart from its first name ("Councillor Adaeze" / "" / "Okonkwo") or an e-mail address
    after a comma ("…, 020 7946 0417," / "" / "m.fell@x.gov.uk")."""
    text = line.strip()
    indent = len(line) - len(line.lstrip(" "))
    if not text or indent != body_indent:
        return False
    if row == len(out) - 1:
        out[row] = f"{out[row]} {text}"
        return True
    between = out[row + 1:]
    if all(not ln.strip() for ln in between) and (
            (_SURNAME_LINE.match(text) and _HONORIFIC_FIRST_NAME.search(out[row]))
            or (out[row].endswith(",") and " " not in text and "@" in text)):
        out[row] = f"{out[row]} {text}"
        return True
    return False
